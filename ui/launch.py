"""The `examdesk` entry point: the desktop window without a command, the command line with one.

It sits above both faces so that neither imports the other; the window (and Qt) is imported
only when it is opened. `examdesk` and `examdesk --db URL` open the window without loading the
command line at all: its commands import the whole core (SQLAlchemy, Alembic, reportlab,
openpyxl, scipy), which would delay the window's first paint by a second
(docs/performance.md, "Start-up").
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn


def open_window(db_url: str | None) -> int:
    """Open the desktop window on ``db_url`` and run it until it closes."""
    from ui.window.app import run_app

    return run_app(db_url)


def window_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` asks for the window alone (no command, at most ``--db URL``), and the
    URL it names. Anything else (a command, ``--help``, ``--version``, a mistake) goes to the
    command line, which parses it."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0].removeprefix("--db=")
    return False, None


def main() -> NoReturn:
    """Console-script entry point."""
    # A packaged (frozen) Windows build starts its spawned children (ui/window/apart.py,
    # the print workers) through this same entry point; this lets them run their task
    # instead of opening another window. It does nothing when not frozen.
    import multiprocessing

    multiprocessing.freeze_support()
    window, url = window_request(sys.argv[1:])
    if window:
        sys.exit(open_window(url))
    from ui.cli import run

    sys.exit(run(open_window=open_window))
