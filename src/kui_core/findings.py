"""Explainable decisions: rules, their stable codes, and the findings they produce.

Every rule has a stable dotted ``code`` (never changed once released), a :class:`Severity`,
Danish and English text and a :class:`~kui_core.legal.LegalBasis`. The registry :data:`RULES` is
data: the documentation's rule reference is generated from it.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from typing import Any

import attrs

from . import _validators as v
from . import legal
from .errors import DataError
from .legal import LegalBasis
from .periods import Period

__all__ = ["RULES", "Finding", "Rule", "Severity", "finding"]


class Severity(enum.StrEnum):
    """How serious a finding is. ERROR findings make a plan or case invalid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for ERROR, 1 for WARNING, 2 for INFO: sort by it to put errors first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

LANGUAGES = ("da", "en")


@attrs.frozen
class Rule:
    """One entry of the rule catalogue.

    ``da`` and ``en`` are message templates filled from the finding (see :meth:`Finding.message`).
    ``summary`` says in English what the rule checks (for the rule reference).
    """

    code: str = attrs.field(validator=v.is_str)
    severity: Severity = attrs.field(validator=v.is_instance(Severity))
    summary: str = attrs.field(validator=v.is_str)
    da: str = attrs.field(validator=v.is_str)
    en: str = attrs.field(validator=v.is_str)
    legal_basis: LegalBasis = attrs.field(validator=v.is_instance(LegalBasis))

    @property
    def requires_subject(self) -> bool:
        """True where a template names ``{subject}`` inline: its findings must have a subject."""
        return "{subject}" in self.da or "{subject}" in self.en

    @property
    def requires_period(self) -> bool:
        """True where a template names ``{period}`` inline: its findings must have a period."""
        return "{period}" in self.da or "{period}" in self.en


def _rule(
    code: str, severity: Severity, summary: str, da: str, en: str, basis: LegalBasis
) -> tuple[str, Rule]:
    return code, Rule(code, severity, summary, da, en, basis)


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

