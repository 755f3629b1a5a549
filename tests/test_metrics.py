"""Tests for kui_core.metrics: completion, NEET and application shares, and their breakdowns
(secondary suppression as the metrics apply it), against a plain restatement and an attacker."""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    Application,
    Breakdown,
    CarePlacement,
    DataError,
    EducationRecord,
    Employment,
    LeapDayRule,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Rate,
    Track,
    Youth,
    age_on,
    application_shares,
    completion_rate,
    neet_share,
)
from kui_core.audit import AuditStamp, audit_stamp
from kui_core.dates import born_between, completed_years
from kui_core.education import YOUTH_EDUCATIONS
from kui_core.metrics import (
    APPLICATIONS_MEASURE,
    COMPLETION_MEASURE,
    COMPLETION_PROGRAMMES,
    NEET_MEASURE,
    NEET_PROGRAMMES,
    ApplicationShares,
    Measure,
    MeasureKind,
)
from kui_core.rates import SUPPRESSED, protect_breakdown
from kui_core.serialization import dumps, loads
from kui_core.strategies import cohorts, policies, reference_days

D = _dt.date
OCT_1 = D(2025, 10, 1)

# --------------------------------------------------------------------------------------------
# Plain restatements of the metrics (the obvious, slow way)


def _unknown_on(known_until: _dt.date | None, on: _dt.date) -> bool:
    return known_until is not None and known_until < on


def plain_completion(
    youths: Sequence[Youth], on: _dt.date, age: int, policy: Policy
) -> tuple[int, int, int]:
    """(numerator, denominator, undecided): no completion recorded and education records
    ending before ``on`` is undecided."""
    population = [y for y in youths if age_on(y.birth_date, on, policy.leap_day_rule) == age]
    done = [
        y
        for y in population
        if any(r.completed_by(on) and r.programme.qualifying for r in y.educations)
    ]
    undecided = [
        y for y in population if y not in done and _unknown_on(y.educations_known_until, on)
    ]
    return len(done), len(population) - len(undecided), len(undecided)


def plain_neet(youths: Sequence[Youth], on: _dt.date, policy: Policy) -> tuple[int, int, int]:
    """(numerator, denominator, undecided): NEET by the records, but either kind of record
    ending before ``on``, is undecided."""
    population = [y for y in youths if 15 <= age_on(y.birth_date, on, policy.leap_day_rule) <= 24]
    neet = [
        y
        for y in population
        if not any(r.completed_by(on) and r.programme in NEET_PROGRAMMES for r in y.educations)
        and not any(r.enrolled_on(on) for r in y.educations)
        and y.weekly_hours_on(on) < policy.neet_work_hours
    ]
    undecided = [
        y
        for y in neet
        if _unknown_on(y.educations_known_until, on) or _unknown_on(y.employments_known_until, on)
    ]
    return len(neet) - len(undecided), len(population) - len(undecided), len(undecided)


def with_unknown_records(data: st.DataObject, youths: list[Youth], on: _dt.date) -> list[Youth]:
    """Some of ``youths`` with education or employment records known only up to a day near
    ``on`` (before it, on it or after it)."""
    day = st.none() | st.integers(-400, 30).map(lambda k: on + _dt.timedelta(days=k))
    marked = []
    for youth in youths:
        if data.draw(st.booleans()):
            youth = attrs.evolve(
                youth,
                educations_known_until=data.draw(day),
                employments_known_until=data.draw(day),
            )
        marked.append(youth)
    return marked


# --------------------------------------------------------------------------------------------
# The attacker: solve for suppressed cells from what is published


def recoverable(
    hidden: Mapping[Hashable, tuple[int, ...]],
    residual: tuple[int, ...],
    *,
    min_size: int,
    threshold: int,
) -> list[str]:
    """What an attacker works out about the suppressed cells: every disclosure, as text.

    ``hidden`` holds the true counts of the suppressed cells, ``residual`` what the published
    total minus the published cells leaves for them (per count). The attacker knows every
    published number, that every cell has counts >= 0 and a size (sum of its counts) >=
    ``min_size``, and tries every derivation: for every set of suppressed cells (each single
    cell, each union of some, all of them) it finds every value that the set's sum can take of
    each count, of the size, and of each complement (size minus one count), over all tables
    that fit what is published. The sum over a set of ``a`` of the ``k`` suppressed cells can
    be any vector ``v`` with ``0 <= v <= residual``, ``sum(v) >= a * min_size`` and
    ``sum(residual - v) >= (k - a) * min_size`` (integers split freely among cells), and is
    ``residual`` itself for all of them; every ``v`` is tried. Cells are interchangeable to the
    attacker (none is published), so a set's derivations depend only on its size.

    A disclosure is a value pinned down for a single cell or a union short of all the cells,
    or a derivable sum (the residual, and its complements) from 1 to below ``threshold``.
    """
    found = []
    k = len(hidden)
    width = len(residual)
    names = [f"count {i}" for i in range(width)] + ["size"]
    if width > 1:
        names += [f"size - count {i}" for i in range(width)]

    def derived(vector: tuple[int, ...]) -> tuple[int, ...]:
        size = sum(vector)
        complements = tuple(size - c for c in vector) if width > 1 else ()
        return (*vector, size, *complements)

    every_vector = [
        (sum(vector), vector, derived(vector))
        for vector in itertools.product(*(range(r + 1) for r in residual))
    ]
    truth = list(hidden.values())
    for a in range(1, k + 1):
        if a == k:
            candidates = [(residual, derived(residual))]
        else:
            low, high = a * min_size, sum(residual) - (k - a) * min_size
            candidates = [(v, d) for size, v, d in every_vector if low <= size <= high]
        # The truth is always feasible: the sum over the first ``a`` cells is a candidate.
        assert tuple(map(sum, zip(*truth[:a], strict=True))) in {v for v, _ in candidates}
        columns = zip(*(d for _, d in candidates), strict=True)
        for name, column in zip(names, columns, strict=True):
            smallest, largest = min(column), max(column)
            if smallest == largest and (a < k or k == 1):
                found.append(f"{name} of {a} cell(s) pinned at {smallest}")
            elif smallest == largest and 0 < smallest < threshold:
                found.append(f"{name} of all {k} cells: {smallest}")
    return found


def check_breakdown_safe(breakdown: Breakdown) -> None:
    """No suppressed cell of a rate breakdown can be solved for from the published numbers."""
    if not breakdown.total.publishable:
        # Nothing ties the cells together: the published cells reveal only themselves.
        return
    hidden = {
        key: (rate.numerator, rate.complement)
        for key, rate in breakdown.items()
        if not rate.publishable
    }
    if not hidden:
        return
    published = [rate for rate in breakdown.values() if rate.publishable]
    residual = (
        breakdown.total.numerator - sum(r.numerator for r in published),
        breakdown.total.complement - sum(r.complement for r in published),
    )
    # Every group shown has someone in it, but where the total counts undecided people a
    # group may consist of them alone (no one in numerator or complement): the attacker can
    # then assume no more than a size of 0.
    min_size = 0 if breakdown.total.undecided else 1
    threshold = breakdown.total.min_publishable_count
    assert recoverable(hidden, residual, min_size=min_size, threshold=threshold) == []


def test_a_group_of_undecided_people_only_is_protected_too() -> None:
    """Municipality 147 has two young people, both undecided (0 of 0 decided): its cell is
    hidden, and so is 101's, or 147's (empty) counts would follow from the total."""
    youths = [
        *(Youth(f"a{i}", D(2004, 4, 4), municipality_code="101") for i in range(6)),
        *(
            Youth(
                f"b{i}",
                D(2004, 4, 4),
                (EducationRecord(Programme.STX, D(2025, 8, 1)),),
                municipality_code="101",
            )
            for i in range(6)
        ),
        *(
            Youth(
                f"u{i}",
                D(2004, 4, 4),
                municipality_code="147",
                employments_known_until=D(2025, 9, 30),
            )
            for i in range(2)
        ),
    ]
    shares = neet_share(youths, D(2025, 10, 1), by="municipality")
    assert (shares["147"].numerator, shares["147"].denominator, shares["147"].undecided) == (
        0,
        0,
        2,
    )
    assert not shares["147"].publishable
    assert not shares["101"].publishable
    assert shares.total.publishable
    check_breakdown_safe(shares)


# --------------------------------------------------------------------------------------------
# Secondary suppression


