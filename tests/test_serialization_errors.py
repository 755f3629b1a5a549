"""Bad input: every problem is a ``DataError`` with a ``$``-path, nothing is coerced, no CPR
digits ever appear in a message, and garbage never raises anything else."""

from __future__ import annotations

import datetime as _dt
import enum
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    NATIONAL_TARGETS,
    CprNumber,
    DataError,
    EducationPlan,
    Employment,
    Finding,
    Period,
    Policy,
    Programme,
    Rate,
    Severity,
    Target,
    Youth,
    YouthCase,
    serialization,
    strategies,
)
from kui_core.serialization import (
    dumps,
    iter_jsonl,
    loads,
    loads_jsonl,
    structure,
    unstructure,
)

D = _dt.date

BASE = {"person_id": "p", "birth_date": "2008-05-17"}


def problems(document: Any, cls: Any = Youth) -> tuple[tuple[str, str], ...]:
    """The ``errors`` of loading ``document`` (JSON data, dumped here) as ``cls``."""
    with pytest.raises(DataError) as caught:
        loads(json.dumps(document), cls)
    error = caught.value
    assert error.errors[0] == (error.path, error.reason)
    return error.errors


def youth(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


# --- one problem at a time, each with its path ----------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"person_id": 5}, ("$.person_id", "expected a string, got integer")),
        ({"person_id": None}, ("$.person_id", "expected a string, got null")),
        ({"person_id": ""}, ("$.person_id", "must not be empty")),
        ({"birth_date": "2023-02-29"}, ("$.birth_date", "not a real calendar date (YYYY-MM-DD)")),
        ({"birth_date": "2008-05-17T00:00:00"}, ("$.birth_date", "expected a date as YYYY-MM-DD")),
        ({"birth_date": "20080517"}, ("$.birth_date", "expected a date as YYYY-MM-DD")),
        ({"birth_date": "2008-W20-6"}, ("$.birth_date", "expected a date as YYYY-MM-DD")),
        ({"birth_date": "17.5.2008"}, ("$.birth_date", "expected a date as YYYY-MM-DD")),
        ({"birth_date": "２００８-05-17"}, ("$.birth_date", "expected a date as YYYY-MM-DD")),
        (
            {"birth_date": 20080517},
            ("$.birth_date", "expected a date as a YYYY-MM-DD string, got integer"),
        ),
        ({"educations": "stx"}, ("$.educations", "expected an array, got string")),
        ({"educations": {}}, ("$.educations", "expected an array, got object")),
        ({"educations": [5]}, ("$.educations[0]", "expected an object, got integer")),
        ({"municipality_code": 561}, ("$.municipality_code", "expected a string, got integer")),
        (
            {"cpr": 102031234},
            ("$.cpr", "expected a CPR number as a DDMMYY-SSSS string, got integer"),
        ),
        ({"cpr": "010203-12"}, ("$.cpr", "expected 10 digits as DDMMYY-SSSS or DDMMYYSSSS")),
        ({"nickname": "x"}, ("$.nickname", "unknown field")),
    ],
)
def test_one_bad_field_one_problem(changes: dict[str, Any], expected: tuple[str, str]) -> None:
    assert problems(youth(**changes)) == (expected,)


def test_missing_fields_are_named() -> None:
    assert problems({}) == (
        ("$.person_id", "required field missing"),
        ("$.birth_date", "required field missing"),
    )


