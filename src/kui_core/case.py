"""The case (forløb) around one young person.

A :class:`YouthCase` gathers the plan versions (oldest first, the last one current), the
coordinator assignments (tovholder), the offers (tilbud) and, for 15–17-year-olds, the
recorded lapses from the plan that start the outreach deadlines and the periods of exemption
from the duty (KUI law § 2 a, stk. 2). The coordination span is ``[opened_on, closed_on)``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from . import validators as v
from .errors import DataError
from .periods import Period
from .plan import EducationPlan
from .youth import Youth

__all__ = ["CoordinatorAssignment", "DutyLapse", "Offer", "YouthCase"]


@attrs.frozen
class CoordinatorAssignment:
    """A coordinator (tovholder/kontaktperson) holding the case over ``period``.

    ``unit`` is the code of the coordinator's municipal unit. Not the job centre's
    *koordinerende sagsbehandler* under employment law.
    """

    coordinator_id: str = attrs.field(validator=v.is_nonempty_str)
    """The coordinator's identifier (tovholder/kontaktperson) in the case system; non-empty."""
    unit: str = attrs.field(validator=v.is_nonempty_str)
    """The code of the coordinator's municipal unit (see :class:`MunicipalUnit`); non-empty."""
    period: Period = attrs.field(validator=v.is_instance(Period))
    """The days the coordinator holds the case (half-open: `end` is the day after; `None`: open)."""


@attrs.frozen
class Offer:
    """An offer the young person takes part in (tilbud: an education, FGU, a job, an internship)."""

    id: str = attrs.field(validator=v.is_nonempty_str)
    """The offer's identifier, unique within the case; non-empty."""
    description: str = attrs.field(validator=v.is_nonempty_str)
    """What the offer (tilbud) is, e.g. an education, FGU, a job or an internship; non-empty."""
    period: Period = attrs.field(validator=v.is_instance(Period))
    """The days the young person takes part (half-open: `end` is the day after; `None`: open)."""


@attrs.frozen
class DutyLapse:
    """A 15–17-year-old found not to be following the plan (§ 2 a; uvm.dk outreach guidance).

    ``noticed_on`` is the day the municipality learned of it; ``contacted_on`` the day the young
    person was contacted (due within 5 working days); ``parents_contacted_on`` the day the
    parents (forældremyndighedens indehaver) were; ``new_activity_on`` the day a new activity
    started (due within 30 calendar days of the contact, or of noticing: see
    :attr:`Policy.new_activity_from <kui_core.Policy.new_activity_from>`). ``None`` means it has
    not happened yet.
    """

    noticed_on: _dt.date = attrs.field(validator=v.is_date)
    """The day the municipality learned the young person was not following the plan."""
    contacted_on: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("noticed_on")
    )
    """The day the young person was contacted (due within 5 working days); `None`: not yet."""
    new_activity_on: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("noticed_on")
    )
    """The day a new activity started; `None`: not yet.

    Due within 30 calendar days of the contact or of noticing, see `Policy.new_activity_from`.
    """
    parents_contacted_on: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("noticed_on")
    )
    """The day the parents (forældremyndighedens indehaver) were contacted; `None`: not yet."""


_is_tuple_of_educationplan = v.is_tuple_of(EducationPlan)


def _plans(instance: YouthCase, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_educationplan(instance, attribute, value)
    earlier: set[str] = set()
    for index, plan in enumerate(value):
        if plan.id in earlier:
            raise DataError(f"YouthCase.plans[{index}].id", f"duplicate plan id {plan.id!r}")
        if plan.previous_id is not None and plan.previous_id not in earlier:
            raise DataError(
                f"YouthCase.plans[{index}].previous_id",
                f"must name an earlier plan of the case, got {plan.previous_id!r}",
            )
        if index and plan.created_on < value[index - 1].created_on:
            raise DataError(
                f"YouthCase.plans[{index}].created_on",
                "plans must be ordered oldest first",
            )
        earlier.add(plan.id)


_is_tuple_of_offer = v.is_tuple_of(Offer)


def _offers(instance: YouthCase, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_offer(instance, attribute, value)
    seen: set[str] = set()
    for index, offer in enumerate(value):
        if offer.id in seen:
            raise DataError(f"YouthCase.offers[{index}].id", f"duplicate offer id {offer.id!r}")
        seen.add(offer.id)


@attrs.frozen
class YouthCase:
    """The case of one young person, open over ``[opened_on, closed_on)``.

    ``plans`` are oldest first (each ``previous_id`` names an earlier plan of the case, ids are
    unique); the last is :attr:`current_plan`. ``coordinators`` may be in any order and may
    start before the case opens: :func:`~kui_core.check_coordination` judges them.
    ``duty_lapses`` are the recorded times a 15–17-year-old did not follow the plan;
    ``duty_exemptions`` the periods in which the young person is exempted from the duty (KUI law
    § 2 a, stk. 2: handicap, illness or serious social problems, after involving the parents).
    """

    youth: Youth = attrs.field(validator=v.is_instance(Youth))
    """The young person the case is about (:class:`Youth`)."""
    opened_on: _dt.date = attrs.field(validator=v.is_date)
    """The first day of the case (start of the coordination span)."""
    closed_on: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("opened_on")
    )
    """The first day after the case (half-open, not before `opened_on`); `None`: still open."""
    plans: tuple[EducationPlan, ...] = attrs.field(default=(), validator=_plans)
    """Plan versions (:class:`EducationPlan`), oldest first, the last current; empty: none yet."""
    coordinators: tuple[CoordinatorAssignment, ...] = attrs.field(
        default=(), validator=v.is_tuple_of(CoordinatorAssignment)
    )
    """Coordinator assignments (tovholder, :class:`CoordinatorAssignment`), in any order."""
    offers: tuple[Offer, ...] = attrs.field(default=(), validator=_offers)
    """The offers (tilbud, :class:`Offer`) the young person takes part in; ids are unique."""
    duty_lapses: tuple[DutyLapse, ...] = attrs.field(default=(), validator=v.is_tuple_of(DutyLapse))
    """Recorded times a 15–17-year-old did not follow the plan (:class:`DutyLapse`)."""
    duty_exemptions: tuple[Period, ...] = attrs.field(default=(), validator=v.is_tuple_of(Period))
    """Periods of exemption from the duty (KUI law § 2 a, stk. 2); empty: none."""

    def exemption_on(self, day: _dt.date) -> Period | None:
        """The exemption from the duty that contains ``day`` (the earliest), or ``None``."""
        inside = [p for p in self.duty_exemptions if p.contains(day)]
        return min(inside, key=lambda p: p.start) if inside else None

    @property
    def current_plan(self) -> EducationPlan | None:
        """The newest plan version, or ``None`` where the case has no plan yet."""
        return self.plans[-1] if self.plans else None

    @property
    def span(self) -> Period:
        """The days the case is open: ``[opened_on, closed_on)``."""
        return Period(self.opened_on, self.closed_on)

    def plan(self, plan_id: str) -> EducationPlan | None:
        """The plan version with id ``plan_id``, or ``None``."""
        return next((p for p in self.plans if p.id == plan_id), None)

    def previous_plan(self, plan: EducationPlan) -> EducationPlan | None:
        """The version ``plan`` replaces (by ``previous_id``), or ``None``."""
        return None if plan.previous_id is None else self.plan(plan.previous_id)
