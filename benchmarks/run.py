"""National-scale benchmarks: kui-core beside a plain restatement, in the same run.

    python benchmarks/run.py              # 1,000,000 synthetic youths (make bench)
    python benchmarks/run.py --n 100000   # smaller
    python benchmarks/run.py --profile eligibility   # where the time goes (cProfile)

Every figure is measured side by side with a baseline doing the same work: msgspec decoding the
same JSON Lines into msgspec Structs, and plain-Python restatements of the rules. The baselines'
answers are checked against kui-core's, so both sides provably do the same job. Parts whose
module is not there yet are skipped with a message. Never part of ``make test``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import importlib
import io
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from kui_core import DEFAULT_POLICY, Period, Youth, assess_eligibility
from kui_core.education import QUALIFYING, YOUTH_EDUCATIONS, Programme
from kui_core.synthetic import iter_population

ON = dt.date(2025, 10, 1)
"""1 October: the day the national NEET measure is taken."""
SEED = 2030
TARGETS = {"loads": 5.0, "eligibility": 3.0}


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(f"kui_core.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"kui_core.{name}":
            raise
        return None


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Report:
    """Rows of the result table, printed as they come and once more at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []
        self.notes: list[str] = []

    def add(self, part: str, ours: float, base: float, baseline: str, target: float | None) -> None:
        ratio = ours / base if base else float("inf")
        verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
        goal = "" if target is None else f"<= {target:g}x"
        row = (part, f"{ours:8.2f}", f"{base:8.2f}", baseline, f"{ratio:6.1f}x {goal}", verdict)
        self.rows.append(row)
        print(f"  {part}: {ours:.2f} s vs {baseline} {base:.2f} s -> {ratio:.1f}x {verdict}")

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  {text}")

    def print(self, out: Any = sys.stdout) -> None:
        header = ("part", "kui-core s", "baseline s", "baseline", "ratio (target)", "")
        rows = [header, *self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        for index, row in enumerate(rows):
            print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), file=out)
            if index == 0:
                print("-+-".join("-" * w for w in widths), file=out)
        for text in self.notes:
            print(f"- {text}", file=out)


# -- plain restatements of the rules ----------------------------------------------------------


_EXIT = DEFAULT_POLICY.target_group_exit
_OUTREACH = DEFAULT_POLICY.outreach_programmes


def _birthday_ordinal(born: dt.date, years: int) -> int:
    try:
        return born.replace(year=born.year + years).toordinal()
    except ValueError:  # 29 February in a common year: 1 March (LeapDayRule.MARCH_1)
        return dt.date(born.year + years, 3, 1).toordinal()


def plain_eligibility(youth: Youth, on: dt.date) -> tuple[bool, bool, bool, int]:
    """The eligibility rule in plain Python: (in group, enrolled, outreach, eligible_until)."""
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
        if r.programme in _OUTREACH and r.started_on <= on and (end is None or on < end):
            enrolled = True
    hours = 0.0
    for e in youth.employments:
        p = e.period
        if p.start <= on and (p.end is None or on < p.end):
            hours += e.hours_per_week
    in_group = 15 <= age < 25 and not exited
    outreach = in_group and not (enrolled or hours >= 20 or other_completed)
    return in_group, enrolled, outreach, _birthday_ordinal(born, 25) - 1


def _plain_age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def plain_metrics(youths: Iterable[Youth], on: dt.date) -> tuple[int, int, int, int]:
    """Completion at 25 and NEET among 15–24 in plain loops: (completed, aged 25, neet, 15–24)."""
    completed = aged_25 = neet = aged = 0
    for y in youths:
        age = _plain_age(y.birth_date, on)
        if age == 25:
            aged_25 += 1
            if any(r.programme in QUALIFYING and r.completed_by(on) for r in y.educations):
                completed += 1
        if 15 <= age <= 24:
            aged += 1
            if not (
                any(r.programme in YOUTH_EDUCATIONS and r.completed_by(on) for r in y.educations)
                or any(r.enrolled_on(on) for r in y.educations)
                or sum(e.hours_per_week for e in y.employments if e.period.contains(on)) >= 18
            ):
                neet += 1
    return completed, aged_25, neet, aged


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


# -- msgspec mirror of the Youth document -------------------------------------------------------


try:
    import msgspec
except ModuleNotFoundError:  # only in the dev extra
    msgspec = None

if msgspec is not None:

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

    class MYouth(msgspec.Struct, forbid_unknown_fields=True):
        person_id: str
        birth_date: dt.date
        educations: tuple[MEducation, ...] = ()
        employments: tuple[MEmployment, ...] = ()
        in_care: tuple[MPeriod, ...] = ()
        cpr: str | None = None
        municipality_code: str | None = None
        schema_version: int = 1


# -- the parts ----------------------------------------------------------------------------------


def bench_loads(report: Report, youths: list[Youth], profile: bool) -> None:
    serialization = _module("serialization")
    if serialization is None or not hasattr(serialization, "iter_jsonl"):
        report.note("loads: skipped (kui_core.serialization.iter_jsonl not there yet)")
        return
    if msgspec is None:
        report.note("loads: skipped (msgspec not installed: pip install -e '.[dev]')")
        return
    decoder = msgspec.json.Decoder(MYouth)
    seconds, lines = _timed(lambda: list(serialization.iter_dumps_jsonl(youths)))
    size = sum(map(len, lines)) / 2**20
    report.note(f"dumps: {len(lines):,} JSON Lines ({size:,.0f} MB of text) in {seconds:.1f} s")
    before = _rss_mb()
    ours, decoded = _timed(lambda: list(serialization.iter_jsonl(lines, Youth)))
    decoded_mb = _rss_mb() - before
    assert decoded == youths, "iter_jsonl did not give back the same youths"
    del decoded
    base, mirrored = _timed(lambda: [decoder.decode(line) for line in lines])
    assert len(mirrored) == len(youths)
    assert mirrored[-1].person_id == youths[-1].person_id
    del mirrored
    report.add("loads (iter_jsonl -> Youth)", ours, base, "msgspec Struct", TARGETS["loads"])
    report.note(
        f"memory of {len(youths):,} youths decoded from JSON Lines: {decoded_mb:,.0f} MB RSS"
        f" ({decoded_mb * 2**20 / max(1, len(youths)):,.0f} bytes each; nothing shared)"
    )
    if profile:
        _profile(lambda: list(serialization.iter_jsonl(lines[:50_000], Youth)))


