"""Seeded synthetic young people, from one municipality up to a whole country.

Used by ``kui demo``, the documentation and the benchmarks. Everything is drawn from one
``random.Random(seed)``: the same arguments always give the same people, and a population of
``n`` is the first ``n`` people of any larger one with the same arguments. No clock, no I/O.

The life courses follow the broad Danish pattern: folkeskole until the summer of the year the
person turns 16, for about a third a 10th grade, then a youth education (about 70 % gymnasial,
20 % EUD/EUX, the rest FGU, STU or nothing yet), dropouts and restarts, completions at the usual
durations (gymnasial 3 years, HF 2, vocational 2–4), higher education for most gymnasial
graduates, employment spells (student jobs, gap years, work after a vocational education) and
out-of-home care for about 1.5 %. The rates are tuned so that about 85 % have completed a
qualifying education by 25 and about 6–7 % of 15–24-year-olds are NEET. **These are synthetic
numbers, not statistics**; the national targets and their baselines are in
:data:`kui_core.NATIONAL_TARGETS` (the "Metrics and targets" page).

Folkeskole (grades 0–9) is ``Programme.PRIMARY_SCHOOL``, so a 15-year-old in 9th grade counts as
enrolled. A programme never starts before it exists (:attr:`Programme.dates
<kui_core.Programme.dates>`): an FGU (or STU) start drawn before its first day is recorded as
``Programme.OTHER``, the forerunners FGU replaced (produktionsskole, KUU, egu).
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Final, TypeVar

from .cpr import CprNumber, century_of
from .education import EducationRecord, Employment, Programme, Track
from .errors import DataError
from .metrics import Application, completion_rate, neet_share
from .periods import Period
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline
from .rates import Rate
from .youth import CarePlacement, Youth

__all__ = [
    "MAX_AGE",
    "MIN_AGE",
    "applications",
    "completion_series",
    "iter_population",
    "neet_series",
    "population",
]

_T = TypeVar("_T")

MIN_AGE: Final = 13
"""The youngest age on ``on`` in a synthetic population."""
MAX_AGE: Final = 27
"""The oldest age on ``on`` in a synthetic population."""

# Approximate inhabitants in thousands, by municipality code (kui_core.municipalities): weights.
_WEIGHTS: Final = MappingProxyType(
    {
        "101": 660, "147": 105, "151": 49, "153": 36, "155": 15, "157": 75, "159": 70, "161": 24,
        "163": 30, "165": 28, "167": 54, "169": 58, "173": 57, "175": 41, "183": 24, "185": 44,
        "187": 17, "190": 41, "201": 26, "210": 41, "217": 64, "219": 52, "223": 25, "230": 57,
        "240": 44, "250": 46, "253": 51, "259": 62, "260": 31, "265": 90, "269": 24, "270": 41,
        "306": 33, "316": 73, "320": 38, "326": 48, "329": 36, "330": 80, "336": 23, "340": 30,
        "350": 29, "360": 40, "370": 84, "376": 60, "390": 45, "400": 39, "410": 39, "420": 41,
        "430": 52, "440": 24, "450": 32, "461": 207, "479": 59, "480": 30, "482": 12, "492": 6,
        "510": 55, "530": 27, "540": 74, "550": 37, "561": 115, "563": 3, "573": 50, "575": 43,
        "580": 58, "607": 52, "615": 96, "621": 95, "630": 120, "657": 90, "661": 59, "665": 19,
        "671": 21, "706": 43, "707": 37, "710": 49, "727": 23, "730": 99, "740": 98, "741": 4,
        "746": 64, "751": 365, "756": 41, "760": 56, "766": 47, "773": 20, "779": 45, "787": 43,
        "791": 98, "810": 36, "813": 58, "820": 36, "825": 2, "840": 30, "846": 42, "849": 38,
        "851": 222, "860": 64,
    }
)  # fmt: skip


# First choice after 9th/10th grade (before the municipality's tilt).
_FIRST_CHOICE: Final = (
    (Programme.STX, 0.46),
    (Programme.HHX, 0.12),
    (Programme.HTX, 0.06),
    (Programme.HF, 0.05),
    (Programme.IB, 0.01),
    (Programme.EUD, 0.14),
    (Programme.EUX, 0.06),
    (Programme.FGU, 0.04),
    (Programme.STU, 0.015),
    (None, 0.045),  # nothing yet
)
# Second and later attempts, after dropping out or after FGU.
_RESTART_CHOICE: Final = (
    (Programme.EUD, 0.45),
    (Programme.HF, 0.20),
    (Programme.STX, 0.07),
    (Programme.HHX, 0.05),
    (Programme.EUX, 0.08),
    (Programme.FGU, 0.15),
)
# Probability of completing one attempt (for someone born in 2000; see _TREND_PER_YEAR).
_COMPLETION: Final = MappingProxyType(
    {
        Programme.STX: 0.88,
        Programme.HHX: 0.85,
        Programme.HTX: 0.84,
        Programme.HF: 0.74,
        Programme.IB: 0.90,
        Programme.EUX: 0.66,
        Programme.EUD: 0.60,
        Programme.FGU: 0.62,
        Programme.STU: 0.95,
        Programme.HIGHER: 0.76,
    }
)
# Nominal durations in months (vocational: drawn from 24–48).
_MONTHS: Final = MappingProxyType(
    {
        Programme.STX: 35,
        Programme.HHX: 35,
        Programme.HTX: 35,
        Programme.IB: 35,
        Programme.HF: 23,
        Programme.FGU: 12,
        Programme.STU: 35,
        Programme.HIGHER: 42,
    }
)
_TREND_PER_YEAR: Final = 0.003
"""Completion probabilities rise by this much per birth year after 2000 (a mild trend)."""
_FIRST_ORDINAL: Final = {
    p: first.toordinal() for p in Programme if (first := p.dates.earliest_start) is not None
}
"""The first day of each dated programme (Programme.dates), as an ordinal."""
_TENTH_GRADE_SHARE: Final = 0.35
_IN_CARE_SHARE: Final = 0.015
_MAX_ATTEMPTS: Final = 4
_CACHE_LIMIT = 50_000
"""Records and jobs kept for sharing between people; beyond this the cache starts afresh."""
_GAP_JOB_HOURS: Final = (8, 10, 12, 15, 18, 18, 20, 20, 25, 30, 37, 37)


def population(
    n: int,
    *,
    seed: int,
    on: _dt.date,
    municipality_codes: Sequence[str] | None = None,
    cpr_share: float = 0.25,
    ages: tuple[int, int] = (MIN_AGE, MAX_AGE),
) -> list[Youth]:
    """``n`` synthetic young people aged 13–27 on ``on``, as a list (see :func:`iter_population`).

    >>> people = population(3, seed=1, on=_dt.date(2025, 10, 1), municipality_codes=["561"])
    >>> [p.municipality_code for p in people]
    ['561', '561', '561']
    >>> people == population(3, seed=1, on=_dt.date(2025, 10, 1), municipality_codes=["561"])
    True
    """
    return list(
        iter_population(
            n,
            seed=seed,
            on=on,
            municipality_codes=municipality_codes,
            cpr_share=cpr_share,
            ages=ages,
        )
    )


def iter_population(
    n: int,
    *,
    seed: int,
    on: _dt.date,
    municipality_codes: Sequence[str] | None = None,
    cpr_share: float = 0.25,
    ages: tuple[int, int] = (MIN_AGE, MAX_AGE),
) -> Iterator[Youth]:
    """Yield ``n`` synthetic young people aged 13–27 on ``on``, one at a time.

    Everything known on ``on`` is filled in; nothing after it (an education still running on
    ``on`` has no end date yet). ``municipality_codes`` restricts the people to those
    municipalities (uniformly); by default they spread over all 98 by population.
    ``cpr_share`` of them get a synthetic CPR number matching their birth date (7th digit from
    the CPR office's century table). ``ages`` narrows the age range on ``on`` (inclusive,
    within 13–27): ``ages=(25, 25)`` gives only 25-year-olds. Person ids are ``"Y0000001"``
    onwards.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise DataError("n", f"expected a non-negative integer, got {n!r}")
    if type(on) is not _dt.date:
        raise DataError("on", f"expected a date, got {type(on).__name__}")
    if (
        isinstance(cpr_share, bool)
        or not isinstance(cpr_share, int | float)
        or not 0 <= cpr_share <= 1
    ):
        raise DataError("cpr_share", f"expected a share between 0 and 1, got {cpr_share!r}")
    if (
        not isinstance(ages, tuple)
        or len(ages) != 2
        or not all(type(age) is int for age in ages)
        or not MIN_AGE <= ages[0] <= ages[1] <= MAX_AGE
    ):
        raise DataError("ages", f"expected (youngest, oldest) within 13–27, got {ages!r}")
    if municipality_codes is None:
        codes: Sequence[str] = tuple(_WEIGHTS)
        weights: Sequence[float] | None = tuple(_WEIGHTS.values())
    elif not municipality_codes:
        raise DataError("municipality_codes", "expected at least one municipality code")
    else:
        codes, weights = tuple(municipality_codes), None
    generator = _Generator(random.Random(seed), on, codes, weights, cpr_share, ages)
    return generator.run(n)


