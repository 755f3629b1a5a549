"""Hypothesis strategies for the foundation models (periods, CPR, education, youth, policy).

Every strategy is valid by construction: what it generates passes the models' validators. Dates
cluster around the days where the rules change their answer: the 15th and 25th birthdays,
29 February and its neighbours, a completion or drop-out on the reference day itself, Easter and
Christmas, 1 October (the national NEET count).

The public strategies are thin wrappers around ``_draw_*`` helpers that draw from cached
primitive strategies (integers, booleans). Building fresh strategies inside every draw made a
youth cost ~13 ms; drawing directly keeps whole cohorts cheap.
"""

from __future__ import annotations

import datetime as _dt
import string
from calendar import isleap
from collections.abc import Callable, Sequence
from typing import Any

from dateutil.easter import easter
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..cpr import MODULUS_11_WEIGHTS, CprNumber, seventh_digits
from ..dates import SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY, age_on, birthday
from ..education import QUALIFYING, YOUTH_EDUCATIONS, EducationRecord, Employment, Programme
from ..findings import RULES, Finding, Severity
from ..in_care import support_decision_deadline, ungeplan_deadline
from ..legal import LegalBasis
from ..periods import Period
from ..policy import DEFAULT_POLICY, CoordinatorRequired, LeapDayRule, NewActivityFrom, Policy
from ..youth import Authority, CarePlacement, ExternalGuidance, Youth
from ._draw import ONE_DAY, YEAR, draw_day, pick

__all__ = [
    "birth_dates",
    "cohorts",
    "cpr_numbers",
    "education_records",
    "employments",
    "findings",
    "legal_bases",
    "periods",
    "person_ids",
    "policies",
    "reference_days",
    "register_type_strategies",
    "special_days",
    "weekly_hours",
    "youths",
]

_DEFAULT_MIN_DAY = _dt.date(1990, 1, 1)
_DEFAULT_MAX_DAY = _dt.date(2040, 12, 31)
# Births the strategies support around a reference day: far enough from date.min/date.max that
# the 8-year education window and 30-year age spans never overflow.
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MAX_AGE = 120
# The latest birth a CPR number can express (year 57 with a 7th digit of 5 to 8, century_of);
# the earliest is the first supported day (kui_core.dates.SUPPORTED_FIRST_DAY).
_CPR_MAX_BIRTH = _dt.date(2057, 12, 31)

# Threshold-hugging weekly hours: the 18-hour duty/NEET line, the 20-hour outreach line, the
# 30-hour reading of the outreach rule, a full-time week.
_INTERESTING_HOURS: tuple[float, ...] = (0, 10, 17.5, 18, 19.5, 20, 20.5, 29.5, 30, 37)
# Real municipality codes (Copenhagen 101, Lejre 350, Odense 461, Esbjerg 561, Aarhus 751, ...).
_MUNICIPALITY_CODES = ("101", "147", "350", "461", "561", "751", "851")
_PERSON_ID_ALPHABET = string.ascii_letters + string.digits + "-_æøåÆØÅ"
_STATUSES = ("ongoing", "completed", "left")
# What a young person starts from about 14: every programme but primary school (from 6).
_LATER_PROGRAMMES = tuple(p for p in Programme if p is not Programme.PRIMARY_SCHOOL)


# -- drawing helpers (cached primitive strategies only; pick and draw_day are in _draw) --------


def _around(days: Sequence[_dt.date], spread: int) -> list[_dt.date]:
    """Each day and its neighbours up to ``spread`` days away, in order, without repeats."""
    out = {day + k * ONE_DAY for day in days for k in range(-spread, spread + 1)}
    return sorted(out)


def _years_before(day: _dt.date, years: int) -> _dt.date:
    """The same calendar day ``years`` earlier (28 February where that year has no 29th)."""
    year = day.year - years
    if day.month == 2 and day.day == 29 and not isleap(year):
        return _dt.date(year, 2, 28)
    return day.replace(year=year)


def _check_range(low: _dt.date, high: _dt.date, what: str = "min_value") -> None:
    if low > high:
        raise InvalidArgument(f"{what}={low.isoformat()} is after {high.isoformat()}")


def _check_year(day: _dt.date, name: str) -> None:
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        raise InvalidArgument(f"{name}={day.isoformat()} is outside {_MIN_YEAR}-{_MAX_YEAR}")


# -- dates -------------------------------------------------------------------------------------


def special_days(year: int) -> tuple[_dt.date, ...]:
    """The days of ``year`` on which rules turn: leap day, holidays, count days, year ends."""
    days = {
        _dt.date(year, 1, 1),
        _dt.date(year, 2, 28),
        _dt.date(year, 3, 1),
        _dt.date(year, 6, 5),
        _dt.date(year, 10, 1),
        _dt.date(year, 12, 24),
        _dt.date(year, 12, 25),
        _dt.date(year, 12, 26),
        _dt.date(year, 12, 31),
    }
    if isleap(year):
        days.add(_dt.date(year, 2, 29))
    sunday = easter(year)
    days |= {sunday + _dt.timedelta(days=k) for k in (-4, -3, -2, 0, 1, 2, 26, 39, 49, 50)}
    return tuple(sorted(days))


