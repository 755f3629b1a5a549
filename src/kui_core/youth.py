"""The young person (den unge): records of education, work, care and guidance elsewhere.

Records are complete up to the reference day unless the caller says otherwise:
:attr:`Youth.educations_known_until` and :attr:`Youth.employments_known_until` name the last day
up to which each kind of record is known. Beyond it, silence is not "no": a rule that would
conclude from a missing record (outreach is due, the young person is NEET) cannot decide.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from . import validators as v
from .cpr import CprNumber
from .dates import SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY
from .education import MICRO_HOURS, EducationRecord, Employment, micro_hours
from .errors import DataError
from .periods import Period

__all__ = ["Authority", "CarePlacement", "ExternalGuidance", "Youth"]


class Authority(enum.StrEnum):
    """Another authority that guides a young person (uvm.dk: "kommunale jobcentre,
    socialforvaltningen eller andre myndigheder, der beskæftiger sig med unge")."""

    JOBCENTRE = "jobcentre"
    SOCIAL_SERVICES = "social_services"
    OTHER = "other"


@attrs.frozen
class ExternalGuidance:
    """Guidance the young person receives from another ``authority`` over ``period``.

    While it runs, outreach is not due (uvm.dk, "Vejledning af unge uden for skolen").
    """

    authority: Authority = attrs.field(validator=v.is_instance(Authority))
    """The other authority giving the guidance: a job centre, social services or another one."""
    period: Period = attrs.field(validator=v.is_instance(Period))
    """The days of guidance (half-open: `end` is the first day after; `None`: still running)."""


@attrs.frozen
class CarePlacement:
    """A placement in out-of-home care (anbringelse uden for hjemmet, barnets lov §§ 46–47).

    ``period`` is the time in care. ``decided_on`` is the day the placement was decided
    (``None``: not recorded; the start of ``period`` stands in for it). ``consent`` is false for
    a placement without consent (§ 47), where the ungeplan must exist before the decision
    (§ 108, stk. 4). ``ungeplan_dates`` are the days an ungeplan (barnets lov § 108) was made or
    revised for this placement; the ungeplan is not the KUI education plan. ``support_decided_on``
    is the day continued support after 18 was decided (§ 111), ``None`` where it has not been.
    """

    period: Period = attrs.field(validator=v.is_instance(Period))
    """The time in care (half-open: `end` is the first day out of care; `None`: still in care)."""
    decided_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day the placement was decided; `None`: not recorded (the start of `period` stands in)."""
    consent: bool = attrs.field(default=True, validator=v.is_bool)
    """False for a placement without consent (§ 47): the ungeplan must exist before the decision."""
    ungeplan_dates: tuple[_dt.date, ...] = attrs.field(
        default=(), validator=v.is_tuple_of(_dt.date)
    )
    """Days an ungeplan (barnets lov § 108) was made or revised; not the KUI education plan."""
    support_decided_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day continued support after 18 was decided (§ 111); `None`: not decided."""

    @property
    def decision_day(self) -> _dt.date:
        """``decided_on``, or the start of the placement where the decision day is not recorded."""
        return self.decided_on if self.decided_on is not None else self.period.start


_is_optional_cpr = v.is_optional_instance(CprNumber)


def _cpr_matches_birth_date(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_optional_cpr(instance, attribute, value)
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
_is_placements = v.is_tuple_of(CarePlacement)
_is_guidance = v.is_tuple_of(ExternalGuidance)


def _educations(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_educations(instance, attribute, value)
    _check_starts(instance, "Youth.educations[{}].started_on", (r.started_on for r in value))


def _employments(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_employments(instance, attribute, value)
    _check_starts(instance, "Youth.employments[{}].period.start", (j.period.start for j in value))


def _in_care(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_placements(instance, attribute, value)
    _check_starts(instance, "Youth.in_care[{}].period.start", (p.period.start for p in value))
    # Decisions and ungeplan days lie after birth (the birth date is not shown); like the ends
    # of periods they may lie late in the calendar (9999-12-31, a "not yet" of case systems).
    born = instance.birth_date
    for index, placement in enumerate(value):
        days = [("decided_on", placement.decided_on)]
        days += [("support_decided_on", placement.support_decided_on)]
        days += [(f"ungeplan_dates[{i}]", day) for i, day in enumerate(placement.ungeplan_dates)]
        for name, day in days:
            if day is not None and day < born:
                raise DataError(f"Youth.in_care[{index}].{name}", "must not be before birth_date")


def _guided(instance: Youth, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_guidance(instance, attribute, value)
    _check_starts(
        instance, "Youth.guided_elsewhere[{}].period.start", (g.period.start for g in value)
    )


@attrs.frozen
class Youth:
    """A young person: identity, birth date, education records, employment, care and guidance.

    ``person_id`` is the case system's own identifier (not the CPR number). ``in_care`` lists the
    placements in out-of-home care (:class:`CarePlacement`). ``guided_elsewhere`` lists the
    periods in which another authority guides the young person (:class:`ExternalGuidance`).
    ``cpr`` is optional and never shown. ``birth_date`` and the start of every education record,
    employment, placement and guidance period lie in the supported calendar (1858 to 2299, see
    :mod:`kui_core.dates`); nothing starts before birth. Ends may lie later.

    ``educations_known_until`` and ``employments_known_until`` are the last days up to which
    the education and employment records are complete (``None``, the default: complete on any
    day). On a later day a record that is there still counts, but a missing one proves nothing.
    """

    person_id: str = attrs.field(validator=v.is_nonempty_str)
    """The case system's own identifier for the young person (not the CPR number); non-empty."""
    birth_date: _dt.date = attrs.field(validator=_birth_date)
    """The day of birth, in the supported calendar (1858 to 2299, see :mod:`kui_core.dates`)."""
    educations: tuple[EducationRecord, ...] = attrs.field(default=(), validator=_educations)
    """Education records (:class:`EducationRecord`), none starting before `birth_date`."""
    employments: tuple[Employment, ...] = attrs.field(default=(), validator=_employments)
    """Paid work (:class:`Employment`), none starting before `birth_date`; hours add up per day."""
    in_care: tuple[CarePlacement, ...] = attrs.field(default=(), validator=_in_care)
    """Placements in out-of-home care (:class:`CarePlacement`); empty: none recorded."""
    cpr: CprNumber | None = attrs.field(default=None, validator=_cpr_matches_birth_date)
    """The CPR number (:class:`CprNumber`), never shown; matches `birth_date`. `None`: not given."""
    municipality_code: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """The municipality code (kommunekode, e.g. "561", see :mod:`kui_core.municipalities`).

    `None`: not recorded.
    """
    guided_elsewhere: tuple[ExternalGuidance, ...] = attrs.field(default=(), validator=_guided)
    """Guidance by other authorities (:class:`ExternalGuidance`); meanwhile no outreach is due."""
    educations_known_until: _dt.date | None = attrs.field(
        default=None, validator=v.is_optional_date
    )
    """Last day up to which the education records are complete; `None`: complete on any day."""
    employments_known_until: _dt.date | None = attrs.field(
        default=None, validator=v.is_optional_date
    )
    """Last day up to which the employment records are complete; `None`: complete on any day."""

    def in_care_on(self, day: _dt.date) -> bool:
        """True where one of the placements contains ``day``."""
        return any(placement.period.contains(day) for placement in self.in_care)

    def guided_elsewhere_on(self, day: _dt.date) -> tuple[Authority, ...]:
        """The authorities guiding the young person on ``day``, in record order."""
        return tuple(g.authority for g in self.guided_elsewhere if g.period.contains(day))

    def educations_known_on(self, day: _dt.date) -> bool:
        """True where the education records are complete on ``day``."""
        known = self.educations_known_until
        return known is None or day <= known

    def employments_known_on(self, day: _dt.date) -> bool:
        """True where the employment records are complete on ``day``."""
        known = self.employments_known_until
        return known is None or day <= known

    def weekly_hours_on(self, day: _dt.date) -> float:
        """Hours of paid work per week on ``day``, all employments added up.

        The hours are added up in whole millionths of an hour (:func:`micro_hours`), so the
        order of the records never changes the sum: 0.2 + 0.4 + 19.4 hours is exactly 20.
        """
        micro = 0
        for job in self.employments:  # Period.contains, inlined: assess_eligibility's hot path
            period = job.period
            if period.start <= day and (period.end is None or day < period.end):
                micro += micro_hours(job.hours_per_week)
        return micro / MICRO_HOURS
