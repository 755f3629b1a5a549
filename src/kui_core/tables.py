"""Young people from tables: CSV exports and database rows.

Municipal systems hand over their data as tables: one row per young person, one per education
record, one per employment (the long format of register data). :func:`youths_from_rows` builds
:class:`~kui_core.Youth` values from any iterables of mappings — the rows of
:func:`read_csv`, a database cursor's rows as dicts, pandas' ``to_dict("records")`` or polars'
``iter_rows(named=True)`` — without kui-core importing any of them. The core does no I/O: the
caller opens the file and passes its lines.

Nothing is guessed:

- :class:`Columns` says which column means what; ``programmes`` and ``statuses`` map the labels
  a system uses (Danish ones in the example below) to kui-core's values.
- Dates are ISO (``2024-08-12``) or Danish ``dd-mm-yyyy`` (``12-08-2024``): both forms are
  unambiguous. Nothing else is a date.
- End dates: a system's "til og med" day is the *last* day of an enrolment or a job, while
  kui-core's end is the first day after it (half-open, as :class:`~kui_core.Period`). Every call
  says which its tables hold (``end_dates``, no default); with :attr:`EndDates.INCLUSIVE`
  kui-core adds one day.
- Hours use ``decimal`` as decimal mark (``"."`` by default; ``","`` for ``18,5``).

A bad row is reported with its table, its row number (1 for the first row after a CSV's header)
and its column; the value itself is never shown (it may be a CPR number). ``on_error="raise"``
(the default) stops at the first with a :class:`~kui_core.DataError`; ``on_error="collect"``
returns the young people whose rows are all good plus every :class:`RowError`: a person with a bad
row (or a record of a person not in the people table, or a repeated ``person_id``) is left out,
and the errors say why. Nothing is dropped silently.

>>> from kui_core import Programme
>>> from kui_core.tables import Columns, EndDates, Status, read_csv, youths_from_rows
>>> people = read_csv(["\\ufeffid;født", "a-1;03-05-2008", "a-2;2008-13-01"])
>>> educations = read_csv(
...     ["id;uddannelse;start;slut;status", "a-1;Gymnasium (stx);12-08-2024;;igang"]
... )
>>> columns = Columns(
...     person_id="id", birth_date="født", programme="uddannelse",
...     education_start="start", education_end="slut", education_status="status",
... )
>>> result = youths_from_rows(
...     people,
...     educations=educations,
...     columns=columns,
...     programmes={"Gymnasium (stx)": Programme.STX},
...     statuses={"igang": Status.ONGOING, "fuldført": Status.COMPLETED, "afbrudt": Status.LEFT},
...     end_dates=EndDates.INCLUSIVE,
...     on_error="collect",
... )
>>> [youth.person_id for youth in result.youths]
['a-1']
>>> print(result.errors[0])
people row 2, column 'født': not a date (YYYY-MM-DD or dd-mm-yyyy)
"""

from __future__ import annotations

import csv
import datetime as _dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from . import validators as v
from .cpr import CprNumber
from .education import EducationRecord, Employment, Programme
from .errors import DataError
from .periods import Period
from .youth import Youth

__all__ = [
    "Columns",
    "EndDates",
    "RowError",
    "Status",
    "TableResult",
    "read_csv",
    "youths_from_rows",
]


class EndDates(enum.StrEnum):
    """What an end date in the tables means."""

    INCLUSIVE = "inclusive"
    """The last day ("til og med"): kui-core adds one day to get its half-open end."""
    EXCLUSIVE = "exclusive"
    """The first day after (kui-core's own convention): used as it is."""


class Status(enum.StrEnum):
    """How an education record ended: still ongoing, completed, or left (dropped out)."""

    ONGOING = "ongoing"
    COMPLETED = "completed"
    LEFT = "left"