def test_every_problem_is_listed_and_the_message_counts_them() -> None:
    """2023-02-29 is impossible; the programme, the hours and a key are wrong too."""
    document = youth(
        birth_date="2023-02-29",
        educations=[{"programme": "gymnasium", "started_on": "2020-08-01"}],
        employments=[{"period": {"start": "2024-01-01"}, "hours_per_week": "20"}],
        extra=1,
    )
    with pytest.raises(DataError) as caught:
        loads(json.dumps(document), Youth)
    assert caught.value.errors == (
        ("$.birth_date", "not a real calendar date (YYYY-MM-DD)"),
        (
            "$.educations[0].programme",
            'expected one of "stx", "hhx", "htx", "hf", "ib", "eux", "eud", "higher", "fgu",'
            ' "tenth_grade", "stu", "other", "primary_school", "epx"',
        ),
        ("$.employments[0].hours_per_week", "expected a number, got string"),
        ("$.extra", "unknown field"),
    )
    assert str(caught.value) == (
        "$.birth_date: not a real calendar date (YYYY-MM-DD) (and 3 more problems)"
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [("5", "string"), (5.7, "number"), (5.0, "number"), (True, "boolean"), (None, "null")],
)
def test_nothing_is_coerced_to_an_integer(value: Any, kind: str) -> None:
    """cattrs' default would turn "5" into 5 and 5.7 into 5."""
    assert problems({"min_age": value}, Policy) == (
        ("$.min_age", f"expected an integer, got {kind}"),
    )


@pytest.mark.parametrize(("value", "kind"), [("20", "string"), (True, "boolean"), ([], "array")])
def test_nothing_is_coerced_to_a_number(value: Any, kind: str) -> None:
    document = {"period": {"start": "2024-01-01"}, "hours_per_week": value}
    assert problems(document, Employment) == (
        ("$.hours_per_week", f"expected a number, got {kind}"),
    )


def test_nothing_is_coerced_to_a_boolean_or_string() -> None:
    assert problems({"numerator": 1, "denominator": 2, "secondary_suppression": 1}, Rate) == (
        ("$.secondary_suppression", "expected a boolean, got integer"),
    )
    assert problems(youth(person_id=12.5)) == (("$.person_id", "expected a string, got number"),)


def test_enum_values_are_matched_by_type() -> None:
    assert problems({"leap_day_rule": "MARCH_1"}, Policy) == (
        ("$.leap_day_rule", 'expected one of "february_28", "march_1"'),
    )
    assert problems({"leap_day_rule": 1}, Policy)[0][0] == "$.leap_day_rule"
    assert problems({"leap_day_rule": ["march_1"]}, Policy)[0][0] == "$.leap_day_rule"


def test_sets_must_be_arrays_of_unique_items() -> None:
    assert problems({"target_group_exit": ["stx", "stx"]}, Policy) == (
        ("$.target_group_exit", "the items of a set must be unique"),
    )
    assert problems({"target_group_exit": "stx"}, Policy) == (
        ("$.target_group_exit", "expected an array, got string"),
    )
    assert problems({"target_group_exit": ["stx", "nope"]}, Policy)[0][0] == (
        "$.target_group_exit[1]"
    )


def test_model_validators_come_out_with_the_full_path() -> None:
    """Period.end before its start, inside a youth's care placements: 2020-01-01 .. 2019-12-31."""
    document = youth(
        in_care=[
            {"period": {"start": "2015-01-01"}},
            {"period": {"start": "2020-01-01", "end": "2019-12-31"}},
        ]
    )
    assert problems(document) == (
        ("$.in_care[1].period.end", "must not be before start (2020-01-01), got 2019-12-31"),
    )
    guided = youth(guided_elsewhere=[{"authority": "jobcentre", "period": {"start": "1990-01-01"}}])
    (problem,) = problems(guided)
    assert problem[0] == "$.guided_elsewhere[0].period.start"
    record = {"programme": "stx", "started_on": "2022-08-01", "completed_on": "2022-07-01"}
    assert problems(youth(educations=[record])) == (
        ("$.educations[0].completed_on", "must not be before started_on (2022-08-01)"),
    )
    assert problems(youth(cpr="0101011234")) == (
        ("$.cpr", "the CPR number's birth date does not match birth_date"),
    )
    assert problems({"min_age": 30, "age_limit": 25}, Policy) == (
        ("$.age_limit", "must be greater than min_age"),
    )


