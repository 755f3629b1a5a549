"""``review_case``: every rule for one case in one report, sorted and rendered."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, DataError, Period, Policy, Severity, Youth
from kui_core.case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from kui_core.eligibility import assess_eligibility
from kui_core.plan import (
    EducationPlan,
    Goal,
    GoalKind,
    Intervention,
    Participant,
    Role,
    check_in_care_plan,
    in_care_plan_deadline,
)
from kui_core.review import CaseReport, review_case
from kui_core.strategies import BROKEN_CASE_CODES, broken_cases, policies

D = dt.date
ON = D(2025, 10, 1)
YOUTH = Youth("y-42", D(2006, 9, 15))  # 19 on ON: no duty ages
GOAL = Goal("g1", GoalKind.EDUCATION, "Start på EUD", D(2026, 8, 1))
PLAN = EducationPlan(
    id="plan-1",
    created_on=D(2025, 8, 1),
    participants=(Participant("y-42", Role.YOUTH), Participant("anna", Role.COORDINATOR)),
    goals=(GOAL,),
    interventions=(
        Intervention("i1", "UU", "Vejledning", Period(D(2025, 8, 1)), frozenset({"g1"})),
    ),
    next_follow_up=D(2026, 1, 15),
)
CLEAN = YouthCase(
    YOUTH,
    D(2025, 8, 1),
    plans=(PLAN,),
    coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1))),),
    offers=(Offer("fgu", "FGU", Period(D(2025, 8, 11))),),
)


def test_a_clean_case_is_valid_with_only_information() -> None:
    report = review_case(CLEAN, ON)
    assert report.valid
    assert report.errors == ()
    assert report.plan_id == "plan-1"
    assert report.plan is not None
    assert report.plan.valid
    assert report.eligibility == assess_eligibility(YOUTH, ON)
    assert {f.severity for f in report.findings} == {Severity.INFO}
    assert "eligibility.in_target_group" in report.codes


def test_findings_of_every_rule_are_gathered_errors_first_then_by_code() -> None:
    """A gap in coordination, a stale plan goal, a lost transition; a 16-year-old's late contact."""
    youth = Youth("y-42", D(2009, 3, 1))
    c = attrs.evolve(
        CLEAN,
        youth=youth,
        plans=(attrs.evolve(PLAN, goals=(attrs.evolve(GOAL, target_date=D(2025, 8, 20)),)),),
        coordinators=(
            CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),
            CoordinatorAssignment("bo", "UU", Period(D(2025, 9, 8))),
        ),
        offers=(Offer("fgu", "FGU", Period(D(2025, 8, 11), D(2025, 8, 25))),),
        duty_lapses=(DutyLapse(D(2025, 8, 25), contacted_on=D(2025, 9, 2)),),
    )
    report = review_case(c, ON)
    assert not report.valid
    assert report.codes == (
        "duty.contact_overdue",  # ERROR: KUI law § 2 a
        "duty.new_activity_overdue",
        "plan.duty_description_missing",
        "coordination.gap",  # WARNING: uvm.dk guidance and municipal strategies
        "plan.goal_overdue",
        "transition.no_next_step",
        "eligibility.in_target_group",
        "eligibility.outreach_required",
    )
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    assert report.errors == report.findings[:3]
    assert report.plan is not None
    assert report.plan.errors == (report.findings[2],)


def test_a_municipality_enforces_its_strategy_or_switches_a_rule_off() -> None:
    """Policy.severities: the effective severity is what the report, valid and errors show."""
    c = attrs.evolve(
        CLEAN,
        coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),),
    )
    assert review_case(c, ON).valid  # a gap is a warning by default
    strict = review_case(c, ON, Policy(severities={"coordination.gap": Severity.ERROR}))
    assert not strict.valid
    assert [f.code for f in strict.errors] == ["coordination.gap"]
    assert strict.codes[0] == "coordination.gap"
    off = review_case(c, ON, Policy(severities={"coordination.gap": None}))
    assert "coordination.gap" not in off.codes
    assert off.valid
    quiet = review_case(c, ON, Policy(severities={"eligibility.in_target_group": None}))
    assert "eligibility.in_target_group" not in quiet.codes
    assert "eligibility.in_target_group" not in quiet.eligibility.codes
    assert quiet.eligibility.in_target_group  # the decision stays; only its finding is off


def test_the_plan_in_force_is_the_newest_made_on_or_before_the_day() -> None:
    newer = attrs.evolve(
        PLAN, id="plan-2", created_on=D(2025, 11, 1), previous_id="plan-1", goals=()
    )
    c = attrs.evolve(CLEAN, plans=(PLAN, newer))
    assert review_case(c, ON).plan_id == "plan-1"
    later = review_case(c, D(2025, 11, 1))
    assert later.plan_id == "plan-2"
    assert "plan.goal_dropped" in later.codes  # judged against the version it replaces


def test_a_case_without_a_plan_has_no_plan_report() -> None:
    report = review_case(attrs.evolve(CLEAN, plans=()), ON)
    assert report.plan is None
    assert report.plan_id is None
    assert report.valid


