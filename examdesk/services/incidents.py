"""Exam-day incidents other than violations, and the medical post's log (issue 14).

An incident (身体不适/医疗, 试卷或答题卡问题, 停电或设备, 舆情, 其他) has a time, a
session, a room or center, the people concerned, a description, the action taken, who
reported it and a status (open until someone closes it). The medical post logs who was
treated, when, for what, the outcome and whether the candidate went back to the room.
Writing needs the exam-day permission at the center concerned (the whole exam when no
room is named), and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.enums import IncidentKind, IncidentStatus
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import (
    ExamSession,
    Incident,
    MedicalVisit,
    Room,
    TestCenter,
    User,
    Violation,
)
from examdesk.model.base import utcnow
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.lookup import find_candidate, find_center, find_room, find_session
from examdesk.services.scope import limited, visible_centers

# The words staff use for the kinds (data, as the exports and forms write them).
KIND_LABELS: dict[IncidentKind, str] = {
    IncidentKind.MEDICAL: "身体不适/医疗",
    IncidentKind.PAPER: "试卷或答题卡问题",
    IncidentKind.EQUIPMENT: "停电或设备",
    IncidentKind.PUBLIC_OPINION: "舆情",
    IncidentKind.OTHER: "其他",
}

STATUS_LABELS: dict[IncidentStatus, str] = {
    IncidentStatus.OPEN: "未结",
    IncidentStatus.CLOSED: "已结",
}


def parse_kind(text: str) -> IncidentKind:
    """A kind from its value (medical), its label or a part of it (医疗, 停电, 试卷).

    Raises:
        BadInput: no kind matches (code ``incident-kind``, ``known`` lists them).
    """
    typed = text.strip()
    for kind, label in KIND_LABELS.items():
        if typed.casefold() == kind.value or typed == label:
            return kind
    parts = [kind for kind, label in KIND_LABELS.items() if typed and typed in label]
    if len(set(parts)) == 1:
        return parts[0]
    known = tuple(f"{kind.value} ({label})" for kind, label in KIND_LABELS.items())
    raise BadInput(translate("Incidents", "{kind} is not a kind of incident; the kinds are "
                                          "{kinds}.").format(kind=typed, kinds=", ".join(known)),
                   code="incident-kind", text=text, known=known)


@dataclass(frozen=True)
class IncidentRow:
    """An incident as the list shows it.

    Attributes:
        id: its number.
        kind: what kind; kind_label its Chinese label.
        occurred_at: when.
        session: the session's code ("" when none).
        center, room: the test center and room codes ("" when none).
        people: the people concerned (names, tickets).
        description, action_taken: what happened and what was done.
        reported_by: who reported it.
        status: open or closed; closed_at, closed_by when closed.
    """

    id: int
    kind: IncidentKind
    kind_label: str
    occurred_at: datetime
    session: str
    center: str
    room: str
    people: str
    description: str
    action_taken: str
    reported_by: str
    status: IncidentStatus
    closed_at: datetime | None
    closed_by: str
    version: int = 0

    def as_json(self) -> dict[str, object]:
        """The fields `incident list --json` prints."""
        return {"id": self.id, "kind": self.kind.value, "kind_label": self.kind_label,
                "occurred_at": self.occurred_at.isoformat(), "session": self.session,
                "center": self.center, "room": self.room, "people": self.people,
                "description": self.description, "action_taken": self.action_taken,
                "reported_by": self.reported_by, "status": self.status.value,
                "closed_at": self.closed_at.isoformat() if self.closed_at else None,
                "closed_by": self.closed_by}


def _user_id(session: Session, actor: Actor) -> int | None:
    if actor.user_id is not None:
        return actor.user_id
    return session.scalar(select(User.id).where(User.username == actor.username))


def add_incident(session: Session, actor: Actor, exam: ExamRef, *, kind: IncidentKind,
                 session_code: str, description: str, room: str | None = None,
                 who: str | None = None, people: str = "", action_taken: str = "",
                 occurred_at: datetime | None = None) -> IncidentRow:
    """Record an incident.

    Args:
        session: the caller's session (a write).
        actor: who reports it.
        exam: the exam.
        kind: what kind.
        session_code: the session's code or name.
        description: what happened.
        room: CENTER/ROOM (or ROOM when unique), None: the center of a desk that works at
            one center, else the exam as a whole.
        who: a candidate concerned (ticket, ID or registration number); their room is the
            incident's when no room is named.
        people: other people concerned, as written.
        action_taken: what was done.
        occurred_at: when (None: now).

    Raises:
        BadInput: no text; a lookup fails.
        AccessDenied: the actor may not do exam-day work at that center (or, with neither
            room nor candidate, in the whole exam).
    """
    text = description.strip()
    if not text:
        raise BadInput(translate("Incidents", "Describe what happened."),
                       code="incident-text")
    exam_session = find_session(session, exam, session_code).one()
    room_id: int | None = None
    center_id: int | None = None
    center_code = ""
    if room:
        found = find_room(session, exam, room).one()
        room_id, center_id, center_code = found.id, found.center_id, found.center
    candidate_id: int | None = None
    names = [people.strip()] if people.strip() else []
    if who:
        candidate = find_candidate(session, exam, who, actor=actor).one()
        candidate_id = candidate.id
        names.insert(0, f"{candidate.name}（{candidate.ticket_no or candidate.registration_no}）")
        if room_id is None and candidate.room:
            seat_room = find_room(session, exam, f"{candidate.center}/{candidate.room}").one()
            room_id, center_id, center_code = seat_room.id, seat_room.center_id, seat_room.center
    if center_id is None:  # a desk of one center reports at its center
        own = actor.centers(exam.id, Permission.EXAM_DAY)
        if own is not None and len(own) == 1:
            center_id = next(iter(own))
            center_code = session.scalar(select(TestCenter.code)
                                         .where(TestCenter.id == center_id)) or ""
    actor.require(Permission.EXAM_DAY, exam.id, center_id, center_code=center_code)
    row = Incident(exam_id=exam.id, center_id=center_id, room_id=room_id,
                   session_id=exam_session.id, candidate_id=candidate_id, kind=kind,
                   people="；".join(names), description=text,
                   action_taken=action_taken.strip(), occurred_at=occurred_at or utcnow(),
                   reported_by=actor.username, reported_by_id=_user_id(session, actor),
                   status=IncidentStatus.OPEN, closed_by="")
    session.add(row)
    session.flush()
    audit.record(session, actor, "incident.add", exam_id=exam.id, entity="incident",
                 entity_id=row.id,
                 summary=translate("Audit", "{kind} at center {center}").format(
                     kind=KIND_LABELS[kind], center=center_code),
                 details={"after": {"kind": kind.value, "session": exam_session.code,
                                    "room": room or "", "candidate": candidate_id,
                                    "description": text}})
    return incident(session, actor, exam, row.id)


def close_incident(session: Session, actor: Actor, exam: ExamRef, incident_id: int, *,
                   action_taken: str = "", version: int | None = None) -> IncidentRow:
    """Close an open incident (adding what was done, if given); ``version``: the one the
    form read (None: not compared; an EditConflict when someone changed it since).

    Raises:
        BadInput: no such incident (``no-incident``) or already closed (``incident-closed``).
        AccessDenied: the actor may not do exam-day work at its center.
    """
    row = session.get(Incident, incident_id)
    if row is None or row.exam_id != exam.id:
        raise _no_incident(exam, incident_id)
    center_code = (session.scalar(select(TestCenter.code).where(TestCenter.id == row.center_id))
                   if row.center_id is not None else "")
    actor.require(Permission.EXAM_DAY, exam.id, row.center_id, center_code=center_code or "")
    if row.status is IncidentStatus.CLOSED:
        raise BadInput(translate("Incidents", "Incident {id} was closed already by {user}.")
                       .format(id=incident_id, user=row.closed_by or "-"),
                       code="incident-closed", id=incident_id)
    versions.check_version(session, Incident, incident_id, version, exam_id=exam.id,
                           about=[("incident", incident_id)], what=f"事件 {incident_id}",
                           current=row.description)
    before = {"status": row.status.value, "action_taken": row.action_taken}
    row.status = IncidentStatus.CLOSED
    row.closed_at = utcnow()
    row.closed_by = actor.username
    if action_taken.strip():
        row.action_taken = "\n".join(t for t in (row.action_taken, action_taken.strip()) if t)
    session.flush()
    audit.record(session, actor, "incident.close", exam_id=exam.id, entity="incident",
                 entity_id=row.id,
                 summary=translate("Audit", "Closed: {kind}").format(kind=KIND_LABELS[row.kind]),
                 details={"before": before, "after": {"status": row.status.value,
                                                      "action_taken": row.action_taken}})
    session.expire(row)  # the trigger moved its version
    return incident(session, actor, exam, incident_id)


def _no_incident(exam: ExamRef, incident_id: int) -> BadInput:
    return BadInput(translate("Incidents", "Exam {exam} has no incident {id}.").format(
        exam=exam.code, id=incident_id), code="no-incident", id=incident_id)


def _incident_rows(session: Session, exam: ExamRef, centers: frozenset[int] | None,
                   ids: list[int] | None = None) -> tuple[IncidentRow, ...]:
    query = (select(Incident, ExamSession.code, TestCenter.code, Room.code)
             .outerjoin(ExamSession, ExamSession.id == Incident.session_id)
             .outerjoin(TestCenter, TestCenter.id == Incident.center_id)
             .outerjoin(Room, Room.id == Incident.room_id)
             .where(Incident.exam_id == exam.id).order_by(Incident.occurred_at, Incident.id))
    if centers is not None:
        query = query.where(Incident.center_id.in_(sorted(centers)))
    if ids is not None:
        query = query.where(Incident.id.in_(ids))
    return tuple(
        IncidentRow(row.id, row.kind, KIND_LABELS[row.kind], row.occurred_at, code or "",
                    center or "", room or "", row.people, row.description, row.action_taken,
                    row.reported_by, row.status,
                    row.closed_at, row.closed_by,
                    row.version)
        for row, code, center, room in session.execute(query))


def incidents(session: Session, actor: Actor | None, exam: ExamRef) -> tuple[IncidentRow, ...]:
    """The exam's incidents the actor may see (a center desk: its center's), in time order."""
    return _incident_rows(session, exam, visible_centers(actor, exam))


def incident(session: Session, actor: Actor | None, exam: ExamRef,
             incident_id: int) -> IncidentRow:
    """One incident.

    Raises:
        BadInput: no such incident the actor may see (``no-incident``).
    """
    found = _incident_rows(session, exam, visible_centers(actor, exam), [incident_id])
    if not found:
        raise _no_incident(exam, incident_id)
    return found[0]


@dataclass(frozen=True)
class MedicalRow:
    """One line of the medical post's log.

    Attributes:
        id: its number.
        center: the test center's code.
        session: the session's code ("" when none).
        person: who was treated (name, ticket).
        treated_at: when.
        complaint: what for; outcome: how it ended.
        returned: whether the candidate went back to the room (None: not a candidate or
            not known).
        recorded_by: who wrote it.
    """

    id: int
    center: str
    session: str
    person: str
    treated_at: datetime
    complaint: str
    outcome: str
    returned: bool | None
    recorded_by: str


def add_medical_visit(session: Session, actor: Actor, exam: ExamRef, *, center: str,
                      complaint: str, person: str = "", who: str | None = None,
                      session_code: str | None = None, outcome: str = "",
                      returned: bool | None = None,
                      treated_at: datetime | None = None) -> MedicalRow:
    """Log a treatment at a center's medical post.

    Args:
        center: the test center's code (or name).
        complaint: what was treated.
        person: who, as written (staff, a parent...); with ``who``, the candidate's name.
        who: a candidate (ticket, ID or registration number).
        session_code: the session it happened in, if any.
        outcome, returned: how it ended; whether the candidate went back to the room.

    Raises:
        BadInput: no complaint, nobody named, a lookup fails.
        AccessDenied: the actor may not do exam-day work at the center.
    """
    if not complaint.strip():
        raise BadInput(translate("Incidents", "Say what was treated."), code="medical-text")
    found = find_center(session, exam, center).one()
    actor.require(Permission.EXAM_DAY, exam.id, found.id, center_code=found.code)
    candidate_id: int | None = None
    name = person.strip()
    if who:
        candidate = find_candidate(session, exam, who, actor=actor).one()
        candidate_id = candidate.id
        name = f"{candidate.name}（{candidate.ticket_no or candidate.registration_no}）"
    if not name:
        raise BadInput(translate("Incidents", "Name who was treated."), code="medical-person")
    session_id = (find_session(session, exam, session_code).one().id if session_code
                  else None)
    row = MedicalVisit(exam_id=exam.id, center_id=found.id, session_id=session_id,
                       candidate_id=candidate_id, person=name,
                       treated_at=treated_at or utcnow(), complaint=complaint.strip(),
                       outcome=outcome.strip(), returned=returned, recorded_by=actor.username)
    session.add(row)
    session.flush()
    audit.record(session, actor, "medical.add", exam_id=exam.id, entity="medical_visit",
                 entity_id=row.id,
                 summary=translate("Audit", "{person} treated at center {center}").format(
                     person=name, center=found.code),
                 details={"after": {"person": name, "candidate": candidate_id,
                                    "complaint": row.complaint, "outcome": row.outcome,
                                    "returned": returned}})
    return medical_log(session, actor, exam, ids=[row.id])[0]


def medical_log(session: Session, actor: Actor | None, exam: ExamRef, *,
                ids: list[int] | None = None) -> tuple[MedicalRow, ...]:
    """The medical posts' log at the centers the actor may see, in time order."""
    query = (select(MedicalVisit, TestCenter.code, ExamSession.code)
             .join(TestCenter, TestCenter.id == MedicalVisit.center_id)
             .outerjoin(ExamSession, ExamSession.id == MedicalVisit.session_id)
             .where(MedicalVisit.exam_id == exam.id)
             .order_by(MedicalVisit.treated_at, MedicalVisit.id))
    query = limited(query, MedicalVisit.center_id, visible_centers(actor, exam))
    if ids is not None:
        query = query.where(MedicalVisit.id.in_(ids))
    return tuple(MedicalRow(row.id, center, code or "", row.person, row.treated_at,
                            row.complaint, row.outcome, row.returned, row.recorded_by)
                 for row, center, code in session.execute(query))