def _youth_25(person: str, group: str, completed: bool, on: _dt.date = OCT_1) -> Youth:
    born = on.replace(year=on.year - 25)
    educations = (
        (EducationRecord(Programme.EUD, born.replace(year=born.year + 16), on),)
        if completed
        else ()
    )
    return Youth(person, born, educations, municipality_code=group)


def _population(cells: Mapping[str, tuple[int, int]]) -> list[Youth]:
    """Youths aged 25 on OCT_1: per group, ``numerator`` completed out of ``denominator``."""
    out = []
    for group, (numerator, denominator) in cells.items():
        out += [_youth_25(f"{group}-{i}", group, i < numerator) for i in range(denominator)]
    return out


def test_lone_suppressed_cell_takes_the_next_smallest_cell_with_it() -> None:
    """A 3/50 cell could be read off the total; the smallest other cell (60) hides it."""
    cells = {"101": (3, 50), "147": (40, 60), "350": (30, 100), "461": (80, 200)}
    breakdown = completion_rate(_population(cells), OCT_1, by="municipality")
    assert [key for key in breakdown if not breakdown[key].publishable] == ["101", "147"]
    assert breakdown["101"].primary_suppressed
    assert breakdown["147"].secondary_suppression
    assert breakdown.publishable == ("350", "461")
    assert breakdown.total.publishable
    check_breakdown_safe(breakdown)


def test_suppressed_cells_summing_to_zero_take_a_third_cell() -> None:
    """Two hidden cells with 0 completions each would both read as 0: a third is hidden."""
    cells = {"101": (0, 20), "147": (0, 30), "350": (30, 100), "461": (80, 200)}
    breakdown = completion_rate(_population(cells), OCT_1, by="municipality")
    assert breakdown.publishable == ("461",)
    check_breakdown_safe(breakdown)


def test_complements_summing_to_zero_take_a_third_cell() -> None:
    cells = {"101": (20, 20), "147": (30, 30), "350": (30, 100), "461": (80, 200)}
    breakdown = completion_rate(_population(cells), OCT_1, by="municipality")
    assert breakdown.publishable == ("461",)
    check_breakdown_safe(breakdown)


def test_groups_of_one_each_hide_the_total() -> None:
    """Ten groups of one person: their sizes would be known (1 each), so the total goes too."""
    cells = {f"g{i}": (1 if i < 5 else 0, 1) for i in range(10)}
    breakdown = completion_rate(_population(cells), OCT_1, by="municipality")
    assert breakdown.publishable == ()
    assert not breakdown.total.primary_suppressed
    assert breakdown.total.secondary_suppression
    assert str(breakdown.total) == SUPPRESSED


def test_small_total_hides_every_cell() -> None:
    cells = {"101": (2, 30), "147": (1, 40)}
    breakdown = completion_rate(_population(cells), OCT_1, by="municipality")
    assert not breakdown.total.publishable
    assert breakdown.publishable == ()


def _cell(size: int, near: str, small: int, anywhere: int) -> tuple[int, int]:
    numerator = {"0": min(small, size), "n": size - min(small, size)}.get(
        near, anywhere % (size + 1)
    )
    return numerator, size


# Small numerators and small complements (what gets suppressed) as often as the rest.
_CELL = st.builds(
    _cell, st.integers(1, 12), st.sampled_from("0n*"), st.integers(0, 3), st.integers(0, 12)
)


@settings(max_examples=250)
@given(
    st.lists(_CELL, min_size=1, max_size=6),
    st.integers(1, 6),
    st.sets(st.integers(0, 5), max_size=2),
)
@example([(1, 12), (2, 12), (6, 12), (6, 12)], 5, set())  # 3 of the hidden 24 completed
@example([(11, 12), (10, 12), (6, 12), (6, 12)], 5, set())  # all but 3
@example([(6, 12), (6, 12), (6, 12), (6, 12)], 5, {0, 1})  # hidden elsewhere: no small union
def test_protect_breakdown_leaves_no_derivable_count_below_the_threshold(
    counts: list[tuple[int, int]], threshold: int, also: set[int]
) -> None:
    """Drawn breakdowns, protected: the attacker pins no cell and no union short of all, and
    no sum over the hidden cells (or its complement) is from 1 to below the threshold."""
    cells = {
        f"g{i}": Rate(numerator, denominator, min_publishable_count=threshold)
        for i, (numerator, denominator) in enumerate(counts)
    }
    total = Rate(
        sum(n for n, _ in counts),
        sum(d for _, d in counts),
        min_publishable_count=threshold,
    )
    breakdown = protect_breakdown(cells, total, also_hidden=[f"g{i}" for i in also])
    check_breakdown_safe(breakdown)
    for key, rate in breakdown.items():
        assert (rate.numerator, rate.denominator) == counts[int(key[1:])]  # kept
        if cells[key].primary_suppressed or int(key[1:]) in also:
            assert not rate.publishable
    if total.primary_suppressed:
        assert breakdown.publishable == ()


def test_the_attacker_recovers_a_lone_or_zero_suppressed_cell() -> None:
    """The attacker in these tests works: it solves what a naive table would leak."""
    lone = recoverable({"a": (3, 47)}, (3, 47), min_size=1, threshold=5)
    assert "count 0 of 1 cell(s) pinned at 3" in lone
    zeros = recoverable({"a": (0, 20), "b": (0, 30)}, (0, 50), min_size=1, threshold=5)
    assert "count 0 of 1 cell(s) pinned at 0" in zeros
    ones = recoverable({"a": (1, 0), "b": (0, 1)}, (1, 1), min_size=1, threshold=1)
    assert ones == ["size of 1 cell(s) pinned at 1"]  # each group has one member
    assert recoverable({"a": (10, 19), "b": (20, 28)}, (30, 47), min_size=1, threshold=5) == []


def test_the_attacker_recovers_a_small_union_and_a_small_complement() -> None:
    """Two hidden cells, neither pinned: but the total minus the published cells says that 3
    of them completed (the union), or that all but 3 did (its complement)."""
    union = {"a": (1, 19), "b": (2, 28)}
    assert recoverable(union, (3, 47), min_size=1, threshold=5) == [
        "count 0 of all 2 cells: 3",
        "size - count 1 of all 2 cells: 3",
    ]
    assert recoverable(union, (3, 47), min_size=1, threshold=3) == []
    complement = {"a": (19, 1), "b": (28, 2)}
    assert recoverable(complement, (47, 3), min_size=1, threshold=5) == [
        "count 1 of all 2 cells: 3",
        "size - count 0 of all 2 cells: 3",
    ]
    # Three counts (the application tracks): the third track's union, and the size minus it.
    tracks = {"9": (10, 10, 2), "10": (10, 10, 1)}
    assert recoverable(tracks, (20, 20, 3), min_size=1, threshold=5) == [
        "count 2 of all 2 cells: 3"
    ]


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["101", "147", "350", "461", "561"]),
        st.integers(1, 20).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
        min_size=1,
    ),
    st.integers(1, 6),
)
def test_no_suppressed_cell_is_recoverable_from_the_published_total(
    cells: dict[str, tuple[int, int]], threshold: int
) -> None:
    policy = attrs.evolve(DEFAULT_POLICY, min_publishable_count=threshold)
    breakdown = completion_rate(_population(cells), OCT_1, policy=policy, by="municipality")
    check_breakdown_safe(breakdown)
    for key, rate in breakdown.items():
        assert (rate.numerator, rate.denominator) == cells[key]
        if rate.primary_suppressed:
            assert not rate.publishable


# --------------------------------------------------------------------------------------------
# completion_rate


@settings(max_examples=60)
@given(reference_days(D(2000, 1, 1), D(2035, 12, 31)), policies(), st.data())
def test_completion_rate_agrees_with_a_plain_restatement(
    on: _dt.date, policy: Policy, data: st.DataObject
) -> None:
    youths = data.draw(cohorts(on, max_size=15, min_age=23, max_age=27, policy=policy))
    youths = with_unknown_records(data, youths, on)
    rate = completion_rate(youths, on, policy=policy)
    assert (rate.numerator, rate.denominator, rate.undecided) == plain_completion(
        youths, on, 25, policy
    )
    assert rate.min_publishable_count == policy.min_publishable_count


@settings(max_examples=60)
@given(reference_days(D(2000, 1, 1), D(2035, 12, 31)), policies(), st.data())
def test_neet_share_agrees_with_a_plain_restatement(
    on: _dt.date, policy: Policy, data: st.DataObject
) -> None:
    youths = data.draw(cohorts(on, max_size=15, policy=policy))
    youths = with_unknown_records(data, youths, on)
    rate = neet_share(youths, on, policy=policy)
    assert (rate.numerator, rate.denominator, rate.undecided) == plain_neet(youths, on, policy)


