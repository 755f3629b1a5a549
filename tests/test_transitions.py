"""Nobody is lost between offers: ``transition.no_next_step`` and its close neighbours."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, EducationRecord, Period, Policy, Programme, Youth
from kui_core.case import Offer, YouthCase
from kui_core.eligibility import in_target_group
from kui_core.plan import EducationPlan, Goal, GoalKind, GoalStatus, Participant, Role
from kui_core.transitions import check_transitions, transition_deadline

D = dt.date
DAY = dt.timedelta(days=1)
YOUTH = Youth("y1", D(2006, 9, 15))  # 18 in 2025
ENDED = D(2025, 6, 1)  # FGU ends: 31 May 2025 is its last day
DEADLINE = D(2025, 7, 1)  # 30 days later
FGU = Offer("fgu", "FGU Vest", Period(D(2024, 8, 12), ENDED))


def case_with(
    *offers: Offer,
    plans: tuple[EducationPlan, ...] = (),
    youth: Youth = YOUTH,
    closed: dt.date | None = None,
) -> YouthCase:
    return YouthCase(youth, D(2024, 8, 1), closed, plans=plans, offers=offers)


PLAN_DAY = D(2024, 8, 1)


def plan_with(*goals: Goal, created: dt.date = PLAN_DAY) -> EducationPlan:
    return EducationPlan(
        id=f"p{created.isoformat()}",
        created_on=created,
        participants=(Participant("y1", Role.YOUTH),),
        goals=goals,
        interventions=(),
    )


def found(c: YouthCase, on: dt.date) -> list[tuple[str, str, str | None]]:
    return [(f.code, str(f.period), f.subject) for f in check_transitions(c, on)]


def test_the_deadline_is_30_days_after_the_end() -> None:
    assert transition_deadline(FGU) == DEADLINE
    assert transition_deadline(Offer("x", "open", Period(ENDED))) is None


def test_no_next_step_is_reported_only_after_the_grace_period_1_july_2025() -> None:
    c = case_with(FGU)
    assert found(c, DEADLINE) == []
    (finding,) = check_transitions(c, DEADLINE + DAY)
    assert (finding.code, finding.period, finding.subject) == (
        "transition.no_next_step",
        Period(ENDED),
        "fgu",
    )
    assert finding.message("da") == "Tilbuddet fgu sluttede uden et næste skridt (fra 1.6.2025)."
    assert finding.message("en") == "Offer fgu ended without a next step (from 1.6.2025)."


def test_a_next_offer_starting_on_day_30_is_in_time() -> None:
    eud = Offer("eud", "EUD", Period(DEADLINE))
    assert found(case_with(FGU, eud), D(2025, 12, 1)) == []


def test_a_next_offer_starting_on_day_31_is_too_late() -> None:
    """EUD from 2 July 2025: the uncovered days are 1 June through 1 July."""
    eud = Offer("eud", "EUD", Period(DEADLINE + DAY))
    assert found(case_with(eud, FGU), D(2025, 12, 1)) == [
        ("transition.no_next_step", "[2025-06-01, 2025-07-02)", "fgu")
    ]
    assert found(case_with(eud, FGU), DEADLINE + DAY) == [
        ("transition.no_next_step", "[2025-06-01, 2025-07-02)", "fgu")
    ]
    # Before a later start, the gap is still open on the reference day.
    eud = Offer("eud", "EUD", Period(DEADLINE + 2 * DAY))
    assert found(case_with(eud, FGU), DEADLINE + DAY) == [
        ("transition.no_next_step", "[2025-06-01, )", "fgu")
    ]


def test_a_offer_running_on_past_the_end_is_a_next_step() -> None:
    job = Offer("job", "Fritidsjob", Period(D(2025, 1, 1), D(2025, 6, 2)))
    assert [s for _, _, s in found(case_with(FGU, job), D(2025, 12, 1))] == ["job"]
    # ... but one that ended the same day as FGU is not.
    parallel = attrs.evolve(job, period=Period(D(2025, 1, 1), ENDED))
    assert [s for _, _, s in found(case_with(FGU, parallel), D(2025, 12, 1))] == ["fgu", "job"]


def test_a_goal_with_a_target_date_within_the_window_is_a_next_step() -> None:
    goal = Goal("g1", GoalKind.EDUCATION, "Start på EUD", DEADLINE)
    assert found(case_with(FGU, plans=(plan_with(goal),)), D(2025, 12, 1)) == []
    achieved = attrs.evolve(goal, status=GoalStatus.ACHIEVED)
    assert found(case_with(FGU, plans=(plan_with(achieved),)), D(2025, 12, 1)) == []


def test_a_goal_dated_1_june_2025_the_first_day_without_the_offer_is_a_next_step() -> None:
    """The window starts on the end day itself (inclusive): a goal dated 1 June 2025 counts."""
    goal = Goal("g1", GoalKind.EDUCATION, "Start på EUD", ENDED)
    assert found(case_with(FGU, plans=(plan_with(goal),)), D(2025, 12, 1)) == []


def test_goals_that_do_not_bridge_the_gap() -> None:
    """Closed, dated after the deadline, before the end, undated, or in a plan made too late."""
    goal = Goal("g1", GoalKind.EDUCATION, "Start på EUD", D(2025, 6, 15))
    variants = [
        plan_with(attrs.evolve(goal, status=GoalStatus.CLOSED)),
        plan_with(attrs.evolve(goal, target_date=DEADLINE + DAY)),
        plan_with(attrs.evolve(goal, target_date=ENDED - DAY)),
        plan_with(attrs.evolve(goal, target_date=None)),
        plan_with(goal, created=DEADLINE + DAY),
    ]
    for plan in variants:
        assert [s for _, _, s in found(case_with(FGU, plans=(plan,)), D(2025, 12, 1))] == ["fgu"], (
            plan
        )
    # The close neighbour: the same plan made on the deadline day counts.
    assert found(case_with(FGU, plans=(plan_with(goal, created=DEADLINE),)), D(2025, 12, 1)) == []


def test_youth_outside_the_target_group_needs_no_next_step() -> None:
    """Completed STX on 31 May 2025: the offer's end finds them outside the target group."""
    graduate = attrs.evolve(
        YOUTH, educations=(EducationRecord(Programme.STX, D(2022, 8, 1), D(2025, 5, 31)),)
    )
    assert found(case_with(FGU, youth=graduate), D(2025, 12, 1)) == []
    turned_25 = Youth("y1", D(2000, 6, 1))  # 25 on 1 June 2025, the first day without FGU
    assert found(case_with(FGU, youth=turned_25), D(2025, 12, 1)) == []
    still_24 = Youth("y1", D(2000, 6, 2))
    assert len(found(case_with(FGU, youth=still_24), D(2025, 12, 1))) == 1


