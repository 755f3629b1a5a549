"""``kui check CASE.json``: every rule for one case, as text, JSON or an HTML page.

Reads one :class:`~kui_core.case.YouthCase` (JSON as written by
:func:`kui_core.serialization.dumps`; ``-`` reads standard input) and prints its review on
``--on`` (default: today): the target group, the education
plan in force, the single coordinator, transitions between offers and the 15–17 duty
deadlines. ``--severity CODE=LEVEL`` (repeatable) sets a rule's severity as
:attr:`Policy.severities <kui_core.Policy.severities>` does (``error``, ``warning``, ``info``, or
``off`` to switch the rule off). Exit status 1 when there are ERROR findings under those
severities, 0 otherwise, 2 on bad input. ``--format html`` writes one self-contained page
(the case's picture, the findings by severity with their sources, the audit facts) that opens
offline: ``kui check case.json --format html > case.html``.

A file of JSON Lines (``*.jsonl``, or ``--jsonl``) holds one case a line: each case's review is
printed as it comes, then a summary by rule code; a bad line is one line on stderr and the
others are still reviewed (exit status 2 then).

A case file may hold at most ``--max-size`` megabytes (default 50; a case that size needs about
ten times as much memory to read); a larger one is refused with exit status 2. Text shaped like a
CPR number (an id that is one) is printed as ``<cpr hidden>``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import attrs

from ..audit import AuditStamp
from ..bulk import summarize_reviews
from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..coordination import handover
from ..errors import DataError, mask_cpr
from ..findings import Finding, Severity
from ..legal import LegalBasis
from ..periods import Period, format_day
from ..picture import case_report_html, subject_day
from ..plan import EducationPlan, Goal, GoalKind, Intervention, Participant, Role
from ..policy import DEFAULT_POLICY, Policy
from ..review import CaseReport, review_case
from ..serialization import loads
from ..youth import Youth
from .app import masked, reference_day
from .text import plain, table

__all__ = [
    "MAX_SIZE_MB",
    "demo_cases",
    "demo_section",
    "finding_json",
    "policy_from",
    "register",
    "report_json",
    "run",
    "source_json",
    "stamp_json",
]


def register(subparsers: Any) -> None:
    """Add ``kui check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help="review one case: plan, coordinator, transitions, duty deadlines",
        description=plain(__doc__),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "case",
        metavar="CASE.json",
        help="one case (YouthCase) as JSON; - reads standard input; *.jsonl: one case a line",
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read JSON Lines, one case a line (default: only for a *.jsonl file name)",
    )
    parser.add_argument("--on", metavar="DATE", help="reference day YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--lang", choices=["da", "en"], default="da", help="language of the text (default: da)"
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "html"],
        default="text",
        help="text (default), json, or html: one offline page with the case's picture",
    )
    parser.add_argument(
        "--severity",
        metavar="CODE=LEVEL",
        action="append",
        default=[],
        help="a rule's severity: error, warning, info or off (repeatable; default: the"
        " catalogue's)",
    )
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=_megabytes,
        default=MAX_SIZE_MB,
        help=f"refuse a case file larger than MB megabytes (default {MAX_SIZE_MB})",
    )
    parser.set_defaults(handler=run)


MAX_SIZE_MB = 50
"""The default largest case file ``kui check`` reads, in megabytes (2**20 bytes): reading a case
takes about ten times its size in memory."""


