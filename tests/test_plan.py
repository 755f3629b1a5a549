"""The education plan: models and every ``plan.*`` rule, each with a close neighbour."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from kui_core import (
    DEFAULT_POLICY,
    RULES,
    CarePlacement,
    DataError,
    EducationPlan,
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    LeapDayRule,
    Milestone,
    MunicipalUnit,
    Participant,
    Period,
    PlanReport,
    Policy,
    Role,
    Severity,
    Youth,
    audit_stamp,
    validate_plan,
)

D = dt.date
ON = D(2025, 9, 1)
YOUTH = Youth("y1", D(2007, 5, 10))  # 18 on ON: outside the duty ages
GOAL_EDU = Goal("g1", GoalKind.EDUCATION, "Start på EUD", D(2026, 8, 1))
GOAL_HEALTH = Goal("g2", GoalKind.HEALTH, "Stabil søvn", D(2026, 6, 1))
PLAN = EducationPlan(
    id="p1",
    created_on=D(2025, 8, 1),
    participants=(Participant("y1", Role.YOUTH), Participant("c1", Role.COORDINATOR)),
    goals=(GOAL_EDU, GOAL_HEALTH),
    interventions=(
        Intervention(
            "i1", "UU", "Vejledning", Period(D(2025, 8, 1), D(2026, 8, 1)), frozenset({"g1"})
        ),
        Intervention(
            "i2", "JOB", "Praktik", Period(D(2025, 9, 1), D(2025, 12, 1)), frozenset({"g1", "g2"})
        ),
    ),
    next_follow_up=D(2026, 8, 1),
    duty_description="Går på FGU",
)


def plan(**changes: Any) -> EducationPlan:
    return attrs.evolve(PLAN, **changes)


def codes(report: PlanReport) -> list[str]:
    return [f.code for f in report.findings]


def check(p: EducationPlan, youth: Youth = YOUTH, on: dt.date = ON, **kw: Any) -> list[str]:
    return codes(validate_plan(p, youth, on, **kw))


def test_base_plan_is_clean() -> None:
    report = validate_plan(PLAN, YOUTH, ON)
    assert report == PlanReport(findings=(), stamp=audit_stamp(DEFAULT_POLICY))
    assert report.valid
    assert report.codes == ()


# -- plan.youth_not_participating ---------------------------------------------------------


def test_youth_missing_from_participants_is_reported() -> None:
    p = plan(participants=(Participant("c1", Role.COORDINATOR),))
    assert check(p) == ["plan.youth_not_participating"]


def test_youth_listed_with_another_role_is_not_participating_as_the_youth() -> None:
    p = plan(participants=(Participant("y1", Role.PARENT),))
    assert check(p) == ["plan.youth_not_participating"]


def test_another_youth_in_the_youth_role_does_not_count() -> None:
    p = plan(participants=(Participant("y2", Role.YOUTH),))
    assert check(p) == ["plan.youth_not_participating"]


# -- plan.no_education_or_job_goal --------------------------------------------------------


def test_plan_without_education_or_job_goal_is_reported() -> None:
    p = plan(goals=(attrs.evolve(GOAL_EDU, kind=GoalKind.PERSONAL), GOAL_HEALTH))
    assert check(p) == ["plan.no_education_or_job_goal"]


def test_a_job_goal_satisfies_the_education_or_job_rule() -> None:
    p = plan(goals=(attrs.evolve(GOAL_EDU, kind=GoalKind.JOB), GOAL_HEALTH))
    assert check(p) == []


def test_an_achieved_education_goal_still_counts() -> None:
    p = plan(goals=(attrs.evolve(GOAL_EDU, status=GoalStatus.ACHIEVED), GOAL_HEALTH))
    assert check(p) == []


# -- plan.goal_without_target_date --------------------------------------------------------


def test_each_goal_without_target_date_is_one_finding_naming_it() -> None:
    p = plan(
        goals=(
            attrs.evolve(GOAL_EDU, target_date=None),
            attrs.evolve(GOAL_HEALTH, target_date=None),
        )
    )
    report = validate_plan(p, YOUTH, ON)
    assert [(f.code, f.subject) for f in report.findings] == [
        ("plan.goal_without_target_date", "g1"),
        ("plan.goal_without_target_date", "g2"),
    ]
    assert report.valid  # the Esbjerg strategy's clear goals: WARNING by default
    strict = Policy(severities={"plan.goal_without_target_date": Severity.ERROR})
    assert not validate_plan(p, YOUTH, ON, strict).valid


def test_a_closed_goal_without_target_date_is_still_reported() -> None:
    p = plan(
        goals=(GOAL_EDU, attrs.evolve(GOAL_HEALTH, target_date=None, status=GoalStatus.CLOSED))
    )
    assert check(p) == ["plan.goal_without_target_date"]


# -- plan.goal_overdue --------------------------------------------------------------------


def test_open_goal_with_target_2025_08_31_is_overdue_on_2025_09_01() -> None:
    p = plan(goals=(GOAL_EDU, attrs.evolve(GOAL_HEALTH, target_date=D(2025, 8, 31))))
    report = validate_plan(p, YOUTH, ON)
    (f,) = report.findings
    assert (f.code, f.subject, f.severity) == ("plan.goal_overdue", "g2", Severity.WARNING)
    assert f.period == Period(D(2025, 9, 1), D(2025, 9, 2))  # the days overdue so far
    assert report.valid  # a warning does not invalidate the plan


def test_goal_with_target_date_today_2025_09_01_is_not_overdue() -> None:
    p = plan(goals=(GOAL_EDU, attrs.evolve(GOAL_HEALTH, target_date=ON)))
    assert check(p) == []


@pytest.mark.parametrize("status", [GoalStatus.ACHIEVED, GoalStatus.CLOSED])
def test_achieved_or_closed_goal_past_target_date_is_not_overdue(status: GoalStatus) -> None:
    p = plan(goals=(GOAL_EDU, attrs.evolve(GOAL_HEALTH, target_date=D(2025, 1, 1), status=status)))
    assert check(p) == []


# -- plan.intervention_without_goal -------------------------------------------------------


def _with_i2_supporting(*goal_ids: str) -> EducationPlan:
    i1, i2 = PLAN.interventions
    return plan(interventions=(i1, attrs.evolve(i2, supports=frozenset(goal_ids))))


def test_intervention_supporting_nothing_is_reported() -> None:
    report = validate_plan(_with_i2_supporting(), YOUTH, ON)
    assert [(f.code, f.subject) for f in report.findings] == [
        ("plan.intervention_without_goal", "i2"),
        ("plan.no_shared_goal", "JOB, UU"),  # the JOB unit then supports no goal at all
    ]


def test_intervention_supporting_only_unknown_goals_is_reported() -> None:
    assert "plan.intervention_without_goal" in check(_with_i2_supporting("g9"))


def test_intervention_supporting_one_known_and_one_unknown_goal_is_fine() -> None:
    assert check(_with_i2_supporting("g9", "g1")) == []


# -- plan.no_shared_goal ------------------------------------------------------------------


def test_two_units_without_a_common_goal_are_reported_with_their_codes() -> None:
    report = validate_plan(_with_i2_supporting("g2"), YOUTH, ON)
    (f,) = report.findings
    assert (f.code, f.subject, f.severity) == ("plan.no_shared_goal", "JOB, UU", Severity.WARNING)
    assert report.valid
    assert report.errors == ()
    off = validate_plan(_with_i2_supporting("g2"), YOUTH, ON, Policy(severities={f.code: None}))
    assert off.findings == ()


def test_one_unit_with_two_interventions_on_different_goals_needs_no_shared_goal() -> None:
    i1, i2 = PLAN.interventions
    p = plan(interventions=(i1, attrs.evolve(i2, unit="UU", supports=frozenset({"g2"}))))
    assert check(p) == []


def test_one_unit_supporting_no_goal_has_nothing_to_share() -> None:
    """One unit is not a coordinated effort: its goal-less intervention is reported, no
    ``plan.no_shared_goal`` (the shared goal needs two units)."""
    i1, _ = PLAN.interventions
    lonely = attrs.evolve(i1, supports=frozenset({"g9"}))
    assert check(plan(interventions=(lonely,))) == ["plan.intervention_without_goal"]


def test_unit_whose_intervention_ended_2025_09_01_no_longer_counts_on_2025_09_01() -> None:
    """Half-open periods: an intervention ending on 1.9. ran until 31.8. inclusive."""
    i1, i2 = PLAN.interventions
    ended = attrs.evolve(i2, period=Period(D(2025, 8, 1), ON), supports=frozenset({"g2"}))
    assert check(plan(interventions=(i1, ended))) == []


def test_unit_whose_intervention_ends_2025_09_02_still_counts_on_2025_09_01() -> None:
    i1, i2 = PLAN.interventions
    running = attrs.evolve(
        i2, period=Period(D(2025, 8, 1), D(2025, 9, 2)), supports=frozenset({"g2"})
    )
    assert check(plan(interventions=(i1, running))) == ["plan.no_shared_goal"]


def test_planned_future_intervention_counts_for_the_shared_goal() -> None:
    i1, i2 = PLAN.interventions
    future = attrs.evolve(i2, period=Period(D(2026, 1, 1)), supports=frozenset({"g2"}))
    assert check(plan(interventions=(i1, future))) == ["plan.no_shared_goal"]


def test_empty_intervention_period_does_not_count_for_the_shared_goal() -> None:
    i1, i2 = PLAN.interventions
    empty = attrs.evolve(
        i2, period=Period(D(2026, 1, 1), D(2026, 1, 1)), supports=frozenset({"g2"})
    )
    assert check(plan(interventions=(i1, empty))) == []


def test_three_units_sharing_pairwise_but_not_all_are_reported() -> None:
    i1, i2 = PLAN.interventions
    p = plan(
        goals=(*PLAN.goals, Goal("g3", GoalKind.JOB, "Fritidsjob", D(2026, 6, 1))),
        interventions=(
            attrs.evolve(i1, supports=frozenset({"g1", "g2"})),
            attrs.evolve(i2, supports=frozenset({"g2", "g3"})),
            Intervention("i3", "SOC", "Mentor", Period(ON), frozenset({"g1", "g3"})),
        ),
    )
    report = validate_plan(p, YOUTH, ON)
    assert [(f.code, f.subject) for f in report.findings] == [
        ("plan.no_shared_goal", "JOB, SOC, UU")
    ]


def test_a_unit_may_share_the_goal_through_any_one_of_its_interventions() -> None:
    i1, i2 = PLAN.interventions
    p = plan(
        interventions=(
            i1,
            attrs.evolve(i2, supports=frozenset({"g2"})),
            Intervention("i3", "JOB", "Jobsøgning", Period(ON), frozenset({"g1"})),
        )
    )
    assert check(p) == []


# -- plan.follow_up_missing / plan.follow_up_overdue --------------------------------------


def test_plan_without_next_follow_up_is_reported() -> None:
    assert check(plan(next_follow_up=None)) == ["plan.follow_up_missing"]


def test_follow_up_2025_08_31_is_overdue_on_2025_09_01() -> None:
    report = validate_plan(plan(next_follow_up=D(2025, 8, 31)), YOUTH, ON)
    (f,) = report.findings
    assert (f.code, f.subject, f.period) == ("plan.follow_up_overdue", "2025-08-31", None)
    assert report.valid
    assert "2025-08-31" in f.message("en")


def test_follow_up_due_today_2025_09_01_is_not_overdue() -> None:
    assert check(plan(next_follow_up=ON)) == []


def test_follow_up_366_days_after_creation_exceeds_the_365_day_maximum() -> None:
    """Created 1.8.2025; follow-up 2.8.2026 lies beyond 1.8.2026, the last allowed day."""
    report = validate_plan(plan(next_follow_up=D(2026, 8, 2)), YOUTH, ON)
    (f,) = report.findings
    assert f.code == "plan.follow_up_overdue"
    assert f.period == Period(D(2025, 8, 1), D(2026, 8, 2))
    assert f.period.last_day == D(2026, 8, 1)


def test_follow_up_exactly_365_days_after_creation_2026_08_01_is_allowed() -> None:
    assert check(plan(next_follow_up=D(2026, 8, 1))) == []


def test_follow_up_maximum_interval_is_a_policy_value() -> None:
    policy = attrs.evolve(DEFAULT_POLICY, follow_up_max_interval_days=60)
    assert check(plan(next_follow_up=D(2025, 9, 30)), policy=policy) == []  # day 60
    assert check(plan(next_follow_up=D(2025, 10, 1)), policy=policy) == ["plan.follow_up_overdue"]


def test_follow_up_interval_counts_from_the_last_follow_up_2026_06_01() -> None:
    """Followed up on 1.6.2026 without a new version: the next may be up to 1.6.2027."""
    p = plan(last_follow_up=D(2026, 6, 1), next_follow_up=D(2027, 6, 1))
    assert p.follow_up_anchor == D(2026, 6, 1)
    assert check(p, on=D(2026, 6, 1)) == []
    late = validate_plan(attrs.evolve(p, next_follow_up=D(2027, 6, 2)), YOUTH, D(2026, 6, 1))
    assert [(f.code, f.period) for f in late.findings] == [
        ("plan.follow_up_overdue", Period(D(2026, 6, 1), D(2027, 6, 2)))
    ]


def test_last_follow_up_before_the_plan_was_made_is_refused() -> None:
    with pytest.raises(DataError, match=r"^EducationPlan\.last_follow_up: must not be before"):
        plan(last_follow_up=D(2025, 7, 31))


def test_follow_up_both_passed_and_too_far_is_one_finding() -> None:
    p = plan(next_follow_up=D(2026, 8, 2))
    assert check(p, on=D(2027, 1, 1)).count("plan.follow_up_overdue") == 1


# -- plan.duty_description_missing --------------------------------------------------------


MOTHER = Participant("m1", Role.PARENT)
WITH_PARENT = plan(participants=(*PLAN.participants, MOTHER))


def _no_duty(born: dt.date) -> tuple[EducationPlan, Youth]:
    """A plan without a duty description; the parents take part (``plan.parent_not_involved``
    has its own tests below)."""
    return attrs.evolve(WITH_PARENT, duty_description=None), Youth("y1", born)


def test_aged_17_on_2025_09_01_the_duty_description_is_required() -> None:
    p, youth = _no_duty(D(2007, 9, 2))  # turns 18 on 2.9.2025
    report = validate_plan(p, youth, ON)
    assert codes(report) == ["plan.duty_description_missing"]
    assert report.findings[0].subject == "17"


def test_duty_description_message_follows_the_policy_duty_ages_on_2025_09_01() -> None:
    """Duty ages 14–18 by policy: an 18-year-old's message must not say "15–17"."""
    p, youth = _no_duty(D(2007, 9, 1))  # 18 on 1.9.2025
    policy = attrs.evolve(DEFAULT_POLICY, duty_min_age=14, duty_max_age=18)
    (f,) = validate_plan(p, youth, ON, policy).findings
    assert (f.code, f.subject) == ("plan.duty_description_missing", "18")
    for lang in ("da", "en"):
        assert "15" not in f.message(lang)
        assert "(18)" in f.message(lang)


