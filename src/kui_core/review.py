"""One review of one case: every rule, one report.

:func:`review_case` runs, for the reference day ``on``: the target-group assessment
(:func:`~kui_core.assess_eligibility`), the rules of the education plan in force
(:func:`~kui_core.validate_plan`, against the version it replaces), the single coordinator
(:func:`~kui_core.check_coordination`), the transitions between offers
(:func:`~kui_core.check_transitions`), the deadlines of the 15–17 duty
(:func:`~kui_core.check_duty`) and the duties of barnets lov for a young person in care
(:func:`~kui_core.check_in_care`). The plan in force is the newest version made on or before
``on``; versions made later are not known yet on ``on``.

Where the case is open on ``on`` and has no plan in force for a young person in the target
group (from :attr:`Policy.plan_missing_after_days` after it opened, and not before the young
person reached :attr:`Policy.min_age`), a 15–17-year-old who is not
exempted from the duty gets ``plan.missing`` (the plan must describe how the duty is met, KUI law
§ 2 a, stk. 1) and anyone else ``plan.right_to_plan``. A young person exempted on ``on``
(:attr:`YouthCase.duty_exemptions <kui_core.YouthCase.duty_exemptions>`) gets
``exemption.applies`` and none of the duty's findings.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, NamedTuple

import attrs

from . import validators as v
from ._language import check_language
from .audit import LAST_CHECKED_DAY, AuditStamp, audit_stamp, unverified_on
from .coordination import check_coordination
from .dates import birthday, days_after
from .duty import check_duty
from .eligibility import Eligibility, assess_eligibility
from .findings import Finding, Severity, all_valid, by_severity, errors_of, found
from .in_care import check_in_care
from .legal import KUI_FROM
from .periods import Period, format_day
from .plan import PlanReport, validate_plan
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .transitions import check_transitions

if TYPE_CHECKING:
    from .case import YouthCase

__all__ = ["CaseReport", "review_case"]


class _Labels(NamedTuple):
    title: str
    target_group: str
    outreach: str
    plan: str
    no_plan: str
    yes: str
    no: str
    undecided: str
    findings: str
    none: str
    severity: dict[Severity, str]
    verdict_ok: str
    verdict_bad: str


_TEXT = {
    "da": _Labels(
        title="Gennemgang af forløb for {person} pr. {day}",
        target_group="I målgruppen",
        outreach="Opsøgende indsats påkrævet",
        plan="Gældende plan",
        no_plan="ingen",
        yes="ja",
        no="nej",
        undecided="kan ikke afgøres",
        findings="Fund ({count}, heraf {errors} fejl)",
        none="Ingen fund.",
        severity={Severity.ERROR: "FEJL", Severity.WARNING: "ADVARSEL", Severity.INFO: "INFO"},
        verdict_ok="Forløbet er i orden (ingen fejl).",
        verdict_bad="Forløbet er ikke i orden.",
    ),
    "en": _Labels(
        title="Review of the case of {person} on {day}",
        target_group="In the target group",
        outreach="Outreach required",
        plan="Plan in force",
        no_plan="none",
        yes="yes",
        no="no",
        undecided="cannot decide",
        findings="Findings ({count}, of which {errors} errors)",
        none="No findings.",
        severity={Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"},
        verdict_ok="The case is in order (no errors).",
        verdict_bad="The case is not in order.",
    ),
}


@attrs.frozen
class CaseReport:
    """The answer of :func:`review_case`.

    ``findings`` holds every rule's findings, ERROR first, then WARNING, then INFO, and by code
    within a severity (each rule's own order, by date, is kept). ``plan`` is the report on the
    plan in force, ``None`` where the case had no plan on ``on``.
    """

    person_id: str = attrs.field(validator=v.is_nonempty_str)
    """The case system's identifier of the young person (`Youth.person_id`), not the CPR number."""
    on: _dt.date = attrs.field(validator=v.is_date)
    """The reference day of the review."""
    eligibility: Eligibility = attrs.field(validator=v.is_instance(Eligibility))
    """The target-group assessment on `on` (:class:`Eligibility`)."""
    plan_id: str | None = attrs.field(validator=v.is_optional_nonempty_str)
    """The id of the plan in force (the newest made on or before `on`); `None`: no plan yet."""
    plan: PlanReport | None = attrs.field(validator=v.is_optional_instance(PlanReport))
    """The report on the plan in force (:class:`PlanReport`); `None`: no plan on `on`."""
    findings: tuple[Finding, ...] = attrs.field(validator=v.is_tuple_of(Finding))
    """Every rule's findings (the plan's too): ERROR, then WARNING, then INFO; by code within."""
    stamp: AuditStamp | None = attrs.field(
        default=None, validator=v.is_optional_instance(AuditStamp)
    )
    """Which rules and policy produced the report (:mod:`kui_core.audit`)."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The ERROR findings."""
        return errors_of(self.findings)

    @property
    def valid(self) -> bool:
        """True where no finding is an ERROR (derived as :attr:`PlanReport.valid` is)."""
        return all_valid(self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)

    def render(self, lang: str = "da") -> str:
        """The report as plain text in Danish (``"da"``) or English (``"en"``).

        Each finding shows its severity, code and message, then its sources: "Hjemmel" (legal
        basis) for a statute or executive order, "Kilde" (source) for any other kind.
        """
        text = _TEXT[check_language(lang)]
        yes_no = {True: text.yes, False: text.no, None: text.undecided}
        day = format_day(self.on)
        lines = [
            text.title.format(person=self.person_id, day=day),
            f"{text.target_group}: {yes_no[self.eligibility.in_target_group]}",
            f"{text.outreach}: {yes_no[self.eligibility.outreach_required]}",
            f"{text.plan}: {self.plan_id or text.no_plan}",
            "",
        ]
        if self.findings:
            lines.append(text.findings.format(count=len(self.findings), errors=len(self.errors)))
            for item in self.findings:
                label = text.severity[item.severity]
                lines.append(f"- [{label}] {item.code}: {item.message(lang)}")
                for source in item.sources:
                    lines.append(f"  {source.label(lang)}: {source}")
        else:
            lines.append(text.none)
        lines.append("")
        lines.append(text.verdict_ok if self.valid else text.verdict_bad)
        return "\n".join(lines)


def _catalogue_age(on: _dt.date, policy: Policy) -> list[Finding]:
    """``catalogue.unverified_period`` where ``on`` lies before the KUI took effect or more than a
    year after the catalogue's sources were last checked: the report applies the law as read."""
    if not unverified_on(on):
        return []
    checked = f"{KUI_FROM.isoformat()} – {LAST_CHECKED_DAY.isoformat()}"
    return found("catalogue.unverified_period", policy, on=on, subject=checked)


def _missing_plan(
    case: YouthCase, on: _dt.date, eligibility: Eligibility, exempted: bool, policy: Policy
) -> list[Finding]:
    """``plan.missing`` (15–17, not exempted) or ``plan.right_to_plan`` (anyone else in the
    target group) for an open case with no plan on ``on``."""
    if not (eligibility.in_target_group and case.span.contains(on)):
        return []
    # Due from the later of the case's opening (plus the policy's days) and the day the young
    # person reached the target group's minimum age: a case opened at 14 owes no plan until 15.
    entered = birthday(case.youth.birth_date, policy.min_age, policy.leap_day_rule)
    due = max(days_after(case.opened_on, policy.plan_missing_after_days), entered)
    if on < due:
        return []
    age = eligibility.age
    if policy.duty_min_age <= age <= policy.duty_max_age and not exempted:
        return found("plan.missing", policy, on=on, subject=f"{age}", period=Period(due))
    return found("plan.right_to_plan", policy, on=on, period=Period(due))


def review_case(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> CaseReport:
    """Every rule for one case on ``on``, in one report sorted by severity and code.

    See the module documentation for the rules applied and which plan version is judged.
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    eligibility = assess_eligibility(case.youth, on, policy)
    exempted = case.exemption_on(on) is not None
    known = [plan for plan in case.plans if plan.created_on <= on]
    plan_report: PlanReport | None = None
    plan_id: str | None = None
    if known:
        current = known[-1]
        plan_id = current.id
        plan_report = validate_plan(
            current, case.youth, on, policy, case.previous_plan(current), exempted=exempted
        )
        plan_findings: list[Finding] = list(plan_report.findings)
    else:
        plan_findings = _missing_plan(case, on, eligibility, exempted, policy)
    findings = [
        *_catalogue_age(on, policy),
        *eligibility.findings,
        *plan_findings,
        *check_in_care(case.youth, on, policy),
        *check_coordination(case, on, policy),
        *check_transitions(case, on, policy),
        *check_duty(case, on, policy),
    ]
    findings.sort(key=by_severity)
    return CaseReport(
        person_id=case.youth.person_id,
        on=on,
        eligibility=eligibility,
        plan_id=plan_id,
        plan=plan_report,
        findings=tuple(findings),
        stamp=audit_stamp(policy),
    )