@dataclass(frozen=True)
class CenterCounts:
    """What the exam day's record holds for one test center (for a board).

    Attributes:
        violations: violations recorded.
        open_incidents: incidents not yet closed.
        medical: treatments logged.
    """

    violations: int = 0
    open_incidents: int = 0
    medical: int = 0


def center_counts(session: Session, actor: Actor | None, exam: ExamRef
                  ) -> dict[str, CenterCounts]:
    """Per test center code (those the actor may see): violations, open incidents and
    treatments; centers with none are left out (an incident of the whole exam counts
    under "")."""
    centers = visible_centers(actor, exam)
    counts: dict[str, dict[str, int]] = {}
    queries = (
        ("violations", select(TestCenter.code, func.count()).select_from(Violation)
         .join(TestCenter, TestCenter.id == Violation.center_id)
         .where(Violation.exam_id == exam.id), Violation.center_id),
        ("open_incidents", select(TestCenter.code, func.count()).select_from(Incident)
         .outerjoin(TestCenter, TestCenter.id == Incident.center_id)
         .where(Incident.exam_id == exam.id, Incident.status == IncidentStatus.OPEN),
         Incident.center_id),
        ("medical", select(TestCenter.code, func.count()).select_from(MedicalVisit)
         .join(TestCenter, TestCenter.id == MedicalVisit.center_id)
         .where(MedicalVisit.exam_id == exam.id), MedicalVisit.center_id),
    )
    for field, query, column in queries:
        for code, count in session.execute(
                limited(query, column, centers).group_by(TestCenter.code)):
            counts.setdefault(code or "", {})[field] = count
    return {code: CenterCounts(**values) for code, values in sorted(counts.items())}
