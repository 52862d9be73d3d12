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
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from examdesk.enums import DutyKind, Signature, StaffRole
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import (
    Candidate,
    Duty,
    ExamSession,
    Room,
    SeatAssignment,
    Staff,
    StaffRoleAssignment,
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
from examdesk.services.lookup import NotFound, find_candidate, find_session, find_staff
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


@dataclass(frozen=True)
class StaffChoice:
    """A staff member a recorder may name as one of a violation's two invigilators.

    Attributes:
        id: the staff member's id.
        name: the name.
        on_duty: on room duty in the candidate's room and session.
    """

    id: int
    name: str
    on_duty: bool


@dataclass(frozen=True)
class InvigilatorChoices:
    """Whom the recorder may name for a candidate's violation in a session.

    Attributes:
        room: the candidate's room, ``CENTER/ROOM``.
        choices: those on duty in the room and session (the lead first), then the center's
            other invigilators by name: those with an invigilating duty there in any
            session, and the invigilators whose home center it is.
    """

    room: str
    choices: tuple[StaffChoice, ...]

    @property
    def on_duty(self) -> tuple[int, ...]:
        """The ids of those on duty, the lead first (the record's default)."""
        return tuple(choice.id for choice in self.choices if choice.on_duty)


# Duties and roles of those who invigilate at a center.
_INVIGILATING = (DutyKind.ROOM, DutyKind.ROVING, DutyKind.RESERVE)
_INVIGILATORS = (StaffRole.INVIGILATOR, StaffRole.ROVING_INVIGILATOR)


def _seat(session: Session, exam: ExamRef, candidate: Any) -> Any:
    """(room id, seat, ticket, center id, center code, room code) of a candidate's seat.

    Raises:
        BadInput: the candidate has no seat (``violation-unseated``).
    """
    seat = session.execute(
        select(SeatAssignment.room_id, SeatAssignment.seat_no, SeatAssignment.ticket_no,
               Room.center_id, TestCenter.code, Room.code)
        .join(Room, Room.id == SeatAssignment.room_id)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(SeatAssignment.candidate_id == candidate.id)).one_or_none()
    if seat is None:
        raise BadInput(translate("Violations", "{name} has no seat in exam {exam}: a "
                                               "violation is recorded in the room.").format(
            name=candidate.label, exam=exam.code), code="violation-unseated")
    return seat


def invigilator_choices(session: Session, actor: Actor | None, exam: ExamRef, *, who: str,
                        session_code: str) -> InvigilatorChoices:
    """Whom the recorder may name as the invigilators of a candidate's violation.

    Raises:
        BadInput: a lookup fails, or the candidate has no seat.
        AccessDenied: the actor may not read the candidate's center.
    """
    candidate = find_candidate(session, exam, who, actor=actor).one()
    exam_session = find_session(session, exam, session_code).one()
    room_id, _seat_no, _ticket, center_id, center_code, room_code = _seat(session, exam,
                                                                          candidate)
    if actor is not None:
        actor.require(Permission.READ, exam.id, center_id, center_code=center_code)
    on_duty = invigilators(session, room_id, exam_session.id)
    names = dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(on_duty))).all())
    working = select(Duty.staff_id).where(Duty.center_id == center_id,
                                          Duty.kind.in_(_INVIGILATING))
    homed = (select(StaffRoleAssignment.staff_id).join(Staff)
             .where(Staff.home_center_id == center_id,
                    StaffRoleAssignment.role.in_(_INVIGILATORS)))
    others = session.execute(
        select(Staff.id, Staff.name)
        .where(Staff.exam_id == exam.id, or_(Staff.id.in_(working), Staff.id.in_(homed)),
               Staff.id.not_in(on_duty))
        .order_by(Staff.name, Staff.id)).all()
    return InvigilatorChoices(
        f"{center_code}/{room_code}",
        (*(StaffChoice(sid, names[sid], True) for sid in on_duty if sid in names),
         *(StaffChoice(sid, name, False) for sid, name in others)))


