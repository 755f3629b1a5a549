"""The single coordinator: exactly one coordinator (tovholder) on every day of the case.

KUI gives "de unge, der har behov for det, en kontaktperson" (uvm.dk, "Den sammenhængende
kommunale ungeindsats": ministry guidance; no statute was found); the Esbjerg and Lejre
strategies name one tovholder. The rules are WARNING by default (see the rule reference).
:func:`check_coordination` reports every day of the *coordination span* that has no coordinator
(``coordination.gap``) or more than one (``coordination.overlap``), exact to the day;
:func:`handover` passes a case from one coordinator to the next without a gap or an overlap.

**The coordination span.** With :attr:`CoordinatorRequired.WHOLE_CASE` (the default) it is every
day from ``opened_on`` until ``closed_on`` (exclusive). With
:attr:`CoordinatorRequired.COORDINATED_EFFORT` it is only the days of the case on which
interventions of two or more distinct municipal units run. Either way it is checked up to and
including the reference day ``on``.

**Which plan's interventions count.** Each plan version speaks for the days from its
``created_on`` until the next version's ``created_on``; the first version also for the days
before it was made. A version that drops an intervention thereby ends it, and a past
intervention still counts on the days an older version was in force.

**How the days are reported.** Gaps and overlaps are maximal runs of consecutive days of the
span. A run of overlap days breaks where the *set* of coordinators changes: A+B for a week and
then A+B+C for a week are two findings, each with its coordinator ids (sorted, comma-separated)
in ``subject``. Runs never bridge a day outside the span. A coordinator is a person: two
assignments of the same ``coordinator_id`` on the same day (say, for two units) are one
coordinator, not an overlap. Where the span is non-empty and no assignment covers any day of
it, ``coordination.missing`` (with the span's hull as its period) replaces one span-long gap.

**Cost.** Sort plus one sweep over the start and end events: O(n log n) in the number of
assignments and interventions, plus the size of the reported coordinator lists (which, for n
assignments all overlapping at once, is itself quadratic).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

import attrs

from . import validators as v
from .errors import HandoverError
from .findings import Finding, found
from .periods import Period
from .policy import DEFAULT_POLICY, CoordinatorRequired, Policy, PolicyTimeline, policy_on

if TYPE_CHECKING:
    from .case import CoordinatorAssignment, YouthCase

__all__ = ["check_coordination", "coordination_span", "handover"]


class _Interval(NamedTuple):
    """A labelled interval in ordinal days (``end`` exclusive, ``None`` for open-ended)."""

    start: int
    end: int | None
    label: str


class _Event(NamedTuple):
    """A label starting (``starts``) or ending (not ``starts``) to cover the day ``day``."""

    day: int
    starts: bool
    label: str


class _Segment(NamedTuple):
    """A run of days with constant coverage: how many distinct labels, and which (sorted)."""

    start: int
    end: int
    distinct: int
    labels: str


class _Piece(NamedTuple):
    """Consecutive days of the coordination span, in ordinals (``end`` exclusive)."""

    start: int
    end: int


class _Run(NamedTuple):
    """A maximal run of span days of one ``kind``; ``coordinators`` for overlaps."""

    kind: str
    start: int
    end: int
    coordinators: str | None


_GAP, _COVERED, _OVERLAP = "gap", "covered", "overlap"


def _sweep(intervals: Iterable[_Interval], lo: int, hi: int) -> list[_Segment]:
    """Segments of constant coverage that partition the days ``[lo, hi)``.

    Each segment carries the number of distinct labels covering it and their sorted,
    comma-separated list. Intervals are clipped to ``[lo, hi)``; empty ones are dropped. The
    last segment may be the empty ``[hi, hi)`` (the intervals ending at ``hi``), covered by
    nothing. Sort + sweep: O(n log n), plus the size of the label lists.
    """
    events: list[_Event] = []
    for start, end, label in intervals:
        first = max(start, lo)
        stop = hi if end is None else min(end, hi)
        if first < stop:
            events.append(_Event(first, True, label))
            events.append(_Event(stop, False, label))
    # Only the day matters. Within one day the events apply in any order: a label's count never
    # drops below the number of its intervals still running, so it never goes negative.
    events.sort(key=attrgetter("day"))

    segments: list[_Segment] = []
    counts: dict[str, int] = {}  # label -> how many of its intervals cover the current day
    day = lo
    for when, starts, label in events:
        if when != day:
            segments.append(_segment(day, when, counts))
            day = when
        count = counts.get(label, 0)
        if starts:
            counts[label] = count + 1
        elif count == 1:
            del counts[label]
        else:
            counts[label] = count - 1
    segments.append(_segment(day, hi, counts))
    return segments


def _segment(start: int, end: int, counts: dict[str, int]) -> _Segment:
    return _Segment(start, end, len(counts), ", ".join(sorted(counts)))


def _join(pieces: Iterable[_Piece]) -> list[_Piece]:
    """Sorted, disjoint pieces with the touching ones joined (no two pieces are adjacent)."""
    joined: list[_Piece] = []
    for piece in pieces:
        if joined and piece.start == joined[-1].end:
            joined[-1] = _Piece(joined[-1].start, piece.end)
        else:
            joined.append(piece)
    return joined


def _case_bounds(case: YouthCase, on: _dt.date) -> _Piece | None:
    """The case's days ``[opened_on, closed_on)`` up to and including ``on``, as ordinals."""
    lo = case.opened_on.toordinal()
    hi = on.toordinal() + 1
    if case.closed_on is not None:
        hi = min(hi, case.closed_on.toordinal())
    return _Piece(lo, hi) if lo < hi else None