def bench_eligibility(report: Report, youths: list[Youth], profile: bool) -> None:
    ours, results = _timed(lambda: [assess_eligibility(y, ON) for y in youths])
    base, plain = _timed(lambda: [plain_eligibility(y, ON) for y in youths])
    for result, expected in zip(results, plain, strict=True):
        got = (result.in_target_group, result.enrolled, result.outreach_required)
        assert (*got, result.eligible_until.toordinal()) == expected, (result, expected)
    in_group = sum(r.in_target_group for r in results)
    outreach = sum(r.outreach_required for r in results)
    report.add(
        "assess_eligibility (with findings)", ours, base, "plain loop", TARGETS["eligibility"]
    )
    report.note(f"eligibility: {in_group:,} in the target group, {outreach:,} need outreach")
    if profile:
        _profile(lambda: [assess_eligibility(y, ON) for y in youths[:100_000]])


def bench_metrics(report: Report, youths: list[Youth], profile: bool) -> None:
    metrics = _module("metrics")
    if metrics is None:
        report.note("metrics: skipped (kui_core.metrics not there yet)")
        return

    def ours_fn() -> tuple[Any, Any]:
        return metrics.completion_rate(youths, ON), metrics.neet_share(youths, ON)

    ours, (completion, neet) = _timed(ours_fn)
    base, (done, aged_25, idle, aged) = _timed(lambda: plain_metrics(youths, ON))
    assert (completion.numerator, completion.denominator) == (done, aged_25), completion
    assert (neet.numerator, neet.denominator) == (idle, aged), neet
    report.add("completion_rate + neet_share", ours, base, "plain loops", None)
    report.note(f"metrics: completion at 25 {completion}, NEET 15–24 {neet} (synthetic)")
    if profile:
        _profile(ours_fn)


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


def bench_coordination(
    report: Report, youths: list[Youth], assignments: int, profile: bool
) -> None:
    coordination = _module("coordination")
    if coordination is None or _module("case") is None:
        report.note("coordination: skipped (kui_core.coordination not there yet)")
        return
    cases = _cases(youths, assignments)
    on = dt.date(2025, 10, 1)
    ours, results = _timed(lambda: [coordination.check_coordination(c, on) for c in cases])

    def plain_all() -> list[tuple[list[tuple[int, int]], int]]:
        out = []
        for c in cases:
            spans = [
                (
                    a.period.start.toordinal(),
                    None if a.period.end is None else a.period.end.toordinal(),
                    a.coordinator_id,
                )
                for a in c.coordinators
            ]
            closed = _ordinal(c.closed_on)
            out.append(plain_coordination(c.opened_on.toordinal(), closed, on.toordinal(), spans))
        return out

    base, plain = _timed(plain_all)
    for findings, (gaps, overlap_days) in zip(results, plain, strict=True):
        got_gaps = [
            (f.period.start.toordinal(), f.period.end.toordinal())
            for f in findings
            if f.code == "coordination.gap"
        ]
        got_overlap = sum(f.period.days for f in findings if f.code == "coordination.overlap")
        assert (got_gaps, got_overlap) == (gaps, overlap_days), (findings, gaps, overlap_days)
    total = sum(len(c.coordinators) for c in cases)
    report.add(
        f"check_coordination ({len(cases):,} cases, {total:,} assignments)",
        ours,
        base,
        "sort + sweep",
        None,
    )
    report.note(f"coordination: {sum(map(len, results)):,} findings")
    if profile:
        _profile(lambda: [coordination.check_coordination(c, on) for c in cases])


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", type=int, default=1_000_000, help="synthetic youths (default 1,000,000)"
    )
    parser.add_argument("--assignments", type=int, default=100_000, help="coordinator assignments")
    parser.add_argument(
        "--only",
        action="append",
        choices=["loads", "eligibility", "metrics", "coordination"],
        help="run only these parts (repeatable)",
    )
    parser.add_argument("--profile", action="append", default=[], help="cProfile these parts")
    args = parser.parse_args(argv)
    parts = args.only or ["loads", "eligibility", "metrics", "coordination"]

    print(f"kui-core benchmarks: n={args.n:,}, seed {SEED}, reference day {ON}; {machine()}")
    report = Report()
    before = _rss_mb()
    seconds, youths = _timed(lambda: list(iter_population(args.n, seed=SEED, on=ON)))
    generated_mb = _rss_mb() - before
    report.note(
        f"generated {len(youths):,} synthetic youths in {seconds:.1f} s;"
        f" memory {generated_mb:,.0f} MB RSS ({generated_mb * 2**20 / max(1, len(youths)):,.0f}"
        " bytes each; equal dates and records shared)"
    )
    if "loads" in parts:
        bench_loads(report, youths, "loads" in args.profile)
    if "eligibility" in parts:
        bench_eligibility(report, youths, "eligibility" in args.profile)
    if "metrics" in parts:
        bench_metrics(report, youths, "metrics" in args.profile)
    if "coordination" in parts:
        bench_coordination(report, youths, args.assignments, "coordination" in args.profile)
    print()
    report.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