_KEYS: list[str | Callable[[Youth], Hashable]] = [
    "municipality",
    "in_care",
    "track",
    lambda youth: youth.birth_date.month % 3,
]


@settings(max_examples=60)
@given(reference_days(D(2000, 1, 1), D(2035, 12, 31)), st.sampled_from(_KEYS), st.data())
def test_groups_add_up_to_the_ungrouped_counts_and_people(
    on: _dt.date, key: str | Callable[[Youth], Hashable], data: st.DataObject
) -> None:
    youths = with_unknown_records(data, data.draw(cohorts(on, max_size=15)), on)
    for metric in (completion_rate, neet_share):
        whole = metric(youths, on, with_people=True)
        grouped = metric(youths, on, by=key, with_people=True)
        assert sum(r.numerator for r in grouped.values()) == whole.numerator
        assert sum(r.denominator for r in grouped.values()) == whole.denominator
        assert sum(r.undecided for r in grouped.values()) == whole.undecided
        assert (grouped.total.numerator, grouped.total.denominator, grouped.total.undecided) == (
            whole.numerator,
            whole.denominator,
            whole.undecided,
        )
        assert whole.people is not None
        assert grouped.total.people is not None
        assert sorted(grouped.total.people.denominator) == sorted(whole.people.denominator)
        assert sorted(grouped.total.people.undecided) == sorted(whole.people.undecided)
        assert len(whole.people.numerator) == whole.numerator
        assert len(whole.people.denominator) == whole.denominator
        assert len(whole.people.undecided) == whole.undecided
        assert set(whole.people.numerator) <= set(whole.people.denominator)
        assert not set(whole.people.undecided) & set(whole.people.denominator)
        for rate in grouped.values():
            assert rate.people is not None
            assert len(rate.people.numerator) == rate.numerator
            assert len(rate.people.undecided) == rate.undecided
        check_breakdown_safe(grouped)


def test_completion_counts_the_25th_birthday_itself_2025_10_01() -> None:
    """Born 1.10.2000: 25 on 1.10.2025, counted; born 2.10.2000: still 24, not counted."""
    on = OCT_1
    youths = [
        Youth("turns-25-today", D(2000, 10, 1)),
        Youth("turns-25-tomorrow", D(2000, 10, 2)),
        Youth("turns-26-tomorrow", D(1999, 10, 2)),
        Youth("turned-26-today", D(1999, 10, 1)),
    ]
    rate = completion_rate(youths, on, with_people=True)
    assert rate.people is not None
    assert rate.people.denominator == ("turns-25-today", "turns-26-tomorrow")
    assert completion_rate(youths, on - _dt.timedelta(days=1)).denominator == 2
    # the day before: turned-26-today and turns-26-tomorrow are 25


def test_completion_on_the_completion_day_counts_2025_10_01() -> None:
    """Completed on the reference day: counted; completed the day after: not yet."""
    born = D(2000, 5, 5)
    done_today = EducationRecord(Programme.STX, D(2016, 8, 1), completed_on=OCT_1)
    done_tomorrow = EducationRecord(Programme.STX, D(2016, 8, 1), completed_on=D(2025, 10, 2))
    rate = completion_rate(
        [Youth("a", born, (done_today,)), Youth("b", born, (done_tomorrow,))], OCT_1
    )
    assert (rate.numerator, rate.denominator) == (1, 2)


def test_completion_counts_qualifying_not_stu_unless_asked() -> None:
    born = D(2000, 5, 5)
    stu = Youth("stu", born, (EducationRecord(Programme.STU, D(2017, 8, 1), D(2020, 6, 1)),))
    higher = Youth("hi", born, (EducationRecord(Programme.HIGHER, D(2019, 8, 1), D(2023, 6, 1)),))
    fgu = Youth("fgu", born, (EducationRecord(Programme.FGU, D(2019, 8, 1), D(2020, 6, 1)),))
    youths = [stu, higher, fgu]
    assert completion_rate(youths, OCT_1).numerator == 1
    national = YOUTH_EDUCATIONS | {Programme.HIGHER}
    assert completion_rate(youths, OCT_1, programmes=national).numerator == 2


@pytest.mark.parametrize(
    ("rule", "on", "counted"),
    [
        (LeapDayRule.MARCH_1, D(2025, 2, 28), False),
        (LeapDayRule.FEBRUARY_28, D(2025, 2, 28), True),
        (LeapDayRule.MARCH_1, D(2025, 3, 1), True),
        (LeapDayRule.FEBRUARY_28, D(2026, 2, 28), False),
        (LeapDayRule.MARCH_1, D(2026, 2, 28), True),
    ],
)
def test_completion_for_a_29_february_birth(rule: LeapDayRule, on: _dt.date, counted: bool) -> None:
    """Born 29.2.2000: 25 on 28.2.2025 (FEBRUARY_28) or 1.3.2025 (MARCH_1)."""
    policy = attrs.evolve(DEFAULT_POLICY, leap_day_rule=rule)
    rate = completion_rate([Youth("leap", D(2000, 2, 29))], on, policy=policy)
    assert rate.denominator == int(counted)


def test_completion_on_29_february_2028() -> None:
    """On 29.2.2028, those born 29.2.2003 and 1.3.2002 are 25; born 1.3.2003 is 24."""
    youths = [Youth("a", D(2003, 2, 28)), Youth("b", D(2002, 3, 1)), Youth("c", D(2003, 3, 1))]
    youths.append(Youth("d", D(2002, 2, 28)))  # 26 since 28.2.2028
    rate = completion_rate(youths, D(2028, 2, 29), with_people=True)
    assert rate.people is not None
    assert rate.people.denominator == ("a", "b")


def test_empty_population_has_no_value() -> None:
    rate = completion_rate([], OCT_1)
    assert (rate.numerator, rate.denominator, rate.value) == (0, 0, None)
    assert str(rate) == SUPPRESSED
    assert len(completion_rate([], OCT_1, by="municipality")) == 0


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: completion_rate([], _dt.datetime(2025, 10, 1)), "on"),
        (lambda: completion_rate([], OCT_1, age=-1), "age"),
        (lambda: completion_rate([], OCT_1, age=True), "age"),
        (lambda: completion_rate([], OCT_1, by="planet"), "by"),
        (lambda: neet_share([], OCT_1, ages=(24, 15)), "ages"),
        (lambda: neet_share([], OCT_1, ages=[15, 24]), "ages"),
        (lambda: neet_share([], OCT_1, ages=(15, "24")), "ages[1]"),
    ],
)
def test_bad_arguments_raise_data_error(call: Callable[[], object], path: str) -> None:
    with pytest.raises(DataError) as error:
        call()
    assert error.value.path == path


# --------------------------------------------------------------------------------------------
# Any reference day: the ends of the calendar


def _everyone(on: _dt.date) -> list[Youth]:
    """Young people of every supported age band, with records open to the end of time."""
    born = [D(1858, 1, 1), D(1999, 2, 28), D(2000, 2, 29), D(2010, 10, 1), D(2299, 12, 31)]
    youths = []
    for i, birth in enumerate(born):
        start = max(birth, D(min(birth.year + 16, 2299), 8, 1))
        stx = EducationRecord(Programme.STX, start, completed_on=D(9999, 12, 31))
        job = Employment(Period(start, D(9999, 12, 31)), 30)
        youths.append(
            Youth(
                f"y{i}", birth, (stx,), (job,), municipality_code="101", educations_known_until=on
            )
        )
    return youths


@pytest.mark.parametrize("by", [None, "municipality", "in_care", "track"])
def test_completion_and_neet_on_9999_12_31(by: str | None) -> None:
    """The last day of the calendar is a reference day like any other (it used to raise:
    the 25th birthday of someone born on 1 January 9975 is after 9999). Nobody born in the
    supported calendar is 15 to 25 then: the populations are empty."""
    on = D(9999, 12, 31)
    youths = _everyone(on)
    for result in (
        completion_rate(youths, on, by=by, with_people=True),
        neet_share(youths, on, by=by, with_people=True),
        completion_rate(youths, on, age=0, by=by),
        neet_share(youths, on, ages=(0, 150), by=by),
    ):
        total = result if isinstance(result, Rate) else result.total
        assert (total.numerator, total.denominator, total.undecided) == (0, 0, 0)


