"""Many young people or cases at once: the outreach worklist and a review summary.

What every municipality otherwise writes itself, done once and streaming: the inputs are any
iterables (a list, a generator over a JSON Lines file, database rows mapped to models), read once
and never held whole.

- :func:`outreach_worklist` assesses a cohort on one day and keeps only the young people outreach
  is due for, most urgent first, plus those the records cannot decide
  (``eligibility.data_missing``). Memory grows with the worklist, not with the cohort.
- :func:`iter_reviews` reviews cases lazily (one :class:`~kui_core.CaseReport` at a time), and
  :func:`summarize_reviews` counts them by rule code and severity without keeping them.

Urgency: the young people under the 15–17 duty (:attr:`Policy.duty_min_age
<kui_core.Policy.duty_min_age>` to :attr:`Policy.duty_max_age <kui_core.Policy.duty_max_age>`)
come first, because the law gives the municipality deadlines for them (KUI law § 2 a); then
whoever has been without education or work longest (since the last record that ended, or, with
no record, since the day they entered the target group); then by ``person_id``. The order is
kui-core's convention, not a legal rule.
"""

from __future__ import annotations

import datetime as _dt
import types
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from . import validators as v
from .case import YouthCase
from .catalogue import Severity
from .dates import birthday
from .eligibility import Eligibility, assess_eligibility
from .errors import DataError
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .review import CaseReport, review_case
from .youth import Youth

__all__ = [
    "OutreachItem",
    "OutreachWorklist",
    "ReviewSummary",
    "iter_reviews",
    "outreach_worklist",
    "summarize_reviews",
]


@attrs.frozen
class OutreachItem:
    """One young person outreach is due for: who, how old, since when without education or
    work (``idle_since``; the entry into the target group where no record ended), whether the
    15–17 duty applies, and the full :class:`~kui_core.Eligibility` with its reasons."""

    person_id: str
    """The case system's identifier of the young person (`Youth.person_id`)."""
    age: int
    """Age on the worklist's day, in completed years."""
    under_duty: bool
    """True where the 15–17 duty applies (`Policy.duty_min_age` to `duty_max_age`): comes first."""
    idle_since: _dt.date
    """Without education or work since this day (the order's second key).

    The latest end of an education or job by the worklist's day; the day the young person
    entered the target group where that is later or where no record ended.
    """
    eligibility: Eligibility
    """The full assessment with its reasons (:class:`~kui_core.Eligibility`)."""


@attrs.frozen
class OutreachWorklist:
    """The worklist of :func:`outreach_worklist`: ``items`` most urgent first, ``undecided`` the
    ids (in cohort order) whose records cannot decide, and ``assessed`` how many were read."""

    on: _dt.date
    """The day the cohort was assessed."""
    items: tuple[OutreachItem, ...]
    """The young people outreach is due for (:class:`OutreachItem`), most urgent first."""
    undecided: tuple[str, ...]
    """The `person_id` of each young person whose records cannot decide, in cohort order."""
    assessed: int
    """How many young people were read and assessed."""


def _idle_since(youth: Youth, on: _dt.date, policy: Policy) -> _dt.date:
    """The last day an education or a job ended on or before ``on`` (or the day the person
    entered the target group, if later or if none ended)."""
    entered = birthday(youth.birth_date, policy.min_age, policy.leap_day_rule)
    ends = [r.completed_on or r.left_on for r in youth.educations]
    ends += [j.period.end for j in youth.employments]
    ended = [day for day in ends if day is not None and day <= on]
    return max([entered, *ended])


def outreach_worklist(
    youths: Iterable[Youth], on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> OutreachWorklist:
    """Assess every young person of ``youths`` on ``on`` and return who needs outreach, most
    urgent first (see the module documentation). A repeated ``person_id`` is a ``DataError``."""
    v.check_day("on", on)
    in_force = policy_on(policy, on)
    items: list[OutreachItem] = []
    undecided: list[str] = []
    seen: set[str] = set()
    assessed = 0
    for index, youth in enumerate(youths):
        if not isinstance(youth, Youth):
            raise DataError(f"youths[{index}]", f"expected Youth, got {type(youth).__name__}")
        if youth.person_id in seen:
            raise DataError(f"youths[{index}].person_id", "repeats an earlier person_id")
        seen.add(youth.person_id)
        assessed += 1
        eligibility = assess_eligibility(youth, on, in_force)
        if eligibility.outreach_required is None:
            undecided.append(youth.person_id)
        elif eligibility.outreach_required:
            age = eligibility.age
            items.append(
                OutreachItem(
                    person_id=youth.person_id,
                    age=age,
                    under_duty=in_force.duty_min_age <= age <= in_force.duty_max_age,
                    idle_since=_idle_since(youth, on, in_force),
                    eligibility=eligibility,
                )
            )
    items.sort(key=lambda item: (not item.under_duty, item.idle_since, item.person_id))
    return OutreachWorklist(on, tuple(items), tuple(undecided), assessed)


def iter_reviews(
    cases: Iterable[YouthCase], on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> Iterator[CaseReport]:
    """:func:`~kui_core.review_case` for each case, lazily, in order: one report at a time."""
    v.check_day("on", on)
    for index, case in enumerate(cases):
        if not isinstance(case, YouthCase):
            raise DataError(f"cases[{index}]", f"expected YouthCase, got {type(case).__name__}")
        yield review_case(case, on, policy)


@attrs.frozen
class ReviewSummary:
    """Counts over many :class:`~kui_core.CaseReport`: ``cases`` reviewed, ``invalid`` (with an
    ERROR finding), and per rule code and per severity the number of *cases* with at least one
    such finding (a case with three coordination gaps counts once)."""

    cases: int
    """How many case reports were counted."""
    invalid: int
    """How many of them have an ERROR finding."""
    by_code: Mapping[str, int]
    """Per rule code, the number of cases with at least one such finding."""
    by_severity: Mapping[Severity, int]
    """Per :class:`Severity` (every one, 0 included), the number of cases with such a finding."""

    def render(self) -> str:
        """A plain-text table: one line per code, most frequent first."""
        lines = [f"{self.cases} cases, {self.invalid} with errors"]
        width = max((len(code) for code in self.by_code), default=0)
        for code, count in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {code:<{width}}  {count}")
        return "\n".join(lines)


def summarize_reviews(reports: Iterable[CaseReport]) -> ReviewSummary:
    """Count ``reports`` (any iterable, such as :func:`iter_reviews`) without keeping them."""
    cases = invalid = 0
    by_code: Counter[str] = Counter()
    by_severity: Counter[Severity] = Counter()
    for index, report in enumerate(reports):
        if not isinstance(report, CaseReport):
            raise DataError(f"reports[{index}]", f"expected CaseReport, got {_kind(report)}")
        cases += 1
        invalid += not report.valid
        by_code.update({f.code for f in report.findings})
        by_severity.update({f.severity for f in report.findings})
    return ReviewSummary(
        cases=cases,
        invalid=invalid,
        by_code=types.MappingProxyType(dict(sorted(by_code.items()))),
        by_severity=types.MappingProxyType({s: by_severity[s] for s in Severity}),
    )


def _kind(value: Any) -> str:
    return type(value).__name__
