"""Attendance on exam day: who sat each room's paper, the counts, and their reconciliation.

Per room and session a desk marks candidates present, absent (缺考) or late (came in after
the start, before the entry cut-off: a late candidate sits the paper). "Everyone present except
these" marks present only the candidates nobody has marked yet: two desks marking the same
room at once never overwrite each other's absentees (each mark is one candidate's upsert,
under the write lock, docs/concurrency.md). A mark carries no row version: it is one fact
about one candidate, set whole, and the latest desk's mark of a candidate is the one that
counts (the audit trail keeps every earlier one).

Reconciliation, before the room's papers are sealed: everyone seated is marked (seated =
signed in + absent), and the answer sheets the room hands in, a number its desk enters, equal
those who sat (present + late). Sealing a room that does not reconcile needs a reason, which
the audit trail keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from examdesk.enums import AttendanceStatus, CertificateStatus, IdCheck
from examdesk.errors import BadInput, PlanProblem
from examdesk.i18n import translate
from examdesk.model import (
    AttendanceMark,
    Candidate,
    Exam,
    ExamSession,
    Room,
    RoomSitting,
    SeatAssignment,
    TempIdCertificate,
    TestCenter,
    User,
    certificate_sessions,
    session_subjects,
)
from examdesk.model.base import utcnow
from examdesk.planning.seats import Grid, seat_positions
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, papers_sat
from examdesk.services.scope import limited, visible_centers

# The longest reason kept for sealing a room that does not reconcile.
_REASON_LENGTH = 500


@dataclass(frozen=True)
class SittingCounts:
    """One room in one session: its attendance and whether it reconciles.

    Attributes:
        room_id: the room.
        center_id: its test center.
        session_id: the session.
        center: the test center's code.
        room: the room's code.
        session: the session's code.
        expected: candidates seated in the room who sit a paper in the session (应考).
        present: marked present.
        late: marked late (they sat the paper).
        absent: marked absent (缺考).
        answer_sheets: the answer sheets handed in, as the desk entered them (None: not yet).
        sealed: the room's papers are sealed.
        absent_tickets: the absentees' ticket numbers, in seat order.
    """

    room_id: int
    center_id: int
    session_id: int
    center: str
    room: str
    session: str
    expected: int
    present: int
    late: int
    absent: int
    answer_sheets: int | None = None
    sealed: bool = False
    absent_tickets: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How messages name the room: ``CENTER/ROOM``."""
        return f"{self.center}/{self.room}"

    @property
    def sat(self) -> int:
        """Who sat the paper: present and late."""
        return self.present + self.late

    @property
    def unmarked(self) -> int:
        """Candidates not marked yet."""
        return self.expected - self.present - self.late - self.absent

    @property
    def started(self) -> bool:
        """Whether anyone marked the room or entered its answer sheets."""
        return self.expected != self.unmarked or self.answer_sheets is not None

    @property
    def problems(self) -> tuple[str, ...]:
        """Why the room does not reconcile, one sentence each; empty when it does."""
        found = []
        if self.unmarked:
            found.append(translate(
                "Attendance", "{count} of {expected} candidates are not marked present, late "
                              "or absent.").format(count=self.unmarked, expected=self.expected))
        if self.answer_sheets is None:
            found.append(translate("Attendance", "The answer sheets handed in are not entered."))
        elif self.answer_sheets != self.sat:
            found.append(translate(
                "Attendance", "{sheets} answer sheets were handed in, but {sat} candidates sat "
                              "the paper (present and late).").format(
                sheets=self.answer_sheets, sat=self.sat))
        return tuple(found)

    @property
    def mismatch(self) -> bool:
        """The room's attendance was started and does not reconcile (a room nobody marked
        yet is not a mismatch: its session may not have begun)."""
        return self.started and bool(self.problems)

    def as_dict(self) -> dict[str, Any]:
        """Plain values, for JSON (``examdesk attendance show --json``)."""
        return {"center": self.center, "room": self.room, "session": self.session,
                "expected": self.expected, "present": self.present, "absent": self.absent,
                "late": self.late, "unmarked": self.unmarked,
                "answer_sheets": self.answer_sheets, "sealed": self.sealed,
                "mismatch": self.mismatch, "absent_tickets": list(self.absent_tickets)}