def test_turning_18_on_2025_09_01_ends_the_duty_description_requirement() -> None:
    p, youth = _no_duty(D(2007, 9, 1))
    assert check(p, youth) == []


def test_turning_15_on_2025_09_01_starts_the_duty_description_requirement() -> None:
    p, youth = _no_duty(D(2010, 9, 1))
    assert check(p, youth) == ["plan.duty_description_missing"]


def test_aged_14_on_2025_09_01_needs_no_duty_description() -> None:
    p, youth = _no_duty(D(2010, 9, 2))
    assert check(p, youth) == []


def test_a_16_year_old_with_a_duty_description_and_a_parent_is_fine() -> None:
    assert check(WITH_PARENT, Youth("y1", D(2009, 1, 1))) == []


def test_leap_day_born_2008_02_29_is_still_17_on_2026_02_28_by_default() -> None:
    p, youth = _no_duty(D(2008, 2, 29))
    assert check(p, youth, D(2026, 2, 28)) == ["plan.duty_description_missing"]
    assert check(p, youth, D(2026, 3, 1)) == []


def test_leap_day_born_2008_02_29_is_18_on_2026_02_28_under_february_28_rule() -> None:
    p, youth = _no_duty(D(2008, 2, 29))
    policy = attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28)
    assert check(p, youth, D(2026, 2, 28), policy=policy) == []