def test_validators_and_type_errors_are_collected_together() -> None:
    document = youth(
        person_id=1,
        employments=[{"period": {"start": "2024-02-01", "end": "2024-01-01"}, "hours_per_week": 5}],
    )
    assert problems(document) == (
        ("$.person_id", "expected a string, got integer"),
        ("$.employments[0].period.end", "must not be before start (2024-02-01), got 2024-01-01"),
    )


def test_union_fields_report_the_model_or_the_choice() -> None:
    target = json.loads(dumps(Target("t", 2030, 0.5, source="agreement")))
    assert problems({**target, "source": {"title": "x"}}, Target) == (
        ("$.source.kind", "required field missing"),
        ("$.source.law", "required field missing"),
    )
    assert problems({**target, "source": 5}, Target) == (
        ("$.source", "expected LegalBasis or str, got integer"),
    )


def test_fixed_tuples_have_exactly_their_length() -> None:
    pair = tuple[int, float]
    assert problems([2020], pair) == (("$", "expected an array of 2 items, got 1"),)
    assert problems({"2020": 0.5}, pair) == (("$", "expected an array, got object"),)
    assert problems([2020.5, "x"], pair) == (
        ("$[0]", "expected an integer, got number"),
        ("$[1]", "expected a number, got string"),
    )
    assert problems([[2020, 0.5], [2021]], list[pair]) == (
        ("$[1]", "expected an array of 2 items, got 1"),
    )
    assert serialization.converter.unstructure((2020, 0.5), pair) == [2020, 0.5]
    assert structure([2020, 0.5], pair) == (2020, 0.5)


def test_a_good_observation_next_to_a_bad_field() -> None:
    target = json.loads(dumps(NATIONAL_TARGETS["vocational_2025"]))
    assert problems({**target, "year": "2030"}, Target) == (
        ("$.year", "expected an integer, got string"),
    )
    observation = target["observed"][0]
    assert problems({**target, "observed": [{**observation, "share": "x"}]}, Target) == (
        ("$.observed[0].share", "expected a number, got string"),
    )


def test_lists_of_models_name_the_index() -> None:
    good = youth()
    assert problems([good, youth(birth_date=None)], list[Youth]) == (
        ("$[1].birth_date", "expected a date as a YYYY-MM-DD string, got null"),
    )
    assert problems({"a": good}, list[Youth]) == (("$", "expected an array, got object"),)
    assert problems("x", tuple[Youth, ...]) == (("$", "expected an array, got string"),)


# --- schema_version ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 0, "1", 1.0, True, None])
def test_an_unsupported_schema_version_is_refused(version: Any) -> None:
    assert problems(youth(schema_version=version)) == (
        ("$.schema_version", "unsupported schema_version, expected 1"),
    )
    assert problems([youth(), youth(schema_version=version)], list[Youth]) == (
        ("$[1].schema_version", "unsupported schema_version, expected 1"),
    )
    with pytest.raises(DataError, match=r"^line 2: \$\.schema_version: unsupported"):
        loads_jsonl(
            dumps(Youth("a", D(2008, 1, 1))) + "\n" + json.dumps(youth(schema_version=version)),
            Youth,
        )


def test_schema_version_belongs_to_the_top_level_only() -> None:
    record = {"programme": "stx", "started_on": "2022-08-01", "schema_version": 1}
    assert problems(youth(educations=[record])) == (
        ("$.educations[0].schema_version", "unknown field"),
    )


