"""The national metrics and eligibility on dataframes, on the engine the caller already uses.

The per-object API (:func:`~kui_core.assess_eligibility`, :func:`~kui_core.completion_rate`,
:func:`~kui_core.neet_share`) explains each decision; this module gives the same answers for
whole populations held as tables (register extracts, SQL, Parquet), written once against
`narwhals <https://narwhals-dev.github.io/narwhals/>`_ so that it runs on polars (eager and lazy),
pandas, pyarrow, DuckDB and Dask. It is an optional extra (``pip install kui-core[frames]``) and
is imported only as ``from kui_core import frames``: ``import kui_core`` never imports narwhals.

Tables (long format, as register data comes; column names are fixed, callers rename):

- ``people``: ``person_id`` (String, non-null, non-empty, unique; or an integer dtype, see
  below), ``birth_date`` (Date, non-null, in the supported calendar); optional
  ``municipality_code`` (String, nullable, non-empty), ``educations_known_until`` and
  ``employments_known_until`` (Date, nullable). Any other column may be used as ``by``.
- ``educations``: ``person_id`` (String), ``programme`` (String: a :class:`~kui_core.Programme`
  value), ``started_on`` (Date), ``completed_on`` and ``left_on`` (Date, nullable).
- ``employments``: ``person_id`` (String), ``start`` (Date), ``end`` (Date, nullable; the first
  day after the job, half-open), ``hours_per_week`` (numeric, 0 to 168).
- ``guidance`` (optional): ``person_id`` (String), ``authority`` (String: an
  :class:`~kui_core.Authority` value), ``start`` (Date), ``end`` (Date, nullable, half-open).

``person_id`` may instead be of an integer dtype (pseudonymised register data), the same dtype
in every table. Dates must have the Date dtype; a Datetime column is refused with a hint how
to convert it. Every row is checked as :class:`~kui_core.Youth` checks its records, and bad
input is a :class:`~kui_core.DataError` whose path names the table and column
(``"educations.programme"``) and whose reason gives counts, never values. The checks cost no
extra pass: people and records are stacked and grouped once by ``person_id``, and that one
aggregation yields both the rules' answers and whether anything is wrong; only then do per-table
checks run to say what.

:func:`measure` gives all three answers (eligibility and both metrics) from one pass.

See the concepts page "Tables on any engine" for examples on each engine.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
import narwhals as nw

from . import validators as v
from .audit import audit_stamp
from .dates import (
    SUPPORTED_FIRST_DAY,
    SUPPORTED_LAST_DAY,
    LeapDayRule,
    birthday,
    born_between,
    check_age,
    check_age_band,
)
from .education import MICRO_HOURS, PROGRAMME_DATES, Programme
from .errors import DataError
from .metrics import COMPLETION_PROGRAMMES, NEET_PROGRAMMES, breakdown_of_counts
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .rates import Breakdown, Rate
from .youth import Authority, Youth

__all__ = [
    "EDUCATIONS_SCHEMA",
    "EMPLOYMENTS_SCHEMA",
    "GUIDANCE_SCHEMA",
    "PEOPLE_SCHEMA",
    "Measures",
    "Tables",
    "completion_rate",
    "eligibility",
    "measure",
    "neet_share",
    "tables_from_youths",
]

# --------------------------------------------------------------------------------------------
# The tables

PEOPLE_SCHEMA: Mapping[str, type[nw.dtypes.DType]] = {
    "person_id": nw.String,
    "birth_date": nw.Date,
    "municipality_code": nw.String,
    "educations_known_until": nw.Date,
    "employments_known_until": nw.Date,
}
"""The columns of ``people`` (the last three are optional)."""
EDUCATIONS_SCHEMA: Mapping[str, type[nw.dtypes.DType]] = {
    "person_id": nw.String,
    "programme": nw.String,
    "started_on": nw.Date,
    "completed_on": nw.Date,
    "left_on": nw.Date,
}
"""The columns of ``educations``."""
EMPLOYMENTS_SCHEMA: Mapping[str, type[nw.dtypes.DType]] = {
    "person_id": nw.String,
    "start": nw.Date,
    "end": nw.Date,
    "hours_per_week": nw.Float64,
}
"""The columns of ``employments`` (``hours_per_week`` may be any numeric dtype)."""
GUIDANCE_SCHEMA: Mapping[str, type[nw.dtypes.DType]] = {
    "person_id": nw.String,
    "authority": nw.String,
    "start": nw.Date,
    "end": nw.Date,
}
"""The columns of ``guidance``."""

_PLACEHOLDER: Mapping[type[nw.dtypes.DType], Any] = {
    nw.String: "",
    nw.Date: SUPPORTED_FIRST_DAY,
    nw.Float64: 0.0,
}
_OPTIONAL_PEOPLE = ("municipality_code", "educations_known_until", "employments_known_until")


@attrs.frozen
class Tables:
    """The four tables of :func:`tables_from_youths`, as native frames of one backend."""

    people: Any
    educations: Any
    employments: Any
    guidance: Any


def tables_from_youths(youths: Iterable[Youth], backend: str = "polars") -> Tables:
    """The data of ``youths`` as the four tables (eager frames of ``backend``: ``"polars"``,
    ``"pandas"``, ``"pyarrow"`` or another eager backend narwhals knows).

    Exactly the data the rules read (not the CPR number, care placements or anything else), so
    the per-object and table paths can be compared; dates as Date (pandas: ``date32[pyarrow]``).
    """
    people: dict[str, list[Any]] = {name: [] for name in PEOPLE_SCHEMA}
    educations: dict[str, list[Any]] = {name: [] for name in EDUCATIONS_SCHEMA}
    employments: dict[str, list[Any]] = {name: [] for name in EMPLOYMENTS_SCHEMA}
    guidance: dict[str, list[Any]] = {name: [] for name in GUIDANCE_SCHEMA}
    for index, youth in enumerate(youths):
        if not isinstance(youth, Youth):
            raise DataError(f"youths[{index}]", f"expected Youth, got {type(youth).__name__}")
        pid = youth.person_id
        people["person_id"].append(pid)
        people["birth_date"].append(youth.birth_date)
        people["municipality_code"].append(youth.municipality_code)
        people["educations_known_until"].append(youth.educations_known_until)
        people["employments_known_until"].append(youth.employments_known_until)
        for record in youth.educations:
            educations["person_id"].append(pid)
            educations["programme"].append(record.programme.value)
            educations["started_on"].append(record.started_on)
            educations["completed_on"].append(record.completed_on)
            educations["left_on"].append(record.left_on)
        for job in youth.employments:
            employments["person_id"].append(pid)
            employments["start"].append(job.period.start)
            employments["end"].append(job.period.end)
            employments["hours_per_week"].append(float(job.hours_per_week))
        for guided in youth.guided_elsewhere:
            guidance["person_id"].append(pid)
            guidance["authority"].append(guided.authority.value)
            guidance["start"].append(guided.period.start)
            guidance["end"].append(guided.period.end)

    named: Any = backend  # narwhals checks the name

    def build(data: dict[str, list[Any]], schema: Mapping[str, type[nw.dtypes.DType]]) -> Any:
        dtypes = {name: dtype() for name, dtype in schema.items()}
        empty = not data["person_id"]
        if empty:  # pandas infers float64 for an empty list, and cannot cast that to a date
            data = {name: [_PLACEHOLDER[dtype]] for name, dtype in schema.items()}
        try:
            frame = nw.from_dict(data, schema=dtypes, backend=named)
        except (ValueError, TypeError, NotImplementedError, ModuleNotFoundError) as error:
            raise DataError(
                "backend", f"expected an installed eager backend narwhals knows, got {backend!r}"
            ) from error
        return (frame.head(0) if empty else frame).to_native()

    return Tables(
        build(people, PEOPLE_SCHEMA),
        build(educations, EDUCATIONS_SCHEMA),
        build(employments, EMPLOYMENTS_SCHEMA),
        build(guidance, GUIDANCE_SCHEMA),
    )


# --------------------------------------------------------------------------------------------
# Reading the caller's frames

_C = "_kui_"
"""The prefix of the working columns (so that no column of the caller's is overwritten)."""

_DATE_HINT = (
    "convert it to dates first: polars .dt.date(), pandas .astype('date32[pyarrow]'),"
    " SQL CAST(... AS DATE)"
)


def _lazy(native: Any, name: str) -> nw.LazyFrame[Any]:
    """``native`` as a narwhals LazyFrame (an eager frame is wrapped, not copied)."""
    try:
        frame: nw.DataFrame[Any] | nw.LazyFrame[Any] = nw.from_native(native)
    except TypeError:
        raise DataError(name, f"expected a dataframe, got {type(native).__name__}") from None
    if isinstance(frame, nw.DataFrame):
        return frame.lazy()
    return frame


def _same_engine(frames: Mapping[str, nw.LazyFrame[Any]]) -> None:
    engines = {name: frame.implementation for name, frame in frames.items()}
    first = engines["people"]
    for name, engine in engines.items():
        if engine is not first:
            raise DataError(
                name,
                f"expected a frame of the same engine as people ({first.name.lower()}),"
                f" got {engine.name.lower()}",
            )


def _check_schema(
    frame: nw.LazyFrame[Any],
    table: str,
    schema: Mapping[str, type[nw.dtypes.DType]],
    optional: Sequence[str] = (),
) -> dict[str, nw.dtypes.DType]:
    """The columns of ``schema`` that ``frame`` has, after checking their dtypes."""
    have = frame.collect_schema()
    found: dict[str, nw.dtypes.DType] = {}
    for column, expected in schema.items():
        if column not in have:
            if column in optional:
                continue
            raise DataError(f"{table}.{column}", "missing column")
        dtype = have[column]
        if expected is nw.Float64:
            ok = dtype.is_numeric()
            wanted = "a numeric dtype"
        elif column == "person_id":  # pseudonymised register data: integers
            ok = dtype == nw.String or dtype.is_integer()
            wanted = "String or an integer dtype"
        else:
            ok = dtype == expected
            wanted = expected.__name__
        if not ok:
            hint = f"; {_DATE_HINT}" if expected is nw.Date and dtype == nw.Datetime else ""
            raise DataError(f"{table}.{column}", f"expected {wanted}, got {dtype}{hint}")
        found[column] = dtype
    return found


def _count(expr: nw.Expr, name: str) -> nw.Expr:
    """How many rows ``expr`` (a condition; null counts as false) holds for."""
    return expr.fill_null(value=False).cast(nw.Int64()).sum().alias(name)


def _collect(frame: nw.LazyFrame[Any]) -> nw.DataFrame[Any]:
    """``frame.collect()``; on polars with the streaming engine (it need not hold the stacked
    tables in memory at once)."""
    if frame.implementation is nw.Implementation.POLARS:
        return frame.collect(engine="streaming")
    return frame.collect()


def _rows(frame: nw.LazyFrame[Any]) -> dict[str, int]:
    """The single row of an aggregation, as Python integers (DuckDB sums are decimals)."""
    row = _collect(frame).rows(named=True)[0]
    return {name: int(value or 0) for name, value in row.items()}  # an empty sum may be null


def _raise(problems: Sequence[tuple[str, str]]) -> None:
    if problems:
        path, reason = problems[0]
        raise DataError(path, reason, errors=tuple(problems))


def _rows_text(count: int) -> str:
    return f"{count} row{'s' if count != 1 else ''}"


def _among(column: nw.Expr, values: Sequence[str]) -> nw.Expr:
    """``column.is_in(values)``; an empty set (a policy may have one) is a false literal, since
    pyarrow cannot type an empty list of values."""
    return column.is_in(values) if values else nw.lit(value=False)


def _programme_values(name: str, programmes: object) -> list[str]:
    """The values of ``programmes`` (a set of :class:`Programme`), sorted."""
    if not isinstance(programmes, frozenset | set) or not all(
        isinstance(p, Programme) for p in programmes
    ):
        raise DataError(name, f"expected a frozenset of Programme, got {type(programmes).__name__}")
    return sorted(p.value for p in programmes)


# --------------------------------------------------------------------------------------------
# The rules as expressions


def _month_day(column: nw.Expr) -> nw.Expr:
    """``month * 100 + day`` (polars' month and day are 8-bit: widen before multiplying)."""
    return column.dt.month().cast(nw.Int64()) * 100 + column.dt.day().cast(nw.Int64())


def _age(on: _dt.date, rule: LeapDayRule) -> nw.Expr:
    """Completed years on ``on`` (:func:`kui_core.dates.completed_years`): the years between,
    less one where the birthday of ``on``'s year is still to come. A 29 February birthday
    falls in ``on``'s year on the day :func:`~kui_core.dates.birthday` gives, the same for
    everyone: one constant."""
    born = nw.col("birth_date")
    month_day = _month_day(born)
    leap_birthday = birthday(_dt.date(2000, 2, 29), on.year - 2000, rule)
    birthday_month_day = (
        nw.when(month_day == 229)
        .then(nw.lit(leap_birthday.month * 100 + leap_birthday.day))
        .otherwise(month_day)
    )
    to_come = (birthday_month_day > on.month * 100 + on.day).cast(nw.Int64())
    return (nw.lit(on.year) - born.dt.year().cast(nw.Int64()) - to_come).cast(nw.Int64())


def _leap_days(year: Any) -> Any:
    """The leap years from year 1 to ``year`` (a Python int or an expression)."""
    return year // 4 - year // 100 + year // 400


def _leap_days_between(year: Any, age: int, rule: LeapDayRule) -> tuple[Any, Any, Any]:
    """The 29 Februaries from a birth in ``year`` to its ``age``-th birthday (exclusive): for a
    birth before 29 February, for one after, and for one on it (the birthday in a common year
    by ``rule``: 28 February is one day before 1 March)."""
    before = _leap_days(year + (age - 1)) - _leap_days(year - 1)
    after = _leap_days(year + age) - _leap_days(year)
    if rule is LeapDayRule.FEBRUARY_28:
        on_it = _leap_days(year + age) - _leap_days(year - 1) - 1
    else:
        on_it = before
    return before, after, on_it


_DAY = nw.lit(_dt.timedelta(days=1))


def _eligible_until(age_limit: int, rule: LeapDayRule, engine: nw.Implementation) -> nw.Expr:
    """The day before the ``age_limit``-th birthday (:func:`~kui_core.dates.birthday`).

    On polars: the birth date offset by ``age_limit`` years (29 February becomes 28 February in
    a common year), less a day; a 29 February birth under :attr:`LeapDayRule.MARCH_1` turns
    on 1 March, so its last day is that 28 February itself. Elsewhere (no engine but polars
    offsets by years): the birth date plus ``365 * age_limit`` days, plus the 29 Februaries in
    between, less one; that number takes a few values only, so the date is one of a few constant
    shifts (date plus a literal duration works on every engine)."""
    born = nw.col("birth_date")
    month_day = _month_day(born)
    if engine is nw.Implementation.POLARS:
        shifted = born.dt.offset_by(f"{age_limit}y")
        if rule is LeapDayRule.FEBRUARY_28:
            return (shifted - _DAY).cast(nw.Date())
        turns_on_1_march = (month_day == 229) & (shifted.dt.day() == 28)
        return nw.when(turns_on_1_march).then(shifted).otherwise(shifted - _DAY).cast(nw.Date())
    before, after, on_it = _leap_days_between(born.dt.year().cast(nw.Int64()), age_limit, rule)
    leap_days = (
        nw.when(month_day < 229)
        .then(before)
        .otherwise(nw.when(month_day == 229).then(on_it).otherwise(after))
    )
    possible = sorted(
        {
            count
            for year in range(SUPPORTED_FIRST_DAY.year, SUPPORTED_LAST_DAY.year + 1)
            for count in _leap_days_between(year, age_limit, rule)
        }
    )

    def shifted_by(count: int) -> nw.Expr:
        return born + nw.lit(_dt.timedelta(days=365 * age_limit + count - 1))

    result = shifted_by(possible[-1])
    for count in possible[:-1]:
        result = nw.when(leap_days == count).then(shifted_by(count)).otherwise(result)
    return result.cast(nw.Date())


def _active(start: str, end: str, on: _dt.date) -> nw.Expr:
    """``start <= on < end`` (a null end: open-ended)."""
    return (nw.col(start) <= nw.lit(on)) & (nw.col(end).is_null() | (nw.col(end) > nw.lit(on)))


def _known(columns: Mapping[str, nw.dtypes.DType], column: str, on: _dt.date) -> nw.Expr:
    """True where the records of ``column`` are complete on ``on`` (no column: always)."""
    if column not in columns:
        return nw.lit(value=True)
    return nw.col(column).is_null() | (nw.col(column) >= nw.lit(on))


# --------------------------------------------------------------------------------------------
# Validation. The rules' query itself finds whether anything is wrong (see _per_person); only
# then do these checks run, one aggregation per table, to say exactly what and where.

_Check = tuple[str, str, nw.Expr]
"""A row check: the path, what is wrong (after a count of rows), the condition."""


def _people_checks(columns: Mapping[str, nw.dtypes.DType]) -> list[_Check]:
    pid = nw.col("person_id")
    born = nw.col("birth_date")
    checks: list[_Check] = [
        ("people.person_id", "null", pid.is_null()),
        ("people.birth_date", "null", born.is_null()),
        (
            "people.birth_date",
            f"outside the supported calendar, {SUPPORTED_FIRST_DAY} to {SUPPORTED_LAST_DAY}",
            (born < nw.lit(SUPPORTED_FIRST_DAY)) | (born > nw.lit(SUPPORTED_LAST_DAY)),
        ),
    ]
    if columns["person_id"] == nw.String:
        checks.insert(1, ("people.person_id", "empty or blank", _blank(pid)))
    if "municipality_code" in columns:
        blank = _blank(nw.col("municipality_code"))
        checks.append(("people.municipality_code", "empty or blank", blank))
    return checks


_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character Python's ``str.strip()`` strips (``str.isspace``), on every engine."""


def _blank(column: nw.Expr) -> nw.Expr:
    """Empty or only whitespace, as :class:`~kui_core.Youth` refuses it (``not value.strip()``)."""
    return column.str.strip_chars(_WHITESPACE) == ""


def _ended(table: str, start: str, end: str) -> _Check:
    return (f"{table}.{end}", f"before {start}", nw.col(end) < nw.col(start))


def _record_checks(table: str, frame: nw.LazyFrame[Any]) -> tuple[str, list[_Check]]:
    """The start column of a record table, and its row checks (after its dtypes')."""
    if table == "educations":
        _check_schema(frame, table, EDUCATIONS_SCHEMA)
        programme = nw.col("programme")
        started = nw.col("started_on")
        too_early = [
            (programme == p.value) & (started < nw.lit(dates.earliest_start))
            for p, dates in PROGRAMME_DATES.items()
            if dates.earliest_start is not None
        ]
        start = "started_on"
        required = ("person_id", "programme", "started_on")
        checks = [
            (
                "educations.programme",
                "not a Programme value",
                ~programme.is_in([p.value for p in Programme]),
            ),
            _ended(table, start, "completed_on"),
            _ended(table, start, "left_on"),
            (
                "educations.left_on",
                "set together with completed_on (a record is completed or left, not both)",
                ~nw.col("completed_on").is_null() & ~nw.col("left_on").is_null(),
            ),
            (
                "educations.started_on",
                "before the programme exists (Programme.dates)",
                nw.any_horizontal(*too_early, ignore_nulls=True),
            ),
        ]
    elif table == "employments":
        columns = _check_schema(frame, table, EMPLOYMENTS_SCHEMA)
        hours = nw.col("hours_per_week")
        bad_hours = (hours < 0) | (hours > 168)
        if columns["hours_per_week"].is_float():
            bad_hours = bad_hours | hours.is_nan()
        start = "start"
        required = ("person_id", "start", "hours_per_week")
        checks = [
            _ended(table, start, "end"),
            ("employments.hours_per_week", "outside 0 to 168 hours or NaN", bad_hours),
        ]
    else:
        _check_schema(frame, table, GUIDANCE_SCHEMA)
        start = "start"
        required = ("person_id", "authority", "start")
        checks = [
            (
                "guidance.authority",
                "not an Authority value",
                ~nw.col("authority").is_in([a.value for a in Authority]),
            ),
            _ended(table, start, "end"),
        ]
    return start, [
        *((f"{table}.{column}", "null", nw.col(column).is_null()) for column in required),
        *checks,
        (
            f"{table}.{start}",
            f"after the supported calendar's last day, {SUPPORTED_LAST_DAY}",
            nw.col(start) > nw.lit(SUPPORTED_LAST_DAY),
        ),
    ]


def _problems(checks: Sequence[_Check], counts: Mapping[str, int]) -> list[tuple[str, str]]:
    return [
        (path, f"{_rows_text(counts[f'{_C}{i}'])} {what}")
        for i, (path, what, _) in enumerate(checks)
        if counts[f"{_C}{i}"]
    ]


def _check_people(people: nw.LazyFrame[Any], columns: Mapping[str, nw.dtypes.DType]) -> None:
    checks = _people_checks(columns)
    exprs = [_count(expr, f"{_C}{i}") for i, (_, _, expr) in enumerate(checks)]
    exprs += [nw.len().alias(f"{_C}rows"), nw.col("person_id").n_unique().alias(f"{_C}ids")]
    counts = _rows(people.select(*exprs))
    problems = _problems(checks, counts)
    # n_unique counts a null as one value; nulls are reported above.
    nulls = counts[f"{_C}0"]
    duplicates = counts[f"{_C}rows"] - counts[f"{_C}ids"] - max(nulls - 1, 0)
    if duplicates:
        problems.append(("people.person_id", f"{_rows_text(duplicates)} repeat a person_id"))
    _raise(problems)


def _check_records(
    records: nw.LazyFrame[Any],
    people: nw.LazyFrame[Any],
    table: str,
    start: str,
    checks: list[_Check],
) -> None:
    """Row checks of a record table, and against ``people``: a person there, not before birth."""
    checks = [
        *checks,
        (f"{table}.person_id", "of a person not in people", nw.col(f"{_C}in").is_null()),
        (f"{table}.{start}", "before the person's birth_date", nw.col(start) < nw.col(f"{_C}born")),
    ]
    known = people.select(
        nw.col("person_id"),
        nw.col("birth_date").alias(f"{_C}born"),
        nw.lit(value=True).alias(f"{_C}in"),
    )  # people passed its checks first: no person_id repeats
    joined = records.join(known, on="person_id", how="left")
    exprs = [_count(expr, f"{_C}{i}") for i, (_, _, expr) in enumerate(checks)]
    _raise(_problems(checks, _rows(joined.select(*exprs))))


def _read_people(
    native: Any, by: str | None = None
) -> tuple[nw.LazyFrame[Any], dict[str, nw.dtypes.DType]]:
    people = _lazy(native, "people")
    columns = _check_schema(people, "people", PEOPLE_SCHEMA, _OPTIONAL_PEOPLE)
    if by is not None:
        if not isinstance(by, str):
            raise DataError("by", f"expected a column name of people, got {type(by).__name__}")
        if by not in people.collect_schema():
            raise DataError("by", "not a column of people")
    return people, columns


@attrs.frozen
class _Records:
    """A record table as the rules read it: its checks, and what it says per person."""

    name: str
    frame: nw.LazyFrame[Any]
    start: str
    checks: list[_Check]
    flags: Mapping[str, nw.Expr]
    """Per person: whether the condition holds for any record (0 or 1)."""
    hours: nw.Expr | None = None
    """Per person: the sum (the weekly hours on the day)."""


@attrs.frozen
class _Input:
    """The caller's tables, read and with their dtypes checked."""

    people: nw.LazyFrame[Any]
    columns: dict[str, nw.dtypes.DType]
    records: tuple[_Records, ...]

    def check_in_detail(self) -> None:
        """Raise the DataError that says what is wrong (the rules' query found something)."""
        _check_people(self.people, self.columns)
        for records in self.records:
            _check_records(records.frame, self.people, records.name, records.start, records.checks)


def _read(
    people: Any,
    records: Mapping[str, tuple[Any, Mapping[str, nw.Expr], nw.Expr | None]],
    by: str | None = None,
) -> _Input:
    """Read the tables; ``records`` maps a table name to its native frame, its flags and its
    hours (expressions are only names until they run: the dtypes are checked first)."""
    frame, columns = _read_people(people, by)
    frames = {"people": frame} | {
        name: _lazy(native, name) for name, (native, _, _) in records.items()
    }
    _same_engine(frames)
    read = []
    for name, (_, flags, hours) in records.items():
        start, checks = _record_checks(name, frames[name])
        dtype = frames[name].collect_schema()["person_id"]
        if dtype != columns["person_id"]:
            raise DataError(
                f"{name}.person_id",
                f"expected the dtype of people.person_id ({columns['person_id']}), got {dtype}",
            )
        read.append(_Records(name, frames[name], start, checks, flags, hours))
    return _Input(frame, columns, tuple(read))


# --------------------------------------------------------------------------------------------
# Everything per person, in one aggregation


def _int(value: int) -> nw.Expr:
    return nw.lit(value).cast(nw.Int8())


def _per_person(tables: _Input, on: _dt.date) -> nw.LazyFrame[Any]:
    """One row per person_id of any table: the people row's birth date and known days, and per
    record table the flags and hours (:class:`_Records`), with what validation needs: the
    number of people rows, the earliest start of a record and whether a row is bad.

    People and records are stacked (``concat``) and grouped once: no join, and the checks
    that need both tables (a record of nobody, a start before birth, a repeated person_id)
    come out of the same aggregation as the rules' flags.
    """
    flags = sorted({name for records in tables.records for name in records.flags})
    has_hours = any(records.hours is not None for records in tables.records)
    # Per person: whether any row of theirs says so (0 or 1 each).
    bit_names = (f"{_C}bad", f"{_C}edu_unknown", f"{_C}emp_unknown", *flags)
    # On polars the 0/1 columns travel as the bits of one integer, OR-ed per person: one
    # aggregation instead of one per flag (a third of the whole query's time on 1,000,000).
    packed = tables.people.implementation is nw.Implementation.POLARS

    def part(
        people: int,
        born: nw.Expr,
        start: nw.Expr,
        bits: Mapping[str, nw.Expr],
        hours: nw.Expr | None,
    ) -> list[nw.Expr]:
        """``bits``: the 0/1 (Int8) columns this table can set (the others are 0 here)."""
        if packed:
            terms = [
                bits[name].cast(nw.Int32()) * (1 << index)
                for index, name in enumerate(bit_names)
                if name in bits
            ]
            total = terms[0]  # bad: every table has checks
            for term in terms[1:]:
                total = total + term
            flag_columns = [total.cast(nw.Int32()).alias(f"{_C}bits")]
        else:
            flag_columns = [
                bits[name].alias(name) if name in bits else _int(0).alias(name)
                for name in bit_names
            ]
        return [
            nw.col("person_id"),
            # Int64: a count (Int8 sums may wrap on some engines); the flags are maxima.
            nw.lit(people).cast(nw.Int64()).alias(f"{_C}people"),
            born.cast(nw.Date()).alias("birth_date"),
            start.cast(nw.Date()).alias(f"{_C}start"),
            *flag_columns,
            *(
                [(_int(0) if hours is None else hours).cast(nw.Int64()).alias(f"{_C}hours")]
                if has_hours
                else []
            ),
        ]

    def bad(checks: Sequence[_Check]) -> nw.Expr:
        # ignore_nulls: a null (a comparison with a null date) is no problem found.
        return nw.any_horizontal(*(expr for _, _, expr in checks), ignore_nulls=True).cast(
            nw.Int8()
        )

    columns = tables.columns
    parts = [
        tables.people.select(
            *part(
                1,
                nw.col("birth_date"),
                nw.lit(_dt.date.max),
                {
                    f"{_C}bad": bad(_people_checks(columns)),
                    f"{_C}edu_unknown": (~_known(columns, "educations_known_until", on)).cast(
                        nw.Int8()
                    ),
                    f"{_C}emp_unknown": (~_known(columns, "employments_known_until", on)).cast(
                        nw.Int8()
                    ),
                },
                None,
            )
        )
    ]
    for records in tables.records:
        parts.append(
            records.frame.select(
                *part(
                    0,
                    nw.lit(_dt.date.min),
                    nw.col(records.start),
                    {
                        f"{_C}bad": bad(records.checks),
                        **{
                            name: expr.fill_null(value=False).cast(nw.Int8())
                            for name, expr in records.flags.items()
                        },
                    },
                    records.hours,
                )
            )
        )
    stacked = nw.concat(parts, how="vertical")
    if packed:
        return _per_person_on_polars(stacked, bit_names, has_hours)
    return (
        stacked.group_by("person_id")
        .agg(
            nw.col(f"{_C}people").sum(),
            nw.col("birth_date").max(),
            nw.col(f"{_C}start").min(),
            *(nw.col(name).max() for name in bit_names),
            *([nw.col(f"{_C}hours").sum()] if has_hours else []),
        )
        # Dask loses the Date dtype of a max or min (its result is typed object): restate it.
        .with_columns(nw.col("birth_date").cast(nw.Date()), nw.col(f"{_C}start").cast(nw.Date()))
    )


def _per_person_on_polars(
    stacked: nw.LazyFrame[Any], bit_names: Sequence[str], has_hours: bool
) -> nw.LazyFrame[Any]:
    """:func:`_per_person`'s aggregation on polars: the 0/1 columns packed as bits of
    ``_kui_bits`` are OR-ed per person (narwhals has no bitwise aggregation), then unpacked."""
    import polars as pl  # the caller's engine: installed

    bits = pl.col(f"{_C}bits")
    grouped = (
        stacked.to_native()
        .group_by("person_id")
        .agg(
            pl.col(f"{_C}people").sum(),
            pl.col("birth_date").max(),
            pl.col(f"{_C}start").min(),
            bits.bitwise_or(),
            *([pl.col(f"{_C}hours").sum()] if has_hours else []),
        )
        .with_columns(
            ((bits & (1 << index)) != 0).cast(pl.Int8).alias(name)
            for index, name in enumerate(bit_names)
        )
        .drop(f"{_C}bits")
    )
    result: nw.LazyFrame[Any] = nw.from_native(grouped)
    return result


_PRESENT = nw.col(f"{_C}people") > 0
"""A person of the people table (not only a person_id of some record)."""

_WRONG = (
    (nw.col(f"{_C}bad") > 0)
    | (~nw.col("person_id").is_null() & (nw.col(f"{_C}people") > 1))
    | (nw.col(f"{_C}people") == 0)
    | (nw.col(f"{_C}start") < nw.col("birth_date"))
)
"""A person_id with a bad row, a repeated person, records of nobody, or a start before birth:
the detailed checks then say which."""


_TRUE = nw.col("birth_date") == nw.col("birth_date")
"""True for every person, as a column of the engine's own nullable booleans (a literal is a
NumPy bool on pandas and Dask, which has no null)."""


def _flag(name: str) -> nw.Expr:
    return nw.col(f"{_C}{name}") > 0


def _weekly_hours(on: _dt.date) -> nw.Expr:
    """A job's hours where it runs on ``on``, else 0, in whole millionths of an hour
    (:func:`kui_core.youth.micro_hours`): their sum per person, an exact integer in any order,
    over :data:`~kui_core.youth.MICRO_HOURS` is :meth:`Youth.weekly_hours_on
    <kui_core.Youth.weekly_hours_on>`."""
    hours = nw.col("hours_per_week").cast(nw.Float64())
    # A bad value (NaN, out of range: the checks report it) must not break the cast first.
    hours = nw.when((hours >= 0) & (hours <= 168)).then(hours).otherwise(nw.lit(0.0))
    micro = (hours * MICRO_HOURS + 0.5).floor().cast(nw.Int64())
    return nw.when(_active("start", "end", on)).then(micro).otherwise(nw.lit(0).cast(nw.Int64()))


def _hours() -> nw.Expr:
    """The weekly hours per person (after :func:`_per_person`), as a float like the
    per-object path's."""
    return nw.col(f"{_C}hours").cast(nw.Float64()) / MICRO_HOURS


def _validated(tables: _Input, problems: int) -> None:
    if problems:
        tables.check_in_detail()


# --------------------------------------------------------------------------------------------
# Eligibility

_ANSWER = (
    "person_id",
    "age",
    "in_target_group",
    "enrolled",
    "outreach_required",
    "eligible_until",
)
"""The columns of :func:`eligibility`'s frame."""


def _eligibility_flags(
    on: _dt.date, policy: Policy, guidance: bool
) -> tuple[dict[str, nw.Expr], dict[str, nw.Expr]]:
    """What eligibility reads of each education record and guidance record (per person: any)."""
    exits = _programme_values("policy.target_group_exit", policy.target_group_exit)
    ends_outreach = sorted(
        set(_programme_values("policy.outreach_programmes", policy.outreach_programmes))
        - set(exits)
    )
    enrolment = _programme_values("policy.enrolment_programmes", policy.enrolment_programmes)
    programme = nw.col("programme")
    completed = nw.col("completed_on")
    done = ~completed.is_null() & (completed <= nw.lit(on))
    end = nw.coalesce(completed, nw.col("left_on"))
    educations = {
        f"{_C}exit": done & _among(programme, exits),
        f"{_C}youth": done & _among(programme, ends_outreach),
        f"{_C}enrolled": _among(programme, enrolment)
        & (nw.col("started_on") <= nw.lit(on))
        & (end.is_null() | (end > nw.lit(on))),
    }
    guided = {f"{_C}guided": _active("start", "end", on)} if guidance else {}
    return educations, guided


def _eligibility_answer(
    grouped: nw.LazyFrame[Any], on: _dt.date, policy: Policy, guidance: bool, tables: _Input
) -> tuple[nw.LazyFrame[Any], list[nw.Expr]]:
    """The per-person frame with the answer's inputs added, and the answer's columns
    (:data:`_ANSWER`) as expressions over it."""
    age = nw.col("age")
    in_target_group = (age >= policy.min_age) & (age < policy.age_limit) & ~_flag("exit")
    guided = _flag("guided") if guidance else nw.lit(value=False)
    due = nw.col("in_target_group") & ~nw.any_horizontal(
        nw.col("enrolled"),
        _hours() >= policy.outreach_work_hours,
        _flag("youth"),
        guided,
        ignore_nulls=True,
    )
    frame = grouped.with_columns(
        _age(on, policy.leap_day_rule).alias("age"), _flag("enrolled").alias("enrolled")
    ).with_columns(in_target_group.alias("in_target_group"))
    return frame, [
        nw.col("person_id"),
        nw.col("age"),
        nw.col("in_target_group"),
        nw.col("enrolled"),
        # Null where due but the records end before ``on`` (Kleene: False & null is False).
        # Not when/then/otherwise: Dask types a when without otherwise as object.
        (due & nw.when(_KNOWN).then(_TRUE)).alias("outreach_required"),
        _eligible_until(policy.age_limit, policy.leap_day_rule, tables.people.implementation).alias(
            "eligible_until"
        ),
    ]


_KNOWN = (nw.col(f"{_C}edu_unknown") == 0) & (nw.col(f"{_C}emp_unknown") == 0)
"""Both the education and the employment records are complete on the day."""


def _is_eager(native: Any) -> bool:
    return isinstance(nw.from_native(native), nw.DataFrame)


def eligibility(
    people: Any,
    educations: Any,
    employments: Any,
    on: _dt.date,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    guidance: Any | None = None,
) -> Any:
    """:func:`~kui_core.assess_eligibility` for everyone in ``people``, without the findings.

    Returns a frame of the engine of ``people`` (lazy in, lazy out) with one row per person, in
    no particular order: ``person_id``, ``age`` (Int64), ``in_target_group``, ``enrolled``,
    ``outreach_required`` (Boolean; null where the records cannot decide, where the per-object
    answer is ``None``) and ``eligible_until`` (Date). Without ``guidance`` nobody is guided by
    another authority.

    The tables are checked in the same aggregation the answer comes from: for an eager frame
    that is one pass; a lazy frame is checked eagerly first (one pass of that aggregation),
    and the query returned runs it again when the caller collects. (:func:`measure` gives
    this frame and both metrics from one pass.)
    """
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    edu_flags, guided = _eligibility_flags(on, policy, guidance is not None)
    records: dict[str, tuple[Any, Mapping[str, nw.Expr], nw.Expr | None]] = {
        "educations": (educations, edu_flags, None),
        "employments": (employments, {}, _weekly_hours(on)),
    }
    if guidance is not None:
        records["guidance"] = (guidance, guided, None)
    tables = _read(people, records)
    frame, columns = _eligibility_answer(
        _per_person(tables, on), on, policy, guidance is not None, tables
    )
    result = frame.select(*columns, _WRONG.alias(f"{_C}wrong"))
    if _is_eager(people):
        # Eager: one pass, the answer with a column saying whether anything was wrong.
        answer = _collect(result)
        _validated(tables, int(answer[f"{_C}wrong"].fill_null(value=False).sum()))
        return answer.drop(f"{_C}wrong").to_native()
    _validated(tables, _rows(result.select(_count(nw.col(f"{_C}wrong"), "problems")))["problems"])
    return result.drop(f"{_C}wrong").to_native()


# --------------------------------------------------------------------------------------------
# The metrics

_Marks = tuple[nw.Expr, nw.Expr, nw.Expr, nw.Expr]
"""Per person of a metric: in the numerator, the denominator, undecided, the population."""


def _marks(population: nw.Expr, counted: tuple[nw.Expr, nw.Expr, nw.Expr]) -> _Marks:
    member = _PRESENT & population
    numerator, denominator, undecided = (member & expr for expr in counted)
    return numerator, denominator, undecided, member


def _counts(
    tables: _Input,
    frame: nw.LazyFrame[Any],
    metrics: Mapping[str, _Marks],
    wrong: nw.Expr,
    by: str | None,
    policy: Policy,
) -> dict[str, Rate | Breakdown]:
    """Count numerator, denominator and undecided over each metric's population, and the
    problems (``wrong``), in one query over ``frame`` (with ``by``, per group); then build
    each Rate or Breakdown exactly as :mod:`kui_core.metrics` does (suppression, secondary
    suppression, stamp)."""
    names = {metric: [f"{_C}{metric}{i}" for i in range(4)] for metric in metrics}
    marks = [
        (mark, name)
        for metric, four in metrics.items()
        for mark, name in zip(four, names[metric], strict=True)
    ]
    stamp = audit_stamp(policy)
    if by is None:
        counts = _rows(
            frame.select(
                *(_count(mark, name) for mark, name in marks), _count(wrong, f"{_C}problems")
            )
        )
        _validated(tables, counts[f"{_C}problems"])
        return {
            metric: Rate(
                counts[numerator],
                counts[denominator],
                min_publishable_count=policy.min_publishable_count,
                undecided=counts[undecided],
                stamp=stamp,
            )
            for metric, (numerator, denominator, undecided, _) in names.items()
        }
    key = f"{_C}by"
    groups = tables.people.select(nw.col("person_id"), nw.col(by).alias(key))
    table = (
        frame.join(groups, on="person_id", how="left")
        .select(
            nw.col(key),
            *(mark.fill_null(value=False).cast(nw.Int64()).alias(name) for mark, name in marks),
            wrong.fill_null(value=False).cast(nw.Int64()).alias(f"{_C}problems"),
        )
        .group_by(key)
        .agg(*(nw.col(name).sum() for _, name in marks), nw.col(f"{_C}problems").sum())
        .with_columns(nw.col(key).is_null().alias(f"{_C}null"))
    )
    rows = _collect(table).rows(named=True)
    _validated(tables, sum(int(row[f"{_C}problems"]) for row in rows))
    return {
        metric: breakdown_of_counts(
            {
                None if row[f"{_C}null"] else _python(row[key]): [
                    int(row[name]) for name in four[:3]
                ]
                for row in rows
                if int(row[four[3]])
            },
            policy.min_publishable_count,
            stamp,
        )
        for metric, four in names.items()
    }


def _python(value: Any) -> Any:
    """A numpy scalar (pandas' rows) as the Python value it holds."""
    item: Callable[[], Any] | None = getattr(value, "item", None)
    return value if item is None or isinstance(value, str) else item()


def _born(first_born: _dt.date, last_born: _dt.date) -> nw.Expr:
    born = nw.col("birth_date")
    return (born >= nw.lit(first_born)) & (born <= nw.lit(last_born))


def _completion(
    on: _dt.date, age: int, policy: Policy, programmes: frozenset[Programme]
) -> tuple[dict[str, nw.Expr], _Marks]:
    """What completion_rate reads of each education record, and its marks per person."""
    age = check_age("age", age)
    counted = _programme_values("programmes", programmes)
    completed = nw.col("completed_on")
    hit = (completed <= nw.lit(on)) & _among(nw.col("programme"), counted)
    first_born, last_born = born_between(age, age, on, policy.leap_day_rule)
    completed_one = _flag("hit")
    # Someone with no completion recorded whose education records end before ``on``.
    undecided = ~completed_one & (nw.col(f"{_C}edu_unknown") > 0)
    return {f"{_C}hit": hit}, _marks(
        _born(first_born, last_born), (completed_one, ~undecided, undecided)
    )


def _neet(
    on: _dt.date, ages: tuple[int, int], policy: Policy, programmes: frozenset[Programme]
) -> tuple[dict[str, nw.Expr], _Marks]:
    """What neet_share reads of each education record, and its marks per person (it also
    reads the weekly hours and whether someone has a job at all: ``_C + "job"``)."""
    youngest, oldest = check_age_band(ages)
    counted = _programme_values("programmes", programmes)
    completed = nw.col("completed_on")
    left = nw.col("left_on")
    # Enrolled on ``on``, or a graduate of one of ``programmes``: not NEET.
    attached = (nw.col("started_on") <= nw.lit(on)) & (
        (~completed.is_null() & ((completed > nw.lit(on)) | _among(nw.col("programme"), counted)))
        | (completed.is_null() & (left.is_null() | (left > nw.lit(on))))
    )
    first_born, last_born = born_between(youngest, oldest, on, policy.leap_day_rule)
    # No job at all is never work, even where neet_work_hours is 0.
    working = _flag("job") & (_hours() >= policy.neet_work_hours)
    out = _flag("attached") | working
    return {f"{_C}attached": attached}, _marks(
        _born(first_born, last_born), (~out & _KNOWN, out | _KNOWN, ~out & ~_KNOWN)
    )


_JOB = {f"{_C}job": nw.lit(value=True)}
"""Per person: has any job (neet_share)."""


def completion_rate(
    people: Any,
    educations: Any,
    on: _dt.date,
    age: int = 25,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    by: str | None = None,
    *,
    programmes: frozenset[Programme] = COMPLETION_PROGRAMMES,
) -> Rate | Breakdown:
    """:func:`kui_core.completion_rate` over the tables: the same :class:`~kui_core.Rate` (or,
    with ``by``, a column of ``people``, the same :class:`~kui_core.Breakdown`; a null is the
    ``None`` group). ``by="municipality_code"`` is the per-object ``by="municipality"``.

    One query: the tables' checks come out of the same aggregation as the counts."""
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    flags, marks = _completion(on, age, policy, programmes)
    tables = _read(people, {"educations": (educations, flags, None)}, by)
    frame = _per_person(tables, on)
    return _counts(tables, frame, {"completion": marks}, _WRONG, by, policy)["completion"]


def neet_share(
    people: Any,
    educations: Any,
    employments: Any,
    on: _dt.date,
    ages: tuple[int, int] = (15, 24),
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    by: str | None = None,
    *,
    programmes: frozenset[Programme] = NEET_PROGRAMMES,
) -> Rate | Breakdown:
    """:func:`kui_core.neet_share` over the tables: the same :class:`~kui_core.Rate` (or, with
    ``by``, a column of ``people``, the same :class:`~kui_core.Breakdown`).

    One query: the tables' checks come out of the same aggregation as the counts."""
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    flags, marks = _neet(on, ages, policy, programmes)
    tables = _read(
        people,
        {
            "educations": (educations, flags, None),
            "employments": (employments, _JOB, _weekly_hours(on)),
        },
        by,
    )
    frame = _per_person(tables, on)
    return _counts(tables, frame, {"neet": marks}, _WRONG, by, policy)["neet"]


# --------------------------------------------------------------------------------------------
# All three at once


@attrs.frozen
class Measures:
    """The answers of :func:`measure`: what :func:`eligibility`, :func:`completion_rate` and
    :func:`neet_share` give for the same tables, from one pass."""

    eligibility: Any
    """The frame :func:`eligibility` gives: eager (already computed) for eager input; for lazy
    input a lazy query of the input's engine that runs when the caller collects it."""
    completion: Rate | Breakdown
    """:func:`completion_rate` (with ``by``: a Breakdown)."""
    neet: Rate | Breakdown
    """:func:`neet_share` (with ``by``: a Breakdown)."""


def _columns(names: Sequence[str]) -> _Marks:
    """The four marks of a metric as columns (of :func:`measure`'s computed answer)."""
    numerator, denominator, undecided, population = names
    return nw.col(numerator), nw.col(denominator), nw.col(undecided), nw.col(population)


def measure(
    people: Any,
    educations: Any,
    employments: Any,
    on: _dt.date,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    *,
    guidance: Any | None = None,
    completion_age: int = 25,
    neet_ages: tuple[int, int] = (15, 24),
    by: str | None = None,
    completion_programmes: frozenset[Programme] = COMPLETION_PROGRAMMES,
    neet_programmes: frozenset[Programme] = NEET_PROGRAMMES,
) -> Measures:
    """:func:`eligibility`, :func:`completion_rate` and :func:`neet_share` in one call, with
    exactly their answers, for the cost of about one of them: the tables are read, checked and
    grouped by ``person_id`` once for all three.

    ``completion_age`` and ``completion_programmes`` are completion_rate's ``age`` and
    ``programmes``; ``neet_ages`` and ``neet_programmes`` are neet_share's ``ages`` and
    ``programmes``; ``by`` groups both metrics (not the eligibility frame).

    Eager input: one pass computes the per-person answer, the checks and both metrics' marks;
    :attr:`Measures.eligibility` is the computed frame. Lazy input: one query computes the checks
    and both metrics (collected now); :attr:`Measures.eligibility` is a lazy query (lazy in, lazy
    out) that groups the tables again when the caller collects it.
    """
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    with_guidance = guidance is not None
    edu_flags, guided = _eligibility_flags(on, policy, with_guidance)
    completion_flags, completion = _completion(on, completion_age, policy, completion_programmes)
    neet_flags, neet = _neet(on, neet_ages, policy, neet_programmes)
    records: dict[str, tuple[Any, Mapping[str, nw.Expr], nw.Expr | None]] = {
        "educations": (educations, edu_flags | completion_flags | neet_flags, None),
        "employments": (employments, _JOB, _weekly_hours(on)),
    }
    if with_guidance:
        records["guidance"] = (guidance, guided, None)
    tables = _read(people, records, by)
    frame, columns = _eligibility_answer(_per_person(tables, on), on, policy, with_guidance, tables)
    metrics = {"completion": completion, "neet": neet}
    wrong = f"{_C}wrong"
    if _is_eager(people):
        # One pass: the answer, whether anything is wrong, and each metric's marks per person.
        names = {metric: tuple(f"{_C}{metric}_{i}" for i in range(4)) for metric in metrics}
        answer = _collect(
            frame.select(
                *columns,
                _WRONG.fill_null(value=False).alias(wrong),
                *(
                    mark.fill_null(value=False).alias(name)
                    for metric, marks in metrics.items()
                    for mark, name in zip(marks, names[metric], strict=True)
                ),
            )
        )
        _validated(tables, int(answer[wrong].sum()))
        counted = _counts(
            tables,
            answer.lazy(),
            {metric: _columns(four) for metric, four in names.items()},
            nw.col(wrong),  # all false: checked above
            by,
            policy,
        )
        eligible = answer.select(*_ANSWER).to_native()
    else:
        counted = _counts(tables, frame, metrics, _WRONG, by, policy)
        eligible = frame.select(*columns).to_native()
    return Measures(eligible, counted["completion"], counted["neet"])