def _intervention_intervals(case: YouthCase) -> list[_Interval]:
    """Every intervention, labelled by unit, cut to the days its plan version is in force (an
    interval left with no day is dropped by :func:`_sweep`)."""
    intervals: list[_Interval] = []
    plans = case.plans
    for position, plan in enumerate(plans):
        window_start = None if position == 0 else plan.created_on.toordinal()
        window_end = (
            plans[position + 1].created_on.toordinal() if position + 1 < len(plans) else None
        )
        for intervention in plan.interventions:
            start = intervention.period.start.toordinal()
            end = None if intervention.period.end is None else intervention.period.end.toordinal()
            if window_start is not None:
                start = max(start, window_start)
            if window_end is not None:
                end = window_end if end is None else min(end, window_end)
            intervals.append(_Interval(start, end, intervention.unit))
    return intervals


def _span_pieces(case: YouthCase, on: _dt.date, policy: Policy) -> list[_Piece]:
    bounds = _case_bounds(case, on)
    if bounds is None:
        return []
    if policy.coordinator_required is CoordinatorRequired.WHOLE_CASE:
        return [bounds]
    lo, hi = bounds
    segments = _sweep(_intervention_intervals(case), lo, hi)
    return _join(_Piece(s.start, s.end) for s in segments if s.distinct >= 2)