def test_render_in_danish() -> None:
    c = attrs.evolve(
        CLEAN,
        coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),),
    )
    text = review_case(c, ON).render("da")
    assert text.splitlines()[:4] == [
        "Gennemgang af forløb for y-42 pr. 1.10.2025",
        "I målgruppen: ja",
        "Opsøgende indsats påkrævet: ja",
        "Gældende plan: plan-1",
    ]
    assert "Fund (3, heraf 0 fejl)" in text
    assert (
        "- [ADVARSEL] coordination.gap: Ingen tovholder i perioden 1.9.2025 til og med 1.10.2025."
        in text
    )
    # Guidance and strategies are sources ("Kilde"), never legal basis ("Hjemmel").
    assert "  Kilde: Børne- og Undervisningsministeriet (uvm.dk) (Den sammenhængende" in text
    assert "  Kilde: Esbjerg Kommune, strategi for den tværgående ungeindsats" in text
    assert "  Hjemmel: Lov om kommunal indsats for unge under 25 år, LBK nr. 953" in text
    assert "Hjemmel: Esbjerg" not in text
    assert "Hjemmel: Børne- og" not in text
    assert text.endswith("Forløbet er i orden (ingen fejl).")
    strict = Policy(severities={"coordination.gap": Severity.ERROR})
    assert review_case(c, ON, strict).render("da").endswith("Forløbet er ikke i orden.")


def test_render_in_english() -> None:
    text = review_case(CLEAN, ON).render("en")
    assert text.startswith("Review of the case of y-42 on 1.10.2025\nIn the target group: yes")
    assert "Findings (2, of which 0 errors)" in text
    assert "- [INFO] eligibility.in_target_group: The young person is in the target group" in text
    assert (
        "  Legal basis: Lov om kommunal indsats for unge under 25 år, LBK nr. 953 af 12/08/2024"
        " (Lovens titel: indsatsen gælder unge under 25 år)" in text
    )
    assert "  Source: Børne- og Undervisningsministeriet (uvm.dk) (Uddannelsesplan" in text
    assert text.endswith("The case is in order (no errors).")
    assert "Plan in force: plan-1" in text


def test_render_without_findings_and_without_a_plan() -> None:
    report = attrs.evolve(review_case(CLEAN, ON), findings=(), plan=None, plan_id=None)
    assert isinstance(report, CaseReport)
    assert "No findings." in report.render("en")
    assert "Gældende plan: ingen" in report.render("da")


def test_render_refuses_an_unknown_language() -> None:
    with pytest.raises(DataError, match="lang: expected one of da, en"):
        review_case(CLEAN, ON).render("de")


def test_in_care_from_16_with_no_plan_at_all_is_late_after_3_months() -> None:
    """Born 10 January 2008, in care since 2023: 16 on 10 January 2024, a plan due by 10 April."""
    in_care = Youth("y-7", D(2008, 1, 10), in_care=(Period(D(2023, 1, 1)),))
    c = YouthCase(in_care, D(2023, 6, 1))
    assert "plan.in_care_plan_late" not in review_case(c, D(2024, 4, 10)).codes
    late = review_case(c, D(2024, 4, 11))
    assert late.plan is None
    assert "plan.in_care_plan_late" in late.codes
    # The close neighbour: not in care, no plan, nothing to report about the plan.
    assert not any(
        code.startswith("plan.")
        for code in review_case(attrs.evolve(c, youth=YOUTH), D(2024, 4, 11)).codes
    )


def test_without_a_plan_the_in_care_rule_is_check_in_care_plan_with_no_plan() -> None:
    """No plan at all: review_case reports exactly what check_in_care_plan does, day by day."""
    in_care = Youth("y-7", D(2008, 1, 10), in_care=(Period(D(2023, 1, 1)),))
    c = YouthCase(in_care, D(2023, 6, 1))
    assert in_care_plan_deadline(in_care) == D(2024, 4, 10)
    for day in (D(2024, 4, 10), D(2024, 4, 11), D(2030, 1, 1)):
        plan_findings = [f for f in review_case(c, day).findings if f.code.startswith("plan.")]
        assert plan_findings == list(check_in_care_plan(in_care, day))


@settings(max_examples=40)
@given(
    st.sampled_from(BROKEN_CASE_CODES).flatmap(
        lambda code: st.tuples(st.just(code), broken_cases(code, ON))
    ),
    policies(with_severities=True),
)
def test_every_finding_has_the_policys_severity_and_valid_follows_it(
    drawn: tuple[str, YouthCase], policy: Policy
) -> None:
    """Under any severities: a switched-off rule has no finding, every other finding has the
    policy's severity, and ``valid`` (of the case and of its plan) is "no ERROR"."""
    _, case = drawn
    # The broken case was drawn under the default policy; keep its other choices.
    policy = attrs.evolve(DEFAULT_POLICY, severities=policy.severities)
    default = review_case(case, ON)
    report = review_case(case, ON, policy)
    for f in report.findings:
        assert f.severity is policy.severity_of(f.code)
    expected = [
        (f.code, f.period, f.subject)
        for f in default.findings
        if policy.severity_of(f.code) is not None
    ]
    assert sorted(expected, key=repr) == sorted(
        ((f.code, f.period, f.subject) for f in report.findings), key=repr
    )
    assert report.valid == all(f.severity is not Severity.ERROR for f in report.findings)
    if report.plan is not None:
        assert report.plan.valid == all(
            f.severity is not Severity.ERROR for f in report.plan.findings
        )
