"""Decided cases as data: scenario files that people read and kui-core runs.

A scenario file holds decided cases. Each case has a title (Danish, optionally English), the legal
source it illustrates in words, the reference day, the inputs in kui-core's own JSON shape — one
young person (``youth``, judged by :func:`~kui_core.assess_eligibility`), one case (``case``,
judged by :func:`~kui_core.review_case`) or a cohort (``cohort`` with a ``metric``) — optional
:class:`~kui_core.Policy` overrides, and what the outcome must be::

    cases:
      - title: Dagen før 25-årsdagen er den unge i målgruppen
        title_en: The day before the 25th birthday is in the target group
        source: "KUI-loven: indsatsen gælder unge under 25 år"
        on: 2026-05-31
        youth: {person_id: y-1, birth_date: 2001-06-01}
        expect:
          codes: [eligibility.in_target_group]
          not_codes: [eligibility.over_age_limit]
          in_target_group: true

The same structure works in JSON (``*.kui.json``); YAML (``*.kui.yaml``) needs the ``yaml``
extra (PyYAML). Dates are ``YYYY-MM-DD`` text in both (YAML's own date type is not used, so a
file means the same in both forms). Every key is checked: an unknown key, a wrong type or a rule
code that does not exist is a :class:`~kui_core.DataError` naming its path in the file
(``$.cases[3].expect.codes[0]``). :func:`load_scenarios` reads a file's text;
:func:`check_case` runs one case and says what differed. ``kui test`` and the pytest plugin
(:mod:`kui_core.pytest_plugin`) are two front ends of the same engine.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
from typing import Any

import attrs

from . import validators as v
from .case import YouthCase
from .catalogue import RULES
from .eligibility import assess_eligibility
from .errors import DataError
from .findings import Finding
from .metrics import completion_rate, neet_share
from .periods import Period
from .policy import DEFAULT_POLICY, Policy
from .rates import Rate
from .review import review_case
from .serialization import loads, structure
from .youth import Youth

__all__ = [
    "CaseOutcome",
    "Expectation",
    "ExpectedFinding",
    "ExpectedRate",
    "Metric",
    "Scenario",
    "ScenarioDocument",
    "ScenarioFile",
    "check_case",
    "load_scenarios",
    "scenario_file_schema",
]


class Metric(enum.StrEnum):
    """The metric a cohort scenario computes."""

    COMPLETION_RATE = "completion_rate"
    NEET_SHARE = "neet_share"


_is_tuple_of_str = v.is_tuple_of(str)


def _codes(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_str(instance, attribute, value)
    for index, code in enumerate(value):
        if code not in RULES:
            path = f"{type(instance).__name__}.{attribute.name}[{index}]"
            raise DataError(path, "not a rule code of the catalogue")


def _code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or value not in RULES:
        raise DataError(f"{type(instance).__name__}.{attribute.name}", "not a rule code")


def _optional_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        v.is_bool(instance, attribute, value)


_is_int_min0_max200 = v.is_int(minimum=0, maximum=200)


def _optional_age(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _is_int_min0_max200(instance, attribute, value)


_is_tuple_of_youth = v.is_tuple_of(Youth)


def _optional_youths(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _is_tuple_of_youth(instance, attribute, value)


@attrs.frozen(kw_only=True)
class ExpectedFinding:
    """A finding that must be there: its ``code``, and, where given, its subject and period."""

    code: str = attrs.field(validator=_code)
    subject: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    period: Period | None = attrs.field(default=None, validator=v.is_optional_instance(Period))

    def matches(self, finding: Finding) -> bool:
        """True where ``finding`` has this code and, where given, this subject and period."""
        return (
            finding.code == self.code
            and (self.subject is None or finding.subject == self.subject)
            and (self.period is None or finding.period == self.period)
        )

    def __str__(self) -> str:
        parts = [self.code]
        if self.subject is not None:
            parts.append(f"subject {self.subject!r}")
        if self.period is not None:
            parts.append(f"period {self.period.format('en')}")
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class ExpectedRate:
    """The counts a cohort's metric must have."""

    numerator: int = attrs.field(validator=v.is_int(minimum=0, maximum=10**9))
    denominator: int = attrs.field(validator=v.is_int(minimum=0, maximum=10**9))
    undecided: int = attrs.field(default=0, validator=v.is_int(minimum=0, maximum=10**9))


