"""The national targets for young people's education, and progress towards them.

The agreement "Bedre veje til uddannelse og job" (2017) set two 2030 targets: at least 90 % of
25-year-olds have completed a youth education, and the share of young people under 25 with no
attachment to education or the labour market is halved against 2016 (7.1 % in the figures
published in 2021, to at most 3.5 %; the baseline and "about 48,000" were not re-checked in this
release). The 2014 vocational reform set the share of 9th- and 10th-grade leavers choosing a
vocational education (EUD or EUX) at no less than 25 % in 2020 and 30 % in 2025. Municipalities
follow these in their annual evaluation and publish their own figures.

All values are shares between 0 and 1, like :attr:`Rate.value`.

**What is measured.** A figure is only comparable with another taken the same way. The
completion baseline (84 % in 2016) is a *projection* of the ministry's Profilmodel, counting STU
and higher education; Danmarks Statistik's register series of 25-year-olds who *have* completed
a gymnasial or vocational education is another measure (75 % in 2013, 84 % in 2023). Every
:class:`Target` therefore records its :class:`~kui_core.metrics.Measure`, every published figure
(:class:`Observation`) its own, and :func:`target_progress` says so where a series is measured
differently from the target.

**Vintages.** The ministry revises earlier years with each release ("tidligere års opgørelser
… nedjusteret med cirka 1.500-2.000 personer", uvm.dk 2023), so a published figure carries its
publication, and a method break carries a note.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import re
import types
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from . import validators as v
from .education import YOUTH_EDUCATIONS, Programme
from .errors import DataError
from .legal import LegalBasis, SourceKind
from .metrics import Measure, MeasureKind
from .rates import SUPPRESSED, Rate

__all__ = [
    "BEDRE_VEJE_2017",
    "COMPLETION_PROJECTION",
    "COMPLETION_REGISTER",
    "EUD_REFORM_2014",
    "NATIONAL_TARGETS",
    "NEET_REGISTER",
    "VOCATIONAL_APPLICATIONS",
    "Direction",
    "Observation",
    "Progress",
    "Target",
    "target_progress",
]


class Direction(enum.StrEnum):
    """Whether a target is reached at or above its value, or at or below it."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


_is_number_min0 = v.is_number(minimum=0)


def _share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_number_min0(instance, attribute, value)
    if value > 1:
        raise DataError(
            f"{type(instance).__name__}.{attribute.name}",
            f"expected a share between 0 and 1, got {value}",
        )


def _optional_share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _share(instance, attribute, value)


_is_int_min1_max9999 = v.is_int(minimum=1, maximum=9999)


def _optional_year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _is_int_min1_max9999(instance, attribute, value)


