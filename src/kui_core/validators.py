"""attrs validators that raise :class:`~kui_core.errors.DataError` naming the field.

attrs' own ``instance_of`` raises a bare ``TypeError``; the library promises its own hierarchy,
so every model field is checked through these instead. Dates must be ``date`` and never
``datetime`` (the library works in whole days), integers never ``bool``, text never empty. Use
them for your own attrs models beside kui-core's, so that bad data raises the same errors::

    @attrs.frozen
    class Referral:
        youth_id: str = attrs.field(validator=validators.is_nonempty_str)
        received_on: date = attrs.field(validator=validators.is_date)

:func:`check_day` checks a function's day argument (``on=``) the same way.
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable
from typing import Any

import attrs

from .errors import DataError

__all__ = [
    "Validator",
    "check_day",
    "is_bool",
    "is_date",
    "is_frozenset_of",
    "is_instance",
    "is_int",
    "is_nonempty_str",
    "is_number",
    "is_optional_date",
    "is_optional_instance",
    "is_optional_nonempty_str",
    "is_tuple_of",
    "optional_date_not_before",
]

_FLOAT_MAX = sys.float_info.max
_SHOWN = 10**12

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""An attrs validator: called with the instance, the attribute and the value."""


def _path(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _kind(value: object) -> str:
    return type(value).__name__


def _is_a(value: object, cls: type[Any]) -> bool:
    """``isinstance``, except that a ``datetime`` is not accepted where a ``date`` is expected.

    ``datetime`` subclasses ``date`` but never compares equal to one, so a datetime slipped into
    a set of closed days (or a tuple of dates) would silently never match.
    """
    if cls is _dt.date:
        return type(value) is _dt.date
    return isinstance(value, cls)


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar day (``datetime.date``, not ``datetime.datetime``)."""
    if type(value) is not _dt.date:
        raise DataError(_path(instance, attribute), f"expected a date, got {_kind(value)}")


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar day or ``None``."""
    if value is not None:
        is_date(instance, attribute, value)


def is_nonempty_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string."""
    if not isinstance(value, str):
        raise DataError(_path(instance, attribute), f"expected a string, got {_kind(value)}")
    if not value.strip():
        raise DataError(_path(instance, attribute), "must not be empty")


def is_optional_nonempty_str(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """A non-empty string or ``None``."""
    if value is not None:
        is_nonempty_str(instance, attribute, value)


def is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``True`` or ``False``."""
    if not isinstance(value, bool):
        raise DataError(_path(instance, attribute), f"expected a boolean, got {_kind(value)}")


def _check_bounds(
    instance: object,
    attribute: attrs.Attribute[Any],
    value: float,
    minimum: float | None,
    maximum: float | None,
) -> None:
    # A huge value is not echoed: it may have more digits than ``str`` converts.
    got = f", got {value}" if -_SHOWN < value < _SHOWN else ""
    if minimum is not None and value < minimum:
        raise DataError(_path(instance, attribute), f"must be at least {minimum}{got}")
    if maximum is not None and value > maximum:
        raise DataError(_path(instance, attribute), f"must be at most {maximum}{got}")


def is_int(minimum: int | None = None, maximum: int | None = None) -> Validator:
    """An integer (never a ``bool``), at least ``minimum`` and at most ``maximum`` where given.

    Give every count a ``maximum`` that keeps the arithmetic done with it in range (dates
    ``maximum`` days away, float conversions): a document may hold any integer (``10**400``).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise DataError(_path(instance, attribute), f"expected an integer, got {_kind(value)}")
        _check_bounds(instance, attribute, value, minimum, maximum)

    return check


def is_number(minimum: float | None = None, maximum: float | None = None) -> Validator:
    """A finite int or float (never a ``bool``), at least ``minimum`` and at most ``maximum``
    where given. An integer too large for a float (``10**400``) is not a finite number."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise DataError(_path(instance, attribute), f"expected a number, got {_kind(value)}")
        if isinstance(value, float) and not -_FLOAT_MAX <= value <= _FLOAT_MAX:  # NaN, inf
            raise DataError(_path(instance, attribute), "must be a finite number")
        _check_bounds(instance, attribute, value, minimum, maximum)
        if not -_FLOAT_MAX <= value <= _FLOAT_MAX:  # an integer no float can hold
            raise DataError(_path(instance, attribute), "must be a finite number")

    return check


def is_instance(cls: type[Any]) -> Validator:
    """An instance of ``cls`` (for model and enum fields)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _is_a(value, cls):
            raise DataError(
                _path(instance, attribute), f"expected {cls.__name__}, got {_kind(value)}"
            )

    return check


def is_optional_instance(cls: type[Any]) -> Validator:
    """An instance of ``cls`` or ``None``."""
    inner = is_instance(cls)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def is_tuple_of(cls: type[Any]) -> Validator:
    """A tuple whose every item is an instance of ``cls``; the path names the bad index."""
    exact = cls is _dt.date  # see _is_a: no datetime where a date is expected

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise DataError(_path(instance, attribute), f"expected a tuple, got {_kind(value)}")
        # Runs for every record of every loaded youth: no call per item on the good path.
        for index, item in enumerate(value):
            if (type(item) is not cls) if exact else (not isinstance(item, cls)):
                raise DataError(
                    f"{_path(instance, attribute)}[{index}]",
                    f"expected {cls.__name__}, got {_kind(item)}",
                )

    return check


def is_frozenset_of(cls: type[Any]) -> Validator:
    """A frozenset whose every item is an instance of ``cls``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise DataError(_path(instance, attribute), f"expected a frozenset, got {_kind(value)}")
        for item in value:
            if not _is_a(item, cls):
                raise DataError(
                    _path(instance, attribute), f"expected {cls.__name__} items, got {_kind(item)}"
                )

    return check


def optional_date_not_before(other: str) -> Validator:
    """A date or ``None`` that is not before the instance's date field ``other``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        is_optional_date(instance, attribute, value)
        reference: _dt.date = getattr(instance, other)
        if value is not None and value < reference:
            raise DataError(
                _path(instance, attribute),
                f"must not be before {other} ({reference.isoformat()}), got {value.isoformat()}",
            )

    return check


def check_day(name: str, value: object) -> _dt.date:
    """``value`` where it is a calendar day; else a :class:`DataError` naming argument ``name``.

    For the ``on=`` of every public rule: a ``datetime`` (``datetime.now()`` in a nightly job),
    a string or ``None`` is refused, never compared or silently truncated.
    """
    if type(value) is not _dt.date:
        raise DataError(name, f"expected a date, got {_kind(value)}")
    return value
