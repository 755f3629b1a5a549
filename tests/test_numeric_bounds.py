"""Every number a model or a policy holds is bounded, so that no rule overflows (issue 12).

A document may hold any integer (``10**400``). Each numeric field has a bound that keeps the
arithmetic done with it in range: weekly hours at most 168, ages at most 150, day counts at most
3,650, months at most 1,800. The rules, run with a policy at its bounds, raise nothing but
:class:`DataError`, never ``OverflowError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    DataError,
    DutyLapse,
    Employment,
    Period,
    Policy,
    Youth,
    assess_eligibility,
    completion_rate,
    contact_deadline,
    neet_share,
    new_activity_deadline,
    review_case,
    strategies,
)
from kui_core.serialization import dumps, loads

HUGE = 10**400

# field: (lowest, highest) allowed
BOUNDS: dict[str, tuple[float, float]] = {
    "min_age": (0, 149),  # age_limit, above it, is at most 150
    "age_limit": (1, 150),
    "outreach_work_hours": (0, 168),
    "neet_work_hours": (0, 168),
    "duty_work_hours": (0, 168),
    "duty_min_age": (0, 150),
    "duty_max_age": (0, 150),
    "contact_deadline_working_days": (0, 3650),
    "new_activity_deadline_days": (0, 3650),
    "follow_up_max_interval_days": (1, 3650),
    "in_care_plan_age": (0, 150),
    "in_care_plan_months": (0, 1800),
    "in_care_end_age": (0, 150),
    "in_care_support_months": (0, 1800),
    "plan_missing_after_days": (0, 3650),
    "max_transition_gap_days": (0, 3650),
    "min_publishable_count": (1, 1_000_000),
}


def test_every_numeric_policy_field_has_a_bound() -> None:
    numeric = {
        field.name
        for field in attrs.fields(Policy)
        if isinstance(getattr(DEFAULT_POLICY, field.name), int | float)
        and not isinstance(getattr(DEFAULT_POLICY, field.name), bool)
    }
    assert numeric == set(BOUNDS)


def _policy(name: str, value: Any) -> Policy:
    # The pairs of ages must stay in order while one of them moves.
    related = {
        "min_age": {"age_limit": 150},
        "age_limit": {"min_age": 0},
        "duty_min_age": {"duty_max_age": 150},
        "duty_max_age": {"duty_min_age": 0},
    }
    return attrs.evolve(DEFAULT_POLICY, **related.get(name, {}), **{name: value})


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_a_policy_field_beyond_its_bound_names_the_field(name: str) -> None:
    low, high = BOUNDS[name]
    assert getattr(_policy(name, high), name) == high
    assert getattr(_policy(name, low), name) == low
    for value in (high + 1, HUGE, low - 1):
        if name == "age_limit" and value == low - 1:
            continue  # the order of the two ages is checked first (test_policy)
        with pytest.raises(DataError) as caught:
            _policy(name, value)
        assert caught.value.path == f"Policy.{name}"
    document = {**json.loads(dumps(DEFAULT_POLICY)), name: "HUGE"}
    with pytest.raises(DataError) as in_json:
        loads(json.dumps(document).replace('"HUGE"', "1" + "0" * 400), Policy)
    assert in_json.value.errors == ((f"$.{name}", f"must be at most {high}"),)


def test_a_huge_age_limit_is_refused_at_the_field_2026_10_01() -> None:
    """It used to reach ``birthday`` and come out as a DataError with the path ``age``."""
    with pytest.raises(DataError, match=r"^Policy\.age_limit: must be at most 150"):
        Policy(age_limit=10**9)


@pytest.mark.parametrize("hours", [168.5, HUGE, 2.0**1000])
def test_weekly_hours_above_a_week_are_refused(hours: float) -> None:
    with pytest.raises(DataError) as caught:
        Employment(Period(dt.date(2026, 1, 1)), hours)
    assert caught.value.path == "Employment.hours_per_week"
    assert caught.value.reason.startswith("must be at most 168")
    assert Employment(Period(dt.date(2026, 1, 1)), 168).hours_per_week == 168


extremes = st.fixed_dictionaries(
    {name: st.sampled_from([low, high]) for name, (low, high) in BOUNDS.items()}
).map(
    lambda values: Policy(
        **{
            **values,
            "age_limit": max(values["age_limit"], values["min_age"] + 1),
            "duty_max_age": max(values["duty_max_age"], values["duty_min_age"]),
        }
    )
)


def _only_data_errors(run: Any) -> None:
    with contextlib.suppress(DataError):
        run()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(policy=extremes, case=strategies.cases(), on=strategies.reference_days())
def test_rules_under_a_policy_at_its_bounds_raise_only_data_errors(
    policy: Policy, case: Any, on: dt.date
) -> None:
    _only_data_errors(lambda: review_case(case, on, policy))
    _only_data_errors(lambda: assess_eligibility(case.youth, on, policy))
    _only_data_errors(lambda: neet_share([case.youth], on, policy=policy))
    _only_data_errors(lambda: completion_rate([case.youth], on, policy=policy))
    for lapse in case.duty_lapses:
        _only_data_errors(lambda lapse=lapse: contact_deadline(lapse, policy))
        _only_data_errors(lambda lapse=lapse: new_activity_deadline(lapse, policy))


@settings(max_examples=40)
@given(
    policy=extremes,
    youth=strategies.youths(),
    hours=st.sampled_from([0, 168, 167.99999999999997]),
    on=strategies.reference_days(),
)
def test_weekly_hours_at_their_bounds_reach_every_rule(
    policy: Policy, youth: Youth, hours: float, on: dt.date
) -> None:
    job = Employment(Period(youth.birth_date), hours)
    worker = attrs.evolve(youth, employments=(*youth.employments, job))
    _only_data_errors(lambda: assess_eligibility(worker, on, policy))
    _only_data_errors(lambda: neet_share([worker], on, policy=policy))


@pytest.mark.parametrize("noticed", [dt.date(9999, 12, 1), dt.date(9989, 1, 1)])
def test_deadlines_at_the_end_of_the_calendar_are_data_errors_9999_12_31(
    noticed: dt.date,
) -> None:
    policy = Policy(contact_deadline_working_days=3650, new_activity_deadline_days=3650)
    lapse = DutyLapse(noticed, contacted_on=noticed)
    for run in (
        lambda: contact_deadline(lapse, policy),
        lambda: new_activity_deadline(lapse, policy),
    ):
        _only_data_errors(run)


def test_rates_and_target_years_are_bounded_so_no_arithmetic_overflows() -> None:
    from kui_core import NATIONAL_TARGETS, Rate, target_progress
    from kui_core.rates import MAX_COUNT

    assert Rate(MAX_COUNT, MAX_COUNT).low is not None
    for arguments in ((10**400, 3 * 10**400), (0, MAX_COUNT + 1)):
        with pytest.raises(DataError):
            Rate(*arguments)
    with pytest.raises(DataError):
        Rate(1, 2, undecided=MAX_COUNT + 1)
    with pytest.raises(DataError):
        Rate(1, 2, min_publishable_count=10**7)
    target = NATIONAL_TARGETS["neet_2030"]
    for year in (10**400, 0, 10_000):
        with pytest.raises(DataError) as raised:
            target_progress({year: 0.05, 2025: 0.06}, target)
        assert raised.value.path == "series"