def _source(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, LegalBasis):
        v.is_nonempty_str(instance, attribute, value)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _published(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is _dt.date:
        return
    v.is_nonempty_str(instance, attribute, value)
    if _ISO_DAY.fullmatch(value.strip()):
        raise DataError(
            f"{type(instance).__name__}.{attribute.name}",
            f"give a day as a date, not as text, got {value!r}",
        )


@attrs.frozen
class Observation:
    """One published figure: ``share`` in ``year``, as published (``published``) in ``source``.

    ``published`` is the vintage: the day of publication where it is known, otherwise the
    release in words (``"Danmarks Statistik, Nyt, 18-45 åriges status på uddannelse
    2022/2023"``). Figures are revised in later releases, so two observations of one year may
    both be true to their release. ``measure`` says what was measured; ``note`` records a
    method break or anything else a reader of a series must know.

    For compatibility with the ``(year, share)`` pairs of earlier versions an observation
    unpacks as ``year, share = observation``.
    """

    year: int = attrs.field(validator=v.is_int(minimum=1, maximum=9999))
    """The year the figure is for."""
    share: float = attrs.field(validator=_share)
    """The published figure, a share between 0 and 1 (0.84 for 84 %)."""
    published: _dt.date | str = attrs.field(validator=_published)
    """The vintage: the day of publication, else the release in words (never an ISO day as text)."""
    measure: Measure = attrs.field(validator=v.is_instance(Measure))
    """What was measured (:class:`~kui_core.metrics.Measure`): projection/register, programmes."""
    source: str = attrs.field(validator=v.is_nonempty_str)
    """Where it was published (a page or release), best with the quoted words; non-empty."""
    note: str | None = attrs.field(default=None, kw_only=True, validator=v.is_optional_nonempty_str)
    """A method break or anything else a reader of the series must know; `None`: nothing."""

    def __iter__(self) -> Iterator[int | float]:
        return iter((self.year, self.share))


@attrs.frozen
class Target:
    """A target: reach ``value`` (a share) by ``year``, at least or at most (``direction``).

    ``baseline`` is the share in ``baseline_year`` that the target was set against, and
    ``measure`` what that baseline measures (a projection or a register count, and which
    programmes count); ``None`` where not stated. ``observed`` holds published figures
    (:class:`Observation`), in the order they were published; ``source`` is the agreement or
    law that set the target.
    """

    name: str = attrs.field(validator=v.is_nonempty_str)
    """The target's name as reports show it; non-empty."""
    year: int = attrs.field(validator=v.is_int(minimum=1, maximum=9999))
    """The year by which the target is to be reached."""
    value: float = attrs.field(validator=_share)
    """The share to reach, between 0 and 1 (0.9 for 90 %), at least or at most (`direction`)."""
    baseline: float | None = attrs.field(default=None, validator=_optional_share)
    """The share in `baseline_year` the target was set against; `None`: not stated."""
    direction: Direction = attrs.field(
        default=Direction.AT_LEAST, validator=v.is_instance(Direction)
    )
    """Whether the target is met at or above `value` (AT_LEAST) or at or below it (AT_MOST)."""
    source: LegalBasis | str = attrs.field(kw_only=True, validator=_source)
    """The agreement or law that set the target: a :class:`LegalBasis` or its name."""
    baseline_year: int | None = attrs.field(default=None, kw_only=True, validator=_optional_year)
    """The year of the `baseline`; `None`: not stated."""
    observed: tuple[Observation, ...] = attrs.field(
        default=(), kw_only=True, validator=v.is_tuple_of(Observation)
    )
    """Published figures (:class:`Observation`) in the order they were published; empty: none."""
    measure: Measure | None = attrs.field(
        default=None, kw_only=True, validator=v.is_optional_instance(Measure)
    )
    """What the baseline measures (projection or register, which programmes); `None`: not stated."""

    def met_by(self, value: float) -> bool:
        """True where ``value`` reaches the target in its direction."""
        if self.direction is Direction.AT_LEAST:
            return value >= self.value
        return value <= self.value

    def gap(self, value: float) -> float:
        """How far ``value`` is from the target in its direction: positive while it is not met,
        zero or negative once it is."""
        if self.direction is Direction.AT_LEAST:
            return self.value - value
        return value - self.value

    def differences_from(self, measure: Measure | None) -> tuple[str, ...] | None:
        """Why a figure measured by ``measure`` is not like for like with this target's baseline:
        ``()`` where it is, ``None`` where either measure is not stated."""
        if measure is not None and not isinstance(measure, Measure):
            raise DataError("measure", f"expected Measure or None, got {type(measure).__name__}")
        if measure is None or self.measure is None:
            return None
        differences = measure.differences(self.measure)
        if not differences:
            return ()
        return (
            f"not like for like with the target's baseline ({self.measure.description}):"
            f" it {', and '.join(differences)}",
        )

    def figures(self, kind: MeasureKind | None = None) -> dict[int, Observation]:
        """The published figures by year, oldest year first: of each year the latest release
        (the last in :attr:`observed`), of ``kind`` only where given.

        The result is a series for :func:`target_progress`, which reads each figure's measure.
        """
        if kind is not None and not isinstance(kind, MeasureKind):
            raise DataError("kind", f"expected MeasureKind or None, got {type(kind).__name__}")
        latest: dict[int, Observation] = {}
        for observation in self.observed:
            if kind is None or observation.measure.kind is kind:
                latest[observation.year] = observation
        return dict(sorted(latest.items()))


BEDRE_VEJE_2017 = LegalBasis(
    kind=SourceKind.POLITICAL_AGREEMENT,
    law="Aftale om bedre veje til uddannelse og job (2017)",
    title="Målsætninger for 2030: 90 % af de 25-årige med en ungdomsuddannelse; andelen af unge"
    " uden tilknytning til uddannelse eller arbejdsmarked halveres",
    quote=(
        "i 2030 skal mindst 90 procent af de 25-årige have gennemført en ungdomsuddannelse."
        " i 2030 skal andelen af unge op til 25 år, som ikke har tilknytning til uddannelse eller"
        " arbejdsmarkedet, være halveret."
    ),
    url=(
        "https://www.uvm.dk/forberedende-grunduddannelse/om-forberedende-grunduddannelse/"
        "baggrund-for-fgu-aftalen/aftalens-maalsaetninger"
    ),
    checked_on=_dt.date(2026, 11, 30),
    verified=True,
)
EUD_REFORM_2014 = LegalBasis(
    kind=SourceKind.POLITICAL_AGREEMENT,
    law="Aftale om bedre og mere attraktive erhvervsuddannelser (2014)",
    title="Mindst 25 % af en årgang vælger en erhvervsuddannelse direkte efter 9. eller 10. klasse"
    " i 2020, mindst 30 % i 2025 (uvm.dk)",
    note=(
        "The legal review quotes uvm.dk: 'Andelen af elever, der vælger en erhvervsuddannelse"
        " direkte efter 9. eller 10. klasse, skal op på 25 procent i 2020, og andelen skal øges"
        " til mindst 30 procent i 2025'; not re-checked for this release."
    ),
)

COMPLETION_PROJECTION = Measure(
    MeasureKind.PROJECTION,
    YOUTH_EDUCATIONS | {Programme.HIGHER},
    "the ministry's Profilmodel: the share of a 9th-grade cohort expected to have completed at"
    " least a youth education (STU included) or a higher education by 25",
)
"""What the completion target's baseline measures (uvm.dk, 14 December 2017)."""

COMPLETION_REGISTER = Measure(
    MeasureKind.REGISTER,
    frozenset(p for p in YOUTH_EDUCATIONS if p is not Programme.STU),
    "Danmarks Statistik (statistikbanken.dk/statusu1): 25-year-olds who have completed a"
    " gymnasial or vocational education",
)
"""Danmarks Statistik's register series of completion at 25. :func:`completion_rate` with
``programmes=COMPLETION_REGISTER.programmes`` counts the same programmes."""

NEET_REGISTER = Measure(
    MeasureKind.REGISTER,
    None,
    "uvm.dk: people aged 15-24 on 1 October who have not completed a youth education, are not"
    " enrolled in an education and do not work at least 18 hours a week (whether STU counts as"
    " completed is not stated)",
)
"""What the NEET target's figures measure."""

VOCATIONAL_APPLICATIONS = Measure(
    MeasureKind.REGISTER,
    frozenset({Programme.EUD, Programme.EUX}),
    "uvm.dk: applications for EUD or EUX among the 9th- and 10th-grade pupils who did not apply"
    " for 10th grade",
)
"""What the vocational targets' figures measure (the application shares, søgetal)."""

_DST_2023 = "Danmarks Statistik, Nyt: 18-45 åriges status på uddannelse 2022/2023"
_DST_2023_URL = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=53139"
_SOEGETAL_BREAK = (
    'method break: "Der er fra og med 2023 ændret i opgørelsesmetoden" … "data kan'
    ' ikke sammenlignes helt med tidligere års offentliggjorte tal" (uvm.dk, Søgning til'
    " ungdomsuddannelserne, 18 April 2023)"
)
_EUD_2013 = Observation(
    2013,
    0.19,
    "Aftale om bedre og mere attraktive erhvervsuddannelser (2014)",
    VOCATIONAL_APPLICATIONS,
    "uvm.dk (the reform's targets), as quoted by the legal review",
    note="not re-checked in this release",
)

NATIONAL_TARGETS: Mapping[str, Target] = types.MappingProxyType(
    {
        "completion_2030": Target(
            "25-year-olds with a completed youth education",
            2030,
            0.90,
            0.84,
            Direction.AT_LEAST,
            source=BEDRE_VEJE_2017,
            baseline_year=2016,
            measure=COMPLETION_PROJECTION,
            observed=(
                Observation(
                    2016,
                    0.84,
                    _dt.date(2017, 12, 14),
                    COMPLETION_PROJECTION,
                    'uvm.dk, 14 December 2017: "Af de unge, der gik i 9. klasse i 2016, ventes'
                    " 84 procent at have gennemført mindst en ungdomsuddannelse, inden de bliver"
                    ' 25 år"',
                    note="a projection for the 2016 9th-grade cohort, not a count",
                ),
                Observation(
                    2013,
                    0.75,
                    _DST_2023,
                    COMPLETION_REGISTER,
                    f'{_DST_2023_URL}: "I 2013 var der 75 pct. af de 25-årige, som havde'
                    ' fuldført en ungdomsuddannelse"',
                ),
                Observation(
                    2023,
                    0.84,
                    _DST_2023,
                    COMPLETION_REGISTER,
                    f'{_DST_2023_URL}: "i 2023 var dette tal steget til 84 pct."',
                ),
            ),
        ),
        "neet_2030": Target(
            "Under-25s with no attachment to education or work (1 October)",
            2030,
            0.035,
            0.071,
            Direction.AT_MOST,
            source=BEDRE_VEJE_2017,
            baseline_year=2016,
            measure=NEET_REGISTER,
            observed=(
                Observation(
                    2016,
                    0.071,
                    "uvm.dk, 2021",
                    NEET_REGISTER,
                    "uvm.dk (2021), as quoted by the legal review",
                    note=(
                        "published before uvm.dk revised the figures for 2016-2022 (19 June"
                        " 2024); not re-checked in this release"
                    ),
                ),
                Observation(
                    2023,
                    0.063,
                    _dt.date(2024, 6, 19),
                    NEET_REGISTER,
                    "https://www.uvm.dk/aktuelt/nyheder/uvm/2024/jun/240619-antallet-af-unge-uden"
                    '-job-eller-uddannelse-er-steget: "6,3 procent af gruppen af unge mellem 15'
                    ' og 24 år"',
                ),
            ),
        ),
        "vocational_2020": Target(
            "9th/10th-grade applications for EUD/EUX",
            2020,
            0.25,
            0.19,
            Direction.AT_LEAST,
            source=EUD_REFORM_2014,
            baseline_year=2013,
            measure=VOCATIONAL_APPLICATIONS,
            observed=(_EUD_2013,),
        ),
        "vocational_2025": Target(
            "9th/10th-grade applications for EUD/EUX",
            2025,
            0.30,
            0.19,
            Direction.AT_LEAST,
            source=EUD_REFORM_2014,
            baseline_year=2013,
            measure=VOCATIONAL_APPLICATIONS,
            observed=(
                _EUD_2013,
                Observation(
                    2023,
                    0.194,
                    _dt.date(2023, 4, 17),
                    VOCATIONAL_APPLICATIONS,
                    "https://www.uni-c.dk/aktuelt/nyheder/uvm/2023/april/230417aarets-soegetal"
                    '-til-ungdomsuddannelserne-er-nu-opgjort: "Blandt de elever i 9. og 10.'
                    " klasse, som ikke søgte 10. klasse, … (19,4 procent) har søgt en"
                    ' erhvervsuddannelse"',
                    note=_SOEGETAL_BREAK,
                ),
            ),
        ),
    }
)
"""The national targets by key, with their published figures (:attr:`Target.observed`).

The completion baseline (84 %) is a projection: the share of the 2016 9th-graders *expected*
to complete a youth education (STU included) or a higher education by 25 (Profilmodel). The
register share of 25-year-olds who have completed a gymnasial or vocational education is
another series (Danmarks Statistik: 75 % in 2013, 84 % in 2023). The NEET baseline is 7.1 % in
2016 (as published in 2021, not re-checked; 2023: 6.3 %), measured each 1 October; the
vocational share was 19 % in 2013 (not re-checked) and 19.4 % in 2023, by a new method from
2023."""


@attrs.frozen
class Progress:
    """Where a series stands against a :class:`Target` (see :func:`target_progress`)."""

    target: Target
    """The target the series is judged against."""
    latest_year: int
    """The last year of the series."""
    latest: float
    """The series' value in `latest_year`, a share between 0 and 1."""
    gap: float
    """Positive while the target is not met (in points of share), zero or negative once met."""
    met: bool
    """True where `latest` reaches the target in its direction."""
    years_left: int
    """``target.year - latest_year``; zero or negative once the target year is reached."""
    required_yearly_change: float | None
    """The change of the value per year (negative for an at-most target) that reaches the target
    by its year: 0 where already met, ``None`` where the year has come and it is not met."""
    trend: float | None
    """The least-squares slope of the series per year (``None`` for a single point)."""
    projected: float | None
    """The trend line's value in the target year (``None`` for a single point)."""
    on_track: bool
    """True where met, or where the trend reaches the target in time (:func:`target_progress`)."""
    publishable: bool
    """False where a :class:`Rate` in the series is not publishable; ``str`` then shows only
    the target, no value and nothing computed from the series."""
    measure: Measure | None = attrs.field(default=None, kw_only=True)
    """What the series measures (of its latest point); ``None`` where not stated."""
    comparable: bool | None = attrs.field(default=None, kw_only=True)
    """True where the series is measured like the target's baseline (:attr:`Target.measure`),
    False where it is not (or mixes measures), ``None`` where either measure is not stated."""
    notes: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """What a reader must know: how the series differs from the target's measure, and the
    notes of the published figures in it (method breaks). ``str`` shows them."""

    def __str__(self) -> str:
        target = self.target
        sign = "≥" if target.direction is Direction.AT_LEAST else "≤"
        goal = f"target {sign} {100 * target.value:.1f} % by {target.year}"
        if not self.publishable:
            # A suppressed rate in the series: no value, and nothing computed from it.
            text = f"{target.name}: {SUPPRESSED} in {self.latest_year}, {goal}"
        else:
            status = "met" if self.met else ("on track" if self.on_track else "not on track")
            text = (
                f"{target.name}: {100 * self.latest:.1f} % in {self.latest_year}, {goal} — {status}"
            )
            if not self.met and self.required_yearly_change is not None:
                text += f", needs {100 * self.required_yearly_change:.2f} points a year"
        if self.notes:
            text += " (" + "; ".join(self.notes) + ")"
        return text


def _series_value(year: object, value: object) -> tuple[float, bool]:
    if isinstance(value, Observation):
        return value.share, True
    if isinstance(value, Rate):
        if value.value is None:
            raise DataError(f"series[{year}]", "a rate with denominator 0 has no value")
        return value.value, value.publishable
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not math.isfinite(value)
        or not 0 <= value <= 1
    ):
        raise DataError(
            f"series[{year}]",
            f"expected a share between 0 and 1, a Rate or an Observation, got {value!r}",
        )
    return float(value), True