def test_a_case_closed_by_the_end_of_the_offer_needs_no_next_step() -> None:
    assert found(case_with(FGU, closed=ENDED), D(2025, 12, 1)) == []
    assert len(found(case_with(FGU, closed=ENDED + DAY), D(2025, 12, 1))) == 1


def test_open_ended_and_zero_length_offers_need_no_next_step() -> None:
    running = Offer("eud", "EUD", Period(D(2024, 8, 1)))
    cancelled = Offer("cancel", "Aflyst", Period(D(2025, 3, 1), D(2025, 3, 1)))
    assert found(case_with(running, cancelled), D(2025, 12, 1)) == []


def test_with_a_zero_day_gap_the_next_offer_must_start_on_the_end_day() -> None:
    policy = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=0)
    seamless = case_with(FGU, Offer("eud", "EUD", Period(ENDED)))
    one_day = case_with(FGU, Offer("eud", "EUD", Period(ENDED + DAY)))
    assert check_transitions(seamless, D(2025, 12, 1), policy) == ()
    (finding,) = check_transitions(one_day, D(2025, 12, 1), policy)
    assert finding.period == Period(ENDED, ENDED + DAY)


@given(
    gap=st.integers(0, 60),
    max_gap=st.integers(0, 45),
    on_after=st.integers(0, 90),
)
def test_reported_exactly_when_the_wait_exceeds_the_policy(
    gap: int, max_gap: int, on_after: int
) -> None:
    policy = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=max_gap)
    next_start = ENDED + gap * DAY
    on = ENDED + on_after * DAY
    c = case_with(FGU, Offer("eud", "EUD", Period(next_start)))
    findings = check_transitions(c, on, policy)
    late = gap > max_gap and on_after > max_gap
    assert [f.subject for f in findings] == (["fgu"] if late else [])
    for f in findings:
        assert f.period == Period(ENDED, next_start if next_start <= on else None)


