"""``review_case``: every rule for one case in one report, sorted and rendered."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    DataError,
    EducationRecord,
    Period,
    Policy,
    Programme,
    Severity,
    Youth,
)
from kui_core.case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from kui_core.dates import age_on
from kui_core.duty import check_duty
from kui_core.eligibility import assess_eligibility
from kui_core.plan import (
    EducationPlan,
    Goal,
    GoalKind,
    Intervention,
    Participant,
    Role,
)
from kui_core.review import CaseReport, review_case
from kui_core.strategies import (
    BROKEN_CASE_CODES,
    broken_cases,
    policies,
    reference_days,
    youths,
)

D = dt.date
ON = D(2025, 10, 1)
YOUTH = Youth("y-42", D(2006, 9, 15))  # 19 on ON: no duty ages
GOAL = Goal("g1", GoalKind.EDUCATION, "Start på EUD", D(2026, 8, 1))
PLAN = EducationPlan(
    id="plan-1",
    created_on=D(2025, 8, 1),
    participants=(Participant("y-42", Role.YOUTH), Participant("anna", Role.COORDINATOR)),
    goals=(GOAL,),
    interventions=(
        Intervention("i1", "UU", "Vejledning", Period(D(2025, 8, 1)), frozenset({"g1"})),
    ),
    next_follow_up=D(2026, 1, 15),
)
CLEAN = YouthCase(
    YOUTH,
    D(2025, 8, 1),
    plans=(PLAN,),
    coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1))),),
    offers=(Offer("fgu", "FGU", Period(D(2025, 8, 11))),),
)


def test_a_clean_case_is_valid_with_only_information() -> None:
    report = review_case(CLEAN, ON)
    assert report.valid
    assert report.errors == ()
    assert report.plan_id == "plan-1"
    assert report.plan is not None
    assert report.plan.valid
    assert report.eligibility == assess_eligibility(YOUTH, ON)
    assert {f.severity for f in report.findings} == {Severity.INFO}
    assert "eligibility.in_target_group" in report.codes


def test_findings_of_every_rule_are_gathered_errors_first_then_by_code() -> None:
    """A gap in coordination, a stale plan goal, a lost transition; a 16-year-old's late contact
    (noticed Monday 18.8.2025, due 25.8., made 29.8.) and no new activity by 28.9.2025 (30 days
    from the contact); the plan names no parent."""
    youth = Youth("y-42", D(2009, 3, 1))
    c = attrs.evolve(
        CLEAN,
        youth=youth,
        plans=(attrs.evolve(PLAN, goals=(attrs.evolve(GOAL, target_date=D(2025, 8, 20)),)),),
        coordinators=(
            CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),
            CoordinatorAssignment("bo", "UU", Period(D(2025, 9, 8))),
        ),
        offers=(Offer("fgu", "FGU", Period(D(2025, 8, 11), D(2025, 8, 25))),),
        duty_lapses=(DutyLapse(D(2025, 8, 18), contacted_on=D(2025, 8, 29)),),
    )
    report = review_case(c, ON)
    assert not report.valid
    assert report.codes == (
        "duty.contact_overdue",  # ERROR: KUI law § 2 a
        "duty.new_activity_overdue",
        "plan.duty_description_missing",
        "coordination.gap",  # WARNING: uvm.dk guidance and municipal strategies
        "plan.goal_overdue",
        "plan.parent_not_involved",
        "transition.no_next_step",
        "eligibility.in_target_group",
        "eligibility.outreach_required",
    )
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    assert report.errors == report.findings[:3]
    assert report.plan is not None
    assert report.plan.errors == (report.findings[2],)


def test_a_municipality_enforces_its_strategy_or_switches_a_rule_off() -> None:
    """Policy.severities: the effective severity is what the report, valid and errors show."""
    c = attrs.evolve(
        CLEAN,
        coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),),
    )
    assert review_case(c, ON).valid  # a gap is a warning by default
    strict = review_case(c, ON, Policy(severities={"coordination.gap": Severity.ERROR}))
    assert not strict.valid
    assert [f.code for f in strict.errors] == ["coordination.gap"]
    assert strict.codes[0] == "coordination.gap"
    off = review_case(c, ON, Policy(severities={"coordination.gap": None}))
    assert "coordination.gap" not in off.codes
    assert off.valid
    quiet = review_case(c, ON, Policy(severities={"eligibility.in_target_group": None}))
    assert "eligibility.in_target_group" not in quiet.codes
    assert "eligibility.in_target_group" not in quiet.eligibility.codes
    assert quiet.eligibility.in_target_group  # the decision stays; only its finding is off


def test_the_plan_in_force_is_the_newest_made_on_or_before_the_day() -> None:
    newer = attrs.evolve(
        PLAN, id="plan-2", created_on=D(2025, 11, 1), previous_id="plan-1", goals=()
    )
    c = attrs.evolve(CLEAN, plans=(PLAN, newer))
    assert review_case(c, ON).plan_id == "plan-1"
    later = review_case(c, D(2025, 11, 1))
    assert later.plan_id == "plan-2"
    assert "plan.goal_dropped" in later.codes  # judged against the version it replaces


def test_a_case_without_a_plan_has_no_plan_report() -> None:
    report = review_case(attrs.evolve(CLEAN, plans=()), ON)
    assert report.plan is None
    assert report.plan_id is None
    assert report.valid


def test_render_in_danish() -> None:
    c = attrs.evolve(
        CLEAN,
        coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1), D(2025, 9, 1))),),
    )
    text = review_case(c, ON).render("da")
    assert text.splitlines()[:4] == [
        "Gennemgang af forløb for y-42 pr. 1.10.2025",
        "I målgruppen: ja",
        "Opsøgende indsats påkrævet: ja",
        "Gældende plan: plan-1",
    ]
    assert "Fund (3, heraf 0 fejl)" in text
    assert (
        "- [ADVARSEL] coordination.gap: Ingen tovholder i perioden 1.9.2025 til og med 1.10.2025."
        in text
    )
    # Guidance and strategies are sources ("Kilde"), never legal basis ("Hjemmel").
    assert "  Kilde: Børne- og Undervisningsministeriet (uvm.dk) (Den sammenhængende" in text
    assert "  Kilde: Esbjerg Kommune, strategi for den tværgående ungeindsats" in text
    assert "  Hjemmel: Lov om kommunal indsats for unge under 25 år, LBK nr. 953" in text
    assert "Hjemmel: Esbjerg" not in text
    assert "Hjemmel: Børne- og" not in text
    assert text.endswith("Forløbet er i orden (ingen fejl).")
    strict = Policy(severities={"coordination.gap": Severity.ERROR})
    assert review_case(c, ON, strict).render("da").endswith("Forløbet er ikke i orden.")


def test_render_in_english() -> None:
    text = review_case(CLEAN, ON).render("en")
    assert text.startswith("Review of the case of y-42 on 1.10.2025\nIn the target group: yes")
    assert "Findings (2, of which 0 errors)" in text
    assert "- [INFO] eligibility.in_target_group: The young person is in the target group" in text
    assert (
        "  Legal basis: Lov om kommunal indsats for unge under 25 år, LBK nr. 953 af 12/08/2024"
        " (Lovens titel: indsatsen gælder unge under 25 år)" in text
    )
    assert "  Source: Børne- og Undervisningsministeriet (uvm.dk) (Uddannelsesplan" in text
    assert text.endswith("The case is in order (no errors).")
    assert "Plan in force: plan-1" in text


def test_render_without_findings_and_without_a_plan() -> None:
    report = attrs.evolve(review_case(CLEAN, ON), findings=(), plan=None, plan_id=None)
    assert isinstance(report, CaseReport)
    assert "No findings." in report.render("en")
    assert "Gældende plan: ingen" in report.render("da")


def test_render_refuses_an_unknown_language() -> None:
    with pytest.raises(DataError, match="lang: expected one of da, en"):
        review_case(CLEAN, ON).render("de")


# -- a missing plan (KUI law § 2 a, stk. 1, with § 2 c) -----------------------------------

# Born 1 March 2009: 16 on 1 October 2025. The case opened 1 September 2025, no plan yet.
SIXTEEN = Youth("y-16", D(2009, 3, 1))
NO_PLAN = YouthCase(SIXTEEN, D(2025, 9, 1))


def test_a_16_year_old_with_an_open_case_and_no_plan_on_2025_10_01_is_an_error() -> None:
    report = review_case(NO_PLAN, ON)
    assert report.plan is None
    assert not report.valid
    (missing,) = report.errors
    assert (missing.code, missing.subject) == ("plan.missing", "16")
    assert missing.period == Period(D(2025, 9, 1))  # from the day the case opened
    for lang in ("da", "en"):
        assert "(16)" in missing.message(lang)
    assert "plan.right_to_plan" not in report.codes


def test_the_same_16_year_old_exempted_on_2025_10_01_gets_only_the_exemption_info() -> None:
    """Exempted (§ 2 a, stk. 2) from 15 September 2025: no plan.missing, no duty finding for
    the unanswered lapse of 1 September; the right to a plan and the exemption are INFO."""
    exemption = Period(D(2025, 9, 15), D(2026, 3, 1))
    exempted = attrs.evolve(
        NO_PLAN, duty_lapses=(DutyLapse(D(2025, 9, 1)),), duty_exemptions=(exemption,)
    )
    report = review_case(exempted, ON)
    assert report.valid
    assert not any(code.startswith("duty.") for code in report.codes)
    assert "plan.missing" not in report.codes
    assert report.codes == (
        "coordination.missing",  # WARNING: the case has no coordinator, exempted or not
        "eligibility.in_target_group",
        "eligibility.outreach_required",
        "exemption.applies",
        "plan.right_to_plan",
    )
    (info,) = [f for f in report.findings if f.code == "exemption.applies"]
    assert info.severity is Severity.INFO
    assert info.period == exemption
    (right,) = [f for f in report.findings if f.code == "plan.right_to_plan"]
    assert right.period == Period(D(2025, 9, 1))
    # The close neighbour: without the exemption, the lapse and the missing plan are errors.
    assert {f.code for f in review_case(attrs.evolve(exempted, duty_exemptions=()), ON).errors} == {
        "duty.contact_overdue",
        "plan.missing",
    }


def test_an_exempted_16_year_olds_plan_needs_no_duty_description_or_parent_on_2025_10_01() -> None:
    plan = attrs.evolve(PLAN, participants=(Participant("y-16", Role.YOUTH),))
    with_plan = attrs.evolve(NO_PLAN, plans=(plan,))
    assert {"plan.duty_description_missing", "plan.parent_not_involved"} <= set(
        review_case(with_plan, ON).codes
    )
    exempted = attrs.evolve(with_plan, duty_exemptions=(Period(D(2025, 9, 1)),))
    report = review_case(exempted, ON)
    assert report.plan is not None
    assert report.plan.codes == ()
    assert "exemption.applies" in report.codes


def test_an_18_year_old_without_a_plan_on_2025_10_01_has_the_right_to_one() -> None:
    """Born 1 October 2007: 18 on the day. The right to a plan is INFO, unless raised."""
    case = YouthCase(Youth("y-18", D(2007, 10, 1)), D(2025, 9, 1))
    report = review_case(case, ON)
    assert report.valid
    (right,) = [f for f in report.findings if f.code.startswith("plan.")]
    assert (right.code, right.severity, right.subject) == (
        "plan.right_to_plan",
        Severity.INFO,
        None,
    )
    assert right.period == Period(D(2025, 9, 1))
    raised = review_case(case, ON, Policy(severities={"plan.right_to_plan": Severity.ERROR}))
    assert [f.code for f in raised.errors] == ["plan.right_to_plan"]


def test_no_missing_plan_finding_for_a_case_closed_on_2025_10_01() -> None:
    closed = attrs.evolve(NO_PLAN, closed_on=ON)
    assert not any(code.startswith("plan.") for code in review_case(closed, ON).codes)
    assert "plan.missing" in review_case(closed, D(2025, 9, 30)).codes


def test_no_missing_plan_finding_before_the_case_opens_2025_09_01() -> None:
    assert not any(code.startswith("plan.") for code in review_case(NO_PLAN, D(2025, 8, 31)).codes)
    assert "plan.missing" in review_case(NO_PLAN, D(2025, 9, 1)).codes


def test_no_missing_plan_finding_outside_the_target_group() -> None:
    """Aged 14 on 1 October 2025 (under 15), or a 20-year-old STX graduate."""
    young = attrs.evolve(NO_PLAN, youth=Youth("y-14", D(2011, 3, 1)))
    assert not any(code.startswith("plan.") for code in review_case(young, ON).codes)
    stx = EducationRecord(Programme.STX, D(2021, 8, 10), completed_on=D(2024, 6, 21))
    graduate = attrs.evolve(NO_PLAN, youth=Youth("y-20", D(2005, 3, 1), educations=(stx,)))
    assert not any(code.startswith("plan.") for code in review_case(graduate, ON).codes)


def test_plan_missing_after_30_days_is_reported_from_2025_10_01() -> None:
    """Policy.plan_missing_after_days = 30: a case opened 1 September may run to 30 September
    without a plan."""
    policy = attrs.evolve(DEFAULT_POLICY, plan_missing_after_days=30)
    assert "plan.missing" not in review_case(NO_PLAN, D(2025, 9, 30), policy).codes
    (missing,) = [f for f in review_case(NO_PLAN, ON, policy).findings if f.code == "plan.missing"]
    assert missing.period == Period(ON)
    adult = attrs.evolve(NO_PLAN, youth=YOUTH)  # 19: the right to a plan, from the same day
    assert "plan.right_to_plan" not in review_case(adult, D(2025, 9, 30), policy).codes
    (right,) = [f for f in review_case(adult, ON, policy).findings if f.code.startswith("plan.")]
    assert right.period == Period(ON)


def test_a_plan_dated_after_the_day_is_not_yet_there_on_2025_10_01() -> None:
    later = attrs.evolve(PLAN, id="plan-9", created_on=D(2025, 10, 2), duty_description="FGU")
    case = attrs.evolve(NO_PLAN, plans=(later,))
    assert "plan.missing" in review_case(case, ON).codes
    assert "plan.missing" not in review_case(case, D(2025, 10, 2)).codes


# -- undecided outreach -------------------------------------------------------------------


def test_render_says_cannot_decide_where_the_records_end_before_2025_10_01() -> None:
    unknown = attrs.evolve(YOUTH, employments_known_until=D(2025, 8, 31))
    report = review_case(attrs.evolve(CLEAN, youth=unknown), ON)
    assert report.eligibility.outreach_required is None
    assert "eligibility.data_missing" in report.codes
    assert "Opsøgende indsats påkrævet: kan ikke afgøres" in report.render("da")
    assert "Outreach required: cannot decide" in report.render("en")


@settings(max_examples=40)
@given(
    st.sampled_from(BROKEN_CASE_CODES).flatmap(
        lambda code: st.tuples(st.just(code), broken_cases(code, ON))
    ),
    policies(with_severities=True),
)
def test_every_finding_has_the_policys_severity_and_valid_follows_it(
    drawn: tuple[str, YouthCase], policy: Policy
) -> None:
    """Under any severities: a switched-off rule has no finding, every other finding has the
    policy's severity, and ``valid`` (of the case and of its plan) is "no ERROR"."""
    _, case = drawn
    # The broken case was drawn under the default policy; keep its other choices.
    policy = attrs.evolve(DEFAULT_POLICY, severities=policy.severities)
    default = review_case(case, ON)
    report = review_case(case, ON, policy)
    for f in report.findings:
        assert f.severity is policy.severity_of(f.code)
    expected = [
        (f.code, f.period, f.subject)
        for f in default.findings
        if policy.severity_of(f.code) is not None
    ]
    assert sorted(expected, key=repr) == sorted(
        ((f.code, f.period, f.subject) for f in report.findings), key=repr
    )
    assert report.valid == all(f.severity is not Severity.ERROR for f in report.findings)
    if report.plan is not None:
        assert report.plan.valid == all(
            f.severity is not Severity.ERROR for f in report.plan.findings
        )


