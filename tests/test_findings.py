"""The rule catalogue: stable codes, Danish and English text, sources for every rule."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import attrs
import pytest
from hypothesis import given

from kui_core import (
    RULES,
    DataError,
    Finding,
    LegalBasis,
    Period,
    Policy,
    Rule,
    Severity,
    catalogue,
)
from kui_core.findings import all_valid, found
from kui_core.legal import SourceKind
from kui_core.strategies import findings, policies

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

# The codes of DESIGN.md §6 with their default severities. ERROR only where a statute or
# executive order is the basis (issue "Rules a lawyer can sign"): the rules resting on the
# Esbjerg/Lejre strategies or on uvm.dk guidance alone are WARNING. eligibility.employed
# was renamed eligibility.employed before 0.1.0 (codes must not encode policy values).
DESIGN_CATALOGUE = {
    "eligibility.over_age_limit": I,
    "eligibility.under_min_age": I,
    "eligibility.completed_qualifying_education": I,
    "eligibility.enrolled": I,
    "eligibility.employed": I,
    "plan.youth_not_participating": W,
    "plan.no_education_or_job_goal": W,
    "plan.goal_without_target_date": W,
    "plan.goal_overdue": W,
    "plan.intervention_without_goal": W,
    "plan.no_shared_goal": W,
    "plan.follow_up_missing": W,
    "plan.follow_up_overdue": W,
    "plan.duty_description_missing": E,
    "plan.in_care_plan_late": E,
    "plan.goal_dropped": W,
    "coordination.missing": W,
    "coordination.gap": W,
    "coordination.overlap": W,
    "transition.no_next_step": W,
    "duty.contact_overdue": E,
    "duty.new_activity_overdue": E,
}

# Issue 10 (the duties the law has, no false alarms from missing data): ERROR only for the
# statutory duties (§ 2 a, stk. 1 with § 2 c; barnets lov § 111).
ISSUE_10_CATALOGUE = {
    "eligibility.guided_elsewhere": I,
    "eligibility.data_missing": W,
    "plan.missing": E,
    "plan.right_to_plan": I,
    "plan.parent_not_involved": W,
    "plan.in_care_support_decision_late": E,
    "exemption.applies": I,
}

PERIOD = Period(dt.date(2025, 2, 1), dt.date(2025, 3, 4))
LEFTOVER = re.compile(r"[{}]")


@pytest.mark.parametrize(("code", "severity"), DESIGN_CATALOGUE.items())
def test_design_catalogue_codes_exist_with_their_severity(code: str, severity: Severity) -> None:
    assert RULES[code].severity is severity


@pytest.mark.parametrize(("code", "severity"), ISSUE_10_CATALOGUE.items())
def test_issue_10_codes_exist_with_their_severity(code: str, severity: Severity) -> None:
    assert RULES[code].severity is severity


def test_the_issue_10_duties_rest_on_the_paragraphs_they_enforce() -> None:
    expected = {
        "plan.missing": "§ 2 a, stk. 1",
        "plan.parent_not_involved": "§ 2 a, stk. 3",
        "exemption.applies": "§ 2 a, stk. 2",
        "plan.in_care_support_decision_late": "§ 111, stk. 1",
    }
    for code, paragraph in expected.items():
        assert RULES[code].legal_basis.paragraph == paragraph, code
        assert RULES[code].legal_basis.kind is SourceKind.STATUTE
    assert RULES["plan.in_care_support_decision_late"].legal_basis.law.startswith("Barnets lov")
    # "Unknown is not no" is kui-core's own convention, and says so.
    assert RULES["eligibility.data_missing"].legal_basis.kind is SourceKind.CONVENTION


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
    assert rule.sources
    for source in rule.sources:
        assert isinstance(source, LegalBasis)
        assert isinstance(source.kind, SourceKind)
        assert source.law.strip()
        assert source.title.strip()
    assert rule.legal_basis is rule.sources[0]


@pytest.mark.parametrize("code", sorted(RULES))
def test_an_error_rule_rests_on_verified_law(code: str) -> None:
    """ERROR means a statutory duty is broken: a verified statute or executive order says so."""
    rule = RULES[code]
    if rule.severity is Severity.ERROR:
        assert any(s.kind.is_law and s.verified for s in rule.sources), code


@pytest.mark.parametrize(
    "source", sorted({s for rule in RULES.values() for s in rule.sources}, key=str), ids=str
)
def test_every_source_says_where_it_was_read_or_what_is_unverified(source: LegalBasis) -> None:
    """A verified source names where its quote was read: a URL, or a note naming the copy."""
    if source.verified:
        assert source.url is not None or (source.note is not None and "Read in" in source.note)
    else:
        assert source.note, f"an unverified source says what is unverified: {source}"
    if source.url is not None:
        assert source.url.startswith("https://")


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
    text = Finding(code, period=period, subject=subject).message(lang)
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
        Finding(code, **values)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert code in caught.value.reason


def test_period_note_reads_til_og_med() -> None:
    """coordination.gap over [2025-02-01, 2025-03-04): "1.2.2025 til og med 3.3.2025"."""
    gap = Finding("coordination.gap", period=PERIOD)
    assert gap.message() == "Ingen tovholder i perioden 1.2.2025 til og med 3.3.2025."
    assert gap.message("en") == "No coordinator during 1.2.2025 through 3.3.2025."


def test_optional_notes_appear_only_with_a_value() -> None:
    without = Finding("eligibility.over_age_limit").message("en")
    with_age = Finding("eligibility.over_age_limit", subject="26").message("en")
    assert "()" not in without
    assert "(26)" in with_age


@pytest.mark.parametrize("lang", ["xx", "DA", "", "de"])
def test_unknown_language_is_a_data_error(lang: str) -> None:
    with pytest.raises(DataError) as caught:
        Finding("coordination.gap", period=PERIOD).message(lang)
    assert caught.value.path == "lang"
    assert repr(lang) in caught.value.reason


def test_finding_factory_takes_severity_and_basis_from_the_catalogue() -> None:
    found = Finding("plan.goal_overdue", subject="G1")
    assert found.severity is Severity.WARNING
    assert found.legal_basis == RULES["plan.goal_overdue"].legal_basis
    assert found.rule is RULES["plan.goal_overdue"]
    assert found.period is None


@pytest.mark.parametrize("code", ["coordination.nope", "", 5, None])
def test_unknown_code_is_a_data_error(code: object) -> None:
    with pytest.raises(DataError) as caught:
        Finding(code)  # type: ignore[arg-type]
    assert caught.value.path == "Finding.code"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"period": (dt.date(2025, 1, 1), None)}, "Finding.period"),
        ({"subject": ""}, "Finding.subject"),
        ({"subject": 5}, "Finding.subject"),
        ({"policy": {"coordination.gap": "error"}}, "policy"),
    ],
)
def test_bad_finding_fields_are_data_errors(changes: dict[str, object], path: str) -> None:
    values: dict[str, object] = {"period": PERIOD}
    values.update(changes)
    with pytest.raises(DataError) as caught:
        Finding("coordination.gap", **values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_a_finding_cannot_contradict_the_catalogue() -> None:
    """``Finding("plan.goal_overdue", Severity.INFO, …)`` no longer builds: no severity to set."""
    with pytest.raises(TypeError):
        Finding("plan.goal_overdue", Severity.INFO, subject="G1")  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding("plan.goal_overdue", severity=Severity.INFO, subject="G1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Finding("plan.goal_overdue", legal_basis=RULES["coordination.gap"].legal_basis)  # type: ignore[call-arg]
    found_ = Finding("plan.goal_overdue", subject="G1")
    with pytest.raises(TypeError):
        attrs.evolve(found_, severity=Severity.INFO)
    assert found_.severity is Severity.WARNING
    assert found_.sources == RULES["plan.goal_overdue"].sources


def test_the_policy_decides_the_severity_or_switches_the_rule_off() -> None:
    strict = Policy(severities={"plan.no_shared_goal": Severity.ERROR})
    assert Finding("plan.no_shared_goal", subject="A, B").severity is Severity.WARNING
    assert Finding("plan.no_shared_goal", subject="A, B", policy=strict).severity is E
    off = Policy(severities={"plan.no_shared_goal": None})
    assert found("plan.no_shared_goal", off, subject="A, B") == []
    assert [f.severity for f in found("plan.no_shared_goal", strict, subject="A, B")] == [E]
    with pytest.raises(DataError) as caught:
        Finding("plan.no_shared_goal", subject="A, B", policy=off)
    assert caught.value.path == "Finding.code"
    assert "switched off" in caught.value.reason


@given(findings(), policies(with_severities=True))
def test_effective_severity_is_the_policys_or_the_catalogues(
    found_: Finding, policy: Policy
) -> None:
    expected = policy.severities.get(found_.code, RULES[found_.code].severity)
    built = found(found_.code, policy, period=found_.period, subject=found_.subject)
    if expected is None:
        assert built == []
    else:
        assert [f.severity for f in built] == [expected]
        assert all_valid(built) == (expected is not Severity.ERROR)


@pytest.mark.parametrize(
    ("severities", "path"),
    [
        ({"plan.nope": Severity.ERROR}, "Policy.severities"),
        ({"plan.no_shared_goal": "error"}, "Policy.severities['plan.no_shared_goal']"),
        ({5: Severity.ERROR}, "Policy.severities"),
        (["plan.no_shared_goal"], "Policy.severities"),
    ],
)
def test_bad_policy_severities_are_data_errors(severities: object, path: str) -> None:
    with pytest.raises(DataError) as caught:
        Policy(severities=severities)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_policy_severities_is_a_read_only_hashable_mapping() -> None:
    policy = Policy(severities={"coordination.gap": None, "plan.no_shared_goal": Severity.ERROR})
    assert dict(policy.severities) == {"coordination.gap": None, "plan.no_shared_goal": E}
    assert len(policy.severities) == 2
    assert policy == Policy(severities=dict(policy.severities))
    assert policy != Policy()
    assert policy.severities != {"coordination.gap": None}  # only equal to its own kind
    assert hash(policy) == hash(Policy(severities=dict(policy.severities)))
    assert "coordination.gap" in repr(policy.severities)
    assert policy.severity_of("coordination.gap") is None
    assert policy.severity_of("coordination.overlap") is Severity.WARNING
    with pytest.raises(TypeError):
        policy.severities["coordination.gap"] = E  # type: ignore[index]
    with pytest.raises(DataError) as caught:
        policy.severity_of("nope")
    assert caught.value.path == "code"


def test_rules_are_declared_by_keyword_and_an_error_needs_law() -> None:
    strategy = RULES["plan.no_shared_goal"].sources[0]
    with pytest.raises(TypeError):
        Rule("x.y", E, "s", "da", "en", (strategy,))  # type: ignore[misc]
    with pytest.raises(DataError) as caught:
        Rule(code="x.y", severity=E, summary="s", da="d", en="e", sources=(strategy,))
    assert caught.value.path == "Rule.severity"
    with pytest.raises(DataError) as caught:
        Rule(code="x.y", severity=W, summary="s", da="d", en="e", sources=())
    assert caught.value.path == "Rule.sources"
    laws = RULES["plan.duty_description_missing"].sources  # dated: together they cover every day
    rule = Rule(code="x.y", severity=E, summary="s", da="d", en="e", sources=(strategy, *laws))
    assert rule.rests_on_law
    assert rule.legal_basis is strategy


def test_reports_derive_valid_the_same_way() -> None:
    warning = Finding("plan.no_shared_goal", subject="A, B")
    error = Finding("plan.duty_description_missing")
    assert all_valid([warning])
    assert not all_valid([warning, error])
    assert all_valid([])


def test_severity_rank_puts_errors_first() -> None:
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [0, 1, 2]
    assert sorted([I, E, W], key=lambda s: s.rank) == [E, W, I]
    assert [s.value for s in Severity] == ["error", "warning", "info"]


def test_rules_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        RULES["x.y"] = RULES["coordination.gap"]  # type: ignore[index]


def test_legal_basis_str_and_label() -> None:
    basis = LegalBasis(
        kind=SourceKind.STATUTE, law="LBK nr. 953 af 12/08/2024", paragraph="§ 2 c", title="Plan"
    )
    assert str(basis) == "LBK nr. 953 af 12/08/2024, § 2 c (Plan)"
    assert (basis.label("da"), basis.label("en")) == ("Hjemmel", "Legal basis")
    strategy = LegalBasis(kind=SourceKind.MUNICIPAL_STRATEGY, law="Esbjerg", title="Strategi")
    assert str(strategy) == "Esbjerg (Strategi)"
    assert (strategy.label("da"), strategy.label("en")) == ("Kilde", "Source")
    assert strategy.label() == "Kilde"


@pytest.mark.parametrize("kind", list(SourceKind))
def test_only_statutes_and_executive_orders_are_law(kind: SourceKind) -> None:
    assert kind.is_law == (kind in (SourceKind.STATUTE, SourceKind.EXECUTIVE_ORDER))
    assert kind.label("da") == ("Hjemmel" if kind.is_law else "Kilde")


@pytest.mark.parametrize(
    ("values", "path"),
    [
        ({"verified": True}, "LegalBasis.verified"),
        ({"verified": True, "quote": "q"}, "LegalBasis.verified"),
        ({"verified": True, "checked_on": dt.date(2026, 11, 30)}, "LegalBasis.verified"),
        ({"verified": "yes"}, "LegalBasis.verified"),
        ({"kind": "statute"}, "LegalBasis.kind"),
        ({"checked_on": "2026-11-30"}, "LegalBasis.checked_on"),
        ({"quote": ""}, "LegalBasis.quote"),
    ],
)
def test_a_verified_source_needs_its_quote_and_check_date(
    values: dict[str, object], path: str
) -> None:
    fields: dict[str, object] = {"kind": SourceKind.STATUTE, "law": "L", "title": "T"}
    fields.update(values)
    with pytest.raises(DataError) as caught:
        LegalBasis(**fields)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_the_review_corrections_2026_11_30() -> None:
    """What the legal review found wrong, after checking each point in the sources."""
    cited = [str(s) for rule in RULES.values() for s in rule.sources]
    assert not any("108 a" in text for text in cited)
    in_care = RULES["plan.in_care_plan_late"].legal_basis
    assert in_care.paragraph == "§ 108, stk. 2–4"
    assert in_care.law == "Barnets lov, LBK nr. 282 af 17/03/2025"
    assert not any("§ 5" in text and "1014" in text for text in cited)
    assert not any(s.paragraph in ("§ 1", "§ 1 og § 2 k", "§ 10") for s in _all_sources())
    target_group = RULES["eligibility.in_target_group"].sources
    assert all(s.paragraph != "§ 2 k" for s in target_group)


def _all_sources() -> set[LegalBasis]:
    return {s for rule in RULES.values() for s in rule.sources}


@given(findings())
def test_generated_findings_read_well(found_: Finding) -> None:
    assert found_.severity is found_.rule.severity
    for lang in ("da", "en"):
        text = found_.message(lang)
        assert not LEFTOVER.search(text)
        assert "()" not in text
        assert " ." not in text


def test_enrolled_summary_matches_the_default_enrolment_policy() -> None:
    """By default enrolment in any programme (FGU, 10th grade) means no outreach: say so."""
    summary = RULES["eligibility.enrolled"].summary
    assert "Policy.enrolment_programmes" in summary
    assert "youth or higher education" not in summary


def test_a_code_declared_twice_is_refused() -> None:
    rule = RULES["coordination.gap"]
    with pytest.raises(DataError) as caught:
        catalogue._catalogue(rule, rule)
    assert caught.value.path == "RULES"
    assert "coordination.gap" in caught.value.reason


@pytest.mark.parametrize("code", ["290204-4321", "plan.2902044321", "x" * 50, "Plan.Nope"])
def test_an_unknown_code_that_could_be_personal_data_is_not_echoed(code: str) -> None:
    for build in (
        lambda: Finding(code),
        lambda: Policy(severities={code: None}),
        lambda: Policy().severity_of(code),
    ):
        with pytest.raises(DataError) as caught:
            build()
        assert code not in str(caught.value)
        assert "not shown" in caught.value.reason
