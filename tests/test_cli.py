"""The `kui` dispatcher, `python -m kui_core`, text tables and `kui demo`."""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from typing import TextIO

import pytest

import kui_core
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
    # kui-core's pytest plugin makes pytest rewrite the package's modules, and runpy cannot run
    # a module through pytest's loader: load __main__ with the plain source loader instead.
    path = Path(kui_core.__file__).with_name("__main__.py")
    loader = importlib.machinery.SourceFileLoader("kui_core.__main__", str(path))
    spec = importlib.util.spec_from_loader("kui_core.__main__", loader)
    assert spec is not None
    with pytest.raises(SystemExit) as stop:
        loader.exec_module(importlib.util.module_from_spec(spec))
    assert stop.value.code == 0
    assert "kui-core" in capsys.readouterr().out
    # and the real thing, in a fresh interpreter
    done = subprocess.run(
        [sys.executable, "-m", "kui_core", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "kui-core" in done.stdout


def test_demo_is_deterministic_and_shows_every_section() -> None:
    first, second = io.StringIO(), io.StringIO()
    assert cli.main(["demo"], out=first) == 0
    assert cli.main(["demo"], out=second) == 0
    text = first.getvalue()
    assert text == second.getvalue()
    assert "Eligibility on 1.10.2026" in text
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


def test_masked_streams_hide_cpr_shaped_text_and_pass_the_rest_on() -> None:
    class Terminal(io.StringIO):
        flushed = False

        def isatty(self) -> bool:
            return True

        def flush(self) -> None:
            self.flushed = True

    target = Terminal()
    stream = cli.app.masked(target)
    assert stream.write("id 290204-4321\n") == len("id 290204-4321\n")
    stream.flush()
    assert target.getvalue() == "id <cpr hidden>\n"
    assert (target.flushed, stream.isatty(), cli.app.masked(io.StringIO()).isatty()) == (
        True,
        True,
        False,
    )


def test_argparse_errors_mask_cpr_shaped_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["check", "case.json", "--lang", "290204-4321"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: '<cpr hidden>'" in err
    assert "4321" not in err


def test_messages_of_a_command_on_stderr_are_masked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def chatty(args: argparse.Namespace, out: TextIO) -> int:
        print("reading 2902044321.jsonl", file=sys.stderr)
        print("0.2902044321", file=out)  # output is data: a command masks it itself
        return 0

    parser = cli.build_parser()
    original = parser.parse_args

    def parse(argv: list[str] | None = None) -> argparse.Namespace:
        args = original(argv)
        args.handler = chatty
        return args

    monkeypatch.setattr(cli.app, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", parse)
    assert cli.main(["demo"]) == 0
    captured = capsys.readouterr()
    assert (captured.err, captured.out) == ("reading <cpr hidden>.jsonl\n", "0.2902044321\n")