def _draw_reference_day(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> _dt.date:
    kind = draw(st.integers(0, 2))
    if kind == 1:
        year = draw(st.integers(low.year, high.year))
        day = pick(draw, special_days(year))
        if low <= day <= high:
            return day
    elif kind == 2:
        # 28 February, 29 February and 1 March, mostly in a year divisible by four.
        year = draw(st.integers(low.year, high.year))
        if draw(st.booleans()) and year - year % 4 >= low.year:
            year -= year % 4
        leap_days = [_dt.date(year, 2, 28), _dt.date(year, 3, 1)]
        if isleap(year):
            leap_days.insert(1, _dt.date(year, 2, 29))
        inside = [day for day in leap_days if low <= day <= high]
        if inside:
            return pick(draw, inside)
    return draw_day(draw, low, high)


def reference_days(
    min_value: _dt.date = _DEFAULT_MIN_DAY, max_value: _dt.date = _DEFAULT_MAX_DAY
) -> st.SearchStrategy[_dt.date]:
    """Reference days (``on=``) from ``min_value`` to ``max_value`` inclusive (default 1990–2040).

    The strategies support days in the years 1800 to 2200.

    Besides any day, it favours the days where rules turn: 28 February, 29 February and
    1 March (leap-day birthdays), the Easter days and Store Bededag (working-day deadlines),
    Christmas and New Year, 5 June (Grundlovsdag), 1 October (the national NEET count).
    """
    _check_range(min_value, max_value)
    _check_year(min_value, "min_value")
    _check_year(max_value, "max_value")
    return _reference_day_strategy(min_value, max_value)


def _age_window(on: _dt.date, low_age: int, high_age: int) -> tuple[_dt.date, _dt.date]:
    """The earliest and latest birth dates giving an age from ``low_age`` to ``high_age``."""
    # Born the day after `on`, (high_age + 1) years earlier: just under high_age + 1 on `on`.
    return _years_before(on, high_age + 1) + ONE_DAY, _years_before(on, low_age)


def _draw_birth(
    draw: st.DrawFn,
    on: _dt.date | None,
    low_age: int,
    high_age: int,
    policy: Policy,
) -> _dt.date:
    if on is None:
        low, high = _dt.date(1970, 1, 1), _dt.date(2030, 12, 31)
        if draw(st.booleans()):
            year = draw(st.integers(low.year, high.year))
            if isleap(year) and draw(st.booleans()):
                return _dt.date(year, 2, 29)
            return pick(draw, (_dt.date(year, 2, 28), _dt.date(year, 3, 1)))
        return draw_day(draw, low, high)
    # Pick the age first so every age in the range is equally likely (Hypothesis favours the
    # ends of an integer range, which would pile everyone up at the oldest age).
    age = draw(st.integers(low_age, high_age))
    earliest, latest = _age_window(on, age, age)
    # The window's first day may be a 29 February, whose birthday in a common year the policy's
    # leap-day rule sets: under FEBRUARY_28 it is a day older. (The last day is never one.)
    if age_on(earliest, on, policy.leap_day_rule) > age:
        earliest += ONE_DAY
    # Only births a Youth accepts (the supported calendar, kui_core.dates).
    earliest, latest = max(earliest, SUPPORTED_FIRST_DAY), min(latest, SUPPORTED_LAST_DAY)
    boundaries = [policy.min_age, policy.age_limit]
    close = _around([_years_before(on, boundary) for boundary in boundaries], spread=2)
    close += [
        _dt.date(year, 2, 29)
        for boundary in boundaries
        for year in range(on.year - boundary - 1, on.year - boundary + 2)
        if isleap(year)
    ]
    close = [
        day
        for day in close
        if SUPPORTED_FIRST_DAY <= day <= SUPPORTED_LAST_DAY
        and low_age <= age_on(day, on, policy.leap_day_rule) <= high_age
    ]
    if len(close) > 0 and draw(st.booleans()):
        return pick(draw, sorted(set(close)))
    return draw_day(draw, earliest, latest)


def _age_bounds(min_age: int | None, max_age: int | None, policy: Policy) -> tuple[int, int]:
    low_age = max(policy.min_age - 2, 0) if min_age is None else min_age
    high_age = policy.age_limit + 2 if max_age is None else max_age
    if low_age < 0 or high_age < low_age or high_age > _MAX_AGE:
        raise InvalidArgument(
            f"need 0 <= min_age <= max_age <= {_MAX_AGE}, got {low_age} and {high_age}"
        )
    return low_age, high_age


def _supported_ages(on: _dt.date, low_age: int, high_age: int) -> tuple[int, int]:
    """The ages from ``low_age`` to ``high_age`` that a supported birth date gives on ``on``."""
    ages = [
        age
        for age in range(low_age, high_age + 1)
        if _age_window(on, age, age)[0] <= SUPPORTED_LAST_DAY
        and _age_window(on, age, age)[1] >= SUPPORTED_FIRST_DAY
    ]
    if not ages:
        raise InvalidArgument(
            f"no birth date from {SUPPORTED_FIRST_DAY.isoformat()} to"
            f" {SUPPORTED_LAST_DAY.isoformat()} gives an age from {low_age} to {high_age}"
            f" on {on.isoformat()}"
        )
    return ages[0], ages[-1]


def birth_dates(
    on: _dt.date | None = None,
    *,
    min_age: int | None = None,
    max_age: int | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> st.SearchStrategy[_dt.date]:
    """Birth dates, clustered so that ages land on the 15th/25th birthday boundaries.

    Without ``on``: days from 1970 to 2030, often 28/29 February or 1 March. With ``on``: people
    aged ``min_age`` to ``max_age`` on ``on`` (default ``policy.min_age - 2`` to
    ``policy.age_limit + 2``), half of them within two days of their ``policy.min_age``-th or
    ``policy.age_limit``-th birthday (the day before, of, after) or born on 29 February near
    those years, so that :class:`~kui_core.LeapDayRule` decides their age. Births lie in the
    calendar :class:`~kui_core.Youth` supports (1858 to 2299, see :mod:`kui_core.dates`): ages
    that no such birth gives on ``on`` are left out (none at all: ``InvalidArgument``).
    """
    low_age, high_age = _age_bounds(min_age, max_age, policy)
    if on is not None:
        _check_year(on, "on")
        low_age, high_age = _supported_ages(on, low_age, high_age)
    return _birth_strategy(on, low_age, high_age, policy)


# -- periods -----------------------------------------------------------------------------------


def _draw_length(draw: st.DrawFn, low: int, high: int) -> int:
    """A length in ``[low, high]``, often one of the first few (off-by-one territory)."""
    if draw(st.booleans()):
        return draw(st.integers(low, min(high, low + 3)))
    return draw(st.integers(low, high))


def _draw_period(
    draw: st.DrawFn,
    low: _dt.date,
    high: _dt.date,
    *,
    near: Sequence[_dt.date] = (),
    max_days: int = 3650,
    allow_open: bool = True,
    allow_empty: bool = True,
) -> Period:
    start = draw_day(draw, low, high, near=near) if near else _draw_reference_day(draw, low, high)
    if allow_open and draw(st.integers(0, 3)) == 0:
        return Period(start)
    return Period(start, start + ONE_DAY * _draw_length(draw, 0 if allow_empty else 1, max_days))


def periods(
    min_value: _dt.date = _DEFAULT_MIN_DAY,
    max_value: _dt.date = _DEFAULT_MAX_DAY,
    *,
    max_days: int = 3650,
    allow_open: bool = True,
    allow_empty: bool = True,
) -> st.SearchStrategy[Period]:
    """Half-open :class:`~kui_core.Period` values starting from ``min_value`` to ``max_value``.

    Starts favour the special days of :func:`reference_days`; lengths favour 0 to 3 days (empty
    and one-day periods are where off-by-one errors hide); ``max_days`` bounds the length (the
    end may lie after ``max_value``). ``allow_open`` lets ``end`` be ``None`` (about one in
    four); ``allow_empty`` lets ``end == start``.
    """
    _check_range(min_value, max_value)
    _check_year(min_value, "min_value")
    _check_year(max_value, "max_value")
    if max_days < (0 if allow_empty else 1):
        raise InvalidArgument(f"max_days={max_days} leaves no possible length")
    return _period_strategy(
        min_value,
        max_value,
        max_days=max_days,
        allow_open=allow_open,
        allow_empty=allow_empty,
    )


# -- CPR ---------------------------------------------------------------------------------------


def _check_digit(head: str) -> int:
    """The 10th digit that makes the modulus-11 sum divisible by 11 (10 means: none does)."""
    return -sum(int(d) * w for d, w in zip(head, MODULUS_11_WEIGHTS[:9], strict=True)) % 11


def _draw_any_cpr(
    draw: st.DrawFn, birth_date: _dt.date | None, modulus_11: bool | None
) -> CprNumber:
    born = birth_date
    if born is None:
        born = (
            _draw_birth(draw, None, 0, 0, DEFAULT_POLICY)
            if draw(st.booleans())
            else draw_day(draw, SUPPORTED_FIRST_DAY, _CPR_MAX_BIRTH)
        )
    return _draw_cpr(draw, born, modulus_11)


def _draw_cpr(draw: st.DrawFn, born: _dt.date, modulus_11: bool | None) -> CprNumber:
    seventh, serial = pick(draw, seventh_digits(born.year)), draw(st.integers(0, 99))
    head = f"{born:%d%m}{born.year % 100:02d}{seventh}{serial:02d}"
    check = _check_digit(head)
    if modulus_11 is True:
        if check == 10:
            # No 10th digit completes this head. Moving the 9th digit by one changes the
            # weighted sum by 2 (mod 11), so the next serial always has a check digit.
            head = head[:8] + str((int(head[8]) + 1) % 10)
            check = _check_digit(head)
        last = check
    elif modulus_11 is False:
        last = pick(draw, [d for d in range(10) if d != check])
    else:
        last = draw(st.integers(0, 9))
    text = f"{head}{last}"
    return CprNumber(f"{text[:6]}-{text[6:]}" if draw(st.booleans()) else text)


def cpr_numbers(
    birth_date: _dt.date | None = None, *, modulus_11: bool | None = None
) -> st.SearchStrategy[CprNumber]:
    """:class:`~kui_core.CprNumber` values, consistent with ``birth_date`` where given.

    The 7th digit is chosen with :func:`~kui_core.cpr.century_of` so that the number's
    ``birth_date`` has the right century; only births from 1858 to 2057 can be written as a CPR
    number. ``modulus_11=True``/``False`` asks for numbers that pass/fail the old check (numbers
    issued since 2007 may fail it and are still valid); ``None`` gives both. Without
    ``birth_date``, births cluster like :func:`birth_dates` and cover the whole 1858–2057 range.
    Both spellings (``DDMMYY-SSSS`` and ``DDMMYYSSSS``) are used on construction.
    """
    if birth_date is not None and not (SUPPORTED_FIRST_DAY <= birth_date <= _CPR_MAX_BIRTH):
        raise InvalidArgument(
            f"birth_date={birth_date.isoformat()} cannot be written as a CPR number (1858-2057)"
        )

    return _cpr_strategy(birth_date, modulus_11)


# -- education and work ------------------------------------------------------------------------


def _draw_record(
    draw: st.DrawFn,
    on: _dt.date | None,
    programmes: Sequence[Programme],
    status: str | None,
    low: _dt.date,
    high: _dt.date,
) -> EducationRecord:
    # Only programmes that exist by ``high`` (Programme.dates), each from its first day.
    programme = pick(draw, _offered_by(programmes, high))
    how = status or pick(draw, _STATUSES)
    near = _around([on], 1) if on is not None else ()
    started = draw_day(draw, max(low, programme.dates.earliest_start or low), high, near=near)
    if how == "ongoing":
        return EducationRecord(programme, started)
    ended = started + ONE_DAY * _draw_length(draw, 0, 6 * 366)
    if on is not None and draw(st.booleans()):
        # Completion or drop-out on the reference day itself, or the day before or after.
        ended = max(started, pick(draw, near))
    if how == "completed":
        return EducationRecord(programme, started, completed_on=ended)
    return EducationRecord(programme, started, left_on=ended)


def _offered_by(programmes: Sequence[Programme], high: _dt.date) -> tuple[Programme, ...]:
    """The ``programmes`` an enrolment can start in on or before ``high`` (Programme.dates)."""
    return tuple(
        p for p in programmes if (first := p.dates.earliest_start) is None or first <= high
    )


def _record_window(
    on: _dt.date | None, min_start: _dt.date | None, max_start: _dt.date | None
) -> tuple[_dt.date, _dt.date]:
    if on is not None:
        low, high = _years_before(on, 8), on + 30 * ONE_DAY
    else:
        low, high = _DEFAULT_MIN_DAY, _DEFAULT_MAX_DAY
    return min_start or low, max_start or high


def education_records(
    on: _dt.date | None = None,
    *,
    programmes: Sequence[Programme] | None = None,
    status: str | None = None,
    min_start: _dt.date | None = None,
    max_start: _dt.date | None = None,
) -> st.SearchStrategy[EducationRecord]:
    """:class:`~kui_core.EducationRecord` values: ongoing, completed or left (dropped out).

    With ``on``, start, completion and drop-out dates cluster on ``on`` and the days next to it
    (completion exactly on the reference day, the day before, the day after). ``programmes``
    restricts the programme (default: all); ``status`` is ``"ongoing"``, ``"completed"`` or
    ``"left"`` (default: any). Starts lie from ``min_start`` to ``max_start`` (default: eight
    years before ``on`` to 30 days after it, or 1990–2040), and never before a programme exists
    (:attr:`Programme.dates <kui_core.Programme.dates>`: FGU from 2019-08-01, EPX from 2030);
    records last up to six years.
    """
    if status is not None and status not in _STATUSES:
        raise InvalidArgument(f"status must be one of {_STATUSES}, got {status!r}")
    choices = tuple(Programme) if programmes is None else tuple(programmes)
    if not choices:
        raise InvalidArgument("programmes must not be empty")
    if on is not None:
        _check_year(on, "on")
    low, high = _record_window(on, min_start, max_start)
    _check_range(low, high, "min_start")
    _check_year(low, "min_start")
    _check_year(high, "max_start")
    if not _offered_by(choices, high):
        raise InvalidArgument(
            f"no programme of {[p.value for p in choices]} exists by {high} (Programme.dates)"
        )
    return _record_strategy(on, choices, status, low, high)


def _draw_hours(draw: st.DrawFn) -> float:
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return pick(draw, _INTERESTING_HOURS)
    if choice == 1:
        return float(draw(st.integers(0, 45)))
    return draw(st.floats(0, 60, allow_nan=False, allow_infinity=False))


def weekly_hours() -> st.SearchStrategy[float]:
    """Hours per week from 0 to 60, favouring the 18-, 20- and 30-hour thresholds (and 19.5)."""
    return _hours_strategy()


def _draw_employment(
    draw: st.DrawFn, on: _dt.date | None, not_before: _dt.date | None = None
) -> Employment:
    if on is None:
        span = _draw_period(draw, _DEFAULT_MIN_DAY, _DEFAULT_MAX_DAY)
    else:
        low = _years_before(on, 5)
        if not_before is not None:
            low = min(max(low, not_before), on)
        if draw(st.booleans()):
            # Starting on the reference day (or next to it) decides "works 20 h on `on`".
            span = _draw_period(draw, low, on + ONE_DAY, near=_around([on], 1), max_days=3 * 366)
        else:
            # Ending on it (not working on `on` any more), the day before or the day after.
            end = max(pick(draw, _around([on], 1)), low)
            span = Period(draw_day(draw, low, end), end)
    return Employment(span, _draw_hours(draw))


def employments(on: _dt.date | None = None) -> st.SearchStrategy[Employment]:
    """:class:`~kui_core.Employment` values; with ``on``, periods start or end around ``on``.

    Hours per week follow :func:`weekly_hours` (the 18/20/30-hour thresholds: 19.5 is not 20).
    With ``on``, employments start in the five years before ``on``; many start or end on ``on``
    or the day next to it, so they are running on ``on``, ended just before it, or start just
    after it.
    """
    if on is not None:
        _check_year(on, "on")
    return _employment_strategy(on)


# -- the young person --------------------------------------------------------------------------


def person_ids() -> st.SearchStrategy[str]:
    """Case-system identifiers: short non-blank strings (Danish letters included)."""
    return st.text(_PERSON_ID_ALPHABET, min_size=1, max_size=12)


def _draw_care_periods(
    draw: st.DrawFn, born: _dt.date, until: _dt.date, force: bool
) -> list[Period]:
    """Disjoint care periods in order, between birth and a year after ``until``."""
    high = max(until + 365 * ONE_DAY, born + ONE_DAY)
    count = draw(st.integers(1 if force else 0, 4))
    span = (high - born).days
    cuts = sorted({born + ONE_DAY * draw(st.integers(0, span - 1)) for _ in range(count)})
    if force and len(cuts) == 1:
        cuts.append(high)
    out = [Period(start, end) for start, end in zip(cuts[::2], cuts[1::2], strict=False)]
    if len(cuts) % 2 == 1 and draw(st.booleans()):
        out.append(Period(cuts[-1]))  # still in care
    return out


def _draw_placement(
    draw: st.DrawFn, person: Youth, period: Period, policy: Policy
) -> CarePlacement:
    """A placement over ``period``: decided on its first day or up to 60 days before (or not
    recorded), now and then without consent; ungeplan days and the decision on support after
    18 cluster on their deadlines (the day before, of, after), so some are late."""
    decided = None
    if draw(st.booleans()):
        decided = max(person.birth_date, period.start - ONE_DAY * draw(st.integers(0, 60)))
    consent = draw(st.integers(0, 3)) > 0
    placement = CarePlacement(period, decided, consent)
    low = placement.decision_day
    deadline = ungeplan_deadline(person, placement, policy)
    near = _around([deadline], 1) if deadline is not None else ()
    high = max([low + 3 * YEAR, *(day + YEAR for day in near)])
    dates = {draw_day(draw, low, high, near) for _ in range(draw(st.integers(0, 2)))}
    support = support_decision_deadline(person, placement, policy)
    support_on = None
    if support is not None and draw(st.booleans()):
        support_on = draw_day(draw, period.start, support + YEAR, _around([support], 1))
    return CarePlacement(period, decided, consent, tuple(sorted(dates)), support_on)


def _draw_care(
    draw: st.DrawFn, born: _dt.date, until: _dt.date, force: bool, policy: Policy
) -> tuple[CarePlacement, ...]:
    """Placements over disjoint periods in order (see :func:`_draw_placement`)."""
    periods = _draw_care_periods(draw, born, until, force)
    person = Youth("care", born)  # the deadlines depend on the birth date only
    return tuple(_draw_placement(draw, person, period, policy) for period in periods)


def _draw_guidance(
    draw: st.DrawFn, born: _dt.date, anchor: _dt.date
) -> tuple[ExternalGuidance, ...]:
    """One or two periods of guidance by another authority, starting up to two years before
    ``anchor``; many start or end on it (or the day next to it), others run on."""
    out = []
    low = max(born, anchor - 2 * YEAR)
    high = max(low, anchor + ONE_DAY)
    for _ in range(draw(st.integers(1, 2))):
        start = draw_day(draw, low, high, _around([anchor], 1))
        how = draw(st.integers(0, 2))
        end = None  # still guided
        if how == 1:
            end = start + ONE_DAY * draw(st.integers(1, 700))
        elif how == 2:
            end = max(start, pick(draw, _around([anchor], 1)))
        out.append(ExternalGuidance(pick(draw, tuple(Authority)), Period(start, end)))
    return tuple(out)


def _draw_known_until(draw: st.DrawFn, born: _dt.date, anchor: _dt.date) -> _dt.date | None:
    """``None`` (complete records) half the time, else a day up to a year before ``anchor`` or
    30 days after it, often ``anchor`` or the day next to it."""
    if draw(st.booleans()):
        return None
    low = max(born, anchor - YEAR)
    return draw_day(draw, low, max(low, anchor + 30 * ONE_DAY), _around([anchor], 1))


def _draw_primary_school(
    draw: st.DrawFn, born: _dt.date, anchor: _dt.date, policy: Policy
) -> EducationRecord:
    """Primary school (folkeskole) from the 6th birthday: up to 17 still a pupil, or completed
    or left around ``anchor`` (the day before, of, after), or completed in the months before
    the 16th birthday; older, always the last."""
    started = birthday(born, 6, policy.leap_day_rule)
    # Over 17: completed before the 16th birthday (what most did).
    how = draw(st.integers(0, 3)) if age_on(born, anchor, policy.leap_day_rule) <= 17 else 2
    if how == 0:
        return EducationRecord(Programme.PRIMARY_SCHOOL, started)
    ended = max(started, pick(draw, _around([anchor], 1)))
    if how == 1:
        return EducationRecord(Programme.PRIMARY_SCHOOL, started, left_on=ended)
    if how == 2:
        sixteen = birthday(born, 16, policy.leap_day_rule)
        ended = sixteen - ONE_DAY * draw(st.integers(0, 200))
    return EducationRecord(Programme.PRIMARY_SCHOOL, started, completed_on=ended)


def _draw_youth(
    draw: st.DrawFn,
    on: _dt.date | None,
    low_age: int,
    high_age: int,
    policy: Policy,
    with_cpr: bool | None,
    max_educations: int,
    max_employments: int,
    in_care: bool | None,
    guided_elsewhere: bool | None = None,
    unknown_records: bool = False,
) -> Youth:
    born = _draw_birth(draw, on, low_age, high_age, policy)
    anchor = on if on is not None else born + ONE_DAY * draw(st.integers(0, 30 * 366))
    # Education starts from about 14 (earlier only for the very young), up to 30 days after.
    latest_start = max(anchor + 30 * ONE_DAY, born)
    earliest_start = max(
        born, min(birthday(born, 14, policy.leap_day_rule), _years_before(anchor, 8))
    )
    earliest_start = min(earliest_start, latest_start)
    count = draw(st.integers(0, max_educations))
    educations: list[EducationRecord] = []
    # Half the time the first record is primary school, from the 6th birthday.
    if count and age_on(born, anchor, policy.leap_day_rule) >= 6 and draw(st.booleans()):
        educations.append(_draw_primary_school(draw, born, anchor, policy))
    educations += [
        _draw_record(draw, anchor, _LATER_PROGRAMMES, None, earliest_start, latest_start)
        for _ in range(count - len(educations))
    ]
    job_count = draw(st.integers(0, max_employments))
    jobs = tuple(_draw_employment(draw, anchor, born) for _ in range(job_count))
    care: tuple[CarePlacement, ...] = ()
    if in_care or (in_care is None and draw(st.integers(0, 3)) == 0):
        care = _draw_care(draw, born, anchor, bool(in_care), policy)
    guided: tuple[ExternalGuidance, ...] = ()
    if guided_elsewhere or (guided_elsewhere is None and draw(st.integers(0, 4)) == 0):
        guided = _draw_guidance(draw, born, anchor)
    educations_known = _draw_known_until(draw, born, anchor) if unknown_records else None
    employments_known = _draw_known_until(draw, born, anchor) if unknown_records else None
    # with_cpr=True was checked against the birth range when the strategy was built.
    cpr_ok = SUPPORTED_FIRST_DAY <= born <= _CPR_MAX_BIRTH
    cpr = None
    if with_cpr or (with_cpr is None and cpr_ok and draw(st.booleans())):
        cpr = _draw_cpr(draw, born, None)
    code = None
    if draw(st.booleans()):
        code = pick(draw, _MUNICIPALITY_CODES)
    return Youth(
        person_id=draw(person_ids()),
        birth_date=born,
        educations=tuple(educations),
        employments=jobs,
        in_care=care,
        cpr=cpr,
        municipality_code=code,
        guided_elsewhere=guided,
        educations_known_until=educations_known,
        employments_known_until=employments_known,
    )


def youths(
    on: _dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    min_age: int | None = None,
    max_age: int | None = None,
    with_cpr: bool | None = None,
    max_educations: int = 3,
    max_employments: int = 2,
    in_care: bool | None = None,
    guided_elsewhere: bool | None = None,
    unknown_records: bool = False,
) -> st.SearchStrategy[Youth]:
    """Valid :class:`~kui_core.Youth` values, aged and dated where the target-group rules turn.

    With ``on`` (the reference day you will assess them on), people are aged ``min_age`` to
    ``max_age`` on ``on`` (default: two years either side of the target group), many within a
    day or two of the ``policy.min_age``-th or ``policy.age_limit``-th birthday or born on
    29 February (see :func:`birth_dates`); their education and work cluster around ``on``
    (completion on ``on`` itself, drop-out the day before, 19.5 vs 20 hours a week).
    Without ``on``, the same clustering happens around a random day in their life.

    ``with_cpr=True`` always adds a :class:`~kui_core.CprNumber` consistent with the birth date
    (7th digit chosen for the right century), ``False`` never, ``None`` about half the time.
    ``in_care=True``/``False`` forces at least one / no placement in out-of-home care
    (``None``: about one in four). A :class:`~kui_core.CarePlacement` is decided on its first
    day or before it (or the day is not recorded), sometimes without consent; its ungeplan days
    and the decision on support after 18 cluster on their deadlines (barnets lov §§ 108, 111),
    so some are late: use :func:`cases` for young people whose duties are met.
    ``guided_elsewhere=True``/``False`` forces one or two / no periods of guidance by another
    authority (:class:`~kui_core.ExternalGuidance`, ``None``: about one in five), starting or
    ending around ``on``. Up to ``max_educations`` records and ``max_employments`` jobs. Half
    the time the first record is primary school (:attr:`Programme.PRIMARY_SCHOOL
    <kui_core.Programme.PRIMARY_SCHOOL>`) from the 6th birthday: up to 17 still ongoing, or
    completed or left around ``on``, or completed before the 16th birthday (older, always
    the last); the other records start from about 14.

    Records are complete (``educations_known_until`` and ``employments_known_until`` are
    ``None``) unless ``unknown_records=True``: then each is, half the time, a day from a year
    before ``on`` to 30 days after it, often ``on`` or the day next to it, so that the
    records of some young people end before ``on`` (:func:`~kui_core.assess_eligibility` then
    cannot always decide).
    """
    if max_educations < 0 or max_employments < 0:
        raise InvalidArgument("max_educations and max_employments must not be negative")
    low_age, high_age = _age_bounds(min_age, max_age, policy)
    if on is not None:
        _check_year(on, "on")
        low_age, high_age = _supported_ages(on, low_age, high_age)
        if with_cpr:
            earliest, latest = _age_window(on, low_age, high_age)
            if earliest < SUPPORTED_FIRST_DAY or latest > _CPR_MAX_BIRTH:
                raise InvalidArgument(
                    "with_cpr=True needs births from 1858 to 2057; narrow on/min_age/max_age"
                )
    return _youth_strategy(
        on,
        low_age,
        high_age,
        policy,
        with_cpr,
        max_educations,
        max_employments,
        in_care,
        guided_elsewhere,
        unknown_records,
    )


def _cohort_key(youth: Youth) -> str:
    return youth.cpr.reveal() if youth.cpr is not None else f"id:{youth.person_id}"


def cohorts(
    on: _dt.date | None = None,
    *,
    min_size: int = 0,
    max_size: int = 20,
    **youth_options: Any,
) -> st.SearchStrategy[list[Youth]]:
    """Lists of youths with unique ``person_id`` (and unique CPR numbers where present).

    ``min_size``/``max_size`` bound the size; ``on`` and the other keywords go to
    :func:`youths` (``cohorts(on, max_size=100, policy=my_policy)``).
    """
    return st.lists(
        youths(on, **youth_options),
        min_size=min_size,
        max_size=max_size,
        unique_by=(lambda y: y.person_id, _cohort_key),
    )


# -- policy and findings -----------------------------------------------------------------------


_SEVERITY_CHOICES: tuple[Severity | None, ...] = (*Severity, None)


def _draw_severities(draw: st.DrawFn) -> dict[str, Severity | None]:
    codes = draw(st.lists(st.sampled_from(sorted(RULES)), max_size=4, unique=True))
    return {code: pick(draw, _SEVERITY_CHOICES) for code in codes}


def _draw_policy(draw: st.DrawFn, with_severities: bool = False) -> Policy:
    severities = _draw_severities(draw) if with_severities else {}
    year = draw(st.integers(2020, 2030))
    closed = {_dt.date(year, 6, 5), _dt.date(year, 12, 24)}
    chosen = frozenset(day for day in closed if draw(st.booleans()))
    duty_min = pick(draw, (15, 14, 16))
    return Policy(
        min_age=pick(draw, (15, 14, 16)),
        age_limit=pick(draw, (25, 24, 30)),
        leap_day_rule=pick(draw, (LeapDayRule.MARCH_1, LeapDayRule.FEBRUARY_28)),
        target_group_exit=pick(draw, (QUALIFYING, QUALIFYING | {Programme.STU})),
        outreach_programmes=pick(
            draw,
            (DEFAULT_POLICY.outreach_programmes, QUALIFYING | {Programme.STU}, QUALIFYING),
        ),
        enrolment_programmes=pick(
            draw, (DEFAULT_POLICY.enrolment_programmes, YOUTH_EDUCATIONS | {Programme.HIGHER})
        ),
        outreach_work_hours=pick(draw, (20, 30, 18.5)),
        neet_work_hours=pick(draw, (18, 15, 20)),
        duty_work_hours=pick(draw, (18, 15, 20)),
        duty_min_age=duty_min,
        duty_max_age=draw(st.integers(duty_min, 18)),
        contact_deadline_working_days=draw(st.integers(0, 10)),
        new_activity_deadline_days=draw(st.integers(0, 60)),
        new_activity_from=pick(draw, (NewActivityFrom.CONTACT, NewActivityFrom.NOTICED)),
        contact_includes_parents=draw(st.booleans()),
        follow_up_max_interval_days=draw(st.integers(1, 730)),
        in_care_plan_age=pick(draw, (16, 15, 17)),
        in_care_plan_months=draw(st.integers(0, 6)),
        in_care_end_age=pick(draw, (18, 17, 19)),
        in_care_support_months=draw(st.integers(0, 12)),
        plan_missing_after_days=draw(st.integers(0, 60)),
        max_transition_gap_days=draw(st.integers(0, 90)),
        coordinator_required=pick(draw, tuple(CoordinatorRequired)),
        min_publishable_count=draw(st.integers(1, 10)),
        extra_closed_days=chosen,
        severities=severities,
    )


def _draw_policy_with_severities(draw: st.DrawFn) -> Policy:
    return _draw_policy(draw, with_severities=True)


def policies(*, with_severities: bool = False) -> st.SearchStrategy[Policy]:
    """Valid :class:`~kui_core.Policy` values: :data:`~kui_core.DEFAULT_POLICY` and variations.

    Varies the leap-day rule, the 20/30-hour outreach reading, STU ending the target group or
    not, the age bounds (always ``age_limit > min_age``), the duty ages, every deadline and
    from which day the 30 days for a new activity run (contact or noticing), whether the
    contact includes the parents, the ages and months of the in-care duties (ungeplan from
    15 to 17, care ending at 17 to 19, the support decision 0 to 12 months before), the days
    an open case may go without a plan (0 to 60), the coordinator span, the publication
    threshold and extra closed days (Grundlovsdag, 24 December). With
    ``with_severities=True`` it also sets up to four rules' severities
    (:attr:`Policy.severities`), switching some off; by default every rule keeps the catalogue's.
    """
    if with_severities:
        return st.one_of(st.just(DEFAULT_POLICY), _policy_with_severities_strategy())
    return st.one_of(st.just(DEFAULT_POLICY), _policy_strategy())


def legal_bases() -> st.SearchStrategy[LegalBasis]:
    """The sources cited by the rule catalogue (every source of every rule)."""
    sources = {source for rule in RULES.values() for source in rule.sources}
    return st.sampled_from(sorted(sources, key=str))


def findings(codes: Sequence[str] | None = None) -> st.SearchStrategy[Finding]:
    """:class:`~kui_core.Finding` values for the catalogue's codes (or only ``codes``).

    Severity and sources come from the catalogue (the default policy). ``period`` and
    ``subject`` are sometimes ``None``, except where the rule's message names them inline
    (``coordination.gap`` always has a period, ``plan.goal_overdue`` a subject), as the rules
    themselves produce them.
    """
    choices = tuple(sorted(RULES)) if codes is None else tuple(codes)
    unknown = [code for code in choices if code not in RULES]
    if unknown or not choices:
        raise InvalidArgument(f"codes must be known rule codes, got {list(choices)!r}")
    return _finding_strategy(choices)


_SUBJECTS = st.none() | st.text(
    string.ascii_letters + string.digits + " ,-", min_size=1, max_size=20
).map(str.strip).filter(bool)


def _draw_finding(draw: st.DrawFn, choices: Sequence[str]) -> Finding:
    code = pick(draw, choices)
    # A template naming {subject} or {period} inline needs the value; the "_note" asides not.
    templates = RULES[code].da + RULES[code].en
    period = None
    if "{period}" in templates or draw(st.booleans()):
        period = _draw_period(draw, _DEFAULT_MIN_DAY, _DEFAULT_MAX_DAY)
    subject = draw(_SUBJECTS)
    if subject is None and "{subject}" in templates:
        subject = pick(draw, ("G1", "I1", "c-1, c-2", "eud"))
    return Finding(code, period=period, subject=subject)


# Composite strategies are built once here: st.composite compiles a wrapper function, far too
# slow to repeat on every call of a public strategy (which users make inside their own draws).
_reference_day_strategy = st.composite(_draw_reference_day)
_birth_strategy = st.composite(_draw_birth)
_period_strategy = st.composite(_draw_period)
_cpr_strategy = st.composite(_draw_any_cpr)
_record_strategy = st.composite(_draw_record)
_hours_strategy = st.composite(_draw_hours)
_employment_strategy = st.composite(_draw_employment)
_youth_strategy = st.composite(_draw_youth)
_policy_strategy = st.composite(_draw_policy)
_policy_with_severities_strategy = st.composite(_draw_policy_with_severities)
_finding_strategy = st.composite(_draw_finding)


# -- registration for st.from_type ------------------------------------------------------------

_TYPE_STRATEGIES: tuple[tuple[type[Any], Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Period, periods),
    (CprNumber, cpr_numbers),
    (EducationRecord, education_records),
    (Employment, employments),
    (Youth, youths),
    (Policy, policies),
    (LegalBasis, legal_bases),
    (Finding, findings),
)


def register_type_strategies() -> None:
    """Register the strategies above so ``st.from_type(Youth)`` etc. work (idempotent)."""
    for cls, factory in _TYPE_STRATEGIES:
        st.register_type_strategy(cls, st.deferred(factory))