# --- not JSON at all -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "invalid JSON: Expecting value at column 1"),
        (
            '{\n"a": 1\n,}',
            "invalid JSON: Expecting property name enclosed in double quotes at line 3",
        ),
        ('{"person_id": "p",}', "invalid JSON: Expecting property name enclosed in double quotes"),
        ("NaN", "invalid JSON: NaN is not valid JSON"),
        ('{"min_age": Infinity}', "invalid JSON: Infinity is not valid JSON"),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
        ("9" * 5000, "invalid JSON: Exceeds the limit (4300 digits)"),
        (b"\xff", "invalid JSON: not UTF-8 (byte 0)"),
        (b'"\xc3"', "invalid JSON: not UTF-8 (byte 1)"),
    ],
)
def test_invalid_json_is_a_data_error_at_the_root(text: str | bytes, reason: str) -> None:
    with pytest.raises(DataError) as caught:
        loads(text, Youth)
    assert caught.value.path == "$"
    assert caught.value.reason.startswith(reason)


def test_loads_wants_text() -> None:
    with pytest.raises(TypeError, match="expected JSON as str or bytes, got int"):
        loads(5, Youth)  # type: ignore[call-overload]


def test_json_lines_want_lines_of_text() -> None:
    with pytest.raises(TypeError, match="expected JSON as str or bytes, got int"):
        list(iter_jsonl([5], Youth))  # type: ignore[list-item]


def test_invalid_json_lines_name_the_line() -> None:
    with pytest.raises(
        DataError, match=r"^line 2: \$: invalid JSON: Expecting property name .* at column 2$"
    ):
        list(iter_jsonl([b'{"person_id": "p", "birth_date": "2008-05-17"}', b"{oops"], Youth))


def test_json_lines_with_odd_whitespace_or_trailing_text() -> None:
    valid = dumps(Youth("a", D(2008, 1, 1)))
    assert [y.person_id for y in iter_jsonl(["  " + valid + " \t\r\n"], Youth)] == ["a"]
    with pytest.raises(DataError, match=r"^line 1: \$: invalid JSON: Extra data at column"):
        list(iter_jsonl([valid + " x"], Youth))
    with pytest.raises(DataError, match=r"^line 2: \$: invalid JSON: Extra data at column"):
        list(iter_jsonl([valid, valid + "\x0c"], Youth))  # form feed: not JSON whitespace


@settings(max_examples=300)
@given(
    text=st.text(alphabet="0123456789-W+T:. ", max_size=12)
    | st.dates().map(lambda day: day.isoformat())
    | st.dates().map(lambda day: day.isocalendar()).map(lambda w: f"{w[0]:04d}-W{w[1]:02d}-{w[2]}")
)
def test_fast_and_detailed_date_hooks_agree(text: str) -> None:
    """The hot path's cheaper date check accepts exactly the YYYY-MM-DD texts."""
    try:
        expected = serialization._structure_date(text, D)
    except ValueError:
        expected = None
    for fast in (serialization._structure_date_fast, serialization._structure_optional_date_fast):
        try:
            got = fast(text, D)
        except ValueError:
            got = None
        assert got == expected


def test_an_unsupported_type_is_a_programming_error() -> None:
    """No hook for a type is the caller's bug, not bad data: cattrs says so."""

    class Opaque:
        pass

    with pytest.raises(Exception, match="Opaque") as caught:
        loads("{}", Opaque)
    assert not isinstance(caught.value, DataError)


# --- models the library does not ship: the generic hooks ----------------------------------------


class Label(str):
    """A str subclass that is no enum: not readable."""


class Ratio(float):
    """A float subclass that is no enum: not readable."""


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


def _odd_check(instance: Any, attribute: Any, value: Any) -> None:
    if value == "weird-path":
        raise DataError("not a model path!", "odd")
    if value == "boom":
        raise RuntimeError("internal text that must not be shown")


@attrs.frozen
class Odd:
    label: Label | None = None
    when: _dt.datetime | None = None
    level: Level | None = None
    choice: int | str | None = None
    note: str = attrs.field(default="", validator=_odd_check)
    _secret: str = attrs.field(default="", alias="secret")