# -- plan.parent_not_involved (KUI law § 2 a, stk. 3) -------------------------------------


def test_a_16_year_olds_plan_without_a_parent_on_2025_09_01_does_not_involve_the_parents() -> None:
    """Born 1.1.2009: 16 on 1.9.2025; the plan names the young person and a coordinator only."""
    report = validate_plan(PLAN, Youth("y1", D(2009, 1, 1)), ON)
    (f,) = report.findings
    assert (f.code, f.subject, f.severity) == ("plan.parent_not_involved", "16", Severity.WARNING)
    assert f.period is None
    assert report.valid  # a WARNING by default
    for lang in ("da", "en"):
        assert "(16)" in f.message(lang)


def test_a_parent_taking_part_involves_the_parents_on_2025_09_01() -> None:
    assert check(WITH_PARENT, Youth("y1", D(2009, 1, 1))) == []


def test_a_parent_listed_in_another_role_does_not_count_on_2025_09_01() -> None:
    p = plan(participants=(*PLAN.participants, Participant("m1", Role.OTHER)))
    assert check(p, Youth("y1", D(2009, 1, 1))) == ["plan.parent_not_involved"]


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (D(2010, 9, 2), []),  # 14 on 1.9.2025
        (D(2010, 9, 1), ["plan.parent_not_involved"]),  # turns 15 on 1.9.2025
        (D(2007, 9, 2), ["plan.parent_not_involved"]),  # 17, turns 18 on 2.9.2025
        (D(2007, 9, 1), []),  # turns 18 on 1.9.2025: an adult decides alone
    ],
)
def test_parents_must_take_part_only_from_15_to_17_on_2025_09_01(
    born: dt.date, expected: list[str]
) -> None:
    assert check(PLAN, Youth("y1", born)) == expected


