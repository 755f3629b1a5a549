"""JSON Schema (draft 2020-12) for the documents :func:`~kui_core.serialization.dumps` writes.

``schema_for(Youth)`` describes exactly the JSON that :func:`~kui_core.serialization.loads`
accepts for a :class:`~kui_core.Youth` as far as JSON Schema can say it, so that systems not
written in Python can check a document before they send it: the field names and JSON types,
which fields are required (those without a default), no unknown fields, enums by value, dates as
``YYYY-MM-DD`` strings (``"format": "date"``), a CPR number as ``DDMMYY-SSSS`` or
``DDMMYYSSSS``, frozensets as arrays without duplicates, ``null`` where a field is optional,
non-empty text and the numeric bounds that the model's validators give (``hours_per_week`` at
least 0). At the top level ``"schema_version"`` may be given and must be 1.

What JSON Schema cannot say, :func:`~kui_core.serialization.loads` still checks: rules between
fields (``completed_on`` not before ``started_on``, a period's ``end`` not before its ``start``,
nothing before ``birth_date``, ids that refer to each other), whether a CPR number's first six
digits are a real date and agree with ``birth_date``, text holding lone surrogates, and an integer
written as ``5.0`` (JSON Schema counts it as an integer; ``loads`` does not). A document that
passes the schema can therefore still be refused; one that fails it is refused too (where the
validator's ``\\S`` means what Python's does).

The schemas are generated from the models themselves (``attrs.fields`` and their type hints),
with nested models under ``$defs``, so a model or field added later is described without code
here; :data:`MODELS` names the documents users send and receive (what ``kui schema`` lists).
Pure: no I/O.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from . import validators as v
from .audit import AuditStamp
from .case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from .catalogue import RULES, Rule, Severity
from .cpr import CprNumber
from .education import EducationRecord, Employment
from .eligibility import Eligibility
from .findings import Finding
from .legal import LegalBasis
from .metrics import Application, Measure
from .periods import Period
from .plan import (
    EducationPlan,
    Goal,
    Intervention,
    Milestone,
    MunicipalUnit,
    Participant,
    PlanReport,
)
from .policy import Policy, PolicyTimeline, Severities
from .rates import People, Rate
from .review import CaseReport
from .serialization import SCHEMA_VERSION, unstructure
from .targets import Observation, Progress, Target
from .youth import CarePlacement, ExternalGuidance, Youth

__all__ = ["DATE_PATTERN", "DIALECT", "MODELS", "schema_for"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of every schema: JSON Schema draft 2020-12."""

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""A date as ``loads`` reads it: ``YYYY-MM-DD`` and nothing else (with ``"format": "date"``
for a real calendar day)."""

_DDMMYY = "(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}"

MODELS: Mapping[str, type[Any]] = types.MappingProxyType(
    {
        cls.__name__: cls
        for cls in sorted(
            (
                # What a case system sends: the young person, the case and their parts.
                Youth,
                EducationRecord,
                Employment,
                CarePlacement,
                ExternalGuidance,
                Period,
                YouthCase,
                EducationPlan,
                Participant,
                Goal,
                Milestone,
                Intervention,
                MunicipalUnit,
                CoordinatorAssignment,
                Offer,
                DutyLapse,
                Application,
                Policy,
                PolicyTimeline,
                # What kui-core returns: findings and reports.
                Finding,
                Eligibility,
                PlanReport,
                CaseReport,
                AuditStamp,
                Rate,
                People,
                Progress,
                # The reference data they name.
                Rule,
                LegalBasis,
                Target,
                Observation,
                Measure,
            ),
            key=lambda cls: cls.__name__,
        )
    }
)
"""The models with a schema, by name: every model :func:`~kui_core.serialization.dumps` writes
as a JSON document that users send or receive."""

_NOT_CHECKED = (
    "Checks the shape of the document. Not checked here (kui_core.serialization.loads checks "
    "them): rules between fields (an end not before its start, completed_on not before "
    "started_on, nothing before birth_date, ids that must refer to each other), whether a CPR "
    "number's digits are a real birth date that agrees with birth_date, lone surrogates in "
    "text, and integers written with a fraction part (5.0)."
)

_ROLE = re.compile(r":[a-z]+:`~?(?:[^`<]*?<)?([^`>]*)>?`")
_MODULE_PATH = re.compile(r"^(?:[a-z_][a-z0-9_]*\.)+(?=[A-Za-z_])")


def _description(cls: type[Any]) -> dict[str, str]:
    """The first paragraph of a docstring as plain text (Sphinx roles reduced to the name), as
    a ``description``; ``{}`` without a docstring."""
    doc = cls.__doc__
    if not doc:
        return {}
    first = " ".join(doc.strip().split("\n\n", 1)[0].split())
    text = _ROLE.sub(lambda match: f"`{_MODULE_PATH.sub('', match[1])}`", first)
    return {"description": text.replace("``", "`").replace("\\ ", "")}


def _bounds(validator: Any) -> dict[str, Any]:
    """The ``minimum``/``maximum`` of an :func:`~kui_core.validators.is_int` or
    :func:`~kui_core.validators.is_number` validator; ``{}`` for any other validator."""
    qualname = getattr(validator, "__qualname__", "")
    if getattr(validator, "__module__", None) != v.__name__ or qualname not in (
        "is_int.<locals>.check",
        "is_number.<locals>.check",
    ):
        return {}
    cells = zip(validator.__code__.co_freevars, validator.__closure__, strict=True)
    values = {name: cell.cell_contents for name, cell in cells}
    return {key: values[key] for key in ("minimum", "maximum") if values[key] is not None}


_NONEMPTY = {"minLength": 1, "pattern": "\\S"}
"""Text with something but white space in it (:func:`~kui_core.validators.is_nonempty_str`)."""


def _constraints(field: attrs.Attribute[Any]) -> dict[str, Any]:
    """What a field's validator adds to its JSON type: non-empty text, numeric bounds."""
    validator = field.validator
    if validator in (v.is_nonempty_str, v.is_optional_nonempty_str):
        return dict(_NONEMPTY)
    return _bounds(validator)


