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
import bisect
import cProfile
import datetime as dt
import gc
import importlib
import io
import os
import platform
import pstats
import random
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
    """Both sides timed with the collector on and, where asked, once more with it off."""

    def __init__(self, ours: Callable[[], Any], base: Callable[[], Any], gc_off: bool) -> None:
        self.ours, self.ours_result = _timed(ours)
        self.base, self.base_result = _timed(base)
        self.ours_off = self.base_off = None
        if gc_off:
            self.ours_off, _ = _timed(ours, collector=False)
            self.base_off, _ = _timed(base, collector=False)


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Report:
    """Rows of the result table, printed as they come and once more at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.notes: list[str] = []

    def add(self, part: str, times: Versus, baseline: str, target: float | None) -> None:
        ratio = times.ours / times.base if times.base else float("inf")
        verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
        goal = "" if target is None else f"<= {target:g}x"
        off = ""
        if times.ours_off is not None and times.base_off:
            ratio_off = times.ours_off / times.base_off
            off = f"{times.ours_off:.2f} / {times.base_off:.2f} = {ratio_off:.1f}x"
        row = (
            part,
            f"{times.ours:.2f}",
            f"{times.base:.2f}",
            baseline,
            f"{ratio:.1f}x {goal}",
            verdict,
            off,
        )
        self.rows.append(row)
        print(f"  {part}: {times.ours:.2f} s vs {baseline} {times.base:.2f} s -> {ratio:.1f}x")

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  {text}")

    def print(self, out: Any = sys.stdout) -> None:
        header = (
            "part",
            "kui-core CPU s",
            "baseline CPU s",
            "baseline",
            "ratio (target)",
            "",
            "GC off: ours / base = ratio",
        )
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
_ENROLMENT = DEFAULT_POLICY.enrolment_programmes


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
        if r.programme in _ENROLMENT and r.started_on <= on and (end is None or on < end):
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


def bench_loads(report: Report, youths: list[Youth], profile: bool, gc_off: bool) -> None:
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
    report.note(f"dumps: {len(lines):,} JSON Lines ({size:,.0f} MB of text) in {seconds:.1f} s")
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
    report.note(
        f"memory of {len(youths):,} youths decoded from JSON Lines: {decoded_mb:,.0f} MB RSS"
        f" ({decoded_mb * 2**20 / max(1, len(youths)):,.0f} bytes each; nothing shared)"
    )
    if profile:
        _profile(lambda: list(serialization.iter_jsonl(lines[:50_000], Youth)))


def bench_eligibility(report: Report, youths: list[Youth], profile: bool, gc_off: bool) -> None:
    times = Versus(
        lambda: [assess_eligibility(y, ON) for y in youths],
        lambda: [plain_eligibility(y, ON) for y in youths],
        gc_off,
    )
    results, plain = times.ours_result, times.base_result
    for result, expected in zip(results, plain, strict=True):
        got = (result.in_target_group, result.enrolled, result.outreach_required)
        assert (*got, result.eligible_until.toordinal()) == expected, (result, expected)
    in_group = sum(r.in_target_group for r in results)
    outreach = sum(r.outreach_required is True for r in results)
    target = TARGETS["eligibility"]
    report.add("assess_eligibility (with findings)", times, "plain loop", target)
    report.note(f"eligibility: {in_group:,} in the target group, {outreach:,} need outreach")
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
    done, aged_25, idle, aged = times.base_result
    assert (completion.numerator, completion.denominator) == (done, aged_25), completion
    assert (neet.numerator, neet.denominator) == (idle, aged), neet
    report.add("completion_rate + neet_share", times, "plain loops", None)
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


def _one_long_case(youth: Youth, assignments: int) -> Any:
    """One case handed over ``assignments - 1`` times, every 50th handover a day late (a gap)."""
    case_module = _module("case")
    opened = dt.date(1800, 1, 1)
    chain = []
    for index in range(assignments):
        start = opened + dt.timedelta(days=index * 2 + (1 if index % 50 == 49 else 0))
        end = None if index == assignments - 1 else opened + dt.timedelta(days=index * 2 + 2)
        chain.append(
            case_module.CoordinatorAssignment(f"c{index % 7}", "ungeenhed", Period(start, end))
        )
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
    report.note(
        f"coordination: {sum(map(len, times.ours_result)):,} findings in {len(cases):,} cases"
    )

    long_case = _one_long_case(youths[0], assignments)
    times = Versus(
        lambda: coordination.check_coordination(long_case, on),
        lambda: _plain_case(long_case, on),
        gc_off,
    )
    _agree(times.ours_result, times.base_result)
    report.add(
        f"check_coordination (1 case, {assignments:,} assignments)", times, "sort + sweep", None
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
    report.note(
        f"transitions: {len(ours):,} findings; {times.ours:.2f} CPU s for {offers:,} offers"
        f" (goal < {TRANSITIONS_SECONDS:g} s: {verdict})"
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
        "--only",
        action="append",
        choices=["loads", "eligibility", "metrics", "coordination", "transitions"],
        help="run only these parts (repeatable)",
    )
    parser.add_argument("--profile", action="append", default=[], help="cProfile these parts")
    parser.add_argument(
        "--no-gc-off", action="store_true", help="skip the repeat with the garbage collector off"
    )
    args = parser.parse_args(argv)
    parts = args.only or ["loads", "eligibility", "metrics", "coordination", "transitions"]

    print(f"kui-core benchmarks: n={args.n:,}, seed {SEED}, reference day {ON}; {machine()}")
    report = Report()
    gc_off = not args.no_gc_off
    before = _rss_mb()
    seconds, youths = _timed(lambda: list(iter_population(args.n, seed=SEED, on=ON)))
    generated_mb = _rss_mb() - before
    report.note(
        f"generated {len(youths):,} synthetic youths in {seconds:.1f} s;"
        f" memory {generated_mb:,.0f} MB RSS ({generated_mb * 2**20 / max(1, len(youths)):,.0f}"
        " bytes each; equal dates and records shared)"
    )
    if "loads" in parts:
        bench_loads(report, youths, "loads" in args.profile, gc_off)
    if "eligibility" in parts:
        bench_eligibility(report, youths, "eligibility" in args.profile, gc_off)
    if "metrics" in parts:
        bench_metrics(report, youths, "metrics" in args.profile, gc_off)
    if "coordination" in parts:
        bench_coordination(report, youths, args.assignments, "coordination" in args.profile, gc_off)
    if "transitions" in parts:
        bench_transitions(report, args.offers, "transitions" in args.profile, gc_off)
    print()
    report.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
