"""Hypothesis strategies for valid cases: coordinators, offers, 15–17 lapses and plans.

A valid case is built to pass every rule of :func:`~kui_core.review_case` on the reference day
``on`` (constructive, no filtering): :func:`~kui_core.validate_plan`,
:func:`~kui_core.check_coordination`, :func:`~kui_core.check_transitions`,
:func:`~kui_core.check_duty` and :func:`~kui_core.check_in_care`. Its plan versions come from
:mod:`._plans`; the breakers (:mod:`._broken`) start from a case built here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from ..case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from ..dates import months_before
from ..duty import contact_deadline, contacted_on, new_activity_deadline
from ..in_care import support_decision_deadline, ungeplan_deadline
from ..periods import Period
from ..plan import Intervention
from ..policy import DEFAULT_POLICY, NewActivityFrom, Policy
from ..youth import CarePlacement, Youth
from ._core import person_ids, reference_days, youths
from ._draw import ONE_DAY, YEAR, draw_day, pick, shuffled
from ._plans import CODE_ALPHABET, UNIT_CODES, draw_on, draw_plan, draw_previous

__all__ = [
    "OFFER_TEXTS",
    "activity_in_time",
    "care_in_time",
    "cases",
    "coordinator_assignments",
    "draw_case",
    "duty_lapses",
    "in_time",
    "offers",
    "placement_in_time",
    "register_type_strategies",
]

OFFER_TEXTS = ("FGU basis", "EUD grundforløb", "10. klasse", "Praktikforløb", "Job")
# Days after a lapse was noticed, or None (not yet): built once, drawn often.
_MAYBE_DAYS = st.none() | st.integers(0, 60)


def _maybe_after(draw: st.DrawFn, day: _dt.date) -> _dt.date | None:
    """``None``, or ``day`` or a day up to 60 days after it."""
    days = draw(_MAYBE_DAYS)
    return None if days is None else day + days * ONE_DAY


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
    """:class:`~kui_core.DutyLapse` values: contact with the young person and with the
    parents, and the new activity, recorded or not, on the day noticed, within the deadlines or
    after them."""

    @st.composite
    def build(draw: st.DrawFn) -> DutyLapse:
        noticed = draw(reference_days())
        contacted = _maybe_after(draw, noticed)
        activity = _maybe_after(draw, noticed)
        return DutyLapse(noticed, contacted, activity, _maybe_after(draw, noticed))

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


def in_time(
    draw: st.DrawFn, noticed: _dt.date, deadline: _dt.date, on: _dt.date
) -> _dt.date | None:
    """A day from ``noticed`` to ``deadline`` (and not after ``on``), or ``None`` where the
    deadline has not passed on ``on``."""
    if on <= deadline and draw(st.booleans()):
        return None  # not done yet, and not late yet
    return draw_day(draw, noticed, min(deadline, on), near=(deadline, noticed))


def activity_in_time(
    draw: st.DrawFn, lapse: DutyLapse, on: _dt.date, policy: Policy
) -> _dt.date | None:
    """A day for the new activity of ``lapse`` that is in time on ``on`` (or ``None``).

    Its 30 days run from noticing or from the contact, if made by ``on``
    (:attr:`Policy.new_activity_from <kui_core.Policy.new_activity_from>`,
    :func:`~kui_core.contacted_on`); while they have not started, any day or none."""
    contact = contacted_on(lapse, policy)
    started = policy.new_activity_from is NewActivityFrom.NOTICED or (
        contact is not None and contact <= on
    )
    deadline = new_activity_deadline(lapse, policy) if started else None
    if deadline is None:  # the 30 days have not started
        return _maybe_after(draw, lapse.noticed_on)
    return in_time(draw, lapse.noticed_on, deadline, on)


def _draw_lapse(draw: st.DrawFn, noticed: _dt.date, on: _dt.date, policy: Policy) -> DutyLapse:
    """A lapse noticed on ``noticed`` whose contact and new activity are in time on ``on``."""
    deadline = contact_deadline(DutyLapse(noticed), policy)
    contacted = in_time(draw, noticed, deadline, on)
    if policy.contact_includes_parents:
        parents = in_time(draw, noticed, deadline, on)
    else:  # any day: the contact deadline does not wait for the parents
        parents = _maybe_after(draw, noticed)
    lapse = DutyLapse(noticed, contacted, parents_contacted_on=parents)
    return attrs.evolve(lapse, new_activity_on=activity_in_time(draw, lapse, on, policy))


def _draw_lapses(
    draw: st.DrawFn, opened: _dt.date, on: _dt.date, policy: Policy
) -> list[DutyLapse]:
    """Lapses from the plan, each answered within both deadlines (or not yet due)."""
    return [
        _draw_lapse(draw, draw_day(draw, opened, on, near=(on,)), on, policy)
        for _ in range(draw(st.integers(0, 2)))
    ]


def placement_in_time(
    draw: st.DrawFn, youth: Youth, placement: CarePlacement, on: _dt.date, policy: Policy
) -> CarePlacement:
    """``placement`` with an ungeplan and a decision on support after 18 made in time wherever
    their deadline has passed on ``on`` (barnets lov §§ 108, 111)."""
    dates = placement.ungeplan_dates
    deadline = ungeplan_deadline(youth, placement, policy)
    if deadline is not None and on > deadline and not any(day <= deadline for day in dates):
        since = months_before(deadline, policy.in_care_plan_months)
        low = min(deadline, max(placement.decision_day, since))
        dates = tuple(sorted({*dates, draw_day(draw, low, deadline, near=(deadline, low))}))
    decided = placement.support_decided_on
    support = support_decision_deadline(youth, placement, policy)
    if support is not None and on > support and (decided is None or decided > support):
        decided = draw_day(draw, placement.period.start, support, near=(support,))
    return attrs.evolve(placement, ungeplan_dates=dates, support_decided_on=decided)


def care_in_time(draw: st.DrawFn, youth: Youth, on: _dt.date, policy: Policy) -> Youth:
    """``youth`` with every placement's duties met in time on ``on`` (:func:`placement_in_time`)."""
    care = tuple(placement_in_time(draw, youth, p, on, policy) for p in youth.in_care)
    return attrs.evolve(youth, in_care=care)


