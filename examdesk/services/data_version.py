"""How the window learns that another clerk changed the database, without reloading it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.model import AuditEvent


def data_version(session: Session) -> tuple[int, int]:
    """A value that changes whenever a change to the plan is committed: every service that
    changes it writes an audit event (examdesk/services/audit.py) in the same transaction.

    Both the number of events and the newest one's id are needed: on PostgreSQL two writers'
    ids are drawn before either commits, so the one committed second may hold the smaller id.
    One indexed aggregate: cheap enough to ask every few seconds.

    Returns:
        (events, newest id); (0, 0) for a database nothing was done in yet.
    """
    count, newest = session.execute(
        select(func.count(AuditEvent.id), func.max(AuditEvent.id))).one()
    return int(count or 0), int(newest or 0)


def running_now(session: Session) -> str:
    """Who runs what in the database now, if someone else has held the write lock for a
    moment (a run: "张老师 is allocating seats for center 02 since 10:41:05"); "" if nobody
    (examdesk/db/locks.py)."""
    from examdesk.db.locks import held_by_another

    holder = held_by_another(session.connection())
    return "" if holder is None else holder.sentence()
