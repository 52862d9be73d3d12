"""Who is using ExamDesk on this machine, before any sign-in exists."""

from __future__ import annotations

import getpass
import os


def user_name() -> str:
    """``$EXAMDESK_USER``, else the operating-system login name (``unknown`` if none)."""
    name = os.environ.get("EXAMDESK_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a bare container)
        return "unknown"
