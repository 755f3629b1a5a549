"""Half-open periods of whole days.

A :class:`Period` covers ``[start, end)``: it contains ``start`` and every day before ``end``;
``end=None`` means open-ended. A handover on day D ends the old period at D and starts the new
one at D, so the two neither leave a gap nor overlap. Where people read dates, the last day is
shown inclusively ("til og med", :attr:`Period.last_day`).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from . import validators as v
from ._language import check_language
from .errors import DataError

__all__ = ["ONE_DAY", "Period", "format_day"]

ONE_DAY = _dt.timedelta(days=1)
"""One calendar day: the step between a half-open period's last day and its ``end``."""


def _end_not_before_start(instance: Period, attribute: attrs.Attribute[Any], end: Any) -> None:
    v.is_optional_date(instance, attribute, end)
    if end is not None and end < instance.start:
        raise DataError(
            "Period.end",
            f"must not be before start ({instance.start.isoformat()}), got {end.isoformat()}",
        )


@attrs.frozen(order=False)
class Period:
    """The days ``[start, end)``; ``end=None`` is open-ended, ``end == start`` is empty."""

    start: _dt.date = attrs.field(validator=v.is_date)
    """The first day covered."""
    end: _dt.date | None = attrs.field(default=None, validator=_end_not_before_start)
    """The first day after the period (not covered), never before `start`; `None`: open-ended."""

    @property
    def open_ended(self) -> bool:
        """True where the period has no end."""
        return self.end is None

    @property
    def empty(self) -> bool:
        """True for a zero-length period (``end == start``): it contains no day."""
        return self.end == self.start

    @property
    def days(self) -> int | None:
        """The number of days covered, or ``None`` for an open-ended period."""
        if self.end is None:
            return None
        return (self.end - self.start).days

    @property
    def last_day(self) -> _dt.date | None:
        """The last day covered ("til og med"), ``None`` if open-ended or empty."""
        if self.end is None or self.end == self.start:
            return None
        return self.end - ONE_DAY

    def contains(self, day: _dt.date) -> bool:
        """True where ``start <= day < end``."""
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, other: Period) -> bool:
        """True where the two periods share at least one day (empty periods share none)."""
        if self.empty or other.empty:
            return False
        starts_before_other_ends = other.end is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts

    def intersection(self, other: Period) -> Period | None:
        """The days both periods cover, or ``None`` if they share none."""
        if not self.overlaps(other):
            return None
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        return Period(start, min(ends) if ends else None)

    def clip(self, until: _dt.date) -> Period | None:
        """The part of the period before ``until`` (exclusive), or ``None`` if nothing is left.

        Never returns an empty period: an empty period, or ``until`` on or before ``start``,
        leaves no day, hence ``None``.
        """
        if until <= self.start or self.empty:
            return None
        end = until if self.end is None else min(self.end, until)
        return Period(self.start, end)

    def format(self, lang: str = "da") -> str:
        """Human-readable, with the inclusive last day: ``1.2.2025 til og med 3.3.2025``.

        ``lang`` is ``"da"`` or ``"en"``; anything else is a :class:`DataError`.
        """
        check_language(lang)
        start = format_day(self.start)
        if self.end is None:
            return f"fra {start}" if lang == "da" else f"from {start}"
        if self.end == self.start:
            return f"tom periode {start}" if lang == "da" else f"empty period {start}"
        last = format_day(self.end - ONE_DAY)
        if lang == "da":
            return f"{start} til og med {last}"
        return f"{start} through {last}"

    def __str__(self) -> str:
        end = "" if self.end is None else self.end.isoformat()
        return f"[{self.start.isoformat()}, {end})"


def format_day(day: _dt.date) -> str:
    """A day as people in Denmark write it, ``d.m.yyyy`` (``1.2.2025``)."""
    return f"{day.day}.{day.month}.{day.year}"