def applications(
    youths: Iterable[Youth], *, seed: int, year: int, policy: Policy = DEFAULT_POLICY
) -> list[Application]:
    """The applications (søgetal) of the 9th- and 10th-graders among ``youths`` in ``year``.

        A 9th-grader of ``year`` (born in ``year - 16``) applies for what their records show them
        starting in August of ``year`` — a 10th grade too, which :func:`application_shares` reports
    beside the shares, not in them — and a 10th-grader (a
        10th grade started in August of ``year - 1``) for what follows it. Where the records do not
        reach that far (a population generated for an earlier day), the choice is drawn with the
        same probabilities as :func:`iter_population` uses. Those who start nothing apply for
        nothing. Applications are dated in the weeks before the 1 March deadline.
    """
    rng = random.Random(seed)
    deadline = _dt.date(year, 3, 1).toordinal()
    found: list[Application] = []
    for youth in youths:
        born = youth.birth_date.year
        records = youth.educations
        if born == year - 16:
            grade = 9
        elif any(
            r.programme is Programme.TENTH_GRADE and r.started_on.year == year - 1 for r in records
        ):
            grade = 10
        else:
            continue
        starts = [
            r.programme for r in records if r.started_on.year == year and r.started_on.month >= 8
        ]
        if starts:
            programme: Programme | None = starts[0]
        elif grade == 9 and rng.random() < _TENTH_GRADE_SHARE:
            programme = Programme.TENTH_GRADE
        else:
            shares = _first_choice_shares(_tilt(youth.municipality_code), grade == 10)
            programme = _pick(rng.random(), shares)
        if programme is None:
            continue
        found.append(
            Application(
                person_id=youth.person_id,
                programme=programme,
                grade=grade,
                applied_on=_dt.date.fromordinal(deadline - rng.randint(1, 45)),
                municipality_code=youth.municipality_code,
            )
        )
    return found


