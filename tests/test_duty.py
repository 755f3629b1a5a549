"""The 15–17 duty deadlines: contact within 5 working days, a new activity within 30 days."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, Period, Youth
from kui_core.case import DutyLapse, YouthCase
from kui_core.dates import is_working_day
from kui_core.duty import check_duty, contact_deadline, new_activity_deadline

D = dt.date
DAY = dt.timedelta(days=1)
YOUTH = Youth("y1", D(2009, 3, 1))  # 16 in spring 2025
EASTER_WEDNESDAY = D(2025, 4, 16)  # Maundy Thursday, Good Friday, Easter Monday follow


def case_with(*lapses: DutyLapse, youth: Youth = YOUTH) -> YouthCase:
    return YouthCase(youth, D(2024, 1, 1), duty_lapses=lapses)


def found(c: YouthCase, on: dt.date) -> list[tuple[str, str]]:
    return [(f.code, str(f.period)) for f in check_duty(c, on)]


# -- contact within 5 working days --------------------------------------------------------


def test_contact_deadline_across_easter_2025_is_monday_28_april() -> None:
    """Noticed Wed 16 April 2025: 17, 18 and 21 April are holidays; the 5th working day is 28."""
    assert contact_deadline(DutyLapse(EASTER_WEDNESDAY)) == D(2025, 4, 28)


def test_contact_on_the_5th_working_day_28_april_2025_is_in_time() -> None:
    lapse = DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 4, 28), new_activity_on=D(2025, 5, 2))
    assert found(case_with(lapse), D(2025, 12, 31)) == []


def test_contact_a_day_later_29_april_2025_is_late() -> None:
    lapse = DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 4, 29), new_activity_on=D(2025, 5, 2))
    (finding,) = check_duty(case_with(lapse), D(2025, 12, 31))
    assert finding.code == "duty.contact_overdue"
    assert finding.period == Period(D(2025, 4, 29), D(2025, 4, 30))  # late on 29 April
    assert finding.subject == "2025-04-28"
    assert finding.message("en") == (
        "The young person is not following the plan and was not contacted by the deadline"
        " 2025-04-28 (29.4.2025 through 29.4.2025)."
    )
    assert "inden fristen 2025-04-28" in finding.message("da")


def test_no_contact_is_reported_only_after_the_deadline_day() -> None:
    """Deadline Monday 28 April 2025: nothing on the 28th, open-ended from the 29th."""
    c = case_with(DutyLapse(EASTER_WEDNESDAY))
    assert found(c, D(2025, 4, 28)) == []
    assert found(c, D(2025, 4, 29)) == [("duty.contact_overdue", "[2025-04-29, )")]


def test_a_contact_recorded_after_the_reference_day_is_not_yet_known() -> None:
    c = case_with(DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 5, 5)))
    assert found(c, D(2025, 5, 1)) == [("duty.contact_overdue", "[2025-04-29, )")]
    assert found(c, D(2025, 5, 5)) == [("duty.contact_overdue", "[2025-04-29, 2025-05-06)")]


def test_extra_closed_days_of_the_policy_push_the_contact_deadline() -> None:
    policy = attrs.evolve(DEFAULT_POLICY, extra_closed_days=frozenset({D(2025, 4, 28)}))
    assert contact_deadline(DutyLapse(EASTER_WEDNESDAY), policy) == D(2025, 4, 29)


# -- a new activity within 30 calendar days -----------------------------------------------


def test_new_activity_on_day_30_16_may_2025_is_in_time_and_day_31_is_late() -> None:
    lapse = DutyLapse(EASTER_WEDNESDAY, contacted_on=EASTER_WEDNESDAY)
    assert new_activity_deadline(lapse) == D(2025, 5, 16)
    in_time = attrs.evolve(lapse, new_activity_on=D(2025, 5, 16))
    late = attrs.evolve(lapse, new_activity_on=D(2025, 5, 17))
    assert found(case_with(in_time), D(2025, 12, 31)) == []
    assert found(case_with(late), D(2025, 12, 31)) == [
        ("duty.new_activity_overdue", "[2025-05-17, 2025-05-18)")
    ]


def test_no_new_activity_is_reported_from_day_31_open_ended() -> None:
    c = case_with(DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 4, 17)))
    assert found(c, D(2025, 5, 16)) == []
    (finding,) = check_duty(c, D(2025, 5, 17))
    assert finding.code == "duty.new_activity_overdue"
    assert finding.period == Period(D(2025, 5, 17))
    assert finding.subject == "2025-05-16"
    assert finding.message("da") == (
        "Den unge har ikke fået en ny aktivitet inden fristen 2025-05-16 (fra 17.5.2025)."
    )


def test_both_deadlines_missed_gives_both_findings() -> None:
    assert [f.code for f in check_duty(case_with(DutyLapse(EASTER_WEDNESDAY)), D(2025, 6, 1))] == [
        "duty.contact_overdue",
        "duty.new_activity_overdue",
    ]


def test_messages_follow_the_policy_deadlines_10_working_days_and_14_days() -> None:
    """Noticed Wed 16 April 2025: contact due Mon 5 May (10 working days), activity 30 April."""
    policy = attrs.evolve(
        DEFAULT_POLICY, contact_deadline_working_days=10, new_activity_deadline_days=14
    )
    contact, activity = check_duty(case_with(DutyLapse(EASTER_WEDNESDAY)), D(2025, 6, 1), policy)
    assert (contact.code, contact.subject) == ("duty.contact_overdue", "2025-05-05")
    assert (activity.code, activity.subject) == ("duty.new_activity_overdue", "2025-04-30")
    for found in (contact, activity):
        for lang in ("da", "en"):
            text = found.message(lang)
            assert found.subject in text
            assert " 5 " not in text
            assert "30 d" not in text


# -- who the duty applies to --------------------------------------------------------------


def test_the_age_on_the_day_the_lapse_was_noticed_decides() -> None:
    """Born 1 March 2009: 17 on 28 February 2027, 18 on 1 March 2027."""
    day_before_18 = DutyLapse(D(2027, 2, 28))
    on_18th_birthday = DutyLapse(D(2027, 3, 1))
    assert len(check_duty(case_with(day_before_18), D(2027, 6, 1))) == 2
    assert check_duty(case_with(on_18th_birthday), D(2027, 6, 1)) == ()


def test_a_14_year_old_has_no_duty_deadlines_yet() -> None:
    """Born 1 March 2009: 14 on 28 February 2024, 15 on 1 March 2024."""
    assert check_duty(case_with(DutyLapse(D(2024, 2, 28))), D(2024, 6, 1)) == ()
    assert len(check_duty(case_with(DutyLapse(D(2024, 3, 1))), D(2024, 6, 1))) == 2


def test_lapses_are_reported_in_the_order_they_were_noticed() -> None:
    late = DutyLapse(D(2025, 9, 1), contacted_on=D(2025, 9, 1), new_activity_on=D(2025, 9, 1))
    c = case_with(
        DutyLapse(D(2025, 8, 1), new_activity_on=D(2025, 8, 2)), late, DutyLapse(D(2025, 1, 6))
    )
    periods = [str(f.period) for f in check_duty(c, D(2025, 12, 1))]
    assert periods == ["[2025-01-14, )", "[2025-02-06, )", "[2025-08-09, )"]


# -- properties ---------------------------------------------------------------------------


@given(
    noticed=st.dates(D(2024, 3, 1), D(2026, 2, 1)),
    contact_after=st.none() | st.integers(0, 25),
    on_after=st.integers(0, 40),
)
def test_contact_is_late_exactly_when_5_working_days_passed_before_it(
    noticed: dt.date, contact_after: int | None, on_after: int
) -> None:
    """Oracle: late iff 5 working days lie strictly between noticing and the contact.

    Without a contact by ``on``, contacting on ``on`` itself is still possible.
    """
    contacted = None if contact_after is None else noticed + contact_after * DAY
    on = noticed + on_after * DAY
    lapse = DutyLapse(noticed, contacted_on=contacted, new_activity_on=noticed)
    acted_on = contacted if contacted is not None and contacted <= on else on
    between = sum(is_working_day(noticed + k * DAY) for k in range(1, (acted_on - noticed).days))
    codes = [f.code for f in check_duty(case_with(lapse), on)]
    assert codes == (["duty.contact_overdue"] if between >= 5 else [])


def test_new_activity_deadline_near_9999_12_31_is_capped_at_the_calendar_end() -> None:
    """Noticed 20 December 9999: 30 days later does not exist; the deadline is date.max."""
    assert new_activity_deadline(DutyLapse(D(9999, 12, 20))) == dt.date.max
    assert new_activity_deadline(DutyLapse(D(9999, 11, 1))) == D(9999, 12, 1)


def test_a_contact_recorded_on_9999_12_31_is_reported_late_without_overflowing() -> None:
    """Noticed 3 March 2025, contacted 31 December 9999 (a placeholder): late through date.max."""
    lapse = DutyLapse(D(2025, 3, 3), contacted_on=dt.date.max, new_activity_on=D(2025, 3, 10))
    case = YouthCase(YOUTH, D(2025, 1, 1), duty_lapses=(lapse,))
    (late,) = check_duty(case, dt.date.max)
    assert late.code == "duty.contact_overdue"
    assert late.period is not None
    assert late.period.contains(dt.date.max)
    assert late.period.start == D(2025, 3, 11)
