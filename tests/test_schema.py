"""JSON Schema of the documents: what ``dumps`` writes passes it, what ``loads`` refuses for type
reasons fails it, and a document ``loads`` accepts never fails it."""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import json
import re
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    NATIONAL_TARGETS,
    RULES,
    Application,
    Authority,
    CarePlacement,
    DataError,
    Employment,
    ExternalGuidance,
    Finding,
    People,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Rate,
    Youth,
    YouthCase,
    assess_eligibility,
    audit_stamp,
    neet_share,
    review_case,
    strategies,
    target_progress,
)
from kui_core.metrics import COMPLETION_MEASURE, NEET_MEASURE
from kui_core.schema import DATE_PATTERN, DIALECT, MODELS, schema_for
from kui_core.serialization import dumps, loads

D = _dt.date
Validator = jsonschema.Draft202012Validator

# --- strategies for every model with a schema ----------------------------------------------------

_ON = strategies.reference_days()


def _applications() -> st.SearchStrategy[Application]:
    programmes = [p for p in Programme if p is not Programme.PRIMARY_SCHOOL]
    return st.builds(
        Application,
        strategies.person_ids(),
        st.sampled_from(programmes),
        st.sampled_from([9, 10]),
        _ON,
        municipality_code=st.none() | st.sampled_from(["101", "561"]),
    )


def _timelines() -> st.SearchStrategy[PolicyTimeline]:
    changes = st.lists(st.tuples(_ON, strategies.policies()), max_size=2, unique_by=lambda c: c[0])
    return st.builds(PolicyTimeline, strategies.policies(), changes.map(lambda c: tuple(sorted(c))))


@st.composite
def _rates(draw: st.DrawFn) -> Rate:
    denominator = draw(st.integers(0, 10**6))
    ids = st.lists(strategies.person_ids(), max_size=3).map(tuple)
    people = draw(st.none() | st.builds(People, ids, ids, ids))
    stamp = draw(st.none() | strategies.policies().map(audit_stamp))
    return Rate(
        draw(st.integers(0, denominator)),
        denominator,
        min_publishable_count=draw(st.integers(1, 20)),
        secondary_suppression=draw(st.booleans()),
        undecided=draw(st.integers(0, 50)),
        people=people,
        stamp=stamp,
    )


_TARGETS = list(NATIONAL_TARGETS.values())
_MEASURES = [COMPLETION_MEASURE, NEET_MEASURE, *(t.measure for t in _TARGETS if t.measure)]
_YEARS = st.integers(2015, 2030)


def _one_of(items: Any) -> Any:
    return st.sampled_from(list(items))


STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Application": _applications(),
    "AuditStamp": strategies.policies(with_severities=True).map(audit_stamp),
    "CarePlacement": strategies.youths(in_care=True).flatmap(lambda y: _one_of(y.in_care)),
    "CaseReport": _ON.flatmap(
        lambda on: (strategies.cases(on=on) | strategies.cases(False, on=on)).map(
            lambda case: review_case(case, on)
        )
    ),
    "CoordinatorAssignment": strategies.coordinator_assignments(),
    "DutyLapse": strategies.duty_lapses(),
    "EducationPlan": strategies.plans(),
    "EducationRecord": strategies.education_records(),
    "Eligibility": _ON.flatmap(
        lambda on: strategies.youths(on).map(lambda youth: assess_eligibility(youth, on))
    ),
    "Employment": strategies.employments(),
    "ExternalGuidance": strategies.youths(guided_elsewhere=True).flatmap(
        lambda y: _one_of(y.guided_elsewhere)
    ),
    "Finding": strategies.findings(),
    "Goal": strategies.goals(),
    "Intervention": strategies.interventions(),
    "LegalBasis": strategies.legal_bases(),
    "Measure": _one_of(_MEASURES),
    "Milestone": strategies.milestones(),
    "MunicipalUnit": strategies.units(),
    "Observation": _one_of(o for t in _TARGETS for o in t.observed),
    "Offer": strategies.offers(),
    "Participant": strategies.participants(),
    "People": st.builds(People, *[st.lists(strategies.person_ids(), max_size=3).map(tuple)] * 3),
    "Period": strategies.periods(),
    "PlanReport": strategies.plan_examples().map(lambda example: example.validate()),
    "Policy": strategies.policies() | strategies.policies(with_severities=True),
    "PolicyTimeline": _timelines(),
    "Progress": st.builds(
        target_progress,
        st.dictionaries(_YEARS, st.floats(0, 1), min_size=1, max_size=4),
        _one_of(_TARGETS),
    ),
    "Rate": _rates()
    | _ON.flatmap(lambda on: strategies.cohorts(on, max_size=4).map(lambda c: neet_share(c, on))),
    "Rule": _one_of(RULES.values()),
    "Target": _one_of(_TARGETS),
    "Youth": strategies.youths(),
    "YouthCase": strategies.cases(),
}


