"""Build young people from a case system's CSV exports and list who needs outreach.

Many municipal systems export three semicolon-separated tables with Danish labels and dates as
dd-mm-yyyy (often with a byte order mark from Excel): the young people, their education records
and their jobs. This script maps those columns and labels to kui-core (`kui_core.tables`), says
which rows it could not use (table, row and column; never the value), and prints the outreach
list for the given day. End dates in these exports are "til og med" (the last day), so the call
says `EndDates.INCLUSIVE`.

    python examples/from_csv_exports.py                       # the shipped sample, 2025-01-15
    python examples/from_csv_exports.py --on 2025-03-01 --dir path/to/exports

A row that cannot be used leaves its young person out of the list and makes the exit status 1,
so the job scheduler notices. The shipped sample has two bad rows on purpose.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kui_core import Programme, assess_eligibility
from kui_core.tables import Columns, EndDates, Status, TableResult, read_csv, youths_from_rows

SAMPLE = Path(__file__).parent / "data"

COLUMNS = Columns(
    person_id="id",
    birth_date="foedselsdato",
    municipality_code="kommune",
    programme="uddannelse",
    education_start="startdato",
    education_end="slutdato",
    education_status="status",
    employment_start="startdato",
    employment_end="slutdato",
    hours_per_week="timer_pr_uge",
)
PROGRAMMES = {
    "Folkeskole": Programme.PRIMARY_SCHOOL,
    "10. klasse": Programme.TENTH_GRADE,
    "Gymnasium (stx)": Programme.STX,
    "Gymnasium (hhx)": Programme.HHX,
    "Gymnasium (htx)": Programme.HTX,
    "HF": Programme.HF,
    "Erhvervsuddannelse (eud)": Programme.EUD,
    "EUX": Programme.EUX,
    "FGU": Programme.FGU,
    "STU": Programme.STU,
    "Videregående uddannelse": Programme.HIGHER,
}
STATUSES = {"I gang": Status.ONGOING, "Fuldført": Status.COMPLETED, "Afbrudt": Status.LEFT}


def read_exports(folder: Path) -> TableResult:
    """The three exports of ``folder`` as young people, and the rows that could not be used."""
    with (
        (folder / "unge.csv").open(encoding="utf-8", newline="") as people,
        (folder / "uddannelser.csv").open(encoding="utf-8", newline="") as educations,
        (folder / "beskaeftigelse.csv").open(encoding="utf-8", newline="") as jobs,
    ):
        return youths_from_rows(
            read_csv(people),
            educations=read_csv(educations),
            employments=read_csv(jobs),
            columns=COLUMNS,
            programmes=PROGRAMMES,
            statuses=STATUSES,
            end_dates=EndDates.INCLUSIVE,
            decimal=",",
            on_error="collect",
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=SAMPLE, help="folder with the three exports")
    parser.add_argument("--on", type=date.fromisoformat, default=date(2025, 1, 15))
    args = parser.parse_args(argv)
    result = read_exports(args.dir)
    for error in result.errors:
        print(f"not used: {error}", file=sys.stderr)
    print(f"{len(result.youths)} young people read, {len(result.errors)} rows not used")
    for youth in result.youths:
        eligibility = assess_eligibility(youth, args.on)
        if eligibility.outreach_required:
            print(f"outreach: {youth.person_id} (age {eligibility.age})")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
