"""Hypothesis strategies for broken plans and cases: each breaks exactly one named rule.

:func:`broken_plans` and :func:`broken_cases` start from a valid example (:mod:`._plans`,
:mod:`._cases`) and break the one rule of the code asked for, so a case system can test its own
handling of each finding. Every breaker keeps the other rules intact: the review finds exactly
one finding that is not INFO, of that code (for a code that is INFO in the catalogue, such as
``exemption.applies``, the finding itself and none that is not INFO).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..dates import age_on, birthday, months_before
from ..duty import contact_deadline, new_activity_deadline
from ..findings import Severity
from ..in_care import ungeplan_deadline
from ..periods import Period
from ..plan import (
    EducationPlan,
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    Participant,
    Role,
)
from ..policy import DEFAULT_POLICY, Policy
from ..youth import Authority, CarePlacement, ExternalGuidance, Youth
from ._cases import OFFER_TEXTS, activity_in_time, draw_case, in_time, placement_in_time
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

__all__ = [
    "BROKEN_CASE_CODES",
    "BROKEN_PLAN_CODES",
    "broken_cases",
    "broken_plans",
    "serious_codes",
]

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


def _without_parents(plan: EducationPlan) -> EducationPlan:
    kept = tuple(p for p in plan.participants if p.role is not Role.PARENT)
    return attrs.evolve(plan, participants=kept)


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
    "plan.parent_not_involved",
)
"""The rule codes :func:`broken_plans` can break: every code :func:`~kui_core.validate_plan`
produces. (The other ``plan.*`` codes need a case: see :data:`BROKEN_CASE_CODES`.)"""


def _draw_broken_example(draw: st.DrawFn, code: str, on: _dt.date, policy: Policy) -> PlanExample:
    if code == "plan.duty_description_missing":
        ex = draw_example(draw, on, policy, _duty_youth(draw, on, policy))
        return ex._replace(plan=attrs.evolve(ex.plan, duty_description=None))
    if code == "plan.parent_not_involved":
        ex = draw_example(draw, on, policy, _duty_youth(draw, on, policy))
        return ex._replace(plan=_without_parents(ex.plan))
    return _PLAN_BREAKERS[code](draw, draw_example(draw, on, policy))


def broken_plans(
    code: str, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[PlanExample]:
    """:class:`PlanExample` values whose ``validate()`` finds exactly one finding: ``code``.

    ``code`` is any code of :func:`~kui_core.validate_plan` (:data:`BROKEN_PLAN_CODES`). The
    example brings the young person (aged 15–17 for ``plan.duty_description_missing`` and
    ``plan.parent_not_involved``) and, for ``plan.goal_dropped``, the previous version.
    """
    if code not in BROKEN_PLAN_CODES:
        raise InvalidArgument(f"no broken plans for {code!r}; choose from {BROKEN_PLAN_CODES}")
    return st.composite(lambda draw: _draw_broken_example(draw, code, draw_on(draw, on), policy))()


# -- case breakers: each breaks exactly one case rule of a clean case ----------------------------


def _break_case_plan(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    if code in ("plan.duty_description_missing", "plan.parent_not_involved"):
        youth = _duty_youth(draw, on, policy)
        case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)
        current = case.plans[-1]
        if code == "plan.parent_not_involved":
            return _with_current(case, _without_parents(current))
        return _with_current(case, attrs.evolve(current, duty_description=None))
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


def _missing_plan_ages(policy: Policy) -> tuple[int, int]:
    """The ages of the duty (15–17) that are also in the target group (may be empty)."""
    return max(policy.min_age, policy.duty_min_age), min(policy.age_limit - 1, policy.duty_max_age)


def _target_group_youth(
    draw: st.DrawFn, on: _dt.date, policy: Policy, ages: tuple[int, int], **options: Any
) -> Youth:
    """A young person aged ``ages`` on ``on`` who has completed nothing that ends the target
    group by ``on`` (:attr:`Policy.target_group_exit <kui_core.Policy.target_group_exit>`)."""
    youth = draw(youths(on, policy=policy, min_age=ages[0], max_age=ages[1], **options))
    exits = policy.target_group_exit
    kept = tuple(r for r in youth.educations if not (r.programme in exits and r.completed_by(on)))
    return attrs.evolve(youth, educations=kept)


def _around_on(draw: st.DrawFn, low: _dt.date, on: _dt.date) -> Period:
    """A period from ``low`` to ``on`` (both included) that runs past ``on``, or open."""
    start = draw_day(draw, low, on, near=(on, low))
    return Period(start, draw(st.none() | st.integers(1, 700).map(lambda n: on + n * ONE_DAY)))


def _break_missing_plan(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    """An open case with no plan made by ``on``, due ``policy.plan_missing_after_days`` after
    the case opened: a 15–17-year-old in the target group (``plan.missing``) or anyone in it,
    exempted from the duty where aged 15–17 (``plan.right_to_plan``)."""
    if code == "plan.missing":
        ages = _missing_plan_ages(policy)
    else:
        ages = (policy.min_age, policy.age_limit - 1)
    youth = _target_group_youth(draw, on, policy, ages)
    due = on - policy.plan_missing_after_days * ONE_DAY
    case = draw_case(
        draw,
        on,
        policy,
        youth,
        opened_by=due,
        opened_on=due if plan_on_day else None,
        may_close=False,
    )
    exemptions: tuple[Period, ...] = ()
    age = age_on(youth.birth_date, on, policy.leap_day_rule)
    if code == "plan.right_to_plan" and policy.duty_min_age <= age <= policy.duty_max_age:
        exemptions = (_around_on(draw, case.opened_on - YEAR, on),)
    return attrs.evolve(case, plans=(), duty_exemptions=exemptions)


def _late_ungeplan(draw: st.DrawFn, youth: Youth, on: _dt.date, policy: Policy) -> CarePlacement:
    """A placement whose ungeplan deadline passed before ``on`` with no ungeplan by then (none,
    or only later ones); a decision on support after 18 due by ``on`` is made in time."""
    months = policy.in_care_plan_months
    turns = birthday(youth.birth_date, policy.in_care_plan_age, policy.leap_day_rule)
    latest_start = months_before(on, months) - ONE_DAY
    start = draw_day(draw, max(youth.birth_date, turns - 5 * YEAR), latest_start, near=(turns,))
    before = draw(st.none() | st.integers(0, 60))  # days the decision came before the start
    decided = None if before is None else max(youth.birth_date, start - before * ONE_DAY)
    placement = CarePlacement(Period(start), decided, consent=draw(st.booleans()))
    deadline = ungeplan_deadline(youth, placement, policy)
    assert deadline is not None  # in care after the birthday and still in care
    end = draw(st.none() | st.integers(1, 1000).map(lambda n: deadline + n * ONE_DAY))
    placement = placement_in_time(
        draw, youth, attrs.evolve(placement, period=Period(start, end)), on, policy
    )
    late = draw(st.lists(st.integers(1, 400), max_size=2, unique=True))
    return attrs.evolve(
        placement, ungeplan_dates=tuple(deadline + n * ONE_DAY for n in sorted(late))
    )


def _late_support(draw: st.DrawFn, youth: Youth, on: _dt.date, policy: Policy) -> CarePlacement:
    """A placement running until the 18th birthday (or on) whose decision on support after 18
    was due before ``on`` and is missing or late; its ungeplan was made in time."""
    turns = birthday(youth.birth_date, policy.in_care_end_age, policy.leap_day_rule)
    deadline = months_before(turns, policy.in_care_support_months)
    low = max(youth.birth_date, deadline - 5 * YEAR)
    start = draw_day(draw, low, min(deadline, turns - ONE_DAY), near=(deadline,))
    end = draw(st.none() | st.integers(0, 400).map(lambda n: turns + n * ONE_DAY))
    consent = draw(st.booleans())
    placement = CarePlacement(Period(start, end), consent=consent)
    placement = placement_in_time(draw, youth, placement, on, policy)
    late = draw(st.none() | st.integers(1, 400).map(lambda n: deadline + n * ONE_DAY))
    return attrs.evolve(placement, support_decided_on=late)


def _break_in_care(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    """A young person with one placement, whose ungeplan (``plan.in_care_plan_late``) or
    decision on support after 18 (``plan.in_care_support_decision_late``) is late on ``on``."""
    if code == "plan.in_care_plan_late":
        low_age = policy.in_care_plan_age + policy.in_care_plan_months // 12 + 1
        high_age = low_age + 8
    else:  # old enough for the support deadline to have passed (a day after the birthday)
        low_age = policy.in_care_end_age + (0 if policy.in_care_support_months else 1)
        high_age = low_age + 2
    youth = draw(youths(on, policy=policy, min_age=low_age, max_age=high_age, in_care=False))
    case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)
    if code == "plan.in_care_plan_late":
        placement = _late_ungeplan(draw, youth, on, policy)
    else:
        placement = _late_support(draw, youth, on, policy)
    return attrs.evolve(case, youth=attrs.evolve(case.youth, in_care=(placement,)))


def _break_exemption(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    """A 15–17-year-old exempted from the duty on ``on``: the plan may then lack the duty
    description and the parents, and no lapse counts."""
    youth = _duty_youth(draw, on, policy)
    case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)
    exemption = _around_on(draw, case.opened_on - YEAR, on)
    if draw(st.booleans()):
        current = attrs.evolve(_without_parents(case.plans[-1]), duty_description=None)
        case = _with_current(case, current)
    return attrs.evolve(case, duty_exemptions=(exemption,))


def _known_until(draw: st.DrawFn, on: _dt.date) -> _dt.date:
    """A last day of known records before ``on`` (often the day before)."""
    return draw_day(draw, on - YEAR, on - ONE_DAY, near=(on - ONE_DAY,))


def _break_eligibility(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    """A young person in the target group guided by another authority on ``on``
    (``eligibility.guided_elsewhere``), or one whom nothing recorded takes out of outreach but
    whose education or employment records end before ``on`` (``eligibility.data_missing``)."""
    ages = (policy.min_age, policy.age_limit - 1)
    youth = _target_group_youth(draw, on, policy, ages, guided_elsewhere=False)
    born = youth.birth_date
    if code == "eligibility.guided_elsewhere":
        guidance = ExternalGuidance(
            pick(draw, tuple(Authority)), _around_on(draw, max(born, on - 2 * YEAR), on)
        )
        youth = attrs.evolve(youth, guided_elsewhere=(guidance,))
    else:
        # Nothing known on ``on`` rules outreach out: no enrolment, completion or job then.
        educations = tuple(
            r for r in youth.educations if not (r.enrolled_on(on) or r.completed_by(on))
        )
        jobs = tuple(job for job in youth.employments if not job.active_on(on))
        which = draw(st.integers(0, 2))  # the education, the employment or both records end
        educations_known = _known_until(draw, on) if which != 1 else None
        employments_known = _known_until(draw, on) if which != 0 else None
        youth = attrs.evolve(
            youth,
            educations=educations,
            employments=jobs,
            educations_known_until=educations_known,
            employments_known_until=employments_known,
        )
    return draw_case(draw, on, policy, youth, plan_on_day=plan_on_day)


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
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
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


def _contact_deadline_of(noticed: _dt.date, policy: Policy) -> _dt.date:
    """The contact deadline of a lapse noticed on ``noticed``."""
    return contact_deadline(DutyLapse(noticed), policy)


def _activity_deadline_of(noticed: _dt.date, policy: Policy) -> _dt.date:
    """The new-activity deadline of a lapse noticed on ``noticed`` whose contact is made on the
    last day in time: the latest it can be."""
    last = _contact_deadline_of(noticed, policy)
    deadline = new_activity_deadline(DutyLapse(noticed, last, parents_contacted_on=last), policy)
    assert deadline is not None  # contacted
    return deadline


def _break_duty(
    draw: st.DrawFn, code: str, on: _dt.date, policy: Policy, plan_on_day: bool
) -> YouthCase:
    """One lapse whose contact (with the young person, or the parents where the contact includes
    them) or new activity is overdue on ``on``; the other deadline is met or not yet due."""
    noticed = draw_day(draw, on - 400 * ONE_DAY, on - ONE_DAY, near=(on - ONE_DAY,))
    contact_code = code == "duty.contact_overdue"
    broken = _contact_deadline_of if contact_code else _activity_deadline_of
    while (late := broken(noticed, policy)) >= on:  # noticed early enough to be late
        noticed -= (late - on).days * ONE_DAY + ONE_DAY
    youth = draw(
        youths(noticed, policy=policy, min_age=policy.duty_min_age, max_age=policy.duty_max_age)
    )
    case = draw_case(draw, on, policy, youth, plan_on_day=plan_on_day, opened_by=noticed)
    contact = _contact_deadline_of(noticed, policy)
    never_or_late = st.none() | st.integers(1, 60).map(lambda n: contact + n * ONE_DAY)
    if contact_code:
        contacted = draw(never_or_late)
        parents = draw(st.none() | st.integers(0, 60).map(lambda n: noticed + n * ONE_DAY))
        if policy.contact_includes_parents and draw(st.booleans()):
            # The young person in time, the parents never or late.
            contacted, parents = draw_day(draw, noticed, contact), draw(never_or_late)
        lapse = DutyLapse(noticed, contacted, parents_contacted_on=parents)
        lapse = attrs.evolve(lapse, new_activity_on=activity_in_time(draw, lapse, on, policy))
    else:
        contacted = draw_day(draw, noticed, contact, near=(contact,))
        lapse = DutyLapse(
            noticed, contacted, parents_contacted_on=in_time(draw, noticed, contact, on)
        )
        deadline = new_activity_deadline(lapse, policy)
        assert deadline is not None  # contacted, and before ``on``
        started = draw(st.none() | st.integers(1, 60).map(lambda n: deadline + n * ONE_DAY))
        lapse = attrs.evolve(lapse, new_activity_on=started)
    lapses = shuffled(draw, [*case.duty_lapses, lapse])
    return attrs.evolve(case, duty_lapses=tuple(lapses))


_CaseBreaker = Callable[[st.DrawFn, str, _dt.date, Policy, bool], YouthCase]
_CASE_BREAKERS: dict[str, _CaseBreaker] = {
    **dict.fromkeys(BROKEN_PLAN_CODES, _break_case_plan),
    "plan.missing": _break_missing_plan,
    "plan.right_to_plan": _break_missing_plan,
    "plan.in_care_plan_late": _break_in_care,
    "plan.in_care_support_decision_late": _break_in_care,
    "exemption.applies": _break_exemption,
    "coordination.missing": _break_coordination,
    "coordination.gap": _break_coordination,
    "coordination.overlap": _break_coordination,
    "transition.no_next_step": _break_transition,
    "duty.contact_overdue": _break_duty,
    "duty.new_activity_overdue": _break_duty,
    "eligibility.guided_elsewhere": _break_eligibility,
    "eligibility.data_missing": _break_eligibility,
}
BROKEN_CASE_CODES: tuple[str, ...] = tuple(_CASE_BREAKERS)
"""The rule codes :func:`broken_cases` can break: every case rule of the catalogue, and the
target-group codes ``eligibility.guided_elsewhere`` and ``eligibility.data_missing``. Three
are INFO in the catalogue (``plan.right_to_plan``, ``exemption.applies``,
``eligibility.guided_elsewhere``): a case "broken" for them shows the finding and has none
that is not INFO."""


def _possible(code: str, policy: Policy) -> bool:
    """Whether ``policy`` lets a case produce ``code`` (``plan.missing`` needs an age that is
    both in the target group and of the duty)."""
    low, high = _missing_plan_ages(policy)
    return code != "plan.missing" or low <= high


def serious_codes(policy: Policy = DEFAULT_POLICY) -> tuple[str, ...]:
    """The codes of :data:`BROKEN_CASE_CODES` that ``policy`` reports and not as INFO, and that
    a case can produce under it: what ``cases(valid=False)`` draws."""
    return tuple(
        code
        for code in BROKEN_CASE_CODES
        if policy.severity_of(code) not in (None, Severity.INFO) and _possible(code, policy)
    )


def _draw_broken_case(draw: st.DrawFn, code: str, on: _dt.date | None, policy: Policy) -> YouthCase:
    return _CASE_BREAKERS[code](draw, code, draw_on(draw, on), policy, on is None)


def broken_cases(
    code: str, on: _dt.date | None = None, *, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[YouthCase]:
    """Cases for which :func:`~kui_core.review_case` on ``on`` finds exactly one finding that is
    not INFO, of ``code`` (any of :data:`BROKEN_CASE_CODES`); for a code that is INFO in the
    catalogue, the finding and none that is not INFO.

    Everything else is as in :func:`cases`. Without ``on`` the reference day is drawn and the
    current plan is made on it (review on ``case.current_plan.created_on``); a case without a
    plan (``plan.missing``, ``plan.right_to_plan``) then opens
    :attr:`Policy.plan_missing_after_days <kui_core.Policy.plan_missing_after_days>` days
    before it (review on ``case.opened_on`` plus those days). Coordination cases carry
    interventions of two units throughout, so they break under either
    :class:`~kui_core.CoordinatorRequired` setting.

    The cases of the young people in care (``plan.in_care_plan_late``,
    ``plan.in_care_support_decision_late``) have one placement; the duty cases one lapse that is
    late under :attr:`Policy.new_activity_from <kui_core.Policy.new_activity_from>` and
    :attr:`Policy.contact_includes_parents <kui_core.Policy.contact_includes_parents>`;
    ``exemption.applies`` is a 15–17-year-old exempted on ``on`` whose plan may lack the duty
    description and the parents. ``plan.missing`` raises ``InvalidArgument`` under a policy
    whose duty ages lie outside its target group.
    """
    if code not in BROKEN_CASE_CODES:
        raise InvalidArgument(f"no broken cases for {code!r}; choose from {BROKEN_CASE_CODES}")
    if not _possible(code, policy):
        raise InvalidArgument(f"no case produces {code!r} under this policy: {policy!r}")
    return st.composite(lambda draw: _draw_broken_case(draw, code, on, policy))()