def test_alias_is_the_json_key() -> None:
    assert json.loads(dumps(Odd(secret="s"))) == {
        "schema_version": 1,
        "label": None,
        "when": None,
        "level": None,
        "choice": None,
        "note": "",
        "secret": "s",
    }
    assert loads('{"secret": "s"}', Odd) == Odd(secret="s")
    assert problems({"_secret": "s"}, Odd) == (("$._secret", "unknown field"),)


def test_types_outside_the_format_are_refused_with_a_path() -> None:
    assert problems({"label": "x"}, Odd) == (("$.label", "Label values cannot be read"),)
    assert problems({"when": "2024-01-01"}, Odd) == (("$.when", "datetime values cannot be read"),)


def test_int_enums_and_unions_with_none() -> None:
    assert loads('{"level": 2, "choice": "x"}', Odd) == Odd(level=Level.HIGH, choice="x")
    assert loads('{"choice": 5}', Odd) == Odd(choice=5)
    assert loads('{"choice": null}', Odd) == Odd()
    assert json.loads(dumps(Odd(level=Level.LOW)))["level"] == 1
    assert loads("2", Level) is Level.HIGH
    assert dumps(Level.HIGH) == "2"
    assert problems({"level": True}, Odd) == (("$.level", "expected one of 1, 2"),)
    assert problems({"choice": 1.5}, Odd) == (("$.choice", "expected int or str, got number"),)
    assert problems(True, Level) == (("$", "expected one of 1, 2"),)
    assert problems(1.5, Ratio) == (("$", "Ratio values cannot be read"),)


def test_validator_errors_without_a_model_path_keep_their_wording() -> None:
    assert problems({"note": "weird-path"}, Odd) == (("$", "not a model path!: odd"),)


def test_unexpected_exceptions_are_data_errors_without_their_text() -> None:
    assert problems({"note": "boom"}, Odd) == (("$", "invalid value"),)
    with pytest.raises(DataError, match=r"^\$\[0\]: invalid value$"):
        structure([{"note": "boom"}], list[Odd])


# --- no CPR digits in any message ----------------------------------------------------------------

CPR = "290204-4321"
CPR_DIGITS = ("2902044321", "290204-4321", "290204", "4321")


def assert_no_cpr(error: DataError) -> None:
    texts = [str(error), repr(error), *(f"{p}: {r}" for p, r in error.errors)]
    for text in texts:
        for digits in CPR_DIGITS:
            assert digits not in text, text


@pytest.mark.parametrize(
    "document",
    [
        youth(cpr="3102044321"),  # 31 February: not a date
        youth(cpr="2902044321x"),
        youth(cpr=CPR, birth_date="2004-03-01"),  # does not match
        youth(birth_date=CPR),
        youth(birth_date="2902044321"),
        youth(person_id=2902044321),
        youth(educations=[{"programme": CPR, "started_on": "2020-01-01"}]),
        youth(municipality_code=["2902044321"]),
        youth(**{CPR: 1}),
        youth(x2902044321=1),
        youth(**{"cpr_" + CPR: 1}),
    ],
)
def test_no_cpr_digits_in_errors(document: dict[str, Any]) -> None:
    with pytest.raises(DataError) as caught:
        loads(json.dumps(document), Youth)
    assert_no_cpr(caught.value)


@attrs.frozen
class Counts:
    by_key: dict[str, int] = attrs.field(factory=dict)


def test_mapping_keys_that_might_be_personal_data_are_not_named() -> None:
    assert loads(dumps(Counts({"a": 1})), Counts) == Counts({"a": 1})
    document = {"by_key": {CPR: "1", "it's": "2", 'say "x"': "3", "ok_1": "4"}}
    assert problems(document, Counts) == (
        ("$.by_key[<key not shown>]", "expected an integer, got string"),
        ("$.by_key[<key not shown>]", "expected an integer, got string"),
        ("$.by_key[<key not shown>]", "expected an integer, got string"),
        ("$.by_key['ok_1']", "expected an integer, got string"),
    )