@pytest.mark.parametrize("on", [D(1, 1, 1), D(1, 1, 2), D(2, 1, 1), D(1857, 12, 31)])
def test_completion_and_neet_on_0001_01_01_and_before_the_first_birth(on: _dt.date) -> None:
    """Before anyone in the supported calendar is born (and on the first day of the calendar,
    where even age 0 used to raise): empty populations, no error."""
    youths = _everyone(D(2025, 10, 1))
    assert completion_rate(youths, on, age=0).denominator == 0
    assert completion_rate(youths, on, age=1).denominator == 0
    assert neet_share(youths, on, ages=(0, 150), by="in_care").total.denominator == 0


def test_neet_on_31_december_2299_counts_the_last_supported_birth() -> None:
    """Born 31.12.2299, 0 years old that day; born 1.1.1858 is 441, beyond any band."""
    on = D(2299, 12, 31)
    youths = [Youth("last", D(2299, 12, 31)), Youth("first", D(1858, 1, 1))]
    rate = neet_share(youths, on, ages=(0, 150), with_people=True)
    assert rate.people is not None
    assert rate.people.denominator == ("last",)
    assert completion_rate(youths, on, age=0).denominator == 1


_EDGE_DAYS = (
    st.sampled_from(
        [
            *(D.max, D(9999, 12, 30), D(9999, 3, 1), D(9999, 2, 28), D(9996, 2, 29)),
            *(D(9976, 2, 29), D(1, 1, 1), D(1, 1, 2), D(1, 12, 31), D(2, 1, 1), D(4, 2, 29)),
        ]
    )
    | st.dates()
)


@settings(max_examples=300)
@given(_EDGE_DAYS, st.integers(0, 150), st.integers(0, 150), st.sampled_from(LeapDayRule))
def test_the_age_band_is_exact_to_the_ends_of_the_calendar(
    on: _dt.date, youngest: int, span: int, rule: LeapDayRule
) -> None:
    """The birth dates of the people aged ``youngest`` to ``oldest`` on ``on``, as the metrics
    compute them, are exactly those whose completed years fall in the band: checked on the
    days around both ends of the band, on any reference day of the calendar."""
    oldest = min(youngest + span, 150)
    policy = attrs.evolve(DEFAULT_POLICY, leap_day_rule=rule)
    first, last = born_between(youngest, oldest, on, policy.leap_day_rule)
    probes = {on}
    for edge in (first, last):
        for days in range(-3, 4):
            if D.min.toordinal() <= edge.toordinal() + days <= on.toordinal():
                probes.add(D.fromordinal(edge.toordinal() + days))
    for born in probes:
        in_band = youngest <= completed_years(born, on, rule) <= oldest
        assert (first <= born <= last) is in_band, born


# --------------------------------------------------------------------------------------------
# neet_share


def test_neet_counts_from_the_15th_birthday_2025_10_01() -> None:
    """Born 1.10.2010: 15 on 1.10.2025, counted; born 2.10.2010: 14, not."""
    rate = neet_share([Youth("15", D(2010, 10, 1)), Youth("14", D(2010, 10, 2))], OCT_1)
    assert (rate.numerator, rate.denominator) == (1, 1)


def test_neet_stops_at_the_25th_birthday_2025_10_01() -> None:
    """Born 1.10.2000: 25 on 1.10.2025, no longer counted; born 2.10.2000: 24, counted."""
    youths = [Youth("25", D(2000, 10, 1)), Youth("24", D(2000, 10, 2))]
    rate = neet_share(youths, OCT_1, with_people=True)
    assert rate.people is not None
    assert rate.people.denominator == ("24",)


def _neet(youth: Youth, on: _dt.date = OCT_1, policy: Policy = DEFAULT_POLICY) -> bool:
    rate = neet_share([youth], on, policy=policy)
    assert rate.denominator == 1
    return rate.numerator == 1


BORN = D(2004, 4, 4)


@pytest.mark.parametrize(
    ("records", "neet"),
    [
        ((), True),
        ((EducationRecord(Programme.STX, D(2020, 8, 1), completed_on=D(2023, 6, 1)),), False),
        ((EducationRecord(Programme.STU, D(2020, 8, 1), completed_on=D(2023, 6, 1)),), False),
        ((EducationRecord(Programme.HIGHER, D(2020, 8, 1), completed_on=D(2023, 6, 1)),), False),
        ((EducationRecord(Programme.FGU, D(2020, 8, 1), completed_on=D(2021, 6, 1)),), True),
        ((EducationRecord(Programme.FGU, D(2025, 8, 1)),), False),
        (
            (EducationRecord(Programme.TENTH_GRADE, D(2025, 8, 1), completed_on=D(2026, 6, 1)),),
            False,
        ),
        ((EducationRecord(Programme.EUD, D(2024, 8, 1), left_on=OCT_1),), True),
        ((EducationRecord(Programme.EUD, D(2024, 8, 1), left_on=D(2025, 10, 2)),), False),
        ((EducationRecord(Programme.EUD, D(2025, 10, 2)),), True),
        ((EducationRecord(Programme.EUD, OCT_1),), False),
    ],
    ids=[
        "nothing",
        "stx-graduate",
        "stu-graduate",
        "higher-graduate",
        "fgu-completed-only",
        "in-fgu",
        "in-10th-grade",
        "dropped-out-on-1-oct",
        "drops-out-2-oct",
        "starts-2-oct",
        "starts-1-oct",
    ],
)
def test_neet_education_on_1_october_2025(records: tuple[EducationRecord, ...], neet: bool) -> None:
    assert _neet(Youth("x", BORN, records)) is neet


@pytest.mark.parametrize(
    ("hours", "neet"), [((18,), False), ((17.5,), True), ((10, 8), False), ((0,), True)]
)
def test_neet_work_threshold_18_hours_on_1_october_2025(
    hours: tuple[float, ...], neet: bool
) -> None:
    """18 hours a week (two jobs added up) is attachment; 17.5 is not."""
    jobs = tuple(Employment(Period(D(2025, 1, 1)), h) for h in hours)
    assert _neet(Youth("x", BORN, employments=jobs)) is neet


def test_neet_work_ending_the_day_before_does_not_count() -> None:
    jobs = (Employment(Period(D(2025, 1, 1), OCT_1), 37),)
    assert _neet(Youth("x", BORN, employments=jobs)) is True
    later = (Employment(Period(D(2025, 1, 1), D(2025, 10, 2)), 37),)
    assert _neet(Youth("x", BORN, employments=later)) is False


def test_neet_threshold_is_a_policy_value() -> None:
    jobs = (Employment(Period(D(2025, 1, 1)), 15),)
    policy = attrs.evolve(DEFAULT_POLICY, neet_work_hours=15)
    assert _neet(Youth("x", BORN, employments=jobs), policy=policy) is False
    assert _neet(Youth("x", BORN, employments=jobs)) is True


def test_neet_by_in_care_and_track() -> None:
    care = Youth("c", BORN, in_care=(CarePlacement(Period(D(2024, 1, 1))),))
    dropout = Youth(
        "d", BORN, (EducationRecord(Programme.EUD, D(2022, 8, 1), left_on=D(2023, 1, 1)),)
    )
    in_stx = Youth("s", BORN, (EducationRecord(Programme.STX, D(2022, 8, 1)),))
    youths = [care, dropout, in_stx]
    by_care = neet_share(youths, OCT_1, by="in_care")
    assert {k: (r.numerator, r.denominator) for k, r in by_care.items()} == {
        False: (1, 2),
        True: (1, 1),
    }
    by_track = neet_share(youths, OCT_1, by="track")
    assert {k: (r.numerator, r.denominator) for k, r in by_track.items()} == {
        None: (1, 1),
        Track.VOCATIONAL: (1, 1),
        Track.GYMNASIAL: (0, 1),
    }
    assert list(by_track) == [Track.GYMNASIAL, Track.VOCATIONAL, None]  # by repr: mixed keys
    assert "total: [suppressed]" in str(by_track)
    assert repr(by_track).startswith("Breakdown(3 groups")


# --------------------------------------------------------------------------------------------
# Unknown is not "no": people whose records end before the day are undecided

SEPT_30 = D(2025, 9, 30)  # the last day known: the day before the count


def test_neet_with_employment_known_until_2025_09_30_is_undecided_on_2025_10_01() -> None:
    """No education, no job recorded; employment known only until 30 September."""
    unknown = Youth("u", BORN, employments_known_until=SEPT_30)
    rate = neet_share([unknown], OCT_1)
    assert (rate.numerator, rate.denominator, rate.undecided) == (0, 0, 1)
    # Known through the day itself: decided, NEET.
    known = attrs.evolve(unknown, employments_known_until=OCT_1, educations_known_until=OCT_1)
    assert _neet(known) is True