@attrs.frozen(kw_only=True)
class Columns:
    """The column names of the three tables. ``None`` for an optional column the tables lack.

    People: ``person_id``, ``birth_date``, ``cpr`` and ``municipality_code``. Educations:
    ``person_id``, ``programme``, ``education_start``, ``education_end`` (empty while ongoing)
    and ``education_status``. Employments: ``person_id``, ``employment_start``,
    ``employment_end`` (empty: still employed) and ``hours_per_week``.
    """

    person_id: str = attrs.field(default="person_id", validator=v.is_nonempty_str)
    """The column of the case system's person id, in all three tables."""
    birth_date: str = attrs.field(default="birth_date", validator=v.is_nonempty_str)
    """People: the birth date column (ISO or dd-mm-yyyy)."""
    cpr: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """People: the CPR number column (an empty cell: none); `None`: the table has no such column."""
    municipality_code: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """People: the municipality code column; `None`: the table has no such column."""
    programme: str = attrs.field(default="programme", validator=v.is_nonempty_str)
    """Educations: the programme column; its labels are mapped by `programmes`."""
    education_start: str = attrs.field(default="started_on", validator=v.is_nonempty_str)
    """Educations: the column of the first day of the enrolment."""
    education_end: str = attrs.field(default="ended_on", validator=v.is_nonempty_str)
    """Educations: the end column, empty while ongoing; inclusive or not as `end_dates` says."""
    education_status: str = attrs.field(default="status", validator=v.is_nonempty_str)
    """Educations: the status column; its labels are mapped by `statuses` to :class:`Status`."""
    employment_start: str = attrs.field(default="start", validator=v.is_nonempty_str)
    """Employments: the column of the first day of the job."""
    employment_end: str = attrs.field(default="end", validator=v.is_nonempty_str)
    """Employments: the end column, empty while still employed; as `end_dates` says."""
    hours_per_week: str = attrs.field(default="hours_per_week", validator=v.is_nonempty_str)
    """Employments: the column of paid hours per week, with `decimal` as decimal mark."""


@attrs.frozen
class RowError:
    """One bad row: its table (``"people"``, ``"educations"``, ``"employments"``), its 1-based
    row number, the column (``None`` where the row as a whole is wrong) and the reason."""

    table: str
    """The table: "people", "educations" or "employments"."""
    row: int
    """The 1-based row number (1 for the first row after a CSV's header)."""
    column: str | None
    """The column concerned; `None`: the row as a whole is wrong."""
    reason: str
    """What is wrong, never the value itself (it may be a CPR number)."""

    def __str__(self) -> str:
        where = f"{self.table} row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        return f"{where}: {self.reason}"

    def to_error(self) -> DataError:
        """The same problem as a :class:`~kui_core.DataError`: path ``educations[3].slut``."""
        column = "" if self.column is None else f".{self.column}"
        return DataError(f"{self.table}[{self.row}]{column}", self.reason)


@attrs.frozen
class TableResult:
    """The young people built from the tables, and the rows that could not be used."""

    youths: tuple[Youth, ...]
    """The young people whose rows are all good (:class:`~kui_core.Youth`)."""
    errors: tuple[RowError, ...]
    """Every bad row (:class:`RowError`); empty where all were good (or with `on_error="raise"`)."""


def read_csv(lines: Iterable[str], *, delimiter: str | None = None) -> Iterator[dict[str, str]]:
    """The rows of a CSV text as dicts keyed by the header, lazily.

    ``lines`` is any iterable of lines (an open text file, a list of strings). A UTF-8 byte order
    mark before the header is removed. ``delimiter`` is ``";"`` or ``","``; by default the one in
    the header line (a header with both, or neither and more than one column, is a
    ``DataError``). Blank lines are skipped. A row with more or fewer cells than the header is
    passed on as a row that :func:`youths_from_rows` reports as a :class:`RowError` of its table
    (so the other rows are still read). Cells are returned as written (no trimming); an empty
    cell is ``""``.
    """
    if delimiter is not None and delimiter not in (";", ","):
        raise DataError("delimiter", "must be ';' or ','")
    rows = iter(lines)
    header = next(rows, None)
    if header is None:
        return
    header = header.removeprefix("\ufeff")
    if delimiter is None:
        found = {mark for mark in (";", ",") if mark in header}
        if len(found) > 1:
            raise DataError("header", "has both ';' and ',': give the delimiter")
        delimiter = found.pop() if found else ";"
    reader = csv.reader(_chain_first(header, rows), delimiter=delimiter, strict=True)
    try:
        names = next(reader)
        if len(set(names)) != len(names):
            raise DataError("header", "a column name repeats")
        for cells in reader:
            if not cells:
                continue  # a blank line (many exports end with one)
            if len(cells) != len(names):
                # Not raised here: the caller reports it as a row error of its table.
                yield _BadCsvRow(f"has {len(cells)} cells, the header {len(names)}")
                continue
            yield dict(zip(names, cells, strict=True))
    except csv.Error:
        raise DataError(f"line {reader.line_num}", "not valid CSV") from None


