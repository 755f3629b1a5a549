"""Hypothesis strategies for broken plans and cases: each breaks exactly one named rule.

:func:`broken_plans` and :func:`broken_cases` start from a valid example (:mod:`._plans`,
:mod:`._cases`) and break the one rule of the code asked for, so a case system can test its own
handling of each finding. Every breaker keeps the other rules intact: the review finds exactly
one finding that is not INFO.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..dates import birthday
from ..duty import contact_deadline, new_activity_deadline
from ..periods import Period
from ..plan import (
    EducationPlan,
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    Participant,
    Role,
    in_care_plan_deadline,
)
from ..policy import DEFAULT_POLICY, Policy
from ..youth import Youth
from ._cases import OFFER_TEXTS, draw_case
from ._core import youths
from ._draw import ONE_DAY, YEAR, draw_day, pick, pick_index, shuffled
from ._plans import (
    EDU_OR_JOB,
    GOAL_TEXTS,
    INTERVENTION_TEXTS,
    OTHER_ROLES,
    UNIT_CODES,
    PlanExample,
    draw_example,
    draw_on,
    draw_target,
)

__all__ = ["BROKEN_CASE_CODES", "BROKEN_PLAN_CODES", "broken_cases", "broken_plans"]

_NOT_EDU_OR_JOB = tuple(k for k in GoalKind if k not in EDU_OR_JOB)


def _running(period: Period, on: _dt.date) -> bool:
    """Not empty and not ended by ``on``: running on ``on`` or planned after it."""
    return not period.empty and (period.end is None or period.end > on)


# -- plan breakers: each breaks exactly one plan rule of a clean example ------------------------


def _break_participation(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    youth_id = ex.youth.person_id
    kept = [
        p for p in ex.plan.participants if not (p.person_id == youth_id and p.role is Role.YOUTH)
    ]
    if draw(st.booleans()):
        kept.append(Participant(youth_id, pick(draw, OTHER_ROLES)))
    return ex._replace(plan=attrs.evolve(ex.plan, participants=tuple(dict.fromkeys(kept))))


def _break_edu_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    changed = tuple(
        attrs.evolve(g, kind=pick(draw, _NOT_EDU_OR_JOB)) if g.kind in EDU_OR_JOB else g
        for g in ex.plan.goals
    )
    return ex._replace(plan=attrs.evolve(ex.plan, goals=changed))


def _replace_goal(draw: st.DrawFn, ex: PlanExample, **changes: Any) -> PlanExample:
    index = pick_index(draw, len(ex.plan.goals))
    changed = list(ex.plan.goals)
    changed[index] = attrs.evolve(changed[index], **changes)
    return ex._replace(plan=attrs.evolve(ex.plan, goals=tuple(changed)))


def _break_target_date(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return _replace_goal(draw, ex, target_date=None)


def _break_overdue(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    late = draw_day(draw, ex.on - 3 * YEAR, ex.on - ONE_DAY, near=(ex.on - ONE_DAY,))
    return _replace_goal(draw, ex, target_date=late, status=GoalStatus.OPEN)


def _break_intervention_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    # Ended by ``on`` (or empty) and of an existing unit, so the shared-goal rule is not touched.
    start = draw_day(draw, ex.on - 2 * YEAR, ex.on)
    end = draw_day(draw, start, ex.on)
    orphan = Intervention(
        "i-orphan",
        ex.plan.interventions[0].unit,
        pick(draw, INTERVENTION_TEXTS),
        Period(start, end),
        draw(st.sampled_from([frozenset(), frozenset({"g-unknown"})])),
    )
    jobs = shuffled(draw, [*ex.plan.interventions, orphan])
    return ex._replace(plan=attrs.evolve(ex.plan, interventions=tuple(jobs)))


def _break_shared_goal(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    on = ex.on
    first, second = draw(st.lists(st.sampled_from(UNIT_CODES), min_size=2, max_size=2, unique=True))
    side = Goal(
        "g-side", GoalKind.PERSONAL, "Møde stabilt op", draw_target(draw, GoalStatus.OPEN, on)
    )

    def running(job_id: str, unit: str, supports: str) -> Intervention:
        start = draw_day(draw, on - YEAR, on + YEAR, near=(on, on + ONE_DAY))
        end = draw(st.none() | st.integers(1, 700).map(lambda n: max(start, on) + n * ONE_DAY))
        text = pick(draw, INTERVENTION_TEXTS)
        return Intervention(job_id, unit, text, Period(start, end), frozenset({supports}))

    ended = [i for i in ex.plan.interventions if not _running(i.period, on)]
    jobs = [*ended, running("i-a", first, "g1"), running("i-b", second, "g-side")]
    plan = attrs.evolve(
        ex.plan, goals=(*ex.plan.goals, side), interventions=tuple(shuffled(draw, jobs))
    )
    return ex._replace(plan=plan)


def _break_follow_up_missing(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return ex._replace(plan=attrs.evolve(ex.plan, next_follow_up=None))


def _break_follow_up_overdue(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    plan = ex.plan
    if plan.created_on < ex.on and draw(st.booleans()):
        passed = draw_day(draw, plan.created_on, ex.on - ONE_DAY, near=(ex.on - ONE_DAY,))
        return ex._replace(plan=attrs.evolve(plan, next_follow_up=passed))
    limit = plan.follow_up_anchor + ex.policy.follow_up_max_interval_days * ONE_DAY
    too_far = limit + ONE_DAY * draw(st.integers(1, 400) | st.just(1))
    return ex._replace(plan=attrs.evolve(plan, next_follow_up=too_far))


def _break_goal_dropped(draw: st.DrawFn, ex: PlanExample) -> PlanExample:
    return draw_example(
        draw, ex.on, ex.policy, ex.youth, with_previous=True, dropped_status=(GoalStatus.OPEN,)
    )


def _duty_youth(draw: st.DrawFn, on: _dt.date, policy: Policy) -> Youth:
    return draw(youths(on, policy=policy, min_age=policy.duty_min_age, max_age=policy.duty_max_age))


def _in_care_youth(draw: st.DrawFn, on: _dt.date, policy: Policy) -> tuple[Youth, _dt.date]:
    """A young person whose § 108 deadline passed before ``on``; also that deadline."""
    months = policy.in_care_plan_months
    low_age = policy.in_care_plan_age + months // 12 + 1
    youth = draw(youths(on, policy=policy, min_age=low_age, max_age=low_age + 8, in_care=False))
    turns = birthday(youth.birth_date, policy.in_care_plan_age, policy.leap_day_rule)
    latest_start = on - relativedelta(months=months) - ONE_DAY
    start = draw_day(draw, max(youth.birth_date, turns - 5 * YEAR), latest_start, near=(turns,))
    deadline = in_care_plan_deadline(attrs.evolve(youth, in_care=(Period(start),)), policy)
    assert deadline is not None  # in care after the birthday and still in care
    end = draw(st.none() | st.integers(1, 1000).map(lambda n: deadline + n * ONE_DAY))
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
        ex = draw_example(draw, on, policy, _duty_youth(draw, on, policy))
        return ex._replace(plan=attrs.evolve(ex.plan, duty_description=None))
    if code == "plan.in_care_plan_late":
        youth, deadline = _in_care_youth(draw, on, policy)
        return draw_example(draw, on, policy, youth, created_after=deadline)
    return _PLAN_BREAKERS[code](draw, draw_example(draw, on, policy))


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
    return st.composite(lambda draw: _draw_broken_example(draw, code, draw_on(draw, on), policy))()


# -- case breakers: each breaks exactly one case rule of a clean case ----------------------------


def _break_case_plan(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    if code == "plan.duty_description_missing":
        youth = _duty_youth(draw, on, policy)
        case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)
        return _with_current(case, attrs.evolve(case.plans[-1], duty_description=None))
    if code == "plan.in_care_plan_late":
        youth, deadline = _in_care_youth(draw, on, policy)
        return draw_case(
            draw, on, policy, youth, plan_on_day=plan_on_day, first_plan_after=deadline
        )
    if code == "plan.goal_dropped":
        case = draw_case(draw, on, policy, plan_on_day=plan_on_day, min_plans=2)
        previous = case.plans[-2]
        kind = pick(draw, tuple(GoalKind))
        gone = Goal(
            "g-gone", kind, pick(draw, GOAL_TEXTS[kind]), draw_target(draw, GoalStatus.OPEN, on)
        )
        previous = attrs.evolve(previous, goals=(*previous.goals, gone))
        return attrs.evolve(case, plans=(*case.plans[:-2], previous, case.plans[-1]))
    case = draw_case(draw, on, policy, plan_on_day=plan_on_day)
    current = case.plans[-1]
    example = PlanExample(current, case.youth, on, policy, case.previous_plan(current))
    return _with_current(case, _PLAN_BREAKERS[code](draw, example).plan)


def _with_current(case: YouthCase, plan: EducationPlan) -> YouthCase:
    return attrs.evolve(case, plans=(*case.plans[:-1], plan))


def _break_coordination(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    case = draw_case(
        draw,
        on,
        policy,
        plan_on_day=plan_on_day,
        opened_by=on - ONE_DAY,
        backbone=True,
        may_close=False,
    )
    if code == "coordination.missing":
        return attrs.evolve(case, coordinators=())
    chain = sorted(case.coordinators, key=lambda a: a.period.start)
    if code == "coordination.gap":
        first = draw_day(draw, case.opened_on, on - ONE_DAY, near=(case.opened_on,))
        stop = draw_day(draw, first + ONE_DAY, on, near=(first + ONE_DAY, on))
        cut: list[CoordinatorAssignment] = []
        for a in chain:
            start, end = a.period.start, a.period.end
            if start < first:
                cut.append(
                    attrs.evolve(a, period=Period(start, first if end is None else min(end, first)))
                )
            if end is None or end > stop:
                cut.append(attrs.evolve(a, period=Period(max(start, stop), end)))
        return attrs.evolve(case, coordinators=tuple(shuffled(draw, cut)))
    # coordination.overlap: a second coordinator within one assignment of the chain
    day = draw_day(draw, case.opened_on, on, near=(case.opened_on, on))
    (holder,) = [a for a in chain if a.period.contains(day)]
    room = 400 if holder.period.end is None else (holder.period.end - day).days
    extra = CoordinatorAssignment(
        "c-extra",
        pick(draw, UNIT_CODES),
        Period(day, day + ONE_DAY * draw(st.integers(1, room))),
    )
    return attrs.evolve(case, coordinators=tuple(shuffled(draw, [*chain, extra])))


def _break_transition(
    draw: st.DrawFn, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    gap = policy.max_transition_gap_days * ONE_DAY
    youth = draw(
        youths(
            on,
            policy=policy,
            min_age=policy.min_age + 1,
            max_age=policy.age_limit - 1,
            max_educations=0,
        )
    )
    case = draw_case(
        draw,
        on,
        policy,
        youth,
        plan_on_day=plan_on_day,
        opened_by=on - gap - 2 * ONE_DAY,
        may_close=False,
    )
    earliest = max(
        case.opened_on + ONE_DAY, birthday(youth.birth_date, policy.min_age, policy.leap_day_rule)
    )
    end = draw_day(draw, earliest, on - gap - ONE_DAY, near=(on - gap - ONE_DAY,))
    deadline = end + gap
    lost = Offer(
        "pl-lost",
        pick(draw, OFFER_TEXTS),
        Period(end - ONE_DAY * draw(st.integers(1, 700)), end),
    )
    found: list[Offer] = [lost]
    if draw(st.booleans()):
        start = deadline + ONE_DAY * draw(st.integers(1, 60))
        found.append(Offer("pl-next", pick(draw, OFFER_TEXTS), Period(start)))

    def no_bridge(goal: Goal) -> Goal:
        # A goal not closed and dated inside the grace period would count as a next step.
        date = goal.target_date
        dated_inside = date is not None and end <= date <= deadline
        bridges = dated_inside and goal.status is not GoalStatus.CLOSED
        return attrs.evolve(goal, target_date=deadline + ONE_DAY if bridges else date)

    versions = tuple(attrs.evolve(p, goals=tuple(map(no_bridge, p.goals))) for p in case.plans)
    return attrs.evolve(case, plans=versions, offers=tuple(found))


def _break_duty(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    noticed = draw_day(draw, on - 400 * ONE_DAY, on - ONE_DAY, near=(on - ONE_DAY,))
    broken = contact_deadline if code == "duty.contact_overdue" else new_activity_deadline
    while (late := broken(DutyLapse(noticed), policy)) >= on:  # noticed early enough to be late
        noticed -= (late - on).days * ONE_DAY + ONE_DAY
    youth = draw(
        youths(noticed, policy=policy, min_age=policy.duty_min_age, max_age=policy.duty_max_age)
    )
    case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day, opened_by=noticed)
    noticed_only = DutyLapse(noticed)
    contact = contact_deadline(noticed_only, policy)
    activity = new_activity_deadline(noticed_only, policy)
    never_or_late = st.none() | st.integers(1, 60)
    if code == "duty.contact_overdue":
        days = draw(never_or_late)
        contacted = None if days is None else contact + days * ONE_DAY
        lapse = DutyLapse(noticed, contacted, draw_day(draw, noticed, min(activity, on)))
    else:
        days = draw(never_or_late)
        started = None if days is None else activity + days * ONE_DAY
        lapse = DutyLapse(noticed, draw_day(draw, noticed, min(contact, on)), started)
    lapses = shuffled(draw, [*case.duty_lapses, lapse])
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
    day = draw_on(draw, on)
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
