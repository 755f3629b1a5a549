"""JSON round trips, the format (DESIGN.md § 8) and the JSON Lines helpers.

Bad input (DataError with paths, garbage, CPR secrecy) is in ``test_serialization_errors.py``.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    NATIONAL_TARGETS,
    Application,
    Authority,
    CarePlacement,
    CoordinatorAssignment,
    CprNumber,
    DataError,
    DutyLapse,
    EducationPlan,
    EducationRecord,
    Employment,
    ExternalGuidance,
    Finding,
    Goal,
    Intervention,
    LegalBasis,
    Milestone,
    MunicipalUnit,
    Offer,
    Participant,
    Period,
    Policy,
    Programme,
    Rate,
    Target,
    Youth,
    YouthCase,
    assess_eligibility,
    review_case,
    strategies,
)
from kui_core.serialization import (
    SCHEMA_VERSION,
    converter,
    dumps,
    dumps_jsonl,
    iter_dumps_jsonl,
    iter_jsonl,
    loads,
    loads_jsonl,
    structure,
    unstructure,
)

D = _dt.date

# Every (strategy, model) pair whose round trip is checked. Add new models here.
ROUND_TRIPS: list[tuple[st.SearchStrategy[Any], type[Any]]] = [
    (strategies.youths(), Youth),
    (strategies.education_records(), EducationRecord),
    (strategies.employments(), Employment),
    (strategies.periods(), Period),
    (strategies.cpr_numbers(), CprNumber),
    (strategies.policies(), Policy),
    (strategies.findings(), Finding),
    (strategies.legal_bases(), LegalBasis),
    (strategies.units(), MunicipalUnit),
    (strategies.participants(), Participant),
    (strategies.goals(), Goal),
    (strategies.milestones(), Milestone),
    (strategies.interventions(), Intervention),
    (strategies.coordinator_assignments(), CoordinatorAssignment),
    (strategies.offers(), Offer),
    (strategies.duty_lapses(), DutyLapse),
    (strategies.plans(), EducationPlan),
    (strategies.cases(), YouthCase),
]


def _id(pair: tuple[st.SearchStrategy[Any], type[Any]]) -> str:
    return pair[1].__name__


@pytest.mark.parametrize("pair", ROUND_TRIPS, ids=_id)
@settings(max_examples=25)
@given(data=st.data())
def test_round_trip_is_lossless_for_every_model(
    pair: tuple[st.SearchStrategy[Any], type[Any]], data: st.DataObject
) -> None:
    strategy, model = pair
    value = data.draw(strategy)
    text = dumps(value)
    assert loads(text, model) == value
    assert loads(text.encode(), model) == value
    assert structure(unstructure(value), model) == value
    assert loads(dumps([value, value]), list[model]) == [value, value]  # type: ignore[valid-type]
    assert loads(dumps((value,)), tuple[model, ...]) == (value,)  # type: ignore[valid-type]


@pytest.mark.parametrize("pair", ROUND_TRIPS, ids=_id)
@settings(max_examples=10)
@given(data=st.data())
def test_document_is_the_fields_plus_schema_version(
    pair: tuple[st.SearchStrategy[Any], type[Any]], data: st.DataObject
) -> None:
    strategy, model = pair
    value = data.draw(strategy)
    document = json.loads(dumps(value))
    if model is CprNumber:
        assert document == value.reveal()
        return
    fields = {field.alias for field in attrs.fields(model)}
    assert set(document) == fields | {"schema_version"}
    assert document["schema_version"] == SCHEMA_VERSION
    nested = json.dumps({k: v for k, v in document.items() if k != "schema_version"})
    assert "schema_version" not in nested  # top level only
    assert [set(item) for item in json.loads(dumps([value]))] == [set(document)]


@settings(max_examples=25)
@given(strategies.cohorts())
def test_json_lines_round_trip_for_cohorts(cohort: Any) -> None:
    youths = list(cohort)
    text = dumps_jsonl(youths)
    assert text.count("\n") == len(youths)
    assert all(line.startswith('{"schema_version":1,') for line in text.splitlines())
    assert loads_jsonl(text, Youth) == youths
    assert loads_jsonl(text.encode(), Youth) == youths
    assert list(iter_jsonl(text.splitlines(keepends=True), Youth)) == youths
    assert list(iter_jsonl([line.encode() for line in iter_dumps_jsonl(youths)], Youth)) == youths


# --- the format, by example ----------------------------------------------------------------------

YOUTH = Youth(
    "p-1",
    D(2004, 2, 29),
    educations=(
        EducationRecord(Programme.STX, D(2020, 8, 10), completed_on=D(2023, 6, 23)),
        EducationRecord(Programme.EUD, D(2023, 8, 1), left_on=D(2024, 1, 31)),
    ),
    employments=(Employment(Period(D(2024, 2, 1)), 22.5),),
    in_care=(
        CarePlacement(
            Period(D(2015, 3, 1), D(2019, 1, 1)),
            decided_on=D(2015, 2, 20),
            consent=False,
            ungeplan_dates=(D(2015, 2, 20),),
        ),
    ),
    cpr=CprNumber("2902044321"),
    municipality_code="561",
    guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(D(2024, 3, 1))),),
    employments_known_until=D(2025, 8, 31),
)

YOUTH_JSON = {
    "schema_version": 1,
    "person_id": "p-1",
    "birth_date": "2004-02-29",
    "educations": [
        {
            "programme": "stx",
            "started_on": "2020-08-10",
            "completed_on": "2023-06-23",
            "left_on": None,
        },
        {
            "programme": "eud",
            "started_on": "2023-08-01",
            "completed_on": None,
            "left_on": "2024-01-31",
        },
    ],
    "employments": [{"period": {"start": "2024-02-01", "end": None}, "hours_per_week": 22.5}],
    "in_care": [
        {
            "period": {"start": "2015-03-01", "end": "2019-01-01"},
            "decided_on": "2015-02-20",
            "consent": False,
            "ungeplan_dates": ["2015-02-20"],
            "support_decided_on": None,
        }
    ],
    "cpr": "290204-4321",
    "municipality_code": "561",
    "guided_elsewhere": [
        {"authority": "jobcentre", "period": {"start": "2024-03-01", "end": None}}
    ],
    "educations_known_until": None,
    "employments_known_until": "2025-08-31",
}


def test_youth_document_pinned() -> None:
    """ISO dates, enums by value, snake_case names, tuples as arrays, CPR as DDMMYY-SSSS."""
    assert json.loads(dumps(YOUTH)) == YOUTH_JSON
    assert loads(json.dumps(YOUTH_JSON), Youth) == YOUTH


def test_dumps_writes_compact_json_unless_indented() -> None:
    assert dumps(Period(D(2024, 1, 1))) == '{"schema_version":1,"start":"2024-01-01","end":null}'
    assert dumps(Period(D(2024, 1, 1)), indent=2) == (
        '{\n  "schema_version": 1,\n  "start": "2024-01-01",\n  "end": null\n}'
    )


def test_dumps_keeps_danish_letters_readable() -> None:
    assert '"Åse Ærø"' in dumps(MunicipalUnit("jc", "Åse Ærø"))


def test_schema_version_is_optional_on_input() -> None:
    """Absent means version 1: hand-written documents need not carry it."""
    document = {k: v for k, v in YOUTH_JSON.items() if k != "schema_version"}
    assert loads(json.dumps(document), Youth) == YOUTH
    assert loads(json.dumps([document]), list[Youth]) == [YOUTH]


def test_policy_frozensets_are_sorted_arrays() -> None:
    document = json.loads(dumps(DEFAULT_POLICY))
    assert document["target_group_exit"] == sorted(
        p.value for p in DEFAULT_POLICY.target_group_exit
    )
    assert document["leap_day_rule"] == "march_1"
    assert document["extra_closed_days"] == []
    closed = attrs.evolve(
        DEFAULT_POLICY, extra_closed_days=frozenset({D(2025, 12, 24), D(2025, 6, 5)})
    )
    assert json.loads(dumps(closed))["extra_closed_days"] == ["2025-06-05", "2025-12-24"]
    assert loads(dumps(closed), Policy) == closed


def test_intervention_supports_is_a_sorted_array() -> None:
    goals = frozenset({"g3", "g1", "g2"})
    intervention = Intervention("i1", "jc", "x", Period(D(2024, 1, 1)), goals)
    assert json.loads(dumps(intervention))["supports"] == ["g1", "g2", "g3"]
    assert loads(dumps(intervention), Intervention) == intervention


def test_an_integer_is_accepted_for_a_float_field() -> None:
    document = dict(
        YOUTH_JSON, employments=[{"period": {"start": "2024-02-01"}, "hours_per_week": 20}]
    )
    assert loads(json.dumps(document), Youth).employments[0].hours_per_week == 20


def test_optional_fields_may_be_left_out() -> None:
    assert loads('{"person_id": "p", "birth_date": "2009-01-01"}', Youth) == Youth(
        "p", D(2009, 1, 1)
    )
    placement = loads('{"period": {"start": "2025-03-01"}}', CarePlacement)
    assert placement == CarePlacement(Period(D(2025, 3, 1)))
    assert placement.consent  # with consent unless the record says otherwise


def test_a_care_period_without_its_placement_object_is_refused_with_the_path() -> None:
    """``in_care`` holds placements (period, decision, consent, ungeplan, support decision);
    a bare period, as documents held before, is refused rather than guessed."""
    old = '{"person_id": "p", "birth_date": "2004-02-29", "in_care": [{"start": "2015-03-01"}]}'
    with pytest.raises(DataError) as caught:
        loads(old, Youth)
    assert caught.value.path == "$.in_care[0].period"


def test_scalars_and_enums_at_the_top_level() -> None:
    assert dumps(D(2024, 2, 29)) == '"2024-02-29"'
    assert loads('"2024-02-29"', D) == D(2024, 2, 29)
    assert loads('"tenth_grade"', Programme) is Programme.TENTH_GRADE
    assert dumps(Programme.EUX) == '"eux"'
    assert loads('"010203-1234"', CprNumber) == CprNumber("0102031234")
    assert loads('["stx", "hf"]', frozenset[Programme]) == {Programme.STX, Programme.HF}
    assert dumps(frozenset({Programme.STX, Programme.HF})) == '["hf","stx"]'
    assert loads("[1, 2.5]", tuple[int, float]) == (1, 2.5)
    assert loads("true", bool) is True
    assert loads(b'"x"', str) == "x"


def test_unstructure_gives_plain_json_data() -> None:
    data = unstructure(YOUTH)
    assert data == YOUTH_JSON
    assert type(data["educations"][0]["programme"]) is str  # the value, not the enum member
    assert unstructure([YOUTH, D(2024, 1, 1)])[1] == "2024-01-01"
    assert unstructure((Period(D(2024, 1, 1)),)) == [
        {"schema_version": 1, "start": "2024-01-01", "end": None}
    ]
    assert unstructure(D(2024, 1, 1)) == "2024-01-01"
    assert unstructure(CprNumber("0102031234")) == "010203-1234"


def test_a_frozenset_of_objects_is_ordered_by_json_text() -> None:
    periods = frozenset({Period(D(2024, 1, 2)), Period(D(2024, 1, 1), D(2024, 1, 5))})
    assert unstructure(periods) == [
        {"end": "2024-01-05", "start": "2024-01-01"},
        {"end": None, "start": "2024-01-02"},
    ]


def test_structure_leaves_its_input_alone() -> None:
    document = dict(YOUTH_JSON)
    documents = [dict(YOUTH_JSON), 5]
    assert structure(document, Youth) == YOUTH
    assert document == YOUTH_JSON
    with pytest.raises(DataError, match=r"^\$\[1\]: expected an object"):
        structure(documents, list[Youth])
    assert documents[0] == YOUTH_JSON
    assert structure("2024-01-01", D) == D(2024, 1, 1)


def test_the_public_converter_is_cattrs() -> None:
    data = converter.unstructure(YOUTH)
    assert "schema_version" not in data
    assert converter.structure(data, Youth) == YOUTH


def test_models_with_unions_fixed_tuples_and_kw_only_fields() -> None:
    """Target: ``source: LegalBasis | str``, ``observed: tuple[tuple[int, float], ...]``."""
    for target in NATIONAL_TARGETS.values():
        assert loads(dumps(target), Target) == target
    text_source = attrs.evolve(next(iter(NATIONAL_TARGETS.values())), source="agreement")
    assert json.loads(dumps(text_source))["source"] == "agreement"
    assert loads(dumps(text_source), Target) == text_source


def test_result_models_round_trip() -> None:
    """Results are data too: Rate, Application, Eligibility, CaseReport (also undecided)."""
    on = D(2024, 10, 1)
    case = YouthCase(YOUTH, opened_on=D(2024, 3, 1))
    undecided_youth = Youth("p-2", D(2006, 1, 1), employments_known_until=D(2024, 8, 31))
    undecided = assess_eligibility(undecided_youth, on)
    values = [
        Rate(8421, 10000),
        Rate(3, 10),
        Rate(40, 100, undecided=7),
        Application("p-1", Programme.EUD, 9, on),
        assess_eligibility(YOUTH, on),
        review_case(case, on),
        undecided,
        review_case(YouthCase(undecided_youth, opened_on=D(2024, 3, 1)), on),
    ]
    assert undecided.outreach_required is None
    for value in values:
        assert loads(dumps(value), type(value)) == value


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_skips_blank_lines_and_accepts_crlf() -> None:
    a, b = Youth("a", D(2008, 1, 1)), Youth("b", D(2009, 1, 1))
    text = dumps(a) + "\r\n\r\n   \n" + dumps(b) + "\r\n"
    assert loads_jsonl(text, Youth) == [a, b]
    assert loads_jsonl(text.encode(), Youth) == [a, b]
    assert loads_jsonl(bytearray(text.encode()), Youth) == [a, b]
    assert loads_jsonl("", Youth) == []
    assert dumps_jsonl([]) == ""


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break() -> None:
    """U+2028 is legal inside JSON strings; only "\\n" separates lines."""
    odd = Youth("a\u2028b\x85c", D(2008, 1, 1))
    assert loads_jsonl(dumps_jsonl([odd]), Youth) == [odd]


def test_jsonl_error_names_the_line() -> None:
    lines = [dumps(Youth("a", D(2008, 1, 1))), "", '{"person_id": "b", "birth_date": "2008-02-30"}']
    with pytest.raises(DataError) as caught:
        loads_jsonl("\n".join(lines), Youth)
    assert str(caught.value) == "line 3: $.birth_date: not a real calendar date (YYYY-MM-DD)"
    assert caught.value.path == "line 3: $.birth_date"
    assert caught.value.errors == (
        ("line 3: $.birth_date", "not a real calendar date (YYYY-MM-DD)"),
    )


def test_jsonl_is_lazy() -> None:
    """Lines after the one being read are not touched: a file can be streamed."""

    def lines() -> Any:
        yield dumps(Youth("a", D(2008, 1, 1)))
        raise AssertionError("read too far")

    first = next(iter_jsonl(lines(), Youth))
    assert first.person_id == "a"


def test_jsonl_of_other_types() -> None:
    assert loads_jsonl('"2024-01-01"\n"2024-01-02"\n', D) == [D(2024, 1, 1), D(2024, 1, 2)]
    assert loads_jsonl(iter(['["stx"]']), frozenset[Programme]) == [frozenset({Programme.STX})]
    assert dumps_jsonl([D(2024, 1, 1)]) == '"2024-01-01"\n'