def test_extra_keys_that_might_be_personal_data_are_not_named() -> None:
    assert problems(youth(**{CPR: 1, "note2": 2})) == (
        ("$", "unknown field (name not shown)"),
        ("$.note2", "unknown field"),
    )


# --- garbage: DataError or success, nothing else -------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2024-02-29", "2023-02-29", CPR, "stx", "march_1", ""]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

GARBAGE_TARGETS: list[tuple[st.SearchStrategy[Any], Any]] = [
    (strategies.youths(), Youth),
    (strategies.periods(), Period),
    (strategies.policies(), Policy),
    (strategies.plans(), EducationPlan),
    (strategies.cases(), YouthCase),
    (strategies.youths().map(lambda y: [y]), list[Youth]),
]


def check_loads(text: str | bytes, cls: Any) -> None:
    try:
        result = loads(text, cls)
    except DataError as error:
        caught = error
    else:
        assert isinstance(result, getattr(cls, "__origin__", cls))
        return
    assert caught.path.startswith("$")
    assert all(path.startswith("$") for path, _ in caught.errors)
    assert_no_cpr(caught)


@pytest.mark.parametrize("cls", [Youth, Policy, YouthCase, list[Period], CprNumber, Programme])
@settings(max_examples=40)
@given(value=json_values)
def test_random_json_is_refused_cleanly(cls: Any, value: Any) -> None:
    check_loads(json.dumps(value), cls)