@dataclass(frozen=True)
class Totals:
    """Counts summed over rooms: a center, a session or the district.

    Attributes:
        label: what they are the counts of (a center's or session's code; "" the district).
        rooms: room-sessions counted.
        expected: candidates expected.
        present: present.
        late: late.
        absent: absent.
        unmarked: not marked yet.
        mismatched: room-sessions whose attendance does not reconcile.
    """

    label: str
    rooms: int
    expected: int
    present: int
    late: int
    absent: int
    unmarked: int
    mismatched: int


def totals(counts: Iterable[SittingCounts], label: str = "") -> Totals:
    """The counts of ``counts`` summed."""
    rows = list(counts)
    return Totals(label, len(rows), sum(c.expected for c in rows),
                  sum(c.present for c in rows), sum(c.late for c in rows),
                  sum(c.absent for c in rows), sum(c.unmarked for c in rows),
                  sum(1 for c in rows if c.mismatch))


def totals_by(counts: Sequence[SittingCounts], key: str) -> tuple[Totals, ...]:
    """The counts summed per ``key`` (``center`` or ``session``), in the rows' order."""
    groups: dict[str, list[SittingCounts]] = {}
    for count in counts:
        groups.setdefault(getattr(count, key), []).append(count)
    return tuple(totals(rows, label) for label, rows in groups.items())


def _expected() -> Any:
    """(room, session, candidate) of every seat and paper sat, each once."""
    return papers_sat(SeatAssignment.room_id, session_subjects.c.session_id,
                      SeatAssignment.candidate_id).distinct()


def sitting_counts(session: Session, exam: ExamRef, *, actor: Actor | None = None,
                   center: int | None = None, center_code: str = "",
                   session_id: int | None = None,
                   room_id: int | None = None) -> tuple[SittingCounts, ...]:
    """The attendance of every room and session in which someone sits a paper.

    Args:
        session: the caller's session.
        exam: the exam.
        actor: who reads: a center desk gets its centers' rooms only (None: all).
        center: only this test center (its code in ``center_code``, for a refusal).
        session_id: only this session.
        room_id: only this room.

    Returns:
        One count per room and session, in the centers', rooms' and sessions' order.

    Raises:
        AccessDenied: ``center`` is a center the actor may not see.
    """
    seen = visible_centers(actor, exam, center, code=center_code)
    wanted = limited(_expected().join(Room, Room.id == SeatAssignment.room_id),
                     Room.center_id, seen)
    # a room or centers (the exam's) are found through the rooms, so that SQLite reads
    # their seats by the seats' room index rather than every seat of the exam
    if room_id is not None:
        wanted = wanted.where(SeatAssignment.room_id == room_id)
    elif center is not None:
        wanted = wanted.where(Room.center_id == center)
    elif seen is None:
        wanted = wanted.where(SeatAssignment.exam_id == exam.id)
    if session_id is not None:
        wanted = wanted.where(session_subjects.c.session_id == session_id)
    seats = wanted.subquery()

    def status_count(status: AttendanceStatus) -> Any:
        return func.count(case((AttendanceMark.status == status, 1)))

    rows = session.execute(
        select(seats.c.room_id, seats.c.session_id, func.count(),
               status_count(AttendanceStatus.PRESENT), status_count(AttendanceStatus.LATE),
               status_count(AttendanceStatus.ABSENT))
        .select_from(seats)
        .outerjoin(AttendanceMark, and_(AttendanceMark.candidate_id == seats.c.candidate_id,
                                        AttendanceMark.session_id == seats.c.session_id))
        .group_by(seats.c.room_id, seats.c.session_id)).all()
    if not rows:
        return ()
    rooms = {r.id: r for r in session.execute(
        select(Room.id, Room.code, Room.center_id, Room.sort_order, TestCenter.code.label("center"),
               TestCenter.sort_order.label("center_order"))
        .join(TestCenter).where(Room.id.in_({row[0] for row in rows})))}
    sessions = {s.id: (i, s.code) for i, s in enumerate(session.execute(
        select(ExamSession.id, ExamSession.code).where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code)))}
    sittings = {(s.room_id, s.session_id): s for s in session.scalars(
        select(RoomSitting).where(RoomSitting.room_id.in_(rooms)))}
    absentees: dict[tuple[int, int], list[str]] = {}
    for room, sid, ticket in session.execute(
            select(seats.c.room_id, seats.c.session_id, SeatAssignment.ticket_no)
            .select_from(seats)
            .join(AttendanceMark, and_(AttendanceMark.candidate_id == seats.c.candidate_id,
                                       AttendanceMark.session_id == seats.c.session_id))
            .join(SeatAssignment, SeatAssignment.candidate_id == seats.c.candidate_id)
            .where(AttendanceMark.status == AttendanceStatus.ABSENT)
            .order_by(SeatAssignment.seat_no)):
        absentees.setdefault((room, sid), []).append(ticket)
    result = []
    for room, sid, expected, present, late, absent in rows:
        r = rooms[room]
        sitting = sittings.get((room, sid))
        result.append(SittingCounts(
            room, r.center_id, sid, r.center, r.code, sessions[sid][1], expected, present,
            late, absent, sitting.answer_sheets if sitting else None,
            bool(sitting and sitting.sealed_at is not None),
            tuple(absentees.get((room, sid), ()))))
    result.sort(key=lambda c: (rooms[c.room_id].center_order, c.center,
                               rooms[c.room_id].sort_order, c.room,
                               sessions[c.session_id][0]))
    return tuple(result)


