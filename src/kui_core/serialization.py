"""JSON for every kui-core model: one cattrs converter, ``dumps``/``loads`` and JSON Lines.

The format: dates as ISO ``YYYY-MM-DD`` (nothing else: no datetimes, no week
dates), enums by value, field names as in the model (snake_case; an attrs ``alias`` where the
attribute is private), tuples as arrays, frozensets as sorted arrays, a
:class:`~kui_core.cpr.CprNumber` as its ``DDMMYY-SSSS`` text. A top-level object carries
``"schema_version": 1``; on input the key is optional (absent means version 1) and must be the
integer 1 where present. Nothing is coerced: ``"5"`` is not an integer, ``true`` is not a number,
``5.7`` is not an integer (an integer is accepted where a float is expected). Bad input of any kind
raises :class:`~kui_core.errors.DataError` whose ``path`` names the field
(``$.educations[0].completed_on``) and whose ``errors`` lists every problem found.

Models are handled generically (hook factories for attrs classes, enums, tuples, frozensets), so
models added later work without registration. Two converters share the hooks: a fast one without
detailed validation does the work; only when it fails is the same input run through the detailed
public :data:`converter` to name every problem with its path. The core does no I/O: the JSON Lines
helpers take and return text.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._privacy import mask_keys, safe_key, unknown_code
from .catalogue import RULES, Severity
from .cpr import CprNumber
from .dates import SUPPORTED_FIRST_DAY, SUPPORTED_LAST_DAY
from .education import PROGRAMME_DATES, EducationRecord, Employment, Programme
from .errors import DataError
from .findings import Finding
from .periods import Period
from .policy import Policy, Severities
from .youth import Authority, CarePlacement, ExternalGuidance, Youth

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dumps",
    "dumps_jsonl",
    "iter_dumps_jsonl",
    "iter_jsonl",
    "loads",
    "loads_jsonl",
    "structure",
    "unstructure",
]

T = TypeVar("T")

SCHEMA_VERSION = 1
"""The version of the JSON format written by :func:`dumps` and accepted by :func:`loads`."""

_VERSION_KEY = "schema_version"

Hook = Callable[[Any, Any], Any]
UnstructureHook = Callable[[Any], Any]


class _Invalid(ValueError):
    """A hook's complaint about a JSON value; the message is the reason (never the value)."""


_JSON_KINDS: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}


def _kind(value: object) -> str:
    return _JSON_KINDS.get(type(value), type(value).__name__)


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp)


# --- scalars and enums ---------------------------------------------------------------------------
# cattrs looks up ``str``, ``int`` and ``float`` hooks by class hierarchy, so an enum deriving from
# ``str`` (``Programme``) or ``int`` reaches the scalar hook with its own type as ``tp``: each
# scalar hook hands such a type on to the enum hooks.


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_structure_factory(cl: type[enum.Enum]) -> Hook:
    members = {member.value: member for member in cl}
    value_types = frozenset(type(value) for value in members)
    allowed = ", ".join(json.dumps(value) for value in members)

    def structure_enum(value: Any, _: Any) -> enum.Enum:
        # Look up by type first: ``True == 1`` must not find the member with value 1.
        if type(value) in value_types:
            member = members.get(value)
            if member is not None:
                return member
        raise _Invalid(f"expected one of {allowed}")

    return structure_enum


_enum_hook = functools.cache(_enum_structure_factory)


def _structure_subclass(value: Any, tp: Any) -> Any:
    """A subclass of a scalar type: enums by value; nothing else is supported."""
    if not _is_enum(tp):
        raise _Invalid(f"{_name(tp)} values cannot be read")
    return _enum_hook(tp)(value, tp)


def _strict_scalar(cls: type[Any], accepted: tuple[type[Any], ...], expected: str) -> Any:
    """The hook for ``cls`` (and its enum subclasses): exactly the ``accepted`` JSON types.

    ``type(...) in`` rather than ``isinstance``: ``True`` is no integer and ``"5"`` no number.
    """

    def structure(value: Any, tp: Any) -> Any:
        if tp is not cls:
            return _structure_subclass(value, tp)
        if type(value) in accepted:
            return value
        raise _Invalid(f"expected {expected}, got {_kind(value)}")

    return structure


_has_surrogate = re.compile("[\ud800-\udfff]").search
_SURROGATE = "expected text without lone surrogates (not valid Unicode)"


def _structure_str(value: Any, tp: Any) -> Any:
    """A JSON string; one holding a lone surrogate (``"\\ud800"``) cannot be written as UTF-8
    (the CLI would crash printing it), so it is refused."""
    if tp is not str:
        return _structure_subclass(value, tp)
    if type(value) is str:
        if value.isascii() or _has_surrogate(value) is None:
            return value
        raise _Invalid(_SURROGATE)
    raise _Invalid(f"expected a string, got {_kind(value)}")


_structure_int = _strict_scalar(int, (int,), "an integer")
_structure_float = _strict_scalar(float, (float, int), "a number")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Invalid(f"expected a boolean, got {_kind(value)}")


_ISO_DATE_MATCH = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII).fullmatch
_from_iso = _dt.date.fromisoformat


def _structure_date(value: Any, tp: Any) -> Any:
    if tp is not _dt.date:
        return _structure_subclass(value, tp)  # datetime: not supported
    if type(value) is not str:
        raise _Invalid(f"expected a date as a YYYY-MM-DD string, got {_kind(value)}")
    if _ISO_DATE_MATCH(value) is None:
        # Never echo the text: it might be a CPR number in the wrong field.
        raise _Invalid("expected a date as YYYY-MM-DD")
    try:
        return _from_iso(value)
    except ValueError:
        raise _Invalid("not a real calendar date (YYYY-MM-DD)") from None


