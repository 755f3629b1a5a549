"""``kui rules``: the rule catalogue, one rule a line (or as JSON).

Each rule's code, its default severity and the kinds of authority it rests on (statute,
executive order, guidance, municipal strategy, ...); with ``--on``, only the sources in force on
that day. JSON adds each source's act, provision and whether its wording was verified.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ..catalogue import RULES, Rule
from ..legal import LegalBasis
from .app import reference_day
from .text import table

__all__ = ["register", "run"]

_DESCRIPTION = """\
List kui-core's rule catalogue: every rule's code, its default severity and the kinds of
authority it rests on (statute, executive order, guidance, municipal strategy, ...).

A municipality can change a rule's severity or switch it off in its Policy; this list shows the
defaults. With --on, the sources are those in force on that day (the law changes over time).

examples:
  kui rules
  kui rules --format json --on 2023-12-15
"""


def register(subparsers: Any) -> None:
    """Add ``kui rules`` to the command line."""
    parser = subparsers.add_parser(
        "rules",
        help="list the rule catalogue: code, severity, kind of source",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (a table, the default) or json",
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        default=None,
        help="only the sources in force on this day, YYYY-MM-DD (default: every source)",
    )
    parser.set_defaults(handler=run)


def _sources(rule: Rule, on: str | None) -> tuple[LegalBasis, ...]:
    return rule.sources if on is None else rule.sources_on(reference_day(on))


def _kinds(sources: tuple[LegalBasis, ...]) -> str:
    return ", ".join(dict.fromkeys(s.kind.value for s in sources))


def _source_json(source: LegalBasis) -> dict[str, Any]:
    return {
        "kind": source.kind.value,
        "law": source.law,
        "paragraph": source.paragraph,
        "verified": source.verified,
        "in_force_from": None if source.in_force_from is None else source.in_force_from.isoformat(),
        "in_force_until": None
        if source.in_force_until is None
        else source.in_force_until.isoformat(),
    }


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the catalogue as a table or as JSON."""
    rows = [(code, rule, _sources(rule, args.on)) for code, rule in RULES.items()]
    if args.format == "json":
        document = [
            {
                "code": code,
                "severity": rule.severity.value,
                "summary": rule.summary,
                "sources": [_source_json(s) for s in sources],
            }
            for code, rule, sources in rows
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
        return 0
    print(
        table(
            ["code", "severity", "rests on"],
            [[code, rule.severity.value, _kinds(sources)] for code, rule, sources in rows],
        ),
        file=out,
    )
    return 0
