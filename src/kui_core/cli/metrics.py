"""``kui metrics COHORT.jsonl``: the national target metrics of a cohort, against the targets.

Reads young people as JSON Lines (one :class:`~kui_core.youth.Youth` per line, as written by
:func:`kui_core.serialization.dumps_jsonl`) and prints the completion rate at 25 and the NEET
share among 15–24-year-olds on ``--on`` (default: today; the national NEET measure is taken on
1 October), each with its 95 % interval, its counts and the 2030 target. With
``--applications APPS.jsonl`` the application shares (søgetal) are added against the vocational
target; they are taken among the applications that are not for 10th grade, whose number is
shown on its own line. Rates built on counts below ``Policy.min_publishable_count`` are
suppressed, as in publication. Where a metric is not measured like its target's baseline (the
completion target's baseline is a projection), a note under the table says so.
``--by municipality`` breaks the rates down per municipality, with secondary suppression.
``--format json`` prints the same for machines; suppressed rates carry no numbers, and
``"stamp"`` says which rules and policy produced the figures (as ``kui check`` does).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import json
import os
import sys
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from ..education import Track
from ..errors import DataError
from ..metrics import (
    APPLICATIONS_MEASURE,
    COMPLETION_MEASURE,
    NEET_MEASURE,
    Application,
    Measure,
    application_shares,
    completion_rate,
    neet_share,
)
from ..periods import format_day
from ..rates import SUPPRESSED, Breakdown, Rate
from ..serialization import iter_jsonl
from ..targets import NATIONAL_TARGETS, Direction, Target, target_progress
from ..youth import Youth
from .app import reference_day
from .check import stamp_json
from .text import plain, table

__all__ = ["demo_population", "demo_section", "metrics_report", "register", "render_text", "run"]

_PROGRESS_MIN_BYTES = 2 * 2**20
"""Files at least this large show a progress indicator (on a terminal only)."""
_PROGRESS_EVERY = 5000
"""Lines between two updates of the progress indicator."""

_METRICS = (
    (
        "completion_rate",
        "completed by 25 (qualifying education)",
        "completion_2030",
        COMPLETION_MEASURE,
    ),
    ("neet_share", "NEET among 15–24-year-olds", "neet_2030", NEET_MEASURE),
)
_TRACK_LABELS = {
    Track.VOCATIONAL: "applications: EUD/EUX",
    Track.GYMNASIAL: "applications: gymnasial",
    Track.OTHER: "applications: other",
}
_TENTH_GRADE_LABEL = "applications: 10th grade (not in the shares)"
_VOCATIONAL_TARGET = "vocational_2025"


def register(subparsers: Any) -> None:
    """Add ``kui metrics`` to the command line."""
    parser = subparsers.add_parser(
        "metrics",
        help="completion rate, NEET share and application shares against the 2030 targets",
        description=plain(__doc__),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("cohort", metavar="COHORT.jsonl", help="young people, one per line")
    parser.add_argument("--on", metavar="DATE", help="reference day YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--by",
        choices=["municipality"],
        help="break the rates down per municipality (default: no breakdown)",
    )
    parser.add_argument(
        "--applications",
        metavar="APPS.jsonl",
        help="applications (søgetal), one per line (default: none)",
    )
    parser.add_argument(
        "--year", type=int, help="count only the applications of this year (default: all)"
    )
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="text or json (default: text)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Read the files, compute the metrics and print them; 2 with a message on bad input."""
    try:
        on = reference_day(args.on)
        youths = _read(args.cohort, Youth)
        _check_cohort(args.cohort, youths)
        apps = None if args.applications is None else _read(args.applications, Application)
        report = metrics_report(youths, on, by=args.by, applications=apps, year=args.year)
    except (DataError, OSError) as error:
        print(f"kui metrics: {_one_line(error)}", file=sys.stderr)
        return 2
    report["source"] = args.cohort
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
    else:
        print(render_text(report), file=out)
    return 0


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"{error.filename}: {error.strerror}"
    return str(error)


