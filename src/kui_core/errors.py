"""The exception hierarchy: every error the library raises is a :class:`KuiError`.

Messages say what was wrong, where (a field path such as ``plan.goals[2].target_date``) and what
was expected. They never contain CPR digits.
"""

from __future__ import annotations

__all__ = ["DataError", "HandoverError", "KuiError"]


class KuiError(Exception):
    """Root of every exception raised by kui-core."""


class DataError(KuiError, ValueError):
    """Bad data: a value of the wrong type, an impossible date, a malformed document.

    ``path`` names the offending field (``"plan.goals[2].target_date"``, or ``"$"`` for the
    document itself); ``reason`` says what was expected. The message is ``"{path}: {reason}"``.
    ``errors`` holds every problem found when several were collected at once (for example all
    the bad fields of one JSON document); its first entry is the one in the message.
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
        self.path = path
        self.reason = reason
        self.errors = errors or ((path, reason),)
        more = len(self.errors) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{path}: {reason}{suffix}")

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only ``errors`` must survive pickling (multiprocessing, caching).
        return (_rebuild_data_error, (self.path, self.reason, self.errors))


def _rebuild_data_error(path: str, reason: str, errors: tuple[tuple[str, str], ...]) -> DataError:
    return DataError(path, reason, errors=errors)


class HandoverError(KuiError):
    """A coordinator handover that would break the single-coordinator invariant."""