@pytest.mark.parametrize(
    ("changes", "verdict"),
    [
        ({"educations_known_until": SEPT_30}, "undecided"),
        ({"employments_known_until": SEPT_30}, "undecided"),
        ({"educations_known_until": OCT_1, "employments_known_until": SEPT_30}, "undecided"),
        ({"educations_known_until": D(2025, 10, 2)}, "neet"),
        ({"employments_known_until": OCT_1}, "neet"),
        ({"educations": (EducationRecord(Programme.EUD, D(2025, 8, 1)),)}, "not"),
        ({"employments": (Employment(Period(D(2025, 1, 1)), 30),)}, "not"),
        ({"employments": (Employment(Period(D(2025, 1, 1)), 10),)}, "undecided"),
        (
            {"educations": (EducationRecord(Programme.STX, D(2020, 8, 1), D(2023, 6, 1)),)},
            "not",
        ),
    ],
    ids=[
        "educations-end-30-sep",
        "employments-end-30-sep",
        "one-kind-ends-30-sep",
        "educations-known-past-the-day",
        "employments-known-on-the-day",
        "enrolled-counts",
        "30-hour-job-counts",
        "10-hour-job-decides-nothing",
        "stx-graduate-counts",
    ],
)
def test_neet_on_1_october_2025_with_records_known_until_a_day(
    changes: dict[str, Any], verdict: str
) -> None:
    """Known records still decide (enrolled, 30 h of work, a graduate); silence after the last
    known day does not."""
    youth = attrs.evolve(
        Youth("x", BORN, employments_known_until=SEPT_30, educations_known_until=SEPT_30)
        if "educations" in changes or "employments" in changes
        else Youth("x", BORN),
        **changes,
    )
    rate = neet_share([youth], OCT_1)
    expected = {"undecided": (0, 0, 1), "neet": (1, 1, 0), "not": (0, 1, 0)}[verdict]
    assert (rate.numerator, rate.denominator, rate.undecided) == expected


def test_completion_with_education_known_until_2025_09_30_is_undecided_on_2025_10_01() -> None:
    """Born 1.10.2000: 25 on the day. No completion recorded, but the records end on 30 Sept:
    undecided. A completion recorded before counts; employment records do not matter."""
    born = D(2000, 10, 1)
    unknown = Youth("u", born, educations_known_until=SEPT_30)
    rate = completion_rate([unknown], OCT_1)
    assert (rate.numerator, rate.denominator, rate.undecided) == (0, 0, 1)
    eud = EducationRecord(Programme.EUD, D(2017, 8, 1), completed_on=D(2020, 6, 20))
    graduate = attrs.evolve(unknown, educations=(eud,))
    rate = completion_rate([graduate], OCT_1)
    assert (rate.numerator, rate.denominator, rate.undecided) == (1, 1, 0)
    jobs_unknown = Youth("j", born, employments_known_until=SEPT_30)
    rate = completion_rate([jobs_unknown], OCT_1)
    assert (rate.numerator, rate.denominator, rate.undecided) == (0, 1, 0)


def _undecided_cohort() -> list[Youth]:
    """All aged 21 on 1 October 2025. Municipality 101: six NEET, five in school; 147: five
    NEET, five in school and four whose employment is known only until 30 September."""
    school = (EducationRecord(Programme.STX, D(2025, 8, 1)),)
    return [
        *(Youth(f"a{i}", BORN, municipality_code="101") for i in range(6)),
        *(Youth(f"b{i}", BORN, school, municipality_code="101") for i in range(5)),
        *(Youth(f"c{i}", BORN, municipality_code="147") for i in range(5)),
        *(Youth(f"d{i}", BORN, school, municipality_code="147") for i in range(5)),
        *(
            Youth(f"u{i}", BORN, municipality_code="147", employments_known_until=SEPT_30)
            for i in range(4)
        ),
    ]


def test_neet_breakdown_by_municipality_counts_the_undecided_apart() -> None:
    shares = neet_share(_undecided_cohort(), OCT_1, by="municipality")
    assert {k: (r.numerator, r.denominator, r.undecided) for k, r in shares.items()} == {
        "101": (6, 11, 0),
        "147": (5, 10, 4),
    }
    total = shares.total
    assert (total.numerator, total.denominator, total.undecided) == (11, 21, 4)
    assert str(shares["101"]).endswith("; 6/11)")  # none undecided: nothing said
    assert str(shares["147"]).endswith("; 5/10; fewer than 5 undecided)")
    assert str(total).endswith("; 11/21; fewer than 5 undecided)")


def test_with_people_lists_the_undecided_ids_apart_for_follow_up() -> None:
    youths = _undecided_cohort()
    rate = neet_share(youths, OCT_1, with_people=True)
    assert rate.people is not None
    undecided = ("u0", "u1", "u2", "u3")
    assert rate.people.undecided == undecided
    assert rate.people.numerator == (*(f"a{i}" for i in range(6)), *(f"c{i}" for i in range(5)))
    assert len(rate.people.denominator) == 21
    assert not set(undecided) & set(rate.people.denominator)
    assert repr(rate.people) == "People(<person ids; not for publication>)"
    grouped = neet_share(youths, OCT_1, by="municipality", with_people=True)
    assert grouped["147"].people is not None
    assert grouped["147"].people.undecided == undecided
    assert grouped["101"].people is not None
    assert grouped["101"].people.undecided == ()
    assert grouped.total.people is not None
    assert grouped.total.people.undecided == undecided


def _in_band(youths: Sequence[Youth], on: _dt.date, low: int, high: int, policy: Policy) -> int:
    return sum(low <= age_on(y.birth_date, on, policy.leap_day_rule) <= high for y in youths)


@settings(max_examples=80)
@given(
    reference_days(D(2000, 1, 1), D(2035, 12, 31)),
    policies(),
    st.sampled_from([(15, 24), (15, 17), (18, 24), (20, 20)]),
    st.sampled_from([None, "municipality", "in_care"]),
    st.data(),
)
def test_neet_numerator_undecided_and_others_add_up_to_the_age_band(
    on: _dt.date,
    policy: Policy,
    ages: tuple[int, int],
    by: str | None,
    data: st.DataObject,
) -> None:
    """Everyone aged ``ages`` on ``on`` (counted here with age_on) is NEET, undecided or
    neither, exactly once: numerator + undecided + complement is the size of the band, with
    or without a breakdown, and the people behind the counts partition the band."""
    youths = with_unknown_records(data, data.draw(cohorts(on, max_size=15, policy=policy)), on)
    band = _in_band(youths, on, *ages, policy)
    rate = neet_share(youths, on, ages, policy, with_people=True)
    assert rate.numerator + rate.undecided + rate.complement == band
    assert rate.people is not None
    ids = [*rate.people.denominator, *rate.people.undecided]
    assert len(ids) == len(set(ids)) == band
    if by is not None:
        grouped = neet_share(youths, on, ages, policy, by=by)
        assert sum(r.numerator + r.undecided + r.complement for r in grouped.values()) == band
        total = grouped.total
        assert total.numerator + total.undecided + total.complement == band


@settings(max_examples=60)
@given(reference_days(D(2000, 1, 1), D(2035, 12, 31)), policies(), st.data())
def test_completion_numerator_undecided_and_others_add_up_to_the_age(
    on: _dt.date, policy: Policy, data: st.DataObject
) -> None:
    youths = data.draw(cohorts(on, max_size=15, min_age=23, max_age=27, policy=policy))
    youths = with_unknown_records(data, youths, on)
    rate = completion_rate(youths, on, policy=policy, with_people=True)
    assert rate.numerator + rate.undecided + rate.complement == _in_band(youths, on, 25, 25, policy)
    assert rate.people is not None
    assert not set(rate.people.undecided) & set(rate.people.denominator)


# --------------------------------------------------------------------------------------------
# application_shares


def _apps(spec: Mapping[tuple[str, int, Programme], int], year: int = 2025) -> list[Application]:
    out = []
    for (municipality, grade, programme), count in spec.items():
        out += [
            Application(
                f"{municipality}-{grade}-{programme}-{i}",
                programme,
                grade,
                D(year, 3, 1),
                municipality,
            )
            for i in range(count)
        ]
    return out


