"""Scenario files: the format, the engine, ``kui test`` and the pytest plugin."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from kui_core import DataError, Youth, assess_eligibility
from kui_core.cli import main
from kui_core.cli.scenarios import CASEBOOK
from kui_core.scenarios import Expectation, Scenario, check_case, load_scenarios
from kui_core.serialization import unstructure
from kui_core.strategies import reference_days, youths

pytest_plugins = ["pytester"]

AGE_25 = """\
cases:
  - title: Dagen før 25-årsdagen er den unge i målgruppen
    title_en: The day before the 25th birthday is in the target group
    source: "KUI-loven: indsatsen gælder unge under 25 år"
    on: 2026-05-31
    youth: {person_id: y-1, birth_date: 2001-06-01}
    expect:
      codes: [eligibility.in_target_group]
      not_codes: [eligibility.over_age_limit]
      in_target_group: true
      eligible_until: 2026-05-31
  - title: På 25-årsdagen er den unge ude af målgruppen
    source: "KUI-loven: indsatsen gælder unge under 25 år"
    on: 2026-06-01
    youth: {person_id: y-1, birth_date: 2001-06-01}
    expect:
      codes: [eligibility.over_age_limit]
      in_target_group: false
"""


def _one(**fields: Any) -> str:
    case: dict[str, Any] = {
        "title": "t",
        "source": "s",
        "on": "2026-01-01",
        "youth": {"person_id": "a", "birth_date": "2001-01-01"},
        "expect": {"in_target_group": True},
    }
    case.update(fields)
    return json.dumps({"cases": [{k: v for k, v in case.items() if v is not None}]})


def test_yaml_and_json_give_the_same_cases_and_yaml_knows_its_lines() -> None:
    from kui_core.scenarios import _parse_yaml

    from_yaml = load_scenarios(AGE_25, yaml=True)
    as_json = json.dumps(_parse_yaml(AGE_25)[0])
    from_json = load_scenarios(as_json)
    assert from_yaml.cases == from_json.cases
    assert from_yaml.lines == (2, 12)
    assert from_json.lines == ()
    assert [check_case(c).passed for c in from_yaml.cases] == [True, True]


def test_yaml_reads_on_and_dates_as_json_does_not_as_yaml_1_1() -> None:
    text = AGE_25.replace("in_target_group: true", "in_target_group: yes")
    with pytest.raises(DataError) as raised:
        load_scenarios(text, yaml=True)
    assert raised.value.path == "$.cases[0].expect.in_target_group"


@given(youths(), reference_days())
@settings(max_examples=30)
def test_a_case_expecting_exactly_what_kui_core_decides_passes(youth: Youth, on: Any) -> None:
    result = assess_eligibility(youth, on)
    document = {
        "title": "t",
        "source": "s",
        "on": on.isoformat(),
        "youth": unstructure(youth),
        "expect": {
            "codes": list(dict.fromkeys(result.codes)),
            "in_target_group": result.in_target_group,
            "enrolled": result.enrolled,
            "outreach_required": result.outreach_required,
            "undecided": result.outreach_required is None,
            "age": result.age if result.age >= 0 else None,  # born after the day: no age
            "eligible_until": result.eligible_until.isoformat(),
        },
    }
    document["youth"].pop("schema_version", None)
    (scenario,) = load_scenarios(json.dumps({"cases": [document]})).cases
    assert check_case(scenario).passed
    flipped = json.loads(json.dumps(document))
    flipped["expect"]["in_target_group"] = not result.in_target_group
    (wrong,) = load_scenarios(json.dumps({"cases": [flipped]})).cases
    outcome = check_case(wrong)
    assert not outcome.passed
    assert outcome.differences[0][0] == "in_target_group"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("[]", "$"),
        ('{"cases": []}', "$.cases"),
        ('{"cases": [], "more": 1}', "$.more"),
        ("{", "$"),
        (_one(extra=1), "$.cases[0].extra"),
        (_one(expect={"codes": ["eligibility.nope"]}), "$.cases[0].expect.codes[0]"),
        (_one(expect={"findings": [{"code": "x.y"}]}), "$.cases[0].expect.findings[0].code"),
        (_one(expect={"codes": "plan.missing"}), "$.cases[0].expect.codes"),
        (
            _one(expect={"codes": ["plan.missing"], "not_codes": ["plan.missing"]}),
            "$.cases[0].expect.not_codes",
        ),
        (_one(youth=None), "$.cases[0].youth"),
        (_one(metric="neet_share"), "$.cases[0].metric"),
        (_one(source=None), "$.cases[0].source"),
        (_one(on="1.1.2026"), "$.cases[0].on"),
        (_one(policy={"age_limit": "25"}), "$.cases[0].policy.age_limit"),
        (_one(policy={"no_such_choice": 1}), "$.cases[0].policy.no_such_choice"),
        (_one(expect={"age": -1}), "$.cases[0].expect.age"),
        (_one(expect={"valid": "yes"}), "$.cases[0].expect.valid"),
        (_one(expect={}), "$.cases[0].expect.codes"),
    ],
)
def test_bad_scenario_input_is_a_data_error_with_the_path_in_the_file(text: str, path: str) -> None:
    with pytest.raises(DataError) as raised:
        load_scenarios(text)
    assert raised.value.path == path


def test_a_yaml_key_given_twice_is_refused_with_its_line() -> None:
    twice = AGE_25.replace("    on: 2026-06-01\n", "    on: 2026-06-01\n    on: 2026-06-02\n")
    with pytest.raises(DataError) as raised:
        load_scenarios(twice, yaml=True)
    assert raised.value.path == "line 15"
    assert raised.value.reason == "a key is given twice"


def test_every_casebook_file_validates_against_the_scenario_file_schema() -> None:
    import jsonschema

    from kui_core.scenarios import _parse_yaml, scenario_file_schema

    validator = jsonschema.Draft202012Validator(
        scenario_file_schema(), format_checker=jsonschema.FormatChecker()
    )
    for path in sorted(CASEBOOK.glob("*.kui.yaml")):
        data, _ = _parse_yaml(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], path.name
    assert not validator.is_valid({"cases": [{"title": "t"}]})


def test_bad_yaml_and_no_text_are_data_errors() -> None:
    with pytest.raises(DataError) as raised:
        load_scenarios("cases: [\n  - {", yaml=True)
    assert raised.value.path.startswith("line ")
    with pytest.raises(DataError) as raised:
        load_scenarios("hello", yaml=True)
    assert raised.value.path == "$"
    with pytest.raises(DataError) as raised:
        load_scenarios("more: 1\n" + AGE_25, yaml=True)
    assert raised.value.path == "$.more"
    with pytest.raises(DataError):
        load_scenarios(b"{}")  # type: ignore[arg-type]
    with pytest.raises(DataError):
        check_case("a case")  # type: ignore[arg-type]
    (scenario,) = load_scenarios(_one()).cases
    with pytest.raises(DataError) as raised:
        check_case(scenario, {"age_limit": 26})  # type: ignore[arg-type]
    assert raised.value.path == "policy"


def test_a_case_a_cohort_and_findings_with_subject_and_period() -> None:
    text = """\
