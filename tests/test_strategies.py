"""The strategies generate valid models, honour their parameters and cluster where rules turn."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections.abc import Callable
from typing import TypeVar

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kui_core import (
    DEFAULT_POLICY,
    RULES,
    CprNumber,
    EducationRecord,
    Employment,
    Finding,
    LeapDayRule,
    LegalBasis,
    NewActivityFrom,
    Period,
    Policy,
    Programme,
    Youth,
    age_on,
    support_decision_deadline,
    ungeplan_deadline,
)
from kui_core.cpr import century_of, seventh_digits
from kui_core.strategies import (
    _hypothesis_setup_hook,
    birth_dates,
    cohorts,
    cpr_numbers,
    education_records,
    employments,
    findings,
    legal_bases,
    periods,
    person_ids,
    policies,
    reference_days,
    special_days,
    weekly_hours,
    youths,
)

ON = dt.date(2025, 3, 1)
T = TypeVar("T")
FEW = settings(max_examples=30)  # the checks of single options: keep the file fast


def _rebuild(model: object) -> object:
    """Run every attrs validator again by rebuilding the object from its fields."""
    assert attrs.has(type(model))
    values = {}
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if attrs.has(type(value)):
            value = _rebuild(value)
        elif isinstance(value, tuple):
            value = tuple(_rebuild(v) if attrs.has(type(v)) else v for v in value)
        values[field.alias] = value
    if isinstance(model, CprNumber):
        return CprNumber(model.reveal())
    if isinstance(model, Finding):  # its severity comes from a policy, never from a field
        policy = Policy(severities={model.code: values.pop("severity")})
        return Finding(values.pop("code"), **values, policy=policy)
    return type(model)(**values)


# -- validity: everything generated passes the validators --------------------------------------


@given(
    st.one_of(
        periods(),
        cpr_numbers(),
        education_records(),
        employments(),
        youths(),
        policies(),
        legal_bases(),
        findings(),
    )
)
def test_every_strategy_generates_valid_models(model: object) -> None:
    assert _rebuild(model) == model


@given(st.data())
def test_youths_on_a_reference_day_are_valid_and_in_the_age_range(data: st.DataObject) -> None:
    on = data.draw(reference_days())
    youth = data.draw(youths(on=on))
    assert _rebuild(youth) == youth
    assert 13 <= age_on(youth.birth_date, on) <= 27
    for record in youth.educations:
        assert record.started_on >= youth.birth_date


@given(st.data())
def test_youths_respect_explicit_age_bounds_and_policy(data: st.DataObject) -> None:
    on = data.draw(reference_days())
    policy = data.draw(policies())
    low = data.draw(st.integers(0, 30))
    high = data.draw(st.integers(low, low + 5))
    youth = data.draw(youths(on=on, min_age=low, max_age=high, policy=policy))
    assert low <= age_on(youth.birth_date, on, policy.leap_day_rule) <= high


@given(youths(with_cpr=True) | youths(ON, with_cpr=True))
def test_with_cpr_gives_a_cpr_consistent_with_the_birth_date(youth: Youth) -> None:
    assert youth.cpr is not None
    assert youth.cpr.birth_date == youth.birth_date


@given(
    youths(
        with_cpr=False,
        in_care=False,
        max_educations=0,
        max_employments=0,
        guided_elsewhere=False,
    )
)
def test_switches_turn_parts_off(youth: Youth) -> None:
    assert youth.cpr is None
    assert youth.in_care == ()
    assert youth.educations == ()
    assert youth.employments == ()
    assert youth.guided_elsewhere == ()


@FEW
@given(youths() | youths(ON))
def test_records_are_complete_unless_asked_otherwise(youth: Youth) -> None:
    assert youth.educations_known_until is None
    assert youth.employments_known_until is None


@given(youths(on=ON, in_care=True))
def test_in_care_true_gives_at_least_one_placement(youth: Youth) -> None:
    assert youth.in_care
    periods = [placement.period for placement in youth.in_care]
    assert periods == sorted(periods, key=lambda p: p.start)
    for earlier, later in itertools.pairwise(periods):
        assert not earlier.overlaps(later)
    for placement in youth.in_care:
        assert youth.birth_date <= placement.decision_day <= placement.period.start
        assert list(placement.ungeplan_dates) == sorted(set(placement.ungeplan_dates))
        assert all(day >= placement.decision_day for day in placement.ungeplan_dates)
        support = support_decision_deadline(youth, placement)
        assert support is not None or placement.support_decided_on is None


@FEW
@given(youths(ON, guided_elsewhere=True))
def test_guided_elsewhere_true_gives_guidance_from_birth_on(youth: Youth) -> None:
    assert 1 <= len(youth.guided_elsewhere) <= 2
    for guidance in youth.guided_elsewhere:
        assert youth.birth_date <= guidance.period.start <= ON + dt.timedelta(days=1)


@FEW
@given(youths(ON, unknown_records=True))
def test_unknown_records_end_around_the_reference_day(youth: Youth) -> None:
    year = dt.timedelta(days=365)
    for known in (youth.educations_known_until, youth.employments_known_until):
        assert known is None or ON - year <= known <= ON + dt.timedelta(days=30)


@FEW
@given(youths(ON) | youths())
def test_primary_school_starts_on_the_6th_birthday_and_comes_first(youth: Youth) -> None:
    for index, record in enumerate(youth.educations):
        if record.programme is Programme.PRIMARY_SCHOOL:
            assert index == 0
            assert age_on(youth.birth_date, record.started_on) == 6
            assert age_on(youth.birth_date, record.started_on - dt.timedelta(days=1)) == 5


@settings(max_examples=40)
@given(cohorts(ON, min_size=2, max_size=8))
def test_cohorts_have_unique_person_ids_and_cprs(cohort: list[Youth]) -> None:
    assert 2 <= len(cohort) <= 8
    assert len({y.person_id for y in cohort}) == len(cohort)
    cprs = [y.cpr.reveal() for y in cohort if y.cpr is not None]
    assert len(set(cprs)) == len(cprs)


@given(person_ids())
def test_person_ids_are_non_blank(person_id: str) -> None:
    assert person_id.strip()


@given(weekly_hours())
def test_weekly_hours_are_finite_and_in_range(hours: float) -> None:
    assert 0 <= hours <= 60


# -- parameters --------------------------------------------------------------------------------


@given(reference_days(dt.date(2024, 2, 1), dt.date(2024, 3, 31)))
def test_reference_days_stay_in_range(day: dt.date) -> None:
    assert dt.date(2024, 2, 1) <= day <= dt.date(2024, 3, 31)


@given(reference_days(dt.date(2025, 4, 2), dt.date(2025, 4, 30)))
def test_reference_days_in_a_range_without_leap_day_neighbours(day: dt.date) -> None:
    assert dt.date(2025, 4, 2) <= day <= dt.date(2025, 4, 30)


@given(periods(dt.date(2020, 1, 1), dt.date(2020, 12, 31), max_days=10, allow_open=False))
def test_periods_honour_range_length_and_openness(period: Period) -> None:
    assert dt.date(2020, 1, 1) <= period.start <= dt.date(2020, 12, 31)
    assert period.days is not None
    assert 0 <= period.days <= 10


@given(periods(allow_empty=False))
def test_periods_without_empty_ones(period: Period) -> None:
    assert not period.empty


@given(education_records(ON, programmes=[Programme.FGU, Programme.STU], status="completed"))
def test_education_records_honour_programmes_and_status(record: EducationRecord) -> None:
    assert record.programme in (Programme.FGU, Programme.STU)
    assert record.completed_on is not None
    assert record.left_on is None


@given(education_records(status="left"))
def test_left_records_have_a_drop_out_day(record: EducationRecord) -> None:
    assert record.left_on is not None
    assert record.completed_on is None


@given(education_records(status="ongoing", min_start=ON, max_start=ON))
def test_ongoing_records_with_a_fixed_start(record: EducationRecord) -> None:
    assert record.started_on == ON
    assert record.enrolled_on(dt.date(2099, 1, 1))


@given(st.data())
def test_cpr_numbers_match_a_given_birth_date(data: st.DataObject) -> None:
    born = data.draw(st.dates(dt.date(1858, 1, 1), dt.date(2057, 12, 31)))
    cpr = data.draw(cpr_numbers(born))
    assert cpr.birth_date == born
    digits = cpr.reveal().replace("-", "")
    assert century_of(int(digits[4:6]), int(digits[6])) + int(digits[4:6]) == born.year


@given(cpr_numbers(modulus_11=True))
def test_cpr_numbers_passing_modulus_11(cpr: CprNumber) -> None:
    assert cpr.passes_modulus_11


@given(cpr_numbers(modulus_11=False))
def test_cpr_numbers_failing_modulus_11(cpr: CprNumber) -> None:
    assert not cpr.passes_modulus_11


@given(findings(["coordination.gap"]))
def test_findings_for_chosen_codes(found: Finding) -> None:
    assert found.code == "coordination.gap"
    assert found.severity is RULES["coordination.gap"].severity
    assert found.message("en")


@given(employments(ON))
def test_employments_around_on_are_valid(job: Employment) -> None:
    assert job.period.start <= ON + dt.timedelta(days=1)


@given(st.data())
def test_youths_and_births_stay_in_the_supported_calendar_near_1858(data: st.DataObject) -> None:
    """On 1.1.1870, ages 0 to 120 reach back to 1749: only births from 1858 are drawn."""
    on = dt.date(1870, 1, 1)
    born = data.draw(birth_dates(on, min_age=0, max_age=120))
    assert dt.date(1858, 1, 1) <= born <= on
    youth = data.draw(youths(on, min_age=0, max_age=120))
    assert dt.date(1858, 1, 1) <= youth.birth_date <= on


def test_no_supported_birth_date_gives_the_ages_asked_for() -> None:
    with pytest.raises(InvalidArgument, match="1858"):
        youths(dt.date(1850, 1, 1))
    with pytest.raises(InvalidArgument, match="1858"):
        birth_dates(dt.date(1870, 1, 1), min_age=13)


def test_seventh_digits_follow_the_century_table() -> None:
    """1936: digits 0-3 and 4, 9 (00-36 with 4/9 is 2000? no: 1900 only from 37)."""
    assert seventh_digits(1936) == (0, 1, 2, 3)
    assert seventh_digits(1937) == (0, 1, 2, 3, 4, 9)
    assert seventh_digits(2036) == (4, 5, 6, 7, 8, 9)
    assert seventh_digits(2037) == (5, 6, 7, 8)
    assert seventh_digits(2057) == (5, 6, 7, 8)
    assert seventh_digits(1858) == (5, 6, 7, 8)
    assert seventh_digits(1857) == ()
    assert seventh_digits(2058) == ()


def test_special_days_include_leap_day_easter_and_store_bededag() -> None:
    days_2024 = special_days(2024)
    assert dt.date(2024, 2, 29) in days_2024
    assert dt.date(2024, 3, 31) in days_2024  # Easter Sunday 2024
    assert dt.date(2023, 5, 5) in special_days(2023)  # Store Bededag 2023
    assert dt.date(2023, 2, 29 - 1) in special_days(2023)
    assert all(day.year == 2023 for day in special_days(2023))


# -- clustering: the interesting days do come up -----------------------------------------------


def _found(strategy: st.SearchStrategy[T], condition: Callable[[T], bool]) -> None:
    """Assert that ``condition`` holds for some value among the first few hundred generated.

    ``find`` stops at the first match; without the shrink phase it returns it at once (it raises
    ``NoSuchExample`` if no value matches). Derandomized, so the probe is deterministic.
    """
    quick = settings(max_examples=300, database=None, phases=[Phase.generate], derandomize=True)
    assert condition(find(strategy, condition, settings=quick))


def test_births_cluster_on_the_25th_birthday() -> None:
    _found(birth_dates(ON), lambda born: born == dt.date(2000, 3, 1))


def test_births_cluster_on_the_day_before_the_15th_birthday() -> None:
    _found(birth_dates(ON), lambda born: born == dt.date(2010, 3, 2))


def test_births_on_29_february_near_the_boundary_years() -> None:
    _found(birth_dates(ON), lambda born: born == dt.date(2000, 2, 29))


def test_births_without_on_include_29_february() -> None:
    _found(birth_dates(), lambda born: (born.month, born.day) == (2, 29))


def test_completion_on_the_reference_day_comes_up() -> None:
    _found(education_records(ON), lambda record: record.completed_on == ON)


def test_drop_out_the_day_before_the_reference_day_comes_up() -> None:
    _found(education_records(ON), lambda record: record.left_on == ON - dt.timedelta(days=1))


def test_hours_just_under_the_threshold_come_up() -> None:
    _found(weekly_hours(), lambda hours: hours == 19.5)


def test_reference_days_include_29_february() -> None:
    _found(reference_days(), lambda day: (day.month, day.day) == (2, 29))


def test_policies_include_the_february_28_rule_and_the_default() -> None:
    _found(policies(), lambda p: p.leap_day_rule is LeapDayRule.FEBRUARY_28)
    _found(policies(), lambda p: p == DEFAULT_POLICY)


def test_policies_vary_the_settings_of_the_new_duties() -> None:
    _found(policies(), lambda p: p.new_activity_from is NewActivityFrom.NOTICED)
    _found(policies(), lambda p: p.contact_includes_parents)
    _found(policies(), lambda p: p.in_care_end_age == 19 and p.in_care_support_months == 0)
    _found(policies(), lambda p: p.plan_missing_after_days > 0)


def test_a_pupil_in_primary_school_on_the_reference_day_comes_up() -> None:
    _found(
        youths(ON, min_age=15, max_age=15),
        lambda y: any(
            r.programme is Programme.PRIMARY_SCHOOL and r.enrolled_on(ON) for r in y.educations
        ),
    )


def test_primary_school_completed_before_the_16th_birthday_comes_up() -> None:
    _found(
        youths(ON, min_age=16, max_age=17),
        lambda y: any(
            r.programme is Programme.PRIMARY_SCHOOL
            and r.completed_on is not None
            and age_on(y.birth_date, r.completed_on) == 15
            for r in y.educations
        ),
    )


def test_primary_school_left_on_the_reference_day_comes_up() -> None:
    _found(
        youths(ON, min_age=14, max_age=17),
        lambda y: any(
            r.programme is Programme.PRIMARY_SCHOOL and r.left_on == ON for r in y.educations
        ),
    )


def test_guidance_elsewhere_on_the_reference_day_comes_up_by_default() -> None:
    _found(youths(ON), lambda y: bool(y.guided_elsewhere_on(ON)))
    _found(youths(ON), lambda y: any(g.period.end == ON for g in y.guided_elsewhere))


def test_records_known_until_the_day_before_come_up() -> None:
    before = ON - dt.timedelta(days=1)
    _found(youths(ON, unknown_records=True), lambda y: y.employments_known_until == before)
    _found(youths(ON, unknown_records=True), lambda y: y.educations_known_until == before)


def test_placements_without_consent_come_up() -> None:
    _found(youths(ON, in_care=True), lambda y: any(not p.consent for p in y.in_care))


def test_an_ungeplan_on_its_deadline_and_a_day_late_come_up() -> None:
    def on_deadline(youth: Youth, offset: int) -> bool:
        return any(
            (deadline := ungeplan_deadline(youth, p)) is not None
            and deadline + dt.timedelta(days=offset) in p.ungeplan_dates
            for p in youth.in_care
        )

    in_care_at_16 = youths(ON, min_age=16, max_age=19, in_care=True)
    _found(in_care_at_16, lambda y: on_deadline(y, 0))
    _found(in_care_at_16, lambda y: on_deadline(y, 1))


def test_a_support_decision_the_day_after_its_deadline_comes_up() -> None:
    def late_by_a_day(youth: Youth) -> bool:
        return any(
            (deadline := support_decision_deadline(youth, p)) is not None
            and p.support_decided_on == deadline + dt.timedelta(days=1)
            for p in youth.in_care
        )

    _found(youths(ON, min_age=16, max_age=19, in_care=True), late_by_a_day)


# -- argument checking -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: reference_days(dt.date(2025, 1, 2), dt.date(2025, 1, 1)),
        lambda: reference_days(dt.date(1000, 1, 1)),
        lambda: periods(max_days=0, allow_empty=False),
        lambda: periods(max_days=-1),
        lambda: birth_dates(ON, min_age=10, max_age=9),
        lambda: birth_dates(ON, min_age=-1),
        lambda: youths(ON, max_age=121),
        lambda: birth_dates(dt.date(3000, 1, 1)),
        lambda: cpr_numbers(dt.date(1857, 12, 31)),
        lambda: cpr_numbers(dt.date(2058, 1, 1)),
        lambda: education_records(status="graduated"),
        lambda: education_records(programmes=[]),
        lambda: education_records(min_start=ON, max_start=ON - dt.timedelta(days=1)),
        lambda: education_records(dt.date(3000, 1, 1)),
        lambda: employments(dt.date(3000, 1, 1)),
        lambda: youths(max_educations=-1),
        lambda: youths(dt.date(3000, 1, 1)),
        lambda: youths(dt.date(2090, 1, 1), with_cpr=True),
        lambda: youths(dt.date(1870, 1, 1), with_cpr=True),
        lambda: findings(["no.such.code"]),
        lambda: findings([]),
    ],
)
def test_bad_arguments_raise_invalid_argument(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]


# -- registration ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", [Period, CprNumber, EducationRecord, Employment, Youth, Policy, LegalBasis, Finding]
)
def test_from_type_is_registered(cls: type[object]) -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(cls))
    def check(value: object) -> None:
        assert isinstance(value, cls)

    check()


@settings(max_examples=25)
@given(st.from_type(Youth))
def test_from_type_youth_gives_valid_youths(youth: Youth) -> None:
    assert _rebuild(youth) == youth


def test_setup_hook_is_idempotent() -> None:
    _hypothesis_setup_hook()
    _hypothesis_setup_hook()
    assert isinstance(find(st.from_type(Youth), lambda y: True), Youth)


def test_setup_hook_copes_with_half_imported_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hypothesis may call the hook while a strategies module is still being imported, before
    its register function exists: the hook must then do nothing (the module registers itself)."""
    from kui_core.strategies import _cases, _core, _plans

    monkeypatch.delattr(_core, "register_type_strategies")
    monkeypatch.delattr(_plans, "register_type_strategies")
    monkeypatch.delattr(_cases, "register_type_strategies")
    _hypothesis_setup_hook()
    assert isinstance(find(st.from_type(Youth), lambda y: True), Youth)


