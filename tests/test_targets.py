"""Tests for kui_core.targets: the national targets and progress towards them."""

from __future__ import annotations

import datetime as dt
import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kui_core import (
    NATIONAL_TARGETS,
    DataError,
    Direction,
    LegalBasis,
    Programme,
    Rate,
    Target,
    target_progress,
)
from kui_core.education import YOUTH_EDUCATIONS
from kui_core.legal import SourceKind
from kui_core.metrics import (
    APPLICATIONS_MEASURE,
    COMPLETION_MEASURE,
    NEET_MEASURE,
    Measure,
    MeasureKind,
)
from kui_core.targets import (
    BEDRE_VEJE_2017,
    COMPLETION_PROJECTION,
    COMPLETION_REGISTER,
    EUD_REFORM_2014,
    NEET_REGISTER,
    VOCATIONAL_APPLICATIONS,
    Observation,
)

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
        ({"measure": "projection"}, "Target.measure"),
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


# --------------------------------------------------------------------------------------------
# What the targets and the published figures measure, and when they were published


def test_each_national_target_records_what_its_baseline_measures() -> None:
    """The completion baseline is a Profilmodel projection counting STU and higher education
    (uvm.dk, 14 December 2017: "ventes 84 procent"); the others are counted in registers."""
    assert COMPLETION.measure is COMPLETION_PROJECTION
    assert COMPLETION_PROJECTION.kind is MeasureKind.PROJECTION
    assert COMPLETION_PROJECTION.programmes == YOUTH_EDUCATIONS | {Programme.HIGHER}
    assert Programme.STU in COMPLETION_PROJECTION.programmes
    assert NEET.measure is NEET_REGISTER
    assert NEET_REGISTER.kind is MeasureKind.REGISTER
    assert NEET_REGISTER.programmes is None  # the source does not say whether STU counts
    assert EUD_2020.measure is EUD_2025.measure is VOCATIONAL_APPLICATIONS
    assert VOCATIONAL_APPLICATIONS.programmes == {Programme.EUD, Programme.EUX}
    assert COMPLETION_REGISTER.kind is MeasureKind.REGISTER
    assert Programme.STU not in COMPLETION_REGISTER.programmes  # gymnasial or vocational only
    assert Programme.HIGHER not in COMPLETION_REGISTER.programmes


def test_published_figures_carry_their_release_and_measure() -> None:
    projection, dst_2013, dst_2023 = COMPLETION.observed
    assert (projection.year, projection.share) == (2016, 0.84)
    assert projection.published == dt.date(2017, 12, 14)
    assert projection.measure is COMPLETION_PROJECTION
    assert "ventes 84 procent" in projection.source
    assert (dst_2013.year, dst_2013.share, dst_2023.year, dst_2023.share) == (
        2013,
        0.75,
        2023,
        0.84,
    )
    assert dst_2013.measure is dst_2023.measure is COMPLETION_REGISTER
    assert "18-45 åriges status på uddannelse 2022/2023" in str(dst_2023.published)
    assert "dst.dk" in dst_2023.source
    neet_2016, neet_2023 = NEET.observed
    assert neet_2023.published == dt.date(2024, 6, 19)
    assert neet_2016.note is not None
    assert "revised" in neet_2016.note
    eud_2013, eud_2023 = EUD_2025.observed
    assert eud_2013.note == "not re-checked in this release"
    assert eud_2023.published == dt.date(2023, 4, 17)
    assert "som ikke søgte 10. klasse" in eud_2023.source
    assert eud_2023.note is not None
    assert "fra og med 2023 ændret i opgørelsesmetoden" in eud_2023.note


def test_an_observation_unpacks_as_year_and_share() -> None:
    year, share = NEET.observed[1]
    assert (year, share) == (2023, 0.063)


def test_figures_take_the_latest_release_of_each_year() -> None:
    """A revised figure replaces the one published before it: both stay in ``observed``."""
    first = Observation(2022, 0.065, dt.date(2023, 8, 17), NEET_REGISTER, "first release")
    revised = attrs.evolve(first, share=0.062, published=dt.date(2024, 6, 19), source="revised")
    later = Observation(2023, 0.063, dt.date(2024, 6, 19), NEET_REGISTER, "release")
    target = attrs.evolve(NEET, observed=(later, first, revised))
    figures = target.figures()
    assert list(figures) == [2022, 2023]
    assert figures[2022] is revised
    assert target.figures(MeasureKind.PROJECTION) == {}
    assert list(COMPLETION.figures(MeasureKind.PROJECTION)) == [2016]
    assert list(COMPLETION.figures(MeasureKind.REGISTER)) == [2013, 2023]
    with pytest.raises(DataError, match=r"^kind: expected MeasureKind"):
        COMPLETION.figures("register")  # type: ignore[arg-type]


def test_register_series_against_the_projected_baseline_says_so() -> None:
    """DST's register series (84 % in 2023) against the target whose 84 % baseline (2016) is
    a projection: the numbers agree by coincidence, the measures do not."""
    progress = target_progress(COMPLETION.figures(MeasureKind.REGISTER), COMPLETION)
    assert progress.measure is COMPLETION_REGISTER
    assert progress.comparable is False
    (note,) = progress.notes
    assert "is a register count, not a projection" in note
    assert "does not count STU and higher education" in note
    assert str(progress).endswith(f"needs 0.86 points a year ({note})")


