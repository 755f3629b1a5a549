"""The young person (den unge)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import attrs

from . import validators as v
from .cpr import CprNumber
from .dates import SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY
from .education import EducationRecord, Employment
from .errors import DataError
from .periods import Period

__all__ = ["Youth"]


def _cpr_matches_birth_date(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_instance(CprNumber)(instance, attribute, value)
    if isinstance(value, CprNumber) and value.birth_date != instance.birth_date:
        # Never name the digits: only that they disagree.
        raise DataError("Youth.cpr", "the CPR number's birth date does not match birth_date")


_CALENDAR = f"{SUPPORTED_FIRST_DAY.isoformat()} to {SUPPORTED_LAST_DAY.isoformat()}"


def _birth_date(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_date(instance, attribute, value)
    if not SUPPORTED_FIRST_DAY <= value <= SUPPORTED_LAST_DAY:
        # Not echoed: a birth date is part of the CPR number.
        raise DataError("Youth.birth_date", f"must lie in the supported calendar, {_CALENDAR}")


def _check_starts(instance: Youth, path: str, starts: Iterable[_dt.date]) -> None:
    """Records and periods start on or after birth and within the supported calendar.

    ``path`` has a ``{}`` for the index; it is only formatted for the error message.
    """
    born = instance.birth_date
    for index, start in enumerate(starts):
        if start < born:
            # The birth date is not shown: it is part of the CPR number.
            raise DataError(path.format(index), "must not be before birth_date")
        if start > SUPPORTED_LAST_DAY:
            raise DataError(path.format(index), f"must lie in the supported calendar, {_CALENDAR}")


_is_educations = v.is_tuple_of(EducationRecord)
_is_employments = v.is_tuple_of(Employment)
_is_periods = v.is_tuple_of(Period)


def _educations(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_educations(instance, attribute, value)
    _check_starts(instance, "Youth.educations[{}].started_on", (r.started_on for r in value))


def _employments(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_employments(instance, attribute, value)
    _check_starts(instance, "Youth.employments[{}].period.start", (j.period.start for j in value))


def _in_care(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_periods(instance, attribute, value)
    _check_starts(instance, "Youth.in_care[{}].start", (p.start for p in value))


@attrs.frozen
class Youth:
    """A young person: identity, birth date, education records, employment and care periods.

    ``person_id`` is the case system's own identifier (not the CPR number). ``in_care`` lists the
    periods of out-of-home care (anbringelse). ``cpr`` is optional and never shown.
    ``birth_date`` and the start of every education record, employment and care period lie in
    the supported calendar (1858 to 2299, see :mod:`kui_core.dates`); nothing starts before
    birth. Ends may lie later.
    """

    person_id: str = attrs.field(validator=v.is_nonempty_str)
    birth_date: _dt.date = attrs.field(validator=_birth_date)
    educations: tuple[EducationRecord, ...] = attrs.field(default=(), validator=_educations)
    employments: tuple[Employment, ...] = attrs.field(default=(), validator=_employments)
    in_care: tuple[Period, ...] = attrs.field(default=(), validator=_in_care)
    cpr: CprNumber | None = attrs.field(default=None, validator=_cpr_matches_birth_date)
    municipality_code: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)

    def in_care_on(self, day: _dt.date) -> bool:
        """True where one of the care periods contains ``day``."""
        return any(period.contains(day) for period in self.in_care)

    def weekly_hours_on(self, day: _dt.date) -> float:
        """Hours of paid work per week on ``day``, all employments added up."""
        hours: float = 0
        for job in self.employments:  # Period.contains, inlined: assess_eligibility's hot path
            period = job.period
            if period.start <= day and (period.end is None or day < period.end):
                hours += job.hours_per_week
        return hours
