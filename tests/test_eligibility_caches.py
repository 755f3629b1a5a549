"""assess_eligibility's shared context (per policy and day) never changes an answer.

The context remembers each birth date's age, the findings, the weekly-hours subjects and the
tuples of findings; the answers must be the same with those memories full (no new entry kept),
when contexts are evicted, and when calls alternate between policies and days.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, Eligibility, Policy, Youth, assess_eligibility
from kui_core import eligibility as module
from kui_core.strategies import policies, reference_days, youths


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[Youth], dt.date, Policy]:
    policy = draw(policies())
    on = draw(reference_days())
    people = draw(st.lists(youths(on=on, policy=policy), min_size=1, max_size=4))
    return people, on, policy


def _fields(answer: Eligibility) -> tuple[object, ...]:
    return attrs.astuple(answer, recurse=False)


def _fresh(youth: Youth, on: dt.date, policy: Policy) -> Eligibility:
    """The answer from a context built for this call alone."""
    module._DAYS.clear()
    module._last_day = None
    return assess_eligibility(youth, on, policy)


@given(cohorts())
def test_answers_are_the_same_with_the_memories_full(
    cohort: tuple[list[Youth], dt.date, Policy],
) -> None:
    people, on, policy = cohort
    expected = [_fields(_fresh(youth, on, policy)) for youth in people]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "_MAX_AGES", 0)
        patch.setattr(module, "_MAX_KEPT", 0)
        module._DAYS.clear()
        module._last_day = None
        got = [_fields(assess_eligibility(youth, on, policy)) for youth in people]
        again = [_fields(assess_eligibility(youth, on, policy)) for youth in people]
    assert got == expected
    assert again == expected


@given(cohorts(), cohorts())
def test_alternating_policies_and_days_give_each_its_own_answer(
    first: tuple[list[Youth], dt.date, Policy], second: tuple[list[Youth], dt.date, Policy]
) -> None:
    expected = [
        [_fields(_fresh(youth, on, policy)) for youth in people]
        for people, on, policy in (first, second)
    ]
    for _ in range(2):  # the second round finds both contexts in the cache
        got = [
            [_fields(assess_eligibility(youth, on, policy)) for youth in people]
            for people, on, policy in (first, second)
        ]
        assert got == expected


def test_contexts_are_evicted_beyond_the_limit() -> None:
    youth = Youth("p1", dt.date(2005, 3, 1))
    on = dt.date(2025, 10, 1)
    module._DAYS.clear()
    answers = set()
    for offset in range(module._MAX_DAYS + 3):
        day = on + dt.timedelta(days=offset)
        answers.add(assess_eligibility(youth, day, DEFAULT_POLICY).on)
        assert len(module._DAYS) <= module._MAX_DAYS
    assert len(answers) == module._MAX_DAYS + 3
    assert len(module._DAYS) == 3  # cleared once when full, then refilled


def test_equal_answers_share_one_tuple_of_findings_2025_10_01() -> None:
    on = dt.date(2025, 10, 1)
    a = assess_eligibility(Youth("p1", dt.date(2005, 3, 1)), on)
    b = assess_eligibility(Youth("p2", dt.date(2006, 4, 2)), on)
    assert a.findings == b.findings
    assert a.findings is b.findings
    assert a == Eligibility(
        on=on,
        age=20,
        in_target_group=True,
        enrolled=False,
        outreach_required=True,
        eligible_until=dt.date(2030, 2, 28),
        findings=a.findings,
        stamp=a.stamp,
    )
