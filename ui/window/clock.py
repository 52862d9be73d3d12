"""The exam-day desks' clock.

The 考务日 tabs ask it what time it is: which sitting is under way (the board, the 考勤 tab's
session chosen first) and which of a candidate's sessions a certificate still covers. It is
one function so that the desks agree on the hour, and a test sets it for all of them at once.
"""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """The local time (naive, as the exam's session times are stored)."""
    return datetime.now()