def _megabytes(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= 2**20:
        raise argparse.ArgumentTypeError("expected a whole number of megabytes from 1 to 1048576")
    return int(text)


def _read(path: str, limit: int) -> bytes | None:
    """The file's bytes; ``None`` where it holds more than ``limit`` bytes (never read whole)."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            return None
        data = handle.read(limit + 1)  # a pipe or a growing file has no size to ask first
    return None if len(data) > limit else data


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
    """Read the case (or cases), review and print; 1 on ERROR findings, 2 on bad input."""
    try:
        on = reference_day(args.on)
        policy = policy_from(args.severity)
    except DataError as error:  # the options are at fault, not the case file
        print(f"kui check: {error}", file=sys.stderr)
        return 2
    stdin = args.case == "-"
    name = "stdin" if stdin else mask_cpr(args.case)  # a file may be named after the person
    limit = args.max_size * 2**20
    if args.jsonl or args.case.endswith(".jsonl"):
        if args.format == "html":
            print("kui check: --format html shows one case, not JSON Lines", file=sys.stderr)
            return 2
        return _run_lines(args, name, limit, on, policy, out)
    try:
        data = _read_stdin(limit) if stdin else _read(args.case, limit)
        if data is None:
            print(
                f"kui check: {name}: larger than {args.max_size} MB (--max-size)", file=sys.stderr
            )
            return 2
        case = loads(data, YouthCase)
    except OSError as error:
        print(f"kui check: {name}: {error.strerror}", file=sys.stderr)
        return 2
    except DataError as error:
        print(f"kui check: {name}: {error}", file=sys.stderr)
        return 2
    report = review_case(case, on, policy)
    if args.format == "json":
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2), file=out)
    elif args.format == "html":
        print(_html(case, on, report, args.lang, policy), file=out, end="")
    else:
        print(report.render(args.lang), file=masked(out))
    return 0 if report.valid else 1


def _read_stdin(limit: int) -> bytes | None:
    data = sys.stdin.buffer.read(limit + 1)
    return None if len(data) > limit else data


def _lines(path: str, limit: int) -> Iterator[bytes | None]:
    """The lines of ``path`` (``-``: standard input); ``None`` for a line longer than ``limit``
    bytes, which is skipped without being held in memory."""
    with contextlib.ExitStack() as stack:
        handle = sys.stdin.buffer if path == "-" else stack.enter_context(open(path, "rb"))
        while line := handle.readline(limit + 1):
            if len(line) <= limit or line.endswith(b"\n"):
                yield line
                continue
            while (rest := handle.readline(2**20)) and not rest.endswith(b"\n"):
                pass  # the rest of an over-long line, read in pieces and dropped
            yield None


def _run_lines(
    args: argparse.Namespace,
    name: str,
    limit: int,
    on: _dt.date,
    policy: Policy,
    out: TextIO,
) -> int:
    """JSON Lines of cases: each case's report as it comes, then a summary by rule code. A bad
    line is one line on stderr (its number and the field), and the others are still reviewed."""
    bad = 0

    def reports() -> Iterator[CaseReport]:
        nonlocal bad
        for number, line in enumerate(_lines(args.case, limit), 1):
            if line is not None and not line.strip():
                continue
            try:
                if line is None:
                    raise DataError("$", f"larger than {args.max_size} MB (--max-size)")
                case = loads(line, YouthCase)
            except DataError as error:
                bad += 1
                print(f"kui check: {name}: line {number}: {error}", file=sys.stderr)
                continue
            report = review_case(case, on, policy)
            if args.format == "json":
                print(json.dumps(report_json(report), ensure_ascii=False), file=out)
            else:
                print(report.render(args.lang) + "\n", file=masked(out))
            yield report

    try:
        summary = summarize_reviews(reports())
    except OSError as error:
        print(f"kui check: {name}: {error.strerror}", file=sys.stderr)
        return 2
    if args.format == "json":
        document = {
            "summary": {
                "cases": summary.cases,
                "invalid": summary.invalid,
                "refused_lines": bad,
                "by_code": dict(summary.by_code),
            }
        }
        print(json.dumps(document, ensure_ascii=False), file=out)
    else:
        print(summary.render(), file=out)
        if bad:
            print(f"{bad} line{'s' if bad > 1 else ''} refused (see stderr)", file=out)
    if bad:
        return 2
    return 1 if summary.invalid else 0


def _html(case: YouthCase, on: _dt.date, report: CaseReport, lang: str, policy: Policy) -> str:
    """The HTML report with CPR-shaped text masked (escaped for HTML); the policy fingerprint,
    sixteen hex digits that may hold ten decimal ones in a row, is kept as it is."""
    page = case_report_html(case, on, report, lang=lang, policy=policy)
    assert report.stamp is not None  # review_case stamps every report
    fingerprint = report.stamp.policy_fingerprint
    page = mask_cpr(page.replace(fingerprint, "\x00"))
    return page.replace("<cpr hidden>", "&lt;cpr hidden&gt;").replace("\x00", fingerprint)


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
        "messages": {"da": mask_cpr(item.message("da")), "en": mask_cpr(item.message("en"))},
        "sources": [source_json(source) for source in item.sources],
        "period": period,
        "subject": None if item.subject is None else mask_cpr(item.subject),
    }


def report_json(report: CaseReport) -> dict[str, Any]:
    """The whole review as a JSON-ready dict."""
    eligibility = report.eligibility
    return {
        "person_id": mask_cpr(report.person_id),
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
        "plan_id": None if report.plan_id is None else mask_cpr(report.plan_id),
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


def _day_subject(subject: str) -> str:
    """A subject that is a day (a deadline) as people write it, ``7.8.2026``."""
    day = subject_day(subject)
    return subject if day is None else format_day(day)


def demo_section(out: TextIO, on: _dt.date) -> None:
    """``kui demo``: a few synthetic cases and what ``kui check`` finds in them."""
    print(f"Case reviews on {format_day(on)} (synthetic cases, as `kui check` sees them)", file=out)
    rows: list[list[object]] = []
    for story, case in demo_cases(on):
        report = review_case(case, on)
        problems = [f for f in report.findings if f.severity.rank < 2]
        if not problems:
            rows.append([case.youth.person_id, story, "ok", ""])
        for item in problems:
            where = item.period.format("en") if item.period is not None else ""
            what = f"{item.code} {_day_subject(item.subject)}" if item.subject else item.code
            rows.append([case.youth.person_id, story, what, where])
    print(table(["case", "story", "finding", "period"], rows), file=out)
