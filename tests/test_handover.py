"""Handing a case from one coordinator to the next: no gap, no overlap, clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from kui_core import HandoverError, KuiError, Period, Youth
from kui_core.case import CoordinatorAssignment, YouthCase
from kui_core.coordination import check_coordination, handover

D = dt.date
DAY = dt.timedelta(days=1)
YOUTH = Youth("y1", D(2008, 5, 10))
OPENED = D(2025, 3, 3)


def assign(who: str, start: dt.date, end: dt.date | None = None) -> CoordinatorAssignment:
    return CoordinatorAssignment(who, "UU", Period(start, end))


def case_with(*assignments: CoordinatorAssignment, closed: dt.date | None = None) -> YouthCase:
    return YouthCase(YOUTH, OPENED, closed, coordinators=assignments)


# -- the stateful test ------------------------------------------------------------------------


class CaseLifecycle(RuleBasedStateMachine):
    """Open a case, assign a coordinator, hand over on arbitrary days, close: always clean."""

    case: YouthCase
    current_start: dt.date
    current_end: dt.date | None

    @initialize(
        opened=st.dates(D(2020, 1, 1), D(2030, 1, 1)),
        who=st.sampled_from(["anna", "bo", "cem"]),
        ends_later=st.none() | st.integers(1, 5000),
    )
    def open_and_assign(self, opened: dt.date, who: str, ends_later: int | None) -> None:
        # The first assignment may be open-ended or planned to end later: a handover cuts it.
        end = None if ends_later is None else opened + ends_later * DAY
        self.case = YouthCase(YOUTH, opened, coordinators=(assign(who, opened, end),))
        self.current_start = opened
        self.current_end = end

    @precondition(lambda self: self.case.closed_on is None)
    @rule(
        after=st.integers(0, 400),
        who=st.sampled_from(["anna", "bo", "cem", "dina"]),
        open_ended=st.booleans(),
    )
    def hand_over(self, after: int, who: str, open_ended: bool) -> None:
        on = self.current_start + after * DAY
        end = None if open_ended else on + 10_000 * DAY
        if self.current_end is not None and on >= self.current_end:
            # Nobody holds the case any more on that day: the handover must be refused.
            with pytest.raises(HandoverError, match="nobody holds the case"):
                handover(self.case, assign(who, on, end), on)
            return
        before = self.case
        new = assign(who, on, end)
        self.case = handover(before, new, on)
        assert new in self.case.coordinators
        assert len(self.case.coordinators) - len(before.coordinators) in (0, 1)
        self.current_start, self.current_end = on, end

    @precondition(lambda self: self.case.closed_on is None)
    @rule(before=st.integers(1, 400), open_ended=st.booleans())
    def hand_over_before_the_current_start_is_refused(self, before: int, open_ended: bool) -> None:
        on = self.current_start - before * DAY
        end = None if open_ended else self.current_start + DAY
        unchanged = self.case
        with pytest.raises(HandoverError, match="precedes"):
            handover(self.case, assign("eva", on, end), on)
        assert self.case == unchanged

    @precondition(lambda self: self.case.closed_on is None)
    @rule(after=st.integers(0, 400))
    def close(self, after: int) -> None:
        closed_on = self.current_start + after * DAY
        if self.current_end is not None:
            closed_on = min(closed_on, self.current_end)
        self.case = YouthCase(
            self.case.youth, self.case.opened_on, closed_on, coordinators=self.case.coordinators
        )

    @precondition(lambda self: self.case.closed_on is not None)
    @rule(after=st.integers(0, 30))
    def handover_after_closing_is_refused(self, after: int) -> None:
        assert self.case.closed_on is not None
        on = self.case.closed_on + after * DAY
        with pytest.raises(HandoverError, match="closed"):
            handover(self.case, assign("eva", on), on)

    @invariant()
    def stays_clean(self) -> None:
        last_day = self.case.closed_on or (self.current_end or self.current_start + 500 * DAY)
        for probe in (
            self.case.opened_on,
            self.current_start,
            last_day - DAY,
            self.case.opened_on - DAY,
        ):
            assert check_coordination(self.case, probe) == ()


CaseLifecycle.TestCase.settings = settings(stateful_step_count=30)
TestCaseLifecycle = CaseLifecycle.TestCase


# -- examples ---------------------------------------------------------------------------------


def test_handover_ends_the_current_assignment_at_the_handover_day() -> None:
    """Anna from 3 March 2025, Bo from 1 April 2025: Anna's last day is 31 March."""
    c = case_with(assign("anna", OPENED))
    after = handover(c, assign("bo", D(2025, 4, 1)), D(2025, 4, 1))
    assert after.coordinators == (
        assign("anna", OPENED, D(2025, 4, 1)),
        assign("bo", D(2025, 4, 1)),
    )
    assert c.coordinators == (assign("anna", OPENED),)  # unchanged
    assert check_coordination(after, D(2025, 12, 31)) == ()


def test_handover_cuts_a_planned_end_and_keeps_other_assignments_in_place() -> None:
    earlier = assign("cem", D(2024, 1, 1), OPENED)
    c = case_with(earlier, assign("anna", OPENED, D(2025, 12, 1)), assign("dina", D(2026, 1, 1)))
    after = handover(c, assign("bo", D(2025, 6, 1), D(2026, 1, 1)), D(2025, 6, 1))
    assert [a.coordinator_id for a in after.coordinators] == ["cem", "anna", "bo", "dina"]
    assert after.coordinators[1].period == Period(OPENED, D(2025, 6, 1))
    assert check_coordination(after, D(2026, 6, 1)) == ()


