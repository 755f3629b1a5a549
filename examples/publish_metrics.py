"""Publish the yearly metrics table, with small counts suppressed.

Municipalities publish their results every year, and their application shares (søgetal) with
their targets by the end of May (ministry guidance: uvm.dk, "Kommunernes måltal for søgning til
ungdomsuddannelserne"). This script makes the table for a group of municipalities:

- completion: 25-year-olds with a completed qualifying education (1 October);
- NEET: 15–24-year-olds with no attachment to education or work (1 October);
- vocational applications: the EUD/EUX share of the 9th/10th-grade applications that are not
  for 10th grade (søgetal, as the ministry counts them);

each per municipality and in total, with the national targets underneath (and a word where a
target's baseline is measured differently from the column, as the completion target's is).
Cells built on small counts show "[suppressed]" (primary suppression), and so does the
next-smallest cell wherever the small one could otherwise be worked out from the total
(secondary suppression). The counts behind a suppressed cell are never printed.

The input is generated here with `kui_core.synthetic` (seeded: the same year gives the same
table) in place of your own export; Læsø is thinned out to make it as small as it really is.

    python examples/publish_metrics.py                 # 2025, Markdown
    python examples/publish_metrics.py --year 2024 --format csv
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from datetime import date

from kui_core import (
    NATIONAL_TARGETS,
    Breakdown,
    Direction,
    Measure,
    Rate,
    Track,
    Youth,
    application_shares,
    completion_rate,
    neet_share,
)
from kui_core.metrics import APPLICATIONS_MEASURE, COMPLETION_MEASURE, NEET_MEASURE
from kui_core.municipalities import MUNICIPALITIES
from kui_core.synthetic import applications, population

CODES = ("561", "573", "575", "825")  # Esbjerg, Varde, Vejen, Læsø
SMALL = "825"
MEASURES: dict[str, Measure] = {  # what the table's column for each target measures
    "completion_2030": COMPLETION_MEASURE,
    "neet_2030": NEET_MEASURE,
    "vocational_2020": APPLICATIONS_MEASURE,
    "vocational_2025": APPLICATIONS_MEASURE,
}


def synthetic_export(year: int) -> tuple[list[Youth], list[Youth]]:
    """Stand-in for your export: the young people on 1 October and on 1 March of ``year``."""

    def thin(people: list[Youth]) -> list[Youth]:
        # Keep one in 40 of Læsø's young people: a municipality of under 2,000 inhabitants.
        return [p for p in people if p.municipality_code != SMALL or int(p.person_id[1:]) % 40 == 0]

    october = population(8000, seed=year, on=date(year, 10, 1), municipality_codes=CODES)
    march = population(8000, seed=year + 1, on=date(year, 3, 1), municipality_codes=CODES)
    return thin(october), thin(march)


def metrics_table(year: int) -> tuple[list[str], list[list[str]]]:
    """The header and rows: one per municipality, then the total."""
    october_people, march_people = synthetic_export(year)
    on = date(year, 10, 1)
    completion: Breakdown = completion_rate(october_people, on, by="municipality")
    neet: Breakdown = neet_share(october_people, on, by="municipality")
    shares = application_shares(
        applications(march_people, seed=year, year=year), by="municipality", year=year
    )
    vocational = shares[Track.VOCATIONAL]

    header = ["Municipality", "Completion at 25", "NEET 15–24", "EUD/EUX applications"]
    rows = []
    for code in CODES:
        rows.append(
            [
                f"{MUNICIPALITIES[code]} ({code})",
                _cell(completion.get(code)),
                _cell(neet.get(code)),
                _cell(vocational.get(code)),
            ]
        )
    rows.append(["Total", _cell(completion.total), _cell(neet.total), _cell(vocational.total)])
    return header, rows


def _cell(rate: Rate | None) -> str:
    """A published cell: the share with its interval, or the suppression mark, never counts."""
    if rate is None:
        return "–"
    if not rate.publishable or rate.value is None or rate.low is None or rate.high is None:
        return str(rate)  # "[suppressed]": no numbers at all
    return f"{100 * rate.value:.1f} % ({100 * rate.low:.1f}–{100 * rate.high:.1f})"


def targets_text() -> str:
    """The national targets the table is read against, with their source."""
    lines = ["National targets:"]
    for key, target in NATIONAL_TARGETS.items():
        sign = "at least" if target.direction is Direction.AT_LEAST else "at most"
        line = f"- {target.name}: {sign} {100 * target.value:.1f} % by {target.year}"
        if target.measure is not None and target.differences_from(MEASURES.get(key)):
            line += (
                f" (its baseline is {target.measure.kind.phrase}; the column counts"
                " differently, so read the two side by side with care)"
            )
        lines.append(line)
    return "\n".join(lines)


def as_markdown(year: int, header: list[str], rows: list[list[str]]) -> str:
    lines = [
        f"## Young people's education and work, 1 October {year}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
        "Shares with 95 % confidence intervals. [suppressed]: not published because a count is"
        " below 5, or because it would reveal one that is. EUD/EUX applications: among the"
        " applications that are not for 10th grade.",
        "",
        targets_text(),
    ]
    return "\n".join(lines)


def as_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The yearly KUI metrics table.")
    parser.add_argument("--year", type=int, default=2025, help="the year (1 October) to publish")
    parser.add_argument("--format", choices=("markdown", "csv"), default="markdown")
    args = parser.parse_args(argv)
    header, rows = metrics_table(args.year)
    if args.format == "csv":
        print(as_csv(header, rows))
    else:
        print(as_markdown(args.year, header, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
