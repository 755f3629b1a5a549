"""Which rules made a decision: the audit stamp every report carries.

An :class:`AuditStamp` names the kui-core version, the day the rule catalogue's sources were
last checked (:data:`RULES_CHECKED_ON`) and a fingerprint of the effective
:class:`~kui_core.Policy`, so that an audit years later can tell which rules and which municipal
choices produced a report, and reproduce it. :func:`~kui_core.assess_eligibility`,
:func:`~kui_core.validate_plan` and :func:`~kui_core.review_case` put one on their reports
(``stamp``); serialised reports carry it. :func:`~kui_core.review_case` also reports
``catalogue.unverified_period`` (INFO) for a reference day more than a year after the check, or
before the kommunale ungeindsats took effect (1 August 2019).

The fingerprint is the first 16 hex digits of the SHA-256 of the policy's fields in a canonical
JSON form (field names sorted, sets sorted, enums by value, dates in ISO form). Two policies with
the same values have the same fingerprint; any changed value changes it.
"""

from __future__ import annotations

import datetime as _dt
import enum
import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from . import validators as v
from .__about__ import __version__
from .catalogue import RULES
from .errors import DataError
from .legal import KUI_FROM
from .policy import Policy

__all__ = [
    "LAST_CHECKED_DAY",
    "RULES_CHECKED_ON",
    "STALE_AFTER_MONTHS",
    "AuditStamp",
    "audit_stamp",
    "policy_fingerprint",
    "stale_on",
    "unverified_on",
]

RULES_CHECKED_ON: _dt.date = max(
    source.checked_on
    for rule in RULES.values()
    for source in rule.sources
    if source.checked_on is not None
)
"""The latest day on which a source of the rule catalogue was checked: the catalogue states the
law as it was read up to that day."""


def _canonical(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted((_canonical(item) for item in value), key=json.dumps)
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 20.0 == 20: equal policies have one fingerprint
    return value  # bool, int, float, str, None


def policy_fingerprint(policy: Policy) -> str:
    """A short, stable fingerprint of ``policy``'s values (16 hex digits)."""
    if not isinstance(policy, Policy):
        raise DataError("policy", f"expected Policy, got {type(policy).__name__}")
    return _fingerprint(policy)


@lru_cache(maxsize=256)
def _fingerprint(policy: Policy) -> str:
    fields = {field.name: _canonical(getattr(policy, field.name)) for field in attrs.fields(Policy)}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def _fingerprint_value(instance: AuditStamp, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_nonempty_str(instance, attribute, value)
    if len(value) != 16 or any(c not in "0123456789abcdef" for c in value):
        raise DataError("AuditStamp.policy_fingerprint", "expected 16 lowercase hex digits")


@attrs.frozen
class AuditStamp:
    """Which rules produced a report: ``library_version``, ``rules_checked_on`` (the catalogue's
    :data:`RULES_CHECKED_ON`) and ``policy_fingerprint`` (:func:`policy_fingerprint` of the
    policy in force on the report's day)."""

    library_version: str = attrs.field(validator=v.is_nonempty_str)
    """The kui-core version that made the report (``kui_core.__version__``)."""
    rules_checked_on: _dt.date = attrs.field(validator=v.is_date)
    """The day the catalogue's sources were last checked (:data:`RULES_CHECKED_ON`)."""
    policy_fingerprint: str = attrs.field(validator=_fingerprint_value)
    """16 lowercase hex digits identifying the policy in force (:func:`policy_fingerprint`)."""


def audit_stamp(policy: Policy) -> AuditStamp:
    """The stamp of a report made under ``policy`` by this version of kui-core."""
    if not isinstance(policy, Policy):
        raise DataError("policy", f"expected Policy, got {type(policy).__name__}")
    return _stamp(policy)


@lru_cache(maxsize=256)
def _stamp(policy: Policy) -> AuditStamp:
    return AuditStamp(__version__, RULES_CHECKED_ON, policy_fingerprint(policy))


STALE_AFTER_MONTHS = 12
"""A reference day more than this many months after :data:`RULES_CHECKED_ON` gets
``catalogue.unverified_period``: the law may have changed since the sources were read."""


def stale_on(on: _dt.date) -> bool:
    """True where ``on`` lies more than :data:`STALE_AFTER_MONTHS` after the last check."""
    return on > LAST_CHECKED_DAY


LAST_CHECKED_DAY: _dt.date = RULES_CHECKED_ON + relativedelta(months=STALE_AFTER_MONTHS)
"""The last reference day the catalogue answers for without ``catalogue.unverified_period``."""


def unverified_on(on: _dt.date) -> bool:
    """True where ``on`` lies outside the days the catalogue's sources were checked for: before
    the kommunale ungeindsats took effect (:data:`kui_core.legal.KUI_FROM`, 1 August 2019; the
    act before it was not researched) or after :data:`LAST_CHECKED_DAY`."""
    return on < KUI_FROM or stale_on(on)
