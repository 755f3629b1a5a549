"""Review every open case overnight, from the case system's JSON Lines export.

Each line of the export is one `YouthCase` in kui-core's JSON format (`kui_core.serialization`).
For each case the script runs `review_case` on the given day and collects the findings; it then
prints a worklist for the team leader: errors first (must be handled), then warnings, each with
the young person's id, the rule code and the message. With --json it prints one JSON object per
finding instead, for the case system to import.

A line that cannot be read is refused with its line number and the field that was wrong; the other
cases are still reviewed, and the exit status is 1 so the job scheduler notices. The day is an
argument: pass the night's date from the scheduler, never the clock.

    python examples/nightly_review.py                                   # the shipped sample
    python examples/nightly_review.py export.jsonl --on 2026-03-02 --lang en
    python examples/nightly_review.py --json

The sample export, examples/data/open_cases.jsonl, is written by this script:

    python examples/nightly_review.py --write-sample examples/data/open_cases.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kui_core import (
    CoordinatorAssignment,
    DataError,
    DutyLapse,
    EducationPlan,
    Finding,
    Goal,
    GoalKind,
    Intervention,
    Offer,
    Participant,
    Period,
    Role,
    Severity,
    Youth,
    YouthCase,
    review_case,
)
from kui_core.serialization import dumps_jsonl, loads, unstructure

SAMPLE = Path(__file__).parent / "data" / "open_cases.jsonl"
SAMPLE_NIGHT = date(2026, 3, 2)


def read_export(lines: Iterable[str]) -> tuple[list[YouthCase], list[DataError]]:
    """Every readable case, and a `DataError` (path starting "line N: ") for each bad line."""
    cases: list[YouthCase] = []
    refused: list[DataError] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cases.append(loads(line, YouthCase))
        except DataError as error:
            where = f"line {number}: "
            refused.append(
                DataError(
                    where + error.path,
                    error.reason,
                    errors=tuple((where + path, reason) for path, reason in error.errors),
                )
            )
    return cases, refused


def review_all(cases: Iterable[YouthCase], on: date) -> list[tuple[str, Finding]]:
    """(person_id, finding) for every ERROR and WARNING of every case, errors first."""
    found = [
        (case.youth.person_id, finding)
        for case in cases
        for finding in review_case(case, on).findings
        if finding.severity is not Severity.INFO
    ]
    return sorted(found, key=lambda item: (item[1].severity.rank, item[0], item[1].code))


def worklist_text(
    cases: list[YouthCase], found: list[tuple[str, Finding]], on: date, lang: str
) -> str:
    heading = {
        "da": ("Natlig gennemgang {day}: {n} åbne forløb", "Fejl", "Advarsler", "I orden"),
        "en": ("Nightly review {day}: {n} open cases", "Errors", "Warnings", "In order"),
    }[lang]
    day = f"{on.day}.{on.month}.{on.year}"
    lines = [heading[0].format(day=day, n=len(cases))]
    for severity, title in ((Severity.ERROR, heading[1]), (Severity.WARNING, heading[2])):
        items = [(person, f) for person, f in found if f.severity is severity]
        lines.append("")
        lines.append(f"{title} ({len(items)}):")
        lines.extend(f"  {person}  {f.code}: {f.message(lang)}" for person, f in items)
    with_findings = {person for person, _ in found}
    in_order = [c.youth.person_id for c in cases if c.youth.person_id not in with_findings]
    lines.append("")
    lines.append(f"{heading[3]} ({len(in_order)}): {', '.join(in_order)}")
    return "\n".join(lines)


def finding_json(person_id: str, finding: Finding, on: date, lang: str) -> dict[str, Any]:
    """What the case system imports for one finding."""
    period = finding.period
    end = None if period is None or period.end is None else period.end.isoformat()
    return {
        "person_id": person_id,
        "on": on.isoformat(),
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message(lang),
        # half-open, as everywhere in kui-core: "end" is the first day after the period
        "period": None if period is None else {"start": period.start.isoformat(), "end": end},
        "subject": finding.subject,
    }


# -- the sample export --------------------------------------------------------------------------


def _plan(person: str, created: date, **changes: Any) -> EducationPlan:
    fields: dict[str, Any] = {
        "id": f"{person}-p1",
        "created_on": created,
        "participants": (Participant(person, Role.YOUTH), Participant("cw-7", Role.CASEWORKER)),
        "goals": (Goal("g-1", GoalKind.EDUCATION, "Start EUD in August", date(2026, 8, 1)),),
        "interventions": (
            Intervention("i-1", "UU", "Guidance", Period(created), frozenset({"g-1"})),
        ),
        "next_follow_up": date(2026, 4, 1),
    }
    fields.update(changes)
    return EducationPlan(**fields)


def _coordinator(who: str, start: date, end: date | None = None) -> CoordinatorAssignment:
    return CoordinatorAssignment(who, "UU", Period(start, end))


def sample_cases() -> list[YouthCase]:
    """Six open cases, each showing one kind of problem (or none) on 2 March 2026."""
    opened = date(2026, 1, 5)
    return [
        YouthCase(  # in order
            Youth("y-101", date(2005, 3, 10)),
            opened,
            plans=(_plan("y-101", opened),),
            coordinators=(_coordinator("anna", opened),),
        ),
        YouthCase(  # a week without a coordinator in February
            Youth("y-102", date(2004, 7, 1)),
            opened,
            plans=(_plan("y-102", opened),),
            coordinators=(
                _coordinator("anna", opened, date(2026, 2, 2)),
                _coordinator("bo", date(2026, 2, 9)),
            ),
        ),
        YouthCase(  # the follow-up date has passed and a goal is overdue
            Youth("y-103", date(2003, 11, 20)),
            opened,
            plans=(
                _plan(
                    "y-103",
                    opened,
                    next_follow_up=date(2026, 2, 15),
                    goals=(Goal("g-1", GoalKind.JOB, "Internship", date(2026, 2, 28)),),
                ),
            ),
            coordinators=(_coordinator("anna", opened),),
        ),
        YouthCase(  # 16 years old, stopped attending; not contacted within 5 working days
            Youth("y-104", date(2009, 5, 1)),
            opened,
            plans=(
                _plan(
                    "y-104",
                    opened,
                    duty_description="Full-time FGU",
                    participants=(
                        Participant("y-104", Role.YOUTH),
                        Participant("p-104", Role.PARENT),  # the parents take part (§ 2 a)
                        Participant("cw-7", Role.CASEWORKER),
                    ),
                ),
            ),
            coordinators=(_coordinator("cy", opened),),
            duty_lapses=(DutyLapse(noticed_on=date(2026, 2, 16)),),
        ),
        YouthCase(  # FGU ended in January, nothing next within 30 days
            Youth("y-105", date(2005, 9, 9)),
            date(2025, 8, 1),
            plans=(
                _plan(
                    "y-105",
                    date(2025, 8, 1),
                    goals=(Goal("g-1", GoalKind.EDUCATION, "Start EUD", date(2026, 8, 1)),),
                ),
            ),
            coordinators=(_coordinator("bo", date(2025, 8, 1)),),
            offers=(Offer("pl-1", "FGU", Period(date(2025, 8, 11), date(2026, 1, 9))),),
        ),
        YouthCase(  # no plan and no coordinator yet
            Youth("y-106", date(2006, 12, 24)), date(2026, 2, 20)
        ),
    ]


def write_sample(path: Path) -> None:
    """The sample export: the six cases, then one line with an impossible date."""
    bad_case = unstructure(sample_cases()[0])
    bad_case["youth"]["person_id"] = "y-107"
    bad_case["opened_on"] = "2026-02-30"
    bad = json.dumps(bad_case, ensure_ascii=False)
    path.write_text(dumps_jsonl(sample_cases()) + bad + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Review every open case in a JSON Lines export.")
    parser.add_argument("export", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--on", type=date.fromisoformat, default=SAMPLE_NIGHT)
    parser.add_argument("--lang", choices=("da", "en"), default="da")
    parser.add_argument("--json", action="store_true", help="one JSON object per finding")
    parser.add_argument("--write-sample", type=Path, metavar="PATH", help="write the sample")
    args = parser.parse_args(argv)
    if args.write_sample:
        write_sample(args.write_sample)
        return 0

    with args.export.open(encoding="utf-8") as export:
        cases, refused = read_export(export)
    found = review_all(cases, args.on)
    if args.json:
        for person, finding in found:
            print(json.dumps(finding_json(person, finding, args.on, args.lang), ensure_ascii=False))
    else:
        print(worklist_text(cases, found, args.on, args.lang))
    for error in refused:  # the line itself is never echoed: it may hold a CPR number
        print(f"refused: {error}", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
