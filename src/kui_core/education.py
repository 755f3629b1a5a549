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

Programmes are dated (:attr:`Programme.dates`, :data:`PROGRAMME_DATES`): FGU exists from
1 August 2019 and STU from 1 August 2007, so an enrolment that starts earlier is a
:class:`~kui_core.DataError`. :attr:`Programme.EPX` and the end of two-year HF, EUX and 10th grade
outside efterskoler come from the political agreement of 18 February 2025, which is not enacted as
far as checked: an EPX enrolment cannot start before 2030 (the agreement's year), and an
enrolment touched by the agreement is counted under today's law and reported
(``eligibility.programme_agreed_change``).
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import types
from collections.abc import Mapping
from typing import Any

import attrs

from . import legal
from . import validators as v
from .errors import DataError
from .legal import LegalBasis
from .periods import Period

__all__ = [
    "MICRO_HOURS",
    "PROGRAMME_DATES",
    "QUALIFYING",
    "YOUTH_EDUCATIONS",
    "EducationRecord",
    "Employment",
    "Programme",
    "ProgrammeDates",
    "Track",
    "micro_hours",
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
    EPX = "epx"
    """Erhvervs- og professionsrettet eksamen: a gymnasial education agreed on 18 February 2025
    for 2030, not enacted as far as checked (see :attr:`dates`)."""

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

    @property
    def dates(self) -> ProgrammeDates:
        """When the programme exists, as far as the catalogue knows (:data:`PROGRAMME_DATES`)."""
        return PROGRAMME_DATES[self]


_GYMNASIAL = frozenset(
    {Programme.STX, Programme.HHX, Programme.HTX, Programme.HF, Programme.IB, Programme.EPX}
)
_VOCATIONAL = frozenset({Programme.EUD, Programme.EUX})
QUALIFYING: frozenset[Programme] = _GYMNASIAL | _VOCATIONAL | {Programme.HIGHER}
"""Gymnasial, vocational and higher education: by default, completing one ends the target group."""
YOUTH_EDUCATIONS: frozenset[Programme] = _GYMNASIAL | _VOCATIONAL | {Programme.STU}
"""The youth (upper-secondary) educations, STU included."""


_is_year = v.is_int(minimum=_dt.MINYEAR, maximum=_dt.MAXYEAR)


def _optional_year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _is_year(instance, attribute, value)


@attrs.frozen(kw_only=True)
class ProgrammeDates:
    """When a programme exists, as far as kui-core's catalogue knows, and on what authority.

    ``first_day``: the enacted start; no enrolment begins before it. ``agreed_from_year``: a
    programme that is politically agreed but not enacted, whose sources give only a year: no
    enrolment begins before 1 January of that year. ``agreed_end_year``: an agreed, not enacted
    end: an enrolment that starts in or after that year is counted under today's law and
    reported. ``sources`` say where each date comes from.
    """

    first_day: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    agreed_from_year: int | None = attrs.field(default=None, validator=_optional_year)
    agreed_end_year: int | None = attrs.field(default=None, validator=_optional_year)
    sources: tuple[LegalBasis, ...] = attrs.field(default=(), validator=v.is_tuple_of(LegalBasis))

    @property
    def enacted(self) -> bool:
        """False for a programme that exists only in a political agreement."""
        return self.agreed_from_year is None

    @property
    def earliest_start(self) -> _dt.date | None:
        """The first day an enrolment may start (``None``: no bound known)."""
        if self.agreed_from_year is not None:
            return _dt.date(self.agreed_from_year, 1, 1)
        return self.first_day

    def agreed_change(self, started_on: _dt.date) -> bool:
        """True where an enrolment starting on ``started_on`` falls under an agreed change that
        is not enacted: any enrolment in an agreed programme, or one that starts in or after an
        agreed end's year."""
        end = self.agreed_end_year
        return not self.enacted or (end is not None and started_on.year >= end)


_AGREED_END = ProgrammeDates(agreed_end_year=2030, sources=(legal.EPX_AGREEMENT, legal.REFORM_2030))
PROGRAMME_DATES: Mapping[Programme, ProgrammeDates] = types.MappingProxyType(
    {programme: ProgrammeDates() for programme in Programme}
    | {
        Programme.FGU: ProgrammeDates(first_day=_dt.date(2019, 8, 1), sources=(legal.FGU_START,)),
        Programme.STU: ProgrammeDates(first_day=_dt.date(2007, 8, 1), sources=(legal.STU_START,)),
        Programme.EPX: ProgrammeDates(
            agreed_from_year=2030, sources=(legal.EPX_AGREEMENT, legal.REFORM_2030)
        ),
        Programme.HF: _AGREED_END,
        Programme.EUX: _AGREED_END,
        Programme.TENTH_GRADE: ProgrammeDates(
            agreed_end_year=2030, sources=(legal.EPX_AGREEMENT, legal.TENTH_GRADE_2030)
        ),
    }
)
"""Every programme's :class:`ProgrammeDates`. FGU from 1 August 2019 and STU from 1 August 2007
(enacted); EPX agreed from 2030; two-year HF, EUX and 10th grade (outside efterskoler) agreed to
end in 2030. The agreement of 18 February 2025 is not enacted as far as checked."""


def _started_on(instance: EducationRecord, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_date(instance, attribute, value)
    dates = PROGRAMME_DATES[instance.programme]
    earliest = dates.earliest_start
    if earliest is not None and value < earliest:
        since = f"exists from {earliest}" if dates.enacted else f"is agreed from {earliest.year}"
        raise DataError(
            "EducationRecord.started_on",
            f"{instance.programme.value} {since} (Programme.dates): no enrolment starts before"
            f" {earliest.isoformat()}",
        )


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
    started_on: _dt.date = attrs.field(validator=_started_on)
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


MICRO_HOURS = 1_000_000
"""Millionths of an hour in an hour: the unit in which weekly hours are added up."""


def micro_hours(hours: float) -> int:
    """``hours`` in whole millionths of an hour, the half rounded up.

    Weekly hours of several jobs are added up in this unit, in whole numbers: the sum is exact
    and the same in any order (in floating point, 0.2 + 0.4 + 19.4 is 20.0 but 19.4 + 0.4 + 0.2
    is 19.999999999999996), and the table path (:mod:`kui_core.frames`) adds up the same way. A
    millionth of an hour is 3.6 milliseconds a week.
    """
    return math.floor(hours * MICRO_HOURS + 0.5)


@attrs.frozen
class Employment:
    """Paid work of ``hours_per_week`` hours during ``period``."""

    period: Period = attrs.field(validator=v.is_instance(Period))
    hours_per_week: float = attrs.field(validator=v.is_number(minimum=0, maximum=168))

    def active_on(self, day: _dt.date) -> bool:
        """True where the employment runs on ``day``."""
        return self.period.contains(day)
