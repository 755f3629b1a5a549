"""Smoke test of benchmarks/run.py on a few hundred youths: every part runs, its baselines give
the same answers as kui-core (the script asserts that: the plain loops, the numpy floor against
the table path and the per-object path, person by person), and --write-docs rewrites only the
results section of the page. No timing is checked here: speed goals live in the benchmark."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kui_core import Youth, assess_eligibility

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kui_bench_run", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kui_bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_every_part_runs_and_the_docs_section_is_rewritten(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "performance.md"
    page.write_text(
        f"# Performance\n\nby hand\n\n{bench.MARK_START}\nold figures\n{bench.MARK_END}\n\ntail\n",
        encoding="utf-8",
    )
    argv = ["--n", "400", "--assignments", "200", "--offers", "200", "--write-docs", str(page)]
    assert bench.main(argv) == 0
    out = capsys.readouterr().out
    for part in (
        "loads (iter_jsonl -> Youth)",
        "assess_eligibility (with findings)",
        "completion_rate + neet_share",
        "frames: eligibility + completion + NEET (polars)",
        "per-object kui-core",
        "memory of the table path over 400 youths",
        "check_coordination (1 case, 200 assignments)",
        "check_transitions (1 case, 200 offers)",
        "per-youth ratio",
    ):
        assert part in out, part
    assert "skipped" not in out
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nby hand\n\n" + bench.MARK_START)
    assert text.endswith(bench.MARK_END + "\n\ntail\n")
    assert "old figures" not in text
    assert "at **n = 400**" in text
    assert "frames: eligibility + completion + NEET (polars)" in text


def test_write_docs_refuses_a_page_without_markers(bench: ModuleType, tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="markers"):
        bench.write_docs(page, "section")
    assert page.read_text(encoding="utf-8") == "# Performance\n"


def test_the_plain_loop_decides_undecided_and_guided_like_kui_core_2025_10_01(
    bench: ModuleType,
) -> None:
    youths = bench.vary([Youth(f"p{i}", dt.date(2005, 1, 1)) for i in range(100)])
    on = bench.ON
    answers = [bench.plain_eligibility(y, on) for y in youths]
    assert {outreach for _, _, outreach, _ in answers} == {True, False, None}
    for youth, plain in zip(youths, answers, strict=True):
        ours = assess_eligibility(youth, on)
        got = (ours.in_target_group, ours.enrolled, ours.outreach_required)
        assert (*got, ours.eligible_until.toordinal()) == plain
