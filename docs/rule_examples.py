"""Worked examples for the rule reference: for each rule code, one case that produces it and one
that does not.

Each family gathers the codes one function checks. It has a ``setup`` block (shown once, before
its codes) and, per rule code, two snippets that run after it and assign ``findings``. Codes of
one prefix may belong to several families (``plan.*`` is checked by ``validate_plan``,
``review_case`` and ``check_in_care``); a code belongs to the family that has its example.
``docs/hooks.py`` executes the snippets at build time and shows their real output;
``tests/test_docs.py`` checks that the "produces" snippet yields the code and the "does not
produce" snippet does not. A family is shown only when every dotted name in ``requires`` can be
imported: the docs never show an example the code cannot run.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    """One rule code's pair of snippets (Python source, run after the family's setup)."""

    produces: str
    does_not: str


@dataclass(frozen=True)
class Family:
    """Rule codes sharing a prefix, the function that checks them, and their examples."""

    prefix: str
    title: str
    checked_by: str
    requires: tuple[str, ...]
    setup: str
    examples: dict[str, Example] = field(default_factory=dict)


SHOW = "print([f.code for f in findings])"
"""The line appended to every snippet: the output block lists the codes found."""


ELIGIBILITY = Family(
    prefix="eligibility.",
    title="Target group and outreach",
    checked_by="assess_eligibility",
    requires=("kui_core.assess_eligibility", "kui_core.Youth", "kui_core.Employment"),
    setup="""\
from datetime import date

from kui_core import (
    Authority, EducationRecord, Employment, ExternalGuidance, Period, Programme,
    Youth, assess_eligibility,
)

on = date(2026, 1, 15)
""",
    examples={
        "eligibility.in_target_group": Example(
            produces="""\
# 20 years old, no education completed
findings = assess_eligibility(Youth("y-1", date(2005, 3, 10)), on).findings
""",
            does_not="""\
# completed STX (a qualifying education) in June 2024
stx = EducationRecord(Programme.STX, date(2021, 8, 1), completed_on=date(2024, 6, 25))
findings = assess_eligibility(Youth("y-1", date(2005, 3, 10), educations=(stx,)), on).findings
""",
        ),
        "eligibility.over_age_limit": Example(
            produces="""\
# the 25th birthday is the reference day itself
findings = assess_eligibility(Youth("y-1", date(2001, 1, 15)), on).findings
""",
            does_not="""\
# the 25th birthday is tomorrow: still 24 today
findings = assess_eligibility(Youth("y-1", date(2001, 1, 16)), on).findings
""",
        ),
        "eligibility.under_min_age": Example(
            produces="""\
# turns 15 tomorrow
findings = assess_eligibility(Youth("y-1", date(2011, 1, 16)), on).findings
""",
            does_not="""\
# turns 15 today
findings = assess_eligibility(Youth("y-1", date(2011, 1, 15)), on).findings
""",
        ),
        "eligibility.completed_qualifying_education": Example(
            produces="""\
eud = EducationRecord(Programme.EUD, date(2021, 8, 1), completed_on=date(2025, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(eud,)), on).findings
""",
            does_not="""\
# dropped out of EUD: leaving is not completing
eud = EducationRecord(Programme.EUD, date(2021, 8, 1), left_on=date(2022, 3, 1))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(eud,)), on).findings
""",
        ),
        "eligibility.completed_youth_education": Example(
            produces="""\
# STU is a youth education but not a qualifying one (§ 2 k)
stu = EducationRecord(Programme.STU, date(2021, 8, 1), completed_on=date(2024, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(stu,)), on).findings
""",
            does_not="""\
# FGU is preparatory: not a youth education
fgu = EducationRecord(Programme.FGU, date(2022, 8, 1), completed_on=date(2024, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(fgu,)), on).findings
""",
        ),
        "eligibility.enrolled": Example(
            produces="""\
# 15 years old and in 9th grade: primary school is an enrolment (no outreach, not NEET)
school = EducationRecord(Programme.PRIMARY_SCHOOL, date(2016, 8, 1))
findings = assess_eligibility(Youth("y-1", date(2010, 6, 12), educations=(school,)), on).findings
""",
            does_not="""\
# admitted, but the programme starts next month
eud = EducationRecord(Programme.EUD, date(2026, 2, 1))
findings = assess_eligibility(Youth("y-1", date(2007, 9, 1), educations=(eud,)), on).findings
""",
        ),
        "eligibility.programme_agreed_change": Example(
            produces="""\
