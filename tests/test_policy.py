"""Policy: every municipal choice with its source, documented defaults, validated values."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from kui_core import (
    DEFAULT_POLICY,
    CoordinatorRequired,
    DataError,
    LeapDayRule,
    NewActivityFrom,
    Policy,
    Programme,
)
from kui_core.education import QUALIFYING, YOUTH_EDUCATIONS
from kui_core.strategies import policies


def test_defaults_are_the_documented_values() -> None:
    p = DEFAULT_POLICY
    assert p == Policy()
    assert (p.min_age, p.age_limit) == (15, 25)
    assert p.leap_day_rule is LeapDayRule.MARCH_1
    assert p.target_group_exit == QUALIFYING
    assert Programme.STU not in p.target_group_exit
    assert p.outreach_programmes == YOUTH_EDUCATIONS | {Programme.HIGHER}
    assert (p.outreach_work_hours, p.neet_work_hours, p.duty_work_hours) == (20, 18, 18)
    assert (p.duty_min_age, p.duty_max_age) == (15, 17)
    assert p.contact_deadline_working_days == 5
    assert p.new_activity_deadline_days == 30
    assert p.new_activity_from is NewActivityFrom.CONTACT
    assert p.contact_includes_parents is False
    assert (p.in_care_plan_age, p.in_care_plan_months) == (16, 3)
    assert (p.in_care_end_age, p.in_care_support_months) == (18, 6)
    assert p.plan_missing_after_days == 0
    assert p.coordinator_required is CoordinatorRequired.WHOLE_CASE
    assert p.min_publishable_count == 5
    assert p.extra_closed_days == frozenset()


@pytest.mark.parametrize("field", attrs.fields(Policy), ids=lambda f: f.name)
def test_every_field_names_its_source(field: attrs.Attribute[object]) -> None:
    source = field.metadata.get("source")
    assert isinstance(source, str)
    assert len(source) > 10


def test_evolve_overrides_one_choice_and_keeps_the_rest() -> None:
    policy = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)
    assert policy.outreach_work_hours == 30
    assert policy.min_age == DEFAULT_POLICY.min_age
    assert DEFAULT_POLICY.outreach_work_hours == 20


def test_policy_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_POLICY.min_age = 14  # type: ignore[misc]


@given(policies())
def test_generated_policies_are_valid(policy: Policy) -> None:
    assert attrs.evolve(policy) == policy
    assert policy.age_limit > policy.min_age
    assert policy.duty_max_age >= policy.duty_min_age


@pytest.mark.parametrize(
    ("changes", "path", "reason"),
    [
        ({"age_limit": 15}, "Policy.age_limit", "greater than min_age"),
        ({"min_age": 25}, "Policy.age_limit", "greater than min_age"),
        ({"duty_max_age": 14}, "Policy.duty_max_age", "not be less than duty_min_age"),
        ({"min_age": -1}, "Policy.min_age", "at least 0"),
        ({"min_age": 15.0}, "Policy.min_age", "expected an integer"),
        ({"age_limit": True}, "Policy.age_limit", "expected an integer"),
        ({"leap_day_rule": "march_1"}, "Policy.leap_day_rule", "expected LeapDayRule"),
        ({"target_group_exit": {Programme.STX}}, "Policy.target_group_exit", "frozenset"),
        ({"outreach_programmes": frozenset({"stx"})}, "Policy.outreach_programmes", "Programme"),
        ({"outreach_work_hours": -1}, "Policy.outreach_work_hours", "at least 0"),
        ({"neet_work_hours": "18"}, "Policy.neet_work_hours", "expected a number"),
        ({"follow_up_max_interval_days": 0}, "Policy.follow_up_max_interval_days", "at least 1"),
        ({"min_publishable_count": 0}, "Policy.min_publishable_count", "at least 1"),
        ({"coordinator_required": "whole_case"}, "Policy.coordinator_required", "Coordinator"),
        ({"new_activity_from": "contact"}, "Policy.new_activity_from", "NewActivityFrom"),
        ({"contact_includes_parents": 1}, "Policy.contact_includes_parents", "bool"),
        ({"in_care_end_age": -1}, "Policy.in_care_end_age", "at least 0"),
        ({"in_care_support_months": 6.0}, "Policy.in_care_support_months", "integer"),
        ({"plan_missing_after_days": -1}, "Policy.plan_missing_after_days", "at least 0"),
        (
            {"extra_closed_days": frozenset({dt.datetime(2025, 6, 5)})},
            "Policy.extra_closed_days",
            "date",
        ),
    ],
)
def test_bad_values_are_data_errors(changes: dict[str, object], path: str, reason: str) -> None:
    with pytest.raises(DataError) as caught:
        attrs.evolve(DEFAULT_POLICY, **changes)
    assert caught.value.path == path
    assert reason in caught.value.reason


def test_extra_closed_days_take_dates() -> None:
    """A datetime in the set would never equal the day it names: rejected (above), dates kept."""
    policy = attrs.evolve(DEFAULT_POLICY, extra_closed_days=frozenset({dt.date(2025, 6, 5)}))
    assert dt.date(2025, 6, 5) in policy.extra_closed_days


def test_the_repr_shows_only_the_choices_that_differ_from_the_defaults() -> None:
    from kui_core import DEFAULT_POLICY

    assert repr(DEFAULT_POLICY) == "Policy()"
    changed = Policy(min_age=16, max_transition_gap_days=14)
    assert repr(changed) == "Policy(min_age=16, max_transition_gap_days=14)"
    assert eval(repr(changed), {"Policy": Policy}) == changed
    assert len(repr(Policy(severities={"plan.missing": None}))) < 80