def test_parent_rule_follows_the_policy_duty_ages_on_2025_09_01() -> None:
    """Duty ages 15–18 by policy: an 18-year-old's plan then needs a parent too."""
    policy = attrs.evolve(DEFAULT_POLICY, duty_max_age=18)
    (f,) = validate_plan(PLAN, Youth("y1", D(2007, 9, 1)), ON, policy).findings
    assert (f.code, f.subject) == ("plan.parent_not_involved", "18")


def test_an_exempted_16_year_old_needs_neither_a_duty_description_nor_a_parent() -> None:
    """Exempted from the duty on 1.9.2025 (§ 2 a, stk. 2): the duty's plan rules are off."""
    p, youth = plan(duty_description=None), Youth("y1", D(2009, 1, 1))
    assert check(p, youth) == ["plan.duty_description_missing", "plan.parent_not_involved"]
    assert check(p, youth, exempted=True) == []
    # The other rules of the plan still apply.
    assert check(attrs.evolve(p, next_follow_up=None), youth, exempted=True) == [
        "plan.follow_up_missing"
    ]


@pytest.mark.parametrize("wrong", [None, 1, "yes"])
def test_exempted_must_be_a_bool(wrong: object) -> None:
    with pytest.raises(DataError) as caught:
        validate_plan(PLAN, YOUTH, ON, exempted=wrong)  # type: ignore[arg-type]
    assert caught.value.path == "exempted"
    assert caught.value.reason.startswith("expected a bool, got ")


