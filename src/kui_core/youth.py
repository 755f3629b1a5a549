"""The young person (den unge)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from . import _validators as v
from .cpr import CprNumber
from .education import EducationRecord, Employment
from .errors import DataError
from .periods import Period

__all__ = ["Youth"]


def _cpr_matches_birth_date(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_instance(CprNumber)(instance, attribute, value)
    if isinstance(value, CprNumber) and value.birth_date != instance.birth_date:
        # Never name the digits: only that they disagree.
        raise DataError("Youth.cpr", "the CPR number's birth date does not match birth_date")


@attrs.frozen
class Youth:
    """A young person: identity, birth date, education records, employment and care periods.

    ``person_id`` is the case system's own identifier (not the CPR number). ``in_care`` lists the
    periods of out-of-home care (anbringelse). ``cpr`` is optional and never shown.
    """

    person_id: str = attrs.field(validator=v.is_str)
    birth_date: _dt.date = attrs.field(validator=v.is_date)
    educations: tuple[EducationRecord, ...] = attrs.field(
        default=(), validator=v.is_tuple_of(EducationRecord)
    )
    employments: tuple[Employment, ...] = attrs.field(
        default=(), validator=v.is_tuple_of(Employment)
    )
    in_care: tuple[Period, ...] = attrs.field(default=(), validator=v.is_tuple_of(Period))
    cpr: CprNumber | None = attrs.field(default=None, validator=_cpr_matches_birth_date)
    municipality_code: str | None = attrs.field(default=None, validator=v.is_optional_str)

    def in_care_on(self, day: _dt.date) -> bool:
        """True where one of the care periods contains ``day``."""
        return any(period.contains(day) for period in self.in_care)

    def weekly_hours_on(self, day: _dt.date) -> float:
        """Hours of paid work per week on ``day``, all employments added up."""
        return sum(e.hours_per_week for e in self.employments if e.period.contains(day))