cases:
  - title: Kontakt for sent
    source: "KUI-loven § 2 a, stk. 3"
    on: 2026-03-02
    case:
      youth: {person_id: y-1, birth_date: 2009-05-01}
      opened_on: 2025-08-01
      duty_lapses: [{noticed_on: 2026-02-02}]
    expect:
      valid: false
      findings:
        - {code: duty.contact_overdue, subject: "2026-02-09"}
  - title: NEET blandt to
    source: "Danmarks Statistik"
    on: 2026-10-01
    metric: neet_share
    cohort:
      - {person_id: a, birth_date: 2004-01-01}
      - person_id: b
        birth_date: 2004-01-01
        employments: [{period: {start: 2026-01-01}, hours_per_week: 37}]
    expect: {rate: {numerator: 1, denominator: 2}}
  - title: Forkert forventning
    source: s
    on: 2026-03-02
    case:
      youth: {person_id: y-1, birth_date: 2009-05-01}
      opened_on: 2025-08-01
      duty_lapses: [{noticed_on: 2026-02-02}]
    expect:
      enrolled: true
      rate: {numerator: 0, denominator: 0}
      findings:
        - {code: duty.contact_overdue, subject: "2026-02-10"}
        - {code: coordination.gap, period: {start: 2026-01-01, end: 2026-02-01}}
        - {code: eligibility.in_target_group, subject: "16"}
      codes: [coordination.gap]
      not_codes: [duty.contact_overdue]
