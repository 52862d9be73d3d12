"""How long operations report progress and learn that the user cancelled.

The core never imports Qt: the window adapts these callables to signals (docs/architecture.md,
"Progress and cancel are callables").
"""

from __future__ import annotations

from collections.abc import Callable

from examdesk.errors import ExamDeskError
from examdesk.i18n import translate

#: ``progress(done, total, message)``; ``total`` 0 means "unknown".
Progress = Callable[[int, int, str], None]
#: Returns True once the user asked to stop.
Cancelled = Callable[[], bool]


class OperationCancelled(ExamDeskError):
    """The user cancelled; the caller's transaction rolls back, so nothing was written."""

    code = "cancelled"

    def __init__(self) -> None:
        super().__init__(translate("Progress", "Cancelled; nothing was changed."))


def no_progress(_done: int, _total: int, _message: str) -> None:
    """A progress callback that reports nowhere."""


def never_cancelled() -> bool:
    """A cancel check for callers that cannot cancel."""
    return False


def check_cancelled(cancelled: Cancelled) -> None:
    """Raise :class:`OperationCancelled` if the user asked to stop."""
    if cancelled():
        raise OperationCancelled()
