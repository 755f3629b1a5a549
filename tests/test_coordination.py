"""The single-coordinator invariant: gaps, overlaps and missing coordinators, exact to the day.

Properties compare ``check_coordination`` with a brute-force day-by-day oracle on small spans;
example tests pin each decision with its dates.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, CoordinatorRequired, Period, Policy, Severity, Youth
from kui_core.case import CoordinatorAssignment, YouthCase
from kui_core.coordination import check_coordination, coordination_span
from kui_core.findings import Finding
from kui_core.plan import EducationPlan, Goal, GoalKind, Intervention, Participant, Role

D = dt.date
DAY = dt.timedelta(days=1)
BASE = D(2025, 1, 1)
YOUTH = Youth("y1", D(2008, 5, 10))
EFFORT = attrs.evolve(DEFAULT_POLICY, coordinator_required=CoordinatorRequired.COORDINATED_EFFORT)


def day(n: int) -> dt.date:
    return BASE + n * DAY


def assign(who: str, start: int, end: int | None = None) -> CoordinatorAssignment:
    return CoordinatorAssignment(who, "UU", Period(day(start), None if end is None else day(end)))


def case(
    *assignments: CoordinatorAssignment,
    opened: int = 0,
    closed: int | None = None,
    plans: tuple[EducationPlan, ...] = (),
) -> YouthCase:
    return YouthCase(
        YOUTH,
        day(opened),
        None if closed is None else day(closed),
        plans=plans,
        coordinators=tuple(assignments),
    )


def summary(findings: Sequence[Finding]) -> list[tuple[str, int, int | None, str | None]]:
    """(code, start offset, end offset, subject) for readable assertions."""
    out = []
    for f in findings:
        assert f.period is not None
        end = None if f.period.end is None else (f.period.end - BASE).days
        out.append((f.code, (f.period.start - BASE).days, end, f.subject))
    return out


# -- the oracle ----------------------------------------------------------------------------------


def oracle(
    c: YouthCase, on: dt.date, span_days: list[dt.date]
) -> list[tuple[str, dt.date, dt.date, str | None]]:
    """Day by day: each span day's coordinator set, grouped into maximal runs."""
    runs: list[tuple[str, dt.date, dt.date, str | None]] = []
    covered = False
    for d in span_days:
        ids = sorted({a.coordinator_id for a in c.coordinators if a.period.contains(d)})
        if len(ids) == 1:
            covered = True
        kind = "gap" if not ids else "ok" if len(ids) == 1 else "overlap"
        subject = ", ".join(ids) if kind == "overlap" else None
        if runs and runs[-1][2] == d and runs[-1][0] == kind and runs[-1][3] == subject:
            runs[-1] = (kind, runs[-1][1], d + DAY, subject)
        else:
            runs.append((kind, d, d + DAY, subject))
        covered = covered or kind == "overlap"
    if span_days and not covered:
        return [("missing", span_days[0], span_days[-1] + DAY, None)]
    return [r for r in runs if r[0] != "ok"]


def whole_case_days(c: YouthCase, on: dt.date) -> list[dt.date]:
    days = []
    d = c.opened_on
    while d <= on and (c.closed_on is None or d < c.closed_on):
        days.append(d)
        d += DAY
    return days


def effort_days(c: YouthCase, on: dt.date) -> list[dt.date]:
    """Days of the case on which the plan in force runs interventions of two or more units."""
    days = []
    for d in whole_case_days(c, on):
        in_force = [p for p in c.plans if p.created_on <= d] or list(c.plans[:1])
        if not in_force:
            continue
        plan = in_force[-1]
        units = {i.unit for i in plan.interventions if i.period.contains(d)}
        if len(units) >= 2:
            days.append(d)
    return days


def as_runs(findings: Sequence[Finding]) -> list[tuple[str, dt.date, dt.date, str | None]]:
    out = []
    for f in findings:
        assert f.period is not None
        assert f.period.end is not None
        out.append((f.code.removeprefix("coordination."), f.period.start, f.period.end, f.subject))
    return out


