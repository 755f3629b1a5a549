"""The Danish civil registration number (CPR-nummer), handled as sensitive personal data.

A :class:`CprNumber` never shows its digits in ``repr``, ``str`` or error messages; only
:meth:`CprNumber.reveal` returns them. Numbers failing the modulus-11 check are accepted: the CPR
office has issued such numbers since 2007.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from .errors import DataError

__all__ = ["MODULUS_11_WEIGHTS", "CprNumber", "century_of", "seventh_digits"]

_MASK = "******-****"

MODULUS_11_WEIGHTS: tuple[int, ...] = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
"""The weights of the old modulus-11 check: the ten digits, each times its weight, sum to a
multiple of 11 (:attr:`CprNumber.passes_modulus_11`)."""


def century_of(year_2digit: int, seventh_digit: int) -> int:
    """The century (1800, 1900 or 2000) from the two-digit year and the 7th digit.

    The CPR office's table:

    ======== ============ ============ ============
    7th      00–36        37–57        58–99
    ======== ============ ============ ============
    0–3      1900         1900         1900
    4, 9     2000         1900         1900
    5–8      2000         2000         1800
    ======== ============ ============ ============
    """
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year_2digit <= 36 else 1900
    return 2000 if year_2digit <= 57 else 1800


def seventh_digits(year: int) -> tuple[int, ...]:
    """The 7th digits that give ``year`` under the century table of :func:`century_of`.

    Empty for years before 1858 or after 2057, which no CPR number can express.

    >>> seventh_digits(1937), seventh_digits(2040)
    ((0, 1, 2, 3, 4, 9), (5, 6, 7, 8))
    """
    return tuple(d for d in range(10) if century_of(year % 100, d) + year % 100 == year)


def _normalize(text: object) -> str:
    if not isinstance(text, str):
        raise DataError("CprNumber", f"expected a string, got {type(text).__name__}")
    digits = text[:6] + text[7:] if len(text) == 11 and text[6] == "-" else text
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()):
        raise DataError("CprNumber", "expected 10 digits as DDMMYY-SSSS or DDMMYYSSSS")
    if _birth_date(digits) is None:
        raise DataError("CprNumber", "the first six digits are not a real date (DDMMYY)")
    return digits


def _birth_date(digits: str) -> _dt.date | None:
    day, month, year2 = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = century_of(year2, int(digits[6])) + year2
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


@attrs.frozen(repr=False)
class CprNumber:
    """A CPR number. ``CprNumber("010203-1234")`` and ``CprNumber("0102031234")`` are equal.

    >>> cpr = CprNumber("290204-4321")
    >>> cpr
    CprNumber('******-****')
    >>> cpr.birth_date
    datetime.date(2004, 2, 29)
    """

    _digits: str = attrs.field(alias="text", converter=_normalize)

    def reveal(self) -> str:
        """The full number as ``DDMMYY-SSSS``. Handle with care: this is personal data."""
        return f"{self._digits[:6]}-{self._digits[6:]}"

    @property
    def birth_date(self) -> _dt.date:
        """The birth date, with the century from the 7th digit (CPR office table)."""
        born = _birth_date(self._digits)
        assert born is not None  # checked at construction
        return born

    @property
    def passes_modulus_11(self) -> bool:
        """Whether the old modulus-11 check holds (informational; failing is allowed)."""
        weighted = zip(self._digits, MODULUS_11_WEIGHTS, strict=True)
        return sum(int(d) * w for d, w in weighted) % 11 == 0

    def __repr__(self) -> str:
        return f"CprNumber('{_MASK}')"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # Hypothesis' failure reports (and IPython) pretty-print attrs classes field by field,
        # bypassing __repr__ and showing the digits; this hook, which they check first, masks.
        printer.text(repr(self))

    def __str__(self) -> str:
        return _MASK