# 10th grade from August 2030: the 2025 agreement ends 10th grade outside efterskoler in 2030
tenth = EducationRecord(Programme.TENTH_GRADE, date(2030, 8, 12))
youth = Youth("y-1", date(2014, 5, 1), educations=(tenth,))
findings = assess_eligibility(youth, date(2031, 1, 15)).findings
""",
            does_not="""\
# 10th grade from August 2029, before the agreed end
tenth = EducationRecord(Programme.TENTH_GRADE, date(2029, 8, 13))
youth = Youth("y-1", date(2013, 5, 1), educations=(tenth,))
findings = assess_eligibility(youth, date(2030, 1, 15)).findings
""",
        ),
        "eligibility.employed": Example(
            produces="""\
job = Employment(Period(date(2025, 9, 1)), hours_per_week=25)
findings = assess_eligibility(Youth("y-1", date(2003, 4, 2), employments=(job,)), on).findings
""",
            does_not="""\
job = Employment(Period(date(2025, 9, 1)), hours_per_week=15)
findings = assess_eligibility(Youth("y-1", date(2003, 4, 2), employments=(job,)), on).findings
""",
        ),
        "eligibility.guided_elsewhere": Example(
            produces="""\
# the job centre has guided the young person since November
jobcentre = ExternalGuidance(Authority.JOBCENTRE, Period(date(2025, 11, 1)))
youth = Youth("y-1", date(2006, 11, 3), guided_elsewhere=(jobcentre,))
findings = assess_eligibility(youth, on).findings
""",
            does_not="""\
# the job centre's guidance ended on 31.12.2025: outreach is due again
jobcentre = ExternalGuidance(Authority.JOBCENTRE, Period(date(2025, 11, 1), date(2026, 1, 1)))
youth = Youth("y-1", date(2006, 11, 3), guided_elsewhere=(jobcentre,))
findings = assess_eligibility(youth, on).findings
""",
        ),
        "eligibility.outreach_required": Example(
            produces="""\
# neither enrolled nor working: the municipality must reach out
findings = assess_eligibility(Youth("y-1", date(2006, 11, 3)), on).findings
""",
            does_not="""\
hf = EducationRecord(Programme.HF, date(2025, 8, 1))
findings = assess_eligibility(Youth("y-1", date(2006, 11, 3), educations=(hf,)), on).findings
""",
        ),
        "eligibility.data_missing": Example(
            produces="""\
# the employment records are complete only until 31.12.2025: no job recorded proves nothing
youth = Youth("y-1", date(2006, 11, 3), employments_known_until=date(2025, 12, 31))
findings = assess_eligibility(youth, on).findings  # outreach_required is None
""",
            does_not="""\
# the same records, but an enrolment is recorded: a known record still counts
hf = EducationRecord(Programme.HF, date(2025, 8, 1))
youth = Youth(
    "y-1", date(2006, 11, 3), educations=(hf,), employments_known_until=date(2025, 12, 31)
)
findings = assess_eligibility(youth, on).findings
""",
        ),
    },
)


PLAN = Family(
    prefix="plan.",
    title="The rules of the education plan",
    checked_by="validate_plan",
    requires=("kui_core.validate_plan", "kui_core.EducationPlan"),
    setup="""\
from datetime import date

import attrs

from kui_core import (
    EducationPlan, Goal, GoalKind, GoalStatus, Intervention, Participant, Period, Role, Youth,
    validate_plan,
)

on = date(2026, 3, 2)
youth = Youth("y-1", date(2005, 3, 10))  # 20 years old: the 15–17 duty does not apply
plan = EducationPlan(  # a plan without findings: each example changes one thing
    id="p-2",
    created_on=date(2026, 1, 10),
    participants=(Participant("y-1", Role.YOUTH), Participant("cw-7", Role.CASEWORKER)),
    goals=(Goal("g-1", GoalKind.EDUCATION, "Start EUD in August", date(2026, 8, 1)),),
    interventions=(
        Intervention("i-1", "UU", "Guidance talks", Period(date(2026, 1, 10)), frozenset({"g-1"})),
    ),
    next_follow_up=date(2026, 4, 1),
)
""",
    examples={
        "plan.youth_not_participating": Example(
            produces="""\