class _BadCsvRow(dict[str, str]):
    """A CSV row with the wrong number of cells: an empty mapping that says what is wrong."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


def _chain_first(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DANISH = re.compile(r"(\d{2})-(\d{2})-(\d{4})", re.ASCII)
_DATE_FORMS = "not a date (YYYY-MM-DD or dd-mm-yyyy)"


class _Bad(Exception):
    """A cell's problem: the reason, never the value."""

    def __init__(self, column: str | None, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _cell(row: Mapping[str, Any], column: str) -> Any:
    if column not in row:
        raise _Bad(column, "column missing")
    value = row[column]
    # An empty cell: "" in CSV, None from a database, NaN from pandas.
    missing = value == "" or (isinstance(value, float) and value != value)
    return None if missing else value


def _date(row: Mapping[str, Any], column: str, *, required: bool = True) -> _dt.date | None:
    value = _cell(row, column)
    if value is None:
        if required:
            raise _Bad(column, "empty")
        return None
    if isinstance(value, _dt.datetime) or not isinstance(value, str | _dt.date):
        raise _Bad(column, "expected a date or a date text")
    if isinstance(value, _dt.date):
        return value
    try:
        if _ISO.fullmatch(value):
            return _dt.date.fromisoformat(value)
        danish = _DANISH.fullmatch(value)
        if danish:
            return _dt.date(int(danish[3]), int(danish[2]), int(danish[1]))
    except ValueError:
        pass
    raise _Bad(column, _DATE_FORMS)


def _end(row: Mapping[str, Any], column: str, end_dates: EndDates) -> _dt.date | None:
    day = _date(row, column, required=False)
    if day is None or end_dates is EndDates.EXCLUSIVE:
        return day
    if day == _dt.date.max:
        raise _Bad(column, "an inclusive end on 9999-12-31 has no day after it")
    return day + _dt.timedelta(days=1)


def _text(row: Mapping[str, Any], column: str) -> str:
    value = _cell(row, column)
    if value is None:
        raise _Bad(column, "empty")
    if not isinstance(value, str):
        raise _Bad(column, "expected text")
    return value


def _label(row: Mapping[str, Any], column: str, labels: Mapping[str, Any]) -> Any:
    value = _cell(row, column)
    if value is None:
        raise _Bad(column, "empty")
    if not isinstance(value, str) or value not in labels:
        raise _Bad(column, "not one of the labels given")
    return labels[value]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?", re.ASCII)


def _hours(row: Mapping[str, Any], column: str, decimal: str) -> float:
    value = _cell(row, column)
    if value is None:
        raise _Bad(column, "empty")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Bad(column, "expected a number")
    if isinstance(value, int | float):
        return value
    if (
        not _NUMBER.fullmatch(value)
        or (decimal == "." and "," in value)
        or (decimal == "," and "." in value)
    ):
        raise _Bad(column, f"not a number (digits, {decimal!r} as decimal mark)")
    return float(value.replace(",", "."))


def _model(build: Any, column_of: Mapping[str, str], *args: Any, **kwargs: Any) -> Any:
    """``build(*args, **kwargs)``, a model's ``DataError`` turned into the column it concerns."""
    try:
        return build(*args, **kwargs)
    except DataError as error:
        field = error.path.rsplit(".", 1)[-1]
        raise _Bad(column_of.get(field), error.reason) from None


def _record(
    row: Mapping[str, Any],
    columns: Columns,
    programmes: Mapping[str, Programme],
    statuses: Mapping[str, Status],
    end_dates: EndDates,
) -> EducationRecord:
    programme = _label(row, columns.programme, programmes)
    started = _date(row, columns.education_start)
    ended = _end(row, columns.education_end, end_dates)
    status = _label(row, columns.education_status, statuses)
    if (status is Status.ONGOING) != (ended is None):
        reason = "an ongoing record has no end" if ended else "a finished record needs an end"
        raise _Bad(columns.education_end, reason)
    column_of = {
        "started_on": columns.education_start,
        "completed_on": columns.education_end,
        "left_on": columns.education_end,
    }
    completed = ended if status is Status.COMPLETED else None
    left = ended if status is Status.LEFT else None
    return _model(  # type: ignore[no-any-return]
        EducationRecord, column_of, programme, started, completed_on=completed, left_on=left
    )


def _employment(
    row: Mapping[str, Any], columns: Columns, end_dates: EndDates, decimal: str
) -> Employment:
    start = _date(row, columns.employment_start)
    end = _end(row, columns.employment_end, end_dates)
    hours = _hours(row, columns.hours_per_week, decimal)
    column_of = {
        "start": columns.employment_start,
        "end": columns.employment_end,
        "hours_per_week": columns.hours_per_week,
    }
    period = _model(Period, column_of, start, end)
    return _model(Employment, column_of, period, hours)  # type: ignore[no-any-return]


_OnError = Literal["raise", "collect"]


class _Collector:
    def __init__(self, on_error: _OnError) -> None:
        self.on_error = on_error
        self.errors: list[RowError] = []
        self.bad_people: set[str] = set()

    def add(self, error: RowError, person: str | None) -> None:
        if self.on_error == "raise":
            raise error.to_error()
        self.errors.append(error)
        if person is not None:
            self.bad_people.add(person)


def _person_of(row: Mapping[str, Any], columns: Columns) -> str:
    return _text(row, columns.person_id)


def _grouped(
    rows: Iterable[Mapping[str, Any]],
    table: str,
    columns: Columns,
    known: Mapping[str, int],
    collector: _Collector,
    build: Any,
) -> dict[str, list[tuple[int, Any]]]:
    """The records of ``rows`` per person id, each with its row number."""
    found: dict[str, list[tuple[int, Any]]] = {}
    for number, row in enumerate(rows, 1):
        person: str | None = None
        try:
            _check_row(row)
            person = _person_of(row, columns)
            if person not in known:
                raise _Bad(columns.person_id, "no person with this id in the people table")
            found.setdefault(person, []).append((number, build(row)))
        except _Bad as bad:
            collector.add(RowError(table, number, bad.column, bad.reason), person)
    return found


def _check_row(row: object) -> None:
    if isinstance(row, _BadCsvRow):
        raise _Bad(None, row.problem)
    if not isinstance(row, Mapping):
        raise _Bad(None, "a row must be a mapping of column names to values")


def youths_from_rows(
    people: Iterable[Mapping[str, Any]],
    *,
    educations: Iterable[Mapping[str, Any]] = (),
    employments: Iterable[Mapping[str, Any]] = (),
    columns: Columns | None = None,
    programmes: Mapping[str, Programme] | None = None,
    statuses: Mapping[str, Status] | None = None,
    end_dates: EndDates,
    decimal: str = ".",
    on_error: _OnError = "raise",
) -> TableResult:
    """Young people from a people table and, optionally, education and employment tables.

    See the module documentation. ``programmes`` maps a system's programme labels to
    :class:`~kui_core.Programme` (default: kui-core's own values, ``"stx"``); ``statuses`` maps
    status labels to :class:`Status` (default: ``"ongoing"``, ``"completed"``, ``"left"``).
    A repeated ``person_id`` in the people table is refused: each repeat is reported (naming the
    first row) and the person is left out.
    The young people come in the order of the people table; each one's records in table order.
    """
    columns = Columns() if columns is None else columns
    if not isinstance(columns, Columns):
        raise DataError("columns", "expected Columns")
    if not isinstance(end_dates, EndDates):
        raise DataError("end_dates", "expected EndDates.INCLUSIVE or EndDates.EXCLUSIVE")
    if decimal not in (".", ","):
        raise DataError("decimal", "must be '.' or ','")
    if on_error not in ("raise", "collect"):
        raise DataError("on_error", "must be 'raise' or 'collect'")
    programmes = {p.value: p for p in Programme} if programmes is None else programmes
    statuses = {s.value: s for s in Status} if statuses is None else statuses
    _check_labels("programmes", programmes, Programme)
    _check_labels("statuses", statuses, Status)
    collector = _Collector(on_error)

    rows_by_id: dict[str, int] = {}
    person_rows: list[tuple[int, str, _Person]] = []
    for number, row in enumerate(people, 1):
        person: str | None = None
        try:
            _check_row(row)
            person = _person_of(row, columns)
            if person in rows_by_id:
                first = rows_by_id[person]
                raise _Bad(columns.person_id, f"the same person_id as people row {first}")
            rows_by_id[person] = number
            person_rows.append((number, person, _person(row, columns)))
        except _Bad as bad:
            collector.add(RowError("people", number, bad.column, bad.reason), person)

    def record(row: Mapping[str, Any]) -> EducationRecord:
        return _record(row, columns, programmes, statuses, end_dates)

    def job(row: Mapping[str, Any]) -> Employment:
        return _employment(row, columns, end_dates, decimal)

    records = _grouped(educations, "educations", columns, rows_by_id, collector, record)
    jobs = _grouped(employments, "employments", columns, rows_by_id, collector, job)

    youths: list[Youth] = []
    for number, person, fields in person_rows:
        try:
            youths.append(
                _youth(person, fields, columns, records.get(person, []), jobs.get(person, []))
            )
        except _RecordBad as bad:
            collector.add(bad.error, person)
        except _Bad as bad:
            collector.add(RowError("people", number, bad.column, bad.reason), person)
    left_out = collector.bad_people
    return TableResult(
        youths=tuple(y for y in youths if y.person_id not in left_out),
        errors=tuple(collector.errors),
    )


def _check_labels(name: str, labels: object, kind: type[enum.Enum]) -> None:
    if not isinstance(labels, Mapping) or not all(
        isinstance(key, str) and isinstance(value, kind) for key, value in labels.items()
    ):
        raise DataError(name, f"expected a mapping of labels (text) to {kind.__name__}")


class _RecordBad(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


_YOUTH_RECORD = re.compile(r"Youth\.(educations|employments)\[(\d+)\]")


@attrs.frozen
class _Person:
    born: _dt.date
    cpr: CprNumber | None
    municipality: str | None


def _person(row: Mapping[str, Any], columns: Columns) -> _Person:
    """The people row's own fields, each checked on its own."""
    born = _date(row, columns.birth_date)
    assert born is not None  # required
    cpr = None
    if columns.cpr is not None:
        text = _cell(row, columns.cpr)
        if text is not None:
            if not isinstance(text, str):
                raise _Bad(columns.cpr, "expected text")
            cpr = _model(CprNumber, {"CprNumber": columns.cpr}, text)
    municipality = None
    if columns.municipality_code is not None:
        municipality = _cell(row, columns.municipality_code)
        if municipality is not None and not isinstance(municipality, str):
            raise _Bad(columns.municipality_code, "expected text")
    return _Person(born, cpr, municipality)


def _youth(
    person: str,
    fields: _Person,
    columns: Columns,
    records: list[tuple[int, EducationRecord]],
    jobs: list[tuple[int, Employment]],
) -> Youth:
    """The young person; a rule between the rows (a record before birth) names the row to fix."""
    try:
        return Youth(
            person,
            fields.born,
            educations=tuple(r for _, r in records),
            employments=tuple(j for _, j in jobs),
            cpr=fields.cpr,
            municipality_code=fields.municipality,
        )
    except DataError as error:
        match = _YOUTH_RECORD.match(error.path)
        if match:  # a record starts before birth: the record's row is the one to fix
            table, index = match[1], int(match[2])
            numbers = [n for n, _ in (records if table == "educations" else jobs)]
            start = columns.education_start if table == "educations" else columns.employment_start
            raise _RecordBad(RowError(table, numbers[index], start, error.reason)) from None
        field = error.path.rsplit(".", 1)[-1]
        column = {"cpr": columns.cpr, "birth_date": columns.birth_date}.get(field)
        raise _Bad(column, error.reason) from None
