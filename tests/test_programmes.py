"""Dated programmes: FGU and STU from their first day, EPX and the 2030 ends as agreed, not law."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kui_core import DataError, EducationRecord, Programme, Youth, assess_eligibility
from kui_core.education import PROGRAMME_DATES, ProgrammeDates
from kui_core.serialization import dumps, loads
from kui_core.strategies import education_records, reference_days, youths

D = dt.date
AGREED = "eligibility.programme_agreed_change"
BORN = D(2013, 3, 1)


def _codes(record: EducationRecord, on: dt.date, born: dt.date = BORN) -> tuple[str, ...]:
    return assess_eligibility(Youth("y", born, educations=(record,)), on).codes


@pytest.mark.parametrize(
    ("programme", "first"),
    [
        (Programme.FGU, D(2019, 8, 1)),
        (Programme.STU, D(2007, 8, 1)),
        (Programme.EPX, D(2030, 1, 1)),
    ],
)
def test_no_enrolment_starts_the_day_before_a_programme_exists(
    programme: Programme, first: dt.date
) -> None:
    assert programme.dates.earliest_start == first
    assert EducationRecord(programme, first).started_on == first
    with pytest.raises(DataError) as raised:
        EducationRecord(programme, first - dt.timedelta(days=1))
    assert raised.value.path == "EducationRecord.started_on"
    assert first.isoformat() in raised.value.reason


def test_an_fgu_record_from_2018_08_01_is_refused_in_json_with_its_path() -> None:
    good = Youth("y", D(2002, 1, 1), educations=(EducationRecord(Programme.FGU, D(2019, 8, 12)),))
    bad = dumps(good).replace("2019-08-12", "2018-08-01")
    with pytest.raises(DataError) as raised:
        loads(bad, Youth)
    assert "started_on" in raised.value.path
    assert "2019-08-01" in str(raised.value)


def test_an_epx_record_before_2030_is_refused_as_agreed_not_enacted() -> None:
    assert not Programme.EPX.dates.enacted
    with pytest.raises(DataError, match="agreed from 2030"):
        EducationRecord(Programme.EPX, D(2029, 8, 13))


def test_epx_from_2030_08_12_is_a_qualifying_gymnasial_enrolment_reported_as_agreed() -> None:
    epx = EducationRecord(Programme.EPX, D(2030, 8, 12), completed_on=D(2032, 6, 20))
    assert Programme.EPX.qualifying
    assert Programme.EPX.youth_education
    during = _codes(epx, D(2031, 1, 15))
    assert "eligibility.enrolled" in during
    assert AGREED in during
    after = assess_eligibility(Youth("y", D(2013, 3, 1), educations=(epx,)), D(2032, 6, 20))
    assert not after.in_target_group
    assert "eligibility.completed_qualifying_education" in after.codes
    assert AGREED in after.codes


def test_tenth_grade_started_2030_08_12_after_its_agreed_end_counts_and_is_reported() -> None:
    """The 2025 agreement ends 10th grade outside efterskoler in 2030; it is not enacted, and
    kui-core cannot tell an efterskole: the enrolment counts, with the INFO finding."""
    tenth = EducationRecord(Programme.TENTH_GRADE, D(2030, 8, 12))
    on = D(2030, 10, 1)
    result = assess_eligibility(Youth("y", D(2014, 5, 1), educations=(tenth,)), on)
    assert result.enrolled
    assert result.outreach_required is False
    (finding,) = [f for f in result.findings if f.code == AGREED]
    assert finding.subject == "tenth_grade"
    assert {s.kind.value for s in finding.sources} == {"political_agreement"}
    assert "not enacted" in finding.message("en")


def test_tenth_grade_started_2029_08_13_is_not_reported() -> None:
    tenth = EducationRecord(Programme.TENTH_GRADE, D(2029, 8, 13))
    assert AGREED not in _codes(tenth, D(2030, 1, 15), D(2013, 5, 1))


def test_an_agreed_change_is_reported_only_from_the_day_the_enrolment_starts_2030_08_12() -> None:
    hf = EducationRecord(Programme.HF, D(2030, 8, 12))
    assert AGREED not in _codes(hf, D(2030, 8, 11), D(2014, 1, 1))
    assert AGREED in _codes(hf, D(2030, 8, 12), D(2014, 1, 1))


@given(youths(), reference_days())
def test_the_agreed_change_is_reported_exactly_for_the_enrolments_the_agreement_touches(
    youth: Youth, on: dt.date
) -> None:
    touched = {
        r.programme.value
        for r in youth.educations
        if r.started_on <= on
        and (
            r.programme is Programme.EPX
            or (
                r.programme in (Programme.HF, Programme.EUX, Programme.TENTH_GRADE)
                and r.started_on.year >= 2030
            )
        )
    }
    findings = assess_eligibility(youth, on).findings
    assert {f.subject for f in findings if f.code == AGREED} == touched


@given(education_records())
def test_drawn_records_never_start_before_their_programme_exists(record: EducationRecord) -> None:
    first = record.programme.dates.earliest_start
    assert first is None or first <= record.started_on


def test_a_strategy_asked_for_epx_before_2030_says_it_cannot() -> None:
    with pytest.raises(InvalidArgument, match="epx"):
        education_records(programmes=[Programme.EPX], max_start=D(2025, 1, 1)).example()


def test_every_programme_has_dates_and_every_dated_one_a_source() -> None:
    assert set(PROGRAMME_DATES) == set(Programme)
    for programme, dates in PROGRAMME_DATES.items():
        assert programme.dates is dates
        dated = dates.earliest_start is not None or dates.agreed_end_year is not None
        assert bool(dates.sources) == dated, programme


@given(st.integers())
def test_an_agreed_year_outside_the_calendar_is_bad_data(year: int) -> None:
    if dt.MINYEAR <= year <= dt.MAXYEAR:
        assert ProgrammeDates(agreed_end_year=year).agreed_end_year == year
    else:
        with pytest.raises(DataError):
            ProgrammeDates(agreed_end_year=year)
