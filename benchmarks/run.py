"""National-scale benchmarks: kui-core beside a plain restatement, in the same run.

    python benchmarks/run.py              # 1,000,000 synthetic youths (make bench)
    python benchmarks/run.py --n 100000   # smaller
    python benchmarks/run.py --profile eligibility   # where the time goes (cProfile)
    python benchmarks/run.py --write-docs docs/performance.md   # rewrite the results section

Every figure is measured side by side with a baseline doing the same work: msgspec decoding the
same JSON Lines into msgspec Structs, plain-Python restatements of the rules, and a hand-written
numpy version of the rules on the same columns as the table path (kui_core.frames on polars).
The baselines' answers are checked against kui-core's, so both sides provably do the same job.
Growth: the per-youth cost at n/10 and at n, in the same run. Memory: the peak RSS of the table
path in a child process. Parts whose module is not there yet are skipped with a message. Never
part of ``make test``.
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import datetime as dt
import gc
import importlib
import io
import json
import math
import os
import platform
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from kui_core import (
    DEFAULT_POLICY,
    Authority,
    ExternalGuidance,
    LeapDayRule,
    Period,
    Youth,
    assess_eligibility,
)
from kui_core.education import Programme
from kui_core.metrics import COMPLETION_PROGRAMMES, NEET_PROGRAMMES
from kui_core.synthetic import iter_population

ON = dt.date(2025, 10, 1)
"""1 October: the day the national NEET measure is taken."""
SEED = 2030
TARGETS = {
    "loads": 3.0,  # iter_jsonl -> Youth: at most 3x msgspec decoding into Structs
    "eligibility": 2.5,  # assess_eligibility: at most 2.5x the plain loop
    "frames": 1.2,  # the table path on polars: at most 1.2x the numpy floor
    "frames_vs_objects": 20.0,  # ... and at least 20x faster than the per-object path
    "memory_mb": 200.0,  # peak RSS of the table path over 1M youths above the input tables
}
LINEAR = 1.2
"""Growth: a per-youth cost at n at most this many times the one at n/10 counts as linear."""
TRANSITIONS_SECONDS = 1.0
"""check_transitions on one case with 100,000 offers: under a second (issue 12)."""


def _module(name: str) -> Any:
    try:
        return importlib.import_module(f"kui_core.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"kui_core.{name}":
            raise
        return None


def _timed(fn: Callable[[], Any], *, collector: bool = True) -> tuple[float, Any]:
    """CPU seconds of this process for ``fn()``, and its result.

    CPU time rather than wall time: the machine may be shared, and a busy neighbour should not
    make either side look slower. Everything alive before the call is frozen out of the garbage
    collector (``gc.freeze``), so neither side pays for scanning the other's million objects.
    With ``collector`` the collector runs on what ``fn`` allocates, as it would for a user;
    without, it is switched off for the call (the pure cost of the code).
    """
    gc.collect()
    gc.freeze()
    if not collector:
        gc.disable()
    try:
        start = time.process_time()
        result = fn()
        return time.process_time() - start, result
    finally:
        gc.enable()
        gc.unfreeze()


class Versus:
    """Both sides timed with the collector on and, where asked, once more with it off.

    With ``repeat`` > 1 each side runs that many times, alternating, and the fastest is kept
    (for the short parts: a neighbour's burst on the shared machine then hits neither side's
    figure)."""

    def __init__(
        self,
        ours: Callable[[], Any],
        base: Callable[[], Any],
        gc_off: bool,
        repeat: int = 1,
    ) -> None:
        self.ours, self.ours_result = _timed(ours)
        self.base, self.base_result = _timed(base)
        for _ in range(repeat - 1):
            self.ours = min(self.ours, _timed(ours)[0])
            self.base = min(self.base, _timed(base)[0])
        self.ours_off = self.base_off = None
        if gc_off:
            self.ours_off, _ = _timed(ours, collector=False)
            self.base_off, _ = _timed(base, collector=False)
            for _ in range(repeat - 1):
                self.ours_off = min(self.ours_off, _timed(ours, collector=False)[0])
                self.base_off = min(self.base_off, _timed(base, collector=False)[0])


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Report:
    """Rows of the result table, printed as they come and once more at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.growth: list[tuple[str, ...]] = []
        self.notes: list[str] = []
        self.facts: list[tuple[str, str]] = []

    def add(
        self,
        part: str,
        times: Versus,
        baseline: str,
        target: float | None,
        *,
        faster: bool = False,
    ) -> None:
        """A row: ``ours / base`` held against ``target`` (at most), or with ``faster`` the
        speed-up ``base / ours`` (at least ``target``)."""
        ratio = times.ours / times.base if times.base else float("inf")
        shown = (1 / ratio if ratio else float("inf")) if faster else ratio
        met = target is not None and (shown >= target if faster else ratio <= target)
        verdict = "" if target is None else ("ok" if met else "MISSED")
        unit = "x faster" if faster else "x"
        goal = "" if target is None else (f">= {target:g}x" if faster else f"<= {target:g}x")
        off = ""
        if times.ours_off is not None and times.base_off and times.ours_off:
            ratio_off = times.ours_off / times.base_off
            shown_off = 1 / ratio_off if faster else ratio_off
            shown_text = f"{shown_off:.{_digits(shown_off)}f}{unit}"
            off = f"{times.ours_off:.2f} / {times.base_off:.2f} = {shown_text}"
        row = (
            part,
            f"{times.ours:.2f}",
            f"{times.base:.2f}",
            baseline,
            f"{shown:.{_digits(shown)}f}{unit} {goal}".strip(),
            verdict,
            off,
        )
        self.rows.append(row)
        print(
            f"  {part}: {times.ours:.2f} s vs {baseline} {times.base:.2f} s -> {row[4]} {verdict}"
        )

    def add_growth(self, part: str, small: int, small_s: float, n: int, n_s: float) -> None:
        """Per-youth cost at ``n`` over the one at ``small``: 1.0 is linear."""
        ratio = (n_s / n) / (small_s / small) if small_s and small else float("inf")
        verdict = "linear" if ratio <= LINEAR else "GROWS"
        row = (
            part,
            f"{small_s:.2f}",
            f"{small_s / small * 1e6:.2f}",
            f"{n_s:.2f}",
            f"{n_s / n * 1e6:.2f}",
            f"{ratio:.2f}",
            verdict,
        )
        self.growth.append(row)
        print(f"  growth of {part}: {row[2]} -> {row[4]} us per youth = {ratio:.2f} ({verdict})")

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  {text}")

    def fact(self, measure: str, value: str) -> None:
        """A side fact for the documentation's table (printed with the notes)."""
        self.facts.append((measure, value))
        print(f"  {measure}: {value}")

    def tables(self, small: int, n: int) -> str:
        header = (
            "part",
            "kui-core CPU s",
            "baseline CPU s",
            "baseline",
            "ratio (target)",
            "",
            "GC off: ours / base = ratio",
        )
        text = _text_table(header, self.rows)
        if self.growth:
            growth_header = (
                "growth",
                f"CPU s at {small:,}",
                "us/youth",
                f"CPU s at {n:,}",
                "us/youth",
                "per-youth ratio",
                f"(linear <= {LINEAR:g})",
            )
            text += "\n" + _text_table(growth_header, self.growth)
        return text

    def print(self, small: int, n: int, out: Any = None) -> None:
        out = sys.stdout if out is None else out
        print(self.tables(small, n), file=out, end="")
        for measure, value in self.facts:
            print(f"- {measure}: {value}", file=out)
        for text in self.notes:
            print(f"- {text}", file=out)


