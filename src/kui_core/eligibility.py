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

import attrs

from . import validators as v
from .audit import AuditStamp, audit_stamp
from .dates import age_on, birthday, completed_years
from .education import MICRO_HOURS, PROGRAMME_DATES, Programme, micro_hours
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


# Eligibility(...) without attrs' generated __init__ (it has no validators or converters to
# run): its slots set directly, a quarter of assess_eligibility's time otherwise. The setters
# follow attrs.fields(Eligibility); unpacking fails at import where a field is added or removed.
_new = object.__new__
(
    _set_on,
    _set_age,
    _set_in_target_group,
    _set_enrolled,
    _set_outreach_required,
    _set_eligible_until,
    _set_findings,
    _set_stamp,
) = (Eligibility.__dict__[field.name].__set__ for field in attrs.fields(Eligibility))


def _hours(value: float) -> str:
    """Hours for a message: short (``20``, ``19.5``), but never rounded to look like another."""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))


class _Day:
    """What every assessment under one policy on one day shares, built once: the policy's
    programme sets, the audit stamp, the findings (frozen, the same few for millions of
    people), and each birth date's age and last eligible day."""

    __slots__ = (
        "_by_hours",
        "_findings",
        "ages",
        "combos",
        "enrolment",
        "exit",
        "given",
        "in_group",
        "on",
        "outreach",
        "policy",
        "stamp",
    )

    def __init__(self, given: Policy | PolicyTimeline, on: _dt.date) -> None:
        policy = policy_on(given, on)
        self.given = given  # kept alive: its id() is the cache key
        self.on = on
        self.policy = policy
        self.exit = policy.target_group_exit
        self.outreach = policy.outreach_programmes
        self.enrolment = policy.enrolment_programmes
        self.stamp = audit_stamp(policy)
        self.ages: dict[_dt.date, tuple[int, _dt.date]] = {}
        self._findings: dict[tuple[str, str | None], tuple[Finding, ...]] = {}
        self.combos: dict[tuple[int, ...], tuple[Finding, ...]] = {}
        self._by_hours: dict[tuple[str, float], tuple[Finding, ...]] = {}
        self.in_group = self.found("eligibility.in_target_group", None)

    def age(self, born: _dt.date) -> tuple[int, _dt.date]:
        """Age on the day and the last eligible day of someone born on ``born``."""
        policy = self.policy
        rule = policy.leap_day_rule
        known = (
            completed_years(born, self.on, rule),
            birthday(born, policy.age_limit, rule) - ONE_DAY,
        )
        if len(self.ages) < _MAX_AGES:
            self.ages[born] = known
        return known

    def found(self, code: str, subject: str | None) -> tuple[Finding, ...]:
        """The finding ``code`` about ``subject``, or none where the policy switches it off."""
        key = (code, subject)
        known = self._findings.get(key)
        if known is None:
            known = tuple(found(code, self.policy, subject=subject, on=self.on))
            if len(self._findings) < _MAX_KEPT:
                self._findings[key] = known
        return known

    def hours(self, code: str, relation: str, hours: float) -> tuple[Finding, ...]:
        """The finding ``code`` about ``hours`` a week against the outreach threshold."""
        key = (code, hours)
        known = self._by_hours.get(key)
        if known is None:
            threshold = self.policy.outreach_work_hours
            known = self.found(code, f"{_hours(hours)} h {relation} {_hours(threshold)} h")
            if len(self._by_hours) < _MAX_KEPT:
                self._by_hours[key] = known
        return known

    def shared(self, findings: list[Finding]) -> tuple[Finding, ...]:
        """``tuple(findings)``, the same tuple for the same findings: millions of answers then
        hold a few shared tuples, and the garbage collector has fewer objects to visit."""
        # The stored tuple holds the very findings whose ids make its key: while the entry
        # exists, no other object can have those ids.
        key = tuple(map(id, findings))
        known = self.combos.get(key)
        if known is None:
            known = tuple(findings)
            if len(self.combos) < _MAX_KEPT:
                self.combos[key] = known
        return known


_DAYS: dict[tuple[int, _dt.date], _Day] = {}
_MAX_DAYS = 4
"""Contexts kept (policy and day pairs); a fifth starts afresh."""
_MAX_AGES = 40_000
"""Birth dates each context keeps (more than a century); beyond it, ages are computed unkept."""
_MAX_KEPT = 4_096
"""Findings, hour subjects and tuples of findings each context keeps: the few that recur for
millions of people; subjects that differ per person (a known-until day, odd hours) fill it up
and are then built anew, so a context holds some megabytes at most."""


