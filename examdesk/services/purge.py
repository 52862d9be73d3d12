"""Purge a closed exam's personal data: ID numbers, phones and photos go, the statistics stay.

An exam is closed once the day of its last session is past: from the next day on, nothing of
it is printed or changed any more, and the personal data it needed (PIPL: kept no longer than
the purpose needs) can go. Its people, seats, duties and counts stay, so ``stats`` reads the
same; each ID number becomes a placeholder unique in the exam (``已清除-123``: the column is
required and unique), phones are emptied, photos (registration, evidence and those the
temporary ID desk took), the staff's relatives (their ID numbers) and the temporary
certificates' ID numbers go.

The audit trail keeps who did what, but its events of this exam recorded personal values in
their details (an edited phone, a deleted candidate's ID number): the purge blanks those
values, and only those. It is the one operation in ExamDesk that touches an earlier event
(tests/core/test_audit_trail.py allows it this file only), and its own event says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    CursorResult,
    String,
    Table,
    bindparam,
    cast,
    delete,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import (
    AuditEvent,
    Candidate,
    CandidatePhoto,
    ExamSession,
    HotlineCall,
    Staff,
    StaffRelative,
    TempIdCertificate,
    Violation,
    ViolationEvidence,
)
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef

#: What a purged value becomes.
BLANK = "已清除"
#: The details' keys whose values are personal (the services' own field names).
PERSONAL_KEYS = frozenset({"id_number", "phone", "relatives", "id_numbers", "photo",
                           "mobile", "relative"})
# An ID number (18 characters, the last a digit or X) or a mobile number, inside any text.
_PERSONAL_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|1\d{10})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed.

    Attributes:
        exam: the exam's code.
        candidates: candidates whose ID number and phone were removed.
        staff: staff members whose ID number and phone were removed.
        photos: photos deleted (registration, evidence and desk photos).
        relatives: staff relatives' ID numbers deleted.
        certificates: temporary certificates whose ID number was removed.
        events: audit events whose details held personal values, blanked.
    """

    exam: str
    candidates: int
    staff: int
    photos: int
    relatives: int
    certificates: int
    events: int


def last_session_day(session: Session, exam: ExamRef) -> date | None:
    """The day of the exam's last session (None: it has no session)."""
    return session.scalar(select(func.max(ExamSession.date))
                          .where(ExamSession.exam_id == exam.id))


def purgeable_from(session: Session, exam: ExamRef) -> date | None:
    """The first day the exam may be purged: the day after its last session (None: it has
    no session, so it was never held)."""
    last = last_session_day(session, exam)
    return None if last is None else last + timedelta(days=1)


