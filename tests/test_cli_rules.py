"""``kui rules``: the rule catalogue as a table or as JSON, with the sources of a day."""

from __future__ import annotations

import io
import json

import pytest

from kui_core import RULES
from kui_core.cli import main


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out), out.getvalue()


def test_the_table_has_one_line_per_rule_with_its_severity_and_kinds_of_source() -> None:
    status, out = run(["rules"])
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["code", "severity", "rests", "on"]
    body = lines[2:]
    assert [line.split()[0] for line in body] == list(RULES)
    by_code = {line.split()[0]: line for line in body}
    assert by_code["plan.missing"].split()[1] == "error"
    assert "statute" in by_code["plan.missing"]
    assert "municipal_strategy" in by_code["plan.no_shared_goal"]


def test_json_lists_every_rule_with_its_sources() -> None:
    status, out = run(["rules", "--format", "json"])
    assert status == 0
    document = json.loads(out)
    assert [entry["code"] for entry in document] == list(RULES)
    for entry in document:
        rule = RULES[entry["code"]]
        assert entry["severity"] == rule.severity.value
        assert entry["summary"] == rule.summary
        assert [s["law"] for s in entry["sources"]] == [s.law for s in rule.sources]


def test_the_sources_of_2023_12_15_are_serviceloven_and_of_2024_01_15_barnets_lov() -> None:
    def laws(on: str) -> list[str]:
        _, out = run(["rules", "--format", "json", "--on", on])
        (entry,) = [e for e in json.loads(out) if e["code"] == "plan.in_care_plan_late"]
        return [s["law"] for s in entry["sources"]]

    assert laws("2023-12-15") == ["Lov om social service (serviceloven)"]
    assert laws("2024-01-15")[0].startswith("Barnets lov")
    _, out = run(["rules", "--format", "json", "--on", "2024-01-15"])
    (entry,) = [e for e in json.loads(out) if e["code"] == "plan.in_care_plan_late"]
    assert entry["sources"][0]["in_force_from"] == "2024-01-01"
    assert entry["sources"][0]["in_force_until"] == "2024-06-19"  # then LBK 890/2024
    _, out = run(["rules", "--format", "json", "--on", "2025-06-01"])
    (entry,) = [e for e in json.loads(out) if e["code"] == "plan.in_care_plan_late"]
    assert entry["sources"][0]["in_force_from"] == "2025-03-17"
    assert entry["sources"][0]["in_force_until"] is None


def test_a_bad_day_is_one_line_naming_on_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["rules", "--on", "15-12-2023"])
    assert status == 2
    assert out == ""
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--on" in err


def test_help_says_every_default_without_markup(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["rules", "--help"], io.StringIO())
    text = capsys.readouterr().out
    assert "``" not in text
    assert "(default: every source)" in text
    assert "the default" in text
