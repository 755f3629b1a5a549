"""Hypothesis strategies for valid cases: coordinators, offers, 15–17 lapses and plans.

A valid case is built to pass every rule of :func:`~kui_core.review_case` on the reference day
``on`` (constructive, no filtering): :func:`~kui_core.validate_plan`,
:func:`~kui_core.check_coordination`, :func:`~kui_core.check_transitions` and
:func:`~kui_core.check_duty`. Its plan versions come from :mod:`._plans`; the breakers
(:mod:`._broken`) start from a case built here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..duty import contact_deadline, new_activity_deadline
from ..periods import Period
from ..plan import Intervention
from ..policy import DEFAULT_POLICY, Policy
from ..youth import Youth
from ._core import person_ids, reference_days, youths
from ._draw import ONE_DAY, YEAR, draw_day, pick, shuffled
from ._plans import (
    CODE_ALPHABET,
    UNIT_CODES,
    draw_on,
    draw_plan,
    draw_previous,
    first_plan_limit,
)

__all__ = [
    "OFFER_TEXTS",
    "cases",
    "coordinator_assignments",
    "draw_case",
    "duty_lapses",
    "offers",
    "register_type_strategies",
]

OFFER_TEXTS = ("FGU basis", "EUD grundforløb", "10. klasse", "Praktikforløb", "Job")


# -- small models -------------------------------------------------------------------------------


def _draw_any_period(draw: st.DrawFn) -> Period:
    """From a reference day, open-ended or up to 1000 days long (empty too)."""
    start = draw(reference_days())
    end = draw(st.none() | st.integers(0, 1000).map(lambda n: start + n * ONE_DAY))
    return Period(start, end)


def coordinator_assignments() -> st.SearchStrategy[CoordinatorAssignment]:
    """:class:`~kui_core.CoordinatorAssignment` values (any period, open-ended or empty too)."""

    @st.composite
    def build(draw: st.DrawFn) -> CoordinatorAssignment:
        period = _draw_any_period(draw)
        return CoordinatorAssignment(draw(person_ids()), pick(draw, UNIT_CODES), period)

    return build()


def offers() -> st.SearchStrategy[Offer]:
    """:class:`~kui_core.Offer` values (any period, open-ended or empty too)."""

    @st.composite
    def build(draw: st.DrawFn) -> Offer:
        period = _draw_any_period(draw)
        code = draw(st.text(CODE_ALPHABET, min_size=1, max_size=6))
        return Offer(code, pick(draw, OFFER_TEXTS), period)

    return build()


def duty_lapses() -> st.SearchStrategy[DutyLapse]:
    """:class:`~kui_core.DutyLapse` values: contact and new activity recorded or not, on the
    day noticed, within the deadlines or after them."""

    @st.composite
    def build(draw: st.DrawFn) -> DutyLapse:
        noticed = draw(reference_days())
        later = st.none() | st.integers(0, 60).map(lambda n: noticed + n * ONE_DAY)
        return DutyLapse(noticed, draw(later), draw(later))

    return build()


# -- cases --------------------------------------------------------------------------------------


def _draw_chain(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, closed: _dt.date | None
) -> list[CoordinatorAssignment]:
    """A gapless chain of handovers from (at or before) ``opened`` past the end of the span."""
    start = opened - ONE_DAY * pick(draw, (0, 0, 1, 30))
    count = draw(st.integers(1, 4))
    horizon = max(on, start) + YEAR
    handovers = sorted({draw_day(draw, start + ONE_DAY, horizon) for _ in range(count - 1)})
    starts = [start, *handovers]
    bound = on + ONE_DAY if closed is None else min(closed, on + ONE_DAY)
    last_end = None
    if draw(st.booleans()):
        last_end = max(bound, starts[-1] + ONE_DAY) + ONE_DAY * draw(st.integers(0, 400))
    ends: list[_dt.date | None] = [*starts[1:], last_end]
    return [
        CoordinatorAssignment(f"c{n}", pick(draw, UNIT_CODES), Period(first, end))
        for n, (first, end) in enumerate(zip(starts, ends, strict=True), start=1)
    ]


def _draw_offers(draw: st.DrawFn, opened: _dt.date, on: _dt.date, policy: Policy) -> list[Offer]:
    """Offers in a chain, each followed within ``policy.max_transition_gap_days``."""
    gap = policy.max_transition_gap_days
    count = draw(st.integers(0, 3))
    out: list[Offer] = []
    start = draw_day(draw, opened - YEAR, on)
    for n in range(1, count + 1):
        last = n == count
        end: _dt.date | None = None
        if not (last and draw(st.booleans())):
            end = start + ONE_DAY * draw(st.integers(1, 700))
            if last and end + gap * ONE_DAY < on:
                end = on - gap * ONE_DAY  # its grace period runs until ``on`` at least
        out.append(Offer(f"pl-{n}", pick(draw, OFFER_TEXTS), Period(start, end)))
        if end is None:
            break
        start = end + ONE_DAY * draw(st.integers(0, gap))
    return out


def _in_time(
    draw: st.DrawFn, noticed: _dt.date, deadline: _dt.date, on: _dt.date
) -> _dt.date | None:
    if on <= deadline and draw(st.booleans()):
        return None  # not done yet, and not late yet
    return draw_day(draw, noticed, min(deadline, on), near=(deadline, noticed))


def _draw_lapses(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, policy: Policy
) -> list[DutyLapse]:
    """Lapses from the plan, each answered within both deadlines (or not yet due)."""
    out: list[DutyLapse] = []
    for _ in range(draw(st.integers(0, 2))):
        noticed = draw_day(draw, opened, on, near=(on,))
        lapse = DutyLapse(noticed)
        contacted = _in_time(draw, noticed, contact_deadline(lapse, policy), on)
        activity = _in_time(draw, noticed, new_activity_deadline(lapse, policy), on)
        out.append(DutyLapse(noticed, contacted, activity))
    return out


def draw_case(
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
        first_low, first_high = first_plan_after + ONE_DAY, on
    else:
        first_high = first_plan_limit(youth, on, policy)
        first_low = first_high - 3 * YEAR
    # A plan made on ``on`` cannot be the first where the first had to come earlier (§ 108).
    fewest = max(min_plans, 2 if plan_on_day and first_high < on else 1)
    count = draw(st.integers(fewest, 3))
    if plan_on_day and count == 1:
        first = on
    else:
        first = draw_day(draw, first_low, first_high, near=(first_high,))
    later = sorted(draw_day(draw, first, on, near=(first, on)) for _ in range(count - 1))
    if plan_on_day and later:
        later[-1] = on
    made = [first, *later]
    latest_open = first if opened_by is None else min(first, opened_by)
    opened = draw_day(draw, latest_open - 2 * YEAR, latest_open, near=(latest_open,))

    current = draw_plan(
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
        versions.insert(0, draw_previous(draw, versions[0], made[n - 1], f"plan-{n}", previous_id))
    if backbone:
        since = Period(opened - ONE_DAY * draw(st.integers(0, 30)))
        spine = (
            Intervention("i-uu", "UU", "Vejledning", since, frozenset({"g1"})),
            Intervention("i-job", "JOB", "Mentor", since, frozenset({"g1"})),
        )
        versions = [attrs.evolve(v, interventions=v.interventions + spine) for v in versions]

    closed = None
    if may_close and draw(st.integers(0, 3)) == 0:
        closed = draw_day(draw, opened, on + YEAR, near=(on, on + ONE_DAY))
    chain = shuffled(draw, _draw_chain(draw, opened, on, closed))
    return YouthCase(
        youth=youth,
        opened_on=opened,
        closed_on=closed,
        plans=tuple(versions),
        coordinators=tuple(chain),
        offers=tuple(_draw_offers(draw, opened, on, policy)),
        duty_lapses=tuple(_draw_lapses(draw, opened, on, policy)),
    )


def cases(
    valid: bool = True, *, on: _dt.date | None = None, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[YouthCase]:
    """:class:`~kui_core.YouthCase` values, clean on ``on`` (``valid=True``) or broken.

    A valid case passes every rule of :func:`~kui_core.review_case` on ``on``: it has only
    INFO findings (the target-group assessment). Its coordinators form a gapless chain of
    handovers from the day the case opens (or earlier), in any order; its offers follow
    one another within ``policy.max_transition_gap_days``; every 15–17 lapse was answered in
    time; its plan versions pass :func:`plans`' rules, with the first made by the § 108
    deadline for a young person in care and no open goal dropped. Without ``on``, the reference
    day is drawn and the current plan is made on it: the case is then clean on
    ``case.current_plan.created_on``.

    ``valid=False`` gives :func:`broken_cases` of every code in :data:`BROKEN_CASE_CODES`.
    """
    if not valid:
        # The breakers start from the valid cases built here: imported only when asked for.
        from ._broken import BROKEN_CASE_CODES, broken_cases

        return st.sampled_from(BROKEN_CASE_CODES).flatmap(
            lambda code: broken_cases(code, on, policy=policy)
        )

    @st.composite
    def build(draw: st.DrawFn) -> YouthCase:
        return draw_case(draw, draw_on(draw, on), policy, plan_on_day=on is None)

    return build()


# -- registration for st.from_type -----------------------------------------------------------

_TYPE_STRATEGIES: tuple[tuple[type[Any], Callable[[], st.SearchStrategy[Any]]], ...] = (
    (CoordinatorAssignment, coordinator_assignments),
    (Offer, offers),
    (DutyLapse, duty_lapses),
    (YouthCase, cases),
)


def register_type_strategies() -> None:
    """Register the case strategies for ``st.from_type`` (idempotent)."""
    for cls, factory in _TYPE_STRATEGIES:
        st.register_type_strategy(cls, st.deferred(factory))
