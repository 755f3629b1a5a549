"""Pin a municipality's own choices with its own decided cases, and see what a change would do.

A municipality keeps, next to its `Policy` (a JSON file of the choices it makes, such as the
days allowed between two offers), a folder of its own decided cases (`*.kui.yaml`) that say what
kui-core must decide under that policy. This script

1. runs every case under the policy and reports any case that no longer decides as written
   (after a new kui-core release, this shows case by case what the release changed);
2. with `--candidate`, runs the same cases under a proposed policy and lists, case by case,
   which findings would appear or disappear, before the politicians decide.

    python examples/pin_our_choices.py                          # the shipped example kommune
    python examples/pin_our_choices.py --candidate examples/municipality/policy-2027.json

The case files do not set `policy` themselves: the script applies the municipality's one, as
`kui test examples/municipality/cases --policy examples/municipality/policy.json` and the pytest
ini option `kui_policy` do. Exit status 1 when a case no longer decides as written under the
current policy.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kui_core import Policy
from kui_core.scenarios import Scenario, check_case, load_scenarios
from kui_core.serialization import loads

HERE = Path(__file__).parent / "municipality"


def our_cases(folder: Path) -> list[tuple[str, Scenario]]:
    """Every case of ``folder``, with its file name."""
    cases = []
    for path in sorted(folder.glob("*.kui.yaml")):
        for scenario in load_scenarios(path.read_text(encoding="utf-8"), yaml=True).cases:
            cases.append((path.name, scenario))
    return cases


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", type=Path, default=HERE / "policy.json")
    parser.add_argument("--cases", type=Path, default=HERE / "cases")
    parser.add_argument("--candidate", type=Path, help="a proposed policy to compare with")
    args = parser.parse_args(argv)
    policy = loads(args.policy.read_text(encoding="utf-8"), Policy)
    cases = our_cases(args.cases)
    broken = 0
    for name, scenario in cases:
        outcome = check_case(scenario, policy)
        if not outcome.passed:
            broken += 1
            print(f"no longer as written: {name}: {scenario.title}")
            for line in outcome.explain().splitlines():
                print(f"    {line}")
    print(f"{len(cases) - broken} of {len(cases)} of our cases decide as written")
    if args.candidate is not None:
        candidate = loads(args.candidate.read_text(encoding="utf-8"), Policy)
        print(f"under {args.candidate.name}:")
        changed = 0
        for name, scenario in cases:
            now = set(check_case(scenario, policy).codes)
            then = set(check_case(scenario, candidate).codes)
            if now != then:
                changed += 1
                added = ", ".join(f"+{c}" for c in sorted(then - now))
                removed = ", ".join(f"-{c}" for c in sorted(now - then))
                print(f"  {name}: {scenario.title}: {', '.join(filter(None, [added, removed]))}")
        print(f"  {changed} of {len(cases)} cases would decide differently")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
