"""``kui check CASE.json``: every rule for one case, as text or JSON.

Reads one :class:`~kui_core.case.YouthCase` (JSON as written by
:func:`kui_core.serialization.dumps`) and prints its review on ``--on`` (default: today — the
command line may read the clock; the library core never does): the target group, the education
plan in force, the single coordinator, transitions between offers and the 15–17 duty
deadlines. ``--severity CODE=LEVEL`` (repeatable) sets a rule's severity as
:attr:`Policy.severities <kui_core.Policy.severities>` does (``error``, ``warning``, ``info``, or
``off`` to switch the rule off). Exit status 1 when there are ERROR findings under those
severities, 0 otherwise, 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from typing import Any, TextIO

import attrs

from ..audit import AuditStamp
from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..coordination import handover
from ..errors import DataError
from ..findings import Finding, Severity
from ..legal import LegalBasis
from ..periods import Period
from ..plan import EducationPlan, Goal, GoalKind, Intervention, Participant, Role
from ..policy import DEFAULT_POLICY, Policy
from ..review import CaseReport, review_case
from ..serialization import loads
from ..youth import Youth
from .app import reference_day
from .text import table

__all__ = [
    "demo_cases",
    "demo_section",
    "finding_json",
    "policy_from",
    "register",
    "report_json",
    "run",
    "source_json",
]


def register(subparsers: Any) -> None:
    """Add ``kui check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help="review one case: plan, coordinator, transitions, duty deadlines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("case", metavar="CASE.json", help="one case (YouthCase) as JSON")
    parser.add_argument("--on", metavar="DATE", help="reference day YYYY-MM-DD (default: today)")
    parser.add_argument("--lang", choices=["da", "en"], default="da", help="text language")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--severity",
        metavar="CODE=LEVEL",
        action="append",
        default=[],
        help="a rule's severity: error, warning, info or off (repeatable)",
    )
    parser.set_defaults(handler=run)


_LEVELS: dict[str, Severity | None] = {s.value: s for s in Severity} | {"off": None}


