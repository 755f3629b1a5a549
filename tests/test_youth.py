"""The young person: validation, care periods and weekly hours."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from kui_core import CprNumber, DataError, EducationRecord, Employment, Period, Programme, Youth
from kui_core.strategies import reference_days, youths

BORN = dt.date(2004, 2, 29)


def test_a_minimal_youth() -> None:
    youth = Youth("y-1", BORN)
    assert youth.educations == ()
    assert youth.employments == ()
    assert youth.in_care == ()
    assert youth.cpr is None
    assert youth.municipality_code is None
    assert youth.weekly_hours_on(dt.date(2025, 1, 1)) == 0
    assert not youth.in_care_on(dt.date(2025, 1, 1))


def test_a_full_youth() -> None:
    youth = Youth(
        person_id="y-2",
        birth_date=BORN,
        educations=(EducationRecord(Programme.FGU, dt.date(2021, 8, 1)),),
        employments=(Employment(Period(dt.date(2024, 1, 1)), 12),),
        in_care=(Period(dt.date(2015, 1, 1), dt.date(2022, 2, 28)),),
        cpr=CprNumber("290204-4321"),
        municipality_code="561",
    )
    assert youth.cpr is not None
    assert youth.cpr.birth_date == BORN


def test_in_care_on_follows_the_half_open_periods() -> None:
    """In care 2015-01-01 up to 2022-02-28 (exclusive) and again from 2023-01-01."""
    youth = Youth(
        "y-3",
        BORN,
        in_care=(Period(dt.date(2015, 1, 1), dt.date(2022, 2, 28)), Period(dt.date(2023, 1, 1))),
    )
    assert youth.in_care_on(dt.date(2022, 2, 27))
    assert not youth.in_care_on(dt.date(2022, 2, 28))
    assert not youth.in_care_on(dt.date(2022, 12, 31))
    assert youth.in_care_on(dt.date(2030, 1, 1))


def test_weekly_hours_add_up_over_running_employments() -> None:
    """10 h + 10 h from 2025-01-01, the second job ending 2025-03-01: 20 h, then 10 h."""
    youth = Youth(
        "y-4",
        BORN,
        employments=(
            Employment(Period(dt.date(2025, 1, 1)), 10),
            Employment(Period(dt.date(2025, 1, 1), dt.date(2025, 3, 1)), 10.0),
            Employment(Period(dt.date(2026, 1, 1)), 30),
        ),
    )
    assert youth.weekly_hours_on(dt.date(2025, 2, 28)) == 20
    assert youth.weekly_hours_on(dt.date(2025, 3, 1)) == 10
    assert youth.weekly_hours_on(dt.date(2024, 12, 31)) == 0


@given(youths(), reference_days())
def test_weekly_hours_and_care_agree_with_their_parts(youth: Youth, day: dt.date) -> None:
    expected = sum(job.hours_per_week for job in youth.employments if job.active_on(day))
    assert youth.weekly_hours_on(day) == expected
    assert youth.in_care_on(day) == any(p.contains(day) for p in youth.in_care)


def test_cpr_with_another_birth_date_is_a_data_error() -> None:
    with pytest.raises(DataError) as caught:
        Youth("y-5", dt.date(2004, 3, 1), cpr=CprNumber("290204-4321"))
    assert caught.value.path == "Youth.cpr"
    assert "does not match" in caught.value.reason


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"person_id": ""}, "Youth.person_id"),
        ({"person_id": "   "}, "Youth.person_id"),
        ({"person_id": 17}, "Youth.person_id"),
        ({"birth_date": "2004-02-29"}, "Youth.birth_date"),
        ({"birth_date": dt.datetime(2004, 2, 29)}, "Youth.birth_date"),
        ({"educations": [EducationRecord(Programme.STX, BORN)]}, "Youth.educations"),
        (
            {"educations": (EducationRecord(Programme.STX, BORN), "stx")},
            "Youth.educations[1]",
        ),
        ({"employments": (None,)}, "Youth.employments[0]"),
        ({"in_care": (dt.date(2010, 1, 1),)}, "Youth.in_care[0]"),
        ({"cpr": "290204-4321"}, "Youth.cpr"),
        ({"municipality_code": ""}, "Youth.municipality_code"),
        ({"municipality_code": 561}, "Youth.municipality_code"),
    ],
)
def test_bad_fields_are_data_errors_naming_the_field(kwargs: dict[str, object], path: str) -> None:
    values: dict[str, object] = {"person_id": "y-6", "birth_date": BORN}
    values.update(kwargs)
    with pytest.raises(DataError) as caught:
        Youth(**values)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert str(caught.value).startswith(path + ": ")