without_youth = attrs.evolve(plan, participants=(Participant("cw-7", Role.CASEWORKER),))
findings = validate_plan(without_youth, youth, on).findings
""",
            does_not="""\
with_parent = attrs.evolve(plan, participants=(*plan.participants, Participant("p-9", Role.PARENT)))
findings = validate_plan(with_parent, youth, on).findings
""",
        ),
        "plan.no_education_or_job_goal": Example(
            produces="""\
health_only = attrs.evolve(plan, goals=(Goal("g-1", GoalKind.HEALTH, "Sleep", date(2026, 8, 1)),))
findings = validate_plan(health_only, youth, on).findings
""",
            does_not="""\
job = attrs.evolve(plan, goals=(Goal("g-1", GoalKind.JOB, "Apprenticeship", date(2026, 8, 1)),))
findings = validate_plan(job, youth, on).findings
""",
        ),
        "plan.goal_without_target_date": Example(
            produces="""\
undated = attrs.evolve(plan, goals=(Goal("g-1", GoalKind.EDUCATION, "Start EUD"),))
findings = validate_plan(undated, youth, on).findings
""",
            does_not="""\
findings = validate_plan(plan, youth, on).findings  # g-1 has a target date
""",
        ),
        "plan.goal_overdue": Example(
            produces="""\
passed = Goal("g-1", GoalKind.EDUCATION, "Start FGU", date(2026, 2, 1))  # still open
findings = validate_plan(attrs.evolve(plan, goals=(passed,)), youth, on).findings
""",
            does_not="""\
done = Goal("g-1", GoalKind.EDUCATION, "Start FGU", date(2026, 2, 1), GoalStatus.ACHIEVED)
findings = validate_plan(attrs.evolve(plan, goals=(done,)), youth, on).findings
""",
        ),
        "plan.intervention_without_goal": Example(
            produces="""\
stray = Intervention("i-2", "UU", "Study trip", Period(date(2026, 2, 1)), frozenset({"g-9"}))
findings = validate_plan(attrs.evolve(plan, interventions=(stray,)), youth, on).findings
""",
            does_not="""\
aimed = Intervention("i-2", "UU", "Study trip", Period(date(2026, 2, 1)), frozenset({"g-1"}))
findings = validate_plan(attrs.evolve(plan, interventions=(aimed,)), youth, on).findings
""",
        ),
        "plan.no_shared_goal": Example(
            produces="""\
job_goal = Goal("g-2", GoalKind.JOB, "Weekend job", date(2026, 6, 1))
job_centre = Intervention("i-2", "JOB", "Mentor", Period(date(2026, 2, 1)), frozenset({"g-2"}))
apart = attrs.evolve(
    plan, goals=(*plan.goals, job_goal), interventions=(*plan.interventions, job_centre)
)
findings = validate_plan(apart, youth, on).findings
""",
            does_not="""\
job_goal = Goal("g-2", GoalKind.JOB, "Weekend job", date(2026, 6, 1))
job_centre = Intervention(
    "i-2", "JOB", "Mentor", Period(date(2026, 2, 1)), frozenset({"g-1", "g-2"})
)
together = attrs.evolve(
    plan, goals=(*plan.goals, job_goal), interventions=(*plan.interventions, job_centre)
)
findings = validate_plan(together, youth, on).findings
""",
        ),
        "plan.follow_up_missing": Example(
            produces="""\
findings = validate_plan(attrs.evolve(plan, next_follow_up=None), youth, on).findings
""",
            does_not="""\
findings = validate_plan(plan, youth, on).findings  # follow-up on 1 April
""",
        ),
        "plan.follow_up_overdue": Example(
            produces="""\
late = attrs.evolve(plan, next_follow_up=date(2026, 3, 1))  # yesterday
findings = validate_plan(late, youth, on).findings
""",
            does_not="""\
today = attrs.evolve(plan, next_follow_up=on)  # due today: still in time
findings = validate_plan(today, youth, on).findings
""",
        ),
        "plan.duty_description_missing": Example(
            produces="""\
sixteen = Youth("y-1", date(2009, 5, 1))
parent = Participant("p-9", Role.PARENT)
with_parent = attrs.evolve(plan, participants=(*plan.participants, parent))
findings = validate_plan(with_parent, sixteen, on).findings
""",
            does_not="""\