@dataclass(frozen=True)
class SeatMark:
    """A seat of the room, its candidate and their mark.

    Attributes:
        candidate_id: the candidate.
        seat_no: the seat number.
        row: the desk's row, 1 = the front row (0: outside the room's grid).
        column: the desk's column, 1 = leftmost seen from the podium.
        ticket_no: the ticket number.
        name: the candidate's name.
        status: the mark, or None (not marked yet).
    """

    candidate_id: int
    seat_no: int
    row: int
    column: int
    ticket_no: str
    name: str
    status: AttendanceStatus | None
    certificate: str = ""  # the serial of a valid temporary ID covering the session
    certificate_checked: bool = False  # an invigilator checked it in the room


@dataclass(frozen=True)
class RoomAttendance:
    """A room in one session as its desk marks it: the grid of seats and the counts.

    Attributes:
        counts: the room's counts and reconciliation.
        rows: rows of desks.
        columns: columns of desks.
        seats: the candidates sitting a paper in the session, in seat order.
    """

    counts: SittingCounts
    rows: int
    columns: int
    seats: tuple[SeatMark, ...]

    @property
    def unchecked(self) -> tuple[SeatMark, ...]:
        """The candidates on a temporary ID whose certificate no invigilator checked yet."""
        return tuple(s for s in self.seats if s.certificate and not s.certificate_checked)


def _room(session: Session, exam: ExamRef, room_id: int) -> Any:
    row = session.execute(
        select(Room.id, Room.code, Room.center_id, Room.rows, Room.columns, Room.unusable_seats,
               TestCenter.code.label("center"))
        .join(TestCenter).where(Room.id == room_id, TestCenter.exam_id == exam.id)).first()
    if row is None:
        raise BadInput(translate("Lookup", "Exam {exam} has no room {room}.").format(
            exam=exam.code, room=room_id), code="room-not-found", text=str(room_id))
    return row


def _session_code(session: Session, exam: ExamRef, session_id: int) -> str:
    code = session.scalar(select(ExamSession.code).where(
        ExamSession.id == session_id, ExamSession.exam_id == exam.id))
    if code is None:
        raise BadInput(translate("Attendance", "Exam {exam} has no such session.").format(
            exam=exam.code), code="session-not-found")
    return code


def _sitting(session: Session, room_id: int, session_id: int) -> dict[int, tuple[str, int]]:
    """The candidates of the room sitting a paper in the session: id -> (ticket, seat)."""
    return {cid: (ticket, seat) for cid, ticket, seat in session.execute(
        papers_sat(SeatAssignment.candidate_id, SeatAssignment.ticket_no,
                   SeatAssignment.seat_no)
        .where(SeatAssignment.room_id == room_id,
               session_subjects.c.session_id == session_id).distinct())}


