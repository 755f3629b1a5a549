"""The 15–17 duty deadlines: contact within 5 working days, a new activity within 30 days."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, DataError, NewActivityFrom, Period, Policy, Youth
from kui_core.case import DutyLapse, YouthCase
from kui_core.dates import is_working_day
from kui_core.duty import check_duty, contact_deadline, contacted_on, new_activity_deadline

D = dt.date
DAY = dt.timedelta(days=1)
YOUTH = Youth("y1", D(2009, 3, 1))  # 16 in spring 2025
EASTER_WEDNESDAY = D(2025, 4, 16)  # Maundy Thursday, Good Friday, Easter Monday follow
NOTICED = attrs.evolve(DEFAULT_POLICY, new_activity_from=NewActivityFrom.NOTICED)
WITH_PARENTS = attrs.evolve(DEFAULT_POLICY, contact_includes_parents=True)


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
        "The young person is not following the plan and contact was not made by the deadline"
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


def test_no_new_activity_30_days_after_the_contact_2025_04_17_is_reported_from_2025_05_18() -> None:
    """The 30 days run from the contact (Policy.new_activity_from CONTACT, the default)."""
    c = case_with(DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 4, 17)))
    assert found(c, D(2025, 5, 17)) == []
    (finding,) = check_duty(c, D(2025, 5, 18))
    assert finding.code == "duty.new_activity_overdue"
    assert finding.period == Period(D(2025, 5, 18))
    assert finding.subject == "2025-05-17"
    assert finding.message("da") == (
        "Den unge har ikke fået en ny aktivitet inden fristen 2025-05-17 (fra 18.5.2025)."
    )


def test_never_contacted_by_2025_06_01_misses_only_the_contact_deadline() -> None:
    """From the contact, the 30 days have not started while nobody has made contact."""
    lapse = DutyLapse(EASTER_WEDNESDAY)
    assert new_activity_deadline(lapse) is None
    assert [f.code for f in check_duty(case_with(lapse), D(2025, 6, 1))] == ["duty.contact_overdue"]


def test_never_contacted_misses_both_deadlines_by_2025_06_01_when_counted_from_noticing() -> None:
    assert [
        f.code for f in check_duty(case_with(DutyLapse(EASTER_WEDNESDAY)), D(2025, 6, 1), NOTICED)
    ] == [
        "duty.contact_overdue",
        "duty.new_activity_overdue",
    ]


def test_messages_follow_the_policy_deadlines_10_working_days_and_14_days() -> None:
    """Noticed Wed 16 April 2025: contact due Mon 5 May (10 working days), activity 30 April
    (14 days, counted from noticing)."""
    policy = attrs.evolve(NOTICED, contact_deadline_working_days=10, new_activity_deadline_days=14)
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
    day_before_18 = DutyLapse(D(2027, 2, 28), contacted_on=D(2027, 3, 1))
    on_18th_birthday = DutyLapse(D(2027, 3, 1), contacted_on=D(2027, 3, 1))
    assert [f.code for f in check_duty(case_with(day_before_18), D(2027, 6, 1))] == [
        "duty.new_activity_overdue"  # due 31.3.2027, after the 18th birthday
    ]
    assert check_duty(case_with(on_18th_birthday), D(2027, 6, 1)) == ()


def test_a_14_year_old_has_no_duty_deadlines_yet() -> None:
    """Born 1 March 2009: 14 on 28 February 2024, 15 on 1 March 2024."""
    assert check_duty(case_with(DutyLapse(D(2024, 2, 28))), D(2024, 6, 1)) == ()
    assert len(check_duty(case_with(DutyLapse(D(2024, 3, 1))), D(2024, 6, 1))) == 1
    assert len(check_duty(case_with(DutyLapse(D(2024, 3, 1))), D(2024, 6, 1), NOTICED)) == 2


def test_lapses_are_reported_in_the_order_they_were_noticed() -> None:
    late = DutyLapse(D(2025, 9, 1), contacted_on=D(2025, 9, 1), new_activity_on=D(2025, 9, 1))
    c = case_with(
        DutyLapse(D(2025, 8, 1), new_activity_on=D(2025, 8, 2)), late, DutyLapse(D(2025, 1, 6))
    )
    periods = [str(f.period) for f in check_duty(c, D(2025, 12, 1))]
    assert periods == ["[2025-01-14, )", "[2025-08-09, )"]
    periods = [str(f.period) for f in check_duty(c, D(2025, 12, 1), NOTICED)]
    assert periods == ["[2025-01-14, )", "[2025-02-06, )", "[2025-08-09, )"]


# -- from which day the 30 days run (Policy.new_activity_from) ----------------------------

# Noticed Wednesday 16 April 2025, the young person contacted Tuesday 22 April 2025 (in time),
# a new activity from Tuesday 20 May 2025.
CONTACTED_22_APRIL = DutyLapse(
    EASTER_WEDNESDAY, contacted_on=D(2025, 4, 22), new_activity_on=D(2025, 5, 20)
)


def test_from_the_contact_2025_04_22_a_new_activity_on_2025_05_20_is_in_time() -> None:
    """CONTACT (the default; Viborg, Guldborgsund): due 22 May 2025, 30 days after contact."""
    assert DEFAULT_POLICY.new_activity_from is NewActivityFrom.CONTACT
    assert new_activity_deadline(CONTACTED_22_APRIL) == D(2025, 5, 22)
    assert check_duty(case_with(CONTACTED_22_APRIL), D(2025, 12, 31)) == ()


def test_from_noticing_2025_04_16_a_new_activity_on_2025_05_20_is_late() -> None:
    """NOTICED (Herning, the stricter reading): due 16 May 2025, 30 days after noticing."""
    assert new_activity_deadline(CONTACTED_22_APRIL, NOTICED) == D(2025, 5, 16)
    (late,) = check_duty(case_with(CONTACTED_22_APRIL), D(2025, 12, 31), NOTICED)
    assert (late.code, late.subject) == ("duty.new_activity_overdue", "2025-05-16")
    assert late.period == Period(D(2025, 5, 17), D(2025, 5, 21))


def test_a_contact_recorded_for_2025_06_02_does_not_start_the_30_days_on_2025_06_01() -> None:
    """On 1 June the contact of 2 June is not known yet: only the contact deadline is missed.
    Once made, the 30 days run from it (due 2 July 2025)."""
    c = case_with(DutyLapse(EASTER_WEDNESDAY, contacted_on=D(2025, 6, 2)))
    assert [f.code for f in check_duty(c, D(2025, 6, 1))] == ["duty.contact_overdue"]
    assert [f.code for f in check_duty(c, D(2025, 7, 2))] == ["duty.contact_overdue"]
    assert [(f.code, f.subject) for f in check_duty(c, D(2025, 7, 3))] == [
        ("duty.contact_overdue", "2025-04-28"),
        ("duty.new_activity_overdue", "2025-07-02"),
    ]


def test_new_activity_from_is_an_enum_with_stable_values() -> None:
    assert [r.value for r in NewActivityFrom] == ["contact", "noticed"]
    with pytest.raises(DataError) as caught:
        Policy(new_activity_from="noticed")  # type: ignore[arg-type]
    assert caught.value.path == "Policy.new_activity_from"


# -- the parents (KUI law § 2 a, stk. 3; Policy.contact_includes_parents) -----------------

# Noticed 16 April 2025 (contact due 28 April); the young person contacted 22 April, the
# parents 29 April.
PARENTS_LATE = DutyLapse(
    EASTER_WEDNESDAY,
    contacted_on=D(2025, 4, 22),
    new_activity_on=D(2025, 5, 2),
    parents_contacted_on=D(2025, 4, 29),
)


def test_contacting_the_young_person_by_2025_04_28_is_in_time_by_default() -> None:
    assert contacted_on(PARENTS_LATE) == D(2025, 4, 22)
    assert check_duty(case_with(PARENTS_LATE), D(2025, 12, 31)) == ()


def test_with_the_parents_the_contact_is_made_2025_04_29_a_day_late() -> None:
    """contact_includes_parents: the contact is made when both were contacted."""
    assert contacted_on(PARENTS_LATE, WITH_PARENTS) == D(2025, 4, 29)
    (late,) = check_duty(case_with(PARENTS_LATE), D(2025, 12, 31), WITH_PARENTS)
    assert (late.code, late.subject) == ("duty.contact_overdue", "2025-04-28")
    assert late.period == Period(D(2025, 4, 29), D(2025, 4, 30))


def test_with_the_parents_both_contacted_by_2025_04_28_is_in_time() -> None:
    both = attrs.evolve(PARENTS_LATE, parents_contacted_on=D(2025, 4, 17))
    assert contacted_on(both, WITH_PARENTS) == D(2025, 4, 22)  # the later of the two
    assert check_duty(case_with(both), D(2025, 12, 31), WITH_PARENTS) == ()


def test_with_the_parents_never_contacted_the_contact_is_overdue_from_2025_04_29() -> None:
    only_youth = attrs.evolve(PARENTS_LATE, parents_contacted_on=None)
    assert contacted_on(only_youth, WITH_PARENTS) is None
    assert found(case_with(only_youth), D(2025, 6, 1)) == []  # by default: in time
    (late,) = check_duty(case_with(only_youth), D(2025, 6, 1), WITH_PARENTS)
    assert (late.code, late.period) == ("duty.contact_overdue", Period(D(2025, 4, 29)))
    only_parents = attrs.evolve(PARENTS_LATE, contacted_on=None)
    assert contacted_on(only_parents, WITH_PARENTS) is None


def test_with_the_parents_the_30_days_run_from_the_contact_made_2025_04_29() -> None:
    """The contact is made once both were contacted: a new activity is due 29 May 2025, not
    22 May (30 days after the young person alone)."""
    assert new_activity_deadline(PARENTS_LATE) == D(2025, 5, 22)
    assert new_activity_deadline(PARENTS_LATE, WITH_PARENTS) == D(2025, 5, 29)
    late = attrs.evolve(PARENTS_LATE, new_activity_on=D(2025, 5, 25))
    assert [f.code for f in check_duty(case_with(late), D(2025, 12, 31))] == [
        "duty.new_activity_overdue"
    ]
    assert [f.code for f in check_duty(case_with(late), D(2025, 12, 31), WITH_PARENTS)] == [
        "duty.contact_overdue"
    ]


def test_parents_contacted_after_the_day_start_no_30_days_on_2025_06_01() -> None:
    """Parents contacted 2 June 2025 (recorded): on 1 June the contact is not made yet, so only
    the contact is overdue; from 3 July the new activity is too."""
    lapse = attrs.evolve(PARENTS_LATE, new_activity_on=None, parents_contacted_on=D(2025, 6, 2))
    codes = [f.code for f in check_duty(case_with(lapse), D(2025, 6, 1), WITH_PARENTS)]
    assert codes == ["duty.contact_overdue"]
    codes = [f.code for f in check_duty(case_with(lapse), D(2025, 7, 3), WITH_PARENTS)]
    assert codes == ["duty.contact_overdue", "duty.new_activity_overdue"]


def test_parents_contacted_before_the_lapse_was_noticed_is_bad_data() -> None:
    with pytest.raises(DataError) as caught:
        DutyLapse(EASTER_WEDNESDAY, parents_contacted_on=D(2025, 4, 15))
    assert caught.value.path == "DutyLapse.parents_contacted_on"


# -- exemption from the duty (KUI law § 2 a, stk. 2) --------------------------------------

# Exempted from 1 March 2025 to 1 September 2025 (last day 31 August).
EXEMPTION = Period(D(2025, 3, 1), D(2025, 9, 1))


def test_exempted_on_2025_06_01_only_the_exemption_is_reported() -> None:
    """A lapse noticed 16 January 2025 (before the exemption) with nothing done: no duty
    finding while the exemption applies, only ``exemption.applies`` naming it."""
    c = attrs.evolve(case_with(DutyLapse(D(2025, 1, 16))), duty_exemptions=(EXEMPTION,))
    (info,) = check_duty(c, D(2025, 6, 1))
    assert (info.code, info.period, info.subject) == ("exemption.applies", EXEMPTION, None)
    assert info.severity.value == "info"
    assert "1.3.2025" in info.message("da")
    assert "31.8.2025" in info.message("en")


def test_after_the_exemption_ends_2025_09_01_the_old_lapse_is_reported_again() -> None:
    c = attrs.evolve(case_with(DutyLapse(D(2025, 1, 16))), duty_exemptions=(EXEMPTION,))
    assert [f.code for f in check_duty(c, D(2025, 9, 1))] == ["duty.contact_overdue"]


def test_a_lapse_noticed_during_the_exemption_never_starts_a_deadline() -> None:
    c = attrs.evolve(case_with(DutyLapse(D(2025, 5, 5))), duty_exemptions=(EXEMPTION,))
    assert check_duty(c, D(2025, 12, 1)) == ()
    assert [f.code for f in check_duty(attrs.evolve(c, duty_exemptions=()), D(2025, 12, 1))] == [
        "duty.contact_overdue"
    ]


def test_an_exemption_outside_the_duty_ages_says_nothing() -> None:
    """Born 1 March 2009: 18 on 1 March 2027; an exemption still recorded then is not news."""
    c = attrs.evolve(case_with(), duty_exemptions=(Period(D(2026, 1, 1)),))
    assert [f.code for f in check_duty(c, D(2027, 2, 28))] == ["exemption.applies"]
    assert check_duty(c, D(2027, 3, 1)) == ()


def test_of_overlapping_exemptions_the_earliest_is_named() -> None:
    later = Period(D(2025, 5, 1))
    c = attrs.evolve(case_with(), duty_exemptions=(later, EXEMPTION))
    assert c.exemption_on(D(2025, 6, 1)) == EXEMPTION
    assert c.exemption_on(D(2025, 10, 1)) == later
    assert c.exemption_on(D(2025, 2, 28)) is None
    (info,) = check_duty(c, D(2025, 6, 1))
    assert info.period == EXEMPTION


def test_duty_exemptions_must_be_periods() -> None:
    with pytest.raises(DataError) as caught:
        attrs.evolve(case_with(), duty_exemptions=(D(2025, 3, 1),))
    assert caught.value.path == "YouthCase.duty_exemptions[0]"


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
    """Contacted 20 December 9999: 30 days later does not exist; the deadline is date.max."""
    assert new_activity_deadline(DutyLapse(D(9999, 12, 20), contacted_on=D(9999, 12, 20))) == (
        dt.date.max
    )
    assert new_activity_deadline(DutyLapse(D(9999, 11, 1), contacted_on=D(9999, 11, 1))) == D(
        9999, 12, 1
    )
    assert new_activity_deadline(DutyLapse(D(9999, 12, 20)), NOTICED) == dt.date.max


def test_a_contact_recorded_on_9999_12_31_is_reported_late_without_overflowing() -> None:
    """Noticed 3 March 2025, contacted 31 December 9999 (a placeholder): late through date.max."""
    lapse = DutyLapse(D(2025, 3, 3), contacted_on=dt.date.max, new_activity_on=D(2025, 3, 10))
    case = YouthCase(YOUTH, D(2025, 1, 1), duty_lapses=(lapse,))
    (late,) = check_duty(case, dt.date.max)
    assert late.code == "duty.contact_overdue"
    assert late.period is not None
    assert late.period.contains(dt.date.max)
    assert late.period.start == D(2025, 3, 11)


def test_a_deadline_running_into_an_exemption_is_suspended_2025_06_02() -> None:
    """Noticed 2 June 2025 (contact due 10 June); exempted 5–30 June 2025 (§ 2 a, stk. 2).

    The exemption covers days before the deadline: no contact_overdue, neither during the
    exemption nor after it ends (reviewed 1 September 2025)."""
    lapse = DutyLapse(D(2025, 6, 2))
    assert contact_deadline(lapse) == D(2025, 6, 10)
    exempt = (Period(D(2025, 6, 5), D(2025, 7, 1)),)
    case = YouthCase(YOUTH, D(2025, 1, 1), duty_lapses=(lapse,), duty_exemptions=exempt)
    assert check_duty(case, D(2025, 9, 1), NOTICED) == ()
    not_exempt = attrs.evolve(case, duty_exemptions=())
    codes = [f.code for f in check_duty(not_exempt, D(2025, 9, 1), NOTICED)]
    assert codes == ["duty.contact_overdue", "duty.new_activity_overdue"]


def test_a_deadline_missed_before_an_exemption_stays_on_the_record_2025_06_02() -> None:
    """Noticed 2 June 2025, contact due 10 June, missed; exempted only from 1 August 2025: after
    the exemption (1 October 2025) the missed contact is reported again, its period unchanged."""
    lapse = DutyLapse(D(2025, 6, 2))
    exempt = (Period(D(2025, 8, 1), D(2025, 9, 1)),)
    case = YouthCase(YOUTH, D(2025, 1, 1), duty_lapses=(lapse,), duty_exemptions=exempt)
    (late,) = check_duty(case, D(2025, 10, 1))
    assert (late.code, late.subject, late.period) == (
        "duty.contact_overdue",
        "2025-06-10",
        Period(D(2025, 6, 11)),
    )
    (inside,) = check_duty(case, D(2025, 8, 15))
    assert inside.code == "exemption.applies"
