"""The target group and outreach: a plain restatement of the rule, and the decided cases."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    EducationRecord,
    Eligibility,
    Employment,
    LeapDayRule,
    Period,
    Policy,
    Programme,
    Youth,
    age_on,
    assess_eligibility,
)
from kui_core.education import YOUTH_EDUCATIONS
from kui_core.eligibility import in_target_group
from kui_core.strategies import policies, reference_days, youths

ONE = dt.timedelta(days=1)
FEBRUARY_28 = attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28)


def restated(youth: Youth, on: dt.date, policy: Policy) -> tuple[bool, bool, bool]:
    """The rule in plain words: (in the target group, enrolled, outreach required).

    In the target group: aged min_age to under age_limit, no target-group-ending programme
    completed on or before ``on``. Outreach: in the target group, and neither enrolled in an
    enrolment programme nor having completed a youth or higher education, nor working
    outreach_work_hours a week.
    """
    age = age_on(youth.birth_date, on, policy.leap_day_rule)
    done = [
        r.programme for r in youth.educations if r.completed_on is not None and r.completed_on <= on
    ]
    in_group = policy.min_age <= age < policy.age_limit and not any(
        p in policy.target_group_exit for p in done
    )
    enrolled = any(
        r.programme in policy.enrolment_programmes
        and r.started_on <= on
        and (r.completed_on or r.left_on or dt.date.max) > on
        for r in youth.educations
    )
    hours = sum(job.hours_per_week for job in youth.employments if job.period.contains(on))
    working = hours >= policy.outreach_work_hours
    finished_youth_education = any(p in policy.outreach_programmes for p in done)
    return in_group, enrolled, in_group and not (enrolled or working or finished_youth_education)


@st.composite
def assessments(draw: st.DrawFn) -> tuple[Youth, dt.date, Policy]:
    policy = draw(policies())
    on = draw(reference_days())
    return draw(youths(on=on, policy=policy)), on, policy


@given(assessments())
def test_in_target_group_is_the_assessments_decision(case: tuple[Youth, dt.date, Policy]) -> None:
    """The small question transitions ask: the same answer as the full assessment."""
    youth, on, policy = case
    assert (
        in_target_group(youth, on, policy) == assess_eligibility(youth, on, policy).in_target_group
    )
    assert in_target_group(youth, on, policy) == restated(youth, on, policy)[0]


@given(assessments())
def test_eligibility_agrees_with_the_restated_rule(case: tuple[Youth, dt.date, Policy]) -> None:
    youth, on, policy = case
    result = assess_eligibility(youth, on, policy)
    assert (result.in_target_group, result.enrolled, result.outreach_required) == restated(
        youth, on, policy
    )
    assert result.on == on
    assert result.age == age_on(youth.birth_date, on, policy.leap_day_rule)


@given(assessments())
def test_findings_explain_the_decision(case: tuple[Youth, dt.date, Policy]) -> None:
    youth, on, policy = case
    result = assess_eligibility(youth, on, policy)
    codes = result.codes
    assert codes == tuple(f.code for f in result.findings)
    assert ("eligibility.in_target_group" in codes) == result.in_target_group
    assert ("eligibility.outreach_required" in codes) == result.outreach_required
    assert ("eligibility.over_age_limit" in codes) == (result.age >= policy.age_limit)
    assert ("eligibility.under_min_age" in codes) == (result.age < policy.min_age)
    if not result.in_target_group:
        assert {
            "eligibility.over_age_limit",
            "eligibility.under_min_age",
            "eligibility.completed_qualifying_education",
        } & set(codes)
        assert "eligibility.enrolled" not in codes
        assert "eligibility.employed" not in codes
    for item in result.findings:
        assert item.message("da")
        assert item.message("en")


NUMBER = re.compile(r"\d+(?:\.\d+)?")


@given(assessments())
def test_every_number_in_a_message_comes_from_the_finding(
    case: tuple[Youth, dt.date, Policy],
) -> None:
    """True under any policy: messages show no number the finding's data does not carry."""
    youth, on, policy = case
    for item in assess_eligibility(youth, on, policy).findings:
        for lang in ("da", "en"):
            data = (item.subject or "") + (item.period.format(lang) if item.period else "")
            assert set(NUMBER.findall(item.message(lang))) <= set(NUMBER.findall(data))
        if item.code in ("eligibility.employed", "eligibility.outreach_required"):
            assert item.subject is not None
            assert item.subject.endswith(f" {policy.outreach_work_hours:g} h")