def _check_cohort(path: str, youths: list[Youth]) -> None:
    """Refuse an empty cohort and a person_id given twice (the figures would mislead)."""
    if not youths:
        raise DataError(path, "no young people in the file: nothing to measure")
    seen: set[str] = set()
    for number, youth in enumerate(youths, 1):
        if youth.person_id in seen:
            raise DataError(f"{path}: young person {number}", "repeats an earlier person_id")
        seen.add(youth.person_id)


def _read(path: str, cls: type[Any]) -> list[Any]:
    """All documents of a JSON Lines file; a bad line names the file and its line number."""
    size = os.path.getsize(path)
    with open(path, encoding="utf-8") as lines:
        stream: Iterable[str] = lines
        if size >= _PROGRESS_MIN_BYTES and sys.stderr.isatty():
            stream = _progress(lines, size, path)
        try:
            return list(iter_jsonl(stream, cls))
        except DataError as error:
            raise DataError(f"{path}: {error.path}", error.reason, errors=error.errors) from None
        except UnicodeDecodeError:
            raise DataError(path, "not UTF-8 text") from None


def _progress(lines: Iterable[str], size: int, path: str) -> Iterator[str]:
    """Pass the lines through, showing ``reading FILE: 42 % (120,000 lines)`` on stderr."""
    done = 0
    count = 0
    for line in lines:
        done += len(line)
        count += 1
        if count % _PROGRESS_EVERY == 0:
            percent = min(100, 100 * done // size)
            print(f"\rreading {path}: {percent:3d} % ({count:,} lines)", end="", file=sys.stderr)
        yield line
    print(f"\rreading {path}: 100 % ({count:,} lines)", file=sys.stderr)


# -- the report (plain data, for both formats) --------------------------------------------------


def _rate(rate: Rate) -> dict[str, Any]:
    """A rate for machines; a suppressed one carries no numbers at all."""
    if not rate.publishable:
        return {"publishable": False}
    return {
        "publishable": True,
        "value": rate.value,
        "low": rate.low,
        "high": rate.high,
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        # Undecided people (records known only up to an earlier day): null where 1 to below
        # the publication threshold.
        "undecided": rate.publishable_undecided,
    }


def metrics_report(
    youths: Iterable[Youth],
    on: _dt.date,
    *,
    by: str | None = None,
    applications: Iterable[Application] | None = None,
    year: int | None = None,
) -> dict[str, Any]:
    """The metrics as plain data (what ``--format json`` prints)."""
    people = list(youths)
    breakdowns: Mapping[str, Breakdown] = {}
    if by is not None:
        breakdowns = {
            "completion_rate": completion_rate(people, on, by=by),
            "neet_share": neet_share(people, on, by=by),
        }
    # With a breakdown, its total: secondary suppression may hide it to protect the cells.
    rates = {key: breakdown.total for key, breakdown in breakdowns.items()} or {
        "completion_rate": completion_rate(people, on),
        "neet_share": neet_share(people, on),
    }
    report: dict[str, Any] = {"on": on.isoformat(), "young_people": len(people), "metrics": []}
    for key, label, target_key, measure in _METRICS:
        target = NATIONAL_TARGETS[target_key]
        report["metrics"].append(
            {
                "metric": key,
                "label": label,
                **_rate(rates[key]),
                **_status(rates[key], target, on, measure),
            }
        )
    if applications is not None:
        items = list(applications)
        shares = application_shares(items, year=year)
        years = sorted({a.applied_on.year for a in items})
        report["applications_year"] = year if year is not None else (years[0] if years else None)
        target = NATIONAL_TARGETS[_VOCATIONAL_TARGET]
        for track, label in _TRACK_LABELS.items():
            entry = {"metric": f"application_share.{track.value}", "label": label}
            entry |= _rate(shares[track])
            if track is Track.VOCATIONAL:
                entry |= _status(shares[track], target, on, APPLICATIONS_MEASURE)
            report["metrics"].append(entry)
        report["metrics"].append(
            {
                "metric": "applications.tenth_grade",
                "label": _TENTH_GRADE_LABEL,
                **_rate(shares.tenth_grade),
            }
        )
    if by is not None:
        groups: dict[str, dict[str, Any]] = {}
        for key, breakdown in breakdowns.items():
            for group, rate in breakdown.items():
                name = "(none)" if group is None else str(group)
                # The undecided are published on the total only (see kui_core.rates).
                cell = _rate(rate)
                cell.pop("undecided", None)
                groups.setdefault(name, {})[key] = cell
        report["by"] = by
        report["groups"] = dict(sorted(groups.items()))
    # Every metric is counted under the default policy: one stamp for the report.
    stamp = rates["completion_rate"].stamp
    assert stamp is not None  # the metrics stamp every result
    report["stamp"] = stamp_json(stamp)
    return report


def _status(rate: Rate, target: Target, on: _dt.date, measure: Measure) -> dict[str, Any]:
    """The target beside the rate: met, the gap, and the change per year still needed
    (:func:`~kui_core.targets.target_progress` of the rate as the series' one point, in the year
    of ``on``); and whether the rate is measured like the target's baseline (``comparable``,
    ``notes``)."""
    notes = target.differences_from(measure)
    entry: dict[str, Any] = {
        "target": {
            "name": target.name,
            "year": target.year,
            "value": target.value,
            "direction": target.direction.value,
        },
        "comparable": None if notes is None else not notes,
    }
    if notes:
        entry["notes"] = list(notes)
    if rate.publishable:
        progress = target_progress({on.year: rate}, target, measure=measure)
        entry["met"] = progress.met
        entry["gap"] = progress.gap
        entry["required_yearly_change"] = progress.required_yearly_change
    return entry


# -- text ----------------------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def _cells(entry: Mapping[str, Any]) -> list[str]:
    if not entry["publishable"]:
        return [SUPPRESSED, "", ""]
    count = f"{entry['numerator']:,}/{entry['denominator']:,}"
    undecided = entry.get("undecided", 0)
    if undecided is None:
        count += " (+ undecided, below the threshold)"
    elif undecided:
        count += f" (+ {undecided:,} undecided)"
    return [
        _percent(entry["value"]),
        f"{100 * entry['low']:.1f}–{100 * entry['high']:.1f} %",
        count,
    ]


def _target_cells(entry: Mapping[str, Any]) -> list[str]:
    target = entry.get("target")
    if target is None:
        return ["", ""]
    sign = "≥" if target["direction"] == Direction.AT_LEAST.value else "≤"
    goal = f"{sign} {_percent(target['value'])} by {target['year']}"
    mark = " *" if entry.get("notes") else ""
    if "met" not in entry:
        return [goal, "no published value" + mark]
    if entry["met"]:
        return [goal, "met" + mark]
    status = f"{100 * abs(entry['gap']):.1f} points to go"
    change = entry["required_yearly_change"]
    if change is not None:
        status += f", {100 * change:+.2f} points a year"
    else:
        status += ", target year passed"
    return [goal, status + mark]


def render_text(report: Mapping[str, Any]) -> str:
    """The report as readable tables."""
    source = f"{report['source']}, " if "source" in report else ""
    day = format_day(_dt.date.fromisoformat(report["on"]))
    lines = [f"Metrics on {day}: {source}{report['young_people']:,} young people", ""]
    rows = [[entry["label"], *_cells(entry)] for entry in report["metrics"]]
    lines.append(table(["metric", "rate", "95 % CI", "count"], rows))
    if report.get("applications_year") is not None:
        lines.append(f"applications counted: those of {report['applications_year']}")
    targets = [
        [entry["label"], *_target_cells(entry)]
        for entry in report["metrics"]
        if any(_target_cells(entry))
    ]
    lines += ["", table(["metric", "target", "status"], targets)]  # completion and NEET have one
    for entry in report["metrics"]:
        for note in entry.get("notes", ()):
            lines.append(_wrapped(f"* {entry['label']}: {note}"))
    if "groups" in report:
        from ..municipalities import MUNICIPALITIES

        lines += ["", f"By {report['by']}:"]
        group_rows = []
        for group, rates in report["groups"].items():
            name = MUNICIPALITIES.get(group, "")
            label = f"{group} {name}".strip()
            cells = []
            for key in ("completion_rate", "neet_share"):
                entry = rates.get(key)
                if entry is None:
                    cells.append("")
                elif not entry["publishable"]:
                    cells.append(SUPPRESSED)
                else:
                    cells.append(f"{_percent(entry['value'])} of {entry['denominator']:,}")
            group_rows.append([label, *cells])
        lines.append(table([report["by"], "completed by 25", "NEET 15–24"], group_rows))
    lines += [
        "",
        _wrapped(
            f"{SUPPRESSED}: a count below the publication threshold"
            " (Policy.min_publishable_count) or a cell hidden to protect one."
        ),
    ]
    if any(entry.get("undecided", 0) != 0 for entry in report["metrics"]):
        lines.append(
            _wrapped(
                "undecided: young people whose records end before the day"
                " (Youth.*_known_until), counted in neither number."
            )
        )
    return "\n".join(lines)


@functools.lru_cache(maxsize=32)
def demo_population(size: int, seed: int, on: _dt.date) -> tuple[Youth, ...]:
    """The demo's synthetic municipality on ``on``, generated once per process (the demo's
    sections and its trend share it)."""
    from ..synthetic import population

    return tuple(population(size, seed=seed, on=on))


def demo_section(out: TextIO, *, size: int, seed: int, on: _dt.date) -> None:
    """``kui demo``: a synthetic municipality's metrics against the national targets, and the
    same municipality's trend: each year's figures come from the same generator, seed and size
    as the snapshot (on 1 October of that year), so the trend's last year is the snapshot."""
    from ..synthetic import applications

    youths = demo_population(size, seed, on)
    report = metrics_report(youths, on, applications=applications(youths, seed=seed, year=on.year))
    report["source"] = f"the synthetic municipality (seed {seed})"
    print(render_text(report), file=out)
    print(file=out)
    years = range(on.year - 10, on.year + 1)
    completion: dict[int, Rate] = {}
    neet: dict[int, Rate] = {}
    for year in years:
        day = _dt.date(year, on.month, on.day)
        people = demo_population(size, seed, day)
        completion[year] = _one(completion_rate(people, day))
        neet[year] = _one(neet_share(people, day))
    rows = []
    notes = []
    for label, series, key, measure in (
        ("completed by 25", completion, "completion_2030", COMPLETION_MEASURE),
        ("NEET 15–24", neet, "neet_2030", NEET_MEASURE),
    ):
        progress = target_progress(series, NATIONAL_TARGETS[key], measure=measure)
        notes += [f"{label}: {note}" for note in progress.notes]
        assert progress.trend is not None  # 11 years: a trend exists
        assert progress.projected is not None
        rows.append(
            [
                label,
                _percent(progress.latest),
                f"{100 * progress.trend:+.2f} points a year",
                f"{_percent(progress.projected)} in {progress.target.year}",
                ("on track" if progress.on_track else "not on track")
                + (" *" if progress.notes else ""),
            ]
        )
    print(
        f"Trend of the same municipality, {format_day(_dt.date(years[0], on.month, on.day))}"
        f" to {format_day(on)}, one day a year (least squares):",
        file=out,
    )
    print(table(["metric", f"{on.year}", "trend", "projected", "2030 target"], rows), file=out)
    for note in notes:
        print(_wrapped(f"* {note}"), file=out)
    print("Synthetic data, not statistics.", file=out)


def _one(rate: Rate | Breakdown) -> Rate:
    assert isinstance(rate, Rate)  # no breakdown asked for
    return rate


def _wrapped(text: str) -> str:
    """A note wrapped to the command line's 100 columns."""
    return textwrap.fill(text, width=100, subsequent_indent="  ")
