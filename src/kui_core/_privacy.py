"""What error messages may show of user-chosen text: the privacy masking, in one place.

A JSON document's keys are user text. A key in the wrong place might be a CPR number, so an error
message shows a key only where it looks like a plain field name (letters, underscores, at most two
trailing digits, at most 64 characters); anything else is shown as ``<key not shown>``. Values are
never shown at all: the hooks of :mod:`kui_core.serialization` say what kind of value was
expected, not what was found.
"""

from __future__ import annotations

import re

__all__ = ["mask_keys", "safe_key", "unknown_code"]

_CODE_SHAPE = re.compile(r"[a-z_]{1,40}(?:\.[a-z_]{1,40})?")
_SAFE_KEY = re.compile(r"[A-Za-z_][A-Za-z_]*[0-9]{0,2}", re.ASCII)
# A mapping key in a cattrs path, as its Python repr: ``$.counts['x']``.
_PATH_KEY = re.compile(r"""\[('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\]""")


def safe_key(key: str) -> bool:
    """Whether a user-chosen key may be shown: plain field-like names only (no CPR digits)."""
    return len(key) <= 64 and _SAFE_KEY.fullmatch(key) is not None


def unknown_code(code: object) -> str:
    """The reason for an unknown rule code: the code itself only where it is shaped like one
    (lowercase letters and underscores, one dot: no digits, so no CPR number)."""
    if isinstance(code, str) and _CODE_SHAPE.fullmatch(code):
        return f"unknown rule code {code!r}"
    return "unknown rule code (not shown: it may hold personal data)"


def mask_keys(path: str) -> str:
    """``path`` with every mapping key that is not :func:`safe_key` replaced by a mark."""
    return _PATH_KEY.sub(lambda m: m[0] if safe_key(m[1][1:-1]) else "[<key not shown>]", path)
