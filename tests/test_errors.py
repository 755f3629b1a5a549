"""The exception hierarchy and DataError's message, path and collected problems."""

from __future__ import annotations

import pickle

import pytest

from kui_core import DataError, HandoverError, KuiError
from kui_core.errors import mask_cpr


def test_hierarchy() -> None:
    assert issubclass(DataError, KuiError)
    assert issubclass(DataError, ValueError)
    assert issubclass(HandoverError, KuiError)
    assert not issubclass(HandoverError, ValueError)
    assert issubclass(KuiError, Exception)


def test_message_is_path_colon_reason() -> None:
    error = DataError("plan.goals[2].target_date", "expected a date, got str")
    assert str(error) == "plan.goals[2].target_date: expected a date, got str"
    assert error.path == "plan.goals[2].target_date"
    assert error.reason == "expected a date, got str"
    assert error.errors == (("plan.goals[2].target_date", "expected a date, got str"),)


def test_a_caller_catching_value_error_still_catches_data_errors() -> None:
    with pytest.raises(ValueError, match=r"^\$: bad$"):
        raise DataError("$", "bad")


@pytest.mark.parametrize(
    ("count", "suffix"),
    [(1, ""), (2, " (and 1 more problem)"), (3, " (and 2 more problems)")],
)
def test_several_problems_are_counted_in_the_message(count: int, suffix: str) -> None:
    problems = tuple((f"$.f{i}", f"bad {i}") for i in range(count))
    error = DataError("$.f0", "bad 0", errors=problems)
    assert str(error) == f"$.f0: bad 0{suffix}"
    assert error.errors == problems


def test_data_error_survives_pickling_with_all_problems() -> None:
    problems = (("$.a", "bad a"), ("$.b", "bad b"))
    error = DataError("$.a", "bad a", errors=problems)
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, DataError)
    assert (again.path, again.reason, again.errors) == ("$.a", "bad a", problems)
    assert str(again) == str(error)


def test_handover_error_is_a_plain_kui_error() -> None:
    with pytest.raises(KuiError, match="no coordinator"):
        raise HandoverError("no coordinator holds the case on 2025-01-01")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("no goal '290204-4321' in the plan", "no goal '<cpr hidden>' in the plan"),
        ("ids 2902044321, 290204 4321", "ids <cpr hidden>, <cpr hidden>"),
        ("x29020443219y", "x<cpr hidden>9y"),  # inside a longer run of digits too
        (
            "2026-10-01, 12345 of 123456789, 290204-432",
            "2026-10-01, 12345 of 123456789, 290204-432",
        ),
    ],
)
def test_cpr_shaped_text_is_masked_in_every_message(text: str, masked: str) -> None:
    """Messages are built from user ids (a goal id may be a CPR number): the error masks them."""
    assert mask_cpr(text) == masked
    assert str(KuiError(text)) == masked
    assert HandoverError(text, 5).args == (masked, 5)
    error = DataError(text, text, errors=((text, "x"), ("$", text)))
    assert (error.path, error.reason) == (masked, masked)
    assert error.errors == ((masked, "x"), ("$", masked))
    assert str(error) == f"{masked}: {masked} (and 1 more problem)"
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
