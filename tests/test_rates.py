"""Tests for kui_core.rates: the Rate and its interval, primary suppression, the Breakdown, and
secondary suppression on its own (the metrics' breakdowns are tested in test_metrics.py)."""

from __future__ import annotations

import string

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import Breakdown, DataError, Rate
from kui_core.rates import (
    SUPPRESSED,
    People,
    apply_secondary_suppression,
    hide,
    protect_breakdown,
)

# --------------------------------------------------------------------------------------------
# Rate


@given(st.integers(0, 10**7).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_contains_the_value_and_lies_in_0_1(counts: tuple[int, int]) -> None:
    numerator, denominator = counts
    rate = Rate(numerator, denominator)
    if denominator == 0:
        assert rate.value is None
        assert rate.low is None
        assert rate.high is None
        return
    assert rate.value is not None
    assert rate.low is not None
    assert rate.high is not None
    assert 0.0 <= rate.low <= rate.value <= rate.high <= 1.0
    assert rate.low < rate.high


def test_wilson_interval_matches_the_textbook_value() -> None:
    """Wilson (1927), z = 1.96: 8,421 of 10,000 gives 83.48 %–84.91 % (worked by hand)."""
    rate = Rate(8421, 10000)
    assert rate.low == pytest.approx(0.83482, abs=1e-5)
    assert rate.high == pytest.approx(0.84912, abs=1e-5)
    assert str(rate) == "84.2 % (95 % CI 83.5–84.9 %; 8,421/10,000)"


def test_wilson_interval_at_0_and_100_percent() -> None:
    assert Rate(0, 20).low == 0.0
    assert Rate(0, 20).high == pytest.approx(0.1611, abs=1e-4)
    assert Rate(20, 20).high == 1.0
    assert Rate(20, 20).low == pytest.approx(1 - 0.1611, abs=1e-4)


@given(
    st.integers(0, 2000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
    st.integers(1, 20),
)
def test_publishable_iff_every_count_reaches_the_threshold(
    counts: tuple[int, int], threshold: int
) -> None:
    numerator, denominator = counts
    rate = Rate(numerator, denominator, min_publishable_count=threshold)
    expected = min(numerator, denominator - numerator, denominator) >= threshold
    assert rate.publishable is expected
    assert rate.min_publishable_count == threshold
    text = str(rate)
    if expected:
        assert f"{numerator:,}/{denominator:,}" in text
    else:
        assert text == SUPPRESSED
        assert not any(ch in string.digits for ch in text)


def test_small_complement_is_suppressed_too() -> None:
    """38 of 40 completed: the 2 who did not are as identifiable as 2 who did."""
    assert not Rate(38, 40).publishable
    assert Rate(35, 40).publishable


def test_secondary_suppressed_rate_shows_the_same_mark() -> None:
    rate = Rate(50, 100, secondary_suppression=True)
    assert not rate.primary_suppressed
    assert not rate.publishable
    assert str(rate) == SUPPRESSED
    # repr cannot tell it from the small cell it protects; unsuppressed() can.
    assert repr(rate) == repr(Rate(3, 100)) == "Rate([suppressed], min_publishable_count=5)"
    assert "secondary_suppression=True" in rate.unsuppressed()


@pytest.mark.parametrize(
    ("numerator", "denominator", "path"),
    [
        (11, 10, "Rate.numerator"),
        (-1, 10, "Rate.numerator"),
        (1, -1, "Rate.denominator"),
        (True, 10, "Rate.numerator"),
        (1.0, 10, "Rate.numerator"),
        (1, "10", "Rate.denominator"),
    ],
)
def test_rate_rejects_bad_counts(numerator: object, denominator: object, path: str) -> None:
    with pytest.raises(DataError) as error:
        Rate(numerator, denominator)  # type: ignore[arg-type]
    assert error.value.path == path


def test_rate_threshold_must_be_positive() -> None:
    with pytest.raises(DataError, match="min_publishable_count"):
        Rate(1, 2, min_publishable_count=0)


def test_people_never_appear_in_str_or_repr_and_not_in_equality() -> None:
    people = People(("anna-1", "bo-2"), ("anna-1", "bo-2", "carl-3"))
    rate = Rate(2, 3, people=people)
    for text in (str(rate), repr(rate), repr(people)):
        assert "anna" not in text
        assert "carl" not in text
    assert repr(people) == "People(<person ids; not for publication>)"
    assert rate == Rate(2, 3)
    assert rate.people is people


@pytest.mark.parametrize(
    ("undecided", "suffix", "published"),
    [
        (120, "; 8,421/10,000; 120 undecided)", 120),
        (5, "; 8,421/10,000; 5 undecided)", 5),  # the threshold itself is shown
        (4, "; 8,421/10,000; fewer than 5 undecided)", None),
        (1, "; 8,421/10,000; fewer than 5 undecided)", None),
        (0, "; 8,421/10,000)", 0),
    ],
)
def test_str_shows_the_undecided_as_published(
    undecided: int, suffix: str, published: int | None
) -> None:
    """People the records could not decide are in neither count: str says how many there
    were, "fewer than" the threshold where they are few, nothing where there were none."""
    rate = Rate(8421, 10000, undecided=undecided)
    assert str(rate).endswith(suffix)
    assert rate.publishable_undecided == published
    assert (rate.numerator, rate.denominator, rate.complement) == (8421, 10000, 1579)


def test_a_suppressed_rate_shows_nothing_of_its_undecided() -> None:
    assert str(Rate(3, 10, undecided=100)) == SUPPRESSED


def test_the_undecided_threshold_follows_the_rate() -> None:
    rate = Rate(50, 100, min_publishable_count=10, undecided=9)
    assert str(rate).endswith("; fewer than 10 undecided)")
    assert str(Rate(50, 100, min_publishable_count=10, undecided=10)).endswith("; 10 undecided)")


def test_repr_shows_no_undecided_count_and_unsuppressed_does() -> None:
    """repr shows what a table shows of a cell: a cell's undecided count is not shown there
    (it would be recoverable from the total's), so repr shows none."""
    for undecided in (0, 3, 7):
        rate = Rate(10, 20, undecided=undecided)
        assert repr(rate) == "Rate(10, 20, min_publishable_count=5)"
    assert Rate(1, 2, undecided=3) != Rate(1, 2)
    assert Rate(10, 20, undecided=7).unsuppressed() == (
        "Rate(10, 20, min_publishable_count=5, undecided=7)"
    )
    assert Rate(1, 2).unsuppressed() == "Rate(1, 2, min_publishable_count=5)"


def test_printing_a_breakdowns_cells_reveals_no_undecided_count() -> None:
    """Cells with 3 and 7 undecided, 10 on the total: the total shows 10, so a cell's 7 beside
    it would give the other's 3."""
    cells = {"a": Rate(10, 20, undecided=3), "b": Rate(10, 20, undecided=7)}
    breakdown = protect_breakdown(cells, Rate(20, 40, undecided=10))
    assert "10 undecided" in str(breakdown.total)
    shown = repr(dict(breakdown)) + repr(list(breakdown.values())) + repr(breakdown)
    assert "undecided" not in shown


@pytest.mark.parametrize("bad", [-1, 1.0, True, "3"])
def test_undecided_must_be_a_count(bad: object) -> None:
    with pytest.raises(DataError) as error:
        Rate(1, 2, undecided=bad)  # type: ignore[arg-type]
    assert error.value.path == "Rate.undecided"


def test_people_repr_neither_names_nor_counts_them() -> None:
    people = People(("anna-1",), ("anna-1", "bo-2"), ("carl-3", "dora-4", "eva-5"))
    assert repr(people) == "People(<person ids; not for publication>)"
    assert "carl" not in repr(Rate(1, 2, undecided=3, people=people))
    assert People(("a",), ("a",)).undecided == ()
    with pytest.raises(DataError) as error:
        People((), (), ("a", 1))  # type: ignore[arg-type]
    assert error.value.path == "People.undecided[1]"


# --------------------------------------------------------------------------------------------
# Breakdown and secondary suppression


def test_breakdown_validates_its_cells() -> None:
    with pytest.raises(DataError) as error:
        Breakdown((("a", Rate(1, 2)), ("b", 0.5)), Rate(1, 2))  # type: ignore[arg-type]
    assert error.value.path == "Breakdown.cells[1]"
    with pytest.raises(DataError) as error:
        Breakdown([("a", Rate(1, 2))], Rate(1, 2))  # type: ignore[arg-type]
    assert error.value.path == "Breakdown.cells"
    breakdown = Breakdown((("a", Rate(10, 20)),), Rate(10, 20))
    assert breakdown["a"] == Rate(10, 20)
    assert hash(breakdown) == hash(Breakdown((("a", Rate(10, 20)),), Rate(10, 20)))


def test_apply_secondary_suppression_without_primary_suppression_hides_nothing() -> None:
    assert apply_secondary_suppression({"a": (5, 5)}, []) == (frozenset(), False)


def test_hide_marks_a_publishable_rate_and_keeps_a_suppressed_one() -> None:
    hidden = hide(Rate(50, 100))
    assert hidden.secondary_suppression
    assert str(hidden) == SUPPRESSED
    small = Rate(3, 100)
    assert hide(small) is small  # stays primary suppression
    assert hide(hidden) is hidden


def test_protect_breakdown_hides_a_lone_small_cell_with_the_next_smallest() -> None:
    cells = {"a": Rate(3, 40), "b": Rate(20, 50), "c": Rate(10, 30)}
    breakdown = protect_breakdown(cells, Rate(33, 120))
    assert list(breakdown) == ["a", "b", "c"]  # the cells' order, kept
    assert breakdown.publishable == ("b",)
    assert breakdown["c"].secondary_suppression
    assert not breakdown["a"].secondary_suppression  # primary: marked as it was
    assert breakdown.total == Rate(33, 120)


def test_protect_breakdown_also_hides_cells_another_table_hides() -> None:
    cells = {"a": Rate(10, 40), "b": Rate(20, 50), "c": Rate(10, 30)}
    assert protect_breakdown(cells, Rate(40, 120)).publishable == ("a", "b", "c")
    breakdown = protect_breakdown(cells, Rate(40, 120), also_hidden=["b"])
    assert breakdown.publishable == ("a",)  # b, and c (the smallest) to protect it


def test_protect_breakdown_hides_the_total_where_the_cells_cannot_protect_it() -> None:
    """Two groups of one each: hiding both still shows each has one member, so the total goes."""

    def one(numerator: int, denominator: int) -> Rate:
        return Rate(numerator, denominator, min_publishable_count=1)

    breakdown = protect_breakdown({"a": one(1, 1), "b": one(0, 1)}, one(1, 2))
    assert breakdown.publishable == ()
    assert breakdown.total.secondary_suppression
    assert str(breakdown.total) == SUPPRESSED


def test_protect_breakdown_hides_every_cell_of_a_small_total() -> None:
    breakdown = protect_breakdown({"a": Rate(10, 20)}, Rate(10, 20, min_publishable_count=25))
    assert breakdown["a"].secondary_suppression
    assert breakdown.publishable == ()


@pytest.mark.parametrize(
    ("counts", "hidden_with_them"),
    [
        ({"a": (1, 20), "b": (2, 30), "c": (10, 40), "d": (30, 60)}, "c"),  # 3 completed
        ({"a": (19, 20), "b": (28, 30), "c": (10, 40), "d": (30, 60)}, "c"),  # all but 3
    ],
)
def test_the_hidden_cells_never_add_up_to_a_small_count(
    counts: dict[str, tuple[int, int]], hidden_with_them: str
) -> None:
    """a and b are both suppressed, but the total minus c and d would say that 3 of their 50
    completed (or all but 3): c is hidden with them, so the difference is 13 (or 33)."""
    cells = {key: Rate(*value) for key, value in counts.items()}
    total = Rate(sum(n for n, _ in counts.values()), sum(d for _, d in counts.values()))
    breakdown = protect_breakdown(cells, total)
    assert breakdown.publishable == ("d",)
    assert breakdown[hidden_with_them].secondary_suppression
    assert breakdown.total.publishable


def test_the_threshold_of_the_union_is_the_strictest_in_the_table() -> None:
    cells = {"a": Rate(1, 20), "b": Rate(2, 30), "c": Rate(10, 40), "d": Rate(30, 60)}
    assert protect_breakdown(cells, Rate(43, 150)).publishable == ("d",)
    # Judged by 3, a and b (1 and 2 completed) may hide together: 3 is not below 3.
    lax = {key: attrs.evolve(rate, min_publishable_count=3) for key, rate in cells.items()}
    total = Rate(43, 150, min_publishable_count=3)
    assert protect_breakdown(lax, total).publishable == ("c", "d")
    assert protect_breakdown(lax, attrs.evolve(total, min_publishable_count=5)).publishable == (
        "d",
    )


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "5"])
def test_apply_secondary_suppression_needs_a_positive_threshold(bad: object) -> None:
    with pytest.raises(DataError) as error:
        apply_secondary_suppression({"a": (1, 1)}, ["a"], min_publishable_count=bad)  # type: ignore[arg-type]
    assert error.value.path == "min_publishable_count"


def test_unsuppressed_spells_out_every_count_and_repr_none() -> None:
    cells = {"101": Rate(3, 40, undecided=2), "147": Rate(20, 50), "350": Rate(10, 30)}
    breakdown = protect_breakdown(cells, Rate(33, 120, undecided=2))
    assert repr(breakdown) == "Breakdown(3 groups, total=Rate(33, 120, min_publishable_count=5))"
    assert breakdown.unsuppressed() == (
        "Breakdown({'101': Rate(3, 40, min_publishable_count=5, undecided=2), "
        "'147': Rate(20, 50, min_publishable_count=5), "
        "'350': Rate(10, 30, min_publishable_count=5, secondary_suppression=True)}, "
        "total=Rate(33, 120, min_publishable_count=5, undecided=2))"
    )
    # print() of a dict or list uses repr: nothing suppressed shows.
    shown = repr({"table": breakdown, "cells": list(breakdown.values())})
    assert "3, 40" not in shown
    assert "10, 30" not in shown
    assert "secondary" not in shown
