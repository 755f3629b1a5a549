"""The young person: validation, care periods and weekly hours."""

from __future__ import annotations

import datetime as dt
import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import (
    Authority,
    CarePlacement,
    CprNumber,
    DataError,
    EducationRecord,
    Employment,
    ExternalGuidance,
    Period,
    Policy,
    Programme,
    Youth,
    assess_eligibility,
    check_in_care,
    support_decision_deadline,
    ungeplan_deadline,
)
from kui_core.dates import (
    SUPPORTED_FIRST_DAY,
    SUPPORTED_LAST_DAY,
    age_on,
    birthday,
    last_day_before_age,
)
from kui_core.education import MICRO_HOURS, micro_hours
from kui_core.strategies import policies, reference_days, youths

BORN = dt.date(2004, 2, 29)


def test_a_minimal_youth() -> None:
    youth = Youth("y-1", BORN)
    assert youth.educations == ()
    assert youth.employments == ()
    assert youth.in_care == ()
    assert youth.cpr is None
    assert youth.municipality_code is None
    assert youth.guided_elsewhere == ()
    assert youth.educations_known_until is None
    assert youth.employments_known_until is None
    assert youth.weekly_hours_on(dt.date(2025, 1, 1)) == 0
    assert not youth.in_care_on(dt.date(2025, 1, 1))
    assert youth.guided_elsewhere_on(dt.date(2025, 1, 1)) == ()
    assert youth.educations_known_on(dt.date.max)  # records complete unless told otherwise
    assert youth.employments_known_on(dt.date.max)


def test_a_full_youth() -> None:
    youth = Youth(
        person_id="y-2",
        birth_date=BORN,
        educations=(EducationRecord(Programme.FGU, dt.date(2021, 8, 1)),),
        employments=(Employment(Period(dt.date(2024, 1, 1)), 12),),
        in_care=(CarePlacement(Period(dt.date(2015, 1, 1), dt.date(2022, 2, 28))),),
        cpr=CprNumber("290204-4321"),
        municipality_code="561",
        guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2024, 3, 1))),),
        educations_known_until=dt.date(2025, 9, 30),
        employments_known_until=dt.date(2025, 8, 31),
    )
    assert youth.cpr is not None
    assert youth.cpr.birth_date == BORN


def test_in_care_on_follows_the_half_open_periods() -> None:
    """In care 2015-01-01 up to 2022-02-28 (exclusive) and again from 2023-01-01."""
    youth = Youth(
        "y-3",
        BORN,
        in_care=(
            CarePlacement(Period(dt.date(2015, 1, 1), dt.date(2022, 2, 28))),
            CarePlacement(Period(dt.date(2023, 1, 1))),
        ),
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


@pytest.mark.parametrize("order", [(0.2, 0.4, 19.4), (19.4, 0.4, 0.2)])
def test_hours_add_up_to_20_in_any_order_2029_01_01(order: tuple[float, ...]) -> None:
    # In floating point 19.4 + 0.4 + 0.2 is 19.999999999999996: under 20 hours by an ulp.
    jobs = tuple(Employment(Period(dt.date(2028, 2, 28)), h) for h in order)
    youth = Youth("y-h", dt.date(2009, 2, 28), employments=jobs)
    assert youth.weekly_hours_on(dt.date(2029, 1, 1)) == 20
    assert micro_hours(19.4) == 19_400_000
    assert micro_hours(0.0000005) == 1  # the half rounded up


@given(youths(), reference_days())
def test_weekly_hours_and_care_agree_with_their_parts(youth: Youth, day: dt.date) -> None:
    active = [job.hours_per_week for job in youth.employments if job.active_on(day)]
    hours = youth.weekly_hours_on(day)
    # Whole millionths of an hour, exactly: within half a millionth per job of the plain sum.
    assert hours * MICRO_HOURS == round(hours * MICRO_HOURS)
    assert abs(hours - math.fsum(active)) <= len(active) * 0.5 / MICRO_HOURS + 1e-9
    # The order of the records never changes the sum.
    backwards = attrs.evolve(youth, employments=youth.employments[::-1])
    assert backwards.weekly_hours_on(day) == hours
    assert youth.in_care_on(day) == any(p.period.contains(day) for p in youth.in_care)
    assert youth.guided_elsewhere_on(day) == tuple(
        g.authority for g in youth.guided_elsewhere if g.period.contains(day)
    )


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
        (
            {"in_care": (Period(dt.date(2010, 1, 1)),)},
            "Youth.in_care[0]",
        ),  # a bare Period: now a CarePlacement
        ({"guided_elsewhere": (Period(dt.date(2020, 1, 1)),)}, "Youth.guided_elsewhere[0]"),
        (
            {"guided_elsewhere": [ExternalGuidance(Authority.OTHER, Period(BORN))]},
            "Youth.guided_elsewhere",
        ),
        ({"educations_known_until": "2025-09-30"}, "Youth.educations_known_until"),
        ({"employments_known_until": dt.datetime(2025, 9, 30)}, "Youth.employments_known_until"),
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


# -- dates before birth and the supported calendar ----------------------------------------


STX = EducationRecord(Programme.STX, dt.date(2020, 8, 1))


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        (
            {"educations": (STX, STX, EducationRecord(Programme.OTHER, dt.date(2004, 2, 28)))},
            "Youth.educations[2].started_on",
        ),
        (
            {"employments": (Employment(Period(dt.date(2003, 1, 1), dt.date(2005, 1, 1)), 10),)},
            "Youth.employments[0].period.start",
        ),
        (
            {
                "in_care": (
                    CarePlacement(Period(dt.date(2010, 1, 1))),
                    CarePlacement(Period(dt.date(2004, 2, 28))),
                )
            },
            "Youth.in_care[1].period.start",
        ),
        (
            {
                "guided_elsewhere": (
                    ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2003, 1, 1))),
                )
            },
            "Youth.guided_elsewhere[0].period.start",
        ),
    ],
)
def test_nothing_starts_before_birth_2004_02_29(kwargs: dict[str, object], path: str) -> None:
    """Born 29 February 2004: a record or period starting on 28 February 2004 is bad data."""
    with pytest.raises(DataError) as caught:
        Youth("y-7", BORN, **kwargs)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert "birth_date" in caught.value.reason
    assert "2004" not in caught.value.reason  # the birth date is part of the CPR number


