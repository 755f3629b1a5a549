"""The fast path of ``loads``/``iter_jsonl``/``structure`` accepts exactly what the detailed path
accepts, builds equal objects, and never changes an error (issue 15, item 3).

The six models read by the million (``Youth`` and its records) are built by hand-written builders
in ``serialization`` without their attrs ``__init__``. Every document here is read twice: by the
public functions, and by a reference that is today's detailed path alone (the pair-keeping JSON
parser, then the detailed converter and the models' validators). Both must accept with equal
objects written back identically, or both refuse with the same ``DataError`` (type, message,
path, every problem). The builders themselves are also checked directly against the detailed
converter: each accepts a document exactly when the other does.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import pickle
import random
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    Application,
    ApplicationShares,
    Authority,
    Breakdown,
    CarePlacement,
    CprNumber,
    DataError,
    EducationRecord,
    Employment,
    ExternalGuidance,
    LegalBasis,
    Period,
    Programme,
    Rate,
    Youth,
    application_shares,
    legal,
    strategies,
)
from kui_core import serialization as ser
from kui_core.serialization import converter, dumps, iter_jsonl, loads, loads_jsonl, structure
from test_fuzz import Twice, emit

D = _dt.date
FAST_MODELS = [Youth, EducationRecord, Employment, Period, CarePlacement, ExternalGuidance]


# -- the reference: today's detailed path alone ----------------------------------------------------


def reference(text: str | bytes, cls: Any) -> Any:
    """``loads`` as the detailed path alone does it (no fast builder)."""
    doc = ser._parse(text)
    return reference_structure(doc, cls)


def reference_structure(doc: Any, cls: Any) -> Any:
    doc = ser._copy_top(doc)
    ser._strip_versions(doc, cls)
    try:
        return converter.get_structure_hook(cls)(doc, cls)
    except Exception as exc:
        error = ser._data_error(exc)
    raise error


def outcome(run: Callable[[], Any]) -> tuple[str, Any]:
    """``("ok", the value and its JSON)`` or ``("error", everything a caller sees of it)``."""
    try:
        value = run()
    except DataError as error:
        return "error", (type(error), str(error), error.path, error.reason, error.errors)
    return "ok", (value, dumps(value))


def same_as_reference(text: str, cls: Any) -> str:
    """Check ``loads`` (text and bytes) and ``iter_jsonl`` against the reference; the outcome."""
    expected = outcome(lambda: reference(text, cls))
    assert outcome(lambda: loads(text, cls)) == expected
    assert outcome(lambda: loads(text.encode("utf-8", "surrogatepass"), cls)) == outcome(
        lambda: reference(text.encode("utf-8", "surrogatepass"), cls)
    )
    kind, detail = expected
    got_kind, got = outcome(lambda: list(iter_jsonl([text + "\n"], cls)))
    if not text.strip():
        assert (got_kind, got[0]) == ("ok", [])  # a blank line is skipped
        return kind
    assert got_kind == kind
    if kind == "ok":
        assert got[0] == [detail[0]]
        assert dumps(got[0][0]) == detail[1]
    else:
        error_type, _, path, reason, errors = detail
        prefixed = tuple((f"line 1: {where}", why) for where, why in errors)
        assert got[0] is error_type
        assert (got[2], got[3], got[4]) == (f"line 1: {path}", reason, prefixed)
    return kind


def same_in_both_converters(doc: Any, cls: Any) -> str:
    """The fast builder accepts ``doc`` exactly when the detailed converter does, equally."""
    expected = outcome(lambda: reference_structure(doc, cls))
    try:
        own = ser._copy_top(doc)
        ser._strip_versions(own, cls)
        fast = ser._fast.get_structure_hook(cls)(own, cls)
    except Exception:
        assert expected[0] == "error", "the fast path refused what the detailed path accepts"
    else:
        assert expected[0] == "ok", "the fast path accepted what the detailed path refuses"
        assert (fast, dumps(fast)) == expected[1]
    assert outcome(lambda: structure(doc, cls)) == expected
    return expected[0]


# -- mutations -------------------------------------------------------------------------------------

DAY_TEXTS = [
    "1857-12-31", "1858-01-01", "2299-12-31", "2300-01-01", "0001-01-01", "9999-12-31",
    "2007-07-31", "2007-08-01", "2019-07-31", "2019-08-01", "2029-12-31", "2030-01-01",
    "2024-02-29", "2023-02-29", "2024-02-30", "20240229", "2024-W01-1", "2024-1-01", "2024-01-1 ",
    "\uff12\uff10\uff12\uff14-01-01", "2024\u201001-01", "+024-01-01", "2024-13-01", "0000-01-01",
]  # fmt: skip
VALUES: list[Any] = [
    None, True, False, 0, 1, -1, 25, 25.0, 37.5, 168, 168.0, 168.5, 169, -0.0, -1.5, 1e308,
    10**20, "", " ", "x", "a:b", "\ud800", "p\udfffq", "stx", "fgu", "stu", "epx", "eud", "STX",
    "jobcentre", "other", "290204-4321", "2902044321", "290204 4321", "310299-4321", [], {},
    [None], ["2024-01-01"], {"start": "2024-01-01"}, *DAY_TEXTS,
]  # fmt: skip
EXTRA_KEYS = ["extra", "schema_version", "290204-4321", "", "start", "period", "person_id"]


def places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += places(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += places(child, (*path, index))
    return found


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def put(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy: Any = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = put(node[head], rest, value)
    return copy


def shifted(text: Any, days: int) -> str | None:
    if not isinstance(text, str):
        return None
    try:
        return (D.fromisoformat(text) + _dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None


def mutate(doc: Any, rng: random.Random) -> Any:
    """One semantic or type mutation of a JSON tree (a :class:`Twice` for a key twice)."""
    spots = places(doc)
    objects = [p for p in spots if isinstance(at(doc, p), dict)]
    dated = [p for p in spots if isinstance(at(doc, p), str) and shifted(at(doc, p), 0)]
    kind = rng.choice(["value", "shift", "shift", "drop", "add", "twice", "both", "hours"])
    if kind == "shift" and dated:
        where = rng.choice(dated)
        days = rng.choice([-36500, -3650, -366, -1, 1, 366, 3650])
        return put(doc, where, shifted(at(doc, where), days) or "0001-01-01")
    if kind == "drop" and objects:
        where = rng.choice(objects)
        node = at(doc, where)
        if node:
            key = rng.choice(sorted(node))
            return put(doc, where, {k: v for k, v in node.items() if k != key})
    if kind == "add" and objects:
        where = rng.choice(objects)
        return put(doc, where, {**at(doc, where), rng.choice(EXTRA_KEYS): rng.choice(VALUES)})
    if kind == "twice" and objects:
        where = rng.choice(objects)
        pairs = list(at(doc, where).items())
        if pairs:
            key, value = rng.choice(pairs)
            again = value if rng.random() < 0.5 else rng.choice(VALUES)
            pairs.insert(rng.randrange(len(pairs) + 1), (key, again))
            return put(doc, where, Twice(pairs))
    records = [p for p in objects if "started_on" in at(doc, p)]
    if kind == "both" and records:
        where = rng.choice(records)
        node = at(doc, where)
        later = shifted(node["started_on"], rng.choice([0, 1, 400]))
        return put(doc, where, {**node, "completed_on": later, "left_on": later})
    jobs = [p for p in objects if "hours_per_week" in at(doc, p)]
    if kind == "hours" and jobs:
        where = rng.choice(jobs)
        hours = rng.choice([0, 168, 168.0, 168.0000001, 169, -1, True, False, 1e400, "37"])
        return put(doc, where, {**at(doc, where), "hours_per_week": hours})
    return put(doc, rng.choice(spots), rng.choice(VALUES))


def text_of(tree: Any) -> str:
    return emit(tree, ascii_only=True)


def has_twice(tree: Any) -> bool:
    if isinstance(tree, Twice):
        return True
    if isinstance(tree, dict):
        return any(has_twice(value) for value in tree.values())
    return isinstance(tree, list) and any(has_twice(item) for item in tree)


# -- properties ------------------------------------------------------------------------------------

STRATEGIES: list[tuple[st.SearchStrategy[Any], Any]] = [
    (strategies.youths(), Youth),
    (strategies.youths(in_care=True, guided_elsewhere=True, unknown_records=True), Youth),
    (strategies.youths(with_cpr=True), Youth),
    (strategies.education_records(), EducationRecord),
    (strategies.employments(), Employment),
    (strategies.periods(), Period),
]


@pytest.mark.parametrize("pair", STRATEGIES, ids=lambda pair: pair[1].__name__)
@settings(max_examples=30)
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_valid_and_mutated_documents_read_as_the_detailed_path_reads_them(
    pair: tuple[st.SearchStrategy[Any], Any], data: st.DataObject, seed: int
) -> None:
    strategy, cls = pair
    value = data.draw(strategy)
    text = dumps(value)
    assert same_as_reference(text, cls) == "ok"
    assert loads(text, cls) == value
    doc = json.loads(text)
    assert same_in_both_converters(doc, cls) == "ok"
    rng = random.Random(seed)
    for _ in range(6):
        tree = mutate(doc, rng)
        same_as_reference(text_of(tree), cls)
        if not has_twice(tree):
            same_in_both_converters(tree, cls)
        doc = tree if not has_twice(tree) and rng.random() < 0.3 else doc  # mutate again


@settings(max_examples=20)
@given(cohort=strategies.cohorts())
def test_a_cohort_reads_the_same_by_lines_and_by_documents(cohort: Any) -> None:
    youths = list(cohort)
    lines = [dumps(youth) + "\n" for youth in youths]
    assert list(iter_jsonl(lines, Youth)) == youths
    assert [loads(line, Youth) for line in lines] == youths


# -- every check of the builders, one example each ------------------------------------------------

BORN = "2004-02-29"
BASE: dict[str, Any] = {
    "person_id": "Y1",
    "birth_date": BORN,
    "educations": [
        {"programme": "primary_school", "started_on": "2010-08-12", "completed_on": "2020-06-24",
         "left_on": None},
        {"programme": "eud", "started_on": "2020-08-12", "completed_on": None,
         "left_on": "2021-05-13"},
        {"programme": "fgu", "started_on": "2021-08-12"},
    ],
    "employments": [
        {"period": {"start": "2021-05-16", "end": None}, "hours_per_week": 25},
        {"period": {"start": "2020-01-01"}, "hours_per_week": 7.5},
    ],
    "in_care": [
        {"period": {"start": "2016-01-01", "end": "2022-01-01"}, "decided_on": "2015-12-01",
         "consent": False, "ungeplan_dates": ["2019-01-01", "2021-06-01"],
         "support_decided_on": "2021-12-01"},
        {"period": {"start": "2005-01-01", "end": "2006-01-01"}},
    ],
    "cpr": "290204-4321",
    "municipality_code": "101",
    "guided_elsewhere": [
        {"authority": "jobcentre", "period": {"start": "2022-01-01", "end": "2023-01-01"}},
    ],
    "educations_known_until": "2025-06-30",
    "employments_known_until": None,
}  # fmt: skip

E0 = ("educations", 0)
E1 = ("educations", 1)
J0 = ("employments", 0)
C0 = ("in_care", 0)
G0 = ("guided_elsewhere", 0)
DROP = object()

# (name, where, new value): ``DROP`` removes the key.
CHANGES: list[tuple[str, tuple[Any, ...], Any]] = [
    ("valid", (), BASE),
    ("only the required fields", (), {"person_id": "Y1", "birth_date": BORN}),
    ("not an object", (), []),
    ("extra key", ("extra",), 1),
    ("ten keys, one unknown", ("educations",), DROP),
    ("person_id missing", ("person_id",), DROP),
    ("person_id blank", ("person_id",), "  "),
    ("person_id a number", ("person_id",), 7),
    ("person_id with a lone surrogate", ("person_id",), "Y\ud8001"),
    ("person_id with Danish letters", ("person_id",), "Ærø-1"),
    ("person_id with a colon", ("person_id",), "Y:1"),
    ("birth_date before the calendar", ("birth_date",), "1857-12-31"),
    ("birth_date after the calendar", ("birth_date",), "2300-01-01"),
    ("birth_date a datetime", ("birth_date",), "2004-02-29T00:00"),
    ("birth_date not a day", ("birth_date",), "2004-02-30"),
    ("birth_date as YYYYMMDD", ("birth_date",), "20040229"),
    ("birth_date as a week", ("birth_date",), "2004-W09-7"),
    ("birth_date in wide digits", ("birth_date",), "\uff12004-02-29"),
    ("educations not an array", ("educations",), {}),
    ("educations null", ("educations",), None),
    ("education not an object", E0, "stx"),
    ("education extra key", (*E0, "extra"), 1),
    ("education four keys, one unknown", (*E0, "left_on"), DROP),
    ("programme unknown", (*E0, "programme"), "gymnasium"),
    ("programme not text", (*E0, "programme"), 3),
    ("programme missing", (*E0, "programme"), DROP),
    ("started_on not text", (*E0, "started_on"), 20100812),
    ("started_on before birth", (*E0, "started_on"), "2004-02-28"),
    ("started_on after the calendar", (*E0, "started_on"), "2300-01-01"),
    ("fgu before 1 August 2019", (*E0, "programme"), "fgu"),
    ("epx before 2030", (*E0, "programme"), "epx"),
    ("completed before started", (*E0, "completed_on"), "2010-08-11"),
    ("completed and left", (*E0, "left_on"), "2020-06-24"),
    ("left before started", (*E1, "left_on"), "2020-08-11"),
    ("left not a date", (*E1, "left_on"), 5),
    ("completed not a date", (*E0, "completed_on"), True),
    ("employment not an object", J0, None),
    ("employment extra key", (*J0, "extra"), 1),
    ("employment two keys, one unknown", (*J0, "hours_per_week"), DROP),
    ("hours above 168", (*J0, "hours_per_week"), 168.5),
    ("hours 168", (*J0, "hours_per_week"), 168),
    ("hours 0.0", (*J0, "hours_per_week"), 0.0),
    ("hours negative", (*J0, "hours_per_week"), -1),
    ("hours a boolean", (*J0, "hours_per_week"), True),
    ("hours text", (*J0, "hours_per_week"), "37"),
    ("hours beyond a float", (*J0, "hours_per_week"), 10**400),
    ("period not an object", (*J0, "period"), "2021-05-16"),
    ("period extra key", (*J0, "period", "extra"), 1),
    ("period two keys, one unknown", (*J0, "period", "end"), DROP),
    ("period start missing", (*J0, "period", "start"), DROP),
    ("period end before start", (*J0, "period", "end"), "2021-05-15"),
    ("period empty", (*J0, "period", "end"), "2021-05-16"),
    ("job before birth", (*J0, "period", "start"), "2004-02-28"),
    ("job after the calendar", (*J0, "period", "start"), "2300-01-01"),
    ("placement not an object", C0, []),
    ("placement extra key", (*C0, "extra"), 1),
    ("placement before birth", (*C0, "period", "start"), "2004-02-28"),
    ("placement after the calendar", (*C0, "period", "start"), "2300-01-01"),
    ("placement decided before birth", (*C0, "decided_on"), "2004-02-28"),
    ("placement support before birth", (*C0, "support_decided_on"), "2004-02-28"),
    ("placement ungeplan before birth", (*C0, "ungeplan_dates", 1), "2004-02-28"),
    ("placement ungeplan not a date", (*C0, "ungeplan_dates", 0), None),
    ("placement ungeplan not an array", (*C0, "ungeplan_dates"), "2019-01-01"),
    ("placement consent not a boolean", (*C0, "consent"), 0),
    ("placement decided not a date", (*C0, "decided_on"), 1),
    ("guidance not an object", G0, 1),
    ("guidance extra key", (*G0, "extra"), 1),
    ("guidance two keys, one unknown", (*G0, "period"), DROP),
    ("authority unknown", (*G0, "authority"), "police"),
    ("authority not text", (*G0, "authority"), None),
    ("guidance before birth", (*G0, "period", "start"), "2004-02-28"),
    ("guidance after the calendar", (*G0, "period", "start"), "2300-01-01"),
    ("cpr of another birth date", ("cpr",), "010203-1234"),
    ("cpr without the dash", ("cpr",), "2902044321"),
    ("cpr not a date", ("cpr",), "310204-4321"),
    ("cpr a number", ("cpr",), 2902044321),
    ("cpr null", ("cpr",), None),
    ("municipality blank", ("municipality_code",), ""),
    ("municipality a number", ("municipality_code",), 101),
    ("known until not a date", ("educations_known_until",), "soon"),
    ("known until a list", ("employments_known_until",), ["2025-01-01"]),
]


def changed(where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    *parent, key = where
    node = at(BASE, tuple(parent))
    if value is DROP:
        return put(BASE, tuple(parent), {k: v for k, v in node.items() if k != key})
    if isinstance(node, list):
        return put(BASE, where, value)
    return put(BASE, tuple(parent), {**node, key: value})


@pytest.mark.parametrize(("name", "where", "value"), CHANGES, ids=[c[0] for c in CHANGES])
def test_each_check_of_the_builders(name: str, where: tuple[Any, ...], value: Any) -> None:
    doc = changed(where, value)
    if name == "ten keys, one unknown":
        doc["unknown"] = []
    if name in ("education four keys, one unknown", "employment two keys, one unknown"):
        at(doc, where[:-1])["unknown"] = 1
    if name in ("period two keys, one unknown", "guidance two keys, one unknown"):
        at(doc, where[:-1])["unknown"] = 1
    text = json.dumps(doc)
    kind = same_as_reference(text, Youth)
    assert same_in_both_converters(doc, Youth) == kind
    assert kind == ("ok" if name in OK else "error"), name


OK = {
    "valid",
    "only the required fields",
    "person_id with Danish letters",
    "person_id with a colon",
    "hours 168",
    "hours 0.0",
    "period empty",
    "cpr without the dash",
    "cpr null",
}


@pytest.mark.parametrize("cls", FAST_MODELS, ids=lambda cls: cls.__name__)
def test_each_model_alone_and_in_a_list(cls: Any) -> None:
    docs = {
        Youth: BASE,
        EducationRecord: BASE["educations"][0],
        Employment: BASE["employments"][0],
        Period: BASE["employments"][0]["period"],
        CarePlacement: BASE["in_care"][0],
        ExternalGuidance: BASE["guided_elsewhere"][0],
    }
    doc = docs[cls]
    assert same_in_both_converters(doc, cls) == "ok"
    assert same_in_both_converters([doc, doc], list[cls]) == "ok"
    assert same_in_both_converters("x", cls) == "error"
    assert same_as_reference(json.dumps(doc), cls) == "ok"
    assert loads(json.dumps(doc), cls) == converter.structure(doc, cls)


class Text(str):
    """A ``str`` subclass: no JSON parser makes one, and the detailed path refuses it."""


class Array(list[Any]):
    """A ``list`` subclass (equal to ``[]`` when empty): no JSON array either."""


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("person_id",), Text("Y1")),
        (("birth_date",), Text(BORN)),
        (("birth_date",), D(2004, 2, 29)),
        ((*E0, "programme"), Programme.PRIMARY_SCHOOL),
        ((*E0, "programme"), Text("primary_school")),
        ((*E0, "started_on"), Text("2010-08-12")),
        ((*E0, "completed_on"), Text("2020-06-24")),
        ((*E1, "left_on"), Text("2021-05-13")),
        (("educations",), tuple(BASE["educations"])),
        (E0, OrderedDict(BASE["educations"][0])),
        ((*J0, "period"), OrderedDict(BASE["employments"][0]["period"])),
        (("in_care",), Array()),
        (("guided_elsewhere",), Array()),
        (("employments",), Array(BASE["employments"])),
        ((*J0, "hours_per_week"), math.nan),
        ((*J0, "hours_per_week"), math.inf),
        ((*J0, "hours_per_week"), Text("25")),
        ((*J0, "period", "start"), Text("2021-05-16")),
        ((*J0, "period", "end"), Text("2022-05-16")),
        ((*C0, "consent"), 1),
        ((*C0, "ungeplan_dates"), ()),
        ((*G0, "authority"), Authority.JOBCENTRE),
        (("cpr",), CprNumber("290204-4321")),
    ],
    ids=repr,
)
def test_python_data_the_detailed_path_refuses(where: tuple[Any, ...], value: Any) -> None:
    """``structure`` takes Python data: a subclass, a NaN or a model instance is no JSON value."""
    loads(json.dumps(BASE), Youth)  # the records of BASE are cached now
    assert same_in_both_converters(changed(where, value), Youth) == "error"


def test_the_caches_start_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    ser._DAYS.clear()
    ser._RECORDS.clear()
    ser._JOBS.clear()
    monkeypatch.setattr(ser, "_DAYS_KEPT", 3)
    monkeypatch.setattr(ser, "_RECORDS_KEPT", 1)
    monkeypatch.setattr(ser, "_JOBS_KEPT", 1)
    full_periods = put(BASE, ("employments", 1, "period"), {"start": "2020-01-01", "end": None})
    for _ in range(2):
        assert same_in_both_converters(BASE, Youth) == "ok"
        assert same_in_both_converters(full_periods, Youth) == "ok"
    assert len(ser._DAYS) <= 3
    assert len(ser._RECORDS) <= 1
    assert len(ser._JOBS) <= 1


def test_shared_records_are_equal_records() -> None:
    one, two = loads_jsonl(json.dumps(BASE) + "\n" + json.dumps(BASE), Youth)
    assert one == two == converter.structure(BASE, Youth)
    assert one.educations[0] is two.educations[0]  # read once
    assert one.employments[0] is two.employments[0]


@pytest.mark.parametrize(
    ("first", "then"),
    [(25, 25.0), (25.0, 25), (0.0, -0.0), (-0.0, 0.0), (0, 0.0), (0.0, 0), (1, True)],
    ids=repr,
)
def test_a_shared_job_keeps_the_type_of_its_hours(first: Any, then: Any) -> None:
    """25 and 25.0 (and 0.0 and -0.0) are equal, but written back differently: never shared."""
    for hours in (first, then, first):
        job = {"period": {"start": "2021-05-16", "end": None}, "hours_per_week": hours}
        doc = put(BASE, J0, job)
        assert same_as_reference(json.dumps(doc), Youth) == ("error" if hours is True else "ok")
        assert same_in_both_converters(doc, Youth) == ("error" if hours is True else "ok")
        if hours is not True:
            assert json.dumps(hours) in dumps(loads(json.dumps(doc), Youth))


def test_the_builders_know_every_field() -> None:
    """A field added to a model must be added to its builder (which sets every slot)."""
    for cls, setters in [
        (Youth, ser._YOUTH_SET),
        (EducationRecord, ser._EDUCATION_SET),
        (Employment, ser._EMPLOYMENT_SET),
        (Period, ser._PERIOD_SET),
        (CarePlacement, ser._PLACEMENT_SET),
        (ExternalGuidance, ser._GUIDANCE_SET),
    ]:
        assert set(ser._FAST_BUILDERS) == set(FAST_MODELS)
        assert len(setters) == len(attrs.fields(cls)) == len(cls.__slots__) - 1
        assert all(field.alias == field.name for field in attrs.fields(cls))


def test_a_subclass_is_not_built_as_its_base() -> None:
    @attrs.frozen
    class Tagged(Period):
        tag: str = "x"

    value = loads('{"start": "2024-01-01", "tag": "y"}', Tagged)
    assert type(value) is Tagged
    assert value == Tagged(D(2024, 1, 1), None, "y")


# -- a key twice, found by counting ----------------------------------------------------------------


@pytest.mark.parametrize(
    "pairs_at",
    [(), E0, J0, (*J0, "period"), C0, (*C0, "period"), G0, (*G0, "period")],
    ids=repr,
)
def test_a_key_twice_anywhere_in_a_youth_line_is_refused(pairs_at: tuple[Any, ...]) -> None:
    node = at(BASE, pairs_at)
    key = next(iter(node))
    tree = put(BASE, pairs_at, Twice([(key, node[key]), *node.items()]))
    text = text_of(tree)
    assert same_as_reference(text, Youth) == "error"
    with pytest.raises(DataError, match="duplicate key"):
        list(iter_jsonl([json.dumps(BASE), text], Youth))


def test_colons_in_strings_and_bytes_lines_still_read() -> None:
    doc = {**BASE, "person_id": "a:b", "municipality_code": ":"}
    text = json.dumps(doc)
    expected = converter.structure(doc, Youth)
    assert list(iter_jsonl([text, text.encode()], Youth)) == [expected, expected]
    assert list(iter_jsonl([json.dumps({"schema_version": 1, **BASE})], Youth)) == [
        converter.structure(BASE, Youth)
    ]
    assert same_as_reference(json.dumps({"schema_version": 2, **BASE}), Youth) == "error"


def test_an_optional_text_of_another_model_is_still_checked() -> None:
    doc = json.loads(dumps(legal.KUI_TITLE))
    for paragraph in ["§ 2 a", None, 5, "\ud800", ""]:
        same_in_both_converters({**doc, "paragraph": paragraph}, LegalBasis)


# -- the leftovers: results that cannot be loaded, input that is not text -------------------------


def test_a_breakdown_or_application_shares_cannot_be_loaded_2026_11_30() -> None:
    applications = [
        Application(f"p{index}", programme, 9, D(2025, 3, 1))
        for index, programme in enumerate([Programme.STX, Programme.EUD, Programme.HF] * 4)
    ]
    shares = application_shares(applications)
    by_programme = application_shares(applications, by=lambda a: a.programme.value)
    breakdown = by_programme.vocational
    assert isinstance(breakdown, Breakdown)
    for value, cls, path in [
        (breakdown, Breakdown, "$"),
        (shares, ApplicationShares, "$"),
        (shares, ApplicationShares[Rate], "$"),
        (by_programme, ApplicationShares[Breakdown], "$"),
        ([breakdown], list[Breakdown], "$[0]"),
    ]:
        name = "Breakdown" if path == "$[0]" or cls is Breakdown else "ApplicationShares"
        with pytest.raises(DataError) as caught:
            loads(dumps(value), cls)
        assert (caught.value.path, caught.value.reason) == (
            path,
            f"{name} cannot be loaded from JSON: compute it again from its data",
        )
        assert caught.value.__context__ is None
    with pytest.raises(DataError, match=r"^line 1: \$: Breakdown cannot be loaded"):
        list(iter_jsonl([dumps(breakdown)], Breakdown))


@pytest.mark.parametrize("data", [123, None, 1.5, ["{}"], {"person_id": "p"}], ids=repr)
def test_input_that_is_not_text_is_a_data_error(data: Any) -> None:
    with pytest.raises(DataError) as caught:
        loads(data, Youth)
    error = caught.value
    assert isinstance(error, TypeError)  # as it used to be
    assert (error.path, error.reason) == (
        "$",
        f"expected JSON as str or bytes, got {type(data).__name__}",
    )
    with pytest.raises(DataError) as caught:
        list(iter_jsonl([dumps(Youth("a", D(2008, 1, 1))), data], Youth))
    assert isinstance(caught.value, TypeError)
    assert caught.value.path == "line 2: $"
    assert caught.value.errors == (("line 2: $", error.reason),)
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, TypeError)
    assert (type(again), str(again), again.errors) == (
        type(caught.value),
        str(caught.value),
        caught.value.errors,
    )
