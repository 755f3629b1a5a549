"""Ages, birthdays and Danish working days.

Age is completed years on the reference day. Someone born on 29 February has a birthday on
28 February or 1 March in common years according to the :class:`LeapDayRule` passed in (a
policy's :attr:`Policy.leap_day_rule <kui_core.Policy.leap_day_rule>`).

The calendar takes the values it uses — the leap-day rule, the extra closed days — and never the
whole policy: the rules pass them on. Nothing here imports a rule module or the policy.

Working days are Monday to Friday except the Danish public holidays (helligdage): New Year's Day,
Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer Day (Store Bededag, a public
holiday until 2023: "lov om konsekvenser ved afskaffelsen af store bededag som helligdag", adopted
28 February 2023, in force 1 January 2024; its number was not verified), Ascension Day, Whit
Sunday and Monday, Christmas Day and Boxing Day; Easter from :func:`dateutil.easter.easter`.
Grundlovsdag (5 June) and 24 December are not public holidays: add them through
``closed_days`` where the office is closed (a policy's :attr:`Policy.extra_closed_days
<kui_core.Policy.extra_closed_days>`).

**Deadlines at the end of the calendar.** :func:`days_after` and :func:`months_after` cap a
deadline at 31 December 9999 (``date.max``): no day comes after it, so nobody is late.

**The supported calendar.** Birth dates, and the starts of a young person's education records,
employments and care periods, lie from :data:`SUPPORTED_FIRST_DAY` (1 January 1858, the
earliest birth date a CPR number can express) to :data:`SUPPORTED_LAST_DAY` (31 December 2299:
far enough from the end of Python's calendar, year 9999, that every birthday and deadline the
rules compute exists). :class:`~kui_core.Youth` refuses other dates; ends may lie later
(31 December 9999 is a common "no end"). Reference days (``on``) may be any date.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from . import validators as v
from .errors import DataError
from .periods import ONE_DAY

__all__ = [
    "MAX_AGE",
    "SUPPORTED_FIRST_DAY",
    "SUPPORTED_LAST_DAY",
    "LeapDayRule",
    "age_on",
    "birthday",
    "born_between",
    "check_age",
    "check_age_band",
    "completed_years",
    "danish_public_holidays",
    "days_after",
    "is_working_day",
    "last_day_before_age",
    "months_after",
    "months_before",
    "working_days_after",
]

_LAST_YEAR_WITH_STORE_BEDEDAG = 2023

SUPPORTED_FIRST_DAY = _dt.date(1858, 1, 1)
"""The earliest supported birth date (and start of a young person's records and periods)."""
SUPPORTED_LAST_DAY = _dt.date(2299, 12, 31)
"""The latest supported birth date (and start of a young person's records and periods)."""


class LeapDayRule(enum.StrEnum):
    """When someone born on 29 February has a birthday in a common year.

    No Danish statute or ruling fixing this was found. Germany (BGB § 188(3)) and UK practice use
    1 March; New Zealand and Taiwan use 28 February.
    """

    FEBRUARY_28 = "february_28"
    MARCH_1 = "march_1"


def _check_rule(leap_day_rule: object) -> LeapDayRule:
    if not isinstance(leap_day_rule, LeapDayRule):
        raise DataError(
            "leap_day_rule",
            f"expected LeapDayRule (a policy's leap_day_rule), got {type(leap_day_rule).__name__}",
        )
    return leap_day_rule


def _check_closed_days(closed_days: object) -> frozenset[_dt.date]:
    if not isinstance(closed_days, frozenset) or any(
        type(day) is not _dt.date for day in closed_days
    ):
        raise DataError(
            "closed_days",
            "expected a frozenset of dates (a policy's extra_closed_days),"
            f" got {type(closed_days).__name__}",
        )
    return closed_days


def birthday(
    birth_date: _dt.date, age: int, leap_day_rule: LeapDayRule = LeapDayRule.MARCH_1
) -> _dt.date:
    """The day on which someone born on ``birth_date`` reaches ``age``.

    >>> birthday(_dt.date(2008, 2, 29), 25)  # 2033 is a common year; default MARCH_1
    datetime.date(2033, 3, 1)

    Raises :class:`~kui_core.DataError` (path ``age``) where that year has no date.
    """
    v.check_day("birth_date", birth_date)
    _check_rule(leap_day_rule)
    year = birth_date.year + age
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise DataError(
            "age",
            f"a birthday at age {age} lies outside the calendar"
            f" (years {_dt.MINYEAR} to {_dt.MAXYEAR})",
        )
    if birth_date.month == 2 and birth_date.day == 29 and not calendar.isleap(year):
        if leap_day_rule is LeapDayRule.FEBRUARY_28:
            return _dt.date(year, 2, 28)
        return _dt.date(year, 3, 1)
    return birth_date.replace(year=year)


def age_on(
    birth_date: _dt.date, on: _dt.date, leap_day_rule: LeapDayRule = LeapDayRule.MARCH_1
) -> int:
    """Completed years on ``on``; the new age starts on the birthday itself.

    >>> born = _dt.date(2001, 6, 1)
    >>> age_on(born, _dt.date(2026, 5, 31)), age_on(born, _dt.date(2026, 6, 1))
    (24, 25)
    """
    v.check_day("birth_date", birth_date)
    v.check_day("on", on)
    return completed_years(birth_date, on, _check_rule(leap_day_rule))


def completed_years(birth_date: _dt.date, on: _dt.date, leap_day_rule: LeapDayRule) -> int:
    """:func:`age_on` for two days already known to be dates: the rules' hot path."""
    years = on.year - birth_date.year
    if birth_date.month == 2 and birth_date.day == 29:
        if on < birthday(birth_date, years, leap_day_rule):
            years -= 1
        return years
    # Every other birthday exists in every year: compare (month, day). The hot path of
    # assess_eligibility, run for millions of people.
    return years - ((on.month, on.day) < (birth_date.month, birth_date.day))


MAX_AGE = 150
"""The highest age a metric is asked about (:func:`check_age`)."""


def check_age(name: str, age: object) -> int:
    """``age`` where it is a whole number of years from 0 to :data:`MAX_AGE`; otherwise a
    :class:`~kui_core.DataError` at ``name``."""
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= MAX_AGE:
        raise DataError(name, f"expected an age from 0 to {MAX_AGE}, got {age!r}")
    return age


def check_age_band(ages: object) -> tuple[int, int]:
    """``ages`` where it is a ``(youngest, oldest)`` pair of ages (:func:`check_age`) with
    ``oldest`` not below ``youngest``; otherwise a :class:`~kui_core.DataError` at ``ages``."""
    if not isinstance(ages, tuple) or len(ages) != 2:
        raise DataError("ages", f"expected a (youngest, oldest) pair, got {ages!r}")
    youngest = check_age("ages[0]", ages[0])
    oldest = check_age("ages[1]", ages[1])
    if oldest < youngest:
        raise DataError("ages", f"oldest must not be below youngest, got {ages!r}")
    return youngest, oldest


def _last_born_reaching(age: int, on: _dt.date, leap_day_rule: LeapDayRule) -> _dt.date | None:
    """The latest birth date whose ``age``-th birthday falls on or before ``on``; ``None`` where
    no birth date of the calendar has (even 1 January of year 1 reaches ``age`` later).

    :func:`birthday` never decreases as the birth date increases, so "aged at least ``age`` on
    ``on``" is ``birth_date <= _last_born_reaching(age, on)``: one comparison per person.
    """
    year = on.year - age
    if year < _dt.MINYEAR:
        return None
    # The same calendar day ``age`` years earlier (28 February for 29 February) has its
    # birthday on or before ``on``; step forward while the next day's birthday still is
    # (a 29 February birth under either leap-day rule). A birthday after 9999 is after ``on``.
    candidate = _dt.date(year, on.month, 28 if (on.month, on.day) == (2, 29) else on.day)
    while candidate < on:
        following = candidate + ONE_DAY
        if following.year + age > _dt.MAXYEAR or birthday(following, age, leap_day_rule) > on:
            break
        candidate = following
    return candidate


def born_between(
    youngest: int, oldest: int, on: _dt.date, leap_day_rule: LeapDayRule
) -> tuple[_dt.date, _dt.date]:
    """The first and last birth dates of the people aged ``youngest`` to ``oldest`` (inclusive)
    on ``on``; ``(date.max, date.min)``, which no birth date lies between, where nobody can be.

    "Aged 15 to 24 on ``on``" is then one comparison of the birth date with two days, the same
    for everyone: what the metrics do per person and the table path (:mod:`kui_core.frames`)
    per row.

    >>> born_between(25, 25, _dt.date(2026, 10, 1), LeapDayRule.MARCH_1)
    (datetime.date(2000, 10, 2), datetime.date(2001, 10, 1))
    """
    last = _last_born_reaching(youngest, on, leap_day_rule)
    if last is None:
        return _dt.date.max, _dt.date.min
    too_old = _last_born_reaching(oldest + 1, on, leap_day_rule)
    # too_old < last <= date.max: adding a day stays in the calendar.
    return (_dt.date.min if too_old is None else too_old + ONE_DAY), last


def days_after(day: _dt.date, days: int) -> _dt.date:
    """``days`` calendar days after ``day``, capped at 31 December 9999.

    >>> days_after(_dt.date(2026, 1, 31), 30), days_after(_dt.date(9999, 12, 20), 30)
    (datetime.date(2026, 3, 2), datetime.date(9999, 12, 31))
    """
    room = (_dt.date.max - day).days
    return day + _dt.timedelta(days=min(days, room))


def months_after(day: _dt.date, months: int) -> _dt.date:
    """``months`` calendar months after ``day``, capped at 31 December 9999.

    The day of the month is kept where the target month has it, else the month's last day:
    31 May + 3 months is 31 August, 30 November + 3 months is 28 or 29 February (a choice:
    :func:`dateutil.relativedelta.relativedelta`'s).

    >>> months_after(_dt.date(2025, 11, 30), 3)
    datetime.date(2026, 2, 28)
    """
    try:
        return day + relativedelta(months=months)
    except ValueError:  # beyond the year 9999: no day is past the deadline
        return _dt.date.max


def months_before(day: _dt.date, months: int) -> _dt.date:
    """``months`` calendar months before ``day``, capped at 1 January of year 1.

    The day of the month is kept where the target month has it, else the month's last day:
    31 August − 6 months is 28 or 29 February.

    >>> months_before(_dt.date(2026, 8, 31), 6)
    datetime.date(2026, 2, 28)
    """
    try:
        return day - relativedelta(months=months)
    except (ValueError, OverflowError):  # before the year 1: every day is after the deadline
        return _dt.date.min


def last_day_before_age(
    birth_date: _dt.date, age: int, leap_day_rule: LeapDayRule = LeapDayRule.MARCH_1
) -> _dt.date:
    """The last day on which the person is still younger than ``age`` (inclusive).

    Raises :class:`~kui_core.DataError` (path ``age``) where no day precedes that birthday.
    """
    turns = birthday(birth_date, age, leap_day_rule)
    if turns == _dt.date.min:
        raise DataError("age", f"no day precedes the birthday at age {age}")
    return turns - ONE_DAY


@lru_cache(maxsize=256)
def danish_public_holidays(year: int) -> frozenset[_dt.date]:
    """The Danish public holidays (helligdage) of ``year``."""
    easter_sunday = easter(year)
    easter_offsets = [-3, -2, 0, 1, 39, 49, 50]
    if year <= _LAST_YEAR_WITH_STORE_BEDEDAG:
        easter_offsets.append(26)  # Store Bededag: the fourth Friday after Easter
    days = {easter_sunday + _dt.timedelta(days=offset) for offset in easter_offsets}
    days |= {_dt.date(year, 1, 1), _dt.date(year, 12, 25), _dt.date(year, 12, 26)}
    return frozenset(days)


def is_working_day(day: _dt.date, closed_days: frozenset[_dt.date] = frozenset()) -> bool:
    """Monday–Friday, not a public holiday, not one of the ``closed_days``."""
    v.check_day("day", day)
    return _is_working_day(day, _check_closed_days(closed_days))


def _is_working_day(day: _dt.date, closed_days: frozenset[_dt.date]) -> bool:
    return (
        day.weekday() < 5 and day not in danish_public_holidays(day.year) and day not in closed_days
    )


def working_days_after(
    day: _dt.date, n: int, closed_days: frozenset[_dt.date] = frozenset()
) -> _dt.date:
    """The ``n``-th working day after ``day`` (``day`` itself is not counted).

    A deadline of "5 working days" from an event on ``day`` is ``working_days_after(day, 5)``:
    the last day on which acting is still in time. ``n=0`` returns ``day`` itself. Raises
    :class:`~kui_core.DataError` (path ``n``) where that day would lie after 31 December 9999.

    >>> working_days_after(_dt.date(2025, 4, 16), 1)  # Wednesday before Easter
    datetime.date(2025, 4, 22)
    """
    v.check_day("day", day)
    _check_closed_days(closed_days)
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise DataError("n", f"expected a non-negative integer, got {n!r}")
    current = day
    remaining = n
    while remaining:
        if current == _dt.date.max:
            raise DataError(
                "n", f"{n} working days after {day.isoformat()} lie beyond the calendar"
            )
        current += ONE_DAY
        if _is_working_day(current, closed_days):
            remaining -= 1
    return current