"""
    first, second, third = (check_case(c) for c in load_scenarios(text, yaml=True).cases)
    assert first.passed, first.explain()
    assert second.passed, second.explain()
    assert [what for what, _, _ in third.differences] == [
        "codes",
        "not_codes",
        "finding",
        "finding",
        "finding",
        "enrolled",
        "rate",
    ]
    assert "subject '2026-02-09'" in third.explain()
    (dated,) = load_scenarios(
        AGE_25.replace("eligible_until: 2026-05-31", "eligible_until: 2026-06-01"), yaml=True
    ).cases[:1]
    assert check_case(dated).differences == (("eligible_until", "2026-06-01", "2026-05-31"),)
    assert "forventet" in third.explain("da")
    explained = third.explain().splitlines()
    assert (
        "finding: expected coordination.gap, period 1.1.2026 through 31.1.2026; got no such"
        " finding" in explained
    )
    assert (
        "finding: expected eligibility.in_target_group, subject '16'; got"
        " eligibility.in_target_group" in explained
    )


# -- kui test ------------------------------------------------------------------------------------


def _kui(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["test", *argv], out), out.getvalue()


def test_kui_test_runs_the_shipped_casebook_and_every_case_passes() -> None:
    status, out = _kui()
    assert status == 0, out
    last = out.splitlines()[-1]
    passed, _, total = last.split()[:3]
    assert passed == total
    assert int(total) >= 20
    assert CASEBOOK.is_dir()


def test_kui_test_reports_a_failure_with_file_title_and_expected_against_actual(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.kui.yaml").write_text(
        AGE_25.replace("in_target_group: false", "in_target_group: true"), encoding="utf-8"
    )
    status, out = _kui(str(tmp_path), "--failed-only")
    assert status == 1
    assert out.splitlines() == [
        "FAIL  a.kui.yaml:12  På 25-årsdagen er den unge ude af målgruppen",
        "      in_target_group: expected true; got false",
        "1 of 2 cases passed",
    ]
    status, out = _kui(str(tmp_path / "a.kui.yaml"), "--lang", "da")
    assert "OK  a.kui.yaml:2  Dagen før 25-årsdagen er den unge i målgruppen" in out
    assert "FEJL" in out
    assert out.splitlines()[-1] == "1 af 2 tilfælde bestået"


def test_kui_test_prints_the_scenario_file_schema() -> None:
    from kui_core.scenarios import scenario_file_schema

    status, out = _kui("--schema")
    assert status == 0
    assert json.loads(out) == scenario_file_schema()
    assert json.loads(out)["title"] == "ScenarioDocument"


def test_kui_test_on_a_bad_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "b.kui.json"
    bad.write_text(_one(extra=1), encoding="utf-8")
    assert _kui(str(bad)) == (2, "")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "b.kui.json" in err
    assert "$.cases[0].extra" in err
    latin = tmp_path / "c.kui.yaml"
    latin.write_bytes("title: \xe6".encode("latin-1"))
    assert _kui(str(latin))[0] == 2
    assert _kui(str(tmp_path / "missing.kui.yaml"))[0] == 2


# -- the pytest plugin ---------------------------------------------------------------------------


def test_the_plugin_collects_scenario_files_and_passes_and_fails_them(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(".kui.yaml", ages=AGE_25.replace("in_target_group: false", "enrolled: true"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*ages.kui.yaml:12: På 25-årsdagen er den unge ude af målgruppen",
            "on 2026-06-01, codes found: eligibility.over_age_limit",
            "enrolled: expected true; got false",
        ]
    )


def test_the_plugin_reports_a_malformed_file_by_name_and_key_without_a_traceback(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(".kui.json", bad=_one(expect={"codes": ["eligibility.nope"]}))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    assert "bad.kui.json: $.cases[0].expect.codes[0]: not a rule code" in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_the_plugin_leaves_other_files_alone(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", plain="cases: nothing")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes()


def test_an_expectation_is_a_model_like_the_others() -> None:
    assert Expectation(valid=True) == Expectation(valid=True, codes=(), not_codes=())
    with pytest.raises(DataError):
        Expectation()
    with pytest.raises(DataError):
        Scenario(title="t", source="s", on="2026-01-01", expect=Expectation())  # type: ignore[arg-type]


def test_the_plugin_shows_an_unexpected_error_as_pytest_does(pytester: pytest.Pytester) -> None:
    pytester.makefile(".kui.yaml", ages=AGE_25)
    pytester.makeconftest(
        """
import kui_core.pytest_plugin as plugin

def _boom(scenario, policy=None):
    raise RuntimeError("kui-core itself failed")