def plan_with(
    *items: tuple[str, int, int | None], created: int = 0, pid: str = "p1"
) -> EducationPlan:
    return EducationPlan(
        id=pid,
        created_on=day(created),
        participants=(Participant("y1", Role.YOUTH),),
        goals=(Goal("g", GoalKind.EDUCATION, "EUD", day(400)),),
        interventions=tuple(
            Intervention(
                f"i{k}",
                unit,
                "indsats",
                Period(day(s), None if e is None else day(e)),
                frozenset({"g"}),
            )
            for k, (unit, s, e) in enumerate(items)
        ),
    )


# -- strategies ---------------------------------------------------------------------------------

ids = st.sampled_from(["anna", "bo", "cem", "dina"])
# Days cluster on a few values, so that starts, ends, ``on`` and ``closed_on`` often coincide:
# the boundaries are where an off-by-one hides.
offsets = st.sampled_from([0, 1, 9, 10, 11, 20, 30]) | st.integers(-10, 60)
lengths = st.none() | st.sampled_from([0, 1, 10]) | st.integers(0, 30)
MODES = [DEFAULT_POLICY, EFFORT]
mode = pytest.mark.parametrize("policy", MODES, ids=["whole_case", "coordinated_effort"])


@st.composite
def assignments(draw: st.DrawFn) -> CoordinatorAssignment:
    start = draw(offsets)
    length = draw(lengths)
    end = None if length is None else start + length
    return assign(draw(ids), start, end)


@st.composite
def interventions(draw: st.DrawFn, index: int) -> Intervention:
    start = draw(offsets)
    length = draw(lengths)
    period = Period(day(start), None if length is None else day(start + length))
    unit = draw(st.sampled_from(["UU", "JOB", "SOC"]))
    return Intervention(f"i{index}", unit, "indsats", period, frozenset({"g"}))


@st.composite
def plan_versions(draw: st.DrawFn) -> tuple[EducationPlan, ...]:
    created = sorted(draw(st.lists(offsets, max_size=3)))
    plans: list[EducationPlan] = []
    for number, offset in enumerate(created):
        count = draw(st.integers(0, 4))
        plans.append(
            EducationPlan(
                id=f"p{number}",
                created_on=day(offset),
                participants=(Participant("y1", Role.YOUTH),),
                goals=(Goal("g", GoalKind.EDUCATION, "EUD", day(400)),),
                interventions=tuple(draw(interventions(k)) for k in range(count)),
                previous_id=f"p{number - 1}" if number else None,
            )
        )
    return tuple(plans)


@st.composite
def small_cases(draw: st.DrawFn) -> tuple[YouthCase, dt.date]:
    """A case with up to 8 assignments and up to 3 plan versions, and a reference day."""
    opened = draw(st.sampled_from([0, 10]) | st.integers(0, 10))
    closed = draw(st.none() | st.sampled_from([opened, 10, 20, 30]) | st.integers(opened, 70))
    coordinators = draw(st.lists(assignments(), max_size=8))
    on = day(draw(st.sampled_from([-1, 9, 10, 19, 29]) | st.integers(-5, 80)))
    c = case(*coordinators, opened=opened, closed=closed, plans=draw(plan_versions()))
    return c, on


def span_days(c: YouthCase, on: dt.date, policy: Policy) -> list[dt.date]:
    """The days of the coordination span under ``policy``, day by day."""
    if policy.coordinator_required is CoordinatorRequired.WHOLE_CASE:
        return whole_case_days(c, on)
    return effort_days(c, on)


# -- properties, under both coordination modes ------------------------------------------------


def _days(period: Period) -> list[dt.date]:
    assert period.end is not None
    return [period.start + k * DAY for k in range((period.end - period.start).days)]


@mode
@given(drawn=small_cases())
def test_findings_and_span_match_the_day_by_day_oracle(
    policy: Policy, drawn: tuple[YouthCase, dt.date]
) -> None:
    """The findings are the oracle's runs; the span is sorted, disjoint, non-adjacent periods
    of the case; gap, overlap and covered days partition it."""
    c, on = drawn
    span = span_days(c, on, policy)
    findings = check_coordination(c, on, policy)
    assert as_runs(findings) == oracle(c, on, span)
    periods = coordination_span(c, on, policy)
    assert [d for p in periods for d in _days(p)] == span
    for period in periods:
        assert period.end is not None
        assert period.start < period.end  # never empty
        assert c.opened_on <= period.start
        assert period.end <= on + DAY
        assert c.closed_on is None or period.end <= c.closed_on
    for first, second in itertools.pairwise(periods):
        assert first.end is not None
        assert first.end < second.start  # a day outside the span lies between them
    assert all(f.severity is Severity.WARNING for f in findings)  # guidance, not statute
    if any(f.code == "coordination.missing" for f in findings):
        assert len(findings) == 1
        assert not any(a.period.contains(d) for a in c.coordinators for d in span)
        return
    reported: list[dt.date] = []
    for f in findings:
        assert f.period is not None
        assert f.period.end is not None
        assert f.period.start < f.period.end  # never an empty gap or overlap
        reported.extend(_days(f.period))
    covered = [
        d
        for d in span
        if len({a.coordinator_id for a in c.coordinators if a.period.contains(d)}) == 1
    ]
    assert sorted(reported + covered) == span  # no day twice, no day missing


