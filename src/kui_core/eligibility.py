"""Who is in the KUI target group, and who must be reached through outreach.

The target group is young people from :attr:`Policy.min_age` (15) to under 25 (the law's title)
who have not completed a qualifying education (:attr:`Policy.target_group_exit`; uvm.dk's wording
of the right to a plan). The municipality must offer guidance through outreach to those in it
who are neither enrolled in an education (:attr:`Policy.enrolment_programmes`), nor have
completed a youth education (:attr:`Policy.outreach_programmes`), nor work at least
:attr:`Policy.outreach_work_hours` (20) hours a week, unless another authority already guides
them (uvm.dk, "Vejledning af unge uden for skolen"; recorded in :attr:`Youth.guided_elsewhere
<kui_core.Youth.guided_elsewhere>`). A pupil in primary school (:attr:`Programme.PRIMARY_SCHOOL
<kui_core.Programme.PRIMARY_SCHOOL>`) is enrolled.

Unknown is not "no": where the education or employment records are known only up to a day
before ``on`` (:attr:`Youth.educations_known_until <kui_core.Youth.educations_known_until>`,
:attr:`Youth.employments_known_until <kui_core.Youth.employments_known_until>`), a record that is
there still counts (an enrolment, a job, a completed education), but the absence of one proves
nothing. Where nothing recorded rules outreach out and a record kind is unknown on ``on``,
``outreach_required`` is ``None`` (cannot decide) with ``eligibility.data_missing``. Without those
days (the default) the records are taken as complete, as before. The target group itself is
judged on the records there are: a completion after the known day is not guessed.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import attrs

from . import validators as v
from .audit import AuditStamp, audit_stamp
from .dates import age_on, birthday, completed_years
from .education import PROGRAMME_DATES, Programme
from .findings import Finding, found
from .periods import ONE_DAY
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .youth import Youth

__all__ = ["Eligibility", "assess_eligibility", "in_target_group"]


@attrs.frozen
class Eligibility:
    """The answer of :func:`assess_eligibility`, with the findings that explain it."""

    on: _dt.date
    """The reference day of the assessment."""
    age: int
    """Age on `on` in completed years (29 February birthdays by `Policy.leap_day_rule`)."""
    in_target_group: bool
    """True where aged `Policy.min_age` to under `Policy.age_limit`, no exit education completed."""
    enrolled: bool
    """True where enrolled on `on` in a programme of `Policy.enrolment_programmes`."""
    outreach_required: bool | None
    """True where outreach is due, false where it is not, ``None`` where the records cannot
    decide (``eligibility.data_missing``)."""
    eligible_until: _dt.date
    """The last day (inclusive) on which the person is young enough for the target group."""
    findings: tuple[Finding, ...]
    """The findings that explain the answer (:class:`Finding`), in the order the rules ran."""
    stamp: AuditStamp | None = None
    """Which rules and policy produced the answer (:mod:`kui_core.audit`)."""

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)


def _hours(value: float) -> str:
    """Hours for a message: short (``20``, ``19.5``), but never rounded to look like another."""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))


@lru_cache(maxsize=4096)
def _found(code: str, subject: str | None, policy: Policy, on: _dt.date) -> tuple[Finding, ...]:
    # Findings are immutable and the same few recur for millions of people: build each once.
    return tuple(found(code, policy, subject=subject, on=on))


def _records(
    youth: Youth, on: _dt.date, policy: Policy
) -> tuple[set[Programme], set[Programme], set[Programme]]:
    """One pass over the records: the programmes completed by ``on`` that end the target group
    (:attr:`Policy.target_group_exit`), the other completed ones that end outreach
    (:attr:`Policy.outreach_programmes`), and those enrolled in on ``on``
    (:attr:`Policy.enrolment_programmes`)."""
    exits: set[Programme] = set()
    youth_completed: set[Programme] = set()
    enrolled_in: set[Programme] = set()
    for record in youth.educations:
        programme = record.programme
        completed_on = record.completed_on
        if completed_on is not None and completed_on <= on:
            if programme in policy.target_group_exit:
                exits.add(programme)
            elif programme in policy.outreach_programmes:
                youth_completed.add(programme)
        elif programme in policy.enrolment_programmes and record.enrolled_on(on):
            enrolled_in.add(programme)
    return exits, youth_completed, enrolled_in


def _unknown(youth: Youth, on: _dt.date) -> str | None:
    """The record kinds not known on ``on``, with their last known day; ``None`` where all are."""
    missing = []
    if not youth.educations_known_on(on):
        missing.append(f"educations_known_until {youth.educations_known_until}")
    if not youth.employments_known_on(on):
        missing.append(f"employments_known_until {youth.employments_known_until}")
    return ", ".join(missing) or None


_AGREED = frozenset(
    p for p, dates in PROGRAMME_DATES.items() if not dates.enacted or dates.agreed_end_year
)
"""The programmes a political agreement changes (``eligibility.programme_agreed_change``)."""


def in_target_group(
    youth: Youth, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> bool:
    """Whether ``youth`` is in the target group on ``on``: the decision of
    :func:`assess_eligibility` without its findings (aged :attr:`Policy.min_age` to under
    :attr:`Policy.age_limit`, no programme of :attr:`Policy.target_group_exit` completed)."""
    v.check_day("on", on)
    policy = policy_on(policy, on)
    age = age_on(youth.birth_date, on, policy.leap_day_rule)
    if not policy.min_age <= age < policy.age_limit:
        return False
    exits, _, _ = _records(youth, on, policy)
    return not exits


def assess_eligibility(
    youth: Youth, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> Eligibility:
    """Decide whether ``youth`` is in the target group on ``on`` and whether outreach is due.

    Every reason that applies is reported as a finding, not only the first: a 26-year-old
    graduate gets both ``eligibility.over_age_limit`` and
    ``eligibility.completed_qualifying_education``. ``eligibility.employed`` and
    ``eligibility.outreach_required`` carry the weekly hours against
    :attr:`Policy.outreach_work_hours` as their subject (``"25 h < 30 h"``). Enrolment counts
    for the programmes in :attr:`Policy.enrolment_programmes` (by default every programme: a
    young person in primary school, FGU or 10th grade is not outside school). Guidance by
    another authority on ``on`` gives ``eligibility.guided_elsewhere`` (subject: the
    authorities) and no outreach. Where outreach would follow only from missing records, the
    answer is ``None`` with ``eligibility.data_missing`` (see the module documentation).
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    born = youth.birth_date
    age = completed_years(born, on, policy.leap_day_rule)  # both days are checked dates
    findings: list[Finding] = []
    too_old = age >= policy.age_limit
    too_young = age < policy.min_age
    if too_old:
        findings += _found("eligibility.over_age_limit", f"{age}", policy, on)
    if too_young:
        findings += _found("eligibility.under_min_age", f"{age}", policy, on)

    exits, youth_completed, enrolled_in = _records(youth, on, policy)
    agreed = {
        r.programme
        for r in youth.educations
        if r.programme in _AGREED
        and r.started_on <= on
        and r.programme.dates.agreed_change(r.started_on)
    }
    for programme in sorted(agreed):
        findings += _found("eligibility.programme_agreed_change", programme.value, policy, on)
    for programme in sorted(exits):
        findings += _found(
            "eligibility.completed_qualifying_education", programme.value, policy, on
        )
    in_target_group = not (too_old or too_young or exits)

    enrolled = bool(enrolled_in)
    hours = youth.weekly_hours_on(on)
    employed = hours >= policy.outreach_work_hours

    if in_target_group:
        findings += _found("eligibility.in_target_group", None, policy, on)
        for programme in sorted(youth_completed):
            findings += _found("eligibility.completed_youth_education", programme.value, policy, on)
        if enrolled:
            subject = ", ".join(p.value for p in sorted(enrolled_in))
            findings += _found("eligibility.enrolled", subject, policy, on)
        if employed:
            subject = f"{_hours(hours)} h ≥ {_hours(policy.outreach_work_hours)} h"
            findings += _found("eligibility.employed", subject, policy, on)
    guided = youth.guided_elsewhere_on(on) if youth.guided_elsewhere else ()
    if in_target_group and guided:
        subject = ", ".join(sorted({a.value for a in guided}))
        findings += _found("eligibility.guided_elsewhere", subject, policy, on)
    outreach_required: bool | None = in_target_group and not (
        enrolled or employed or youth_completed or guided
    )
    if outreach_required:
        unknown = _unknown(youth, on)
        if unknown:
            outreach_required = None
            findings += _found("eligibility.data_missing", unknown, policy, on)
        else:
            subject = f"{_hours(hours)} h < {_hours(policy.outreach_work_hours)} h"
            findings += _found("eligibility.outreach_required", subject, policy, on)

    return Eligibility(
        on=on,
        age=age,
        in_target_group=in_target_group,
        enrolled=enrolled,
        outreach_required=outreach_required,
        eligible_until=birthday(born, policy.age_limit, policy.leap_day_rule) - ONE_DAY,
        findings=tuple(findings),
        stamp=audit_stamp(policy),
    )