def test_application_shares_in_three_groups() -> None:
    """EUX counts with EUD; FGU is "other"."""
    apps = _apps(
        {
            ("101", 9, Programme.EUD): 10,
            ("101", 9, Programme.EUX): 10,
            ("101", 9, Programme.STX): 50,
            ("101", 9, Programme.HHX): 10,
            ("101", 9, Programme.FGU): 20,
        }
    )
    shares = application_shares(apps)
    assert {t: (r.numerator, r.denominator) for t, r in shares.items()} == {
        Track.VOCATIONAL: (20, 100),
        Track.GYMNASIAL: (60, 100),
        Track.OTHER: (20, 100),
    }
    assert all(r.publishable for r in shares.values())
    assert len(shares) == 3
    assert (shares.tenth_grade.numerator, shares.tenth_grade.denominator) == (0, 100)
    assert not shares.tenth_grade.publishable  # a count of 0 is below the threshold too


def test_worked_example_uvm_2023_tenth_grade_is_outside_the_shares() -> None:
    """uvm.dk/uni-c, 17 April 2023: the shares are taken "blandt de elever i 9. og 10. klasse,
    som ikke søgte 10. klasse". 40 applications: 10 EUD, 20 gymnasial (STX), 4 other (FGU) and
    6 for 10th grade. The 6 are left out: EUD 10/34 = 29.4 %, gymnasial 20/34, other 4/34;
    10th grade 6 of all 40 (15.0 %), reported on its own."""
    apps = _apps(
        {
            ("101", 9, Programme.EUD): 10,
            ("101", 9, Programme.STX): 20,
            ("101", 9, Programme.FGU): 4,
            ("101", 9, Programme.TENTH_GRADE): 6,
        }
    )
    shares = application_shares(apps)
    vocational = shares[Track.VOCATIONAL]
    assert (vocational.numerator, vocational.denominator) == (10, 34)
    assert vocational.value == 10 / 34
    assert (shares[Track.GYMNASIAL].numerator, shares[Track.GYMNASIAL].denominator) == (20, 34)
    assert (shares[Track.OTHER].numerator, shares[Track.OTHER].denominator) == (4, 34)
    assert (shares.tenth_grade.numerator, shares.tenth_grade.denominator) == (6, 40)
    # 4 "other" is below 5: hidden, and EUD with it (34 - 20 - 4 would give it away).
    assert [t for t, r in shares.items() if r.publishable] == [Track.GYMNASIAL]
    assert shares.tenth_grade.publishable
    assert str(shares) == (
        "vocational: [suppressed]\n"
        "gymnasial: 58.8 % (95 % CI 42.2–73.6 %; 20/34)\n"
        "other: [suppressed]\n"
        "10th grade (not in the shares): 15.0 % (95 % CI 7.1–29.1 %; 6/40)"
    )
    # Before the fix, 10th grade was "other": EUD would have been 10/40 = 25.0 %.
    assert vocational.value != 10 / 40


def test_a_small_tenth_grade_count_is_not_published() -> None:
    apps = _apps(
        {
            ("101", 9, Programme.EUD): 30,
            ("101", 9, Programme.STX): 60,
            ("101", 9, Programme.FGU): 10,
            ("101", 9, Programme.TENTH_GRADE): 3,
        }
    )
    shares = application_shares(apps)
    assert all(r.publishable for r in shares.values())
    assert shares.tenth_grade.numerator == 3
    assert not shares.tenth_grade.publishable
    assert str(shares).endswith("10th grade (not in the shares): [suppressed]")
    assert "3/103" not in str(shares)


def test_tenth_grade_by_group_is_protected_with_the_shares() -> None:
    """Municipality 147's shares are hidden (3 EUD), so its 10th-grade rate is hidden too: it
    would show 147's number of applications. 350 only applied for 10th grade: no shares."""
    spec = {}
    for code, (eud, stx, fgu, tenth) in {
        "101": (20, 40, 10, 12),
        "147": (3, 40, 10, 12),
        "200": (25, 50, 10, 15),
        "350": (0, 0, 0, 7),
    }.items():
        spec[(code, 9, Programme.EUD)] = eud
        spec[(code, 9, Programme.STX)] = stx
        spec[(code, 9, Programme.FGU)] = fgu
        spec[(code, 9, Programme.TENTH_GRADE)] = tenth
    shares = application_shares(_apps(spec), by="municipality")
    assert list(shares[Track.VOCATIONAL]) == ["101", "147", "200"]
    assert shares[Track.VOCATIONAL].publishable == ("200",)  # 147 hidden, 101 with it
    tenth = shares.tenth_grade
    assert list(tenth) == ["101", "147", "200", "350"]
    assert not tenth["147"].publishable
    assert not tenth["350"].publishable  # 7 of 7: the complement is 0
    assert tenth["200"].publishable
    assert (tenth.total.numerator, tenth.total.denominator) == (46, 254)
    text = str(shares)
    assert text.startswith("vocational:\n  101: [suppressed]\n  147: [suppressed]\n  200: ")
    assert "\n10th grade (not in the shares):\n  101: " in text


def test_application_shares_model_validates_its_fields() -> None:
    rate = Rate(1, 2)
    with pytest.raises(DataError) as error:
        ApplicationShares(rate, rate, rate, tenth_grade=Breakdown((), rate))  # type: ignore[misc]
    assert error.value.path == "ApplicationShares.tenth_grade"
    with pytest.raises(DataError) as error:
        ApplicationShares(0.5, 0.5, 0.5, tenth_grade=0.5)  # type: ignore[type-var]
    assert error.value.path == "ApplicationShares.vocational"
    with pytest.raises(KeyError):
        ApplicationShares(rate, rate, rate, tenth_grade=rate)["tenth_grade"]  # type: ignore[index]


def test_application_from_a_different_year_is_excluded() -> None:
    """An application of 1.3.2024 does not count in the 2025 figures."""
    apps = _apps({("101", 9, Programme.EUD): 6}) + _apps({("101", 9, Programme.STX): 7}, 2024)
    shares = application_shares(apps, year=2025)
    assert shares[Track.VOCATIONAL].denominator == 6
    with pytest.raises(DataError, match=r"several years \(2024, 2025\)"):
        application_shares(apps)


def test_application_lone_small_track_is_hidden_with_the_next_smallest() -> None:
    apps = _apps(
        {
            ("101", 9, Programme.EUD): 30,
            ("101", 9, Programme.STX): 67,
            ("101", 9, Programme.TENTH_GRADE): 3,
        }
    )
    shares = application_shares(apps)
    assert [t for t, r in shares.items() if r.publishable] == [Track.GYMNASIAL]
    assert shares[Track.VOCATIONAL].secondary_suppression


def test_application_shares_by_grade_is_the_published_form() -> None:
    apps = _apps(
        {
            ("101", 9, Programme.EUD): 20,
            ("101", 9, Programme.STX): 50,
            ("101", 9, Programme.FGU): 10,
            ("101", 9, Programme.TENTH_GRADE): 30,
            ("101", 10, Programme.EUD): 15,
            ("101", 10, Programme.STX): 25,
            ("101", 10, Programme.OTHER): 10,
        }
    )
    shares = application_shares(apps, by="grade", with_people=True)
    vocational = shares[Track.VOCATIONAL]
    assert list(vocational) == [9, 10]
    assert (vocational[9].numerator, vocational[9].denominator) == (20, 80)
    assert (vocational[10].numerator, vocational[10].denominator) == (15, 50)
    assert (vocational.total.numerator, vocational.total.denominator) == (35, 130)
    assert vocational[10].people is not None
    assert len(vocational[10].people.numerator) == 15
    assert len(vocational[10].people.denominator) == 50
    assert str(vocational[9]).startswith("25.0 %")
    # 10th grade: 30 of grade 9's 110 applications, none of grade 10's 50. The 0 is below the
    # threshold, so grade 9 is hidden with it; the total (30 of 160) is still safe to publish.
    tenth = shares.tenth_grade
    assert [(r.numerator, r.denominator) for r in tenth.values()] == [(30, 110), (0, 50)]
    assert tenth.publishable == ()
    assert str(tenth.total).endswith("30/160)")
    assert tenth[9].people is not None
    assert len(tenth[9].people.numerator) == 30
    assert len(tenth[9].people.denominator) == 110


def test_application_group_with_a_small_track_is_hidden_whole_with_another() -> None:
    spec = {}
    for code, (eud, stx, other) in {
        "101": (2, 40, 20),
        "147": (20, 40, 20),
        "350": (30, 60, 30),
    }.items():
        spec[(code, 9, Programme.EUD)] = eud
        spec[(code, 9, Programme.STX)] = stx
        spec[(code, 9, Programme.FGU)] = other
    shares = application_shares(_apps(spec), by="municipality")
    for breakdown in shares.values():
        assert breakdown.publishable == ("350",)
        assert breakdown.total.publishable


