"""Examples and checks of kui_core.frames: the legal and date edge cases on tables, every
validation error, and that ``import kui_core`` stays free of dataframe libraries.

The property tests that compare every answer with the per-object path on every engine are in
tests/test_frames_equal.py; here are the named cases (dates in the test names) on polars.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import attrs
import duckdb
import narwhals as nw
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    Authority,
    Breakdown,
    DataError,
    EducationRecord,
    Employment,
    ExternalGuidance,
    LeapDayRule,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Rate,
    Youth,
    assess_eligibility,
    completion_rate,
    frames,
    neet_share,
)
from kui_core.dates import birthday, completed_years
from kui_core.education import YOUTH_EDUCATIONS
from kui_core.metrics import COMPLETION_PROGRAMMES, NEET_PROGRAMMES
from kui_core.strategies import cohorts, policies, reference_days

D = _dt.date
OCT_1 = D(2025, 10, 1)
FEB_28 = attrs.evolve(DEFAULT_POLICY, leap_day_rule=LeapDayRule.FEBRUARY_28)


def tables(youths: Sequence[Youth], backend: str = "polars") -> frames.Tables:
    return frames.tables_from_youths(youths, backend)


def eligibility_rows(
    youths: Sequence[Youth], on: _dt.date, policy: Policy = DEFAULT_POLICY
) -> dict[str, dict[str, Any]]:
    t = tables(youths)
    out = frames.eligibility(t.people, t.educations, t.employments, on, policy, guidance=t.guidance)
    assert isinstance(out, pl.DataFrame)
    return {row["person_id"]: row for row in out.iter_rows(named=True)}


def per_object(youth: Youth, on: _dt.date, policy: Policy = DEFAULT_POLICY) -> dict[str, Any]:
    e = assess_eligibility(youth, on, policy)
    return {
        "person_id": youth.person_id,
        "age": e.age,
        "in_target_group": e.in_target_group,
        "enrolled": e.enrolled,
        "outreach_required": e.outreach_required,
        "eligible_until": e.eligible_until,
    }


def same_eligibility(
    youths: Sequence[Youth], on: _dt.date, policy: Policy = DEFAULT_POLICY
) -> None:
    rows = eligibility_rows(youths, on, policy)
    assert rows == {y.person_id: per_object(y, on, policy) for y in youths}


def job(start: _dt.date, hours: float, end: _dt.date | None = None) -> Employment:
    return Employment(Period(start, end), hours)


# --------------------------------------------------------------------------------------------
# Ages and birthdays: 29 February, the 25th birthday


@pytest.mark.parametrize(
    ("policy", "birthday_25", "until"),
    [
        (DEFAULT_POLICY, D(2033, 3, 1), D(2033, 2, 28)),
        (FEB_28, D(2033, 2, 28), D(2033, 2, 27)),
    ],
    ids=["march_1", "february_28"],
)
def test_born_2008_02_29_turns_25_in_2033_by_the_leap_day_rule(
    policy: Policy, birthday_25: _dt.date, until: _dt.date
) -> None:
    youth = Youth("leap", D(2008, 2, 29))
    eve = birthday_25 - _dt.timedelta(days=1)
    rows = eligibility_rows([youth], eve, policy)
    assert rows["leap"]["age"] == 24
    assert rows["leap"]["in_target_group"] is True
    assert rows["leap"]["eligible_until"] == until == eve
    rows = eligibility_rows([youth], birthday_25, policy)
    assert rows["leap"]["age"] == 25
    assert rows["leap"]["in_target_group"] is False
    same_eligibility([youth], eve, policy)
    same_eligibility([youth], birthday_25, policy)


def test_born_2008_02_29_is_25_on_2032_02_29_eve_and_2033_both_rules() -> None:
    # 2032 is a leap year: the 24th birthday is 29 February under both rules.
    youth = Youth("leap", D(2008, 2, 29))
    for policy in (DEFAULT_POLICY, FEB_28):
        assert eligibility_rows([youth], D(2032, 2, 28), policy)["leap"]["age"] == 23
        assert eligibility_rows([youth], D(2032, 2, 29), policy)["leap"]["age"] == 24


def test_born_2000_10_01_is_in_the_target_group_on_2025_09_30_not_on_2025_10_01() -> None:
    youth = Youth("a", D(2000, 10, 1))
    eve = eligibility_rows([youth], D(2025, 9, 30))["a"]
    day = eligibility_rows([youth], OCT_1)["a"]
    assert (eve["age"], eve["in_target_group"], eve["outreach_required"]) == (24, True, True)
    assert (day["age"], day["in_target_group"], day["outreach_required"]) == (25, False, False)
    assert eve["eligible_until"] == day["eligible_until"] == D(2025, 9, 30)
    # completion_rate at 25 counts her from her birthday on, not the day before.
    t = tables([youth])
    assert frames.completion_rate(t.people, t.educations, OCT_1) == Rate(0, 1)
    assert frames.completion_rate(t.people, t.educations, D(2025, 9, 30)) == Rate(0, 0)


def _calendar_sample() -> list[_dt.date]:
    """Every 11th day of the supported calendar, and every day from 26 February to 2 March and
    around the new year: where leap days and year ends turn."""
    days = set(pl.date_range(D(1858, 1, 1), D(2299, 12, 31), "11d", eager=True).to_list())
    for year in range(1858, 2300):
        days |= {D(year, 2, d) for d in range(26, 29)} | {D(year, 3, 1), D(year, 3, 2)}
        days |= {D(year, 1, 1), D(year, 12, 31)}
        if calendar.isleap(year):
            days.add(D(year, 2, 29))
    return sorted(days)


CALENDAR_SAMPLE = _calendar_sample()


@pytest.mark.parametrize("rule", list(LeapDayRule))
@pytest.mark.parametrize("age_limit", [1, 25, 150])
def test_the_calendar_from_1858_to_2299_has_the_per_object_age_and_eligible_until(
    rule: LeapDayRule, age_limit: int
) -> None:
    """Age and eligible_until are calendar arithmetic on columns (polars offsets by years, the
    other engines add days): checked against :func:`birthday` for birth dates all over the
    supported calendar, every 29 February among them, on polars and on pyarrow."""
    import narwhals as nw

    from kui_core.frames import _age, _eligible_until

    on = D(2028, 2, 29)
    ages = [completed_years(born, on, rule) for born in CALENDAR_SAMPLE]
    untils = [birthday(born, age_limit, rule) - _dt.timedelta(days=1) for born in CALENDAR_SAMPLE]
    polars_frame = pl.DataFrame({"birth_date": CALENDAR_SAMPLE})
    for native in (polars_frame, polars_frame.to_arrow()):
        frame = nw.from_native(native)
        got = frame.select(
            _age(on, rule).alias("age"),
            _eligible_until(age_limit, rule, frame.implementation).alias("until"),
        )
        assert got["age"].to_list() == ages
        assert got["until"].to_list() == untils


# --------------------------------------------------------------------------------------------
# Records on the day: completion, hours on the threshold, unknown records, guidance


def test_completed_on_2025_10_01_counts_on_2025_10_01() -> None:
    done = Youth(
        "done",
        D(2000, 6, 1),
        educations=(EducationRecord(Programme.STX, D(2016, 8, 1), OCT_1),),
    )
    t = tables([done])
    assert frames.completion_rate(t.people, t.educations, OCT_1) == Rate(1, 1)
    assert frames.completion_rate(t.people, t.educations, OCT_1, age=25) == completion_rate(
        [done], OCT_1
    )
    day_before = OCT_1 - _dt.timedelta(days=1)
    # On the day before she is enrolled, not a graduate (and 25 already).
    assert frames.completion_rate(t.people, t.educations, day_before) == Rate(0, 1)
    same_eligibility([done], OCT_1)
    same_eligibility([done], day_before)


@pytest.mark.parametrize(
    ("hours", "outreach", "neet"),
    [(20, False, False), (19.5, True, False), (18, True, False), (17.5, True, True)],
)
def test_hours_on_2025_10_01_exactly_at_the_thresholds(
    hours: float, outreach: bool, neet: bool
) -> None:
    # Two jobs adding up to the hours: 20 h is not outreach, 18 h is not NEET.
    youth = Youth(
        "w",
        D(2004, 5, 5),
        employments=(job(D(2024, 1, 1), hours / 2), job(D(2025, 1, 1), hours / 2)),
    )
    assert eligibility_rows([youth], OCT_1)["w"]["outreach_required"] is outreach
    t = tables([youth])
    rate = frames.neet_share(t.people, t.educations, t.employments, OCT_1)
    assert (rate.numerator, rate.denominator) == (int(neet), 1)
    assert rate == neet_share([youth], OCT_1)
    same_eligibility([youth], OCT_1)


def test_a_job_ending_on_2025_10_01_is_not_work_on_2025_10_01() -> None:
    youth = Youth("w", D(2004, 5, 5), employments=(job(D(2024, 1, 1), 37, OCT_1),))
    assert eligibility_rows([youth], OCT_1)["w"]["outreach_required"] is True
    t = tables([youth])
    assert frames.neet_share(t.people, t.educations, t.employments, OCT_1) == Rate(1, 1)


def test_neet_work_hours_0_on_2025_10_01_needs_a_job() -> None:
    policy = attrs.evolve(DEFAULT_POLICY, neet_work_hours=0)
    idle = Youth("idle", D(2004, 5, 5))
    old_job = Youth("old", D(2004, 5, 6), employments=(job(D(2021, 1, 1), 10, D(2022, 1, 1)),))
    t = tables([idle, old_job])
    got = frames.neet_share(t.people, t.educations, t.employments, OCT_1, policy=policy)
    assert got == neet_share([idle, old_job], OCT_1, policy=policy)
    assert (got.numerator, got.denominator) == (1, 2)


def test_records_known_until_2025_09_30_leave_2025_10_01_undecided() -> None:
    unknown = Youth(
        "u",
        D(2000, 10, 1),
        educations_known_until=D(2025, 9, 30),
        employments_known_until=D(2025, 9, 30),
    )
    known_graduate = Youth(
        "g",
        D(2000, 10, 1),
        educations=(EducationRecord(Programme.EUD, D(2017, 8, 1), D(2020, 6, 1)),),
        educations_known_until=D(2025, 9, 30),
    )
    young_unknown = Youth("y", D(2005, 3, 3), employments_known_until=D(2025, 9, 30))
    youths = [unknown, known_graduate, young_unknown]
    t = tables(youths)
    rows = eligibility_rows(youths, OCT_1)
    assert rows["y"]["outreach_required"] is None  # nothing recorded, records end before
    same_eligibility(youths, OCT_1)
    completion = frames.completion_rate(t.people, t.educations, OCT_1)
    assert (completion.numerator, completion.denominator, completion.undecided) == (1, 1, 1)
    assert completion == completion_rate(youths, OCT_1)
    neet = frames.neet_share(t.people, t.educations, t.employments, OCT_1, ages=(15, 25))
    assert (neet.numerator, neet.denominator, neet.undecided) == (0, 1, 2)
    assert neet == neet_share(youths, OCT_1, ages=(15, 25))


def test_guidance_on_2025_10_01_ends_outreach_and_guidance_ended_that_day_does_not() -> None:
    guided = Youth(
        "g",
        D(2004, 5, 5),
        guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(D(2025, 1, 1))),),
    )
    ended = Youth(
        "e",
        D(2004, 5, 5),
        guided_elsewhere=(
            ExternalGuidance(Authority.SOCIAL_SERVICES, Period(D(2025, 1, 1), OCT_1)),
            ExternalGuidance(Authority.OTHER, Period(D(2025, 10, 2))),
        ),
    )
    rows = eligibility_rows([guided, ended], OCT_1)
    assert rows["g"]["outreach_required"] is False
    assert rows["e"]["outreach_required"] is True
    same_eligibility([guided, ended], OCT_1)
    # Without a guidance table nobody is guided.
    t = tables([guided])
    out = frames.eligibility(t.people, t.educations, t.employments, OCT_1)
    assert out["outreach_required"].to_list() == [True]


def test_enrolment_and_exits_follow_the_policy_on_2025_10_01() -> None:
    youth = Youth(
        "s",
        D(2004, 5, 5),
        educations=(
            EducationRecord(Programme.STU, D(2020, 8, 1), D(2023, 6, 1)),
            EducationRecord(Programme.FGU, D(2024, 8, 1)),
        ),
    )
    literal = attrs.evolve(
        DEFAULT_POLICY,
        enrolment_programmes=frozenset({Programme.STX}),
        outreach_programmes=frozenset(),
        target_group_exit=frozenset({Programme.STU}),
        min_age=16,
        age_limit=30,
    )
    for policy in (DEFAULT_POLICY, literal):
        same_eligibility([youth], OCT_1, policy)
    assert eligibility_rows([youth], OCT_1, literal)["s"]["in_target_group"] is False


def test_the_programmes_argument_on_2025_10_01() -> None:
    stu = Youth(
        "stu", D(2000, 10, 1), educations=(EducationRecord(Programme.STU, D(2016, 8, 1), OCT_1),)
    )
    t = tables([stu])
    national = YOUTH_EDUCATIONS | {Programme.HIGHER}
    assert frames.completion_rate(t.people, t.educations, OCT_1) == Rate(0, 1)
    assert frames.completion_rate(t.people, t.educations, OCT_1, programmes=national) == Rate(1, 1)
    neet = frames.neet_share(t.people, t.educations, t.employments, OCT_1, (15, 25))
    assert neet == neet_share([stu], OCT_1, (15, 25)) == Rate(0, 1)
    only_stx = frozenset({Programme.STX})
    got = frames.neet_share(
        t.people, t.educations, t.employments, OCT_1, (15, 25), programmes=only_stx
    )
    assert got == neet_share([stu], OCT_1, (15, 25), programmes=only_stx) == Rate(1, 1)


def test_a_policy_timeline_is_read_on_2025_10_01() -> None:
    youth = Youth("w", D(2004, 5, 5), employments=(job(D(2024, 1, 1), 25),))
    timeline = PolicyTimeline(
        DEFAULT_POLICY, {D(2025, 10, 1): attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)}
    )
    t = tables([youth])
    out = frames.eligibility(t.people, t.educations, t.employments, OCT_1, timeline)
    assert out["outreach_required"].to_list() == [True]
    before = frames.eligibility(t.people, t.educations, t.employments, D(2025, 9, 30), timeline)
    assert before["outreach_required"].to_list() == [False]
    assert frames.neet_share(
        t.people, t.educations, t.employments, OCT_1, policy=timeline
    ) == neet_share([youth], OCT_1, policy=timeline)


# --------------------------------------------------------------------------------------------
# Shapes: empty tables, lazy frames, groups


def test_empty_tables() -> None:
    t = tables([])
    out = frames.eligibility(t.people, t.educations, t.employments, OCT_1, guidance=t.guidance)
    assert out.shape == (0, 6)
    assert out.schema == pl.Schema(
        {
            "person_id": pl.String,
            "age": pl.Int64,
            "in_target_group": pl.Boolean,
            "enrolled": pl.Boolean,
            "outreach_required": pl.Boolean,
            "eligible_until": pl.Date,
        }
    )
    assert frames.completion_rate(t.people, t.educations, OCT_1) == Rate(0, 0)
    assert frames.neet_share(t.people, t.educations, t.employments, OCT_1) == Rate(0, 0)
    by = frames.completion_rate(t.people, t.educations, OCT_1, by="municipality_code")
    assert isinstance(by, Breakdown)
    assert len(by) == 0
    for backend in ("pandas", "pyarrow"):
        t = tables([], backend)
        assert frames.neet_share(t.people, t.educations, t.employments, OCT_1) == Rate(0, 0)


def test_lazy_in_lazy_out() -> None:
    youth = Youth("a", D(2004, 5, 5))
    t = tables([youth])
    out = frames.eligibility(
        t.people.lazy(), t.educations.lazy(), t.employments.lazy(), OCT_1, guidance=t.guidance
    )
    assert isinstance(out, pl.LazyFrame)
    assert out.collect()["person_id"].to_list() == ["a"]


def test_a_null_group_key_is_the_none_group() -> None:
    youths = [
        Youth(f"p{i}", D(2000, 10, 1), municipality_code=None if i % 2 else "101")
        for i in range(20)
    ]
    t = tables(youths)
    got = frames.completion_rate(t.people, t.educations, OCT_1, by="municipality_code")
    assert isinstance(got, Breakdown)
    assert set(got) == {None, "101"}
    assert got == completion_rate(youths, OCT_1, by="municipality")
    assert got.stamp == completion_rate(youths, OCT_1, by="municipality").stamp
    neet = frames.neet_share(
        t.people, t.educations, t.employments, OCT_1, (15, 25), by="municipality_code"
    )
    assert neet == neet_share(youths, OCT_1, (15, 25), by="municipality")


def test_any_column_of_people_groups() -> None:
    people = pl.DataFrame(
        {
            "person_id": ["a", "b", "c"],
            "birth_date": [D(2000, 10, 1)] * 3,
            "region": [1, 2, None],
        }
    )
    educations = tables([]).educations
    got = frames.completion_rate(people, educations, OCT_1, by="region")
    assert isinstance(got, Breakdown)
    assert list(got) == [1, 2, None]
    assert all(type(k) is int for k in got if k is not None)


def test_pandas_group_keys_are_python_values() -> None:
    people = pd.DataFrame(
        {
            "person_id": ["a", "b", "c"],
            "birth_date": pd.Series([D(2000, 10, 1)] * 3, dtype="date32[pyarrow]"),
            "region": [1, 2, 2],
        }
    )
    educations = tables([], "pandas").educations
    got = frames.completion_rate(people, educations, OCT_1, by="region")
    assert isinstance(got, Breakdown)
    assert [type(k) for k in got] == [int, int]


# --------------------------------------------------------------------------------------------
# Validation: every error names the table and column, counts rows, and shows no value

SECRET = "0101001234"  # shaped like a CPR number: must never be shown
PEOPLE = {"person_id": ["a"], "birth_date": [D(2004, 5, 5)]}
EDUCATION = {
    "person_id": ["a"],
    "programme": ["stx"],
    "started_on": [D(2020, 8, 1)],
    "completed_on": [None],
    "left_on": [None],
}
EMPLOYMENT = {
    "person_id": ["a"],
    "start": [D(2021, 1, 1)],
    "end": [None],
    "hours_per_week": [10.0],
}
GUIDANCE = {"person_id": ["a"], "authority": ["jobcentre"], "start": [D(2022, 1, 1)], "end": [None]}
SCHEMAS = {
    "people": {
        "person_id": pl.String,
        "birth_date": pl.Date,
        "municipality_code": pl.String,
        "educations_known_until": pl.Date,
        "employments_known_until": pl.Date,
    },
    "educations": {
        "person_id": pl.String,
        "programme": pl.String,
        "started_on": pl.Date,
        "completed_on": pl.Date,
        "left_on": pl.Date,
    },
    "employments": {
        "person_id": pl.String,
        "start": pl.Date,
        "end": pl.Date,
        "hours_per_week": pl.Float64,
    },
    "guidance": {"person_id": pl.String, "authority": pl.String, "start": pl.Date, "end": pl.Date},
}


def frame(table: str, data: dict[str, list[Any]]) -> pl.DataFrame:
    schema = {name: dtype for name, dtype in SCHEMAS[table].items() if name in data}
    extra = {name: None for name in data if name not in schema}
    return pl.DataFrame(data, schema={**schema, **extra})


def run_all(
    people: dict[str, list[Any]] = PEOPLE,
    educations: dict[str, list[Any]] = EDUCATION,
    employments: dict[str, list[Any]] = EMPLOYMENT,
    guidance: dict[str, list[Any]] = GUIDANCE,
) -> list[DataError]:
    """Every function on the tables: the DataError each raises (each reading the bad table
    must raise)."""
    p = frame("people", people)
    e = frame("educations", educations)
    j = frame("employments", employments)
    g = frame("guidance", guidance)
    calls = [
        lambda: frames.eligibility(p, e, j, OCT_1, guidance=g),
        lambda: frames.completion_rate(p, e, OCT_1),
        lambda: frames.neet_share(p, e, j, OCT_1),
        lambda: frames.measure(p, e, j, OCT_1, guidance=g),
    ]
    errors = []
    for call in calls:
        try:
            call()
        except DataError as error:
            errors.append(error)
    return errors


def check_error(error: DataError, path: str, reason: str, *secrets: str) -> None:
    assert error.path == path
    assert reason in error.reason
    for secret in (SECRET, *secrets):
        assert secret not in str(error)
        assert all(secret not in p + r for p, r in error.errors)


def with_(data: dict[str, list[Any]], **changes: Any) -> dict[str, list[Any]]:
    return {**data, **{name: list(value) for name, value in changes.items()}}


@pytest.mark.parametrize(
    ("people", "path", "reason"),
    [
        (with_(PEOPLE, person_id=[None]), "people.person_id", "1 row null"),
        (with_(PEOPLE, person_id=[""]), "people.person_id", "1 row empty or blank"),
        (with_(PEOPLE, birth_date=[None]), "people.birth_date", "1 row null"),
        (with_(PEOPLE, birth_date=[D(1857, 12, 31)]), "people.birth_date", "supported calendar"),
        (with_(PEOPLE, birth_date=[D(2300, 1, 1)]), "people.birth_date", "supported calendar"),
        (
            with_(PEOPLE, municipality_code=[""]),
            "people.municipality_code",
            "1 row empty or blank",
        ),
        (with_(PEOPLE, person_id=["  "]), "people.person_id", "1 row empty or blank"),
        (
            with_(PEOPLE, municipality_code=["\u3000\t"]),
            "people.municipality_code",
            "1 row empty or blank",
        ),
        (
            {"person_id": [SECRET, SECRET, "b"], "birth_date": [D(2004, 5, 5)] * 3},
            "people.person_id",
            "1 row repeat a person_id",
        ),
        (
            {"person_id": [None, None, "b", "b"], "birth_date": [D(2004, 5, 5)] * 4},
            "people.person_id",
            "2 rows null",
        ),
    ],
)
def test_bad_people(people: dict[str, list[Any]], path: str, reason: str) -> None:
    errors = run_all(people=people)
    assert len(errors) == 4
    for error in errors:
        check_error(error, path, reason)


def test_repeated_and_null_person_ids_are_both_reported() -> None:
    people = {"person_id": [None, None, "b", "b"], "birth_date": [D(2004, 5, 5)] * 4}
    (error, *_) = run_all(people=people)
    assert error.errors == (
        ("people.person_id", "2 rows null"),
        ("people.person_id", "1 row repeat a person_id"),
    )


@pytest.mark.parametrize(
    ("educations", "path", "reason"),
    [
        (with_(EDUCATION, person_id=[None]), "educations.person_id", "1 row null"),
        (with_(EDUCATION, programme=[None]), "educations.programme", "1 row null"),
        (with_(EDUCATION, programme=["gymnasium-" + SECRET]), "educations.programme", "Programme"),
        (with_(EDUCATION, started_on=[None]), "educations.started_on", "1 row null"),
        (
            with_(EDUCATION, completed_on=[D(2020, 7, 31)]),
            "educations.completed_on",
            "before started_on",
        ),
        (with_(EDUCATION, left_on=[D(2020, 7, 31)]), "educations.left_on", "before started_on"),
        (
            with_(EDUCATION, completed_on=[D(2023, 6, 1)], left_on=[D(2023, 6, 1)]),
            "educations.left_on",
            "completed or left",
        ),
        (
            with_(EDUCATION, programme=["fgu"], started_on=[D(2019, 7, 31)]),
            "educations.started_on",
            "Programme.dates",
        ),
        (
            with_(EDUCATION, programme=["epx"], started_on=[D(2029, 12, 31)]),
            "educations.started_on",
            "Programme.dates",
        ),
        (with_(EDUCATION, person_id=[SECRET]), "educations.person_id", "not in people"),
        (with_(EDUCATION, started_on=[D(2004, 5, 4)]), "educations.started_on", "birth_date"),
        (
            with_(EDUCATION, started_on=[D(2300, 1, 1)]),
            "educations.started_on",
            "supported calendar",
        ),
    ],
)
def test_bad_educations(educations: dict[str, list[Any]], path: str, reason: str) -> None:
    errors = run_all(educations=educations)
    assert len(errors) == 4
    for error in errors:
        check_error(error, path, reason, "gymnasium")


@pytest.mark.parametrize(
    ("employments", "path", "reason"),
    [
        (with_(EMPLOYMENT, person_id=[None]), "employments.person_id", "1 row null"),
        (with_(EMPLOYMENT, start=[None]), "employments.start", "1 row null"),
        (with_(EMPLOYMENT, hours_per_week=[None]), "employments.hours_per_week", "1 row null"),
        (with_(EMPLOYMENT, hours_per_week=[float("nan")]), "employments.hours_per_week", "NaN"),
        (with_(EMPLOYMENT, hours_per_week=[-0.5]), "employments.hours_per_week", "0 to 168"),
        (with_(EMPLOYMENT, hours_per_week=[168.5]), "employments.hours_per_week", "0 to 168"),
        (with_(EMPLOYMENT, end=[D(2020, 12, 31)]), "employments.end", "before start"),
        (with_(EMPLOYMENT, person_id=[SECRET]), "employments.person_id", "not in people"),
        (with_(EMPLOYMENT, start=[D(2004, 5, 4)]), "employments.start", "birth_date"),
    ],
)
def test_bad_employments(employments: dict[str, list[Any]], path: str, reason: str) -> None:
    errors = run_all(employments=employments)
    assert len(errors) == 3  # completion_rate does not read employments
    for error in errors:
        check_error(error, path, reason)


def test_the_detailed_checks_pass_good_tables() -> None:
    # They run only where the rules' query finds something wrong; on good tables they agree.
    from kui_core.frames import _read

    t = tables([Youth("a", D(2004, 5, 5), employments=(job(D(2021, 1, 1), 10),))])
    read = _read(
        t.people,
        {name: (getattr(t, name), {}, None) for name in ("educations", "employments", "guidance")},
    )
    read.check_in_detail()


def test_integer_hours_are_numbers_too() -> None:
    people = frame("people", PEOPLE)
    jobs = frame("employments", EMPLOYMENT).with_columns(pl.col("hours_per_week").cast(pl.Int16))
    e = frame("educations", EDUCATION)
    assert frames.neet_share(people, e, jobs, OCT_1) == Rate(0, 1)
    bad = jobs.with_columns(pl.lit(169, pl.Int16).alias("hours_per_week"))
    with pytest.raises(DataError, match=r"employments.hours_per_week: 1 row outside 0 to 168"):
        frames.neet_share(people, e, bad, OCT_1)


@pytest.mark.parametrize(
    ("guidance", "path", "reason"),
    [
        (with_(GUIDANCE, authority=["police-" + SECRET]), "guidance.authority", "Authority"),
        (with_(GUIDANCE, authority=[None]), "guidance.authority", "1 row null"),
        (with_(GUIDANCE, end=[D(2021, 1, 1)]), "guidance.end", "before start"),
        (with_(GUIDANCE, person_id=[SECRET]), "guidance.person_id", "not in people"),
        (with_(GUIDANCE, start=[D(2004, 5, 4)]), "guidance.start", "birth_date"),
    ],
)
def test_bad_guidance(guidance: dict[str, list[Any]], path: str, reason: str) -> None:
    errors = run_all(guidance=guidance)
    assert len(errors) == 2  # only eligibility and measure read guidance
    for error in errors:
        check_error(error, path, reason, "police")


def test_several_bad_rows_are_counted_and_all_problems_listed() -> None:
    educations = {
        "person_id": ["a", "a", "zz"],
        "programme": ["nope", "nope", "stx"],
        "started_on": [D(2020, 8, 1)] * 3,
        "completed_on": [None] * 3,
        "left_on": [None] * 3,
    }
    (error, *_) = run_all(educations=educations)
    assert error.errors == (
        ("educations.programme", "2 rows not a Programme value"),
        ("educations.person_id", "1 row of a person not in people"),
    )
    assert "(and 1 more problem)" in str(error)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("people", "person_id"),
        ("people", "birth_date"),
        ("educations", "programme"),
        ("employments", "hours_per_week"),
        ("guidance", "authority"),
    ],
)
def test_a_missing_column(table: str, column: str) -> None:
    data = {"people": PEOPLE, "educations": EDUCATION, "employments": EMPLOYMENT}
    data["guidance"] = GUIDANCE
    changed = {name: dict(value) for name, value in data.items()}
    del changed[table][column]
    errors = run_all(**changed)
    assert errors
    for error in errors:
        assert (error.path, error.reason) == (f"{table}.{column}", "missing column")


def test_a_datetime_column_is_refused_with_a_hint() -> None:
    people = frame("people", PEOPLE).with_columns(pl.col("birth_date").cast(pl.Datetime))
    t = tables([])
    with pytest.raises(DataError) as caught:
        frames.completion_rate(people, t.educations, OCT_1)
    check_error(caught.value, "people.birth_date", "expected Date, got Datetime")
    assert ".dt.date()" in caught.value.reason
    assert "date32[pyarrow]" in caught.value.reason


@pytest.mark.parametrize(
    ("table", "column", "dtype", "wanted"),
    [
        ("people", "person_id", pl.Float64, "expected String or an integer dtype, got Float64"),
        ("educations", "completed_on", pl.String, "expected Date, got String"),
        ("employments", "hours_per_week", pl.String, "expected a numeric dtype, got String"),
        ("people", "municipality_code", pl.Int32, "expected String, got Int32"),
    ],
)
def test_a_wrong_dtype(table: str, column: str, dtype: Any, wanted: str) -> None:
    data = {"people": PEOPLE, "educations": EDUCATION, "employments": EMPLOYMENT}
    natives = {name: frame(name, value) for name, value in data.items()}
    if column not in natives[table].columns:
        natives[table] = natives[table].with_columns(pl.lit(None).alias(column))
    natives[table] = natives[table].with_columns(pl.col(column).cast(dtype, strict=False))
    with pytest.raises(DataError) as caught:
        frames.neet_share(natives["people"], natives["educations"], natives["employments"], OCT_1)
    check_error(caught.value, f"{table}.{column}", wanted)


def test_frames_of_different_engines_are_refused() -> None:
    t = tables([])
    with pytest.raises(
        DataError, match="educations: expected a frame of the same engine as people"
    ):
        frames.completion_rate(t.people, t.educations.to_pandas(), OCT_1)


def test_something_that_is_not_a_frame_is_refused() -> None:
    t = tables([])
    with pytest.raises(DataError, match="people: expected a dataframe, got list"):
        frames.completion_rate([], t.educations, OCT_1)


@pytest.mark.parametrize("by", ["municipality", "nope", 3])
def test_an_unknown_by_column_is_refused(by: Any) -> None:
    t = tables([])
    with pytest.raises(DataError) as caught:
        frames.completion_rate(t.people, t.educations, OCT_1, by=by)
    assert caught.value.path == "by"


def test_arguments_are_checked_as_the_metrics_check_them() -> None:
    t = tables([])
    p, e, j = t.people, t.educations, t.employments
    with pytest.raises(DataError, match=r"^on: expected a date"):
        frames.eligibility(p, e, j, _dt.datetime(2025, 10, 1))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^age:"):
        frames.completion_rate(p, e, OCT_1, age=-1)
    for ages in [(15,), [15, 24], (16, 15)]:
        with pytest.raises(DataError, match=r"^ages"):
            frames.neet_share(p, e, j, OCT_1, ages=ages)  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^ages\[1\]"):
        frames.neet_share(p, e, j, OCT_1, ages=(15, 151))
    with pytest.raises(DataError, match=r"^programmes: expected a frozenset of Programme"):
        frames.completion_rate(p, e, OCT_1, programmes=frozenset({"stx"}))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^policy"):
        frames.completion_rate(p, e, OCT_1, policy="strict")  # type: ignore[arg-type]


def test_tables_from_youths_refuses_other_values_and_unknown_backends() -> None:
    with pytest.raises(DataError, match=r"^youths\[1\]: expected Youth, got str"):
        frames.tables_from_youths([Youth("a", D(2004, 5, 5)), "b"])  # type: ignore[list-item]
    with pytest.raises(DataError, match=r"^backend: expected an installed eager backend"):
        frames.tables_from_youths([], "spark")


def test_tables_from_youths_holds_exactly_the_records() -> None:
    youth = Youth(
        "a",
        D(2004, 5, 5),
        educations=(EducationRecord(Programme.EUD, D(2020, 8, 1), left_on=D(2021, 1, 1)),),
        employments=(job(D(2022, 1, 1), 12.5, D(2023, 1, 1)),),
        guided_elsewhere=(ExternalGuidance(Authority.OTHER, Period(D(2022, 1, 1))),),
        municipality_code="561",
        educations_known_until=D(2025, 1, 1),
    )
    t = tables([youth], "pyarrow")
    assert isinstance(t.people, pa.Table)
    assert t.people.to_pylist() == [
        {
            "person_id": "a",
            "birth_date": D(2004, 5, 5),
            "municipality_code": "561",
            "educations_known_until": D(2025, 1, 1),
            "employments_known_until": None,
        }
    ]
    assert t.educations.to_pylist() == [
        {
            "person_id": "a",
            "programme": "eud",
            "started_on": D(2020, 8, 1),
            "completed_on": None,
            "left_on": D(2021, 1, 1),
        }
    ]
    assert t.employments.to_pylist() == [
        {"person_id": "a", "start": D(2022, 1, 1), "end": D(2023, 1, 1), "hours_per_week": 12.5}
    ]
    assert t.guidance.to_pylist() == [
        {"person_id": "a", "authority": "other", "start": D(2022, 1, 1), "end": None}
    ]


# --------------------------------------------------------------------------------------------
# measure: the three answers from one pass


def natives(youths: Sequence[Youth], engine: str) -> tuple[Any, Any, Any, Any]:
    if engine == "duckdb":
        t = tables(youths, "pyarrow")
        con = duckdb.connect()
        return tuple(con.from_arrow(x) for x in (t.people, t.educations, t.employments, t.guidance))  # type: ignore[return-value]
    t = tables(youths, engine)
    return t.people, t.educations, t.employments, t.guidance


def sorted_rows(native: Any) -> list[dict[str, Any]]:
    frame = nw.from_native(native)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    return sorted(frame.rows(named=True), key=lambda row: str(row["person_id"]))


def same_result(got: Rate | Breakdown, want: Rate | Breakdown) -> None:
    assert type(got) is type(want)
    assert got == want
    assert repr(got) == repr(want)
    assert got.stamp == want.stamp


programme_sets = st.frozensets(st.sampled_from(list(Programme)))


@pytest.mark.parametrize(("engine", "examples"), [("polars", 12), ("pandas", 3), ("duckdb", 3)])
def test_measure_gives_exactly_the_three_separate_answers(engine: str, examples: int) -> None:
    @settings(max_examples=examples)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        on = data.draw(reference_days(), "on")
        policy = data.draw(policies(), "policy")
        youths = data.draw(cohorts(on, max_size=12), "youths")
        by = data.draw(st.sampled_from([None, "municipality_code"]), "by")
        age = data.draw(st.integers(15, 30), "completion_age")
        youngest = data.draw(st.integers(14, 20), "youngest")
        ages = (youngest, youngest + data.draw(st.integers(0, 10), "span"))
        completed = data.draw(st.sampled_from([COMPLETION_PROGRAMMES]) | programme_sets)
        neet_counted = data.draw(st.sampled_from([NEET_PROGRAMMES]) | programme_sets)
        guided = data.draw(st.booleans(), "guidance")
        p, e, j, g = natives(youths, engine)
        g = g if guided else None
        got = frames.measure(
            p,
            e,
            j,
            on,
            policy,
            guidance=g,
            completion_age=age,
            neet_ages=ages,
            by=by,
            completion_programmes=completed,
            neet_programmes=neet_counted,
        )
        assert sorted_rows(got.eligibility) == sorted_rows(
            frames.eligibility(p, e, j, on, policy, guidance=g)
        )
        same_result(
            got.completion,
            frames.completion_rate(p, e, on, age, policy, by, programmes=completed),
        )
        same_result(
            got.neet, frames.neet_share(p, e, j, on, ages, policy, by, programmes=neet_counted)
        )

    check()


def test_measure_on_lazy_frames_returns_a_lazy_eligibility_2025_10_01() -> None:
    youths = [
        Youth("a", D(2004, 5, 5)),
        Youth("b", D(2000, 10, 1), municipality_code="101"),
        Youth("c", D(2009, 1, 1), employments=(job(D(2025, 1, 1), 25.0),)),
    ]
    t = tables(youths)
    lazy = [x.lazy() for x in (t.people, t.educations, t.employments, t.guidance)]
    got = frames.measure(*lazy[:3], OCT_1, guidance=lazy[3], by="municipality_code")
    assert isinstance(got.eligibility, pl.LazyFrame)
    assert sorted_rows(got.eligibility) == sorted_rows(
        frames.eligibility(t.people, t.educations, t.employments, OCT_1, guidance=t.guidance)
    )
    assert got.completion == completion_rate(youths, OCT_1, by="municipality")
    assert got.neet == neet_share(youths, OCT_1, by="municipality")
    eager = frames.measure(t.people, t.educations, t.employments, OCT_1)
    assert isinstance(eager.eligibility, pl.DataFrame)
    assert eager.neet == neet_share(youths, OCT_1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        eager.neet = eager.completion  # type: ignore[misc]


def test_bad_lazy_tables_are_refused_by_measure() -> None:
    people = frame("people", with_(PEOPLE, person_id=[None])).lazy()
    e, j = frame("educations", EDUCATION).lazy(), frame("employments", EMPLOYMENT).lazy()
    with pytest.raises(DataError) as caught:
        frames.measure(people, e, j, OCT_1)
    check_error(caught.value, "people.person_id", "1 row null")


def integer_ids(native: pl.DataFrame, ids: dict[str, int], dtype: Any = pl.Int64) -> pl.DataFrame:
    return native.with_columns(pl.col("person_id").replace_strict(ids, return_dtype=dtype))


@pytest.mark.parametrize("dtype", [pl.Int64, pl.UInt32])  # UInt32: above Int32's range
def test_integer_person_ids_give_the_same_answers_2025_10_01(dtype: Any) -> None:
    youths = [
        Youth(f"p{i}", D(1998 + i % 12, 1 + i % 12, 1 + i % 28), municipality_code=str(i % 3))
        for i in range(30)
    ] + [Youth("w", D(2008, 2, 29), employments=(job(D(2025, 1, 1), 30.0),))]
    ids = {y.person_id: 4_000_000_000 + i for i, y in enumerate(youths)}
    t = tables(youths)
    p, e, j, g = (
        integer_ids(x, ids, dtype) for x in (t.people, t.educations, t.employments, t.guidance)
    )
    assert p["person_id"].dtype == dtype
    got = frames.measure(p, e, j, OCT_1, guidance=g, by="municipality_code")
    want = frames.measure(
        t.people, t.educations, t.employments, OCT_1, guidance=t.guidance, by="municipality_code"
    )
    back = {number: name for name, number in ids.items()}
    rows = sorted_rows(got.eligibility)
    renamed = [{**row, "person_id": back[row["person_id"]]} for row in rows]
    assert sorted(renamed, key=lambda row: row["person_id"]) == sorted_rows(want.eligibility)
    assert got.completion == want.completion
    assert got.neet == want.neet
    arrow = {"use_pyarrow_extension_array": True}
    on_pandas = frames.completion_rate(p.to_pandas(**arrow), e.to_pandas(**arrow), OCT_1)
    assert on_pandas == completion_rate(youths, OCT_1)


def test_integer_person_ids_are_checked_2025_10_01() -> None:
    people = pl.DataFrame(
        {"person_id": [1, 1, None], "birth_date": [D(2004, 5, 5)] * 3},
        schema_overrides={"person_id": pl.Int64},
    )
    educations = integer_ids(frame("educations", EDUCATION), {EDUCATION["person_id"][0]: 7})
    with pytest.raises(DataError) as caught:
        frames.completion_rate(people, educations, OCT_1)
    assert caught.value.errors == (
        ("people.person_id", "1 row null"),
        ("people.person_id", "1 row repeat a person_id"),
    )


@pytest.mark.parametrize("table", ["educations", "employments", "guidance"])
def test_a_mix_of_integer_and_string_person_ids_is_refused(table: str) -> None:
    youths = [Youth("a", D(2004, 5, 5))]
    t = tables(youths)
    natives_ = {
        "people": integer_ids(t.people, {"a": 1}),
        "educations": integer_ids(t.educations, {"a": 1}),
        "employments": integer_ids(t.employments, {"a": 1}),
        "guidance": integer_ids(t.guidance, {"a": 1}),
    }
    natives_[table] = getattr(t, table)
    with pytest.raises(DataError) as caught:
        frames.measure(
            natives_["people"],
            natives_["educations"],
            natives_["employments"],
            OCT_1,
            guidance=natives_["guidance"],
        )
    check_error(
        caught.value,
        f"{table}.person_id",
        "expected the dtype of people.person_id (Int64), got String",
    )


# --------------------------------------------------------------------------------------------
# The optional extra stays optional


def test_import_kui_core_imports_no_dataframe_library() -> None:
    code = (
        "import sys, kui_core\n"
        "bad = [m for m in ('narwhals', 'polars', 'pandas', 'pyarrow', 'duckdb', 'dask', 'numpy')"
        " if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_blank_is_what_python_strips_on_every_engine() -> None:
    """An id of only whitespace is refused as Youth refuses it (``not value.strip()``), with
    exactly Python's whitespace on every engine: polars, pandas, pyarrow and DuckDB."""
    whitespace = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert frozenset(frames._WHITESPACE) == frozenset(whitespace)
    ids = ["\x1c\u3000 \x85", "a\u3000"]  # blank; not blank
    people = pl.DataFrame({"person_id": ids, "birth_date": [D(2004, 5, 5)] * 2})
    educations = pl.DataFrame(
        {"person_id": ["a\u3000"], "programme": ["stx"], "started_on": [D(2020, 8, 1)]},
        schema_overrides={"person_id": pl.String},
    ).with_columns(completed_on=pl.lit(None, pl.Date), left_on=pl.lit(None, pl.Date))
    natives = {
        "polars": (people, educations),
        "pandas": tuple(
            f.to_pandas().astype({c: "date32[pyarrow]" for c in f.columns if f[c].dtype == pl.Date})
            for f in (people, educations)
        ),
        "pyarrow": (people.to_arrow(), educations.to_arrow()),
        "duckdb": (duckdb.from_arrow(people.to_arrow()), duckdb.from_arrow(educations.to_arrow())),
    }
    for engine, (p, e) in natives.items():
        with pytest.raises(DataError) as caught:
            frames.completion_rate(p, e, D(2026, 10, 1))
        assert caught.value.path == "people.person_id", engine
        assert "1 row empty or blank" in caught.value.reason, engine
