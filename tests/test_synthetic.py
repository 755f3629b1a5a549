"""The synthetic population: deterministic, valid, and roughly realistic."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import DataError, Programme, Track, Youth, assess_eligibility, neet_share, synthetic
from kui_core.dates import age_on
from kui_core.metrics import Application, application_shares
from kui_core.municipalities import MUNICIPALITIES
from kui_core.rates import Rate
from kui_core.synthetic import (
    MAX_AGE,
    MIN_AGE,
    applications,
    completion_series,
    iter_population,
    neet_series,
    population,
)

ON = dt.date(2025, 10, 1)


@pytest.fixture(scope="module")
def country() -> list[Youth]:
    return population(12_000, seed=2025, on=ON)


def _completed_qualifying(youth: Youth, on: dt.date) -> bool:
    return any(r.programme.qualifying and r.completed_by(on) for r in youth.educations)


def _neet(youth: Youth, on: dt.date) -> bool:
    completed = any(r.programme.youth_education and r.completed_by(on) for r in youth.educations)
    enrolled = any(r.enrolled_on(on) for r in youth.educations)
    return not (completed or enrolled or youth.weekly_hours_on(on) >= 18)


def _dates(youth: Youth) -> list[dt.date]:
    days = [youth.birth_date]
    for record in youth.educations:
        days += [d for d in (record.started_on, record.completed_on, record.left_on) if d]
    for job in youth.employments:
        days += [d for d in (job.period.start, job.period.end) if d]
    for care in youth.in_care:
        days += [d for d in (care.period.start, care.period.end, care.decided_on) if d]
        days += [*care.ungeplan_dates]
        days += [care.support_decided_on] if care.support_decided_on else []
    for guidance in youth.guided_elsewhere:
        days += [d for d in (guidance.period.start, guidance.period.end) if d]
    return days


# -- properties ---------------------------------------------------------------------------------


@settings(max_examples=30)
@given(
    seed=st.integers(0, 2**32),
    on=st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    n=st.integers(0, 15),
)
def test_ages_are_13_to_27_and_nothing_is_known_after_on(seed: int, on: dt.date, n: int) -> None:
    people = population(n, seed=seed, on=on)
    assert len(people) == n
    for youth in people:
        assert MIN_AGE <= age_on(youth.birth_date, on) <= MAX_AGE
        assert max(_dates(youth)) <= on
        if youth.cpr is not None:
            assert youth.cpr.birth_date == youth.birth_date


@settings(max_examples=10)
@given(seed=st.integers(0, 2**64), on=st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)))
def test_same_seed_gives_the_same_people(seed: int, on: dt.date) -> None:
    assert population(20, seed=seed, on=on) == population(20, seed=seed, on=on)


def test_a_smaller_population_is_a_prefix_of_a_larger_one() -> None:
    small = population(50, seed=7, on=ON)
    large = population(200, seed=7, on=ON)
    assert small == large[:50]


def test_different_seeds_give_different_people() -> None:
    assert population(20, seed=1, on=ON) != population(20, seed=2, on=ON)


def test_a_small_sharing_cache_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = population(300, seed=6, on=ON)
    monkeypatch.setattr(synthetic, "_CACHE_LIMIT", 10)
    assert population(300, seed=6, on=ON) == expected


def test_iter_population_is_lazy_and_equals_the_list() -> None:
    stream = iter_population(10**9, seed=3, on=ON)
    first = [next(stream) for _ in range(30)]
    assert first == population(30, seed=3, on=ON)
    assert [y.person_id for y in first[:3]] == ["Y0000001", "Y0000002", "Y0000003"]


# -- realism (synthetic targets, not statistics) -------------------------------------------------


def test_completion_by_25_is_about_85_percent(country: list[Youth]) -> None:
    aged_25 = [y for y in country if age_on(y.birth_date, ON) == 25]
    share = sum(_completed_qualifying(y, ON) for y in aged_25) / len(aged_25)
    assert 0.80 <= share <= 0.90


def test_neet_share_among_15_to_24_is_about_6_to_7_percent(country: list[Youth]) -> None:
    aged = [y for y in country if 15 <= age_on(y.birth_date, ON) <= 24]
    share = sum(_neet(y, ON) for y in aged) / len(aged)
    assert 0.05 <= share <= 0.08


def test_most_start_a_gymnasial_education_a_fifth_a_vocational_one(country: list[Youth]) -> None:
    after_school = (Programme.PRIMARY_SCHOOL, Programme.OTHER, Programme.TENTH_GRADE)
    first = Counter(
        next(r.programme.track for r in y.educations if r.programme not in after_school)
        for y in country
        if any(r.programme not in after_school for r in y.educations)
    )
    total = sum(first.values())
    assert 0.64 <= first[Track.GYMNASIAL] / total <= 0.78
    assert 0.15 <= first[Track.VOCATIONAL] / total <= 0.27


def test_typical_durations_dropouts_and_restarts(country: list[Youth]) -> None:
    stx_years = [
        (r.completed_on - r.started_on).days / 365
        for y in country
        for r in y.educations
        if r.programme is Programme.STX and r.completed_on
    ]
    eud_years = [
        (r.completed_on - r.started_on).days / 365
        for y in country
        for r in y.educations
        if r.programme is Programme.EUD and r.completed_on
    ]
    assert all(2.8 <= years <= 3.0 for years in stx_years)
    assert min(eud_years) >= 1.9
    assert max(eud_years) <= 4.0
    dropped = [y for y in country if any(r.left_on for r in y.educations)]
    restarted = [
        y
        for y in dropped
        if any(
            later.started_on >= r.left_on
            for r in y.educations
            if r.left_on
            for later in y.educations
        )
    ]
    assert 0.1 <= len(dropped) / len(country) <= 0.35
    assert len(restarted) / len(dropped) >= 0.4
    assert any(
        r.programme is Programme.HIGHER and r.completed_on for y in country for r in y.educations
    )


def test_employment_in_care_cpr_and_leap_day_births(country: list[Youth]) -> None:
    hours = Counter(job.hours_per_week for y in country for job in y.employments)
    assert {18, 20, 37} <= set(hours)
    assert any(h < 18 for h in hours)
    in_care = sum(bool(y.in_care) for y in country) / len(country)
    assert 0.005 <= in_care <= 0.03
    with_cpr = sum(y.cpr is not None for y in country) / len(country)
    assert 0.2 <= with_cpr <= 0.3
    assert any(y.birth_date.month == 2 and y.birth_date.day == 29 for y in country)


def test_the_country_spreads_over_the_municipalities_by_population(country: list[Youth]) -> None:
    codes = Counter(y.municipality_code for y in country)
    assert len(MUNICIPALITIES) == 98
    assert set(codes) <= set(MUNICIPALITIES)
    assert MUNICIPALITIES["561"] == "Esbjerg"
    assert codes.most_common(1)[0][0] == "101"  # København
    assert codes["101"] > 5 * codes["350"]  # Lejre


def test_a_given_municipality_list_is_used_evenly() -> None:
    people = population(300, seed=9, on=ON, municipality_codes=["561", "350"])
    codes = Counter(y.municipality_code for y in people)
    assert set(codes) == {"561", "350"}
    assert 100 <= codes["561"] <= 200


def test_cpr_share_zero_and_one() -> None:
    assert all(y.cpr is None for y in population(30, seed=1, on=ON, cpr_share=0))
    assert all(y.cpr is not None for y in population(30, seed=1, on=ON, cpr_share=1))


def test_reference_day_29_february_2024() -> None:
    """On 29.2.2024 the oldest are born 1.3.1996 and the youngest on 29.2.2011 or before."""
    on = dt.date(2024, 2, 29)
    births = [y.birth_date for y in population(400, seed=4, on=on)]
    assert min(births) >= dt.date(1996, 3, 1)
    assert max(births) <= dt.date(2011, 2, 28)


def test_ages_narrows_the_population_to_exact_ages() -> None:
    people = population(200, seed=5, on=ON, ages=(25, 25))
    assert {age_on(y.birth_date, ON) for y in people} == {25}
    teens = population(200, seed=5, on=ON, ages=(15, 17))
    assert {age_on(y.birth_date, ON) for y in teens} == {15, 16, 17}


# -- applications and series --------------------------------------------------------------------


def test_applications_of_9th_and_10th_graders_in_a_year() -> None:
    """Applications for 2026 (deadline 1.3.2026) from a population known up to 1.10.2026."""
    on = dt.date(2026, 10, 1)
    people = population(6_000, seed=11, on=on)
    found = applications(people, seed=11, year=2026)
    assert found == applications(people, seed=11, year=2026)
    assert all(isinstance(a, Application) for a in found)
    assert {a.grade for a in found} == {9, 10}
    assert all(dt.date(2026, 1, 14) <= a.applied_on < dt.date(2026, 3, 1) for a in found)
    by_id = {y.person_id: y for y in people}
    for application in found:
        youth = by_id[application.person_id]
        assert application.municipality_code == youth.municipality_code
        expected_birth_year = 2010 if application.grade == 9 else 2009
        assert youth.birth_date.year == expected_birth_year
    shares = application_shares(found)
    # Among the applications not for 10th grade (as uvm.dk counts; 19.4 % EUD nationally in
    # 2023): the synthetic table's 20 % EUD/EUX, raised by the municipal tilt and after 10th
    # grade, and by those who apply for nothing not being counted.
    assert 0.15 <= shares[Track.VOCATIONAL].value <= 0.35  # type: ignore[operator]
    assert 0.40 <= shares[Track.GYMNASIAL].value <= 0.75  # type: ignore[operator]
    assert shares.tenth_grade.numerator == sum(a.programme is Programme.TENTH_GRADE for a in found)
    assert 0.20 <= shares.tenth_grade.value <= 0.45  # type: ignore[operator]


def test_applications_are_drawn_where_the_records_do_not_reach_that_year() -> None:
    """A population known up to 1.10.2025 applying in spring 2026: choices are drawn."""
    people = population(3_000, seed=12, on=ON)
    found = applications(people, seed=12, year=2026)
    grades = Counter(a.grade for a in found)
    assert grades[9] > 0
    assert grades[10] > 0
    assert any(a.programme is Programme.TENTH_GRADE for a in found)


def test_completion_and_neet_series_per_year() -> None:
    years = range(2016, 2020)
    completion = completion_series(years, n=300, seed=1, municipality_codes=["561"])
    neet = neet_series(years, n=300, seed=1, municipality_codes=["561"])
    assert list(completion) == list(years)
    assert list(neet) == list(years)
    for rate in [*completion.values(), *neet.values()]:
        assert isinstance(rate, Rate)
        assert rate.denominator == 300
    assert all(0.75 <= r.value <= 0.95 for r in completion.values())  # type: ignore[operator]
    assert all(0.02 <= r.value <= 0.12 for r in neet.values())  # type: ignore[operator]


# -- bad arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"n": -1}, "n"),
        ({"n": True}, "n"),
        ({"on": dt.datetime(2025, 10, 1, 12, 0)}, "on"),
        ({"cpr_share": 1.5}, "cpr_share"),
        ({"cpr_share": "0.5"}, "cpr_share"),
        ({"cpr_share": None}, "cpr_share"),
        ({"municipality_codes": []}, "municipality_codes"),
        ({"ages": (12, 20)}, "ages"),
        ({"ages": (20, 19)}, "ages"),
        ({"ages": [15, 24]}, "ages"),
        ({"ages": (15,)}, "ages"),
        ({"ages": (15.0, 24)}, "ages"),
    ],
)
def test_bad_arguments_raise_data_error(kwargs: dict[str, object], path: str) -> None:
    arguments: dict[str, object] = {"n": 5, "seed": 1, "on": ON} | kwargs
    with pytest.raises(DataError) as raised:
        population(**arguments)  # type: ignore[arg-type]
    assert raised.value.path == path


def test_primary_school_is_recorded_as_primary_school(country: list[Youth]) -> None:
    """Everyone starts in folkeskole (Programme.PRIMARY_SCHOOL, no longer OTHER); most
    15-year-olds on 1 October 2025 are still there, enrolled, so neither NEET nor on the
    outreach list."""
    assert all(y.educations[0].programme is Programme.PRIMARY_SCHOOL for y in country)
    # "other" only for the forerunners of FGU, before it existed (Programme.dates).
    fgu_from = Programme.FGU.dates.earliest_start
    assert fgu_from is not None
    others = [r for y in country for r in y.educations if r.programme is Programme.OTHER]
    assert all(r.started_on < fgu_from for r in others)
    fifteen = [y for y in country if age_on(y.birth_date, ON) == 15]
    pupils = [
        y
        for y in fifteen
        if any(r.programme is Programme.PRIMARY_SCHOOL and r.enrolled_on(ON) for r in y.educations)
    ]
    assert len(pupils) >= len(fifteen) / 2
    assert neet_share(pupils, ON, (15, 15)).numerator == 0
    assert not any(assess_eligibility(y, ON).outreach_required for y in pupils)
