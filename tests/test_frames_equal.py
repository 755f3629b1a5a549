"""The table path (kui_core.frames) gives exactly the per-object answers (issue 15, part 2).

Person by person (eligibility) and rate by rate (completion and NEET, overall and by
municipality: counts, undecided, interval, suppression, stamp), on every engine the table path
runs on: polars (eager and lazy), pandas, pyarrow, DuckDB and Dask (local synchronous
scheduler, the distributed path). The cohorts and policies come from kui-core's own strategies,
pushed to the edges where the rules turn: 29 February births, birthdays and completions on the
reference day, weekly hours on the thresholds (also as sums of several jobs), records known
until the day before, guidance by another authority, policy timelines changing around the day.
The shipped casebook runs through both paths too.

One engine-parametrised test per question, each example a whole cohort (1 to 20 people).
polars, the reference engine, inherits the Hypothesis profile's example count (60 in ``make
test``, 2,000 in ``make thorough``); every other engine runs a share of it that grows with the
profile (:attr:`Engine.per`: pyarrow a third, the others a twelfth to a sixtieth), to keep this
file within its part of ``make test``'s time budget: each call of the table path costs 0.03 s
(polars) to 3 s (Dask, its graph optimiser), whatever the size. Dask runs the random examples
only (the written-out edges would cost it about 20 s under coverage).
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as _dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import dask
import dask.dataframe as dd
import duckdb
import narwhals as nw
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kui_core
from kui_core import (
    DEFAULT_POLICY,
    RULES,
    Authority,
    Breakdown,
    EducationRecord,
    Employment,
    ExternalGuidance,
    LeapDayRule,
    Period,
    Policy,
    PolicyTimeline,
    Programme,
    Rate,
    Youth,
    assess_eligibility,
    frames,
)
from kui_core.education import QUALIFYING, YOUTH_EDUCATIONS
from kui_core.metrics import (
    COMPLETION_PROGRAMMES,
    NEET_PROGRAMMES,
    completion_rate,
    neet_share,
)
from kui_core.policy import policy_on
from kui_core.scenarios import Metric, Scenario, load_scenarios
from kui_core.strategies import cohorts, policies, reference_days

# narwhals 2.x warns on every Dask frame that its Dask support moves to a separate package
# (narwhals-dask); the warning is about narwhals' packaging, not about kui-core or these answers.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dask support is moving out of Narwhals:FutureWarning"
)

ONE_DAY = _dt.timedelta(days=1)
CASEBOOK = Path(kui_core.__file__).parent / "casebook"

# --------------------------------------------------------------------------------------------
# The engines: the same Youth objects as native frames of each engine

Natives = tuple[Any, Any, Any, Any]  # people, educations, employments, guidance


def _polars(youths: Sequence[Youth]) -> Natives:
    tables = frames.tables_from_youths(youths, "polars")
    return tables.people, tables.educations, tables.employments, tables.guidance


def _polars_lazy(youths: Sequence[Youth]) -> Natives:
    people, educations, employments, guidance = _polars(youths)
    return people.lazy(), educations.lazy(), employments.lazy(), guidance.lazy()


def _pandas(youths: Sequence[Youth]) -> Natives:
    tables = frames.tables_from_youths(youths, "pandas")
    return tables.people, tables.educations, tables.employments, tables.guidance


def _pyarrow(youths: Sequence[Youth]) -> Natives:
    tables = frames.tables_from_youths(youths, "pyarrow")
    return tables.people, tables.educations, tables.employments, tables.guidance


_DUCKDB = duckdb.connect()


def _duckdb(youths: Sequence[Youth]) -> Natives:
    tables = frames.tables_from_youths(youths, "pyarrow")
    return (
        _DUCKDB.from_arrow(tables.people),
        _DUCKDB.from_arrow(tables.educations),
        _DUCKDB.from_arrow(tables.employments),
        _DUCKDB.from_arrow(tables.guidance),
    )


def _dask(youths: Sequence[Youth]) -> Natives:
    tables = frames.tables_from_youths(youths, "pandas")
    # Two partitions where there are rows to split: the distributed path, not one big pandas.
    return (
        dd.from_pandas(tables.people, npartitions=2),
        dd.from_pandas(tables.educations, npartitions=2),
        dd.from_pandas(tables.employments, npartitions=2),
        dd.from_pandas(tables.guidance, npartitions=2),
    )


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


@attrs.frozen
class Engine:
    name: str
    natives: Callable[[Sequence[Youth]], Natives]
    lazy: bool
    per: int = 1
    """Runs one in ``per`` of the profile's examples (1: all of them, inherited)."""
    running: Callable[[], contextlib.AbstractContextManager[Any]] = _nothing

    @property
    def slow(self) -> bool:
        """Seconds a call (Dask: its graph optimiser): random examples only."""
        return self.per >= 60

    def given(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., None]], Any]:
        """``@given`` with this engine's share of the profile's examples: all of them for
        polars and pyarrow (the profile's setting is inherited, so ``make thorough`` runs
        2,000), a fraction for the engines whose every call costs more."""

        def decorate(test: Callable[..., None]) -> Any:
            wrapped = given(*args, **kwargs)(test)
            if self.per == 1:
                return wrapped
            examples = max(1, settings.default.max_examples // self.per)
            return settings(max_examples=examples)(wrapped)

        return decorate


# CPU seconds a call of eligibility / neet_share / completion_rate (23 people, under coverage,
# 2026-11-30): polars 0.08/0.07/0.04, pyarrow 0.09/0.05/0.03, pandas 0.47/0.29/0.14, DuckDB
# 0.69/0.18/0.11, Dask 6.3/2.7/1.6. polars-lazy runs the query polars runs (eager input is made
# lazy), so a few examples show lazy in, lazy out.
ENGINES = (
    Engine("polars", _polars, lazy=False),
    Engine("polars-lazy", _polars_lazy, lazy=True, per=12),
    Engine("pandas", _pandas, lazy=False, per=15),
    Engine("pyarrow", _pyarrow, lazy=False, per=3),
    Engine("duckdb", _duckdb, lazy=True, per=12),
    Engine(
        "dask",
        _dask,
        lazy=True,
        per=60,
        running=lambda: dask.config.set(scheduler="synchronous"),
    ),
)
CASEBOOK_ENGINES = ENGINES[:1]  # the rules, not the engines, are what the casebook varies
per_engine = pytest.mark.parametrize("engine", ENGINES, ids=lambda engine: engine.name)


ELIGIBILITY_SCHEMA = {
    "person_id": nw.String(),
    "age": nw.Int64(),
    "in_target_group": nw.Boolean(),
    "enrolled": nw.Boolean(),
    "outreach_required": nw.Boolean(),
    "eligible_until": nw.Date(),
}


def _rows(native: Any, engine: Engine) -> list[dict[str, Any]]:
    """The rows of a result as Python values, exactly as the engine gives them (a null is
    ``None``, never NaN: NaN is truthy, an undecided person would read as outreach due)."""
    frame = nw.from_native(native)
    if engine.lazy:
        assert isinstance(frame, nw.LazyFrame), f"{engine.name}: lazy in, lazy out"
        frame = frame.collect()
    else:
        assert isinstance(frame, nw.DataFrame), f"{engine.name}: eager in, eager out"
    assert dict(frame.schema) == ELIGIBILITY_SCHEMA
    return frame.rows(named=True)


# --------------------------------------------------------------------------------------------
# What the per-object path says, and the comparison


ELIGIBILITY_COLUMNS = tuple(ELIGIBILITY_SCHEMA)


def _per_object_row(youth: Youth, on: _dt.date, policy: Policy | PolicyTimeline) -> dict[str, Any]:
    result = assess_eligibility(youth, on, policy)
    return {
        "person_id": youth.person_id,
        "age": result.age,
        "in_target_group": result.in_target_group,
        "enrolled": result.enrolled,
        "outreach_required": result.outreach_required,
        "eligible_until": result.eligible_until,
    }


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    """The row with each value's type beside it (True is not 1, a date is not a datetime)."""
    return {key: (type(value).__name__, value) for key, value in row.items()}


def _table_eligibility(
    youths: Sequence[Youth],
    on: _dt.date,
    policy: Policy | PolicyTimeline,
    engine: Engine,
    *,
    with_guidance: bool = True,
) -> dict[str, dict[str, Any]]:
    people, educations, employments, guidance = engine.natives(youths)
    with engine.running():
        native = frames.eligibility(
            people,
            educations,
            employments,
            on,
            policy,
            guidance=guidance if with_guidance else None,
        )
        assert type(native) is type(people), engine.name
        rows = _rows(native, engine)
    assert all(tuple(row) == ELIGIBILITY_COLUMNS for row in rows), rows[:1]
    by_id = {row["person_id"]: row for row in rows}
    assert len(by_id) == len(rows) == len(youths), "one row per person"
    return by_id


def assert_same_eligibility(
    youths: Sequence[Youth],
    on: _dt.date,
    policy: Policy | PolicyTimeline,
    engine: Engine,
    *,
    with_guidance: bool = True,
) -> dict[str, dict[str, Any]]:
    """Check person by person; the table path's rows by person_id."""
    got = _table_eligibility(youths, on, policy, engine, with_guidance=with_guidance)
    for youth in youths:
        want = _per_object_row(youth, on, policy)
        assert _typed(got[youth.person_id]) == _typed(want), youth
    return got


def _same_rate(got: Rate, want: Rate) -> None:
    assert type(got) is Rate
    assert got.unsuppressed() == want.unsuppressed()
    assert got == want  # counts, threshold, undecided, secondary suppression
    assert (got.value, got.low, got.high) == (want.value, want.low, want.high)
    assert (got.publishable, got.publishable_undecided) == (
        want.publishable,
        want.publishable_undecided,
    )
    assert got.stamp is not None
    assert got.stamp == want.stamp
    assert got.people is None


def assert_same_result(got: Rate | Breakdown, want: Rate | Breakdown) -> None:
    """The same Rate, or the same Breakdown: groups (type and order), each cell and the total
    equal, stamps included (``==`` leaves stamps out)."""
    assert type(got) is type(want)
    if isinstance(want, Rate):
        assert isinstance(got, Rate)
        _same_rate(got, want)
        return
    assert isinstance(got, Breakdown)
    assert [(type(k), k) for k in got] == [(type(k), k) for k in want]
    for key in want:
        _same_rate(got[key], want[key])
    _same_rate(got.total, want.total)
    assert got == want
    assert got.stamp == want.stamp


# --------------------------------------------------------------------------------------------
# Strategies: whole cohorts at the edges, and the policy that judges them


@attrs.frozen
class Population:
    on: _dt.date
    policy: Policy | PolicyTimeline
    youths: tuple[Youth, ...]

    @property
    def in_force(self) -> Policy:
        return policy_on(self.policy, self.on)


def _draw_hours_on_lines(draw: st.DrawFn, youth: Youth, on: _dt.date, policy: Policy) -> Youth:
    """Now and then: a job of a threshold's hours (or half a millionth of an hour off it, where
    the rounding to millionths turns), or two or three jobs on ``on`` whose hours add up to a
    threshold in tenths (whose float sum depends on the order: both paths add in millionths)."""
    choice = draw(st.integers(0, 5))
    if choice < 4 or (choice == 4 and not youth.employments):
        return youth
    line = draw(st.sampled_from((policy.outreach_work_hours, policy.neet_work_hours)))
    off = draw(st.sampled_from((0.0, 0.0, -5e-7, -4.9e-7, -5.1e-7, -1e-6, 1e-9)))
    if choice == 4:
        index = draw(st.integers(0, len(youth.employments) - 1))
        jobs = list(youth.employments)
        jobs[index] = attrs.evolve(jobs[index], hours_per_week=line + off)
        return attrs.evolve(youth, employments=tuple(jobs))
    tenths = round(line * 10) + draw(st.sampled_from((0, 0, -1, 1)))
    count = draw(st.integers(2, 3))
    cuts = sorted(draw(st.lists(st.integers(0, tenths), min_size=count - 1, max_size=count - 1)))
    parts = [(b - a) / 10 for a, b in zip([0, *cuts], [*cuts, tenths], strict=True)]
    parts[-1] = max(parts[-1] + off, 0.0)
    start = max(youth.birth_date, on - 40 * ONE_DAY)
    ends = draw(st.lists(st.sampled_from((None, on + ONE_DAY)), min_size=count, max_size=count))
    jobs = tuple(
        Employment(Period(start, end), part) for part, end in zip(parts, ends, strict=True)
    )
    return attrs.evolve(youth, employments=jobs)


# 28 February and 1 March of common years: where the two leap-day rules give those born on
# 29 February different ages (reference_days() favours leap years).
_LEAP_TURNS = st.builds(
    lambda year, month_day: _dt.date(year, *month_day),
    st.integers(1990, 2040).filter(lambda year: not calendar.isleap(year)),
    st.sampled_from(((2, 28), (3, 1))),
)


@st.composite
def populations(draw: st.DrawFn, max_size: int = 20) -> Population:
    """A reference day, a policy (or a timeline whose version in force on the day changes on
    it, the day before or the day after) and a cohort drawn for that policy."""
    policy = draw(policies())
    on = draw(st.one_of(reference_days(), _LEAP_TURNS))
    judged: Policy | PolicyTimeline = policy
    shift = draw(st.sampled_from((None, -1, 0, 1)))
    if shift is not None:
        other = draw(policies())
        change = on + shift * ONE_DAY
        judged = (
            PolicyTimeline(other, {change: policy})
            if shift <= 0
            else PolicyTimeline(policy, {change: other})
        )
    youths = draw(
        cohorts(
            on,
            min_size=1,  # the empty population has its own test
            max_size=max_size,
            policy=policy,
            unknown_records=True,
            in_care=False,  # the table path has no care placements
            max_employments=3,
        )
    )
    youths = [_draw_hours_on_lines(draw, youth, on, policy) for youth in youths]
    return Population(on, judged, tuple(youths))


_PROGRAMME_SETS = st.one_of(
    st.sampled_from(
        (
            COMPLETION_PROGRAMMES,
            NEET_PROGRAMMES,
            YOUTH_EDUCATIONS | {Programme.HIGHER},
            QUALIFYING | {Programme.STU},
        )
    ),
    st.frozensets(st.sampled_from(tuple(Programme))),
)


@st.composite
def metric_calls(draw: st.DrawFn) -> tuple[Population, dict[str, Any], dict[str, Any]]:
    """A population and the arguments of completion_rate and neet_share for it: the ages at
    the policy's bounds (or the defaults, or any), the programmes (the defaults, the national
    reading, any set), overall or by municipality."""
    population = draw(populations())
    policy = population.in_force
    bounds = (policy.min_age, policy.age_limit - 1, policy.age_limit)
    age = draw(st.one_of(st.just(25), st.sampled_from(bounds), st.integers(0, 40)))
    ages = draw(
        st.one_of(
            st.just((15, 24)),
            st.just((policy.min_age, policy.age_limit - 1)),
            st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda a: (min(a), max(a))),
        )
    )
    by = draw(st.sampled_from((None, "municipality_code")))
    completion = {"age": age, "by": by}
    neet = {"ages": ages, "by": by}
    if draw(st.booleans()):
        completion["programmes"] = draw(_PROGRAMME_SETS)
    if draw(st.booleans()):
        neet["programmes"] = draw(_PROGRAMME_SETS)
    return population, completion, neet


