"""Embed the eligibility check in a case system's intake.

A case system receives intake records in its own format (here: a JSON list, as an intake form
or an integration might deliver them). For each applicant this script

1. maps the record onto kui-core's models, refusing bad data with the field that was wrong;
2. asks `assess_eligibility` whether the young person is in the KUI target group on the intake
   day, and whether outreach is due;
3. prints a short decision for the caseworker (Danish by default) with the reasons and their
   main source ("Hjemmel" for law, "Kilde" for guidance), or, with --json, one JSON object per
   applicant for the case system to store.

The reference day is an argument, never the clock: pass the intake day in production.

    python examples/intake_eligibility.py                       # the shipped sample, 15.1.2026
    python examples/intake_eligibility.py intake.json --on 2026-03-02 --lang en
    python examples/intake_eligibility.py --json

The municipality's own choices go into one Policy, built once (here: office closed on
Grundlovsdag; everything else as documented).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from kui_core import (
    DEFAULT_POLICY,
    CprNumber,
    DataError,
    EducationRecord,
    Eligibility,
    Employment,
    Period,
    Programme,
    Youth,
    assess_eligibility,
)

SAMPLE = Path(__file__).parent / "data" / "intake.json"
SAMPLE_DAY = date(2026, 1, 15)

# Our municipality's policy: decided by the youth committee (reference the decision here).
OUR_POLICY = attrs.evolve(DEFAULT_POLICY, extra_closed_days=frozenset({date(2026, 6, 5)}))


def _day(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise DataError(path, f"expected an ISO date string, got {type(value).__name__}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(path, f"expected an ISO date (YYYY-MM-DD), got {value!r}") from None


def _optional_day(value: Any, path: str) -> date | None:
    return None if value is None else _day(value, path)


def _located(path: str, error: DataError) -> DataError:
    """The model's error, with the intake record's location in front of the field name."""
    field = error.path.rsplit(".", 1)[-1]
    return DataError(f"{path}.{field}", error.reason)


def education_from_intake(item: dict[str, Any], path: str) -> EducationRecord:
    """One education entry of the intake form."""
    try:
        programme = Programme(item.get("programme"))
    except ValueError:
        given = item.get("programme")
        raise DataError(f"{path}.programme", f"unknown programme {given!r}") from None
    try:
        return EducationRecord(
            programme,
            _day(item.get("started_on"), f"{path}.started_on"),
            completed_on=_optional_day(item.get("completed_on"), f"{path}.completed_on"),
            left_on=_optional_day(item.get("left_on"), f"{path}.left_on"),
        )
    except DataError as error:
        if error.path.startswith(path):
            raise
        raise _located(path, error) from None


def job_from_intake(item: dict[str, Any], path: str) -> Employment:
    """One job entry of the intake form: from, until (inclusive, or null), hours a week."""
    start = _day(item.get("from"), f"{path}.from")
    last = _optional_day(item.get("until"), f"{path}.until")
    # The form asks for the last working day ("til og med"); a Period ends the day after.
    end = None if last is None else date.fromordinal(last.toordinal() + 1)
    try:
        return Employment(Period(start, end), item.get("hours_per_week"))
    except DataError as error:
        raise _located(path, error) from None


def youth_from_intake(record: dict[str, Any]) -> Youth:
    """Map one intake record onto a `Youth`; bad data raises `DataError` with the field path."""
    cpr_text = record.get("cpr")
    try:
        return Youth(
            person_id=record.get("id"),
            birth_date=_day(record.get("birth_date"), "birth_date"),
            educations=tuple(
                education_from_intake(item, f"educations[{i}]")
                for i, item in enumerate(record.get("educations", []))
            ),
            employments=tuple(
                job_from_intake(item, f"jobs[{i}]") for i, item in enumerate(record.get("jobs", []))
            ),
            cpr=None if cpr_text is None else CprNumber(cpr_text),
        )
    except DataError as error:
        if error.path.startswith("Youth."):
            raise DataError(error.path.removeprefix("Youth."), error.reason) from None
        raise


def decision_text(person_id: str, result: Eligibility, lang: str) -> str:
    """The caseworker's summary: the answer first, then every reason with its main source."""
    yes, no = ("ja", "nej") if lang == "da" else ("yes", "no")
    # None: the records cannot decide (Youth.educations_known_until / employments_known_until)
    undecided = "kan ikke afgøres" if lang == "da" else "cannot decide"
    outreach = {True: yes, False: no, None: undecided}[result.outreach_required]
    last = result.eligible_until
    until = f"{last.day}.{last.month}.{last.year}"
    labels = (
        ("alder", "i målgruppen", "opsøgende indsats", "i målgruppen til og med")
        if lang == "da"
        else ("age", "in target group", "outreach", "eligible until")
    )
    lines = [
        f"{person_id}: {labels[0]} {result.age}, {labels[1]}: "
        f"{yes if result.in_target_group else no}, {labels[2]}: "
        f"{outreach}, {labels[3]} {until}"
    ]
    for finding in result.findings:
        lines.append(f"  - {finding.code}: {finding.message(lang)}")
        lines.append(f"    {finding.legal_basis.label(lang)}: {finding.legal_basis}")
    return "\n".join(lines)


def decision_json(person_id: str, result: Eligibility) -> dict[str, Any]:
    """What the case system stores: the answer, the day it was given for, and the codes."""
    return {
        "person_id": person_id,
        "on": result.on.isoformat(),
        "in_target_group": result.in_target_group,
        "outreach_required": result.outreach_required,
        "eligible_until": result.eligible_until.isoformat(),
        "codes": list(result.codes),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("intake", nargs="?", type=Path, default=SAMPLE, help="JSON list of records")
    parser.add_argument("--on", type=date.fromisoformat, default=SAMPLE_DAY, help="intake day")
    parser.add_argument("--lang", choices=("da", "en"), default="da")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)

    records = json.loads(args.intake.read_text(encoding="utf-8"))
    rejected = 0
    for index, record in enumerate(records):
        person_id = record.get("id", f"record {index}")
        try:
            youth = youth_from_intake(record)
        except DataError as error:  # never echo the record: it may hold a CPR number
            rejected += 1
            print(f"{person_id}: rejected: {error}", file=sys.stderr)
            continue
        result = assess_eligibility(youth, on=args.on, policy=OUR_POLICY)
        if args.json:
            print(json.dumps(decision_json(youth.person_id, result), ensure_ascii=False))
        else:
            print(decision_text(youth.person_id, result, args.lang))
    print(f"{len(records) - rejected} assessed, {rejected} rejected", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
