"""Jobs that tests run in a process of their own (ui/window/apart.py): module-level, so that
the child process finds them by name."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from examdesk.errors import PlanProblem
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.seat_changes import withdraw_candidate

WHO = "411621196606098081"  # the ID number of the demo's first ticket, 12341010101


def withdraw_then_work(session: Any, *, actor: Actor, progress: Progress,
                       cancelled: Cancelled) -> None:
    """Withdraw the demo's first candidate, then work until cancelled, saying which process
    works (its id ends the message)."""
    exam = resolve_exam(session)
    withdraw_candidate(session, actor, exam, find_candidate(session, exam, WHO).one().id)
    while True:
        progress(3, 10, f"正在编排 01 考点 {os.getpid()}")
        check_cancelled(cancelled)
        time.sleep(0.02)


def refuse(*, progress: Progress, cancelled: Cancelled, code: str) -> None:
    """Fail as the core refuses: a message, a code and fields."""
    raise PlanProblem("01 考点的 01001 考场已锁定，不能改动。", code=code, room="01001")


def tell(count: int, *, progress: Progress, cancelled: Cancelled,
         told: Callable[[int], None]) -> list[int]:
    """Tell ``count`` numbers as they come, then return them all."""
    for number in range(count):
        told(number)
    return list(range(count))


def allocate_held(session: Any, actor: Actor, *, progress: Progress,
                  cancelled: Cancelled, **options: Any) -> object:
    """ui/jobs/runs.py's allocate, its first progress report held until the file named by
    ``$EXAMDESK_TEST_GATE`` exists or the run is cancelled (the test looks meanwhile)."""
    from pathlib import Path

    from ui.jobs import runs

    gate = Path(os.environ["EXAMDESK_TEST_GATE"])
    held = [True]

    def report(done: int, total: int, message: str) -> None:
        progress(done, total, message)
        while held[0] and not gate.exists() and not cancelled():
            time.sleep(0.02)
        held[0] = False

    return runs.allocate(session, actor, progress=report, cancelled=cancelled, **options)
