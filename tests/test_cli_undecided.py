"""``kui metrics`` with young people whose records end before the day: the undecided count."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from kui_core import DataError, Employment, Period, Programme, Youth
from kui_core.cli import main
from kui_core.cli import metrics as cli_metrics
from kui_core.metrics import Application, neet_share
from kui_core.serialization import dumps_jsonl
from kui_core.synthetic import population

ON = dt.date(2026, 10, 1)
LAST_MONTH = dt.date(2026, 8, 31)


@pytest.fixture(scope="module")
def cohort() -> list[Youth]:
    return population(600, seed=3, on=ON)


def _unknown(youths: list[Youth], every: int) -> list[Youth]:
    """Every ``every``-th young person with employment known only until the end of August."""
    return [
        attrs.evolve(y, employments_known_until=LAST_MONTH) if i % every == 0 else y
        for i, y in enumerate(youths)
    ]


def _neet(report: dict[str, object]) -> dict[str, object]:
    metrics = report["metrics"]
    assert isinstance(metrics, list)
    (entry,) = (m for m in metrics if m["metric"] == "neet_share")
    assert isinstance(entry, dict)
    return entry


def test_json_reports_the_undecided_count_beside_the_rate_2026_10_01(cohort: list[Youth]) -> None:
    plain = _neet(cli_metrics.metrics_report(cohort, ON))
    assert plain["undecided"] == 0
    report = _neet(cli_metrics.metrics_report(_unknown(cohort, 3), ON))
    undecided = report["undecided"]
    assert isinstance(undecided, int)
    assert undecided >= 5
    # The undecided leave the denominator: it shrinks by exactly their number.
    assert plain["denominator"] == report["denominator"] + undecided  # type: ignore[operator]


def test_few_undecided_are_not_published_as_a_number_2026_10_01() -> None:
    # 20 NEET and 20 working 20-year-olds, and 2 with employment known only until August.
    born = dt.date(2006, 3, 1)
    job = Employment(Period(dt.date(2025, 1, 1)), 37)
    neet = [Youth(f"N{i}", born) for i in range(20)]
    working = [Youth(f"W{i}", born, employments=(job,)) for i in range(20)]
    unknown = [Youth(f"U{i}", born, employments_known_until=LAST_MONTH) for i in range(2)]
    report = cli_metrics.metrics_report([*neet, *working, *unknown], ON)
    entry = _neet(report)
    assert (entry["publishable"], entry["numerator"], entry["denominator"]) == (True, 20, 40)
    assert entry["undecided"] is None  # 2 is below the threshold of 5
    text = cli_metrics.render_text(report)
    assert "20/40 (+ undecided, below the threshold)" in text
    assert "undecided: young people whose records end before the day" in text


def test_text_shows_the_undecided_and_explains_them(
    cohort: list[Youth], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cohort.jsonl"
    path.write_text(dumps_jsonl(_unknown(cohort, 3)), encoding="utf-8")
    assert main(["metrics", str(path), "--on", ON.isoformat()]) == 0
    out = capsys.readouterr().out
    assert " undecided)" in out
    assert "undecided: young people whose records end before the day" in out
    assert main(["metrics", str(path), "--on", ON.isoformat(), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert _neet(data)["undecided"] >= 5  # type: ignore[operator]


def test_text_without_undecided_says_nothing_about_them(
    cohort: list[Youth], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cohort.jsonl"
    path.write_text(dumps_jsonl(cohort), encoding="utf-8")
    assert main(["metrics", str(path), "--on", ON.isoformat()]) == 0
    assert " undecided" not in capsys.readouterr().out


def test_an_application_for_primary_school_is_bad_data() -> None:
    with pytest.raises(DataError, match=r"Application\.programme: primary school"):
        Application("a-1", Programme.PRIMARY_SCHOOL, 9, dt.date(2026, 3, 1))
    assert Application("a-1", Programme.EUD, 9, dt.date(2026, 3, 1)).programme is Programme.EUD


def test_a_breakdown_publishes_the_undecided_on_its_total_only_2026_10_01() -> None:
    """Municipality 101 with 2 undecided, 147 with 6: shown per cell, the 2 would be the total
    (8) minus 6. Only the total says how many were undecided."""
    born = dt.date(2006, 3, 1)
    job = Employment(Period(dt.date(2025, 1, 1)), 37)
    people = []
    for code, unknown in (("101", 2), ("147", 6)):
        people += [Youth(f"N{code}{i}", born, municipality_code=code) for i in range(10)]
        people += [
            Youth(f"W{code}{i}", born, employments=(job,), municipality_code=code)
            for i in range(10)
        ]
        people += [
            Youth(f"U{code}{i}", born, municipality_code=code, employments_known_until=LAST_MONTH)
            for i in range(unknown)
        ]
    shares = neet_share(people, ON, by="municipality")
    assert (shares["101"].undecided, shares["147"].undecided, shares.total.undecided) == (2, 6, 8)
    assert str(shares) == (
        "101: 50.0 % (95 % CI 29.9–70.1 %; 10/20)\n"
        "147: 50.0 % (95 % CI 29.9–70.1 %; 10/20)\n"
        "total: 50.0 % (95 % CI 35.2–64.8 %; 20/40; 8 undecided)"
    )
    report = cli_metrics.metrics_report(people, ON, by="municipality")
    assert all("undecided" not in rates["neet_share"] for rates in report["groups"].values())
    assert _neet(report)["undecided"] == 8
