"""The rule codes of the catalogue against those of the last release: the diff for the changelog.

    python docs/scripts/rule_codes.py            # print the changelog lines for the diff
    python docs/scripts/rule_codes.py --write    # at a release: record today's codes

``docs/rule-codes.txt`` holds the codes of the last release, one per line (before 0.1.0: the
catalogue as of issue 9, commit c8e5eda). Rule codes never change once released; before that, a
code may be added, renamed or removed, and the changelog says so. ``tests/test_docs.py`` checks
that every code in the diff is named in the changelog's ``[Unreleased]`` section.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kui_core import RULES

RECORDED = Path(__file__).resolve().parent.parent / "rule-codes.txt"


def recorded() -> set[str]:
    """The codes of the last release."""
    return {line.strip() for line in RECORDED.read_text(encoding="utf-8").splitlines() if line}


def diff() -> tuple[list[str], list[str]]:
    """The codes added and removed since the last release, sorted."""
    before, now = recorded(), set(RULES)
    return sorted(now - before), sorted(before - now)


def changelog_lines() -> list[str]:
    """The changelog lines for the diff (none where nothing changed)."""
    added, removed = diff()
    lines = []
    if added:
        lines.append("- Rule codes added: " + ", ".join(f"`{code}`" for code in added) + ".")
    if removed:
        lines.append("- Rule codes removed: " + ", ".join(f"`{code}`" for code in removed) + ".")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record today's codes")
    args = parser.parse_args(argv)
    if args.write:
        RECORDED.write_text("".join(f"{code}\n" for code in sorted(RULES)), encoding="utf-8")
        return 0
    print("\n".join(changelog_lines()) or "No rule code changed since the last release.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
