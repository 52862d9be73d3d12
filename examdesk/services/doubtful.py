"""Doubtful (存疑) candidates: let in although their identity could not be confirmed at the
gate, the reason recorded; cleared when two invigilators confirm the identity in the room,
otherwise open and on the center's end-of-day list.

Exam-day work at the candidate's center (``Permission.EXAM_DAY``), every step audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput, PlanProblem
from examdesk.i18n import translate
from examdesk.model import Candidate, DoubtfulEntry, Room, SeatAssignment, TestCenter
from examdesk.model.base import utcnow
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.scope import limited
from examdesk.services.tempids import required_text

# Longest reason and invigilator's name.
_REASON_LEN, _NAME_LEN = 500, 50


@dataclass(frozen=True)
class DoubtfulRow:
    """One doubtful candidate's record.

    Attributes:
        id: the record's id.
        ticket: the ticket number.
        name: the candidate's name.
        center: the center's code.
        room: the room's code.
        seat_no: the seat.
        reason: why the identity is in doubt.
        recorded_at: when.
        recorded_by: who recorded it (the signed-in user).
        confirmed_by: the invigilators who confirmed the identity so far (0, 1 or 2).
        cleared: whether two invigilators confirmed it.
    """

    id: int
    ticket: str
    name: str
    center: str
    room: str
    seat_no: int
    reason: str
    recorded_at: datetime
    recorded_by: str
    confirmed_by: tuple[str, ...]
    cleared: bool


class DoubtRefused(PlanProblem):
    """The candidate is already on the doubtful list (code ``doubtful-open``), or the record
    is cleared already (``doubtful-cleared``)."""


def record(session: Session, actor: Actor, exam: ExamRef, candidate_id: int, reason: str
           ) -> DoubtfulRow:
    """Record the candidate as doubtful, saying why.

    Raises:
        BadInput: no reason; the candidate is not seated.
        AccessDenied: the actor may not do exam-day work at the candidate's center.
        DoubtRefused: the candidate has an open record already.
    """
    row = session.execute(
        select(Candidate.name, Room.center_id, TestCenter.code)
        .join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .join(Room, Room.id == SeatAssignment.room_id)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(Candidate.id == candidate_id, Candidate.exam_id == exam.id)).first()
    if row is None:
        raise BadInput(translate("Doubtful", "The candidate has no seat in exam {exam}.")
                       .format(exam=exam.code), code="doubtful-not-seated")
    name, center, code = row
    actor.require(Permission.EXAM_DAY, exam.id, center, center_code=code)
    reason = required_text(reason, _REASON_LEN, translate("Doubtful", "reason"),
                           desk="doubtful")
    if session.scalar(select(DoubtfulEntry.id).where(
            DoubtfulEntry.candidate_id == candidate_id, DoubtfulEntry.cleared_at.is_(None))):
        raise DoubtRefused(translate(
            "Doubtful", "{who} is on the doubtful list already.").format(who=name),
            code="doubtful-open")
    entry = DoubtfulEntry(exam_id=exam.id, center_id=center, candidate_id=candidate_id,
                          reason=reason, recorded_by=actor.username, confirmed_by="",
                          second_confirmed_by="")
    session.add(entry)
    session.flush()
    audit.record(session, actor, "doubtful.record", exam_id=exam.id, entity="doubtful_entry",
                 entity_id=entry.id,
                 summary=translate("Audit", "{name} let in as doubtful: {reason}").format(
                     name=name, reason=reason),
                 details={"after": {"candidate": candidate_id, "reason": reason}})
    return _rows(session, exam, ids=[entry.id])[0]


def confirm(session: Session, actor: Actor, exam: ExamRef, entry_id: int, invigilator: str
            ) -> DoubtfulRow:
    """One invigilator confirms the candidate's identity; the second (another person)
    clears the record.

    Raises:
        BadInput: no such record; no name; the same invigilator twice.
        AccessDenied: the actor may not do exam-day work at its center.
        DoubtRefused: the record is cleared already.
    """
    entry = session.get(DoubtfulEntry, entry_id)
    if entry is None or entry.exam_id != exam.id:
        raise BadInput(translate("Doubtful", "Exam {exam} has no such doubtful record.")
                       .format(exam=exam.code), code="doubtful-not-found")
    code = session.scalar(select(TestCenter.code).where(TestCenter.id == entry.center_id))
    actor.require(Permission.EXAM_DAY, exam.id, entry.center_id, center_code=code or "")
    name = required_text(invigilator, _NAME_LEN, translate("Doubtful", "invigilator's name"),
                         desk="doubtful")
    if entry.cleared_at is not None:
        raise DoubtRefused(translate("Doubtful", "This record is cleared already."),
                           code="doubtful-cleared")
    before = {"confirmed_by": entry.confirmed_by}
    if not entry.confirmed_by:
        entry.confirmed_by = name
    elif entry.confirmed_by == name:
        raise BadInput(translate("Doubtful", "{name} confirmed already: a second invigilator "
                                             "must confirm.").format(name=name),
                       code="doubtful-same-invigilator")
    else:
        entry.second_confirmed_by = name
        entry.cleared_at = utcnow()
    audit.record(session, actor, "doubtful.confirm", exam_id=exam.id,
                 entity="doubtful_entry", entity_id=entry.id,
                 summary=translate("Audit", "Identity confirmed by {name}").format(name=name),
                 details={"before": before, "after": {
                     "confirmed_by": [n for n in (entry.confirmed_by, entry.second_confirmed_by)
                                      if n], "cleared": entry.cleared_at is not None}})
    session.flush()
    return _rows(session, exam, ids=[entry.id])[0]


def entries(session: Session, exam: ExamRef, *, actor: Actor | None = None,
            center: str | None = None, open_only: bool = False) -> tuple[DoubtfulRow, ...]:
    """The doubtful records of the centers the actor sees; ``open_only``: the center's
    end-of-day list (not cleared by two invigilators).

    Raises:
        BadInput: no such center.
        AccessDenied: a center the actor may not see.
    """
    only = center_id(session, exam, center)
    if only is not None and actor is not None:
        actor.require(Permission.READ, exam.id, only, center_code=center or "")
    return _rows(session, exam, actor=actor, center=only, open_only=open_only)


def _rows(session: Session, exam: ExamRef, *, actor: Actor | None = None,
          center: int | None = None, open_only: bool = False,
          ids: Sequence[int] | None = None) -> tuple[DoubtfulRow, ...]:
    query = (select(DoubtfulEntry, Candidate.name, SeatAssignment.ticket_no,
                    SeatAssignment.seat_no, Room.code, TestCenter.code)
             .join(Candidate, Candidate.id == DoubtfulEntry.candidate_id)
             .join(TestCenter, TestCenter.id == DoubtfulEntry.center_id)
             .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
             .outerjoin(Room, Room.id == SeatAssignment.room_id)
             .where(DoubtfulEntry.exam_id == exam.id)
             .order_by(TestCenter.sort_order, TestCenter.code, DoubtfulEntry.id))
    if center is not None:
        query = query.where(DoubtfulEntry.center_id == center)
    if open_only:
        query = query.where(DoubtfulEntry.cleared_at.is_(None))
    if ids is not None:
        query = query.where(DoubtfulEntry.id.in_(list(ids)))
    if actor is not None:
        query = limited(query, DoubtfulEntry.center_id, actor.centers(exam.id))
    return tuple(DoubtfulRow(
        id=e.id, ticket=ticket or "", name=name, center=code, room=room or "",
        seat_no=seat or 0, reason=e.reason, recorded_at=e.recorded_at,
        recorded_by=e.recorded_by,
        confirmed_by=tuple(n for n in (e.confirmed_by, e.second_confirmed_by) if n),
        cleared=e.cleared_at is not None)
        for e, name, ticket, seat, room, code in session.execute(query))