def test_records_and_periods_may_start_on_the_day_of_birth() -> None:
    youth = Youth(
        "y-8",
        BORN,
        educations=(EducationRecord(Programme.OTHER, BORN),),
        employments=(Employment(Period(BORN, BORN), 0),),
        in_care=(CarePlacement(Period(BORN)),),
        guided_elsewhere=(ExternalGuidance(Authority.SOCIAL_SERVICES, Period(BORN)),),
    )
    assert youth.in_care_on(BORN)
    assert youth.guided_elsewhere_on(BORN) == (Authority.SOCIAL_SERVICES,)


@pytest.mark.parametrize(
    "born", [dt.date(1857, 12, 31), dt.date(2300, 1, 1), dt.date(9999, 6, 1), dt.date(1, 1, 1)]
)
def test_birth_dates_outside_1858_to_2299_are_data_errors(born: dt.date) -> None:
    with pytest.raises(DataError) as caught:
        Youth("y-9", born)
    assert caught.value.path == "Youth.birth_date"
    assert "1858-01-01" in caught.value.reason
    assert born.isoformat() not in caught.value.reason


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        (
            {"educations": (EducationRecord(Programme.STX, dt.date(2300, 1, 1)),)},
            "Youth.educations[0].started_on",
        ),
        (
            {"employments": (Employment(Period(dt.date(9999, 1, 1)), 10),)},
            "Youth.employments[0].period.start",
        ),
        (
            {"in_care": (CarePlacement(Period(dt.date(9999, 12, 31))),)},
            "Youth.in_care[0].period.start",
        ),
        (
            {"guided_elsewhere": (ExternalGuidance(Authority.OTHER, Period(dt.date(2300, 1, 1))),)},
            "Youth.guided_elsewhere[0].period.start",
        ),
    ],
)
def test_starts_after_2299_are_data_errors(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(DataError) as caught:
        Youth("y-10", BORN, **kwargs)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert "2299-12-31" in caught.value.reason


def test_ends_may_be_the_9999_12_31_open_end_of_case_systems() -> None:
    """Many case systems write an open end as 31 December 9999: that is still accepted."""
    far = dt.date(9999, 12, 31)
    youth = Youth(
        "y-11",
        BORN,
        educations=(EducationRecord(Programme.EUD, dt.date(2020, 8, 1), left_on=far),),
        employments=(Employment(Period(dt.date(2020, 1, 1), far), 37),),
        in_care=(CarePlacement(Period(dt.date(2010, 1, 1), far), support_decided_on=far),),
        guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(dt.date(2020, 1, 1), far)),),
    )
    assert assess_eligibility(youth, far).age == 7995
    assert [f.code for f in check_in_care(youth, far)] == [
        "plan.in_care_plan_late",
        "plan.in_care_support_decision_late",
    ]


def test_the_edges_of_the_supported_calendar_are_valid_births() -> None:
    for born in (SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY):
        youth = Youth("y-12", born, in_care=(CarePlacement(Period(SUPPORTED_LAST_DAY)),))
        until = assess_eligibility(youth, dt.date.max).eligible_until
        assert until + dt.timedelta(days=1) == birthday(born, 25)
        assert assess_eligibility(youth, dt.date.min).age < 0