def _per_object_by(kwargs: dict[str, Any]) -> dict[str, Any]:
    if kwargs.get("by") == "municipality_code":
        return {**kwargs, "by": "municipality"}
    return kwargs


# --------------------------------------------------------------------------------------------
# The properties


@per_engine
def test_eligibility_on_tables_equals_assess_eligibility_person_by_person(engine: Engine) -> None:
    @engine.given(populations(), st.booleans())
    def check(population: Population, without_guidance_table: bool) -> None:
        # guidance=None is allowed where nobody is guided elsewhere.
        nobody_guided = not any(y.guided_elsewhere for y in population.youths)
        assert_same_eligibility(
            population.youths,
            population.on,
            population.policy,
            engine,
            with_guidance=not (nobody_guided and without_guidance_table),
        )

    check()


@per_engine
def test_completion_and_neet_on_tables_equal_the_per_object_metrics(engine: Engine) -> None:
    @engine.given(metric_calls())
    def check(call: tuple[Population, dict[str, Any], dict[str, Any]]) -> None:
        population, completion, neet = call
        on, policy, youths = population.on, population.policy, population.youths
        people, educations, employments, _ = engine.natives(youths)
        with engine.running():
            got_completion = frames.completion_rate(
                people, educations, on, policy=policy, **completion
            )
            got_neet = frames.neet_share(people, educations, employments, on, policy=policy, **neet)
        want_completion = completion_rate(youths, on, policy=policy, **_per_object_by(completion))
        want_neet = neet_share(youths, on, policy=policy, **_per_object_by(neet))
        assert_same_result(got_completion, want_completion)
        assert_same_result(got_neet, want_neet)

    check()


