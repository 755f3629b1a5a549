"""The national target metrics: what each measures, and how it is counted.

Every metric returns a :class:`~kui_core.rates.Rate` (counts, value, 95 % Wilson score interval)
or, with ``by=``, a :class:`~kui_core.rates.Breakdown` of rates per group with its total.
Municipalities publish these figures: the application shares (*søgetal*) and their targets
(*måltal*) every year by the end of May, on the municipality's website (ministry guidance:
uvm.dk, "Kommunernes måltal for søgning til ungdomsuddannelserne",
https://www.uvm.dk/statistik/grundskolen/elever/soegning-til-ungdomsuddannelser/kommunernes-maaltal-for-soegning-til-ungdomsuddannelserne).
So every rate is suppressed where a count is below :attr:`Policy.min_publishable_count`, and
every breakdown protects its suppressed cells (secondary suppression): :mod:`kui_core.rates`
states the disclosure control exactly.

Each metric measures something specific; :class:`Measure` says what (a count in records or a
projection, and which programmes count), so that a series is not read against a target set on
another scale without saying so (see :func:`kui_core.targets.target_progress`).

**People behind a count.** Pass ``with_people=True`` to get, on every rate, the ``person_id``\\ s
behind its numerator and denominator (:attr:`Rate.people`): for caseworkers following up on young
people, never for publication.

**Audit stamp.** Every result carries the :class:`~kui_core.audit.AuditStamp` of the policy in
force on its day (``stamp`` of the :class:`Rate`, the :class:`Breakdown` and the
:class:`ApplicationShares`), as the reports of :func:`~kui_core.review_case` do.

**Any day.** The reference day may be any day of the calendar, 1 January of year 1 and
31 December 9999 included; an age nobody born in the calendar can have on that day gives an
empty population.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from . import validators as v
from .audit import AuditStamp, audit_stamp
from .dates import born_between, check_age, check_age_band
from .education import QUALIFYING, YOUTH_EDUCATIONS, Programme, Track
from .errors import DataError
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, policy_on
from .rates import (
    Breakdown,
    People,
    Rate,
    apply_secondary_suppression,
    hide,
    protect_breakdown,
)
from .youth import Youth

__all__ = [
    "APPLICATIONS_MEASURE",
    "COMPLETION_MEASURE",
    "COMPLETION_PROGRAMMES",
    "NEET_MEASURE",
    "NEET_PROGRAMMES",
    "Application",
    "ApplicationShares",
    "Measure",
    "MeasureKind",
    "application_shares",
    "breakdown_of_counts",
    "completion_rate",
    "neet_share",
]

COMPLETION_PROGRAMMES: frozenset[Programme] = QUALIFYING
"""What counts as completed in :func:`completion_rate`: the qualifying programmes."""

NEET_PROGRAMMES: frozenset[Programme] = YOUTH_EDUCATIONS | {Programme.HIGHER}
"""A completed one of these takes a young person out of the NEET count ("completed youth
education"; a higher-education graduate has one too, STU included)."""


# --------------------------------------------------------------------------------------------
# What a figure measures


class MeasureKind(enum.StrEnum):
    """How a figure was arrived at."""

    REGISTER = "register"
    """Counted in records: Danmarks Statistik's or the ministry's registers, or a
    municipality's own case data (every metric of this module)."""
    PROJECTION = "projection"
    """Expected, not yet observed: for example the ministry's Profilmodel, which projects the
    share of a 9th-grade cohort that will have completed a youth education by 25."""

    @property
    def phrase(self) -> str:
        """``"a register count"`` or ``"a projection"``, for sentences."""
        return "a projection" if self is MeasureKind.PROJECTION else "a register count"


_is_frozenset_of_programme = v.is_frozenset_of(Programme)


def _optional_programmes(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _is_frozenset_of_programme(instance, attribute, value)


@attrs.frozen
class Measure:
    """What a figure measures: its ``kind``, the ``programmes`` that count, in words.

    ``programmes`` are the programmes whose completion (or, for application shares, whose
    choice) is counted; ``None`` where the source does not say exactly. Two measures are read
    as like for like when :meth:`differences` finds nothing: same kind, and the same
    programmes where both are known. ``description`` is for people and is not compared.
    """

    kind: MeasureKind = attrs.field(validator=v.is_instance(MeasureKind))
    programmes: frozenset[Programme] | None = attrs.field(validator=_optional_programmes)
    description: str = attrs.field(validator=v.is_nonempty_str)

    def differences(self, other: Measure) -> tuple[str, ...]:
        """How this measure differs from ``other``, as clauses about this one (``"is a register
        count, not a projection"``, ``"does not count STU"``, ``"also counts higher education"``);
        empty where they are like for like."""
        if not isinstance(other, Measure):
            raise DataError("measure", f"expected Measure, got {type(other).__name__}")
        found = []
        if self.kind is not other.kind:
            found.append(f"is {self.kind.phrase}, not {other.kind.phrase}")
        if self.programmes is not None and other.programmes is not None:
            if other.programmes - self.programmes:
                found.append(
                    f"does not count {_programme_list(other.programmes - self.programmes)}"
                )
            if self.programmes - other.programmes:
                found.append(f"also counts {_programme_list(self.programmes - other.programmes)}")
        return tuple(found)


_PROGRAMME_NAMES = {
    Programme.HIGHER: "higher education",
    Programme.TENTH_GRADE: "10th grade",
    Programme.PRIMARY_SCHOOL: "primary school",
    Programme.OTHER: "other education",
    Programme.IB: "IB",
}


def _programme_list(programmes: frozenset[Programme]) -> str:
    """``STU``, ``HF and STX``, ``EUD, EUX and higher education``: programmes in words."""
    names = sorted(_PROGRAMME_NAMES.get(p, p.value.upper()) for p in programmes)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


COMPLETION_MEASURE = Measure(
    MeasureKind.REGISTER,
    COMPLETION_PROGRAMMES,
    "people aged exactly 25 on the day who have completed a qualifying education (gymnasial,"
    " vocational or higher) by then, counted in the records given (completion_rate)",
)
"""What :func:`completion_rate` measures with its default ``programmes``; for another set,
``attrs.evolve(COMPLETION_MEASURE, programmes=...)``."""

NEET_MEASURE = Measure(
    MeasureKind.REGISTER,
    NEET_PROGRAMMES,
    "15-24-year-olds on the day with no completed youth or higher education (STU included),"
    " not enrolled, and working fewer than 18 hours a week, counted in the records given"
    " (neet_share)",
)
"""What :func:`neet_share` measures with its defaults."""

APPLICATIONS_MEASURE = Measure(
    MeasureKind.REGISTER,
    frozenset({Programme.EUD, Programme.EUX}),
    "applications for EUD or EUX among the 9th- and 10th-grade applications that are not for"
    " 10th grade (application_shares)",
)
"""What the vocational share of :func:`application_shares` measures."""


K = TypeVar("K", bound=Hashable)
GroupKey = Hashable


# --------------------------------------------------------------------------------------------
# Breakdowns


def _sorted_keys(keys: Iterable[K]) -> list[K]:
    keys = list(keys)
    try:
        return sorted(keys)  # type: ignore[type-var]
    except TypeError:
        return sorted(keys, key=repr)


_Ids = tuple[list[str], list[str], list[str]]
"""The person ids behind a cell: numerator, denominator, undecided."""


def breakdown_of_counts(
    counts: Mapping[GroupKey, Sequence[int]],
    min_publishable_count: int,
    stamp: AuditStamp | None = None,
    people: Mapping[GroupKey, _Ids] | None = None,
) -> Breakdown:
    """The :class:`Breakdown` of ``counts`` (per group: numerator, denominator, undecided),
    with the total over every group and the suppression of :func:`protect_breakdown`: how
    :func:`completion_rate` and :func:`neet_share` build theirs, and the table path
    (:mod:`kui_core.frames`) from its counts. ``people`` gives the person ids behind each cell
    (numerator, denominator, undecided)."""
    keys = _sorted_keys(counts)
    threshold = min_publishable_count
    rates = {
        key: Rate(
            counts[key][0],
            counts[key][1],
            min_publishable_count=threshold,
            undecided=counts[key][2],
            people=None if people is None else _people(people[key]),
            stamp=stamp,
        )
        for key in keys
    }
    numerator = sum(c[0] for c in counts.values())
    denominator = sum(c[1] for c in counts.values())
    undecided = sum(c[2] for c in counts.values())
    total_people = None
    if people is not None:
        total_people = People(
            tuple(p for key in keys for p in people[key][0]),
            tuple(p for key in keys for p in people[key][1]),
            tuple(p for key in keys for p in people[key][2]),
        )
    total = Rate(
        numerator,
        denominator,
        min_publishable_count=threshold,
        undecided=undecided,
        people=total_people,
        stamp=stamp,
    )
    return protect_breakdown(rates, total)


def _people(ids: _Ids) -> People:
    return People(tuple(ids[0]), tuple(ids[1]), tuple(ids[2]))


# --------------------------------------------------------------------------------------------
# Youth metrics


def _youth_key(by: str | Callable[[Youth], GroupKey], on: _dt.date) -> Callable[[Youth], Any]:
    if callable(by):
        return by
    if by == "municipality":
        return lambda youth: youth.municipality_code
    if by == "in_care":
        return lambda youth: youth.in_care_on(on)
    if by == "track":
        return lambda youth: _latest_track(youth, on)
    raise DataError(
        "by", f"expected a function or one of 'municipality', 'in_care', 'track', got {by!r}"
    )


def _latest_track(youth: Youth, on: _dt.date) -> Track | None:
    started = [r for r in youth.educations if r.started_on <= on]
    if not started:
        return None
    return max(started, key=lambda r: r.started_on).programme.track


class _Undecided(enum.Enum):
    UNDECIDED = "undecided"


UNDECIDED = _Undecided.UNDECIDED
"""What a metric's test returns where the records cannot decide (see :attr:`Rate.undecided`)."""

_Verdict = bool | None | _Undecided
"""True: in the numerator; False: in the denominator only; None: outside the population."""


def _tally(
    youths: Iterable[Youth],
    test: Callable[[Youth], _Verdict],
    by: str | Callable[[Youth], GroupKey] | None,
    on: _dt.date,
    policy: Policy,
    with_people: bool,
) -> Rate | Breakdown:
    """Count one metric in a single pass. ``test`` is None outside the population and
    :data:`UNDECIDED` where the records cannot decide."""
    threshold = policy.min_publishable_count
    stamp = audit_stamp(policy)
    if by is None and not with_people:
        numerator = denominator = undecided = 0
        for youth in youths:
            hit = test(youth)
            if hit is True:
                numerator += 1
                denominator += 1
            elif hit is False:
                denominator += 1
            elif hit is UNDECIDED:
                undecided += 1
        return Rate(
            numerator,
            denominator,
            min_publishable_count=threshold,
            undecided=undecided,
            stamp=stamp,
        )
    key = None if by is None else _youth_key(by, on)
    counts: dict[GroupKey, list[int]] = {}
    people: dict[GroupKey, _Ids] = {}
    for youth in youths:
        hit = test(youth)
        if hit is None:
            continue
        group = None if key is None else key(youth)
        cell = counts.get(group)
        if cell is None:
            cell = counts[group] = [0, 0, 0]
            people[group] = ([], [], [])
        ids = people[group]
        if hit is UNDECIDED:
            cell[2] += 1
            if with_people:
                ids[2].append(youth.person_id)
            continue
        cell[1] += 1
        if with_people:
            ids[1].append(youth.person_id)
        if hit:
            cell[0] += 1
            if with_people:
                ids[0].append(youth.person_id)
    if by is None:
        cell = counts.get(None, [0, 0, 0])
        ids = people.get(None, ([], [], []))
        return Rate(
            cell[0],
            cell[1],
            min_publishable_count=threshold,
            undecided=cell[2],
            people=_people(ids),
            stamp=stamp,
        )
    return breakdown_of_counts(
        counts, policy.min_publishable_count, stamp, people if with_people else None
    )


@overload
def completion_rate(
    youths: Iterable[Youth],
    on: _dt.date,
    age: int = ...,
    policy: Policy | PolicyTimeline = ...,
    by: None = ...,
    *,
    programmes: frozenset[Programme] = ...,
    with_people: bool = ...,
) -> Rate: ...
@overload
def completion_rate(
    youths: Iterable[Youth],
    on: _dt.date,
    age: int = ...,
    policy: Policy | PolicyTimeline = ...,
    *,
    by: str | Callable[[Youth], GroupKey],
    programmes: frozenset[Programme] = ...,
    with_people: bool = ...,
) -> Breakdown: ...
def completion_rate(
    youths: Iterable[Youth],
    on: _dt.date,
    age: int = 25,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    by: str | Callable[[Youth], GroupKey] | None = None,
    *,
    programmes: frozenset[Programme] = COMPLETION_PROGRAMMES,
    with_people: bool = False,
) -> Rate | Breakdown:
    """Among people aged exactly ``age`` on ``on``, the share who completed a qualifying
    education on or before ``on`` (national target: at least 90 % of 25-year-olds
    by 2030, agreement "Bedre veje til uddannelse og job", 2017).

    The national target speaks of a completed *youth education*; by default this metric counts
    kui-core's *qualifying* programmes (the default :attr:`Policy.target_group_exit`: gymnasial,
    vocational and higher education, not STU), the programmes that end the target group. That
    is a choice, not the law's word: see the glossary on *erhvervskompetencegivende*. Pass
    ``programmes=YOUTH_EDUCATIONS | {Programme.HIGHER}`` for the national reading. Someone whose
    25th birthday is ``on`` is 25 that day; a 29 February birthday follows
    :attr:`Policy.leap_day_rule`. Someone with no completion recorded whose education records
    are known only up to a day before ``on`` is undecided (:attr:`Rate.undecided`), in neither
    count.

    ``by`` groups the rates: a function of the youth, or ``"municipality"``, ``"in_care"``
    (in care on ``on``) or ``"track"`` (track of the latest education started by ``on``).
    """
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    age = check_age("age", age)
    first_born, last_born = born_between(age, age, on, policy.leap_day_rule)

    def test(youth: Youth) -> _Verdict:
        born = youth.birth_date
        if born < first_born or born > last_born:
            return None
        for record in youth.educations:
            done = record.completed_on
            if done is not None and done <= on and record.programme in programmes:
                return True
        known = youth.educations_known_until
        return UNDECIDED if known is not None and on > known else False

    return _tally(youths, test, by, on, policy, with_people)


@overload
def neet_share(
    youths: Iterable[Youth],
    on: _dt.date,
    ages: tuple[int, int] = ...,
    policy: Policy | PolicyTimeline = ...,
    by: None = ...,
    *,
    programmes: frozenset[Programme] = ...,
    with_people: bool = ...,
) -> Rate: ...
@overload
def neet_share(
    youths: Iterable[Youth],
    on: _dt.date,
    ages: tuple[int, int] = ...,
    policy: Policy | PolicyTimeline = ...,
    *,
    by: str | Callable[[Youth], GroupKey],
    programmes: frozenset[Programme] = ...,
    with_people: bool = ...,
) -> Breakdown: ...
def neet_share(
    youths: Iterable[Youth],
    on: _dt.date,
    ages: tuple[int, int] = (15, 24),
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    by: str | Callable[[Youth], GroupKey] | None = None,
    *,
    programmes: frozenset[Programme] = NEET_PROGRAMMES,
    with_people: bool = False,
) -> Rate | Breakdown:
    """Among people aged ``ages[0]`` to ``ages[1]`` inclusive on ``on``, the share with no
    attachment to education or work (the national measure, taken each 1 October; target:
    3.5 % in 2030, half of 7.1 % in 2016; uvm.dk).

    Counted are those who (1) have completed none of ``programmes`` — a youth education, STU
    included, or a higher education, whose graduates hold a youth education too; (2) are not
    enrolled in any education on ``on``, primary school, FGU and 10th grade included; and (3)
    work fewer than :attr:`Policy.neet_work_hours` (18) hours a week on ``on``. A 15-year-old
    in 9th grade is enrolled through a :attr:`Programme.PRIMARY_SCHOOL` record; without any
    school record the young person is counted (the records are taken as complete).

    Where a young person's education or employment records are known only up to a day before
    ``on`` and nothing recorded takes them out of the count, they are *undecided*: in neither
    the numerator nor the denominator, counted in :attr:`Rate.undecided`. Numerator, complement
    and undecided add up to the people of the age band.
    """
    on = v.check_day("on", on)
    policy = policy_on(policy, on)
    youngest, oldest = check_age_band(ages)
    first_born, last_born = born_between(youngest, oldest, on, policy.leap_day_rule)
    hours = policy.neet_work_hours

    def test(youth: Youth) -> _Verdict:
        born = youth.birth_date
        if born < first_born or born > last_born:
            return None
        for record in youth.educations:
            if record.started_on > on:
                continue
            done = record.completed_on
            if done is not None:
                if done > on or record.programme in programmes:
                    return False  # enrolled, or a graduate
                continue
            left = record.left_on
            if left is None or on < left:
                return False  # enrolled
        # No job at all is never work, even where neet_work_hours is 0.
        if youth.employments and youth.weekly_hours_on(on) >= hours:
            return False
        if youth.educations_known_until is None and youth.employments_known_until is None:
            return True
        if youth.educations_known_on(on) and youth.employments_known_on(on):
            return True
        return UNDECIDED  # nothing recorded says otherwise, but the records end before ``on``

    return _tally(youths, test, by, on, policy, with_people)


# --------------------------------------------------------------------------------------------
# Applications (søgetal)


_is_int = v.is_int()


def _grade(instance: Application, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_int(instance, attribute, value)
    if value not in (9, 10):
        raise DataError("Application.grade", f"expected 9 or 10, got {value}")


_is_instance_programme = v.is_instance(Programme)


def _applied_programme(instance: Application, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_instance_programme(instance, attribute, value)
    if value is Programme.PRIMARY_SCHOOL:
        raise DataError("Application.programme", "primary school is not applied for from 9th grade")


@attrs.frozen
class Application:
    """An application for a youth education (søgetal), made from 9th or 10th grade.

    Any programme but :attr:`Programme.PRIMARY_SCHOOL`, which nobody applies for from there.
    """

    person_id: str = attrs.field(validator=v.is_nonempty_str)
    programme: Programme = attrs.field(validator=_applied_programme)
    grade: int = attrs.field(validator=_grade)
    applied_on: _dt.date = attrs.field(validator=v.is_date)
    municipality_code: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)


_TRACKS = (Track.VOCATIONAL, Track.GYMNASIAL, Track.OTHER)
_TRACK_FIELDS = {Track.VOCATIONAL: "vocational", Track.GYMNASIAL: "gymnasial", Track.OTHER: "other"}

R = TypeVar("R", Rate, Breakdown)


def _same_kind(
    instance: ApplicationShares[Any], attribute: attrs.Attribute[Any], value: Any
) -> None:
    kind = type(instance.vocational)
    if kind not in (Rate, Breakdown) or type(value) is not kind:
        raise DataError(
            f"ApplicationShares.{attribute.name}",
            f"expected four Rates or four Breakdowns, got {type(value).__name__}",
        )


@attrs.frozen
class ApplicationShares(Mapping[Track, R], Generic[R]):
    """The application shares (søgetal) by :class:`Track`, and the 10th-grade applications.

    A mapping of the three tracks to their shares (``shares[Track.VOCATIONAL]``): EUD and EUX,
    gymnasial, and other (STU, FGU, work and the rest), each a :class:`Rate` (or, with ``by=``,
    a :class:`Breakdown`) of the applications that are **not** for 10th grade, as the ministry
    counts them. ``tenth_grade`` is reported beside them and is not one of the tracks: its
    numerator is the number of applications for 10th grade, its denominator all applications
    (so its value is their share of all applications). It is suppressed like every rate:
    a count below :attr:`Policy.min_publishable_count` is never shown.

    ``stamp`` is the :class:`~kui_core.audit.AuditStamp` of the policy the shares were counted
    under (by default the stamp of ``vocational``); not compared, not shown by ``str``.
    """

    vocational: R = attrs.field(validator=_same_kind)
    gymnasial: R = attrs.field(validator=_same_kind)
    other: R = attrs.field(validator=_same_kind)
    tenth_grade: R = attrs.field(kw_only=True, validator=_same_kind)
    stamp: AuditStamp | None = attrs.field(
        kw_only=True, eq=False, repr=False, validator=v.is_optional_instance(AuditStamp)
    )

    @stamp.default
    def _vocational_stamp(self) -> AuditStamp | None:
        return getattr(self.vocational, "stamp", None)  # the validators have not run yet

    def __getitem__(self, track: Track) -> R:
        value: R = getattr(self, _TRACK_FIELDS[track])
        return value

    def __iter__(self) -> Iterator[Track]:
        return iter(_TRACKS)

    def __len__(self) -> int:
        return len(_TRACKS)

    def __str__(self) -> str:
        named = [(str(track), self[track]) for track in _TRACKS]
        named.append(("10th grade (not in the shares)", self.tenth_grade))
        if isinstance(self.tenth_grade, Rate):
            return "\n".join(f"{name}: {value}" for name, value in named)
        return "\n".join(
            f"{name}:\n" + "\n".join(f"  {line}" for line in str(value).splitlines())
            for name, value in named
        )


def _application_key(by: str | Callable[[Application], GroupKey]) -> Callable[[Application], Any]:
    if callable(by):
        return by
    if by == "municipality":
        return lambda application: application.municipality_code
    if by == "grade":
        return lambda application: application.grade
    raise DataError("by", f"expected a function or one of 'municipality', 'grade', got {by!r}")


@overload
def application_shares(
    applications: Iterable[Application],
    policy: Policy | PolicyTimeline = ...,
    by: None = ...,
    year: int | None = ...,
    *,
    with_people: bool = ...,
) -> ApplicationShares[Rate]: ...
@overload
def application_shares(
    applications: Iterable[Application],
    policy: Policy | PolicyTimeline = ...,
    *,
    by: str | Callable[[Application], GroupKey],
    year: int | None = ...,
    with_people: bool = ...,
) -> ApplicationShares[Breakdown]: ...
def application_shares(
    applications: Iterable[Application],
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    by: str | Callable[[Application], GroupKey] | None = None,
    year: int | None = None,
    *,
    with_people: bool = False,
) -> ApplicationShares[Rate] | ApplicationShares[Breakdown]:
    """The vocational (EUD and EUX), gymnasial and other shares of the applications (søgetal).

    As the ministry counts them, the shares are taken among the applications that are **not**
    for 10th grade ("blandt de elever i 9. og 10. klasse, som ikke søgte 10. klasse", uvm.dk
    2023): an application for 10th grade is in neither numerator nor denominator, and is
    reported beside the shares as :attr:`ApplicationShares.tenth_grade`. "Other" is STU, FGU,
    folk high schools, a stay abroad, work and the rest.

    Municipalities publish the shares for 9th and 10th grade separately (``by="grade"``)
    against the 2014 vocational reform's targets (at least 25 % EUD/EUX in 2020, 30 % in
    2025). Only applications made in ``year`` count; with ``year=None`` all must be from one
    year.

    Without ``by``, the three track rates share one denominator and add up to it, so a lone
    suppressed track is recoverable: the next-smallest track is suppressed with it (and a
    third where the suppressed ones add up to less than :attr:`Policy.min_publishable_count`,
    their sum being the denominator minus the published tracks). With ``by``, a group with any
    track suppressed is suppressed whole, and groups are then protected as
    :mod:`kui_core.rates` states, with each track's count as the counts of the group. The
    10th-grade rates are protected the same way among themselves, and a group whose shares are
    hidden has its 10th-grade rate hidden too (it would reveal the group's number of
    applications).

    A :class:`~kui_core.PolicyTimeline` is read on 31 May of the applications' year, the day by
    which the figures are published.
    """
    items = list(applications)
    if year is None:
        years = sorted({a.applied_on.year for a in items})
        if len(years) > 1:
            raise DataError(
                "applications",
                f"applications from several years ({', '.join(map(str, years))}): pass year=",
            )
    else:
        items = [a for a in items if a.applied_on.year == year]
    if isinstance(policy, PolicyTimeline):
        counted = year if year is not None else (items[0].applied_on.year if items else None)
        if counted is None:
            raise DataError("policy", "a PolicyTimeline needs year= when there are no applications")
        if not isinstance(counted, int) or not _dt.MINYEAR <= counted <= _dt.MAXYEAR:
            raise DataError("year", f"expected a year from 1 to 9999, got {counted!r}")
        policy = policy.in_force(_dt.date(counted, 5, 31))
    policy = policy_on(policy, _dt.date.min)  # a Policy, or a DataError for anything else
    threshold = policy.min_publishable_count
    stamp = audit_stamp(policy)
    key = None if by is None else _application_key(by)
    counts: dict[GroupKey, dict[Track, int]] = {}
    ids: dict[GroupKey, dict[Track, list[str]]] = {}
    tenth: dict[GroupKey, list[str]] = {}
    for application in items:
        group = None if key is None else key(application)
        if group not in counts:
            counts[group] = dict.fromkeys(_TRACKS, 0)
            ids[group] = {track: [] for track in _TRACKS}
            tenth[group] = []
        if application.programme is Programme.TENTH_GRADE:
            tenth[group].append(application.person_id)
            continue
        track = application.programme.track
        counts[group][track] += 1
        ids[group][track].append(application.person_id)

    def everyone(group_ids: Mapping[Track, list[str]]) -> tuple[str, ...]:
        return tuple(p for track in _TRACKS for p in group_ids[track])

    def row(
        group_counts: Mapping[Track, int], group_ids: Mapping[Track, list[str]]
    ) -> dict[Track, Rate]:
        size = sum(group_counts.values())
        shared = everyone(group_ids)
        return {
            track: Rate(
                group_counts[track],
                size,
                min_publishable_count=threshold,
                people=People(tuple(group_ids[track]), shared) if with_people else None,
                stamp=stamp,
            )
            for track in _TRACKS
        }

    def tenth_rate(group_ids: Mapping[Track, list[str]], tenth_ids: list[str]) -> Rate:
        size = sum(len(group_ids[track]) for track in _TRACKS)
        return Rate(
            len(tenth_ids),
            size + len(tenth_ids),
            min_publishable_count=threshold,
            people=People(tuple(tenth_ids), (*everyone(group_ids), *tenth_ids))
            if with_people
            else None,
            stamp=stamp,
        )

    all_ids = {t: [p for group in counts for p in ids[group][t]] for t in _TRACKS}
    all_tenth = [p for group in counts for p in tenth[group]]
    total = _protect_row(row({t: len(all_ids[t]) for t in _TRACKS}, all_ids), threshold)
    tenth_total = tenth_rate(all_ids, all_tenth)
    if key is None:
        return ApplicationShares(
            total[Track.VOCATIONAL],
            total[Track.GYMNASIAL],
            total[Track.OTHER],
            tenth_grade=tenth_total,
        )
    everywhere = _sorted_keys(counts)
    # A group with only 10th-grade applications has no shares: it is listed in tenth_grade only.
    groups = [g for g in everywhere if any(counts[g].values())]
    rows = {group: row(counts[group], ids[group]) for group in groups}
    primary = [g for g in groups if any(r.primary_suppressed for r in rows[g].values())]
    if not all(r.publishable for r in total.values()):
        primary = groups  # a track total below the threshold puts every group below it
    hidden, hide_total = apply_secondary_suppression(
        {g: tuple(counts[g][t] for t in _TRACKS) for g in groups},
        primary,
        min_publishable_count=threshold,
    )
    if hide_total:
        total = {t: hide(r) for t, r in total.items()}
        tenth_total = hide(tenth_total)
    breakdowns = {
        track: Breakdown(
            tuple((g, hide(rows[g][track]) if g in hidden else rows[g][track]) for g in groups),
            total[track],
        )
        for track in _TRACKS
    }
    # The 10th-grade rates: their own primary suppression, plus every group whose shares are
    # hidden (its rate would show the group's size), then protected among themselves.
    tenth_rates = {g: tenth_rate(ids[g], tenth[g]) for g in everywhere}
    tenth_breakdown = protect_breakdown(tenth_rates, tenth_total, also_hidden=hidden)
    return ApplicationShares(
        breakdowns[Track.VOCATIONAL],
        breakdowns[Track.GYMNASIAL],
        breakdowns[Track.OTHER],
        tenth_grade=tenth_breakdown,
    )


def _protect_row(row: dict[Track, Rate], threshold: int) -> dict[Track, Rate]:
    """Secondary suppression across the tracks of one row, which add up to its denominator."""
    primary = [t for t in _TRACKS if row[t].primary_suppressed]
    hidden, _ = apply_secondary_suppression(
        {t: (row[t].numerator,) for t in _TRACKS},
        primary,
        nonempty=False,
        min_publishable_count=threshold,
    )
    return {t: hide(row[t]) if t in hidden else row[t] for t in _TRACKS}
