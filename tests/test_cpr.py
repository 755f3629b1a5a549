"""CPR numbers: century table, both spellings, no modulus-11 rejection, DataError on bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from kui_core import CprNumber, DataError
from kui_core.cpr import century_of
from kui_core.strategies import cpr_numbers

# The CPR office's table (cpr.dk, "Personnummeret i CPR"): the century from the 7th digit and
# the two-digit year.
#   7th digit | 00-36 | 37-57 | 58-99
#   0, 1, 2, 3 | 1900 | 1900  | 1900
#   4, 9       | 2000 | 1900  | 1900
#   5, 6, 7, 8 | 2000 | 2000  | 1800
CENTURY_TABLE = {
    (0, 1, 2, 3): (1900, 1900, 1900),
    (4, 9): (2000, 1900, 1900),
    (5, 6, 7, 8): (2000, 2000, 1800),
}
COLUMNS = ((0, 36), (37, 57), (58, 99))


def table_cases() -> list[tuple[int, int, int]]:
    cases = []
    for digits, centuries in CENTURY_TABLE.items():
        for digit in digits:
            for (low, high), century in zip(COLUMNS, centuries, strict=True):
                for year in sorted({low, high}):
                    cases.append((digit, year, century))
    return cases


@pytest.mark.parametrize(("seventh", "year2", "century"), table_cases())
def test_century_table(seventh: int, year2: int, century: int) -> None:
    assert century_of(year2, seventh) == century
    cpr = CprNumber(f"0101{year2:02d}-{seventh}000")
    assert cpr.birth_date == dt.date(century + year2, 1, 1)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("010136-4000", dt.date(2036, 1, 1)),  # 4, year 36: last 2000s year for digit 4
        ("010137-4000", dt.date(1937, 1, 1)),  # 4, year 37: back to 1900s
        ("010136-9000", dt.date(2036, 1, 1)),
        ("010137-9000", dt.date(1937, 1, 1)),
        ("010157-5000", dt.date(2057, 1, 1)),  # 5-8, year 57: last 2000s year
        ("010158-5000", dt.date(1858, 1, 1)),  # 5-8, year 58: 1800s
        ("311299-8000", dt.date(1899, 12, 31)),
        ("010100-3000", dt.date(1900, 1, 1)),
    ],
)
def test_century_boundaries_36_37_and_57_58(text: str, born: dt.date) -> None:
    assert CprNumber(text).birth_date == born


def test_both_spellings_are_the_same_number() -> None:
    with_dash, without = CprNumber("070761-4285"), CprNumber("0707614285")
    assert with_dash == without
    assert hash(with_dash) == hash(without)
    assert without.reveal() == "070761-4285"


def test_modulus_11_check_is_informational() -> None:
    """070761-4285 passes the old check; 070761-4286 fails it and is still accepted."""
    assert CprNumber("070761-4285").passes_modulus_11
    failing = CprNumber("070761-4286")
    assert not failing.passes_modulus_11
    assert failing.birth_date == dt.date(1961, 7, 7)


def test_29_february_depends_on_the_century() -> None:
    """29.02.00 is a real day in 2000 (7th digit 4) but not in 1900 (7th digit 0-3)."""
    assert CprNumber("290200-4000").birth_date == dt.date(2000, 2, 29)
    with pytest.raises(DataError):
        CprNumber("290200-1000")


def test_repr_and_str_are_masked() -> None:
    cpr = CprNumber("070761-4285")
    assert repr(cpr) == "CprNumber('******-****')"
    assert str(cpr) == "******-****"
    assert f"{cpr}" == "******-****"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "070761428",  # 9 digits
        "07076142855",  # 11 digits, no dash
        "07076-14285",  # dash in the wrong place
        "070761 4285",  # space instead of dash
        "070761-428x",
        "０７０７６１４２８５",  # full-width digits
        "070761--4285",
        "abcdefghij",
    ],
)
def test_malformed_strings_are_data_errors(text: str) -> None:
    with pytest.raises(DataError) as caught:
        CprNumber(text)
    assert caught.value.path == "CprNumber"
    assert "10 digits" in caught.value.reason


@pytest.mark.parametrize(
    "text",
    [
        "320161-4285",  # day 32
        "001261-4285",  # day 0
        "011361-4285",  # month 13
        "010061-4285",  # month 0
        "310461-4285",  # 31 April
        "290201-4285",  # 29 February 2001
        "290297-4285",  # 29 February 1997
    ],
)
def test_impossible_dates_are_data_errors(text: str) -> None:
    with pytest.raises(DataError) as caught:
        CprNumber(text)
    assert caught.value.path == "CprNumber"
    assert "not a real date" in caught.value.reason


@pytest.mark.parametrize("value", [None, 707614285, b"0707614285", ["070761-4285"]])
def test_non_strings_are_data_errors(value: object) -> None:
    with pytest.raises(DataError) as caught:
        CprNumber(value)  # type: ignore[arg-type]
    assert "expected a string" in caught.value.reason


@given(cpr_numbers())
def test_reveal_round_trips(cpr: CprNumber) -> None:
    again = CprNumber(cpr.reveal())
    assert again == cpr
    assert again.birth_date == cpr.birth_date
    assert CprNumber(cpr.reveal().replace("-", "")) == cpr


@given(cpr_numbers())
def test_birth_date_agrees_with_the_table(cpr: CprNumber) -> None:
    digits = cpr.reveal().replace("-", "")
    born = cpr.birth_date
    assert born.strftime("%d%m") == digits[:4]
    assert born.year % 100 == int(digits[4:6])
    assert born.year - born.year % 100 == century_of(int(digits[4:6]), int(digits[6]))
