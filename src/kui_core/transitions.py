"""Transitions between offers: nobody is lost between two offers.

Esbjerg's strategy ("ingen unge går tabt i overgangene") wants a next step for the young people
whose offer (tilbud) ends while they are still in the target group. The longest
acceptable wait is :attr:`Policy.max_transition_gap_days` (N, default 30), a municipal choice.

**The rule, exactly.** An offer ending at ``end`` (its period is half-open, so ``end`` is the
first day without it) needs a next step by the *transition deadline* ``end + N`` days. A next
step is either

- another offer that covers at least one day from ``end`` to the deadline (inclusive): an
  offer that starts by the deadline, or one already running that goes on past ``end``; or
- a goal, not closed (open, or already achieved), with a target date from ``end`` to the
  deadline (inclusive), in a plan version made on or before the deadline.

With N = 0 the next offer must start on ``end`` itself. A zero-length offer never ran and
needs no next step. The rule applies where the young person is in the target group
(:func:`~kui_core.eligibility.in_target_group`) on ``end`` and the case was still open on
``end``. It is reported only once the grace period has fully passed, that is when ``on`` is after
the deadline.

**The finding.** ``transition.no_next_step`` with the offer's id in ``subject`` and the
uncovered days as ``period``: from ``end`` until the next offer starts (where one started
by ``on``), open-ended otherwise.

**Cost.** One sort of the offers by their end and of the dated goals, then a binary search per
offer: O(n log n) in the number of offers and goals (100,000 offers of one case take well under
a second; see ``benchmarks/run.py``).
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING, cast

from . import validators as v
from .dates import days_after
from .eligibility import in_target_group
from .findings import Finding, found
from .periods import Period
from .plan import EducationPlan, GoalStatus
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on

if TYPE_CHECKING:
    from .case import Offer, YouthCase

__all__ = ["check_transitions", "transition_deadline"]


def transition_deadline(
    offer: Offer, policy: Policy | PolicyTimeline = DEFAULT_POLICY, *, on: _dt.date | None = None
) -> _dt.date | None:
    """The last day on which a next step is in time, or ``None`` for an open-ended offer.

    A deadline beyond the end of the calendar (an offer ending on 31 December 9999, the "no
    end" of many case systems) is capped at :data:`datetime.date.max`: no day comes after it.
    A :class:`~kui_core.PolicyTimeline` is read on ``on`` where given (what
    :func:`check_transitions` does on its reference day), else on the day the offer ends.
    """
    end = offer.period.end
    if end is None:
        return None
    day = end if on is None else v.check_day("on", on)
    return days_after(end, policy_on(policy, day).max_transition_gap_days)


def _earliest_from(days: list[_dt.date]) -> list[_dt.date]:
    """``[min(days[k:]) for k in range(len(days))]`` in one pass."""
    return list(accumulate(reversed(days), min))[::-1]


class _Followers:
    """The earliest start of the offers still running after a day: O(log n) per question.

    A *follower* of an offer ending at ``end`` is another offer, not zero-length, that is still
    running on ``end`` (open-ended, or ending after ``end``). The offer itself never qualifies:
    it ends at ``end``.
    """

    def __init__(self, offers: Sequence[Offer]) -> None:
        periods = [offer.period for offer in offers]
        self._open = min((p.start for p in periods if p.end is None), default=None)
        ending = sorted((p for p in periods if p.end is not None and not p.empty), key=_END)
        self._ends = cast("list[_dt.date]", [p.end for p in ending])
        self._earliest = _earliest_from([p.start for p in ending])  # among ending[k:]

    def earliest_after(self, end: _dt.date) -> _dt.date | None:
        """The earliest start of a follower of an offer ending at ``end``; ``None`` if none."""
        index = bisect_right(self._ends, end)
        if index == len(self._ends):
            return self._open
        earliest = self._earliest[index]
        return earliest if self._open is None else min(earliest, self._open)


class _Goals:
    """Whether a goal bridges the days from ``end`` to ``deadline``: O(log n) per question.

    A goal bridges them where it is not closed and its target date lies from ``end`` to
    ``deadline`` (inclusive), in a plan version made on or before ``deadline``: that is, its
    target date is on or after ``end`` and the later of its target date and its plan's
    ``created_on`` is on or before ``deadline``.
    """

    def __init__(self, plans: Sequence[EducationPlan]) -> None:
        dated = sorted(
            (goal.target_date, max(goal.target_date, plan.created_on))
            for plan in plans
            for goal in plan.goals
            if goal.status is not GoalStatus.CLOSED and goal.target_date is not None
        )
        self._targets = [target for target, _ in dated]
        self._soonest = _earliest_from([due for _, due in dated])  # among dated[k:]

    def bridge(self, end: _dt.date, deadline: _dt.date) -> bool:
        index = bisect_left(self._targets, end)
        return index < len(self._targets) and self._soonest[index] <= deadline


def check_transitions(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Finding, ...]:
    """``transition.no_next_step`` for every offer that ended without a next step in time.

    The rule and its decisions are described in the module documentation; source: the
    Esbjerg strategy (nobody is lost in the transitions between offers). The findings come in
    the order of the offers' (start, id). Sort plus a binary search per offer: O(n log n) in the
    number of offers and goals.
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    gap = _dt.timedelta(days=policy.max_transition_gap_days)
    closed_on = case.closed_on
    followers = _Followers(case.offers)
    goals = _Goals(case.plans)
    in_group: dict[_dt.date, bool] = {}
    late: list[tuple[Offer, Period]] = []
    for offer in case.offers:
        period = offer.period
        end = period.end
        if end is None or end == period.start:
            continue  # open-ended, or zero-length: it never ran
        try:
            deadline = end + gap
        except OverflowError:  # capped at 31 December 9999 (see transition_deadline): in time
            continue
        if on <= deadline or (closed_on is not None and closed_on <= end):
            continue
        resumed = followers.earliest_after(end)
        if resumed is not None and resumed <= deadline:
            continue
        if goals.bridge(end, deadline):
            continue
        if end not in in_group:
            in_group[end] = in_target_group(case.youth, end, policy)
        if in_group[end]:
            # Uncovered from ``end`` until the next offer starts, if it started by ``on``.
            late.append((offer, Period(end, resumed if resumed and resumed <= on else None)))
    late.sort(key=lambda item: (item[0].period.start, item[0].id))
    return tuple(
        finding
        for offer, uncovered in late
        for finding in found(
            "transition.no_next_step", policy, on=on, period=uncovered, subject=offer.id
        )
    )


_END = attrgetter("end")
