"""Young people in out-of-home care (barnets lov): the ungeplan and support after 18.

Two duties of barnets lov (LBK nr. 282 af 17/03/2025) are checked for each
:class:`~kui_core.CarePlacement` of a young person:

- ``plan.in_care_plan_late`` (§ 108, stk. 2–4): a young person in care from 16 has an
  *ungeplan* no later than :attr:`Policy.in_care_plan_months` (3) calendar months after the
  decision on the placement or the :attr:`Policy.in_care_plan_age` (16th) birthday, whichever
  is later. For a placement without consent (``consent=False``) decided on or after that
  birthday, the ungeplan is made before the decision: the deadline is the decision day itself
  (an ungeplan dated that day counts, as the order within a day is not recorded). The ungeplan
  is a barnets lov document recorded in :attr:`CarePlacement.ungeplan_dates
  <kui_core.CarePlacement.ungeplan_dates>`; the KUI education plan (§ 2 c) does not meet it.
- ``plan.in_care_support_decision_late`` (§ 111): where a placement runs until the
  :attr:`Policy.in_care_end_age` (18th) birthday, continued support is decided no later than
  :attr:`Policy.in_care_support_months` (6) calendar months before it.

Choices (not in the law): a placement that ends before its ungeplan deadline creates no
ungeplan duty; a placement that starts after the support deadline creates no support finding
(the deadline could not be met); where ``decided_on`` is not recorded the start of the placement
stands in for it. Each lateness is reported once ``on`` is past the deadline and stays on the
record. Subject: the deadline (ISO date). :func:`ungeplan_deadline` and
:func:`support_decision_deadline` read a :class:`~kui_core.PolicyTimeline` on their ``on=``
where given (what :func:`check_in_care` does on its reference day), else on the placement's
decision day.
"""

from __future__ import annotations

import datetime as _dt

from . import validators as v
from .dates import birthday, months_after, months_before
from .findings import Finding, found, found_late
from .periods import ONE_DAY, Period
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .youth import CarePlacement, Youth

__all__ = ["check_in_care", "support_decision_deadline", "ungeplan_deadline"]


def _ungeplan_window(
    youth: Youth, placement: CarePlacement, policy: Policy
) -> tuple[_dt.date, _dt.date] | None:
    """``(start, deadline)`` of the ungeplan duty for ``placement``, or ``None`` where none."""
    care = placement.period
    turns = birthday(youth.birth_date, policy.in_care_plan_age, policy.leap_day_rule)
    if care.empty or (care.end is not None and care.end <= turns):
        return None
    decided = placement.decision_day
    if not placement.consent and decided >= turns:
        start = deadline = decided
    else:
        start = max(turns, decided)
        deadline = months_after(start, policy.in_care_plan_months)
    if care.end is not None and care.end <= deadline:
        return None
    return start, deadline


def ungeplan_deadline(
    youth: Youth,
    placement: CarePlacement,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    on: _dt.date | None = None,
) -> _dt.date | None:
    """The last day on which the ungeplan for ``placement`` is in time (barnets lov § 108).

    ``None`` where the placement creates no duty (it ends before the
    :attr:`Policy.in_care_plan_age` birthday, or before its deadline). See the module
    documentation for the deadline.
    """
    policy = policy_on(policy, placement.decision_day if on is None else v.check_day("on", on))
    window = _ungeplan_window(youth, placement, policy)
    return None if window is None else window[1]


def support_decision_deadline(
    youth: Youth,
    placement: CarePlacement,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    on: _dt.date | None = None,
) -> _dt.date | None:
    """The last day on which continued support after 18 is decided in time (barnets lov § 111).

    :attr:`Policy.in_care_support_months` (6) calendar months before the
    :attr:`Policy.in_care_end_age` (18th) birthday, for a placement still running the day before
    that birthday (the placement ends with it); ``None`` for any other placement, and for one
    that starts after the deadline.
    """
    policy = policy_on(policy, placement.decision_day if on is None else v.check_day("on", on))
    turns = birthday(youth.birth_date, policy.in_care_end_age, policy.leap_day_rule)
    care = placement.period
    if turns == _dt.date.min or not care.contains(turns - ONE_DAY):
        return None
    deadline = months_before(turns, policy.in_care_support_months)
    return None if care.start > deadline else deadline


def check_in_care(
    youth: Youth, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Finding, ...]:
    """``plan.in_care_plan_late`` and ``plan.in_care_support_decision_late`` for each placement.

    Dates recorded after ``on`` (an ungeplan, a support decision) are not yet known on ``on``.
    The ungeplan finding's period runs from the start of the duty to the deadline inclusive;
    the support finding's from the day after the deadline to the day of a late decision (open
    while there is none).
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    findings: list[Finding] = []
    for placement in sorted(youth.in_care, key=lambda p: p.period.start):
        window = _ungeplan_window(youth, placement, policy)
        if window is not None:
            start, deadline = window
            if on > deadline and not any(day <= deadline for day in placement.ungeplan_dates):
                findings += found(
                    "plan.in_care_plan_late",
                    policy,
                    on=on,
                    subject=deadline.isoformat(),
                    period=Period(start, deadline + ONE_DAY),
                )
        support = support_decision_deadline(youth, placement, policy)
        if support is not None:
            findings += found_late(
                "plan.in_care_support_decision_late",
                policy,
                deadline=support,
                done_on=placement.support_decided_on,
                on=on,
            )
    return tuple(findings)
