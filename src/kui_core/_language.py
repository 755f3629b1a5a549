"""The languages kui-core writes its texts in: Danish (``"da"``, the default) and English."""

from __future__ import annotations

from .errors import DataError

__all__ = ["LANGUAGES", "check_language"]

LANGUAGES = ("da", "en")


def check_language(lang: str) -> str:
    """``lang`` where it is ``"da"`` or ``"en"``; a :class:`DataError` naming ``lang`` else."""
    if lang not in LANGUAGES:
        raise DataError("lang", f"expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    return lang
