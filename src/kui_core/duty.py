"""The deadlines of the 15–17 education duty (uddannelsespligt, § 2 a).

A 15–17-year-old who does not follow the plan must be contacted within
:attr:`Policy.contact_deadline_working_days` (5) working days and offered a new activity within
:attr:`Policy.new_activity_deadline_days` (30) calendar days at the latest (uvm.dk, "Vejledning
af unge uden for skolen"). Each recorded :class:`~kui_core.case.DutyLapse` starts the contact
clock on its ``noticed_on`` day, which itself is not counted. The 30 days run from the day the
contact was made (:attr:`Policy.new_activity_from` ``CONTACT``, the default: until then only the
contact deadline can be missed) or from ``noticed_on`` (``NOTICED``). Where
:attr:`Policy.contact_includes_parents` is set, the contact is made only once the parents were
contacted too (Guldborgsund: contact with "den unge og dennes forældre", then 30 days "efter, at
kontakten er etableret").

A young person exempted from the duty on ``on`` (:attr:`YouthCase.duty_exemptions
<kui_core.YouthCase.duty_exemptions>`, KUI law § 2 a, stk. 2) gets no ``duty.*`` finding, only
``exemption.applies``; a lapse noticed during an exemption never starts a deadline, and a
deadline whose days (from the day after noticing to the deadline) meet an exemption is not
reported even after the exemption ends: the duty was suspended while it ran.

The deadline helpers (:func:`contact_deadline`, :func:`contacted_on`,
:func:`new_activity_deadline`) read a :class:`~kui_core.PolicyTimeline` on their ``on=`` where
given (what :func:`check_duty` does on its reference day), else on the day the lapse was noticed.

Decisions:

- The age that matters is the age on ``noticed_on``: a lapse noticed the day before the 18th
  birthday keeps its deadlines even though they fall after it.
- A deadline is met by acting on or before its last day. It is reported only once ``on`` is
  past that day.
- A deadline met late is still reported (the record shows it was missed); its period runs from
  the day after the deadline up to and including the day of the late contact or activity. A
  deadline still not met (or met only on 31 December 9999, the last day of the calendar) has an
  open-ended period from the day after it. The ``subject`` is the
  deadline itself (its last day, ISO date), so the message is true under any policy.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from . import validators as v
from .dates import age_on, days_after, working_days_after
from .findings import Finding, found, found_late
from .periods import ONE_DAY, Period
from .policy import DEFAULT_POLICY, NewActivityFrom, Policy, PolicyTimeline, policy_on

if TYPE_CHECKING:
    from .case import DutyLapse, YouthCase

__all__ = ["check_duty", "contact_deadline", "contacted_on", "new_activity_deadline"]


def contact_deadline(
    lapse: DutyLapse,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    on: _dt.date | None = None,
) -> _dt.date:
    """The last day on which contacting the young person is in time (the 5th working day)."""
    policy = policy_on(policy, lapse.noticed_on if on is None else v.check_day("on", on))
    return working_days_after(
        lapse.noticed_on, policy.contact_deadline_working_days, policy.extra_closed_days
    )


def contacted_on(
    lapse: DutyLapse,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    on: _dt.date | None = None,
) -> _dt.date | None:
    """The day the contact was made: the young person's, or where
    :attr:`Policy.contact_includes_parents` is set the later of the young person's and the
    parents'; ``None`` while it is not made."""
    policy = policy_on(policy, lapse.noticed_on if on is None else v.check_day("on", on))
    youth_day = lapse.contacted_on
    if not policy.contact_includes_parents or youth_day is None:
        return youth_day
    parents_day = lapse.parents_contacted_on
    return None if parents_day is None else max(youth_day, parents_day)


def new_activity_deadline(
    lapse: DutyLapse,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    on: _dt.date | None = None,
) -> _dt.date | None:
    """The last day on which a new activity is in time: 30 calendar days after the contact was
    made (:func:`contacted_on`; ``None`` while it is not) or, under
    :attr:`Policy.new_activity_from` ``NOTICED``, after the lapse was noticed.

    Capped at :data:`datetime.date.max` where it would lie beyond the calendar.
    """
    policy = policy_on(policy, lapse.noticed_on if on is None else v.check_day("on", on))
    if policy.new_activity_from is NewActivityFrom.NOTICED:
        start: _dt.date | None = lapse.noticed_on
    else:
        start = contacted_on(lapse, policy)
    return None if start is None else days_after(start, policy.new_activity_deadline_days)


def _suspended(case: YouthCase, noticed_on: _dt.date, deadline: _dt.date) -> bool:
    """True where an exemption covers a day from the day after ``noticed_on`` to ``deadline``:
    the duty, and with it the deadline, was suspended while it ran."""
    first = noticed_on + ONE_DAY if noticed_on < _dt.date.max else noticed_on
    end = deadline + ONE_DAY if deadline < _dt.date.max else None
    window = Period(first, end)
    return any(exemption.overlaps(window) for exemption in case.duty_exemptions)


def check_duty(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Finding, ...]:
    """``duty.contact_overdue`` and ``duty.new_activity_overdue`` for each lapse of ``case``, or
    ``exemption.applies`` where the young person is exempted on ``on``.

    Applies to lapses noticed while the young person was aged :attr:`Policy.duty_min_age` to
    :attr:`Policy.duty_max_age` (15–17) and not exempted; source: uvm.dk outreach guidance,
    § 2 a. A contact or activity recorded after ``on`` is not yet known on ``on``: the deadline
    counts as unmet (and a 30-day clock that starts at the contact has not started).
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    born = case.youth.birth_date
    exemption = case.exemption_on(on)
    if exemption is not None:
        age = age_on(born, on, policy.leap_day_rule)
        if policy.duty_min_age <= age <= policy.duty_max_age:
            return tuple(found("exemption.applies", policy, on=on, period=exemption))
        return ()
    findings: list[Finding] = []
    for lapse in sorted(case.duty_lapses, key=lambda lapse: lapse.noticed_on):
        age = age_on(born, lapse.noticed_on, policy.leap_day_rule)
        if not policy.duty_min_age <= age <= policy.duty_max_age:
            continue
        if case.exemption_on(lapse.noticed_on) is not None:
            continue
        contact = contacted_on(lapse, policy)
        deadline = contact_deadline(lapse, policy)
        if not _suspended(case, lapse.noticed_on, deadline):
            findings += found_late(
                "duty.contact_overdue", policy, deadline=deadline, done_on=contact, on=on
            )
        # Under NewActivityFrom.CONTACT the clock starts at the contact: without one there is no
        # deadline, and a contact after ``on`` gives a deadline after ``on`` (nothing is late).
        activity = new_activity_deadline(lapse, policy)
        if activity is not None and not _suspended(case, lapse.noticed_on, activity):
            findings += found_late(
                "duty.new_activity_overdue",
                policy,
                deadline=activity,
                done_on=lapse.new_activity_on,
                on=on,
            )
    return tuple(findings)