def _structure_date_fast(value: Any, tp: Any) -> Any:
    # The fast converter's date hook: it accepts exactly what ``_structure_date`` accepts (in
    # Python 3.11+ ``fromisoformat`` also reads ``YYYYMMDD`` and week dates such as
    # ``2024-W01-1``, but of those only ``YYYY-Www-D`` has 10 characters, and its 8th is a digit).
    if type(value) is str and len(value) == 10 and value[7] == "-" and tp is _dt.date:
        return _from_iso(value)
    raise _Invalid("not a date")  # the detailed converter says why


def _structure_optional_date_fast(value: Any, _: Any) -> Any:
    if value is None:
        return None
    if type(value) is str and len(value) == 10 and value[7] == "-":
        return _from_iso(value)
    raise _Invalid("not a date")


def _structure_optional_str_fast(value: Any, _: Any) -> Any:
    if value is None or (type(value) is str and (value.isascii() or _has_surrogate(value) is None)):
        return value
    raise _Invalid("not a string")  # the detailed converter says why


def _structure_cpr(value: Any, _: Any) -> CprNumber:
    if type(value) is not str:
        raise _Invalid(f"expected a CPR number as a DDMMYY-SSSS string, got {_kind(value)}")
    return CprNumber(value)  # its DataError never shows the digits


def _unstructure_cpr(value: CprNumber) -> str:
    # The one sanctioned place outside cpr.py that reveals the digits: serialized data.
    return value.reveal()


def _unstructure_date(value: _dt.date) -> str:
    return value.isoformat()


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _unstructure_str(value: str) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


# --- containers ----------------------------------------------------------------------------------


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)


def _is_optional(tp: Any) -> bool:
    if _origin(tp) not in (typing.Union, types.UnionType):
        return False
    args = typing.get_args(tp)
    return len(args) == 2 and type(None) in args


def _hook(conv: cattrs.Converter, tp: Any) -> Hook:
    """The structure hook for ``tp``; an enum's own (not the ``str``/``int`` hook it inherits)."""
    return _enum_hook(tp) if _is_enum(tp) else conv.get_structure_hook(tp)


_FAST_OPTIONALS: dict[Any, Hook] = {
    _dt.date: _structure_optional_date_fast,
    str: _structure_optional_str_fast,
}


def _optional_structure_factory(tp: Any, conv: cattrs.Converter) -> Hook:
    (inner,) = (arg for arg in typing.get_args(tp) if arg is not type(None))
    if not conv.detailed_validation and inner in _FAST_OPTIONALS:
        return _FAST_OPTIONALS[inner]  # one call instead of two on the hot path
    hook = _hook(conv, inner)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def _is_union(tp: Any) -> bool:
    return _origin(tp) in (typing.Union, types.UnionType)


def _union_structure_factory(tp: Any, conv: cattrs.Converter) -> Hook:
    """``A | B``: the first member that accepts the value (the hooks are strict, so a JSON
    object only fits a model, a string only a string-like member, ...)."""
    members = [(_hook(conv, arg), arg) for arg in typing.get_args(tp) if arg is not type(None)]
    allow_none = type(None) in typing.get_args(tp)
    expected = " or ".join(_name(arg) for _, arg in members)
    models = [arg for _, arg in members if _is_document_model(arg)]

    def structure_union(value: Any, _: Any) -> Any:
        if value is None and allow_none:
            return None
        for hook, arg in members:
            try:
                return hook(value, arg)
            except Exception:
                if type(value) is dict and len(models) == 1 and arg is models[0]:
                    raise  # an object meant as the one model: report its own problems
        raise _Invalid(f"expected {expected}, got {_kind(value)}")

    return structure_union


