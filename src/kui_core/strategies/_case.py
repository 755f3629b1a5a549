"""Hypothesis strategies for plans and cases: valid ones, and broken ones that break one rule.

Valid plans and cases are built to pass every rule on the reference day ``on`` (constructive,
no filtering). The ``broken_*`` strategies start from a valid example and break exactly one
named rule, so a case system can test its own handling of each finding.

The rules these strategies are built against: :func:`~kui_core.validate_plan`,
:func:`~kui_core.check_coordination`, :func:`~kui_core.check_transitions`,
:func:`~kui_core.check_duty` — together :func:`~kui_core.review_case`.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..case import CoordinatorAssignment, DutyLapse, Placement, YouthCase
from ..dates import age_on, birthday, working_days_after
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
    _in_care_window,
    validate_plan,
)
from ..policy import DEFAULT_POLICY, Policy
from ..youth import Youth
from ._core import person_ids, reference_days, youths

__all__ = [
    "BROKEN_CASE_CODES",
    "BROKEN_PLAN_CODES",
    "PlanExample",
    "broken_cases",
    "broken_plans",
    "cases",
    "coordinator_assignments",
    "duty_lapses",
    "goals",
    "interventions",
    "milestones",
    "participants",
    "placements",
    "plan_examples",
    "plans",
    "units",
]

T = TypeVar("T")
_ONE_DAY = _dt.timedelta(days=1)
_YEAR = 365 * _ONE_DAY

UNITS: tuple[MunicipalUnit, ...] = (
    MunicipalUnit("UU", "Ungdommens Uddannelsesvejledning"),
    MunicipalUnit("JOB", "Jobcenter"),
    MunicipalUnit("BFA", "Børn og familie"),
    MunicipalUnit("FGU", "Forberedende grunduddannelse"),
    MunicipalUnit("PSY", "Psykiatri og handicap"),
    MunicipalUnit("SKOLE", "Skole og dagtilbud"),
)
_UNIT_CODES = tuple(unit.code for unit in UNITS)
_CODE_ALPHABET = string.ascii_uppercase + string.digits + "-_"
_TEXT_ALPHABET = string.ascii_letters + string.digits + " -.,æøåÆØÅ"
_GOAL_TEXTS = {
    GoalKind.EDUCATION: ("Starte på EUD", "Gennemføre HF", "Optages på STX", "Fuldføre FGU"),
    GoalKind.JOB: ("Fritidsjob 10 timer", "Læreplads", "Fast job"),
    GoalKind.PERSONAL: ("Møde stabilt op", "Egen økonomi"),
    GoalKind.HEALTH: ("Stabil søvn", "Behandling for angst"),
    GoalKind.HOUSING: ("Egen bolig", "Bo på kollegium"),
    GoalKind.OTHER: ("Kørekort", "Netværk"),
}
_INTERVENTION_TEXTS = ("Vejledning", "Mentor", "Praktik", "Brobygning", "Familiebehandling")
_PLACEMENT_TEXTS = ("FGU basis", "EUD grundforløb", "10. klasse", "Praktikforløb", "Job")
_DUTY_TEXTS = ("Går på FGU", "Fritidsjob og brobygning", "Uddannelsespligten opfyldes i 10. kl.")
_OTHER_ROLES = (Role.PARENT, Role.COORDINATOR, Role.CASEWORKER, Role.OTHER)
_EDU_OR_JOB = (GoalKind.EDUCATION, GoalKind.JOB)
_NOT_EDU_OR_JOB = tuple(k for k in GoalKind if k not in _EDU_OR_JOB)


# Drawing an index or a day offset as an integer is much cheaper than building a new
# sampled_from/dates strategy for every draw, and shrinks the same way (towards the first item,
# towards the earliest day).


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    return items[draw(st.integers(0, len(items) - 1))]


def _shuffled(draw: st.DrawFn, items: Sequence[T]) -> list[T]:
    """``items`` in an order drawn by Hypothesis (shrinks towards the given order)."""
    rest = list(items)
    return [rest.pop(_pick_index(draw, len(rest))) for _ in range(len(rest))]


def _pick_index(draw: st.DrawFn, size: int) -> int:
    return int(draw(st.integers(0, size - 1)))


def _day(draw: st.DrawFn, low: _dt.date, high: _dt.date, near: Sequence[_dt.date] = ()) -> _dt.date:
    """A day in ``[low, high]``, often one of ``near`` (the days where rules turn)."""
    close = [day for day in near if low <= day <= high]
    if close and bool(draw(st.booleans())):
        return _pick(draw, close)
    return low + _ONE_DAY * draw(st.integers(0, (high - low).days))


def _running(period: Period, on: _dt.date) -> bool:
    """Not empty and not ended by ``on``: running on ``on`` or planned after it."""
    return not period.empty and (period.end is None or period.end > on)


def _text(min_size: int = 1) -> st.SearchStrategy[str]:
    return st.text(_TEXT_ALPHABET, min_size=min_size, max_size=30).filter(str.strip)


# -- small models -------------------------------------------------------------------------------


def units() -> st.SearchStrategy[MunicipalUnit]:
    """:class:`~kui_core.MunicipalUnit` values: common Danish units, or arbitrary codes."""
    return st.one_of(
        st.sampled_from(UNITS),
        st.builds(MunicipalUnit, st.text(_CODE_ALPHABET, min_size=1, max_size=8), _text()),
    )


def participants() -> st.SearchStrategy[Participant]:
    """:class:`~kui_core.Participant` values in every :class:`~kui_core.Role`."""
    return st.builds(Participant, person_ids(), st.sampled_from(Role))


def _target(draw: st.DrawFn, status: GoalStatus, on: _dt.date) -> _dt.date:
    """A target date that is not overdue on ``on``: OPEN goals on ``on`` or later."""
    if status is GoalStatus.OPEN:
        return _day(draw, on, on + 3 * _YEAR, near=(on, on + _ONE_DAY))
    return _day(draw, on - 3 * _YEAR, on + 3 * _YEAR, near=(on - _ONE_DAY, on))


def _draw_goal(
    draw: st.DrawFn,
    goal_id: str,
    on: _dt.date,
    kinds: Sequence[GoalKind] = tuple(GoalKind),
    statuses: Sequence[GoalStatus] = tuple(GoalStatus),
) -> Goal:
    kind = _pick(draw, kinds)
    status = _pick(draw, statuses)
    return Goal(goal_id, kind, _pick(draw, _GOAL_TEXTS[kind]), _target(draw, status, on), status)


def goals(on: _dt.date | None = None) -> st.SearchStrategy[Goal]:
    """:class:`~kui_core.Goal` values of every kind and status, some without a target date.

    With ``on``, target dates cluster on ``on`` and the day next to it (the day a goal becomes
    overdue).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Goal:
        day = on if on is not None else draw(reference_days())
        goal = _draw_goal(draw, draw(st.text(_CODE_ALPHABET, min_size=1, max_size=6)), day)
        if draw(st.integers(0, 4)) == 0:
            return attrs.evolve(goal, target_date=None)
        if draw(st.booleans()):
            near = (day - _ONE_DAY, day, day + _ONE_DAY)
            return attrs.evolve(goal, target_date=_pick(draw, near))
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
    due = _day(draw, on - _YEAR, on + _YEAR) if draw(st.booleans()) else None
    reached = _day(draw, on - _YEAR, on, near=(on,)) if draw(st.booleans()) else None
    return Milestone(milestone_id, _pick(draw, goal_ids), _pick(draw, _DUTY_TEXTS), due, reached)


