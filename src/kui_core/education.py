"""Programmes, education records and employment.

Gymnasial (STX, HHX, HTX, HF, IB), vocational (EUD, EUX) and higher education are *qualifying*:
by default, completing one ends the KUI target group (:attr:`Policy.target_group_exit
<kui_core.Policy.target_group_exit>`), following uvm.dk's wording of the right to a plan ("en
ungdomsuddannelse eller en videregående uddannelse"). *Qualifying* is kui-core's term, not a
translation of "erhvervskompetencegivende": no source found calls a gymnasial education that.
FGU (preparatory), 10th grade, STU and "other" are not qualifying. STU is a completed *youth
education* that does not end the target group: KUI law § 2 k lets STU graduates be assessed for
FGU. :attr:`Programme.PRIMARY_SCHOOL` is the folkeskole or another grundskole up to 9th grade:
a pupil there is enrolled (in school, so neither NEET nor on the outreach list), and completing
it ends nothing.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from . import validators as v
from .errors import DataError
from .periods import Period

__all__ = [
    "QUALIFYING",
    "YOUTH_EDUCATIONS",
    "EducationRecord",
    "Employment",
    "Programme",
    "Track",
]


class Track(enum.StrEnum):
    """The three groups of the application figures (søgetal). EUX counts with EUD."""

    GYMNASIAL = "gymnasial"
    VOCATIONAL = "vocational"
    OTHER = "other"


class Programme(enum.StrEnum):
    """An education programme, by its stable serialized value."""

    STX = "stx"
    HHX = "hhx"
    HTX = "htx"
    HF = "hf"
    IB = "ib"
    EUX = "eux"
    EUD = "eud"
    HIGHER = "higher"
    FGU = "fgu"
    TENTH_GRADE = "tenth_grade"
    STU = "stu"
    OTHER = "other"
    PRIMARY_SCHOOL = "primary_school"
    """Folkeskole or another grundskole, 0th to 9th grade (10th grade is :attr:`TENTH_GRADE`)."""

    @property
    def qualifying(self) -> bool:
        """True for gymnasial, vocational and higher education: the default target-group exit."""
        return self in QUALIFYING

    @property
    def youth_education(self) -> bool:
        """True for the youth (upper-secondary) educations, STU included; higher is not one."""
        return self in YOUTH_EDUCATIONS

    @property
    def track(self) -> Track:
        """The søgetal group: gymnasial, vocational (EUD and EUX) or other."""
        if self in _GYMNASIAL:
            return Track.GYMNASIAL
        if self in _VOCATIONAL:
            return Track.VOCATIONAL
        return Track.OTHER


_GYMNASIAL = frozenset({Programme.STX, Programme.HHX, Programme.HTX, Programme.HF, Programme.IB})
_VOCATIONAL = frozenset({Programme.EUD, Programme.EUX})
QUALIFYING: frozenset[Programme] = _GYMNASIAL | _VOCATIONAL | {Programme.HIGHER}
"""Gymnasial, vocational and higher education: by default, completing one ends the target group."""
YOUTH_EDUCATIONS: frozenset[Programme] = _GYMNASIAL | _VOCATIONAL | {Programme.STU}
"""The youth (upper-secondary) educations, STU included."""


def _record_dates(instance: EducationRecord, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_date(instance, attribute, value)
    if value is None:
        return
    if value < instance.started_on:
        raise DataError(
            f"EducationRecord.{attribute.name}",
            f"must not be before started_on ({instance.started_on.isoformat()})",
        )
    if attribute.name == "left_on" and instance.completed_on is not None:
        raise DataError(
            "EducationRecord.left_on", "a record cannot be both completed and left (dropped out)"
        )


@attrs.frozen
class EducationRecord:
    """One enrolment in a programme: started, then completed, left (dropped out), or ongoing.

    Enrolment covers ``[started_on, completed_on or left_on)``: on the day of completion the
    person is a graduate, no longer enrolled.
    """

    programme: Programme = attrs.field(validator=v.is_instance(Programme))
    started_on: _dt.date = attrs.field(validator=v.is_date)
    completed_on: _dt.date | None = attrs.field(default=None, validator=_record_dates)
    left_on: _dt.date | None = attrs.field(default=None, validator=_record_dates)

    @property
    def period(self) -> Period:
        """The enrolment as a half-open period."""
        return Period(self.started_on, self.completed_on or self.left_on)

    def enrolled_on(self, day: _dt.date) -> bool:
        """True where the person is enrolled on ``day``."""
        end = self.completed_on or self.left_on
        return self.started_on <= day and (end is None or day < end)

    def completed_by(self, day: _dt.date) -> bool:
        """True where the programme was completed on or before ``day``."""
        return self.completed_on is not None and self.completed_on <= day


@attrs.frozen
class Employment:
    """Paid work of ``hours_per_week`` hours during ``period``."""

    period: Period = attrs.field(validator=v.is_instance(Period))
    hours_per_week: float = attrs.field(validator=v.is_number(minimum=0))

    def active_on(self, day: _dt.date) -> bool:
        """True where the employment runs on ``day``."""
        return self.period.contains(day)
