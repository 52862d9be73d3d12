"""An internal error (a bug), told without the personal data a database error carries.

A database error's message holds its SQL parameters and, on PostgreSQL, a DETAIL line with
the values that broke a constraint: candidates' names, ID numbers, phones. The engines hide
the parameters (examdesk/db/database.py, ``hide_parameters``); both faces word a bug through
:func:`described_bug`, which prints where it happened to stderr (for the report) and returns
one line without those values.
"""

from __future__ import annotations

import sys
import traceback


def described_bug(error: BaseException) -> str:
    """Print ``error``'s traceback to stderr (a database error: only where it happened, not
    its message) and return it in one line fit to show: ``Kind: what``."""
    # imported here: the window loads this module before its first paint, and the database
    # layer (SQLAlchemy) not until a database is opened (docs/performance.md, "Start-up")
    from examdesk.db.locks import described_safely

    described = described_safely(error)
    if described is None:
        traceback.print_exception(error, file=sys.stderr)
        return f"{type(error).__name__}: {error}"
    print("Traceback (most recent call last):", file=sys.stderr)
    traceback.print_tb(error.__traceback__, file=sys.stderr)
    print(f"{type(error).__name__} (its values are not shown: they may hold personal data)",
          file=sys.stderr)
    return described
