"""The `examdesk` entry point: the desktop window without a command, the command line with one.

It sits above both faces so that neither imports the other; the window (and Qt) is imported
only when it is opened.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from ui.cli import run


def open_window(db_url: str | None) -> int:
    """Open the desktop window on ``db_url`` and run it until it closes."""
    from ui.window.app import run_app

    return run_app(db_url)


def main() -> NoReturn:
    """Console-script entry point."""
    sys.exit(run(open_window=open_window))