@functools.cache
def validator(name: str) -> jsonschema.protocols.Validator:
    return Validator(schema_for(MODELS[name]), format_checker=Validator.FORMAT_CHECKER)


def problems(name: str, document: Any) -> list[str]:
    """Where and why the schema refuses ``document`` (paths and keywords: no values shown)."""
    return [f"{e.json_path}: {e.validator}" for e in validator(name).iter_errors(document)]


NAMES = sorted(MODELS)


def test_every_model_has_a_strategy_here() -> None:
    assert set(STRATEGIES) == set(MODELS)


@pytest.mark.parametrize("name", NAMES)
def test_the_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = schema_for(MODELS[name])
    Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["title"] == name
    json.dumps(schema, allow_nan=False)  # plain JSON data


# --- (1) every document dumps writes passes ------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=8, deadline=None)
@given(data=st.data())
def test_every_document_dumps_writes_validates(name: str, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[name])
    assert type(value) is MODELS[name]
    document = json.loads(dumps(value))
    assert problems(name, document) == []
    del document["schema_version"]  # optional on input
    assert problems(name, document) == []


# --- (2) what loads refuses for type reasons fails, what it accepts passes -----------------------

# The reasons ``loads`` gives for a value of the wrong JSON type or shape (serialization's hooks).
# Value rules (a bound, 9 or 10, an end before its start) are not all in the schema.
_TYPE_REASON = re.compile(
    r"expected (a boolean|an integer|a number|a string|an array|an object|one of|a date as"
    r"|a CPR number as|10 digits as)\b|expected \S+( or \S+)+, got"
    r"|required field missing|unknown field|not a real calendar date|unknown rule code"
    r"|unsupported schema_version|the items of a set must be unique"
)

# Wrong JSON types, non-dates, bad enum values, booleans for numbers, CPR look-alikes. No float
# with an integer value: JSON Schema counts 5.0 as an integer, loads does not (documented).
_REPLACEMENTS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    0.5,
    -2.5,
    "",
    " ",
    "x",
    "error",
    "2024-02-29",
    "2023-02-29",
    "2024-1-01",
    "01-02-2024",
    "2024-01-01\n",
    "20240101",
    "2024-W01-1",
    "0102031234",
    "0102031234\n",
    "010203-1234",
    [],
    ["x", "x"],
    {},
    {"start": "2024-01-01"},
]


def _locations(document: Any) -> list[tuple[Any, ...]]:
    """The path of every value inside ``document`` (keys and indexes)."""
    found: list[tuple[Any, ...]] = []
    todo: list[tuple[tuple[Any, ...], Any]] = [((), document)]
    while todo:
        path, value = todo.pop()
        items = (
            value.items()
            if type(value) is dict
            else enumerate(value)
            if type(value) is list
            else ()
        )
        for key, item in items:
            found.append((*path, key))
            todo.append(((*path, key), item))
    return found


def _objects(document: Any) -> list[tuple[Any, ...]]:
    return [()] + [p for p in _locations(document) if type(_at(document, p)) is dict]


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


@st.composite
def mutated(draw: st.DrawFn, name: str) -> Any:
    """A valid document of ``name`` with one thing changed: a value replaced, a key removed, or
    an unknown key added."""
    document = json.loads(dumps(draw(STRATEGIES[name])))
    kind = draw(st.sampled_from(["replace", "remove", "add"]))
    if kind == "add":
        target = _at(document, draw(st.sampled_from(_objects(document))))
        target[draw(st.sampled_from(["zz_unknown", "schema_version", "Period"]))] = 1
        return document
    path = draw(st.sampled_from(_locations(document)))
    parent = _at(document, path[:-1])
    if kind == "remove" and type(parent) is dict:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(_REPLACEMENTS)))
    return document


def _refusal(document: Any, cls: type[Any]) -> list[str] | None:
    """Why ``loads`` refuses ``document``; ``None`` where it accepts it."""
    try:
        loads(json.dumps(document), cls)
    except DataError as error:
        return [reason for _, reason in error.errors]
    return None


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_the_schema_agrees_with_loads_on_mutated_documents(name: str, data: st.DataObject) -> None:
    document = data.draw(mutated(name))
    reasons = _refusal(document, MODELS[name])
    if reasons is None:
        assert problems(name, document) == []
    elif all(_TYPE_REASON.match(reason) for reason in reasons):
        assert problems(name, document), reasons