_NULL: dict[str, Any] = {"type": "null"}

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
}


class _Builder:
    """The ``$defs`` of one schema, filled while its types are described."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self._types: dict[str, Any] = {}

    def ref(self, tp: Any, name: str, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A ``$ref`` to ``$defs[name]``, the schema of ``tp``; built on first use."""
        if name not in self.defs:
            self._types[name] = tp
            self.defs[name] = {}  # a placeholder: a model may (one day) contain itself
            self.defs[name] = build()
        elif self._types[name] is not tp:
            raise TypeError(f"two types named {name!r}: their schemas would share one name")
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: Any, extra: Mapping[str, Any] = types.MappingProxyType({})) -> dict[str, Any]:
        """The schema of a value of type ``tp``; ``extra`` constrains its non-null part."""
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            members = [self.of(arg, extra) for arg in args if arg is not type(None)]
            if type(None) in args:
                members.append(_NULL)
            return members[0] if len(members) == 1 else {"anyOf": members}
        if tp in _SCALARS:
            return {**_SCALARS[tp], **extra}
        if tp is _dt.date:
            return self.ref(tp, "date", _date)
        if tp is CprNumber:
            return self.ref(tp, "CprNumber", _cpr)
        if tp is Severities:
            return self.ref(tp, "Severities", self._severities)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.ref(tp, tp.__name__, lambda: _enum(tp))
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp, tp.__name__, lambda: self.model(tp))
        if origin in (tuple, list, frozenset):
            return self._array(origin, args)
        raise TypeError(f"{tp!r} has no JSON Schema: kui-core does not serialise it")

    def _array(self, origin: Any, args: tuple[Any, ...]) -> dict[str, Any]:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return {
                "type": "array",
                "prefixItems": [self.of(arg) for arg in args],
                "items": False,
                "minItems": len(args),
            }
        schema: dict[str, Any] = {"type": "array", "items": self.of(args[0])}
        if origin is frozenset:
            schema["uniqueItems"] = True
        return schema

    def _severities(self) -> dict[str, Any]:
        return {
            "description": "Rule code -> severity (null: the rule is off).",
            "type": "object",
            "propertyNames": {"enum": sorted(RULES)},
            "additionalProperties": {"anyOf": [self.of(Severity), _NULL]},
        }

    def model(self, cls: type[Any]) -> dict[str, Any]:
        """A model's object: every field under its alias, those without a default required."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            prop = self.of(hints[field.name], _constraints(field))
            source = field.metadata.get("source")  # a Policy choice names its source
            if isinstance(source, str):
                prop = {"description": f"Source: {source}", **prop}
            if cls is Finding and field.name == "code":
                prop = {"enum": sorted(RULES)}  # loads refuses a code not in the catalogue
            default = field.default
            if default is attrs.NOTHING:
                required.append(field.alias)
            else:
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()  # no model's default depends on its other fields
                prop = {**prop, "default": unstructure(default)}
            properties[field.alias] = prop
        schema: dict[str, Any] = {"type": "object", **_description(cls), "properties": properties}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema


def _date() -> dict[str, Any]:
    return {
        "description": "A calendar day as YYYY-MM-DD.",
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
        "maxLength": 10,  # where ``$`` matches before a final newline (Python, Java)
    }


def _cpr() -> dict[str, Any]:
    return {
        "description": (
            "A CPR number as DDMMYY-SSSS (or DDMMYYSSSS); personal data, handle with care."
        ),
        "type": "string",
        # Two forms, each with its length: where ``$`` matches before a final newline (Python,
        # Java), one pattern ``-?`` would let "DDMMYYSSSS\\n" through.
        "anyOf": [
            {"pattern": f"^{_DDMMYY}-[0-9]{{4}}$", "maxLength": 11},
            {"pattern": f"^{_DDMMYY}[0-9]{{4}}$", "maxLength": 10},
        ],
    }


def _enum(cls: type[enum.Enum]) -> dict[str, Any]:
    return {**_description(cls), "enum": [member.value for member in cls]}


def schema_for(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a ``cls`` document as ``dumps`` writes it.

    ``cls`` is an attrs model (one of :data:`MODELS`, or any other model kui-core serialises);
    anything else is a ``TypeError``. The result is plain JSON data (``json.dumps`` it).
    """
    if not (isinstance(cls, type) and attrs.has(cls)) or cls is CprNumber:
        raise TypeError(f"expected a kui-core model class, got {cls!r}")
    builder = _Builder()
    body = builder.model(cls)
    properties = {
        "schema_version": {
            "description": "The version of the JSON format; optional, and 1 where given.",
            "type": "integer",
            "const": SCHEMA_VERSION,
        },
        **body["properties"],
    }
    description = body.pop("description", None)
    return {
        "$schema": DIALECT,
        "title": cls.__name__,
        "description": _NOT_CHECKED if description is None else f"{description} {_NOT_CHECKED}",
        **body,
        "properties": properties,
        "$defs": dict(sorted(builder.defs.items())),
    }
