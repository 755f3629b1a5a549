"""The audit stamp: which kui-core, which catalogue and which policy produced a report."""

from __future__ import annotations

import datetime as dt
import json
import string
import subprocess
import sys

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from kui_core import (
    DEFAULT_POLICY,
    RULES,
    RULES_CHECKED_ON,
    AuditStamp,
    CoordinatorRequired,
    DataError,
    Eligibility,
    Finding,
    LeapDayRule,
    Period,
    PlanReport,
    Policy,
    PolicyTimeline,
    Programme,
    Severity,
    Youth,
    __version__,
    assess_eligibility,
    audit,
    audit_stamp,
    policy_fingerprint,
    review_case,
    validate_plan,
)
from kui_core.audit import LAST_CHECKED_DAY, STALE_AFTER_MONTHS, stale_on, unverified_on
from kui_core.case import CoordinatorAssignment, Offer, YouthCase
from kui_core.plan import EducationPlan, Goal, GoalKind, Intervention, Participant, Role
from kui_core.review import CaseReport
from kui_core.serialization import dumps, loads
from kui_core.strategies import cases, policies, reference_days

D = dt.date
YOUTH = Youth("y-42", D(2006, 9, 15))
PLAN = EducationPlan(
    id="plan-1",
    created_on=D(2025, 8, 1),
    participants=(Participant("y-42", Role.YOUTH), Participant("anna", Role.COORDINATOR)),
    goals=(Goal("g1", GoalKind.EDUCATION, "Start på EUD", D(2026, 8, 1)),),
    interventions=(
        Intervention("i1", "UU", "Vejledning", Period(D(2025, 8, 1)), frozenset({"g1"})),
    ),
    next_follow_up=D(2026, 1, 15),
)
CASE = YouthCase(
    YOUTH,
    D(2025, 8, 1),
    plans=(PLAN,),
    coordinators=(CoordinatorAssignment("anna", "UU", Period(D(2025, 8, 1))),),
    offers=(Offer("fgu", "FGU", Period(D(2025, 8, 11))),),
)
ON = D(2025, 10, 1)
OUR_POLICY = attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)
FROM_2026 = PolicyTimeline(DEFAULT_POLICY, {D(2026, 1, 1): OUR_POLICY})
HEX = frozenset(string.hexdigits.lower())


# --------------------------------------------------------------------------------------------
# The fingerprint


@settings(max_examples=200)
@given(policies(with_severities=True), policies(with_severities=True))
def test_policies_have_the_same_fingerprint_exactly_when_they_are_equal(
    first: Policy, second: Policy
) -> None:
    for policy in (first, second):
        fingerprint = policy_fingerprint(policy)
        assert len(fingerprint) == 16
        assert set(fingerprint) <= HEX
    assert (policy_fingerprint(first) == policy_fingerprint(second)) == (first == second)


@pytest.mark.parametrize(
    "changes",
    [
        {"outreach_work_hours": 30},
        {"outreach_work_hours": 20.5},
        {"max_transition_gap_days": 14},
        {"leap_day_rule": LeapDayRule.FEBRUARY_28},
        {"coordinator_required": CoordinatorRequired.COORDINATED_EFFORT},
        {"contact_includes_parents": True},
        {"target_group_exit": DEFAULT_POLICY.target_group_exit | {Programme.STU}},
        {"extra_closed_days": frozenset({D(2026, 6, 5)})},
        {"extra_closed_days": frozenset({D(2026, 12, 24)})},
        {"severities": {"plan.no_shared_goal": Severity.ERROR}},
        {"severities": {"plan.no_shared_goal": None}},
        {"severities": {"coordination.overlap": None}},
    ],
)
def test_a_changed_value_changes_the_fingerprint(changes: dict[str, object]) -> None:
    changed = attrs.evolve(DEFAULT_POLICY, **changes)
    assert policy_fingerprint(changed) != policy_fingerprint(DEFAULT_POLICY)
    assert audit_stamp(changed) != audit_stamp(DEFAULT_POLICY)


