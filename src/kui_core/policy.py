"""Municipal choices, in one frozen object.

Where the law leaves a choice to the municipality, or no source fixes a value, the value lives
here with a documented default and its source; rules never hard-code it. Override a field with
``attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from . import _validators as v
from .education import QUALIFYING, YOUTH_EDUCATIONS, Programme
from .errors import DataError

__all__ = ["DEFAULT_POLICY", "CoordinatorRequired", "LeapDayRule", "Policy"]


class LeapDayRule(enum.StrEnum):
    """When someone born on 29 February has a birthday in a common year.

    No Danish statute or ruling fixing this was found. Germany (BGB § 188(3)) and UK practice use
    1 March; New Zealand and Taiwan use 28 February.
    """

    FEBRUARY_28 = "february_28"
    MARCH_1 = "march_1"


class CoordinatorRequired(enum.StrEnum):
    """Over which days a case must have exactly one coordinator."""

    WHOLE_CASE = "whole_case"
    """Every day from ``opened_on`` until ``closed_on`` (the default)."""
    COORDINATED_EFFORT = "coordinated_effort"
    """Only days on which interventions of two or more municipal units run."""


def _programmes(instance: Policy, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_frozenset_of(Programme)(instance, attribute, value)


def _age_range(instance: Policy, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_int(minimum=0)(instance, attribute, value)
    if attribute.name == "age_limit" and instance.age_limit <= instance.min_age:
        raise DataError("Policy.age_limit", "must be greater than min_age")
    if attribute.name == "duty_max_age" and instance.duty_max_age < instance.duty_min_age:
        raise DataError("Policy.duty_max_age", "must not be less than duty_min_age")


def _source(text: str) -> dict[str, str]:
    return {"source": text}


@attrs.frozen
class Policy:
    """Every municipal choice the rules depend on, each with its source (``field.metadata``)."""

    min_age: int = attrs.field(
        default=15,
        validator=v.is_int(minimum=0),
        metadata=_source("Outreach applies from 15 (uvm.dk, vejledning af unge uden for skolen)"),
    )
    age_limit: int = attrs.field(
        default=25,
        validator=_age_range,
        metadata=_source("Lov om kommunal indsats for unge under 25 år, title and § 2 k"),
    )
    leap_day_rule: LeapDayRule = attrs.field(
        default=LeapDayRule.MARCH_1,
        validator=v.is_instance(LeapDayRule),
        metadata=_source(
            "No Danish rule found; 1 March keeps the young person in the target group one day"
            " longer (BGB § 188(3) reading)"
        ),
    )
    target_group_exit: frozenset[Programme] = attrs.field(
        default=QUALIFYING,
        validator=_programmes,
        metadata=_source(
            "§ 1 and § 2 k: completing a qualifying education ends the target group;"
            " add Programme.STU to also let STU graduates leave it"
        ),
    )
    outreach_programmes: frozenset[Programme] = attrs.field(
        default=YOUTH_EDUCATIONS | {Programme.HIGHER},
        validator=_programmes,
        metadata=_source(
            "Outreach: having completed a youth education or a higher education ends the"
            " outreach duty"
        ),
    )
    enrolment_programmes: frozenset[Programme] = attrs.field(
        default=frozenset(Programme),
        validator=_programmes,
        metadata=_source(
            "Outreach is guidance of young people outside school (uvm.dk, 'Vejledning af unge"
            " uden for skolen'): enrolment in any programme, FGU, 10th grade and STU included,"
            " means no outreach; YOUTH_EDUCATIONS | {HIGHER} is the literal reading"
        ),
    )
    outreach_work_hours: float = attrs.field(
        default=20,
        validator=v.is_number(minimum=0),
        metadata=_source("Outreach: paid work of at least 20 hours a week (one source says 30)"),
    )
    neet_work_hours: float = attrs.field(
        default=18,
        validator=v.is_number(minimum=0),
        metadata=_source("National NEET measure: working at least 18 hours a week (uvm.dk 2023)"),
    )
    duty_work_hours: float = attrs.field(
        default=18,
        validator=v.is_number(minimum=0),
        metadata=_source(
            "BEK 1014/2019 § 5: paid work of at least 18 hours a week fulfils the duty"
        ),
    )
    duty_min_age: int = attrs.field(
        default=15, validator=v.is_int(minimum=0), metadata=_source("§ 2 a: 15–17-year-olds")
    )
    duty_max_age: int = attrs.field(
        default=17, validator=_age_range, metadata=_source("§ 2 a: 15–17-year-olds")
    )
    contact_deadline_working_days: int = attrs.field(
        default=5,
        validator=v.is_int(minimum=0),
        metadata=_source("Outreach: contact within 5 working days when the plan is not followed"),
    )
    new_activity_deadline_days: int = attrs.field(
        default=30,
        validator=v.is_int(minimum=0),
        metadata=_source("Outreach: a new activity within 30 calendar days at the latest"),
    )
    follow_up_max_interval_days: int = attrs.field(
        default=365,
        validator=v.is_int(minimum=1),
        metadata=_source(
            "Municipal choice: systematic follow-up (Esbjerg, Lejre); § 10 annual evaluation"
        ),
    )
    in_care_plan_age: int = attrs.field(
        default=16,
        validator=v.is_int(minimum=0),
        metadata=_source("Barnets lov § 108 a: a youth plan for young people in care from 16"),
    )
    in_care_plan_months: int = attrs.field(
        default=3,
        validator=v.is_int(minimum=0),
        metadata=_source("Barnets lov § 108 a: the plan is made within 3 months"),
    )
    max_transition_gap_days: int = attrs.field(
        default=30,
        validator=v.is_int(minimum=0),
        metadata=_source("Municipal choice: nobody is lost between offers (Esbjerg, Lejre)"),
    )
    coordinator_required: CoordinatorRequired = attrs.field(
        default=CoordinatorRequired.WHOLE_CASE,
        validator=v.is_instance(CoordinatorRequired),
        metadata=_source("One contact person through the whole course (uvm.dk; Esbjerg, Lejre)"),
    )
    min_publishable_count: int = attrs.field(
        default=5,
        validator=v.is_int(minimum=1),
        metadata=_source("Statistical disclosure control: counts below 5 are suppressed"),
    )
    extra_closed_days: frozenset[_dt.date] = attrs.field(
        default=frozenset(),
        validator=v.is_frozenset_of(_dt.date),
        metadata=_source(
            "Municipal choice: days the administration is closed besides the public holidays"
            " (e.g. Grundlovsdag, 24 December)"
        ),
    )


DEFAULT_POLICY = Policy()
"""The defaults documented on each :class:`Policy` field."""
