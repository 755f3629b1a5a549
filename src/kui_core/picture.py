"""See the case: one time axis with coordinators, offers, plans, care and findings, as SVG.

:func:`draw_case` returns a self-contained SVG (a string: no I/O, no clock, no dependency) of a
:class:`~kui_core.YouthCase` on a reference day: the case's span, the young person's 15th, 18th
and 25th birthdays, placements in care, each coordinator's assignments, the offers, the
interventions grouped by unit, the plan versions and follow-up dates, exemptions from the duty,
and every finding that has a period, drawn where it happens: a gap between
coordinators in red across the coordinators' rows, an overlap hatched, a deadline as a marker
with its date. Labels are Danish or English; periods are shown with their last day ("til og
med"); every mark has a text (``<title>``) and the colours are backed by patterns and labels, so
the picture reads in greyscale and with a screen reader.

A long case is summarised, not drawn as thousands of unreadable bars: with more than
:data:`MAX_ROWS` coordinators (or offers), one row per unit shows the days covered. Every drawn
mark carries ``data-kind``, ``data-start`` and ``data-end`` (ISO days, the end exclusive or
``open``), and the root the axis (``data-axis-start``, ``data-axis-end``, ``data-plot-left``,
``data-plot-width``), so that tests and other tools can check what is drawn where.

:func:`case_report_html` wraps the picture, the findings by severity with their sources and the
audit facts in one offline HTML page (``kui check CASE.json --format html``).

Ids and descriptions are drawn as the case gives them, an id that is a CPR number included: mask
them before sharing a picture (``kui check --format html`` masks CPR-shaped text).
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from . import validators as v
from ._language import check_language
from .case import YouthCase
from .dates import birthday
from .errors import DataError
from .findings import Finding, Severity
from .periods import Period, format_day
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .review import CaseReport, review_case

__all__ = ["MAX_ROWS", "case_report_html", "draw_case", "subject_day"]

MAX_ROWS = 30
"""Above this many coordinators (or offers), their rows are summarised per unit."""

WIDTH = 1000
_LEFT = 190  # the label column
_RIGHT = 20
_PLOT = WIDTH - _LEFT - _RIGHT
_ROW = 22
_HEAD = 20
_TOP = 46
_BAR = 12

_TEXT = {
    "da": {
        "title": "Sagen for {person} den {day}",
        "case": "Sagen",
        "care": "Anbragt",
        "coordinators": "Tovholdere",
        "offers": "Tilbud",
        "interventions": "Indsatser",
        "plan": "Uddannelsesplan",
        "exemptions": "Fritaget for pligten",
        "findings": "Fund",
        "day": "Dagen",
        "age": "{age} år",
        "deadline": "frist {day}",
        "summary": "{n} tildelinger, sammenfattet pr. enhed (huller under en pixel vises ikke;"
        " se fundene)",
        "offers_summary": "{n} tilbud, sammenfattet",
        "follow_up": "opfølgning {day}",
        "plan_version": "plan {id} af {day}",
        "ungeplan": "ungeplan {day}",
        "support": "afgørelse om ungestøtte {day}",
        "gap": "hul",
        "overlap": "overlap",
        "desc": "Tidslinje for sagen: {coordinators} tovholdertildelinger, {offers} tilbud,"
        " {plans} planversioner og {findings} fund med en periode eller frist.",
        "error": "Fejl",
        "warning": "Advarsler",
        "info": "Oplysninger",
        "none": "Ingen fund.",
        "more": "... og {n} fund mere (se listen)",
        "audit": "Reglerne bag rapporten",
        "reference_day": "Dag",
        "version": "kui-core",
        "checked": "Kilder kontrolleret",
        "fingerprint": "Policy (fingeraftryk)",
        "sources": "Kilder",
    },
    "en": {
        "title": "The case of {person} on {day}",
        "case": "Case",
        "care": "In care",
        "coordinators": "Coordinators",
        "offers": "Offers",
        "interventions": "Interventions",
        "plan": "Education plan",
        "exemptions": "Exempted from the duty",
        "findings": "Findings",
        "day": "Reference day",
        "age": "{age} years",
        "deadline": "deadline {day}",
        "summary": "{n} assignments, summarised per unit (gaps narrower than a pixel are not"
        " shown; see the findings)",
        "offers_summary": "{n} offers, summarised",
        "follow_up": "follow-up {day}",
        "plan_version": "plan {id} of {day}",
        "ungeplan": "ungeplan {day}",
        "support": "support decided {day}",
        "gap": "gap",
        "overlap": "overlap",
        "desc": "Timeline of the case: {coordinators} coordinator assignments, {offers} offers,"
        " {plans} plan versions and {findings} findings with a period or deadline.",
        "error": "Errors",
        "warning": "Warnings",
        "info": "Information",
        "none": "No findings.",
        "more": "... and {n} more findings (see the list)",
        "audit": "The rules behind this report",
        "reference_day": "Day",
        "version": "kui-core",
        "checked": "Sources checked",
        "fingerprint": "Policy (fingerprint)",
        "sources": "Sources",
    },
}

_COLOUR = {
    "case": "#5d6d7e",
    "assignment": "#2c6fbb",
    "offer": "#1e8449",
    "placement": "#7d3c98",
    "intervention": "#b9770e",
    "exemption": "#839192",
    Severity.ERROR: "#c0392b",
    Severity.WARNING: "#d35400",
    Severity.INFO: "#7f8c8d",
}


class _Axis(NamedTuple):
    start: _dt.date
    end: _dt.date

    def x(self, day: _dt.date) -> float:
        """The x-position of the start of ``day`` (clamped to the plot)."""
        day = min(max(day, self.start), self.end)
        return _LEFT + (day - self.start).days / (self.end - self.start).days * _PLOT


def _open(end: _dt.date | None) -> bool:
    return end is None or end.year >= 9999


def _iso(day: _dt.date | None) -> str:
    return "open" if _open(day) else day.isoformat()  # type: ignore[union-attr]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def subject_day(subject: str | None) -> _dt.date | None:
    """The day a finding's subject names (a deadline, ``2026-02-09``), if it names one."""
    if subject is None or len(subject) != 10:
        return None
    try:
        return _dt.date.fromisoformat(subject)
    except ValueError:
        return None


