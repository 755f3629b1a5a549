"""Property-test your own code with kui-core's Hypothesis strategies.

Your case system has its own code around kui-core: here, `outreach_worklist`, which picks the
young people the outreach team must contact and puts the most urgent first. Example tests check
the cases you thought of; property tests let Hypothesis generate thousands of valid young people
(`kui_core.strategies`), clustered around the days where the rules turn (15th and 25th
birthdays, 29 February, completion on the reference day), under varied municipal policies.

Run it as a script or with pytest (it needs the `hypothesis` extra:
pip install 'kui-core[hypothesis]'):

    python examples/property_test_your_code.py
    pytest examples/property_test_your_code.py
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import DEFAULT_POLICY, Policy, Youth, assess_eligibility
from kui_core.strategies import cohorts, policies, reference_days, youths

# -- your code -----------------------------------------------------------------------------------


def outreach_worklist(
    people: Iterable[Youth], on: date, policy: Policy = DEFAULT_POLICY
) -> list[tuple[str, date]]:
    """(person_id, last day in the target group) for everyone who must be reached through
    outreach on `on`, the one leaving the target group soonest first (ties: by id)."""
    work = []
    for youth in people:
        result = assess_eligibility(youth, on, policy)
        if result.outreach_required:
            work.append((youth.person_id, result.eligible_until))
    return sorted(work, key=lambda item: (item[1], item[0]))


# -- its properties ------------------------------------------------------------------------------

# A few dozen examples per property keeps this file fast in CI; raise max_examples locally (or
# use a Hypothesis settings profile) to search harder. database=None: no files written.
FAST = settings(max_examples=25, database=None, deadline=None)

# A reference day, a cohort assessed on it, and a municipal policy, drawn together.
scenarios = reference_days().flatmap(
    lambda on: st.tuples(st.just(on), cohorts(on, max_size=8), policies())
)


@FAST
@given(scenarios)
def test_worklist_is_exactly_those_needing_outreach(
    scenario: tuple[date, list[Youth], Policy],
) -> None:
    on, people, policy = scenario
    listed = {person_id for person_id, _ in outreach_worklist(people, on, policy)}
    expected = {y.person_id for y in people if assess_eligibility(y, on, policy).outreach_required}
    assert listed == expected


@FAST
@given(scenarios)
def test_worklist_puts_the_most_urgent_first(scenario: tuple[date, list[Youth], Policy]) -> None:
    on, people, policy = scenario
    days = [last_day for _, last_day in outreach_worklist(people, on, policy)]
    assert days == sorted(days)
    assert all(last_day >= on for last_day in days)  # nobody listed who has already left


@FAST
@given(reference_days().flatmap(lambda on: st.tuples(st.just(on), cohorts(on, max_size=8))))
def test_a_higher_work_threshold_never_shortens_the_list(
    scenario: tuple[date, list[Youth]],
) -> None:
    # The outreach threshold is 20 hours a week by default (uvm.dk). Should a municipality choose
    # 30, that can only add young people to the list, never remove one.
    on, people = scenario
    strict = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)
    default_list = {person_id for person_id, _ in outreach_worklist(people, on)}
    strict_list = {person_id for person_id, _ in outreach_worklist(people, on, strict)}
    assert default_list <= strict_list


@FAST
@given(reference_days(), st.data())
def test_a_young_person_in_education_is_never_on_the_list(on: date, data: st.DataObject) -> None:
    youth = data.draw(youths(on, min_age=15, max_age=24))
    if assess_eligibility(youth, on).enrolled:
        assert outreach_worklist([youth], on) == []


def main() -> int:
    tests = [
        test_worklist_is_exactly_those_needing_outreach,
        test_worklist_puts_the_most_urgent_first,
        test_a_higher_work_threshold_never_shortens_the_list,
        test_a_young_person_in_education_is_never_on_the_list,
    ]
    for test in tests:
        test()  # Hypothesis runs the property on many generated examples; raises on failure
        print(f"ok  {test.__name__}")
    print(f"{len(tests)} properties hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