def completion_series(
    years: Iterable[int],
    *,
    n: int,
    seed: int,
    municipality_codes: Sequence[str] | None = None,
    age: int = 25,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
) -> dict[int, Rate]:
    """A synthetic municipality's completion rate at ``age`` on 1 October of each year.

    Each year gets ``n`` fresh people aged exactly ``age`` (seeded from ``seed`` and the year),
    so the series moves with the mild cohort trend built into the generator, plus noise. For
    charts and :func:`~kui_core.targets.target_progress`; synthetic, not statistics. A
    :class:`~kui_core.PolicyTimeline` is read on each 1 October.
    """
    series: dict[int, Rate] = {}
    for year in years:
        on = _dt.date(year, 10, 1)
        people = iter_population(
            n,
            seed=seed * 10_000 + year,
            on=on,
            municipality_codes=municipality_codes,
            cpr_share=0,
            ages=(age, age),
        )
        series[year] = completion_rate(people, on, age, policy)
    return series


def neet_series(
    years: Iterable[int],
    *,
    n: int,
    seed: int,
    municipality_codes: Sequence[str] | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
) -> dict[int, Rate]:
    """A synthetic municipality's NEET share among 15–24-year-olds on 1 October of each year."""
    series: dict[int, Rate] = {}
    for year in years:
        on = _dt.date(year, 10, 1)
        people = iter_population(
            n,
            seed=seed * 10_000 + year,
            on=on,
            municipality_codes=municipality_codes,
            cpr_share=0,
            ages=(15, 24),
        )
        series[year] = neet_share(people, on, policy=policy)
    return series