def _deadline(finding: Finding) -> _dt.date | None:
    """The deadline a finding names as its subject, if it names one."""
    return subject_day(finding.subject)


def _axis(case: YouthCase, on: _dt.date, findings: Sequence[Finding]) -> _Axis:
    days = [case.opened_on, on]
    if case.closed_on is not None:
        days.append(case.closed_on)
    periods: list[Period] = [a.period for a in case.coordinators]
    periods += [o.period for o in case.offers]
    periods += [p.period for p in case.youth.in_care]
    periods += list(case.duty_exemptions)
    periods += [i.period for plan in case.plans for i in plan.interventions]
    periods += [f.period for f in findings if f.period is not None]
    for period in periods:
        days.append(period.start)
        if not _open(period.end):
            days.append(period.end)  # type: ignore[arg-type]
    days += [plan.created_on for plan in case.plans]
    days += [plan.next_follow_up for plan in case.plans if plan.next_follow_up is not None]
    days += [d for f in findings if (d := _deadline(f)) is not None]
    first, last = min(days), max(days)
    pad = max(1, (last - first).days // 40)
    start = first - _dt.timedelta(days=min(pad, (first - _dt.date.min).days))
    end = last + _dt.timedelta(days=min(pad + 1, (_dt.date.max - last).days))
    return _Axis(start, end)


class _Canvas:
    def __init__(self, axis: _Axis, lang: str) -> None:
        self.axis = axis
        self.text = _TEXT[lang]
        self.lang = lang
        self.parts: list[str] = []
        self.y = _TOP

    def heading(self, label: str) -> None:
        self.y += 6
        self.parts.append(
            f'<text x="8" y="{self.y + 13}" font-size="12" font-weight="bold">{_esc(label)}</text>'
        )
        self.y += _HEAD

    def label(self, label: str) -> None:
        shown = label if len(label) <= 28 else label[:27] + "…"
        self.parts.append(
            f'<text x="16" y="{self.y + 15}" font-size="11"><title>{_esc(label)}</title>'
            f"{_esc(shown)}</text>"
        )

    def bar(
        self,
        kind: str,
        period: Period,
        title: str,
        colour: str,
        *,
        pattern: str | None = None,
        top: float | None = None,
        height: float = _BAR,
    ) -> None:
        x0 = self.axis.x(period.start)
        x1 = _LEFT + _PLOT if _open(period.end) else self.axis.x(period.end)  # type: ignore[arg-type]
        width = max(x1 - x0, 1.0)
        y = self.y + (_ROW - _BAR) / 2 if top is None else top
        fill = f"url(#{pattern})" if pattern else colour
        self.parts.append(
            f'<g data-kind="{kind}" data-start="{period.start.isoformat()}"'
            f' data-end="{_iso(period.end)}"><title>{_esc(title)}</title>'
            f'<rect x="{x0:.2f}" y="{y:.2f}" width="{width:.2f}" height="{height:.2f}"'
            f' fill="{fill}" stroke="{colour}" stroke-width="1"/></g>'
        )

    def mark(self, kind: str, day: _dt.date, title: str, colour: str, text: str = "") -> None:
        x = self.axis.x(day)
        y = self.y + 4
        label = ""
        if text:
            anchor = "end" if x > _LEFT + _PLOT - 120 else "start"
            dx = -7 if anchor == "end" else 7
            label = (
                f'<text x="{x + dx:.2f}" y="{y + 11}" font-size="10" text-anchor="{anchor}">'
                f"{_esc(text)}</text>"
            )
        self.parts.append(
            f'<g data-kind="{kind}" data-start="{day.isoformat()}" data-end="{day.isoformat()}">'
            f"<title>{_esc(title)}</title>"
            f'<path d="M {x - 5:.2f} {y} L {x + 5:.2f} {y} L {x:.2f} {y + 12} Z" fill="{colour}"/>'
            f"{label}</g>"
        )

    def next_row(self) -> None:
        self.y += _ROW


def _union(periods: Iterable[Period], slack: int = 0) -> list[Period]:
    """The days covered by ``periods``, as sorted, disjoint periods (open ends kept); gaps of
    at most ``slack`` days are closed (in a summary, a gap narrower than a pixel)."""
    merged: list[Period] = []
    for period in sorted(periods, key=lambda p: p.start):
        if merged:
            last = merged[-1]
            if _open(last.end):
                continue
            if (period.start - last.end).days <= slack:  # type: ignore[operator]
                if not _open(period.end) and period.end <= last.end:  # type: ignore[operator]
                    continue
                merged[-1] = Period(last.start, period.end)
                continue
        merged.append(period)
    return merged


def _slack(axis: _Axis) -> int:
    """The days one pixel of the plot stands for (rounded down)."""
    return (axis.end - axis.start).days // _PLOT


def _report(
    case: YouthCase, on: _dt.date, report: CaseReport | None, policy: Policy | PolicyTimeline
) -> CaseReport:
    """``report``, checked to be the review of ``case`` on ``on``; by default that review."""
    v.check_day("on", on)
    if not isinstance(case, YouthCase):
        raise DataError("case", f"expected YouthCase, got {type(case).__name__}")
    if report is None:
        return review_case(case, on, policy)
    if not isinstance(report, CaseReport):
        raise DataError("report", f"expected CaseReport, got {type(report).__name__}")
    if report.on != on or report.person_id != case.youth.person_id:
        raise DataError("report", "is the review of another day or another young person")
    return report


def draw_case(
    case: YouthCase,
    on: _dt.date,
    report: CaseReport | None = None,
    *,
    lang: str = "da",
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
) -> str:
    """The SVG of ``case`` on ``on`` with the findings of ``report`` (by default
    :func:`~kui_core.review_case` under ``policy``); see the module documentation."""
    check_language(lang)
    report = _report(case, on, report, policy)
    in_force = policy_on(policy, on)
    drawn = [f for f in report.findings if f.period is not None]
    axis = _axis(case, on, drawn)
    canvas = _Canvas(axis, lang)
    text = canvas.text

    canvas.heading(text["case"])
    canvas.label(case.youth.person_id)
    span = Period(case.opened_on, case.closed_on)
    canvas.bar("case", span, f"{text['case']}: {span.format(lang)}", _COLOUR["case"])
    canvas.next_row()

    if case.youth.in_care:
        canvas.heading(text["care"])
        canvas.label(text["care"])
        for placement in case.youth.in_care:
            title = f"{text['care']}: {placement.period.format(lang)}"
            canvas.bar("placement", placement.period, title, _COLOUR["placement"])
        canvas.next_row()
        for placement in case.youth.in_care:
            for day in placement.ungeplan_dates:
                label = text["ungeplan"].format(day=format_day(day))
                canvas.mark("ungeplan", day, label, _COLOUR["placement"], label)
            if placement.support_decided_on is not None:
                label = text["support"].format(day=format_day(placement.support_decided_on))
                canvas.mark("support", placement.support_decided_on, label, _COLOUR["placement"])
        if any(p.ungeplan_dates or p.support_decided_on for p in case.youth.in_care):
            canvas.next_row()

    canvas.heading(text["coordinators"])
    by_person: dict[str, list[int]] = {}
    for index, assignment in enumerate(case.coordinators):
        by_person.setdefault(assignment.coordinator_id, []).append(index)
    rows_top = canvas.y
    summarised = len(by_person) > MAX_ROWS or len(case.coordinators) > MAX_ROWS * 10
    if summarised:
        canvas.parts.append(
            f'<text x="{_LEFT}" y="{canvas.y + 12}" font-size="11" font-style="italic">'
            f"{_esc(text['summary'].format(n=len(case.coordinators)))}</text>"
        )
        canvas.next_row()
        by_unit: dict[str, list[Period]] = {}
        for assignment in case.coordinators:
            by_unit.setdefault(assignment.unit, []).append(assignment.period)
        for unit, periods in sorted(by_unit.items())[:MAX_ROWS]:
            canvas.label(unit)
            for period in _union(periods, _slack(axis)):
                title = f"{unit}: {period.format(lang)}"
                canvas.bar("coverage", period, title, _COLOUR["assignment"])
            canvas.next_row()
    row_of: dict[str, float] = {}
    if not summarised:
        for person, indexes in by_person.items():
            row_of[person] = canvas.y
            units = sorted({case.coordinators[i].unit for i in indexes})
            canvas.label(f"{person} ({', '.join(units)})")
            for i in indexes:
                assignment = case.coordinators[i]
                title = f"{person} ({assignment.unit}): {assignment.period.format(lang)}"
                canvas.bar("assignment", assignment.period, title, _COLOUR["assignment"])
            canvas.next_row()
    if not case.coordinators:
        canvas.next_row()
    rows_bottom = canvas.y
    # Gaps and overlaps across the coordinators' rows.
    for finding in report.findings:
        if finding.period is None or finding.code not in (
            "coordination.gap",
            "coordination.overlap",
        ):
            continue
        gap = finding.code == "coordination.gap"
        # A gap concerns every row (nobody); an overlap the rows of the coordinators it names.
        rows = [row_of[p] for p in (finding.subject or "").split(", ") if p in row_of]
        top, bottom = (min(rows), max(rows) + _ROW) if rows and not gap else (rows_top, rows_bottom)
        canvas.bar(
            "gap" if gap else "overlap",
            finding.period,
            finding.message(lang),
            _COLOUR[finding.severity],
            pattern="kui-gap" if gap else "kui-hatch",
            top=top,
            height=max(bottom - top, _ROW),
        )

    if case.offers:
        canvas.heading(text["offers"])
        if len(case.offers) > MAX_ROWS:
            canvas.label(text["offers_summary"].format(n=len(case.offers)))
            for period in _union((o.period for o in case.offers), _slack(axis)):
                canvas.bar("coverage", period, period.format(lang), _COLOUR["offer"])
            canvas.next_row()
        else:
            for offer in case.offers:
                canvas.label(offer.description)
                title = f"{offer.description}: {offer.period.format(lang)}"
                canvas.bar("offer", offer.period, title, _COLOUR["offer"])
                canvas.next_row()

    interventions: dict[str, dict[str, Period]] = {}
    for plan in case.plans:
        for item in plan.interventions:
            interventions.setdefault(item.unit, {})[item.id] = item.period
    if interventions:
        canvas.heading(text["interventions"])
        for unit, items in sorted(interventions.items())[:MAX_ROWS]:
            canvas.label(unit)
            for item_id, period in items.items():
                title = f"{unit} {item_id}: {period.format(lang)}"
                canvas.bar("intervention", period, title, _COLOUR["intervention"])
            canvas.next_row()

    if case.plans:
        canvas.heading(text["plan"])
        canvas.label(text["plan"])
        for plan in case.plans:
            label = text["plan_version"].format(id=plan.id, day=format_day(plan.created_on))
            canvas.mark("plan", plan.created_on, label, _COLOUR["case"], plan.id)
        canvas.next_row()
        follow_ups = [p.next_follow_up for p in case.plans if p.next_follow_up is not None]
        if follow_ups:
            canvas.label(text["follow_up"].format(day="").strip())
            for day in follow_ups:
                label = text["follow_up"].format(day=format_day(day))
                canvas.mark("follow_up", day, label, _COLOUR["case"], format_day(day))
            canvas.next_row()

    if case.duty_exemptions:
        canvas.heading(text["exemptions"])
        canvas.label(text["exemptions"])
        for period in case.duty_exemptions:
            title = f"{text['exemptions']}: {period.format(lang)}"
            canvas.bar("exemption", period, title, _COLOUR["exemption"], pattern="kui-dots")
        canvas.next_row()

    canvas.heading(text["findings"])
    for finding in drawn[:MAX_ROWS]:
        canvas.label(finding.code)
        colour = _COLOUR[finding.severity]
        assert finding.period is not None  # drawn: the findings with a period
        canvas.bar("finding", finding.period, finding.message(lang), colour)
        deadline = _deadline(finding)
        if deadline is not None:
            label = text["deadline"].format(day=format_day(deadline))
            canvas.mark("deadline", deadline, f"{finding.message(lang)} ({label})", colour, label)
        canvas.next_row()
    if len(drawn) > MAX_ROWS:
        more = text["more"].format(n=len(drawn) - MAX_ROWS)
        canvas.parts.append(
            f'<text x="16" y="{canvas.y + 14}" font-size="11" font-style="italic">'
            f"{_esc(more)}</text>"
        )
        canvas.next_row()
    if not drawn:
        canvas.parts.append(
            f'<text x="{_LEFT}" y="{canvas.y + 14}" font-size="11">{_esc(text["none"])}</text>'
        )
        canvas.next_row()

    height = canvas.y + 30
    return _document(case, on, axis, canvas, height, report, in_force, lang)


def _document(
    case: YouthCase,
    on: _dt.date,
    axis: _Axis,
    canvas: _Canvas,
    height: float,
    report: CaseReport,
    policy: Policy,
    lang: str,
) -> str:
    text = canvas.text
    title = text["title"].format(person=case.youth.person_id, day=format_day(on))
    drawn = sum(1 for f in report.findings if f.period is not None)
    desc = text["desc"].format(
        coordinators=len(case.coordinators),
        offers=len(case.offers),
        plans=len(case.plans),
        findings=drawn,
    )
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}"'
        f' viewBox="0 0 {WIDTH} {height:.0f}" font-family="sans-serif" fill="#1b2631"'
        f' role="img" aria-labelledby="kui-title kui-desc" data-axis-start="{axis.start}"'
        f' data-axis-end="{axis.end}" data-plot-left="{_LEFT}" data-plot-width="{_PLOT}">',
        f'<title id="kui-title">{_esc(title)}</title>',
        f'<desc id="kui-desc">{_esc(desc)}</desc>',
        "<defs>",
        '<pattern id="kui-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#d35400" stroke-width="3"/></pattern>',
        '<pattern id="kui-gap" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<rect width="8" height="8" fill="#f5b7b1"/><path d="M0 0 L8 8 M8 0 L0 8"'
        ' stroke="#c0392b" stroke-width="1"/></pattern>',
        '<pattern id="kui-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" fill="#e5e8e8"/><circle cx="2.5" cy="2.5" r="1"'
        ' fill="#566573"/></pattern>',
        "</defs>",
        f'<text x="8" y="22" font-size="15" font-weight="bold">{_esc(title)}</text>',
    ]
    ticks = _ticks(axis, height)
    ages = _ages(case, axis, height, policy, text)
    x_on = axis.x(on)
    anchor = "end" if x_on > WIDTH - 80 else "start" if x_on < _LEFT + 40 else "middle"
    day_line = (
        f'<g data-kind="on" data-start="{on}" data-end="{on}"><title>{_esc(text["day"])}:'
        f' {format_day(on)}</title><line x1="{x_on:.2f}" y1="{_TOP - 6}" x2="{x_on:.2f}"'
        f' y2="{height - 24:.0f}" stroke="#1b2631" stroke-width="1.5"/>'
        f'<text x="{x_on:.2f}" y="{_TOP - 10}" font-size="10" text-anchor="{anchor}">'
        f"{_esc(text['day'])} {format_day(on)}</text></g>"
    )
    return "\n".join([*head, *ticks, *ages, *canvas.parts, day_line, "</svg>"]) + "\n"


