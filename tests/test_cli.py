"""The `kui` dispatcher, `python -m kui_core`, text tables and `kui demo`."""

from __future__ import annotations

import argparse
import io
import runpy
import sys
from typing import TextIO

import pytest

from kui_core import DataError, cli
from kui_core.cli.text import table


def test_table_aligns_numbers_right_and_text_left() -> None:
    text = table(["name", "n"], [["a", 5], ["bbb", 123]])
    assert text.splitlines() == ["name    n", "----  ---", "a       5", "bbb   123"]


def test_table_without_rows_has_headers_only() -> None:
    assert table(["a", "b"], []).splitlines() == ["a  b", "-  -"]


def test_version_flag_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("kui-core ")


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([])
    assert stop.value.code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_kui_error_from_a_handler_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(args: argparse.Namespace, out: TextIO) -> int:
        raise DataError("$.birth_date", "expected a date")

    parser = cli.build_parser()
    original = parser.parse_args

    def parse(argv: list[str] | None = None) -> argparse.Namespace:
        args = original(argv)
        args.handler = failing
        return args

    monkeypatch.setattr(cli.app, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", parse)
    assert cli.main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err == "kui demo: $.birth_date: expected a date\n"


def test_python_dash_m_runs_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["kui", "--version"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("kui_core", run_name="__main__")
    assert stop.value.code == 0
    assert "kui-core" in capsys.readouterr().out


def test_demo_is_deterministic_and_shows_every_section() -> None:
    first, second = io.StringIO(), io.StringIO()
    assert cli.main(["demo"], out=first) == 0
    assert cli.main(["demo"], out=second) == 0
    text = first.getvalue()
    assert text == second.getvalue()
    assert "Eligibility on 2026-10-01" in text
    assert "in the target group" in text
    assert "eligibility.outreach_required" in text


def test_demo_counts_add_up() -> None:
    out = io.StringIO()
    cli.main(["demo"], out=out)
    counts = {}
    for line in out.getvalue().splitlines():
        for label in (
            "young people generated",
            "in the target group",
            "outside the target group",
        ):
            if line.startswith(label):
                counts[label] = int(line.split()[-1])
    assert (
        counts["in the target group"] + counts["outside the target group"]
        == (counts["young people generated"])
    )