def _counts(session: Session, exam: ExamRef, room: Any, session_id: int) -> SittingCounts:
    found = sitting_counts(session, exam, room_id=room.id, session_id=session_id)
    if found:
        return found[0]
    code = _session_code(session, exam, session_id)
    raise BadInput(translate(
        "Attendance", "Nobody sits a paper in room {room} in session {session}.").format(
        room=f"{room.center}/{room.code}", session=code), code="room-idle",
        room=f"{room.center}/{room.code}", session=code)


def _marks(session: Session, session_id: int, candidates: Iterable[int]
           ) -> dict[int, AttendanceStatus]:
    return {cid: status for cid, status in session.execute(
        select(AttendanceMark.candidate_id, AttendanceMark.status)
        .where(AttendanceMark.session_id == session_id,
               AttendanceMark.candidate_id.in_(list(candidates))))}


def room_attendance(session: Session, exam: ExamRef, room_id: int, session_id: int, *,
                    actor: Actor | None = None) -> RoomAttendance:
    """A room's seats in one session with their marks, and its counts.

    Raises:
        AccessDenied: the room is at a center the actor may not see.
        BadInput: no such room, or nobody sits a paper there in the session.
    """
    room = _room(session, exam, room_id)
    if actor is not None:
        actor.require(Permission.READ, exam.id, room.center_id, center_code=room.center)
    counts = _counts(session, exam, room, session_id)
    settings = session.execute(select(Exam.seat_order, Exam.first_seat_corner)
                               .where(Exam.id == exam.id)).one()
    unusable = frozenset((int(a), int(b)) for a, b in room.unusable_seats)
    positions = seat_positions(Grid(room.rows, room.columns, unusable), settings.seat_order,
                               settings.first_seat_corner)
    sitting = _sitting(session, room_id, session_id)
    marks = _marks(session, session_id, sitting)
    names: dict[int, str] = {cid: name for cid, name in session.execute(
        select(Candidate.id, Candidate.name).where(Candidate.id.in_(sitting)))}
    certified = _certificates(session, exam, session_id, sitting)
    checked = set(session.scalars(select(AttendanceMark.candidate_id).where(
        AttendanceMark.session_id == session_id,
        AttendanceMark.candidate_id.in_(list(certified)),
        AttendanceMark.id_check == IdCheck.TEMP_CERTIFICATE)))
    seats = []
    for cid, (ticket, seat) in sorted(sitting.items(), key=lambda item: item[1][1]):
        row, column = positions[seat - 1] if 1 <= seat <= len(positions) else (0, 0)
        seats.append(SeatMark(cid, seat, row, column, ticket, names[cid], marks.get(cid),
                              certified.get(cid, ""), cid in checked))
    return RoomAttendance(counts, room.rows, room.columns, tuple(seats))


def _certificates(session: Session, exam: ExamRef, session_id: int,
                  candidates: Iterable[int]) -> dict[int, str]:
    """candidate -> the serial of their valid temporary ID covering the session."""
    return {cid: serial for cid, serial in session.execute(
        select(TempIdCertificate.candidate_id, TempIdCertificate.serial_no)
        .join(certificate_sessions,
              certificate_sessions.c.certificate_id == TempIdCertificate.id)
        .where(TempIdCertificate.exam_id == exam.id,
               TempIdCertificate.status == CertificateStatus.VALID,
               certificate_sessions.c.session_id == session_id,
               TempIdCertificate.candidate_id.in_(list(candidates))))}


