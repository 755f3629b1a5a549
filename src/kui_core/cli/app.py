"""The ``kui`` command line: ``kui demo``, ``check``, ``metrics``, ``rules``, ``schema``, ``test``.

The command line is the one place that reads files and (where a date is not given) the clock;
the library core never does. Each subcommand lives in its own module of this package, listed in
``_COMMAND_MODULES``; a module exposes ``register(subparsers)``, which adds its parser and sets
``handler=run`` with ``run(args, out) -> int``.

No message of the command line carries text shaped like a CPR number: :func:`main` masks it
(:func:`~kui_core.errors.mask_cpr`) in everything a command writes to stderr, and in argparse's
own messages (``invalid choice: '<cpr hidden>'``). Output is data (numbers with many digits,
fingerprints): a command masks the user's text in it itself, as ``kui check`` does with ids.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO, cast

from ..__about__ import __version__
from ..errors import DataError, KuiError, mask_cpr

__all__ = ["INTERNAL_ERROR", "build_parser", "main", "masked", "reference_day"]

_COMMAND_MODULES: tuple[str, ...] = ("demo", "check", "metrics", "rules", "schema", "scenarios")


def reference_day(text: str | None) -> _dt.date:
    """The ``--on DATE`` of a command: ``YYYY-MM-DD``, or today where it is not given.

    The command line may read the clock; the library core never does.
    """
    if text is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    # Raised outside the ``except``: the ValueError quotes the text unmasked, and must not be
    # chained (``__context__``). DataError masks text shaped like a CPR number.
    raise DataError("--on", f"expected a date as YYYY-MM-DD, got {text!r}")


class _Parser(argparse.ArgumentParser):
    """argparse, with CPR-shaped text masked in its error messages (``invalid choice: ...``
    quotes the argument). Subcommand parsers are of the same class."""

    def error(self, message: str) -> NoReturn:
        super().error(mask_cpr(message))


class _Masked(io.TextIOBase):
    """A text stream that masks CPR-shaped text (:func:`mask_cpr`) in what is written to it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(mask_cpr(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()


def masked(stream: TextIO) -> TextIO:
    """``stream``, with CPR-shaped text masked in everything written to it."""
    return cast(TextIO, _Masked(stream))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = _Parser(
        prog="kui",
        description="kui-core: the Danish municipal youth effort (KUI) — rules and metrics.",
    )
    parser.add_argument("--version", action="version", version=f"kui-core {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(subparsers)
    return parser


INTERNAL_ERROR = 3
"""The exit status of a crash (a bug in kui-core): never 1, which means ERROR findings."""


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status: 0 fine, 1 ERROR findings (``kui check``),
    2 bad input or output that cannot be written, 3 a crash (a bug in kui-core).

    A closed pipe (``kui demo | head -3``) ends quietly with status 0.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    with contextlib.redirect_stderr(masked(sys.stderr)):
        try:
            status: int = args.handler(args, stream)
            stream.flush()
        except KuiError as error:
            print(f"kui {args.command}: {error}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            _quiet(stream)
            return 0
        except OSError as error:
            # Writing the output failed (a full disk, a closed device): the files a command
            # reads are checked by the command itself.
            reason = error.strerror or type(error).__name__
            print(f"kui {args.command}: cannot write the output: {reason}", file=sys.stderr)
            _quiet(stream)
            return 2
        except Exception as error:  # a bug: one line, never status 1
            name = type(error).__name__
            print(f"kui {args.command}: internal error ({name}); please report it", file=sys.stderr)
            return INTERNAL_ERROR
    return status


def _quiet(stream: TextIO) -> None:
    """Point standard output at the null device, so that the interpreter's final flush of what
    could not be written does not fail a second time."""
    if stream is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
