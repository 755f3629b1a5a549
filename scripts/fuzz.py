"""A long fuzz run of ``loads`` and ``iter_jsonl`` (not part of ``make test``).

    python scripts/fuzz.py 200000 [--seed 12] [--pool 200]

Draws ``--pool`` valid documents of every model from :mod:`kui_core.strategies` (the models of
``tests/test_serialization.py``'s ``ROUND_TRIPS``), then mutates them ``N`` times in all with the
engine of ``tests/test_fuzz.py`` and reads each mutation back. Prints how many were refused
(``DataError``), accepted (exactly as written), and anything else (a broken promise: another
exception, a coerced value, an accepted duplicate key, CPR-shaped text in an error), with the
first examples of each. Exit status 1 if anything else happened.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests")]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kui_core.serialization import dumps  # noqa: E402
from test_fuzz import fuzz_one  # noqa: E402
from test_serialization import ROUND_TRIPS  # noqa: E402


def pool(strategy: st.SearchStrategy[Any], size: int) -> list[Any]:
    """``size`` documents drawn from ``strategy`` (deterministically)."""
    documents: list[Any] = []

    @settings(
        max_examples=size,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:
        documents.append(json.loads(dumps(value)))

    collect()
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="mutated documents to read")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--pool", type=int, default=200, help="valid documents per model")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    pools = [(pool(strategy, args.pool), cls) for strategy, cls in ROUND_TRIPS]
    print(
        f"{sum(len(p) for p, _ in pools):,} valid documents of {len(pools)} models"
        f" in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.perf_counter()
    for index in range(args.n):
        documents, cls = pools[index % len(pools)]
        document = rng.choice(documents)
        outcome = fuzz_one(document, cls, rng)
        counts[outcome] += 1
        if outcome not in ("refused", "accepted") and outcome not in examples:
            examples[outcome] = f"{cls}: {json.dumps(document)[:300]}"
        if (index + 1) % 20_000 == 0:
            print(f"  {index + 1:,} documents, {time.perf_counter() - started:.0f} s", flush=True)
    other = args.n - counts["refused"] - counts["accepted"]
    print(f"documents: {args.n:,} in {time.perf_counter() - started:.0f} s (seed {args.seed})")
    print(f"refused (DataError):          {counts['refused']:,}")
    print(f"accepted (exactly as written): {counts['accepted']:,}")
    print(f"anything else:                {other:,}")
    for outcome, count in counts.most_common():
        if outcome not in ("refused", "accepted"):
            print(f"  {count:,} x {outcome}\n    first from {examples[outcome]}")
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main())
