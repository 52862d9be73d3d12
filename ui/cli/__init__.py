"""The `examdesk` command line: a contract for scripts and for our own checks."""

from __future__ import annotations

from ui.cli.main import main, run

__all__ = ["main", "run"]
