"""``kui schema [MODEL]``: the list of models, one model's schema, an unknown model."""

from __future__ import annotations

import datetime as dt
import io
import json

import jsonschema
import pytest

from kui_core import Youth
from kui_core.cli import app, main
from kui_core.cli import schema as cli_schema
from kui_core.errors import mask_cpr
from kui_core.schema import MODELS, schema_for
from kui_core.serialization import dumps


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out), out.getvalue()


def test_without_a_model_it_lists_the_model_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["schema"])
    assert status == 0
    assert out.splitlines() == list(MODELS)
    assert {"Youth", "YouthCase", "Policy", "Finding", "Application"} <= set(out.split())
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name", ["Youth", "YouthCase", "Policy"])
def test_a_model_prints_its_schema_as_indented_json(name: str) -> None:
    status, out = run(["schema", name])
    assert status == 0
    assert out.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n')
    assert out.endswith("}\n")
    assert json.loads(out) == schema_for(MODELS[name])


def test_the_printed_schema_checks_a_document() -> None:
    _, out = run(["schema", "Youth"])
    validator = jsonschema.Draft202012Validator(json.loads(out))
    document = json.loads(dumps(Youth("p-1", dt.date(2008, 2, 29))))
    assert validator.is_valid(document)
    assert not validator.is_valid({**document, "birth_date": "29.2.2008"})


@pytest.mark.parametrize("name", ["Nobody", "youth", "", "Youth "])
def test_an_unknown_model_is_one_line_on_stderr_and_status_2(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(["schema", name])
    assert status == 2
    assert out == ""
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err == f"kui schema: unknown model {name!r} (`kui schema` lists them)\n"


def test_an_unknown_model_shaped_like_a_cpr_number_is_not_echoed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = io.StringIO()
    parser = app.build_parser()
    args = parser.parse_args(["schema", "290204-4321"])
    assert cli_schema.run(args, out) == 2  # directly: without main's masking of stderr
    err = capsys.readouterr().err
    assert "4321" not in err
    assert "<cpr hidden>" in err


def test_a_name_with_a_line_break_stays_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema", "You\nth"])[0] == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "--help"])
    assert exit_.value.code == 0
    assert "kui schema YouthCase > youth-case.schema.json" in capsys.readouterr().out


def test_no_schema_holds_text_shaped_like_a_cpr_number() -> None:
    for name in MODELS:
        out = run(["schema", name])[1]
        assert mask_cpr(out) == out, name
