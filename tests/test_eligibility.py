"""The target group and outreach: a plain restatement of the rule, and the decided cases."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    Authority,
    DataError,
    EducationRecord,
    Eligibility,
    Employment,
    ExternalGuidance,
    LeapDayRule,
    Period,
    Policy,
    Programme,
    Youth,
    age_on,
    assess_eligibility,
    neet_share,
)
from kui_core.education import YOUTH_EDUCATIONS
from kui_core.eligibility import in_target_group
from kui_core.strategies import policies, reference_days, youths

ONE = dt.timedelta(days=1)
FEBRUARY_28 = attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28)


def restated(youth: Youth, on: dt.date, policy: Policy) -> tuple[bool, bool, bool | None]:
    """The rule in plain words: (in the target group, enrolled, outreach required).

    In the target group: aged min_age to under age_limit, no target-group-ending programme
    completed on or before ``on``. Outreach: in the target group, and neither enrolled in an
    enrolment programme nor having completed a youth or higher education, nor working
    outreach_work_hours a week, nor guided by another authority on ``on``; undecided (None)
    where that would follow but the education or employment records end before ``on``.
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
    guided = any(g.period.contains(on) for g in youth.guided_elsewhere)
    outreach = in_group and not (enrolled or working or finished_youth_education or guided)
    unknown = [
        known
        for known in (youth.educations_known_until, youth.employments_known_until)
        if known is not None and known < on
    ]
    return in_group, enrolled, None if outreach and unknown else outreach


def _known_until(on: dt.date) -> st.SearchStrategy[dt.date | None]:
    """No date (complete records), or a last known day around ``on``."""
    near = st.integers(-400, 30).map(lambda days: on + days * ONE)
    return st.none() | st.sampled_from((on - ONE, on, on + ONE)) | near


@st.composite
def assessments(draw: st.DrawFn) -> tuple[Youth, dt.date, Policy]:
    policy = draw(policies())
    on = draw(reference_days())
    youth = draw(youths(on=on, policy=policy))
    if draw(st.integers(0, 3)) == 0:  # one in four: records known only up to some day
        youth = attrs.evolve(
            youth,
            educations_known_until=draw(_known_until(on)),
            employments_known_until=draw(_known_until(on)),
        )
    return youth, on, policy


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
    assert ("eligibility.outreach_required" in codes) == (result.outreach_required is True)
    assert ("eligibility.data_missing" in codes) == (result.outreach_required is None)
    guided = bool(youth.guided_elsewhere_on(on))
    assert ("eligibility.guided_elsewhere" in codes) == (result.in_target_group and guided)
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
    """FGU/10th grade completed 2020-06-30: still in the group on 2021-01-01, outreach due."""
    record = EducationRecord(programme, dt.date(2019, 8, 1), completed_on=dt.date(2020, 6, 30))
    result = assess_eligibility(_youth(educations=[record]), dt.date(2021, 1, 1))
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
    """19.999999 h is not 20 h: the subject must not read "20 h < 20 h"."""
    job = Employment(Period(dt.date(2019, 1, 1)), 19.999999)
    result = assess_eligibility(_youth(employments=[job]), dt.date(2020, 1, 15))
    assert result.outreach_required
    assert result.findings[-1].subject == "19.999999 h < 20 h"


def test_hours_count_to_a_millionth_of_an_hour_2020_01_15() -> None:
    """Hours add up in whole millionths of an hour (Youth.weekly_hours_on): 19.9999999 h, a
    tenth of a millionth short, counts as 20 h, and the subject says what was counted."""
    job = Employment(Period(dt.date(2019, 1, 1)), 19.9999999)
    result = assess_eligibility(_youth(employments=[job]), dt.date(2020, 1, 15))
    assert not result.outreach_required
    assert result.findings[-1].subject == "20 h ≥ 20 h"


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


# -- primary school (folkeskoleloven § 3; Programme.PRIMARY_SCHOOL) -----------------------