RULES: Mapping[str, Rule] = types.MappingProxyType(
    dict(
        [
            # -- eligibility (target group and outreach) ------------------------------------
            _rule(
                "eligibility.in_target_group",
                I,
                "Aged from Policy.min_age (15) to under Policy.age_limit (25) with no completed"
                " qualifying education.",
                "Den unge er i målgruppen: under aldersgrænsen og uden en afsluttet"
                " erhvervskompetencegivende uddannelse{subject_note}.",
                "The young person is in the target group: under the age limit with no completed"
                " qualifying education{subject_note}.",
                legal.KUI_PURPOSE,
            ),
            _rule(
                "eligibility.over_age_limit",
                I,
                "Aged Policy.age_limit (25) or more on the reference day: outside the target"
                " group.",
                "Den unge har nået aldersgrænsen{subject_note} og er uden for målgruppen.",
                "The young person has reached the age limit{subject_note} and is outside the target"
                " group.",
                legal.KUI_AGE_LIMIT,
            ),
            _rule(
                "eligibility.under_min_age",
                I,
                "Younger than Policy.min_age (default 15): not yet in the target group.",
                "Den unge er under minimumsalderen{subject_note} og endnu ikke i målgruppen.",
                "The young person is under the minimum age{subject_note} and not yet in the target"
                " group.",
                legal.OUTREACH_MIN_AGE,
            ),
            _rule(
                "eligibility.completed_qualifying_education",
                I,
                "A qualifying programme was completed on or before the reference day.",
                "Den unge har gennemført en erhvervskompetencegivende uddannelse{subject_note}"
                " og er uden for målgruppen.",
                "The young person has completed a qualifying education{subject_note} and is outside"
                " the target group.",
                legal.KUI_PURPOSE,
            ),
            _rule(
                "eligibility.completed_youth_education",
                I,
                "Completed a youth education that does not end the target group (STU): no"
                " outreach duty.",
                "Den unge har gennemført en ungdomsuddannelse{subject_note}, som ikke afslutter"
                " målgruppen; ingen opsøgende pligt.",
                "The young person has completed a youth education{subject_note} that does not"
                " end the target group; no outreach duty.",
                legal.OUTREACH,
            ),
            _rule(
                "eligibility.enrolled",
                I,
                "Enrolled on the reference day in a programme of Policy.enrolment_programmes"
                " (by default any programme): no outreach.",
                "Den unge er i gang med en uddannelse{subject_note}; ingen opsøgende indsats.",
                "The young person is enrolled in an education{subject_note}; no outreach needed.",
                legal.OUTREACH,
            ),
            _rule(
                "eligibility.employed_20h",
                I,
                "In paid work of at least Policy.outreach_work_hours (20) hours a week: no"
                " outreach.",
                "Den unge har lønnet arbejde på mindst timegrænsen om ugen{subject_note}; ingen"
                " opsøgende indsats.",
                "The young person has paid work of at least the weekly hours limit{subject_note};"
                " no outreach needed.",
                legal.OUTREACH,
            ),
            _rule(
                "eligibility.outreach_required",
                I,
                "In the target group, neither enrolled nor working Policy.outreach_work_hours (20)"
                " hours a week: the municipality must offer guidance through outreach.",
                "Den unge er hverken i uddannelse eller i arbejde på mindst timegrænsen om"
                " ugen{subject_note}: kommunen skal tilbyde vejledning gennem opsøgende indsats.",
                "The young person is neither in education nor working at least the weekly hours"
                " limit{subject_note}: the municipality must offer guidance through outreach.",
                legal.OUTREACH,
            ),
            # -- the education plan -----------------------------------------------------------
            _rule(
                "plan.youth_not_participating",
                E,
                "The young person is not a participant in the plan.",
                "Den unge deltager ikke i planen; den unge skal sidde for bordenden.",
                "The young person is not a participant in the plan; they must be at the head of"
                " the table.",
                legal.ESBJERG,
            ),
            _rule(
                "plan.no_education_or_job_goal",
                E,
                "The plan has no goal of kind education or job.",
                "Planen har intet uddannelses- eller jobmål.",
                "The plan has no education or job goal.",
                legal.KUI_PLAN,
            ),
            _rule(
                "plan.goal_without_target_date",
                E,
                "A goal has no target date.",
                "Målet {subject} har ingen måldato.",
                "Goal {subject} has no target date.",
                legal.ESBJERG,
            ),
            _rule(
                "plan.goal_overdue",
                W,
                "A goal's target date has passed and it is neither achieved nor closed.",
                "Målet {subject} har overskredet sin måldato og er hverken nået eller lukket.",
                "Goal {subject} is past its target date and neither achieved nor closed.",
                legal.FOLLOW_UP,
            ),
            _rule(
                "plan.intervention_without_goal",
                E,
                "An intervention supports no goal of the plan.",
                "Indsatsen {subject} understøtter intet mål i planen.",
                "Intervention {subject} supports no goal of the plan.",
                legal.ESBJERG,
            ),
            _rule(
                "plan.no_shared_goal",
                E,
                "Interventions from two or more units, but no goal all of them support.",
                "Indsatser fra flere enheder ({subject}) har intet fælles mål.",
                "Interventions from several units ({subject}) share no goal.",
                legal.ESBJERG,
            ),
            _rule(
                "plan.follow_up_missing",
                E,
                "The plan has no next follow-up date.",
                "Planen har ingen dato for næste opfølgning.",
                "The plan has no next follow-up date.",
                legal.FOLLOW_UP,
            ),
            _rule(
                "plan.follow_up_overdue",
                W,
                "The next follow-up date has passed (or lies beyond the policy's maximum"
                " interval).",
                "Næste opfølgning ({subject}) er overskredet eller ligger ud over det længste"
                " tilladte interval{period_note}.",
                "The next follow-up ({subject}) has passed or lies beyond the longest allowed"
                " interval{period_note}.",
                legal.FOLLOW_UP,
            ),
            _rule(
                "plan.duty_description_missing",
                E,
                "Aged Policy.duty_min_age to Policy.duty_max_age (15–17) and the plan does not"
                " describe how the education duty is met.",
                "Den unge er i den uddannelsespligtige alder{subject_note}, og planen beskriver"
                " ikke, hvordan uddannelsespligten opfyldes.",
                "The young person is of education-duty age{subject_note} and the plan does not"
                " describe how the education duty is met.",
                legal.KUI_DUTY,
            ),
            _rule(
                "plan.in_care_plan_late",
                E,
                "In care from 16: no plan within 3 months of the 16th birthday (or of entering"
                " care, if later).",
                "Den anbragte unge har ikke fået en plan inden fristen{subject_note}.",
                "The young person in care has no plan by the deadline{subject_note}.",
                legal.IN_CARE_PLAN,
            ),
            _rule(
                "plan.goal_dropped",
                W,
                "A goal of the previous plan version vanished without being closed.",
                "Målet {subject} fra den forrige plan er forsvundet uden at være lukket.",
                "Goal {subject} of the previous plan vanished without being closed.",
                legal.FOLLOW_UP,
            ),
            # -- coordination ---------------------------------------------------------------
            _rule(
                "coordination.missing",
                E,
                "A coordinated effort with no coordinator at all.",
                "Forløbet har ingen tovholder{period_note}.",
                "The case has no coordinator{period_note}.",
                legal.COORDINATOR,
            ),
            _rule(
                "coordination.gap",
                E,
                "Days inside the coordination span without a coordinator.",
                "Ingen tovholder i perioden {period}.",
                "No coordinator during {period}.",
                legal.COORDINATOR,
            ),
            _rule(
                "coordination.overlap",
                E,
                "Days with two or more coordinators.",
                "Flere tovholdere ({subject}) i perioden {period}.",
                "Several coordinators ({subject}) during {period}.",
                legal.COORDINATOR,
            ),
            # -- transitions and the 15–17 duty ---------------------------------------------
            _rule(
                "transition.no_next_step",
                E,
                "A placement ended, the young person is still in the target group, and no next"
                " placement or plan goal follows within Policy.max_transition_gap_days.",
                "Tilbuddet {subject} sluttede uden et næste skridt{period_note}.",
                "Placement {subject} ended without a next step{period_note}.",
                legal.TRANSITION,
            ),
            _rule(
                "duty.contact_overdue",
                E,
                "Aged 15–17, not following the plan, and not contacted within"
                " Policy.contact_deadline_working_days (5) working days.",
                "Den unge følger ikke planen og er ikke kontaktet inden fristen"
                " {subject}{period_note}.",
                "The young person is not following the plan and was not contacted by the"
                " deadline {subject}{period_note}.",
                legal.DUTY_DEADLINES,
            ),
            _rule(
                "duty.new_activity_overdue",
                E,
                "Aged 15–17 and no new activity within Policy.new_activity_deadline_days (30)"
                " calendar days.",
                "Den unge har ikke fået en ny aktivitet inden fristen {subject}{period_note}.",
                "The young person has not been offered a new activity by the deadline"
                " {subject}{period_note}.",
                legal.DUTY_DEADLINES,
            ),
        ]
    )
)


