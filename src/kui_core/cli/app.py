"""The ``kui`` command line: ``kui demo``, ``kui check CASE.json``, ``kui metrics COHORT.jsonl``.

The command line is the one place that reads files and (where a date is not given) the clock;
the library core never does. Each subcommand lives in its own module of this package, listed in
``_COMMAND_MODULES``; a module exposes ``register(subparsers)``, which adds its parser and sets
``handler=run`` with ``run(args, out) -> int``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from ..__about__ import __version__
from ..errors import DataError, KuiError

__all__ = ["build_parser", "main", "reference_day"]

_COMMAND_MODULES: tuple[str, ...] = ("demo", "metrics", "check")


def reference_day(text: str | None) -> _dt.date:
    """The ``--on DATE`` of a command: ``YYYY-MM-DD``, or today where it is not given.

    The command line may read the clock; the library core never does.
    """
    if text is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise DataError("--on", f"expected a date as YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="kui",
        description="kui-core: the Danish municipal youth effort (KUI) — rules and metrics.",
    )
    parser.add_argument("--version", action="version", version=f"kui-core {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 fine, 1 ERROR findings, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        status: int = args.handler(args, stream)
    except KuiError as error:
        print(f"kui {args.command}: {error}", file=sys.stderr)
        return 2
    return status