# Born 15 September 2010: 15 on 15 January 2026, in 9th grade since August 2025.
PUPIL_BORN = dt.date(2010, 9, 15)
JAN_15 = dt.date(2026, 1, 15)
FOLKESKOLE = EducationRecord(
    Programme.PRIMARY_SCHOOL, dt.date(2016, 8, 11), completed_on=dt.date(2026, 6, 26)
)


def test_a_15_year_old_in_9th_grade_on_2026_01_15_is_enrolled_not_neet_no_outreach() -> None:
    pupil = _youth(born=PUPIL_BORN, educations=[FOLKESKOLE])
    result = assess_eligibility(pupil, JAN_15)
    assert result.age == 15
    assert result.in_target_group
    assert result.enrolled
    assert result.outreach_required is False
    assert result.codes == ("eligibility.in_target_group", "eligibility.enrolled")
    assert result.findings[-1].subject == "primary_school"
    neet = neet_share([pupil], JAN_15, ages=(15, 24))
    assert (neet.numerator, neet.denominator, neet.undecided) == (0, 1, 0)


def test_the_same_15_year_old_without_a_school_record_is_counted_neet_on_2026_01_15() -> None:
    """The close neighbour: the records are taken as complete, so silence means "not in
    school". Record primary school to keep a pupil off the outreach list."""
    nobody = _youth(born=PUPIL_BORN)
    assert assess_eligibility(nobody, JAN_15).outreach_required is True
    neet = neet_share([nobody], JAN_15, ages=(15, 24))
    assert (neet.numerator, neet.denominator) == (1, 1)


def test_after_9th_grade_ends_2026_06_26_primary_school_ends_nothing() -> None:
    """Primary school is no youth education: completing it neither ends the target group nor
    the outreach duty (1 August 2026, nothing else recorded)."""
    pupil = _youth(born=PUPIL_BORN, educations=[FOLKESKOLE])
    after = assess_eligibility(pupil, dt.date(2026, 8, 1))
    assert after.in_target_group
    assert not after.enrolled
    assert after.outreach_required is True
    assert not Programme.PRIMARY_SCHOOL.youth_education
    assert not Programme.PRIMARY_SCHOOL.qualifying


# -- guided by another authority (uvm.dk, "Vejledning af unge uden for skolen") -----------

# Born 1 June 2006: 19 on 1 March 2026, no education or work recorded.
GUIDED_BORN = dt.date(2006, 6, 1)
MARCH_1 = dt.date(2026, 3, 1)
JOBCENTRE = ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2026, 2, 1)))


def _guided(*guidance: ExternalGuidance, **changes: object) -> Youth:
    return attrs.evolve(Youth("y", GUIDED_BORN, guided_elsewhere=guidance), **changes)


def test_a_19_year_old_guided_by_the_jobcentre_on_2026_03_01_needs_no_outreach() -> None:
    result = assess_eligibility(_guided(JOBCENTRE), MARCH_1)
    assert result.in_target_group
    assert result.outreach_required is False
    assert result.codes == ("eligibility.in_target_group", "eligibility.guided_elsewhere")
    (info,) = [f for f in result.findings if f.code == "eligibility.guided_elsewhere"]
    assert (info.subject, info.severity.value) == ("jobcentre", "info")
    assert "jobcentre" in info.message("da")
    # The close neighbour: no guidance recorded, outreach is due.
    assert assess_eligibility(_guided(), MARCH_1).outreach_required is True


def test_guidance_by_the_jobcentre_ended_2026_03_01_no_longer_counts_that_day() -> None:
    ended = ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2026, 2, 1), MARCH_1))
    result = assess_eligibility(_guided(ended), MARCH_1)
    assert result.outreach_required is True
    assert "eligibility.guided_elsewhere" not in result.codes
    assert assess_eligibility(_guided(ended), MARCH_1 - ONE).outreach_required is False