sixteen = Youth("y-1", date(2009, 5, 1))
parent = Participant("p-9", Role.PARENT)
with_parent = attrs.evolve(plan, participants=(*plan.participants, parent))
described = attrs.evolve(with_parent, duty_description="Full-time FGU from February")
findings = validate_plan(described, sixteen, on).findings
""",
        ),
        "plan.parent_not_involved": Example(
            produces="""\
sixteen = Youth("y-1", date(2009, 5, 1))
described = attrs.evolve(plan, duty_description="Full-time FGU from February")
findings = validate_plan(described, sixteen, on).findings
""",
            does_not="""\
sixteen = Youth("y-1", date(2009, 5, 1))
involved = attrs.evolve(
    plan,
    duty_description="Full-time FGU from February",
    participants=(*plan.participants, Participant("p-9", Role.PARENT)),
)
findings = validate_plan(involved, sixteen, on).findings
""",
        ),
        "plan.goal_dropped": Example(
            produces="""\
summer_job = Goal("g-0", GoalKind.JOB, "Summer job", date(2026, 6, 1))
previous = attrs.evolve(plan, id="p-1", created_on=date(2025, 9, 1),
                        goals=(*plan.goals, summer_job))
current = attrs.evolve(plan, previous_id="p-1")  # g-0 is gone
findings = validate_plan(current, youth, on, previous=previous).findings
""",
            does_not="""\
summer_job = Goal("g-0", GoalKind.JOB, "Summer job", date(2026, 6, 1), GoalStatus.CLOSED)
previous = attrs.evolve(plan, id="p-1", created_on=date(2025, 9, 1),
                        goals=(*plan.goals, summer_job))
current = attrs.evolve(plan, previous_id="p-1")  # g-0 was closed first
findings = validate_plan(current, youth, on, previous=previous).findings
""",
        ),
    },
)


PLAN_REVIEW = Family(
    prefix="plan.",
    title="A case with no education plan",
    checked_by="review_case",
    requires=("kui_core.review_case", "kui_core.YouthCase", "kui_core.Policy"),
    setup="""\
from datetime import date

import attrs

from kui_core import (
    CoordinatorAssignment, EducationPlan, Goal, GoalKind, Intervention,
    Participant, Period, Policy, Role, Youth, YouthCase, review_case,
)

on = date(2026, 3, 2)
opened = date(2026, 1, 5)
anna = CoordinatorAssignment("anna", "UU", Period(opened))
sixteen = Youth("y-1", date(2009, 5, 1))
case = YouthCase(sixteen, opened, coordinators=(anna,))  # no plan yet
""",
    examples={
        "plan.missing": Example(
            produces="""\
findings = review_case(case, on).findings
""",
            does_not="""\
# a plan made with the young person and a parent, describing how the duty is met
plan = EducationPlan(
    id="p-1",
    created_on=date(2026, 1, 12),
    participants=(Participant("y-1", Role.YOUTH), Participant("p-9", Role.PARENT)),
    goals=(Goal("g-1", GoalKind.EDUCATION, "Start EUD", date(2026, 8, 1)),),
    interventions=(
        Intervention(
            "i-1", "UU", "Guidance talks", Period(date(2026, 1, 12)), frozenset({"g-1"})
        ),
    ),
    next_follow_up=date(2026, 4, 1),
    duty_description="Full-time FGU from February",
)
findings = review_case(attrs.evolve(case, plans=(plan,)), on).findings
""",
        ),
        "plan.right_to_plan": Example(
            produces="""\
# 20 years old: outside the duty, but in the target group and entitled to a plan
twenty = attrs.evolve(case, youth=Youth("y-1", date(2005, 3, 10)))
findings = review_case(twenty, on).findings
""",
            does_not="""\
# the municipality allows 90 days from the opening of the case before reporting it
twenty = attrs.evolve(case, youth=Youth("y-1", date(2005, 3, 10)))
findings = review_case(twenty, on, Policy(plan_missing_after_days=90)).findings
""",
        ),
    },
)


IN_CARE = Family(
    prefix="plan.in_care_",
    title="Young people in care (barnets lov)",
    checked_by="check_in_care",
    requires=("kui_core.check_in_care", "kui_core.CarePlacement"),
    setup="""\
from datetime import date

from kui_core import CarePlacement, Period, Youth, check_in_care