def check_certificates(session: Session, actor: Actor, exam: ExamRef, *, room_id: int,
                       session_id: int, serials: Iterable[str]) -> SittingCounts:
    """An invigilator checked these temporary ID certificates against their holders in the
    room: each holder is marked present (a late mark stays late) and the mark records the
    certificate as the document shown; audited.

    Raises:
        AccessDenied: the actor may not do exam-day work at the room's center.
        BadInput: no valid certificate of the exam has the serial, it does not cover the
            session, or its holder does not sit a paper in this room then (the message
            names the serial and what is wrong).
    """
    room = _room(session, exam, room_id)
    actor.require(Permission.EXAM_DAY, exam.id, room.center_id, center_code=room.center)
    code = _session_code(session, exam, session_id)
    sitting = _sitting(session, room_id, session_id)
    here = f"{room.center}/{room.code}"
    holders: dict[int, str] = {}
    for typed in serials:
        serial = typed.strip().upper()
        found = session.execute(
            select(TempIdCertificate.id, TempIdCertificate.candidate_id,
                   TempIdCertificate.status)
            .where(TempIdCertificate.exam_id == exam.id,
                   TempIdCertificate.serial_no == serial)).first()
        covers = found is not None and session.scalar(
            select(certificate_sessions.c.certificate_id).where(
                certificate_sessions.c.certificate_id == found.id,
                certificate_sessions.c.session_id == session_id)) is not None
        if found is None:
            message = translate("Attendance", "No temporary ID certificate of exam {exam} "
                                              "has the number {serial}.")
        elif found.status is not CertificateStatus.VALID:
            message = translate("Attendance", "Temporary ID certificate {serial} was voided: "
                                              "the candidate needs a valid one to sit.")
        elif not covers:
            message = translate("Attendance", "Temporary ID certificate {serial} does not "
                                              "cover session {session}.")
        elif found.candidate_id not in sitting:
            message = translate("Attendance", "The holder of temporary ID certificate "
                                              "{serial} sits no paper in room {room} in "
                                              "session {session}.")
        else:
            holders[found.candidate_id] = serial
            continue
        raise BadInput(message.format(exam=exam.code, serial=serial, session=code, room=here),
                       code="certificate-not-here", serial=serial, room=here, session=code)
    before = _marks(session, session_id, holders)
    mark(session, actor, exam, room_id=room_id, session_id=session_id, marks={
        cid: AttendanceStatus.PRESENT for cid in holders
        if before.get(cid) not in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)})
    session.execute(update(AttendanceMark).where(
        AttendanceMark.session_id == session_id,
        AttendanceMark.candidate_id.in_(list(holders))).values(
        id_check=IdCheck.TEMP_CERTIFICATE))
    audit.record(session, actor, "attendance.certificate", exam_id=exam.id, entity="room",
                 entity_id=room_id,
                 summary=translate("Audit", "Checked temporary IDs in room {room}, session "
                                            "{session}: {serials}").format(
                     room=here, session=code, serials=", ".join(holders.values())),
                 details={sitting[cid][0]: serial for cid, serial in holders.items()})
    session.flush()
    return _counts(session, exam, room, session_id)


def room_tickets(session: Session, exam: ExamRef, room_id: int, session_id: int,
                 tickets: Iterable[str]) -> dict[str, int]:
    """The candidates of the room in the session with these ticket numbers: ticket -> id.

    Raises:
        BadInput: a ticket is not of a candidate sitting a paper in that room and session
            (the message says where its candidate sits, if anywhere).
    """
    room = _room(session, exam, room_id)
    by_ticket = {ticket: cid for cid, (ticket, _seat) in
                 _sitting(session, room_id, session_id).items()}
    found = {}
    for typed in tickets:
        ticket = typed.strip()
        if ticket in by_ticket:
            found[ticket] = by_ticket[ticket]
            continue
        code = _session_code(session, exam, session_id)
        here = f"{room.center}/{room.code}"
        elsewhere = session.execute(
            select(TestCenter.code, Room.code).select_from(SeatAssignment)
            .join(Room, Room.id == SeatAssignment.room_id).join(TestCenter)
            .where(SeatAssignment.exam_id == exam.id, SeatAssignment.ticket_no == ticket)
        ).first()
        if elsewhere is None:
            message = translate("Attendance", "No candidate of exam {exam} has the ticket "
                                              "number {ticket}.")
        elif f"{elsewhere[0]}/{elsewhere[1]}" == here:
            message = translate("Attendance", "The candidate with ticket {ticket} sits no "
                                              "paper in session {session}.")
        else:
            message = translate("Attendance", "Ticket {ticket} is not of room {room}: its "
                                              "candidate sits in room {other}.")
        raise BadInput(message.format(
            exam=exam.code, ticket=ticket, session=code, room=here,
            other=f"{elsewhere[0]}/{elsewhere[1]}" if elsewhere else ""),
            code="ticket-not-in-room", ticket=ticket, room=here, session=code)
    return found


def _upsert(session: Session) -> Any:
    return (pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert)