def _draw_exemptions(draw: st.DrawFn, opened: _dt.date, on: _dt.date) -> tuple[Period, ...]:
    """One exemption from the duty in one case of four: before ``on``, around it or after."""
    if draw(st.integers(0, 3)):
        return ()
    start = draw_day(draw, opened - YEAR, on + YEAR, near=(on, on + ONE_DAY))
    end = draw(st.none() | st.integers(0, 700).map(lambda n: start + n * ONE_DAY))
    return (Period(start, end),)


def draw_case(
    draw: st.DrawFn,
    on: _dt.date,
    policy: Policy,
    youth: Youth | None = None,
    *,
    plan_on_day: bool = False,
    opened_by: _dt.date | None = None,
    opened_on: _dt.date | None = None,
    min_plans: int = 1,
    backbone: bool = False,
    may_close: bool = True,
    may_exempt: bool = False,
) -> YouthCase:
    """A case that :func:`~kui_core.review_case` finds clean on ``on`` (INFO findings only).

    ``youth`` (drawn where not given) gets its in-care duties met (:func:`care_in_time`).
    ``plan_on_day``: the current plan is made on ``on``. ``opened_by``: the case opens on or
    before that day; ``opened_on``: on that day (not after ``on``), and the plans come after.
    ``backbone``: every plan version has interventions of two units running through the whole
    case, so the coordinated effort (``CoordinatorRequired.COORDINATED_EFFORT``) spans the
    whole case. ``may_exempt``: one case in four has a period of exemption from the duty
    (before, around or after ``on``).
    """
    if youth is None:
        youth = draw(youths(on, policy=policy))
    youth = care_in_time(draw, youth, on, policy)
    count = draw(st.integers(min_plans, 3))
    if plan_on_day and count == 1:
        first = on
    else:
        earliest = on - 3 * YEAR if opened_on is None else opened_on
        first = draw_day(draw, earliest, on, near=(on,))
    later = sorted(draw_day(draw, first, on, near=(first, on)) for _ in range(count - 1))
    if plan_on_day and later:
        later[-1] = on
    made = [first, *later]
    opened = opened_on
    if opened is None:
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
        duty_exemptions=_draw_exemptions(draw, opened, on) if may_exempt else (),
    )


def cases(
    valid: bool = True, *, on: _dt.date | None = None, policy: Policy = DEFAULT_POLICY
) -> st.SearchStrategy[YouthCase]:
    """:class:`~kui_core.YouthCase` values, clean on ``on`` (``valid=True``) or broken.

    A valid case passes every rule of :func:`~kui_core.review_case` on ``on``: it has only
    INFO findings (the target-group assessment, guidance elsewhere, an exemption). Its
    coordinators form a gapless chain of handovers from the day the case opens (or earlier), in
    any order; its offers follow one another within ``policy.max_transition_gap_days``; every
    15–17 lapse was answered in time (the contact, with the parents where
    :attr:`Policy.contact_includes_parents <kui_core.Policy.contact_includes_parents>` is set,
    and the new activity within the days counted as :attr:`Policy.new_activity_from
    <kui_core.Policy.new_activity_from>` says); one case in four has a period of exemption from
    the duty; it has a plan made on or before ``on``, and its plan versions pass :func:`plans`'
    rules with no open goal dropped; a young person in care has each ungeplan and each decision
    on support after 18 made by its deadline. Without ``on``, the reference day is drawn and the
    current plan is made on it: the case is then clean on ``case.current_plan.created_on``.

    ``valid=False`` gives :func:`broken_cases` of every code in :data:`BROKEN_CASE_CODES` that
    ``policy`` reports above INFO and can produce: each such case has exactly one finding that
    is not INFO.
    """
    if not valid:
        # The breakers start from the valid cases built here: imported only when asked for.
        from ._broken import broken_cases, serious_codes

        return st.sampled_from(serious_codes(policy)).flatmap(
            lambda code: broken_cases(code, on, policy=policy)
        )

    @st.composite
    def build(draw: st.DrawFn) -> YouthCase:
        return draw_case(draw, draw_on(draw, on), policy, plan_on_day=on is None, may_exempt=True)

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