@given(assessments())
def test_eligible_until_is_the_last_day_under_the_age_limit(
    case: tuple[Youth, dt.date, Policy],
) -> None:
    youth, on, policy = case
    until = assess_eligibility(youth, on, policy).eligible_until
    assert age_on(youth.birth_date, until, policy.leap_day_rule) == policy.age_limit - 1
    assert age_on(youth.birth_date, until + ONE, policy.leap_day_rule) == policy.age_limit


@given(assessments())
def test_the_age_limit_alone_decides_in_or_out_on_eligible_until(
    case: tuple[Youth, dt.date, Policy],
) -> None:
    """Without education: in the group on eligible_until (if old enough), out the day after."""
    youth, on, policy = case
    bare = attrs.evolve(youth, educations=())
    until = assess_eligibility(bare, on, policy).eligible_until
    assert not assess_eligibility(bare, until + ONE, policy).in_target_group
    if age_on(youth.birth_date, until, policy.leap_day_rule) >= policy.min_age:
        assert assess_eligibility(bare, until, policy).in_target_group


# -- decided cases -----------------------------------------------------------------------------

BORN = dt.date(2001, 6, 1)


def _youth(*, born: dt.date = BORN, educations=(), employments=()) -> Youth:  # type: ignore[no-untyped-def]
    return Youth("y", born, educations=tuple(educations), employments=tuple(employments))


def test_day_before_the_25th_birthday_is_in_the_target_group() -> None:
    """Born 2001-06-01, assessed 2026-05-31: 24, in the group, outreach required."""
    result = assess_eligibility(_youth(), dt.date(2026, 5, 31))
    assert result.age == 24
    assert result.in_target_group
    assert result.outreach_required
    assert result.eligible_until == dt.date(2026, 5, 31)
    assert result.codes == ("eligibility.in_target_group", "eligibility.outreach_required")


def test_the_25th_birthday_is_outside_the_target_group() -> None:
    """Born 2001-06-01, assessed 2026-06-01: 25, outside."""
    result = assess_eligibility(_youth(), dt.date(2026, 6, 1))
    assert result.age == 25
    assert not result.in_target_group
    assert not result.outreach_required
    assert result.codes == ("eligibility.over_age_limit",)
    assert result.findings[0].subject == "25"


def test_day_before_the_15th_birthday_is_under_the_minimum_age() -> None:
    """Born 2011-06-01: 14 on 2026-05-31 (under_min_age), 15 on 2026-06-01 (in)."""
    born = dt.date(2011, 6, 1)
    before = assess_eligibility(_youth(born=born), dt.date(2026, 5, 31))
    assert not before.in_target_group
    assert before.codes == ("eligibility.under_min_age",)
    assert assess_eligibility(_youth(born=born), dt.date(2026, 6, 1)).in_target_group


def test_born_2008_02_29_march_1_rule_keeps_them_in_on_2033_02_28() -> None:
    youth = _youth(born=dt.date(2008, 2, 29))
    result = assess_eligibility(youth, dt.date(2033, 2, 28))
    assert result.in_target_group
    assert result.eligible_until == dt.date(2033, 2, 28)
    assert not assess_eligibility(youth, dt.date(2033, 3, 1)).in_target_group


def test_born_2008_02_29_february_28_rule_puts_them_out_on_2033_02_28() -> None:
    youth = _youth(born=dt.date(2008, 2, 29))
    result = assess_eligibility(youth, dt.date(2033, 2, 28), FEBRUARY_28)
    assert not result.in_target_group
    assert result.eligible_until == dt.date(2033, 2, 27)
    assert assess_eligibility(youth, dt.date(2033, 2, 27), FEBRUARY_28).in_target_group


def test_completion_dated_after_on_does_not_count_yet() -> None:
    """STX completed 2020-06-20: enrolled on 2020-06-19, out of the group from 2020-06-20."""
    stx = EducationRecord(Programme.STX, dt.date(2017, 8, 10), completed_on=dt.date(2020, 6, 20))
    youth = _youth(educations=[stx])
    before = assess_eligibility(youth, dt.date(2020, 6, 19))
    assert before.in_target_group
    assert before.enrolled
    assert not before.outreach_required
    assert before.codes == ("eligibility.in_target_group", "eligibility.enrolled")
    on_the_day = assess_eligibility(youth, dt.date(2020, 6, 20))
    assert not on_the_day.in_target_group
    assert on_the_day.codes == ("eligibility.completed_qualifying_education",)
    assert on_the_day.findings[0].subject == "stx"