def pair_problem(chosen: Sequence[int | None], on_duty: Sequence[int]) -> str:
    """Why ``chosen`` are not a violation's two invigilators ("" when they are).

    Two different people, as the form's two signatures need; when nobody is on duty in the
    room and session (the roster has none yet), fewer may be named, as the record always
    allowed.
    """
    named = [sid for sid in chosen if sid is not None]
    if len(set(named)) < len(named):
        return translate("Violations", "The same person is named twice: a violation record "
                                       "names two different invigilators.")
    if len(named) < 2 and on_duty:
        return translate("Violations", "Name two invigilators: the record needs both "
                                       "signatures.")
    return ""


def find_invigilators(session: Session, exam: ExamRef, typed: Sequence[str],
                      choices: InvigilatorChoices | None = None) -> tuple[int, ...]:
    """The staff members that names or ID numbers name, in that order.

    A name several staff members of the exam share is taken to mean the one among
    ``choices`` (the center's), when only one of them is there.

    Raises:
        BadInput: a text names nobody (``staff-not-found``) or several (``staff-ambiguous``),
            one line naming it.
    """
    found = []
    near = {choice.id for choice in choices.choices} if choices else set()
    for text in typed:
        matches = find_staff(session, exam, text)
        if not matches.exact or not matches.found:
            raise NotFound(translate("Violations", "No staff member of exam {exam} is called "
                                                   "{text} or has that ID number.").format(
                exam=exam.code, text=text.strip()), code="staff-not-found", kind="staff",
                text=text, exam=exam.code)
        here = [match for match in matches.found if match.id in near]
        found.append(here[0].id if len(matches.found) > 1 and len(here) == 1
                     else matches.one().id)
    return tuple(found)


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
        invigilator_ids: the two invigilators (None: those on duty in the room); two
            different staff members of the exam, fewer only when nobody is on duty in the
            room and session (:func:`pair_problem`).
        signature: the candidate signed, refused, or was not asked yet (None).
        witness: the witness of a refusal to sign.
        evidence: photo files, copied into the database.

    Raises:
        BadInput: a lookup fails; the candidate has no seat or does not sit the session;
            the act is unknown; no text; a refusal without a witness; an evidence file
            cannot be read or is too large; the invigilators named are not two different
            staff members of the exam (``violation-invigilators``, ``staff-not-found``).
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
    room_id, seat_no, ticket_no, center_id, center_code, _room = _seat(session, exam, candidate)
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
    on_duty = invigilators(session, room_id, exam_session.id)
    if invigilator_ids is not None:
        _check_pair(session, exam, invigilator_ids, on_duty)
    files = [(path.name, _read_evidence(path)) for path in evidence]
    staff = list(invigilator_ids if invigilator_ids is not None else on_duty)[:2]
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
                 summary=translate("Audit", "Candidate {candidate}: {regulation} {act}")
                 .format(candidate=ticket_no or candidate.registration_no,
                         regulation=act.regulation, act=act.code),
                 details={"after": {"candidate": candidate.id, "session": exam_session.code,
                                    "act": act.code, "signature": str(signature or ""),
                                    "evidence": [name for name, _ in files]}})
    session.flush()
    return violation(session, actor, exam, row.id)


def _check_pair(session: Session, exam: ExamRef, chosen: Sequence[int],
                on_duty: Sequence[int]) -> None:
    problem = pair_problem(chosen, on_duty)
    if problem or len(chosen) > 2:
        raise BadInput(problem or translate("Violations", "A violation record names two "
                                                          "invigilators, not {count}.").format(
            count=len(chosen)), code="violation-invigilators")
    known = set(session.scalars(select(Staff.id).where(Staff.exam_id == exam.id,
                                                       Staff.id.in_(chosen))))
    for sid in chosen:
        if sid not in known:
            raise BadInput(translate("Violations", "Exam {exam} has no staff member {id}.")
                           .format(exam=exam.code, id=sid), code="staff-not-found", id=sid)


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
                 entity_id=violation_id,
                 summary=(translate("Audit", "Candidate {candidate} refused to sign")
                          if signature is Signature.REFUSED
                          else translate("Audit", "Candidate {candidate} signed")).format(
                     candidate=shown.ticket_no),
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
        ViolationRow(v.id, v.occurred_at, code, name or "", center, center_name, room or "",
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
