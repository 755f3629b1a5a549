"""Rates that are safe to publish: a :class:`Rate` with its interval, a :class:`Breakdown` of
rates per group, and the disclosure control that decides what of them may be shown.

A rate is a count out of a population (``numerator`` out of ``denominator``) with its 95 % Wilson
score interval. Municipalities publish rates (the metrics of :mod:`kui_core.metrics`), so small
counts are suppressed following statistical disclosure practice. Danmarks Statistik requires at
least 3 units in a group (its data confidentiality policy); the ministry's older Databank blanked
cells below 5, while STIL's uddannelsesstatistik hides results built on 3 or fewer people;
kui-core defaults to 5, a conservative choice. The threshold is a policy value,
:attr:`Policy.min_publishable_count`, not a law.

**Primary suppression.** A rate is not publishable where its numerator, its complement
(denominator − numerator) or its denominator is below the threshold: a small complement discloses
as much as a small numerator ("all but 2 of the 40 completed").

**Secondary suppression** (:func:`apply_secondary_suppression`). A breakdown publishes its cells
and its total, so a lone suppressed cell could be recovered as the total minus the published
cells, and so could the sum over all suppressed cells. The cells are treated as unknowns an
attacker solves for, knowing the published cells, the total and that every listed group has at
least one member. The suppressed set ``S`` is safe when (a) it holds at least two cells, (b)
each count summed over ``S`` (the numerators, and the complements; so also the denominators) is
at least the threshold — that sum is the total minus the published cells, a number anyone can
work out, and a sum of 0 would reveal every cell in it as 0 — and (c) the denominators over
``S`` add up to more than ``len(S)`` — otherwise every cell has exactly one member. While ``S``
is unsafe, the published cell with the smallest denominator (ties: the group order) is
suppressed as well; any published cell makes ``S`` safe in one step, since all its counts are
at least the threshold. If every cell is suppressed and ``S`` is still unsafe, the total is
suppressed too. The same mark, :data:`SUPPRESSED`, is shown for primary and secondary
suppression, so a reader cannot tell which cell is the small one (the convention of the UK ONS
"[c]" and Statistics Canada "x").

What remains derivable: the sum over ``S`` of each count (at least the threshold), and bounds
on a single suppressed cell (from 0 to that sum; a size of at least 1). Cell suppression does
not protect against differencing two releases (one person added, or two reference days): see
"Suppression" in the metrics documentation.

**Undecided.** A metric counts apart the people whose status the records cannot decide (data
known only up to an earlier day, :attr:`Youth.educations_known_until
<kui_core.Youth.educations_known_until>`): they are in neither the numerator nor the denominator,
and :attr:`Rate.undecided` says how many there were. ``str`` shows that count with a published
rate, as "fewer than N" where it is below the threshold. A :class:`Breakdown` shows it on its
total only: a cell's "fewer than 5" beside exact counts elsewhere in the table could be
recovered by subtraction.

**People behind a count.** A rate may carry the ``person_id``\\ s behind its numerator and
denominator (:attr:`Rate.people`, filled by the metrics' ``with_people=True``). They are for
caseworkers following up on young people and must never be published; they appear in neither
``str`` nor ``repr``.

**The true counts.** The fields (:attr:`Rate.numerator`, :attr:`Rate.denominator`,
:attr:`Rate.undecided`) always hold the true counts, for the code and for caseworkers. ``str``,
:meth:`Rate.format` and ``repr`` (which ``print`` of a dict or list and logging use) never show
a suppressed one; ``repr`` shows a publishable rate's numerator and denominator only, as a table
shows a cell (no undecided count: a cell's would be recoverable from the total's).
:meth:`Rate.unsuppressed` and :meth:`Breakdown.unsuppressed` spell every count out, explicitly:
NOT FOR PUBLICATION.

**Audit stamp.** The metrics put an :class:`~kui_core.audit.AuditStamp` of the policy in force
on their results (:attr:`Rate.stamp`, :attr:`Breakdown.stamp`); it is not compared and not
shown by ``str``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from . import validators as v
from .audit import AuditStamp
from .errors import DataError

__all__ = [
    "SUPPRESSED",
    "Breakdown",
    "People",
    "Rate",
    "apply_secondary_suppression",
    "hide",
    "protect_breakdown",
]

Z_95 = 1.959963984540054
"""The standard normal quantile for a two-sided 95 % interval."""

SUPPRESSED = "[suppressed]"
"""The mark shown instead of a rate that is not publishable (primary or secondary): the one
text every table, report and command line of kui-core prints for it."""

K = TypeVar("K", bound=Hashable)


# --------------------------------------------------------------------------------------------
# Rate


@attrs.frozen(repr=False)
class People:
    """The ``person_id``\\ s behind a rate. NOT FOR PUBLICATION: for caseworkers only.

    ``numerator`` lists those counted (for example the NEET young people), ``denominator`` the
    whole population of the rate, ``undecided`` those the records could not decide (in neither),
    each in input order. ``repr`` shows neither the ids nor their number (a suppressed rate's
    counts would show there).
    """

    numerator: tuple[str, ...] = attrs.field(validator=v.is_tuple_of(str))
    denominator: tuple[str, ...] = attrs.field(validator=v.is_tuple_of(str))
    undecided: tuple[str, ...] = attrs.field(default=(), validator=v.is_tuple_of(str))

    def __repr__(self) -> str:
        return "People(<person ids; not for publication>)"


MAX_COUNT = 10**9 - 1
"""The largest count a :class:`Rate` holds (999,999,999): far above any population, small enough
that every share and interval computed from it is a finite float, and short enough that no
count is shaped like a CPR number."""


_is_int_min0_maxmax_count = v.is_int(minimum=0, maximum=MAX_COUNT)


def _denominator(instance: Rate, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Runs after the numerator's validator, so both are integers here.
    _is_int_min0_maxmax_count(instance, attribute, value)
    if instance.numerator > value:
        raise DataError(
            "Rate.numerator",
            f"must not exceed the denominator ({value}), got {instance.numerator}",
        )


@attrs.frozen(repr=False)
class Rate:
    """``numerator`` out of ``denominator``, with a 95 % Wilson score interval.

    ``value``, ``low`` and ``high`` are ``None`` where the denominator is 0 (a share of nobody
    is undefined, not 0 %). ``publishable`` is false where a count is below
    ``min_publishable_count`` (the threshold the rate was judged with, from
    :attr:`Policy.min_publishable_count`, primary suppression) or where it is hidden to protect
    another cell (``secondary_suppression``). ``str`` then shows only :data:`SUPPRESSED`.

    >>> str(Rate(8421, 10000))
    '84.2 % (95 % CI 83.5–84.9 %; 8,421/10,000)'
    >>> str(Rate(3, 10000))
    '[suppressed]'
    >>> str(Rate(8421, 10000, undecided=120))
    '84.2 % (95 % CI 83.5–84.9 %; 8,421/10,000; 120 undecided)'

    ``undecided`` counts the people of the population whose status the records could not
    decide; they are in neither count (see the module documentation).
    """

    numerator: int = attrs.field(validator=v.is_int(minimum=0, maximum=MAX_COUNT))
    denominator: int = attrs.field(validator=_denominator)
    min_publishable_count: int = attrs.field(
        default=5, kw_only=True, validator=v.is_int(1, 1_000_000)
    )
    secondary_suppression: bool = attrs.field(default=False, kw_only=True, validator=v.is_bool)
    """True where the rate is hidden to protect another cell of its table (secondary
    suppression, see :func:`hide`), whatever its own counts."""
    undecided: int = attrs.field(
        default=0, kw_only=True, validator=v.is_int(minimum=0, maximum=MAX_COUNT)
    )
    """People of the population whose status could not be decided: in neither count."""
    people: People | None = attrs.field(
        default=None,
        kw_only=True,
        eq=False,
        validator=v.is_optional_instance(People),
    )
    """Who is behind the counts (``with_people=True``); NOT FOR PUBLICATION."""
    stamp: AuditStamp | None = attrs.field(
        default=None,
        kw_only=True,
        eq=False,
        repr=False,
        validator=v.is_optional_instance(AuditStamp),
    )
    """Which rules and policy produced the rate (:mod:`kui_core.audit`): set by the metrics;
    not compared, not shown by ``str``."""

    @property
    def complement(self) -> int:
        """``denominator - numerator``: those not counted."""
        return self.denominator - self.numerator

    @property
    def value(self) -> float | None:
        """``numerator / denominator``, or ``None`` where the denominator is 0."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator

    @property
    def low(self) -> float | None:
        """Lower end of the 95 % Wilson score interval (``None`` for denominator 0)."""
        interval = self._wilson()
        return None if interval is None else interval[0]

    @property
    def high(self) -> float | None:
        """Upper end of the 95 % Wilson score interval (``None`` for denominator 0)."""
        interval = self._wilson()
        return None if interval is None else interval[1]

    def _wilson(self) -> tuple[float, float] | None:
        # Wilson (1927): centre and half-width of the score interval; clamped against rounding
        # so the interval always lies in [0, 1] and contains the value.
        n = self.denominator
        if n == 0:
            return None
        p = self.numerator / n
        z2 = Z_95 * Z_95
        scale = 1 + z2 / n
        centre = (p + z2 / (2 * n)) / scale
        half = Z_95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / scale
        return max(0.0, min(centre - half, p)), min(1.0, max(centre + half, p))

    @property
    def primary_suppressed(self) -> bool:
        """True where the numerator, complement or denominator is below the threshold."""
        threshold = self.min_publishable_count
        return (
            self.numerator < threshold
            or self.complement < threshold
            or self.denominator < threshold
        )

    @property
    def publishable_undecided(self) -> int | None:
        """:attr:`undecided` as it may be published: ``None`` where it is from 1 to below the
        threshold (shown as "fewer than" the threshold)."""
        if 0 < self.undecided < self.min_publishable_count:
            return None
        return self.undecided

    @property
    def publishable(self) -> bool:
        """True where no count is below the threshold and no other cell needs this one hidden."""
        return not (self.primary_suppressed or self.secondary_suppression)

    def __str__(self) -> str:
        return self.format()

    def format(self, *, undecided: bool = True) -> str:
        """What ``str`` shows; ``undecided=False`` leaves the undecided count out (how a cell
        of a :class:`Breakdown` is shown: see the module documentation)."""
        if not self.publishable:
            return SUPPRESSED
        low, high = self._wilson() or (0.0, 0.0)  # publishable: the denominator is positive
        note = ""
        shown = self.publishable_undecided
        if undecided and shown:
            note = f"; {shown:,} undecided"
        elif undecided and self.undecided:
            note = f"; fewer than {self.min_publishable_count} undecided"
        return (
            f"{100 * self.numerator / self.denominator:.1f} % "
            f"(95 % CI {100 * low:.1f}–{100 * high:.1f} %; "
            f"{self.numerator:,}/{self.denominator:,}{note})"
        )

    def __repr__(self) -> str:
        # Logged and printed inside containers (a breakdown's cells in a dict or list): only
        # what a table shows of a cell. Not ``secondary_suppression``, which would tell the
        # small cell from the one hidden with it, and not ``undecided``, which a table shows on
        # its total only (a cell's would be recoverable by subtraction).
        threshold = self.min_publishable_count
        if not self.publishable:
            return f"Rate({SUPPRESSED}, min_publishable_count={threshold})"
        return f"Rate({self.numerator}, {self.denominator}, min_publishable_count={threshold})"

    def unsuppressed(self) -> str:
        """Every count, suppressed or not (``Rate(3, 40, min_publishable_count=5,
        secondary_suppression=True, undecided=2)``): NOT FOR PUBLICATION, for debugging and
        caseworkers. The fields hold the same counts."""
        extra = ", secondary_suppression=True" if self.secondary_suppression else ""
        if self.undecided:
            extra += f", undecided={self.undecided}"
        return (
            f"Rate({self.numerator}, {self.denominator}, "
            f"min_publishable_count={self.min_publishable_count}{extra})"
        )