@mode
@given(drawn=small_cases(), code=st.sampled_from(["coordination.gap", "coordination.overlap"]))
def test_the_policy_raises_a_coordination_rule_or_switches_it_off(
    policy: Policy, drawn: tuple[YouthCase, dt.date], code: str
) -> None:
    c, on = drawn
    default = check_coordination(c, on, policy)
    raised = check_coordination(c, on, attrs.evolve(policy, severities={code: Severity.ERROR}))
    assert [(f.code, f.period, f.subject) for f in raised] == [
        (f.code, f.period, f.subject) for f in default
    ]
    assert all((f.severity is Severity.ERROR) == (f.code == code) for f in raised)
    off = check_coordination(c, on, attrs.evolve(policy, severities={code: None}))
    assert list(off) == [f for f in default if f.code != code]


@st.composite
def clean_chains(draw: st.DrawFn) -> tuple[list[CoordinatorAssignment], int]:
    """A gap-free, overlap-free chain of handovers between alternating coordinators."""
    lengths = draw(st.lists(st.integers(1, 20), min_size=2, max_size=8))
    chain, start = [], 0
    for k, length in enumerate(lengths):
        chain.append(assign("anna" if k % 2 else "bo", start, start + length))
        start += length
    return chain, start


# Two units throughout: under COORDINATED_EFFORT the span is then the whole case.
EFFORT_THROUGHOUT = (plan_with(("UU", -5, None), ("JOB", 0, None)),)


@mode
@given(drawn=clean_chains(), data=st.data())
def test_an_inserted_gap_of_d_days_is_reported_as_exactly_that_period(
    policy: Policy, drawn: tuple[list[CoordinatorAssignment], int], data: st.DataObject
) -> None:
    chain, end = drawn
    plans = EFFORT_THROUGHOUT
    assert check_coordination(case(*chain, closed=end, plans=plans), day(end), policy) == ()
    k = data.draw(st.integers(1, len(chain) - 1))
    later = chain[k]
    assert later.period.days is not None
    d = data.draw(st.integers(1, later.period.days))
    boundary = later.period.start
    chain[k] = attrs.evolve(later, period=Period(boundary + d * DAY, later.period.end))
    shuffled = data.draw(st.permutations(chain))
    found = check_coordination(case(*shuffled, closed=end, plans=plans), day(end), policy)
    assert [(f.code, f.period) for f in found] == [
        ("coordination.gap", Period(boundary, boundary + d * DAY))
    ]


@mode
@given(drawn=clean_chains(), data=st.data())
def test_an_inserted_overlap_of_d_days_is_reported_as_exactly_that_period(
    policy: Policy, drawn: tuple[list[CoordinatorAssignment], int], data: st.DataObject
) -> None:
    chain, end = drawn
    k = data.draw(st.integers(0, len(chain) - 2))
    earlier, later = chain[k], chain[k + 1]
    assert later.period.days is not None
    d = data.draw(st.integers(1, later.period.days))
    boundary = later.period.start
    chain[k] = attrs.evolve(earlier, period=Period(earlier.period.start, boundary + d * DAY))
    c = case(*reversed(chain), closed=end, plans=EFFORT_THROUGHOUT)
    assert [(f.code, f.period, f.subject) for f in check_coordination(c, day(end), policy)] == [
        ("coordination.overlap", Period(boundary, boundary + d * DAY), "anna, bo")
    ]


