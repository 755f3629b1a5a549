"""No CPR digits in any repr, str or exception text (DESIGN §4 Privacy)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

# The printer Hypothesis uses for falsifying examples in test reports (a vendored module).
from hypothesis.vendor.pretty import pretty

from kui_core import CprNumber, DataError, Youth, assess_eligibility
from kui_core.serialization import loads
from kui_core.strategies import cpr_numbers, youths

MASK = "******-****"


def secrets(cpr: CprNumber) -> list[str]:
    """What must never be shown: the number in both spellings and its 6-digit date part."""
    text = cpr.reveal()
    return [text, text.replace("-", ""), text[:6]]


def exception_texts(error: BaseException) -> Iterator[str]:
    """str and repr of the exception, its collected problems, causes and grouped exceptions."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield repr(current.args)
        if isinstance(current, DataError):
            yield repr(current.errors)
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]
        todo += list(getattr(current, "exceptions", ()))


def assert_hidden(cpr: CprNumber, *texts: str) -> None:
    for text in texts:
        for secret in secrets(cpr):
            assert secret not in text


@given(cpr_numbers())
def test_cpr_repr_and_str_show_no_digits(cpr: CprNumber) -> None:
    assert repr(cpr) == f"CprNumber('{MASK}')"
    assert str(cpr) == MASK
    assert f"{cpr}" == MASK
    assert f"{cpr!r}" == repr(cpr)
    assert pretty(cpr) == repr(cpr)
    assert_hidden(cpr, repr([cpr]), repr({"cpr": cpr}), repr((cpr,)))


@given(youths(with_cpr=True))
def test_youth_repr_and_str_show_no_digits(youth: Youth) -> None:
    youth = attrs.evolve(youth, person_id="p-1")  # a random id could contain the digits by chance
    assert youth.cpr is not None
    assert_hidden(youth.cpr, repr(youth), str(youth), repr([youth]))
    assert MASK in repr(youth)
    assert_hidden(youth.cpr, pretty(youth), pretty([youth.cpr]))
    result = assess_eligibility(youth, dt.date(2025, 1, 1))
    assert_hidden(
        youth.cpr,
        repr(result),
        *(f.message(lang) for f in result.findings for lang in ("da", "en")),
    )


@given(cpr_numbers(), st.integers(1, 400))
def test_birth_date_mismatch_error_shows_no_digits(cpr: CprNumber, shift: int) -> None:
    other_day = cpr.birth_date + dt.timedelta(days=shift)
    with pytest.raises(DataError) as caught:
        Youth("p-1", other_day, cpr=cpr)
    assert caught.value.path == "Youth.cpr"
    assert_hidden(cpr, *exception_texts(caught.value))


def _malformed(text: str, how: int) -> str:
    digits = text.replace("-", "")
    return [
        digits + "0",  # 11 digits
        digits[:9],  # 9 digits
        digits[:5] + "-" + digits[5:],  # dash in the wrong place
        text + "x",
        digits[:9] + "x",
        f"{digits[:6]} {digits[6:]}",
        "32" + digits[2:],  # day 32: an impossible date
        digits[:2] + "13" + digits[4:],  # month 13
    ][how]


@given(cpr_numbers(), st.integers(0, 7))
def test_malformed_and_impossible_numbers_raise_without_echoing_digits(
    cpr: CprNumber, how: int
) -> None:
    bad = _malformed(cpr.reveal(), how)
    with pytest.raises(DataError) as caught:
        CprNumber(bad)
    assert_hidden(cpr, *exception_texts(caught.value))
    for secret in (bad, bad.replace("-", "")):
        assert all(secret not in text for text in exception_texts(caught.value))


@given(cpr_numbers(), st.integers(0, 7), st.booleans())
def test_loading_a_bad_cpr_shows_no_digits(cpr: CprNumber, how: int, mismatch: bool) -> None:
    """The JSON path: bad or mismatching CPR numbers in a document."""
    born = cpr.birth_date + dt.timedelta(days=1) if mismatch else cpr.birth_date
    text = cpr.reveal() if mismatch else _malformed(cpr.reveal(), how)
    document = json.dumps({"person_id": "p-1", "birth_date": born.isoformat(), "cpr": text})
    with pytest.raises(DataError) as caught:
        loads(document, Youth)
    assert caught.value.path == "$.cpr"
    assert_hidden(cpr, *exception_texts(caught.value))


def test_reveal_is_the_only_way_to_the_digits() -> None:
    cpr = CprNumber("290204-4321")
    assert cpr.reveal() == "290204-4321"
    public = [name for name in dir(cpr) if not name.startswith("_")]
    assert sorted(public) == ["birth_date", "passes_modulus_11", "reveal"]
