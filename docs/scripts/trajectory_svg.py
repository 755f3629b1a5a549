"""Draw a synthetic municipality's trajectory towards the 2030 targets as a hand-written SVG.

    python docs/scripts/trajectory_svg.py           # writes docs/img/trajectory.svg
    python docs/scripts/trajectory_svg.py --check   # exit 1 if the committed file is stale

The data are synthetic (``kui_core.synthetic``, fixed seed): the same code always draws the same
picture, and ``tests/test_docs.py`` checks that the committed SVG is what this script draws. No
plotting library: the SVG is a few dozen elements written by hand, with system fonts only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kui_core import Measure, Rate
from kui_core.metrics import COMPLETION_MEASURE, NEET_MEASURE
from kui_core.synthetic import completion_series, neet_series
from kui_core.targets import NATIONAL_TARGETS, Progress, Target, target_progress

OUTPUT = Path(__file__).resolve().parent.parent / "img" / "trajectory.svg"

SEED = 561  # Esbjerg's municipality code, as a seed
MUNICIPALITY = "561"
YEARS = range(2016, 2026)
COHORT = 600  # 25-year-olds per year in the completion series
YOUNG = 2000  # 15–24-year-olds per year in the NEET series

WIDTH, HEIGHT = 800, 380
PANEL_W, PANEL_H = 320, 220
TOP = 60
LEFTS = (60, 460)
FIRST_YEAR, LAST_YEAR = 2016, 2030

BLUE, ORANGE, GREEN, GREY, INK = "#1f5fa8", "#d9822b", "#2e8540", "#b8b8b8", "#222222"


@dataclass(frozen=True)
class Panel:
    """One chart: a series, its target and the y-range drawn."""

    title: str
    series: dict[int, Rate]
    measure: Measure
    target: Target
    y_min: float
    y_max: float
    y_step: float


def panels() -> tuple[Panel, Panel]:
    """The two panels: completion at 25 and the NEET share, with their national targets."""
    codes = [MUNICIPALITY]
    completion = completion_series(YEARS, n=COHORT, seed=SEED, municipality_codes=codes)
    neet = neet_series(YEARS, n=YOUNG, seed=SEED, municipality_codes=codes)
    return (
        Panel(
            "Completed a qualifying education at 25",
            completion,
            COMPLETION_MEASURE,
            NATIONAL_TARGETS["completion_2030"],
            0.75,
            1.00,
            0.05,
        ),
        Panel(
            "NEET share, 15–24-year-olds (1 October)",
            neet,
            NEET_MEASURE,
            NATIONAL_TARGETS["neet_2030"],
            0.0,
            0.10,
            0.02,
        ),
    )


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _pct(value: float) -> str:
    return f"{100 * value:.1f}".rstrip("0").rstrip(".") + " %"


def _panel_svg(panel: Panel, left: int) -> list[str]:
    def x(year: float) -> float:
        return left + (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR) * PANEL_W

    def y(share: float) -> float:
        return TOP + (panel.y_max - share) / (panel.y_max - panel.y_min) * PANEL_H

    progress: Progress = target_progress(panel.series, panel.target, measure=panel.measure)
    out = [f'<g aria-label="{panel.title}">']
    out.append(
        f'<text x="{left}" y="{TOP - 22}" font-size="14" font-weight="bold">{panel.title}</text>'
    )
    steps = round((panel.y_max - panel.y_min) / panel.y_step)
    for i in range(steps + 1):
        share = panel.y_min + i * panel.y_step
        out.append(
            f'<line x1="{left}" y1="{_num(y(share))}" x2="{left + PANEL_W}" y2="{_num(y(share))}"'
            ' stroke="#e6e6e6"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{_num(y(share) + 4)}" font-size="11"'
            f' text-anchor="end">{_pct(share)}</text>'
        )
    for year in range(FIRST_YEAR, LAST_YEAR + 1, 2):
        out.append(
            f'<text x="{_num(x(year))}" y="{TOP + PANEL_H + 16}" font-size="11"'
            f' text-anchor="middle">{year}</text>'
        )
    target = panel.target
    out.append(
        f'<line x1="{left}" y1="{_num(y(target.value))}" x2="{left + PANEL_W}"'
        f' y2="{_num(y(target.value))}" stroke="{GREEN}" stroke-dasharray="2 3"/>'
    )
    out.append(
        # At the left end: the path to the target meets the line at the right end.
        f'<text x="{left + 4}" y="{_num(y(target.value) - 5)}" font-size="11"'
        f' text-anchor="start" fill="{GREEN}">national target {target.year}:'
        f" {_pct(target.value)}</text>"
    )
    if progress.trend is not None and progress.projected is not None:
        start = progress.projected - progress.trend * (LAST_YEAR - FIRST_YEAR)
        out.append(
            f'<line x1="{_num(x(FIRST_YEAR))}" y1="{_num(y(start))}" x2="{_num(x(LAST_YEAR))}"'
            f' y2="{_num(y(progress.projected))}" stroke="{ORANGE}" stroke-dasharray="6 4"/>'
        )
    out.append(
        f'<line x1="{_num(x(progress.latest_year))}" y1="{_num(y(progress.latest))}"'
        f' x2="{_num(x(target.year))}" y2="{_num(y(target.value))}" stroke="{GREEN}"'
        ' stroke-width="2"/>'
    )
    points = [(year, rate) for year, rate in sorted(panel.series.items()) if rate.publishable]
    for year, rate in points:
        if rate.low is None or rate.high is None:  # a publishable rate always has both
            continue
        out.append(
            f'<line x1="{_num(x(year))}" y1="{_num(y(rate.low))}" x2="{_num(x(year))}"'
            f' y2="{_num(y(rate.high))}" stroke="{GREY}" stroke-width="3"/>'
        )
    line = " ".join(f"{_num(x(year))},{_num(y(rate.value or 0.0))}" for year, rate in points)
    out.append(f'<polyline points="{line}" fill="none" stroke="{BLUE}" stroke-width="2"/>')
    for year, rate in points:
        out.append(
            f'<circle cx="{_num(x(year))}" cy="{_num(y(rate.value or 0.0))}" r="3"'
            f' fill="{BLUE}"><title>{year}: {rate}</title></circle>'
        )
    status = "on track" if progress.on_track else "not on track"
    out.append(
        f'<text x="{left}" y="{TOP + PANEL_H + 36}" font-size="11">'
        f"{progress.latest_year}: {_pct(progress.latest)} — {status} for {target.year}</text>"
    )
    if progress.comparable is False and target.measure is not None:
        out.append(
            f'<text x="{left}" y="{TOP + PANEL_H + 50}" font-size="10" fill="#666666">'
            f"The target's baseline is {target.measure.kind.phrase}, not a count like"
            " this.</text>"
        )
    out.append("</g>")
    return out


def _legend() -> list[str]:
    items = [
        (BLUE, "", "synthetic municipality (95 % interval in grey)"),
        (ORANGE, "6 4", "trend (least squares) to 2030"),
        (GREEN, "", "path needed to reach the target"),
    ]
    out = []
    x = 60
    for colour, dash, label in items:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x}" y1="{HEIGHT - 30}" x2="{x + 24}" y2="{HEIGHT - 30}"'
            f' stroke="{colour}" stroke-width="2"{dashed}/>'
        )
        out.append(f'<text x="{x + 30}" y="{HEIGHT - 26}" font-size="11">{label}</text>')
        # The next item starts after this label (at most about 5.6 px a character at 11 px).
        x += 30 + round(5.6 * len(label)) + 20
    out.append(
        f'<text x="60" y="{HEIGHT - 8}" font-size="10" fill="#666666">Synthetic data from'
        f" kui_core.synthetic (seed {SEED}), not statistics. Targets: agreement"
        " “Bedre veje til uddannelse og job” (2017).</text>"
    )
    return out


def render(make_panels: Callable[[], Sequence[Panel]] = panels) -> str:
    """The SVG document."""
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" fill="{INK}"'
        ' role="img" aria-labelledby="title desc">',
        '<title id="title">A synthetic municipality against the 2030 targets</title>',
        '<desc id="desc">Completion at 25 and the NEET share of 15–24-year-olds, 2016–2025,'
        " with the least-squares trend and the path needed to reach the national targets by"
        " 2030.</desc>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for panel, left in zip(make_panels(), LEFTS, strict=True):
        lines.extend(_panel_svg(panel, left))
    lines.extend(_legend())
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw docs/img/trajectory.svg.")
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    svg = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != svg:
            print(f"{OUTPUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
