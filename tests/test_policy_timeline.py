"""``PolicyTimeline``: dated policy versions, each rule reading the one in force on its day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    Application,
    CarePlacement,
    DataError,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Youth,
    application_shares,
    assess_eligibility,
    check_coordination,
    check_duty,
    check_in_care,
    check_transitions,
    completion_rate,
    contact_deadline,
    coordination_span,
    in_target_group,
    neet_share,
    new_activity_deadline,
    policy_on,
    review_case,
    support_decision_deadline,
    transition_deadline,
    ungeplan_deadline,
    validate_plan,
)
from kui_core.case import DutyLapse, Offer, YouthCase
from kui_core.duty import contacted_on
from kui_core.plan import EducationPlan
from kui_core.strategies import (
    cases,
    cohorts,
    duty_lapses,
    offers,
    plan_examples,
    policies,
    reference_days,
    youths,
)

D = dt.date
GAP_30 = DEFAULT_POLICY
GAP_14 = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=14)
JAN_1_2027 = D(2027, 1, 1)
GAP_FROM_2027 = PolicyTimeline(GAP_30, {JAN_1_2027: GAP_14})

FEW = settings(max_examples=60)  # each example builds a whole case and reviews it twice
SOME = settings(max_examples=100)


def outcome(rule: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The result of ``rule``, or the ``DataError`` it raises (as its path and reason)."""
    try:
        return rule(*args, **kwargs)
    except DataError as error:
        return ("DataError", error.path, error.reason)


@st.composite
def one_version(draw: st.DrawFn, policy: Policy) -> PolicyTimeline:
    """A timeline that only ever holds ``policy``: alone, or also from some day on."""
    if draw(st.booleans()):
        return PolicyTimeline(policy)
    return PolicyTimeline(policy, {draw(reference_days()): policy})


@st.composite
def two_versions(draw: st.DrawFn) -> PolicyTimeline:
    """A timeline of two policies (which may be equal) from any day."""
    return PolicyTimeline(draw(policies()), {draw(reference_days()): draw(policies())})


# --------------------------------------------------------------------------------------------
# Property: a timeline with one version is the plain Policy, for every rule


@st.composite
def case_on(draw: st.DrawFn, policy: Policy) -> tuple[YouthCase, dt.date]:
    """A clean or broken case under ``policy``, and a reference day: its own or any other."""
    on = draw(reference_days(D(2000, 1, 1), D(2035, 12, 31)))
    case = draw(cases(draw(st.booleans()), on=on, policy=policy))
    return case, draw(st.one_of(st.just(on), reference_days()))


@FEW
@given(
    policies(with_severities=True).flatmap(lambda p: st.tuples(st.just(p), case_on(p))), st.data()
)
def test_review_case_with_a_one_version_timeline_is_the_plain_policy(
    drawn: tuple[Policy, tuple[YouthCase, dt.date]], data: st.DataObject
) -> None:
    policy, (case, on) = drawn
    timeline = data.draw(one_version(policy))
    assert outcome(review_case, case, on, timeline) == outcome(review_case, case, on, policy)


@FEW
@given(
    policies(with_severities=True).flatmap(lambda p: st.tuples(st.just(p), case_on(p))), st.data()
)
def test_every_case_rule_with_a_one_version_timeline_is_the_plain_policy(
    drawn: tuple[Policy, tuple[YouthCase, dt.date]], data: st.DataObject
) -> None:
    policy, (case, on) = drawn
    timeline = data.draw(one_version(policy))
    for rule in (check_duty, check_transitions, check_coordination, coordination_span):
        assert outcome(rule, case, on, timeline) == outcome(rule, case, on, policy), rule
    youth = case.youth
    for rule in (check_in_care, assess_eligibility, in_target_group):
        assert outcome(rule, youth, on, timeline) == outcome(rule, youth, on, policy), rule
    for lapse in case.duty_lapses:
        for helper in (contact_deadline, contacted_on, new_activity_deadline):
            assert helper(lapse, timeline) == helper(lapse, policy)
    for offer in case.offers:
        assert transition_deadline(offer, timeline) == transition_deadline(offer, policy)
    for placement in youth.in_care:
        for deadline in (ungeplan_deadline, support_decision_deadline):
            assert deadline(youth, placement, timeline) == deadline(youth, placement, policy)