@pytest.mark.parametrize("programme", [Programme.FGU, Programme.TENTH_GRADE, Programme.OTHER])
def test_completed_non_qualifying_programme_stays_in_group_with_outreach(
    programme: Programme,
) -> None:
    """FGU/10th grade completed 2019-06-30: still in the group on 2020-01-01, outreach due."""
    record = EducationRecord(programme, dt.date(2018, 8, 1), completed_on=dt.date(2019, 6, 30))
    result = assess_eligibility(_youth(educations=[record]), dt.date(2020, 1, 1))
    assert result.in_target_group
    assert result.outreach_required


def test_completed_stu_stays_in_group_without_outreach() -> None:
    """STU completed 2019-06-30: in the group (§ 2 k), a completed youth education: no outreach."""
    stu = EducationRecord(Programme.STU, dt.date(2016, 8, 1), completed_on=dt.date(2019, 6, 30))
    result = assess_eligibility(_youth(educations=[stu]), dt.date(2020, 1, 1))
    assert result.in_target_group
    assert not result.outreach_required
    assert result.codes == ("eligibility.in_target_group", "eligibility.completed_youth_education")
    assert result.findings[1].subject == "stu"


def test_policy_can_let_stu_end_the_target_group() -> None:
    stu = EducationRecord(Programme.STU, dt.date(2016, 8, 1), completed_on=dt.date(2019, 6, 30))
    policy = attrs.evolve(
        DEFAULT_POLICY, target_group_exit=DEFAULT_POLICY.target_group_exit | {Programme.STU}
    )
    result = assess_eligibility(_youth(educations=[stu]), dt.date(2020, 1, 1), policy)
    assert not result.in_target_group
    assert result.codes == ("eligibility.completed_qualifying_education",)


def test_dropped_out_needs_outreach_enrolled_does_not() -> None:
    """EUD left 2020-01-15: outreach due on 2020-01-15; enrolled in HF on the same day: none."""
    left = EducationRecord(Programme.EUD, dt.date(2019, 8, 1), left_on=dt.date(2020, 1, 15))
    dropped = assess_eligibility(_youth(educations=[left]), dt.date(2020, 1, 15))
    assert dropped.in_target_group
    assert not dropped.enrolled
    assert dropped.outreach_required
    hf = EducationRecord(Programme.HF, dt.date(2020, 1, 15))
    enrolled = assess_eligibility(_youth(educations=[left, hf]), dt.date(2020, 1, 15))
    assert enrolled.enrolled
    assert not enrolled.outreach_required
    assert enrolled.findings[-1].subject == "hf"


def test_enrolled_in_fgu_is_in_school_so_no_outreach_by_default() -> None:
    """FGU is not a youth education, but an FGU student is not outside school (2020-01-15)."""
    fgu = EducationRecord(Programme.FGU, dt.date(2019, 8, 1))
    result = assess_eligibility(_youth(educations=[fgu]), dt.date(2020, 1, 15))
    assert result.in_target_group
    assert result.enrolled
    assert not result.outreach_required
    assert "eligibility.enrolled" in result.codes


def test_enrolled_in_fgu_under_the_literal_reading_needs_outreach() -> None:
    """With enrolment limited to youth and higher education, FGU does not count (2020-01-15)."""
    literal = attrs.evolve(
        DEFAULT_POLICY, enrolment_programmes=YOUTH_EDUCATIONS | {Programme.HIGHER}
    )
    fgu = EducationRecord(Programme.FGU, dt.date(2019, 8, 1))
    result = assess_eligibility(_youth(educations=[fgu]), dt.date(2020, 1, 15), literal)
    assert not result.enrolled
    assert result.outreach_required


def test_enrolled_in_several_programmes_names_them_all() -> None:
    records = [
        EducationRecord(Programme.HF, dt.date(2019, 8, 1)),
        EducationRecord(Programme.EUD, dt.date(2019, 8, 1)),
    ]
    result = assess_eligibility(_youth(educations=records), dt.date(2020, 1, 15))
    assert result.findings[-1].code == "eligibility.enrolled"
    assert result.findings[-1].subject == "eud, hf"


