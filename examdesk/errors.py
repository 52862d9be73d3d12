"""Errors the core raises for the user to read, and the exit status each one maps to.

An error carries a stable ``code`` and the ``fields`` its message was made from, so that each
face words it its own way: the command line names the command to run, a window offers the
button that does it (docs/architecture.md, "Errors carry a code and fields"). ``str(error)``
is the core's own wording, which names no command of either face.
"""

from __future__ import annotations

from collections.abc import Mapping


class ExamDeskError(Exception):
    """An error the user can act on; ``str(error)`` is one complete sentence.

    ``exit_status`` follows the command-line contract: 1 for problems in the plan,
    2 for bad input or usage.

    Args:
        message: the core's wording, translated.
        code: what went wrong, stable for faces and scripts (e.g. ``room-locked``); the
            class's ``code`` when not given.
        **fields: the values the message was made from (the room's label, the seat...).

    Attributes:
        code: the stable identifier of the error.
        fields: the values the message was made from (not to be changed).
    """

    exit_status = 2
    code = "error"

    def __init__(self, message: str, *, code: str | None = None, **fields: object) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        # a plain dict (typed read-only): an error may cross to another process, pickled
        self.fields: Mapping[str, object] = dict(fields)


class BadInput(ExamDeskError):
    """The user gave something we cannot use (a file, a value, a URL)."""

    code = "bad-input"


class AccessDenied(BadInput):
    """The signed-in user may not do this (role, exam or test center), or is not signed in."""

    code = "access-denied"


class EditConflict(ExamDeskError):
    """Someone else changed the row after the user read it: nothing was saved.

    ``fields``: ``actor`` and ``at`` (who changed it and when, from the audit trail; ""
    and None when it does not say), ``current`` (the row as it is now, in words) and
    ``version`` (its version now: a save with it replaces the other change deliberately).
    """

    code = "edit-conflict"


class DatabaseError(ExamDeskError):
    """The database cannot be opened or used as it stands."""

    code = "database"


class DatabaseBusy(DatabaseError):
    """Another user's command holds the database's write lock (or got in the way)."""

    code = "database-busy"


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer ExamDesk than this one."""

    code = "database-too-new"


class NotAnExamDeskDatabase(DatabaseError):
    """The database holds tables that ExamDesk did not create."""

    code = "not-examdesk-database"


class PlanProblem(ExamDeskError):
    """The plan is inconsistent; the message says what and how to fix it."""

    exit_status = 1
    code = "plan-problem"