# -- inside an exemption, no duty finding (KUI law § 2 a, stk. 2) -------------------------

DAYS = dt.timedelta(days=1)


@st.composite
def exempted_cases(draw: st.DrawFn) -> tuple[YouthCase, dt.date, Policy]:
    """A case with lapses answered late, in time or never, and an exemption containing ``on``
    (besides others, before, after or overlapping it); young people around the duty ages."""
    policy = draw(policies())
    on = draw(reference_days())
    youth = draw(youths(on=on, policy=policy, min_age=13, max_age=20))
    if draw(st.booleans()):
        duty_code = draw(st.sampled_from(["duty.contact_overdue", "duty.new_activity_overdue"]))
        case = draw(broken_cases(duty_code, on))  # a case that has a duty finding on ``on``
        policy = DEFAULT_POLICY
    else:
        opened = on - draw(st.integers(0, 700)) * DAYS
        lapses = []
        for _ in range(draw(st.integers(0, 3))):
            noticed = on - draw(st.integers(-30, 600)) * DAYS
            if noticed < youth.birth_date:
                continue
            after = st.none() | st.integers(0, 90).map(lambda k, n=noticed: n + k * DAYS)
            lapses.append(
                DutyLapse(
                    noticed,
                    contacted_on=draw(after),
                    new_activity_on=draw(after),
                    parents_contacted_on=draw(after),
                )
            )
        case = YouthCase(youth, opened, duty_lapses=tuple(lapses))
    start = on - draw(st.integers(0, 800)) * DAYS
    end = draw(st.none() | st.integers(1, 800).map(lambda k: on + k * DAYS))
    others = draw(
        st.lists(
            st.tuples(st.integers(-900, 900), st.integers(0, 400)).map(
                lambda t: Period(on + t[0] * DAYS, on + (t[0] + t[1]) * DAYS)
            ),
            max_size=2,
        )
    )
    exemptions = draw(st.permutations([Period(start, end), *others]))
    return attrs.evolve(case, duty_exemptions=tuple(exemptions)), on, policy


