"""A griffe extension that makes kui-core's docstrings render well in the API reference.

The docstrings are written for ``help()`` and ``doctest``: bare ``>>>`` sessions and Sphinx roles
(``:class:`Period```). Rendered as Markdown, a session's output such as ``['a', 'b']`` would be
read as a link, and roles would show their markup. This extension fences every doctest session as
a ``pycon`` code block and turns ``:role:`~x.y```` into ```` `y` ````. It changes only the rendered
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


def render(text: str) -> str:
    """The docstring as the API reference shows it."""
    return fence_doctests(_ROLE.sub(_role, text))


class KuiDocstrings(griffe.Extension):
    """Fence doctest sessions and resolve Sphinx roles in every docstring."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the object's docstring once the tree is complete."""
        if obj.docstring is not None:
            obj.docstring.value = render(obj.docstring.value)
