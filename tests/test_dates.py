"""Ages, 29 February birthdays and Danish working days."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, DataError, LeapDayRule, age_on, working_days_after
from kui_core.dates import (
    SUPPORTED_FIRST_DAY,
    SUPPORTED_LAST_DAY,
    birthday,
    danish_public_holidays,
    is_working_day,
    last_day_before_age,
    months_after,
    months_before,
)
from kui_core.strategies import birth_dates, reference_days

ONE = dt.timedelta(days=1)
MARCH_1 = LeapDayRule.MARCH_1
FEBRUARY_28 = LeapDayRule.FEBRUARY_28
BOTH_RULES = pytest.mark.parametrize("policy", [MARCH_1, FEBRUARY_28], ids=["march_1", "feb_28"])
rules = st.sampled_from([MARCH_1, FEBRUARY_28])


# -- age: properties ---------------------------------------------------------------------------


@given(birth_dates(), reference_days(), reference_days(), rules)
def test_age_on_is_monotone_in_on(
    born: dt.date, a: dt.date, b: dt.date, policy: LeapDayRule
) -> None:
    early, late = sorted((a, b))
    assert age_on(born, early, policy) <= age_on(born, late, policy)


@given(birth_dates(), st.integers(1, 60), rules)
def test_age_increases_by_exactly_one_on_each_birthday(
    born: dt.date, age: int, policy: LeapDayRule
) -> None:
    day = birthday(born, age, policy)
    assert age_on(born, day, policy) == age
    assert age_on(born, day - ONE, policy) == age - 1
    assert last_day_before_age(born, age, policy) == day - ONE


@given(birth_dates(), st.integers(0, 80), rules)
def test_age_changes_only_on_birthdays(born: dt.date, offset: int, policy: LeapDayRule) -> None:
    on = born + offset * 100 * ONE
    before, now = (
        age_on(born, on - ONE, policy),
        age_on(born, on, policy),
    )
    if now != before:
        assert now == before + 1
        assert on == birthday(born, now, policy)


@given(birth_dates(), reference_days(), rules)
def test_age_on_agrees_with_counting_birthdays(
    born: dt.date, on: dt.date, policy: LeapDayRule
) -> None:
    """A plain restatement: the number of birthdays (age >= 1) that fall on or before ``on``."""
    if on < born:
        return
    passed = sum(
        1 for age in range(1, on.year - born.year + 2) if birthday(born, age, policy) <= on
    )
    assert age_on(born, on, policy) == passed


@given(birth_dates(), rules)
def test_age_is_zero_on_the_day_of_birth(born: dt.date, policy: LeapDayRule) -> None:
    assert age_on(born, born, policy) == 0


# -- age: decided cases ------------------------------------------------------------------------


def test_born_2008_02_29_turns_25_on_2033_03_01_under_march_1() -> None:
    born = dt.date(2008, 2, 29)
    assert birthday(born, 25, MARCH_1) == dt.date(2033, 3, 1)
    assert age_on(born, dt.date(2033, 2, 28), MARCH_1) == 24
    assert age_on(born, dt.date(2033, 3, 1), MARCH_1) == 25


def test_born_2008_02_29_turns_25_on_2033_02_28_under_february_28() -> None:
    born = dt.date(2008, 2, 29)
    assert birthday(born, 25, FEBRUARY_28) == dt.date(2033, 2, 28)
    assert age_on(born, dt.date(2033, 2, 27), FEBRUARY_28) == 24
    assert age_on(born, dt.date(2033, 2, 28), FEBRUARY_28) == 25


def test_default_leap_day_rule_is_march_1() -> None:
    assert DEFAULT_POLICY.leap_day_rule is LeapDayRule.MARCH_1
    assert age_on(dt.date(2008, 2, 29), dt.date(2033, 2, 28)) == 24


@BOTH_RULES
def test_born_2004_02_29_has_a_real_birthday_in_leap_year_2028(policy: LeapDayRule) -> None:
    """2028 is a leap year: the 24th birthday is 29 February under both rules."""
    born = dt.date(2004, 2, 29)
    assert birthday(born, 24, policy) == dt.date(2028, 2, 29)
    assert age_on(born, dt.date(2028, 2, 28), policy) == 23
    assert age_on(born, dt.date(2028, 2, 29), policy) == 24


@BOTH_RULES
def test_born_2000_02_29_and_the_year_2100_is_not_leap(policy: LeapDayRule) -> None:
    """2100 is a common year (divisible by 100, not 400): the leap-day rule decides."""
    expected = dt.date(2100, 3, 1) if policy is MARCH_1 else dt.date(2100, 2, 28)
    assert birthday(dt.date(2000, 2, 29), 100, policy) == expected


@BOTH_RULES
def test_the_day_before_and_the_day_of_the_25th_birthday(policy: LeapDayRule) -> None:
    """Born 2001-06-01: 24 on 2026-05-31, 25 on 2026-06-01 (not a leap-day birth)."""
    born = dt.date(2001, 6, 1)
    assert age_on(born, dt.date(2026, 5, 31), policy) == 24
    assert age_on(born, dt.date(2026, 6, 1), policy) == 25
    assert last_day_before_age(born, 25, policy) == dt.date(2026, 5, 31)


def test_born_28_february_and_1_march_are_unaffected_by_the_rule() -> None:
    for born in (dt.date(2008, 2, 28), dt.date(2008, 3, 1)):
        assert birthday(born, 25, MARCH_1) == birthday(born, 25, FEBRUARY_28)


def test_before_birth_the_age_is_negative() -> None:
    assert age_on(dt.date(2010, 5, 5), dt.date(2010, 5, 4)) == -1


# -- public holidays ---------------------------------------------------------------------------


def test_the_supported_calendar_is_1858_to_2299() -> None:
    """From the earliest birth date a CPR number can express."""
    assert dt.date(1858, 1, 1) == SUPPORTED_FIRST_DAY
    assert dt.date(2299, 12, 31) == SUPPORTED_LAST_DAY


@pytest.mark.parametrize(
    ("born", "age"),
    [(dt.date(9990, 6, 1), 25), (dt.date(2000, 1, 1), 10**6), (dt.date(5, 1, 1), -9)],
)
def test_a_birthday_beyond_the_calendar_is_a_data_error(born: dt.date, age: int) -> None:
    """Year 10015 (or -4) has no date: a DataError naming ``age``, never a bare ValueError."""
    with pytest.raises(DataError) as caught:
        birthday(born, age)
    assert caught.value.path == "age"
    assert "years 1 to 9999" in caught.value.reason
    with pytest.raises(DataError):
        last_day_before_age(born, age)


def test_age_on_works_for_any_day_of_the_calendar() -> None:
    born = dt.date(2000, 2, 29)
    assert age_on(born, dt.date.max) == 7999
    assert age_on(born, dt.date.min) == -2000


def test_holidays_2025() -> None:
    """Easter Sunday 2025 is 20 April; no Store Bededag from 2024."""
    assert danish_public_holidays(2025) == {
        dt.date(2025, 1, 1),
        dt.date(2025, 4, 17),  # Maundy Thursday
        dt.date(2025, 4, 18),  # Good Friday
        dt.date(2025, 4, 20),  # Easter Sunday
        dt.date(2025, 4, 21),  # Easter Monday
        dt.date(2025, 5, 29),  # Ascension Day
        dt.date(2025, 6, 8),  # Whit Sunday
        dt.date(2025, 6, 9),  # Whit Monday
        dt.date(2025, 12, 25),
        dt.date(2025, 12, 26),
    }


def test_store_bededag_2023_is_a_holiday_and_2024_is_not() -> None:
    """Store Bededag (4th Friday after Easter) was abolished from 2024 (lov nr. 54/2023)."""
    assert dt.date(2023, 5, 5) in danish_public_holidays(2023)
    assert len(danish_public_holidays(2023)) == 11
    assert dt.date(2024, 4, 26) not in danish_public_holidays(2024)
    assert len(danish_public_holidays(2024)) == 10


def test_grundlovsdag_and_christmas_eve_are_not_public_holidays() -> None:
    holidays = danish_public_holidays(2025)
    assert dt.date(2025, 6, 5) not in holidays
    assert dt.date(2025, 12, 24) not in holidays
    assert is_working_day(dt.date(2025, 12, 24))


# -- working days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "n", "expected", "why"),
    [
        (dt.date(2025, 4, 16), 1, dt.date(2025, 4, 22), "Wed before Easter 2025 -> Tue after"),
        (dt.date(2025, 4, 16), 5, dt.date(2025, 4, 28), "Easter 2025, five working days"),
        (dt.date(2025, 4, 10), 5, dt.date(2025, 4, 22), "Thu 10 Apr: 11, 14, 15, 16, 22"),
        (dt.date(2024, 12, 23), 1, dt.date(2024, 12, 24), "24 December is a working day"),
        (dt.date(2024, 12, 24), 1, dt.date(2024, 12, 27), "25/26 December are holidays"),
        (dt.date(2024, 12, 27), 1, dt.date(2024, 12, 30), "Friday -> Monday"),
        (dt.date(2024, 12, 31), 1, dt.date(2025, 1, 2), "New Year's Day"),
        (dt.date(2023, 5, 4), 1, dt.date(2023, 5, 8), "Store Bededag 2023-05-05 is closed"),
        (dt.date(2024, 4, 25), 1, dt.date(2024, 4, 26), "2024-04-26: Store Bededag abolished"),
        (dt.date(2025, 5, 28), 1, dt.date(2025, 5, 30), "Ascension Day 2025-05-29"),
        (dt.date(2025, 6, 6), 1, dt.date(2025, 6, 10), "Whit Monday 2025-06-09"),
        (dt.date(2025, 6, 4), 1, dt.date(2025, 6, 5), "Grundlovsdag is a working day by default"),
        (dt.date(2025, 3, 8), 1, dt.date(2025, 3, 10), "from a Saturday"),
        (dt.date(2025, 3, 8), 0, dt.date(2025, 3, 8), "n=0 returns the day itself"),
        (dt.date(2025, 3, 3), 5, dt.date(2025, 3, 10), "a plain week"),
    ],
)
def test_working_days_after(day: dt.date, n: int, expected: dt.date, why: str) -> None:
    assert working_days_after(day, n) == expected, why


def test_extra_closed_days_are_skipped() -> None:
    """Grundlovsdag 2025-06-05 (Thursday) closed by the municipality."""
    policy = attrs.evolve(
        DEFAULT_POLICY, extra_closed_days=frozenset({dt.date(2025, 6, 5), dt.date(2025, 12, 24)})
    )
    assert working_days_after(dt.date(2025, 6, 4), 1, policy.extra_closed_days) == dt.date(
        2025, 6, 6
    )
    assert working_days_after(dt.date(2025, 12, 23), 1, policy.extra_closed_days) == dt.date(
        2025, 12, 29
    )
    assert not is_working_day(dt.date(2025, 6, 5), policy.extra_closed_days)


@given(reference_days(), st.integers(0, 25))
def test_working_days_after_counts_exactly_n_working_days(day: dt.date, n: int) -> None:
    result = working_days_after(day, n)
    span = [day + k * ONE for k in range(1, (result - day).days + 1)]
    assert sum(is_working_day(d) for d in span) == n
    if n:
        assert is_working_day(result)
    else:
        assert result == day


@given(reference_days(), st.integers(0, 10), st.integers(0, 10))
def test_working_days_compose(day: dt.date, m: int, n: int) -> None:
    assert working_days_after(working_days_after(day, m), n) == working_days_after(day, m + n)


@pytest.mark.parametrize("n", [-1, 1.0, True, "5", None])
def test_bad_n_is_a_data_error(n: object) -> None:
    with pytest.raises(DataError) as caught:
        working_days_after(dt.date(2025, 1, 1), n)  # type: ignore[arg-type]
    assert caught.value.path == "n"


def test_n_minus_1_is_refused_up_front_not_after_walking_to_the_end_of_the_calendar() -> None:
    """n = -1 is refused as negative (the reason says so), before any day is counted."""
    with pytest.raises(DataError) as caught:
        working_days_after(dt.date(2025, 1, 1), -1)
    assert caught.value.reason == "expected a non-negative integer, got -1"


@given(reference_days())
def test_weekends_are_never_working_days(day: dt.date) -> None:
    if day.weekday() >= 5:
        assert not is_working_day(day)


def test_working_days_past_9999_12_31_raise_data_error() -> None:
    """30 December 9999 + 5 working days lies beyond the calendar: DataError, not OverflowError."""
    with pytest.raises(DataError) as caught:
        working_days_after(dt.date(9999, 12, 30), 5)
    assert caught.value.path == "n"
    assert working_days_after(dt.date(9999, 12, 30), 1) == dt.date(9999, 12, 31)


def test_the_day_before_a_birthday_on_1_january_1_is_a_data_error() -> None:
    """Born 1 January 1, age 0: no day precedes the birthday; DataError, not OverflowError."""
    with pytest.raises(DataError) as caught:
        last_day_before_age(dt.date(1, 1, 1), 0)
    assert caught.value.path == "age"


# -- calendar months before a day (barnets lov § 111: 6 months before the 18th birthday) -------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2027, 1, 31), 6, dt.date(2026, 7, 31)),
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),  # no 31 February: the month's last day
        (dt.date(2028, 8, 31), 6, dt.date(2028, 2, 29)),  # a leap year
        (dt.date(2026, 3, 1), 6, dt.date(2025, 9, 1)),
        (dt.date(2026, 3, 1), 0, dt.date(2026, 3, 1)),
        (dt.date(1, 6, 30), 5, dt.date(1, 1, 30)),
        (dt.date(1, 6, 30), 6, dt.date.min),  # before the year 1: capped
        (dt.date(2026, 1, 1), 100_000, dt.date.min),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


@given(st.dates(dt.date(1800, 1, 1), dt.date(2300, 12, 31)), st.integers(0, 240))
def test_months_before_is_at_most_that_many_months_back_and_months_after_returns(
    day: dt.date, months: int
) -> None:
    """Going back and forth lands on the day, or a little before it at a month's end."""
    back = months_before(day, months)
    assert back <= day
    there = months_after(back, months)
    assert there <= day
    assert (day - there).days <= 3


def test_months_after_beyond_the_year_9999_is_the_last_day() -> None:
    from kui_core.dates import months_after

    assert months_after(dt.date(9999, 6, 1), 12) == dt.date.max
