"""Row versions: a form's save is refused when the row changed after the form read it.

Rows that people edit (candidates and their seats, rooms, staff, duties, posts) carry a
``version`` that every change of the row moves (triggers of migration 0009: the bulk runs
change it too). A candidate's version, as forms read it, is the candidate's plus their
seat's (:func:`candidate_version`): an allocation moves every seat without touching the
candidates' rows. A form reads the version with the row and hands it back with its save;
the save runs in the write transaction, which holds the database's write lock
(examdesk/db/locks.py), so comparing there is enough: nobody can change the row between
the comparison and the commit. A save without a version (a command,
which reads and writes in one transaction) is not compared.

When the versions differ the save is refused with :class:`~examdesk.errors.EditConflict`,
which names who changed the row and when, from the audit trail's last event about it (or
the last run that changes such rows without naming each: an allocation, a roster, an
import).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from examdesk.errors import EditConflict
from examdesk.i18n import translate
from examdesk.model import AuditEvent, Candidate, SeatAssignment
from examdesk.model.base import Base

# The runs that change rows of a table without an audit event about each row, by the
# beginnings of their actions (their events name the exam or a center).
_RUNS = {
    "candidates": ("seating.allocate", "import.candidates", "import.seating", "demo."),
    "rooms": ("import.rooms", "demo."),
    "staff": ("import.staff", "demo."),
    "duties": ("duties.roster", "duties.repair", "duties.draw", "duties.posts", "demo."),
    "posts": ("posts.init", "import.posts", "duties.posts", "demo."),
}


def candidate_version() -> ColumnElement[int]:
    """A candidate's version with their seat's, in a query that outer-joins
    :class:`SeatAssignment` on the candidate.

    A seat's version starts from the clock when the seat is written (an allocation writes
    every seat anew) and a candidate's moves by one at each change, so the sum moves with
    either: seating a hundred thousand candidates writes no candidate row for it.
    """
    return Candidate.version + func.coalesce(SeatAssignment.version, 0)


def current_version(session: Session, model: type[Base], row_id: int) -> int | None:
    """The row's version now (None: no such row); a candidate's with their seat's."""
    if model is Candidate:
        return session.scalar(
            select(candidate_version()).select_from(Candidate)
            .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
            .where(Candidate.id == row_id))
    column = model.__table__.c
    return session.scalar(select(column.version).where(column.id == row_id))


def check_version(session: Session, model: type[Base], row_id: int, read: int | None, *,
                  exam_id: int, about: Sequence[tuple[str, object]], what: str,
                  current: str) -> None:
    """Refuse a save whose row changed after the form read it.

    Args:
        session: the writing transaction.
        model: the row's table (one with a ``version``).
        row_id: the row.
        read: the version the form read (None: not compared).
        exam_id: the row's exam.
        about: the audit trail's (entity, entity_id) pairs that name changes of this row.
        what: the row in words, e.g. "考生 张三".
        current: the row's values now, in words (shown so the user sees what to keep).

    Raises:
        EditConflict: the version moved (nothing is written).
    """
    if read is None:
        return
    now = current_version(session, model, row_id)
    if now is None or now == read:
        return  # (a row gone is the caller's own refusal)
    runs = _RUNS.get(model.__tablename__, ())
    raise conflict(session, exam_id, about, what, current, now, runs)


def conflict(session: Session, exam_id: int, about: Sequence[tuple[str, object]], what: str,
             current: str, version: int, runs: Sequence[str] = ()) -> EditConflict:
    """The refusal of a save over someone else's change."""
    event = last_change(session, exam_id, about, runs)
    actor, at = (event.actor, event.at) if event is not None else ("", None)
    when = _when(at)
    if actor and when:
        text = translate(
            "Versions", "{actor} changed {what} at {time}, after you read it; nothing was "
                        "saved. It is now: {current}.")
    elif actor:
        text = translate(
            "Versions", "{actor} changed {what} after you read it; nothing was saved. It is "
                        "now: {current}.")
    else:
        text = translate(
            "Versions", "Someone else changed {what} after you read it; nothing was saved. "
                        "It is now: {current}.")
    return EditConflict(text.format(actor=actor, what=what, time=when, current=current),
                        actor=actor, at=at, what=what, current=current, version=version)


def last_change(session: Session, exam_id: int, about: Sequence[tuple[str, object]],
                runs: Sequence[str] = ()) -> AuditEvent | None:
    """The audit trail's last event about the row, or the last of the exam's ``runs`` (the
    beginnings of the actions of the runs that change such rows)."""
    named = [and_(AuditEvent.entity == entity, AuditEvent.entity_id == str(key))
             for entity, key in about]
    if runs:
        named.append(and_(AuditEvent.exam_id == exam_id,
                          or_(*(AuditEvent.action.startswith(run) for run in runs))))
    return session.scalars(
        select(AuditEvent).where(or_(*named))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1)).first()


def described(values: Sequence[object]) -> str:
    """A row's values in words for :func:`check_version`'s ``current`` (empty ones left
    out)."""
    words = ["、".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
             for v in values if v not in ("", None, [], ())]
    return translate("Versions", ", ").join(w for w in words if w)


def _when(at: datetime | None) -> str:
    """A time of today as 10:41:05, of another day with its date (local time)."""
    if at is None:
        return ""
    local = at.astimezone()
    same_day = local.date() == datetime.now().astimezone().date()
    return local.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M:%S")
