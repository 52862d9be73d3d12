"""Purging a closed exam's personal data, as the command line runs it: the database's ID
numbers, phones and photos (examdesk/services/purge.py) and the exam's rendered sheets in
this computer's print cache (ui/jobs/print_run.py), which show full ID numbers.

A clerk's other computers keep their own cache until it is pruned, 30 days after its last
use (reports/batch.py, ``PartCache.prune``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from examdesk.db import Database
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, resolve_exam
from examdesk.services.purge import PurgeResult, purge_exam, purgeable_from
from ui.jobs.print_run import forget_cached_sheets


@dataclass(frozen=True)
class PurgeAsked:
    """An exam a purge is asked for, and the first day it may be purged (None: never held)."""

    exam: ExamRef
    first_day: date | None


def ask_purge(db: Database, exam: str | None) -> PurgeAsked:
    """The exam ``exam`` names, and from when it may be purged (for the confirmation).

    Raises:
        BadInput: no such exam, or several and none named.
    """
    with db.begin() as session:
        found = resolve_exam(session, exam)
        return PurgeAsked(found, purgeable_from(session, found))


def purge(db: Database, actor: Actor, exam: str | None) -> PurgeResult:
    """Purge the exam's personal data in one writing transaction (audited), then its cached
    sheets on this computer.

    Raises:
        BadInput: the exam is not closed yet, or the actor may not.
        DatabaseBusy: another writer held the database too long; nothing was purged.
    """
    with db.write("purge") as session:
        found = resolve_exam(session, exam)
        result = purge_exam(session, actor, found)
    forget_cached_sheets(db, found)
    return result
