"""``kui schema [MODEL]``: the JSON Schema of a document, for systems that send them.

Without MODEL, lists the models that have a schema, one name a line. With MODEL (``Youth``,
``YouthCase``, ``Policy``, ...), prints the JSON Schema (draft 2020-12) of that model's document
as :func:`kui_core.serialization.dumps` writes it and :func:`kui_core.serialization.loads`
accepts it: field names and types, required fields, enums, dates and CPR numbers as patterned
strings. Rules between fields (an end before its start) are not in the schema: ``loads`` and
``kui check`` still refuse such documents. Exit status 2 for an unknown model.

    kui schema YouthCase > youth-case.schema.json
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from ..errors import mask_cpr
from ..schema import MODELS, schema_for
from .text import plain

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add ``kui schema`` to the command line."""
    parser = subparsers.add_parser(
        "schema",
        help="JSON Schema of a document (Youth, YouthCase, Policy, ...); without MODEL, the list",
        description=plain(__doc__),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "model",
        metavar="MODEL",
        nargs="?",
        help="a model name, e.g. Youth (default: list the models)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the model names, or one model's schema as JSON; 2 for an unknown model."""
    if args.model is None:
        for name in MODELS:
            print(name, file=out)
        return 0
    model = MODELS.get(args.model)
    if model is None:
        # The name is user text: masked, as it might be a CPR number typed in the wrong place.
        name = mask_cpr(repr(args.model))
        print(f"kui schema: unknown model {name} (`kui schema` lists them)", file=sys.stderr)
        return 2
    print(json.dumps(schema_for(model), ensure_ascii=False, indent=2), file=out)
    return 0