def test_two_reports_made_with_different_policies_have_different_fingerprints() -> None:
    ours = review_case(CASE, ON, OUR_POLICY)
    default = review_case(CASE, ON)
    assert ours.stamp is not None
    assert default.stamp is not None
    assert ours.stamp.policy_fingerprint != default.stamp.policy_fingerprint
    assert ours.stamp.library_version == default.stamp.library_version == __version__
    assert ours.stamp.rules_checked_on == default.stamp.rules_checked_on == RULES_CHECKED_ON


def test_equal_policies_built_apart_have_the_same_fingerprint() -> None:
    one = Policy(
        severities={"plan.no_shared_goal": Severity.ERROR, "coordination.overlap": None},
        extra_closed_days=frozenset({D(2026, 6, 5), D(2026, 12, 24)}),
        outreach_work_hours=30,
    )
    other = Policy(
        outreach_work_hours=30,
        extra_closed_days=frozenset({D(2026, 12, 24), D(2026, 6, 5)}),
        severities={"coordination.overlap": None, "plan.no_shared_goal": Severity.ERROR},
    )
    assert one == other
    assert policy_fingerprint(one) == policy_fingerprint(other)
    assert audit_stamp(one) == audit_stamp(other)
    assert review_case(CASE, ON, one).stamp == review_case(CASE, ON, other).stamp


def test_the_fingerprint_of_the_default_policy_is_stable_across_processes() -> None:
    """Not a hash of Python objects (randomised per process): the same in a fresh interpreter."""
    script = (
        "from kui_core import DEFAULT_POLICY, policy_fingerprint as f; print(f(DEFAULT_POLICY))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert fresh == policy_fingerprint(DEFAULT_POLICY)


@pytest.mark.parametrize(
    ("field", "value"),
    [("outreach_work_hours", 20.0), ("neet_work_hours", 18.0), ("duty_work_hours", 18.0)],
)
def test_equal_policies_with_an_int_or_a_float_have_one_fingerprint_in_any_order(
    field: str, value: float
) -> None:
    """20 == 20.0: the policies are equal, so the fingerprint may not depend on which of them
    was fingerprinted first (the fingerprints are cached by policy)."""
    as_float = attrs.evolve(DEFAULT_POLICY, **{field: value})
    assert as_float == DEFAULT_POLICY
    audit._fingerprint.cache_clear()
    float_first = policy_fingerprint(as_float)
    audit._fingerprint.cache_clear()
    int_first = policy_fingerprint(DEFAULT_POLICY)
    assert float_first == int_first


def test_zero_hours_as_0_0_and_minus_0_0_have_the_fingerprint_of_0() -> None:
    fingerprints = set()
    for zero in (0, 0.0, -0.0):
        audit._fingerprint.cache_clear()
        fingerprints.add(policy_fingerprint(attrs.evolve(DEFAULT_POLICY, outreach_work_hours=zero)))
    assert len(fingerprints) == 1


@pytest.mark.parametrize("policy", [None, "default", FROM_2026, {"outreach_work_hours": 30}])
def test_fingerprint_and_stamp_of_no_policy_are_data_errors(policy: object) -> None:
    for make in (policy_fingerprint, audit_stamp):
        with pytest.raises(DataError) as raised:
            make(policy)  # type: ignore[arg-type]
        assert raised.value.path == "policy"
        assert "expected Policy" in raised.value.reason


# --------------------------------------------------------------------------------------------
# The stamp


def test_the_stamp_names_this_version_the_catalogue_check_and_the_policy() -> None:
    stamp = audit_stamp(OUR_POLICY)
    assert stamp == AuditStamp(__version__, RULES_CHECKED_ON, policy_fingerprint(OUR_POLICY))


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"library_version": ""}, "AuditStamp.library_version"),
        ({"library_version": 1}, "AuditStamp.library_version"),
        ({"rules_checked_on": "2026-11-30"}, "AuditStamp.rules_checked_on"),
        ({"rules_checked_on": dt.datetime(2026, 11, 30)}, "AuditStamp.rules_checked_on"),
        ({"policy_fingerprint": "A2DEA22A03685753"}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": "a2dea22a0368575"}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": "a2dea22a036857530"}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": "g2dea22a03685753"}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": " 2dea22a03685753"}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": ""}, "AuditStamp.policy_fingerprint"),
        ({"policy_fingerprint": None}, "AuditStamp.policy_fingerprint"),
    ],
)
def test_a_bad_stamp_is_a_data_error(changes: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "library_version": "1.0.0",
        "rules_checked_on": D(2026, 11, 30),
        "policy_fingerprint": "a2dea22a03685753",
    }
    with pytest.raises(DataError) as raised:
        AuditStamp(**{**fields, **changes})  # type: ignore[arg-type]
    assert raised.value.path == path