def coordination_span(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Period, ...]:
    """The days on which ``case`` must have exactly one coordinator, up to and including ``on``.

    Disjoint, sorted, non-adjacent periods: one period ``[opened_on, min(closed_on, on + 1))``
    for :attr:`CoordinatorRequired.WHOLE_CASE`, the coordinated-effort days otherwise.
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    return tuple(_period(piece.start, piece.end) for piece in _span_pieces(case, on, policy))


_END_OF_CALENDAR = _dt.date.max.toordinal() + 1


def _period(start: int, end: int) -> Period:
    # A run reaching 31 December 9999 (``on`` = date.max) has no representable end: open-ended.
    last = None if end >= _END_OF_CALENDAR else _dt.date.fromordinal(end)
    return Period(_dt.date.fromordinal(start), last)


def _runs(segments: Sequence[_Segment], pieces: Sequence[_Piece]) -> list[_Run]:
    """Maximal runs (kind, start, end, coordinators) of the segments inside the span pieces.

    Both are sorted; ``first`` is the first segment not ending before the current piece. A
    segment reaching over several pieces is read once for each: O(segments + pieces).
    """
    runs: list[_Run] = []
    first = 0
    for piece in pieces:
        while segments[first].end <= piece.start:
            first += 1
        index = first
        while index < len(segments) and segments[index].start < piece.end:
            segment = segments[index]
            start, end = max(segment.start, piece.start), min(segment.end, piece.end)
            count = segment.distinct
            kind = _GAP if count == 0 else _COVERED if count == 1 else _OVERLAP
            coordinators = segment.labels if kind == _OVERLAP else None
            last = runs[-1] if runs else None
            if (
                last is not None
                and last.end == start
                and last.kind == kind
                and last.coordinators == coordinators
            ):
                runs[-1] = last._replace(end=end)
            else:
                runs.append(_Run(kind, start, end, coordinators))
            index += 1
    return runs


def check_coordination(
    case: YouthCase, on: _dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY
) -> tuple[Finding, ...]:
    """The single-coordinator invariant: exactly one coordinator on every day of the span.

    Returns each ``coordination.gap`` (days without a coordinator) and ``coordination.overlap``
    (days with several; their ids in ``subject``) with its exact :class:`Period`, in date order;
    or a single ``coordination.missing`` where no assignment covers any day of a non-empty span.
    The span and the way days are grouped are described in the module documentation. Source:
    a contact person for the young people who need one (uvm.dk); one tovholder (Esbjerg, Lejre).
    """
    v.check_day("on", on)
    policy = policy_on(policy, on)
    pieces = _span_pieces(case, on, policy)
    if not pieces:
        return ()
    lo, hi = pieces[0].start, pieces[-1].end
    intervals = [
        _Interval(
            a.period.start.toordinal(),
            None if a.period.end is None else a.period.end.toordinal(),
            a.coordinator_id,
        )
        for a in case.coordinators
    ]
    runs = _runs(_sweep(intervals, lo, hi), pieces)
    if all(run.kind == _GAP for run in runs):
        return tuple(found("coordination.missing", policy, on=on, period=_period(lo, hi)))
    findings: list[Finding] = []
    for run in runs:
        if run.kind == _GAP:
            findings += found("coordination.gap", policy, on=on, period=_period(run.start, run.end))
        elif run.kind == _OVERLAP:
            findings += found(
                "coordination.overlap",
                policy,
                on=on,
                period=_period(run.start, run.end),
                subject=run.coordinators,
            )
    return tuple(findings)


def handover(case: YouthCase, to: CoordinatorAssignment, on: _dt.date) -> YouthCase:
    """Pass ``case`` to the coordinator of ``to`` on ``on``: no gap, no overlap.

    The assignment holding the case on ``on`` is ended at ``on`` (half-open: its last day is the
    day before) and ``to``, which must start on ``on``, is inserted right after it. A handover on
    the day the current assignment starts *replaces* it (it would otherwise be left covering no
    day). Returns a new case; ``case`` is unchanged.

    Raises :class:`HandoverError` where ``to`` does not start on ``on`` or covers no day, where
    ``on`` lies outside the case, where nobody holds the case on ``on``, where two assignments
    hold it (ambiguous), or where ``on`` precedes the start of the current assignment: no
    assignment holds the case on ``on`` but one starts later, or ``to`` would overlap an
    assignment starting after ``on`` (a back-dated handover into an earlier assignment, or one
    running into a planned assignment). ``to`` may end before a planned assignment starts.
    """
    day = v.check_day("on", on).isoformat()
    if to.period.start != on:
        raise HandoverError(
            f"the new assignment must start on the handover day {day},"
            f" not {to.period.start.isoformat()}"
        )
    if to.period.empty:
        raise HandoverError(f"the new assignment ends on {day}: it covers no day")
    if on < case.opened_on:
        raise HandoverError(
            f"the handover day {day} precedes the opening of the case"
            f" ({case.opened_on.isoformat()})"
        )
    if case.closed_on is not None and on >= case.closed_on:
        raise HandoverError(
            f"the case was closed on {case.closed_on.isoformat()}: no handover on {day}"
        )
    holders = [i for i, a in enumerate(case.coordinators) if a.period.contains(on)]
    if len(holders) > 1:
        ids = ", ".join(sorted({case.coordinators[i].coordinator_id for i in holders}))
        raise HandoverError(
            f"{len(holders)} assignments ({ids}) hold the case on {day}: the handover is ambiguous"
        )
    later = sorted(
        (a for a in case.coordinators if a.period.start > on and not a.period.empty),
        key=lambda a: (a.period.start, a.coordinator_id),
    )
    if not holders:
        if later:
            raise HandoverError(
                f"the handover day {day} precedes the start of the current assignment"
                f" ({later[0].coordinator_id} from {later[0].period.start.isoformat()})"
            )
        raise HandoverError(f"nobody holds the case on {day}: there is nothing to hand over")
    clash = next((a for a in later if a.period.overlaps(to.period)), None)
    if clash is not None:
        # Back-dating into an earlier assignment, or running into a planned one: either way the
        # new assignment would overlap one that starts after the handover day.
        raise HandoverError(
            f"the handover day {day} precedes the start of the assignment of"
            f" {clash.coordinator_id} ({clash.period.start.isoformat()}), which the new"
            " assignment would overlap"
        )
    (position,) = holders
    current = case.coordinators[position]
    if current.period.start == on:
        replaced: tuple[CoordinatorAssignment, ...] = (to,)
    else:
        ended = attrs.evolve(current, period=Period(current.period.start, on))
        replaced = (ended, to)
    coordinators = case.coordinators[:position] + replaced + case.coordinators[position + 1 :]
    return attrs.evolve(case, coordinators=coordinators)
