"""A griffe extension that makes kui-core's docstrings render well in the API reference.

The docstrings are written for ``help()`` and ``doctest``: bare ``>>>`` sessions and Sphinx roles
(``:class:`Period```). Rendered as Markdown, a session's output such as ``['a', 'b']`` would be
read as a link, and roles would show their markup. This extension fences every doctest session as
a ``pycon`` code block, turns ``:role:`~x.y```` into ```` `y` ```` and reStructuredText simple
tables into Markdown tables. It changes only the rendered
text, never the code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    target = match.group(2)
    if match.group(1):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def fence_doctests(text: str) -> str:
    """Wrap each ``>>>`` session (up to the next blank line) in a ``pycon`` fence."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


_RULE = re.compile(r"^\s*=+( +=+)+\s*$")


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str]:
    cells = [line[start:end].strip() for start, end in spans[:-1]]
    return [*cells, line[spans[-1][0] :].strip()]


def rst_tables(text: str) -> str:
    """Turn reStructuredText simple tables (``=== ===`` rules) into Markdown tables."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        rules = [i]
        if _RULE.match(lines[i]):
            j = i + 1
            while j < len(lines) and lines[j].strip() and len(rules) < 3:
                if _RULE.match(lines[j]):
                    rules.append(j)
                j += 1
        if len(rules) < 3:
            out.append(lines[i])
            i += 1
            continue
        rule = lines[i]
        indent = rule[: len(rule) - len(rule.lstrip())]
        spans = [(m.start(), m.end()) for m in re.finditer(r"=+", rule)]
        header = _cells(lines[i + 1], spans)
        out.append(indent + "| " + " | ".join(header) + " |")
        out.append(indent + "|" + " --- |" * len(spans))
        for line in lines[rules[1] + 1 : rules[2]]:
            out.append(indent + "| " + " | ".join(_cells(line, spans)) + " |")
        i = rules[2] + 1
    return "\n".join(out)


def render(text: str) -> str:
    """The docstring as the API reference shows it."""
    return fence_doctests(rst_tables(_ROLE.sub(_role, text)))


class KuiDocstrings(griffe.Extension):
    """Fence doctest sessions and resolve Sphinx roles in every docstring."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the object's docstring once the tree is complete."""
        if obj.docstring is not None:
            obj.docstring.value = render(obj.docstring.value)
