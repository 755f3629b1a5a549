"""Hypothesis strategies for kui-core models (needs the ``hypothesis`` extra).

Use them in your own property tests::

    from hypothesis import given
    from kui_core import assess_eligibility
    from kui_core.strategies import reference_days, youths

    @given(reference_days().flatmap(lambda on: youths(on=on).map(lambda y: (y, on))))
    def test_eligibility_explains_itself(case):
        youth, on = case
        assert assess_eligibility(youth, on).findings

Every strategy is valid by construction, and dates cluster around the days where the rules turn
(the 15th and 25th birthdays, 29 February, completion on the reference day). Installing kui-core
registers the model types through Hypothesis' ``hypothesis`` entry point, so
``st.from_type(Youth)`` works without importing this module. This is the only part of kui-core
that imports Hypothesis; ``import kui_core`` never does.
"""

from __future__ import annotations


# Defined before the imports below: importing ``_core`` imports Hypothesis, whose entry-point
# loader calls this hook, possibly while this package is still half imported.
def _hypothesis_setup_hook() -> None:
    """Register kui-core's strategies with ``st.register_type_strategy`` (the entry point)."""
    from . import _core

    register = getattr(_core, "register_type_strategies", None)
    if register is not None:  # None while _core is mid-import: the call at the end registers
        register()
    from . import _case

    register = getattr(_case, "register_type_strategies", None)
    if register is not None:  # likewise for the plan and case strategies
        register()


from ._case import (  # noqa: E402
    BROKEN_CASE_CODES,
    BROKEN_PLAN_CODES,
    PlanExample,
    broken_cases,
    broken_plans,
    cases,
    coordinator_assignments,
    duty_lapses,
    goals,
    interventions,
    milestones,
    participants,
    placements,
    plan_examples,
    plans,
    units,
)
from ._core import (  # noqa: E402
    birth_dates,
    cohorts,
    cpr_numbers,
    education_records,
    employments,
    findings,
    legal_bases,
    periods,
    person_ids,
    policies,
    reference_days,
    weekly_hours,
    youths,
)

__all__ = [
    "BROKEN_CASE_CODES",
    "BROKEN_PLAN_CODES",
    "PlanExample",
    "birth_dates",
    "broken_cases",
    "broken_plans",
    "cases",
    "cohorts",
    "coordinator_assignments",
    "cpr_numbers",
    "duty_lapses",
    "education_records",
    "employments",
    "findings",
    "goals",
    "interventions",
    "legal_bases",
    "milestones",
    "participants",
    "periods",
    "person_ids",
    "placements",
    "plan_examples",
    "plans",
    "policies",
    "reference_days",
    "units",
    "weekly_hours",
    "youths",
]

_hypothesis_setup_hook()
