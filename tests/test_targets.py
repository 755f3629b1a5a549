"""Tests for kui_core.targets: the national targets and progress towards them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import (
    NATIONAL_TARGETS,
    DataError,
    Direction,
    LegalBasis,
    Rate,
    Target,
    target_progress,
)
from kui_core.legal import SourceKind
from kui_core.targets import BEDRE_VEJE_2017, EUD_REFORM_2014

COMPLETION = NATIONAL_TARGETS["completion_2030"]
NEET = NATIONAL_TARGETS["neet_2030"]
EUD_2020 = NATIONAL_TARGETS["vocational_2020"]
EUD_2025 = NATIONAL_TARGETS["vocational_2025"]


def test_national_targets_as_agreed() -> None:
    """Bedre veje til uddannelse og job (2017) and the 2014 vocational reform."""
    assert (COMPLETION.year, COMPLETION.value, COMPLETION.direction) == (
        2030,
        0.90,
        Direction.AT_LEAST,
    )
    assert (COMPLETION.baseline, COMPLETION.baseline_year) == (0.84, 2016)
    assert (NEET.year, NEET.value, NEET.direction) == (2030, 0.035, Direction.AT_MOST)
    assert (NEET.baseline, NEET.baseline_year) == (0.071, 2016)
    assert NEET.value == pytest.approx(NEET.baseline / 2, abs=0.001)  # "halved"
    assert dict(NEET.observed)[2023] == 0.063
    assert (EUD_2020.year, EUD_2020.value) == (2020, 0.25)
    assert (EUD_2025.year, EUD_2025.value) == (2025, 0.30)
    assert dict(EUD_2025.observed) == {2013: 0.19, 2023: 0.194}
    assert COMPLETION.source is BEDRE_VEJE_2017
    assert NEET.source is BEDRE_VEJE_2017
    assert EUD_2020.source is EUD_REFORM_2014
    assert EUD_2025.source is EUD_REFORM_2014
    assert "2017" in str(BEDRE_VEJE_2017)
    assert "2014" in str(EUD_REFORM_2014)
    with pytest.raises(TypeError):
        NATIONAL_TARGETS["mine"] = COMPLETION  # type: ignore[index]


def test_neet_2023_is_not_on_track_for_2030() -> None:
    """6.3 % in 2023 against 3.5 % by 2030: 0.40 points a year needed; the 2016-2023 trend
    (-0.11 points a year) projects 5.5 % in 2030."""
    progress = target_progress(dict(NEET.observed), NEET)
    assert progress.latest_year == 2023
    assert progress.latest == 0.063
    assert progress.gap == pytest.approx(0.028)
    assert not progress.met
    assert progress.years_left == 7
    assert progress.required_yearly_change == pytest.approx(-0.004)
    assert progress.trend == pytest.approx(-0.008 / 7)
    assert progress.projected == pytest.approx(0.055)
    assert not progress.on_track
    assert progress.publishable
    assert str(progress) == (
        "Under-25s with no attachment to education or work (1 October): 6.3 % in 2023, target"
        " ≤ 3.5 % by 2030 — not on track, needs -0.40 points a year"
    )


def test_vocational_2020_target_missed_after_its_year() -> None:
    """19.4 % in 2023: the 2020 target year has passed unmet; no yearly change can reach it."""
    progress = target_progress({2013: 0.19, 2023: 0.194}, EUD_2020)
    assert progress.years_left == -3
    assert progress.required_yearly_change is None
    assert not progress.on_track
    assert str(progress).endswith("— not on track")


def test_single_point_has_no_trend() -> None:
    progress = target_progress({2024: 0.88}, COMPLETION)
    assert progress.trend is None
    assert progress.projected is None
    assert not progress.on_track
    assert progress.required_yearly_change == pytest.approx(0.02 / 6)


def test_met_target_is_on_track_with_nothing_to_do() -> None:
    progress = target_progress({2024: 0.91}, COMPLETION)
    assert progress.met
    assert progress.on_track
    assert progress.gap == pytest.approx(-0.01)
    assert progress.required_yearly_change == 0.0
    assert "— met" in str(progress)


def test_least_squares_trend_decides_on_track() -> None:
    """0.84, 0.86, 0.85, 0.87 over 2016-2019: slope 0.008/year, 0.958 projected in 2030."""
    series = {2016: 0.84, 2017: 0.86, 2018: 0.85, 2019: 0.87}
    progress = target_progress(series, COMPLETION)
    assert progress.trend == pytest.approx(0.008)
    assert progress.projected == pytest.approx(0.8550 + 0.008 * 12.5)
    assert progress.on_track
    assert str(progress).endswith("— on track, needs 0.27 points a year")


def test_series_of_rates() -> None:
    series = {2022: Rate(80, 100), 2023: Rate(3, 4)}
    progress = target_progress(series, COMPLETION)
    assert progress.latest == 0.75
    assert not progress.publishable  # 3 of 4 is suppressed


def test_str_of_progress_on_a_suppressed_rate_shows_no_numbers() -> None:
    """3 of 4 is suppressed: str must not print 75.0 %, nor a gap or trend computed from it."""
    progress = target_progress({2022: Rate(80, 100), 2023: Rate(3, 4)}, COMPLETION)
    text = str(progress)
    assert "75" not in text
    assert "needs" not in text
    assert text == (
        "25-year-olds with a completed youth education: [suppressed] in 2023,"
        " target ≥ 90.0 % by 2030"
    )


@pytest.mark.parametrize(
    ("series", "path"),
    [
        ({}, "series"),
        ([(2020, 0.5)], "series"),
        ({"2020": 0.5}, "series"),
        ({True: 0.5}, "series"),
        ({2020: 1.5}, "series[2020]"),
        ({2020: math.nan}, "series[2020]"),
        ({2020: "0.5"}, "series[2020]"),
        ({2020: Rate(0, 0)}, "series[2020]"),
    ],
)
def test_bad_series_raise_data_error(series: object, path: str) -> None:
    with pytest.raises(DataError) as error:
        target_progress(series, COMPLETION)  # type: ignore[arg-type]
    assert error.value.path == path


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"value": 90}, "Target.value"),
        ({"value": -0.1}, "Target.value"),
        ({"baseline": 2.0}, "Target.baseline"),
        ({"year": "2030"}, "Target.year"),
        ({"source": ""}, "Target.source"),
        ({"source": 7}, "Target.source"),
        ({"direction": "at_least"}, "Target.direction"),
        ({"baseline_year": 2016.0}, "Target.baseline_year"),
        ({"observed": [(2016, 0.5)]}, "Target.observed"),
        ({"observed": ((2016, 5),)}, "Target.observed[0]"),
        ({"observed": (("2016", 0.5),)}, "Target.observed[0]"),
        ({"observed": ((2016,),)}, "Target.observed[0]"),
    ],
)
def test_target_validates_its_fields(kwargs: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "name": "Local target",
        "year": 2030,
        "value": 0.5,
        "source": "Byrådets beslutning",
    }
    fields.update(kwargs)
    with pytest.raises(DataError) as error:
        Target(**fields)  # type: ignore[arg-type]
    assert error.value.path == path


def test_a_local_target_may_cite_a_string_or_a_legal_basis() -> None:
    basis = LegalBasis(kind=SourceKind.MUNICIPAL_STRATEGY, law="Lejre Kommune", title="Mål")
    assert Target("x", 2030, 0.5, source=basis).source is basis
    assert Target("x", 2030, 0.5, source="Byrådet, 2024").source == "Byrådet, 2024"


_SHARES = st.floats(0, 1, allow_nan=False)


@given(
    st.dictionaries(st.integers(2000, 2040), _SHARES, min_size=1, max_size=8),
    st.builds(
        Target,
        name=st.just("t"),
        year=st.integers(2000, 2040),
        value=_SHARES,
        direction=st.sampled_from(Direction),
        source=st.just("test"),
    ),
)
def test_progress_is_consistent(series: dict[int, float], target: Target) -> None:
    progress = target_progress(series, target)
    latest_year = max(series)
    assert progress.latest_year == latest_year
    assert progress.latest == series[latest_year]
    assert progress.met is (progress.gap <= 0)
    assert progress.met is target.met_by(progress.latest)
    if progress.met:
        assert progress.on_track
        assert progress.required_yearly_change == 0.0
    elif progress.years_left > 0:
        assert progress.required_yearly_change is not None
        reached = progress.latest + progress.required_yearly_change * progress.years_left
        assert reached == pytest.approx(target.value, abs=1e-9)
    else:
        assert progress.required_yearly_change is None
        assert not progress.on_track
    assert (progress.trend is None) is (len(series) == 1)
    if progress.projected is not None and progress.years_left > 0:
        assert progress.on_track is (progress.met or target.met_by(progress.projected))
