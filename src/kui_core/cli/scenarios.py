"""``kui test [PATH ...]``: run scenario files of decided cases and report each case.

The command-line front end of :mod:`kui_core.scenarios` (the pytest plugin is the other).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import DataError
from ..policy import Policy
from ..scenarios import check_case, load_scenarios, scenario_file_schema
from ..serialization import loads
from .app import masked

__all__ = ["CASEBOOK", "register", "run"]

CASEBOOK = Path(__file__).resolve().parent.parent / "casebook"
"""The decided cases shipped with kui-core, run by ``kui test`` without a path."""

SUFFIXES = (".kui.yaml", ".kui.yml", ".kui.json")

_DESCRIPTION = """\
Run scenario files of decided cases (*.kui.yaml, *.kui.json) and report each case: passed, or
failed with what was expected and what kui-core decided.

Without a path, runs the casebook shipped with kui-core. A folder is searched for scenario files.
Exit status: 0 every case passed, 1 a case failed, 2 a file could not be read (one line on
stderr naming the file and the key).

examples:
  kui test
  kui test our-cases/ --lang da
  kui test --schema > scenario.schema.json
"""

_TEXT = {
    "en": {"pass": "PASS", "fail": "FAIL", "summary": "{passed} of {total} cases passed"},
    "da": {"pass": "OK", "fail": "FEJL", "summary": "{passed} af {total} tilfælde bestået"},
}


def register(subparsers: Any) -> None:
    """Add ``kui test`` to the command line."""
    parser = subparsers.add_parser(
        "test",
        help="run scenario files of decided cases (default: the shipped casebook)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        help="scenario files or folders (default: the casebook shipped with kui-core)",
    )
    parser.add_argument(
        "--lang", choices=("en", "da"), default="en", help="language of the report (default: en)"
    )
    parser.add_argument(
        "--failed-only", action="store_true", help="list only the failed cases (default: all)"
    )
    parser.add_argument(
        "--policy",
        metavar="POLICY.json",
        help="the policy for cases that set none, e.g. your municipality's (default: kui-core's)",
    )
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of a scenario file (default: run the cases)",
    )
    parser.set_defaults(handler=run)


def scenario_files(paths: list[Path]) -> Iterator[Path]:
    """The scenario files of ``paths``: files as given, folders searched (sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.name.endswith(SUFFIXES))
        else:
            yield path


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run every case of every file; 0 all passed, 1 a case failed, 2 a file is unreadable."""
    if args.schema:
        print(json.dumps(scenario_file_schema(), ensure_ascii=False, indent=2), file=out)
        return 0
    text = _TEXT[args.lang]
    out = masked(out)  # titles, ids and file names may hold a CPR number
    policy = None
    if args.policy is not None:
        try:
            policy = loads(Path(args.policy).read_bytes(), Policy)
        except OSError as error:
            print(f"kui test: {args.policy}: {error.strerror}", file=sys.stderr)
            return 2
        except DataError as error:
            print(f"kui test: {args.policy}: {error}", file=sys.stderr)
            return 2
    paths = list(args.paths) or [CASEBOOK]
    loaded = []
    for path in scenario_files(paths):
        try:
            content = path.read_text(encoding="utf-8")
            loaded.append((path, load_scenarios(content, yaml=not path.name.endswith(".json"))))
        except (OSError, UnicodeDecodeError):
            print(f"kui test: {path}: cannot be read as UTF-8 text", file=sys.stderr)
            return 2
        except DataError as error:
            print(f"kui test: {path}: {error}", file=sys.stderr)
            return 2
    if not loaded:
        print("kui test: no scenario files (*.kui.yaml, *.kui.json) found", file=sys.stderr)
        return 2
    total = passed = 0
    for path, scenarios in loaded:
        for index, scenario in enumerate(scenarios.cases):
            outcome = check_case(scenario, policy)
            total += 1
            passed += outcome.passed
            title = scenario.title_en if args.lang == "en" and scenario.title_en else scenario.title
            line = scenarios.lines[index] if scenarios.lines else None
            where = f"{path.name}:{line}" if line else f"{path.name} #{index + 1}"
            if outcome.passed:
                if not args.failed_only:
                    print(f"{text['pass']}  {where}  {title}", file=out)
                continue
            print(f"{text['fail']}  {where}  {title}", file=out)
            for detail in outcome.explain(args.lang).splitlines():
                print(f"      {detail}", file=out)
    print(text["summary"].format(passed=passed, total=total), file=out)
    return 0 if passed == total else 1