def _digits(ratio: float) -> int:
    return 2 if ratio < 10 else 1 if ratio < 100 else 0


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    table = [tuple(header), *(tuple(r) for r in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for index, row in enumerate(table):
        lines.append(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


# -- plain restatements of the rules ----------------------------------------------------------


_EXIT = DEFAULT_POLICY.target_group_exit
_OUTREACH = DEFAULT_POLICY.outreach_programmes
_ENROLMENT = DEFAULT_POLICY.enrolment_programmes


def _birthday_ordinal(born: dt.date, years: int) -> int:
    try:
        return born.replace(year=born.year + years).toordinal()
    except ValueError:  # 29 February in a common year: 1 March (LeapDayRule.MARCH_1)
        return dt.date(born.year + years, 3, 1).toordinal()


def plain_eligibility(youth: Youth, on: dt.date) -> tuple[bool, bool, bool | None, int]:
    """The eligibility rule in plain Python: (in group, enrolled, outreach, eligible_until);
    outreach ``None`` where only missing records would make it due."""
    born = youth.birth_date
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    exited = other_completed = enrolled = False
    for r in youth.educations:
        if r.completed_on is not None and r.completed_on <= on:
            if r.programme in _EXIT:
                exited = True
            elif r.programme in _OUTREACH:
                other_completed = True
        end = r.completed_on or r.left_on
        if r.programme in _ENROLMENT and r.started_on <= on and (end is None or on < end):
            enrolled = True
    micro = 0  # weekly hours add up in whole millionths of an hour (Youth.weekly_hours_on)
    for e in youth.employments:
        p = e.period
        if p.start <= on and (p.end is None or on < p.end):
            micro += math.floor(e.hours_per_week * 1_000_000 + 0.5)
    hours = micro / 1_000_000
    guided = False
    for g in youth.guided_elsewhere:
        p = g.period
        if p.start <= on and (p.end is None or on < p.end):
            guided = True
    in_group = 15 <= age < 25 and not exited
    outreach: bool | None = in_group and not (enrolled or hours >= 20 or other_completed or guided)
    if outreach:
        educations_known, employments_known = (
            youth.educations_known_until,
            youth.employments_known_until,
        )
        if (educations_known is not None and on > educations_known) or (
            employments_known is not None and on > employments_known
        ):
            outreach = None
    return in_group, enrolled, outreach, _birthday_ordinal(born, 25) - 1


def _plain_age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def plain_metrics(youths: Iterable[Youth], on: dt.date) -> tuple[int, ...]:
    """Completion at 25 and NEET among 15–24 in plain loops: (completed, aged 25 and decided,
    undecided; neet, aged 15–24 and decided, undecided)."""
    completed = aged_25 = undecided_25 = neet = aged = undecided = 0
    for y in youths:
        age = _plain_age(y.birth_date, on)
        educations_unknown = y.educations_known_until is not None and on > y.educations_known_until
        if age == 25:
            if any(
                r.programme in COMPLETION_PROGRAMMES and r.completed_by(on) for r in y.educations
            ):
                completed += 1
                aged_25 += 1
            elif educations_unknown:
                undecided_25 += 1
            else:
                aged_25 += 1
        if 15 <= age <= 24:
            if not (
                any(r.programme in NEET_PROGRAMMES and r.completed_by(on) for r in y.educations)
                or any(r.enrolled_on(on) for r in y.educations)
                or sum(
                    math.floor(e.hours_per_week * 1_000_000 + 0.5)
                    for e in y.employments
                    if e.period.contains(on)
                )
                / 1_000_000
                >= 18
            ):
                if educations_unknown or (
                    y.employments_known_until is not None and on > y.employments_known_until
                ):
                    undecided += 1
                    continue
                neet += 1
            aged += 1
    return completed, aged_25, undecided_25, neet, aged, undecided


def plain_coordination(
    opened: int, closed: int | None, on: int, assignments: Sequence[tuple[int, int | None, str]]
) -> tuple[list[tuple[int, int]], int]:
    """Sort + sweep: the gap runs and the number of days with two or more coordinators."""
    lo, hi = opened, on + 1 if closed is None else min(closed, on + 1)
    events: list[tuple[int, int, str]] = []
    for start, end, who in assignments:
        s, e = max(start, lo), hi if end is None else min(end, hi)
        if s < e:
            events.append((s, 1, who))
            events.append((e, -1, who))
    events.sort()
    gaps: list[tuple[int, int]] = []
    overlap_days = 0
    active: dict[str, int] = {}
    day = lo
    for when, delta, who in [*events, (hi, 0, "")]:
        if when > day:
            if not active:
                if gaps and gaps[-1][1] == day:
                    gaps[-1] = (gaps[-1][0], when)
                else:
                    gaps.append((day, when))
            elif len(active) >= 2:
                overlap_days += when - day
            day = when
        if delta:
            active[who] = active.get(who, 0) + delta
            if not active[who]:
                del active[who]
    return gaps, overlap_days


def plain_transitions(
    born: dt.date,
    closed: int | None,
    on: int,
    gap: int,
    offers: Sequence[tuple[int, int | None, str]],
) -> list[tuple[str, int, int | None]]:
    """The transition rule for a young person with no records and no plan, on ordinals: each
    ended offer whose next offer (one running past its end) starts more than ``gap`` days later,
    as (id, end, resumed); sorted by (start, id). Sort + binary search."""
    ending = sorted((end, start) for start, end, _ in offers if end is not None and end != start)
    ends = [end for end, _ in ending]
    earliest: list[int] = []
    for _, start in reversed(ending):
        earliest.append(start if not earliest else min(start, earliest[-1]))
    earliest.reverse()
    open_start = min((start for start, end, _ in offers if end is None), default=None)
    found = []
    for start, end, who in sorted(offers, key=lambda offer: (offer[0], offer[2])):
        if end is None or end == start or on <= end + gap or (closed is not None and closed <= end):
            continue
        index = bisect.bisect_right(ends, end)
        later = earliest[index] if index < len(ends) else None
        nexts = [d for d in (open_start, later) if d is not None]
        resumed = min(nexts, default=None)
        if resumed is not None and resumed <= end + gap:
            continue
        if not 15 <= _plain_age(born, dt.date.fromordinal(end)) < 25:
            continue
        found.append((who, end, resumed if resumed is not None and resumed <= on else None))
    return found


try:
    import numpy as np
    import polars as pl

    HAVE_POLARS = True
except ModuleNotFoundError:  # only in the dev extra
    HAVE_POLARS = False


# -- msgspec mirror of the Youth document -------------------------------------------------------


try:
    import msgspec

    HAVE_MSGSPEC = True
except ModuleNotFoundError:  # only in the dev extra
    HAVE_MSGSPEC = False

if HAVE_MSGSPEC:

    class MPeriod(msgspec.Struct, forbid_unknown_fields=True):
        start: dt.date
        end: dt.date | None = None

    class MEducation(msgspec.Struct, forbid_unknown_fields=True):
        programme: Programme
        started_on: dt.date
        completed_on: dt.date | None = None
        left_on: dt.date | None = None

    class MEmployment(msgspec.Struct, forbid_unknown_fields=True):
        period: MPeriod
        hours_per_week: float

    class MCarePlacement(msgspec.Struct, forbid_unknown_fields=True):
        period: MPeriod
        decided_on: dt.date | None = None
        consent: bool = True
        ungeplan_dates: tuple[dt.date, ...] = ()
        support_decided_on: dt.date | None = None

    class MGuidance(msgspec.Struct, forbid_unknown_fields=True):
        authority: str
        period: MPeriod

    class MYouth(msgspec.Struct, forbid_unknown_fields=True):
        person_id: str
        birth_date: dt.date
        educations: tuple[MEducation, ...] = ()
        employments: tuple[MEmployment, ...] = ()
        in_care: tuple[MCarePlacement, ...] = ()
        cpr: str | None = None
        municipality_code: str | None = None
        guided_elsewhere: tuple[MGuidance, ...] = ()
        educations_known_until: dt.date | None = None
        employments_known_until: dt.date | None = None
        schema_version: int = 1


# -- the parts ----------------------------------------------------------------------------------


def bench_loads(
    report: Report, youths: list[Youth], small: int, profile: bool, gc_off: bool
) -> None:
    serialization = _module("serialization")
    if serialization is None or not hasattr(serialization, "iter_jsonl"):
        report.note("loads: skipped (kui_core.serialization.iter_jsonl not there yet)")
        return
    if not HAVE_MSGSPEC:
        report.note("loads: skipped (msgspec not installed: pip install -e '.[dev]')")
        return
    decoder = msgspec.json.Decoder(MYouth)
    seconds, lines = _timed(lambda: list(serialization.iter_dumps_jsonl(youths)))
    size = sum(map(len, lines)) / 2**20
    report.fact(
        f"writing {len(lines):,} youths as JSON Lines (`iter_dumps_jsonl`)",
        f"{seconds:.1f} s, {size:,.0f} MB of text",
    )
    before = _rss_mb()
    _, decoded = _timed(lambda: list(serialization.iter_jsonl(lines, Youth)))
    decoded_mb = _rss_mb() - before
    assert decoded == youths, "iter_jsonl did not give back the same youths"
    del decoded
    times = Versus(
        lambda: len(list(serialization.iter_jsonl(lines, Youth))),
        lambda: [decoder.decode(line) for line in lines],
        gc_off,
    )
    assert times.ours_result == len(times.base_result) == len(youths)
    assert times.base_result[-1].person_id == youths[-1].person_id
    del times.base_result
    report.add("loads (iter_jsonl -> Youth)", times, "msgspec Struct", TARGETS["loads"])
    report.fact(
        f"memory of {len(youths):,} youths loaded from JSON Lines (nothing shared)",
        f"**{decoded_mb:,.0f} MB** RSS ({decoded_mb * 2**20 / max(1, len(youths)):,.0f} bytes"
        " per youth)",
    )
    if small < len(lines):
        head = lines[:small]
        small_times = Versus(
            lambda: len(list(serialization.iter_jsonl(head, Youth))),
            lambda: [decoder.decode(line) for line in head],
            gc_off,
        )
        del small_times.base_result
        report.add(f"loads at {small:,}", small_times, "msgspec Struct", TARGETS["loads"])
        report.add_growth("loads (iter_jsonl)", small, small_times.ours, len(lines), times.ours)
        report.add_growth("msgspec decoding", small, small_times.base, len(lines), times.base)
    if profile:
        _profile(lambda: list(serialization.iter_jsonl(lines[:50_000], Youth)))


def bench_eligibility(
    report: Report, youths: list[Youth], small: int, profile: bool, gc_off: bool
) -> None:
    times = Versus(
        lambda: [assess_eligibility(y, ON) for y in youths],
        lambda: [plain_eligibility(y, ON) for y in youths],
        gc_off,
        repeat=2,
    )
    results, plain = times.ours_result, times.base_result
    for result, expected in zip(results, plain, strict=True):
        got = (result.in_target_group, result.enrolled, result.outreach_required)
        assert (*got, result.eligible_until.toordinal()) == expected, (result, expected)
    in_group = sum(r.in_target_group for r in results)
    outreach = sum(r.outreach_required is True for r in results)
    undecided = sum(r.outreach_required is None for r in results)
    del results, plain, times.ours_result, times.base_result
    target = TARGETS["eligibility"]
    report.add("assess_eligibility (with findings)", times, "plain loop", target)
    report.fact(
        "eligibility",
        f"{in_group:,} in the target group, {outreach:,} need outreach, {undecided:,} undecided"
        " (records known only until before the day)",
    )
    if small < len(youths):
        head = youths[:small]
        seconds, _ = _timed(lambda: [assess_eligibility(y, ON) for y in head])
        report.add_growth("assess_eligibility", small, seconds, len(youths), times.ours)
    if profile:
        _profile(lambda: [assess_eligibility(y, ON) for y in youths[:100_000]])


def bench_metrics(report: Report, youths: list[Youth], profile: bool, gc_off: bool) -> None:
    metrics = _module("metrics")
    if metrics is None:
        report.note("metrics: skipped (kui_core.metrics not there yet)")
        return

    def ours_fn() -> tuple[Any, Any]:
        return metrics.completion_rate(youths, ON), metrics.neet_share(youths, ON)

    times = Versus(ours_fn, lambda: plain_metrics(youths, ON), gc_off)
    completion, neet = times.ours_result
    expected = times.base_result
    got = (completion.numerator, completion.denominator, completion.undecided)
    got += (neet.numerator, neet.denominator, neet.undecided)
    assert got == expected, (got, expected)
    report.add("completion_rate + neet_share", times, "plain loops", None)
    report.fact("completion by 25 (synthetic)", str(completion))
    report.fact("NEET among 15–24 (synthetic)", str(neet))
    if profile:
        _profile(ours_fn)


# -- the table path (kui_core.frames on polars) and its numpy floor -----------------------------

OPEN = 2**31 - 1
"""A null date in the numpy columns (an open end, no completion, records known for ever)."""


def _days(series: Any) -> Any:
    """A polars Date column as int32 days since 1970, null as :data:`OPEN`."""
    return series.cast(pl.Int32).fill_null(OPEN).to_numpy()


def numpy_columns(tables: Any) -> dict[str, Any]:
    """The tables' columns as numpy arrays (not timed): strings as fixed-width unicode (integer
    person ids as int64), dates as int32 days since 1970 with null as :data:`OPEN`, hours as
    float64."""
    people, educations = tables.people, tables.educations
    employments, guidance = tables.employments, tables.guidance

    def text(series: Any) -> Any:
        if series.dtype.is_integer():  # pseudonymised ids: the integers themselves
            return series.cast(pl.Int64).to_numpy()
        return np.asarray(series.to_list(), dtype=str) if len(series) else np.array([], "U1")

    return {
        "person_id": text(people["person_id"]),
        "birth_date": _days(people["birth_date"]),
        "educations_known_until": _days(people["educations_known_until"]),
        "employments_known_until": _days(people["employments_known_until"]),
        "e.person_id": text(educations["person_id"]),
        "e.programme": text(educations["programme"]),
        "e.started_on": _days(educations["started_on"]),
        "e.completed_on": _days(educations["completed_on"]),
        "e.left_on": _days(educations["left_on"]),
        "m.person_id": text(employments["person_id"]),
        "m.start": _days(employments["start"]),
        "m.end": _days(employments["end"]),
        "m.hours_per_week": employments["hours_per_week"].cast(pl.Float64).to_numpy(),
        "g.person_id": text(guidance["person_id"]),
        "g.start": _days(guidance["start"]),
        "g.end": _days(guidance["end"]),
    }


def numpy_join(columns: dict[str, Any]) -> dict[str, Any]:
    """The person_id join and the programme codes: each record's row in ``people`` (argsort +
    searchsorted over the strings) and each programme as its index in ``Programme``."""
    ids = columns["person_id"]
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    joined = dict(columns)
    for table in ("e", "m", "g"):
        joined[f"{table}.row"] = order[np.searchsorted(ordered, columns[f"{table}.person_id"])]
    programme = columns["e.programme"]
    codes = np.full(len(programme), -1, dtype=np.int8)
    for index, member in enumerate(Programme):
        codes[programme == member.value] = index
    joined["e.code"] = codes
    return joined


def _member_table(programmes: Iterable[Programme]) -> Any:
    chosen = set(programmes)
    return np.array([member in chosen for member in Programme], dtype=bool)


def numpy_rules(joined: dict[str, Any], on: dt.date) -> dict[str, Any]:
    """Eligibility, completion at 25 and NEET among 15–24 under the default policy, on numpy
    columns already joined (:func:`numpy_join`). Per person: age, in_target_group, enrolled,
    outreach (1 true, 0 false, -1 undecided), eligible_until (days); and the rates' counts."""
    policy = DEFAULT_POLICY
    day = (on - dt.date(1970, 1, 1)).days
    n = len(joined["birth_date"])
    born = joined["birth_date"].astype("datetime64[D]")
    years = born.astype("datetime64[Y]")
    months = born.astype("datetime64[M]")
    year = years.astype(np.int64) + 1970
    month = months.astype(np.int64) - years.astype(np.int64) * 12 + 1
    mday = (born - months).astype(np.int64) + 1
    leap_day = (month == 2) & (mday == 29)
    month_day = month * 100 + mday
    on_leap = on.year % 4 == 0 and (on.year % 100 != 0 or on.year % 400 == 0)
    if policy.leap_day_rule is LeapDayRule.FEBRUARY_28 and not on_leap:
        month_day = np.where(leap_day, 228, month_day)  # 28 February is the birthday
    # Under MARCH_1 a 29 February birthday compares as 0229, which in a common year falls
    # between 0228 and 0301: the same answer as 1 March.
    age = on.year - year - ((on.month * 100 + on.day) < month_day)
    limit_year = year + policy.age_limit
    birthday = (
        (limit_year - 1970).astype("datetime64[Y]").astype("datetime64[M]")
        + (month - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (mday - 1).astype("timedelta64[D]")  # 29 Feb -> 1 March
    if policy.leap_day_rule is LeapDayRule.FEBRUARY_28:
        common = (limit_year % 4 != 0) | ((limit_year % 100 == 0) & (limit_year % 400 != 0))
        birthday = birthday - (leap_day & common).astype("timedelta64[D]")
    eligible_until = birthday.astype(np.int64) - 1

    e_row, code = joined["e.row"], joined["e.code"]
    started, completed, left = (
        joined["e.started_on"],
        joined["e.completed_on"],
        joined["e.left_on"],
    )
    done = completed <= day
    begun = started <= day
    running = begun & (day < np.minimum(completed, left))  # at most one of the two is set

    def any_of(mask: Any, rows: Any) -> Any:
        flags = np.zeros(n, dtype=bool)
        flags[rows[mask]] = True
        return flags

    exited = any_of(done & _member_table(policy.target_group_exit)[code], e_row)
    other_done = any_of(
        done
        & ~_member_table(policy.target_group_exit)[code]
        & _member_table(policy.outreach_programmes)[code],
        e_row,
    )
    enrolled = any_of(running & _member_table(policy.enrolment_programmes)[code], e_row)
    completed_25 = any_of(done & _member_table(COMPLETION_PROGRAMMES)[code], e_row)
    attached = any_of(
        running | (begun & done & _member_table(NEET_PROGRAMMES)[code]), e_row
    )  # enrolled in any programme (also where completed after the day), or a graduate

    m_row = joined["m.row"]
    active = (joined["m.start"] <= day) & (day < joined["m.end"])
    # Whole millionths of an hour per job, added up exactly (Youth.weekly_hours_on).
    micro = np.floor(joined["m.hours_per_week"][active] * 1_000_000 + 0.5)
    hours = np.bincount(m_row[active], weights=micro, minlength=n) / 1_000_000
    has_job = np.bincount(m_row, minlength=n) > 0
    g_row = joined["g.row"]
    guided = any_of((joined["g.start"] <= day) & (day < joined["g.end"]), g_row)
    educations_unknown = day > joined["educations_known_until"]
    unknown = educations_unknown | (day > joined["employments_known_until"])

    in_group = (age >= policy.min_age) & (age < policy.age_limit) & ~exited
    due = in_group & ~(enrolled | (hours >= policy.outreach_work_hours) | other_done | guided)
    outreach = due.astype(np.int8)
    outreach[due & unknown] = -1

    aged_25 = age == 25
    undecided_25 = aged_25 & ~completed_25 & educations_unknown
    band = (age >= 15) & (age <= 24)
    idle = band & ~attached & ~(has_job & (hours >= policy.neet_work_hours))
    undecided = idle & unknown
    return {
        "age": age,
        "in_target_group": in_group,
        "enrolled": enrolled,
        "outreach": outreach,
        "eligible_until": eligible_until,
        "completion": (
            int(np.count_nonzero(aged_25 & completed_25)),
            int(np.count_nonzero(aged_25 & ~undecided_25)),
            int(np.count_nonzero(undecided_25)),
        ),
        "neet": (
            int(np.count_nonzero(idle & ~undecided)),
            int(np.count_nonzero(band & ~undecided)),
            int(np.count_nonzero(undecided)),
        ),
    }


def numpy_floor(columns: dict[str, Any], on: dt.date) -> dict[str, Any]:
    """The whole numpy version on the same columns: the join, then the rules."""
    return numpy_rules(numpy_join(columns), on)


def table_path(frames: Any, tables: Any, on: dt.date) -> tuple[Any, Any, Any]:
    """Eligibility (all its columns, eager) + completion_rate + neet_share on the tables, in
    one call (``frames.measure``: one validation, one group_by per person)."""
    people, educations, employments = tables.people, tables.educations, tables.employments
    guidance = tables.guidance if len(tables.guidance) else None
    got = frames.measure(people, educations, employments, on, guidance=guidance)
    return got.eligibility, got.completion, got.neet


def integer_tables(frames: Any, tables: Any) -> Any:
    """The same tables with ``person_id`` as Int64 (pseudonymised register data): each person
    numbered by their row in ``people``, the records mapped with it (not timed)."""
    ids = tables.people.select("person_id").with_row_index("_id")
    ids = ids.with_columns(pl.col("_id").cast(pl.Int64))

    def numbered(frame: Any) -> Any:
        joined = frame.join(ids, on="person_id", how="left", maintain_order="left")
        return joined.select(pl.col("_id").alias("person_id"), pl.exclude("person_id", "_id"))

    return frames.Tables(*(numbered(getattr(tables, name)) for name in _TABLES))


def per_object_path(youths: list[Youth], on: dt.date) -> tuple[Any, Any, Any]:
    metrics = importlib.import_module("kui_core.metrics")
    return (
        [assess_eligibility(y, on) for y in youths],
        metrics.completion_rate(youths, on),
        metrics.neet_share(youths, on),
    )


def _table_answers(tables: Any, answers: Any) -> dict[str, Any]:
    """The table path's eligibility as numpy arrays in the order of ``people``."""
    ordered = (
        tables.people.select("person_id")
        .with_row_index("_row")
        .join(answers, on="person_id", how="left")
        .sort("_row")
    )
    assert len(ordered) == len(tables.people) == len(answers), "one row per person"
    outreach = ordered["outreach_required"]
    return {
        "age": ordered["age"].to_numpy(),
        "in_target_group": ordered["in_target_group"].to_numpy(),
        "enrolled": ordered["enrolled"].to_numpy(),
        "outreach": outreach.cast(pl.Int8).fill_null(-1).to_numpy(),
        "eligible_until": ordered["eligible_until"].cast(pl.Int32).to_numpy(),
    }


def _agree_floor(floor: dict[str, Any], other: dict[str, Any], rates: Any, what: str) -> None:
    for name in ("age", "in_target_group", "enrolled", "outreach", "eligible_until"):
        wrong = np.flatnonzero(np.asarray(floor[name]) != np.asarray(other[name]))
        assert not len(wrong), (
            f"{what}: {name} differs for {len(wrong):,} people, first {wrong[:5]}"
        )
    completion, neet = rates
    got = (completion.numerator, completion.denominator, completion.undecided)
    assert got == floor["completion"], (what, "completion", got, floor["completion"])
    got = (neet.numerator, neet.denominator, neet.undecided)
    assert got == floor["neet"], (what, "neet", got, floor["neet"])


def _object_answers(results: list[Any]) -> dict[str, Any]:
    epoch = dt.date(1970, 1, 1).toordinal()
    return {
        "age": np.array([r.age for r in results]),
        "in_target_group": np.array([r.in_target_group for r in results]),
        "enrolled": np.array([r.enrolled for r in results]),
        "outreach": np.array(
            [-1 if r.outreach_required is None else int(r.outreach_required) for r in results]
        ),
        "eligible_until": np.array([r.eligible_until.toordinal() - epoch for r in results]),
    }


def _frames_module(report: Report) -> Any:
    frames = None if not HAVE_POLARS else _module("frames")
    if frames is None or not hasattr(frames, "tables_from_youths"):
        reason = (
            "polars/numpy not installed" if not HAVE_POLARS else "kui_core.frames not there yet"
        )
        report.note(f"frames: skipped ({reason})")
        return None
    return frames


def bench_frames(
    report: Report, youths: list[Youth], small: int, profile: bool, gc_off: bool
) -> None:
    frames = _frames_module(report)
    if frames is None:
        return
    seconds, tables = _timed(lambda: frames.tables_from_youths(youths, "polars"))
    columns = numpy_columns(tables)
    size = sum(getattr(tables, name).estimated_size("mb") for name in _TABLES)
    report.fact(
        f"`frames.tables_from_youths` ({len(youths):,} youths, polars)",
        f"{seconds:.1f} s; {len(tables.educations):,} education records,"
        f" {len(tables.employments):,} employments, {len(tables.guidance):,} guidance records,"
        f" {size:,.0f} MB of tables",
    )
    floor = Versus(
        lambda: table_path(frames, tables, ON),
        lambda: numpy_floor(columns, ON),
        gc_off,
        repeat=3,
    )
    answers, completion, neet = floor.ours_result
    expected = floor.base_result
    _agree_floor(expected, _table_answers(tables, answers), (completion, neet), "table path")
    report.add(
        "frames: eligibility + completion + NEET (polars)",
        floor,
        "numpy, same columns",
        TARGETS["frames"],
    )
    joined = numpy_join(columns)
    strict = Versus(
        lambda: table_path(frames, tables, ON),
        lambda: numpy_rules(joined, ON),
        gc_off,
        repeat=3,
    )
    report.add("frames (the same)", strict, "numpy, pre-joined ints", None)
    numbered = integer_tables(frames, tables)
    numbered_columns = numpy_columns(numbered)
    integers = Versus(
        lambda: table_path(frames, numbered, ON),
        lambda: numpy_floor(numbered_columns, ON),
        gc_off,
        repeat=3,
    )
    answers, completion, neet = integers.ours_result
    _agree_floor(
        integers.base_result,
        _table_answers(numbered, answers),
        (completion, neet),
        "table path, integer ids",
    )
    _agree_floor(expected, integers.base_result, (completion, neet), "numpy, integer ids")
    del integers.ours_result, integers.base_result
    report.add(
        "frames, integer person_id (polars Int64)",
        integers,
        "numpy, same columns (int64 ids)",
        TARGETS["frames"],
    )
    objects = Versus(
        lambda: table_path(frames, tables, ON),
        lambda: per_object_path(youths, ON),
        gc_off,
    )
    results, completion, neet = objects.base_result
    _agree_floor(expected, _object_answers(results), (completion, neet), "per-object path")
    del results, objects.base_result, objects.ours_result
    report.add(
        "frames (the same)",
        objects,
        "per-object kui-core",
        TARGETS["frames_vs_objects"],
        faster=True,
    )
    if small < len(youths):
        head_tables = frames.tables_from_youths(youths[:small], "polars")
        best = min(_timed(lambda: table_path(frames, head_tables, ON))[0] for _ in range(3))
        report.add_growth("frames table path (polars)", small, best, len(youths), floor.ours)
    if profile:
        _profile(lambda: table_path(frames, tables, ON))


# -- memory of the table path, in a child process ----------------------------------------------

_SAMPLE_SECONDS = 0.001


def memory_child(directory: str) -> int:
    """Read the tables from ``directory``, run the table path once, print the RSS figures (MB)
    as JSON: before reading, with the tables read (the input), the peak while the table path
    ran (sampled every millisecond from /proc/self/statm), after it, and ru_maxrss."""
    frames = importlib.import_module("kui_core.frames")
    start = _rss_mb()
    folder = Path(directory)
    tables = frames.Tables(*(pl.read_parquet(folder / f"{name}.parquet") for name in _TABLES))
    gc.collect()
    loaded = _rss_mb()
    # Warm up on 1,000 people (imports, polars' thread pool): the figure is the call's own.
    few = tables.people.head(1_000)
    ids = few["person_id"]
    table_path(
        frames,
        frames.Tables(
            few,
            *(getattr(tables, name).filter(pl.col("person_id").is_in(ids)) for name in _TABLES[1:]),
        ),
        ON,
    )
    gc.collect()
    warm = _rss_mb()
    maxrss_before = _maxrss_mb()
    peak = warm
    running = True

    def sample() -> None:
        nonlocal peak
        while running:
            peak = max(peak, _rss_mb())
            time.sleep(_SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    seconds = time.process_time()
    result = table_path(frames, tables, ON)
    seconds = time.process_time() - seconds
    running = False
    sampler.join()
    after = max(peak, _rss_mb())
    maxrss = _maxrss_mb()
    if maxrss > maxrss_before:  # the process's high-water mark was set during the call
        after = max(after, maxrss)
    del result
    print(
        json.dumps(
            {
                "start": start,
                "loaded": loaded,
                "warm": warm,
                "peak": max(peak, after),
                "maxrss": maxrss,
                "maxrss_before": maxrss_before,
                "seconds": seconds,
                "people": len(tables.people),
            }
        )
    )
    return 0


_TABLES = ("people", "educations", "employments", "guidance")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def bench_memory(report: Report, youths: list[Youth]) -> None:
    frames = _frames_module(report)
    if frames is None:
        return
    tables = frames.tables_from_youths(youths, "polars")
    with tempfile.TemporaryDirectory(prefix="kui-bench-") as folder:
        for name in _TABLES:
            getattr(tables, name).write_parquet(Path(folder) / f"{name}.parquet")
        del tables
        env = dict(os.environ)
        src = str(Path(__file__).resolve().parent.parent / "src")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", folder],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if done.returncode:
        report.note(f"memory: the child failed: {done.stderr.strip()[-500:]}")
        return
    got = json.loads(done.stdout.strip().splitlines()[-1])
    growth = got["peak"] - got["warm"]
    goal = TARGETS["memory_mb"]
    if got["people"] >= 1_000_000:
        verdict = "ok" if growth < goal else "MISSED"
    else:
        verdict = "judged at 1,000,000 only"
    if got["maxrss"] > got["maxrss_before"]:
        high = f"ru_maxrss of the child rose to {got['maxrss']:,.0f} MB during the call"
    else:  # Linux keeps the high-water mark across exec: it may be the parent's
        high = f"ru_maxrss of the child ({got['maxrss']:,.0f} MB) not raised by the call"
    report.fact(
        f"memory of the table path over {got['people']:,} youths (peak RSS above the input tables)",
        f"**{growth:,.0f} MB** (goal < {goal:g} MB: {verdict}); input tables"
        f" {got['loaded'] - got['start']:,.0f} MB RSS; warm-up on 1,000 people"
        f" {got['warm'] - got['loaded']:,.0f} MB (RSS {got['warm']:,.0f} MB before the call);"
        f" {high}; {got['seconds']:.2f} CPU s",
    )


def _cases(youths: list[Youth], assignments: int) -> list[Any]:
    """Cases with 5 coordinator assignments each: handovers, one gap, sometimes an overlap."""
    case_module = _module("case")
    cases = []
    for index in range(assignments // 5):
        youth = youths[index % len(youths)]
        opened = dt.date(2024, 1, 1) + dt.timedelta(days=index % 300)
        chain = []
        day = opened
        for step in range(5):
            length = 40 + (index * 7 + step * 13) % 60
            start = day + dt.timedelta(days=3) if step == 2 else day  # a 3-day gap
            end = start + dt.timedelta(days=length + (5 if index % 4 == 0 else 0))  # overlap
            period = Period(start, None if step == 4 else end)
            chain.append(
                case_module.CoordinatorAssignment(f"c{(index + step) % 97}", "ungeenhed", period)
            )
            day = start + dt.timedelta(days=length)
        cases.append(case_module.YouthCase(youth, opened, coordinators=tuple(chain)))
    return cases


def _one_long_case(youth: Youth, assignments: int, on: dt.date) -> Any:
    """One case handed over ``assignments - 1`` times, every 50th handover a day late (a gap).

    Opened far enough before ``on`` that every assignment starts before it: all of them are
    swept (the last one is open-ended and runs up to ``on``)."""
    case_module = _module("case")
    span = assignments * 2 + assignments // 50 + 10
    opened = on - dt.timedelta(days=span)
    chain = []
    for index in range(assignments):
        start = opened + dt.timedelta(days=index * 2 + (1 if index % 50 == 49 else 0))
        end = None if index == assignments - 1 else opened + dt.timedelta(days=index * 2 + 2)
        chain.append(
            case_module.CoordinatorAssignment(f"c{index % 7}", "ungeenhed", Period(start, end))
        )
    assert chain[-1].period.start < on, "every assignment starts before the reference day"
    return case_module.YouthCase(youth, opened, coordinators=tuple(chain))


def _plain_case(case: Any, on: dt.date) -> tuple[list[tuple[int, int]], int]:
    spans = [
        (a.period.start.toordinal(), _ordinal(a.period.end), a.coordinator_id)
        for a in case.coordinators
    ]
    return plain_coordination(
        case.opened_on.toordinal(), _ordinal(case.closed_on), on.toordinal(), spans
    )


def _agree(findings: Sequence[Any], plain: tuple[list[tuple[int, int]], int]) -> None:
    gaps = [
        (f.period.start.toordinal(), f.period.end.toordinal())
        for f in findings
        if f.code == "coordination.gap"
    ]
    overlap_days = sum(f.period.days for f in findings if f.code == "coordination.overlap")
    assert (gaps, overlap_days) == plain, (findings, plain)


def bench_coordination(
    report: Report, youths: list[Youth], assignments: int, profile: bool, gc_off: bool
) -> None:
    coordination = _module("coordination")
    if coordination is None or _module("case") is None:
        report.note("coordination: skipped (kui_core.coordination not there yet)")
        return
    on = dt.date(2025, 10, 1)
    cases = _cases(youths, assignments)
    times = Versus(
        lambda: [coordination.check_coordination(c, on) for c in cases],
        lambda: [_plain_case(c, on) for c in cases],
        gc_off,
    )
    for findings, plain in zip(times.ours_result, times.base_result, strict=True):
        _agree(findings, plain)
    total = sum(len(c.coordinators) for c in cases)
    part = f"check_coordination ({len(cases):,} cases, {total:,} assignments)"
    report.add(part, times, "sort + sweep", None)
    report.fact(
        f"check_coordination, {len(cases):,} cases",
        f"{sum(map(len, times.ours_result)):,} findings",
    )

    long_case = _one_long_case(youths[0], assignments, on)
    times = Versus(
        lambda: coordination.check_coordination(long_case, on),
        lambda: _plain_case(long_case, on),
        gc_off,
    )
    _agree(times.ours_result, times.base_result)
    report.add(
        f"check_coordination (1 case, {assignments:,} assignments)", times, "sort + sweep", None
    )
    gaps = sum(f.code == "coordination.gap" for f in times.ours_result)
    report.fact(
        f"check_coordination, 1 case of {assignments:,} assignments",
        f"all {assignments:,} start before the reference day and are swept; {gaps:,} gaps found",
    )
    if profile:
        _profile(lambda: [coordination.check_coordination(c, on) for c in cases])


def _offer_case(offers: int) -> Any:
    """One case with ``offers`` offers over eight years, a 60-day hole every 300 days (so some
    offers end without a next step); ids sort as their starts do not."""
    case_module = _module("case")
    rnd = random.Random(SEED)
    youth = Youth("bench", dt.date(2006, 1, 1))  # 15 to 24 on every end day below
    first = dt.date(2021, 6, 1)
    chosen = []
    for index in range(offers):
        offset = rnd.randrange(3000)
        if offset % 300 >= 240:
            offset -= 60
        start = first + dt.timedelta(days=offset)
        length = rnd.choice((0, 1, 7, 30, 30))
        end = None if index == offers - 1 else start + dt.timedelta(days=length)
        chosen.append(case_module.Offer(f"o{index}", "tilbud", Period(start, end)))
    return case_module.YouthCase(youth, dt.date(2021, 1, 1), offers=tuple(chosen))


def bench_transitions(report: Report, offers: int, profile: bool, gc_off: bool) -> None:
    transitions = _module("transitions")
    if transitions is None or _module("case") is None:
        report.note("transitions: skipped (kui_core.transitions not there yet)")
        return
    on = dt.date(2031, 1, 1)
    case = _offer_case(offers)
    spans = [(o.period.start.toordinal(), _ordinal(o.period.end), o.id) for o in case.offers]
    gap = DEFAULT_POLICY.max_transition_gap_days
    times = Versus(
        lambda: transitions.check_transitions(case, on),
        lambda: plain_transitions(case.youth.birth_date, None, on.toordinal(), gap, spans),
        gc_off,
    )
    ours = [
        (f.subject, f.period.start.toordinal(), _ordinal(f.period.end)) for f in times.ours_result
    ]
    assert ours == times.base_result, (ours[:5], times.base_result[:5])
    report.add(f"check_transitions (1 case, {offers:,} offers)", times, "sort + bisect", None)
    verdict = "ok" if times.ours < TRANSITIONS_SECONDS else "MISSED"
    report.fact(
        f"check_transitions, 1 case of {offers:,} offers",
        f"{len(ours):,} findings; {times.ours:.2f} CPU s (goal < {TRANSITIONS_SECONDS:g} s:"
        f" {verdict})",
    )
    if profile:
        _profile(lambda: transitions.check_transitions(case, on))


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def _profile(fn: Callable[[], Any]) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(fn)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(15)
    print(text.getvalue())


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {platform.python_version()} ({sys.platform})"


def vary(youths: list[Youth]) -> list[Youth]:
    """The synthetic people with what the generator does not draw, so every branch of the rules
    is timed: every 40th has education records known only until 30 days before the day, every
    50th employment records known until the day before, every 45th guidance by another
    authority running on the day (every 90th one that ended before it)."""
    varied = []
    for index, youth in enumerate(youths):
        changes: dict[str, Any] = {}
        if index % 40 == 7:
            changes["educations_known_until"] = ON - dt.timedelta(days=30)
        if index % 50 == 11:
            changes["employments_known_until"] = ON - dt.timedelta(days=1)
        if index % 45 == 3:
            authority = (Authority.JOBCENTRE, Authority.SOCIAL_SERVICES)[index % 2]
            end = ON - dt.timedelta(days=5) if index % 90 == 3 else None
            period = Period(ON - dt.timedelta(days=60), end)
            changes["guided_elsewhere"] = (ExternalGuidance(authority, period),)
        varied.append(attrs.evolve(youth, **changes) if changes else youth)
    return varied


MARK_START = "<!-- bench:results:start (written by benchmarks/run.py --write-docs) -->"
MARK_END = "<!-- bench:results:end -->"


def _commit() -> str:
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"`{head}`" + (" with uncommitted changes in the work tree" if dirty else "")


def _memory_total() -> str:
    try:
        with open("/proc/meminfo") as meminfo:
            kb = int(meminfo.readline().split()[1])
    except (OSError, ValueError, IndexError):
        return "unknown RAM"
    return f"{kb / 2**20:.0f} GB RAM"


def results_section(report: Report, args: argparse.Namespace, small: int, wall: float) -> str:
    """The generated part of docs/performance.md."""
    today = dt.datetime.now(dt.UTC)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        MARK_START,
        "",
        f"Measured on **{today:%Y-%m-%d}** ({today:%H:%M} UTC) at **n = {args.n:,}**"
        f" (growth: n = {small:,} and {args.n:,}), commit {_commit()}; the whole run took"
        f" {wall / 60:.0f} minutes of wall time.",
        "",
        f"Machine: {machine()}, {_memory_total()}; load average at the end {load}"
        " (the machine is shared: CPU-time ratios are robust to that, absolute times less so).",
        "",
        "```text",
        report.tables(small, args.n).rstrip("\n"),
        "```",
        "",
        "Alongside (from the same run):",
        "",
        "| measure | value |",
        "| --- | --- |",
    ]
    lines += [f"| {measure} | {value} |" for measure, value in report.facts]
    if report.notes:
        lines += ["", *(f"- {text}" for text in report.notes)]
    lines += ["", MARK_END]
    return "\n".join(lines)


def write_docs(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.find(MARK_START), text.find(MARK_END)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: the markers {MARK_START!r} and {MARK_END!r} are missing")
    path.write_text(text[:start] + section + text[end + len(MARK_END) :], encoding="utf-8")
    print(f"wrote the results into {path}")


PARTS = ("loads", "eligibility", "metrics", "frames", "memory", "coordination", "transitions")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", type=int, default=1_000_000, help="synthetic youths (default 1,000,000)"
    )
    parser.add_argument("--assignments", type=int, default=100_000, help="coordinator assignments")
    parser.add_argument(
        "--offers", type=int, default=100_000, help="offers of the transitions case"
    )
    parser.add_argument(
        "--only", action="append", choices=PARTS, help="run only these parts (repeatable)"
    )
    parser.add_argument("--profile", action="append", default=[], help="cProfile these parts")
    parser.add_argument(
        "--no-gc-off", action="store_true", help="skip the repeat with the garbage collector off"
    )
    parser.add_argument(
        "--write-docs",
        type=Path,
        metavar="PATH",
        help="rewrite the results section of PATH (docs/performance.md) between its markers",
    )
    parser.add_argument("--memory-child", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        return memory_child(args.memory_child)
    parts = args.only or list(PARTS)
    small = max(1, args.n // 10)

    wall = time.monotonic()
    print(f"kui-core benchmarks: n={args.n:,}, seed {SEED}, reference day {ON}; {machine()}")
    report = Report()
    gc_off = not args.no_gc_off
    before = _rss_mb()
    seconds, youths = _timed(lambda: vary(list(iter_population(args.n, seed=SEED, on=ON))))
    generated_mb = _rss_mb() - before
    report.fact(
        f"generating {len(youths):,} synthetic youths",
        f"{seconds:.1f} s; {generated_mb:,.0f} MB RSS"
        f" ({generated_mb * 2**20 / max(1, len(youths)):,.0f} bytes per youth; equal dates and"
        " records shared)",
    )
    if "loads" in parts:
        bench_loads(report, youths, small, "loads" in args.profile, gc_off)
    if "eligibility" in parts:
        bench_eligibility(report, youths, small, "eligibility" in args.profile, gc_off)
    if "metrics" in parts:
        bench_metrics(report, youths, "metrics" in args.profile, gc_off)
    if "frames" in parts:
        bench_frames(report, youths, small, "frames" in args.profile, gc_off)
    if "memory" in parts:
        bench_memory(report, youths)
    if "coordination" in parts:
        bench_coordination(report, youths, args.assignments, "coordination" in args.profile, gc_off)
    if "transitions" in parts:
        bench_transitions(report, args.offers, "transitions" in args.profile, gc_off)
    print()
    report.print(small, args.n)
    if args.write_docs:
        write_docs(args.write_docs, results_section(report, args, small, time.monotonic() - wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