@pytest.mark.parametrize("report", [Eligibility, PlanReport, CaseReport])
def test_a_report_built_by_hand_has_no_stamp_unless_given(report: type) -> None:
    field = attrs.fields_dict(report)["stamp"]
    assert field.default is None


@pytest.mark.parametrize("report", [PlanReport, CaseReport])
def test_a_report_with_a_stamp_that_is_no_stamp_is_a_data_error(report: type) -> None:
    made = review_case(CASE, ON)
    with pytest.raises(DataError) as raised:
        attrs.evolve(made.plan if report is PlanReport else made, stamp="a2dea22a03685753")
    assert raised.value.path == f"{report.__name__}.stamp"


def test_the_rules_stamp_their_reports_with_the_policy_in_force_on_1_october_2025() -> None:
    """A timeline: the defaults until 2025, 30 hours from 1 January 2026."""
    stamp = audit_stamp(DEFAULT_POLICY)
    assert assess_eligibility(YOUTH, ON, FROM_2026).stamp == stamp
    assert validate_plan(PLAN, YOUTH, ON, FROM_2026).stamp == stamp
    report = review_case(CASE, ON, FROM_2026)
    assert report.stamp == stamp
    assert report.eligibility.stamp == stamp
    assert report.plan is not None
    assert report.plan.stamp == stamp


def test_the_rules_stamp_their_reports_with_the_policy_in_force_on_15_january_2026() -> None:
    on = D(2026, 1, 15)
    stamp = audit_stamp(OUR_POLICY)
    assert stamp != audit_stamp(DEFAULT_POLICY)
    assert assess_eligibility(YOUTH, on, FROM_2026).stamp == stamp
    assert validate_plan(PLAN, YOUTH, on, FROM_2026).stamp == stamp
    report = review_case(CASE, on, FROM_2026)
    assert report.stamp == stamp
    assert report.eligibility.stamp == stamp
    assert report.plan is not None
    assert report.plan.stamp == stamp


# --------------------------------------------------------------------------------------------
# JSON


def test_the_stamp_round_trips_through_json() -> None:
    stamp = audit_stamp(OUR_POLICY)
    text = dumps(stamp)
    assert json.loads(text) == {
        "schema_version": 1,
        "library_version": __version__,
        "rules_checked_on": RULES_CHECKED_ON.isoformat(),
        "policy_fingerprint": policy_fingerprint(OUR_POLICY),
    }
    assert loads(text, AuditStamp) == stamp


def test_a_bad_fingerprint_in_json_is_a_data_error() -> None:
    document = json.loads(dumps(audit_stamp(DEFAULT_POLICY)))
    document["policy_fingerprint"] = "not hex at all!!"
    with pytest.raises(DataError) as raised:
        loads(json.dumps(document), AuditStamp)
    assert "policy_fingerprint" in raised.value.path


def test_eligibility_plan_and_case_reports_round_trip_through_json_with_their_stamp() -> None:
    report = review_case(CASE, ON, FROM_2026)
    assert report.plan is not None
    for made, model in (
        (report, CaseReport),
        (report.eligibility, Eligibility),
        (report.plan, PlanReport),
    ):
        text = dumps(made)
        assert json.loads(text)["stamp"]["policy_fingerprint"] == policy_fingerprint(DEFAULT_POLICY)
        back = loads(text, model)
        assert back == made
        assert back.stamp == made.stamp


def test_a_report_without_a_stamp_round_trips_with_null() -> None:
    report = attrs.evolve(review_case(CASE, ON), stamp=None)
    assert json.loads(dumps(report))["stamp"] is None
    assert loads(dumps(report), CaseReport) == report