def purge_exam(session: Session, actor: Actor, exam: ExamRef, *,
               today: date | None = None) -> PurgeResult:
    """Remove the closed exam's ID numbers, phones and photos; blank them in its events.

    Args:
        session: the caller's writing session.
        actor: who purges (logged; they must be allowed to change the whole exam's plan).
        exam: the exam.
        today: the local day (default: today), which must be after the last session's.

    Raises:
        AccessDenied: the actor may not.
        BadInput: the exam is not closed yet (code ``exam-open``, field ``purgeable_from``),
            or has no session (code ``exam-never-held``).
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    today = today or date.today()
    first = purgeable_from(session, exam)
    if first is None:
        raise BadInput(translate(
            "Purge", "Exam {exam} has no session, so it was never held; there is nothing "
                     "to purge after it.").format(exam=exam.code),
            code="exam-never-held", exam=exam.code)
    if today < first:
        raise BadInput(translate(
            "Purge", "Exam {exam} is not over: its last session is on {last}; its personal "
                     "data may be purged from {first} on.").format(
            exam=exam.code, last=first - timedelta(days=1), first=first),
            code="exam-open", exam=exam.code, purgeable_from=first.isoformat())

    candidates = select(Candidate.id).where(Candidate.exam_id == exam.id).scalar_subquery()
    people = select(Staff.id).where(Staff.exam_id == exam.id).scalar_subquery()
    photos = _rows(session, delete(CandidatePhoto).where(
        CandidatePhoto.candidate_id.in_(candidates)))
    # the photos kept as evidence of violations go with them (docs/violations.md)
    photos += _rows(session, delete(ViolationEvidence).where(ViolationEvidence.violation_id.in_(
        select(Violation.id).where(Violation.exam_id == exam.id).scalar_subquery())))
    # and the photos the temporary ID desk took (the certificates stay, as issued)
    photos += _rows(session, update(TempIdCertificate).where(
        TempIdCertificate.exam_id == exam.id, TempIdCertificate.photo.is_not(None))
        .values(photo=None))
    relatives = _rows(session, delete(StaffRelative).where(
        StaffRelative.staff_id.in_(people)))
    purged_candidates = _rows(
        session, update(Candidate).where(Candidate.exam_id == exam.id)
        .values(id_number=_placeholder(Candidate.id), phone=""))
    purged_staff = _rows(
        session, update(Staff).where(Staff.exam_id == exam.id)
        .values(id_number=_placeholder(Staff.id), phone=""))
    certificates = _rows(
        session, update(TempIdCertificate).where(TempIdCertificate.exam_id == exam.id)
        .values(id_number=BLANK))
    # the hotline's callers are people too: their phones go, the topics stay (statistics)
    _rows(session, update(HotlineCall).where(HotlineCall.exam_id == exam.id)
          .values(caller_phone=""))
    events = _redact_events(session, exam)
    result = PurgeResult(exam.code, purged_candidates, purged_staff, photos, relatives,
                         certificates, events)
    audit.record(
        session, actor, "exam.purge", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Purged the personal data of {exam}: ID numbers, phones "
                                   "and photos; personal values blanked in {events} earlier "
                                   "audit events").format(exam=exam.code, events=events),
        details={"candidates": purged_candidates, "staff": purged_staff, "photos": photos,
                 "relatives": relatives, "certificates": certificates,
                 "audit_events_redacted": events})
    return result


def _rows(session: Session, statement: Any) -> int:
    """Run an UPDATE or DELETE; how many rows it changed."""
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return int(result.rowcount)


def _placeholder(key: Any) -> Any:
    """``已清除-<id>``: unique in the exam, as the ID number column must be."""
    return literal(f"{BLANK}-", String) + cast(key, String)


def redacted(value: Any, key: str = "") -> Any:
    """``value`` (an event's details, or part of them) with its personal values blanked."""
    if key in PERSONAL_KEYS and value not in (None, "", [], {}):
        if isinstance(value, list):
            return [BLANK if v not in (None, "") else v for v in value]
        return BLANK
    if isinstance(value, dict):
        return {k: redacted(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [redacted(v, key) for v in value]
    if isinstance(value, str):
        return _PERSONAL_TEXT.sub(BLANK, value)
    return value


def _redact_events(session: Session, exam: ExamRef, batch: int = 5000) -> int:
    """Blank the personal values in the exam's events' details and summaries, a batch at a
    time (a provincial trail holds hundreds of thousands); how many events changed."""
    table: Table = AuditEvent.__table__  # type: ignore[assignment]
    rewrite = (update(table).where(table.c.id == bindparam("event"))
               .values(summary=bindparam("summary"), details=bindparam("details")))
    count, after = 0, 0
    while True:
        read = session.execute(
            select(AuditEvent.id, AuditEvent.summary, AuditEvent.details)
            .where(AuditEvent.exam_id == exam.id, AuditEvent.id > after)
            .order_by(AuditEvent.id).limit(batch)).all()
        if not read:
            return count
        changed: list[dict[str, Any]] = []
        for event_id, summary, details in read:
            new_details, new_summary = redacted(details or {}), redacted(summary or "")
            if new_details != (details or {}) or new_summary != (summary or ""):
                changed.append({"event": event_id, "summary": new_summary,
                                "details": new_details})
        if changed:
            session.connection().execute(rewrite, changed)
        count += len(changed)
        after = read[-1].id
