"""Drawing helpers shared by the strategy modules: pick an item, shuffle, draw a day.

Drawing an index or a day offset as an integer is much cheaper than building a new
``sampled_from``/``dates`` strategy for every draw, and shrinks the same way (towards the first
item, towards the earliest day).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

from ..periods import ONE_DAY

__all__ = ["ONE_DAY", "YEAR", "draw_day", "pick", "pick_index", "shuffled"]

T = TypeVar("T")

YEAR = 365 * ONE_DAY
"""365 days: the strategies' rough year for spreading dates (not a calendar year)."""


def pick_index(draw: st.DrawFn, size: int) -> int:
    """An index into a sequence of ``size`` items (shrinks towards 0)."""
    return int(draw(st.integers(0, size - 1)))


def pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of ``items`` (shrinks towards the first)."""
    return items[pick_index(draw, len(items))]


def shuffled(draw: st.DrawFn, items: Sequence[T]) -> list[T]:
    """``items`` in an order drawn by Hypothesis (shrinks towards the given order)."""
    rest = list(items)
    return [rest.pop(pick_index(draw, len(rest))) for _ in range(len(rest))]


def draw_day(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, near: Sequence[_dt.date] = ()
) -> _dt.date:
    """A day in ``[low, high]``; half the time one of the ``near`` days inside that range (the
    days where rules turn). Shrinks towards ``low``."""
    close = [day for day in near if low <= day <= high]
    if close and bool(draw(st.booleans())):
        return pick(draw, close)
    return low + ONE_DAY * draw(st.integers(0, (high - low).days))
