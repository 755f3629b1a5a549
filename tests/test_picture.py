"""The case picture (kui_core.picture): what is drawn, where, and that it says it in words."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    CoordinatorAssignment,
    DataError,
    DutyLapse,
    Offer,
    Period,
    Youth,
    YouthCase,
    review_case,
)
from kui_core.picture import MAX_ROWS, case_report_html, draw_case
from kui_core.strategies import cases

D = dt.date
ON = D(2026, 10, 1)
SVG = "{http://www.w3.org/2000/svg}"
BARS = {"case", "assignment", "offer", "placement", "intervention", "exemption", "finding"}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _x(root: ET.Element, day: str) -> float:
    start = D.fromisoformat(root.attrib["data-axis-start"])
    end = D.fromisoformat(root.attrib["data-axis-end"])
    left, width = float(root.attrib["data-plot-left"]), float(root.attrib["data-plot-width"])
    value = min(max(D.fromisoformat(day), start), end)
    return left + (value - start).days / (end - start).days * width


def _marks(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.attrib.get("data-kind") == kind]


def _check_geometry(root: ET.Element) -> None:
    width, height = float(root.attrib["width"]), float(root.attrib["height"])
    for group in root.iter(f"{SVG}g"):
        kind = group.attrib.get("data-kind")
        rect = group.find(f"{SVG}rect")
        if kind in BARS | {"gap", "overlap", "coverage"}:
            assert rect is not None
            x, w = float(rect.attrib["x"]), float(rect.attrib["width"])
            y, h = float(rect.attrib["y"]), float(rect.attrib["height"])
            assert abs(x - _x(root, group.attrib["data-start"])) <= 1, kind
            if group.attrib["data-end"] != "open":
                end = _x(root, group.attrib["data-end"])
                assert abs(x + w - max(end, x + 1)) <= 1, kind
            assert x >= 0
            assert x + w <= width + 0.01
            assert y >= 0
            assert y + h <= height
    for element in root.iter():
        for name in ("x", "x1", "x2"):
            if name in element.attrib and element.tag != f"{SVG}pattern":
                assert -10 <= float(element.attrib[name]) <= width + 10


@settings(max_examples=40, deadline=None)
@given(st.one_of(cases(on=ON), cases(False, on=ON)), st.sampled_from(["da", "en"]))
def test_every_assignment_offer_placement_and_finding_is_drawn_where_it_happens(
    case: YouthCase, lang: str
) -> None:
    report = review_case(case, ON)
    root = _parse(draw_case(case, ON, report, lang=lang))
    _check_geometry(root)
    if len({a.coordinator_id for a in case.coordinators}) <= MAX_ROWS:
        marks = _marks(root, "assignment")
        drawn = sorted((g.attrib["data-start"], g.attrib["data-end"]) for g in marks)
        expected = sorted(
            (a.period.start.isoformat(), "open" if a.period.end is None or a.period.end.year >= 9999
             else a.period.end.isoformat())
            for a in case.coordinators
        )  # fmt: skip
        assert drawn == expected
    assert len(_marks(root, "placement")) == len(case.youth.in_care)
    with_period = [f for f in report.findings if f.period is not None][:MAX_ROWS]
    assert len(_marks(root, "finding")) == len(with_period)
    titles = " ".join(t.text or "" for t in root.iter(f"{SVG}title"))
    for finding in with_period:
        assert finding.message(lang) in titles
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}desc") is not None


def _two_coordinators(gap: bool) -> YouthCase:
    second = D(2026, 5, 18) if gap else D(2026, 4, 20)
    return YouthCase(
        Youth("k-1", D(2005, 2, 1)),
        D(2026, 1, 5),
        coordinators=(
            CoordinatorAssignment("anna", "UU", Period(D(2026, 1, 5), D(2026, 5, 4))),
            CoordinatorAssignment("bo", "JOB", Period(second)),
        ),
    )


def test_a_gap_of_4_to_17_may_2026_is_red_across_the_coordinators_rows() -> None:
    root = _parse(draw_case(_two_coordinators(gap=True), ON, lang="en"))
    (gap,) = _marks(root, "gap")
    rect = gap.find(f"{SVG}rect")
    assert rect is not None
    assert rect.attrib["fill"] == "url(#kui-gap)"
    assert abs(float(rect.attrib["x"]) - _x(root, "2026-05-04")) <= 1
    assert gap.attrib["data-end"] == "2026-05-18"
    anna, bo = _marks(root, "assignment")
    top = float(rect.attrib["y"])
    bottom = top + float(rect.attrib["height"])
    for bar in (anna, bo):
        inner = bar.find(f"{SVG}rect")
        assert inner is not None
        assert top <= float(inner.attrib["y"]) <= bottom
    assert "4.5.2026 through 17.5.2026" in ET.tostring(root, encoding="unicode")


def test_an_overlap_is_hatched_and_a_duty_deadline_is_a_marker_with_its_date() -> None:
    overlapping = YouthCase(
        Youth("k-2", D(2009, 5, 1)),
        D(2026, 1, 5),
        coordinators=(
            CoordinatorAssignment("anna", "UU", Period(D(2026, 1, 5))),
            CoordinatorAssignment("bo", "JOB", Period(D(2026, 9, 1))),
        ),
        duty_lapses=(DutyLapse(noticed_on=D(2026, 2, 2)),),
    )
    root = _parse(draw_case(overlapping, ON, lang="da"))
    (overlap,) = _marks(root, "overlap")
    rect = overlap.find(f"{SVG}rect")
    assert rect is not None
    assert rect.attrib["fill"] == "url(#kui-hatch)"
    deadlines = _marks(root, "deadline")
    assert [g.attrib["data-start"] for g in deadlines] == ["2026-02-09"]
    assert "frist 9.2.2026" in ET.tostring(deadlines[0], encoding="unicode")


def test_ages_15_18_and_25_and_the_day_are_lines_with_their_labels() -> None:
    case = YouthCase(Youth("k-3", D(2008, 3, 1)), D(2022, 1, 5), closed_on=D(2034, 1, 1))
    root = _parse(draw_case(case, ON, lang="da"))
    assert [g.attrib["data-start"] for g in _marks(root, "age")] == [
        "2023-03-01",
        "2026-03-01",
        "2033-03-01",
    ]
    (day,) = _marks(root, "on")
    assert day.attrib["data-start"] == "2026-10-01"


def test_10_000_assignments_are_summarised_per_unit_in_a_small_picture() -> None:
    start = D(2000, 1, 3)
    assignments = tuple(
        CoordinatorAssignment(
            f"c-{i}", ("UU", "JOB", "SOC")[i % 3],
            Period(start + dt.timedelta(days=i), start + dt.timedelta(days=i + 1)),
        )
        for i in range(10_000)
    )  # fmt: skip
    case = YouthCase(Youth("k-4", D(1999, 1, 1)), start, coordinators=assignments)
    svg = draw_case(case, D(2027, 6, 1), lang="en")
    assert len(svg) < 200_000
    root = _parse(svg)
    assert _marks(root, "assignment") == []
    assert 1 <= len(_marks(root, "coverage")) <= 3 * 3
    assert "10000 assignments, summarised per unit" in svg
    _check_geometry(root)


def test_many_offers_are_summarised_too() -> None:
    offers = tuple(
        Offer(f"o-{i}", "Tilbud", Period(D(2020, 1, 1) + dt.timedelta(days=10 * i),
                                        D(2020, 1, 8) + dt.timedelta(days=10 * i)))
        for i in range(MAX_ROWS + 1)
    )  # fmt: skip
    case = YouthCase(Youth("k-5", D(2002, 1, 1)), D(2020, 1, 1), offers=offers)
    root = _parse(draw_case(case, D(2021, 1, 1), lang="da"))
    assert _marks(root, "offer") == []
    assert len(_marks(root, "coverage")) == MAX_ROWS + 1


def test_bad_input_is_a_data_error() -> None:
    case = _two_coordinators(gap=False)
    with pytest.raises(DataError):
        draw_case(case, ON, lang="de")
    with pytest.raises(DataError):
        draw_case("case", ON)  # type: ignore[arg-type]
    with pytest.raises(DataError):
        draw_case(case, "2026-10-01")  # type: ignore[arg-type]
    with pytest.raises(DataError):
        draw_case(case, ON, report="report")  # type: ignore[arg-type]
    other = YouthCase(Youth("k-9", D(2001, 1, 1)), D(2026, 1, 5))
    with pytest.raises(DataError):
        draw_case(case, ON, review_case(other, ON))


def test_the_html_report_is_one_offline_page_with_picture_findings_and_audit_facts() -> None:
    case = _two_coordinators(gap=True)
    page = case_report_html(case, ON, lang="en")
    assert page.startswith("<!doctype html>")
    assert "<svg" in page
    assert page.count("http") == page.count("http://www.w3.org/2000/svg")  # nothing fetched
    assert "<h2>Warnings (1)</h2>" in page
    assert "coordination.gap" in page
    assert review_case(case, ON).stamp.policy_fingerprint in page  # type: ignore[union-attr]
    assert "@page{size:A4" in page
    from kui_core import RULES, Policy

    silent = Policy(severities=dict.fromkeys(RULES))  # every rule switched off
    clean = YouthCase(Youth("k-6", D(2001, 1, 1)), D(2026, 1, 5), closed_on=D(2026, 2, 1))
    page = case_report_html(clean, D(2026, 6, 1), policy=silent)
    assert "Ingen fund." in page
    with pytest.raises(DataError):
        case_report_html(clean, D(2026, 6, 1), review_case(clean, ON))


@given(
    st.lists(st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 20))), max_size=12),
    st.integers(0, 5),
)
def test_a_summary_row_covers_exactly_the_days_covered_gaps_up_to_the_slack_closed(
    spans: list[tuple[int, int | None]], slack: int
) -> None:
    from kui_core.picture import _union

    base = D(2020, 1, 1)
    periods = [
        Period(base + dt.timedelta(days=a), None if n is None else base + dt.timedelta(days=a + n))
        for a, n in spans
    ]
    merged = _union(periods, slack)
    days = {base + dt.timedelta(days=i) for i in range(120)}

    def covered(ps: list[Period]) -> set[dt.date]:
        return {d for d in days if any(p.contains(d) for p in ps)}

    assert covered(periods) <= covered(merged)
    for left, right in itertools.pairwise(merged):
        assert left.end is not None
        assert (right.start - left.end).days > slack  # disjoint, and gaps above the slack
    if slack == 0:
        assert covered(merged) == covered(periods)


def test_care_with_its_decisions_a_plan_without_follow_up_and_a_report_without_stamp() -> None:
    import attrs

    from kui_core import CarePlacement, EducationPlan

    youth = Youth(
        "k-7",
        D(2008, 9, 1),
        in_care=(
            CarePlacement(
                Period(D(2022, 1, 10)),
                ungeplan_dates=(D(2024, 9, 20),),
                support_decided_on=D(2026, 2, 1),
            ),
        ),
    )
    plan = EducationPlan("p-1", D(2026, 1, 10), participants=(), goals=(), interventions=())
    case = YouthCase(youth, D(2024, 8, 1), plans=(plan,))
    report = attrs.evolve(review_case(case, ON), stamp=None)
    root = _parse(draw_case(case, ON, report, lang="da"))
    assert [g.attrib["data-start"] for g in _marks(root, "support")] == ["2026-02-01"]
    assert [g.attrib["data-start"] for g in _marks(root, "ungeplan")] == ["2024-09-20"]
    assert _marks(root, "follow_up") == []
    page = case_report_html(case, ON, report)
    assert "fingeraftryk" not in page


def test_only_a_subject_that_is_a_day_is_read_as_a_deadline() -> None:
    from kui_core import Finding
    from kui_core.picture import _deadline

    assert _deadline(Finding("duty.contact_overdue", subject="2026-02-09")) == D(2026, 2, 9)
    assert _deadline(Finding("duty.contact_overdue", subject="2026-02-30")) is None
    assert _deadline(Finding("plan.goal_overdue", subject="goal-12345")) is None
    assert _deadline(Finding("plan.goal_overdue", subject="g-1")) is None
    assert _deadline(Finding("eligibility.in_target_group")) is None


def test_kui_check_format_html_writes_the_page_with_cpr_shaped_ids_masked(tmp_path: Path) -> None:
    import io

    from kui_core.cli import main
    from kui_core.serialization import dumps

    case = YouthCase(
        Youth("290204-4321", D(2004, 2, 29)),
        D(2026, 1, 5),
        coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2026, 1, 5))),),
    )
    path = tmp_path / "case.json"
    path.write_text(dumps(case), encoding="utf-8")
    out = io.StringIO()
    status = main(["check", str(path), "--on", "2026-10-01", "--format", "html"], out)
    page = out.getvalue()
    assert status == 0
    assert page.startswith("<!doctype html>")
    assert "<svg" in page
    assert "4321" not in page
    assert "&lt;cpr hidden&gt;" in page
    stamp = review_case(case, ON).stamp
    assert stamp is not None
    assert stamp.policy_fingerprint in page
    ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])  # still well-formed


def test_an_overlap_is_hatched_only_across_the_rows_of_the_coordinators_it_names() -> None:
    start = D(2018, 1, 1)
    case = YouthCase(
        Youth("y-200", D(2004, 1, 1)),
        start,
        coordinators=tuple(
            CoordinatorAssignment(
                f"c-{i % 12}", "UU",
                Period(start + dt.timedelta(days=15 * i), start + dt.timedelta(days=15 * i + 16)),
            )
            for i in range(40)
        ),
    )  # fmt: skip
    svg = draw_case(case, ON, lang="en")
    root = _parse(svg)
    overlaps = _marks(root, "overlap")
    assert len(overlaps) == 39
    first = overlaps[0].find(f"{SVG}rect")
    assert first is not None
    assert float(first.attrib["height"]) == 2 * 22  # the rows of c-0 and c-1
    assert "... and 11 more findings (see the list)" in svg  # 39 overlaps, a gap, the plan
    _check_geometry(root)


def test_a_placement_without_decisions_has_no_row_of_marks() -> None:
    from kui_core import CarePlacement

    youth = Youth("k-8", D(2008, 9, 1), in_care=(CarePlacement(Period(D(2025, 1, 10))),))
    root = _parse(draw_case(YouthCase(youth, D(2025, 1, 10)), ON))
    assert len(_marks(root, "placement")) == 1
    assert _marks(root, "ungeplan") == _marks(root, "support") == []
