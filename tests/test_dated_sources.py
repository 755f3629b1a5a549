"""Sources as of the reference day: a finding cites the sources in force on its day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import (
    RULES,
    CarePlacement,
    DataError,
    Finding,
    LegalBasis,
    Period,
    Rule,
    Severity,
    SourceKind,
    Youth,
    check_in_care,
)
from kui_core.serialization import dumps, loads

D = dt.date
# In care from 10 January 2022 (aged 16): the ungeplan was due by 10 April 2022 and never made.
IN_CARE = Youth("y-c", D(2006, 1, 10), in_care=(CarePlacement(Period(D(2022, 1, 10))),))


def _late(on: dt.date) -> Finding:
    (late,) = [f for f in check_in_care(IN_CARE, on) if f.code == "plan.in_care_plan_late"]
    return late


def test_the_in_care_finding_on_2023_12_15_cites_serviceloven_then_in_force() -> None:
    late = _late(D(2023, 12, 15))
    assert late.on == D(2023, 12, 15)
    (source,) = late.sources
    assert (source.law, source.paragraph) == ("Lov om social service (serviceloven)", "§ 140")
    assert source.in_force_until == D(2024, 1, 1)
    assert late.legal_basis is source


def test_the_in_care_finding_on_2024_01_15_cites_barnets_lov_108() -> None:
    late = _late(D(2024, 1, 15))
    (source,) = late.sources
    assert source.law.startswith("Barnets lov")
    assert source.paragraph == "§ 108, stk. 2–4"
    assert source.in_force_from == D(2024, 1, 1)


def test_the_support_decision_on_2023_12_31_and_2024_01_01_cites_each_act() -> None:
    youth = Youth("y-s", D(2006, 3, 1), in_care=(CarePlacement(Period(D(2020, 1, 1))),))
    laws = []
    for on in (D(2023, 12, 31), D(2024, 1, 1)):
        (late,) = [
            f for f in check_in_care(youth, on) if f.code == "plan.in_care_support_decision_late"
        ]
        laws.append([s.paragraph for s in late.sources])
    assert laws == [["§ 68, stk. 11"], ["§ 111, stk. 1"]]


def test_a_finding_without_a_day_cites_every_source_of_its_rule() -> None:
    finding = Finding("plan.in_care_plan_late", subject="2022-04-10", period=Period(D(2022, 1, 10)))
    assert finding.sources == RULES["plan.in_care_plan_late"].sources
    assert len(finding.sources) == 4  # LBK 282/2025, LBK 890/2024, lov 721/2023, serviceloven


def test_the_day_of_a_finding_round_trips_through_json() -> None:
    late = _late(D(2023, 12, 15))
    assert loads(dumps(late), Finding) == late
    assert '"on":"2023-12-15"' in dumps(late)
    old = '{"code":"plan.goal_overdue","severity":"warning","period":null,"subject":"g1"}'
    assert loads(old, Finding).on is None  # documents written before the day was recorded


@given(st.sampled_from(sorted(RULES)), st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_a_cited_source_is_always_in_force_on_the_day(code: str, on: dt.date) -> None:
    rule = RULES[code]
    cited = rule.sources_on(on)
    assert cited  # the catalogue has a source for every day
    assert all(source.in_force_on(on) for source in cited)
    if rule.severity is Severity.ERROR:
        assert any(source.kind.is_law for source in cited)


def _basis(**dates: dt.date | None) -> LegalBasis:
    return LegalBasis(kind=SourceKind.STATUTE, law="L", title="T", **dates)


def test_in_force_is_half_open_2024_01_01() -> None:
    before = _basis(in_force_until=D(2024, 1, 1))
    after = _basis(in_force_from=D(2024, 1, 1))
    assert before.in_force_on(D(2023, 12, 31))
    assert not before.in_force_on(D(2024, 1, 1))
    assert after.in_force_on(D(2024, 1, 1))
    assert not after.in_force_on(D(2023, 12, 31))
    assert _basis().in_force_on(D(1, 1, 1))


def test_a_source_ending_before_it_starts_is_bad_data() -> None:
    with pytest.raises(DataError, match=r"LegalBasis\.in_force_until: must be after"):
        _basis(in_force_from=D(2024, 1, 1), in_force_until=D(2024, 1, 1))


def _rule(severity: Severity, *sources: LegalBasis) -> Rule:
    return Rule(code="x.y", severity=severity, summary="S", da="D", en="E", sources=sources)


def test_a_rule_with_a_day_without_sources_is_refused() -> None:
    gap = (_basis(in_force_until=D(2020, 1, 1)), _basis(in_force_from=D(2021, 1, 1)))
    with pytest.raises(DataError, match="has no source on 2020-01-01"):
        _rule(Severity.WARNING, *gap)


def test_an_error_rule_resting_on_guidance_alone_for_some_days_is_refused() -> None:
    guidance = LegalBasis(kind=SourceKind.GUIDANCE, law="uvm.dk", title="T")
    law_from_2024 = _basis(in_force_from=D(2024, 1, 1))
    with pytest.raises(DataError, match="cites no law on 0001-01-01"):
        _rule(Severity.ERROR, law_from_2024, guidance)
    assert _rule(Severity.WARNING, law_from_2024, guidance).sources_on(D(2023, 1, 1)) == (guidance,)


# --------------------------------------------------------------------------------------------
# The KUI law's texts over time: LBK 825/2019, 1393/2022, 953/2024, and the act before the KUI

_KUI_TEXT_ON = [
    (D(2019, 7, 31), "før den kommunale ungeindsats", None),
    (D(2019, 8, 1), "som ændret ved L 201 (2017-18)", "§ 2 a, stk. 1"),
    (D(2019, 8, 15), "som ændret ved L 201 (2017-18)", "§ 2 a, stk. 1"),
    (D(2019, 8, 16), "LBK nr. 825 af 16/08/2019", "§ 2 a, stk. 1"),
    (D(2022, 10, 4), "LBK nr. 825 af 16/08/2019", "§ 2 a, stk. 1"),
    (D(2022, 10, 5), "LBK nr. 1393 af 05/10/2022", "§ 2 a, stk. 1"),
    (D(2024, 8, 11), "LBK nr. 1393 af 05/10/2022", "§ 2 a, stk. 1"),
    (D(2024, 8, 12), "LBK nr. 953 af 12/08/2024", "§ 2 a, stk. 1"),
]


@pytest.mark.parametrize(("on", "text", "paragraph"), _KUI_TEXT_ON)
def test_the_plan_duty_on_each_day_from_2019_07_31_cites_the_kui_text_then_current(
    on: dt.date, text: str, paragraph: str | None
) -> None:
    finding = Finding("plan.duty_description_missing", on=on)
    kui = [s for s in finding.sources if s.kind is SourceKind.STATUTE]
    assert len(kui) == 1
    assert text in kui[0].law
    assert kui[0].paragraph == paragraph


def test_only_the_text_read_is_verified_the_earlier_ones_say_so() -> None:
    from kui_core.legal import EARLIER, KUI_DUTY, KUI_FROM

    assert KUI_DUTY.verified
    assert KUI_DUTY.in_force_from == D(2024, 8, 12)
    earlier = EARLIER[KUI_DUTY]
    assert [s.in_force_from for s in earlier] == [D(2022, 10, 5), D(2019, 8, 16), KUI_FROM, None]
    assert all(not s.verified and s.note for s in earlier)
    # Each text ends the day the next one starts: no day without, no day with two.
    ends = [KUI_DUTY.in_force_from, *(s.in_force_from for s in earlier[:-1])]
    assert [s.in_force_until for s in earlier] == ends
    # Before the KUI, no paragraph is guessed.
    assert earlier[-1].paragraph is None
    assert earlier[-1].quote is not None
    assert "vejledning om uddannelse og erhverv" in earlier[-1].law


@given(st.dates())
def test_every_error_rule_cites_exactly_one_kui_text_or_other_law_on_any_day(
    on: dt.date,
) -> None:
    from kui_core.legal import EARLIER

    for rule in RULES.values():
        cited = rule.sources_on(on)
        if rule.severity is Severity.ERROR:
            assert any(s.kind.is_law for s in cited)
        # The versions of one provision never overlap.
        for current, versions in EARLIER.items():
            chain = {current, *versions}
            if any(source in chain for source in rule.sources):
                in_chain = len([s for s in cited if s in chain])
                assert in_chain <= 1
                if any(s.in_force_from is None for s in chain):  # the chain covers every day
                    assert in_chain == 1


@pytest.mark.parametrize(
    ("on", "law"),
    [
        (D(2024, 1, 1), "Barnets lov, lov nr. 721 af 13. juni 2023"),
        (D(2024, 6, 18), "Barnets lov, lov nr. 721 af 13. juni 2023"),
        (D(2024, 6, 19), "Barnets lov, LBK nr. 890 af 19/06/2024"),
        (D(2025, 3, 16), "Barnets lov, LBK nr. 890 af 19/06/2024"),
        (D(2025, 3, 17), "Barnets lov, LBK nr. 282 af 17/03/2025"),
    ],
)
def test_barnets_lov_is_cited_by_the_text_in_force_from_2024_01_01(on: dt.date, law: str) -> None:
    (source,) = Finding("plan.in_care_plan_late", subject="x", on=on).sources
    assert source.law.startswith(law)
    assert source.paragraph == "§ 108, stk. 2–4"
    assert source.verified == (on >= D(2025, 3, 17))  # only LBK 282/2025 was read


def test_the_fgu_assessment_is_cited_from_the_kui_on_not_before_2019_08_01() -> None:
    before = Finding("eligibility.completed_youth_education", subject="stu", on=D(2019, 7, 31))
    assert [s.kind.value for s in before.sources] == ["guidance"]  # uvm.dk only
    after = Finding("eligibility.completed_youth_education", subject="stu", on=D(2019, 8, 1))
    assert any(s.paragraph == "§ 2 k, stk. 1" for s in after.sources)