def _day(policy: Policy | PolicyTimeline, on: _dt.date) -> _Day:
    """The shared context of ``policy`` on ``on`` (checked day), cached by the policy's identity."""
    global _last_day
    day = _last_day
    if day is not None and day.given is policy and day.on == on:
        return day
    key = (id(policy), on)
    day = _DAYS.get(key)
    if day is None:  # a cached context keeps its policy alive, so no other object has its id
        day = _Day(policy, on)
        if len(_DAYS) >= _MAX_DAYS:
            _DAYS.clear()
        _DAYS[key] = day
    _last_day = day
    return day


_last_day: _Day | None = None


def _exited(youth: Youth, on: _dt.date, policy: Policy) -> bool:
    """True where a programme of :attr:`Policy.target_group_exit` was completed by ``on``."""
    exits = policy.target_group_exit
    return any(
        record.completed_on is not None and record.completed_on <= on and record.programme in exits
        for record in youth.educations
    )


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
    return not _exited(youth, on, policy)


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
    day = _day(policy, on)
    policy = day.policy
    born = youth.birth_date
    known = day.ages.get(born)
    age, eligible_until = known if known is not None else day.age(born)
    findings: list[Finding] = []
    too_old = age >= policy.age_limit
    too_young = age < policy.min_age
    if too_old:
        findings += day.found("eligibility.over_age_limit", f"{age}")
    if too_young:
        findings += day.found("eligibility.under_min_age", f"{age}")

    # One pass over the records: completed (ending the group or outreach), enrolled, agreed.
    exit_programmes, outreach_programmes = day.exit, day.outreach
    enrolment_programmes = day.enrolment
    exits: set[Programme] = set()
    youth_completed: set[Programme] = set()
    enrolled_in: set[Programme] = set()
    agreed: set[Programme] = set()
    for record in youth.educations:
        programme = record.programme
        completed_on = record.completed_on
        started_on = record.started_on
        if completed_on is not None and completed_on <= on:
            if programme in exit_programmes:
                exits.add(programme)
            elif programme in outreach_programmes:
                youth_completed.add(programme)
        elif programme in enrolment_programmes and started_on <= on:
            end = completed_on or record.left_on
            if end is None or on < end:
                enrolled_in.add(programme)
        if programme in _AGREED and started_on <= on and programme.dates.agreed_change(started_on):
            agreed.add(programme)
    if agreed:
        for programme in sorted(agreed):
            findings += day.found("eligibility.programme_agreed_change", programme.value)
    if exits:
        for programme in sorted(exits):
            findings += day.found("eligibility.completed_qualifying_education", programme.value)
    in_target_group = not (too_old or too_young or exits)

    micro = 0
    for job in youth.employments:  # Youth.weekly_hours_on, inlined: in millionths of an hour
        period = job.period
        if period.start <= on and (period.end is None or on < period.end):
            micro += micro_hours(job.hours_per_week)
    hours = micro / MICRO_HOURS
    employed = hours >= policy.outreach_work_hours

    if in_target_group:
        findings += day.in_group
        if youth_completed:
            for programme in sorted(youth_completed):
                findings += day.found("eligibility.completed_youth_education", programme.value)
        if enrolled_in:
            # Programme is a StrEnum: its members join and sort as their values.
            findings += day.found("eligibility.enrolled", ", ".join(sorted(enrolled_in)))
        if employed:
            findings += day.hours("eligibility.employed", "≥", hours)
    guided = youth.guided_elsewhere_on(on) if youth.guided_elsewhere else ()
    if in_target_group and guided:
        subject = ", ".join(sorted({a.value for a in guided}))
        findings += day.found("eligibility.guided_elsewhere", subject)
    outreach_required: bool | None = in_target_group and not (
        enrolled_in or employed or youth_completed or guided
    )
    if outreach_required:
        unknown = _unknown(youth, on)
        if unknown:
            outreach_required = None
            findings += day.found("eligibility.data_missing", unknown)
        else:
            findings += day.hours("eligibility.outreach_required", "<", hours)

    result = _new(Eligibility)
    _set_on(result, on)
    _set_age(result, age)
    _set_in_target_group(result, in_target_group)
    _set_enrolled(result, bool(enrolled_in))
    _set_outreach_required(result, outreach_required)
    _set_eligible_until(result, eligible_until)
    _set_findings(result, day.shared(findings))
    _set_stamp(result, day.stamp)
    return result