def _youth() -> dict[str, Any]:
    youth = Youth(
        "p-1",
        D(2006, 2, 28),
        employments=(Employment(Period(D(2024, 1, 1)), 12),),
        in_care=(CarePlacement(Period(D(2020, 1, 1), D(2024, 2, 28))),),
        guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(D(2024, 3, 1))),),
    )
    document: dict[str, Any] = json.loads(dumps(youth))
    return document


TYPE_MISTAKES = [
    ("wrong JSON type", lambda d: d.update(person_id=7)),
    ("object for a string", lambda d: d.update(municipality_code={})),
    ("unknown key", lambda d: d.update(nickname="P")),
    ("unknown key in a nested object", lambda d: d["employments"][0].update(note="x")),
    ("missing required key", lambda d: d.pop("birth_date")),
    ("missing nested required key", lambda d: d["employments"][0]["period"].pop("start")),
    ("bad enum value", lambda d: d["guided_elsewhere"][0].update(authority="school")),
    (
        "enum value of the wrong case",
        lambda d: d["guided_elsewhere"][0].update(authority="JOBCENTRE"),
    ),
    ("non-date string", lambda d: d.update(birth_date="28.2.2006")),
    ("datetime for a date", lambda d: d.update(birth_date="2006-02-28T00:00:00")),
    ("no such day", lambda d: d.update(educations_known_until="2023-02-29")),
    ("bool where a number is expected", lambda d: d["employments"][0].update(hours_per_week=True)),
    ("string number", lambda d: d["employments"][0].update(hours_per_week="12")),
    ("bool where a bool is not expected", lambda d: d["in_care"][0].update(consent="yes")),
    ("object for an array", lambda d: d.update(educations={})),
    ("array item of the wrong type", lambda d: d["in_care"][0].update(ungeplan_dates=[5])),
    ("CPR of the wrong shape", lambda d: d.update(cpr="280206-12345")),
    ("CPR with a final newline", lambda d: d.update(cpr="2802061234\n")),
    ("schema_version 2", lambda d: d.update(schema_version=2)),
    ("schema_version as text", lambda d: d.update(schema_version="1")),
    ("schema_version true", lambda d: d.update(schema_version=True)),
]


@pytest.mark.parametrize("mistake", TYPE_MISTAKES, ids=[m[0] for m in TYPE_MISTAKES])
def test_documents_loads_refuses_for_type_reasons_fail_the_schema(mistake: Any) -> None:
    document = _youth()
    assert problems("Youth", document) == []
    mistake[1](document)
    with pytest.raises(DataError) as refused:
        loads(json.dumps(document), Youth)
    assert all(_TYPE_REASON.match(reason) for _, reason in refused.value.errors)
    assert problems("Youth", document)


def test_policy_severities_take_rule_codes_and_levels_only() -> None:
    code = next(iter(RULES))
    good = json.loads(dumps(Policy(severities={code: None})))
    assert problems("Policy", good) == []
    severities: Any
    for severities in ({"no.such_rule": "error"}, {code: "fatal"}, {code: 1}, []):
        bad = {**good, "severities": severities}
        with pytest.raises(DataError):
            loads(json.dumps(bad), Policy)
        assert problems("Policy", bad)


def test_a_finding_names_a_catalogue_rule() -> None:
    finding = json.loads(dumps(Finding("coordination.gap", period=Period(D(2024, 1, 1)))))
    assert problems("Finding", finding) == []
    finding["code"] = "coordination.gaps"
    with pytest.raises(DataError, match="unknown rule code"):
        loads(json.dumps(finding), Finding)
    assert problems("Finding", finding) == ["$.code: enum"]


# --- what the schema says ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_required_fields_are_those_without_a_default(name: str) -> None:
    cls = MODELS[name]
    schema = schema_for(cls)
    fields = attrs.fields(cls)
    required = [f.alias for f in fields if f.default is attrs.NOTHING]
    assert schema.get("required", []) == required
    assert list(schema["properties"]) == ["schema_version", *(f.alias for f in fields)]
    assert schema["additionalProperties"] is False
    for nested in schema["$defs"].values():
        assert (
            nested.get("type") != "object"
            or "propertyNames" in nested
            or (nested["additionalProperties"] is False)
        )


@pytest.mark.parametrize("name", NAMES)
def test_defaults_are_documented_and_valid(name: str) -> None:
    schema = schema_for(MODELS[name])
    for key, prop in schema["properties"].items():
        if "default" in prop:
            assert key not in schema.get("required", [])
            document = {"$defs": schema["$defs"], **prop}
            Validator(document, format_checker=Validator.FORMAT_CHECKER).validate(prop["default"])