def test_several_authorities_are_named_once_each_in_order_on_2026_03_01() -> None:
    social = ExternalGuidance(Authority.SOCIAL_SERVICES, Period(dt.date(2025, 1, 1)))
    again = ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2026, 1, 1)))
    youth = _guided(social, JOBCENTRE, again)
    assert youth.guided_elsewhere_on(MARCH_1) == (
        Authority.SOCIAL_SERVICES,
        Authority.JOBCENTRE,
        Authority.JOBCENTRE,
    )
    (info,) = [
        f for f in assess_eligibility(youth, MARCH_1).findings if f.code.endswith("elsewhere")
    ]
    assert info.subject == "jobcentre, social_services"


def test_guidance_is_reported_beside_enrolment_on_2026_03_01() -> None:
    fgu = EducationRecord(Programme.FGU, dt.date(2025, 8, 1))
    result = assess_eligibility(_guided(JOBCENTRE, educations=(fgu,)), MARCH_1)
    assert result.codes == (
        "eligibility.in_target_group",
        "eligibility.enrolled",
        "eligibility.guided_elsewhere",
    )


def test_guidance_outside_the_target_group_is_not_reported() -> None:
    """Aged 25 on 1 June 2031: out of the target group, guided or not."""
    result = assess_eligibility(_guided(JOBCENTRE), dt.date(2031, 6, 1))
    assert not result.in_target_group
    assert result.codes == ("eligibility.over_age_limit",)


def test_authority_values_are_stable() -> None:
    assert [a.value for a in Authority] == ["jobcentre", "social_services", "other"]
    with pytest.raises(DataError) as caught:
        ExternalGuidance("jobcentre", Period(MARCH_1))  # type: ignore[arg-type]
    assert caught.value.path == "ExternalGuidance.authority"
    with pytest.raises(DataError) as caught:
        ExternalGuidance(Authority.OTHER, MARCH_1)  # type: ignore[arg-type]
    assert caught.value.path == "ExternalGuidance.period"


# -- unknown is not "no": records known only up to a day ----------------------------------

# Born 1 June 2006: 20 on 1 October 2026; employment known only until the end of last month.
OCT_1 = dt.date(2026, 10, 1)
END_OF_SEPTEMBER = dt.date(2026, 9, 30)


def test_employment_known_only_until_2026_09_30_cannot_decide_outreach_on_2026_10_01() -> None:
    youth = Youth("y", GUIDED_BORN, employments_known_until=END_OF_SEPTEMBER)
    result = assess_eligibility(youth, OCT_1)
    assert result.in_target_group
    assert result.outreach_required is None
    assert result.codes == ("eligibility.in_target_group", "eligibility.data_missing")
    (warning,) = [f for f in result.findings if f.code == "eligibility.data_missing"]
    assert warning.subject == "employments_known_until 2026-09-30"
    assert warning.severity.value == "warning"
    for lang in ("da", "en"):
        assert "employments_known_until 2026-09-30" in warning.message(lang)
    neet = neet_share([youth], OCT_1)
    assert (neet.numerator, neet.denominator, neet.undecided) == (0, 0, 1)


def test_records_known_through_2026_10_01_decide_on_2026_10_01() -> None:
    """The last known day is included: known on the reference day means known."""
    youth = Youth("y", GUIDED_BORN, employments_known_until=OCT_1, educations_known_until=OCT_1)
    assert assess_eligibility(youth, OCT_1).outreach_required is True
    assert neet_share([youth], OCT_1).numerator == 1


def test_both_kinds_unknown_on_2026_10_01_are_named_in_order() -> None:
    youth = Youth(
        "y",
        GUIDED_BORN,
        educations_known_until=dt.date(2026, 6, 30),
        employments_known_until=END_OF_SEPTEMBER,
    )
    (warning,) = [
        f for f in assess_eligibility(youth, OCT_1).findings if f.code == "eligibility.data_missing"
    ]
    assert warning.subject == (
        "educations_known_until 2026-06-30, employments_known_until 2026-09-30"
    )
    only_educations = attrs.evolve(youth, employments_known_until=None)
    (warning,) = [
        f
        for f in assess_eligibility(only_educations, OCT_1).findings
        if f.code == "eligibility.data_missing"
    ]
    assert warning.subject == "educations_known_until 2026-06-30"