on = date(2026, 3, 2)
""",
    examples={
        "plan.in_care_plan_late": Example(
            produces="""\
# in care since 8.1.2024; 16 on 1.5.2025: an ungeplan was due by 1.8.2025.
# The KUI education plan does not count, only CarePlacement.ungeplan_dates.
placement = CarePlacement(Period(date(2024, 1, 8)))
youth = Youth("y-1", date(2009, 5, 1), in_care=(placement,))
findings = check_in_care(youth, on)
""",
            does_not="""\
# an ungeplan was made on 16.6.2025, in time
made = (date(2025, 6, 16),)
placement = CarePlacement(Period(date(2024, 1, 8)), ungeplan_dates=made)
youth = Youth("y-1", date(2009, 5, 1), in_care=(placement,))
findings = check_in_care(youth, on)
""",
        ),
        "plan.in_care_support_decision_late": Example(
            produces="""\
# care ends at the 18th birthday, 15.7.2026: support was to be decided by 15.1.2026
care = Period(date(2023, 2, 1), date(2026, 7, 15))
placement = CarePlacement(care, ungeplan_dates=(date(2024, 9, 2),))
youth = Youth("y-1", date(2008, 7, 15), in_care=(placement,))
findings = check_in_care(youth, on)
""",
            does_not="""\
care = Period(date(2023, 2, 1), date(2026, 7, 15))
placement = CarePlacement(
    care, ungeplan_dates=(date(2024, 9, 2),), support_decided_on=date(2025, 12, 10)
)
youth = Youth("y-1", date(2008, 7, 15), in_care=(placement,))
findings = check_in_care(youth, on)
""",
        ),
    },
)


COORDINATION = Family(
    prefix="coordination.",
    title="Coordination",
    checked_by="check_coordination",
    requires=("kui_core.check_coordination", "kui_core.YouthCase"),
    setup="""\
from datetime import date

import attrs

from kui_core import CoordinatorAssignment, Period, Youth, YouthCase, check_coordination

on = date(2026, 3, 2)
case = YouthCase(Youth("y-1", date(2005, 3, 10)), opened_on=date(2026, 1, 5))
anna = CoordinatorAssignment("anna", "UU", Period(date(2026, 1, 5), date(2026, 2, 2)))
bo = CoordinatorAssignment("bo", "JOB", Period(date(2026, 2, 2)))  # takes over on 2.2.2026
""",
    examples={
        "coordination.missing": Example(
            produces="""\
findings = check_coordination(case, on)  # nobody has held the case
""",
            does_not="""\
findings = check_coordination(attrs.evolve(case, coordinators=(anna, bo)), on)
""",
        ),
        "coordination.gap": Example(
            produces="""\
bo_late = CoordinatorAssignment("bo", "JOB", Period(date(2026, 2, 9)))
findings = check_coordination(attrs.evolve(case, coordinators=(anna, bo_late)), on)
""",
            does_not="""\
findings = check_coordination(attrs.evolve(case, coordinators=(anna, bo)), on)
""",
        ),
        "coordination.overlap": Example(
            produces="""\
anna_long = CoordinatorAssignment("anna", "UU", Period(date(2026, 1, 5), date(2026, 2, 16)))
findings = check_coordination(attrs.evolve(case, coordinators=(anna_long, bo)), on)
""",
            does_not="""\
findings = check_coordination(attrs.evolve(case, coordinators=(anna, bo)), on)
""",
        ),
    },
)


TRANSITION = Family(
    prefix="transition.",
    title="Transitions between offers",
    checked_by="check_transitions",
    requires=("kui_core.check_transitions", "kui_core.Offer"),
    setup="""\
from datetime import date

import attrs

from kui_core import Period, Offer, Youth, YouthCase, check_transitions

on = date(2026, 3, 2)
fgu = Offer("pl-1", "FGU basic education", Period(date(2025, 8, 11), date(2026, 1, 9)))
case = YouthCase(Youth("y-1", date(2005, 3, 10)), opened_on=date(2025, 8, 1), offers=(fgu,))
""",
    examples={
        "transition.no_next_step": Example(
            produces="""\
findings = check_transitions(case, on)  # FGU ended 9.1.2026; nothing in the next 30 days
""",
            does_not="""\