class _Generator:
    """One population's random stream, with caches so equal dates and records are shared.

    Sharing immutable dates and records between people keeps a million youths in memory
    affordable; the caches belong to one generator, never to the module.
    """

    def __init__(
        self,
        rng: random.Random,
        on: _dt.date,
        codes: Sequence[str],
        weights: Sequence[float] | None,
        cpr_share: float,
        ages: tuple[int, int],
    ) -> None:
        self.rng = rng
        self.on = on
        self.on_ordinal = on.toordinal()
        self.codes = codes
        self.cum_weights = _cumulative(weights) if weights is not None else None
        self.cpr_share = cpr_share
        self.dates: dict[int, _dt.date] = {}
        self.records: dict[tuple[object, ...], EducationRecord] = {}
        self.jobs: dict[tuple[object, ...], Employment] = {}
        self.tilts: dict[str, float] = {}
        # Born the day after the (oldest + 1)th birthday would fall on `on`, up to `youngest`
        # years before `on`: every age in `ages` on `on` (29 February counts under either rule).
        self.first_birth = _years_before(on, ages[1] + 1).toordinal() + 1
        self.last_birth = _years_before(on, ages[0]).toordinal()

    def run(self, n: int) -> Iterator[Youth]:
        for index in range(1, n + 1):
            yield self.youth(index)

    # -- small helpers ------------------------------------------------------------------------

    def day(self, ordinal: int) -> _dt.date:
        found = self.dates.get(ordinal)
        if found is None:
            found = self.dates[ordinal] = _dt.date.fromordinal(ordinal)
        return found

    def ymd(self, year: int, month: int, day: int) -> int:
        return _dt.date(year, month, day).toordinal()

    def tilt(self, code: str) -> float:
        found = self.tilts.get(code)
        if found is None:
            found = self.tilts[code] = _tilt(code)
        return found

    def record(
        self, programme: Programme, start: int, end: int | None, completed: bool
    ) -> EducationRecord | None:
        """The record as known on ``on``: ``None`` if not started yet, open if not ended yet."""
        if start > self.on_ordinal:
            return None
        if end is not None and end > self.on_ordinal:
            end = None
        if start < _FIRST_ORDINAL.get(programme, start):
            programme = Programme.OTHER  # before FGU (STU) existed: its forerunners are "other"
        key = (programme, start, end, completed)
        found = self.records.get(key)
        if found is None:
            if len(self.records) >= _CACHE_LIMIT:
                self.records.clear()  # keeps a long lazy stream's memory flat
            ended = None if end is None else self.day(end)
            found = self.records[key] = EducationRecord(
                programme,
                self.day(start),
                completed_on=ended if completed else None,
                left_on=None if completed else ended,
            )
        return found

    def job(self, start: int, end: int | None, hours: int) -> Employment | None:
        if start > self.on_ordinal:
            return None
        if end is not None and end > self.on_ordinal:
            end = None
        key = (start, end, hours)
        found = self.jobs.get(key)
        if found is None:
            if len(self.jobs) >= _CACHE_LIMIT:
                self.jobs.clear()
            period = Period(self.day(start), None if end is None else self.day(end))
            found = self.jobs[key] = Employment(period, hours)
        return found

    # -- one person ---------------------------------------------------------------------------

    def youth(self, index: int) -> Youth:
        rng = self.rng
        birth = self.day(rng.randint(self.first_birth, self.last_birth))
        if self.cum_weights is None:
            code = self.codes[rng.randrange(len(self.codes))]
        else:
            code = rng.choices(self.codes, cum_weights=self.cum_weights)[0]
        in_care = rng.random() < _IN_CARE_SHARE
        care: tuple[CarePlacement, ...] = ()
        if in_care:
            care = tuple(CarePlacement(period) for period in self.care_period(birth))
        educations, employments = _LifeCourse(self, birth, self.tilt(code), in_care).build()
        cpr = self.cpr(birth) if rng.random() < self.cpr_share else None
        return Youth(
            person_id=f"Y{index:07d}",
            birth_date=birth,
            educations=educations,
            employments=employments,
            in_care=care,
            cpr=cpr,
            municipality_code=code,
        )

    def care_period(self, birth: _dt.date) -> tuple[Period, ...]:
        rng = self.rng
        start = birth.toordinal() + rng.randint(2 * 365, 17 * 365)
        end = min(start + rng.randint(365, 8 * 365), _years_after(birth, 18).toordinal())
        if start > self.on_ordinal:
            return ()
        return (Period(self.day(start), None if end > self.on_ordinal else self.day(end)),)

    def cpr(self, birth: _dt.date) -> CprNumber:
        rng = self.rng
        year2 = birth.year % 100
        century = birth.year - year2
        sevenths = [d for d in range(10) if century_of(year2, d) == century]
        serial = f"{rng.choice(sevenths)}{rng.randrange(1000):03d}"
        return CprNumber(f"{birth.day:02d}{birth.month:02d}{year2:02d}-{serial}")


