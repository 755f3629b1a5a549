"""The exception hierarchy: every error the library raises is a :class:`KuiError`.

Messages say what was wrong, where (a field path such as ``plan.goals[2].target_date``) and what
was expected. They never contain CPR digits: every :class:`KuiError` masks text shaped like a
CPR number (six digits, an optional ``-`` or space, four digits) in its message, its ``args``
and, for a :class:`DataError`, its ``path``, ``reason`` and ``errors``, whoever built the
message. An identifier that happens to be a CPR number (``no goal '290204-4321' in the plan``)
is shown as ``no goal '<cpr hidden>' in the plan``.
"""

from __future__ import annotations

import re

__all__ = ["CPR_HIDDEN", "DataError", "HandoverError", "KuiError", "mask_cpr"]

CPR_HIDDEN = "<cpr hidden>"
"""What stands in an error message where the text had something shaped like a CPR number."""

# Any digits (``\d`` also matches other scripts' digits): masking too much is harmless.
_CPR_SHAPED = re.compile(r"\d{6}[- ]?\d{4}")


def mask_cpr(text: str) -> str:
    """``text`` with every run shaped like a CPR number (``DDMMYY-SSSS``, ``DDMMYY SSSS`` or
    ten digits, also inside longer runs of digits) replaced by :data:`CPR_HIDDEN`.

    >>> mask_cpr("no goal '290204-4321' in the plan")
    "no goal '<cpr hidden>' in the plan"
    """
    return _CPR_SHAPED.sub(CPR_HIDDEN, text)


def _masked(arg: object) -> object:
    return mask_cpr(arg) if isinstance(arg, str) else arg


class KuiError(Exception):
    """Root of every exception raised by kui-core. Text arguments are masked (:func:`mask_cpr`)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*map(_masked, args))


class DataError(KuiError, ValueError):
    """Bad data: a value of the wrong type, an impossible date, a malformed document.

    ``path`` names the offending field (``"plan.goals[2].target_date"``, or ``"$"`` for the
    document itself); ``reason`` says what was expected. The message is ``"{path}: {reason}"``.
    ``errors`` holds every problem found when several were collected at once (for example all
    the bad fields of one JSON document); its first entry is the one in the message. Text shaped
    like a CPR number is masked in all of them (:func:`mask_cpr`).
    """

    path: str
    reason: str
    errors: tuple[tuple[str, str], ...]

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        errors: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.path = mask_cpr(path)
        self.reason = mask_cpr(reason)
        self.errors = (
            tuple((mask_cpr(where), mask_cpr(why)) for where, why in errors)
            if errors
            else ((self.path, self.reason),)
        )
        more = len(self.errors) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{self.path}: {self.reason}{suffix}")

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only ``errors`` must survive pickling (multiprocessing, caching).
        return (_rebuild_data_error, (self.path, self.reason, self.errors))


def _rebuild_data_error(path: str, reason: str, errors: tuple[tuple[str, str], ...]) -> DataError:
    return DataError(path, reason, errors=errors)


class HandoverError(KuiError):
    """A coordinator handover that would break the single-coordinator invariant."""