@settings(max_examples=100)
@given(exempted_cases())
def test_inside_an_exemption_no_duty_finding_ever_appears(
    drawn: tuple[YouthCase, dt.date, Policy],
) -> None:
    """Whatever the lapses, answered or not: on a day inside an exemption neither check_duty
    nor review_case reports a ``duty.*`` finding, nor ``plan.missing`` or the duty's plan
    rules; a young person of duty age gets ``exemption.applies`` naming the earliest
    exemption that contains the day."""
    case, on, policy = drawn
    exemption = case.exemption_on(on)
    assert exemption is not None
    duty = check_duty(case, on, policy)
    report = review_case(case, on, policy)
    for codes in ([f.code for f in duty], report.codes):
        assert not any(code.startswith("duty.") for code in codes)
        assert "plan.missing" not in codes
        assert "plan.duty_description_missing" not in codes
        assert "plan.parent_not_involved" not in codes
    age = age_on(case.youth.birth_date, on, policy.leap_day_rule)
    if policy.duty_min_age <= age <= policy.duty_max_age and policy.severity_of(
        "exemption.applies"
    ):
        assert [(f.code, f.period) for f in duty] == [("exemption.applies", exemption)]
    else:
        assert "exemption.applies" not in [f.code for f in duty]


def test_a_case_opened_at_14_owes_its_plan_from_the_15th_birthday_2025_03_01() -> None:
    """Opened 1 January 2025 for a 14-year-old born 1 March 2010: the plan is due from the
    15th birthday (1 March 2025), when the young person enters the target group."""
    young = YouthCase(Youth("y-14", D(2010, 3, 1)), D(2025, 1, 1))
    assert "plan.missing" not in review_case(young, D(2025, 2, 28)).codes
    (missing,) = [f for f in review_case(young, D(2025, 3, 3)).findings if f.code == "plan.missing"]
    assert missing.period == Period(D(2025, 3, 1))