# --------------------------------------------------------------------------------------------
# The edges, written out (each on the day it is about)

LEAP = _dt.date(2029, 2, 28)  # a common year: when do those born on 29 February 2004 turn 25?


def _edge_cohort(on: _dt.date) -> list[Youth]:
    """One person per edge: 29 February births, birthdays on ``on``, completion and drop-out on
    ``on``, hours on the lines (alone and as a sum), records known until the day before,
    guidance starting and ending on ``on``."""
    day_before, day_after = on - ONE_DAY, on + ONE_DAY

    def born(years: int, shift: int = 0) -> _dt.date:
        return on.replace(year=on.year - years) + shift * ONE_DAY

    def job(hours: float, start: _dt.date | None = None, end: _dt.date | None = None) -> Employment:
        return Employment(Period(start or born(1), end), hours)

    stx = Programme.STX
    return [
        Youth("leap-25", _dt.date(2004, 2, 29), municipality_code="101"),
        Youth("leap-21", _dt.date(2008, 2, 29), municipality_code="101"),
        Youth("25-today", born(25)),
        Youth("25-tomorrow", born(25, 1)),
        Youth("15-today", born(15), municipality_code="147"),
        Youth("15-tomorrow", born(15, 1), municipality_code="147"),
        Youth(
            "done-today",
            born(20),
            (EducationRecord(stx, born(3), completed_on=on),),
            municipality_code="147",
        ),
        Youth("done-tomorrow", born(20), (EducationRecord(stx, born(3), completed_on=day_after),)),
        Youth("left-today", born(20), (EducationRecord(Programme.EUD, born(2), left_on=on),)),
        Youth("started-today", born(19), (EducationRecord(Programme.FGU, on),)),
        Youth("25-done-today", born(25), (EducationRecord(stx, born(5), completed_on=on),)),
        Youth("hours-18", born(20), employments=(job(18),), municipality_code="350"),
        Youth("hours-20", born(20), employments=(job(20),), municipality_code="350"),
        Youth("hours-19.5", born(20), employments=(job(19.5),), municipality_code="350"),
        # Added up as floats, 0.2 + 0.4 + 19.4 is 20.0 in this order, 19.999999999999996 in
        # others; in millionths of an hour (both paths) it is 20 in any order.
        Youth("hours-sum-20", born(20), employments=(job(0.2), job(0.4), job(19.4))),
        Youth("hours-sum-18", born(20), employments=(job(17.4), job(0.4), job(0.2))),
        # Half a millionth below 20 rounds up to 20 (micro_hours); a bit more than that does not.
        Youth("hours-micro-up", born(20), employments=(job(20 - 5e-7),)),
        Youth("hours-micro-down", born(20), employments=(job(20 - 5.1e-7),)),
        Youth("hours-micro-sum", born(20), employments=(job(10 - 2.5e-7), job(10 - 2.5e-7))),
        Youth("job-ends-today", born(20), employments=(job(37, end=on),)),
        Youth("job-starts-today", born(20), employments=(job(37, start=on),)),
        Youth("known-day-before", born(20), educations_known_until=day_before),
        Youth("known-today", born(20), employments_known_until=on),
        Youth(
            "known-day-before-but-works",
            born(20),
            employments=(job(30),),
            employments_known_until=day_before,
        ),
        Youth(
            "guided-from-today",
            born(20),
            guided_elsewhere=(ExternalGuidance(Authority.JOBCENTRE, Period(on)),),
        ),
        Youth(
            "guided-until-today",
            born(20),
            guided_elsewhere=(ExternalGuidance(Authority.OTHER, Period(born(1), on)),),
        ),
    ]


