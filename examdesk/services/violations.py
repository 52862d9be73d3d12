"""Candidates' violations on exam day, coded to the regulation (issue 14).

The recorder picks the act from the regulation's list (the ``violation_acts`` table, seeded
by migration 0012 from 人社部令第31号; docs/violations.md); the consequence follows from the
act. A record holds the time, session, room, seat and ticket (as they were), the candidate,
the evidence (text, and photo files kept in the database so that every desk sees them), the
two invigilators on duty in that room and session, and the candidate's signature or
refusal to sign before a witness. Recording needs the exam-day permission at the
candidate's test center, and is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from examdesk.enums import DutyKind, Signature
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import (
    Candidate,
    Duty,
    ExamSession,
    Room,
    SeatAssignment,
    Staff,
    TestCenter,
    Violation,
    ViolationAct,
    ViolationEvidence,
    candidate_subjects,
    session_subjects,
)
from examdesk.model.base import utcnow
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.lookup import find_candidate, find_session
from examdesk.services.scope import limited, visible_centers

# The largest evidence file kept (a phone photo is a few megabytes).
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Act:
    """One act of the regulation's list.

    Attributes:
        id: its row.
        regulation: the regulation (人社部令第31号).
        code: what the recorder types (6.1 is 第六条第(一)项).
        article, item: the article and item.
        wording: the act.
        consequence: what follows from it.
        consequence_code: subject_void, all_void_5y, all_void_long or removed.
    """

    id: int
    regulation: str
    code: str
    article: int
    item: int
    wording: str
    consequence: str
    consequence_code: str

    @property
    def citation(self) -> str:
        """第六条第（一）项, as the form cites it."""
        return citation(self.article, self.item)


def citation(article: int, item: int) -> str:
    """An article and item as the forms cite them: 第六条第（一）项."""
    return f"第{_chinese(article)}条第（{_chinese(item)}）项"


def _chinese(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


@dataclass(frozen=True)
class ViolationRow:
    """A recorded violation, as lists and the form show it.

    Attributes:
        id: the record's number.
        occurred_at: when it happened.
        session: the session's code; session_name its name.
        center, center_name: the test center; room: the room's code ("" when not seated).
        seat_no, ticket_no: the seat and ticket at the time.
        candidate_id, name, registration_no, id_number: the candidate.
        act: the act and its consequence.
        description: what was seen (the evidence in words).
        invigilators: the names of the two invigilators ("" when nobody is on duty).
        signature: signed, refused (a witness named) or None (not asked yet).
        witness: the witness of a refusal.
        evidence: the names of the evidence files.
        recorded_by: who recorded it.
        version: the row's version, which a later signature compares.
    """

    id: int
    occurred_at: datetime
    session: str
    session_name: str
    center: str
    center_name: str
    room: str
    seat_no: int
    ticket_no: str
    candidate_id: int
    name: str
    registration_no: str
    id_number: str
    act: Act
    description: str
    invigilators: tuple[str, str]
    signature: Signature | None
    witness: str
    evidence: tuple[str, ...]
    recorded_by: str
    version: int = 0


def aware(moment: datetime) -> datetime:
    """A stored time with its zone (SQLite gives back the UTC it stored, without it)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _act(row: ViolationAct) -> Act:
    return Act(row.id, row.regulation, row.code, row.article, row.item, row.wording,
               row.consequence, row.consequence_code)


def acts(session: Session) -> tuple[Act, ...]:
    """The acts in force (not retired), by article and item."""
    return tuple(_act(row) for row in session.scalars(
        select(ViolationAct).where(ViolationAct.retired.is_(False))
        .order_by(ViolationAct.regulation, ViolationAct.article, ViolationAct.item)))


def find_act(session: Session, code: str) -> Act:
    """The act in force with that code (6.1, also 6-1 or 6（1）).

    Raises:
        BadInput: no act in force has that code (code ``violation-act``, ``known`` lists
            the codes).
    """
    typed = (code.strip().replace("-", ".").replace("（", ".").replace("(", ".")
             .replace("）", "").replace(")", ""))
    known = acts(session)
    for act in known:
        if act.code == typed:
            return act
    raise BadInput(translate("Violations", "The regulation has no act {code}; the acts are "
                                           "{codes}.").format(
        code=code.strip(), codes=", ".join(a.code for a in known)),
        code="violation-act", text=code, known=tuple(a.code for a in known))


def invigilators(session: Session, room_id: int, session_id: int) -> tuple[int, ...]:
    """The staff on room duty in that room and session, the lead first."""
    return tuple(session.scalars(
        select(Duty.staff_id).where(Duty.room_id == room_id, Duty.session_id == session_id,
                                    Duty.kind == DutyKind.ROOM)
        .order_by(Duty.is_lead.desc(), Duty.id)))