@attrs.frozen(kw_only=True)
class Expectation:
    """What the outcome must be. Only what is given is checked.

    ``codes`` must all appear and ``not_codes`` must not. The decisions of an eligibility
    scenario (``in_target_group``, ``enrolled``, ``outreach_required``, ``undecided`` (outreach
    cannot be decided), ``age``, ``eligible_until``) and of a case (``valid``) are compared
    exactly; ``findings`` must each be matched by a finding of the outcome; ``rate`` holds the
    counts of a cohort's metric.
    """

    codes: tuple[str, ...] = attrs.field(default=(), validator=_codes)
    not_codes: tuple[str, ...] = attrs.field(default=(), validator=_codes)
    findings: tuple[ExpectedFinding, ...] = attrs.field(
        default=(), validator=v.is_tuple_of(ExpectedFinding)
    )
    in_target_group: bool | None = attrs.field(default=None, validator=_optional_bool)
    enrolled: bool | None = attrs.field(default=None, validator=_optional_bool)
    outreach_required: bool | None = attrs.field(default=None, validator=_optional_bool)
    undecided: bool | None = attrs.field(default=None, validator=_optional_bool)
    age: int | None = attrs.field(default=None, validator=_optional_age)
    eligible_until: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    valid: bool | None = attrs.field(default=None, validator=_optional_bool)
    rate: ExpectedRate | None = attrs.field(
        default=None, validator=v.is_optional_instance(ExpectedRate)
    )

    def __attrs_post_init__(self) -> None:
        if all(getattr(self, f.name) in ((), None) for f in attrs.fields(Expectation)):
            reason = "say what must hold: an empty expectation always passes"
            raise DataError("Expectation.codes", reason)
        both = sorted(set(self.codes) & set(self.not_codes))
        if both:
            raise DataError("Expectation.not_codes", f"{both[0]!r} is also in codes")


@attrs.frozen(kw_only=True)
class Scenario:
    """One decided case: title, source, day, inputs, policy overrides and expectation.

    Exactly one of ``youth``, ``case`` and ``cohort`` is given; a ``cohort`` needs a
    ``metric``. ``policy`` holds the :class:`~kui_core.Policy` the case is judged under (its
    fields default to kui-core's defaults, so a file names only what it overrides); without
    it, the runner's policy applies (``kui test --policy``, the pytest option ``kui_policy``).
    """

    title: str = attrs.field(validator=v.is_nonempty_str)
    title_en: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    source: str = attrs.field(validator=v.is_nonempty_str)
    on: _dt.date = attrs.field(validator=v.is_date)
    youth: Youth | None = attrs.field(default=None, validator=v.is_optional_instance(Youth))
    case: YouthCase | None = attrs.field(default=None, validator=v.is_optional_instance(YouthCase))
    cohort: tuple[Youth, ...] | None = attrs.field(default=None, validator=_optional_youths)
    metric: Metric | None = attrs.field(default=None, validator=v.is_optional_instance(Metric))
    policy: Policy | None = attrs.field(default=None, validator=v.is_optional_instance(Policy))
    expect: Expectation = attrs.field(validator=v.is_instance(Expectation))

    def __attrs_post_init__(self) -> None:
        given = [name for name in ("youth", "case", "cohort") if getattr(self, name) is not None]
        if len(given) != 1:
            raise DataError("Scenario.youth", "give exactly one of youth, case and cohort")
        if (self.cohort is None) != (self.metric is None):
            raise DataError("Scenario.metric", "a cohort needs a metric, and only a cohort has one")


