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
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from . import validators as v
from .dates import days_after
from .eligibility import in_target_group
from .findings import Finding, found
from .periods import Period
from .plan import GoalStatus
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


def _goal_bridges(case: YouthCase, end: _dt.date, deadline: _dt.date) -> bool:
    return any(
        goal.status is not GoalStatus.CLOSED
        and goal.target_date is not None
        and end <= goal.target_date <= deadline
        for plan in case.plans
        if plan.created_on <= deadline
        for goal in plan.goals
    )


def check_transitions(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Finding, ...]:
    """``transition.no_next_step`` for every offer that ended without a next step in time.

    The rule and its decisions are described in the module documentation; source: the
    Esbjerg strategy (nobody is lost in the transitions between offers).
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    findings: list[Finding] = []
    offers = sorted(case.offers, key=lambda p: (p.period.start, p.id))
    for offer in offers:
        end = offer.period.end
        deadline = transition_deadline(offer, policy)
        if end is None or deadline is None or offer.period.empty or on <= deadline:
            continue
        if case.closed_on is not None and case.closed_on <= end:
            continue
        followers = [
            other.period.start
            for other in offers
            if other is not offer
            and not other.period.empty
            and (other.period.end is None or other.period.end > end)
        ]
        if any(start <= deadline for start in followers):
            continue
        if _goal_bridges(case, end, deadline):
            continue
        if not in_target_group(case.youth, end, policy):
            continue
        resumed = min((start for start in followers if start <= on), default=None)
        findings += found(
            "transition.no_next_step", policy, on=on, period=Period(end, resumed), subject=offer.id
        )
    return tuple(findings)