EDGE_POLICIES = (
    DEFAULT_POLICY,
    attrs.evolve(
        DEFAULT_POLICY,
        leap_day_rule=LeapDayRule.FEBRUARY_28,
        outreach_work_hours=18,
        neet_work_hours=20,
        min_publishable_count=1,
    ),
)


@pytest.mark.parametrize(
    "engine", [e for e in ENGINES if not e.slow], ids=lambda engine: engine.name
)
def test_the_edges_give_the_same_answers_on_tables_2029_02_28(engine: Engine) -> None:
    youths = _edge_cohort(LEAP)
    people, educations, employments, _ = engine.natives(youths)
    for policy in EDGE_POLICIES:
        assert_same_eligibility(youths, LEAP, policy, engine)
        with engine.running():
            got = frames.completion_rate(
                people, educations, LEAP, policy=policy, by="municipality_code"
            )
            got_neet = frames.neet_share(
                people, educations, employments, LEAP, policy=policy, by="municipality_code"
            )
        by = {"by": "municipality"}
        assert_same_result(got, completion_rate(youths, LEAP, policy=policy, **by))
        assert_same_result(got_neet, neet_share(youths, LEAP, policy=policy, **by))


@pytest.mark.parametrize(
    "engine", [e for e in ENGINES if not e.slow], ids=lambda engine: engine.name
)
def test_an_empty_population_gives_the_same_answers_on_tables_2026_10_01(engine: Engine) -> None:
    on = _dt.date(2026, 10, 1)
    assert _table_eligibility([], on, DEFAULT_POLICY, engine) == {}
    people, educations, employments, _ = engine.natives([])
    with engine.running():
        got = frames.neet_share(people, educations, employments, on, by="municipality_code")
        got_completion = frames.completion_rate(people, educations, on)
    assert_same_result(got, neet_share([], on, by="municipality"))
    assert_same_result(got_completion, completion_rate([], on))


