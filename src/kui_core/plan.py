"""The education plan (uddannelsesplan) and its rules.

A plan (§ 2 c of the KUI law) names its participants — the young person at the head of the
table (Esbjerg strategy), and for a 15–17-year-old the parents (§ 2 a, stk. 3) — its goals (mål)
and milestones (delmål), and the interventions
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

from . import validators as v
from .audit import AuditStamp, audit_stamp
from .dates import age_on, days_after
from .errors import DataError
from .findings import Finding, all_valid, by_severity, errors_of, found
from .periods import ONE_DAY, Period
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .youth import Youth

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
    "validate_plan",
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

    code: str = attrs.field(validator=v.is_nonempty_str)
    """The short code by which interventions and coordinators name the unit, e.g. "JOB"."""
    name: str = attrs.field(validator=v.is_nonempty_str)
    """The unit's name as people read it, e.g. "Jobcenter"; non-empty."""


@attrs.frozen
class Participant:
    """Someone taking part in the plan: the case system's ``person_id`` and their :class:`Role`."""

    person_id: str = attrs.field(validator=v.is_nonempty_str)
    """The case system's identifier of the person (for the young person: `Youth.person_id`)."""
    role: Role = attrs.field(validator=v.is_instance(Role))
    """The participant's :class:`Role`: the young person, a parent, the coordinator, ..."""


@attrs.frozen
class Goal:
    """A goal (mål) of the plan with its target date and status."""

    id: str = attrs.field(validator=v.is_nonempty_str)
    """The goal's identifier, unique within the plan; milestones and interventions refer to it."""
    kind: GoalKind = attrs.field(validator=v.is_instance(GoalKind))
    """What the goal is about (:class:`GoalKind`); a plan needs an EDUCATION or JOB goal (§ 2 c)."""
    description: str = attrs.field(validator=v.is_nonempty_str)
    """The goal (mål) in words; non-empty."""
    target_date: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day the goal should be reached (an OPEN goal is overdue after it); `None`: not set."""
    status: GoalStatus = attrs.field(default=GoalStatus.OPEN, validator=v.is_instance(GoalStatus))
    """Where the goal stands (:class:`GoalStatus`); only OPEN goals can be overdue or dropped."""


@attrs.frozen
class Milestone:
    """A milestone (delmål) on the way to the goal ``goal_id``.

    ``due_on`` is when it should be reached, ``reached_on`` when it was (``None``: not yet).
    """

    id: str = attrs.field(validator=v.is_nonempty_str)
    """The milestone's identifier, unique within the plan."""
    goal_id: str = attrs.field(validator=v.is_nonempty_str)
    """The id of the plan's goal (:attr:`Goal.id`) this milestone leads to."""
    description: str = attrs.field(validator=v.is_nonempty_str)
    """The milestone (delmål) in words; non-empty."""
    due_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day the milestone should be reached; `None`: no date set."""
    reached_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day the milestone was reached; `None`: not yet."""

    def reached_by(self, day: _dt.date) -> bool:
        """True where the milestone was reached on or before ``day``."""
        return self.reached_on is not None and self.reached_on <= day


@attrs.frozen
class Intervention:
    """An intervention (indsats) of one municipal unit, running over ``period``.

    ``unit`` is the unit's code; ``supports`` the ids of the plan's goals it works towards
    (Esbjerg: every intervention supports the education/job goal).
    """

    id: str = attrs.field(validator=v.is_nonempty_str)
    """The intervention's identifier, unique within the plan."""
    unit: str = attrs.field(validator=v.is_nonempty_str)
    """The code of the municipal unit that gives it (:attr:`MunicipalUnit.code`)."""
    description: str = attrs.field(validator=v.is_nonempty_str)
    """The intervention (indsats) in words; non-empty."""
    period: Period = attrs.field(validator=v.is_instance(Period))
    """The days it runs (half-open: `end` is the first day after; `None`: no end planned)."""
    supports: frozenset[str] = attrs.field(validator=v.is_frozenset_of(str))
    """Ids of the goals it works towards; none of the plan's: `plan.intervention_without_goal`."""