def test_completion_rate_against_the_target_says_so() -> None:
    progress = target_progress(
        {2024: Rate(85, 100), 2025: Rate(86, 100)}, COMPLETION, measure=COMPLETION_MEASURE
    )
    assert progress.comparable is False
    assert progress.measure is COMPLETION_MEASURE
    assert "does not count STU" in progress.notes[0]
    assert "also counts" not in progress.notes[0]
    projected_like_the_baseline = attrs.evolve(
        COMPLETION_MEASURE, kind=MeasureKind.PROJECTION, programmes=COMPLETION.measure.programmes
    )
    progress = target_progress({2025: 0.86}, COMPLETION, measure=projected_like_the_baseline)
    assert progress.comparable is True
    assert progress.notes == ()


def test_like_measures_are_comparable_and_pass_on_their_notes() -> None:
    progress = target_progress(NEET.figures(), NEET)
    assert progress.comparable is True
    assert progress.notes == (f"2016: {NEET.observed[0].note}",)
    assert str(progress).endswith(f"needs -0.40 points a year (2016: {NEET.observed[0].note})")
    assert target_progress({2025: 0.06}, NEET, measure=NEET_MEASURE).comparable is True
    eud = target_progress(EUD_2025.figures(), EUD_2025)
    assert eud.comparable is True
    assert eud.notes[0] == "2013: not re-checked in this release"
    assert eud.notes[1].startswith("2023: method break")
    assert target_progress({2025: 0.2}, EUD_2025, measure=APPLICATIONS_MEASURE).comparable


def test_a_series_of_unstated_measure_is_neither_comparable_nor_not() -> None:
    progress = target_progress(dict(NEET.observed), NEET)
    assert progress.measure is None
    assert progress.comparable is None
    assert progress.notes == ()
    local = Target("Local target", 2030, 0.5, source="Byrådet")
    assert target_progress({2025: 0.4}, local, measure=NEET_MEASURE).comparable is None
    assert local.differences_from(NEET_MEASURE) is None
    assert COMPLETION.differences_from(None) is None
    # One point of unstated measure among stated ones: unknown as well.
    series: dict[int, float | Observation] = {**NEET.figures(), 2024: 0.06}
    assert target_progress(series, NEET).comparable is None


def test_a_series_mixing_measures_says_so() -> None:
    """The completion figures: a projection for 2016, register counts for 2013 and 2023."""
    progress = target_progress(COMPLETION.figures(), COMPLETION)
    assert progress.comparable is False
    assert progress.notes[0].startswith("the series mixes measures: ")
    assert COMPLETION_REGISTER.description in progress.notes[0]
    assert COMPLETION_PROJECTION.description in progress.notes[0]
    assert progress.notes[1] == f"2016: {COMPLETION.observed[0].note}"


def test_a_suppressed_series_still_shows_its_notes_but_no_numbers() -> None:
    progress = target_progress({2025: Rate(3, 4)}, COMPLETION, measure=COMPLETION_MEASURE)
    text = str(progress)
    assert text.startswith(
        "25-year-olds with a completed youth education: [suppressed] in 2025, target ≥ 90.0 %"
        " by 2030 (not like for like"
    )
    assert "75" not in text


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: target_progress({2025: 0.5}, COMPLETION, measure="register"), "measure"),
        (lambda: target_progress({2025: 0.5}, "completion_2030"), "target"),
        (lambda: target_progress({2024: NEET.observed[1]}, NEET), "series[2024]"),
        (lambda: COMPLETION.differences_from("register"), "measure"),
    ],
)
def test_bad_measures_and_targets_raise_data_error(call: object, path: str) -> None:
    with pytest.raises(DataError) as error:
        call()  # type: ignore[operator]
    assert error.value.path == path


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"year": 2023.0}, "Observation.year"),
        ({"share": 6.3}, "Observation.share"),
        ({"share": True}, "Observation.share"),
        ({"published": 2024}, "Observation.published"),
        ({"published": " "}, "Observation.published"),
        ({"published": "2024-06-19"}, "Observation.published"),
        ({"published": dt.datetime(2024, 6, 19)}, "Observation.published"),
        ({"measure": MeasureKind.REGISTER}, "Observation.measure"),
        ({"source": ""}, "Observation.source"),
        ({"note": 5}, "Observation.note"),
    ],
)
def test_observation_validates_its_fields(kwargs: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "year": 2023,
        "share": 0.063,
        "published": "uvm.dk, June 2024",
        "measure": NEET_REGISTER,
        "source": "uvm.dk",
    }
    fields.update(kwargs)
    with pytest.raises(DataError) as error:
        Observation(**fields)  # type: ignore[arg-type]
    assert error.value.path == path


_MEASURES = st.sampled_from(
    [
        COMPLETION_MEASURE,
        COMPLETION_PROJECTION,
        COMPLETION_REGISTER,
        NEET_MEASURE,
        NEET_REGISTER,
        APPLICATIONS_MEASURE,
        Measure(MeasureKind.PROJECTION, None, "a projection, programmes not stated"),
        None,
    ]
)


@given(
    st.dictionaries(st.integers(2000, 2040), _SHARES, min_size=1, max_size=5),
    _MEASURES,
    _MEASURES,
)
def test_comparable_exactly_when_the_measures_agree(
    series: dict[int, float], measure: Measure | None, baseline: Measure | None
) -> None:
    target = attrs.evolve(COMPLETION, measure=baseline)
    progress = target_progress(series, target, measure=measure)
    plain = target_progress(series, attrs.evolve(target, measure=None))
    # The measure changes what is said about the series, never what is computed from it.
    assert (progress.latest, progress.gap, progress.trend, progress.on_track) == (
        plain.latest,
        plain.gap,
        plain.trend,
        plain.on_track,
    )
    if measure is None or baseline is None:
        assert progress.comparable is None
        assert progress.notes == ()
    else:
        assert progress.comparable is (measure.differences(baseline) == ())
        assert bool(progress.notes) is not progress.comparable
        for note in progress.notes:
            assert note in str(progress)