def test_application_tiny_groups_hide_the_total() -> None:
    apps = [
        Application(f"p{i}", Programme.EUD if i % 2 else Programme.STX, 9, D(2025, 3, 1), f"m{i}")
        for i in range(12)
    ]
    shares = application_shares(apps, by="municipality")
    assert all(not r.publishable for b in shares.values() for r in [b.total, *b.values()])


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"grade": 8}, "Application.grade"),
        ({"grade": "9"}, "Application.grade"),
        ({"programme": "eud"}, "Application.programme"),
        ({"applied_on": _dt.datetime(2025, 3, 1)}, "Application.applied_on"),
        ({"person_id": " "}, "Application.person_id"),
        ({"municipality_code": 101}, "Application.municipality_code"),
    ],
)
def test_application_validates_its_fields(kwargs: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "person_id": "p",
        "programme": Programme.EUD,
        "grade": 9,
        "applied_on": D(2025, 3, 1),
    }
    fields.update(kwargs)
    with pytest.raises(DataError) as error:
        Application(**fields)  # type: ignore[arg-type]
    assert error.value.path == path


def test_application_shares_by_a_key_function() -> None:
    apps = _apps({("101", 9, Programme.EUD): 6, ("147", 10, Programme.STX): 7})
    shares = application_shares(apps, by=lambda a: a.municipality_code == "101")
    assert list(shares[Track.VOCATIONAL]) == [False, True]
    assert shares[Track.VOCATIONAL][True].numerator == 6


def test_application_bad_by_raises() -> None:
    with pytest.raises(DataError, match="by"):
        application_shares([], by="track")


APPLIED = [p for p in Programme if p is not Programme.PRIMARY_SCHOOL]  # nobody applies for it
_APPLICATIONS = st.lists(
    st.builds(
        Application,
        person_id=st.sampled_from("abcdefgh"),
        programme=st.sampled_from(APPLIED),
        grade=st.sampled_from([9, 10]),
        applied_on=st.sampled_from([D(2025, 1, 1), D(2025, 3, 1), D(2024, 12, 31)]),
        municipality_code=st.sampled_from(["101", "147", "350"]),
    ),
    max_size=25,
)


@settings(max_examples=150)
@given(_APPLICATIONS, st.integers(1, 5), st.sampled_from(["grade", "municipality"]))
def test_application_shares_add_up_and_hide_nothing_recoverable(
    apps: list[Application], threshold: int, by: str
) -> None:
    policy = attrs.evolve(DEFAULT_POLICY, min_publishable_count=threshold)
    in_year = [a for a in apps if a.applied_on.year == 2025]
    whole = application_shares(apps, policy, year=2025)
    grouped = application_shares(apps, policy, by=by, year=2025)
    counted = [a for a in in_year if a.programme is not Programme.TENTH_GRADE]
    for track in Track:
        expected = sum(1 for a in counted if a.programme.track is track)
        assert whole[track].numerator == expected
        assert whole[track].denominator == len(counted)
        assert sum(r.numerator for r in grouped[track].values()) == expected
        assert grouped[track].total.numerator == expected
    # The whole row: the three tracks add up to the (published) denominator.
    shown = [r for r in whole.values() if r.publishable]
    if shown:
        hidden = {t: (r.numerator,) for t, r in whole.items() if not r.publishable}
        if hidden:
            residual = (len(counted) - sum(r.numerator for r in shown),)
            assert recoverable(hidden, residual, min_size=0, threshold=threshold) == []
    # The groups: every track's total is assumed known (a stronger attacker than needed).
    tracks = list(Track)
    first = grouped[tracks[0]]
    hidden_groups = {
        g: tuple(grouped[t][g].numerator for t in tracks) for g in first if not first[g].publishable
    }
    for t in tracks:
        assert all(
            grouped[t][g].publishable is first[g].publishable for g in first
        )  # groups are shown or hidden whole
    if hidden_groups and any(grouped[t].total.publishable for t in tracks):
        residual = tuple(
            grouped[t].total.numerator
            - sum(r.numerator for r in grouped[t].values() if r.publishable)
            for t in tracks
        )
        assert recoverable(hidden_groups, residual, min_size=1, threshold=threshold) == []


_NOT_TENTH = st.lists(
    st.builds(
        Application,
        person_id=st.sampled_from("abcdefgh"),
        programme=st.sampled_from([p for p in APPLIED if p is not Programme.TENTH_GRADE]),
        grade=st.sampled_from([9, 10]),
        applied_on=st.just(D(2025, 3, 1)),
        municipality_code=st.sampled_from(["101", "147", "350"]),
    ),
    max_size=30,
)
_TENTH = st.lists(
    st.builds(
        Application,
        person_id=st.sampled_from("ijklmn"),
        programme=st.just(Programme.TENTH_GRADE),
        grade=st.sampled_from([9, 10]),
        applied_on=st.just(D(2025, 3, 1)),
        municipality_code=st.sampled_from(["101", "147", "350", "400"]),
    ),
    max_size=15,
)


@settings(max_examples=150)
@given(
    _NOT_TENTH,
    _TENTH,
    st.randoms(use_true_random=False),
    st.integers(1, 5),
    st.sampled_from([None, "grade", "municipality"]),
)
def test_tenth_grade_applications_never_change_the_shares(
    apps: list[Application],
    tenth: list[Application],
    random: Any,
    threshold: int,
    by: str | None,
) -> None:
    """Adding 10th-grade applications (anywhere in the input) leaves every share, its counts
    and its suppression as they were; the separate count is the number of them."""
    policy = attrs.evolve(DEFAULT_POLICY, min_publishable_count=threshold)
    mixed = apps + tenth
    random.shuffle(mixed)
    if by is None:
        without = application_shares(apps, policy)
        with_tenth = application_shares(mixed, policy)
        assert with_tenth.tenth_grade.numerator == len(tenth)
        assert with_tenth.tenth_grade.denominator == len(mixed)
        assert without.tenth_grade.numerator == 0
    else:
        without = application_shares(apps, policy, by=by)
        with_tenth = application_shares(mixed, policy, by=by)
        assert with_tenth.tenth_grade.total.numerator == len(tenth)
        assert sum(r.numerator for r in with_tenth.tenth_grade.values()) == len(tenth)
        assert sum(r.denominator for r in with_tenth.tenth_grade.values()) == len(mixed)
    for track in Track:
        assert with_tenth[track] == without[track]
        assert str(with_tenth[track]) == str(without[track])
    if with_tenth.tenth_grade.publishable is True:
        assert f"{len(tenth)}/" in str(with_tenth.tenth_grade)


@settings(max_examples=100)
@given(_NOT_TENTH, _TENTH, st.integers(1, 5), st.sampled_from(["grade", "municipality"]))
def test_tenth_grade_rates_hide_nothing_recoverable(
    apps: list[Application], tenth: list[Application], threshold: int, by: str
) -> None:
    """The 10th-grade cells are protected like any breakdown, and a group whose shares are
    hidden never shows its 10th-grade rate (which would give its number of applications)."""
    policy = attrs.evolve(DEFAULT_POLICY, min_publishable_count=threshold)
    shares = application_shares(apps + tenth, policy, by=by)
    rates = shares.tenth_grade
    vocational = shares[Track.VOCATIONAL]
    for group, rate in rates.items():
        if rate.publishable:
            assert rate.numerator >= threshold
            assert rate.complement >= threshold
            assert group in vocational
            assert vocational[group].publishable
    hidden = {g: (r.numerator, r.complement) for g, r in rates.items() if not r.publishable}
    if hidden and rates.total.publishable:
        shown = [r for r in rates.values() if r.publishable]
        residual = (
            rates.total.numerator - sum(r.numerator for r in shown),
            rates.total.complement - sum(r.complement for r in shown),
        )
        assert recoverable(hidden, residual, min_size=1, threshold=threshold) == []


# --------------------------------------------------------------------------------------------
# The audit stamp


def _stamps(result: Rate | Breakdown | ApplicationShares[Any]) -> set[AuditStamp | None]:
    """The stamps on a result and on every rate inside it."""
    if isinstance(result, Rate):
        return {result.stamp}
    if isinstance(result, Breakdown):
        return {result.stamp, result.total.stamp, *(rate.stamp for rate in result.values())}
    parts = [*result.values(), result.tenth_grade]
    return {result.stamp}.union(*(_stamps(part) for part in parts))