plugin.check_case = _boom
"""
    )
    import kui_core.pytest_plugin as plugin

    try:
        result = pytester.runpytest("-p", "no:cacheprovider")
    finally:  # the run is in this process: put the real engine back for the tests after it
        plugin.check_case = check_case
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*RuntimeError: kui-core itself failed*"])


# -- the shipped casebook --------------------------------------------------------------------------


def _casebook() -> list[tuple[str, Scenario]]:
    found = []
    for path in sorted(CASEBOOK.glob("*.kui.yaml")):
        for scenario in load_scenarios(path.read_text(encoding="utf-8"), yaml=True).cases:
            found.append((path.name, scenario))
    return found


def test_the_casebook_has_80_cases_each_with_its_source_and_both_titles() -> None:
    cases = _casebook()
    assert len(cases) >= 80
    for name, scenario in cases:
        assert scenario.source.strip(), (name, scenario.title)
        assert scenario.title_en, (name, scenario.title)
    titles = [scenario.title for _, scenario in cases]
    assert len(set(titles)) == len(titles)


def test_every_rule_code_has_a_case_that_produces_it_and_one_that_does_not() -> None:
    from kui_core import RULES

    produced: set[str] = set()
    absent: set[str] = set()
    for _, scenario in _casebook():
        produced |= set(scenario.expect.codes) | {f.code for f in scenario.expect.findings}
        absent |= set(scenario.expect.not_codes)
    assert sorted(set(RULES) - produced) == []
    assert sorted(set(RULES) - absent) == []


def test_an_undecided_outreach_is_not_a_no_2026_01_15() -> None:
    text = _one(
        on="2026-01-15",
        youth={
            "person_id": "u",
            "birth_date": "2004-02-01",
            "educations_known_until": "2025-12-31",
        },
        expect={"outreach_required": False},
    )
    (scenario,) = load_scenarios(text).cases
    outcome = check_case(scenario)
    assert outcome.differences == (("outreach_required", "false", "undecided"),)


def test_yaml_numbers_are_json_numbers_024_is_not_the_octal_20() -> None:
    before = (
        "youth: {person_id: y-1, birth_date: 2001-06-01}\n    expect:\n      codes: [eligibility.in"
    )
    template = AGE_25.replace(
        before,
        "youth: {person_id: y-1, birth_date: 2001-06-01, employments:"
        " [{period: {start: 2025-09-01}, hours_per_week: HOURS}]}\n    expect:\n      codes:"
        " [eligibility.in",
        1,
    )
    with pytest.raises(DataError) as raised:
        load_scenarios(template.replace("HOURS", "024"), yaml=True)
    assert raised.value.path.endswith("hours_per_week")
    for text in ("1_0", "1:00"):
        with pytest.raises(DataError):
            load_scenarios(template.replace("HOURS", text), yaml=True)
    loaded = load_scenarios(template.replace("HOURS", "19.5"), yaml=True)
    assert loaded.cases[0].youth is not None
    assert loaded.cases[0].youth.employments[0].hours_per_week == 19.5
    loaded = load_scenarios(template.replace("HOURS", "2e1"), yaml=True)
    assert loaded.cases[0].youth is not None
    assert loaded.cases[0].youth.employments[0].hours_per_week == 20.0


def test_kui_test_runs_cases_without_a_policy_under_the_one_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "a.kui.yaml").write_text(AGE_25, encoding="utf-8")
    older = tmp_path / "policy.json"
    older.write_text('{"age_limit": 26}', encoding="utf-8")
    # Under an age limit of 26, the 25th birthday no longer ends the target group.
    status, out = _kui(str(tmp_path / "cases"), "--policy", str(older), "--failed-only")
    assert status == 1
    assert "FAIL  a.kui.yaml:12" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"age_limit": "x"}', encoding="utf-8")
    assert _kui(str(tmp_path / "cases"), "--policy", str(bad))[0] == 2
    assert _kui(str(tmp_path / "cases"), "--policy", str(tmp_path / "none.json"))[0] == 2
    assert "none.json" in capsys.readouterr().err


def test_kui_test_without_scenario_files_is_status_2_and_masks_cpr_in_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _kui(str(tmp_path)) == (2, "")
    assert "no scenario files" in capsys.readouterr().err
    (tmp_path / "010108-4234.kui.yaml").write_text(AGE_25, encoding="utf-8")
    status, out = _kui(str(tmp_path))
    assert status == 0
    assert "4234" not in out
    assert "<cpr hidden>.kui.yaml:2" in out


def test_the_pytest_option_kui_policy_applies_to_cases_without_a_policy(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(".kui.yaml", ages=AGE_25)
    pytester.makefile(".json", policy='{"age_limit": 26}')
    pytester.makeini("[pytest]\nkui_policy = policy.json\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)  # an age limit of 26 moves both days
    result.stdout.fnmatch_lines(["eligible_until: expected 2026-05-31; got 2027-05-31"])
    pytester.makeini("[pytest]\nkui_policy = missing.json\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert "kui_policy missing.json" in result.stderr.str() + result.stdout.str()
