"""``on=`` is a calendar day: a datetime, a string or ``None`` is a DataError naming the argument.

``datetime.now()`` is the most likely mistake in a nightly job: it must not crash with a bare
``TypeError`` deep inside a rule, nor pass silently (a ``datetime`` never equals a ``date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kui_core import (
    DEFAULT_POLICY,
    CoordinatorAssignment,
    EducationPlan,
    Period,
    Youth,
    YouthCase,
    age_on,
    assess_eligibility,
    check_coordination,
    check_duty,
    check_in_care,
    check_transitions,
    completion_rate,
    handover,
    neet_share,
    review_case,
    validate_plan,
)
from kui_core.coordination import coordination_span
from kui_core.dates import birthday, is_working_day, last_day_before_age, working_days_after
from kui_core.errors import DataError

D = dt.date
YOUTH = Youth("y-1", D(2008, 5, 1))
ANNA = CoordinatorAssignment("anna", "UU", Period(D(2025, 1, 1)))
CASE = YouthCase(YOUTH, D(2025, 1, 1), coordinators=(ANNA,))
PLAN = EducationPlan("p-1", D(2025, 1, 1), participants=(), goals=(), interventions=())
BO = CoordinatorAssignment("bo", "UU", Period(D(2025, 6, 1)))

# Every public function of the rules, dates and metrics that takes a day: (the argument's name,
# the call with ``day`` in its place, a day on which the call works).
OK = D(2025, 6, 2)
CALLS: dict[str, tuple[str, Callable[[Any], object], dt.date]] = {
    "assess_eligibility": ("on", lambda day: assess_eligibility(YOUTH, day), OK),
    "validate_plan": ("on", lambda day: validate_plan(PLAN, YOUTH, day), OK),
    "check_in_care": ("on", lambda day: check_in_care(YOUTH, day), OK),
    "review_case": ("on", lambda day: review_case(CASE, day), OK),
    "check_coordination": ("on", lambda day: check_coordination(CASE, day), OK),
    "coordination_span": ("on", lambda day: coordination_span(CASE, day), OK),
    "handover": ("on", lambda day: handover(CASE, BO, day), BO.period.start),
    "check_transitions": ("on", lambda day: check_transitions(CASE, day), OK),
    "check_duty": ("on", lambda day: check_duty(CASE, day), OK),
    "age_on": ("on", lambda day: age_on(D(2008, 5, 1), day), OK),
    "age_on(birth_date)": ("birth_date", lambda day: age_on(day, OK), D(2008, 5, 1)),
    "birthday": ("birth_date", lambda day: birthday(day, 18), D(2008, 5, 1)),
    "last_day_before_age": ("birth_date", lambda day: last_day_before_age(day, 18), OK),
    "is_working_day": ("day", is_working_day, OK),
    "working_days_after": ("day", lambda day: working_days_after(day, 5), OK),
    "completion_rate": ("on", lambda day: completion_rate([YOUTH], day), OK),
    "neet_share": ("on", lambda day: neet_share([YOUTH], day), OK),
}

NOT_DAYS = {
    "datetime.now()-like": dt.datetime(2025, 6, 1, 2, 30),
    "iso string": "2025-06-01",
    "None": None,
}


@pytest.mark.parametrize("value", NOT_DAYS.values(), ids=NOT_DAYS.keys())
@pytest.mark.parametrize("name", CALLS)
def test_a_day_that_is_not_a_date_is_a_data_error_naming_the_argument(
    name: str, value: object
) -> None:
    argument, call, _ = CALLS[name]
    with pytest.raises(DataError) as caught:
        call(value)
    assert caught.value.path == argument
    assert caught.value.reason.startswith("expected a date, got ")


@pytest.mark.parametrize("name", CALLS)
def test_the_same_calls_work_with_a_date(name: str) -> None:
    """The table above is not a list of functions that always fail."""
    _, call, day = CALLS[name]
    assert call(day) is not None


@pytest.mark.parametrize("wrong", [DEFAULT_POLICY, "february_28", None], ids=repr)
def test_the_calendar_takes_a_leap_day_rule_not_a_policy(wrong: Any) -> None:
    """Callers of the old ``age_on(born, on, policy)`` get a DataError, not a wrong age."""
    born, on = D(2008, 2, 29), D(2033, 2, 28)
    for call, args in (
        (age_on, (born, on, wrong)),
        (birthday, (born, 25, wrong)),
        (last_day_before_age, (born, 25, wrong)),
    ):
        with pytest.raises(DataError) as caught:
            call(*args)
        assert caught.value.path == "leap_day_rule"


@pytest.mark.parametrize(
    "wrong", [DEFAULT_POLICY, [D(2025, 6, 5)], frozenset({"2025-06-05"}), None], ids=repr
)
def test_the_calendar_takes_closed_days_not_a_policy(wrong: Any) -> None:
    for call, args in (
        (working_days_after, (D(2025, 6, 2), 5, wrong)),
        (is_working_day, (D(2025, 6, 2), wrong)),
    ):
        with pytest.raises(DataError) as caught:
            call(*args)
        assert caught.value.path == "closed_days"
