"""The Danish rule summaries (`Rule.summary_da`): one for every rule, true to the English one.

A translation must not silently change a deadline, an age, a number of hours, a § or a named
setting: every number, `Policy.xxx` field, other code name (`Youth.guided_elsewhere`, a rule
code such as `plan.missing`) and acronym (STU, EUX, PARENT) of the English summary is in the
Danish one, and the Danish one names no other.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kui_core import RULES, Policy

_RULE_PREFIXES = "|".join(sorted({code.partition(".")[0] for code in RULES}))
_TOKEN = re.compile(
    r"\d+"  # deadlines, ages, hours, years, § and stk. numbers
    rf"|\b(?:[A-Z]\w*|kui_core|{_RULE_PREFIXES})(?:\.(?:\w+|\*))+"  # Policy.min_age, plan.missing
    r"|\b[a-z]+_\w+"  # bare code names: review_case
    r"|\b[A-Z]{2,}\b"  # acronyms and enum names: STU, EUX, PARENT, WARNING
)
_POLICY_FIELDS = tuple(field.name for field in attrs.fields(Policy))
_CODES = sorted(RULES)


def _tokens(text: str) -> Counter[str]:
    """The numbers and names of ``text``, counted: a number changed into another one that the
    text already names is caught too."""
    return Counter(_TOKEN.findall(text))


@pytest.mark.parametrize("code", _CODES)
def test_every_rule_has_a_danish_summary_of_its_own(code: str) -> None:
    rule = RULES[code]
    assert rule.summary_da is not None, f"{code} has no Danish summary"
    assert rule.summary_da.strip() == rule.summary_da
    assert rule.summary_da != rule.summary, f"{code}: the Danish summary is the English one"


@pytest.mark.parametrize("code", _CODES)
def test_the_danish_summary_names_the_english_numbers_and_names(code: str) -> None:
    rule = RULES[code]
    assert rule.summary_da is not None
    assert _tokens(rule.summary_da) == _tokens(rule.summary), code


@pytest.mark.parametrize("code", _CODES)
def test_the_policy_fields_a_summary_names_exist(code: str) -> None:
    rule = RULES[code]
    named = {
        token.removeprefix("Policy.")
        for text in (rule.summary, rule.summary_da or "")
        for token in _tokens(text)
        if token.startswith("Policy.")
    }
    assert named <= set(_POLICY_FIELDS), code


def test_the_comparison_sees_the_english_summaries_numbers_and_fields() -> None:
    # The examples the comparison exists for: if the pattern stopped finding them, every
    # summary would compare equal and the tests above could not fail.
    contact = set(_tokens(RULES["duty.contact_overdue"].summary))
    assert {"15", "17", "5", "2", "3", "Policy.contact_deadline_working_days"} <= contact
    assert {"Policy.contact_includes_parents"} <= contact
    exemption = set(_tokens(RULES["exemption.applies"].summary))
    assert {"YouthCase.duty_exemptions", "duty.*", "plan.missing"} <= exemption
    assert {"kui_core.legal.KUI_FROM", "review_case", "2019"} <= set(
        _tokens(RULES["catalogue.unverified_period"].summary)
    )
    assert {"EPX", "HF", "EUX", "10", "2030"} <= set(
        _tokens(RULES["eligibility.programme_agreed_change"].summary)
    )
    assert _tokens("f.eks. i planen. Den unge, jf. stk. 1.") == {"1": 1}


def _summaries(code: str) -> tuple[str, str]:
    """The English and the Danish summary of rule ``code``."""
    rule = RULES[code]
    assert rule.summary_da is not None
    return rule.summary, rule.summary_da


_WITH_NUMBERS = [code for code in _CODES if re.search(r"\d", RULES[code].summary)]
_WITH_FIELDS = [code for code in _CODES if "Policy." in RULES[code].summary]


def _replace(text: str, old: str, new: str) -> str:
    """``text`` with each whole token ``old`` (not a part of a longer one) replaced by ``new``."""
    return _TOKEN.sub(lambda m: new if m.group() == old else m.group(), text)


@given(
    code=st.sampled_from(_WITH_NUMBERS),
    danish=st.booleans(),
    number=st.integers(min_value=0, max_value=10**6),
    data=st.data(),
)
def test_a_changed_number_is_caught(
    code: str, danish: bool, number: int, data: st.DataObject
) -> None:
    english, translated = _summaries(code)
    text, other = (translated, english) if danish else (english, translated)
    numbers = sorted(token for token in _tokens(text) if token.isdigit())
    new = str(number)
    old = data.draw(st.sampled_from(numbers))
    assume(new != old)  # ``new`` may be a number the text already names elsewhere
    changed = _replace(text, old, new)
    expected = _tokens(text)
    expected[new] += expected.pop(old)
    assert _tokens(changed) == expected
    assert _tokens(changed) != _tokens(other)


@given(
    code=st.sampled_from(_WITH_FIELDS),
    danish=st.booleans(),
    field=st.sampled_from(_POLICY_FIELDS),
    data=st.data(),
)
def test_a_changed_policy_field_is_caught(
    code: str, danish: bool, field: str, data: st.DataObject
) -> None:
    english, translated = _summaries(code)
    text, other = (translated, english) if danish else (english, translated)
    fields = sorted(token for token in _tokens(text) if token.startswith("Policy."))
    new = f"Policy.{field}"
    old = data.draw(st.sampled_from(fields))
    assume(new != old)
    changed = _replace(text, old, new)
    expected = _tokens(text)
    expected[new] += expected.pop(old)
    assert _tokens(changed) == expected
    assert _tokens(changed) != _tokens(other)