def record_violation(session: Session, actor: Actor, exam: ExamRef, *, who: str,
                     session_code: str, act_code: str, description: str,
                     occurred_at: datetime | None = None,
                     invigilator_ids: Sequence[int] | None = None,
                     signature: Signature | None = None, witness: str = "",
                     evidence: Sequence[Path] = ()) -> ViolationRow:
    """Record a candidate's violation.

    Args:
        session: the caller's session (a write).
        actor: who records it.
        exam: the exam.
        who: the candidate's ticket, ID or registration number (or name, when it is unique).
        session_code: the session's code or name.
        act_code: the act's code in the regulation's list.
        description: what was seen.
        occurred_at: when (None: now).
        invigilator_ids: the two invigilators (None: those on duty in the room).
        signature: the candidate signed, refused, or was not asked yet (None).
        witness: the witness of a refusal to sign.
        evidence: photo files, copied into the database.

    Raises:
        BadInput: a lookup fails; the candidate has no seat or does not sit the session;
            the act is unknown; no text; a refusal without a witness; an evidence file
            cannot be read or is too large.
        AccessDenied: the actor may not do exam-day work at the candidate's center.
    """
    text = description.strip()
    if not text:
        raise BadInput(translate("Violations", "Describe what was seen."),
                       code="violation-text")
    if signature is Signature.REFUSED and not witness.strip():
        raise BadInput(translate("Violations", "A refusal to sign needs a witness: name them."),
                       code="violation-witness")
    candidate = find_candidate(session, exam, who, actor=actor).one()
    exam_session = find_session(session, exam, session_code).one()
    act = find_act(session, act_code)
    seat = session.execute(
        select(SeatAssignment.room_id, SeatAssignment.seat_no, SeatAssignment.ticket_no,
               Room.center_id, TestCenter.code)
        .join(Room, Room.id == SeatAssignment.room_id)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(SeatAssignment.candidate_id == candidate.id)).one_or_none()
    if seat is None:
        raise BadInput(translate("Violations", "{name} has no seat in exam {exam}: a "
                                               "violation is recorded in the room.").format(
            name=candidate.label, exam=exam.code), code="violation-unseated")
    room_id, seat_no, ticket_no, center_id, center_code = seat
    actor.require(Permission.EXAM_DAY, exam.id, center_id, center_code=center_code)
    sits = session.scalar(
        select(candidate_subjects.c.subject_id)
        .join(session_subjects, session_subjects.c.subject_id == candidate_subjects.c.subject_id)
        .where(candidate_subjects.c.candidate_id == candidate.id,
               session_subjects.c.session_id == exam_session.id).limit(1))
    if sits is None:
        raise BadInput(translate("Violations", "{name} does not sit session {session}.")
                       .format(name=candidate.label, session=exam_session.code),
                       code="violation-session", session=exam_session.code)
    files = [(path.name, _read_evidence(path)) for path in evidence]
    staff = list(invigilator_ids if invigilator_ids is not None
                 else invigilators(session, room_id, exam_session.id))[:2]
    row = Violation(
        exam_id=exam.id, session_id=exam_session.id, center_id=center_id, room_id=room_id,
        seat_no=seat_no, ticket_no=ticket_no or "", candidate_id=candidate.id, act_id=act.id,
        occurred_at=occurred_at or utcnow(), description=text,
        invigilator1_id=staff[0] if staff else None,
        invigilator2_id=staff[1] if len(staff) > 1 else None,
        signature=signature, witness=witness.strip(), recorded_by=actor.username)
    session.add(row)
    session.flush()
    for name, data in files:
        session.add(ViolationEvidence(violation_id=row.id, file_name=name, data=data))
    audit.record(session, actor, "violation.add", exam_id=exam.id, entity="violation",
                 entity_id=row.id,
                 summary=f"{ticket_no or candidate.registration_no} {act.regulation} "
                         f"{act.code}",
                 details={"after": {"candidate": candidate.id, "session": exam_session.code,
                                    "act": act.code, "signature": str(signature or ""),
                                    "evidence": [name for name, _ in files]}})
    session.flush()
    return violation(session, actor, exam, row.id)


def sign_violation(session: Session, actor: Actor, exam: ExamRef, violation_id: int, *,
                   signature: Signature, witness: str = "",
                   version: int | None = None) -> ViolationRow:
    """Record the candidate's signature, or refusal before a witness, after the record.

    Args:
        version: the record's version the form read (None: not compared).

    Raises:
        BadInput: no such record (``no-violation``); a refusal without a witness.
        AccessDenied: the actor may not do exam-day work at its center.
        EditConflict: someone changed the record after the form read it.
    """
    row = session.get(Violation, violation_id)
    if row is None or row.exam_id != exam.id:
        raise BadInput(translate("Violations", "Exam {exam} has no violation record "
                                               "{id}.").format(exam=exam.code, id=violation_id),
                       code="no-violation", id=violation_id)
    shown = violation(session, actor, exam, violation_id)
    actor.require(Permission.EXAM_DAY, exam.id, row.center_id, center_code=shown.center)
    if signature is Signature.REFUSED and not witness.strip():
        raise BadInput(translate("Violations", "A refusal to sign needs a witness: name them."),
                       code="violation-witness")
    versions.check_version(session, Violation, violation_id, version, exam_id=exam.id,
                           about=[("violation", violation_id)],
                           what=f"违纪记录 {violation_id}",
                           current=str(row.signature or "") + " " + row.witness)
    before = {"signature": str(row.signature or ""), "witness": row.witness}
    row.signature = signature
    row.witness = witness.strip() if signature is Signature.REFUSED else ""
    session.flush()
    audit.record(session, actor, "violation.sign", exam_id=exam.id, entity="violation",
                 entity_id=violation_id, summary=f"{shown.ticket_no} {signature}",
                 details={"before": before, "after": {"signature": str(signature),
                                                      "witness": row.witness}})
    session.expire(row)
    return violation(session, actor, exam, violation_id)