def _ticks(axis: _Axis, height: float) -> list[str]:
    """Year (or month) ticks along the bottom."""
    span = (axis.end - axis.start).days
    out = []
    if span > 3 * 365:
        step = max(1, span // 365 // 10)
        years = range(axis.start.year + 1, axis.end.year + 1, step)
        days = [day for y in years if (day := _dt.date(y, 1, 1)) < axis.end]
        form = "{year}"
    else:
        days = []
        year, month = axis.start.year, axis.start.month
        every = 1 if span <= 400 else 3
        while True:
            month += every
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            if year > _dt.MAXYEAR or _dt.date(year, month, 1) >= axis.end:
                break
            days.append(_dt.date(year, month, 1))
        form = "{month}.{year}"
    for day in days:
        x = axis.x(day)
        out.append(
            f'<line x1="{x:.2f}" y1="{_TOP - 4}" x2="{x:.2f}" y2="{height - 24:.0f}"'
            ' stroke="#d5d8dc" stroke-width="1"/>'
            f'<text x="{x:.2f}" y="{height - 10:.0f}" font-size="10" text-anchor="middle">'
            f"{form.format(month=day.month, year=day.year)}</text>"
        )
    return out


def _ages(
    case: YouthCase, axis: _Axis, height: float, policy: Policy, text: dict[str, str]
) -> list[str]:
    out = []
    for age in (15, 18, 25):
        # A birth date lies in the supported calendar (to 2299): the 25th birthday exists.
        day = birthday(case.youth.birth_date, age, policy.leap_day_rule)
        if not axis.start <= day <= axis.end:
            continue
        x = axis.x(day)
        label = text["age"].format(age=age)
        out.append(
            f'<g data-kind="age" data-start="{day}" data-end="{day}"><title>{_esc(label)}:'
            f" {format_day(day)}</title>"
            f'<line x1="{x:.2f}" y1="{_TOP - 4}" x2="{x:.2f}" y2="{height - 24:.0f}"'
            ' stroke="#7f8c8d" stroke-dasharray="4 3"/>'
            f'<text x="{x + 3:.2f}" y="{_TOP + 8}" font-size="10" fill="#566573">'
            f"{_esc(label)}</text></g>"
        )
    return out


def case_report_html(
    case: YouthCase,
    on: _dt.date,
    report: CaseReport | None = None,
    *,
    lang: str = "da",
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
) -> str:
    """One self-contained HTML page: the picture, the findings by severity with their sources,
    and the audit facts. It opens offline: no external font, script or style."""
    check_language(lang)
    report = _report(case, on, report, policy)
    svg = draw_case(case, on, report, lang=lang, policy=policy)
    text = _TEXT[lang]
    title = text["title"].format(person=case.youth.person_id, day=format_day(on))
    parts = [
        "<!doctype html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title>",
        "<style>",
        "body{font-family:sans-serif;margin:2rem auto;max-width:1040px;padding:0 1rem;"
        "color:#1b2631;line-height:1.45}",
        "figure{margin:1rem 0;overflow-x:auto}figure svg{max-width:100%;height:auto}",
        "h2{border-bottom:1px solid #d5d8dc;padding-bottom:.2rem}",
        ".error{border-left:6px solid #c0392b}.warning{border-left:6px solid #d35400}"
        ".info{border-left:6px solid #aab7b8}",
        "li{margin:.3rem 0;padding-left:.6rem}code{font-size:.9em}",
        "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}",
        "dt{font-weight:bold}",
        "@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}"
        "figure{overflow:visible}}",
        "</style></head><body>",
        f"<h1>{_esc(title)}</h1>",
        f"<figure>{svg}</figure>",
    ]
    for severity in Severity:
        found = [f for f in report.findings if f.severity is severity]
        if not found:
            continue
        parts.append(f"<h2>{_esc(text[severity.value])} ({len(found)})</h2><ul>")
        for finding in found:
            sources = "; ".join(f"{s.label(lang)}: {s}" for s in finding.sources)
            parts.append(
                f'<li class="{severity.value}"><code>{_esc(finding.code)}</code> '
                f"{_esc(finding.message(lang))}<br><small>{_esc(sources)}</small></li>"
            )
        parts.append("</ul>")
    if not report.findings:
        parts.append(f"<p>{_esc(text['none'])}</p>")
    parts.append(f"<h2>{_esc(text['audit'])}</h2><dl>")
    parts.append(f"<dt>{_esc(text['reference_day'])}</dt><dd>{format_day(on)}</dd>")
    if report.stamp is not None:
        stamp = report.stamp
        parts.append(f"<dt>{text['version']}</dt><dd>{_esc(stamp.library_version)}</dd>")
        parts.append(
            f"<dt>{_esc(text['checked'])}</dt><dd>{format_day(stamp.rules_checked_on)}</dd>"
        )
        parts.append(
            f"<dt>{_esc(text['fingerprint'])}</dt><dd><code>{stamp.policy_fingerprint}</code></dd>"
        )
    parts.append("</dl></body></html>")
    return "\n".join(parts) + "\n"
