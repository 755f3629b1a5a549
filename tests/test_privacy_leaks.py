"""No text shaped like a CPR number gets out of an error, from any entry point (issue 12).

Every id and value below is CPR-shaped (six digits, an optional ``-`` or space, four digits),
valid as a CPR number or not. What is checked for each error: ``str``, ``repr``, ``args``,
``errors``, the traceback as ``traceback.format_exception`` writes it, and every exception in its
chain (``__cause__`` and ``__context__``, shown or suppressed): a log handler may print any of
them. The command line is checked on stdout and stderr.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kui_core import (
    CoordinatorAssignment,
    DataError,
    EducationPlan,
    Employment,
    Goal,
    GoalKind,
    HandoverError,
    KuiError,
    Milestone,
    Offer,
    Period,
    Policy,
    YouthCase,
    handover,
)
from kui_core.cli import main
from kui_core.cli.check import demo_cases
from kui_core.errors import CPR_HIDDEN, mask_cpr
from kui_core.serialization import dumps, iter_jsonl, loads, structure, unstructure
from test_serialization import ROUND_TRIPS

CPR_SHAPED = re.compile(r"\d{6}[- ]?\d{4}")
ON = dt.date(2026, 10, 1)

cpr_shaped = st.builds(
    lambda digits, sep, before, after: f"{before}{digits[:6]}{sep}{digits[6:]}{after}",
    st.text("0123456789", min_size=10, max_size=10),
    st.sampled_from(["-", " ", ""]),
    st.sampled_from(["", "id-", "x", "9"]),
    st.sampled_from(["", "-a", "7"]),
)


def chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and every exception it holds: causes, contexts (even suppressed), groups."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]
        todo += list(getattr(current, "exceptions", ()))


def texts(error: BaseException) -> Iterator[str]:
    yield "".join(traceback.format_exception(error))
    for current in chain(error):
        yield str(current)
        yield repr(current)
        yield repr(current.args)
        if isinstance(current, DataError):
            yield repr(current.errors)
            yield current.path
            yield current.reason


def assert_clean(*found: str) -> None:
    for text in found:
        assert CPR_SHAPED.search(text) is None, text


def raised(run: Callable[[], Any], kind: type[BaseException] = DataError) -> BaseException:
    with pytest.raises(kind) as caught:
        run()
    assert_clean(*texts(caught.value))
    return caught.value


# -- the mask itself ----------------------------------------------------------------------------


@given(cpr_shaped)
def test_mask_cpr_leaves_nothing_cpr_shaped(text: str) -> None:
    masked = mask_cpr(f"no goal {text!r} in the plan")
    assert CPR_HIDDEN in masked
    assert_clean(masked)


def test_mask_cpr_keeps_dates_and_short_numbers() -> None:
    text = "2026-10-01: 12345 of 123456789 (1.5 %), 290204-432"
    assert mask_cpr(text) == text


@given(cpr_shaped)
def test_every_kui_error_masks_its_message(text: str) -> None:
    for error in (
        KuiError(f"id {text}"),
        HandoverError(f"{text} holds the case"),
        DataError(f"plan[{text}]", f"no goal {text!r}", errors=((text, text), ("$", "x"))),
    ):
        assert_clean(*texts(error))
    again = DataError(text, text)
    assert again.errors == ((mask_cpr(text), mask_cpr(text)),)
    assert CPR_HIDDEN in again.path


# -- loads, iter_jsonl and structure of every model ------------------------------------------------


def _leaves_to(node: Any, cpr: str) -> Any:
    """Every string of the document made CPR-shaped, every integer the same digits."""
    if isinstance(node, dict):
        return {key: _leaves_to(value, cpr) for key, value in node.items()}
    if isinstance(node, list):
        return [_leaves_to(value, cpr) for value in node]
    if isinstance(node, str):
        return cpr
    if isinstance(node, int) and not isinstance(node, bool):
        return int(re.sub(r"\D", "", cpr))
    return node


@pytest.mark.parametrize("pair", ROUND_TRIPS, ids=lambda pair: pair[1].__name__)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), cpr=cpr_shaped)
def test_loading_cpr_shaped_values_and_keys_shows_none_of_them(
    pair: tuple[st.SearchStrategy[Any], type[Any]], data: st.DataObject, cpr: str
) -> None:
    strategy, cls = pair
    document = unstructure(data.draw(strategy))
    variants = [
        # CPR-shaped keys where none belongs, at the top and inside.
        {**document, cpr: 1} if isinstance(document, dict) else [document, {cpr: 1}],
        _leaves_to(document, cpr),
        {**_leaves_to(document, cpr), cpr: {cpr: cpr}} if isinstance(document, dict) else 5,
    ]
    for variant in variants:
        text = json.dumps(variant)
        for run in (
            lambda text=text: loads(text, cls),
            lambda text=text: loads(text.encode(), cls),
            lambda text=text: list(iter_jsonl([text], cls)),
            lambda variant=variant: structure(variant, cls),
        ):
            try:
                run()
            except DataError as error:
                assert_clean(*texts(error))
    duplicate = text[:-1] + f', "{cpr}": 1, "{cpr}": 2}}' if text.endswith("}") else text
    for run in (lambda: loads(duplicate, cls), lambda: list(iter_jsonl(["{}", duplicate], cls))):
        try:
            run()
        except DataError as error:
            assert_clean(*texts(error))


def test_a_load_error_has_no_chained_exception() -> None:
    """The cattrs error behind a DataError quotes the input: it is not kept in the chain."""
    bad = '{"person_id": "p", "birth_date": "2008-01-01", "290204-4321": 1, "cpr": 5}'
    for run in (
        lambda: loads(bad, YouthCase),
        lambda: loads(bad, list[YouthCase]),
        lambda: list(iter_jsonl(["", bad], YouthCase)),
        lambda: list(iter_jsonl([bad.encode()], YouthCase)),
    ):
        error = raised(run)
        assert error.__context__ is None
        assert error.__cause__ is None


# -- model constructors and helpers with CPR-shaped ids ------------------------------------------


def _plan(goal: str, milestone_goal: str, plan_id: str = "plan") -> EducationPlan:
    return EducationPlan(
        id=plan_id,
        created_on=dt.date(2026, 1, 5),
        participants=(),
        interventions=(),
        goals=(Goal(goal, GoalKind.EDUCATION, "EUD", dt.date(2026, 8, 1)),),
        milestones=(Milestone("m", milestone_goal, "visit", dt.date(2026, 3, 1)),),
    )


@settings(max_examples=20)
@given(cpr=cpr_shaped)
def test_model_constructors_never_echo_cpr_shaped_ids(cpr: str) -> None:
    raised(lambda: _plan("g", cpr))
    plan = _plan(cpr, cpr, plan_id=cpr)
    case = YouthCase(demo_cases(ON)[0][1].youth, dt.date(2026, 1, 5), plans=(plan,))
    raised(lambda: attrs.evolve(case, plans=(plan, plan)))
    raised(lambda: attrs.evolve(case, plans=(attrs.evolve(plan, previous_id=cpr + "x"),)))
    offer = Offer(cpr, "FGU", Period(dt.date(2026, 1, 5)))
    raised(lambda: attrs.evolve(case, offers=(offer, offer)))
    digits = int("1" + re.sub(r"\D", "", cpr)[-10:])  # a number holding the CPR digits
    raised(lambda: Employment(Period(dt.date(2026, 1, 5)), digits))
    raised(lambda: Policy(max_transition_gap_days=digits))


@settings(max_examples=20)
@given(first=cpr_shaped, second=cpr_shaped)
def test_a_handover_error_never_echoes_cpr_shaped_coordinator_ids(first: str, second: str) -> None:
    opened = dt.date(2026, 1, 5)
    case = YouthCase(
        demo_cases(ON)[0][1].youth,
        opened,
        coordinators=(
            CoordinatorAssignment(first, "UU", Period(opened)),
            CoordinatorAssignment(second, "JOB", Period(opened)),
        ),
    )
    new = CoordinatorAssignment("k9", "UU", Period(ON))
    raised(lambda: handover(case, new, ON), HandoverError)
    later = attrs.evolve(case, coordinators=(CoordinatorAssignment(first, "UU", Period(ON)),))
    raised(
        lambda: handover(later, CoordinatorAssignment("k9", "UU", Period(opened)), opened),
        HandoverError,
    )


# -- the command line ----------------------------------------------------------------------------


def run_cli(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int | str | None, str, str]:
    out = io.StringIO()
    try:
        status: int | str | None = main(argv, out)
    except SystemExit as stop:  # argparse
        status = stop.code
    captured = capsys.readouterr()
    return status, out.getvalue() + captured.out, captured.err


CPR = "290204-4321"


def _cpr_case() -> YouthCase:
    """A demo case whose every id is a CPR number."""
    case = demo_cases(ON)[1][1]  # a handover: two coordinators
    youth = attrs.evolve(case.youth, person_id=CPR)
    plans = tuple(attrs.evolve(plan, id="0102031234") for plan in case.plans)
    offers = tuple(attrs.evolve(offer, id="010203 1234") for offer in case.offers)
    coordinators = tuple(
        attrs.evolve(a, coordinator_id=f"29020443{i}1") for i, a in enumerate(case.coordinators)
    )
    return attrs.evolve(case, youth=youth, plans=plans, offers=offers, coordinators=coordinators)


@pytest.mark.parametrize("form", ["text", "json"])
def test_kui_check_output_shows_no_cpr_shaped_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    path = tmp_path / f"{CPR}.json"
    path.write_text(dumps(_cpr_case()), encoding="utf-8")
    status, out, err = run_cli(["check", str(path), "--on", "2026-10-01", "--format", form], capsys)
    assert status in (0, 1)
    assert CPR_HIDDEN in out
    assert_clean(out, err)
    if form == "json":
        assert json.loads(out)["person_id"] == CPR_HIDDEN


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "CASE", "--on", CPR],
        ["check", "CASE", "--on", "2902044321"],
        ["check", "CASE", "--lang", CPR],
        ["check", "CASE", "--format", "0102031234"],
        ["check", "CASE", "--severity", f"{CPR}=error"],
        ["check", "CASE", "--severity", f"coordination.gap={CPR}"],
        ["check", "CASE", "--max-size", "2902044321"],
        ["check", "CASE", CPR],
        ["check", f"missing-{CPR}.json"],
        ["metrics", f"missing-{CPR}.jsonl"],
        ["metrics", "COHORT", "--on", CPR],
        [CPR],
    ],
)
def test_cli_errors_show_no_cpr_shaped_argument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_text(dumps(_cpr_case()), encoding="utf-8")
    cohort = tmp_path / "cohort.jsonl"
    cohort.write_text("", encoding="utf-8")
    argv = [{"CASE": str(case), "COHORT": str(cohort)}.get(arg, arg) for arg in argv]
    status, out, err = run_cli(argv, capsys)
    assert status == 2
    assert err.strip()
    assert_clean(out, err)


@pytest.mark.parametrize(
    "content",
    [
        '{"youth": {"person_id": "290204-4321"}, "290204-4321": 1}',
        '{"290204-4321": 1, "290204-4321": 2}',
        '{"youth": "290204-4321"}',
        '{"youth": {"person_id": "\\ud800 290204-4321", "birth_date": "2008-01-01"},'
        ' "opened_on": 1}',
    ],
)
def test_cli_errors_show_nothing_cpr_shaped_from_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "case.json"
    path.write_text(content, encoding="utf-8")
    status, out, err = run_cli(["check", str(path), "--on", "2026-10-01"], capsys)
    assert status == 2
    assert err.count("\n") == 1
    assert_clean(out, err)