def test_the_ungeplan_is_not_a_rule_of_the_education_plan() -> None:
    """In care from 2020, 16 on 31.1.2025, plan made 1.5.2025: validate_plan is silent about
    the ungeplan (barnets lov § 108; see test_in_care.py), whatever the first plan's date."""
    in_care = Youth("y1", D(2009, 1, 31), in_care=(CarePlacement(Period(D(2020, 1, 1))),))
    p = attrs.evolve(WITH_PARENT, created_on=D(2025, 5, 1), next_follow_up=D(2026, 5, 1))
    assert check(p, in_care, D(2025, 5, 1)) == []


# -- plan.goal_dropped --------------------------------------------------------------------


PREVIOUS = attrs.evolve(
    PLAN,
    id="p0",
    created_on=D(2025, 3, 1),
    next_follow_up=D(2025, 8, 1),
    goals=(*PLAN.goals, Goal("g3", GoalKind.HOUSING, "Egen bolig", D(2025, 12, 1))),
)
NEXT = plan(id="p2", previous_id="p0")


def test_open_goal_vanishing_from_the_next_version_is_reported() -> None:
    report = validate_plan(NEXT, YOUTH, ON, previous=PREVIOUS)
    assert [(f.code, f.subject) for f in report.findings] == [("plan.goal_dropped", "g3")]
    assert report.valid


