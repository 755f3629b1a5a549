"""Many at once: the outreach worklist and the review summary (kui_core.bulk)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DataError,
    EducationRecord,
    Employment,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Severity,
    Youth,
    YouthCase,
    assess_eligibility,
    review_case,
)
from kui_core.bulk import (
    OutreachWorklist,
    ReviewSummary,
    iter_reviews,
    outreach_worklist,
    summarize_reviews,
)
from kui_core.strategies import cases, cohorts, policies, reference_days

D = dt.date
ON = D(2026, 3, 2)


@given(reference_days(), st.data())
def test_the_worklist_holds_exactly_whom_outreach_is_due_for_most_urgent_first(
    on: dt.date, data: st.DataObject
) -> None:
    policy = data.draw(policies())
    cohort = data.draw(cohorts(on, policy=policy, unknown_records=True))
    worklist = outreach_worklist(iter(cohort), on, policy)
    answers = {y.person_id: assess_eligibility(y, on, policy) for y in cohort}
    assert worklist.assessed == len(cohort)
    assert {i.person_id for i in worklist.items} == {
        pid for pid, e in answers.items() if e.outreach_required
    }
    assert worklist.undecided == tuple(
        pid for pid, e in answers.items() if e.outreach_required is None
    )
    for item in worklist.items:
        assert item.eligibility == answers[item.person_id]
        assert item.under_duty == (policy.duty_min_age <= item.age <= policy.duty_max_age)
        assert item.idle_since <= on
    keys = [(not i.under_duty, i.idle_since, i.person_id) for i in worklist.items]
    assert keys == sorted(keys)


def test_a_15_year_old_comes_before_a_20_year_old_idle_much_longer_on_2026_03_02() -> None:
    school = EducationRecord(Programme.PRIMARY_SCHOOL, D(2017, 8, 14), completed_on=D(2025, 6, 27))
    fifteen = Youth("y-15", D(2010, 9, 1), educations=(school,))
    job = Employment(Period(D(2023, 1, 1), D(2024, 5, 1)), 37)
    twenty = Youth("y-20", D(2005, 9, 1), employments=(job,))
    never = Youth("y-21", D(2004, 9, 1))
    worklist = outreach_worklist([never, twenty, fifteen], ON)
    assert [i.person_id for i in worklist.items] == ["y-15", "y-21", "y-20"]
    assert [i.idle_since for i in worklist.items] == [
        D(2025, 9, 1),  # school ended in June, but the target group starts at 15
        D(2019, 9, 1),  # no record: since the 15th birthday
        D(2024, 5, 1),  # the job ended
    ]
    assert worklist.items[0].under_duty
    assert worklist.undecided == ()


def test_the_worklist_reads_a_timeline_on_its_day() -> None:
    youth = Youth("y", D(2004, 1, 1), employments=(Employment(Period(D(2025, 1, 1)), 25),))
    stricter = PolicyTimeline(Policy(), {D(2026, 1, 1): Policy(outreach_work_hours=30)})
    assert outreach_worklist([youth], D(2025, 12, 31), stricter).items == ()
    assert [i.person_id for i in outreach_worklist([youth], ON, stricter).items] == ["y"]


def test_the_worklist_refuses_a_repeated_id_and_what_is_no_youth() -> None:
    youth = Youth("y", D(2004, 1, 1))
    with pytest.raises(DataError) as raised:
        outreach_worklist([youth, youth], ON)
    assert raised.value.path == "youths[1].person_id"
    with pytest.raises(DataError) as raised:
        outreach_worklist([youth, "y"], ON)  # type: ignore[list-item]
    assert raised.value.path == "youths[1]"
    with pytest.raises(DataError):
        outreach_worklist([youth], "2026-03-02")  # type: ignore[arg-type]


def test_an_empty_cohort_gives_an_empty_worklist() -> None:
    assert outreach_worklist([], ON) == OutreachWorklist(ON, (), (), 0)


@settings(max_examples=25)
@given(st.lists(cases(on=ON), max_size=4), st.lists(cases(False, on=ON), max_size=4))
def test_the_summary_counts_the_cases_with_each_code_and_severity(
    clean: list[YouthCase], broken: list[YouthCase]
) -> None:
    all_cases = clean + broken
    reports = [review_case(case, ON) for case in all_cases]
    assert list(iter_reviews(all_cases, ON)) == reports
    summary = summarize_reviews(iter_reviews(iter(all_cases), ON))
    assert summary.cases == len(all_cases)
    assert summary.invalid == sum(not r.valid for r in reports)
    codes = {f.code for r in reports for f in r.findings}
    assert dict(summary.by_code) == {c: sum(c in r.codes for r in reports) for c in sorted(codes)}
    assert list(summary.by_code) == sorted(codes)
    for severity in Severity:
        expected = sum(any(f.severity is severity for f in r.findings) for r in reports)
        assert summary.by_severity[severity] == expected


def test_reviews_stream_one_at_a_time_from_an_endless_source() -> None:
    case = YouthCase(Youth("y", D(2009, 5, 1)), D(2025, 8, 1))

    def endless() -> Iterator[YouthCase]:
        yield from itertools.repeat(case)

    first_three = list(itertools.islice(iter_reviews(endless(), ON), 3))
    assert first_three == [review_case(case, ON)] * 3


def test_the_summary_renders_most_frequent_first_and_refuses_what_is_no_report() -> None:
    summary = ReviewSummary(
        cases=3,
        invalid=1,
        by_code={"plan.missing": 1, "eligibility.in_target_group": 3},
        by_severity={},
    )
    assert summary.render().splitlines() == [
        "3 cases, 1 with errors",
        "  eligibility.in_target_group  3",
        "  plan.missing                 1",
    ]
    assert summarize_reviews([]).render() == "0 cases, 0 with errors"
    with pytest.raises(DataError) as raised:
        summarize_reviews([object()])  # type: ignore[list-item]
    assert raised.value.path == "reports[0]"
    with pytest.raises(DataError) as raised:
        list(iter_reviews([object()], ON))  # type: ignore[list-item]
    assert raised.value.path == "cases[0]"
