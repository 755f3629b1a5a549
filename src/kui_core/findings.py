"""Explainable decisions: the findings the rules produce.

A :class:`Finding` names its rule by ``code`` and takes everything else the catalogue
(:data:`~kui_core.catalogue.RULES`) and the :class:`~kui_core.Policy` decide: its severity (the
rule's default, or :attr:`Policy.severities <kui_core.Policy.severities>`) and its sources. It
has no severity or source of its own, so it cannot contradict them:
``Finding("plan.goal_overdue", severity=Severity.INFO)`` is a ``TypeError``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import attrs

from . import validators as v
from ._language import check_language
from ._privacy import unknown_code
from .catalogue import RULES, Rule, Severity
from .errors import DataError
from .legal import LegalBasis
from .periods import ONE_DAY, Period
from .policy import DEFAULT_POLICY, Policy

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "all_valid",
    "by_severity",
    "errors_of",
    "found",
    "found_late",
]


_is_optional_instance_period = v.is_optional_instance(Period)


def _period(instance: Finding, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_optional_instance_period(instance, attribute, value)
    if value is None and RULES[instance.code].requires_period:
        raise DataError("Finding.period", f"rule {instance.code!r} names the period in its message")


def _subject(instance: Finding, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_nonempty_str(instance, attribute, value)
    if value is None and RULES[instance.code].requires_subject:
        raise DataError(
            "Finding.subject", f"rule {instance.code!r} names the subject in its message"
        )


@attrs.frozen(init=False)
class Finding:
    """What a rule found: its ``code``, the ``severity`` it has under the policy, the data.

    ``Finding(code, period=..., subject=..., policy=..., on=...)``. ``period`` is the days
    concerned (a coordination gap, an overdue deadline); ``subject`` names what the finding is
    about (a goal id, a programme, coordinator ids). Where the rule's message names one of them
    inline (:attr:`Rule.requires_subject`, :attr:`Rule.requires_period`), it is required: a finding
    never reads "Goal  has no target date.". ``severity`` is the rule's under ``policy``
    (default :data:`~kui_core.DEFAULT_POLICY`); a rule the policy switches off has no findings,
    and building one is a :class:`DataError`. ``legal_basis`` and ``sources`` are the rule's, as in
    force on ``on``.
    """

    code: str
    """The code of the rule that found it, a key of :data:`~kui_core.catalogue.RULES`."""
    severity: Severity
    """The rule's severity under the policy the finding was built with (:class:`Severity`)."""
    period: Period | None = attrs.field(validator=_period)
    """The days concerned (a coordination gap, days late); `None` only where the rule needs none."""
    subject: str | None = attrs.field(validator=_subject)
    """What it is about (a goal id, coordinator ids, ...); `None` only where the rule needs none."""
    on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The reference day of the rule that found it: the finding cites the sources in force
    then (``None``: every source of the rule)."""

    def __init__(
        self,
        code: str,
        *,
        period: Period | None = None,
        subject: str | None = None,
        policy: Policy = DEFAULT_POLICY,
        on: _dt.date | None = None,
    ) -> None:
        if not isinstance(policy, Policy):
            raise DataError("policy", f"expected Policy, got {type(policy).__name__}")
        if not isinstance(code, str) or code not in RULES:
            raise DataError("Finding.code", unknown_code(code))
        severity = policy.severity_of(code)
        if severity is None:
            raise DataError("Finding.code", f"rule {code!r} is switched off by the policy")
        self.__attrs_init__(code, severity, period, subject, on)

    @property
    def rule(self) -> Rule:
        """The catalogue entry of this finding's code."""
        return RULES[self.code]

    @property
    def legal_basis(self) -> LegalBasis:
        """The first of :attr:`sources`: the one that states the rule most directly."""
        return self.sources[0]

    @property
    def sources(self) -> tuple[LegalBasis, ...]:
        """The sources of the rule in force on :attr:`on` (every source where ``on`` is
        ``None``); the catalogue guarantees one for every day."""
        rule = RULES[self.code]
        return rule.sources if self.on is None else rule.sources_on(self.on)

    def message(self, lang: str = "da") -> str:
        """The explanation in Danish (``"da"``) or English (``"en"``).

        Templates use ``{subject}``/``{period}`` where the value stands in the sentence and
        ``{subject_note}``/``{period_note}`` for an optional " (value)" aside.
        """
        check_language(lang)
        template = self.rule.da if lang == "da" else self.rule.en
        period = self.period.format(lang) if self.period is not None else ""
        subject = self.subject or ""
        return template.format(
            period=period,
            subject=subject,
            period_note=f" ({period})" if period else "",
            subject_note=f" ({subject})" if subject else "",
        )


def found(
    code: str,
    policy: Policy,
    *,
    period: Period | None = None,
    subject: str | None = None,
    on: _dt.date | None = None,
) -> list[Finding]:
    """``[the finding]`` under ``policy``, or ``[]`` where the policy switches the rule off.

    What the rules use: a switched-off rule produces nothing.
    """
    if policy.severity_of(code) is None:
        return []
    return [Finding(code, period=period, subject=subject, policy=policy, on=on)]


def found_late(
    code: str,
    policy: Policy,
    *,
    deadline: _dt.date,
    done_on: _dt.date | None,
    on: _dt.date,
) -> list[Finding]:
    """A deadline rule's finding: ``[]`` while ``on`` is not past ``deadline`` or where it was
    met (``done_on`` on or before it); else the finding, with the deadline (ISO date) as its
    subject and the days late as its period: from the day after the deadline up to and
    including ``done_on`` where that is known on ``on``, open-ended while it is not (or where it
    is the last day of the calendar)."""
    if on <= deadline or (done_on is not None and done_on <= deadline):
        return []
    first_late_day = deadline + ONE_DAY
    if done_on is not None and done_on <= on and done_on < _dt.date.max:
        late = Period(first_late_day, done_on + ONE_DAY)
    else:
        late = Period(first_late_day)
    return found(code, policy, on=on, period=late, subject=deadline.isoformat())


def errors_of(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The ERROR findings, in order: how every report derives ``errors``."""
    return tuple(f for f in findings if f.severity is Severity.ERROR)


def all_valid(findings: Iterable[Finding]) -> bool:
    """True where no finding is an ERROR: how every report derives ``valid``."""
    return not errors_of(findings)


def by_severity(finding: Finding) -> tuple[int, str]:
    """The sort key of every report: ERROR first, then WARNING, then INFO; by code within."""
    return finding.severity.rank, finding.code
