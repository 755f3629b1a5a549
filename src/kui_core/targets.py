"""The national targets for young people's education, and progress towards them.

The agreement "Bedre veje til uddannelse og job" (2017) set two 2030 targets: at least 90 % of
25-year-olds have completed a youth education, and the share of young people under 25 with no
attachment to education or the labour market is halved against 2016 (7.1 %, about 48,000, so
3.5 %). The 2014 vocational reform set the share of 9th- and 10th-grade leavers choosing a
vocational education (EUD or EUX) at no less than 25 % in 2020 and 30 % in 2025. Municipalities
follow these in their annual evaluation and publish their own figures (KUI law § 10).

All values are shares between 0 and 1, like :attr:`Rate.value`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import types
from collections.abc import Mapping
from typing import Any

import attrs

from . import _validators as v
from .errors import DataError
from .legal import LegalBasis, SourceKind
from .metrics import SUPPRESSED, Rate

__all__ = [
    "BEDRE_VEJE_2017",
    "EUD_REFORM_2014",
    "NATIONAL_TARGETS",
    "Direction",
    "Progress",
    "Target",
    "target_progress",
]


class Direction(enum.StrEnum):
    """Whether a target is reached at or above its value, or at or below it."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


def _share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_number(minimum=0)(instance, attribute, value)
    if value > 1:
        raise DataError(
            f"{type(instance).__name__}.{attribute.name}",
            f"expected a share between 0 and 1, got {value}",
        )


def _optional_share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _share(instance, attribute, value)


def _optional_year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        v.is_int(minimum=1)(instance, attribute, value)


def _source(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, LegalBasis):
        v.is_str(instance, attribute, value)


def _observed(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_tuple_of(tuple)(instance, attribute, value)
    for index, item in enumerate(value):
        if (
            len(item) != 2
            or not isinstance(item[0], int)
            or isinstance(item[0], bool)
            or not isinstance(item[1], int | float)
            or isinstance(item[1], bool)
            or not 0 <= item[1] <= 1
        ):
            raise DataError(
                f"Target.observed[{index}]", f"expected a (year, share) pair, got {item!r}"
            )


@attrs.frozen
class Target:
    """A target: reach ``value`` (a share) by ``year``, at least or at most (``direction``).

    ``baseline`` is the share in ``baseline_year`` that the target was set against;
    ``observed`` holds further published figures as ``(year, share)`` pairs; ``source`` is the
    agreement or law that set the target.
    """

    name: str = attrs.field(validator=v.is_str)
    year: int = attrs.field(validator=v.is_int(minimum=1))
    value: float = attrs.field(validator=_share)
    baseline: float | None = attrs.field(default=None, validator=_optional_share)
    direction: Direction = attrs.field(
        default=Direction.AT_LEAST, validator=v.is_instance(Direction)
    )
    source: LegalBasis | str = attrs.field(kw_only=True, validator=_source)
    baseline_year: int | None = attrs.field(default=None, kw_only=True, validator=_optional_year)
    observed: tuple[tuple[int, float], ...] = attrs.field(
        default=(), kw_only=True, validator=_observed
    )

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
    note="The quote was not re-checked in this release.",
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
        ),
        "neet_2030": Target(
            "Under-25s with no attachment to education or work (1 October)",
            2030,
            0.035,
            0.071,
            Direction.AT_MOST,
            source=BEDRE_VEJE_2017,
            baseline_year=2016,
            observed=((2016, 0.071), (2023, 0.063)),
        ),
        "vocational_2020": Target(
            "9th/10th-grade applications for EUD/EUX",
            2020,
            0.25,
            0.19,
            Direction.AT_LEAST,
            source=EUD_REFORM_2014,
            baseline_year=2013,
            observed=((2013, 0.19),),
        ),
        "vocational_2025": Target(
            "9th/10th-grade applications for EUD/EUX",
            2025,
            0.30,
            0.19,
            Direction.AT_LEAST,
            source=EUD_REFORM_2014,
            baseline_year=2013,
            observed=((2013, 0.19), (2023, 0.194)),
        ),
    }
)
"""The national targets by key. The completion baseline (84 %) is the share of the 2016
9th-graders expected to complete a youth education by 25; the NEET baseline is 7.1 % in 2016
(about 48,000; 2023: 42,785 or 6.3 %), measured each 1 October; the vocational share was 19 % in
2013 and 19.4 % in 2023."""


@attrs.frozen
class Progress:
    """Where a series stands against a :class:`Target` (see :func:`target_progress`)."""

    target: Target
    latest_year: int
    latest: float
    gap: float
    """Positive while the target is not met (in points of share), zero or negative once met."""
    met: bool
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
    publishable: bool
    """False where a :class:`Rate` in the series is not publishable; ``str`` then shows only
    the target, no value and nothing computed from the series."""

    def __str__(self) -> str:
        target = self.target
        sign = "≥" if target.direction is Direction.AT_LEAST else "≤"
        goal = f"target {sign} {100 * target.value:.1f} % by {target.year}"
        if not self.publishable:
            # A suppressed rate in the series: no value, and nothing computed from it.
            return f"{target.name}: {SUPPRESSED} in {self.latest_year}, {goal}"
        status = "met" if self.met else ("on track" if self.on_track else "not on track")
        text = f"{target.name}: {100 * self.latest:.1f} % in {self.latest_year}, {goal} — {status}"
        if not self.met and self.required_yearly_change is not None:
            text += f", needs {100 * self.required_yearly_change:.2f} points a year"
        return text


def _series_value(year: object, value: object) -> tuple[float, bool]:
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
        raise DataError(f"series[{year}]", f"expected a share between 0 and 1, got {value!r}")
    return float(value), True


def target_progress(series: Mapping[int, float | Rate], target: Target) -> Progress:
    """The latest value of ``series`` (year -> share or :class:`Rate`) against ``target``.

    ``on_track`` is true where the target is already met at the latest year, or — while the
    target year is still ahead — where the least-squares line through the whole series reaches
    the target by the target year (least squares rather than first-to-last, so one unusual year
    at either end does not decide it). A single point has no trend: on track only if met. Once
    the target year has come, on track means met.
    """
    if not isinstance(series, Mapping) or not series:
        raise DataError("series", "expected a non-empty mapping of year to share")
    points: list[tuple[int, float]] = []
    publishable = True
    for year, raw in series.items():
        if not isinstance(year, int) or isinstance(year, bool):
            raise DataError("series", f"expected integer years, got {year!r}")
        value, ok = _series_value(year, raw)
        publishable = publishable and ok
        points.append((year, value))
    points.sort()
    latest_year, latest = points[-1]
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
        mean_year = sum(y for y, _ in points) / len(points)
        mean_value = sum(x for _, x in points) / len(points)
        spread = sum((y - mean_year) ** 2 for y, _ in points)
        trend = sum((y - mean_year) * (x - mean_value) for y, x in points) / spread
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
    )