eud = Offer("pl-2", "EUD basic course", Period(date(2026, 1, 19)))
findings = check_transitions(attrs.evolve(case, offers=(fgu, eud)), on)
""",
        ),
    },
)


EXEMPTION = Family(
    prefix="exemption.",
    title="Exemption from the education duty",
    checked_by="check_duty",
    requires=("kui_core.check_duty", "kui_core.DutyLapse", "kui_core.YouthCase"),
    setup="""\
from datetime import date

import attrs

from kui_core import DutyLapse, Period, Youth, YouthCase, check_duty

on = date(2026, 3, 2)
lapse = DutyLapse(noticed_on=date(2026, 2, 2))  # contact due by 9.2.2026
sixteen = Youth("y-1", date(2009, 5, 1))
case = YouthCase(sixteen, date(2025, 8, 1), duty_lapses=(lapse,))
""",
    examples={
        "exemption.applies": Example(
            produces="""\
# exempted for illness from 1.2.2026 to the end of the school year
illness = Period(date(2026, 2, 1), date(2026, 8, 1))
exempted = attrs.evolve(case, duty_exemptions=(illness,))
findings = check_duty(exempted, on)  # the late contact is not reported
""",
            does_not="""\
# the exemption ended on 31.1.2026: the lapse noticed on 2.2.2026 counts
ended = Period(date(2025, 9, 1), date(2026, 2, 1))
findings = check_duty(attrs.evolve(case, duty_exemptions=(ended,)), on)
""",
        ),
    },
)


DUTY = Family(
    prefix="duty.",
    title="The education duty, 15–17",
    checked_by="check_duty",
    requires=("kui_core.check_duty", "kui_core.DutyLapse"),
    setup="""\
from datetime import date

from kui_core import DutyLapse, Youth, YouthCase, check_duty

on = date(2026, 3, 2)
case = YouthCase(Youth("y-1", date(2009, 5, 1)), opened_on=date(2025, 8, 1))  # 16 years old
""",
    examples={
        "duty.contact_overdue": Example(
            produces="""\
# noticed on Monday 2.2.2026: contact due by Monday 9.2.2026 (5 working days)
lapse = DutyLapse(noticed_on=date(2026, 2, 2))
findings = check_duty(YouthCase(case.youth, case.opened_on, duty_lapses=(lapse,)), on)
""",
            does_not="""\
lapse = DutyLapse(noticed_on=date(2026, 2, 2), contacted_on=date(2026, 2, 9))
findings = check_duty(YouthCase(case.youth, case.opened_on, duty_lapses=(lapse,)), on)
""",
        ),
        "duty.new_activity_overdue": Example(
            produces="""\
# contacted 13.1.2026: a new activity was due by 12.2.2026 (30 days from the contact)
lapse = DutyLapse(noticed_on=date(2026, 1, 12), contacted_on=date(2026, 1, 13))
findings = check_duty(YouthCase(case.youth, case.opened_on, duty_lapses=(lapse,)), on)
""",
            does_not="""\
lapse = DutyLapse(date(2026, 1, 12), contacted_on=date(2026, 1, 13),
                  new_activity_on=date(2026, 2, 9))
findings = check_duty(YouthCase(case.youth, case.opened_on, duty_lapses=(lapse,)), on)
""",
        ),
    },
)


CATALOGUE = Family(
    prefix="catalogue.",
    title="The catalogue's own period",
    checked_by="review_case",
    requires=("kui_core.review_case", "kui_core.YouthCase"),
    setup="""\
from datetime import date

from kui_core import Youth, YouthCase, review_case

case = YouthCase(Youth("y-1", date(2001, 5, 1)), opened_on=date(2018, 8, 1))
""",
    examples={
        "catalogue.unverified_period": Example(
            produces="""\
# 31.7.2019: the day before the kommunale ungeindsats took effect
findings = [f for f in review_case(case, date(2019, 7, 31)).findings if f.code.startswith("cat")]
""",
            does_not="""\
# 1.8.2019: the KUI law applies, and its sources were researched from that day
findings = [f for f in review_case(case, date(2019, 8, 1)).findings if f.code.startswith("cat")]
""",
        ),
    },
)


FAMILIES: tuple[Family, ...] = (
    CATALOGUE,
    ELIGIBILITY,
    PLAN,
    PLAN_REVIEW,
    IN_CARE,
    COORDINATION,
    TRANSITION,
    EXEMPTION,
    DUTY,
)