@mode
@given(drawn=small_cases(), rnd=st.randoms(use_true_random=False))
def test_the_order_of_the_assignments_and_interventions_does_not_matter(
    policy: Policy, drawn: tuple[YouthCase, dt.date], rnd: random.Random
) -> None:
    c, on = drawn
    shuffled = list(c.coordinators)
    rnd.shuffle(shuffled)
    plans = []
    for plan in c.plans:
        items = list(plan.interventions)
        rnd.shuffle(items)
        plans.append(attrs.evolve(plan, interventions=tuple(items)))
    other = attrs.evolve(c, coordinators=tuple(shuffled), plans=tuple(plans))
    assert check_coordination(other, on, policy) == check_coordination(c, on, policy)


# -- properties relating the two modes ----------------------------------------------------------


@given(small_cases())
def test_the_effort_span_lies_within_the_whole_case_and_its_findings_agree_with_it(
    drawn: tuple[YouthCase, dt.date],
) -> None:
    """Every effort day is a day of the case, and each effort day judged under
    COORDINATED_EFFORT is a gap or an overlap exactly where it is one under WHOLE_CASE."""
    c, on = drawn
    effort = {d for p in coordination_span(c, on, EFFORT) for d in _days(p)}
    whole = {d for p in coordination_span(c, on) for d in _days(p)}
    assert effort <= whole

    def judged(policy: Policy) -> dict[dt.date, str]:
        days: dict[dt.date, str] = {}
        for f in check_coordination(c, on, policy):
            assert f.period is not None
            if f.code != "coordination.missing":
                days.update(dict.fromkeys(_days(f.period), f.code))
        return days

    whole_days = judged(DEFAULT_POLICY)
    if not any(f.code == "coordination.missing" for f in check_coordination(c, on, EFFORT)):
        assert judged(EFFORT) == {d: k for d, k in whole_days.items() if d in effort}


@given(small_cases())
def test_what_the_plans_change(drawn: tuple[YouthCase, dt.date]) -> None:
    """Nothing under WHOLE_CASE. Under COORDINATED_EFFORT: with two units throughout, the span
    is the whole case; with a single unit, there is no span and nothing to report."""
    c, on = drawn
    assert check_coordination(c, on) == check_coordination(attrs.evolve(c, plans=()), on)
    throughout = attrs.evolve(c, plans=(plan_with(("UU", -20, None), ("SOC", -20, None)),))
    assert check_coordination(throughout, on, EFFORT) == check_coordination(throughout, on)
    assert coordination_span(throughout, on, EFFORT) == coordination_span(throughout, on)
    one_unit = tuple(
        attrs.evolve(p, interventions=tuple(attrs.evolve(i, unit="UU") for i in p.interventions))
        for p in c.plans
    )
    assert check_coordination(attrs.evolve(c, plans=one_unit), on, EFFORT) == ()
    assert coordination_span(attrs.evolve(c, plans=one_unit), on, EFFORT) == ()


# -- examples: every code, and a close neighbour --------------------------------------------


def test_one_open_ended_coordinator_from_the_opening_day_is_clean() -> None:
    assert check_coordination(case(assign("anna", 0)), day(365)) == ()


def test_gap_2025_01_11_through_01_14_is_reported_with_its_exact_period() -> None:
    c = case(assign("anna", 0, 10), assign("bo", 14))
    (found,) = check_coordination(c, day(30))
    assert summary([found]) == [("coordination.gap", 10, 14, None)]
    assert found.message("en") == "No coordinator during 11.1.2025 through 14.1.2025."
    assert found.message("da") == "Ingen tovholder i perioden 11.1.2025 til og med 14.1.2025."


def test_handover_on_the_same_day_leaves_no_gap() -> None:
    """Anna until 10 January (exclusive), Bo from 10 January: half-open periods meet."""
    assert check_coordination(case(assign("anna", 0, 10), assign("bo", 10)), day(30)) == ()


def test_overlap_names_the_coordinators_sorted() -> None:
    c = case(assign("cem", 0, 12), assign("anna", 10))
    (found,) = check_coordination(c, day(30))
    assert summary([found]) == [("coordination.overlap", 10, 12, "anna, cem")]
    assert "anna, cem" in found.message("da")


def test_overlap_runs_split_where_the_set_of_coordinators_changes() -> None:
    c = case(assign("anna", 0, 10), assign("bo", 5, 20), assign("cem", 8))
    assert summary(check_coordination(c, day(30))) == [
        ("coordination.overlap", 5, 8, "anna, bo"),
        ("coordination.overlap", 8, 10, "anna, bo, cem"),
        ("coordination.overlap", 10, 20, "bo, cem"),
    ]


