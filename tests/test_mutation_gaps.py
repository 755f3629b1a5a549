"""Tests that kill mutants which once passed the whole suite (issue 12, item 6).

Each test pins a boundary that a one-character change of the rule (``<=`` for ``<``) moved
without any other test noticing. ``make mutate`` runs this file against every rule module.
"""

from __future__ import annotations

import datetime as dt

from kui_core import (
    CarePlacement,
    Employment,
    Period,
    Youth,
    assess_eligibility,
    check_in_care,
    ungeplan_deadline,
)
from kui_core.case import DutyLapse, YouthCase
from kui_core.duty import check_duty

ON = dt.date(2025, 10, 1)
YOUTH = Youth("y1", dt.date(2005, 3, 3))  # 20 on ON: in the target group


def test_a_20_hour_job_starting_on_the_reference_day_1_october_2025_counts() -> None:
    """Half-open periods contain their first day: a job from 1 October 2025 is held on it."""
    starts_on = Youth("y1", YOUTH.birth_date, employments=(Employment(Period(ON), 20),))
    result = assess_eligibility(starts_on, ON)
    assert result.outreach_required is False
    assert result.codes == ("eligibility.in_target_group", "eligibility.employed")
    # The close neighbour: a job from the next day is not held yet.
    starts_later = Youth(
        "y1", YOUTH.birth_date, employments=(Employment(Period(ON + dt.timedelta(days=1)), 20),)
    )
    assert assess_eligibility(starts_later, ON).outreach_required is True


# -- duty (KUI law § 2 a): the exemption's boundaries --------------------------------------

BORN_2009 = Youth("y1", dt.date(2009, 3, 1))  # 15 on 1 March 2024, 18 on 1 March 2027
EXEMPTION = Period(dt.date(2025, 3, 1), dt.date(2025, 9, 1))  # last day 31 August 2025


def duty_case(*lapses: DutyLapse, exemptions: tuple[Period, ...] = ()) -> YouthCase:
    return YouthCase(BORN_2009, dt.date(2024, 1, 1), duty_lapses=lapses, duty_exemptions=exemptions)


def test_a_lapse_noticed_on_the_last_day_of_the_exemption_31_august_2025_starts_nothing() -> None:
    """Noticed while exempted (on its last day): no deadline starts, although the 5 working
    days after it lie outside the exemption."""
    c = duty_case(DutyLapse(dt.date(2025, 8, 31)), exemptions=(EXEMPTION,))
    assert check_duty(c, dt.date(2025, 12, 1)) == ()
    # The close neighbour: noticed the day after the exemption, the deadline runs.
    c = duty_case(DutyLapse(dt.date(2025, 9, 1)), exemptions=(EXEMPTION,))
    assert [f.code for f in check_duty(c, dt.date(2025, 12, 1))] == ["duty.contact_overdue"]


def test_exempted_on_the_18th_birthday_1_march_2027_nothing_is_reported() -> None:
    """Exempted on ``on`` but 18 (past the duty ages): no ``exemption.applies`` and none of the
    old deadlines either, though a lapse at 17 was never answered."""
    exempt = (Period(dt.date(2027, 1, 1)),)
    c = duty_case(DutyLapse(dt.date(2026, 6, 1)), exemptions=exempt)
    assert check_duty(c, dt.date(2027, 3, 1)) == ()
    assert [f.code for f in check_duty(c, dt.date(2027, 2, 28))] == ["exemption.applies"]


def test_exempted_on_the_15th_birthday_1_march_2024_the_exemption_applies() -> None:
    """15 is the first duty age: exempted on the birthday, ``exemption.applies``; the day
    before (14) there is nothing to say."""
    c = duty_case(exemptions=(Period(dt.date(2024, 1, 1)),))
    assert [f.code for f in check_duty(c, dt.date(2024, 3, 1))] == ["exemption.applies"]
    assert check_duty(c, dt.date(2024, 2, 29)) == ()


# -- in care (barnets lov § 108): the ungeplan's boundaries ---------------------------------

BORN_31_JANUARY_2009 = dt.date(2009, 1, 31)  # 16 on 31 January 2025


def test_a_placement_without_consent_decided_on_the_16th_birthday_needs_the_plan_that_day() -> None:
    """Decided on 31 January 2025, the 16th birthday itself ("on or after"): the ungeplan is due
    on the decision day, not 3 months after the birthday."""
    placement = CarePlacement(Period(dt.date(2025, 1, 31)), consent=False)
    youth = Youth("y1", BORN_31_JANUARY_2009, in_care=(placement,))
    assert ungeplan_deadline(youth, placement) == dt.date(2025, 1, 31)
    # The close neighbour: decided the day before the birthday, 3 months after the birthday.
    earlier = CarePlacement(Period(dt.date(2025, 1, 30)), consent=False)
    assert ungeplan_deadline(youth, earlier) == dt.date(2025, 4, 30)


def test_an_empty_placement_on_1_june_2025_creates_no_ungeplan_duty() -> None:
    """Decided on 1 February 2025, but the placement [1.6.2025, 1.6.2025) never ran: no
    deadline, nothing late."""
    empty = CarePlacement(Period(dt.date(2025, 6, 1), dt.date(2025, 6, 1)), dt.date(2025, 2, 1))
    youth = Youth("y1", BORN_31_JANUARY_2009, in_care=(empty,))
    assert ungeplan_deadline(youth, empty) is None
    assert check_in_care(youth, dt.date(2025, 12, 1)) == ()
