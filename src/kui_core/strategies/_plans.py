"""Hypothesis strategies for valid education plans and their parts (goals, interventions, ...).

Valid plans are built to pass every rule of :func:`~kui_core.validate_plan` on the reference
day ``on`` (constructive, no filtering). The ``draw_*`` builders here also serve the case
strategies (:mod:`._cases`) and the breakers (:mod:`._broken`), which start from a valid plan.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..dates import age_on, birthday
from ..periods import Period
from ..plan import (
    EducationPlan,
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    Milestone,
    MunicipalUnit,
    Participant,
    PlanReport,
    Role,
    validate_plan,
)
from ..policy import DEFAULT_POLICY, Policy
from ..youth import Youth
from ._core import person_ids, reference_days, youths
from ._draw import ONE_DAY, YEAR, draw_day, pick, shuffled

__all__ = [
    "CODE_ALPHABET",
    "EDU_OR_JOB",
    "GOAL_TEXTS",
    "INTERVENTION_TEXTS",
    "OTHER_ROLES",
    "UNIT_CODES",
    "PlanExample",
    "draw_example",
    "draw_on",
    "draw_plan",
    "draw_previous",
    "draw_target",
    "goals",
    "interventions",
    "milestones",
    "participants",
    "plan_examples",
    "plans",
    "register_type_strategies",
    "units",
]

UNITS: tuple[MunicipalUnit, ...] = (
    MunicipalUnit("UU", "Ungdommens Uddannelsesvejledning"),
    MunicipalUnit("JOB", "Jobcenter"),
    MunicipalUnit("BFA", "Børn og familie"),
    MunicipalUnit("FGU", "Forberedende grunduddannelse"),
    MunicipalUnit("PSY", "Psykiatri og handicap"),
    MunicipalUnit("SKOLE", "Skole og dagtilbud"),
)
UNIT_CODES = tuple(unit.code for unit in UNITS)
CODE_ALPHABET = string.ascii_uppercase + string.digits + "-_"
_TEXT_ALPHABET = string.ascii_letters + string.digits + " -.,æøåÆØÅ"
GOAL_TEXTS = {
    GoalKind.EDUCATION: ("Starte på EUD", "Gennemføre HF", "Optages på STX", "Fuldføre FGU"),
    GoalKind.JOB: ("Fritidsjob 10 timer", "Læreplads", "Fast job"),
    GoalKind.PERSONAL: ("Møde stabilt op", "Egen økonomi"),
    GoalKind.HEALTH: ("Stabil søvn", "Behandling for angst"),
    GoalKind.HOUSING: ("Egen bolig", "Bo på kollegium"),
    GoalKind.OTHER: ("Kørekort", "Netværk"),
}
INTERVENTION_TEXTS = ("Vejledning", "Mentor", "Praktik", "Brobygning", "Familiebehandling")
_DUTY_TEXTS = ("Går på FGU", "Fritidsjob og brobygning", "Uddannelsespligten opfyldes i 10. kl.")
OTHER_ROLES = (Role.PARENT, Role.COORDINATOR, Role.CASEWORKER, Role.OTHER)
EDU_OR_JOB = (GoalKind.EDUCATION, GoalKind.JOB)


def _text(min_size: int = 1) -> st.SearchStrategy[str]:
    return st.text(_TEXT_ALPHABET, min_size=min_size, max_size=30).filter(str.strip)


# -- small models -------------------------------------------------------------------------------


def units() -> st.SearchStrategy[MunicipalUnit]:
    """:class:`~kui_core.MunicipalUnit` values: common Danish units, or arbitrary codes."""
    return st.one_of(
        st.sampled_from(UNITS),
        st.builds(MunicipalUnit, st.text(CODE_ALPHABET, min_size=1, max_size=8), _text()),
    )


def participants() -> st.SearchStrategy[Participant]:
    """:class:`~kui_core.Participant` values in every :class:`~kui_core.Role`."""
    return st.builds(Participant, person_ids(), st.sampled_from(Role))


def draw_target(draw: st.DrawFn, status: GoalStatus, on: _dt.date) -> _dt.date:
    """A target date that is not overdue on ``on``: OPEN goals on ``on`` or later."""
    if status is GoalStatus.OPEN:
        return draw_day(draw, on, on + 3 * YEAR, near=(on, on + ONE_DAY))
    return draw_day(draw, on - 3 * YEAR, on + 3 * YEAR, near=(on - ONE_DAY, on))


def _draw_goal(
    draw: st.DrawFn,
    goal_id: str,
    on: _dt.date,
    kinds: Sequence[GoalKind] = tuple(GoalKind),
    statuses: Sequence[GoalStatus] = tuple(GoalStatus),
) -> Goal:
    kind = pick(draw, kinds)
    status = pick(draw, statuses)
    return Goal(goal_id, kind, pick(draw, GOAL_TEXTS[kind]), draw_target(draw, status, on), status)


def goals(on: _dt.date | None = None) -> st.SearchStrategy[Goal]:
    """:class:`~kui_core.Goal` values of every kind and status, some without a target date.

    With ``on``, target dates cluster on ``on`` and the day next to it (the day a goal becomes
    overdue).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Goal:
        day = on if on is not None else draw(reference_days())
        goal = _draw_goal(draw, draw(st.text(CODE_ALPHABET, min_size=1, max_size=6)), day)
        if draw(st.integers(0, 4)) == 0:
            return attrs.evolve(goal, target_date=None)
        if draw(st.booleans()):
            near = (day - ONE_DAY, day, day + ONE_DAY)
            return attrs.evolve(goal, target_date=pick(draw, near))
        return goal

    return build()