def _draw_intervention_period(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Period:
    start = _day(draw, low, high)
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return Period(start)
    if choice == 1:
        return Period(start, start)  # planned but never run: counts for no day
    return Period(start, start + _ONE_DAY * draw(st.integers(1, 3 * 365)))


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
            draw(st.text(_CODE_ALPHABET, min_size=1, max_size=6)),
            _pick(draw, _UNIT_CODES),
            _pick(draw, _INTERVENTION_TEXTS),
            _draw_intervention_period(draw, day - _YEAR, day + _YEAR),
            supports,
        )

    return build()


def coordinator_assignments() -> st.SearchStrategy[CoordinatorAssignment]:
    """:class:`~kui_core.CoordinatorAssignment` values (any period, open-ended or empty too)."""

    @st.composite
    def build(draw: st.DrawFn) -> CoordinatorAssignment:
        start = draw(reference_days())
        end = draw(st.none() | st.integers(0, 1000).map(lambda n: start + n * _ONE_DAY))
        return CoordinatorAssignment(
            draw(person_ids()), _pick(draw, _UNIT_CODES), Period(start, end)
        )

    return build()


def placements() -> st.SearchStrategy[Placement]:
    """:class:`~kui_core.Placement` values (any period, open-ended or empty too)."""

    @st.composite
    def build(draw: st.DrawFn) -> Placement:
        start = draw(reference_days())
        end = draw(st.none() | st.integers(0, 1000).map(lambda n: start + n * _ONE_DAY))
        return Placement(
            draw(st.text(_CODE_ALPHABET, min_size=1, max_size=6)),
            _pick(draw, _PLACEMENT_TEXTS),
            Period(start, end),
        )

    return build()


def duty_lapses() -> st.SearchStrategy[DutyLapse]:
    """:class:`~kui_core.DutyLapse` values: contact and new activity recorded or not, on the
    day noticed, within the deadlines or after them."""

    @st.composite
    def build(draw: st.DrawFn) -> DutyLapse:
        noticed = draw(reference_days())
        later = st.none() | st.integers(0, 60).map(lambda n: noticed + n * _ONE_DAY)
        return DutyLapse(noticed, draw(later), draw(later))

    return build()


# -- plans --------------------------------------------------------------------------------------