_is_tuple_of_tuple = v.is_tuple_of(tuple)


def _cells(instance: Breakdown, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_tuple(instance, attribute, value)
    for index, cell in enumerate(value):
        if len(cell) != 2 or not isinstance(cell[1], Rate):
            raise DataError(f"Breakdown.cells[{index}]", "expected a (group, Rate) pair")


@attrs.frozen(repr=False)
class Breakdown(Mapping[Hashable, Rate]):
    """Rates per group (``breakdown[group]``) and their ``total``, suppression applied.

    Groups are listed in the order given; the metrics sort them (by ``repr`` where keys do not
    compare). Cells and total share one population: the cells' numerators and denominators add
    up to the total's. :func:`protect_breakdown` builds one with secondary suppression applied.
    """

    cells: tuple[tuple[Hashable, Rate], ...] = attrs.field(validator=_cells)
    total: Rate = attrs.field(validator=v.is_instance(Rate))
    stamp: AuditStamp | None = attrs.field(
        kw_only=True, eq=False, validator=v.is_optional_instance(AuditStamp)
    )
    """Which rules and policy produced the breakdown (:mod:`kui_core.audit`); by default the
    stamp of its ``total``. Not compared, not shown by ``str``."""
    _index: dict[Hashable, Rate] = attrs.field(init=False, eq=False)

    @stamp.default
    def _total_stamp(self) -> AuditStamp | None:
        return getattr(self.total, "stamp", None)  # the validators have not run yet

    @_index.default
    def _build_index(self) -> dict[Hashable, Rate]:
        return dict(self.cells)

    def __getitem__(self, key: Hashable) -> Rate:
        return self._index[key]

    def __iter__(self) -> Iterator[Hashable]:
        return (key for key, _ in self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def publishable(self) -> tuple[Hashable, ...]:
        """The groups whose rate may be published."""
        return tuple(key for key, rate in self.cells if rate.publishable)

    def __str__(self) -> str:
        # The undecided are published on the total only: a cell's "fewer than 5" beside exact
        # counts in the other cells and the total would be recoverable.
        lines = [f"{key}: {rate.format(undecided=False)}" for key, rate in self.cells]
        lines.append(f"total: {self.total}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Breakdown({len(self.cells)} groups, total={self.total!r})"

    def unsuppressed(self) -> str:
        """Every cell's counts and the total's, suppressed or not (see
        :meth:`Rate.unsuppressed`): NOT FOR PUBLICATION."""
        cells = ", ".join(f"{key!r}: {rate.unsuppressed()}" for key, rate in self.cells)
        return f"Breakdown({{{cells}}}, total={self.total.unsuppressed()})"


# --------------------------------------------------------------------------------------------
# Secondary suppression


def apply_secondary_suppression(
    rows: Mapping[K, tuple[int, ...]],
    suppressed: Iterable[K],
    *,
    nonempty: bool = True,
    min_publishable_count: int = 5,
) -> tuple[frozenset[K], bool]:
    """The cells to suppress so no suppressed cell, and no sum of them below
    ``min_publishable_count``, can be recovered from a published total.

    ``rows`` maps each cell (in priority order for ties) to its counts, which add up to the
    cell's size (for a rate: numerator and complement); ``suppressed`` holds the primary
    suppressions. With ``nonempty``, every cell is known to have a size of at least 1. Returns
    the suppressed cells and whether the total must be suppressed as well (the rule is in the
    module docstring).
    """
    threshold = min_publishable_count
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        raise DataError("min_publishable_count", f"expected an integer >= 1, got {threshold!r}")
    hidden = set(suppressed)
    if not hidden:
        return frozenset(), False
    width = len(next(iter(rows.values())))
    while True:
        sums = [0] * width
        for key in hidden:
            for index, count in enumerate(rows[key]):
                sums[index] += count
        size = sum(sums)
        safe = len(hidden) >= 2 and min(sums) >= threshold and (not nonempty or size > len(hidden))
        if safe:
            return frozenset(hidden), False
        candidates = [key for key in rows if key not in hidden]
        if not candidates:
            return frozenset(hidden), True
        hidden.add(min(candidates, key=lambda key: sum(rows[key])))


def hide(rate: Rate) -> Rate:
    """``rate`` hidden to protect another cell (``secondary_suppression=True``); a rate that is
    already not publishable is returned as it is, so it stays marked as primary suppression."""
    if not rate.publishable:
        return rate
    return attrs.evolve(rate, secondary_suppression=True)


def protect_breakdown(
    cells: Mapping[K, Rate], total: Rate, *, also_hidden: Iterable[K] = ()
) -> Breakdown:
    """The :class:`Breakdown` of ``cells`` (in their order) and ``total``, secondary suppression
    applied (see the module docstring).

    ``total`` holds the cells' population: their numerators and denominators add up to its own.
    A cell is hidden where its rate is not publishable, where it is in ``also_hidden`` (a cell
    that another table already hides), and where :func:`apply_secondary_suppression` needs it
    hidden to protect those; every cell is hidden where the total is primary suppressed, and the
    total where hiding every cell is not enough. Here 3 of 40 would be the total minus the
    published cells, so the next-smallest cell is hidden with it:

    >>> cells = {"101": Rate(3, 40), "147": Rate(20, 50), "350": Rate(10, 30)}
    >>> print(protect_breakdown(cells, Rate(33, 120)))
    101: [suppressed]
    147: 40.0 % (95 % CI 27.6–53.8 %; 20/50)
    350: [suppressed]
    total: 27.5 % (95 % CI 20.3–36.1 %; 33/120)
    """
    keys = list(cells)
    extra = set(also_hidden)
    primary = [key for key in keys if key in extra or not cells[key].publishable]
    if total.primary_suppressed:
        primary = keys  # every cell has a count below the threshold too
    threshold = max(rate.min_publishable_count for rate in (total, *cells.values()))
    hidden, hide_total = apply_secondary_suppression(
        {key: (cells[key].numerator, cells[key].complement) for key in keys},
        primary,
        min_publishable_count=threshold,
    )
    return Breakdown(
        tuple((key, hide(cells[key]) if key in hidden else cells[key]) for key in keys),
        hide(total) if hide_total else total,
    )