@settings(max_examples=60)
@given(text=st.text(max_size=40) | st.binary(max_size=40).map(bytes))
def test_random_text_is_refused_cleanly(text: str | bytes) -> None:
    check_loads(text, Youth)


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _locations(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _locations(child, (*path, index))
    return found


def _replace(node: Any, path: tuple[Any, ...], mutate: Any) -> Any:
    if not path:
        return mutate(node)
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[path[0]] = _replace(node[path[0]], path[1:], mutate)
    return copy


SWAPS: list[Any] = [
    None,
    True,
    0,
    5.7,
    -1,
    "",
    "5",
    "2023-02-29",
    "2024-13-01",
    "2024-01-01T10:00",
    CPR,
    [],
    {},
]


@st.composite
def mutations(draw: st.DrawFn, document: Any) -> Any:
    """The document with one change: a key dropped or added, a value swapped or duplicated."""
    path = draw(st.sampled_from(_locations(document)))
    kind = draw(st.sampled_from(["drop", "add", "swap", "wrap", "twice"]))

    def mutate(node: Any) -> Any:
        if kind == "drop" and isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            return {k: v for k, v in node.items() if k != key}
        if kind == "add" and isinstance(node, dict):
            return {**node, draw(st.sampled_from(["extra", CPR, "schema_version"])): 1}
        if kind == "wrap":
            return [node]
        if kind == "twice" and isinstance(node, list) and node:
            return [*node, node[0]]
        return draw(st.sampled_from(SWAPS))

    return _replace(document, path, mutate)


@pytest.mark.parametrize("pair", GARBAGE_TARGETS, ids=lambda pair: str(pair[1]))
@settings(max_examples=30)
@given(data=st.data())
def test_mutated_documents_are_refused_cleanly(
    pair: tuple[st.SearchStrategy[Any], Any], data: st.DataObject
) -> None:
    strategy, cls = pair
    document = unstructure(data.draw(strategy))
    check_loads(json.dumps(data.draw(mutations(document))), cls)


@settings(max_examples=30)
@given(data=st.data())
def test_mutated_json_lines_name_their_line(data: st.DataObject) -> None:
    cohort = data.draw(st.lists(strategies.youths(), min_size=1, max_size=4))
    documents = [unstructure(y) for y in cohort]
    bad = data.draw(st.integers(0, len(documents) - 1))
    documents[bad] = data.draw(mutations(documents[bad]))
    text = "\n".join(json.dumps(document) for document in documents)
    try:
        loaded = loads_jsonl(text, Youth)
    except DataError as error:
        caught = error
    else:
        assert len(loaded) == len(cohort)
        return
    assert caught.path.startswith(f"line {bad + 1}: $")
    assert_no_cpr(caught)


def test_the_cpr_of_a_valid_youth_is_only_in_the_document() -> None:
    """Serialization is the one sanctioned place that writes the digits."""
    valid = Youth("p", D(2004, 2, 29), cpr=CprNumber(CPR))
    assert CPR in dumps(valid)
    assert CPR not in repr(loads(dumps(valid), Youth))


# -- findings and policy severities ---------------------------------------------------------------


def test_a_finding_document_is_rebuilt_under_a_policy_giving_its_severity() -> None:
    """The JSON records the severity a policy gave; reading it back cannot contradict a rule."""
    strict = Policy(severities={"plan.no_shared_goal": Severity.ERROR})
    found = Finding("plan.no_shared_goal", subject="A, B", policy=strict)
    assert loads(dumps(found), Finding) == found
    assert loads(dumps(found), Finding).severity is Severity.ERROR
    document = json.loads(dumps(found))
    assert problems({**document, "code": "plan.nope"}, Finding) == (
        ("$", "unknown rule code 'plan.nope'"),
    )
    assert problems({**document, "subject": None}, Finding) == (
        ("$", "rule 'plan.no_shared_goal' names the subject in its message"),
    )
    assert problems({**document, "severity": "fatal"}, Finding) == (
        ("$.severity", 'expected one of "error", "warning", "info"'),
    )


def test_policy_severities_in_json() -> None:
    policy = Policy(severities={"coordination.gap": None, "plan.no_shared_goal": Severity.ERROR})
    document = json.loads(dumps(policy))
    assert document["severities"] == {"coordination.gap": None, "plan.no_shared_goal": "error"}
    assert loads(dumps(policy), Policy) == policy
    assert problems({**document, "severities": []}, Policy) == (
        ("$.severities", "expected an object, got array"),
    )
    assert problems({**document, "severities": {"plan.nope": "error"}}, Policy) == (
        ("$.severities", "unknown rule code 'plan.nope'"),
    )
    assert problems({**document, "severities": {"coordination.gap": "off"}}, Policy) == (
        ("$.severities", 'expected one of "error", "warning", "info"'),
    )


# -- duplicate keys, lone surrogates, huge numbers (issue 12) -------------------------------------

PERIOD = '{"start": "2020-01-01", "end": null}'


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"start":"2020-01-01","start":"2021-06-01"}', "$.start"),
        ('{"schema_version":2,"schema_version":1,"start":"2020-01-01"}', "$.schema_version"),
        ('{"start":"2020-01-01","end":null,"end":"2021-01-01"}', "$.end"),
        ('{"start":"2020-01-01","x":[{"a":1},{"b":1,"b":1}]}', "$.x[1].b"),
        ('{"start":"2020-01-01","2902044321":1,"2902044321":2}', "$.<key not shown>"),
        ('{"start":"2020-01-01","290204-4321":{"a":1,"a":1}}', "$.<key not shown>.a"),
    ],
)
def test_a_duplicate_key_is_refused_with_its_path(text: str, path: str) -> None:
    """The first value used to be dropped silently: ``"start"`` twice gave the second."""
    for data in (text, text.encode()):
        with pytest.raises(DataError) as caught:
            loads(data, Period)
        assert (caught.value.path, caught.value.reason) == (
            path,
            "duplicate key (each key may appear once in an object)",
        )
        assert_no_cpr(caught.value)
        with pytest.raises(DataError) as in_lines:
            list(iter_jsonl([PERIOD, data], Period))
        assert in_lines.value.path == f"line 2: {path}"