def _unique(path: str, what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            raise DataError(f"{path}[{index}]", f"duplicate {what} {item!r}")
        seen.add(item)


_is_tuple_of_participant = v.is_tuple_of(Participant)


def _participants(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_participant(instance, attribute, value)
    seen: set[Participant] = set()
    for index, participant in enumerate(value):
        if participant in seen:
            raise DataError(f"EducationPlan.participants[{index}]", "duplicate participant")
        seen.add(participant)


_is_tuple_of_goal = v.is_tuple_of(Goal)


def _goals(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_goal(instance, attribute, value)
    _unique("EducationPlan.goals", "goal id", (g.id for g in value))


_is_tuple_of_intervention = v.is_tuple_of(Intervention)


def _interventions(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_intervention(instance, attribute, value)
    _unique("EducationPlan.interventions", "intervention id", (i.id for i in value))


def _previous_id(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_nonempty_str(instance, attribute, value)
    if value is not None and value == instance.id:
        raise DataError("EducationPlan.previous_id", "a plan cannot replace itself")


_is_tuple_of_milestone = v.is_tuple_of(Milestone)


def _milestones(instance: EducationPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_milestone(instance, attribute, value)
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
    ``last_follow_up`` the day of the latest follow-up that left the plan unchanged (``None``:
    none since it was made), from which the maximum follow-up interval then counts;
    ``duty_description`` says how a 15–17-year-old meets the education duty (§ 2 a);
    ``previous_id`` names the version this one replaces. Goal, intervention and milestone ids are
    unique within the plan, and every milestone belongs to a goal of the plan.
    """

    id: str = attrs.field(validator=v.is_nonempty_str)
    """This version's identifier, unique in the case; a newer version names it in `previous_id`."""
    created_on: _dt.date = attrs.field(validator=v.is_date)
    """The day this version was made, from which follow-ups count (until a `last_follow_up`)."""
    participants: tuple[Participant, ...] = attrs.field(validator=_participants)
    """Who takes part in making the plan (:class:`Participant`), without duplicates."""
    goals: tuple[Goal, ...] = attrs.field(validator=_goals)
    """The goals (mål, :class:`Goal`), ids unique; an EDUCATION or JOB goal is expected (§ 2 c)."""
    interventions: tuple[Intervention, ...] = attrs.field(validator=_interventions)
    """The interventions (indsatser, :class:`Intervention`) of the municipal units, ids unique."""
    next_follow_up: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("created_on")
    )
    """The next planned follow-up, not before `created_on`; `None`: `plan.follow_up_missing`."""
    duty_description: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """How a 15–17-year-old meets the education duty (§ 2 a); `None`: not described."""
    previous_id: str | None = attrs.field(default=None, validator=_previous_id)
    """The `id` of the version this one replaces (never its own); `None`: the first version."""
    milestones: tuple[Milestone, ...] = attrs.field(default=(), validator=_milestones)
    """The milestones (delmål, :class:`Milestone`), ids unique, each toward a goal of the plan."""
    last_follow_up: _dt.date | None = attrs.field(
        default=None, validator=v.optional_date_not_before("created_on")
    )
    """The latest follow-up that left the plan unchanged; `None`: none since it was made.

    The maximum follow-up interval then counts from it instead of from `created_on`.
    """

    @property
    def follow_up_anchor(self) -> _dt.date:
        """The day the follow-up interval counts from: the last follow-up, else ``created_on``."""
        return self.last_follow_up if self.last_follow_up is not None else self.created_on

    def goal(self, goal_id: str) -> Goal | None:
        """The goal with id ``goal_id``, or ``None``."""
        return next((g for g in self.goals if g.id == goal_id), None)


@attrs.frozen
class PlanReport:
    """The answer of :func:`validate_plan`: its findings, ERROR first.

    ``valid`` is derived from the findings, as for :class:`~kui_core.CaseReport`: true where
    none is an ERROR under the policy the plan was judged by.
    """

    findings: tuple[Finding, ...] = attrs.field(validator=v.is_tuple_of(Finding))
    """The findings (:class:`Finding`), sorted by severity (ERROR first), then code."""
    stamp: AuditStamp | None = attrs.field(
        default=None, validator=v.is_optional_instance(AuditStamp)
    )
    """Which rules and policy produced the report (:mod:`kui_core.audit`)."""

    @property
    def valid(self) -> bool:
        """True where no finding is an ERROR."""
        return all_valid(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The ERROR findings."""
        return errors_of(self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)


def validate_plan(
    plan: EducationPlan,
    youth: Youth,
    on: _dt.date,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    previous: EducationPlan | None = None,
    *,
    exempted: bool = False,
) -> PlanReport:
    """Apply the rules of the education plan to ``plan`` for ``youth`` on ``on``.

    ``previous`` is the version ``plan`` replaces (its ``id`` must equal ``plan.previous_id``);
    without it ``plan.goal_dropped`` cannot be judged and is skipped. ``exempted`` says the young
    person is exempted from the education duty on ``on`` (KUI law § 2 a, stk. 2): then neither
    ``plan.duty_description_missing`` nor ``plan.parent_not_involved`` applies. The rules of
    barnets lov (the ungeplan) are not rules of this plan: see :func:`~kui_core.check_in_care`.
    Findings come sorted by severity, then code; ``valid`` is false where any is an ERROR.
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    if not isinstance(exempted, bool):
        raise DataError("exempted", f"expected a bool, got {type(exempted).__name__}")
    if previous is not None and previous.id != plan.previous_id:
        raise DataError(
            "previous.id",
            f"must be the plan's previous_id ({plan.previous_id!r}), got {previous.id!r}",
        )

    findings = [
        *_participation(plan, youth, on, policy),
        *_goals_findings(plan, on, policy),
        *_intervention_findings(plan, on, policy),
        *_follow_up_findings(plan, on, policy),
        *([] if exempted else _duty_findings(plan, youth, on, policy)),
        *_dropped_findings(plan, previous, on, policy),
    ]
    findings.sort(key=by_severity)
    return PlanReport(findings=tuple(findings), stamp=audit_stamp(policy))


def _participation(
    plan: EducationPlan, youth: Youth, on: _dt.date, policy: Policy
) -> list[Finding]:
    """The young person sits at the head of the table (Esbjerg strategy)."""
    if Participant(youth.person_id, Role.YOUTH) in plan.participants:
        return []
    return found("plan.youth_not_participating", policy, on=on)


def _goals_findings(plan: EducationPlan, on: _dt.date, policy: Policy) -> list[Finding]:
    """An education or job goal (§ 2 c); clear goals with dates; open goals not overdue."""
    findings: list[Finding] = []
    if not any(g.kind in (GoalKind.EDUCATION, GoalKind.JOB) for g in plan.goals):
        findings += found("plan.no_education_or_job_goal", policy, on=on)
    for goal in plan.goals:
        if goal.target_date is None:
            findings += found("plan.goal_without_target_date", policy, on=on, subject=goal.id)
        elif goal.status is GoalStatus.OPEN and goal.target_date < on:
            # Overdue from the day after the target date; the period is the days overdue so far.
            # On 31 December 9999 no day follows: the period is then open-ended.
            overdue = Period(goal.target_date + ONE_DAY, _day_after(on))
            findings += found("plan.goal_overdue", policy, on=on, subject=goal.id, period=overdue)
    return findings


def _intervention_findings(plan: EducationPlan, on: _dt.date, policy: Policy) -> list[Finding]:
    """Every intervention supports a goal of the plan; the units share a goal (Esbjerg).

    The shared-goal rule looks at the interventions still running or planned on ``on``
    (not ended, not empty): where they come from two or more units, some goal of the plan must
    be supported by at least one intervention of every one of those units.
    """
    findings: list[Finding] = []
    goal_ids = {g.id for g in plan.goals}
    for intervention in plan.interventions:
        if not intervention.supports & goal_ids:
            findings += found(
                "plan.intervention_without_goal", policy, on=on, subject=intervention.id
            )
    supported_by_unit: dict[str, set[str]] = {}
    for intervention in plan.interventions:
        period = intervention.period
        if period.empty or (period.end is not None and period.end <= on):
            continue
        supported_by_unit.setdefault(intervention.unit, set()).update(
            intervention.supports & goal_ids
        )
    if len(supported_by_unit) >= 2 and not set.intersection(*supported_by_unit.values()):
        units = ", ".join(sorted(supported_by_unit))
        findings += found("plan.no_shared_goal", policy, on=on, subject=units)
    return findings


def _day_after(day: _dt.date) -> _dt.date | None:
    """The day after ``day`` as a half-open end; ``None`` (open-ended) after 31 December 9999."""
    return None if day == _dt.date.max else day + ONE_DAY


def _follow_up_findings(plan: EducationPlan, on: _dt.date, policy: Policy) -> list[Finding]:
    """A next follow-up date, not passed, within ``policy.follow_up_max_interval_days``.

    Due on the day itself: overdue from the day after. A date further than the maximum interval
    after the plan's :attr:`~EducationPlan.follow_up_anchor` (its last follow-up, else
    ``created_on``) is reported at once (period: the allowed window), so the plan can be
    corrected when it is made rather than when the interval runs out.
    """
    follow_up = plan.next_follow_up
    if follow_up is None:
        return found("plan.follow_up_missing", policy, on=on)
    anchor = plan.follow_up_anchor
    latest = days_after(anchor, policy.follow_up_max_interval_days)
    if follow_up > latest:
        window = Period(anchor, latest + ONE_DAY)
        return found(
            "plan.follow_up_overdue", policy, on=on, subject=follow_up.isoformat(), period=window
        )
    if follow_up < on:
        return found("plan.follow_up_overdue", policy, on=on, subject=follow_up.isoformat())
    return []


def _duty_findings(
    plan: EducationPlan, youth: Youth, on: _dt.date, policy: Policy
) -> list[Finding]:
    """Aged 15–17: the plan describes how the education duty is met (§ 2 a, stk. 1), and the
    parents take part (§ 2 a, stk. 3: "løbende inddrages")."""
    age = age_on(youth.birth_date, on, policy.leap_day_rule)
    if not policy.duty_min_age <= age <= policy.duty_max_age:
        return []
    findings: list[Finding] = []
    if plan.duty_description is None:
        findings += found("plan.duty_description_missing", policy, on=on, subject=f"{age}")
    if not any(p.role is Role.PARENT for p in plan.participants):
        findings += found("plan.parent_not_involved", policy, on=on, subject=f"{age}")
    return findings


def _dropped_findings(
    plan: EducationPlan, previous: EducationPlan | None, on: _dt.date, policy: Policy
) -> list[Finding]:
    """Every open goal of the previous version is still in the plan (or was closed first)."""
    if previous is None:
        return []
    kept = {g.id for g in plan.goals}
    return [
        dropped
        for goal in previous.goals
        if goal.status is GoalStatus.OPEN and goal.id not in kept
        for dropped in found("plan.goal_dropped", policy, on=on, subject=goal.id)
    ]