def _measure_notes(measures: list[Measure | None], target: Target) -> tuple[bool | None, list[str]]:
    """Whether the series is measured like the target's baseline, and why not."""
    distinct: list[Measure] = []
    for measure in measures:
        if measure is not None and all(measure.differences(m) for m in distinct):
            distinct.append(measure)
    if len(distinct) > 1:
        kinds = "; ".join(m.description for m in distinct)
        return False, [f"the series mixes measures: {kinds}"]
    if None in measures:
        return None, []
    notes = target.differences_from(distinct[0])
    return (None, []) if notes is None else (not notes, list(notes))


def target_progress(
    series: Mapping[int, float | Rate | Observation],
    target: Target,
    *,
    measure: Measure | None = None,
) -> Progress:
    """The latest value of ``series`` (year -> share, :class:`Rate` or :class:`Observation`)
    against ``target``.

    ``on_track`` is true where the target is already met at the latest year, or — while the
    target year is still ahead — where the least-squares line through the whole series reaches
    the target by the target year (least squares rather than first-to-last, so one unusual year
    at either end does not decide it). A single point has no trend: on track only if met. Once
    the target year has come, on track means met.

    ``measure`` says what the shares and rates of the series measure (for the library's own
    metrics: :data:`~kui_core.metrics.COMPLETION_MEASURE`, :data:`~kui_core.metrics.NEET_MEASURE`,
    :data:`~kui_core.metrics.APPLICATIONS_MEASURE`); an :class:`Observation` brings its own.
    Where the series is measured differently from the target's baseline (a register count
    against a projection, other programmes) or mixes measures, :attr:`Progress.comparable` is
    False and :attr:`Progress.notes` and ``str`` say why. The notes of the observations in the
    series (method breaks) are passed on too.
    """
    if not isinstance(series, Mapping) or not series:
        raise DataError("series", "expected a non-empty mapping of year to share")
    if not isinstance(target, Target):
        raise DataError("target", f"expected Target, got {type(target).__name__}")
    if measure is not None and not isinstance(measure, Measure):
        raise DataError("measure", f"expected Measure or None, got {type(measure).__name__}")
    points: list[tuple[int, float, Measure | None, str | None]] = []
    publishable = True
    for year, raw in series.items():
        if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999:
            raise DataError("series", "expected years from 1 to 9999 as integers")
        value, ok = _series_value(year, raw)
        publishable = publishable and ok
        if isinstance(raw, Observation):
            if raw.year != year:
                raise DataError(f"series[{year}]", f"an observation of {raw.year}")
            points.append((year, value, raw.measure, raw.note))
        else:
            points.append((year, value, measure, None))
    points.sort(key=lambda point: point[0])
    latest_year, latest = points[-1][:2]
    series_measure = points[-1][2]
    comparable, notes = _measure_notes([p[2] for p in points], target)
    notes.extend(f"{year}: {note}" for year, _, _, note in points if note is not None)
    gap = target.gap(latest)
    met = target.met_by(latest)
    years_left = target.year - latest_year
    required: float | None
    if met:
        required = 0.0
    elif years_left > 0:
        required = (target.value - latest) / years_left
    else:
        required = None
    trend = projected = None
    if len(points) > 1:
        mean_year = sum(p[0] for p in points) / len(points)
        mean_value = sum(p[1] for p in points) / len(points)
        spread = sum((p[0] - mean_year) ** 2 for p in points)
        trend = sum((p[0] - mean_year) * (p[1] - mean_value) for p in points) / spread
        projected = mean_value + trend * (target.year - mean_year)
    on_track = met or (years_left > 0 and projected is not None and target.met_by(projected))
    return Progress(
        target=target,
        latest_year=latest_year,
        latest=latest,
        gap=gap,
        met=met,
        years_left=years_left,
        required_yearly_change=required,
        trend=trend,
        projected=projected,
        on_track=on_track,
        publishable=publishable,
        measure=series_measure,
        comparable=comparable,
        notes=tuple(notes),
    )
