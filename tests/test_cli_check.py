"""``kui check CASE.json``: exit status, text and JSON output, bad input without a traceback."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import threading
from pathlib import Path

import attrs
import pytest

from kui_core import (
    DEFAULT_POLICY,
    RULES_CHECKED_ON,
    __version__,
    audit_stamp,
    policy_fingerprint,
    review_case,
)
from kui_core.case import YouthCase
from kui_core.cli import check as cli_check
from kui_core.cli import main
from kui_core.cli.check import demo_cases, demo_section, policy_from, report_json, stamp_json
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
    cli_check.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", *argv])
    out = io.StringIO()
    status = args.handler(args, out)
    return status, out.getvalue()


def test_a_clean_case_exits_0_with_a_danish_report(tmp_path: Path) -> None:
    status, text = check(write(tmp_path, CASES["ung-01"]), "--on", "2026-10-01")
    assert status == 0
    assert text.startswith("Gennemgang af forløb for ung-01 pr. 1.10.2026\n")
    assert "Forløbet er i orden (ingen fejl)." in text


def test_a_gap_is_a_warning_and_exits_0_shown_in_english(tmp_path: Path) -> None:
    """The contact person rests on uvm.dk guidance, not a statute: WARNING by default."""
    status, text = check(write(tmp_path, CASES["ung-03"]), "--on", "2026-10-01", "--lang", "en")
    assert status == 0
    assert "- [WARNING] coordination.gap: No coordinator during 4.5.2026 through 17.5.2026." in text
    assert "  Source: Børne- og Undervisningsministeriet (uvm.dk)" in text
    assert "Legal basis: Børne- og Undervisningsministeriet" not in text
    assert "The case is in order (no errors)." in text


def test_the_exit_code_follows_the_effective_severity(tmp_path: Path) -> None:
    """A municipality enforcing its own strategy: the gap is an ERROR, and kui check exits 1."""
    case = write(tmp_path, CASES["ung-03"])
    status, text = check(case, "--on", "2026-10-01", "--severity", "coordination.gap=error")
    assert status == 1
    assert "- [FEJL] coordination.gap: Ingen tovholder i perioden 4.5.2026 til og med" in text
    assert "  Kilde: Børne- og Undervisningsministeriet (uvm.dk)" in text
    status, text = check(case, "--on", "2026-10-01", "--severity", "coordination.gap=off")
    assert status == 0
    assert "coordination.gap" not in text
    duty = write(tmp_path, CASES["ung-05"])
    assert check(duty, "--on", "2026-10-01")[0] == 1
    status, text = check(
        duty,
        "--on",
        "2026-10-01",
        "--severity",
        "duty.contact_overdue=warning",
        "--severity",
        "duty.new_activity_overdue=info",
    )
    assert status == 0
    assert "[ADVARSEL] duty.contact_overdue" in text
    assert "  Hjemmel: Lov om kommunal indsats for unge under 25 år" in text


@pytest.mark.parametrize(
    "setting",
    [
        "coordination.gap",
        "coordination.gap=fatal",
        "nope.code=error",
        "=error",
        "290204-4321",
        "290204-4321=error",
        "290204-4321=high",
    ],
)
def test_a_bad_severity_setting_is_one_line_and_exit_2(
    tmp_path: Path, setting: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", write(tmp_path, CASES["ung-03"]), "--severity", setting])
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("kui check: ")
    assert "290204" not in err


def test_the_same_case_checked_before_the_gap_exits_0(tmp_path: Path) -> None:
    status, _ = check(write(tmp_path, CASES["ung-03"]), "--on", "2026-05-03")
    assert status == 0


def test_json_output_carries_code_severity_messages_basis_period_subject(tmp_path: Path) -> None:
    status, text = check(
        write(tmp_path, CASES["ung-04"]),
        "--on",
        "2026-10-01",
        "--format",
        "json",
        "--severity",
        "coordination.overlap=error",
    )
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
        "sources": overlap["sources"],
        "period": {"start": "2026-09-01", "end": "2026-10-02", "last_day": "2026-10-01"},
        "subject": "k1, k4",
    }
    first = overlap["sources"][0]
    assert set(first) == {
        "kind",
        "law",
        "paragraph",
        "title",
        "quote",
        "url",
        "checked_on",
        "verified",
        "note",
    }
    assert first["kind"] == "guidance"
    assert first["checked_on"] == "2026-11-30"
    assert first["verified"] is True
    assert "de unge, der har behov for det" in first["quote"]
    assert [s["kind"] for s in overlap["sources"]] == [
        "guidance",
        "municipal_strategy",
        "municipal_strategy",
    ]
    assert all(f["period"] is None or "start" in f["period"] for f in document["findings"])


def test_json_output_carries_the_audit_stamp_of_the_policy_used(tmp_path: Path) -> None:
    path = write(tmp_path, CASES["ung-04"])
    _, text = check(path, "--on", "2026-10-01", "--format", "json")
    _, severe = check(
        path, "--on", "2026-10-01", "--format", "json", "--severity", "coordination.overlap=error"
    )
    stamp = json.loads(text)["stamp"]
    assert stamp == {
        "library_version": __version__,
        "rules_checked_on": RULES_CHECKED_ON.isoformat(),
        "policy_fingerprint": policy_fingerprint(DEFAULT_POLICY),
    }
    assert json.loads(severe)["stamp"]["policy_fingerprint"] == policy_fingerprint(
        policy_from(["coordination.overlap=error"])
    )
    assert json.loads(severe)["stamp"]["policy_fingerprint"] != stamp["policy_fingerprint"]


def test_report_json_of_a_report_without_a_stamp_has_null() -> None:
    report = review_case(CASES["ung-01"], ON)
    assert report_json(report)["stamp"] == stamp_json(audit_stamp(DEFAULT_POLICY))
    assert report_json(attrs.evolve(report, stamp=None))["stamp"] is None


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
        "Case reviews on 1.10.2026 (synthetic cases, as `kui check` sees them)"
    )
    for expected in (
        "ung-01  one coordinator throughout     ok",
        "coordination.gap               4.5.2026 through 17.5.2026",
        "coordination.overlap k1, k4    1.9.2026 through 1.10.2026",
        "duty.contact_overdue 7.8.2026  8.8.2026 through 11.8.2026",
        "transition.no_next_step fgu    from 17.8.2026",
    ):
        assert expected in text
    again = io.StringIO()
    demo_section(again, ON)
    assert again.getvalue() == text  # deterministic


def test_kui_demo_has_a_case_review_section() -> None:
    from kui_core.cli import demo

    assert demo.cases_section in demo.SECTIONS
    out = io.StringIO()
    demo.cases_section(out)
    assert out.getvalue().startswith("Case reviews on 1.10.2026")


# -- the size limit of one case (issue 12) --------------------------------------------------------


def test_a_case_larger_than_max_size_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (2**20 + 1))  # 1 MB and one byte (whitespace: valid around JSON)
    status, out = check(str(path), "--on", "2026-10-01", "--max-size", "1")
    assert (status, out) == (2, "")
    assert capsys.readouterr().err == f"kui check: {path}: larger than 1 MB (--max-size)\n"
    path.write_bytes(dumps(CASES["ung-01"]).encode() + b" " * (2**20 - 5000))
    assert check(str(path), "--on", "2026-10-01", "--max-size", "1")[0] == 0


def test_the_size_limit_holds_for_a_pipe_which_has_no_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "case.pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as pipe:
            pipe.write(b" " * (2**20 + 10))

    writer = threading.Thread(target=feed)
    writer.start()
    status, _ = check(str(fifo), "--on", "2026-10-01", "--max-size", "1")
    writer.join()
    assert status == 2
    assert capsys.readouterr().err.endswith(": larger than 1 MB (--max-size)\n")


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "x", "1048577", "٣"])
def test_max_size_is_a_whole_number_of_megabytes(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        check("case.json", "--max-size", value)
    assert stop.value.code == 2
    assert "expected a whole number of megabytes from 1 to 1048576" in capsys.readouterr().err


def test_the_default_size_limit_is_documented_in_the_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert f"larger than MB megabytes (default {cli_check.MAX_SIZE_MB})" in text
    assert "refused with exit status 2" in text
    assert cli_check.MAX_SIZE_MB == 50