def _array_hook(item: Any, conv: cattrs.Converter, into: Callable[[list[Any]], Any]) -> Hook:
    """A JSON array (nothing else) of ``item`` values, as ``into(list)``.

    Detailed: cattrs' own list hook, whose notes give each bad item's index. Fast: a plain loop.
    """
    if conv.detailed_validation:
        as_list = list[item]
        base: Hook = list_structure_factory(as_list, conv)

        def structure_array(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise _Invalid(f"expected an array, got {_kind(value)}")
            return into(base(value, as_list))

        return structure_array

    hook = _hook(conv, item)

    def structure_array_fast(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise _Invalid("expected an array")
        return into([hook(element, item) for element in value])

    return structure_array_fast


def _is_list(tp: Any) -> bool:
    return _origin(tp) is list


def _list_structure_factory(tp: Any, conv: cattrs.Converter) -> Hook:
    (item,) = typing.get_args(tp)
    return _array_hook(item, conv, list)


def _is_tuple(tp: Any) -> bool:
    return _origin(tp) is tuple


def _tuple_structure_factory(tp: Any, conv: cattrs.Converter) -> Hook:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        return _array_hook(args[0], conv, tuple)
    return _fixed_tuple_hook(args, conv)


def _fixed_tuple_hook(args: tuple[Any, ...], conv: cattrs.Converter) -> Hook:
    """``tuple[A, B]``: an array of exactly that many items (cattrs' own would truncate)."""
    hooks = [(_hook(conv, arg), arg) for arg in args]
    detailed = conv.detailed_validation

    def structure_fixed_tuple(value: Any, tp: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _Invalid(f"expected an array, got {_kind(value)}")
        if len(value) != len(hooks):
            raise _Invalid(f"expected an array of {len(hooks)} items, got {len(value)}")
        if not detailed:
            return tuple([hook(item, arg) for (hook, arg), item in zip(hooks, value, strict=True)])
        result, errors = [], []
        for index, ((hook, arg), item) in enumerate(zip(hooks, value, strict=True)):
            try:
                result.append(hook(item, arg))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, arg)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(result)

    return structure_fixed_tuple


def _is_frozenset(tp: Any) -> bool:
    return _origin(tp) is frozenset


def _frozenset_structure_factory(tp: Any, conv: cattrs.Converter) -> Hook:
    (item,) = typing.get_args(tp)
    as_list = _array_hook(item, conv, list)

    def structure_frozenset(value: Any, _: Any) -> frozenset[Any]:
        items = as_list(value, None)
        result = frozenset(items)
        if len(result) != len(items):
            raise _Invalid("the items of a set must be unique")
        return result

    return structure_frozenset


def _is_sequence(tp: Any) -> bool:
    return tp in (list, tuple) or _origin(tp) in (list, tuple)


def _sequence_unstructure_factory(tp: Any, conv: cattrs.Converter) -> UnstructureHook:
    args = typing.get_args(tp)
    if len(args) == 1 or (len(args) == 2 and args[1] is Ellipsis):
        hook = conv.get_unstructure_hook(args[0])
        return lambda value: [hook(item) for item in value]
    if args:
        hooks = [conv.get_unstructure_hook(arg) for arg in args]
        return lambda value: [h(item) for h, item in zip(hooks, value, strict=True)]
    return lambda value: [conv.unstructure(item) for item in value]


def _is_any_frozenset(tp: Any) -> bool:
    return tp is frozenset or _origin(tp) is frozenset


def _frozenset_unstructure_factory(tp: Any, conv: cattrs.Converter) -> UnstructureHook:
    args = typing.get_args(tp)
    hook: UnstructureHook = conv.get_unstructure_hook(args[0]) if args else conv.unstructure

    def unstructure_frozenset(value: frozenset[Any]) -> list[Any]:
        items = [hook(item) for item in value]
        try:
            return sorted(items)
        except TypeError:  # items without an order (objects): order by their JSON text
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))

    return unstructure_frozenset