def test_youth_schema_pinned_in_parts() -> None:
    schema = schema_for(Youth)
    props = schema["properties"]
    assert props["schema_version"] == {
        "description": "The version of the JSON format; optional, and 1 where given.",
        "type": "integer",
        "const": 1,
    }
    assert props["person_id"] == {"type": "string", "minLength": 1, "pattern": "\\S"}
    assert props["birth_date"] == {"$ref": "#/$defs/date"}
    assert props["cpr"] == {
        "anyOf": [{"$ref": "#/$defs/CprNumber"}, {"type": "null"}],
        "default": None,
    }
    assert props["educations"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/EducationRecord"},
        "default": [],
    }
    assert schema["$defs"]["date"]["pattern"] == DATE_PATTERN
    assert schema["$defs"]["date"]["format"] == "date"
    assert schema["$defs"]["Authority"]["enum"] == ["jobcentre", "social_services", "other"]
    assert "completed_on not before started_on" in schema["description"]
    assert schema["description"].startswith("A young person: identity, birth date, education")


def test_numbers_carry_the_validators_bounds() -> None:
    hours = schema_for(Employment)["properties"]["hours_per_week"]
    assert hours == {"type": "number", "minimum": 0, "maximum": 168}
    policy = schema_for(Policy)["properties"]
    assert policy["min_publishable_count"]["type"] == "integer"
    assert policy["min_publishable_count"]["minimum"] == 1
    assert policy["target_group_exit"]["uniqueItems"] is True
    assert policy["target_group_exit"]["items"] == {"$ref": "#/$defs/Programme"}
    assert policy["severities"]["$ref"] == "#/$defs/Severities"
    assert policy["severities"]["default"] == {}
    assert policy["severities"]["description"].startswith("Source: Municipal choice")


def test_fixed_tuples_and_unions() -> None:
    timeline = schema_for(PolicyTimeline)["properties"]["changes"]
    assert timeline["items"] == {
        "type": "array",
        "prefixItems": [{"$ref": "#/$defs/date"}, {"$ref": "#/$defs/Policy"}],
        "items": False,
        "minItems": 2,
    }
    target = schema_for(MODELS["Target"])["properties"]["source"]
    assert target == {"anyOf": [{"$ref": "#/$defs/LegalBasis"}, {"type": "string"}]}


def test_cpr_forms_as_loads_reads_them() -> None:
    cpr = Validator(schema_for(Youth)["$defs"]["CprNumber"])
    for good in ("290204-4321", "2902044321", "311299-0000"):
        assert cpr.is_valid(good)
    for bad in ("290204 4321", "290204-4321\n", "2902044321\n", "320104-4321", "291304-4321"):
        assert not cpr.is_valid(bad), bad


def test_a_class_that_is_no_model_has_no_schema() -> None:
    from kui_core import CprNumber

    for cls in (CprNumber, dict, "Youth"):
        with pytest.raises(TypeError, match="expected a kui-core model class"):
            schema_for(cls)  # type: ignore[arg-type]


def test_a_model_kui_core_cannot_serialise_has_no_schema() -> None:
    @attrs.frozen
    class Odd:
        anything: dict[str, int]

    with pytest.raises(TypeError, match="has no JSON Schema"):
        schema_for(Odd)


def test_two_types_of_one_name_are_refused() -> None:
    def make() -> type[Any]:
        @attrs.frozen
        class Part:
            text: str

        return Part

    whole = attrs.make_class(
        "Whole", {"first": attrs.field(type=make()), "second": attrs.field(type=make())}
    )
    with pytest.raises(TypeError, match="two types named 'Part'"):
        schema_for(whole)


def test_a_model_without_docstring_or_required_fields() -> None:
    @attrs.frozen
    class Bare:
        count: int = 0

    Bare.__doc__ = None
    schema = schema_for(Bare)
    assert "required" not in schema
    assert schema["description"].startswith("Checks the shape of the document.")
    assert schema["properties"]["count"] == {"type": "integer", "default": 0}


def test_the_schema_is_pure_and_stable() -> None:
    assert schema_for(YouthCase) == schema_for(YouthCase)
    assert json.dumps(schema_for(YouthCase)) == json.dumps(schema_for(YouthCase))
    assert Policy() == DEFAULT_POLICY  # building a schema changes nothing


def test_descriptions_are_the_docstrings_first_paragraph_as_plain_text() -> None:
    @attrs.frozen
    class Described:
        """For a :class:`~kui_core.cpr.CprNumber`, see :attr:`the severities
        <kui_core.Policy.severities>` and :func:`kui_core.serialization.dumps`: ``id``\\ s.

        Not this paragraph.
        """

        id: str

    description = schema_for(Described)["description"]
    assert description.startswith(
        "For a `CprNumber`, see `Policy.severities` and `dumps`: `id`s. Checks the shape"
    )
    assert "Not this paragraph" not in description