_is_tuple_of_scenario = v.is_tuple_of(Scenario)


def _cases(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _is_tuple_of_scenario(instance, attribute, value)
    if not value:
        raise DataError("ScenarioDocument.cases", "expected at least one case")


@attrs.frozen(kw_only=True)
class ScenarioDocument:
    """A scenario file as written: ``{"cases": [...]}`` (JSON Schema:
    :func:`scenario_file_schema`)."""

    cases: tuple[Scenario, ...] = attrs.field(validator=_cases)
    """The decided cases, at least one."""


def scenario_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file, for editors and other systems."""
    from .schema import schema_for

    return schema_for(ScenarioDocument)


@attrs.frozen(kw_only=True)
class ScenarioFile:
    """The decided cases of one file, with the line each starts on (``None`` for JSON)."""

    cases: tuple[Scenario, ...] = attrs.field(validator=v.is_tuple_of(Scenario))
    lines: tuple[int | None, ...] = ()


@attrs.frozen
class CaseOutcome:
    """What running a case gave: ``passed``, and each difference from the expectation as
    ``(what, expected, actual)``; ``codes`` are the codes the outcome had."""

    scenario: Scenario
    codes: tuple[str, ...]
    differences: tuple[tuple[str, str, str], ...]

    @property
    def passed(self) -> bool:
        return not self.differences

    def explain(self, lang: str = "en") -> str:
        """The differences, one a line: ``codes: expected … / got …``."""
        got, expected = ("fik", "forventet") if lang == "da" else ("got", "expected")
        return "\n".join(f"{what}: {expected} {e}; {got} {a}" for what, e, a in self.differences)


# -- Reading files ------------------------------------------------------------------------------


def _yaml_loader() -> Any:
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML is in the dev extra
        raise DataError(
            "$", "YAML scenario files need PyYAML: pip install 'kui-core[yaml]'"
        ) from None

    class Loader(yaml.SafeLoader):
        """Safe YAML read as JSON would read it: dates stay text (``YYYY-MM-DD``), only
        ``true``/``false`` are booleans (YAML 1.1 also reads ``on``, ``yes`` and ``no`` as
        booleans, so ``on: 2026-03-02`` would lose its key), and numbers are JSON numbers
        (``024`` is text, not the octal 20)."""

    dropped = (
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
    )
    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag not in dropped]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"
    )
    # Numbers as JSON writes them: no octal 024, no 1_0, no sexagesimal 1:00 (YAML 1.1).
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789")
    )
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$"),
        list("-0123456789"),
    )
    return yaml, Loader


def _parse_yaml(text: str) -> tuple[Any, tuple[int | None, ...]]:
    yaml, loader = _yaml_loader()
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "$"
        raise DataError(where, "not valid YAML") from None
    _no_duplicate_keys(yaml, node)
    lines: list[int | None] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "cases" and isinstance(value, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value.value]
    return data, tuple(lines)


def _no_duplicate_keys(yaml: Any, node: Any) -> None:
    """Refuse a mapping that names a key twice (YAML would keep the last silently)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[Any] = set()
            for key, value in current.value:
                if key.value in seen:
                    raise DataError(f"line {key.start_mark.line + 1}", "a key is given twice")
                seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def load_scenarios(text: str, *, yaml: bool = False) -> ScenarioFile:
    """The decided cases of a scenario file's text (JSON, or YAML with ``yaml=True``).

    Raises :class:`~kui_core.DataError` with the path in the file for anything that is not a
    valid scenario file.
    """
    if not isinstance(text, str):
        raise DataError("$", "expected the text of a scenario file")
    if yaml:
        data, lines = _parse_yaml(text)
    else:
        document = loads(text, ScenarioDocument)  # kui-core's own strict JSON
        return ScenarioFile(cases=document.cases)
    document = structure(data, ScenarioDocument)
    return ScenarioFile(
        cases=document.cases, lines=lines if len(lines) == len(document.cases) else ()
    )


# -- Running cases ------------------------------------------------------------------------------


def _decisions(
    scenario: Scenario, default: Policy
) -> tuple[tuple[str, ...], dict[str, Any], tuple[Finding, ...]]:
    """The codes, the decisions and the findings of running ``scenario``."""
    on = scenario.on
    policy = scenario.policy if scenario.policy is not None else default
    if scenario.youth is not None:
        result = assess_eligibility(scenario.youth, on, policy)
        decided = {
            "in_target_group": result.in_target_group,
            "enrolled": result.enrolled,
            "outreach_required": result.outreach_required,  # None: cannot decide, not "no"
            "undecided": result.outreach_required is None,
            "age": result.age,
            "eligible_until": result.eligible_until,
        }
        return result.codes, decided, result.findings
    if scenario.case is not None:
        report = review_case(scenario.case, on, policy)
        decided = {"valid": report.valid, "in_target_group": report.eligibility.in_target_group}
        return report.codes, decided, report.findings
    assert scenario.cohort is not None
    assert scenario.metric is not None
    metric = completion_rate if scenario.metric is Metric.COMPLETION_RATE else neet_share
    rate = metric(scenario.cohort, on, policy=policy)
    assert isinstance(rate, Rate)
    counts = ExpectedRate(
        numerator=rate.numerator, denominator=rate.denominator, undecided=rate.undecided
    )
    return (), {"rate": counts}, ()


_DECISIONS = (
    "in_target_group",
    "enrolled",
    "outreach_required",
    "undecided",
    "age",
    "eligible_until",
    "valid",
    "rate",
)


def _shown(value: Any) -> str:
    if value is None:
        return "undecided"
    if isinstance(value, ExpectedRate):
        return f"{value.numerator}/{value.denominator} ({value.undecided} undecided)"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return json.dumps(value) if isinstance(value, bool) else str(value)


def check_case(scenario: Scenario, policy: Policy | None = None) -> CaseOutcome:
    """Run ``scenario`` and compare the outcome with its expectation.

    A scenario without its own ``policy`` runs under ``policy`` (a municipality's own, kept
    next to its scenario files), and without one under kui-core's defaults.
    """
    if not isinstance(scenario, Scenario):
        raise DataError("scenario", f"expected Scenario, got {type(scenario).__name__}")
    if policy is not None and not isinstance(policy, Policy):
        raise DataError("policy", f"expected Policy, got {type(policy).__name__}")
    codes, decided, findings = _decisions(
        scenario, policy if policy is not None else DEFAULT_POLICY
    )
    expect = scenario.expect
    differences: list[tuple[str, str, str]] = []
    got = ", ".join(codes) or "(none)"
    missing = [code for code in expect.codes if code not in codes]
    if missing:
        differences.append(("codes", ", ".join(missing), got))
    present = [code for code in expect.not_codes if code in codes]
    if present:
        differences.append(("not_codes", "none of " + ", ".join(present), got))
    for wanted in expect.findings:
        if not any(wanted.matches(f) for f in findings):
            same = [f for f in findings if f.code == wanted.code]
            actual = "; ".join(_finding(f) for f in same) or "no such finding"
            differences.append(("finding", str(wanted), actual))
    for name in _DECISIONS:
        wanted_value = getattr(expect, name)
        if wanted_value is None:
            continue
        if name not in decided:
            differences.append((name, _shown(wanted_value), "not decided by this kind of case"))
        elif decided[name] != wanted_value:
            differences.append((name, _shown(wanted_value), _shown(decided[name])))
    return CaseOutcome(scenario, tuple(codes), tuple(differences))


def _finding(finding: Finding) -> str:
    parts = [finding.code]
    if finding.subject is not None:
        parts.append(f"subject {finding.subject!r}")
    if finding.period is not None:
        parts.append(f"period {finding.period.format('en')}")
    return ", ".join(parts)
