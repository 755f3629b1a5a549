"""Municipal choices, in one frozen object.

Where the law leaves a choice to the municipality, or no source fixes a value, the value lives
here with a documented default and its source; rules never hard-code it. Override a field with
``attrs.evolve(DEFAULT_POLICY, outreach_work_hours=30)``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from . import validators as v
from ._privacy import unknown_code
from .catalogue import RULES, Severity
from .dates import LeapDayRule
from .education import MICRO_HOURS, QUALIFYING, YOUTH_EDUCATIONS, Programme, micro_hours
from .errors import DataError

__all__ = [
    "DEFAULT_POLICY",
    "CoordinatorRequired",
    "LeapDayRule",
    "NewActivityFrom",
    "Policy",
    "PolicyTimeline",
    "Severities",
    "policy_on",
]


class CoordinatorRequired(enum.StrEnum):
    """Over which days a case must have exactly one coordinator."""

    WHOLE_CASE = "whole_case"
    """Every day from ``opened_on`` until ``closed_on`` (the default)."""
    COORDINATED_EFFORT = "coordinated_effort"
    """Only days on which interventions of two or more municipal units run."""


class NewActivityFrom(enum.StrEnum):
    """From which day the 30 days for a new activity run (the sources disagree)."""

    CONTACT = "contact"
    """From the day the young person was contacted (Viborg, Guldborgsund: "senest 30
    kalenderdage efter, at kontakten er etableret"). The default."""
    NOTICED = "noticed"
    """From the day the lapse was noticed: stricter than CONTACT. Herning counts from the lapse
    itself, which kui-core does not record; this is the nearest reading it can apply."""


_is_frozenset_of_programme = v.is_frozenset_of(Programme)


def _programmes(instance: Policy, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_frozenset_of_programme(instance, attribute, value)


_is_int_min0_max150 = v.is_int(minimum=0, maximum=150)


_is_hours = v.is_number(minimum=0, maximum=168)


def _hours(instance: Policy, attribute: attrs.Attribute[Any], value: Any) -> None:
    """0 to 168 hours a week, in whole millionths of an hour: the unit in which the rules add up
    weekly hours (:func:`~kui_core.education.micro_hours`), so that hours equal to the threshold
    always reach it."""
    _is_hours(instance, attribute, value)
    if micro_hours(value) / MICRO_HOURS != value:
        raise DataError(
            f"Policy.{attribute.name}",
            "hours are counted in whole millionths of an hour: give at most six decimals",
        )


def _age_range(instance: Policy, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_int_min0_max150(instance, attribute, value)
    if attribute.name == "age_limit" and instance.age_limit <= instance.min_age:
        raise DataError("Policy.age_limit", "must be greater than min_age")
    if attribute.name == "duty_max_age" and instance.duty_max_age < instance.duty_min_age:
        raise DataError("Policy.duty_max_age", "must not be less than duty_min_age")


class Severities(Mapping[str, "Severity | None"]):
    """A read-only, hashable mapping from rule code to :class:`Severity` or ``None`` (off).

    What :attr:`Policy.severities` holds; build it from any mapping (a ``dict`` will do).
    """

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, Severity | None] | None = None) -> None:
        if items is None:
            items = {}
        if not isinstance(items, Mapping):
            raise DataError("Policy.severities", f"expected a mapping, got {type(items).__name__}")
        checked: dict[str, Severity | None] = {}
        for code, severity in items.items():
            if not isinstance(code, str) or code not in RULES:
                raise DataError("Policy.severities", unknown_code(code))
            if severity is not None and not isinstance(severity, Severity):
                raise DataError(
                    f"Policy.severities[{code!r}]",
                    f"expected Severity or None, got {type(severity).__name__}",
                )
            checked[code] = severity
        self._items = checked
        self._hash = hash(frozenset(checked.items()))

    def __getitem__(self, code: str) -> Severity | None:
        return self._items[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Severities):
            return self._items == other._items
        return NotImplemented

    def __repr__(self) -> str:
        return f"Severities({self._items!r})"


def _severities(value: Any) -> Severities:
    return value if isinstance(value, Severities) else Severities(value)


def _source(text: str) -> dict[str, str]:
    return {"source": text}


@attrs.frozen(cache_hash=True, repr=False)
class Policy:
    """Every municipal choice the rules depend on, each with its source (``field.metadata``).

    ``severities`` changes the severity of a rule of the catalogue, or switches it off with
    ``None``: ``Policy(severities={"plan.no_shared_goal": Severity.ERROR,
    "coordination.overlap": None})``. The effective severity (:meth:`severity_of`) is what
    findings, reports, the CLI's exit code and the docs show.
    """

    min_age: int = attrs.field(
        default=15,
        validator=v.is_int(minimum=0, maximum=149),
        metadata=_source(
            "Outreach to 15–24-year-olds (uvm.dk, 'Vejledning af unge uden for skolen'); the"
            " duty of 15–17-year-olds (KUI law § 2 a, stk. 1)"
        ),
    )
    """An age in years, 0 to 149 (below ``age_limit``)."""
    age_limit: int = attrs.field(
        default=25,
        validator=_age_range,
        metadata=_source(
            "The law's title, 'Lov om kommunal indsats for unge under 25 år'; the plan follows"
            " the young person until 25 (uvm.dk, Uddannelsesplan)"
        ),
    )
    """An age in years, above ``min_age``, at most 150."""
    leap_day_rule: LeapDayRule = attrs.field(
        default=LeapDayRule.MARCH_1,
        validator=v.is_instance(LeapDayRule),
        metadata=_source(
            "No Danish rule found; 1 March keeps the young person in the target group one day"
            " longer (BGB § 188(3) reading)"
        ),
    )
    target_group_exit: frozenset[Programme] = attrs.field(
        default=QUALIFYING,
        validator=_programmes,
        metadata=_source(
            "Every youth education but STU, and higher education: the right to a plan belongs to"
            " those who have completed neither 'en ungdomsuddannelse eller en videregående"
            " uddannelse' (uvm.dk, Uddannelsesplan). A choice: uvm.dk also says the plan runs"
            " until 'en erhvervskompetencegivende uddannelse', which no source says a gymnasial"
            " education is; {EUD, EUX, HIGHER} is that narrower reading. Leaving STU out is a"
            " second choice (KUI law § 2 k lets STU graduates be assessed for FGU); add"
            " Programme.STU to let STU graduates leave"
        ),
    )
    outreach_programmes: frozenset[Programme] = attrs.field(
        default=YOUTH_EDUCATIONS | {Programme.HIGHER},
        validator=_programmes,
        metadata=_source(
            "Outreach: having completed a youth education or a higher education ends the"
            " outreach duty"
        ),
    )
    enrolment_programmes: frozenset[Programme] = attrs.field(
        default=frozenset(Programme),
        validator=_programmes,
        metadata=_source(
            "Outreach is guidance of young people outside school (uvm.dk, 'Vejledning af unge"
            " uden for skolen'): enrolment in any programme, FGU, 10th grade and STU included,"
            " means no outreach; YOUTH_EDUCATIONS | {HIGHER} is the literal reading"
        ),
    )
    outreach_work_hours: float = attrs.field(
        default=20,
        validator=_hours,
        metadata=_source(
            "Outreach: not for young people in paid work of at least 20 hours a week (uvm.dk,"
            " 'Vejledning af unge uden for skolen')"
        ),
    )
    """Hours a week, 0 to 168 (a week has 168 hours), in whole millionths of an hour."""
    neet_work_hours: float = attrs.field(
        default=18,
        validator=_hours,
        metadata=_source(
            "National NEET measure: 'Ikke er i beskæftigelse i mindst 18 timer ugentligt'"
            " (uvm.dk, August 2023)"
        ),
    )
    """Hours a week, 0 to 168 (a week has 168 hours), in whole millionths of an hour."""
    duty_work_hours: float = attrs.field(
        default=18,
        validator=_hours,
        metadata=_source(
            "Paid work of at least 18 hours a week fulfils the duty: the pligtbekendtgørelse"
            " (BEK nr. 1014 af 04/10/2019) as municipalities give it (Randers, Herning); the"
            " paragraph is unverified (§ 5 is not it)"
        ),
    )
    """Hours a week, 0 to 168 (a week has 168 hours), in whole millionths of an hour."""
    duty_min_age: int = attrs.field(
        default=15,
        validator=v.is_int(minimum=0, maximum=150),
        metadata=_source("KUI law § 2 a, stk. 1: '15-17-årige unge har pligt til ...'"),
    )
    """An age in years, 0 to 150."""
    duty_max_age: int = attrs.field(
        default=17,
        validator=_age_range,
        metadata=_source("KUI law § 2 a, stk. 1: '15-17-årige unge har pligt til ...'"),
    )
    """An age in years, not below ``duty_min_age``, at most 150."""
    contact_deadline_working_days: int = attrs.field(
        default=5,
        validator=v.is_int(minimum=0, maximum=3650),
        metadata=_source(
            "Contact 'inden for 5 hverdage' when a 15–17-year-old does not follow the plan"
            " (uvm.dk); counted Monday to Friday without public holidays (a choice: some"
            " municipalities say 'arbejdsdage')"
        ),
    )
    """Working days, 0 to 3,650."""
    new_activity_deadline_days: int = attrs.field(
        default=30,
        validator=v.is_int(minimum=0, maximum=3650),
        metadata=_source(
            "A new activity 'efter senest 30 kalenderdage' (uvm.dk); from which day is"
            " Policy.new_activity_from"
        ),
    )
    """Calendar days, 0 to 3,650 (ten years)."""
    new_activity_from: NewActivityFrom = attrs.field(
        default=NewActivityFrom.CONTACT,
        validator=v.is_instance(NewActivityFrom),
        metadata=_source(
            "A choice: uvm.dk does not say when the 30 days start. CONTACT follows Viborg and"
            " Guldborgsund ('senest 30 kalenderdage efter, at kontakten er etableret'; Viborg's"
            " wording reads as a quote of the executive order); NOTICED, from the day the lapse"
            " was noticed, is stricter and the nearest kui-core comes to Herning's reading (from"
            " the lapse itself). The pligtbekendtgørelse's own wording was not read"
        ),
    )
    contact_includes_parents: bool = attrs.field(
        default=False,
        validator=v.is_bool,
        metadata=_source(
            "A choice: whether the contact deadline is met only once the parents were contacted"
            " too. Guldborgsund says 'tage kontakt til den unge og dennes forældre'; uvm.dk names"
            " only the young person; the executive order's wording was not read. The parents"
            " must be involved all along (KUI law § 2 a, stk. 3)"
        ),
    )
    follow_up_max_interval_days: int = attrs.field(
        default=365,
        validator=v.is_int(minimum=1, maximum=3650),
        metadata=_source(
            "Municipal choice: KUI is responsible for 'opfølgning på den unges uddannelsesplan'"
            " (uvm.dk) but no source gives an interval; 365 days is kui-core's default"
        ),
    )
    """Calendar days, 1 to 3,650 (ten years)."""
    in_care_plan_age: int = attrs.field(
        default=16,
        validator=v.is_int(minimum=0, maximum=150),
        metadata=_source("Barnets lov § 108, stk. 2: an ungeplan for young people in care from 16"),
    )
    """An age in years, 0 to 150."""
    in_care_plan_months: int = attrs.field(
        default=3,
        validator=v.is_int(minimum=0, maximum=1800),
        metadata=_source("Barnets lov § 108, stk. 3: the ungeplan within 3 months"),
    )
    """Months, 0 to 1,800 (150 years)."""
    in_care_end_age: int = attrs.field(
        default=18,
        validator=v.is_int(minimum=0, maximum=150),
        metadata=_source(
            "Barnets lov § 111, stk. 1: 'ophør af en anbringelse ved det fyldte 18. år'"
        ),
    )
    """An age in years, 0 to 150."""
    in_care_support_months: int = attrs.field(
        default=6,
        validator=v.is_int(minimum=0, maximum=1800),
        metadata=_source(
            "Barnets lov § 111, stk. 1: the decision on continued support 'senest 6 måneder"
            " forud for ophør af en anbringelse ved det fyldte 18. år'"
        ),
    )
    """Months, 0 to 1,800 (150 years)."""
    plan_missing_after_days: int = attrs.field(
        default=0,
        validator=v.is_int(minimum=0, maximum=3650),
        metadata=_source(
            "Municipal choice: the days an open case may run without an education plan before"
            " plan.missing or plan.right_to_plan is reported. No source gives a period; 0 reports"
            " it from the day the case opens"
        ),
    )
    """Calendar days, 0 to 3,650 (ten years)."""
    max_transition_gap_days: int = attrs.field(
        default=30,
        validator=v.is_int(minimum=0, maximum=3650),
        metadata=_source(
            "Municipal choice: nobody is lost between offers (Esbjerg); no source gives a"
            " number of days"
        ),
    )
    """Calendar days, 0 to 3,650 (ten years)."""
    coordinator_required: CoordinatorRequired = attrs.field(
        default=CoordinatorRequired.WHOLE_CASE,
        validator=v.is_instance(CoordinatorRequired),
        metadata=_source(
            "A contact person for 'de unge, der har behov for det' (uvm.dk); one tovholder"
            " (Esbjerg, Lejre). No statute was found, so the coordination rules are WARNING by"
            " default. COORDINATED_EFFORT reads 'need' as interventions of two or more units;"
            " Policy.severities switches the rules off for every case"
        ),
    )
    min_publishable_count: int = attrs.field(
        default=5,
        validator=v.is_int(minimum=1, maximum=1_000_000),
        metadata=_source(
            "Statistical disclosure control, a conservative choice: Danmarks Statistik requires"
            " at least 3 units in a cell, UVM's Databank blanks cells under 5"
        ),
    )
    """A count, 1 to 1,000,000."""
    extra_closed_days: frozenset[_dt.date] = attrs.field(
        default=frozenset(),
        validator=v.is_frozenset_of(_dt.date),
        metadata=_source(
            "Municipal choice: days the administration is closed besides the public holidays"
            " (e.g. Grundlovsdag, 24 December)"
        ),
    )
    severities: Severities = attrs.field(
        factory=Severities,
        converter=_severities,
        metadata=_source(
            "Municipal choice: a rule's severity, or None to switch it off; by default every"
            " rule has the catalogue's severity (ERROR only where a statute or executive order"
            " is the basis)"
        ),
    )

    def __repr__(self) -> str:
        """Only the choices that differ from kui-core's defaults: ``Policy()`` for the defaults,
        ``Policy(max_transition_gap_days=14)`` for one change."""
        changed = [
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(Policy)
            if getattr(self, field.name) != getattr(DEFAULT_POLICY, field.name)
        ]
        return f"Policy({', '.join(changed)})"

    def severity_of(self, code: str) -> Severity | None:
        """The severity of rule ``code`` under this policy; ``None`` where it is switched off."""
        if code in self.severities:
            return self.severities[code]
        rule = RULES.get(code) if isinstance(code, str) else None
        if rule is None:
            raise DataError("code", unknown_code(code))
        return rule.severity


DEFAULT_POLICY = Policy()
"""The defaults documented on each :class:`Policy` field."""


def _versions(value: Any) -> tuple[tuple[_dt.date, Policy], ...]:
    if isinstance(value, Mapping):
        value = tuple(value.items())
    if not isinstance(value, tuple):
        raise DataError(
            "PolicyTimeline.changes",
            f"expected a mapping of day to Policy, got {type(value).__name__}",
        )
    checked = []
    for index, item in enumerate(value):
        if not isinstance(item, tuple) or len(item) != 2:
            raise DataError(f"PolicyTimeline.changes[{index}]", "expected a (day, Policy) pair")
        day, policy = item
        v.check_day(f"PolicyTimeline.changes[{index}].day", day)
        if not isinstance(policy, Policy):
            raise DataError(
                f"PolicyTimeline.changes[{index}].policy",
                f"expected Policy, got {type(policy).__name__}",
            )
        checked.append((day, policy))
    checked.sort(key=lambda change: change[0])
    for earlier, later in itertools.pairwise(checked):
        if earlier[0] == later[0]:
            raise DataError("PolicyTimeline.changes", f"two versions from {later[0].isoformat()}")
    return tuple(checked)


@attrs.frozen(cache_hash=True)
class PolicyTimeline:
    """A municipality's policy over time: ``first``, then each of ``changes`` from its day.

    ``PolicyTimeline(DEFAULT_POLICY, {date(2027, 1, 1): attrs.evolve(DEFAULT_POLICY,
    max_transition_gap_days=14)})`` keeps the defaults until 31 December 2026 and a 14-day
    transition gap from 1 January 2027. Every function that takes ``policy=`` accepts a
    timeline and uses the version in force on its reference day (:meth:`in_force`); a function
    without a reference day (a deadline of one lapse or offer) uses the version in force on the
    day its clock starts, as its documentation says. ``changes`` may be given as a mapping; it
    is kept as ``(day, Policy)`` pairs in order of day, and two versions from one day are a
    :class:`~kui_core.DataError`.
    """

    first: Policy = attrs.field(validator=v.is_instance(Policy))
    changes: tuple[tuple[_dt.date, Policy], ...] = attrs.field(default=(), converter=_versions)

    def in_force(self, day: _dt.date) -> Policy:
        """The version in force on ``day``: the latest change on or before it, else ``first``."""
        v.check_day("day", day)
        current = self.first
        for start, policy in self.changes:
            if start > day:
                break
            current = policy
        return current


def policy_on(policy: Policy | PolicyTimeline, day: _dt.date) -> Policy:
    """``policy`` itself, or the version of a :class:`PolicyTimeline` in force on ``day``."""
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, PolicyTimeline):
        return policy.in_force(day)
    raise DataError("policy", f"expected Policy or PolicyTimeline, got {type(policy).__name__}")