def test_a_recorded_job_still_counts_when_employment_is_unknown_after_2026_09_30() -> None:
    """Known positive records decide: a 25-hour job running on 1 October 2026."""
    job = Employment(Period(dt.date(2026, 1, 1)), 25)
    youth = Youth("y", GUIDED_BORN, employments=(job,), employments_known_until=END_OF_SEPTEMBER)
    result = assess_eligibility(youth, OCT_1)
    assert result.outreach_required is False
    assert "eligibility.data_missing" not in result.codes
    assert neet_share([youth], OCT_1).denominator == 1


def test_a_recorded_enrolment_still_counts_when_education_is_unknown_after_2026_09_30() -> None:
    eud = EducationRecord(Programme.EUD, dt.date(2026, 8, 10))
    youth = Youth("y", GUIDED_BORN, educations=(eud,), educations_known_until=END_OF_SEPTEMBER)
    result = assess_eligibility(youth, OCT_1)
    assert result.outreach_required is False
    assert result.codes == ("eligibility.in_target_group", "eligibility.enrolled")


def test_guided_by_the_jobcentre_with_unknown_employment_needs_no_outreach() -> None:
    youth = _guided(JOBCENTRE, employments_known_until=END_OF_SEPTEMBER)
    result = assess_eligibility(youth, OCT_1)
    assert result.outreach_required is False
    assert "eligibility.data_missing" not in result.codes


def test_unknown_records_outside_the_target_group_decide_nothing_new() -> None:
    """Aged 25 on 1 June 2031: out of the group, so outreach is simply not due."""
    youth = Youth("y", GUIDED_BORN, employments_known_until=END_OF_SEPTEMBER)
    result = assess_eligibility(youth, dt.date(2031, 6, 1))
    assert result.outreach_required is False
    assert result.codes == ("eligibility.over_age_limit",)


@settings(max_examples=150)
@given(assessments(), st.data())
def test_marking_records_unknown_never_turns_no_outreach_into_outreach(
    case: tuple[Youth, dt.date, Policy], data: st.DataObject
) -> None:
    """Unknown is not "no": setting a last known day before ``on`` leaves a "no outreach" a
    "no", or makes it "cannot decide"; never "outreach". A "yes" becomes "cannot decide" at
    most, and the target group does not change."""
    youth, on, policy = case
    complete = attrs.evolve(youth, educations_known_until=None, employments_known_until=None)
    before = assess_eligibility(complete, on, policy)
    before_on = st.none() | st.integers(1, 800).map(lambda days: on - days * ONE)
    marked = attrs.evolve(
        complete,
        educations_known_until=data.draw(before_on, label="educations_known_until"),
        employments_known_until=data.draw(before_on, label="employments_known_until"),
    )
    after = assess_eligibility(marked, on, policy)
    assert after.in_target_group == before.in_target_group
    assert after.enrolled == before.enrolled
    if before.outreach_required is False:
        assert after.outreach_required is False
    else:
        assert before.outreach_required is True
        unknown = marked.educations_known_until or marked.employments_known_until
        assert after.outreach_required is (None if unknown else True)


def test_hours_equal_to_a_threshold_of_six_decimals_reach_it_2020_01_15() -> None:
    """A threshold is a whole number of millionths of an hour: hours equal to it reach it, also
    where a job's hours round down to it, and a finer threshold is refused."""
    policy = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=19.999999)
    on = dt.date(2020, 1, 15)
    for hours in (19.999999, 19.9999994):  # the second rounds down to 19.999999
        job = Employment(Period(dt.date(2019, 1, 1)), hours)
        result = assess_eligibility(_youth(employments=[job]), on, policy)
        assert not result.outreach_required
        assert result.findings[-1].subject == "19.999999 h ≥ 19.999999 h"
    with pytest.raises(DataError) as caught:
        attrs.evolve(DEFAULT_POLICY, outreach_work_hours=20.0000004)
    assert caught.value.path == "Policy.outreach_work_hours"
    assert "millionths" in caught.value.reason
