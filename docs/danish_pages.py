"""The Danish pages for the people who sign off: the rules and the decided cases, in Danish.

Generated at build time from the rule catalogue (:data:`kui_core.RULES`) and the casebook shipped
with kui-core (``src/kui_core/casebook``): nothing on these pages is written by hand, so they say
exactly what the software decides. Used by ``docs/hooks.py`` for the markers
``<!-- kui:rules-da -->`` and ``<!-- kui:casebook-da -->``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kui_core import (
    DEFAULT_POLICY,
    RULES,
    CaseReport,
    Eligibility,
    Finding,
    LegalBasis,
    Policy,
    Rule,
    Youth,
    YouthCase,
    assess_eligibility,
    completion_rate,
    neet_share,
    review_case,
)
from kui_core.cli.scenarios import CASEBOOK
from kui_core.periods import Period
from kui_core.scenarios import Metric, Scenario, check_case, load_scenarios

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
)  # fmt: skip
SEVERITY = {"error": "fejl", "warning": "advarsel", "info": "oplysning"}
KIND = {
    "statute": "lov",
    "executive_order": "bekendtgørelse",
    "guidance": "ministeriets vejledning",
    "municipal_strategy": "kommunal strategi",
    "municipal_guidance": "kommunal information",
    "political_agreement": "politisk aftale",
    "statistical_practice": "statistisk praksis",
    "convention": "kui-cores egen konvention",
}
PROGRAMME = {
    "stx": "stx",
    "hhx": "hhx",
    "htx": "htx",
    "hf": "hf",
    "ib": "IB",
    "eux": "eux",
    "eud": "erhvervsuddannelse (eud)",
    "higher": "videregående uddannelse",
    "fgu": "FGU",
    "tenth_grade": "10. klasse",
    "stu": "STU",
    "other": "anden uddannelse",
    "primary_school": "grundskole",
    "epx": "epx",
}
ROLE = {
    "youth": "den unge",
    "parent": "forælder",
    "coordinator": "tovholder",
    "caseworker": "sagsbehandler",
    "other": "anden",
}
GOAL_KIND = {
    "education": "uddannelse",
    "job": "job",
    "personal": "personligt",
    "health": "sundhed",
    "housing": "bolig",
    "other": "andet",
}
AUTHORITY = {
    "jobcentre": "jobcentret",
    "social_services": "socialforvaltningen",
    "other": "en anden myndighed",
}


def day(value: dt.date) -> str:
    """``2. marts 2026``."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def span(period: Period) -> str:
    """``fra 1. marts 2026 til og med 31. maj 2026`` (the end is shown inclusively)."""
    text = f"fra {day(period.start)}"
    if period.end is not None and period.end != dt.date.max and period.end.year < 9999:
        text += f" til og med {day(period.end - dt.timedelta(days=1))}"
    return text


