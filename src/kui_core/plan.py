"""The education plan (uddannelsesplan) and its rules.

A plan (§ 2 c of the KUI law) names its participants — the young person first, at the head of
the table (Esbjerg strategy) — its goals (mål) and milestones (delmål), and the interventions
(indsatser) of the municipal units that support those goals. Plans are versioned: a new version
names the one it replaces in ``previous_id``. :func:`validate_plan` applies every ``plan.*`` rule
of the catalogue and explains each problem as a :class:`~kui_core.findings.Finding`.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from . import _validators as v
from .errors import DataError
from .findings import Finding
from .periods import Period

__all__ = [
    "EducationPlan",
    "Goal",
    "GoalKind",
    "GoalStatus",
    "Intervention",
    "Milestone",
    "MunicipalUnit",
    "Participant",
    "PlanReport",
    "Role",
]


class Role(enum.StrEnum):
    """A participant's role in making the plan."""

    YOUTH = "youth"
    PARENT = "parent"
    COORDINATOR = "coordinator"
    CASEWORKER = "caseworker"
    OTHER = "other"


class GoalKind(enum.StrEnum):
    """What a goal is about; a plan needs at least one EDUCATION or JOB goal (§ 2 c)."""

    EDUCATION = "education"
    JOB = "job"
    PERSONAL = "personal"
    HEALTH = "health"
    HOUSING = "housing"
    OTHER = "other"


class GoalStatus(enum.StrEnum):
    """Where a goal stands. Only OPEN goals can be overdue or be dropped silently."""

    OPEN = "open"
    ACHIEVED = "achieved"
    CLOSED = "closed"


@attrs.frozen
class MunicipalUnit:
    """A municipal unit or administration (forvaltning), e.g. ``MunicipalUnit("JOB", "Jobcenter")``.

    Interventions and coordinator assignments refer to a unit by its ``code``.
    """

    code: str = attrs.field(validator=v.is_str)
    name: str = attrs.field(validator=v.is_str)


@attrs.frozen
class Participant:
    """Someone taking part in the plan: the case system's ``person_id`` and their :class:`Role`."""

    person_id: str = attrs.field(validator=v.is_str)
    role: Role = attrs.field(validator=v.is_instance(Role))


@attrs.frozen
class Goal:
    """A goal (mål) of the plan with its target date and status."""

    id: str = attrs.field(validator=v.is_str)
    kind: GoalKind = attrs.field(validator=v.is_instance(GoalKind))
    description: str = attrs.field(validator=v.is_str)
    target_date: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    status: GoalStatus = attrs.field(default=GoalStatus.OPEN, validator=v.is_instance(GoalStatus))


@attrs.frozen
class Milestone:
    """A milestone (delmål) on the way to the goal ``goal_id``.

    ``due_on`` is when it should be reached, ``reached_on`` when it was (``None``: not yet).
    """

    id: str = attrs.field(validator=v.is_str)
    goal_id: str = attrs.field(validator=v.is_str)
    description: str = attrs.field(validator=v.is_str)
    due_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    reached_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)

    def reached_by(self, day: _dt.date) -> bool:
        """True where the milestone was reached on or before ``day``."""
        return self.reached_on is not None and self.reached_on <= day


@attrs.frozen
class Intervention:
    """An intervention (indsats) of one municipal unit, running over ``period``.

    ``unit`` is the unit's code; ``supports`` the ids of the plan's goals it works towards
    (Esbjerg: every intervention supports the education/job goal).
    """

    id: str = attrs.field(validator=v.is_str)
    unit: str = attrs.field(validator=v.is_str)
    description: str = attrs.field(validator=v.is_str)
    period: Period = attrs.field(validator=v.is_instance(Period))
    supports: frozenset[str] = attrs.field(validator=v.is_frozenset_of(str))


def _unique(path: str, what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            raise DataError(f"{path}[{index}]", f"duplicate {what} {item!r}")
        seen.add(item)


def _participants(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_tuple_of(Participant)(instance, attribute, value)
    seen: set[Participant] = set()
    for index, participant in enumerate(value):
        if participant in seen:
            raise DataError(f"EducationPlan.participants[{index}]", "duplicate participant")
        seen.add(participant)


def _goals(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_tuple_of(Goal)(instance, attribute, value)
    _unique("EducationPlan.goals", "goal id", (g.id for g in value))


def _interventions(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_tuple_of(Intervention)(instance, attribute, value)
    _unique("EducationPlan.interventions", "intervention id", (i.id for i in value))


def _follow_up(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_date(instance, attribute, value)
    if value is not None and value < instance.created_on:
        raise DataError(
            "EducationPlan.next_follow_up",
            f"must not be before created_on ({instance.created_on.isoformat()}),"
            f" got {value.isoformat()}",
        )


def _previous_id(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_str(instance, attribute, value)
    if value is not None and value == instance.id:
        raise DataError("EducationPlan.previous_id", "a plan cannot replace itself")


def _milestones(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_tuple_of(Milestone)(instance, attribute, value)
    _unique("EducationPlan.milestones", "milestone id", (m.id for m in value))
    goal_ids = {g.id for g in instance.goals}
    for index, milestone in enumerate(value):
        if milestone.goal_id not in goal_ids:
            raise DataError(
                f"EducationPlan.milestones[{index}].goal_id",
                f"no goal {milestone.goal_id!r} in the plan",
            )


@attrs.frozen
class EducationPlan:
    """One version of a young person's education plan (§ 2 c).

    ``next_follow_up`` is the next planned follow-up (not before ``created_on``);
    ``duty_description`` says how a 15–17-year-old meets the education duty (§ 2 a);
    ``previous_id`` names the version this one replaces. Goal, intervention and milestone ids are
    unique within the plan, and every milestone belongs to a goal of the plan.
    """

    id: str = attrs.field(validator=v.is_str)
    created_on: _dt.date = attrs.field(validator=v.is_date)
    participants: tuple[Participant, ...] = attrs.field(validator=_participants)
    goals: tuple[Goal, ...] = attrs.field(validator=_goals)
    interventions: tuple[Intervention, ...] = attrs.field(validator=_interventions)
    next_follow_up: _dt.date | None = attrs.field(default=None, validator=_follow_up)
    duty_description: str | None = attrs.field(default=None, validator=v.is_optional_str)
    previous_id: str | None = attrs.field(default=None, validator=_previous_id)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), validator=_milestones)

    def goal(self, goal_id: str) -> Goal | None:
        """The goal with id ``goal_id``, or ``None``."""
        return next((g for g in self.goals if g.id == goal_id), None)


@attrs.frozen
class PlanReport:
    """The answer of :func:`validate_plan`: ``valid`` where no finding is an ERROR."""

    valid: bool = attrs.field(validator=v.is_bool)
    findings: tuple[Finding, ...] = attrs.field(validator=v.is_tuple_of(Finding))

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)