@pytest.mark.parametrize("status", [GoalStatus.ACHIEVED, GoalStatus.CLOSED])
def test_goal_achieved_or_closed_before_it_vanished_is_not_dropped(status: GoalStatus) -> None:
    g3 = attrs.evolve(PREVIOUS.goals[2], status=status)
    previous = attrs.evolve(PREVIOUS, goals=(*PLAN.goals, g3))
    assert check(NEXT, previous=previous) == []


def test_goal_kept_in_the_next_version_is_not_dropped() -> None:
    p = attrs.evolve(NEXT, goals=PREVIOUS.goals)
    assert check(p, previous=PREVIOUS) == []


def test_without_the_previous_version_goal_dropped_is_not_judged() -> None:
    assert check(NEXT) == []


def test_previous_must_be_the_version_named_by_previous_id() -> None:
    with pytest.raises(DataError, match=r"previous\.id: must be the plan's previous_id"):
        validate_plan(PLAN, YOUTH, ON, previous=PREVIOUS)
    with pytest.raises(DataError, match=r"previous\.id"):
        validate_plan(attrs.evolve(NEXT, previous_id="px"), YOUTH, ON, previous=PREVIOUS)


# -- the report as a whole ----------------------------------------------------------------


def test_findings_are_sorted_by_severity_then_code() -> None:
    p = plan(
        participants=(),
        next_follow_up=D(2025, 8, 2),
        goals=(
            attrs.evolve(GOAL_EDU, target_date=D(2025, 8, 1)),
            attrs.evolve(GOAL_HEALTH, target_date=None),
        ),
    )
    strict = Policy(
        severities={
            "plan.goal_without_target_date": Severity.ERROR,
            "plan.youth_not_participating": Severity.ERROR,
        }
    )
    report = validate_plan(p, YOUTH, ON, strict)
    assert codes(report) == [
        "plan.goal_without_target_date",
        "plan.youth_not_participating",
        "plan.follow_up_overdue",
        "plan.goal_overdue",
    ]
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    assert not report.valid
    assert [f.code for f in report.errors] == codes(report)[:2]
    assert validate_plan(p, YOUTH, ON).valid  # by default all four are warnings


def test_every_plan_finding_has_danish_and_english_text_and_a_legal_basis() -> None:
    plan_codes = [code for code in RULES if code.startswith("plan.")]
    assert len(plan_codes) == 15
    assert {
        "plan.missing",
        "plan.right_to_plan",
        "plan.parent_not_involved",
        "plan.in_care_support_decision_late",
    } <= set(plan_codes)
    for code in plan_codes:
        rule = RULES[code]
        assert rule.legal_basis.title
        assert rule.da != rule.en


# -- the models ---------------------------------------------------------------------------