def _draw_plan(
    draw: st.DrawFn,
    youth: Youth,
    on: _dt.date,
    policy: Policy,
    created: _dt.date,
    plan_id: str = "plan-1",
    previous_id: str | None = None,
) -> EducationPlan:
    """A plan made on ``created`` (not after ``on``) that passes every plan rule on ``on``."""
    main_kind = _pick(draw, _EDU_OR_JOB)
    main = _draw_goal(draw, "g1", on, kinds=(main_kind,), statuses=(GoalStatus.OPEN,))
    if draw(st.integers(0, 4)) == 0:
        main = attrs.evolve(main, status=GoalStatus.ACHIEVED)
    extra = [_draw_goal(draw, f"g{n}", on) for n in range(2, 2 + draw(st.integers(0, 3)))]
    all_goals = (main, *extra)
    goal_ids = [g.id for g in all_goals]

    people = {Participant(youth.person_id, Role.YOUTH)}
    for _ in range(draw(st.integers(0, 3))):
        people.add(Participant(draw(person_ids()), _pick(draw, _OTHER_ROLES)))
    ordered = _shuffled(draw, sorted(people, key=lambda p: (p.person_id, p.role)))

    jobs: list[Intervention] = []
    for n in range(1, 1 + draw(st.integers(1, 4))):
        supports = {"g1"} | {goal for goal in goal_ids if draw(st.integers(0, 2)) == 0}
        jobs.append(
            Intervention(
                f"i{n}",
                _pick(draw, _UNIT_CODES),
                _pick(draw, _INTERVENTION_TEXTS),
                _draw_intervention_period(draw, created - _YEAR, on + _YEAR),
                frozenset(supports),
            )
        )

    interval = policy.follow_up_max_interval_days * _ONE_DAY
    last: _dt.date | None = None
    if on - created > interval:
        last = _day(draw, on - interval, on, near=(on - interval, on))
    elif draw(st.booleans()):
        last = _day(draw, created, on)
    anchor = created if last is None else last
    next_follow_up = _day(draw, on, anchor + interval, near=(on, anchor + interval))

    age = age_on(youth.birth_date, on, policy)
    duty: str | None = _pick(draw, _DUTY_TEXTS)
    if not policy.duty_min_age <= age <= policy.duty_max_age and draw(st.booleans()):
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