def test_overlap_runs_merge_across_a_handover_between_the_same_two_people() -> None:
    """Anna's second assignment continues the same pair (anna, bo): one finding."""
    c = case(assign("anna", 0, 10), assign("anna", 10, 20), assign("bo", 5, 15), assign("bo", 15))
    assert summary(check_coordination(c, day(30))) == [("coordination.overlap", 5, 20, "anna, bo")]


def test_the_same_coordinator_twice_on_a_day_is_not_an_overlap() -> None:
    """A coordinator is a person: two assignments of Anna (two units) are one coordinator."""
    second = CoordinatorAssignment("anna", "JOB", Period(day(5), day(15)))
    assert check_coordination(case(assign("anna", 0), second), day(30)) == ()


def test_missing_when_no_assignment_touches_the_span() -> None:
    c = case(assign("anna", -30, -1), assign("bo", 40), closed=20)
    assert summary(check_coordination(c, day(60))) == [("coordination.missing", 0, 20, None)]


def test_a_case_with_no_assignments_at_all_is_missing_up_to_and_including_on() -> None:
    (found,) = check_coordination(case(), day(9))
    assert summary([found]) == [("coordination.missing", 0, 10, None)]
    assert found.message("en") == "The case has no coordinator (1.1.2025 through 10.1.2025)."


def test_one_covered_day_turns_missing_into_gaps() -> None:
    """The close neighbour of ``missing``: a single covered day leaves two gaps instead."""
    c = case(assign("anna", 5, 6), closed=20)
    assert summary(check_coordination(c, day(60))) == [
        ("coordination.gap", 0, 5, None),
        ("coordination.gap", 6, 20, None),
    ]


def test_the_span_is_checked_up_to_and_including_on() -> None:
    c = case(assign("anna", 0, 10))
    assert check_coordination(c, day(9)) == ()
    assert summary(check_coordination(c, day(10))) == [("coordination.gap", 10, 11, None)]


def test_nothing_to_check_before_the_case_opens_or_when_it_opens_and_closes_at_once() -> None:
    assert check_coordination(case(opened=5), day(4)) == ()
    assert check_coordination(case(opened=5, closed=5), day(40)) == ()


def test_days_after_closing_are_not_checked() -> None:
    assert check_coordination(case(assign("anna", 0, 10), closed=10), day(40)) == ()


def test_assignment_starting_before_the_case_opens_covers_from_the_opening() -> None:
    assert check_coordination(case(assign("anna", -100), opened=0), day(40)) == ()


def test_zero_length_assignments_cover_no_day() -> None:
    c = case(assign("anna", 0, 10), assign("bo", 10, 10), assign("cem", 11))
    assert summary(check_coordination(c, day(30))) == [("coordination.gap", 10, 11, None)]


def test_large_shuffled_chain_is_clean() -> None:
    """20,000 consecutive handovers in random order: sort + sweep, no day-by-day loop."""
    chain = [assign(f"c{k % 7}", 2 * k, 2 * k + 2) for k in range(20_000)]
    random.Random(7).shuffle(chain)
    assert check_coordination(case(*chain), day(40_000 - 1)) == ()
    assert summary(check_coordination(case(*chain), day(40_000))) == [
        ("coordination.gap", 40_000, 40_001, None)
    ]


# -- the coordinated-effort span ------------------------------------------------------------


def test_coordinated_effort_checks_only_days_with_two_units() -> None:
    """UU from day 0, JOB on days 10–19: only those ten days need a coordinator."""
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20)),)
    c = case(assign("anna", 12, 15), plans=plans)
    assert [str(p) for p in coordination_span(c, day(60), EFFORT)] == ["[2025-01-11, 2025-01-21)"]
    assert summary(check_coordination(c, day(60), EFFORT)) == [
        ("coordination.gap", 10, 12, None),
        ("coordination.gap", 15, 20, None),
    ]
    # The close neighbour: the whole-case policy sees the other days too.
    assert summary(check_coordination(c, day(60))) == [
        ("coordination.gap", 0, 12, None),
        ("coordination.gap", 15, 61, None),
    ]