def policy_from(settings: list[str]) -> Policy:
    """The policy of ``--severity CODE=LEVEL`` settings; :class:`DataError` on a bad one."""
    severities: dict[str, Severity | None] = {}
    for setting in settings:
        code, sep, level = setting.partition("=")
        if not sep or level not in _LEVELS:
            # The setting is not echoed: it might be a CPR number typed in the wrong place.
            raise DataError("--severity", "expected CODE=error|warning|info|off")
        severities[code] = _LEVELS[level]
    if not severities:
        return DEFAULT_POLICY
    return Policy(severities=severities)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Read the case, review it and print the report; 1 on ERROR findings, 2 on bad input."""
    try:
        on = reference_day(args.on)
        policy = policy_from(args.severity)
    except DataError as error:  # the options are at fault, not the case file
        print(f"kui check: {error}", file=sys.stderr)
        return 2
    try:
        with open(args.case, "rb") as handle:
            data = handle.read()
        case = loads(data, YouthCase)
    except OSError as error:
        print(f"kui check: {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    except DataError as error:
        print(f"kui check: {args.case}: {error}", file=sys.stderr)
        return 2
    report = review_case(case, on, policy)
    if args.format == "json":
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2), file=out)
    else:
        print(report.render(args.lang), file=out)
    return 0 if report.valid else 1


def source_json(source: LegalBasis) -> dict[str, Any]:
    """A source for machines: kind, citation, quote, URL, check date, verified, note."""
    return {
        "kind": source.kind.value,
        "law": source.law,
        "paragraph": source.paragraph,
        "title": source.title,
        "quote": source.quote,
        "url": source.url,
        "checked_on": None if source.checked_on is None else source.checked_on.isoformat(),
        "verified": source.verified,
        "note": source.note,
    }


def finding_json(item: Finding) -> dict[str, Any]:
    """A finding for machines: code, severity, both messages, sources, period, subject.

    The period is half-open as everywhere (``end`` is the first day not included, ``null`` when
    open-ended); ``last_day`` is the inclusive last day people read ("til og med").
    """
    period = None
    if item.period is not None:
        last = item.period.last_day
        period = {
            "start": item.period.start.isoformat(),
            "end": None if item.period.end is None else item.period.end.isoformat(),
            "last_day": None if last is None else last.isoformat(),
        }
    return {
        "code": item.code,
        "severity": item.severity.value,
        "messages": {"da": item.message("da"), "en": item.message("en")},
        "sources": [source_json(source) for source in item.sources],
        "period": period,
        "subject": item.subject,
    }


def report_json(report: CaseReport) -> dict[str, Any]:
    """The whole review as a JSON-ready dict."""
    eligibility = report.eligibility
    return {
        "person_id": report.person_id,
        "on": report.on.isoformat(),
        "valid": report.valid,
        "errors": len(report.errors),
        "eligibility": {
            "age": eligibility.age,
            "in_target_group": eligibility.in_target_group,
            "enrolled": eligibility.enrolled,
            "outreach_required": eligibility.outreach_required,
            "eligible_until": eligibility.eligible_until.isoformat(),
        },
        "plan_id": report.plan_id,
        "findings": [finding_json(item) for item in report.findings],
        "stamp": None if report.stamp is None else stamp_json(report.stamp),
    }


def stamp_json(stamp: AuditStamp) -> dict[str, Any]:
    """Which rules and policy produced a report (:mod:`kui_core.audit`)."""
    return {
        "library_version": stamp.library_version,
        "rules_checked_on": stamp.rules_checked_on.isoformat(),
        "policy_fingerprint": stamp.policy_fingerprint,
    }


# -- the demo section -----------------------------------------------------------------------


def _day(on: _dt.date, days: int) -> _dt.date:
    return on + _dt.timedelta(days=days)


def demo_cases(on: _dt.date) -> list[tuple[str, YouthCase]]:
    """A handful of deterministic synthetic cases around ``on``, each with its story."""
    opened = _day(on, -300)

    def youth(person_id: str, age: int) -> Youth:
        return Youth(person_id, _dt.date(on.year - age, 2, 14))

    def plan(person_id: str, duty: str | None = None) -> EducationPlan:
        return EducationPlan(
            id=f"{person_id}-plan",
            created_on=opened,
            participants=(
                Participant(person_id, Role.YOUTH),
                Participant("k1", Role.COORDINATOR),
                # A 15–17-year-old's parents take part (KUI law § 2 a, stk. 3).
                *((Participant(f"{person_id}-parent", Role.PARENT),) if duty else ()),
            ),
            goals=(Goal("g1", GoalKind.EDUCATION, "Start på EUD", _day(on, 200)),),
            interventions=(
                Intervention("i1", "UU", "Vejledning", Period(opened), frozenset({"g1"})),
                Intervention("i2", "JOB", "Praktik", Period(_day(on, -120)), frozenset({"g1"})),
            ),
            next_follow_up=_day(on, 60),
            duty_description=duty,
        )

    def base(person_id: str, age: int = 19, duty: str | None = None) -> YouthCase:
        return YouthCase(
            youth(person_id, age),
            opened,
            plans=(plan(person_id, duty),),
            coordinators=(CoordinatorAssignment("k1", "UU", Period(opened)),),
            offers=(Offer("fgu", "FGU", Period(opened)),),
        )

    clean = base("ung-01")
    handed_over = handover(
        base("ung-02"), CoordinatorAssignment("k2", "JOB", Period(_day(on, -90))), _day(on, -90)
    )
    gap = attrs.evolve(
        base("ung-03"),
        coordinators=(
            CoordinatorAssignment("k1", "UU", Period(opened, _day(on, -150))),
            CoordinatorAssignment("k3", "UU", Period(_day(on, -136))),
        ),
    )
    overlap = attrs.evolve(
        base("ung-04"),
        coordinators=(
            CoordinatorAssignment("k1", "UU", Period(opened)),
            CoordinatorAssignment("k4", "SOC", Period(_day(on, -30))),
        ),
    )
    noticed = _day(on, -60)
    duty = attrs.evolve(
        base("ung-05", age=16, duty="Går på FGU"),
        duty_lapses=(
            DutyLapse(noticed, contacted_on=_day(noticed, 9), new_activity_on=_day(noticed, 20)),
        ),
    )
    lost = attrs.evolve(
        base("ung-06"), offers=(Offer("fgu", "FGU", Period(opened, _day(on, -45))),)
    )
    return [
        ("one coordinator throughout", clean),
        ("handover without gap", handed_over),
        ("two weeks without coordinator", gap),
        ("two coordinators for a month", overlap),
        ("duty: contacted too late", duty),
        ("offer ended, no next step", lost),
    ]


def demo_section(out: TextIO, on: _dt.date) -> None:
    """``kui demo``: a few synthetic cases and what ``kui check`` finds in them."""
    print(f"Case reviews on {on.isoformat()} (synthetic cases, as `kui check` sees them)", file=out)
    rows: list[list[object]] = []
    for story, case in demo_cases(on):
        report = review_case(case, on)
        problems = [f for f in report.findings if f.severity.rank < 2]
        if not problems:
            rows.append([case.youth.person_id, story, "ok", ""])
        for item in problems:
            where = item.period.format("en") if item.period is not None else ""
            what = f"{item.code} {item.subject}" if item.subject else item.code
            rows.append([case.youth.person_id, story, what, where])
    print(table(["case", "story", "finding", "period"], rows), file=out)
