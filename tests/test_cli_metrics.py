"""``kui metrics COHORT.jsonl``: tables and JSON against the targets, suppression, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import attrs
import pytest

from kui_core import DEFAULT_POLICY, EducationRecord, Programme, Youth
from kui_core.audit import audit_stamp
from kui_core.cli import main
from kui_core.cli import metrics as cli_metrics
from kui_core.cli.check import stamp_json
from kui_core.metrics import Application
from kui_core.serialization import dumps_jsonl
from kui_core.synthetic import applications, population

ON = dt.date(2026, 10, 1)


@pytest.fixture(scope="module")
def cohort() -> list[Youth]:
    return population(1_500, seed=8, on=ON, municipality_codes=["561", "350"])


@pytest.fixture
def cohort_file(tmp_path: Path, cohort: list[Youth]) -> Path:
    path = tmp_path / "cohort.jsonl"
    path.write_text(dumps_jsonl(cohort), encoding="utf-8")
    return path


def _graduates(n: int, municipality: str | None = "561") -> list[Youth]:
    """``n`` people aged 25 on 1.10.2026, each with a completed STX (2019–2022)."""
    stx = EducationRecord(Programme.STX, dt.date(2019, 8, 12), completed_on=dt.date(2022, 6, 24))
    prefix = "G" if municipality == "561" else f"G{municipality}-"  # ids unique across calls
    return [
        Youth(
            f"{prefix}{i}", dt.date(2001, 5, 1), educations=(stx,), municipality_code=municipality
        )
        for i in range(n)
    ]


def test_text_table_with_targets_applications_and_municipalities(
    cohort_file: Path, cohort: list[Youth], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    apps = tmp_path / "apps.jsonl"
    apps.write_text(dumps_jsonl(applications(cohort, seed=8, year=2026)), encoding="utf-8")
    argv = ["metrics", str(cohort_file), "--on", "2026-10-01", "--by", "municipality"]
    assert main([*argv, "--applications", str(apps)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Metrics on 1.10.2026: {cohort_file}, 1,500 young people")
    assert "completed by 25 (qualifying education)" in out
    assert "≥ 90.0 % by 2030" in out
    assert "≤ 3.5 % by 2030" in out
    assert "applications: EUD/EUX" in out
    assert "≥ 30.0 % by 2025" in out
    assert "target year passed" in out  # the 2025 target, seen from 2026
    assert "points a year" in out
    assert "561 Esbjerg" in out
    assert "350 Lejre" in out


def test_json_matches_the_metrics(cohort_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", str(cohort_file), "--on", "2026-10-01", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["on"] == "2026-10-01"
    assert report["young_people"] == 1500
    completion, neet = report["metrics"]
    assert completion["metric"] == "completion_rate"
    assert completion["publishable"] is True
    assert completion["low"] <= completion["value"] <= completion["high"]
    assert completion["value"] == completion["numerator"] / completion["denominator"]
    assert completion["target"]["value"] == 0.9
    assert neet["target"]["direction"] == "at_most"
    assert neet["gap"] == pytest.approx(neet["value"] - 0.035)
    assert neet["required_yearly_change"] == pytest.approx((0.035 - neet["value"]) / 4)


def test_small_counts_are_suppressed_without_numbers_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten graduates: 100 % completion is unpublishable (complement 0 < 5), NEET 0 of 10 too."""
    path = tmp_path / "small.jsonl"
    path.write_text(dumps_jsonl(_graduates(10)), encoding="utf-8")
    assert main(["metrics", str(path), "--on", "2026-10-01", "--format", "json"]) == 0
    completion, neet = json.loads(capsys.readouterr().out)["metrics"]
    assert completion == {
        "metric": "completion_rate",
        "label": "completed by 25 (qualifying education)",
        "publishable": False,
        "target": completion["target"],
        "comparable": False,
        "notes": completion["notes"],
    }
    assert "value" not in neet
    assert "met" not in neet
    assert main(["metrics", str(path), "--on", "2026-10-01"]) == 0
    out = capsys.readouterr().out
    assert "[suppressed]" in out
    assert "no published value" in out
    assert "10/10" not in out


