"""The command line at its edges: pipes, a full disk, standard input, JSON Lines, empty and
repeated input, crashes, and ``--help`` written for users."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kui_core import Application, Employment, Period, Programme, Youth, YouthCase
from kui_core.cli import app, build_parser, main
from kui_core.serialization import dumps, dumps_jsonl

D = dt.date
ON = "2026-10-01"


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )


KUI = f"{sys.executable} -m kui_core"


def test_a_closed_pipe_ends_quietly_with_status_0() -> None:
    done = _shell(f"{KUI} rules | head -1; echo status ${{PIPESTATUS[0]}}")
    assert done.stdout.split() == ["code", "severity", "rests", "on", "status", "0"]
    assert done.stderr == ""


def test_a_full_disk_is_one_line_and_status_2() -> None:
    if not Path("/dev/full").exists():  # pragma: no cover - Linux has it
        pytest.skip("no /dev/full on this system")
    done = _shell(f"{KUI} rules > /dev/full")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "kui rules: cannot write the output: No space left on device" in done.stderr


def test_a_crash_is_status_3_in_one_line_never_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kui_core.cli import rules

    def boom(*_: object) -> int:
        raise ZeroDivisionError("nobody expected this")

    monkeypatch.setattr(rules, "run", boom)
    assert main(["rules"], io.StringIO()) == app.INTERNAL_ERROR == 3
    err = capsys.readouterr().err
    assert err == "kui rules: internal error (ZeroDivisionError); please report it\n"


def _case(person: str = "y-1") -> YouthCase:
    return YouthCase(Youth(person, D(2009, 5, 1)), D(2025, 8, 1))


def test_kui_check_dash_reads_the_case_from_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kui_core", "check", "-", "--on", ON, "--format", "json"],
        input=dumps(_case()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1  # a 16-year-old without a plan: plan.missing
    assert json.loads(done.stdout)["person_id"] == "y-1"
    assert done.stderr == ""


def test_kui_check_reads_json_lines_reports_each_case_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cases.jsonl"
    twenty = YouthCase(Youth("y-2", D(2005, 5, 1)), D(2025, 8, 1))
    path.write_text(dumps(_case()) + "\n\n{not json}\n" + dumps(twenty) + "\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(path), "--on", ON, "--lang", "en"], out) == 2  # a bad line
    text = out.getvalue()
    assert text.count("Case y-1") + text.count("y-1") >= 1
    assert "2 cases, 1 with errors" in text
    assert "1 line refused (see stderr)" in text
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "line 3" in err
    out = io.StringIO()
    good = tmp_path / "good.jsonl"
    good.write_text(dumps_jsonl([_case(), twenty]), encoding="utf-8")
    assert main(["check", str(good), "--on", ON, "--format", "json"], out) == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line.get("person_id") for line in lines[:2]] == ["y-1", "y-2"]
    assert lines[2]["summary"]["cases"] == 2
    assert lines[2]["summary"]["invalid"] == 1
    assert lines[2]["summary"]["by_code"]["plan.missing"] == 1
    out = io.StringIO()
    clean = tmp_path / "clean.txt"
    clean.write_text(dumps(twenty) + "\n", encoding="utf-8")
    assert main(["check", str(clean), "--jsonl", "--on", ON], out) == 0


def test_kui_check_json_lines_refuses_html_and_reports_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "x.jsonl"), "--format", "html"], io.StringIO()) == 2
    assert "--format html shows one case" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.jsonl"), "--on", ON], io.StringIO()) == 2
    assert "No such file" in capsys.readouterr().err
    big = tmp_path / "big.jsonl"
    big.write_text(dumps(_case()) + "\n", encoding="utf-8")
    # a line larger than the limit (1 MB) is refused on its own, read in pieces; the next line
    # is still reviewed
    big.write_text(
        json.dumps({"x": "a" * (3 * 2**20)}) + "\n" + dumps(_case()) + "\n", encoding="utf-8"
    )
    out = io.StringIO()
    assert main(["check", str(big), "--on", ON, "--max-size", "1"], out) == 2
    assert "line 1: $: larger than 1 MB" in capsys.readouterr().err
    assert "1 cases, 1 with errors" in out.getvalue()


def _cohort(tmp_path: Path, youths: list[Youth]) -> str:
    path = tmp_path / "cohort.jsonl"
    path.write_text(dumps_jsonl(youths), encoding="utf-8")
    return str(path)


def test_kui_metrics_refuses_an_empty_cohort_and_a_repeated_person_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["metrics", _cohort(tmp_path, []), "--on", ON], io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no young people in the file" in err
    twice = [Youth("a", D(2004, 1, 1)), Youth("b", D(2004, 1, 1)), Youth("a", D(2003, 1, 1))]
    assert main(["metrics", _cohort(tmp_path, twice), "--on", ON], io.StringIO()) == 2
    assert "young person 3: repeats an earlier person_id" in capsys.readouterr().err


def test_kui_metrics_says_which_year_of_applications_it_counted(tmp_path: Path) -> None:
    cohort = _cohort(
        tmp_path,
        [Youth("a", D(2004, 1, 1), employments=(Employment(Period(D(2025, 1, 1)), 37),))],
    )
    apps = tmp_path / "apps.jsonl"
    applications = [
        Application(f"p-{i}", Programme.STX, 9, D(2026, 3, 1)) for i in range(6)
    ]  # fmt: skip
    apps.write_text(dumps_jsonl(applications), encoding="utf-8")
    out = io.StringIO()
    assert main(["metrics", cohort, "--on", ON, "--applications", str(apps)], out) == 0
    assert "applications counted: those of 2026" in out.getvalue()
    out = io.StringIO()
    args = ["metrics", cohort, "--on", ON, "--applications", str(apps), "--format", "json"]
    assert main([*args, "--year", "2026"], out) == 0
    assert json.loads(out.getvalue())["applications_year"] == 2026
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    out = io.StringIO()
    assert main(["metrics", cohort, "--on", ON, "--applications", str(empty)], out) == 0
    assert "applications counted: those of" not in out.getvalue()


@pytest.mark.parametrize("command", ["check", "metrics", "demo", "rules", "schema", "test"])
def test_help_is_written_for_users_and_every_option_says_its_default(command: str) -> None:
    parser = build_parser()
    sub = next(
        action
        for action in parser._actions
        if isinstance(action, type(parser._subparsers._actions[-1]))  # type: ignore[union-attr]
    ).choices[command]  # type: ignore[attr-defined]
    text = sub.format_help()
    assert "``" not in text
    assert not re.search(r":[a-z]+:`", text), text
    assert "SECTIONS" not in text  # no internal notes
    for action in sub._actions:
        if action.option_strings and action.dest not in ("help",):
            assert "default" in (action.help or ""), (command, action.dest)


class _Failing(io.StringIO):
    """Standard output that fails as a closed pipe or a full disk does."""

    def __init__(self, error: OSError, descriptor: int) -> None:
        super().__init__()
        self.error = error
        self.descriptor = descriptor

    def write(self, text: str) -> int:
        raise self.error

    def fileno(self) -> int:
        return self.descriptor


def test_in_process_a_closed_pipe_is_quiet_and_a_full_disk_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import errno
    import os

    target = tmp_path / "stdout"
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT)
    try:
        monkeypatch.setattr(
            sys, "stdout", _Failing(BrokenPipeError(errno.EPIPE, "pipe"), descriptor)
        )
        assert main(["rules"]) == 0
        assert capsys.readouterr().err == ""
        full = OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(sys, "stdout", _Failing(full, descriptor))
        assert main(["rules"]) == 2
        assert capsys.readouterr().err == (
            "kui rules: cannot write the output: No space left on device\n"
        )
        # A stream of our own (not standard output) is left alone.
        assert main(["rules"], _Failing(BrokenPipeError(errno.EPIPE, "pipe"), descriptor)) == 0
    finally:
        os.close(descriptor)


def test_in_process_kui_check_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(dumps(_case()).encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    assert main(["check", "-", "--on", ON, "--format", "json"], out) == 1
    assert json.loads(out.getvalue())["person_id"] == "y-1"
    big = io.TextIOWrapper(io.BytesIO(b" " * (2**20 + 1)))
    monkeypatch.setattr(sys, "stdin", big)
    assert main(["check", "-", "--on", ON, "--max-size", "1"], io.StringIO()) == 2


def test_a_finding_subject_that_looks_like_a_day_but_is_none_is_shown_as_it_is() -> None:
    from kui_core.cli.check import _day_subject

    assert _day_subject("2026-08-07") == "7.8.2026"
    assert _day_subject("2026-02-30") == "2026-02-30"
    assert _day_subject("k1, k4") == "k1, k4"