def milestones(goal_ids: Sequence[str] = ("g1",)) -> st.SearchStrategy[Milestone]:
    """:class:`~kui_core.Milestone` values on the way to one of ``goal_ids``."""
    if not goal_ids:
        raise InvalidArgument("goal_ids must not be empty")
    return st.composite(
        lambda draw: _draw_milestone(draw, "m1", goal_ids, draw(reference_days()))
    )()


def _draw_milestone(
    draw: st.DrawFn, milestone_id: str, goal_ids: Sequence[str], on: _dt.date
) -> Milestone:
    due = draw_day(draw, on - YEAR, on + YEAR) if draw(st.booleans()) else None
    reached = draw_day(draw, on - YEAR, on, near=(on,)) if draw(st.booleans()) else None
    return Milestone(milestone_id, pick(draw, goal_ids), pick(draw, _DUTY_TEXTS), due, reached)


def _draw_intervention_period(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Period:
    start = draw_day(draw, low, high)
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return Period(start)
    if choice == 1:
        return Period(start, start)  # planned but never run: counts for no day
    return Period(start, start + ONE_DAY * draw(st.integers(1, 3 * 365)))


def interventions(
    goal_ids: Sequence[str] = ("g1",), on: _dt.date | None = None
) -> st.SearchStrategy[Intervention]:
    """:class:`~kui_core.Intervention` values of the common units, each supporting a non-empty
    subset of ``goal_ids``; with ``on``, running around it."""
    if not goal_ids:
        raise InvalidArgument("goal_ids must not be empty")

    @st.composite
    def build(draw: st.DrawFn) -> Intervention:
        day = on if on is not None else draw(reference_days())
        supports = draw(st.frozensets(st.sampled_from(goal_ids), min_size=1))
        return Intervention(
            draw(st.text(CODE_ALPHABET, min_size=1, max_size=6)),
            pick(draw, UNIT_CODES),
            pick(draw, INTERVENTION_TEXTS),
            _draw_intervention_period(draw, day - YEAR, day + YEAR),
            supports,
        )

    return build()


# -- plans --------------------------------------------------------------------------------------


def draw_plan(
    draw: st.DrawFn,
    youth: Youth,
    on: _dt.date,
    policy: Policy,
    created: _dt.date,
    plan_id: str = "plan-1",
    previous_id: str | None = None,
) -> EducationPlan:
    """A plan made on ``created`` (not after ``on``) that passes every plan rule on ``on``."""
    main_kind = pick(draw, EDU_OR_JOB)
    main = _draw_goal(draw, "g1", on, kinds=(main_kind,), statuses=(GoalStatus.OPEN,))
    if draw(st.integers(0, 4)) == 0:
        main = attrs.evolve(main, status=GoalStatus.ACHIEVED)
    extra = [_draw_goal(draw, f"g{n}", on) for n in range(2, 2 + draw(st.integers(0, 3)))]
    all_goals = (main, *extra)
    goal_ids = [g.id for g in all_goals]

    age = age_on(youth.birth_date, on, policy.leap_day_rule)
    duty_age = policy.duty_min_age <= age <= policy.duty_max_age
    people = {Participant(youth.person_id, Role.YOUTH)}
    if duty_age:  # the parents take part (§ 2 a, stk. 3)
        people.add(Participant(draw(person_ids()), Role.PARENT))
    for _ in range(draw(st.integers(0, 3))):
        people.add(Participant(draw(person_ids()), pick(draw, OTHER_ROLES)))
    ordered = shuffled(draw, sorted(people, key=lambda p: (p.person_id, p.role)))

    jobs: list[Intervention] = []
    for n in range(1, 1 + draw(st.integers(1, 4))):
        supports = {"g1"} | {goal for goal in goal_ids if draw(st.integers(0, 2)) == 0}
        jobs.append(
            Intervention(
                f"i{n}",
                pick(draw, UNIT_CODES),
                pick(draw, INTERVENTION_TEXTS),
                _draw_intervention_period(draw, created - YEAR, on + YEAR),
                frozenset(supports),
            )
        )

    interval = policy.follow_up_max_interval_days * ONE_DAY
    last: _dt.date | None = None
    if on - created > interval:
        last = draw_day(draw, on - interval, on, near=(on - interval, on))
    elif draw(st.booleans()):
        last = draw_day(draw, created, on)
    anchor = created if last is None else last
    next_follow_up = draw_day(draw, on, anchor + interval, near=(on, anchor + interval))

    duty: str | None = pick(draw, _DUTY_TEXTS)
    if not duty_age and draw(st.booleans()):
        duty = None

    steps = tuple(
        _draw_milestone(draw, f"m{n}", goal_ids, on) for n in range(1, 1 + draw(st.integers(0, 2)))
    )
    return EducationPlan(
        id=plan_id,
        created_on=created,
        participants=tuple(ordered),
        goals=all_goals,
        interventions=tuple(jobs),
        next_follow_up=next_follow_up,
        duty_description=duty,
        previous_id=previous_id,
        milestones=steps,
        last_follow_up=last,
    )


def draw_previous(
    draw: st.DrawFn,
    plan: EducationPlan,
    created: _dt.date,
    plan_id: str,
    previous_id: str | None,
    dropped_status: Sequence[GoalStatus] = (GoalStatus.ACHIEVED, GoalStatus.CLOSED),
) -> EducationPlan:
    """An earlier version of ``plan``: its goals still open, perhaps one goal since dropped.

    A dropped goal gets one of ``dropped_status``: achieved or closed keeps ``plan`` clean;
    OPEN makes it break ``plan.goal_dropped``.
    """
    old_goals = [
        attrs.evolve(g, status=GoalStatus.OPEN) if draw(st.booleans()) else g for g in plan.goals
    ]
    if draw(st.booleans()) or GoalStatus.OPEN in dropped_status:
        kind = pick(draw, tuple(GoalKind))
        old_goals.append(
            Goal(
                f"g-old-{plan_id}",
                kind,
                pick(draw, GOAL_TEXTS[kind]),
                draw_day(draw, created - YEAR, created + 2 * YEAR),
                pick(draw, dropped_status),
            )
        )
    kept = tuple(i for i in plan.interventions if draw(st.booleans()))
    return attrs.evolve(
        plan,
        id=plan_id,
        created_on=created,
        goals=tuple(old_goals),
        interventions=kept,
        next_follow_up=draw_day(draw, created, plan.created_on),
        last_follow_up=None,
        previous_id=previous_id,
    )


class PlanExample(NamedTuple):
    """A plan with everything :func:`~kui_core.validate_plan` needs to judge it."""

    plan: EducationPlan
    youth: Youth
    on: _dt.date
    policy: Policy = DEFAULT_POLICY
    previous: EducationPlan | None = None

    def validate(self) -> PlanReport:
        """``validate_plan(plan, youth, on, policy, previous)``."""
        return validate_plan(self.plan, self.youth, self.on, self.policy, self.previous)


def draw_on(draw: st.DrawFn, on: _dt.date | None) -> _dt.date:
    return on if on is not None else draw(reference_days())


def draw_example(
    draw: st.DrawFn,
    on: _dt.date,
    policy: Policy,
    youth: Youth | None = None,
    *,
    with_previous: bool | None = None,
    dropped_status: Sequence[GoalStatus] = (GoalStatus.ACHIEVED, GoalStatus.CLOSED),
) -> PlanExample:
    if youth is None:
        youth = draw(youths(on, policy=policy))
    low = on - 3 * YEAR
    created = draw_day(draw, low, on, near=(on,))
    if with_previous is None:
        with_previous = draw(st.booleans())
    plan = draw_plan(draw, youth, on, policy, created, "plan-2" if with_previous else "plan-1")
    if not with_previous:
        return PlanExample(plan, youth, on, policy)
    earlier = draw_day(draw, low, created)
    previous = draw_previous(draw, plan, earlier, "plan-1", None, dropped_status)
    return PlanExample(attrs.evolve(plan, previous_id="plan-1"), youth, on, policy, previous)


def plans(
    youth: Youth | None = None, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[EducationPlan]:
    """Education plans for ``youth`` that ``validate_plan(plan, youth, on, policy)`` finds clean.

    No finding at all: the young person participates, an education or job goal, every goal
    dated and none overdue, every intervention supporting the education/job goal (so the units
    share it), a follow-up due on or after ``on`` within the policy's interval (counted from
    ``last_follow_up`` where the plan is old), and for 15–17-year-olds a duty description and a
    parent (``Role.PARENT``) taking part. Without ``youth``/``on``
    both are drawn, and the plan is clean for them (use :func:`plan_examples` to get them too).
    """

    @st.composite
    def build(draw: st.DrawFn) -> EducationPlan:
        day = on
        if day is None:
            day = draw(reference_days()) if youth is None else _day_in_life(draw, youth)
        return draw_example(draw, day, policy, youth, with_previous=False).plan

    return build()


def _day_in_life(draw: st.DrawFn, youth: Youth) -> _dt.date:
    """A reference day at which ``youth`` is 13 to 27 years old."""
    return draw(st.dates(birthday(youth.birth_date, 13), birthday(youth.birth_date, 27)))


def plan_examples(
    on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[PlanExample]:
    """Clean :class:`PlanExample` values: ``example.validate()`` has no finding.

    Half of them carry the previous version (with its goals still open, or one since achieved
    or closed and dropped).
    """
    return st.composite(lambda draw: draw_example(draw, draw_on(draw, on), policy))()


# -- registration for st.from_type -----------------------------------------------------------

_TYPE_STRATEGIES: tuple[tuple[type[Any], Callable[[], st.SearchStrategy[Any]]], ...] = (
    (MunicipalUnit, units),
    (Participant, participants),
    (Goal, goals),
    (Milestone, milestones),
    (Intervention, interventions),
    (EducationPlan, plans),
)


def register_type_strategies() -> None:
    """Register the plan strategies for ``st.from_type`` (idempotent)."""
    for cls, factory in _TYPE_STRATEGIES:
        st.register_type_strategy(cls, st.deferred(factory))
