"""The exception hierarchy and DataError's message, path and collected problems."""

from __future__ import annotations

import pickle

import pytest

from kui_core import DataError, HandoverError, KuiError


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