def mark(session: Session, actor: Actor, exam: ExamRef, *, room_id: int, session_id: int,
         marks: Mapping[int, AttendanceStatus] | None = None,
         all_present: bool = False) -> SittingCounts:
    """Mark candidates of a room in one session; audited.

    Args:
        session: the caller's session (a ``Database.write``).
        actor: who marks: needs EXAM_DAY at the room's test center.
        exam: the exam.
        room_id: the room.
        session_id: the session.
        marks: candidate id -> their mark.
        all_present: also mark present every candidate of the room nobody has marked yet
            (a mark already made, by this desk or another, stays).

    Returns:
        The room's counts after the marks.

    Raises:
        AccessDenied: the actor may not do exam-day work at the room's center.
        BadInput: a candidate is not of the room and session, or nobody sits there then.
    """
    room = _room(session, exam, room_id)
    actor.require(Permission.EXAM_DAY, exam.id, room.center_id, center_code=room.center)
    code = _session_code(session, exam, session_id)
    sitting = _sitting(session, room_id, session_id)
    if not sitting:
        _counts(session, exam, room, session_id)  # raises: nobody sits there
    wanted = dict(marks or {})
    strangers = sorted(set(wanted) - set(sitting))
    if strangers:
        raise BadInput(translate(
            "Attendance", "{count} of the candidates marked do not sit a paper in room {room} "
                          "in session {session}.").format(
            count=len(strangers), room=f"{room.center}/{room.code}", session=code),
            code="candidate-not-in-room", room=f"{room.center}/{room.code}", session=code)
    before = _marks(session, session_id, sitting)
    if all_present:
        for cid in sitting:
            if cid not in before:
                wanted.setdefault(cid, AttendanceStatus.PRESENT)
    changed = {cid: status for cid, status in wanted.items() if before.get(cid) != status}
    if changed:
        user_id = actor.user_id
        if user_id is None:
            user_id = session.scalar(select(User.id).where(User.username == actor.username))
        now = utcnow()
        insert = _upsert(session)(AttendanceMark).values([
            {"candidate_id": cid, "session_id": session_id, "status": status,
             "marked_at": now, "marked_by_id": user_id, "marked_by": actor.username,
             "room_id": room_id}
            for cid, status in sorted(changed.items())])
        session.execute(insert.on_conflict_do_update(
            index_elements=[AttendanceMark.candidate_id, AttendanceMark.session_id],
            set_={"status": insert.excluded.status, "marked_at": insert.excluded.marked_at,
                  "marked_by_id": insert.excluded.marked_by_id,
                  "marked_by": insert.excluded.marked_by,
                  "room_id": insert.excluded.room_id}))
        label = f"{room.center}/{room.code}"
        audit.record(
            session, actor, "attendance.mark", exam_id=exam.id, entity="room",
            entity_id=room_id,
            summary=translate("Audit", "Marked {count} candidates of room {room} in session "
                                       "{session}").format(
                count=len(changed), room=label, session=code),
            details={sitting[cid][0]: [str(before[cid]) if cid in before else "", str(status)]
                     for cid, status in sorted(changed.items(),
                                               key=lambda item: sitting[item[0]][1])})
    session.flush()
    return _counts(session, exam, room, session_id)


def follow_seats(session: Session, candidates: Sequence[int]) -> None:
    """Move the marks of these candidates, whose seats just changed, to the rooms they sit in
    now (no room while they have no seat).

    A mark counts in the room that counts the candidate as expected, the room of their seat
    (sitting_counts): were a moved candidate's mark left in the room they were marked in, that
    room would count someone it no longer seats and the new room would miss a mark, and no
    room of the sitting would reconcile. So the board, which counts marks by their room
    (examdesk/services/board.py), counts what the attendance counts and exports count; the
    audit trail keeps where the mark was made.

    Every service that writes seats calls it after writing them (seating.py,
    seat_changes.py, imports/seating.py).
    """
    if not candidates or session.scalar(select(AttendanceMark.id).limit(1)) is None:
        return  # before exam day nobody is marked: an allocation pays nothing
    seat = (select(SeatAssignment.room_id)
            .where(SeatAssignment.candidate_id == AttendanceMark.candidate_id)
            .scalar_subquery())
    ids = list(candidates)
    for start in range(0, len(ids), 5000):
        session.execute(update(AttendanceMark)
                        .where(AttendanceMark.candidate_id.in_(ids[start : start + 5000]))
                        .values(room_id=seat)
                        .execution_options(synchronize_session=False))


