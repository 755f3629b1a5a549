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


# Defined before the imports below: importing them imports Hypothesis, whose entry-point loader
# calls this hook, possibly while this package is still half imported.
def _hypothesis_setup_hook() -> None:
    """Register kui-core's strategies with ``st.register_type_strategy`` (the entry point)."""
    import sys

    for name in ("_core", "_plans", "_cases"):
        module = sys.modules.get(f"{__name__}.{name}")
        register = getattr(module, "register_type_strategies", None)
        if register is not None:  # not yet imported, or mid-import: the call at the end registers
            register()


from ._broken import (  # noqa: E402
    BROKEN_CASE_CODES,
    BROKEN_PLAN_CODES,
    broken_cases,
    broken_plans,
)
from ._cases import (  # noqa: E402
    cases,
    coordinator_assignments,
    duty_lapses,
    offers,
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
    special_days,
    weekly_hours,
    youths,
)
from ._plans import (  # noqa: E402
    PlanExample,
    goals,
    interventions,
    milestones,
    participants,
    plan_examples,
    plans,
    units,
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
    "offers",
    "participants",
    "periods",
    "person_ids",
    "plan_examples",
    "plans",
    "policies",
    "reference_days",
    "special_days",
    "units",
    "weekly_hours",
    "youths",
]

_hypothesis_setup_hook()
