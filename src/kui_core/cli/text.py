"""Plain-text tables for the command line (no dependency, fixed-width, right-aligned numbers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["plain", "table"]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table; numbers are right-aligned, text left-aligned.

    >>> print(table(["a", "n"], [["x", 1], ["yy", 22]]))
    a    n
    --  --
    x    1
    yy  22
    """
    cells = [[str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    numeric = [
        bool(rows) and all(isinstance(row[i], int | float) for row in rows)
        for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


_ROLE = re.compile(r":[a-z]+:`~?([^`<]+?)(?: <[^>]+>)?`")
_LITERAL = re.compile(r"``([^`]+)``")


def plain(doc: str) -> str:
    """A module docstring as plain text for ``--help``: no reStructuredText markup.

    >>> plain("One :class:`~kui_core.case.YouthCase`, ``--on``, :attr:`Policy.x <y>`.")
    'One YouthCase, --on, Policy.x.'
    """
    text = _ROLE.sub(lambda m: m[1].rsplit(".", 1)[-1] if "~" in m[0] else m[1], doc)
    return _LITERAL.sub(r"\1", text)