@SOME
@given(
    reference_days(D(2000, 1, 1), D(2035, 12, 31)).flatmap(
        lambda on: st.tuples(st.just(on), policies(with_severities=True))
    ),
    st.data(),
)
def test_eligibility_with_a_one_version_timeline_is_the_plain_policy(
    drawn: tuple[dt.date, Policy], data: st.DataObject
) -> None:
    on, policy = drawn
    youth = data.draw(youths(on, policy=policy, unknown_records=data.draw(st.booleans())))
    timeline = data.draw(one_version(policy))
    assert assess_eligibility(youth, on, timeline) == assess_eligibility(youth, on, policy)
    assert in_target_group(youth, on, timeline) == in_target_group(youth, on, policy)
    assert check_in_care(youth, on, timeline) == check_in_care(youth, on, policy)


@SOME
@given(policies(with_severities=True).flatmap(lambda p: plan_examples(policy=p)), st.data())
def test_validate_plan_with_a_one_version_timeline_is_the_plain_policy(
    example: Any, data: st.DataObject
) -> None:
    timeline = data.draw(one_version(example.policy))
    on = data.draw(st.one_of(st.just(example.on), reference_days()))
    exempted = data.draw(st.booleans())

    def validate(policy: Policy | PolicyTimeline) -> Any:
        return outcome(
            validate_plan,
            example.plan,
            example.youth,
            on,
            policy,
            example.previous,
            exempted=exempted,
        )

    assert validate(timeline) == validate(example.policy)


@settings(max_examples=40)
@given(reference_days(D(2000, 1, 1), D(2035, 12, 31)), policies(), st.data())
def test_metrics_with_a_one_version_timeline_are_the_plain_policy(
    on: dt.date, policy: Policy, data: st.DataObject
) -> None:
    people = data.draw(cohorts(on, max_size=12, policy=policy))
    timeline = data.draw(one_version(policy))
    assert neet_share(people, on, policy=timeline) == neet_share(people, on, policy=policy)
    assert completion_rate(people, on, policy=timeline) == completion_rate(
        people, on, policy=policy
    )
    assert neet_share(people, on, policy=timeline, by="municipality") == neet_share(
        people, on, policy=policy, by="municipality"
    )


@SOME
@given(policies(), st.data())
def test_deadline_helpers_with_a_one_version_timeline_are_the_plain_policy(
    policy: Policy, data: st.DataObject
) -> None:
    timeline = data.draw(one_version(policy))
    lapse = data.draw(duty_lapses())
    offer = data.draw(offers())
    for helper in (contact_deadline, contacted_on, new_activity_deadline):
        assert outcome(helper, lapse, timeline) == outcome(helper, lapse, policy)
    assert transition_deadline(offer, timeline) == transition_deadline(offer, policy)


# --------------------------------------------------------------------------------------------
# Property: with several versions, a rule gives the result of the version in force on `on`


@FEW
@given(two_versions(), st.data())
def test_review_case_uses_the_version_in_force_on_its_day(
    timeline: PolicyTimeline, data: st.DataObject
) -> None:
    on = data.draw(reference_days(D(2000, 1, 1), D(2035, 12, 31)))
    case = data.draw(cases(data.draw(st.booleans()), on=on, policy=timeline.in_force(on)))
    on = data.draw(st.one_of(st.just(on), reference_days()))
    in_force = timeline.in_force(on)
    assert outcome(review_case, case, on, timeline) == outcome(review_case, case, on, in_force)
    assert policy_on(timeline, on) is in_force
    for rule in (check_duty, check_transitions, check_coordination, coordination_span):
        assert outcome(rule, case, on, timeline) == outcome(rule, case, on, in_force), rule
    for rule in (check_in_care, assess_eligibility, in_target_group):
        assert outcome(rule, case.youth, on, timeline) == outcome(rule, case.youth, on, in_force)


@SOME
@given(two_versions(), reference_days())
def test_in_force_is_the_latest_version_from_on_or_before_the_day(
    timeline: PolicyTimeline, day: dt.date
) -> None:
    ((start, later),) = timeline.changes
    assert timeline.in_force(day) is (later if start <= day else timeline.first)


# --------------------------------------------------------------------------------------------
# Examples: a transition gap of 30 days until 2026, 14 days from 1 January 2027