@settings(max_examples=40)
@given(
    policies(with_severities=True).flatmap(lambda p: st.tuples(st.just(p), reference_days())),
    st.data(),
)
def test_any_case_report_round_trips_through_json_with_its_stamp(
    drawn: tuple[Policy, dt.date], data: st.DataObject
) -> None:
    policy, on = drawn
    case = data.draw(cases(data.draw(st.booleans()), on=on, policy=policy))
    report = review_case(case, on, policy)
    assert report.stamp == audit_stamp(policy)
    assert loads(dumps(report), CaseReport) == report


# --------------------------------------------------------------------------------------------
# The catalogue's check date and catalogue.unverified_period


def test_rules_checked_on_is_the_latest_check_of_any_source_of_the_catalogue() -> None:
    checked = [
        source.checked_on
        for rule in RULES.values()
        for source in rule.sources
        if source.checked_on is not None
    ]
    assert max(checked) == RULES_CHECKED_ON
    assert audit.RULES_CHECKED_ON is RULES_CHECKED_ON


def test_the_catalogue_is_stale_from_the_day_after_twelve_months_past_its_check() -> None:
    assert STALE_AFTER_MONTHS == 12
    last_fresh = RULES_CHECKED_ON + relativedelta(months=12)
    assert not stale_on(RULES_CHECKED_ON)
    assert not stale_on(last_fresh)
    assert stale_on(last_fresh + dt.timedelta(days=1))
    assert not stale_on(dt.date.min)
    assert stale_on(dt.date.max)


def _unverified(on: dt.date, policy: Policy | PolicyTimeline = DEFAULT_POLICY) -> list[Finding]:
    report = review_case(CASE, on, policy)
    return [f for f in report.findings if f.code == "catalogue.unverified_period"]


def test_a_review_twelve_months_after_the_check_has_no_unverified_period() -> None:
    assert _unverified(RULES_CHECKED_ON + relativedelta(months=12)) == []
    assert _unverified(RULES_CHECKED_ON) == []


def test_a_review_twelve_months_and_a_day_after_the_check_has_an_unverified_period() -> None:
    on = RULES_CHECKED_ON + relativedelta(months=12) + dt.timedelta(days=1)
    (finding,) = _unverified(on)
    assert finding.severity is Severity.INFO
    assert finding.subject == f"2019-08-01 – {LAST_CHECKED_DAY.isoformat()}"
    assert finding.period is None
    assert LAST_CHECKED_DAY.isoformat() in finding.message("en")
    assert finding.sources == RULES["catalogue.unverified_period"].sources


def test_a_review_in_2040_has_an_unverified_period_under_a_timeline_too() -> None:
    (finding,) = _unverified(D(2040, 1, 1), FROM_2026)
    assert finding.subject == f"2019-08-01 – {LAST_CHECKED_DAY.isoformat()}"


def test_a_review_on_2019_07_31_before_the_kui_has_an_unverified_period() -> None:
    (finding,) = _unverified(D(2019, 7, 31))
    assert "2019-08-01" in finding.message("da")
    assert unverified_on(D(2019, 7, 31))
    assert unverified_on(dt.date.min)


def test_a_review_on_2019_08_01_when_the_kui_took_effect_has_none() -> None:
    assert _unverified(D(2019, 8, 1)) == []
    assert not unverified_on(D(2019, 8, 1))
    assert not unverified_on(LAST_CHECKED_DAY)
    assert unverified_on(LAST_CHECKED_DAY + dt.timedelta(days=1))


def test_a_policy_can_switch_the_unverified_period_off_or_raise_it() -> None:
    on = D(2040, 1, 1)
    off = Policy(severities={"catalogue.unverified_period": None})
    assert _unverified(on, off) == []
    warning = Policy(severities={"catalogue.unverified_period": Severity.WARNING})
    (finding,) = _unverified(on, warning)
    assert finding.severity is Severity.WARNING


def test_the_unverified_period_is_a_catalogue_rule_with_a_source() -> None:
    rule = RULES["catalogue.unverified_period"]
    assert rule.severity is Severity.INFO
    assert rule.sources
    assert "{subject}" in rule.da
    assert "{subject}" in rule.en
