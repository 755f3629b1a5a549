"""The rule catalogue: every rule kui-core applies, declared once.

Each :class:`Rule` has a stable dotted ``code`` (never changed once released), a default
:class:`Severity`, Danish and English message templates and the sources it rests on
(:class:`~kui_core.legal.LegalBasis`, each with its kind of authority). A
:class:`~kui_core.findings.Finding` takes its severity and sources from here (and from
:attr:`Policy.severities <kui_core.Policy.severities>`): it has no severity or source of its own
to contradict them. The docs' rule reference and "Legal sources" page are generated from it.

ERROR is reserved for duties with a statutory basis: a rule whose default severity is ERROR must
cite a statute or an executive order (checked when the rule is declared). A rule that rests only
on ministry guidance or a municipal strategy defaults to WARNING; a municipality that wants its
own strategy enforced as an ERROR says so in its :class:`~kui_core.Policy`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
from collections.abc import Mapping
from typing import Any

import attrs

from . import legal
from . import validators as v
from .errors import DataError
from .legal import LegalBasis

__all__ = ["RULES", "Rule", "Severity"]


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


_is_tuple_of_legalbasis = v.is_tuple_of(LegalBasis)


def _sources(instance: Rule, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_legalbasis(instance, attribute, value)
    if not value:
        raise DataError("Rule.sources", "a rule needs at least one source")
    if instance.severity is Severity.ERROR and not instance.rests_on_law:
        raise DataError(
            "Rule.severity",
            f"rule {instance.code!r} is an ERROR but cites no statute or executive order",
        )
    # Every day has a source: coverage can only change where a source starts or ends.
    bounds = {_dt.date.min} | {
        day for s in value for day in (s.in_force_from, s.in_force_until) if day is not None
    }
    for day in sorted(bounds):
        in_force = [s for s in value if s.in_force_on(day)]
        if not in_force:
            raise DataError("Rule.sources", f"rule {instance.code!r} has no source on {day}")
        if instance.severity is Severity.ERROR and not any(s.kind.is_law for s in in_force):
            raise DataError(
                "Rule.severity", f"rule {instance.code!r} is an ERROR but cites no law on {day}"
            )


@attrs.frozen(kw_only=True)
class Rule:
    """One entry of the rule catalogue.

    ``severity`` is the default; :attr:`Policy.severities <kui_core.Policy.severities>` may
    change it or switch the rule off. ``da`` and ``en`` are message templates filled from the
    finding (see :meth:`Finding.message <kui_core.Finding.message>`). ``summary`` says in
    English what the rule checks (for the rule reference). ``sources`` are what the rule rests
    on; the first is the one that states the rule most directly.
    """

    code: str = attrs.field(validator=v.is_nonempty_str)
    """The stable dotted code, e.g. "plan.goal_overdue"; never changed once released."""
    severity: Severity = attrs.field(validator=v.is_instance(Severity))
    """The default severity (a :class:`Policy` may change it); ERROR needs a statute or order."""
    summary: str = attrs.field(validator=v.is_nonempty_str)
    """What the rule checks, in English, for the rule reference."""
    da: str = attrs.field(validator=v.is_nonempty_str)
    """The Danish message template, filled with `{subject}`, `{period}` or their `_note` asides."""
    en: str = attrs.field(validator=v.is_nonempty_str)
    """The English message template, filled like `da`."""
    sources: tuple[LegalBasis, ...] = attrs.field(validator=_sources)
    """The sources (:class:`LegalBasis`), most direct first; one is in force on every day."""
    summary_da: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """What the rule checks, in Danish, for the Danish rule reference ("Regler på dansk")."""

    @property
    def legal_basis(self) -> LegalBasis:
        """The first source: the one that states the rule most directly."""
        return self.sources[0]

    def sources_on(self, day: _dt.date) -> tuple[LegalBasis, ...]:
        """The sources in force on ``day``, in order (see :meth:`LegalBasis.in_force_on`)."""
        return tuple(source for source in self.sources if source.in_force_on(day))

    @property
    def rests_on_law(self) -> bool:
        """True where a source is a statute or an executive order."""
        return any(source.kind.is_law for source in self.sources)

    @property
    def requires_subject(self) -> bool:
        """True where a template names ``{subject}`` inline: its findings must have a subject."""
        return "{subject}" in self.da or "{subject}" in self.en

    @property
    def requires_period(self) -> bool:
        """True where a template names ``{period}`` inline: its findings must have a period."""
        return "{period}" in self.da or "{period}" in self.en


def _dated(*sources: LegalBasis) -> tuple[LegalBasis, ...]:
    """``sources``, each followed by its earlier versions (:data:`kui_core.legal.EARLIER`)."""
    return tuple(
        version for source in sources for version in (source, *legal.EARLIER.get(source, ()))
    )


def _catalogue(*rules: Rule) -> Mapping[str, Rule]:
    by_code: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in by_code:
            raise DataError("RULES", f"rule {rule.code!r} is declared twice")
        by_code[rule.code] = rule
    return types.MappingProxyType(by_code)


RULES: Mapping[str, Rule] = _catalogue(
    Rule(
        code="catalogue.unverified_period",
        severity=Severity.INFO,
        summary="The reference day of a review (review_case) lies outside the days the"
        " catalogue's sources were checked for: before the kommunale ungeindsats took effect"
        " (kui_core.legal.KUI_FROM, 1 August 2019; the act before it was not researched) or more"
        " than a year after the last check (kui_core.audit.RULES_CHECKED_ON). kui-core applies"
        " its rules anyway; the law on the day may have differed.",
        summary_da="Skæringsdagen for en gennemgang (review_case) ligger uden for de dage,"
        " katalogets kilder er kontrolleret for: før den kommunale ungeindsats trådte i kraft"
        " (kui_core.legal.KUI_FROM, 1. august 2019; loven før den er ikke undersøgt) eller mere"
        " end et år efter den seneste kontrol (kui_core.audit.RULES_CHECKED_ON). kui-core anvender"
        " alligevel sine regler; loven på dagen kan have været en anden.",
        da="Dagen ligger uden for de dage, reglernes kilder dækker ({subject}: fra den kommunale"
        " ungeindsats til et år efter, at kilderne sidst blev læst); loven kan have været en"
        " anden.",
        en="This day lies outside the days the rules' sources cover ({subject}: from the"
        " kommunale ungeindsats to a year after they were last read); the law may have differed.",
        sources=(legal.CATALOGUE_CHECKED,),
    ),
    Rule(
        code="eligibility.programme_agreed_change",
        severity=Severity.INFO,
        summary="An enrolment known on the reference day falls under a political agreement that"
        " is not enacted as far as checked: an EPX enrolment, or an enrolment in two-year HF, EUX"
        " or 10th grade that started in or after 2030, the year the agreement of 18 February 2025"
        " ends them (10th grade outside efterskoler). kui-core counts it under today's law (see"
        " Programme.dates).",
        summary_da="En indskrivning, der er kendt på skæringsdagen, er omfattet af en politisk"
        " aftale, som så vidt kontrolleret ikke er vedtaget ved lov: en indskrivning på EPX eller"
        " en indskrivning på toårig HF, EUX eller 10. klasse, der er begyndt i 2030 eller senere,"
        " det år aftalen af 18. februar 2025 afskaffer dem (10. klasse uden for efterskolerne)."
        " kui-core tæller den efter den lov, der gælder i dag (se Programme.dates).",
        da="En indskrivning i {subject} er omfattet af en politisk aftale, der ikke er vedtaget"
        " ved lov; den tælles efter de gældende regler.",
        en="An enrolment in {subject} falls under a political agreement that is not enacted; it"
        " is counted under the rules in force.",
        sources=(legal.EPX_AGREEMENT, legal.REFORM_2030, legal.TENTH_GRADE_2030),
    ),
    Rule(
        code="eligibility.in_target_group",
        severity=Severity.INFO,
        summary="Aged from Policy.min_age (15) to under Policy.age_limit (25) with no completed"
        " education of Policy.target_group_exit (by default every youth education but STU, and"
        " higher education).",
        summary_da="Fra Policy.min_age (15) til under Policy.age_limit (25) år og uden en"
        " gennemført uddannelse i Policy.target_group_exit (som standard enhver ungdomsuddannelse"
        " undtagen STU samt videregående uddannelser).",
        da="Den unge er i målgruppen: under aldersgrænsen og uden en gennemført uddannelse, der"
        " afslutter målgruppen{subject_note}.",
        en="The young person is in the target group: under the age limit with no completed"
        " education that ends the target group{subject_note}.",
        sources=_dated(legal.KUI_TITLE, legal.PLAN_GUIDANCE, legal.PLAN_UNTIL),
    ),
    Rule(
        code="eligibility.over_age_limit",
        severity=Severity.INFO,
        summary="Aged Policy.age_limit (25) or more on the reference day: outside the target"
        " group.",
        summary_da="Policy.age_limit (25) år eller ældre på skæringsdagen: uden for målgruppen.",
        da="Den unge har nået aldersgrænsen{subject_note} og er uden for målgruppen.",
        en="The young person has reached the age limit{subject_note} and is outside the target"
        " group.",
        sources=_dated(legal.KUI_TITLE, legal.PLAN_UNTIL),
    ),
    Rule(
        code="eligibility.under_min_age",
        severity=Severity.INFO,
        summary="Younger than Policy.min_age (default 15): not yet in the target group.",
        summary_da="Yngre end Policy.min_age (som standard 15): endnu ikke i målgruppen.",
        da="Den unge er under minimumsalderen{subject_note} og endnu ikke i målgruppen.",
        en="The young person is under the minimum age{subject_note} and not yet in the target"
        " group.",
        sources=_dated(legal.OUTREACH, legal.KUI_DUTY),
    ),
    Rule(
        code="eligibility.completed_qualifying_education",
        severity=Severity.INFO,
        summary="A programme of Policy.target_group_exit was completed on or before the reference"
        " day.",
        summary_da="En uddannelse i Policy.target_group_exit er gennemført på eller før"
        " skæringsdagen.",
        da="Den unge har gennemført en uddannelse, der afslutter målgruppen{subject_note}, og er"
        " uden for målgruppen.",
        en="The young person has completed an education that ends the target"
        " group{subject_note} and is outside it.",
        sources=(legal.PLAN_UNTIL, legal.PLAN_GUIDANCE),
    ),
    Rule(
        code="eligibility.completed_youth_education",
        severity=Severity.INFO,
        summary="Completed a youth education that does not end the target group (STU): no"
        " outreach duty.",
        summary_da="Har gennemført en ungdomsuddannelse, der ikke afslutter målgruppen (STU):"
        " ingen opsøgende pligt.",
        da="Den unge har gennemført en ungdomsuddannelse{subject_note}, som ikke afslutter"
        " målgruppen; ingen opsøgende pligt.",
        en="The young person has completed a youth education{subject_note} that does not"
        " end the target group; no outreach duty.",
        sources=_dated(legal.KUI_FGU_ASSESSMENT, legal.OUTREACH),
    ),
    Rule(
        code="eligibility.enrolled",
        severity=Severity.INFO,
        summary="Enrolled on the reference day in a programme of Policy.enrolment_programmes"
        " (by default any programme): no outreach.",
        summary_da="Indskrevet på skæringsdagen på en uddannelse i Policy.enrolment_programmes"
        " (som standard enhver uddannelse): ingen opsøgende indsats.",
        da="Den unge er i gang med en uddannelse{subject_note}; ingen opsøgende indsats.",
        en="The young person is enrolled in an education{subject_note}; no outreach needed.",
        sources=(legal.OUTREACH, legal.PRIMARY_SCHOOL),
    ),
    Rule(
        code="eligibility.employed",
        severity=Severity.INFO,
        summary="In paid work of at least Policy.outreach_work_hours (20) hours a week: no"
        " outreach.",
        summary_da="I lønnet arbejde i mindst Policy.outreach_work_hours (20) timer om ugen:"
        " ingen opsøgende indsats.",
        da="Den unge har lønnet arbejde på mindst timegrænsen om ugen{subject_note}; ingen"
        " opsøgende indsats.",
        en="The young person has paid work of at least the weekly hours limit{subject_note};"
        " no outreach needed.",
        sources=(legal.OUTREACH,),
    ),
    Rule(
        code="eligibility.guided_elsewhere",
        severity=Severity.INFO,
        summary="In the target group and guided by another authority on the reference day"
        " (Youth.guided_elsewhere: a job centre, social services or another authority): no"
        " outreach.",
        summary_da="I målgruppen og får vejledning fra en anden myndighed på skæringsdagen"
        " (Youth.guided_elsewhere: et jobcenter, socialforvaltningen eller en anden myndighed):"
        " ingen opsøgende indsats.",
        da="Den unge får allerede vejledning fra en anden myndighed{subject_note}; ingen"
        " opsøgende indsats.",
        en="The young person already receives guidance from another authority{subject_note};"
        " no outreach needed.",
        sources=(legal.OUTREACH,),
    ),
    Rule(
        code="eligibility.outreach_required",
        severity=Severity.INFO,
        summary="In the target group, neither enrolled nor working Policy.outreach_work_hours (20)"
        " hours a week, and no guidance from another authority recorded: outreach is due unless"
        " another authority guides the young person after all.",
        summary_da="I målgruppen, hverken indskrevet på en uddannelse eller i arbejde i"
        " Policy.outreach_work_hours (20) timer om ugen, og ingen vejledning fra en anden"
        " myndighed registreret: der skal tilbydes vejledning gennem opsøgende indsats, medmindre"
        " en anden myndighed alligevel vejleder den unge.",
        da="Den unge er hverken i uddannelse eller i arbejde på mindst timegrænsen om"
        " ugen{subject_note}: kommunen skal tilbyde vejledning gennem opsøgende indsats, medmindre"
        " den unge allerede får vejledning fra jobcenter, socialforvaltning eller en anden"
        " myndighed.",
        en="The young person is neither in education nor working at least the weekly hours"
        " limit{subject_note}: the municipality must offer guidance through outreach, unless the"
        " young person already receives guidance from a job centre, social services or another"
        " authority.",
        sources=(legal.OUTREACH,),
    ),
    Rule(
        code="eligibility.data_missing",
        severity=Severity.WARNING,
        summary="Whether outreach is due cannot be decided: nothing recorded shows enrolment,"
        " work or guidance elsewhere, and the education or employment records are known only up"
        " to a day before the reference day (Youth.educations_known_until,"
        " Youth.employments_known_until).",
        summary_da="Det kan ikke afgøres, om der skal tilbydes opsøgende indsats: intet"
        " registreret viser indskrivning, arbejde eller vejledning fra anden side, og"
        " oplysningerne om uddannelse eller beskæftigelse er kun kendt til og med en dag, der"
        " ligger før skæringsdagen (Youth.educations_known_until, Youth.employments_known_until).",
        da="Det kan ikke afgøres, om der skal tilbydes opsøgende vejledning: oplysningerne er kun"
        " kendt til og med en tidligere dag ({subject}).",
        en="Cannot decide whether outreach is due: the records are only known up to an earlier"
        " day ({subject}).",
        sources=(legal.UNKNOWN_IS_NOT_NO, legal.OUTREACH),
    ),
    Rule(
        code="plan.missing",
        severity=Severity.ERROR,
        summary="An open case of a young person in the target group aged Policy.duty_min_age to"
        " Policy.duty_max_age (15–17), not exempted from the duty, with no education plan"
        " (from Policy.plan_missing_after_days after the case opened).",
        summary_da="En åben sag om en ung i målgruppen i alderen Policy.duty_min_age til"
        " Policy.duty_max_age (15–17), som ikke er fritaget for pligten, og som ikke har en"
        " uddannelsesplan (fra Policy.plan_missing_after_days efter, at sagen blev åbnet).",
        da="Den unge er i den uddannelsespligtige alder{subject_note} og har ingen"
        " uddannelsesplan{period_note}; planen skal beskrive, hvordan pligten opfyldes.",
        en="The young person is of education-duty age{subject_note} and has no education"
        " plan{period_note}; the plan must describe how the duty is met.",
        sources=_dated(legal.KUI_DUTY, legal.KUI_PLAN, legal.PLAN_UNTIL),
    ),
    Rule(
        code="plan.right_to_plan",
        severity=Severity.INFO,
        summary="An open case of a young person in the target group outside the duty (18–24, or"
        " exempted) with no education plan: the young person has a right to one.",
        summary_da="En åben sag om en ung i målgruppen uden for pligten (18–24 år eller fritaget)"
        " uden uddannelsesplan: den unge har ret til en.",
        da="Den unge er i målgruppen og har ret til en uddannelsesplan, men har"
        " ingen{period_note}.",
        en="The young person is in the target group and has a right to an education plan but"
        " has none{period_note}.",
        sources=(legal.PLAN_GUIDANCE,),
    ),
    Rule(
        code="plan.youth_not_participating",
        severity=Severity.WARNING,
        summary="The young person is not a participant in the plan.",
        summary_da="Den unge er ikke deltager i planen.",
        da="Den unge deltager ikke i planen; den unge skal sidde for bordenden.",
        en="The young person is not a participant in the plan; they must be at the head of"
        " the table.",
        sources=(legal.ESBJERG_HEAD_OF_TABLE,),
    ),
    Rule(
        code="plan.no_education_or_job_goal",
        severity=Severity.WARNING,
        summary="The plan has no goal of kind education or job.",
        summary_da="Planen har intet mål af typen uddannelse eller job.",
        da="Planen har intet uddannelses- eller jobmål.",
        en="The plan has no education or job goal.",
        sources=_dated(legal.KUI_PLAN, legal.PLAN_GUIDANCE),
    ),
    Rule(
        code="plan.goal_without_target_date",
        severity=Severity.WARNING,
        summary="A goal has no target date.",
        summary_da="Et mål har ingen måldato.",
        da="Målet {subject} har ingen måldato.",
        en="Goal {subject} has no target date.",
        sources=(legal.ESBJERG_CLEAR_GOALS, legal.GOAL_DATES),
    ),
    Rule(
        code="plan.goal_overdue",
        severity=Severity.WARNING,
        summary="A goal's target date has passed and it is neither achieved nor closed.",
        summary_da="Et måls måldato er overskredet, og målet er hverken nået eller lukket.",
        da="Målet {subject} har overskredet sin måldato og er hverken nået eller lukket.",
        en="Goal {subject} is past its target date and neither achieved nor closed.",
        sources=(legal.PLAN_GUIDANCE, legal.GOAL_DATES),
    ),
    Rule(
        code="plan.intervention_without_goal",
        severity=Severity.WARNING,
        summary="An intervention supports no goal of the plan.",
        summary_da="En indsats understøtter intet mål i planen.",
        da="Indsatsen {subject} understøtter intet mål i planen.",
        en="Intervention {subject} supports no goal of the plan.",
        sources=(legal.PLAN_SHARED, legal.ESBJERG_INTERVENTIONS),
    ),
    Rule(
        code="plan.no_shared_goal",
        severity=Severity.WARNING,
        summary="Interventions from two or more units, but no goal all of them support.",
        summary_da="Indsatser fra to eller flere enheder, men intet mål, som de alle understøtter.",
        da="Indsatser fra flere enheder ({subject}) har intet fælles mål.",
        en="Interventions from several units ({subject}) share no goal.",
        sources=(legal.PLAN_SHARED, legal.ESBJERG_SHARED_GOAL),
    ),
    Rule(
        code="plan.follow_up_missing",
        severity=Severity.WARNING,
        summary="The plan has no next follow-up date.",
        summary_da="Planen har ingen dato for næste opfølgning.",
        da="Planen har ingen dato for næste opfølgning.",
        en="The plan has no next follow-up date.",
        sources=(legal.PLAN_GUIDANCE, legal.ESBJERG_FOLLOW_UP),
    ),
    Rule(
        code="plan.follow_up_overdue",
        severity=Severity.WARNING,
        summary="The next follow-up date has passed (or lies beyond the policy's maximum"
        " interval).",
        summary_da="Datoen for næste opfølgning er overskredet (eller ligger ud over det længste"
        " interval, som policyen tillader).",
        da="Næste opfølgning ({subject}) er overskredet eller ligger ud over det længste"
        " tilladte interval{period_note}.",
        en="The next follow-up ({subject}) has passed or lies beyond the longest allowed"
        " interval{period_note}.",
        sources=(legal.PLAN_GUIDANCE, legal.ESBJERG_FOLLOW_UP),
    ),
    Rule(
        code="plan.duty_description_missing",
        severity=Severity.ERROR,
        summary="Aged Policy.duty_min_age to Policy.duty_max_age (15–17) and the plan does not"
        " describe how the education duty is met.",
        summary_da="I alderen Policy.duty_min_age til Policy.duty_max_age (15–17), og planen"
        " beskriver ikke, hvordan uddannelsespligten opfyldes.",
        da="Den unge er i den uddannelsespligtige alder{subject_note}, og planen beskriver"
        " ikke, hvordan uddannelsespligten opfyldes.",
        en="The young person is of education-duty age{subject_note} and the plan does not"
        " describe how the education duty is met.",
        sources=_dated(
            legal.KUI_DUTY,
        ),
    ),
    Rule(
        code="plan.parent_not_involved",
        severity=Severity.WARNING,
        summary="Aged Policy.duty_min_age to Policy.duty_max_age (15–17), not exempted, and no"
        " participant of the plan has the role PARENT. A WARNING although § 2 a, stk. 3 is"
        " statute: the law asks that the parents be involved all along, not that they take part"
        " in the plan itself.",
        summary_da="I alderen Policy.duty_min_age til Policy.duty_max_age (15–17), ikke fritaget,"
        " og ingen deltager i planen har rollen PARENT. En WARNING, selv om § 2 a, stk. 3 er en"
        " lovbestemmelse: loven siger, at forældrene skal inddrages løbende, ikke at de skal"
        " deltage i selve planen.",
        da="Den unge er i den uddannelsespligtige alder{subject_note}, og ingen forælder"
        " (forældremyndighedens indehaver) deltager i planen; forældrene skal løbende inddrages.",
        en="The young person is of education-duty age{subject_note} and no parent (holder of"
        " parental authority) takes part in the plan; the parents must be involved all along.",
        sources=_dated(
            legal.KUI_DUTY_SUPERVISION,
        ),
    ),
    Rule(
        code="plan.in_care_plan_late",
        severity=Severity.ERROR,
        summary="In care from 16: no ungeplan (barnets lov, not the KUI plan) within 3 months of"
        " the decision on the placement or of the 16th birthday, whichever is later; for a"
        " placement without consent, by the day of the decision.",
        summary_da="Anbragt fra 16 år: ingen ungeplan (barnets lov, ikke KUI-planen) senest 3"
        " måneder efter afgørelsen om anbringelsen eller efter 16-årsdagen, alt efter hvad der"
        " kommer sidst; ved en anbringelse uden samtykke senest på dagen for afgørelsen.",
        da="Den anbragte unge har ikke fået en ungeplan inden fristen{subject_note}.",
        en="The young person in care has no ungeplan (youth plan under barnets lov) by the"
        " deadline{subject_note}.",
        sources=_dated(legal.IN_CARE_PLAN, legal.IN_CARE_PLAN_BEFORE_2024),
    ),
    Rule(
        code="plan.in_care_support_decision_late",
        severity=Severity.ERROR,
        summary="In care when turning 18: no decision on continued support (ungestøtte) at least"
        " Policy.in_care_support_months (6) months before the 18th birthday.",
        summary_da="Anbragt, når den unge fylder 18 år: ingen afgørelse om fortsat støtte"
        " (ungestøtte) senest Policy.in_care_support_months (6) måneder før 18-årsdagen.",
        da="Der er ikke truffet afgørelse om ungestøtteindsatser inden fristen {subject} før"
        " anbringelsens ophør{period_note}.",
        en="No decision on support for the young person after care by the deadline {subject}"
        " before the placement ends{period_note}.",
        sources=_dated(legal.IN_CARE_SUPPORT, legal.IN_CARE_SUPPORT_BEFORE_2024),
    ),
    Rule(
        code="plan.goal_dropped",
        severity=Severity.WARNING,
        summary="A goal of the previous plan version vanished without being closed.",
        summary_da="Et mål fra den forrige version af planen er forsvundet uden at være lukket.",
        da="Målet {subject} fra den forrige plan er forsvundet uden at være lukket.",
        en="Goal {subject} of the previous plan vanished without being closed.",
        sources=(legal.PLAN_GUIDANCE, legal.ESBJERG_FOLLOW_UP),
    ),
    Rule(
        code="coordination.missing",
        severity=Severity.WARNING,
        summary="A coordinated effort with no coordinator at all.",
        summary_da="Et koordineret forløb helt uden tovholder.",
        da="Forløbet har ingen tovholder{period_note}.",
        en="The case has no coordinator{period_note}.",
        sources=(legal.CONTACT_PERSON, legal.ESBJERG_COORDINATOR, legal.LEJRE_COORDINATOR),
    ),
    Rule(
        code="coordination.gap",
        severity=Severity.WARNING,
        summary="Days inside the coordination span without a coordinator.",
        summary_da="Dage inden for koordineringsperioden uden tovholder.",
        da="Ingen tovholder i perioden {period}.",
        en="No coordinator during {period}.",
        sources=(legal.CONTACT_PERSON, legal.ESBJERG_COORDINATOR, legal.LEJRE_COORDINATOR),
    ),
    Rule(
        code="coordination.overlap",
        severity=Severity.WARNING,
        summary="Days with two or more coordinators.",
        summary_da="Dage med to eller flere tovholdere.",
        da="Flere tovholdere ({subject}) i perioden {period}.",
        en="Several coordinators ({subject}) during {period}.",
        sources=(legal.CONTACT_PERSON, legal.ESBJERG_COORDINATOR, legal.LEJRE_COORDINATOR),
    ),
    Rule(
        code="transition.no_next_step",
        severity=Severity.WARNING,
        summary="An offer ended, the young person is still in the target group, and no next"
        " offer or plan goal follows within Policy.max_transition_gap_days.",
        summary_da="Et tilbud er afsluttet, den unge er stadig i målgruppen, og intet næste tilbud"
        " eller mål i planen følger inden for Policy.max_transition_gap_days.",
        da="Tilbuddet {subject} sluttede uden et næste skridt{period_note}.",
        en="Offer {subject} ended without a next step{period_note}.",
        sources=(legal.ESBJERG_TRANSITIONS,),
    ),
    Rule(
        code="exemption.applies",
        severity=Severity.INFO,
        summary="Aged Policy.duty_min_age to Policy.duty_max_age (15–17) and exempted from the"
        " education duty on the reference day"
        " (YouthCase.duty_exemptions): no duty.* finding, no plan.missing,"
        " plan.duty_description_missing or plan.parent_not_involved.",
        summary_da="I alderen Policy.duty_min_age til Policy.duty_max_age (15–17) og fritaget for"
        " uddannelsespligten på skæringsdagen (YouthCase.duty_exemptions): intet fund fra duty.*"
        " og hverken plan.missing, plan.duty_description_missing eller plan.parent_not_involved.",
        da="Den unge er fritaget for uddannelsespligten ({period}); pligtens frister og"
        " krav gælder ikke.",
        en="The young person is exempted from the education duty ({period}); the duty's"
        " deadlines and requirements do not apply.",
        sources=_dated(
            legal.KUI_DUTY_EXEMPTION,
        ),
    ),
    Rule(
        code="duty.contact_overdue",
        severity=Severity.ERROR,
        summary="Aged 15–17, not following the plan, and not contacted within"
        " Policy.contact_deadline_working_days (5) working days (the parents too where"
        " Policy.contact_includes_parents). The duty to supervise is statute (§ 2 a, stk. 3);"
        " the 5 days are the ministry's guidance and the pligtbekendtgørelse, whose paragraph"
        " is unverified.",
        summary_da="15–17 år, følger ikke planen og er ikke kontaktet inden for"
        " Policy.contact_deadline_working_days (5) hverdage (forældrene også, hvor"
        " Policy.contact_includes_parents). Tilsynspligten er lovbestemt (§ 2 a, stk. 3); de 5"
        " dage stammer fra ministeriets vejledning og pligtbekendtgørelsen, hvis paragraf ikke er"
        " verificeret.",
        da="Den unge følger ikke planen, og kontakten er ikke etableret inden fristen"
        " {subject}{period_note}.",
        en="The young person is not following the plan and contact was not made by the"
        " deadline {subject}{period_note}.",
        sources=_dated(
            legal.KUI_DUTY_SUPERVISION,
            legal.DUTY_DEADLINES,
            legal.DUTY_EXECUTIVE_ORDER,
            legal.DUTY_FROM_CONTACT,
        ),
    ),
    Rule(
        code="duty.new_activity_overdue",
        severity=Severity.ERROR,
        summary="Aged 15–17 and no new activity within Policy.new_activity_deadline_days (30)"
        " calendar days of the contact (Policy.new_activity_from; or of noticing the lapse). The"
        " duty to supervise is statute (§ 2 a, stk. 3); the 30 days are the ministry's guidance"
        " and the pligtbekendtgørelse (paragraph unverified), and the sources disagree on when"
        " they start.",
        summary_da="15–17 år og ingen ny aktivitet inden for Policy.new_activity_deadline_days"
        " (30) kalenderdage efter kontakten (Policy.new_activity_from; eller efter, at afbrydelsen"
        " blev opdaget). Tilsynspligten er lovbestemt (§ 2 a, stk. 3); de 30 dage stammer fra"
        " ministeriets vejledning og pligtbekendtgørelsen (paragraffen er ikke verificeret), og"
        " kilderne er uenige om, hvornår de begynder at løbe.",
        da="Den unge har ikke fået en ny aktivitet inden fristen {subject}{period_note}.",
        en="The young person has not been offered a new activity by the deadline"
        " {subject}{period_note}.",
        sources=_dated(
            legal.KUI_DUTY_SUPERVISION,
            legal.DUTY_DEADLINES,
            legal.DUTY_EXECUTIVE_ORDER,
            legal.DUTY_FROM_CONTACT,
            legal.DUTY_FROM_CONTACT_VIBORG,
            legal.DUTY_FROM_LAPSE,
        ),
    ),
)