def test_coordinated_effort_of_one_unit_needs_no_coordinator() -> None:
    plans = (plan_with(("UU", 0, None), ("UU", 10, 20)),)
    assert check_coordination(case(plans=plans), day(60), EFFORT) == ()
    assert check_coordination(case(), day(60), EFFORT) == ()


def test_coordinated_effort_without_coordinator_is_missing_over_the_span_hull() -> None:
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20), ("SOC", 30, 35)),)
    assert summary(check_coordination(case(plans=plans), day(60), EFFORT)) == [
        ("coordination.missing", 10, 35, None)
    ]


def test_gaps_do_not_bridge_days_outside_the_coordinated_effort() -> None:
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20), ("SOC", 30, 35)),)
    c = case(assign("anna", 15, 16), plans=plans)
    assert summary(check_coordination(c, day(60), EFFORT)) == [
        ("coordination.gap", 10, 15, None),
        ("coordination.gap", 16, 20, None),
        ("coordination.gap", 30, 35, None),
    ]


def test_effort_days_with_a_changing_set_of_units_form_one_span() -> None:
    """UU throughout; JOB on days 10–19, SOC on days 15–29: one span from day 10 to day 29."""
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20), ("SOC", 15, 30)),)
    c = case(assign("anna", 12, 25), plans=plans)
    assert coordination_span(c, day(60), EFFORT) == (Period(day(10), day(30)),)
    assert summary(check_coordination(c, day(60), EFFORT)) == [
        ("coordination.gap", 10, 12, None),
        ("coordination.gap", 25, 30, None),
    ]


def test_two_effort_periods_each_with_a_changing_set_of_units() -> None:
    """Days 0–9 (JOB, then SOC beside UU) and days 20–29 (JOB, then SOC): two periods."""
    plans = (
        plan_with(("UU", 0, None), ("JOB", 0, 5), ("SOC", 5, 10), ("JOB", 20, 25), ("SOC", 25, 30)),
    )
    c = case(assign("anna", 0, 10), assign("bo", 20, 30), plans=plans)
    assert coordination_span(c, day(60), EFFORT) == (
        Period(day(0), day(10)),
        Period(day(20), day(30)),
    )
    assert check_coordination(c, day(60), EFFORT) == ()


def test_the_first_plan_version_speaks_for_the_days_before_it_was_made() -> None:
    """Version 1, made on day 5, has UU and JOB from day 0: the effort starts on day 0."""
    first = plan_with(("UU", 0, None), ("JOB", 0, None), created=5)
    c = case(assign("anna", 3), plans=(first,))
    assert coordination_span(c, day(9), EFFORT) == (Period(day(0), day(10)),)
    assert summary(check_coordination(c, day(9), EFFORT)) == [("coordination.gap", 0, 3, None)]
    # A later version speaks only from the day it is made.
    second = attrs.evolve(first, id="p2", created_on=day(7), previous_id="p1")
    c = case(assign("anna", 3), plans=(attrs.evolve(first, created_on=day(2)), second))
    assert coordination_span(c, day(9), EFFORT) == (Period(day(0), day(10)),)


def test_an_assignment_ending_between_two_effort_periods() -> None:
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20), ("SOC", 30, 35)),)
    c = case(assign("anna", 10, 25), assign("bo", 30), plans=plans)
    assert check_coordination(c, day(60), EFFORT) == ()


def test_a_new_plan_version_ends_the_interventions_it_drops() -> None:
    """Version 2 (day 15) drops JOB: the effort ends on day 15 although JOB was open-ended."""
    first = plan_with(("UU", 0, None), ("JOB", 10, None))
    second = attrs.evolve(plan_with(("UU", 0, None), created=15, pid="p2"), previous_id="p1")
    c = case(plans=(first, second))
    assert [str(p) for p in coordination_span(c, day(60), EFFORT)] == ["[2025-01-11, 2025-01-16)"]
    assert summary(check_coordination(c, day(60), EFFORT)) == [
        ("coordination.missing", 10, 15, None)
    ]


