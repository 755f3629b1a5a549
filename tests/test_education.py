"""Programmes (qualifying, youth education, track), education records and employment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DataError, EducationRecord, Employment, Period, Programme, Track
from kui_core.education import QUALIFYING, YOUTH_EDUCATIONS
from kui_core.strategies import education_records, employments, reference_days

ONE = dt.timedelta(days=1)

# Programme: (qualifying, youth education, track) per DESIGN §6.
TABLE = {
    Programme.STX: (True, True, Track.GYMNASIAL),
    Programme.HHX: (True, True, Track.GYMNASIAL),
    Programme.HTX: (True, True, Track.GYMNASIAL),
    Programme.HF: (True, True, Track.GYMNASIAL),
    Programme.IB: (True, True, Track.GYMNASIAL),
    Programme.EUX: (True, True, Track.VOCATIONAL),
    Programme.EUD: (True, True, Track.VOCATIONAL),
    Programme.HIGHER: (True, False, Track.OTHER),
    Programme.FGU: (False, False, Track.OTHER),
    Programme.TENTH_GRADE: (False, False, Track.OTHER),
    Programme.STU: (False, True, Track.OTHER),
    Programme.OTHER: (False, False, Track.OTHER),
    Programme.PRIMARY_SCHOOL: (False, False, Track.OTHER),  # folkeskole 0.–9. klasse
    Programme.EPX: (True, True, Track.GYMNASIAL),  # agreed 18 Feb 2025: a gymnasial education
}


def test_the_table_covers_every_programme() -> None:
    assert set(TABLE) == set(Programme)


@pytest.mark.parametrize("programme", list(Programme))
def test_programme_properties(programme: Programme) -> None:
    qualifying, youth_education, track = TABLE[programme]
    assert programme.qualifying is qualifying
    assert programme.youth_education is youth_education
    assert programme.track is track
    assert (programme in QUALIFYING) is qualifying
    assert (programme in YOUTH_EDUCATIONS) is youth_education


def test_programme_values_are_stable() -> None:
    assert [p.value for p in Programme] == [
        "stx", "hhx", "htx", "hf", "ib", "eux", "eud", "higher", "fgu", "tenth_grade", "stu",
        "other", "primary_school", "epx",
    ]  # fmt: skip
    assert Programme("tenth_grade") is Programme.TENTH_GRADE


def test_enrolment_is_half_open_up_to_completion() -> None:
    """STX 2022-08-10 to 2025-06-20: enrolled on the 19th, a graduate on the 20th."""
    record = EducationRecord(Programme.STX, dt.date(2022, 8, 10), completed_on=dt.date(2025, 6, 20))
    assert not record.enrolled_on(dt.date(2022, 8, 9))
    assert record.enrolled_on(dt.date(2022, 8, 10))
    assert record.enrolled_on(dt.date(2025, 6, 19))
    assert not record.enrolled_on(dt.date(2025, 6, 20))
    assert not record.completed_by(dt.date(2025, 6, 19))
    assert record.completed_by(dt.date(2025, 6, 20))
    assert record.period == Period(dt.date(2022, 8, 10), dt.date(2025, 6, 20))


def test_dropping_out_ends_enrolment_without_completion() -> None:
    """EUD 2024-08-12, left 2025-01-15: not enrolled from the 15th, never completed."""
    record = EducationRecord(Programme.EUD, dt.date(2024, 8, 12), left_on=dt.date(2025, 1, 15))
    assert record.enrolled_on(dt.date(2025, 1, 14))
    assert not record.enrolled_on(dt.date(2025, 1, 15))
    assert not record.completed_by(dt.date(2030, 1, 1))
    assert record.period.end == dt.date(2025, 1, 15)


def test_ongoing_record_is_open_ended() -> None:
    record = EducationRecord(Programme.HF, dt.date(2024, 8, 12))
    assert record.period.open_ended
    assert record.enrolled_on(dt.date(2040, 1, 1))


@given(education_records(), reference_days())
def test_enrolled_on_is_the_period(record: EducationRecord, day: dt.date) -> None:
    assert record.enrolled_on(day) == record.period.contains(day)
    if record.completed_by(day):
        assert not record.enrolled_on(day)


def test_completed_and_left_together_is_a_data_error() -> None:
    with pytest.raises(DataError) as caught:
        EducationRecord(
            Programme.STX,
            dt.date(2022, 8, 1),
            completed_on=dt.date(2025, 6, 20),
            left_on=dt.date(2024, 1, 1),
        )
    assert caught.value.path == "EducationRecord.left_on"


@pytest.mark.parametrize("field", ["completed_on", "left_on"])
def test_ending_before_the_start_is_a_data_error(field: str) -> None:
    with pytest.raises(DataError) as caught:
        EducationRecord(Programme.STX, dt.date(2022, 8, 1), **{field: dt.date(2022, 7, 31)})
    assert caught.value.path == f"EducationRecord.{field}"
    assert "2022-08-01" in caught.value.reason


def test_ending_on_the_start_day_is_allowed() -> None:
    record = EducationRecord(Programme.FGU, dt.date(2022, 8, 1), left_on=dt.date(2022, 8, 1))
    assert not record.enrolled_on(dt.date(2022, 8, 1))


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"programme": "stx"}, "EducationRecord.programme"),
        ({"started_on": "2022-08-01"}, "EducationRecord.started_on"),
        ({"completed_on": dt.datetime(2025, 6, 20)}, "EducationRecord.completed_on"),
        ({"left_on": 20250620}, "EducationRecord.left_on"),
    ],
)
def test_wrong_types_are_data_errors(kwargs: dict[str, object], path: str) -> None:
    values: dict[str, object] = {"programme": Programme.STX, "started_on": dt.date(2022, 8, 1)}
    values.update(kwargs)
    with pytest.raises(DataError) as caught:
        EducationRecord(**values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_employment_is_active_in_its_period() -> None:
    job = Employment(Period(dt.date(2025, 1, 1), dt.date(2025, 7, 1)), 20)
    assert job.active_on(dt.date(2025, 6, 30))
    assert not job.active_on(dt.date(2025, 7, 1))
    assert not job.active_on(dt.date(2024, 12, 31))


@given(employments(), reference_days())
def test_employment_active_on_is_its_period(job: Employment, day: dt.date) -> None:
    assert job.active_on(day) == job.period.contains(day)


@pytest.mark.parametrize(
    ("hours", "reason"),
    [
        (-0.5, "at least 0"),
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        (True, "expected a number"),
        ("20", "expected a number"),
        (None, "expected a number"),
    ],
)
def test_bad_hours_are_data_errors(hours: object, reason: str) -> None:
    with pytest.raises(DataError) as caught:
        Employment(Period(dt.date(2025, 1, 1)), hours)  # type: ignore[arg-type]
    assert caught.value.path == "Employment.hours_per_week"
    assert reason in caught.value.reason


@given(st.one_of(st.integers(0, 80), st.floats(0, 80)))
def test_any_non_negative_finite_hours_are_accepted(hours: float) -> None:
    assert Employment(Period(dt.date(2025, 1, 1)), hours).hours_per_week == hours


def test_employment_period_must_be_a_period() -> None:
    with pytest.raises(DataError) as caught:
        Employment((dt.date(2025, 1, 1), None), 20)  # type: ignore[arg-type]
    assert caught.value.path == "Employment.period"