def test_plan_models_refuse_bad_data_with_the_field_path() -> None:
    with pytest.raises(DataError, match=r"^EducationPlan\.goals\[1\]: duplicate goal id 'g1'"):
        plan(goals=(GOAL_EDU, GOAL_EDU))
    with pytest.raises(DataError, match=r"^EducationPlan\.interventions\[1\]: duplicate"):
        plan(interventions=(PLAN.interventions[0],) * 2)
    with pytest.raises(DataError, match=r"^EducationPlan\.participants\[1\]: duplicate"):
        plan(participants=(PLAN.participants[0],) * 2)
    with pytest.raises(DataError, match=r"^EducationPlan\.next_follow_up: must not be before"):
        plan(next_follow_up=D(2025, 7, 31))
    with pytest.raises(DataError, match=r"^EducationPlan\.previous_id: a plan cannot replace"):
        plan(previous_id="p1")
    with pytest.raises(DataError, match=r"^EducationPlan\.goals\[0\]: expected Goal"):
        plan(goals=("g1",))
    with pytest.raises(DataError, match=r"^Goal\.kind: expected GoalKind"):
        Goal("g", "education", "x")  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^Intervention\.supports: expected str items"):
        Intervention("i", "UU", "x", Period(ON), frozenset({1}))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^MunicipalUnit\.name: must not be empty"):
        MunicipalUnit("UU", " ")
    with pytest.raises(DataError, match=r"^EducationPlan\.duty_description: must not be empty"):
        plan(duty_description="")


def test_milestones_belong_to_goals_of_the_plan() -> None:
    m1 = Milestone("m1", "g1", "Optaget på grundforløb", due_on=D(2026, 1, 15))
    p = plan(milestones=(m1,))
    assert validate_plan(p, YOUTH, ON).valid
    with pytest.raises(DataError, match=r"^EducationPlan\.milestones\[0\]\.goal_id: no goal 'g9'"):
        plan(milestones=(attrs.evolve(m1, goal_id="g9"),))
    with pytest.raises(DataError, match=r"^EducationPlan\.milestones\[1\]: duplicate milestone"):
        plan(milestones=(m1, m1))


def test_milestone_reached_by_counts_the_day_itself() -> None:
    m = Milestone("m1", "g1", "Optaget", reached_on=D(2025, 9, 1))
    assert m.reached_by(D(2025, 9, 1))
    assert not m.reached_by(D(2025, 8, 31))
    assert not attrs.evolve(m, reached_on=None).reached_by(ON)


def test_plan_goal_lookup() -> None:
    assert PLAN.goal("g2") is GOAL_HEALTH
    assert PLAN.goal("g9") is None


def test_enum_values_are_stable_lowercase_strings() -> None:
    assert [r.value for r in Role] == ["youth", "parent", "coordinator", "caseworker", "other"]
    assert [k.value for k in GoalKind] == [
        "education",
        "job",
        "personal",
        "health",
        "housing",
        "other",
    ]
    assert [s.value for s in GoalStatus] == ["open", "achieved", "closed"]


def test_plan_report_refuses_non_findings() -> None:
    with pytest.raises(DataError, match=r"^PlanReport\.findings\[0\]"):
        PlanReport(("plan.goal_overdue",))  # type: ignore[arg-type]


def test_goal_overdue_on_9999_12_31_answers_instead_of_overflowing() -> None:
    """Reference day 31 December 9999: the overdue days run to the end of the calendar."""
    report = validate_plan(plan(next_follow_up=dt.date.max), YOUTH, dt.date.max)
    overdue = [f for f in report.findings if f.code == "plan.goal_overdue"]
    assert sorted(f.subject or "" for f in overdue) == ["g1", "g2"]
    by_goal = {f.subject: f.period for f in overdue}
    assert by_goal["g1"] == Period(D(2026, 8, 2))
    assert by_goal["g1"].contains(dt.date.max)


def test_follow_up_window_near_the_end_of_the_calendar_answers() -> None:
    """A plan made 1 June 9999: a 365-day window would end past 9999; nothing overflows."""
    late = plan(created_on=D(9999, 6, 1), next_follow_up=D(9999, 7, 1))
    report = validate_plan(late, YOUTH, D(9999, 7, 2))
    assert "plan.follow_up_overdue" in report.codes
    assert "plan.follow_up_overdue" not in validate_plan(late, YOUTH, D(9999, 7, 1)).codes