def _draw_previous(
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
        kind = _pick(draw, tuple(GoalKind))
        old_goals.append(
            Goal(
                f"g-old-{plan_id}",
                kind,
                _pick(draw, _GOAL_TEXTS[kind]),
                _day(draw, created - _YEAR, created + 2 * _YEAR),
                _pick(draw, dropped_status),
            )
        )
    kept = tuple(i for i in plan.interventions if draw(st.booleans()))
    return attrs.evolve(
        plan,
        id=plan_id,
        created_on=created,
        goals=tuple(old_goals),
        interventions=kept,
        next_follow_up=_day(draw, created, plan.created_on),
        last_follow_up=None,
        previous_id=previous_id,
    )


def _first_plan_limit(youth: Youth, on: _dt.date, policy: Policy) -> _dt.date:
    """The latest day the first plan may be made for it to be in time on ``on`` (§ 108)."""
    window = _in_care_window(youth, policy)
    if window is not None and window[1] < on:
        return window[1]
    return on


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


def _draw_on(draw: st.DrawFn, on: _dt.date | None) -> _dt.date:
    return on if on is not None else draw(reference_days())


def _draw_example(
    draw: st.DrawFn,
    on: _dt.date,
    policy: Policy,
    youth: Youth | None = None,
    *,
    created_after: _dt.date | None = None,
    with_previous: bool | None = None,
    dropped_status: Sequence[GoalStatus] = (GoalStatus.ACHIEVED, GoalStatus.CLOSED),
) -> PlanExample:
    if youth is None:
        youth = draw(youths(on, policy=policy))
    high = on if created_after is not None else _first_plan_limit(youth, on, policy)
    low = created_after + _ONE_DAY if created_after is not None else high - 3 * _YEAR
    created = _day(draw, low, high, near=(high, on))
    if with_previous is None:
        with_previous = draw(st.booleans())
    plan = _draw_plan(draw, youth, on, policy, created, "plan-2" if with_previous else "plan-1")
    if not with_previous:
        return PlanExample(plan, youth, on, policy)
    earlier = _day(draw, low, created)
    previous = _draw_previous(draw, plan, earlier, "plan-1", None, dropped_status)
    return PlanExample(attrs.evolve(plan, previous_id="plan-1"), youth, on, policy, previous)


def plans(
    youth: Youth | None = None, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[EducationPlan]:
    """Education plans for ``youth`` that ``validate_plan(plan, youth, on, policy)`` finds clean.

    No finding at all: the young person participates, an education or job goal, every goal
    dated and none overdue, every intervention supporting the education/job goal (so the units
    share it), a follow-up due on or after ``on`` within the policy's interval (counted from
    ``last_follow_up`` where the plan is old), a duty description for 15–17-year-olds, and for a
    young person in care a plan made by the § 108 deadline. Without ``youth``/``on`` both are
    drawn, and the plan is clean for them (use :func:`plan_examples` to get them too).
    """

    @st.composite
    def build(draw: st.DrawFn) -> EducationPlan:
        day = on
        if day is None:
            day = draw(reference_days()) if youth is None else _day_in_life(draw, youth)
        return _draw_example(draw, day, policy, youth, with_previous=False).plan

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
    return st.composite(lambda draw: _draw_example(draw, _draw_on(draw, on), policy))()


# -- plan breakers: each breaks exactly one plan rule of a clean example ------------------------


def _break_participation(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    youth_id = ex.youth.person_id
    kept = [
        p for p in ex.plan.participants if not (p.person_id == youth_id and p.role is Role.YOUTH)
    ]
    if draw(st.booleans()):
        kept.append(Participant(youth_id, _pick(draw, _OTHER_ROLES)))
    return ex._replace(plan=attrs.evolve(ex.plan, participants=tuple(dict.fromkeys(kept))))


def _break_edu_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    changed = tuple(
        attrs.evolve(g, kind=_pick(draw, _NOT_EDU_OR_JOB)) if g.kind in _EDU_OR_JOB else g
        for g in ex.plan.goals
    )
    return ex._replace(plan=attrs.evolve(ex.plan, goals=changed))


def _replace_goal(draw: st.DrawFn, ex: PlanExample, **changes: Any) -> PlanExample:
    index = draw(st.integers(0, len(ex.plan.goals) - 1))
    changed = list(ex.plan.goals)
    changed[index] = attrs.evolve(changed[index], **changes)
    return ex._replace(plan=attrs.evolve(ex.plan, goals=tuple(changed)))


def _break_target_date(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return _replace_goal(draw, ex, target_date=None)


def _break_overdue(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    late = _day(draw, ex.on - 3 * _YEAR, ex.on - _ONE_DAY, near=(ex.on - _ONE_DAY,))
    return _replace_goal(draw, ex, target_date=late, status=GoalStatus.OPEN)


def _break_intervention_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    # Ended by ``on`` (or empty) and of an existing unit, so the shared-goal rule is not touched.
    start = _day(draw, ex.on - 2 * _YEAR, ex.on)
    end = _day(draw, start, ex.on)
    orphan = Intervention(
        "i-orphan",
        ex.plan.interventions[0].unit,
        _pick(draw, _INTERVENTION_TEXTS),
        Period(start, end),
        draw(st.sampled_from([frozenset(), frozenset({"g-unknown"})])),
    )
    jobs = _shuffled(draw, [*ex.plan.interventions, orphan])
    return ex._replace(plan=attrs.evolve(ex.plan, interventions=tuple(jobs)))


def _break_shared_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    on = ex.on
    first, second = draw(
        st.lists(st.sampled_from(_UNIT_CODES), min_size=2, max_size=2, unique=True)
    )
    side = Goal("g-side", GoalKind.PERSONAL, "Møde stabilt op", _target(draw, GoalStatus.OPEN, on))

    def running(job_id: str, unit: str, supports: str) -> Intervention:
        start = _day(draw, on - _YEAR, on + _YEAR, near=(on, on + _ONE_DAY))
        end = draw(st.none() | st.integers(1, 700).map(lambda n: max(start, on) + n * _ONE_DAY))
        text = _pick(draw, _INTERVENTION_TEXTS)
        return Intervention(job_id, unit, text, Period(start, end), frozenset({supports}))

    ended = [i for i in ex.plan.interventions if not _running(i.period, on)]
    jobs = [*ended, running("i-a", first, "g1"), running("i-b", second, "g-side")]
    plan = attrs.evolve(
        ex.plan, goals=(*ex.plan.goals, side), interventions=tuple(_shuffled(draw, jobs))
    )
    return ex._replace(plan=plan)


def _break_follow_up_missing(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return ex._replace(plan=attrs.evolve(ex.plan, next_follow_up=None))


def _break_follow_up_overdue(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    plan = ex.plan
    if plan.created_on < ex.on and draw(st.booleans()):
        passed = _day(draw, plan.created_on, ex.on - _ONE_DAY, near=(ex.on - _ONE_DAY,))
        return ex._replace(plan=attrs.evolve(plan, next_follow_up=passed))
    limit = plan.follow_up_anchor + ex.policy.follow_up_max_interval_days * _ONE_DAY
    too_far = limit + _ONE_DAY * draw(st.integers(1, 400) | st.just(1))
    return ex._replace(plan=attrs.evolve(plan, next_follow_up=too_far))


def _break_goal_dropped(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return _draw_example(
        draw, ex.on, ex.policy, ex.youth, with_previous=True, dropped_status=(GoalStatus.OPEN,)
    )


def _duty_youth(draw: st.DrawFn, on: _dt.date, policy: Policy) -> Youth:
    return draw(youths(on, policy=policy, min_age=policy.duty_min_age, max_age=policy.duty_max_age))


def _in_care_youth(draw: st.DrawFn, on: _dt.date, policy: Policy) -> tuple[Youth, _dt.date]:
    """A young person whose § 108 deadline passed before ``on``; also that deadline."""
    months = policy.in_care_plan_months
    low_age = policy.in_care_plan_age + months // 12 + 1
    youth = draw(youths(on, policy=policy, min_age=low_age, max_age=low_age + 8, in_care=False))
    turns = birthday(youth.birth_date, policy.in_care_plan_age, policy)
    latest_start = on - relativedelta(months=months) - _ONE_DAY
    start = _day(draw, max(youth.birth_date, turns - 5 * _YEAR), latest_start, near=(turns,))
    care_from = max(turns, start)
    deadline = care_from + relativedelta(months=months)
    end = draw(st.none() | st.integers(1, 1000).map(lambda n: deadline + n * _ONE_DAY))
    youth = attrs.evolve(youth, in_care=(Period(start, end),))
    return youth, deadline


_PlanBreaker = Callable[[st.DrawFn, PlanExample], PlanExample]
_PLAN_BREAKERS: dict[str, _PlanBreaker] = {
    "plan.youth_not_participating": _break_participation,
    "plan.no_education_or_job_goal": _break_edu_goal,
    "plan.goal_without_target_date": _break_target_date,
    "plan.goal_overdue": _break_overdue,
    "plan.intervention_without_goal": _break_intervention_goal,
    "plan.no_shared_goal": _break_shared_goal,
    "plan.follow_up_missing": _break_follow_up_missing,
    "plan.follow_up_overdue": _break_follow_up_overdue,
    "plan.goal_dropped": _break_goal_dropped,
}
BROKEN_PLAN_CODES: tuple[str, ...] = (
    *_PLAN_BREAKERS,
    "plan.duty_description_missing",
    "plan.in_care_plan_late",
)
"""The rule codes :func:`broken_plans` can break: every ``plan.*`` code."""


def _draw_broken_example(draw: st.DrawFn, code: str, on: _dt.date, policy: Policy) -> PlanExample:
    if code == "plan.duty_description_missing":
        ex = _draw_example(draw, on, policy, _duty_youth(draw, on, policy))
        return ex._replace(plan=attrs.evolve(ex.plan, duty_description=None))
    if code == "plan.in_care_plan_late":
        youth, deadline = _in_care_youth(draw, on, policy)
        return _draw_example(draw, on, policy, youth, created_after=deadline)
    return _PLAN_BREAKERS[code](draw, _draw_example(draw, on, policy))


def broken_plans(
    code: str, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[PlanExample]:
    """:class:`PlanExample` values whose ``validate()`` finds exactly one finding: ``code``.

    ``code`` is any ``plan.*`` rule code (:data:`BROKEN_PLAN_CODES`). The example brings the
    young person (aged 15–17 for ``plan.duty_description_missing``, in care with the § 108
    deadline passed for ``plan.in_care_plan_late``) and, for ``plan.goal_dropped``, the
    previous version.
    """
    if code not in BROKEN_PLAN_CODES:
        raise InvalidArgument(f"no broken plans for {code!r}; choose from {BROKEN_PLAN_CODES}")
    return st.composite(lambda draw: _draw_broken_example(draw, code, _draw_on(draw, on), policy))()


# -- cases --------------------------------------------------------------------------------------


def _draw_chain(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, closed: _dt.date | None
) -> list[CoordinatorAssignment]:
    """A gapless chain of handovers from (at or before) ``opened`` past the end of the span."""
    start = opened - _ONE_DAY * _pick(draw, (0, 0, 1, 30))
    count = draw(st.integers(1, 4))
    horizon = max(on, start) + _YEAR
    handovers = sorted({_day(draw, start + _ONE_DAY, horizon) for _ in range(count - 1)})
    starts = [start, *handovers]
    bound = on + _ONE_DAY if closed is None else min(closed, on + _ONE_DAY)
    last_end = None
    if draw(st.booleans()):
        last_end = max(bound, starts[-1] + _ONE_DAY) + _ONE_DAY * draw(st.integers(0, 400))
    ends: list[_dt.date | None] = [*starts[1:], last_end]
    return [
        CoordinatorAssignment(f"c{n}", _pick(draw, _UNIT_CODES), Period(first, end))
        for n, (first, end) in enumerate(zip(starts, ends, strict=True), start=1)
    ]


def _draw_placements(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, policy: Policy
) -> list[Placement]:
    """Placements in a chain, each followed within ``policy.max_transition_gap_days``."""
    gap = policy.max_transition_gap_days
    count = draw(st.integers(0, 3))
    out: list[Placement] = []
    start = _day(draw, opened - _YEAR, on)
    for n in range(1, count + 1):
        last = n == count
        end: _dt.date | None = None
        if not (last and draw(st.booleans())):
            end = start + _ONE_DAY * draw(st.integers(1, 700))
            if last and end + gap * _ONE_DAY < on:
                end = on - gap * _ONE_DAY  # its grace period runs until ``on`` at least
        out.append(Placement(f"pl-{n}", _pick(draw, _PLACEMENT_TEXTS), Period(start, end)))
        if end is None:
            break
        start = end + _ONE_DAY * draw(st.integers(0, gap))
    return out


def _in_time(
    draw: st.DrawFn, noticed: _dt.date, deadline: _dt.date, on: _dt.date
) -> _dt.date | None:
    if on <= deadline and draw(st.booleans()):
        return None  # not done yet, and not late yet
    return _day(draw, noticed, min(deadline, on), near=(deadline, noticed))


def _contact_deadline(noticed: _dt.date, policy: Policy) -> _dt.date:
    return working_days_after(noticed, policy.contact_deadline_working_days, policy)


def _activity_deadline(noticed: _dt.date, policy: Policy) -> _dt.date:
    return noticed + policy.new_activity_deadline_days * _ONE_DAY


def _draw_lapses(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, policy: Policy
) -> list[DutyLapse]:
    """Lapses from the plan, each answered within both deadlines (or not yet due)."""
    out: list[DutyLapse] = []
    for _ in range(draw(st.integers(0, 2))):
        noticed = _day(draw, opened, on, near=(on,))
        contacted = _in_time(draw, noticed, _contact_deadline(noticed, policy), on)
        activity = _in_time(draw, noticed, _activity_deadline(noticed, policy), on)
        out.append(DutyLapse(noticed, contacted, activity))
    return out


def _draw_case(
    draw: st.DrawFn,
    on: _dt.date,
    policy: Policy,
    youth: Youth | None = None,
    *,
    plan_on_day: bool = False,
    first_plan_after: _dt.date | None = None,
    opened_by: _dt.date | None = None,
    min_plans: int = 1,
    backbone: bool = False,
    may_close: bool = True,
) -> YouthCase:
    """A case that :func:`~kui_core.review_case` finds clean on ``on`` (INFO findings only).

    ``plan_on_day``: the current plan is made on ``on``. ``first_plan_after``: the first plan
    comes after that day. ``opened_by``: the case opens on or before that day. ``backbone``:
    every plan version has interventions of two units running through the whole case, so
    the coordinated effort (``CoordinatorRequired.COORDINATED_EFFORT``) spans the whole case.
    """
    if youth is None:
        youth = draw(youths(on, policy=policy))
    if first_plan_after is not None:
        first_low, first_high = first_plan_after + _ONE_DAY, on
    else:
        first_high = _first_plan_limit(youth, on, policy)
        first_low = first_high - 3 * _YEAR
    # A plan made on ``on`` cannot be the first where the first had to come earlier (§ 108).
    fewest = max(min_plans, 2 if plan_on_day and first_high < on else 1)
    count = draw(st.integers(fewest, 3))
    first = on if plan_on_day and count == 1 else _day(draw, first_low, first_high, (first_high,))
    later = sorted(_day(draw, first, on, near=(first, on)) for _ in range(count - 1))
    if plan_on_day and later:
        later[-1] = on
    made = [first, *later]
    latest_open = first if opened_by is None else min(first, opened_by)
    opened = _day(draw, latest_open - 2 * _YEAR, latest_open, near=(latest_open,))

    current = _draw_plan(
        draw,
        youth,
        on,
        policy,
        made[-1],
        f"plan-{count}",
        f"plan-{count - 1}" if count > 1 else None,
    )
    versions = [current]
    for n in range(count - 1, 0, -1):
        previous_id = f"plan-{n - 1}" if n > 1 else None
        versions.insert(0, _draw_previous(draw, versions[0], made[n - 1], f"plan-{n}", previous_id))
    if backbone:
        since = Period(opened - _ONE_DAY * draw(st.integers(0, 30)))
        spine = (
            Intervention("i-uu", "UU", "Vejledning", since, frozenset({"g1"})),
            Intervention("i-job", "JOB", "Mentor", since, frozenset({"g1"})),
        )
        versions = [attrs.evolve(v, interventions=v.interventions + spine) for v in versions]

    closed = None
    if may_close and draw(st.integers(0, 3)) == 0:
        closed = _day(draw, opened, on + _YEAR, near=(on, on + _ONE_DAY))
    chain = _shuffled(draw, _draw_chain(draw, opened, on, closed))
    return YouthCase(
        youth=youth,
        opened_on=opened,
        closed_on=closed,
        plans=tuple(versions),
        coordinators=tuple(chain),
        placements=tuple(_draw_placements(draw, opened, on, policy)),
        duty_lapses=tuple(_draw_lapses(draw, opened, on, policy)),
    )


def cases(
    valid: bool = True, *, on: _dt.date | None = None, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[YouthCase]:
    """:class:`~kui_core.YouthCase` values, clean on ``on`` (``valid=True``) or broken.

    A valid case passes every rule of :func:`~kui_core.review_case` on ``on``: it has only
    INFO findings (the target-group assessment). Its coordinators form a gapless chain of
    handovers from the day the case opens (or earlier), in any order; its placements follow
    one another within ``policy.max_transition_gap_days``; every 15–17 lapse was answered in
    time; its plan versions pass :func:`plans`' rules, with the first made by the § 108
    deadline for a young person in care and no open goal dropped. Without ``on``, the reference
    day is drawn and the current plan is made on it: the case is then clean on
    ``case.current_plan.created_on``.

    ``valid=False`` gives :func:`broken_cases` of every code in :data:`BROKEN_CASE_CODES`.
    """
    if not valid:
        return st.sampled_from(BROKEN_CASE_CODES).flatmap(
            lambda code: broken_cases(code, on, policy=policy)
        )

    @st.composite
    def build(draw: st.DrawFn) -> YouthCase:
        return _draw_case(draw, _draw_on(draw, on), policy, plan_on_day=on is None)

    return build()


def _break_case_plan(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    if code == "plan.duty_description_missing":
        youth = _duty_youth(draw, on, policy)
        case = _draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)
        return _with_current(case, attrs.evolve(case.plans[-1], duty_description=None))
    if code == "plan.in_care_plan_late":
        youth, deadline = _in_care_youth(draw, on, policy)
        return _draw_case(
            draw, on, policy, youth, plan_on_day=plan_on_day, first_plan_after=deadline
        )
    if code == "plan.goal_dropped":
        case = _draw_case(draw, on, policy, plan_on_day=plan_on_day, min_plans=2)
        previous = case.plans[-2]
        kind = _pick(draw, tuple(GoalKind))
        gone = Goal(
            "g-gone", kind, _pick(draw, _GOAL_TEXTS[kind]), _target(draw, GoalStatus.OPEN, on)
        )
        previous = attrs.evolve(previous, goals=(*previous.goals, gone))
        return attrs.evolve(case, plans=(*case.plans[:-2], previous, case.plans[-1]))
    case = _draw_case(draw, on, policy, plan_on_day=plan_on_day)
    current = case.plans[-1]
    example = PlanExample(current, case.youth, on, policy, case.previous_plan(current))
    return _with_current(case, _PLAN_BREAKERS[code](draw, example).plan)


def _with_current(case: YouthCase, plan: EducationPlan) -> YouthCase:
    return attrs.evolve(case, plans=(*case.plans[:-1], plan))


def _break_coordination(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    case = _draw_case(
        draw,
        on,
        policy,
        plan_on_day=plan_on_day,
        opened_by=on - _ONE_DAY,
        backbone=True,
        may_close=False,
    )
    if code == "coordination.missing":
        return attrs.evolve(case, coordinators=())
    chain = sorted(case.coordinators, key=lambda a: a.period.start)
    if code == "coordination.gap":
        first = _day(draw, case.opened_on, on - _ONE_DAY, near=(case.opened_on,))
        stop = _day(draw, first + _ONE_DAY, on, near=(first + _ONE_DAY, on))
        cut: list[CoordinatorAssignment] = []
        for a in chain:
            start, end = a.period.start, a.period.end
            if start < first:
                cut.append(
                    attrs.evolve(a, period=Period(start, first if end is None else min(end, first)))
                )
            if end is None or end > stop:
                cut.append(attrs.evolve(a, period=Period(max(start, stop), end)))
        return attrs.evolve(case, coordinators=tuple(_shuffled(draw, cut)))
    # coordination.overlap: a second coordinator within one assignment of the chain
    day = _day(draw, case.opened_on, on, near=(case.opened_on, on))
    (holder,) = [a for a in chain if a.period.contains(day)]
    room = 400 if holder.period.end is None else (holder.period.end - day).days
    extra = CoordinatorAssignment(
        "c-extra",
        _pick(draw, _UNIT_CODES),
        Period(day, day + _ONE_DAY * draw(st.integers(1, room))),
    )
    return attrs.evolve(case, coordinators=tuple(_shuffled(draw, [*chain, extra])))


def _break_transition(
    draw: st.DrawFn, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    gap = policy.max_transition_gap_days * _ONE_DAY
    youth = draw(
        youths(
            on,
            policy=policy,
            min_age=policy.min_age + 1,
            max_age=policy.age_limit - 1,
            max_educations=0,
        )
    )
    case = _draw_case(
        draw,
        on,
        policy,
        youth,
        plan_on_day=plan_on_day,
        opened_by=on - gap - 2 * _ONE_DAY,
        may_close=False,
    )
    earliest = max(case.opened_on + _ONE_DAY, birthday(youth.birth_date, policy.min_age, policy))
    end = _day(draw, earliest, on - gap - _ONE_DAY, near=(on - gap - _ONE_DAY,))
    deadline = end + gap
    lost = Placement(
        "pl-lost",
        _pick(draw, _PLACEMENT_TEXTS),
        Period(end - _ONE_DAY * draw(st.integers(1, 700)), end),
    )
    found: list[Placement] = [lost]
    if draw(st.booleans()):
        start = deadline + _ONE_DAY * draw(st.integers(1, 60))
        found.append(Placement("pl-next", _pick(draw, _PLACEMENT_TEXTS), Period(start)))

    def no_bridge(goal: Goal) -> Goal:
        # A goal not closed and dated inside the grace period would count as a next step.
        date = goal.target_date
        dated_inside = date is not None and end <= date <= deadline
        bridges = dated_inside and goal.status is not GoalStatus.CLOSED
        return attrs.evolve(goal, target_date=deadline + _ONE_DAY if bridges else date)

    versions = tuple(attrs.evolve(p, goals=tuple(map(no_bridge, p.goals))) for p in case.plans)
    return attrs.evolve(case, plans=versions, placements=tuple(found))


def _break_duty(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    noticed = _day(draw, on - 400 * _ONE_DAY, on - _ONE_DAY, near=(on - _ONE_DAY,))
    if code == "duty.contact_overdue":
        while (late := _contact_deadline(noticed, policy)) >= on:
            noticed -= (late - on).days * _ONE_DAY + _ONE_DAY
    else:
        noticed = min(noticed, on - (policy.new_activity_deadline_days + 1) * _ONE_DAY)
    youth = draw(
        youths(noticed, policy=policy, min_age=policy.duty_min_age, max_age=policy.duty_max_age)
    )
    case = _draw_case(draw, on, policy, youth, plan_on_day=plan_on_day, opened_by=noticed)
    contact, activity = _contact_deadline(noticed, policy), _activity_deadline(noticed, policy)
    never_or_late = st.none() | st.integers(1, 60)
    if code == "duty.contact_overdue":
        days = draw(never_or_late)
        contacted = None if days is None else contact + days * _ONE_DAY
        lapse = DutyLapse(noticed, contacted, _day(draw, noticed, min(activity, on)))
    else:
        days = draw(never_or_late)
        started = None if days is None else activity + days * _ONE_DAY
        lapse = DutyLapse(noticed, _day(draw, noticed, min(contact, on)), started)
    lapses = _shuffled(draw, [*case.duty_lapses, lapse])
    return attrs.evolve(case, duty_lapses=tuple(lapses))


BROKEN_CASE_CODES: tuple[str, ...] = (
    *BROKEN_PLAN_CODES,
    "coordination.missing",
    "coordination.gap",
    "coordination.overlap",
    "transition.no_next_step",
    "duty.contact_overdue",
    "duty.new_activity_overdue",
)
"""The rule codes :func:`broken_cases` can break: every case rule of the catalogue."""


def _draw_broken_case(draw: st.DrawFn, code: str, on: _dt.date | None, policy: Policy) -> YouthCase:
    day = _draw_on(draw, on)
    plan_on_day = on is None
    if code.startswith("plan."):
        return _break_case_plan(draw, code, day, policy, plan_on_day)
    if code.startswith("coordination."):
        return _break_coordination(draw, code, day, policy, plan_on_day)
    if code == "transition.no_next_step":
        return _break_transition(draw, day, policy, plan_on_day)
    return _break_duty(draw, code, day, policy, plan_on_day)


def broken_cases(
    code: str, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[YouthCase]:
    """Cases for which :func:`~kui_core.review_case` on ``on`` finds exactly one finding that is
    not INFO, of ``code`` (any of :data:`BROKEN_CASE_CODES`).

    Everything else is as in :func:`cases`. Without ``on`` the reference day is drawn and the
    current plan is made on it (review on ``case.current_plan.created_on``). Coordination cases
    carry interventions of two units throughout, so they break under either
    :class:`~kui_core.CoordinatorRequired` setting.
    """
    if code not in BROKEN_CASE_CODES:
        raise InvalidArgument(f"no broken cases for {code!r}; choose from {BROKEN_CASE_CODES}")
    return st.composite(lambda draw: _draw_broken_case(draw, code, on, policy))()


# -- registration for st.from_type -----------------------------------------------------------

_TYPE_STRATEGIES: tuple[tuple[type[Any], Callable[[], st.SearchStrategy[Any]]], ...] = (
    (MunicipalUnit, units),
    (Participant, participants),
    (Goal, goals),
    (Milestone, milestones),
    (Intervention, interventions),
    (EducationPlan, plans),
    (CoordinatorAssignment, coordinator_assignments),
    (Placement, placements),
    (DutyLapse, duty_lapses),
    (YouthCase, cases),
)


def register_type_strategies() -> None:
    """Register the plan and case strategies for ``st.from_type`` (idempotent)."""
    for cls, factory in _TYPE_STRATEGIES:
        st.register_type_strategy(cls, st.deferred(factory))
