"""Who is in the KUI target group, and who must be reached through outreach.

The target group is young people from :attr:`Policy.min_age` (15) to under 25 who have not
completed a qualifying education (§ 1, § 2 k). The municipality must offer guidance through
outreach to those in it who are neither enrolled in a youth or higher education, nor have
completed a youth education, nor work at least :attr:`Policy.outreach_work_hours` (20) hours a
week (uvm.dk, "Vejledning af unge uden for skolen").
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .dates import age_on, last_day_before_age
from .findings import Finding, finding
from .policy import DEFAULT_POLICY, Policy
from .youth import Youth

__all__ = ["Eligibility", "assess_eligibility"]


@attrs.frozen
class Eligibility:
    """The answer of :func:`assess_eligibility`, with the findings that explain it."""

    on: _dt.date
    age: int
    in_target_group: bool
    enrolled: bool
    outreach_required: bool
    eligible_until: _dt.date
    """The last day (inclusive) on which the person is young enough for the target group."""
    findings: tuple[Finding, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)


def _hours(value: float) -> str:
    """Hours for a message: short (``20``, ``19.5``), but never rounded to look like another."""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))


def assess_eligibility(youth: Youth, on: _dt.date, policy: Policy = DEFAULT_POLICY) -> Eligibility:
    """Decide whether ``youth`` is in the target group on ``on`` and whether outreach is due.

    Every reason that applies is reported as a finding, not only the first: a 26-year-old
    graduate gets both ``eligibility.over_age_limit`` and
    ``eligibility.completed_qualifying_education``. ``eligibility.employed_20h`` and
    ``eligibility.outreach_required`` carry the weekly hours against
    :attr:`Policy.outreach_work_hours` as their subject (``"25 h < 30 h"``).
    """
    age = age_on(youth.birth_date, on, policy)
    findings: list[Finding] = []
    too_old = age >= policy.age_limit
    too_young = age < policy.min_age
    if too_old:
        findings.append(finding("eligibility.over_age_limit", subject=f"{age}"))
    if too_young:
        findings.append(finding("eligibility.under_min_age", subject=f"{age}"))

    completed = [r.programme for r in youth.educations if r.completed_by(on)]
    exits = sorted({p for p in completed if p in policy.target_group_exit})
    for programme in exits:
        findings.append(
            finding("eligibility.completed_qualifying_education", subject=programme.value)
        )
    in_target_group = not (too_old or too_young or exits)

    enrolled_in = sorted(
        {
            r.programme
            for r in youth.educations
            if r.programme in policy.outreach_programmes and r.enrolled_on(on)
        }
    )
    enrolled = bool(enrolled_in)
    outreach_completed = sorted(
        {p for p in completed if p in policy.outreach_programmes and p not in exits}
    )
    hours = youth.weekly_hours_on(on)
    employed = hours >= policy.outreach_work_hours

    if in_target_group:
        findings.append(finding("eligibility.in_target_group"))
        for programme in outreach_completed:
            findings.append(
                finding("eligibility.completed_youth_education", subject=programme.value)
            )
        if enrolled:
            findings.append(
                finding("eligibility.enrolled", subject=", ".join(p.value for p in enrolled_in))
            )
        if employed:
            subject = f"{_hours(hours)} h ≥ {_hours(policy.outreach_work_hours)} h"
            findings.append(finding("eligibility.employed_20h", subject=subject))
    outreach_required = in_target_group and not (enrolled or employed or outreach_completed)
    if outreach_required:
        subject = f"{_hours(hours)} h < {_hours(policy.outreach_work_hours)} h"
        findings.append(finding("eligibility.outreach_required", subject=subject))

    return Eligibility(
        on=on,
        age=age,
        in_target_group=in_target_group,
        enrolled=enrolled,
        outreach_required=outreach_required,
        eligible_until=last_day_before_age(youth.birth_date, policy.age_limit, policy),
        findings=tuple(findings),
    )