def test_a_duplicate_key_before_a_syntax_error_is_invalid_json() -> None:
    with pytest.raises(DataError, match=r"^\$: invalid JSON: Extra data at column 45$"):
        loads('{"start":"2020-01-01","start":"2021-06-01"} {', Period)
    with pytest.raises(DataError, match=r"^\$: invalid JSON: Expecting value"):
        loads('[{"a":1,"a":2}, x]', list[Period])


def test_a_duplicate_key_deep_in_a_document_is_named() -> None:
    job = Employment(Period(D(2024, 1, 1)), 20)
    text = dumps(Youth("p", D(2008, 1, 1), employments=(job,)))
    twice = text.replace('"hours_per_week":20', '"hours_per_week":20,"hours_per_week":10')
    assert twice != text
    with pytest.raises(DataError) as caught:
        loads(twice, Youth)
    assert caught.value.path == "$.employments[0].hours_per_week"


@pytest.mark.parametrize(
    "text",
    [
        '{"person_id": "\\ud800", "birth_date": "2008-05-17"}',  # an escape
        '{"person_id": "a\ud800", "birth_date": "2008-05-17"}',  # the character itself
        '{"person_id": "\\udfff\\ud800", "birth_date": "2008-05-17"}',  # a pair backwards
    ],
)
def test_a_lone_surrogate_is_refused(text: str) -> None:
    """It cannot be written as UTF-8: ``kui check`` used to crash printing it."""
    expected = ("$.person_id", "expected text without lone surrogates (not valid Unicode)")
    with pytest.raises(DataError) as caught:
        loads(text, Youth)
    assert (caught.value.path, caught.value.reason) == expected
    with pytest.raises(DataError) as in_lines:
        list(iter_jsonl([text], Youth))
    assert in_lines.value.path == "line 1: $.person_id"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"municipality_code": "0\ud8000"}, "$.municipality_code"),
        (
            {
                "employments": [{"period": {"start": "2024-01-01"}, "hours_per_week": 1}],
                "person_id": "\udc00",
            },
            "$.person_id",
        ),
    ],
)
def test_surrogates_are_refused_in_optional_text_and_through_structure(
    changes: dict[str, str], path: str
) -> None:
    document = youth(
        **{k: json.loads(f'"{v}"') if isinstance(v, str) else v for k, v in changes.items()}
    )
    for run in (lambda: structure(document, Youth), lambda: loads(json.dumps(document), Youth)):
        with pytest.raises(DataError) as caught:
            run()
        assert caught.value.path == path


def test_a_surrogate_pair_is_one_character_and_accepted() -> None:
    loaded = loads('{"person_id": "\\ud83d\\ude00", "birth_date": "2008-05-17"}', Youth)
    assert loaded.person_id == "\U0001f600"
    assert loads(dumps(loaded), Youth) == loaded
    assert structure({"code": "x\u00e6\U0001f600"}, _Text).code == "x\u00e6\U0001f600"


@attrs.frozen
class _Text:
    code: str


@pytest.mark.parametrize(
    ("hours", "reason"),
    [
        ("169", "must be at most 168, got 169"),
        ("1" + "0" * 400, "must be at most 168"),
        ("1e400", "must be a finite number"),
        ("-1", "must be at least 0, got -1"),
    ],
)
def test_weekly_hours_are_bounded_by_the_hours_of_a_week(hours: str, reason: str) -> None:
    """A week has 168 hours; 10**400 used to reach the rules and raise OverflowError."""
    text = (
        '{"person_id": "p", "birth_date": "2008-05-17", "employments": [{"period": {"start":'
        ' "2024-01-01"}, "hours_per_week": HOURS}]}'
    )
    with pytest.raises(DataError) as caught:
        loads(text.replace("HOURS", hours), Youth)
    assert caught.value.errors == (("$.employments[0].hours_per_week", reason),)
    assert loads(text.replace("HOURS", "168"), Youth).employments[0].hours_per_week == 168