_EDGES = (
    SUPPORTED_FIRST_DAY,
    SUPPORTED_FIRST_DAY + dt.timedelta(days=1),
    dt.date(1860, 2, 29),
    dt.date(1900, 3, 1),
    dt.date(2296, 2, 29),
    SUPPORTED_LAST_DAY - dt.timedelta(days=1),
    SUPPORTED_LAST_DAY,
)
_ANY_DAY = st.one_of(
    st.sampled_from((dt.date.min, dt.date.max, dt.date.max - dt.timedelta(days=1))), st.dates()
)


def _offered(programme: Programme, start: dt.date) -> bool:
    first = programme.dates.earliest_start
    return first is None or first <= start


@st.composite
def extreme_youths(draw: st.DrawFn) -> Youth:
    """Youths born anywhere in the supported calendar, often at its very edges."""
    born = draw(st.sampled_from(_EDGES) | st.dates(SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY))
    starts = st.sampled_from((born, SUPPORTED_LAST_DAY)) | st.dates(born, SUPPORTED_LAST_DAY)

    def period(start: dt.date) -> Period:
        end = draw(st.none() | st.sampled_from((start, dt.date.max)) | st.dates(start))
        return Period(start, end)

    educations = tuple(
        EducationRecord(
            draw(st.sampled_from(tuple(p for p in Programme if _offered(p, start)))),
            start,
            completed_on=draw(st.none() | st.dates(start)),
        )
        for start in draw(st.lists(starts, max_size=2))
    )
    employments = tuple(
        Employment(period(start), draw(st.integers(0, 40)))
        for start in draw(st.lists(starts, max_size=2))
    )
    after_birth = st.dates(born)  # decisions and ungeplan days must not precede birth
    in_care = tuple(
        CarePlacement(
            period(start),
            decided_on=draw(st.none() | after_birth),
            consent=draw(st.booleans()),
            ungeplan_dates=tuple(draw(st.lists(after_birth, max_size=2))),
            support_decided_on=draw(st.none() | after_birth),
        )
        for start in draw(st.lists(starts, max_size=2))
    )
    guided = tuple(
        ExternalGuidance(draw(st.sampled_from(Authority)), period(start))
        for start in draw(st.lists(starts, max_size=1))
    )
    known = st.none() | _ANY_DAY
    return Youth(
        "y-x",
        born,
        educations,
        employments,
        in_care,
        guided_elsewhere=guided,
        educations_known_until=draw(known),
        employments_known_until=draw(known),
    )


@given(extreme_youths(), _ANY_DAY, policies())
def test_no_bare_value_error_at_the_edges_of_the_calendar(
    youth: Youth, on: dt.date, policy: Policy
) -> None:
    """Any valid youth, any day from 1 January 1 to 31 December 9999: answers, not crashes."""
    result = assess_eligibility(youth, on, policy)
    assert result.age == age_on(youth.birth_date, on, policy.leap_day_rule)
    assert result.eligible_until == last_day_before_age(
        youth.birth_date, policy.age_limit, policy.leap_day_rule
    )
    for item in result.findings:
        assert item.message("da")
        assert item.message("en")
    in_care = check_in_care(youth, on, policy)
    for placement in youth.in_care:
        for deadline in (
            ungeplan_deadline(youth, placement, policy),
            support_decision_deadline(youth, placement, policy),
        ):
            assert deadline is None or dt.date.min <= deadline <= dt.date.max
    for item in in_care:
        assert item.subject is not None
        assert on > dt.date.fromisoformat(item.subject)
    assert youth.weekly_hours_on(on) >= 0


@pytest.mark.parametrize(
    ("placement", "path"),
    [
        (
            CarePlacement(Period(dt.date(2024, 1, 1)), decided_on=dt.date(2007, 12, 31)),
            "Youth.in_care[0].decided_on",
        ),
        (
            CarePlacement(Period(dt.date(2024, 1, 1)), support_decided_on=dt.date(2007, 1, 1)),
            "Youth.in_care[0].support_decided_on",
        ),
        (
            CarePlacement(
                Period(dt.date(2024, 1, 1)),
                ungeplan_dates=(dt.date(2024, 2, 1), dt.date(2007, 6, 1)),
            ),
            "Youth.in_care[0].ungeplan_dates[1]",
        ),
    ],
)
def test_a_placement_date_before_birth_is_bad_data(placement: CarePlacement, path: str) -> None:
    with pytest.raises(DataError) as caught:
        Youth("y-c", dt.date(2008, 1, 1), in_care=(placement,))
    assert caught.value.path == path