class _LifeCourse:
    """The education and employment history of one person, drawn in order of time."""

    def __init__(self, gen: _Generator, birth: _dt.date, tilt: float, in_care: bool) -> None:
        self.gen = gen
        self.rng = gen.rng
        self.birth = birth
        self.tilt = tilt
        self.in_care = in_care
        self.bonus = _TREND_PER_YEAR * (birth.year - 2000) - (0.15 if in_care else 0.0)
        self.educations: list[EducationRecord] = []
        self.employments: list[Employment] = []

    def add(self, programme: Programme, start: int, end: int | None, completed: bool) -> None:
        found = self.gen.record(programme, start, end, completed)
        if found is not None:
            self.educations.append(found)

    def work(self, start: int, end: int | None, hours: int) -> None:
        found = self.gen.job(start, end, hours)
        if found is not None:
            self.employments.append(found)

    def build(self) -> tuple[tuple[EducationRecord, ...], tuple[Employment, ...]]:
        gen, rng = self.gen, self.rng
        year = self.birth.year + 16  # 9th grade ends in June of the year the person turns 16
        self.add(Programme.PRIMARY_SCHOOL, gen.ymd(year - 10, 8, 12), gen.ymd(year, 6, 24), True)
        tenth_grade = rng.random() < _TENTH_GRADE_SHARE
        if tenth_grade:
            self.add(Programme.TENTH_GRADE, gen.ymd(year, 8, 12), gen.ymd(year + 1, 6, 22), True)
            year += 1
        programme = self.first_choice(tenth_grade)
        start = gen.ymd(year, 8, 12)
        if programme is None:
            self.no_start(start)
        else:
            self.attempts(programme, start, 1)
        return tuple(self.educations), tuple(self.employments)

    def first_choice(self, tenth_grade: bool) -> Programme | None:
        rng = self.rng
        draw = rng.random()
        if self.in_care and rng.random() < 0.5:
            # Fewer gymnasial starts, more vocational, FGU or nothing yet.
            draw = draw * 0.6 + 0.4
        return _pick(draw, _first_choice_shares(self.tilt, tenth_grade))

    def no_start(self, start: int) -> None:
        """No youth education right after school: a job for some, a late start for half."""
        rng = self.rng
        later = start + rng.randint(180, 4 * 365)
        if rng.random() < 0.5:
            self.work(start + rng.randint(0, 120), later, rng.choice(_GAP_JOB_HOURS))
        if rng.random() < 0.55:
            programme = Programme.FGU if rng.random() < 0.5 else Programme.EUD
            self.attempts(programme, later, 2)

    def attempts(self, programme: Programme, start: int, attempt: int) -> None:
        rng = self.rng
        if programme is Programme.EUD or programme is Programme.EUX:
            months = rng.randint(24, 48)
        else:
            months = _MONTHS[programme]
        end = start + months * 30 + rng.randint(-10, 10)
        chance = _COMPLETION[programme] + self.bonus + (0.05 if attempt > 1 else 0.0)
        completed = rng.random() < chance
        if not completed:
            end = start + rng.randint(30, max(31, end - start - 30))
        self.add(programme, start, end, completed)
        if rng.random() < 0.4:  # a student job
            self.work(start + rng.randint(0, (end - start) // 2), end, rng.randint(4, 15))

        if completed and programme is Programme.STU:
            if rng.random() < 0.5:
                self.work(end + rng.randint(30, 200), None, rng.choice((10, 15, 18, 20)))
        elif completed and programme.track is Track.GYMNASIAL:
            self.after_gymnasial(end)
        elif completed and programme.track is Track.VOCATIONAL:
            if rng.random() < 0.9:
                self.work(end + rng.randint(0, 60), None, 37)
        elif completed and programme is Programme.HIGHER:
            self.work(end + rng.randint(0, 180), None, 37)
        elif programme is Programme.HIGHER:
            # Left higher education: already has a youth education; works.
            self.work(end + rng.randint(0, 90), None, rng.choice((20, 30, 37)))
        elif attempt < _MAX_ATTEMPTS:
            self.restart(programme, end, completed, attempt)

    def after_gymnasial(self, end: int) -> None:
        gen, rng = self.gen, self.rng
        if rng.random() < 0.75:
            gap = rng.choices((0, 1, 2, 3), weights=(3, 4, 2, 1))[0]
            start = gen.ymd(gen.day(end).year + gap, 9, 1)
            if gap:
                self.work(end + rng.randint(14, 60), start - 30, rng.choice((20, 25, 30, 37)))
            self.attempts(Programme.HIGHER, start, 1)
        elif rng.random() < 0.8:
            self.work(end + rng.randint(14, 90), None, rng.choice((18, 25, 30, 37)))

    def restart(self, programme: Programme, end: int, completed: bool, attempt: int) -> None:
        """After a dropout (or FGU): perhaps a job in between, perhaps a new start."""
        rng = self.rng
        if programme is Programme.FGU and completed:
            restart_chance, gap = 0.65, rng.randint(14, 120)
        else:
            restart_chance, gap = (0.5 if self.in_care else 0.68), rng.randint(30, 420)
        restarts = rng.random() < restart_chance
        if rng.random() < 0.6:
            hours = rng.choice(_GAP_JOB_HOURS)
            self.work(end + rng.randint(0, 14), end + gap if restarts else None, hours)
        if restarts:
            choice = _pick(rng.random(), _RESTART_CHOICE)
            self.attempts(choice, end + gap, attempt + 1)


def _tilt(code: str | None) -> float:
    """A fixed municipal lean towards vocational education, in [-1, 1]."""
    return random.Random(f"kui-tilt-{code}").uniform(-1.0, 1.0)


def _first_choice_shares(tilt: float, tenth_grade: bool) -> list[tuple[Programme | None, float]]:
    """The first-choice table, leaning to EUD/EUX by the municipality's tilt and after a
    10th grade (10th-graders choose vocational education more often than 9th-graders)."""
    shift = 0.05 * tilt + (0.08 if tenth_grade else 0.0)
    return [
        (p, s + shift / 2 if p in (Programme.EUD, Programme.EUX) else s)
        if p is not Programme.STX
        else (p, s - shift)
        for p, s in _FIRST_CHOICE
    ]


def _pick(draw: float, table: Sequence[tuple[_T, float]]) -> _T:
    """The entry whose cumulative share first exceeds ``draw``; the last one otherwise."""
    for value, share in table[:-1]:
        draw -= share
        if draw < 0:
            return value
    return table[-1][0]


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out = []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _years_before(day: _dt.date, years: int) -> _dt.date:
    """The same calendar day ``years`` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _years_after(day: _dt.date, years: int) -> _dt.date:
    return _years_before(day, -years)
