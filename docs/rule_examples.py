"""Worked examples for the rule reference: for each rule code, one case that produces it and one
that does not.

Each family has a ``setup`` block (shown once at the top of the family) and, per rule code, two
snippets that run after it and assign ``findings``. ``docs/hooks.py`` executes them at build time
and shows their real output; ``tests/test_docs.py`` checks that the "produces" snippet yields the
code and the "does not produce" snippet does not. A family is shown only when every name in
``requires`` is importable from ``kui_core``: the docs never show an example the code cannot run.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    """One rule code's pair of snippets (Python source, run after the family's setup)."""

    produces: str
    does_not: str


@dataclass(frozen=True)
class Family:
    """The rule codes sharing a prefix, the function that checks them, and their examples."""

    prefix: str
    title: str
    checked_by: str
    requires: tuple[str, ...]
    setup: str
    examples: dict[str, Example] = field(default_factory=dict)


SHOW = "print([f.code for f in findings])"
"""The line appended to every snippet: the output block lists the codes found."""


ELIGIBILITY = Family(
    prefix="eligibility.",
    title="Target group and outreach",
    checked_by="assess_eligibility",
    requires=("assess_eligibility", "Youth", "EducationRecord", "Employment"),
    setup="""\
from datetime import date

from kui_core import EducationRecord, Employment, Period, Programme, Youth, assess_eligibility

on = date(2026, 1, 15)
""",
    examples={
        "eligibility.in_target_group": Example(
            produces="""\
# 20 years old, no education completed
findings = assess_eligibility(Youth("y-1", date(2005, 3, 10)), on).findings
""",
            does_not="""\
# completed STX (a qualifying education) in June 2024
stx = EducationRecord(Programme.STX, date(2021, 8, 1), completed_on=date(2024, 6, 25))
findings = assess_eligibility(Youth("y-1", date(2005, 3, 10), educations=(stx,)), on).findings
""",
        ),
        "eligibility.over_age_limit": Example(
            produces="""\
# the 25th birthday is the reference day itself
findings = assess_eligibility(Youth("y-1", date(2001, 1, 15)), on).findings
""",
            does_not="""\
# the 25th birthday is tomorrow: still 24 today
findings = assess_eligibility(Youth("y-1", date(2001, 1, 16)), on).findings
""",
        ),
        "eligibility.under_min_age": Example(
            produces="""\
# turns 15 tomorrow
findings = assess_eligibility(Youth("y-1", date(2011, 1, 16)), on).findings
""",
            does_not="""\
# turns 15 today
findings = assess_eligibility(Youth("y-1", date(2011, 1, 15)), on).findings
""",
        ),
        "eligibility.completed_qualifying_education": Example(
            produces="""\
eud = EducationRecord(Programme.EUD, date(2021, 8, 1), completed_on=date(2025, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(eud,)), on).findings
""",
            does_not="""\
# dropped out of EUD: leaving is not completing
eud = EducationRecord(Programme.EUD, date(2021, 8, 1), left_on=date(2022, 3, 1))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(eud,)), on).findings
""",
        ),
        "eligibility.completed_youth_education": Example(
            produces="""\
# STU is a youth education but not a qualifying one (§ 2 k)
stu = EducationRecord(Programme.STU, date(2021, 8, 1), completed_on=date(2024, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(stu,)), on).findings
""",
            does_not="""\
# FGU is preparatory: not a youth education
fgu = EducationRecord(Programme.FGU, date(2022, 8, 1), completed_on=date(2024, 6, 30))
findings = assess_eligibility(Youth("y-1", date(2004, 5, 1), educations=(fgu,)), on).findings
""",
        ),
        "eligibility.enrolled": Example(
            produces="""\
eud = EducationRecord(Programme.EUD, date(2025, 8, 1))
findings = assess_eligibility(Youth("y-1", date(2007, 9, 1), educations=(eud,)), on).findings
""",
            does_not="""\
# admitted, but the programme starts next month
eud = EducationRecord(Programme.EUD, date(2026, 2, 1))
findings = assess_eligibility(Youth("y-1", date(2007, 9, 1), educations=(eud,)), on).findings
""",
        ),
        "eligibility.employed_20h": Example(
            produces="""\
job = Employment(Period(date(2025, 9, 1)), hours_per_week=25)
findings = assess_eligibility(Youth("y-1", date(2003, 4, 2), employments=(job,)), on).findings
""",
            does_not="""\
job = Employment(Period(date(2025, 9, 1)), hours_per_week=15)
findings = assess_eligibility(Youth("y-1", date(2003, 4, 2), employments=(job,)), on).findings
""",
        ),
        "eligibility.outreach_required": Example(
            produces="""\
# neither enrolled nor working: the municipality must reach out
findings = assess_eligibility(Youth("y-1", date(2006, 11, 3)), on).findings
""",
            does_not="""\
hf = EducationRecord(Programme.HF, date(2025, 8, 1))
findings = assess_eligibility(Youth("y-1", date(2006, 11, 3), educations=(hf,)), on).findings
""",
        ),
    },
)


FAMILIES: tuple[Family, ...] = (ELIGIBILITY,)