def _known_code(instance: Finding, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_str(instance, attribute, value)
    if value not in RULES:
        raise DataError("Finding.code", f"unknown rule code {value!r}")


def _period(instance: Finding, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_instance(Period)(instance, attribute, value)
    if value is None and RULES[instance.code].requires_period:
        raise DataError("Finding.period", f"rule {instance.code!r} names the period in its message")


def _subject(instance: Finding, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_str(instance, attribute, value)
    if value is None and RULES[instance.code].requires_subject:
        raise DataError(
            "Finding.subject", f"rule {instance.code!r} names the subject in its message"
        )


@attrs.frozen
class Finding:
    """What a rule found: its ``code``, ``severity``, ``legal_basis`` and the triggering data.

    ``period`` is the days concerned (a coordination gap, an overdue deadline); ``subject`` names
    what the finding is about (a goal id, a programme, coordinator ids). Where the rule's message
    names one of them inline (:attr:`Rule.requires_subject`, :attr:`Rule.requires_period`), it
    is required: a finding never reads "Goal  has no target date.".
    """

    code: str = attrs.field(validator=_known_code)
    severity: Severity = attrs.field(validator=v.is_instance(Severity))
    legal_basis: LegalBasis = attrs.field(validator=v.is_instance(LegalBasis))
    period: Period | None = attrs.field(default=None, validator=_period)
    subject: str | None = attrs.field(default=None, validator=_subject)

    @property
    def rule(self) -> Rule:
        """The catalogue entry of this finding's code."""
        return RULES[self.code]

    def message(self, lang: str = "da") -> str:
        """The explanation in Danish (``"da"``) or English (``"en"``).

        Templates use ``{subject}``/``{period}`` where the value stands in the sentence and
        ``{subject_note}``/``{period_note}`` for an optional " (value)" aside.
        """
        if lang not in LANGUAGES:
            raise DataError("lang", f"expected one of {', '.join(LANGUAGES)}, got {lang!r}")
        template = self.rule.da if lang == "da" else self.rule.en
        period = self.period.format(lang) if self.period is not None else ""
        subject = self.subject or ""
        return template.format(
            period=period,
            subject=subject,
            period_note=f" ({period})" if period else "",
            subject_note=f" ({subject})" if subject else "",
        )


def finding(code: str, *, period: Period | None = None, subject: str | None = None) -> Finding:
    """A :class:`Finding` for ``code`` with the severity and legal basis of the catalogue."""
    rule = RULES.get(code)
    if rule is None:
        raise DataError("Finding.code", f"unknown rule code {code!r}")
    return Finding(rule.code, rule.severity, rule.legal_basis, period=period, subject=subject)