def test_importing_kui_core_does_not_import_hypothesis() -> None:
    code = "import sys, kui_core; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_from_type_works_in_a_fresh_process_without_importing_the_strategies() -> None:
    """The entry point registers the models when Hypothesis is imported."""
    code = (
        "import hypothesis.strategies as st; from kui_core import Youth;"
        "from hypothesis import find; print(type(find(st.from_type(Youth), bool)).__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "Youth"


def test_importing_the_strategies_first_also_registers() -> None:
    """Importing kui_core.strategies before Hypothesis: the hook runs mid-import and must cope."""
    code = (
        "import kui_core.strategies; import hypothesis.strategies as st;"
        "from kui_core import Youth; from hypothesis import find;"
        "print(type(find(st.from_type(Youth), bool)).__name__)"
    )
    env_code = "import os; os.environ['HYPOTHESIS_NO_PLUGINS'] = '1';" + code
    for source in (code, env_code):
        result = subprocess.run(
            [sys.executable, "-W", "error", "-c", source],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == "Youth"


@given(youths(ON, min_age=0, max_age=3))
def test_young_children_have_no_work_before_birth(youth: Youth) -> None:
    for job in youth.employments:
        assert job.period.start >= youth.birth_date


def test_an_employment_ending_on_the_reference_day_comes_up() -> None:
    _found(employments(ON), lambda job: job.period.end == ON)


@given(
    youths(
        on=dt.date(1990, 2, 28),
        min_age=1,
        max_age=1,
        policy=attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28),
    )
)
def test_age_bounds_hold_for_29_february_births_under_february_28_1990_02_28(
    youth: Youth,
) -> None:
    """Born 1988-02-29, a February-28 policy makes the child 2 on 1990-02-28: never drawn."""
    assert age_on(youth.birth_date, dt.date(1990, 2, 28), LeapDayRule.FEBRUARY_28) == 1