def test_every_result_carries_the_stamp_of_its_policy() -> None:
    """Rates, breakdowns (total and cells, hidden ones too) and application shares carry the
    stamp of the policy they were counted under; another policy, another fingerprint."""
    youths = _population({"101": (10, 20), "147": (3, 30), "350": (12, 25)})
    apps = _apps({("101", 9, Programme.EUD): 6, ("147", 10, Programme.STX): 7})
    strict = attrs.evolve(DEFAULT_POLICY, min_publishable_count=10)
    seen = set()
    for policy in (DEFAULT_POLICY, strict):
        results = [
            completion_rate(youths, OCT_1, policy=policy),
            completion_rate(youths, OCT_1, policy=policy, with_people=True),
            completion_rate(youths, OCT_1, policy=policy, by="municipality"),
            neet_share(youths, OCT_1, policy=policy),
            neet_share(youths, OCT_1, policy=policy, by="municipality", with_people=True),
            application_shares(apps, policy),
            application_shares(apps, policy, by="municipality"),
        ]
        for result in results:
            assert _stamps(result) == {audit_stamp(policy)}
        seen.add(audit_stamp(policy).policy_fingerprint)
    assert len(seen) == 2


def test_the_stamp_is_neither_compared_nor_shown() -> None:
    """A policy that changes nothing of a rate (the NEET hours, for completion) gives an equal
    rate, shown alike, with another stamp."""
    youths = _population({"101": (10, 20), "147": (3, 30), "350": (12, 25)})
    other = attrs.evolve(DEFAULT_POLICY, neet_work_hours=20)
    for by in (None, "municipality"):
        ours = completion_rate(youths, OCT_1, by=by)
        theirs = completion_rate(youths, OCT_1, policy=other, by=by)
        assert ours == theirs
        assert hash(ours) == hash(theirs)
        assert ours.stamp != theirs.stamp
        assert str(ours) == str(theirs)
        assert repr(ours) == repr(theirs)
        assert ours.stamp is not None
        assert ours.stamp.policy_fingerprint not in str(ours) + repr(ours)
    shares = application_shares(_apps({("101", 9, Programme.EUD): 6}))
    assert "fingerprint" not in str(shares) + repr(shares)


def test_a_timeline_stamps_the_policy_in_force_on_the_day() -> None:
    """completion_rate and neet_share read the timeline on their day, application_shares on
    31 May of the applications' year."""
    youths = _population({"101": (10, 20)})
    stricter = attrs.evolve(DEFAULT_POLICY, min_publishable_count=8)
    timeline = PolicyTimeline(DEFAULT_POLICY, {D(2025, 6, 1): stricter})
    assert completion_rate(youths, OCT_1, policy=timeline).stamp == audit_stamp(stricter)
    assert neet_share(youths, D(2025, 5, 31), policy=timeline).stamp == audit_stamp(DEFAULT_POLICY)
    apps = _apps({("101", 9, Programme.EUD): 6})
    assert application_shares(apps, timeline).stamp == audit_stamp(DEFAULT_POLICY)
    later = _apps({("101", 9, Programme.EUD): 6}, year=2026)
    assert application_shares(later, timeline, by="grade").stamp == audit_stamp(stricter)


def test_a_stamped_rate_round_trips_through_json_with_its_stamp() -> None:
    youths = _population({"101": (10, 20)})
    strict = attrs.evolve(DEFAULT_POLICY, min_publishable_count=8)
    for policy in (DEFAULT_POLICY, strict):
        rate = completion_rate(youths, OCT_1, policy=policy, with_people=True)
        text = dumps(rate)
        assert audit_stamp(policy).policy_fingerprint in text
        back = loads(text, Rate)
        assert back == rate
        assert back.stamp == rate.stamp == audit_stamp(policy)  # == alone ignores the stamp


def test_application_shares_repr_shows_no_suppressed_count() -> None:
    """print() of the shares (attrs' repr of the four rates) hides what str hides."""
    few_others = _apps(
        {("101", 9, Programme.EUD): 6, ("101", 9, Programme.STX): 10, ("101", 9, Programme.FGU): 4}
    )
    shares = application_shares(few_others)
    assert not shares[Track.OTHER].publishable
    text = repr(shares)
    assert "Rate(4," not in text
    assert "Rate(6," not in text  # hidden with it
    assert "Rate(10, 20, min_publishable_count=5)" in text
    grouped = application_shares(few_others, by="grade")
    assert "Rate(4," not in repr(grouped)


@pytest.mark.parametrize("day", [D(9999, 12, 31), D(1, 1, 1)])
def test_application_shares_on_9999_12_31_and_0001_01_01(day: _dt.date) -> None:
    apps = [Application(f"a{i}", Programme.EUD, 9, day) for i in range(6)]
    apps += [Application(f"b{i}", Programme.STX, 10, day) for i in range(7)]
    timeline = PolicyTimeline(DEFAULT_POLICY, {D(9999, 1, 1): attrs.evolve(DEFAULT_POLICY)})
    for policy in (DEFAULT_POLICY, timeline):
        shares = application_shares(apps, policy, year=day.year)
        assert (shares[Track.VOCATIONAL].numerator, shares[Track.VOCATIONAL].denominator) == (6, 13)
        assert application_shares(apps, policy, by="grade").stamp == audit_stamp(DEFAULT_POLICY)


def test_results_built_by_hand_have_no_stamp_unless_given() -> None:
    rate = Rate(10, 20)
    assert rate.stamp is None
    assert Breakdown((("a", rate),), rate).stamp is None
    stamp = audit_stamp(DEFAULT_POLICY)
    assert Breakdown((("a", rate),), attrs.evolve(rate, stamp=stamp)).stamp == stamp
    assert ApplicationShares(rate, rate, rate, tenth_grade=rate).stamp is None
    with pytest.raises(DataError) as error:
        Rate(1, 2, stamp="0123456789abcdef")  # type: ignore[arg-type]
    assert error.value.path == "Rate.stamp"


# --------------------------------------------------------------------------------------------
# Measures


def test_measures_of_the_metrics() -> None:
    assert COMPLETION_MEASURE.kind is MeasureKind.REGISTER
    assert COMPLETION_MEASURE.programmes == COMPLETION_PROGRAMMES
    assert NEET_MEASURE.programmes == NEET_PROGRAMMES
    assert APPLICATIONS_MEASURE.programmes == {Programme.EUD, Programme.EUX}
    assert MeasureKind.PROJECTION.phrase == "a projection"
    assert MeasureKind.REGISTER.phrase == "a register count"


def test_measure_differences_name_kind_and_programmes() -> None:
    projection = Measure(MeasureKind.PROJECTION, YOUTH_EDUCATIONS | {Programme.HIGHER}, "x")
    assert COMPLETION_MEASURE.differences(projection) == (
        "is a register count, not a projection",
        "does not count STU",
    )
    assert projection.differences(COMPLETION_MEASURE) == (
        "is a projection, not a register count",
        "also counts STU",
    )
    stx = Measure(MeasureKind.REGISTER, frozenset({Programme.STX}), "stx only")
    wider = Measure(
        MeasureKind.REGISTER,
        frozenset({Programme.STX, Programme.HF, Programme.HIGHER, Programme.IB}),
        "wider",
    )
    assert wider.differences(stx) == ("also counts HF, IB and higher education",)
    unstated = Measure(MeasureKind.REGISTER, None, "programmes not stated")
    assert COMPLETION_MEASURE.differences(unstated) == ()
    assert unstated.differences(COMPLETION_MEASURE) == ()
    assert COMPLETION_MEASURE.differences(attrs.evolve(COMPLETION_MEASURE, description="y")) == ()
    with pytest.raises(DataError, match=r"^measure: expected Measure"):
        COMPLETION_MEASURE.differences("register")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"kind": "register"}, "Measure.kind"),
        ({"programmes": {Programme.EUD}}, "Measure.programmes"),
        ({"programmes": frozenset({"eud"})}, "Measure.programmes"),
        ({"description": " "}, "Measure.description"),
    ],
)
def test_measure_validates_its_fields(kwargs: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "kind": MeasureKind.REGISTER,
        "programmes": None,
        "description": "d",
    }
    fields.update(kwargs)
    with pytest.raises(DataError) as error:
        Measure(**fields)  # type: ignore[arg-type]
    assert error.value.path == path