def _read_evidence(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(translate("Violations", "Cannot read the evidence file {path}: "
                                               "{reason}").format(path=path,
                                                                  reason=error.strerror),
                       code="violation-evidence", path=str(path)) from error
    if len(data) > MAX_EVIDENCE_BYTES:
        raise BadInput(translate("Violations", "The evidence file {path} is larger than "
                                               "{limit} MB; keep a smaller photo.").format(
            path=path, limit=MAX_EVIDENCE_BYTES // (1024 * 1024)),
            code="violation-evidence", path=str(path))
    return data


def _rows(session: Session, exam: ExamRef, centers: frozenset[int] | None,
          ids: Sequence[int] | None = None) -> tuple[ViolationRow, ...]:
    first, second = aliased(Staff), aliased(Staff)
    query = (select(Violation, ViolationAct, ExamSession.code, ExamSession.name,
                    TestCenter.code, TestCenter.name, Room.code, Candidate.name,
                    Candidate.registration_no, Candidate.id_number, first.name, second.name)
             .join(ViolationAct, ViolationAct.id == Violation.act_id)
             .join(ExamSession, ExamSession.id == Violation.session_id)
             .join(TestCenter, TestCenter.id == Violation.center_id)
             .join(Candidate, Candidate.id == Violation.candidate_id)
             .outerjoin(Room, Room.id == Violation.room_id)
             .outerjoin(first, first.id == Violation.invigilator1_id)
             .outerjoin(second, second.id == Violation.invigilator2_id)
             .where(Violation.exam_id == exam.id).order_by(Violation.occurred_at, Violation.id))
    query = limited(query, Violation.center_id, centers)
    if ids is not None:
        query = query.where(Violation.id.in_(ids))
    found = session.execute(query).all()
    files: dict[int, list[str]] = {}
    for violation_id, name in session.execute(
            select(ViolationEvidence.violation_id, ViolationEvidence.file_name)
            .where(ViolationEvidence.violation_id.in_([r[0].id for r in found]))
            .order_by(ViolationEvidence.id)):
        files.setdefault(violation_id, []).append(name)
    return tuple(
        ViolationRow(v.id, aware(v.occurred_at), code, name or "", center, center_name, room or "",
                     v.seat_no, v.ticket_no, v.candidate_id, candidate, registration,
                     id_number, _act(act), v.description, (lead or "", other or ""),
                     v.signature, v.witness, tuple(files.get(v.id, ())), v.recorded_by,
                     v.version)
        for (v, act, code, name, center, center_name, room, candidate, registration,
             id_number, lead, other) in found)


def violations(session: Session, actor: Actor | None, exam: ExamRef) -> tuple[ViolationRow, ...]:
    """The exam's violations at the centers the actor may see, in time order."""
    return _rows(session, exam, visible_centers(actor, exam))


def violation(session: Session, actor: Actor | None, exam: ExamRef,
              violation_id: int) -> ViolationRow:
    """One violation record.

    Raises:
        BadInput: the exam has no such record the actor may see (code ``no-violation``).
    """
    found = _rows(session, exam, visible_centers(actor, exam), ids=[violation_id])
    if not found:
        raise BadInput(translate("Violations", "Exam {exam} has no violation record "
                                               "{id}.").format(exam=exam.code, id=violation_id),
                       code="no-violation", id=violation_id)
    return found[0]


def evidence_files(session: Session, actor: Actor | None, exam: ExamRef,
                   violation_id: int) -> tuple[tuple[str, bytes], ...]:
    """The evidence files of a record (name, bytes).

    Raises:
        BadInput: the exam has no such record the actor may see (code ``no-violation``).
    """
    if not _rows(session, exam, visible_centers(actor, exam), ids=[violation_id]):
        violation(session, None, exam, -1)  # raises no-violation
    return tuple((name, bytes(data)) for name, data in session.execute(
        select(ViolationEvidence.file_name, ViolationEvidence.data)
        .where(ViolationEvidence.violation_id == violation_id).order_by(ViolationEvidence.id)))


def printable_violation(session: Session, actor: Actor, exam: ExamRef,
                        violation_id: int) -> ViolationRow:
    """A violation record to print: it names the candidate, so printing it needs the
    personal-data print permission at its center.

    Raises:
        BadInput: no such record the actor may see (``no-violation``).
        AccessDenied: the actor may not print personal data at its center.
    """
    row = violation(session, actor, exam, violation_id)
    center = session.scalar(select(Violation.center_id).where(Violation.id == violation_id))
    actor.require(Permission.PRINT_PERSONAL, exam.id, center, center_code=row.center)
    return row
