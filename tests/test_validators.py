"""The attrs validators: every bad value is a DataError naming ``Class.field`` (and the index)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
import pytest

from kui_core import DataError, KuiError
from kui_core import validators as v


class Colour(enum.Enum):
    RED = "red"


@attrs.frozen
class Sample:
    day: dt.date = attrs.field(default=dt.date(2025, 1, 1), validator=v.is_date)
    maybe_day: dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    name: str = attrs.field(default="x", validator=v.is_nonempty_str)
    maybe_name: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    flag: bool = attrs.field(default=False, validator=v.is_bool)
    count: int = attrs.field(default=0, validator=v.is_int())
    positive: int = attrs.field(default=1, validator=v.is_int(minimum=1))
    number: float = attrs.field(default=0.0, validator=v.is_number())
    share: float = attrs.field(default=0.5, validator=v.is_number(minimum=0))
    colour: Colour = attrs.field(default=Colour.RED, validator=v.is_instance(Colour))
    maybe_colour: Colour | None = attrs.field(
        default=None, validator=v.is_optional_instance(Colour)
    )
    days: tuple[dt.date, ...] = attrs.field(default=(), validator=v.is_tuple_of(dt.date))
    names: frozenset[str] = attrs.field(default=frozenset(), validator=v.is_frozenset_of(str))
    days_ahead: int = attrs.field(default=0, validator=v.is_int(minimum=0, maximum=3650))
    hours: float = attrs.field(default=0, validator=v.is_number(minimum=0, maximum=168))


def test_good_values_pass() -> None:
    sample = Sample(
        day=dt.date(2025, 2, 28),
        maybe_day=dt.date(2024, 2, 29),
        name="a",
        maybe_name="b",
        flag=True,
        count=-3,
        positive=2,
        number=-1.5,
        share=0,
        colour=Colour.RED,
        maybe_colour=Colour.RED,
        days=(dt.date(2025, 1, 1), dt.date(2025, 1, 2)),
        names=frozenset({"a", "b"}),
    )
    assert sample.count == -3
    assert Sample() == Sample()


@pytest.mark.parametrize(
    ("field", "value", "path", "reason"),
    [
        ("day", "2025-01-01", "Sample.day", "expected a date, got str"),
        ("day", dt.datetime(2025, 1, 1), "Sample.day", "expected a date, got datetime"),
        ("day", None, "Sample.day", "expected a date, got NoneType"),
        (
            "maybe_day",
            dt.datetime(2025, 1, 1),
            "Sample.maybe_day",
            "expected a date, got datetime",
        ),
        ("name", 5, "Sample.name", "expected a string, got int"),
        ("name", "", "Sample.name", "must not be empty"),
        ("name", " \t", "Sample.name", "must not be empty"),
        ("maybe_name", "", "Sample.maybe_name", "must not be empty"),
        ("flag", 1, "Sample.flag", "expected a boolean, got int"),
        ("flag", None, "Sample.flag", "expected a boolean, got NoneType"),
        ("count", True, "Sample.count", "expected an integer, got bool"),
        ("count", 1.0, "Sample.count", "expected an integer, got float"),
        ("count", "1", "Sample.count", "expected an integer, got str"),
        ("positive", 0, "Sample.positive", "must be at least 1, got 0"),
        ("number", False, "Sample.number", "expected a number, got bool"),
        ("number", "1.5", "Sample.number", "expected a number, got str"),
        ("number", float("nan"), "Sample.number", "must be a finite number"),
        ("number", float("inf"), "Sample.number", "must be a finite number"),
        ("number", float("-inf"), "Sample.number", "must be a finite number"),
        ("share", -0.1, "Sample.share", "must be at least 0, got -0.1"),
        ("colour", "red", "Sample.colour", "expected Colour, got str"),
        ("maybe_colour", "red", "Sample.maybe_colour", "expected Colour, got str"),
        ("days", [dt.date(2025, 1, 1)], "Sample.days", "expected a tuple, got list"),
        ("days", (dt.date(2025, 1, 1), "x"), "Sample.days[1]", "expected date, got str"),
        (
            "days",
            (dt.datetime(2025, 1, 1),),
            "Sample.days[0]",
            "expected date, got datetime",
        ),
        ("names", {"a"}, "Sample.names", "expected a frozenset, got set"),
        ("names", frozenset({"a", 1}), "Sample.names", "expected str items, got int"),
        ("days_ahead", 3651, "Sample.days_ahead", "must be at most 3650, got 3651"),
        ("days_ahead", -1, "Sample.days_ahead", "must be at least 0, got -1"),
        ("days_ahead", 10**400, "Sample.days_ahead", "must be at most 3650"),
        ("days_ahead", -(10**12), "Sample.days_ahead", "must be at least 0"),
        ("hours", 168.5, "Sample.hours", "must be at most 168, got 168.5"),
        ("hours", 10**400, "Sample.hours", "must be at most 168"),
        ("hours", float("inf"), "Sample.hours", "must be a finite number"),
        ("number", 10**400, "Sample.number", "must be a finite number"),
        ("number", -(10**400), "Sample.number", "must be a finite number"),
    ],
)
def test_bad_values_raise_data_error_with_the_field_path(
    field: str, value: object, path: str, reason: str
) -> None:
    with pytest.raises(DataError) as caught:
        Sample(**{field: value})  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, KuiError)
    assert isinstance(error, ValueError)
    assert error.path == path
    assert error.reason == reason
    assert str(error) == f"{path}: {reason}"


def test_a_datetime_is_not_a_date_in_sets_either() -> None:
    """Regression: frozenset({datetime(2025, 6, 5)}) used to pass as a set of closed days."""
    with pytest.raises(DataError) as caught:
        Sample(days=(dt.datetime(2025, 6, 5),))
    assert caught.value.path == "Sample.days[0]"


@pytest.mark.parametrize("value", [0, 0.0, 10**30, 2.5])
def test_numbers_at_or_above_the_minimum_pass(value: float) -> None:
    assert Sample(share=value).share == value


def test_numbers_without_a_maximum_are_what_a_float_can_hold() -> None:
    """An integer no float can hold would overflow the first float arithmetic done with it."""
    for value in (-(10**308), 10**308, 1.7976931348623157e308):
        assert Sample(number=value).number == value
    for value in (10**309, 10**5000):  # beyond str()'s digit limit too: never echoed
        with pytest.raises(DataError, match=r"^Sample\.number: must be a finite number$"):
            Sample(number=value)
        with pytest.raises(DataError, match=r"^Sample\.days_ahead: must be at most 3650$"):
            Sample(days_ahead=value)
        assert Sample(count=value).count == value  # no maximum asked for


def test_values_at_their_bounds_pass() -> None:
    assert Sample(days_ahead=3650, hours=168).hours == 168
    assert Sample(days_ahead=0, hours=168.0).days_ahead == 0
