"""Errors the core raises for the user to read, and the exit status each one maps to."""

from __future__ import annotations


class ExamDeskError(Exception):
    """An error the user can act on; ``str(error)`` is one complete sentence.

    ``exit_status`` follows the command-line contract: 1 for problems in the plan,
    2 for bad input or usage.
    """

    exit_status = 2


class BadInput(ExamDeskError):
    """The user gave something we cannot use (a file, a value, a URL)."""


class DatabaseError(ExamDeskError):
    """The database cannot be opened or used as it stands."""


class DatabaseBusy(DatabaseError):
    """Another user's command holds the database's write lock (or got in the way)."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer ExamDesk than this one."""


class NotAnExamDeskDatabase(DatabaseError):
    """The database holds tables that ExamDesk did not create."""


class PlanProblem(ExamDeskError):
    """The plan is inconsistent; the message says what and how to fix it."""

    exit_status = 1
