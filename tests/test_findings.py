"""The rule catalogue: stable codes, Danish and English text, a legal basis for every rule."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given

from kui_core import RULES, DataError, Finding, LegalBasis, Period, Rule, Severity
from kui_core.findings import finding
from kui_core.strategies import findings

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

# DESIGN.md §6: released codes and their severities never change.
DESIGN_CATALOGUE = {
    "eligibility.over_age_limit": I,
    "eligibility.under_min_age": I,
    "eligibility.completed_qualifying_education": I,
    "eligibility.enrolled": I,
    "eligibility.employed_20h": I,
    "plan.youth_not_participating": E,
    "plan.no_education_or_job_goal": E,
    "plan.goal_without_target_date": E,
    "plan.goal_overdue": W,
    "plan.intervention_without_goal": E,
    "plan.no_shared_goal": E,
    "plan.follow_up_missing": E,
    "plan.follow_up_overdue": W,
    "plan.duty_description_missing": E,
    "plan.in_care_plan_late": E,
    "plan.goal_dropped": W,
    "coordination.missing": E,
    "coordination.gap": E,
    "coordination.overlap": E,
    "transition.no_next_step": E,
    "duty.contact_overdue": E,
    "duty.new_activity_overdue": E,
}

PERIOD = Period(dt.date(2025, 2, 1), dt.date(2025, 3, 4))
LEFTOVER = re.compile(r"[{}]")


@pytest.mark.parametrize(("code", "severity"), DESIGN_CATALOGUE.items())
def test_design_catalogue_codes_exist_with_their_severity(code: str, severity: Severity) -> None:
    assert RULES[code].severity is severity


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_complete(code: str) -> None:
    rule = RULES[code]
    assert isinstance(rule, Rule)
    assert rule.code == code
    assert re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", code)
    assert rule.da.strip()
    assert rule.en.strip()
    assert rule.summary.strip()
    assert rule.da != rule.en
    assert isinstance(rule.legal_basis, LegalBasis)
    assert rule.legal_basis.law.strip()
    assert rule.legal_basis.title.strip()


@pytest.mark.parametrize(
    ("code", "period", "subject", "lang"),
    list(itertools.product(sorted(RULES), [None, PERIOD], [None, "G1"], ["da", "en"])),
)
def test_message_formats_without_leftover_braces(
    code: str, period: Period | None, subject: str | None, lang: str
) -> None:
    rule = RULES[code]
    if (subject is None and rule.requires_subject) or (period is None and rule.requires_period):
        return  # refused on construction: see test_a_finding_lacking_an_inline_value_is_refused
    text = finding(code, period=period, subject=subject).message(lang)
    assert text.strip()
    assert not LEFTOVER.search(text)
    assert "None" not in text
    if subject is not None and "subject" in getattr(RULES[code], lang):
        assert subject in text
    if period is not None and "period" in getattr(RULES[code], lang):
        assert PERIOD.format(lang) in text


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_requires_what_its_templates_name_inline(code: str) -> None:
    rule = RULES[code]
    templates = rule.da + rule.en
    assert rule.requires_subject == ("{subject}" in templates)
    assert rule.requires_period == ("{period}" in templates)


@pytest.mark.parametrize("code", sorted(RULES))
def test_messages_carry_no_numbers_of_their_own(code: str) -> None:
    """Every number a message shows comes from the finding's data, never from the template.

    Hours, ages and deadlines are Policy values: a template saying "20 hours" or "5 working
    days" would be false under another policy.
    """
    rule = RULES[code]
    assert not re.search(r"\d", rule.da)
    assert not re.search(r"\d", rule.en)


def test_requirements_of_some_rules() -> None:
    assert RULES["plan.goal_without_target_date"].requires_subject
    assert not RULES["plan.goal_without_target_date"].requires_period
    assert RULES["coordination.gap"].requires_period
    assert not RULES["coordination.gap"].requires_subject
    assert RULES["coordination.overlap"].requires_subject
    assert RULES["coordination.overlap"].requires_period
    assert not RULES["eligibility.over_age_limit"].requires_subject
    assert not RULES["eligibility.over_age_limit"].requires_period


@pytest.mark.parametrize(
    ("code", "values", "path"),
    [
        ("plan.goal_without_target_date", {}, "Finding.subject"),
        ("plan.goal_overdue", {"period": PERIOD}, "Finding.subject"),
        ("coordination.gap", {}, "Finding.period"),
        ("coordination.overlap", {"subject": "c-1, c-2"}, "Finding.period"),
        ("coordination.overlap", {"period": PERIOD}, "Finding.subject"),
    ],
)
def test_a_finding_lacking_an_inline_value_is_refused(
    code: str, values: dict[str, object], path: str
) -> None:
    """Without it the message would read "Goal  has no target date."."""
    with pytest.raises(DataError) as caught:
        finding(code, **values)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert code in caught.value.reason
    rule = RULES[code]
    with pytest.raises(DataError) as caught:
        Finding(code, rule.severity, rule.legal_basis, **values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_period_note_reads_til_og_med() -> None:
    """coordination.gap over [2025-02-01, 2025-03-04): "1.2.2025 til og med 3.3.2025"."""
    gap = finding("coordination.gap", period=PERIOD)
    assert gap.message() == "Ingen tovholder i perioden 1.2.2025 til og med 3.3.2025."
    assert gap.message("en") == "No coordinator during 1.2.2025 through 3.3.2025."


def test_optional_notes_appear_only_with_a_value() -> None:
    without = finding("eligibility.over_age_limit").message("en")
    with_age = finding("eligibility.over_age_limit", subject="26").message("en")
    assert "()" not in without
    assert "(26)" in with_age


@pytest.mark.parametrize("lang", ["xx", "DA", "", "de"])
def test_unknown_language_is_a_data_error(lang: str) -> None:
    with pytest.raises(DataError) as caught:
        finding("coordination.gap", period=PERIOD).message(lang)
    assert caught.value.path == "lang"
    assert repr(lang) in caught.value.reason


def test_finding_factory_takes_severity_and_basis_from_the_catalogue() -> None:
    found = finding("plan.goal_overdue", subject="G1")
    assert found.severity is Severity.WARNING
    assert found.legal_basis == RULES["plan.goal_overdue"].legal_basis
    assert found.rule is RULES["plan.goal_overdue"]
    assert found.period is None


def test_unknown_code_is_a_data_error() -> None:
    rule = RULES["coordination.gap"]
    with pytest.raises(DataError) as caught:
        Finding("coordination.nope", rule.severity, rule.legal_basis)
    assert caught.value.path == "Finding.code"
    with pytest.raises(DataError) as caught:
        finding("coordination.nope")
    assert caught.value.path == "Finding.code"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"code": ""}, "Finding.code"),
        ({"severity": "error"}, "Finding.severity"),
        ({"legal_basis": "§ 2 c"}, "Finding.legal_basis"),
        ({"period": (dt.date(2025, 1, 1), None)}, "Finding.period"),
        ({"subject": ""}, "Finding.subject"),
    ],
)
def test_bad_finding_fields_are_data_errors(changes: dict[str, object], path: str) -> None:
    rule = RULES["coordination.gap"]
    values: dict[str, object] = {
        "code": rule.code,
        "severity": rule.severity,
        "legal_basis": rule.legal_basis,
        "period": PERIOD,
    }
    values.update(changes)
    with pytest.raises(DataError) as caught:
        Finding(**values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_severity_rank_puts_errors_first() -> None:
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [0, 1, 2]
    assert sorted([I, E, W], key=lambda s: s.rank) == [E, W, I]
    assert [s.value for s in Severity] == ["error", "warning", "info"]


def test_rules_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        RULES["x.y"] = RULES["coordination.gap"]  # type: ignore[index]


def test_legal_basis_str() -> None:
    basis = LegalBasis("LBK nr. 953 af 12/08/2024", "§ 2 c", "Uddannelsesplanen")
    assert str(basis) == "LBK nr. 953 af 12/08/2024 § 2 c (Uddannelsesplanen)"
    assert str(LegalBasis("Esbjerg", None, "Strategi")) == "Esbjerg (Strategi)"


@given(findings())
def test_generated_findings_read_well(found: Finding) -> None:
    assert found.severity is found.rule.severity
    for lang in ("da", "en"):
        text = found.message(lang)
        assert not LEFTOVER.search(text)
        assert "()" not in text
        assert " ." not in text


def test_enrolled_summary_matches_the_default_enrolment_policy() -> None:
    """By default enrolment in any programme (FGU, 10th grade) means no outreach: say so."""
    summary = RULES["eligibility.enrolled"].summary
    assert "Policy.enrolment_programmes" in summary
    assert "youth or higher education" not in summary