YOUTH = Youth("y-1", D(2006, 3, 3))  # 20 in 2026-2027: in the target group


def _lost_after(end: dt.date, on: dt.date) -> tuple[str, ...]:
    offer = Offer("fgu", "FGU", Period(D(2026, 8, 1), end))
    case = YouthCase(YOUTH, D(2026, 8, 1), offers=(offer,))
    return tuple(f.code for f in check_transitions(case, on, GAP_FROM_2027))


def test_an_offer_ended_1_december_2026_reviewed_20_december_2026_has_30_days() -> None:
    offer = Offer("fgu", "FGU", Period(D(2026, 8, 1), D(2026, 12, 1)))
    assert transition_deadline(offer, GAP_FROM_2027) == D(2026, 12, 31)
    assert _lost_after(D(2026, 12, 1), D(2026, 12, 20)) == ()
    assert _lost_after(D(2026, 12, 1), D(2027, 1, 1)) == ("transition.no_next_step",)


def test_an_offer_ended_1_february_2027_reviewed_20_february_2027_has_14_days() -> None:
    offer = Offer("fgu", "FGU", Period(D(2026, 8, 1), D(2027, 2, 1)))
    assert transition_deadline(offer, GAP_FROM_2027) == D(2027, 2, 15)
    assert _lost_after(D(2027, 2, 1), D(2027, 2, 15)) == ()
    assert _lost_after(D(2027, 2, 1), D(2027, 2, 20)) == ("transition.no_next_step",)
    assert _lost_after(D(2026, 12, 1), D(2027, 2, 20)) == ("transition.no_next_step",)


def test_the_same_offer_reviewed_20_february_2027_under_the_old_policy_is_in_time() -> None:
    offer = Offer("fgu", "FGU", Period(D(2026, 8, 1), D(2027, 2, 1)))
    case = YouthCase(YOUTH, D(2026, 8, 1), offers=(offer,))
    assert check_transitions(case, D(2027, 2, 20), GAP_30) == ()
    assert transition_deadline(offer, GAP_30) == D(2027, 3, 3)


def test_in_force_before_on_and_after_the_change_on_1_january_2027() -> None:
    assert GAP_FROM_2027.in_force(D(2026, 12, 31)) is GAP_30
    assert GAP_FROM_2027.in_force(JAN_1_2027) is GAP_14
    assert GAP_FROM_2027.in_force(D(2027, 1, 2)) is GAP_14
    assert GAP_FROM_2027.in_force(dt.date.min) is GAP_30
    assert GAP_FROM_2027.in_force(dt.date.max) is GAP_14


def test_a_timeline_without_changes_holds_its_first_version_on_every_day() -> None:
    timeline = PolicyTimeline(GAP_14)
    assert timeline.changes == ()
    assert timeline.in_force(dt.date.min) is GAP_14
    assert timeline.in_force(dt.date.max) is GAP_14


def test_three_versions_from_2025_2027_and_2029_each_hold_until_the_next() -> None:
    gap_7 = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=7)
    gap_21 = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=21)
    timeline = PolicyTimeline(
        DEFAULT_POLICY, {D(2029, 1, 1): gap_7, D(2025, 1, 1): gap_21, D(2027, 1, 1): GAP_14}
    )
    assert [day for day, _ in timeline.changes] == [D(2025, 1, 1), D(2027, 1, 1), D(2029, 1, 1)]
    assert timeline.in_force(D(2024, 12, 31)) is DEFAULT_POLICY
    assert timeline.in_force(D(2025, 1, 1)) is gap_21
    assert timeline.in_force(D(2026, 12, 31)) is gap_21
    assert timeline.in_force(D(2027, 1, 1)) is GAP_14
    assert timeline.in_force(D(2028, 12, 31)) is GAP_14
    assert timeline.in_force(D(2029, 1, 1)) is gap_7


def test_changes_as_a_mapping_or_as_pairs_in_any_order_are_the_same_timeline() -> None:
    gap_7 = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=7)
    as_mapping = PolicyTimeline(GAP_30, {D(2029, 1, 1): gap_7, JAN_1_2027: GAP_14})
    as_pairs = PolicyTimeline(GAP_30, ((JAN_1_2027, GAP_14), (D(2029, 1, 1), gap_7)))
    unsorted = PolicyTimeline(GAP_30, ((D(2029, 1, 1), gap_7), (JAN_1_2027, GAP_14)))
    assert as_mapping == as_pairs == unsorted
    assert hash(as_mapping) == hash(unsorted)
    assert as_mapping.changes == ((JAN_1_2027, GAP_14), (D(2029, 1, 1), gap_7))