def test_handover_on_the_same_day_replaces_the_assignment() -> None:
    """Anna assigned on 1 April 2025 and replaced by Bo that very day: no empty assignment."""
    c = case_with(assign("cem", OPENED, D(2025, 4, 1)), assign("anna", D(2025, 4, 1)))
    after = handover(c, assign("bo", D(2025, 4, 1)), D(2025, 4, 1))
    assert after.coordinators == (assign("cem", OPENED, D(2025, 4, 1)), assign("bo", D(2025, 4, 1)))
    assert check_coordination(after, D(2025, 12, 31)) == ()


def test_handover_on_the_opening_day_leaves_no_gap() -> None:
    after = handover(case_with(assign("anna", OPENED)), assign("bo", OPENED), OPENED)
    assert after.coordinators == (assign("bo", OPENED),)
    assert check_coordination(after, OPENED) == ()


def test_handover_on_the_last_day_of_a_planned_assignment_is_allowed() -> None:
    """Anna until 30 April 2025 inclusive (end 1 May): a handover on 30 April still works."""
    c = case_with(assign("anna", OPENED, D(2025, 5, 1)))
    after = handover(c, assign("bo", D(2025, 4, 30)), D(2025, 4, 30))
    assert after.coordinators[0].period == Period(OPENED, D(2025, 4, 30))


def test_refused_when_nobody_holds_the_case() -> None:
    """Anna's assignment ended on 30 April 2025 (inclusive): nobody holds it on 1 May."""
    c = case_with(assign("anna", OPENED, D(2025, 5, 1)))
    with pytest.raises(HandoverError, match="nobody holds the case on 2025-05-01"):
        handover(c, assign("bo", D(2025, 5, 1)), D(2025, 5, 1))
    with pytest.raises(HandoverError, match="nobody holds"):
        handover(case_with(), assign("bo", OPENED), OPENED)


def test_refused_when_the_day_precedes_the_current_assignment() -> None:
    c = case_with(assign("anna", D(2025, 4, 1)))
    with pytest.raises(HandoverError, match=r"precedes the start .*2025-04-01"):
        handover(c, assign("bo", D(2025, 3, 20)), D(2025, 3, 20))


def test_refused_before_the_current_assignment_naming_the_earliest_one() -> None:
    """Cem from 1 April 2025, Anna from 1 May: the refusal names Cem, who starts first."""
    c = case_with(assign("anna", D(2025, 5, 1)), assign("cem", D(2025, 4, 1), D(2025, 5, 1)))
    with pytest.raises(HandoverError, match=r"current assignment \(cem from 2025-04-01\)"):
        handover(c, assign("bo", D(2025, 3, 20)), D(2025, 3, 20))


def test_refused_when_back_dated_into_an_earlier_assignment() -> None:
    """Anna until 31 March 2025, Cem from 1 April: a handover on 20 March would overlap Cem."""
    c = case_with(assign("anna", OPENED, D(2025, 4, 1)), assign("cem", D(2025, 4, 1)))
    with pytest.raises(HandoverError, match=r"precedes the start of the assignment of cem"):
        handover(c, assign("bo", D(2025, 3, 20)), D(2025, 3, 20))


def test_a_stand_in_until_a_planned_assignment_is_allowed() -> None:
    """Cem is planned from 1 May 2025; Bo stands in from 1 April until 30 April inclusive."""
    c = case_with(assign("anna", OPENED, D(2025, 5, 1)), assign("cem", D(2025, 5, 1)))
    after = handover(c, assign("bo", D(2025, 4, 1), D(2025, 5, 1)), D(2025, 4, 1))
    assert check_coordination(after, D(2025, 12, 31)) == ()
    # The close neighbour: an open-ended stand-in would run into Cem's assignment.
    with pytest.raises(HandoverError, match="would overlap"):
        handover(c, assign("bo", D(2025, 4, 1)), D(2025, 4, 1))


def test_refused_when_the_new_assignment_does_not_start_on_the_day() -> None:
    c = case_with(assign("anna", OPENED))
    with pytest.raises(HandoverError, match="must start on the handover day 2025-04-01"):
        handover(c, assign("bo", D(2025, 4, 2)), D(2025, 4, 1))


def test_refused_when_the_new_assignment_covers_no_day() -> None:
    c = case_with(assign("anna", OPENED))
    with pytest.raises(HandoverError, match="covers no day"):
        handover(c, assign("bo", D(2025, 4, 1), D(2025, 4, 1)), D(2025, 4, 1))


def test_refused_when_two_assignments_hold_the_case() -> None:
    c = case_with(assign("anna", OPENED), assign("cem", D(2025, 3, 10)))
    with pytest.raises(HandoverError, match=r"2 assignments \(anna, cem\) .* ambiguous"):
        handover(c, assign("bo", D(2025, 4, 1)), D(2025, 4, 1))


def test_refused_outside_the_case() -> None:
    c = case_with(assign("anna", D(2025, 1, 1)), closed=D(2025, 6, 1))
    with pytest.raises(HandoverError, match="precedes the opening"):
        handover(c, assign("bo", D(2025, 3, 1)), D(2025, 3, 1))
    with pytest.raises(HandoverError, match="closed on 2025-06-01"):
        handover(c, assign("bo", D(2025, 6, 1)), D(2025, 6, 1))
    # The close neighbour: the day before closing is still inside the case.
    handover(c, assign("bo", D(2025, 5, 31)), D(2025, 5, 31))


def test_handover_error_is_a_kui_error() -> None:
    assert issubclass(HandoverError, KuiError)