def test_20_hours_of_work_means_no_outreach() -> None:
    """20 h a week on 2020-01-15: in the group, no outreach (uvm.dk: at least 20 hours)."""
    job = Employment(Period(dt.date(2019, 1, 1)), 20)
    result = assess_eligibility(_youth(employments=[job]), dt.date(2020, 1, 15))
    assert result.in_target_group
    assert not result.outreach_required
    assert result.codes == ("eligibility.in_target_group", "eligibility.employed")
    assert result.findings[-1].subject == "20 h ≥ 20 h"


def test_19_5_hours_of_work_still_needs_outreach() -> None:
    job = Employment(Period(dt.date(2019, 1, 1)), 19.5)
    result = assess_eligibility(_youth(employments=[job]), dt.date(2020, 1, 15))
    assert result.outreach_required


def test_two_part_time_jobs_add_up_to_20_hours() -> None:
    jobs = [
        Employment(Period(dt.date(2019, 1, 1)), 12.5),
        Employment(Period(dt.date(2019, 6, 1)), 7.5),
    ]
    assert not assess_eligibility(_youth(employments=jobs), dt.date(2020, 1, 15)).outreach_required


def test_the_30_hour_reading_is_a_policy_choice() -> None:
    job = Employment(Period(dt.date(2019, 1, 1)), 20)
    policy = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)
    assert assess_eligibility(
        _youth(employments=[job]), dt.date(2020, 1, 15), policy
    ).outreach_required


def test_work_findings_name_the_policy_threshold_30_hours_2020_01_15() -> None:
    """The 30-hour reading: 25 h needs outreach, 32 h does not; no message says 20 hours."""
    policy = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)
    on = dt.date(2020, 1, 15)
    short, full = (
        assess_eligibility(
            _youth(employments=[Employment(Period(dt.date(2019, 1, 1)), hours)]), on, policy
        ).findings[-1]
        for hours in (25, 32)
    )
    assert (short.code, short.subject) == ("eligibility.outreach_required", "25 h < 30 h")
    assert (full.code, full.subject) == ("eligibility.employed", "32 h ≥ 30 h")
    for found in (short, full):
        for lang in ("da", "en"):
            assert "20" not in found.message(lang)
            assert f"({found.subject})" in found.message(lang)


def test_hours_just_under_the_threshold_are_not_rounded_up_2020_01_15() -> None:
    """19.9999999 h is not 20 h: the subject must not read "20 h < 20 h"."""
    job = Employment(Period(dt.date(2019, 1, 1)), 19.9999999)
    result = assess_eligibility(_youth(employments=[job]), dt.date(2020, 1, 15))
    assert result.outreach_required
    assert result.findings[-1].subject == "19.9999999 h < 20 h"


def test_age_findings_read_true_under_an_age_limit_of_30_on_2027_07_01() -> None:
    """Aged 26 with age_limit 30: in the group, and no message says "under 25"."""
    policy = attrs.evolve(DEFAULT_POLICY, age_limit=30)
    on = dt.date(2027, 7, 1)
    young = assess_eligibility(_youth(), on, policy)
    assert young.in_target_group
    old = assess_eligibility(_youth(), on, attrs.evolve(policy, age_limit=26))
    assert old.codes[0] == "eligibility.over_age_limit"
    for found in (*young.findings, *old.findings):
        for lang in ("da", "en"):
            assert "25" not in found.message(lang)


def test_every_reason_is_reported() -> None:
    """A 26-year-old STX graduate: over the age limit and completed, both findings."""
    stx = EducationRecord(Programme.STX, dt.date(2017, 8, 10), completed_on=dt.date(2020, 6, 20))
    result = assess_eligibility(_youth(educations=[stx]), dt.date(2027, 7, 1))
    assert result.codes == (
        "eligibility.over_age_limit",
        "eligibility.completed_qualifying_education",
    )


def test_over_age_and_enrolled_is_enrolled_but_not_in_the_group() -> None:
    higher = EducationRecord(Programme.HIGHER, dt.date(2025, 9, 1))
    result = assess_eligibility(_youth(educations=[higher]), dt.date(2027, 7, 1))
    assert result.enrolled
    assert not result.in_target_group
    assert not result.outreach_required
    assert result.codes == ("eligibility.over_age_limit",)


def test_eligibility_is_a_frozen_value() -> None:
    result = assess_eligibility(_youth(), dt.date(2020, 1, 1))
    assert isinstance(result, Eligibility)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.in_target_group = False  # type: ignore[misc]