def test_a_timeline_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GAP_FROM_2027.first = GAP_14  # type: ignore[misc]


def test_the_duty_deadlines_read_the_timeline_on_the_day_the_lapse_was_noticed() -> None:
    """Five working days until 2026, three from 1 January 2027 (Friday 1 January is a holiday)."""
    three = attrs.evolve(DEFAULT_POLICY, contact_deadline_working_days=3)
    timeline = PolicyTimeline(DEFAULT_POLICY, {JAN_1_2027: three})
    december = DutyLapse(noticed_on=D(2026, 12, 14))  # Monday
    january = DutyLapse(noticed_on=D(2027, 1, 11))  # Monday
    assert contact_deadline(december, timeline) == D(2026, 12, 21)
    assert contact_deadline(january, timeline) == D(2027, 1, 14)


def test_the_in_care_deadlines_read_the_timeline_on_the_decision_day() -> None:
    """Three months for the ungeplan until 2026, six from 1 January 2027."""
    six = attrs.evolve(DEFAULT_POLICY, in_care_plan_months=6)
    timeline = PolicyTimeline(DEFAULT_POLICY, {JAN_1_2027: six})
    youth = Youth(
        "y-2",
        D(2010, 6, 1),  # 16 on 1 June 2026, 18 on 1 June 2028
        in_care=(
            CarePlacement(Period(D(2026, 7, 1), D(2026, 12, 1)), decided_on=D(2026, 7, 1)),
            CarePlacement(Period(D(2027, 3, 1)), decided_on=D(2027, 3, 1)),
        ),
    )
    decided_2026, decided_2027 = youth.in_care
    assert ungeplan_deadline(youth, decided_2026, timeline) == D(2026, 10, 1)
    assert ungeplan_deadline(youth, decided_2027, timeline) == D(2027, 9, 1)
    assert ungeplan_deadline(youth, decided_2027) == D(2027, 6, 1)
    assert support_decision_deadline(youth, decided_2027, timeline) == (
        support_decision_deadline(youth, decided_2027, six)
    )


# --------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("changes", "path", "reason"),
    [
        ([(JAN_1_2027, GAP_14)], "PolicyTimeline.changes", "expected a mapping of day to Policy"),
        (GAP_14, "PolicyTimeline.changes", "expected a mapping of day to Policy, got Policy"),
        ((JAN_1_2027,), "PolicyTimeline.changes[0]", "expected a (day, Policy) pair"),
        (((JAN_1_2027, GAP_14, GAP_30),), "PolicyTimeline.changes[0]", "pair"),
        (((JAN_1_2027, GAP_14), [JAN_1_2027, GAP_14]), "PolicyTimeline.changes[1]", "pair"),
        ({"2027-01-01": GAP_14}, "PolicyTimeline.changes[0].day", "expected a date"),
        ({dt.datetime(2027, 1, 1): GAP_14}, "PolicyTimeline.changes[0].day", "expected a date"),
        ({JAN_1_2027: 14}, "PolicyTimeline.changes[0].policy", "expected Policy, got int"),
        (
            {JAN_1_2027: GAP_FROM_2027},
            "PolicyTimeline.changes[0].policy",
            "expected Policy, got PolicyTimeline",
        ),
        (
            ((JAN_1_2027, GAP_14), (JAN_1_2027, GAP_30)),
            "PolicyTimeline.changes",
            "two versions from 2027-01-01",
        ),
        (
            ((JAN_1_2027, GAP_14), (D(2028, 1, 1), GAP_30), (JAN_1_2027, GAP_14)),
            "PolicyTimeline.changes",
            "two versions from 2027-01-01",
        ),
    ],
)
def test_bad_changes_are_data_errors_naming_the_change(
    changes: object, path: str, reason: str
) -> None:
    with pytest.raises(DataError) as raised:
        PolicyTimeline(GAP_30, changes)  # type: ignore[arg-type]
    assert raised.value.path == path
    assert reason in raised.value.reason