# --------------------------------------------------------------------------------------------
# The casebook through both paths


def _casebook() -> list[tuple[str, Scenario]]:
    found = []
    for path in sorted(CASEBOOK.glob("*.kui.yaml")):
        for scenario in load_scenarios(path.read_text(encoding="utf-8"), yaml=True).cases:
            found.append((f"{path.name}: {scenario.title_en or scenario.title}", scenario))
    return found


_DECISIONS = ("in_target_group", "enrolled", "outreach_required", "age", "eligible_until")


def _run_on_tables(scenario: Scenario, engine: Engine) -> bool:
    """Run ``scenario`` through the table path and the per-object path, and check both against
    its expectation; false where it is a case review (no table path: its expectations are
    about the review, none about eligibility decisions or the metrics)."""
    on = scenario.on
    policy = scenario.policy if scenario.policy is not None else DEFAULT_POLICY
    expect = scenario.expect
    if scenario.cohort is not None:
        youths = scenario.cohort
        people, educations, employments, _ = engine.natives(youths)
        with engine.running():
            if scenario.metric is Metric.COMPLETION_RATE:
                got = frames.completion_rate(people, educations, on, policy=policy)
                want = completion_rate(youths, on, policy=policy)
            else:
                got = frames.neet_share(people, educations, employments, on, policy=policy)
                want = neet_share(youths, on, policy=policy)
        assert_same_result(got, want)
        assert isinstance(got, Rate)
        assert expect.rate is not None
        counts = (got.numerator, got.denominator, got.undecided)
        assert counts == (expect.rate.numerator, expect.rate.denominator, expect.rate.undecided)
        return True
    if scenario.youth is None:
        assert not {*expect.codes, *expect.not_codes} & ELIGIBILITY_CODES
        assert all(getattr(expect, name) is None for name in (*_DECISIONS, "undecided"))
        return False
    youth = scenario.youth
    row = assert_same_eligibility([youth], on, policy, engine)[youth.person_id]
    decided = {**row, "undecided": row["outreach_required"] is None}
    for name in (*_DECISIONS, "undecided"):
        wanted = getattr(expect, name)
        if wanted is not None:
            assert decided[name] == wanted, name
    return True


ELIGIBILITY_CODES = frozenset(code for code in RULES if code.startswith("eligibility."))


@pytest.mark.parametrize("engine", CASEBOOK_ENGINES, ids=lambda engine: engine.name)
def test_the_casebook_gives_the_same_answers_on_tables(engine: Engine) -> None:
    cases = _casebook()
    ran = 0
    for name, scenario in cases:
        try:
            ran += _run_on_tables(scenario, engine)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from error
    # Every young person (eligibility) and every cohort (completion, NEET) of the casebook ran
    # through both paths: 26 and 5 when this was written.
    both = [s for _, s in cases if s.youth is not None or s.cohort is not None]
    assert ran == len(both) >= 31