def test_a_met_target_and_groups_missing_a_metric() -> None:
    """50 of 55 aged 25 in Esbjerg completed (target met); teenagers elsewhere, none aged 25."""
    teens = [
        Youth(f"T{i}", dt.date(2010, 1, 1), municipality_code=code)
        for i, code in enumerate(["350"] * 20 + [None] * 20)
    ]
    dropouts = [Youth(f"D{i}", dt.date(2001, 5, 1), municipality_code="561") for i in range(5)]
    people = [*_graduates(50), *dropouts, *teens]
    report = cli_metrics.metrics_report(people, ON, by="municipality")
    completion = report["metrics"][0]
    assert completion["met"] is True
    assert completion["required_yearly_change"] == 0.0
    assert set(report["groups"]) == {"350", "561", "(none)"}
    assert "completion_rate" not in report["groups"]["350"]
    text = cli_metrics.render_text(report)
    assert "met" in text
    assert "(none)" in text


def test_a_target_year_passed_and_missed() -> None:
    apps = [
        Application(f"A{i}", programme, 9, dt.date(2026, 2, 1))
        for i, programme in enumerate(
            [Programme.EUD] * 20 + [Programme.FGU] * 10 + [Programme.STX] * 70
        )
    ]
    report = cli_metrics.metrics_report(_graduates(40), ON, applications=apps)
    vocational = report["metrics"][2]
    assert vocational["metric"] == "application_share.vocational"
    assert vocational["value"] == 0.2
    assert vocational["met"] is False
    assert vocational["required_yearly_change"] is None
    assert vocational["comparable"] is True
    assert "notes" not in vocational


def test_tenth_grade_applications_are_shown_beside_the_shares_not_in_them() -> None:
    """20 EUD, 70 STX, 10 FGU and 25 for 10th grade: EUD is 20 of 100, and 25 of all 125
    applications were for 10th grade, on a line of their own without a target."""
    apps = [
        Application(f"A{i}", programme, 9, dt.date(2026, 2, 1))
        for i, programme in enumerate(
            [Programme.EUD] * 20
            + [Programme.STX] * 70
            + [Programme.FGU] * 10
            + [Programme.TENTH_GRADE] * 25
        )
    ]
    report = cli_metrics.metrics_report(_graduates(40), ON, applications=apps)
    entries = {entry["metric"]: entry for entry in report["metrics"]}
    assert entries["application_share.vocational"]["denominator"] == 100
    tenth = entries["applications.tenth_grade"]
    assert (tenth["numerator"], tenth["denominator"]) == (25, 125)
    assert "target" not in tenth
    text = cli_metrics.render_text(report)
    assert "applications: 10th grade (not in the shares)" in text
    assert "25/125" in text
    few = apps[:100] + apps[-3:]  # 3 for 10th grade: below the threshold
    report = cli_metrics.metrics_report(_graduates(40), ON, applications=few)
    tenth = report["metrics"][-1]
    assert tenth == {
        "metric": "applications.tenth_grade",
        "label": "applications: 10th grade (not in the shares)",
        "publishable": False,
    }
    assert "3/103" not in cli_metrics.render_text(report)


def test_completion_is_flagged_as_not_like_for_like_with_its_projected_baseline() -> None:
    """The completion target's baseline is a Profilmodel projection (STU included); the rate
    is a register count of qualifying programmes. The JSON and the table say so."""
    report = cli_metrics.metrics_report(_graduates(40), ON)
    completion, neet = report["metrics"]
    assert completion["comparable"] is False
    (note,) = completion["notes"]
    assert "a register count, not a projection" in note
    assert "does not count STU" in note
    assert neet["comparable"] is True
    assert "notes" not in neet
    text = cli_metrics.render_text(report)
    assert "no published value *" in text  # 40 of 40: the complement 0 is suppressed
    # wrapped to 100 columns: compare the words
    assert f"* completed by 25 (qualifying education): {note}" in " ".join(text.split())
    assert max(len(line) for line in text.splitlines()) <= 100


def test_default_day_is_today(cohort_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", str(cohort_file)]) == 0
    today = dt.date.today()
    assert capsys.readouterr().out.startswith(f"Metrics on {today.day}.{today.month}.{today.year}:")


def test_progress_is_shown_on_a_terminal_for_large_files(
    cohort_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_metrics, "_PROGRESS_MIN_BYTES", 1)
    monkeypatch.setattr(cli_metrics, "_PROGRESS_EVERY", 1000)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["metrics", str(cohort_file), "--on", "2026-10-01"]) == 0
    captured = capsys.readouterr()
    assert f"\rreading {cohort_file}:" in captured.err
    assert "(1,000 lines)" in captured.err
    assert captured.err.endswith("100 % (1,500 lines)\n")
    assert "reading" not in captured.out