def _room_sitting(session: Session, room_id: int, session_id: int) -> RoomSitting:
    """The room's record of the session, made when first needed (under the write lock, so
    two desks never make it twice)."""
    found = session.scalar(select(RoomSitting).where(RoomSitting.room_id == room_id,
                                                     RoomSitting.session_id == session_id))
    if found is None:
        found = RoomSitting(room_id=room_id, session_id=session_id, sealed_by="",
                            seal_reason="")
        session.add(found)
    return found


def set_answer_sheets(session: Session, actor: Actor, exam: ExamRef, *, room_id: int,
                      session_id: int, count: int | None) -> SittingCounts:
    """Enter how many answer sheets the room handed in after the session; audited.

    Raises:
        AccessDenied: the actor may not do exam-day work at the room's center.
        BadInput: a negative count, or nobody sits a paper there in the session.
    """
    room = _room(session, exam, room_id)
    actor.require(Permission.EXAM_DAY, exam.id, room.center_id, center_code=room.center)
    before = _counts(session, exam, room, session_id)
    if count is not None and not 0 <= count <= before.expected:
        raise BadInput(translate(
            "Attendance", "The answer sheets handed in must be a number from 0 to {expected}, "
                          "the candidates expected in the room.").format(
            expected=before.expected), code="answer-sheets-out-of-range",
            expected=before.expected)
    if before.answer_sheets == count:
        return before
    sitting = _room_sitting(session, room_id, session_id)
    sitting.answer_sheets = count
    sitting.updated_at = utcnow()
    audit.record(session, actor, "attendance.answer_sheets", exam_id=exam.id, entity="room",
                 entity_id=room_id,
                 summary=(translate("Audit", "Room {room}, session {session}: {count} answer "
                                             "sheets handed in") if count is not None
                          else translate("Audit", "Room {room}, session {session}: the count "
                                                  "of answer sheets cleared")).format(
                     room=before.label, session=before.session, count=count),
                 details={"answer_sheets": [before.answer_sheets, count]})
    session.flush()
    return _counts(session, exam, room, session_id)


def seal(session: Session, actor: Actor, exam: ExamRef, *, room_id: int, session_id: int,
         reason: str = "") -> SittingCounts:
    """Record that the room's papers of the session are sealed; audited.

    Args:
        reason: why the room is sealed although its counts do not reconcile (needed then).

    Raises:
        AccessDenied: the actor may not do exam-day work at the room's center.
        PlanProblem: the counts do not reconcile and no reason is given (the message says
            what does not add up); or the room is sealed already.
    """
    room = _room(session, exam, room_id)
    actor.require(Permission.EXAM_DAY, exam.id, room.center_id, center_code=room.center)
    counts = _counts(session, exam, room, session_id)
    why = reason.strip()[:_REASON_LENGTH]
    if counts.sealed:
        raise PlanProblem(translate(
            "Attendance", "The papers of room {room} in session {session} are sealed "
                          "already.").format(room=counts.label, session=counts.session),
            code="room-sealed", room=counts.label, session=counts.session)
    if counts.problems and not why:
        raise PlanProblem(translate(
            "Attendance", "Room {room}, session {session} does not reconcile: {problems} "
                          "Correct the marks or the answer sheets, or give the reason to seal "
                          "it as it is.").format(
            room=counts.label, session=counts.session, problems=" ".join(counts.problems)),
            code="seal-mismatch", room=counts.label, session=counts.session,
            problems=counts.problems)
    sitting = _room_sitting(session, room_id, session_id)
    sitting.sealed_at = sitting.updated_at = utcnow()
    sitting.sealed_by = actor.username
    sitting.seal_reason = why if counts.problems else ""
    audit.record(session, actor, "attendance.seal", exam_id=exam.id, entity="room",
                 entity_id=room_id,
                 summary=translate("Audit", "Sealed the papers of room {room} in session "
                                            "{session}").format(
                     room=counts.label, session=counts.session),
                 details={"expected": counts.expected, "present": counts.present,
                          "late": counts.late, "absent": counts.absent,
                          "answer_sheets": counts.answer_sheets,
                          "problems": list(counts.problems), "reason": sitting.seal_reason})
    session.flush()
    return _counts(session, exam, room, session_id)
