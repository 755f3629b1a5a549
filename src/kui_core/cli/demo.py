"""``kui demo``: a synthetic municipality, deterministically generated, run through the rules.

Prints the target group and outreach, the national target metrics with their trend, and what
``kui check`` finds in a few synthetic cases. The day is fixed (1 October 2026), so the output is
the same on every machine and every day. The people are synthetic, not statistics.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from collections import Counter
from collections.abc import Callable
from typing import Any, TextIO

from ..eligibility import assess_eligibility
from ..periods import format_day
from .text import plain, table

__all__ = [
    "DEMO_DAY",
    "SECTIONS",
    "cases_section",
    "eligibility_section",
    "metrics_section",
    "register",
    "run",
]

DEMO_DAY = _dt.date(2026, 10, 1)
"""The demo's reference day: 1 October, the day the national NEET measure is taken."""
DEMO_SEED = 2030
DEMO_SIZE = 2000


def eligibility_section(out: TextIO) -> None:
    from .metrics import demo_population  # imported on use: keeps `kui --help` quick

    youths = demo_population(DEMO_SIZE, DEMO_SEED, DEMO_DAY)
    results = [assess_eligibility(youth, DEMO_DAY) for youth in youths]
    in_group = [r for r in results if r.in_target_group]
    summary = [
        ["young people generated (ages 13–27)", len(results)],
        ["in the target group", len(in_group)],
        ["  of whom enrolled in an education", sum(r.enrolled for r in in_group)],
        ["  of whom outreach is required", sum(r.outreach_required is True for r in in_group)],
        ["outside the target group", len(results) - len(in_group)],
    ]
    print(
        f"Eligibility on {format_day(DEMO_DAY)} (synthetic municipality, seed {DEMO_SEED})",
        file=out,
    )
    print(table(["", "people"], summary), file=out)
    print(file=out)
    codes = Counter(code for r in results for code in r.codes)
    rows = [[code, codes[code]] for code in sorted(codes)]
    print(table(["finding", "people"], rows), file=out)


def metrics_section(out: TextIO) -> None:
    from .metrics import demo_section

    demo_section(out, size=DEMO_SIZE, seed=DEMO_SEED, on=DEMO_DAY)


def cases_section(out: TextIO) -> None:
    from .check import demo_section

    demo_section(out, on=DEMO_DAY)


SECTIONS: tuple[Callable[[TextIO], None], ...] = (
    eligibility_section,
    metrics_section,
    cases_section,
)


def register(subparsers: Any) -> None:
    """Add ``kui demo`` to the command line."""
    parser = subparsers.add_parser(
        "demo", help="run the rules on a synthetic municipality", description=plain(__doc__)
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print every demo section, separated by blank lines."""
    for index, section in enumerate(SECTIONS):
        if index:
            print(file=out)
        section(out)
    return 0
