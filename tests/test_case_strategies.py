"""The plan and case strategies: valid ones pass every rule, broken ones break exactly one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kui_core import (
    DEFAULT_POLICY,
    RULES,
    CoordinatorAssignment,
    CoordinatorRequired,
    DutyLapse,
    EducationPlan,
    Goal,
    Intervention,
    Milestone,
    MunicipalUnit,
    NewActivityFrom,
    Offer,
    Participant,
    Policy,
    Role,
    Severity,
    YouthCase,
    age_on,
    review_case,
    support_decision_deadline,
    ungeplan_deadline,
    validate_plan,
)
from kui_core.strategies import (
    BROKEN_CASE_CODES,
    BROKEN_PLAN_CODES,
    PlanExample,
    broken_cases,
    broken_plans,
    cases,
    duty_lapses,
    goals,
    interventions,
    milestones,
    plan_examples,
    plans,
    policies,
    reference_days,
    youths,
)
from kui_core.strategies._broken import serious_codes

FEW = settings(max_examples=15)
SOME = settings(max_examples=40)  # each example builds a whole case: keep the file fast
ON = dt.date(2025, 10, 1)
# The settings of the duties that change what "in time" means, one at a time.
DUTY_POLICIES = [
    Policy(new_activity_from=NewActivityFrom.NOTICED),
    Policy(contact_includes_parents=True),
    Policy(contact_includes_parents=True, new_activity_deadline_days=0),
]
# The plan.* codes that only a case can produce (no plan at all, or the duties of barnets lov).
CASE_ONLY_PLAN_CODES = {
    "plan.missing",
    "plan.right_to_plan",
    "plan.in_care_plan_late",
    "plan.in_care_support_decision_late",
}
INFO_CODES = {code for code in BROKEN_CASE_CODES if RULES[code].severity is Severity.INFO}


def serious(case: YouthCase, on: dt.date, policy: Policy | None = None) -> list[str]:
    """The codes of the findings that are not INFO (the eligibility findings always are)."""
    report = review_case(case, on) if policy is None else review_case(case, on, policy)
    return [f.code for f in report.findings if f.severity is not Severity.INFO]


def review_day(case: YouthCase, on: dt.date | None, policy: Policy = DEFAULT_POLICY) -> dt.date:
    """The day a broken case drawn with ``on`` is reviewed on (see ``broken_cases``)."""
    if on is not None:
        return on
    if case.current_plan is not None:
        return case.current_plan.created_on
    return case.opened_on + dt.timedelta(days=policy.plan_missing_after_days)


def assert_broken(case: YouthCase, code: str, on: dt.date, policy: Policy = DEFAULT_POLICY) -> None:
    """``code`` is the one finding that is not INFO, or for an INFO code there and alone."""
    report = review_case(case, on, policy)
    rest = [f.code for f in report.findings if f.severity is not Severity.INFO]
    if code in INFO_CODES:
        assert code in report.codes
        assert rest == []
    else:
        assert rest == [code]


def missing_plan_possible(policy: Policy) -> bool:
    """A 15–17-year-old can be in the target group under ``policy``."""
    low = max(policy.min_age, policy.duty_min_age)
    return low <= min(policy.age_limit - 1, policy.duty_max_age)


def test_broken_codes_cover_every_case_rule_of_the_catalogue() -> None:
    # catalogue.* is about the reference day, not about a case: no case can break it.
    case_rules = {code for code in RULES if not code.startswith(("eligibility.", "catalogue."))}
    eligibility = {"eligibility.guided_elsewhere", "eligibility.data_missing"}
    assert set(BROKEN_CASE_CODES) == case_rules | eligibility
    plan_rules = {code for code in RULES if code.startswith("plan.")}
    assert set(BROKEN_PLAN_CODES) == plan_rules - CASE_ONLY_PLAN_CODES
    info = {"plan.right_to_plan", "exemption.applies", "eligibility.guided_elsewhere"}
    assert info == INFO_CODES


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
    with pytest.raises(InvalidArgument, match="no broken plans"):
        broken_plans("plan.in_care_plan_late")  # the ungeplan is not a rule of the KUI plan
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
    assert (case.current_plan is None) == (code in ("plan.missing", "plan.right_to_plan"))
    assert_broken(case, code, review_day(case, on))


@SOME
@given(st.data())
def test_broken_cases_under_any_policy(data: st.DataObject) -> None:
    policy = data.draw(policies())
    codes = [c for c in BROKEN_CASE_CODES if c != "plan.missing" or missing_plan_possible(policy)]
    code = data.draw(st.sampled_from(codes))
    on = data.draw(st.none() | st.just(ON))
    case = data.draw(broken_cases(code, on, policy=policy))
    assert_broken(case, code, review_day(case, on, policy), policy)


@pytest.mark.parametrize("code", ["duty.contact_overdue", "duty.new_activity_overdue"])
@pytest.mark.parametrize("policy", DUTY_POLICIES, ids=["noticed", "parents", "parents-0-days"])
@settings(max_examples=10)
@given(data=st.data())
def test_broken_duty_under_each_reading_of_the_deadlines(
    code: str, policy: Policy, data: st.DataObject
) -> None:
    on = data.draw(st.none() | reference_days())
    case = data.draw(broken_cases(code, on, policy=policy))
    assert_broken(case, code, review_day(case, on), policy)


@pytest.mark.parametrize("code", ["plan.missing", "plan.right_to_plan"])
@FEW
@given(data=st.data())
def test_a_case_without_a_plan_and_without_a_day_is_reviewed_when_the_plan_is_due(
    code: str, data: st.DataObject
) -> None:
    policy = Policy(plan_missing_after_days=data.draw(st.integers(0, 60)))
    case = data.draw(broken_cases(code, policy=policy))
    assert case.plans == ()
    due = review_day(case, None, policy)
    assert_broken(case, code, due, policy)
    # The day before the plan is due, nothing is missing yet.
    assert code not in review_case(case, due - dt.timedelta(days=1), policy).codes


def test_plan_missing_is_refused_where_no_15_to_17_year_old_is_in_the_target_group() -> None:
    policy = Policy(min_age=16, duty_min_age=14, duty_max_age=15)
    assert not missing_plan_possible(policy)
    with pytest.raises(InvalidArgument, match=r"plan\.missing"):
        broken_cases("plan.missing", ON, policy=policy)
    assert "plan.missing" not in serious_codes(policy)
    assert "plan.missing" in serious_codes()


def test_serious_codes_are_the_codes_the_policy_reports_above_info() -> None:
    assert set(serious_codes()) == set(BROKEN_CASE_CODES) - INFO_CODES
    policy = Policy(severities={"plan.right_to_plan": Severity.WARNING, "coordination.gap": None})
    chosen = set(serious_codes(policy))
    assert "plan.right_to_plan" in chosen
    assert "coordination.gap" not in chosen


def test_a_right_to_plan_for_an_exempted_15_to_17_year_old_and_for_an_older_one_come_up() -> None:
    def exempted_at_duty_age(case: YouthCase) -> bool:
        age = age_on(case.youth.birth_date, ON)
        return 15 <= age <= 17 and case.exemption_on(ON) is not None

    _found(broken_cases("plan.right_to_plan", ON), exempted_at_duty_age)
    _found(broken_cases("plan.right_to_plan", ON), lambda c: age_on(c.youth.birth_date, ON) > 17)


def test_missing_data_of_each_kind_comes_up() -> None:
    strategy = broken_cases("eligibility.data_missing", ON)
    _found(strategy, lambda c: c.youth.educations_known_until is None)
    _found(strategy, lambda c: c.youth.employments_known_until is None)
    _found(
        strategy,
        lambda c: None not in (c.youth.educations_known_until, c.youth.employments_known_until),
    )


def test_a_contact_late_only_because_of_the_parents_comes_up() -> None:
    policy = Policy(contact_includes_parents=True)

    def youth_in_time(case: YouthCase) -> bool:
        return any(
            lapse.contacted_on is not None
            and lapse.contacted_on < ON
            and serious(case, ON, policy) == ["duty.contact_overdue"]
            and serious(case, ON) == []
            for lapse in case.duty_lapses
        )

    _found(broken_cases("duty.contact_overdue", ON, policy=policy), youth_in_time)


def test_an_exempted_plan_without_duty_description_or_parents_comes_up() -> None:
    def bare(case: YouthCase) -> bool:
        plan = case.current_plan
        return (
            plan is not None
            and plan.duty_description is None
            and not any(p.role is Role.PARENT for p in plan.participants)
        )

    _found(broken_cases("exemption.applies", ON), bare)


def test_late_ungeplans_and_support_decisions_come_up_in_either_form() -> None:
    ungeplan = broken_cases("plan.in_care_plan_late", ON)
    _found(ungeplan, lambda c: c.youth.in_care[0].ungeplan_dates == ())
    _found(ungeplan, lambda c: c.youth.in_care[0].ungeplan_dates != ())
    _found(ungeplan, lambda c: not c.youth.in_care[0].consent)
    support = broken_cases("plan.in_care_support_decision_late", ON)
    _found(support, lambda c: c.youth.in_care[0].support_decided_on is None)
    _found(support, lambda c: c.youth.in_care[0].support_decided_on is not None)


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


@pytest.mark.parametrize("policy", DUTY_POLICIES, ids=["noticed", "parents", "parents-0-days"])
@FEW
@given(data=st.data())
def test_valid_cases_meet_the_duty_under_each_reading_of_the_deadlines(
    policy: Policy, data: st.DataObject
) -> None:
    on = data.draw(reference_days())
    case = data.draw(cases(on=on, policy=policy))
    assert serious(case, on, policy) == []


def test_valid_cases_include_young_people_in_care_past_both_deadlines() -> None:
    """The ungeplan and the support decision were due before the day, and made in time."""

    def past_both(case: YouthCase) -> bool:
        youth = case.youth
        return serious(case, ON) == [] and any(
            (made := ungeplan_deadline(youth, p)) is not None
            and made < ON
            and (decided := support_decision_deadline(youth, p)) is not None
            and decided < ON
            for p in youth.in_care
        )

    _found(cases(on=ON), past_both)


@FEW
@given(st.data())
def test_valid_cases_have_a_plan_with_the_parents_of_a_15_to_17_year_old(
    data: st.DataObject,
) -> None:
    on = data.draw(reference_days())
    case = data.draw(cases(on=on))
    assert case.current_plan is not None
    age = age_on(case.youth.birth_date, on)
    if 15 <= age <= 17:
        assert any(p.role is Role.PARENT for p in case.current_plan.participants)


def test_valid_cases_come_with_an_exemption_on_the_day_and_with_parents_contacted() -> None:
    _found(cases(on=ON), lambda c: c.exemption_on(ON) is not None)
    _found(
        cases(on=ON, policy=Policy(contact_includes_parents=True)),
        lambda c: any(lapse.parents_contacted_on is not None for lapse in c.duty_lapses),
    )


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


def _found(strategy: st.SearchStrategy[YouthCase], condition: Any) -> None:
    """``condition`` holds for a case among the first 200 generated (deterministic probe)."""
    quick = settings(max_examples=200, database=None, phases=[Phase.generate], derandomize=True)
    assert condition(find(strategy, condition, settings=quick))


@FEW
@given(duty_lapses())
def test_duty_lapses_record_the_parents_too(lapse: DutyLapse) -> None:
    for day in (lapse.contacted_on, lapse.new_activity_on, lapse.parents_contacted_on):
        assert day is None or day >= lapse.noticed_on


def test_goals_include_undated_goals_and_goals_due_the_day_after() -> None:
    """``find`` searches until it succeeds: both kinds are certainly generated."""
    assert find(goals(), lambda g: g.target_date is None).target_date is None
    due = find(goals(on=ON), lambda g: g.target_date == dt.date(2025, 10, 2))
    assert due.target_date == dt.date(2025, 10, 2)