def _hours(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def youth_facts(youth: Youth) -> list[str]:
    """The young person's records, one Danish sentence each."""
    facts = [f"Født {day(youth.birth_date)}."]
    for record in youth.educations:
        text = f"{PROGRAMME[record.programme.value].capitalize()} fra {day(record.started_on)}"
        if record.completed_on is not None:
            text += f", fuldført {day(record.completed_on)}"
        elif record.left_on is not None:
            text += f", afbrudt {day(record.left_on)}"
        else:
            text += ", i gang"
        facts.append(text + ".")
    for job in youth.employments:
        facts.append(f"Arbejde {_hours(job.hours_per_week)} timer om ugen {span(job.period)}.")
    for guidance in youth.guided_elsewhere:
        facts.append(f"Vejledes af {AUTHORITY[guidance.authority.value]} {span(guidance.period)}.")
    for placement in youth.in_care:
        text = f"Anbragt uden for hjemmet {span(placement.period)}"
        if placement.decided_on is not None:
            text += f", afgørelse {day(placement.decided_on)}"
        if not placement.consent:
            text += ", uden samtykke"
        text += "; ungeplan " + (
            ", ".join(day(d) for d in placement.ungeplan_dates)
            if placement.ungeplan_dates
            else "ikke udarbejdet"
        )
        if placement.support_decided_on is not None:
            text += f"; afgørelse om ungestøtte {day(placement.support_decided_on)}"
        facts.append(text + ".")
    if youth.educations_known_until is not None:
        facts.append(f"Uddannelsesdata kendt til og med {day(youth.educations_known_until)}.")
    if youth.employments_known_until is not None:
        facts.append(f"Beskæftigelsesdata kendt til og med {day(youth.employments_known_until)}.")
    return facts


def case_facts(case: YouthCase) -> list[str]:
    """The case's facts: the young person, then the case, one Danish sentence each."""
    facts = youth_facts(case.youth)
    opened = f"Sagen åbnet {day(case.opened_on)}"
    if case.closed_on is not None:
        opened += f", lukket {day(case.closed_on)}"
    facts.append(opened + ".")
    for assignment in case.coordinators:
        unit = getattr(assignment.unit, "code", assignment.unit)
        who = f"Tovholder {assignment.coordinator_id} ({unit})"
        facts.append(f"{who} {span(assignment.period)}.")
    if not case.coordinators:
        facts.append("Ingen tovholder.")
    for offer in case.offers:
        facts.append(f"Tilbud «{offer.description}» {span(offer.period)}.")
    for plan in case.plans:
        facts.append(_plan_facts(plan))
    for lapse in case.duty_lapses:
        text = f"Den unge følger ikke planen: opdaget {day(lapse.noticed_on)}"
        if lapse.contacted_on is not None:
            text += f", kontakt {day(lapse.contacted_on)}"
        if lapse.parents_contacted_on is not None:
            text += f", forældre kontaktet {day(lapse.parents_contacted_on)}"
        if lapse.new_activity_on is not None:
            text += f", ny aktivitet {day(lapse.new_activity_on)}"
        facts.append(text + ".")
    for exemption in case.duty_exemptions:
        facts.append(f"Fritaget for uddannelsespligten {span(exemption)}.")
    return facts


def _plan_facts(plan: Any) -> str:
    people = ", ".join(ROLE[p.role.value] for p in plan.participants) or "ingen"
    text = f"Uddannelsesplan {plan.id} af {day(plan.created_on)}; deltagere: {people}"
    for goal in plan.goals:
        text += f"; mål {goal.id} ({GOAL_KIND[goal.kind.value]}): «{goal.description}»"
        text += f", måldato {day(goal.target_date)}" if goal.target_date else ", ingen måldato"
        if goal.status.value != "open":
            text += ", nået" if goal.status.value == "achieved" else ", lukket"
    for item in plan.interventions:
        unit = getattr(item.unit, "code", item.unit)
        goals = ", ".join(sorted(item.supports)) or "intet mål"
        text += f"; indsats «{item.description}» ({unit}) for {goals}"
    if plan.next_follow_up is not None:
        text += f"; næste opfølgning {day(plan.next_follow_up)}"
    else:
        text += "; ingen dato for næste opfølgning"
    if plan.duty_description:
        text += f"; pligten opfyldes: «{plan.duty_description}»"
    if plan.previous_id:
        text += f"; afløser plan {plan.previous_id}"
    return text + "."


def policy_facts(policy: Policy) -> list[str]:
    """The municipality's choices that differ from kui-core's defaults."""
    default = DEFAULT_POLICY
    chosen = []
    for name in type(policy).__attrs_attrs__:  # type: ignore[attr-defined]
        value, usual = getattr(policy, name.name), getattr(default, name.name)
        if value != usual:
            shown = (
                ", ".join(sorted(str(v) for v in value)) if isinstance(value, frozenset) else value
            )
            chosen.append(f"Kommunens valg: `Policy.{name.name}` = {shown}.")
    return chosen


def source_line(source: LegalBasis, *, label: bool = True) -> str:
    """``Hjemmel (lov): Barnets lov, § 108 — …`` for one source (or ``Lov: …`` without label)."""
    where = f"{source.law}, {source.paragraph}" if source.paragraph else source.law
    unread = not source.verified and source.kind.value != "convention"  # a convention is ours
    status = " (ikke verificeret)" if unread else ""
    kind = KIND[source.kind.value]
    text = f"{where} — {source.title}{status}"
    return f"{source.label('da')} ({kind}): {text}" if label else f"{kind.capitalize()}: {text}"


def _outcome(scenario: Scenario) -> tuple[tuple[Finding, ...], str]:
    """The findings of running ``scenario``, and its decision in a Danish sentence."""
    on, policy = scenario.on, scenario.policy or DEFAULT_POLICY
    if scenario.youth is not None:
        result: Eligibility = assess_eligibility(scenario.youth, on, policy)
        inside = "i målgruppen" if result.in_target_group else "ikke i målgruppen"
        return result.findings, f"Den unge er {result.age} år og {inside}."
    if scenario.case is not None:
        report: CaseReport = review_case(scenario.case, on, policy)
        verdict = "i orden (ingen fejl)" if report.valid else "ikke i orden (fejl)"
        return report.findings, f"Sagen er {verdict}."
    assert scenario.cohort is not None
    metric = completion_rate if scenario.metric is Metric.COMPLETION_RATE else neet_share
    rate = metric(scenario.cohort, on, policy=policy)
    name = "Fuldført ved 25" if scenario.metric is Metric.COMPLETION_RATE else "NEET-andel"
    text = f"{name}: {rate.numerator} af {rate.denominator}"  # type: ignore[union-attr]
    if rate.undecided:  # type: ignore[union-attr]
        text += f" ({rate.undecided} kan ikke afgøres)"  # type: ignore[union-attr]
    return (), text + "."


def casebook() -> list[Scenario]:
    """Every decided case of the shipped casebook, file by file."""
    found = []
    for path in sorted(Path(CASEBOOK).glob("*.kui.yaml")):
        found += load_scenarios(path.read_text(encoding="utf-8"), yaml=True).cases
    return found


def _story(scenario: Scenario, code: str, produces: bool) -> list[str]:
    assert check_case(scenario).passed, scenario.title
    findings, decision = _outcome(scenario)
    lines = [f"#### {scenario.title}", "", f"*{scenario.source}*", ""]
    lines.append(f"**Dagen:** {day(scenario.on)}.")
    lines.append("")
    if scenario.youth is not None:
        facts = youth_facts(scenario.youth)
    elif scenario.case is not None:
        facts = case_facts(scenario.case)
    else:
        assert scenario.cohort is not None
        facts = [f"{y.person_id}: " + " ".join(youth_facts(y)) for y in scenario.cohort]
    facts += policy_facts(scenario.policy or DEFAULT_POLICY)
    lines.append("**Fakta:**")
    lines.append("")
    # "10. klasse ..." at the start of an item would be read as a numbered list.
    lines += ["- " + re.sub(r"^(\d+)\. ", r"\1\\. ", fact) for fact in facts]
    lines.append("")
    lines.append(f"**kui-core afgør:** {decision}")
    lines.append("")
    relevant = [f for f in findings if f.code == code]
    if produces and relevant:
        lines.append("**Hvorfor:**")
        lines.append("")
        for finding in relevant:
            lines.append(
                f"- {finding.message('da')} (`{finding.code}`, {SEVERITY[finding.severity.value]})"
            )
            lines += [f"    - {source_line(s)}" for s in finding.sources]
    elif produces:
        lines.append(f"Tallet ovenfor er det, reglen `{code}` beskriver.")
    else:
        lines.append(f"**Hvorfor ikke:** reglen `{code}` udløses ikke her.")
    lines.append("")
    return lines


@functools.cache
def render_casebook_da() -> str:
    """ "Afgjorte eksempler": per rule, the cases that produce it and those that do not."""
    cases = casebook()
    lines: list[str] = []
    for code, rule in RULES.items():
        producing = [s for s in cases if code in s.expect.codes
                     or any(f.code == code for f in s.expect.findings)]  # fmt: skip
        not_producing = [s for s in cases if code in s.expect.not_codes]
        lines += [f"## `{code}` {{ #{code.replace('.', '-')} }}", ""]
        lines += [rule.summary_da or rule.summary, ""]
        lines += ["### Udløser reglen", ""]
        for scenario in producing:
            lines += _story(scenario, code, True)
        lines += ["### Udløser ikke reglen", ""]
        for scenario in not_producing:
            lines += _story(scenario, code, False)
    lines.append(f"Sagssamlingen har {len(cases)} afgjorte eksempler.")
    return "\n".join(lines) + "\n"


@functools.cache
def render_rules_da() -> str:
    """ "Regler på dansk": every rule with its severity, summary, message and sources."""
    lines: list[str] = []
    for code, rule in RULES.items():
        lines += [f"## `{code}` {{ #{code.replace('.', '-')} }}", ""]
        lines += _rule_table(rule)
        lines.append("")
    return "\n".join(lines)


def _rule_table(rule: Rule) -> list[str]:
    rows = [
        "| | |",
        "| --- | --- |",
        f"| Alvor | {SEVERITY[rule.severity.value]} |",
        f"| Hvad reglen tjekker | {_cell(rule.summary_da or rule.summary)} |",
        f"| Meddelelse | {_cell(rule.da)} |",
    ]
    for source in rule.sources:
        text = source_line(source, label=False)
        if source.quote:
            text += f" «{source.quote}»"
        if source.in_force_from or source.in_force_until:
            text += " — gælder " + _validity(source)
        if source.verified and source.checked_on:
            text += f" (kontrolleret {day(source.checked_on)})"
        rows.append(f"| {source.label('da')} | {_cell(text)} |")
    return rows


def _validity(source: LegalBasis) -> str:
    parts = []
    if source.in_force_from:
        parts.append(f"fra {day(source.in_force_from)}")
    if source.in_force_until:
        parts.append(f"til og med {day(source.in_force_until - dt.timedelta(days=1))}")
    return " ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def codes_on_page(items: Iterable[str]) -> set[str]:
    """The rule codes named in ``items`` (for tests)."""
    return {code for code in RULES if any(code in item for item in items)}
