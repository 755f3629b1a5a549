"""``kui check CASE.json``: exit status, text and JSON output, bad input without a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kui_core import _cli_check
from kui_core._cli_check import demo_cases, demo_section
from kui_core.case import YouthCase
from kui_core.cli import main
from kui_core.serialization import dumps

ON = dt.date(2026, 10, 1)
CASES = {case.youth.person_id: case for _, case in demo_cases(ON)}


def write(tmp_path: Path, case: YouthCase) -> str:
    path = tmp_path / "case.json"
    path.write_text(dumps(case), encoding="utf-8")
    return str(path)


def check(*argv: str) -> tuple[int, str]:
    """Run ``kui check`` through its own parser and handler, in-process."""
    parser = argparse.ArgumentParser(prog="kui")
    _cli_check.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", *argv])
    out = io.StringIO()
    status = args.handler(args, out)
    return status, out.getvalue()


def test_a_clean_case_exits_0_with_a_danish_report(tmp_path: Path) -> None:
    status, text = check(write(tmp_path, CASES["ung-01"]), "--on", "2026-10-01")
    assert status == 0
    assert text.startswith("Gennemgang af forløb for ung-01 pr. 1.10.2026\n")
    assert "Forløbet er i orden (ingen fejl)." in text


def test_a_gap_exits_1_and_is_shown_in_english(tmp_path: Path) -> None:
    status, text = check(write(tmp_path, CASES["ung-03"]), "--on", "2026-10-01", "--lang", "en")
    assert status == 1
    assert "- [ERROR] coordination.gap: No coordinator during 4.5.2026 through 17.5.2026." in text
    assert "The case is not in order." in text


def test_the_same_case_checked_before_the_gap_exits_0(tmp_path: Path) -> None:
    status, _ = check(write(tmp_path, CASES["ung-03"]), "--on", "2026-05-03")
    assert status == 0


def test_json_output_carries_code_severity_messages_basis_period_subject(tmp_path: Path) -> None:
    status, text = check(write(tmp_path, CASES["ung-04"]), "--on", "2026-10-01", "--format", "json")
    assert status == 1
    document = json.loads(text)
    assert document["person_id"] == "ung-04"
    assert document["on"] == "2026-10-01"
    assert document["valid"] is False
    assert document["errors"] == 1
    assert document["eligibility"]["in_target_group"] is True
    overlap = document["findings"][0]
    assert overlap == {
        "code": "coordination.overlap",
        "severity": "error",
        "messages": {
            "da": "Flere tovholdere (k1, k4) i perioden 1.9.2026 til og med 1.10.2026.",
            "en": "Several coordinators (k1, k4) during 1.9.2026 through 1.10.2026.",
        },
        "legal_basis": overlap["legal_basis"],
        "period": {"start": "2026-09-01", "end": "2026-10-02", "last_day": "2026-10-01"},
        "subject": "k1, k4",
    }
    assert set(overlap["legal_basis"]) == {"law", "paragraph", "title", "url"}
    assert all(f["period"] is None or "start" in f["period"] for f in document["findings"])


def test_json_shows_open_ended_periods_with_null_end(tmp_path: Path) -> None:
    _, text = check(write(tmp_path, CASES["ung-06"]), "--on", "2026-10-01", "--format", "json")
    (lost,) = [f for f in json.loads(text)["findings"] if f["code"] == "transition.no_next_step"]
    assert lost["period"] == {"start": "2026-08-17", "end": None, "last_day": None}
    assert lost["subject"] == "fgu"


def test_without_on_the_command_line_uses_today(tmp_path: Path) -> None:
    """Only the command line reads the clock; a clean open-ended case stays clean."""
    status, text = check(write(tmp_path, CASES["ung-01"]), "--lang", "en")
    assert status == 0
    today = dt.date.today()
    assert f"on {today.day}.{today.month}.{today.year}" in text


def test_through_the_main_entry_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", write(tmp_path, CASES["ung-05"]), "--on", "2026-10-01"])
    assert status == 1
    assert "duty.contact_overdue" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"youth": 5}', "$.youth"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    status, out = check(str(path), "--on", "2026-10-01")
    err = capsys.readouterr().err
    assert status == 2
    assert out == ""
    assert err.startswith(f"kui check: {path}: ")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.json"
    status, _ = check(str(missing), "--on", "2026-10-01")
    assert status == 2
    assert capsys.readouterr().err == f"kui check: {missing}: No such file or directory\n"


def test_bad_date_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = check(write(tmp_path, CASES["ung-01"]), "--on", "1.10.2026")
    assert status == 2
    # The date is at fault, not the case file: the message must not name the file.
    assert capsys.readouterr().err == (
        "kui check: --on: expected a date as YYYY-MM-DD, got '1.10.2026'\n"
    )


def test_demo_cases_show_clean_cases_and_each_kind_of_problem() -> None:
    out = io.StringIO()
    demo_section(out, ON)
    text = out.getvalue()
    assert text.splitlines()[0] == (
        "Case reviews on 2026-10-01 (synthetic cases, as `kui check` sees them)"
    )
    for expected in (
        "ung-01  one coordinator throughout     ok",
        "coordination.gap                 4.5.2026 through 17.5.2026",
        "coordination.overlap k1, k4      1.9.2026 through 1.10.2026",
        "duty.contact_overdue 2026-08-07  8.8.2026 through 11.8.2026",
        "transition.no_next_step fgu      from 17.8.2026",
    ):
        assert expected in text
    again = io.StringIO()
    demo_section(again, ON)
    assert again.getvalue() == text  # deterministic


def test_kui_demo_has_a_case_review_section() -> None:
    from kui_core import _cli_demo

    assert _cli_demo._cases_section in _cli_demo.SECTIONS
    out = io.StringIO()
    _cli_demo._cases_section(out)
    assert out.getvalue().startswith(f"Case reviews on {_cli_demo.DEMO_DAY.isoformat()}")