# --- models --------------------------------------------------------------------------------------


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _model_structure_factory(cl: type[Any], conv: cattrs.Converter) -> Hook:
    # Enum fields get their own hook directly (see ``_hook``); everything else from ``conv``.
    hints = typing.get_type_hints(cl)
    enum_fields: dict[str, Any] = {
        field.name: override(struct_hook=_enum_hook(hints[field.name]))
        for field in attrs.fields(cl)
        if _is_enum(hints.get(field.name))
    }
    fn: Hook = make_dict_structure_fn(
        cl,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_use_alias=True,
        _cattrs_detailed_validation=conv.detailed_validation,
        **enum_fields,
    )
    if not conv.detailed_validation:
        # The fast path: any wrong shape fails inside the generated code, and the detailed
        # converter then says what was wrong.
        return fn

    def structure_model(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise _Invalid(f"expected an object, got {_kind(value)}")
        return fn(value, cl)

    return structure_model


def _is_unloadable(tp: Any) -> bool:
    """A result that is a mapping (``Breakdown``, ``ApplicationShares``): written for people and
    other tools, never loaded (a breakdown's groups may be any value; JSON keeps no type)."""
    origin = _origin(tp) or tp
    return _is_model(origin) and issubclass(origin, Mapping)


def _unloadable_structure_factory(tp: Any) -> Hook:
    name = _name(_origin(tp) or tp)

    def structure_unloadable(value: Any, _: Any) -> Any:
        raise _Invalid(f"{name} cannot be loaded from JSON: compute it again from its data")

    return structure_unloadable


def _model_unstructure_factory(cl: type[Any], conv: cattrs.Converter) -> UnstructureHook:
    fn: UnstructureHook = make_dict_unstructure_fn(cl, conv, _cattrs_use_alias=True)
    return fn


# --- findings and policy severities --------------------------------------------------------------
# A Finding has no severity of its own to set: it takes it from its rule and a Policy. Its JSON
# records the severity it had; reading it back rebuilds the finding under a policy giving exactly
# that severity, so a document can no more contradict the catalogue than code can.


@attrs.frozen
class _FindingRecord:
    """The JSON shape of a :class:`Finding` (checked field by field like any model)."""

    code: str
    severity: Severity
    period: Period | None
    subject: str | None
    on: _dt.date | None = None


def _finding_structure_factory(cl: type[Finding], conv: cattrs.Converter) -> Hook:
    record = conv.get_structure_hook(_FindingRecord)

    def structure_finding(value: Any, _: Any) -> Finding:
        item: _FindingRecord = record(value, _FindingRecord)
        if item.code not in RULES:
            raise _Invalid(unknown_code(item.code))
        policy = Policy(severities={item.code: item.severity})
        try:
            return Finding(
                item.code, period=item.period, subject=item.subject, policy=policy, on=item.on
            )
        except DataError as error:
            raise _Invalid(error.reason) from None

    return structure_finding


def _structure_severities(value: Any, _: Any) -> Severities:
    if type(value) is not dict:
        raise _Invalid(f"expected an object, got {_kind(value)}")
    hook = _enum_hook(Severity)
    items: dict[str, Severity | None] = {}
    for code, level in value.items():
        if code not in RULES:
            raise _Invalid(unknown_code(code))
        items[code] = None if level is None else hook(level, Severity)
    return Severities(items)


def _unstructure_severities(value: Severities) -> dict[str, Any]:
    return {code: None if level is None else level.value for code, level in value.items()}


# --- the fast path of the records read by the million --------------------------------------------
# A population's JSON Lines are mostly these six models. They are built here in one pass: every
# check runs once, and each object is made without its attrs ``__init__`` (whose validators would
# check again what was just checked). Each builder accepts exactly what the detailed converter
# and the models' validators accept, and builds an equal object; on anything else it raises (any
# exception, no message: the caller then runs the detailed converter, which says what is wrong).
# ``tests/test_fast_loads.py`` runs both paths on valid and on broken documents. An object with
# every field (as ``dumps`` writes it) is read by indexing; one with fields left out has its keys
# checked first.

_new = object.__new__
_ABSENT: Any = object()


class _NotFast(ValueError):
    """Something the fast builders do not accept: the detailed converter says what."""


def _setters(cl: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of ``cl``'s fields, in order (a frozen class refuses ``setattr``)."""
    return tuple(cl.__dict__[field.name].__set__ for field in attrs.fields(cl))


def _keys(cl: type[Any]) -> frozenset[str]:
    return frozenset(field.alias for field in attrs.fields(cl))


_DAYS: dict[str, _dt.date] = {}
_DAYS_GET = _DAYS.get  # a hit without a call of _day (a date is never false)
_DAYS_KEPT = 50_000  # about 137 years of days (some 5 MB); the cache starts afresh when full


def _day(value: Any) -> _dt.date:
    """A date as ``_structure_date`` reads it; equal days are one shared object."""
    if type(value) is str:
        day = _DAYS.get(value)
        if day is not None:
            return day
        if len(value) == 10 and value[7] == "-":  # see _structure_date_fast
            day = _from_iso(value)
            if len(_DAYS) >= _DAYS_KEPT:
                _DAYS.clear()
            _DAYS[value] = day
            return day
    raise _NotFast


def _optional_day(value: Any) -> _dt.date | None:
    return None if value is None else _day(value)


def _text(value: Any) -> str:
    """A non-empty JSON string without lone surrogates (``is_nonempty_str``)."""
    if type(value) is str and (value.isascii() or _has_surrogate(value) is None) and value.strip():
        return value
    raise _NotFast


def _records(value: Any, build: Callable[[Any], T]) -> tuple[T, ...]:
    """A JSON array of records (absent: none)."""
    if value is _ABSENT:
        return ()
    if type(value) is not list:
        raise _NotFast
    return tuple(map(build, value))


_PERIOD_KEYS = _keys(Period)
_PERIOD_SET = _setters(Period)


def _period(value: Any, _: Any = None) -> Period:
    if type(value) is not dict:
        raise _NotFast
    if len(value) == 2:
        start, end = value["start"], value["end"]
    elif value.keys() <= _PERIOD_KEYS:
        start, end = value["start"], value.get("end")
    else:
        raise _NotFast
    start = (_DAYS_GET(start) if type(start) is str else None) or _day(start)
    if end is not None:
        end = (_DAYS_GET(end) if type(end) is str else None) or _day(end)
        if end < start:
            raise _NotFast
    period = _new(Period)
    set_start, set_end = _PERIOD_SET
    set_start(period, start)
    set_end(period, end)
    return period


_EDUCATION_KEYS = _keys(EducationRecord)
_EDUCATION_SET = _setters(EducationRecord)
_PROGRAMMES: dict[str, tuple[Programme, _dt.date]] = {
    programme.value: (programme, PROGRAMME_DATES[programme].earliest_start or _dt.date.min)
    for programme in Programme
}


_RECORDS: dict[tuple[str, str, str | None, str | None], EducationRecord] = {}
_RECORDS_KEPT = 50_000  # some 15 MB; the cache starts afresh when full


def _education(value: Any, _: Any = None) -> EducationRecord:
    # Records repeat (a year's school starts and ends): equal ones are read once, and shared.
    if type(value) is not dict:
        raise _NotFast
    if len(value) == 4:
        key = (value["programme"], value["started_on"], value["completed_on"], value["left_on"])
    elif value.keys() <= _EDUCATION_KEYS:
        get = value.get
        key = (value["programme"], value["started_on"], get("completed_on"), get("left_on"))
    else:
        raise _NotFast
    name, started, completed, left = key
    # Only exact strings (and None) were cached: a ``str`` subclass equal to one is no JSON.
    if type(name) is not str or type(started) is not str:
        raise _NotFast
    record = _RECORDS.get(key)
    if (
        record is not None
        and (completed is None or type(completed) is str)
        and (left is None or type(left) is str)
    ):
        return record
    programme, earliest = _PROGRAMMES[name]
    started = _day(started)
    if started < earliest:
        raise _NotFast
    if completed is not None:
        if left is not None:
            raise _NotFast  # both completed and left
        completed = _day(completed)
        if completed < started:
            raise _NotFast
    elif left is not None:
        left = _day(left)
        if left < started:
            raise _NotFast
    record = _new(EducationRecord)
    set_programme, set_started, set_completed, set_left = _EDUCATION_SET
    set_programme(record, programme)
    set_started(record, started)
    set_completed(record, completed)
    set_left(record, left)
    if len(_RECORDS) >= _RECORDS_KEPT:
        _RECORDS.clear()
    _RECORDS[key] = record
    return record


_EMPLOYMENT_KEYS = _keys(Employment)
_EMPLOYMENT_SET = _setters(Employment)


_JOBS: dict[tuple[Any, Any, Any, type[Any]], Employment] = {}
_JOBS_KEPT = 50_000  # some 15 MB; the cache starts afresh when full


def _employment(value: Any, _: Any = None) -> Employment:
    # Equal jobs are read once and shared, like education records. The key holds the type of
    # the hours (25 and 25.0 are equal, but are written back differently); a job of 0.0 hours is
    # not kept (-0.0 equals it, and is written back differently).
    if type(value) is not dict or not (len(value) == 2 or value.keys() <= _EMPLOYMENT_KEYS):
        raise _NotFast
    raw, hours = value["period"], value["hours_per_week"]
    key = None
    if type(raw) is dict and len(raw) == 2:
        start, end = raw["start"], raw["end"]
        key = (start, end, hours, type(hours))
        job = _JOBS.get(key)
        # Only exact strings were kept: a ``str`` subclass equal to one is no JSON.
        if job is not None and type(start) is str and (end is None or type(end) is str):
            return job
    period = _period(raw)
    # ``is_number(minimum=0, maximum=168)``: NaN and huge integers fail the comparison.
    if (type(hours) is not int and type(hours) is not float) or not 0 <= hours <= 168:
        raise _NotFast
    job = _new(Employment)
    set_period, set_hours = _EMPLOYMENT_SET
    set_period(job, period)
    set_hours(job, hours)
    if key is not None and (hours or type(hours) is int):
        if len(_JOBS) >= _JOBS_KEPT:
            _JOBS.clear()
        _JOBS[key] = job
    return job


_PLACEMENT_KEYS = _keys(CarePlacement)
_PLACEMENT_SET = _setters(CarePlacement)


def _placement(value: Any, _: Any = None) -> CarePlacement:
    if type(value) is not dict or not value.keys() <= _PLACEMENT_KEYS:
        raise _NotFast
    period = _period(value["period"])
    decided = _optional_day(value.get("decided_on"))
    consent = value.get("consent", True)
    if type(consent) is not bool:
        raise _NotFast
    days = _records(value.get("ungeplan_dates", _ABSENT), _day)
    support = _optional_day(value.get("support_decided_on"))
    placement = _new(CarePlacement)
    set_period, set_decided, set_consent, set_days, set_support = _PLACEMENT_SET
    set_period(placement, period)
    set_decided(placement, decided)
    set_consent(placement, consent)
    set_days(placement, days)
    set_support(placement, support)
    return placement


_GUIDANCE_KEYS = _keys(ExternalGuidance)
_GUIDANCE_SET = _setters(ExternalGuidance)
_AUTHORITIES = {authority.value: authority for authority in Authority}


def _guidance(value: Any, _: Any = None) -> ExternalGuidance:
    if type(value) is not dict or not (len(value) == 2 or value.keys() <= _GUIDANCE_KEYS):
        raise _NotFast
    name = value["authority"]
    if type(name) is not str:
        raise _NotFast
    authority = _AUTHORITIES[name]
    period = _period(value["period"])
    guidance = _new(ExternalGuidance)
    set_authority, set_period = _GUIDANCE_SET
    set_authority(guidance, authority)
    set_period(guidance, period)
    return guidance


_YOUTH_KEYS = _keys(Youth)
_YOUTH_SET = _setters(Youth)
_LAST = SUPPORTED_LAST_DAY


def _youth(value: Any, _: Any = None) -> Youth:
    if type(value) is not dict:
        raise _NotFast
    if len(value) == 10:
        person_id, born = value["person_id"], value["birth_date"]
        educations, employments = value["educations"], value["employments"]
        in_care, cpr, code = value["in_care"], value["cpr"], value["municipality_code"]
        guided = value["guided_elsewhere"]
        educations_known = value["educations_known_until"]
        employments_known = value["employments_known_until"]
    elif value.keys() <= _YOUTH_KEYS:
        get = value.get
        person_id, born = value["person_id"], value["birth_date"]
        educations, employments = get("educations", _ABSENT), get("employments", _ABSENT)
        in_care, cpr, code = get("in_care", _ABSENT), get("cpr"), get("municipality_code")
        guided = get("guided_elsewhere", _ABSENT)
        educations_known = get("educations_known_until")
        employments_known = get("employments_known_until")
    else:
        raise _NotFast
    if (
        type(person_id) is not str
        or not (person_id.isascii() or _has_surrogate(person_id) is None)
        or not person_id.strip()
    ):
        raise _NotFast
    born = (_DAYS_GET(born) if type(born) is str else None) or _day(born)
    if not SUPPORTED_FIRST_DAY <= born <= _LAST:
        raise _NotFast
    # Records start on or after birth and within the calendar (``youth._check_starts``).
    if type(educations) is list:
        educations = tuple(map(_education, educations))
        for record in educations:
            if not born <= record.started_on <= _LAST:
                raise _NotFast
    else:
        educations = _records(educations, _education)
    if type(employments) is list:
        employments = tuple(map(_employment, employments))
        for job in employments:
            if not born <= job.period.start <= _LAST:
                raise _NotFast
    else:
        employments = _records(employments, _employment)
    # Mostly none (an exact empty list: a subclass of list is no JSON array).
    in_care = () if type(in_care) is list and not in_care else _records(in_care, _placement)
    for placement in in_care:
        if not born <= placement.period.start <= _LAST:
            raise _NotFast
        for day in (placement.decided_on, placement.support_decided_on, *placement.ungeplan_dates):
            if day is not None and day < born:
                raise _NotFast
    if cpr is not None:
        if type(cpr) is not str:
            raise _NotFast
        cpr = CprNumber(cpr)
        if cpr.birth_date != born:
            raise _NotFast
    if code is not None:
        code = _text(code)
    guided = () if type(guided) is list and not guided else _records(guided, _guidance)
    for guidance in guided:
        if not born <= guidance.period.start <= _LAST:
            raise _NotFast
    youth = _new(Youth)
    (
        set_person_id,
        set_born,
        set_educations,
        set_employments,
        set_in_care,
        set_cpr,
        set_code,
        set_guided,
        set_educations_known,
        set_employments_known,
    ) = _YOUTH_SET
    set_person_id(youth, person_id)
    set_born(youth, born)
    set_educations(youth, educations)
    set_employments(youth, employments)
    set_in_care(youth, in_care)
    set_cpr(youth, cpr)
    set_code(youth, code)
    set_guided(youth, guided)
    set_educations_known(youth, None if educations_known is None else _day(educations_known))
    set_employments_known(youth, None if employments_known is None else _day(employments_known))
    return youth


_FAST_BUILDERS: dict[type[Any], Hook] = {
    Period: _period,
    EducationRecord: _education,
    Employment: _employment,
    CarePlacement: _placement,
    ExternalGuidance: _guidance,
    Youth: _youth,
}
"""The models built by the fast converter without their ``__init__`` (exact types only: a
subclass may add fields and checks)."""


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    # Factories first: hooks registered later take precedence.
    conv.register_structure_hook_factory(_is_model, _model_structure_factory)
    conv.register_structure_hook_factory(_is_enum, _enum_structure_factory)
    conv.register_structure_hook_factory(_is_union, _union_structure_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    conv.register_structure_hook_factory(_is_list, _list_structure_factory)
    conv.register_structure_hook_factory(_is_tuple, _tuple_structure_factory)
    conv.register_structure_hook_factory(_is_frozenset, _frozenset_structure_factory)
    for tp, hook in (
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (_dt.date, _structure_date if detailed else _structure_date_fast),
        (CprNumber, _structure_cpr),
        (Severities, _structure_severities),
    ):
        conv.register_structure_hook(tp, hook)
    conv.register_structure_hook_factory(lambda tp: tp is Finding, _finding_structure_factory)
    conv.register_structure_hook_factory(_is_unloadable, _unloadable_structure_factory)
    if not detailed:
        conv.register_structure_hook_factory(
            lambda tp: tp in _FAST_BUILDERS, lambda tp: _FAST_BUILDERS[tp]
        )

    conv.register_unstructure_hook_factory(_is_model, _model_unstructure_factory)
    conv.register_unstructure_hook_func(_is_enum, _unstructure_enum)
    conv.register_unstructure_hook_factory(_is_sequence, _sequence_unstructure_factory)
    conv.register_unstructure_hook_factory(_is_any_frozenset, _frozenset_unstructure_factory)
    conv.register_unstructure_hook(str, _unstructure_str)
    conv.register_unstructure_hook(_dt.date, _unstructure_date)
    conv.register_unstructure_hook(CprNumber, _unstructure_cpr)
    conv.register_unstructure_hook(Severities, _unstructure_severities)
    return conv


converter: cattrs.Converter = _make_converter(detailed=True)
"""The public converter (detailed validation): ``converter.structure`` raises cattrs' own
``ClassValidationError``; :func:`structure` and :func:`loads` turn that into a
:class:`~kui_core.errors.DataError`."""

_fast = _make_converter(detailed=False)


# --- errors --------------------------------------------------------------------------------------

_LEADING_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?=[.\[]|$)")


def _subpath(model_path: str) -> str | None:
    """``"Period.end"`` (a model validator's path) -> ``".end"``; ``"CprNumber"`` -> ``""``."""
    match = _LEADING_NAME.match(model_path)
    return None if match is None else model_path[match.end() :]


def _describe(exc: BaseException, tp: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(exc, DataError):
        found = []
        for model_path, reason in exc.errors:
            sub = _subpath(model_path)
            found.append(
                (path + sub, reason) if sub is not None else (path, f"{model_path}: {reason}")
            )
        return found
    if isinstance(exc, _Invalid):
        return [(path, str(exc))]
    if isinstance(exc, KeyError):
        return [(path, "required field missing")]
    if isinstance(exc, ForbiddenExtraKeysError):
        # A key is user text and might be a CPR number: show only plain field-like names.
        return [
            (f"{path}.{key}", "unknown field")
            if safe_key(key)
            else (path, "unknown field (name not shown)")
            for key in sorted(exc.extra_fields)
        ]
    # Anything else comes from inside cattrs; its text may quote the input, so it is not shown.
    expected = "" if tp is None else f", expected {_name(tp)}"
    return [(path, f"invalid value{expected}")]


def _data_error(exc: BaseException) -> DataError:
    """All problems of a failed detailed structuring, each with its ``$``-path."""
    leaves: list[tuple[BaseException, Any]] = []

    def remember(leaf: BaseException, tp: Any) -> str:
        leaves.append((leaf, tp))
        return str(len(leaves) - 1)

    found: list[tuple[str, str]] = []
    for line in cattrs.transform_error(exc, "$", remember):
        token, _, path = line.partition(" @ ")
        leaf, tp = leaves[int(token)]
        found.extend(_describe(leaf, tp, mask_keys(path)))
    return DataError(*found[0], errors=tuple(found))


# --- the document level --------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class _DuplicateKey(ValueError):
    """A JSON object with a key twice (:func:`_parse` finds where)."""


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Building the dict and comparing sizes costs little next to the decoding itself.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _DuplicateKey
    return obj


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its key-value pairs, duplicates kept (to say where one is)."""


_decoder = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_unique_object)
_decode = _decoder.decode
_decode_pairs = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_Pairs).decode
# The C scanner behind ``decode``, without its Python wrapper (not in typeshed's stubs).
_scan: Callable[[str, int], tuple[Any, int]] = _decoder.scan_once  # type: ignore[attr-defined]


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if safe_key(key) else f"{path}.<key not shown>"


def _duplicate_path(tree: Any) -> str:
    """The path of a key that is twice in its object, in ``tree`` (parsed into :class:`_Pairs`).

    A loop, not a recursion: the tree may be nested as deeply as the JSON parser allows.
    """
    todo: list[tuple[str, Any]] = [("$", tree)]
    while todo:
        path, value = todo.pop()
        if type(value) is _Pairs:
            seen: set[str] = set()
            for key, item in value:
                if key in seen:
                    return _key_path(path, key)
                seen.add(key)
                todo.append((_key_path(path, key), item))
        elif type(value) is list:
            todo.extend((f"{path}[{index}]", item) for index, item in enumerate(value))
    raise AssertionError("no duplicate key")  # pragma: no cover - only called with one


class _NotTextError(DataError, TypeError):
    """JSON that is not text: a ``DataError``, and still a ``TypeError`` (as it used to be)."""

    def __reduce__(self) -> tuple[object, ...]:
        return (_not_text_error, (self.path, self.reason, self.errors))


def _not_text_error(path: str, reason: str, errors: tuple[tuple[str, str], ...]) -> DataError:
    return _NotTextError(path, reason, errors=errors)


def _parse(data: str | bytes) -> Any:
    """The JSON value of ``data`` (UTF-8 if bytes); ``DataError`` at ``$`` if it is not JSON,
    and at the key's path where an object has a key twice."""
    if not isinstance(data, str | bytes | bytearray | memoryview):
        raise _NotTextError("$", f"expected JSON as str or bytes, got {type(data).__name__}")
    path = "$"
    try:
        text = data if isinstance(data, str) else bytes(data).decode("utf-8")
        try:
            return _decode(text)
        except _DuplicateKey:
            pass
        # Once more, keeping every pair, to say where (or find a syntax error after it).
        path = _duplicate_path(_decode_pairs(text))
        reason = "duplicate key (each key may appear once in an object)"
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column" if exc.lineno > 1 else "column"
        reason = f"invalid JSON: {exc.msg} at {where} {exc.colno}"
    except UnicodeDecodeError as exc:
        reason = f"invalid JSON: not UTF-8 (byte {exc.start})"
    except ValueError as exc:  # NaN/Infinity, integers beyond Python's digit limit
        reason = f"invalid JSON: {exc}"
    except RecursionError:
        reason = "invalid JSON: nested too deeply"
    raise DataError(path, reason)


def _pop_version(doc: dict[str, Any]) -> str | None:
    """Remove ``schema_version`` from a document's object; what is wrong with it, if anything.

    The one place the version is checked: absent means the current version.
    """
    version = doc.pop(_VERSION_KEY, SCHEMA_VERSION)
    if type(version) is int and version == SCHEMA_VERSION:
        return None
    return f"unsupported schema_version, expected {SCHEMA_VERSION}"


def _is_document_model(tp: Any) -> bool:
    """A model written as a JSON object (CprNumber is an attrs class written as a string)."""
    return _is_model(tp) and tp is not CprNumber


def _strip_versions(doc: Any, cls: Any) -> None:
    """Remove (and check) ``schema_version`` from the top-level object(s) of ``doc`` in place."""
    tops: list[tuple[str, Any]] = []
    if _is_document_model(cls):
        tops = [("$", doc)]
    elif _is_sequence(cls) and type(doc) is list:
        args = typing.get_args(cls)
        if args and _is_document_model(args[0]):
            tops = [(f"$[{index}]", item) for index, item in enumerate(doc)]
    for path, top in tops:
        if type(top) is dict:
            problem = _pop_version(top)
            if problem is not None:
                raise DataError(f"{path}.{_VERSION_KEY}", problem)


def _structure_owned(doc: Any, cls: Any) -> Any:
    """Structure a freshly parsed document (which may be modified)."""
    # Hooks are looked up outside the ``try``: a type no hook can handle is a programming
    # error (cattrs' StructureHandlerNotFoundError), not bad data.
    fast, detailed = _fast.get_structure_hook(cls), converter.get_structure_hook(cls)
    _strip_versions(doc, cls)
    try:
        return fast(doc, cls)
    except Exception:  # the detailed converter below says exactly what was wrong
        pass
    try:
        result = detailed(doc, cls)
    except Exception as exc:
        error = _data_error(exc)
    else:
        # The two converters share their hooks, so the detailed one fails where the fast one did.
        return result  # pragma: no cover
    # Raised outside the ``except``: cattrs' exception, which may quote the input (a key that is
    # a CPR number), must not stay in the chain (``__context__``) of a logged traceback.
    raise error


@overload
def structure(data: Any, cls: type[T]) -> T: ...
@overload
def structure(data: Any, cls: Any) -> Any: ...
def structure(data: Any, cls: Any) -> Any:
    """Build ``cls`` (a model, ``list[Model]``, ...) from already parsed JSON data.

    For callers with their own JSON parser. ``data`` is not modified. Raises ``DataError``.
    """
    return _structure_owned(_copy_top(data), cls)


def _copy_top(data: Any) -> Any:
    # Only the top level (and a top-level array's objects) lose their schema_version key.
    if type(data) is dict:
        return dict(data)
    if type(data) is list:
        return [dict(item) if type(item) is dict else item for item in data]
    return data


def unstructure(obj: Any) -> Any:
    """The JSON data (dicts, lists, strings, numbers, ``None``) of ``obj``, as :func:`dumps`
    writes it: a model's object, or each object of a list of models, gets ``schema_version``."""
    data = converter.unstructure(obj)
    if type(data) is dict and _is_document_model(type(obj)):
        return {_VERSION_KEY: SCHEMA_VERSION, **data}
    if type(data) is list and isinstance(obj, list | tuple):
        return [
            {_VERSION_KEY: SCHEMA_VERSION, **item}
            if type(item) is dict and _is_document_model(type(original))
            else item
            for original, item in zip(obj, data, strict=True)
        ]
    return data


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON text of a model (or a list of models, a date, an enum ...); see the module doc."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(
        unstructure(obj), ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )


@overload
def loads(data: str | bytes, cls: type[T]) -> T: ...
@overload
def loads(data: str | bytes, cls: Any) -> Any: ...
def loads(data: str | bytes, cls: Any) -> Any:
    """Parse JSON text (``str``, or UTF-8 ``bytes``) into ``cls``: a model, ``list[Model]``, ...

    Raises ``DataError`` for invalid JSON (path ``$``) and for every problem in the data, with
    the field path (``$.educations[0].completed_on``). ``loads(dumps(x), type(x)) == x``.
    """
    return _structure_owned(_parse(data), cls)


# --- JSON Lines ----------------------------------------------------------------------------------


def iter_dumps_jsonl(objs: Iterable[Any]) -> Iterator[str]:
    """One JSON Lines line (with its ``"\\n"``) per object, lazily: for writing big cohorts."""
    for obj in objs:
        yield dumps(obj) + "\n"


def dumps_jsonl(objs: Iterable[Any]) -> str:
    """JSON Lines text: one :func:`dumps` document per line, each ending in ``"\\n"``."""
    return "".join(iter_dumps_jsonl(objs))


def _line_error(number: int, error: DataError) -> DataError:
    prefix = f"line {number}: "
    return type(error)(
        prefix + error.path,
        error.reason,
        errors=tuple((prefix + path, reason) for path, reason in error.errors),
    )


def iter_jsonl(lines: Iterable[str | bytes], cls: type[T]) -> Iterator[T]:
    """Lazily parse JSON Lines (one ``cls`` document per line; blank lines skipped).

    ``lines`` is any iterable of lines, such as an open file. A bad line raises ``DataError``
    whose path starts with its 1-based line number: ``line 3: $.birth_date``.
    """
    fast = _fast.get_structure_hook(cls)
    document_model = _is_document_model(cls)
    count_keys = _KEY_COUNTS.get(cls)
    scan = _scan if count_keys is None else _scan_plain
    for number, line in enumerate(lines, 1):
        try:
            if type(line) is str:
                # Fails (StopIteration) on leading whitespace: the slow path handles that.
                doc, end = scan(line, 0)
                rest = len(line) - end  # most lines end in the one "\n" after the value
                if rest and (rest > 1 or line[end] != "\n") and line[end:].strip(" \t\r\n"):
                    raise _Invalid("text after the JSON value")
                # Where the objects were built without a hook, a key twice is counted for below.
                colons = None if count_keys is None else line.count(":")
            else:
                doc = _parse(line)
                colons = None
            keys = 0
            if document_model and type(doc) is dict and _VERSION_KEY in doc:
                keys = 1
                version = doc.pop(_VERSION_KEY)
                if type(version) is not int or version != SCHEMA_VERSION:
                    raise _Invalid(_VERSION_KEY)  # the slow path below says what is wrong
            value = fast(doc, cls)
            if colons is not None and count_keys is not None and colons != keys + count_keys(doc):
                raise _Invalid("a key twice, or a ':' in a string")
        except Exception:
            value = _SLOW  # not handled here: the exception may quote the line
        if value is _SLOW:
            if isinstance(line, str | bytes | bytearray) and not line.strip():
                continue  # a blank line
            value = _structure_line(line, cls, number)
        yield value


_SLOW: Any = object()

# A Youth line is decoded without ``object_pairs_hook`` (the C decoder builds the objects, twice
# as fast), so a key written twice is not seen there. It is found by counting instead: in JSON
# text every ``:`` outside a string separates a key from its value, and an object with a key
# twice keeps one of them. A line with exactly as many ``:`` as its decoded objects have keys has
# no key twice (and no ``:`` in a string); any other line goes the slow way, which says where.
_scan_plain: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(
    parse_constant=_reject_constant
).scan_once  # type: ignore[attr-defined]


def _youth_keys(doc: dict[str, Any]) -> int:
    """The keys of all objects in a Youth document that ``_youth`` accepted (so each object in it
    is one of the known records)."""
    keys = len(doc)
    if keys == 10:
        educations, employments = doc["educations"], doc["employments"]
        others = doc["in_care"] + doc["guided_elsewhere"]
    else:
        get = doc.get
        educations, employments = get("educations", ()), get("employments", ())
        others = [*get("in_care", ()), *get("guided_elsewhere", ())]
    keys += sum(map(len, educations))
    for item in employments:
        keys += len(item) + len(item["period"])
    for item in others:
        keys += len(item) + len(item["period"])
    return keys


_KEY_COUNTS: dict[Any, Callable[[Any], int]] = {Youth: _youth_keys}


def _structure_line(line: Any, cls: Any, number: int) -> Any:
    """One line through the detailed path: anything but text, bad JSON or bad data raises a
    DataError (raised outside the ``except``: no exception that saw the line in its chain)."""
    try:
        return _structure_owned(_parse(line), cls)
    except DataError as exc:
        error = _line_error(number, exc)
    raise error


def loads_jsonl(data: str | bytes | bytearray | Iterable[str | bytes], cls: type[T]) -> list[T]:
    """Parse JSON Lines text (or an iterable of lines) into a list of ``cls``; see
    :func:`iter_jsonl`. Lines are split on ``"\\n"`` only (a ``"\\r"`` before it is ignored)."""
    if isinstance(data, str):
        return list(iter_jsonl(data.split("\n"), cls))
    if isinstance(data, bytes | bytearray):
        return list(iter_jsonl(bytes(data).split(b"\n"), cls))
    return list(iter_jsonl(data, cls))
