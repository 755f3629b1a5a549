"""Period laws: half-open ``[start, end)``, checked against day-by-day enumeration."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DataError, Period
from kui_core.periods import ONE_DAY, format_day
from kui_core.strategies import periods

D0 = dt.date(2024, 2, 20)
WINDOW_END = dt.date(2024, 3, 31)  # every small period below ends (or is cut) before this
ONE = dt.timedelta(days=1)


def small_periods() -> st.SearchStrategy[Period]:
    """Periods starting in a 15-day window around the leap day, at most 12 days long."""
    return periods(D0, D0 + 14 * ONE, max_days=12)


def days_of(period: Period) -> set[dt.date]:
    """The period's days by enumeration, open-ended periods cut at ``WINDOW_END``."""
    out = set()
    day = period.start
    while day < WINDOW_END and (period.end is None or day < period.end):
        out.add(day)
        day += ONE
    return out


def window_days() -> list[dt.date]:
    return [D0 - 3 * ONE + k * ONE for k in range((WINDOW_END - D0).days + 3)]


@given(small_periods())
def test_contains_agrees_with_enumeration(period: Period) -> None:
    days = days_of(period)
    for day in window_days():
        assert period.contains(day) == (day in days)


@given(small_periods())
def test_days_counts_the_enumerated_days(period: Period) -> None:
    if period.end is None:
        assert period.days is None
        assert period.open_ended
    else:
        assert period.days == len(days_of(period))
        assert period.empty == (period.days == 0)


@given(small_periods())
def test_last_day_is_the_latest_contained_day(period: Period) -> None:
    days = days_of(period)
    if period.end is None or not days:
        assert period.last_day is None
    else:
        assert period.last_day == max(days)
        assert period.contains(period.last_day)
        assert not period.contains(period.last_day + ONE)


@given(small_periods(), small_periods())
def test_overlaps_iff_a_shared_day(a: Period, b: Period) -> None:
    assert a.overlaps(b) == bool(days_of(a) & days_of(b))
    assert a.overlaps(b) == b.overlaps(a)


@given(small_periods(), small_periods())
def test_intersection_is_the_shared_days(a: Period, b: Period) -> None:
    both = a.intersection(b)
    shared = days_of(a) & days_of(b)
    if not shared:
        assert both is None
    else:
        assert both is not None
        assert days_of(both) == shared
        assert both == b.intersection(a)
        assert both.open_ended == (a.open_ended and b.open_ended)


@given(small_periods(), st.dates(D0 - 3 * ONE, WINDOW_END - ONE))
def test_clip_keeps_the_days_before_until(period: Period, until: dt.date) -> None:
    clipped = period.clip(until)
    kept = {day for day in days_of(period) if day < until}
    if not kept:
        assert clipped is None
    else:
        assert clipped is not None
        assert days_of(clipped) == kept
        assert not clipped.empty
        assert clipped.end is not None
        assert clipped.end <= until


def test_clip_of_an_empty_period_is_none() -> None:
    """Period(2024-03-01, 2024-03-01) has no day to keep before any ``until``."""
    empty = Period(dt.date(2024, 3, 1), dt.date(2024, 3, 1))
    assert empty.clip(dt.date(2024, 3, 2)) is None
    assert empty.clip(dt.date(2024, 3, 1)) is None
    assert empty.clip(dt.date(2024, 2, 1)) is None


@given(small_periods())
def test_adjacent_periods_neither_overlap_nor_leave_a_gap(period: Period) -> None:
    """A handover on day D ends the old period at D and starts the new one at D."""
    if period.end is None:
        return
    following = Period(period.end, period.end + 3 * ONE)
    assert not period.overlaps(following)
    assert days_of(period) | days_of(following) == days_of(Period(period.start, following.end))


def test_empty_period_contains_nothing_and_overlaps_nothing() -> None:
    """Period(2024-03-01, 2024-03-01) is empty, even against an open-ended period."""
    empty = Period(dt.date(2024, 3, 1), dt.date(2024, 3, 1))
    assert empty.empty
    assert empty.days == 0
    assert empty.last_day is None
    assert not empty.contains(dt.date(2024, 3, 1))
    assert not empty.overlaps(Period(dt.date(2024, 1, 1)))
    assert not Period(dt.date(2024, 1, 1)).overlaps(empty)
    assert empty.intersection(Period(dt.date(2024, 1, 1))) is None


def test_open_ended_periods_intersect_open_ended() -> None:
    a, b = Period(dt.date(2024, 1, 1)), Period(dt.date(2024, 6, 1))
    assert a.intersection(b) == Period(dt.date(2024, 6, 1))
    assert a.clip(dt.date(2024, 2, 1)) == Period(dt.date(2024, 1, 1), dt.date(2024, 2, 1))


def test_format_shows_the_inclusive_last_day() -> None:
    """[2025-02-01, 2025-03-04) is "1.2.2025 til og med 3.3.2025"."""
    period = Period(dt.date(2025, 2, 1), dt.date(2025, 3, 4))
    assert period.format() == "1.2.2025 til og med 3.3.2025"
    assert period.format("da") == "1.2.2025 til og med 3.3.2025"
    assert period.format("en") == "1.2.2025 through 3.3.2025"
    assert str(period) == "[2025-02-01, 2025-03-04)"


def test_format_open_ended_and_empty() -> None:
    start = dt.date(2025, 2, 1)
    assert Period(start).format("da") == "fra 1.2.2025"
    assert Period(start).format("en") == "from 1.2.2025"
    assert str(Period(start)) == "[2025-02-01, )"
    assert Period(start, start).format("da") == "tom periode 1.2.2025"
    assert Period(start, start).format("en") == "empty period 1.2.2025"


def test_periods_are_frozen_values() -> None:
    period = Period(dt.date(2025, 1, 1))
    assert period == Period(dt.date(2025, 1, 1), None)
    assert hash(period) == hash(Period(dt.date(2025, 1, 1)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        period.end = dt.date(2025, 2, 1)  # type: ignore[misc]


def test_end_before_start_is_a_data_error() -> None:
    with pytest.raises(DataError) as caught:
        Period(dt.date(2025, 1, 2), dt.date(2025, 1, 1))
    assert caught.value.path == "Period.end"
    assert "2025-01-02" in caught.value.reason


@pytest.mark.parametrize(
    ("start", "end", "path"),
    [
        ("2025-01-01", None, "Period.start"),
        (dt.datetime(2025, 1, 1, 12), None, "Period.start"),
        (dt.date(2025, 1, 1), "2025-02-01", "Period.end"),
        (dt.date(2025, 1, 1), dt.datetime(2025, 2, 1), "Period.end"),
    ],
)
def test_non_dates_are_data_errors(start: object, end: object, path: str) -> None:
    with pytest.raises(DataError) as caught:
        Period(start, end)  # type: ignore[arg-type]
    assert caught.value.path == path


@pytest.mark.parametrize("lang", ["fr", "DA", ""])
def test_format_in_an_unknown_language_is_a_data_error(lang: str) -> None:
    """It answered in English before; now it says what it expected."""
    with pytest.raises(DataError) as caught:
        Period(dt.date(2025, 2, 1), dt.date(2025, 3, 4)).format(lang)
    assert caught.value.path == "lang"


def test_format_day_is_d_m_yyyy_without_leading_zeros() -> None:
    assert format_day(dt.date(2025, 2, 1)) == "1.2.2025"
    assert format_day(dt.date(2026, 12, 31)) == "31.12.2026"
    assert dt.timedelta(days=1) == ONE_DAY
