"""Young people from tables (kui_core.tables): CSV exports and rows of mappings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import CprNumber, DataError, EducationRecord, Employment, Period, Programme, Youth
from kui_core.strategies import youths
from kui_core.tables import (
    Columns,
    EndDates,
    RowError,
    Status,
    TableResult,
    read_csv,
    youths_from_rows,
)

D = dt.date
DATA = Path(__file__).resolve().parents[1] / "examples" / "data"
EXCLUSIVE = EndDates.EXCLUSIVE
INCLUSIVE = EndDates.INCLUSIVE


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(read_csv(file))


def _sample(on_error: Any = "collect") -> TableResult:
    import sys

    sys.path.insert(0, str(DATA.parent))
    try:
        from from_csv_exports import read_exports  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(DATA.parent))
    assert on_error == "collect"
    return read_exports(DATA)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------------------------
# The shipped sample: Danish labels, dd-mm-yyyy, a byte order mark, two bad rows


def test_the_sample_exports_give_three_youths_and_two_row_errors_naming_row_and_column() -> None:
    result = _sample()
    assert [str(e) for e in result.errors] == [
        "people row 3, column 'foedselsdato': not a date (YYYY-MM-DD or dd-mm-yyyy)",
        "educations row 6, column 'uddannelse': not one of the labels given",
    ]
    # ung-003 (31 February) and ung-004 (an unknown label) are left out, and only they.
    assert [y.person_id for y in result.youths] == ["ung-001", "ung-002", "ung-005"]
    first, second, fifth = result.youths
    assert first.municipality_code == "0101"
    assert first.educations == (
        EducationRecord(Programme.PRIMARY_SCHOOL, D(2014, 8, 12), completed_on=D(2024, 6, 21)),
        EducationRecord(Programme.STX, D(2024, 8, 12)),
    )
    # "til og med" 31-01-2024: the last day enrolled; kui-core's left_on is the day after.
    assert second.educations[0].left_on == D(2024, 2, 1)
    assert second.employments == (Employment(Period(D(2024, 3, 1)), 18.5),)
    assert fifth.educations[-1].programme is Programme.TENTH_GRADE


def test_the_sample_has_a_byte_order_mark_that_read_csv_removes() -> None:
    assert (DATA / "unge.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(_read("unge.csv")[0]) == ["id", "foedselsdato", "kommune"]


def test_the_first_bad_row_stops_the_sample_when_asked_to_raise() -> None:
    with pytest.raises(DataError) as raised:
        youths_from_rows(
            _read("unge.csv"),
            columns=Columns(person_id="id", birth_date="foedselsdato"),
            end_dates=INCLUSIVE,
        )
    assert raised.value.path == "people[3].foedselsdato"


# --------------------------------------------------------------------------------------------
# Rows of mappings: the round trip, for any young person


def _day(draw: st.DrawFn, day: dt.date) -> object:
    form = draw(st.sampled_from(["iso", "danish", "date"]))
    if form == "iso":
        return day.isoformat()
    if form == "danish":
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
    return day


def _end(draw: st.DrawFn, day: dt.date | None, ends: EndDates) -> object:
    if day is None:
        return draw(st.sampled_from(["", None]))
    return _day(draw, day - dt.timedelta(days=1) if ends is INCLUSIVE else day)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[Youth], dict[str, list[dict[str, object]]], EndDates]:
    ends = draw(st.sampled_from(EndDates))
    people = draw(st.lists(youths(), max_size=4, unique_by=lambda y: y.person_id))
    # Tables hold what a register holds: no care placements, guidance or known-until days.
    people = [
        attrs.evolve(
            y, in_care=(), guided_elsewhere=(), educations_known_until=None,
            employments_known_until=None,
        )
        for y in people
    ]  # fmt: skip
    if ends is INCLUSIVE:  # an inclusive end has a day before it: the end is after the start
        people = [y for y in people if _inclusive_ok(y)]
    rows: dict[str, list[dict[str, object]]] = {"people": [], "educations": [], "employments": []}
    for y in people:
        rows["people"].append(
            {
                "person_id": y.person_id,
                "birth_date": _day(draw, y.birth_date),
                "cpr": "" if y.cpr is None else y.cpr.reveal(),
                "municipality_code": y.municipality_code or "",
            }
        )
        for r in y.educations:
            status = (
                Status.COMPLETED if r.completed_on else Status.LEFT if r.left_on else Status.ONGOING
            )
            rows["educations"].append(
                {
                    "person_id": y.person_id,
                    "programme": r.programme.value,
                    "started_on": _day(draw, r.started_on),
                    "ended_on": _end(draw, r.completed_on or r.left_on, ends),
                    "status": status.value,
                }
            )
        for j in y.employments:
            rows["employments"].append(
                {
                    "person_id": y.person_id,
                    "start": _day(draw, j.period.start),
                    "end": _end(draw, j.period.end, ends),
                    "hours_per_week": j.hours_per_week,
                }
            )
    return people, rows, ends


def _inclusive_ok(youth: Youth) -> bool:
    ends = [r.completed_on or r.left_on for r in youth.educations]
    ends += [j.period.end for j in youth.employments]
    starts = [r.started_on for r in youth.educations] + [j.period.start for j in youth.employments]
    return all(e is None or e > s for s, e in zip(starts, ends, strict=True))


@given(_tables())
def test_youths_written_as_rows_come_back_equal(
    tables: tuple[list[Youth], dict[str, list[dict[str, object]]], EndDates],
) -> None:
    people, rows, ends = tables
    result = youths_from_rows(
        rows["people"],
        educations=rows["educations"],
        employments=rows["employments"],
        columns=Columns(cpr="cpr", municipality_code="municipality_code"),
        end_dates=ends,
    )
    assert result.errors == ()
    assert list(result.youths) == people


# --------------------------------------------------------------------------------------------
# Refused: repeated ids, records of nobody, every kind of bad cell


PEOPLE = [{"person_id": "a", "birth_date": "2008-01-01"}, {"person_id": "b", "birth_date": "x"}]


def test_a_repeated_person_id_is_refused_and_the_person_left_out() -> None:
    rows = [*PEOPLE[:1], {"person_id": "c", "birth_date": "2008-01-01"}, PEOPLE[0]]
    result = youths_from_rows(rows, end_dates=EXCLUSIVE, on_error="collect")
    assert [y.person_id for y in result.youths] == ["c"]
    (error,) = result.errors
    assert (error.table, error.row, error.column) == ("people", 3, "person_id")
    assert "people row 1" in error.reason
    with pytest.raises(DataError, match=r"people\[3\]\.person_id"):
        youths_from_rows(rows, end_dates=EXCLUSIVE)


def test_a_record_of_a_person_not_in_the_people_table_is_an_error() -> None:
    job = {"person_id": "zz", "start": "2024-01-01", "end": "", "hours_per_week": "10"}
    result = youths_from_rows(
        PEOPLE[:1], employments=[job], end_dates=EXCLUSIVE, on_error="collect"
    )
    assert [str(e) for e in result.errors] == [
        "employments row 1, column 'person_id': no person with this id in the people table"
    ]
    assert [y.person_id for y in result.youths] == ["a"]


def _education(**cells: object) -> dict[str, object]:
    row: dict[str, object] = {
        "person_id": "a", "programme": "stx", "started_on": "2024-08-12", "ended_on": "",
        "status": "ongoing",
    }  # fmt: skip
    row.update(cells)
    return {k: v for k, v in row.items() if v is not _MISSING}


_MISSING = object()


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        ({"started_on": "12/08/2024"}, "started_on", "not a date"),
        ({"started_on": "2024-02-30"}, "started_on", "not a date"),
        ({"started_on": "30-02-2024"}, "started_on", "not a date"),
        ({"started_on": " 2024-08-12"}, "started_on", "not a date"),
        ({"started_on": dt.datetime(2024, 8, 12)}, "started_on", "expected a date"),
        ({"started_on": 20240812}, "started_on", "expected a date"),
        ({"started_on": ""}, "started_on", "empty"),
        ({"started_on": _MISSING}, "started_on", "column missing"),
        ({"programme": "Gymnasium"}, "programme", "not one of the labels"),
        ({"programme": None}, "programme", "empty"),
        ({"status": "done"}, "status", "not one of the labels"),
        ({"ended_on": "2025-06-20"}, "ended_on", "an ongoing record has no end"),
        ({"status": "completed"}, "ended_on", "a finished record needs an end"),
        ({"status": "left", "ended_on": "2024-08-01"}, "ended_on", "must not be before"),
        ({"programme": "fgu", "started_on": "2019-07-31"}, "started_on", "2019-08-01"),
        ({"started_on": "2000-01-01"}, "started_on", "must not be before birth_date"),
    ],
)
def test_a_bad_education_cell_names_its_row_and_column(
    cells: dict[str, object], column: str, reason: str
) -> None:
    rows = [_education(), _education(**cells)]
    result = youths_from_rows(PEOPLE[:1], educations=rows, end_dates=EXCLUSIVE, on_error="collect")
    (error,) = result.errors
    assert (error.table, error.row, error.column) == ("educations", 2, column)
    assert reason in error.reason
    assert result.youths == ()


def test_an_education_row_without_a_person_id_is_an_error_of_its_own() -> None:
    rows = [_education(), _education(person_id=7)]
    result = youths_from_rows(PEOPLE[:1], educations=rows, end_dates=EXCLUSIVE, on_error="collect")
    (error,) = result.errors
    assert (error.table, error.row, error.column) == ("educations", 2, "person_id")
    assert error.reason == "expected text"
    # The row names nobody, so nobody is left out for it.
    assert [len(y.educations) for y in result.youths] == [1]


@pytest.mark.parametrize(
    ("cells", "decimal", "column", "reason"),
    [
        ({"hours_per_week": "18,5"}, ".", "hours_per_week", "not a number"),
        ({"hours_per_week": "18.5"}, ",", "hours_per_week", "not a number"),
        ({"hours_per_week": "-3"}, ".", "hours_per_week", "not a number"),
        ({"hours_per_week": True}, ".", "hours_per_week", "expected a number"),
        ({"hours_per_week": ""}, ".", "hours_per_week", "empty"),
        ({"hours_per_week": "1" * 400}, ".", "hours_per_week", "finite"),
        ({"end": "2023-12-30"}, ".", "end", "before"),
        ({"end": "9999-12-31"}, ".", "end", "no day after it"),
    ],
)
def test_a_bad_employment_cell_names_its_row_and_column(
    cells: dict[str, object], decimal: str, column: str, reason: str
) -> None:
    job = {"person_id": "a", "start": "2024-01-01", "end": "", "hours_per_week": "10"} | cells
    result = youths_from_rows(
        PEOPLE[:1],
        employments=[job],
        end_dates=INCLUSIVE,
        decimal=decimal,
        on_error="collect",
    )
    (error,) = result.errors
    assert (error.table, error.row, error.column) == ("employments", 1, column)
    assert reason in error.reason


def test_hours_as_numbers_and_with_a_decimal_comma_are_read_as_written() -> None:
    jobs = [
        {"person_id": "a", "start": "2024-01-01", "end": "", "hours_per_week": 37},
        {"person_id": "a", "start": "2024-02-01", "end": "", "hours_per_week": "18,5"},
    ]
    (youth,) = youths_from_rows(
        PEOPLE[:1], employments=jobs, end_dates=INCLUSIVE, decimal=","
    ).youths
    assert [j.hours_per_week for j in youth.employments] == [37, 18.5]


def test_an_inclusive_end_on_2024_06_20_is_the_day_after_as_an_exclusive_end() -> None:
    row = _education(started_on="12-08-2021", ended_on="20-06-2024", status="completed")
    (inclusive,) = youths_from_rows(PEOPLE[:1], educations=[row], end_dates=INCLUSIVE).youths
    (exclusive,) = youths_from_rows(PEOPLE[:1], educations=[row], end_dates=EXCLUSIVE).youths
    assert inclusive.educations[0].completed_on == D(2024, 6, 21)
    assert exclusive.educations[0].completed_on == D(2024, 6, 20)


def test_bad_people_cells_and_a_cpr_that_does_not_match_the_birth_date() -> None:
    rows: list[Any] = [
        {"person_id": "a", "birth_date": "2008-01-01", "cpr": "010108-4234", "kommune": "0101"},
        {"person_id": "b", "birth_date": "2008-01-02", "cpr": "010108-4234", "kommune": "0101"},
        {"person_id": "c", "birth_date": "2008-01-01", "cpr": "0101", "kommune": "0101"},
        {"person_id": "d", "birth_date": "2008-01-01", "cpr": 101081234, "kommune": "0101"},
        {"person_id": "e", "birth_date": "2008-01-01", "cpr": "", "kommune": 101},
        {"person_id": "", "birth_date": "2008-01-01", "cpr": "", "kommune": ""},
        ["not", "a", "mapping"],
    ]
    columns = Columns(cpr="cpr", municipality_code="kommune")
    result = youths_from_rows(rows, columns=columns, end_dates=EXCLUSIVE, on_error="collect")
    assert [y.person_id for y in result.youths] == ["a"]
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "cpr"), (4, "cpr"), (5, "kommune"), (6, "person_id"), (7, None), (2, "cpr"),
    ]  # fmt: skip
    assert result.youths[0].cpr == CprNumber("010108-4234")


def test_row_errors_never_show_the_value_a_cpr_shaped_id_stays_hidden() -> None:
    rows = [{"person_id": "290204-4321", "birth_date": "2004-02-30"}]
    result = youths_from_rows(rows, end_dates=EXCLUSIVE, on_error="collect")
    text = " ".join(str(e) for e in result.errors) + repr(result.errors)
    assert not re.search(r"\d{6}-?\d{4}", text)
    with pytest.raises(DataError) as raised:
        youths_from_rows(rows, end_dates=EXCLUSIVE)
    assert "4321" not in str(raised.value)


def test_a_row_error_is_a_data_error_on_request() -> None:
    error = RowError("people", 2, None, "a row must be a mapping")
    assert str(error) == "people row 2: a row must be a mapping"
    assert error.to_error().path == "people[2]"


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"columns": {"person_id": "id"}}, "columns"),
        ({"end_dates": "inclusive"}, "end_dates"),
        ({"decimal": ";"}, "decimal"),
        ({"on_error": "skip"}, "on_error"),
        ({"programmes": {"Gymnasium": "stx"}}, "programmes"),
        ({"statuses": ["ongoing"]}, "statuses"),
    ],
)
def test_bad_arguments_are_data_errors(kwargs: dict[str, Any], path: str) -> None:
    arguments: dict[str, Any] = {"end_dates": EXCLUSIVE} | kwargs
    with pytest.raises(DataError) as raised:
        youths_from_rows(PEOPLE[:1], **arguments)
    assert raised.value.path == path


# --------------------------------------------------------------------------------------------
# read_csv


def test_read_csv_finds_the_delimiter_and_keeps_cells_as_written() -> None:
    assert list(read_csv(["a,b", "1, 2"])) == [{"a": "1", "b": " 2"}]
    assert list(read_csv(["\ufeffa;b", "1;", '"x;y";z'])) == [
        {"a": "1", "b": ""},
        {"a": "x;y", "b": "z"},
    ]
    assert list(read_csv(["only", "1"])) == [{"only": "1"}]
    assert list(read_csv(["a;b"], delimiter=";")) == []
    assert list(read_csv([])) == []


@pytest.mark.parametrize(
    ("lines", "delimiter", "path"),
    [
        (["a;b,c", "1;2"], None, "header"),
        (["a;a", "1;2"], None, "header"),
        (["a;b", '"1;2'], None, "line 2"),
        (["a;b"], "\t", "delimiter"),
    ],
)
def test_read_csv_refuses_what_it_cannot_read(
    lines: list[str], delimiter: str | None, path: str
) -> None:
    with pytest.raises(DataError) as raised:
        list(read_csv(lines, delimiter=delimiter))
    assert raised.value.path == path


def test_blank_lines_are_skipped_and_a_ragged_row_is_a_row_error_of_its_table() -> None:
    import io

    people = read_csv(
        io.StringIO("person_id;birth_date\na;2008-01-01\nb;2008-01-01;x\nc;2008-02-01\n\n")
    )
    result = youths_from_rows(people, end_dates=EXCLUSIVE, on_error="collect")
    assert [y.person_id for y in result.youths] == ["a", "c"]
    assert [str(e) for e in result.errors] == ["people row 2: has 3 cells, the header 2"]
    jobs = read_csv(["person_id;start;end;hours_per_week", "a;2024-01-01"])
    with pytest.raises(DataError) as raised:
        youths_from_rows(PEOPLE[:1], employments=jobs, end_dates=EXCLUSIVE)
    assert raised.value.path == "employments[1]"


def test_an_empty_pandas_cell_nan_is_an_empty_cell() -> None:
    row = {"person_id": "a", "start": "2024-01-01", "end": float("nan"), "hours_per_week": 20.0}
    (youth,) = youths_from_rows(PEOPLE[:1], employments=[row], end_dates=EXCLUSIVE).youths
    assert youth.employments[0].period.end is None
