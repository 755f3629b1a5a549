"""Young people in care (barnets lov): the ungeplan (§ 108) and support after 18 (§ 111).

``check_in_care`` judges each :class:`CarePlacement`; the KUI education plan (§ 2 c) is a
different document and never meets the ungeplan duty.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    CarePlacement,
    DataError,
    EducationPlan,
    Goal,
    GoalKind,
    LeapDayRule,
    Participant,
    Period,
    Role,
    Severity,
    Youth,
    YouthCase,
    check_in_care,
    review_case,
    support_decision_deadline,
    ungeplan_deadline,
)
from kui_core.dates import months_after, months_before

D = dt.date
ONE = dt.timedelta(days=1)

# Born 31.1.2009: 16 on 31.1.2025, 18 on 31.1.2027. In care since 2020 (with consent): the
# ungeplan is due by 30.4.2025 (31 January + 3 months, clamped to the end of April).
BORN = D(2009, 1, 31)
SINCE_2020 = CarePlacement(Period(D(2020, 1, 1)))
IN_CARE = Youth("y1", BORN, in_care=(SINCE_2020,))


def placed(*placements: CarePlacement, born: dt.date = BORN) -> Youth:
    return Youth("y1", born, in_care=placements)


def codes(youth: Youth, on: dt.date, policy: object = DEFAULT_POLICY) -> list[str]:
    return [f.code for f in check_in_care(youth, on, policy)]  # type: ignore[arg-type]


def with_ungeplan(*days: dt.date, placement: CarePlacement = SINCE_2020) -> Youth:
    return placed(attrs.evolve(placement, ungeplan_dates=days))


# -- the ungeplan: 3 months after the 16th birthday or the decision (§ 108, stk. 2–3) -----


def test_in_care_since_2020_without_an_ungeplan_is_late_from_2025_05_01() -> None:
    assert check_in_care(IN_CARE, D(2025, 4, 30)) == ()
    (f,) = check_in_care(IN_CARE, D(2025, 5, 1))
    assert (f.code, f.subject, f.severity) == (
        "plan.in_care_plan_late",
        "2025-04-30",
        Severity.ERROR,
    )
    assert f.period == Period(D(2025, 1, 31), D(2025, 5, 1))  # from the 16th birthday
    assert "2025-04-30" in f.message("da")
    assert "2025-04-30" in f.message("en")


def test_ungeplan_deadline_is_the_last_day_in_time_2025_04_30() -> None:
    assert ungeplan_deadline(IN_CARE, SINCE_2020) == D(2025, 4, 30)
    policy = attrs.evolve(DEFAULT_POLICY, in_care_plan_months=1)
    assert ungeplan_deadline(IN_CARE, SINCE_2020, policy) == D(2025, 2, 28)


def test_an_ungeplan_made_on_the_deadline_2025_04_30_is_in_time() -> None:
    assert codes(with_ungeplan(D(2025, 4, 30)), D(2025, 5, 1)) == []


def test_an_ungeplan_made_2025_05_01_is_a_day_late_and_stays_on_the_record() -> None:
    youth = with_ungeplan(D(2025, 5, 1))
    assert codes(youth, D(2025, 5, 1)) == ["plan.in_care_plan_late"]
    assert codes(youth, D(2026, 5, 1)) == ["plan.in_care_plan_late"]


def test_an_ungeplan_made_before_the_16th_birthday_meets_the_2025_04_30_deadline() -> None:
    """Made 1.3.2024 and revised later: any ungeplan by the deadline counts."""
    assert codes(with_ungeplan(D(2024, 3, 1), D(2025, 6, 1)), D(2025, 6, 1)) == []


def test_a_kui_plan_made_2025_03_01_does_not_meet_the_ungeplan_deadline_2025_04_30() -> None:
    """The KUI education plan (§ 2 c) is not the ungeplan (barnets lov § 108): review_case
    reports the missing ungeplan even with a timely KUI plan; the ungeplan itself meets it."""
    kui_plan = EducationPlan(
        id="p1",
        created_on=D(2025, 3, 1),
        participants=(Participant("y1", Role.YOUTH), Participant("m1", Role.PARENT)),
        goals=(Goal("g1", GoalKind.EDUCATION, "EUD", D(2026, 8, 1)),),
        interventions=(),
        next_follow_up=D(2025, 12, 1),
        duty_description="Går i 10. klasse",
    )
    case = YouthCase(IN_CARE, D(2025, 3, 1), plans=(kui_plan,))
    report = review_case(case, D(2025, 5, 1))
    assert report.plan_id == "p1"
    assert "plan.in_care_plan_late" in report.codes
    assert not report.valid
    fixed = review_case(attrs.evolve(case, youth=with_ungeplan(D(2025, 3, 1))), D(2025, 5, 1))
    assert "plan.in_care_plan_late" not in fixed.codes


def test_review_of_a_case_without_any_plan_reports_the_ungeplan_from_2024_04_11() -> None:
    """Born 10.1.2008, in care since 2023: 16 on 10.1.2024, the ungeplan due by 10.4.2024."""
    youth = Youth("y-7", D(2008, 1, 10), in_care=(CarePlacement(Period(D(2023, 1, 1))),))
    case = YouthCase(youth, D(2023, 6, 1))
    assert "plan.in_care_plan_late" not in review_case(case, D(2024, 4, 10)).codes
    late = review_case(case, D(2024, 4, 11))
    assert late.plan is None
    assert [f for f in late.findings if f.code == "plan.in_care_plan_late"] == list(
        check_in_care(youth, D(2024, 4, 11))
    )


def test_placement_decided_2025_11_30_after_the_16th_birthday_is_due_2026_02_28() -> None:
    """No decision day recorded: the start of the placement stands in for it."""
    placement = CarePlacement(Period(D(2025, 11, 30)))
    assert placement.decision_day == D(2025, 11, 30)
    youth = placed(placement)
    assert ungeplan_deadline(youth, placement) == D(2026, 2, 28)
    (f,) = check_in_care(youth, D(2026, 3, 1))
    assert (f.subject, f.period) == ("2026-02-28", Period(D(2025, 11, 30), D(2026, 3, 1)))
    assert codes(with_ungeplan(D(2026, 2, 28), placement=placement), D(2026, 3, 1)) == []


def test_the_3_months_run_from_the_decision_2025_10_15_not_the_start_2025_11_30() -> None:
    placement = CarePlacement(Period(D(2025, 11, 30)), decided_on=D(2025, 10, 15))
    assert placement.decision_day == D(2025, 10, 15)
    youth = placed(placement)
    assert ungeplan_deadline(youth, placement) == D(2026, 1, 15)
    (f,) = check_in_care(youth, D(2026, 1, 16))
    assert (f.subject, f.period) == ("2026-01-15", Period(D(2025, 10, 15), D(2026, 1, 16)))


def test_a_decision_before_the_16th_birthday_runs_from_the_birthday_2025_01_31() -> None:
    placement = CarePlacement(Period(D(2024, 6, 1)), decided_on=D(2024, 5, 1))
    assert ungeplan_deadline(placed(placement), placement) == D(2025, 4, 30)


# -- without consent: the ungeplan before the decision (§ 108, stk. 4) --------------------


NO_CONSENT = CarePlacement(Period(D(2025, 3, 1)), decided_on=D(2025, 3, 1), consent=False)


def test_placement_without_consent_decided_2025_03_01_without_ungeplan_that_day_is_late() -> None:
    """16 since 31.1.2025; placed without consent on 1.3.2025: the ungeplan was due that day."""
    youth = placed(NO_CONSENT)
    assert ungeplan_deadline(youth, NO_CONSENT) == D(2025, 3, 1)
    assert check_in_care(youth, D(2025, 3, 1)) == ()  # the day itself is not past
    (f,) = check_in_care(youth, D(2025, 3, 2))
    assert (f.code, f.subject) == ("plan.in_care_plan_late", "2025-03-01")
    assert f.period == Period(D(2025, 3, 1), D(2025, 3, 2))


def test_placement_without_consent_with_an_ungeplan_made_2025_03_01_is_in_time() -> None:
    """The order within a day is not recorded: an ungeplan of the decision day counts."""
    assert codes(with_ungeplan(D(2025, 3, 1), placement=NO_CONSENT), D(2025, 6, 1)) == []
    assert codes(with_ungeplan(D(2025, 2, 20), placement=NO_CONSENT), D(2025, 6, 1)) == []
    late = with_ungeplan(D(2025, 3, 2), placement=NO_CONSENT)
    assert codes(late, D(2025, 6, 1)) == ["plan.in_care_plan_late"]


def test_the_same_placement_with_consent_has_until_2025_06_01() -> None:
    with_consent = attrs.evolve(NO_CONSENT, consent=True)
    assert ungeplan_deadline(placed(with_consent), with_consent) == D(2025, 6, 1)
    assert check_in_care(placed(with_consent), D(2025, 3, 2)) == ()


def test_without_consent_before_the_16th_birthday_the_3_months_run_from_it() -> None:
    """Placed without consent on 1.12.2024, aged 15: the ungeplan is due 30.4.2025."""
    early = CarePlacement(Period(D(2024, 12, 1)), decided_on=D(2024, 12, 1), consent=False)
    assert ungeplan_deadline(placed(early), early) == D(2025, 4, 30)


# -- which placements create the duty -----------------------------------------------------


def test_care_ended_before_the_16th_birthday_creates_no_ungeplan_duty() -> None:
    ended = CarePlacement(Period(D(2020, 1, 1), D(2025, 1, 31)))
    assert ungeplan_deadline(placed(ended), ended) is None
    assert check_in_care(placed(ended), D(2025, 6, 1)) == ()


def test_care_with_its_last_day_on_the_deadline_2025_04_30_still_creates_the_duty() -> None:
    last_day_on_deadline = CarePlacement(Period(D(2020, 1, 1), D(2025, 5, 1)))
    assert codes(placed(last_day_on_deadline), D(2025, 5, 1)) == ["plan.in_care_plan_late"]
    ended_before = CarePlacement(Period(D(2020, 1, 1), D(2025, 4, 30)))
    assert ungeplan_deadline(placed(ended_before), ended_before) is None
    assert codes(placed(ended_before), D(2025, 5, 1)) == []


def test_an_empty_placement_creates_no_duty() -> None:
    empty = CarePlacement(Period(D(2025, 6, 1), D(2025, 6, 1)))
    assert ungeplan_deadline(placed(empty), empty) is None
    assert support_decision_deadline(placed(empty), empty) is None


def test_each_placement_has_its_own_ungeplan_reported_in_order_of_start() -> None:
    """Care from 2020 to 1.6.2025 (due 30.4.2025) and again from 1.9.2025 (due 1.12.2025);
    a short stay 1.2.–1.3.2025 ends before its deadline and creates none."""
    first = CarePlacement(Period(D(2020, 1, 1), D(2025, 6, 1)))
    short = CarePlacement(Period(D(2025, 2, 1), D(2025, 3, 1)))
    second = CarePlacement(Period(D(2025, 9, 1)))
    youth = placed(second, short, first)
    assert ungeplan_deadline(youth, short) is None
    late = check_in_care(youth, D(2025, 12, 2))
    assert [f.subject for f in late] == ["2025-04-30", "2025-12-01"]
    met = placed(attrs.evolve(second, ungeplan_dates=(D(2025, 11, 1),)), short, first)
    assert [f.subject for f in check_in_care(met, D(2025, 12, 2))] == ["2025-04-30"]


def test_ungeplan_age_and_months_are_policy_values() -> None:
    """From 15 (31.1.2024) with 1 month: due 29.2.2024, a leap year."""
    policy = attrs.evolve(DEFAULT_POLICY, in_care_plan_age=15, in_care_plan_months=1)
    assert ungeplan_deadline(IN_CARE, SINCE_2020, policy) == D(2024, 2, 29)
    assert codes(with_ungeplan(D(2024, 2, 29)), D(2024, 3, 1), policy) == []
    late = check_in_care(with_ungeplan(D(2024, 3, 1)), D(2024, 3, 1), policy)
    assert [f.subject for f in late] == ["2024-02-29"]


def test_an_ungeplan_deadline_at_the_policy_bound_is_no_crash() -> None:
    """in_care_plan_months = 1,800 (the bound, 150 years from the 16th birthday): 2175."""
    policy = attrs.evolve(DEFAULT_POLICY, in_care_plan_months=1_800)
    deadline = ungeplan_deadline(IN_CARE, SINCE_2020, policy)
    assert deadline is not None
    assert deadline.year == 2175
    assert "plan.in_care_plan_late" not in codes(IN_CARE, dt.date(2174, 1, 1), policy)
    assert "plan.in_care_plan_late" in codes(IN_CARE, dt.date.max, policy)


# -- support after 18: decided 6 months before care ends (§ 111) --------------------------

# 18 on 31.1.2027: the decision on continued support is due by 31.7.2026.
UNTIL_18 = CarePlacement(Period(D(2020, 1, 1), D(2027, 1, 31)), ungeplan_dates=(D(2025, 3, 1),))


def test_care_ending_at_18_on_2027_01_31_without_a_support_decision_by_2026_07_31_is_late() -> None:
    youth = placed(UNTIL_18)
    assert support_decision_deadline(youth, UNTIL_18) == D(2026, 7, 31)
    assert check_in_care(youth, D(2026, 7, 31)) == ()
    (f,) = check_in_care(youth, D(2026, 8, 1))
    assert (f.code, f.subject, f.severity) == (
        "plan.in_care_support_decision_late",
        "2026-07-31",
        Severity.ERROR,
    )
    assert f.period == Period(D(2026, 8, 1))  # open while nothing is decided
    for lang in ("da", "en"):
        assert "2026-07-31" in f.message(lang)
    assert codes(youth, D(2030, 1, 1)) == ["plan.in_care_support_decision_late"]


def test_support_decided_on_the_deadline_2026_07_31_is_in_time() -> None:
    youth = placed(attrs.evolve(UNTIL_18, support_decided_on=D(2026, 7, 31)))
    assert check_in_care(youth, D(2027, 6, 1)) == ()


def test_support_decided_2026_09_01_is_late_for_a_month() -> None:
    youth = placed(attrs.evolve(UNTIL_18, support_decided_on=D(2026, 9, 1)))
    (f,) = check_in_care(youth, D(2026, 10, 1))
    assert f.period == Period(D(2026, 8, 1), D(2026, 9, 2))  # through the day of the decision


def test_a_support_decision_recorded_after_the_day_is_not_yet_known() -> None:
    youth = placed(attrs.evolve(UNTIL_18, support_decided_on=D(2026, 9, 1)))
    (f,) = check_in_care(youth, D(2026, 8, 15))
    assert f.period == Period(D(2026, 8, 1))


def test_a_support_decision_dated_9999_12_31_is_late_without_overflowing() -> None:
    youth = placed(attrs.evolve(UNTIL_18, support_decided_on=dt.date.max))
    (f,) = check_in_care(youth, dt.date.max)
    assert f.period == Period(D(2026, 8, 1))
    assert f.period.contains(dt.date.max)


def test_care_continuing_past_the_18th_birthday_also_needs_the_decision() -> None:
    """Open-ended care (after 18 as continued care): in care the day before the birthday."""
    open_ended = attrs.evolve(UNTIL_18, period=Period(D(2020, 1, 1)))
    assert support_decision_deadline(placed(open_ended), open_ended) == D(2026, 7, 31)


def test_care_ending_before_the_18th_birthday_needs_no_support_decision() -> None:
    """Care ending 30.1.2027 (last day 29.1.): it does not end 'ved det fyldte 18. år'."""
    ended = attrs.evolve(UNTIL_18, period=Period(D(2020, 1, 1), D(2027, 1, 30)))
    assert support_decision_deadline(placed(ended), ended) is None
    assert check_in_care(placed(ended), D(2027, 6, 1)) == ()


def test_care_starting_after_the_support_deadline_2026_07_31_has_no_support_finding() -> None:
    """Placed 1.8.2026: the deadline could not be met (a choice, see the module)."""
    late_start = CarePlacement(
        Period(D(2026, 8, 1), D(2027, 1, 31)), ungeplan_dates=(D(2026, 8, 1),)
    )
    assert support_decision_deadline(placed(late_start), late_start) is None
    assert check_in_care(placed(late_start), D(2027, 6, 1)) == ()
    on_the_deadline = attrs.evolve(late_start, period=Period(D(2026, 7, 31), D(2027, 1, 31)))
    assert support_decision_deadline(placed(on_the_deadline), on_the_deadline) == D(2026, 7, 31)


def test_support_age_and_months_are_policy_values() -> None:
    """Care ending at 19 (31.1.2028), decided 3 months before: due 31.10.2027."""
    policy = attrs.evolve(DEFAULT_POLICY, in_care_end_age=19, in_care_support_months=3)
    until_19 = attrs.evolve(UNTIL_18, period=Period(D(2020, 1, 1), D(2028, 1, 31)))
    assert support_decision_deadline(placed(until_19), until_19, policy) == D(2027, 10, 31)
    # Under the default policy the same care runs through the 18th birthday: due 31.7.2026.
    assert support_decision_deadline(placed(until_19), until_19) == D(2026, 7, 31)
    ends_at_18 = attrs.evolve(UNTIL_18, period=Period(D(2020, 1, 1), D(2027, 1, 31)))
    assert support_decision_deadline(placed(ends_at_18), ends_at_18, policy) is None
    assert codes(placed(until_19), D(2027, 11, 1), policy) == ["plan.in_care_support_decision_late"]


def test_leap_day_born_2008_02_29_turns_18_on_2026_03_01_by_default() -> None:
    """The 18th birthday follows Policy.leap_day_rule: 1.3.2026, or 28.2.2026."""
    care = CarePlacement(Period(D(2015, 1, 1), D(2026, 3, 1)), ungeplan_dates=(D(2024, 3, 1),))
    youth = placed(care, born=D(2008, 2, 29))
    assert support_decision_deadline(youth, care) == D(2025, 9, 1)
    feb_28 = attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28)
    assert support_decision_deadline(youth, care, feb_28) == D(2025, 8, 28)
    ends_feb_28 = attrs.evolve(care, period=Period(D(2015, 1, 1), D(2026, 2, 28)))
    assert support_decision_deadline(placed(ends_feb_28, born=D(2008, 2, 29)), ends_feb_28) is None


def test_a_support_deadline_before_the_placement_gives_no_finding() -> None:
    """in_care_support_months = 1,800 (the bound) puts the deadline in 1877, before the
    placement starts: no finding. (``months_before`` itself caps at the year 1.)"""
    policy = attrs.evolve(DEFAULT_POLICY, in_care_support_months=1_800)
    assert months_before(D(2027, 1, 31), 100_000) == dt.date.min
    assert support_decision_deadline(placed(UNTIL_18), UNTIL_18, policy) is None
    assert codes(placed(UNTIL_18), D(2030, 1, 1), policy) == []


def test_both_duties_of_one_placement_are_reported() -> None:
    youth = placed(attrs.evolve(UNTIL_18, ungeplan_dates=()))
    assert codes(youth, D(2026, 8, 1)) == [
        "plan.in_care_plan_late",
        "plan.in_care_support_decision_late",
    ]


def test_a_young_person_never_in_care_has_no_in_care_findings() -> None:
    assert check_in_care(Youth("y1", BORN), D(2027, 6, 1)) == ()


# -- the model ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"period": D(2020, 1, 1)}, "CarePlacement.period"),
        ({"decided_on": "2020-01-01"}, "CarePlacement.decided_on"),
        ({"consent": None}, "CarePlacement.consent"),
        ({"consent": 0}, "CarePlacement.consent"),
        ({"ungeplan_dates": [D(2025, 1, 1)]}, "CarePlacement.ungeplan_dates"),
        ({"ungeplan_dates": (D(2025, 1, 1), "2025-02-01")}, "CarePlacement.ungeplan_dates[1]"),
        ({"support_decided_on": dt.datetime(2026, 1, 1)}, "CarePlacement.support_decided_on"),
    ],
)
def test_bad_placement_fields_are_data_errors_naming_the_field(
    kwargs: dict[str, object], path: str
) -> None:
    values: dict[str, object] = {"period": Period(D(2020, 1, 1))}
    values.update(kwargs)
    with pytest.raises(DataError) as caught:
        CarePlacement(**values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_check_in_care_takes_a_calendar_day() -> None:
    with pytest.raises(DataError) as caught:
        check_in_care(IN_CARE, dt.datetime(2025, 5, 1, 2, 30))  # type: ignore[arg-type]
    assert caught.value.path == "on"


# -- properties ---------------------------------------------------------------------------


@settings(max_examples=200)
@given(
    start=st.dates(D(2015, 1, 1), D(2028, 1, 1)),
    length=st.none() | st.integers(0, 3000),
    decided_before=st.none() | st.integers(0, 200),
    consent=st.booleans(),
    ungeplan_after=st.lists(st.integers(-400, 600), max_size=3),
    on_after=st.integers(-100, 4000),
)
def test_ungeplan_restated(
    start: dt.date,
    length: int | None,
    decided_before: int | None,
    consent: bool,
    ungeplan_after: list[int],
    on_after: int,
) -> None:
    """The ungeplan rule restated: late iff ``on`` is past the deadline and no ungeplan was
    made by it; the deadline is the decision day (no consent, decided from 16) or 3 months
    after the later of the 16th birthday and the decision; none for care ending by then."""
    decided = None if decided_before is None else start - decided_before * ONE
    placement = CarePlacement(
        Period(start, None if length is None else start + length * ONE),
        decided_on=decided,
        consent=consent,
        ungeplan_dates=tuple(start + k * ONE for k in ungeplan_after),
    )
    youth = placed(placement)
    on = start + on_after * ONE
    sixteen = D(2025, 1, 31)
    decision = start if decided is None else decided
    if not consent and decision >= sixteen:
        deadline = decision
    else:
        deadline = months_after(max(sixteen, decision), 3)
    end = placement.period.end
    if (end is not None and (end <= sixteen or end <= deadline)) or placement.period.empty:
        expected_deadline = None
    else:
        expected_deadline = deadline
    assert ungeplan_deadline(youth, placement) == expected_deadline
    late = expected_deadline is not None and on > expected_deadline
    late = late and not any(day <= deadline for day in placement.ungeplan_dates)
    found = [f for f in check_in_care(youth, on) if f.code == "plan.in_care_plan_late"]
    assert bool(found) == late
