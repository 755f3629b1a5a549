"""The ``kui`` command line: ``kui demo``, ``kui check CASE.json``, ``kui metrics COHORT.jsonl``.

The command line only parses arguments, reads files and prints; the library does the work. It is
the one place that reads files and, where a date is not given, the clock. One module per
subcommand (:mod:`kui_core.cli.check`, :mod:`kui_core.cli.metrics`, :mod:`kui_core.cli.demo`),
:mod:`kui_core.cli.app` for the dispatcher and :mod:`kui_core.cli.text` for plain-text tables.
"""

from . import app
from .app import build_parser, main, reference_day

__all__ = ["app", "build_parser", "main", "reference_day"]
