"""The plan and case strategies: valid ones pass every rule, broken ones break exactly one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kui_core import (
    RULES,
    CoordinatorAssignment,
    CoordinatorRequired,
    DutyLapse,
    EducationPlan,
    Goal,
    Intervention,
    Milestone,
    MunicipalUnit,
    Offer,
    Participant,
    Policy,
    Role,
    Severity,
    YouthCase,
    review_case,
    validate_plan,
)
from kui_core.strategies import (
    BROKEN_CASE_CODES,
    BROKEN_PLAN_CODES,
    PlanExample,
    broken_cases,
    broken_plans,
    cases,
    goals,
    interventions,
    milestones,
    plan_examples,
    plans,
    policies,
    reference_days,
    youths,
)

FEW = settings(max_examples=15)
SOME = settings(max_examples=40)  # each example builds a whole case: keep the file fast
ON = dt.date(2025, 10, 1)


def serious(case: YouthCase, on: dt.date, policy: Policy | None = None) -> list[str]:
    """The codes of the findings that are not INFO (the eligibility findings always are)."""
    report = review_case(case, on) if policy is None else review_case(case, on, policy)
    return [f.code for f in report.findings if f.severity is not Severity.INFO]


def test_broken_codes_cover_every_case_rule_of_the_catalogue() -> None:
    case_rules = {code for code in RULES if not code.startswith("eligibility.")}
    assert set(BROKEN_CASE_CODES) == case_rules
    assert set(BROKEN_PLAN_CODES) == {code for code in RULES if code.startswith("plan.")}


# -- plans --------------------------------------------------------------------------------------


@SOME
@given(st.data())
def test_plans_for_a_youth_on_a_day_validate_clean(data: st.DataObject) -> None:
    on = data.draw(reference_days())
    youth = data.draw(youths(on))
    plan = data.draw(plans(youth, on))
    assert validate_plan(plan, youth, on).findings == ()
    assert plan.created_on <= on


@SOME
@given(st.data())
def test_plans_validate_clean_under_any_policy(data: st.DataObject) -> None:
    policy = data.draw(policies())
    on = data.draw(reference_days())
    youth = data.draw(youths(on, policy=policy))
    plan = data.draw(plans(youth, on, policy=policy))
    assert validate_plan(plan, youth, on, policy).findings == ()


@FEW
@given(st.data())
def test_plans_for_a_youth_without_a_day_are_clean_somewhere_in_their_youth(
    data: st.DataObject,
) -> None:
    youth = data.draw(youths(ON))
    plan = data.draw(plans(youth))
    assert Participant(youth.person_id, Role.YOUTH) in plan.participants


@SOME
@given(plan_examples())
def test_plan_examples_validate_clean(example: PlanExample) -> None:
    report = example.validate()
    assert report.valid
    assert report.findings == ()
    if example.previous is not None:
        assert example.plan.previous_id == example.previous.id


@pytest.mark.parametrize("code", BROKEN_PLAN_CODES)
@settings(max_examples=10)
@given(data=st.data())
def test_each_broken_plan_strategy_yields_exactly_its_code(code: str, data: st.DataObject) -> None:
    example = data.draw(broken_plans(code))
    report = example.validate()
    assert report.codes == (code,)
    assert report.valid is (RULES[code].severity is not Severity.ERROR)


@FEW
@given(st.data())
def test_broken_plans_on_a_given_day_under_any_policy(data: st.DataObject) -> None:
    code = data.draw(st.sampled_from(BROKEN_PLAN_CODES))
    policy = data.draw(policies())
    example = data.draw(broken_plans(code, ON, policy=policy))
    assert example.on == ON
    assert example.validate().codes == (code,)


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(InvalidArgument, match="no broken plans"):
        broken_plans("coordination.gap")
    with pytest.raises(InvalidArgument, match="no broken cases"):
        broken_cases("eligibility.enrolled")
    with pytest.raises(InvalidArgument, match="goal_ids"):
        interventions(())
    with pytest.raises(InvalidArgument, match="goal_ids"):
        milestones(())


# -- cases --------------------------------------------------------------------------------------


@SOME
@given(st.data())
def test_valid_cases_pass_every_case_rule_on_their_day(data: st.DataObject) -> None:
    on = data.draw(reference_days())
    case = data.draw(cases(on=on))
    assert serious(case, on) == []
    assert case.current_plan is not None
    assert case.current_plan.created_on <= on


@SOME
@given(cases())
def test_valid_cases_without_a_day_are_clean_when_the_current_plan_is_made(
    case: YouthCase,
) -> None:
    assert case.current_plan is not None
    assert serious(case, case.current_plan.created_on) == []


@SOME
@given(st.data())
def test_valid_cases_pass_under_any_policy(data: st.DataObject) -> None:
    policy = data.draw(policies())
    on = data.draw(reference_days())
    case = data.draw(cases(on=on, policy=policy))
    assert serious(case, on, policy) == []


@pytest.mark.parametrize("code", BROKEN_CASE_CODES)
@settings(max_examples=10)
@given(data=st.data())
def test_each_broken_case_strategy_yields_exactly_its_code(code: str, data: st.DataObject) -> None:
    on = data.draw(st.none() | st.just(ON) | reference_days())
    case = data.draw(broken_cases(code, on))
    assert case.current_plan is not None
    day = on if on is not None else case.current_plan.created_on
    codes = serious(case, day)
    assert codes == [code]


@SOME
@given(st.data())
def test_broken_cases_under_any_policy(data: st.DataObject) -> None:
    code = data.draw(st.sampled_from(BROKEN_CASE_CODES))
    policy = data.draw(policies())
    case = data.draw(broken_cases(code, ON, policy=policy))
    assert serious(case, ON, policy) == [code]


@pytest.mark.parametrize(
    "code", ["coordination.missing", "coordination.gap", "coordination.overlap"]
)
@settings(max_examples=10)
@given(data=st.data())
def test_broken_coordination_holds_for_either_coordinator_span(
    code: str, data: st.DataObject
) -> None:
    case = data.draw(broken_cases(code, ON))
    for required in CoordinatorRequired:
        policy = Policy(coordinator_required=required)
        assert serious(case, ON, policy) == [code]


@FEW
@given(cases(valid=False, on=ON))
def test_invalid_cases_break_exactly_one_case_rule(case: YouthCase) -> None:
    (code,) = serious(case, ON)
    assert code in BROKEN_CASE_CODES


# -- st.from_type and the small strategies --------------------------------------------------


MODELS: list[type[Any]] = [
    MunicipalUnit,
    Participant,
    Goal,
    Milestone,
    Intervention,
    EducationPlan,
    CoordinatorAssignment,
    Offer,
    DutyLapse,
    YouthCase,
]


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=10)
@given(data=st.data())
def test_every_plan_and_case_model_is_registered_for_from_type(
    cls: type[Any], data: st.DataObject
) -> None:
    value = data.draw(st.from_type(cls))
    assert isinstance(value, cls)
    # Rebuilding through the constructor runs every validator again.
    assert attrs.evolve(value) == value


@FEW
@given(st.data())
def test_interventions_support_only_the_given_goals(data: st.DataObject) -> None:
    job = data.draw(interventions(("a", "b"), on=ON))
    assert job.supports
    assert job.supports <= {"a", "b"}


@FEW
@given(milestones(("g7",)))
def test_milestones_belong_to_the_given_goals(step: Milestone) -> None:
    assert step.goal_id == "g7"


@FEW
@given(st.data())
def test_plans_with_a_day_but_no_youth_draw_the_youth(data: st.DataObject) -> None:
    plan = data.draw(plans(on=ON))
    assert plan.created_on <= ON
    assert any(p.role is Role.YOUTH for p in plan.participants)


def test_goals_include_undated_goals_and_goals_due_the_day_after() -> None:
    """``find`` searches until it succeeds: both kinds are certainly generated."""
    assert find(goals(), lambda g: g.target_date is None).target_date is None
    due = find(goals(on=ON), lambda g: g.target_date == dt.date(2025, 10, 2))
    assert due.target_date == dt.date(2025, 10, 2)