def test_no_progress_when_stderr_is_not_a_terminal(
    cohort_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_metrics, "_PROGRESS_MIN_BYTES", 1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(["metrics", str(cohort_file), "--on", "2026-10-01"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--on", "1.10.2026"],
            "kui metrics: --on: expected a date as YYYY-MM-DD, got '1.10.2026'",
        ),
        (["--applications", "missing.jsonl"], "missing.jsonl: No such file or directory"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    cohort_file: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["metrics", str(cohort_file), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_bad_line_names_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    good = dumps_jsonl(_graduates(1))
    path.write_text(good + good.replace("2001-05-01", "2001-02-30"), encoding="utf-8")
    assert main(["metrics", str(path), "--on", "2026-10-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kui metrics: {path}: line 2: $.birth_date")
    assert err.count("\n") == 1


def test_applications_of_several_years_need_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "c.jsonl"
    cohort.write_text(dumps_jsonl(_graduates(10)), encoding="utf-8")
    apps = tmp_path / "a.jsonl"
    two_years = [
        Application(f"A{i}", Programme.EUD, 9, dt.date(2025 + i % 2, 2, 1)) for i in range(20)
    ]
    apps.write_text(dumps_jsonl(two_years), encoding="utf-8")
    argv = ["metrics", str(cohort), "--on", "2026-10-01", "--applications", str(apps)]
    assert main(argv) == 2
    assert "several years" in capsys.readouterr().err
    assert main([*argv, "--year", "2026"]) == 0
    assert "applications: EUD/EUX" in capsys.readouterr().out


def test_demo_section_prints_metrics_and_trend() -> None:
    out = io.StringIO()
    cli_metrics.demo_section(out, size=400, seed=1, on=ON)
    text = out.getvalue()
    assert "Metrics on 1.10.2026: the synthetic municipality (seed 1), 400 young people" in text
    assert "Trend of the same municipality, 1.10.2016 to 1.10.2026" in text
    assert "Synthetic data, not statistics." in text
    assert "* completed by 25: not like for like with the target's baseline" in text
    assert "* NEET 15–24:" not in text


def test_a_file_that_is_not_utf8_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Latin-1 export (ø as byte 0xf8) is bad input: exit 2, one line, no traceback."""
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(dumps_jsonl(_graduates(1)).replace('"G0"', '"Søren"').encode("latin-1"))
    assert main(["metrics", str(path), "--on", "2026-10-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kui metrics: {path}: ")
    assert "UTF-8" in err
    assert err.count("\n") == 1


def test_by_municipality_keeps_the_total_the_breakdown_suppresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten municipalities with one 25-year-old each (5 completed): every cell is suppressed, and
    the total 5/10 would reveal that each municipality has exactly one, so it is hidden too."""
    people = [
        attrs.evolve(youth, person_id=f"P{i}", educations=youth.educations if i < 5 else ())
        for i, youth in enumerate(y for code in range(101, 111) for y in _graduates(1, str(code)))
    ]
    report = cli_metrics.metrics_report(people, ON, by="municipality")
    completion = report["metrics"][0]
    assert completion["publishable"] is False
    assert "numerator" not in completion
    path = tmp_path / "ten.jsonl"
    path.write_text(dumps_jsonl(people), encoding="utf-8")
    argv = ["metrics", str(path), "--on", "2026-10-01", "--by", "municipality"]
    assert main(argv) == 0
    assert "5/10" not in capsys.readouterr().out
    # Without --by there is no breakdown to protect: 5 of 10 is publishable.
    assert main(argv[:-2]) == 0
    assert "5/10" in capsys.readouterr().out


@pytest.mark.parametrize("by", [[], ["--by", "municipality"]])
def test_json_carries_the_audit_stamp_as_kui_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], by: list[str]
) -> None:
    """``"stamp"`` names the library version, the catalogue's check day and the fingerprint of
    the policy the figures were counted under, in the form of ``kui check --format json``; the
    text tables do not show it."""
    path = tmp_path / "c.jsonl"
    path.write_text(dumps_jsonl(_graduates(10) + _graduates(12, "350")), encoding="utf-8")
    apps = tmp_path / "a.jsonl"
    apps.write_text(
        dumps_jsonl(
            [Application(f"A{i}", Programme.EUD, 9, dt.date(2026, 2, 1)) for i in range(9)]
        ),
        encoding="utf-8",
    )
    argv = ["metrics", str(path), "--on", "2026-10-01", *by, "--applications", str(apps)]
    assert main([*argv, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    expected = stamp_json(audit_stamp(DEFAULT_POLICY))
    assert report["stamp"] == expected
    assert set(expected) == {"library_version", "rules_checked_on", "policy_fingerprint"}
    assert main(argv) == 0
    assert expected["policy_fingerprint"] not in capsys.readouterr().out