def test_an_effort_starting_the_day_after_on_is_not_checked_yet() -> None:
    """Two units from 11 January 2025, ``on`` 10 January (or the case closing on the 11th): the
    effort begins after the checked days, so there is no span and nothing to report."""
    plans = (plan_with(("UU", 10, None), ("JOB", 10, None)),)
    for c, on in ((case(plans=plans), day(9)), (case(plans=plans, closed=10), day(60))):
        assert coordination_span(c, on, EFFORT) == ()
        assert check_coordination(c, on, EFFORT) == ()
    # The close neighbour: one day later the effort's first day is checked.
    assert summary(check_coordination(case(plans=plans), day(10), EFFORT)) == [
        ("coordination.missing", 10, 11, None)
    ]


def test_a_coordinator_ending_with_the_effort_leaves_no_gap_before_the_next_effort() -> None:
    """Anna covers the effort of days 10–19 exactly, Bo the one from day 30: nothing to report
    (the days 20–29 between the efforts are outside the span, not a gap, not even an empty one)."""
    plans = (plan_with(("UU", 0, None), ("JOB", 10, 20), ("SOC", 30, 35)),)
    c = case(assign("anna", 10, 20), assign("bo", 30), plans=plans)
    assert check_coordination(c, day(60), EFFORT) == ()
    late = case(assign("anna", 10, 20), assign("bo", 31), plans=plans)
    assert summary(check_coordination(late, day(60), EFFORT)) == [
        ("coordination.gap", 30, 31, None)
    ]


def test_runs_in_later_effort_periods_after_many_coverage_changes() -> None:
    """Coverage changes four times between two effort periods: the second one's runs are
    still found (no segment skipped, none read twice)."""
    plans = (plan_with(("UU", 0, None), ("JOB", 0, 5), ("SOC", 30, 40)),)
    c = case(
        assign("anna", 0, 10),
        assign("bo", 12, 14),
        assign("cem", 16, 18),
        assign("dina", 20, 32),
        assign("anna", 35, 37),
        assign("bo", 36, 38),
        plans=plans,
    )
    assert summary(check_coordination(c, day(60), EFFORT)) == [
        ("coordination.gap", 32, 35, None),
        ("coordination.overlap", 36, 37, "anna, bo"),
        ("coordination.gap", 38, 40, None),
    ]


def test_a_gap_that_began_before_an_effort_period_is_reported_from_its_first_day() -> None:
    """Effort on days 0–4 and 30–39; Anna days 0–9, Bo from day 31: the gap that began on day 10
    lies in the span on day 30 only."""
    plans = (plan_with(("UU", 0, None), ("JOB", 0, 5), ("SOC", 30, 40)),)
    c = case(assign("anna", 0, 10), assign("bo", 31), plans=plans)
    assert summary(check_coordination(c, day(60), EFFORT)) == [("coordination.gap", 30, 31, None)]


def test_a_gap_ending_on_31_december_9999_has_that_end() -> None:
    """``on`` = 31 December 9999: Anna until 30 December, Bo from 31 December. The gap is the one
    day 30 December ([9999-12-30, 9999-12-31)), not open-ended."""
    last = dt.date.max
    c = YouthCase(
        YOUTH,
        D(2024, 1, 1),
        coordinators=(
            CoordinatorAssignment("anna", "UU", Period(D(2024, 1, 1), last - DAY)),
            CoordinatorAssignment("bo", "UU", Period(last)),
        ),
    )
    (gap,) = check_coordination(c, last)
    assert (gap.code, gap.period) == ("coordination.gap", Period(last - DAY, last))


def test_the_whole_case_span_is_one_period() -> None:
    assert coordination_span(case(closed=20), day(60)) == (Period(day(0), day(20)),)
    assert coordination_span(case(closed=20), day(-1)) == ()


def test_gaps_and_missing_up_to_9999_12_31_answer_instead_of_crashing() -> None:
    """Reference day 31 December 9999: the last gap reaches the end of the calendar."""
    nobody = YouthCase(YOUTH, D(2024, 1, 1))
    (missing,) = check_coordination(nobody, dt.date.max)
    assert missing.code == "coordination.missing"
    assert missing.period is not None
    assert missing.period.contains(dt.date.max)
    assert coordination_span(nobody, dt.date.max)[0].contains(dt.date.max)
    a = CoordinatorAssignment("a", "UU", Period(D(2024, 1, 1), D(2025, 1, 1)))
    (gap,) = check_coordination(attrs.evolve(nobody, coordinators=(a,)), dt.date.max)
    assert gap.code == "coordination.gap"
    assert gap.period == Period(D(2025, 1, 1))