@pytest.mark.parametrize("first", [None, GAP_FROM_2027, {"max_transition_gap_days": 14}])
def test_a_first_version_that_is_no_policy_is_a_data_error(first: object) -> None:
    with pytest.raises(DataError) as raised:
        PolicyTimeline(first)  # type: ignore[arg-type]
    assert raised.value.path == "PolicyTimeline.first"


@pytest.mark.parametrize("day", [None, "2027-01-01", dt.datetime(2027, 1, 1)])
def test_in_force_on_a_day_that_is_no_date_is_a_data_error(day: object) -> None:
    with pytest.raises(DataError) as raised:
        GAP_FROM_2027.in_force(day)  # type: ignore[arg-type]
    assert raised.value.path == "day"


@pytest.mark.parametrize("policy", [None, "default", {"max_transition_gap_days": 14}])
def test_policy_on_with_no_policy_is_a_data_error(policy: object) -> None:
    with pytest.raises(DataError) as raised:
        policy_on(policy, JAN_1_2027)  # type: ignore[arg-type]
    assert raised.value.path == "policy"
    assert "expected Policy or PolicyTimeline" in raised.value.reason


def test_policy_on_returns_a_plain_policy_itself_on_any_day() -> None:
    assert policy_on(GAP_14, dt.date.min) is GAP_14
    assert policy_on(GAP_FROM_2027, D(2026, 12, 31)) is GAP_30
    assert policy_on(GAP_FROM_2027, JAN_1_2027) is GAP_14


@pytest.mark.parametrize(
    "rule",
    [review_case, check_duty, check_transitions, check_coordination, coordination_span],
)
def test_a_case_rule_given_no_policy_is_a_data_error(rule: Callable[..., Any]) -> None:
    case = YouthCase(YOUTH, D(2026, 8, 1))
    with pytest.raises(DataError) as raised:
        rule(case, D(2026, 10, 1), "my policy")
    assert raised.value.path == "policy"


# --------------------------------------------------------------------------------------------
# application_shares: the version in force on 31 May of the applications' year

THRESHOLD_1 = attrs.evolve(DEFAULT_POLICY, min_publishable_count=1)
PUBLISH_FROM_JUNE_2026 = PolicyTimeline(DEFAULT_POLICY, {D(2026, 6, 1): THRESHOLD_1})
PUBLISH_FROM_MAY_2026 = PolicyTimeline(DEFAULT_POLICY, {D(2026, 5, 31): THRESHOLD_1})


def _applications(year: int) -> list[Application]:
    return [
        Application("p1", Programme.EUD, 9, D(year, 3, 1)),
        Application("p2", Programme.STX, 9, D(year, 3, 1)),
    ]


def test_application_shares_2026_read_the_policy_of_31_may_2026_with_the_year_given() -> None:
    items = _applications(2026) + _applications(2025)
    before = application_shares(items, PUBLISH_FROM_JUNE_2026, year=2026)
    after = application_shares(items, PUBLISH_FROM_MAY_2026, year=2026)
    assert before == application_shares(items, DEFAULT_POLICY, year=2026)
    assert after == application_shares(items, THRESHOLD_1, year=2026)
    assert before != after


def test_application_shares_2026_read_the_policy_of_31_may_2026_with_the_year_inferred() -> None:
    items = _applications(2026)
    assert application_shares(items, PUBLISH_FROM_JUNE_2026) == application_shares(items)
    assert application_shares(items, PUBLISH_FROM_MAY_2026) == application_shares(
        items, THRESHOLD_1
    )
    assert application_shares(items, PUBLISH_FROM_MAY_2026, by="grade") == application_shares(
        items, THRESHOLD_1, by="grade"
    )


def test_application_shares_of_a_year_without_applications_read_that_year() -> None:
    assert application_shares(_applications(2025), PUBLISH_FROM_MAY_2026, year=2026) == (
        application_shares([], THRESHOLD_1)
    )


def test_application_shares_with_a_timeline_and_neither_applications_nor_year_fail() -> None:
    with pytest.raises(DataError) as raised:
        application_shares([], PUBLISH_FROM_MAY_2026)
    assert raised.value.path == "policy"
    assert "year=" in raised.value.reason