def test_a_offer_ending_9999_12_31_is_open_in_practice() -> None:
    """Case systems write "no end" as 31 December 9999: its deadline lies beyond the calendar."""
    far = Offer("fgu", "FGU Vest", Period(D(2024, 8, 12), D(9999, 12, 31)))
    assert transition_deadline(far) == dt.date.max
    assert check_transitions(case_with(far), D(2026, 1, 1)) == ()
    assert check_transitions(case_with(far), dt.date.max) == ()


def test_a_deadline_beyond_the_calendar_is_capped_at_its_last_day() -> None:
    """Ending 1 December 9999: 29 days later is 30 December, 31 days later does not exist."""
    near_the_end = Offer("fgu", "FGU Vest", Period(D(2024, 8, 12), D(9999, 12, 1)))
    for days, deadline in ((29, D(9999, 12, 30)), (31, dt.date.max), (3650, dt.date.max)):
        policy = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=days)
        assert transition_deadline(near_the_end, policy) == deadline


# -- the fast check against the straightforward one -----------------------------------------


def reference_check_transitions(
    case: YouthCase, on: dt.date, policy: Policy = DEFAULT_POLICY
) -> list[tuple[str, Period, str]]:
    """The rule restated offer by offer, as the module documentation reads: O(n²)."""
    findings = []
    for offer in sorted(case.offers, key=lambda o: (o.period.start, o.id)):
        end = offer.period.end
        if end is None or offer.period.empty:
            continue
        deadline = end + min(policy.max_transition_gap_days, (dt.date.max - end).days) * DAY
        if on <= deadline or (case.closed_on is not None and case.closed_on <= end):
            continue
        starts = [
            other.period.start
            for other in case.offers
            if other is not offer
            and not other.period.empty
            and (other.period.end is None or other.period.end > end)
        ]
        if any(start <= deadline for start in starts):
            continue
        if any(
            goal.status is not GoalStatus.CLOSED
            and goal.target_date is not None
            and end <= goal.target_date <= deadline
            for plan in case.plans
            if plan.created_on <= deadline
            for goal in plan.goals
        ):
            continue
        if not in_target_group(case.youth, end, policy):
            continue
        resumed = min((start for start in starts if start <= on), default=None)
        findings.append(("transition.no_next_step", Period(end, resumed), offer.id))
    return findings


NEAR_15 = D(2021, 9, 15)  # YOUTH turns 15: the days around it cross into the target group


def near(offset: int) -> dt.date:
    return NEAR_15 + offset * DAY


@st.composite
def transition_cases(draw: st.DrawFn) -> tuple[YouthCase, dt.date, Policy]:
    offers = []
    for k in range(draw(st.integers(0, 6))):
        start = draw(st.integers(-60, 150))
        length = draw(st.sampled_from([30, 1, 10, 31, 2, 60, 0, None]))
        end = None if length is None else near(start + length)
        offers.append(Offer(f"o{k}", "tilbud", Period(near(start), end)))
    plans = []
    created = sorted(draw(st.lists(st.integers(-60, 150), min_size=1, max_size=3)))
    for number, offset in enumerate(created):
        goals = tuple(
            Goal(
                f"g{k}",
                GoalKind.EDUCATION,
                "mål",
                draw(st.integers(0, 220).map(near) | st.none()),
                draw(st.sampled_from(GoalStatus)),
            )
            for k in range(draw(st.integers(1, 3)))
        )
        plans.append(
            EducationPlan(
                id=f"p{number}",
                created_on=near(offset),
                participants=(Participant("y1", Role.YOUTH),),
                goals=goals,
                interventions=(),
                previous_id=f"p{number - 1}" if number else None,
            )
        )
    youth = draw(
        st.sampled_from(
            [
                YOUTH,
                attrs.evolve(
                    YOUTH,
                    educations=(EducationRecord(Programme.STX, D(2019, 8, 1), near(90)),),
                ),
            ]
        )
    )
    opened = near(-90)
    closed = draw(st.none() | st.integers(-60, 250).map(near))  # often open
    policy = attrs.evolve(DEFAULT_POLICY, max_transition_gap_days=draw(st.integers(0, 45)))
    case = YouthCase(
        youth, opened, closed, plans=tuple(plans), offers=tuple(draw(st.permutations(offers)))
    )
    return case, near(draw(st.integers(30, 300))), policy


@given(transition_cases())
def test_check_transitions_matches_the_offer_by_offer_reference(
    drawn: tuple[YouthCase, dt.date, Policy],
) -> None:
    case, on, policy = drawn
    got = [(f.code, f.period, f.subject) for f in check_transitions(case, on, policy)]
    assert got == reference_check_transitions(case, on, policy)
