"""The case models: YouthCase, CoordinatorAssignment, Offer, DutyLapse."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from kui_core import (
    CoordinatorAssignment,
    DataError,
    DutyLapse,
    EducationPlan,
    Goal,
    GoalKind,
    Offer,
    Participant,
    Period,
    Role,
    Youth,
    YouthCase,
)

D = dt.date
YOUTH = Youth("y1", D(2008, 3, 1))
P1 = EducationPlan(
    "p1",
    D(2025, 1, 10),
    (Participant("y1", Role.YOUTH),),
    (Goal("g1", GoalKind.EDUCATION, "EUD", D(2026, 1, 1)),),
    (),
)
P2 = attrs.evolve(P1, id="p2", created_on=D(2025, 6, 1), previous_id="p1")
CASE = YouthCase(
    YOUTH,
    D(2025, 1, 1),
    plans=(P1, P2),
    coordinators=(CoordinatorAssignment("c1", "UU", Period(D(2025, 1, 1))),),
    offers=(Offer("fgu", "FGU basis", Period(D(2025, 2, 1), D(2025, 6, 30))),),
    duty_lapses=(DutyLapse(D(2025, 3, 3), contacted_on=D(2025, 3, 5)),),
)


def test_current_plan_is_the_last_version() -> None:
    assert CASE.current_plan is P2
    assert attrs.evolve(CASE, plans=()).current_plan is None


def test_plan_lookup_and_previous_version() -> None:
    assert CASE.plan("p1") is P1
    assert CASE.plan("px") is None
    assert CASE.previous_plan(P2) is P1
    assert CASE.previous_plan(P1) is None


def test_span_is_half_open_from_opened_to_closed() -> None:
    assert CASE.span == Period(D(2025, 1, 1))
    closed = attrs.evolve(CASE, closed_on=D(2025, 12, 31))
    assert closed.span == Period(D(2025, 1, 1), D(2025, 12, 31))
    assert closed.span.last_day == D(2025, 12, 30)


def test_case_closed_the_day_it_opened_2025_01_01_is_allowed_and_empty() -> None:
    same_day = attrs.evolve(CASE, closed_on=D(2025, 1, 1))
    assert same_day.span.empty


def test_case_closed_before_it_opened_is_refused() -> None:
    with pytest.raises(DataError, match=r"^YouthCase\.closed_on: must not be before opened_on"):
        attrs.evolve(CASE, closed_on=D(2024, 12, 31))


def test_plan_ids_must_be_unique() -> None:
    with pytest.raises(DataError, match=r"^YouthCase\.plans\[1\]\.id: duplicate plan id 'p1'"):
        attrs.evolve(CASE, plans=(P1, attrs.evolve(P1, created_on=D(2025, 2, 1))))


def test_previous_id_must_name_an_earlier_plan_of_the_case() -> None:
    with pytest.raises(DataError, match=r"^YouthCase\.plans\[0\]\.previous_id: must name an"):
        attrs.evolve(CASE, plans=(P2, P1))
    with pytest.raises(DataError, match=r"^YouthCase\.plans\[1\]\.previous_id"):
        attrs.evolve(CASE, plans=(P1, attrs.evolve(P2, previous_id="p9")))


def test_plans_must_be_oldest_first() -> None:
    earlier = attrs.evolve(P2, created_on=D(2025, 1, 9))
    with pytest.raises(DataError, match=r"^YouthCase\.plans\[1\]\.created_on: plans must be"):
        attrs.evolve(CASE, plans=(P1, earlier))


def test_two_versions_on_the_same_day_are_allowed() -> None:
    same_day = attrs.evolve(P2, created_on=P1.created_on)
    assert attrs.evolve(CASE, plans=(P1, same_day)).current_plan is same_day


def test_offer_ids_must_be_unique() -> None:
    with pytest.raises(DataError, match=r"^YouthCase\.offers\[1\]\.id: duplicate offer"):
        attrs.evolve(CASE, offers=CASE.offers * 2)


def test_coordinators_may_be_unsorted_and_start_before_the_case_opens() -> None:
    early = CoordinatorAssignment("c0", "JOB", Period(D(2024, 6, 1), D(2025, 1, 1)))
    case = attrs.evolve(CASE, coordinators=(*CASE.coordinators, early))
    assert case.coordinators[1] is early


def test_case_fields_refuse_wrong_types_with_their_path() -> None:
    with pytest.raises(DataError, match=r"^YouthCase\.youth: expected Youth"):
        YouthCase("y1", D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^YouthCase\.coordinators: expected a tuple"):
        attrs.evolve(CASE, coordinators=[])  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^YouthCase\.duty_lapses\[0\]: expected DutyLapse"):
        attrs.evolve(CASE, duty_lapses=(D(2025, 1, 1),))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^CoordinatorAssignment\.period: expected Period"):
        CoordinatorAssignment("c1", "UU", D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"^Offer\.description: must not be empty"):
        Offer("x", "", Period(D(2025, 1, 1)))


def test_duty_lapse_contact_and_activity_may_be_on_the_day_noticed_2025_03_03() -> None:
    lapse = DutyLapse(D(2025, 3, 3), contacted_on=D(2025, 3, 3), new_activity_on=D(2025, 3, 3))
    assert lapse.contacted_on == lapse.new_activity_on == lapse.noticed_on


def test_duty_lapse_contact_before_it_was_noticed_is_refused() -> None:
    with pytest.raises(DataError, match=r"^DutyLapse\.contacted_on: must not be before noticed"):
        DutyLapse(D(2025, 3, 3), contacted_on=D(2025, 3, 2))
    with pytest.raises(DataError, match=r"^DutyLapse\.new_activity_on: must not be before"):
        DutyLapse(D(2025, 3, 3), new_activity_on=D(2025, 3, 2))
    with pytest.raises(DataError, match=r"^DutyLapse\.noticed_on: expected a date"):
        DutyLapse(dt.datetime(2025, 3, 3, 12, 0))


def test_case_models_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CASE.closed_on = D(2026, 1, 1)  # type: ignore[misc]