@pytest.mark.parametrize("year", [0, -1, 10000, "2026", 2026.0])
def test_application_shares_with_a_timeline_and_a_year_outside_the_calendar_fail(
    year: object,
) -> None:
    with pytest.raises(DataError) as raised:
        application_shares(_applications(2026), PUBLISH_FROM_MAY_2026, year=year)  # type: ignore[arg-type]
    assert raised.value.path == "year"
    assert "expected a year from 1 to 9999" in raised.value.reason


def test_application_shares_with_no_policy_is_a_data_error() -> None:
    with pytest.raises(DataError) as raised:
        application_shares(_applications(2026), "my policy")  # type: ignore[arg-type]
    assert raised.value.path == "policy"


def test_application_shares_in_year_1_and_9999_read_those_years() -> None:
    """The ends of the calendar are years like any other."""
    timeline = PolicyTimeline(THRESHOLD_1, {D(9999, 5, 31): DEFAULT_POLICY})
    assert application_shares([], timeline, year=1) == application_shares([], THRESHOLD_1)
    assert application_shares([], timeline, year=9999) == application_shares([])


def test_a_plan_validated_on_20_february_2027_reads_the_2027_version() -> None:
    """validate_plan reads the version on `on` and stamps it."""
    from kui_core.audit import audit_stamp
    from kui_core.plan import Goal, GoalKind, Participant, Role

    plan = EducationPlan(
        id="plan-1",
        created_on=D(2026, 8, 1),
        participants=(Participant("y-1", Role.YOUTH),),
        goals=(Goal("g1", GoalKind.EDUCATION, "EUD", D(2027, 8, 1)),),
        interventions=(),
        next_follow_up=D(2027, 6, 1),
    )
    report = validate_plan(plan, YOUTH, D(2027, 2, 20), GAP_FROM_2027)
    assert report == validate_plan(plan, YOUTH, D(2027, 2, 20), GAP_14)
    assert report.stamp == audit_stamp(GAP_14)


def test_a_deadline_helper_given_the_review_day_agrees_with_the_check_2027_01_10() -> None:
    """An offer ended 21 December 2026, reviewed 10 January 2027 under the 14-day gap in force
    from 1 January 2027: check_transitions reads the 2027 version; transition_deadline reads the
    version of the offer's end unless given the same ``on``."""
    offer = Offer("fgu", "FGU", Period(D(2026, 9, 1), D(2026, 12, 21)))
    case = YouthCase(YOUTH, D(2026, 8, 1), offers=(offer,))
    on = D(2027, 1, 10)
    assert [f.code for f in check_transitions(case, on, GAP_FROM_2027)] == [
        "transition.no_next_step"
    ]
    assert transition_deadline(offer, GAP_FROM_2027) == D(2027, 1, 20)  # 30 days, read 2026
    assert transition_deadline(offer, GAP_FROM_2027, on=on) == D(2027, 1, 4)  # 14 days


def test_the_duty_and_in_care_helpers_read_the_timeline_on_a_given_day_2027_01_10() -> None:
    later = attrs.evolve(DEFAULT_POLICY, new_activity_deadline_days=10, in_care_plan_months=1)
    timeline = PolicyTimeline(DEFAULT_POLICY, {D(2027, 1, 1): later})
    lapse = DutyLapse(D(2026, 12, 1), contacted_on=D(2026, 12, 2))
    assert new_activity_deadline(lapse, timeline) == D(2027, 1, 1)
    assert new_activity_deadline(lapse, timeline, on=D(2027, 1, 10)) == D(2026, 12, 12)
    assert contacted_on(lapse, timeline, on=D(2027, 1, 10)) == D(2026, 12, 2)
    assert contact_deadline(lapse, timeline, on=D(2027, 1, 10)) == contact_deadline(lapse)
    youth = Youth("y-c", D(2010, 3, 1))
    placement = CarePlacement(Period(D(2026, 12, 1)))
    assert ungeplan_deadline(youth, placement, timeline) == D(2027, 3, 1)
    assert ungeplan_deadline(youth, placement, timeline, on=D(2027, 1, 10)) == D(2027, 1, 1)
    assert support_decision_deadline(youth, placement, timeline, on=D(2027, 1, 10)) == D(2027, 9, 1)
    with pytest.raises(DataError, match=r"^on:"):
        transition_deadline(Offer("o", "O", Period(D(2026, 1, 1), D(2026, 2, 1))), on="2027")  # type: ignore[arg-type]
