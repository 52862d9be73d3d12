"""Fill the room sheets' data from the database (the sheets are drawn in reports/).

A room's envelope (door list, seating chart, desk labels, sign-in sheets, room records) is one
:class:`RoomSheets`; the staff and center sheets are filled in ``printing_staff`` and
``printing_center``.

Envelopes are packed days before the exam, but invigilators learn their room only at the
morning draw (docs/draw.md): a room's invigilators are in its data only for the sessions its
center has drawn. Until then every sheet leaves their names to be written in, and a draw
changes the data of the rooms it concerns, so a reprint redraws exactly those.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from examdesk.enums import CertificateStatus, DutyKind
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, floor_name
from examdesk.model import (
    Candidate,
    CandidatePhoto,
    Duty,
    Exam,
    ExamSession,
    Level,
    Post,
    Room,
    RoomDraw,
    SeatAssignment,
    Staff,
    Subject,
    TempIdCertificate,
    TestCenter,
    Violation,
    ViolationAct,
    candidate_subjects,
    certificate_sessions,
    session_subjects,
)
from examdesk.planning.post_hours import BRIEFING_LEAD
from examdesk.planning.seats import Grid, seat_positions
from examdesk.printing.common import Person, PrintedSession
from examdesk.printing.rooms import Attendance, RoomSession, RoomSheets, SeatedCandidate
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.duties import find_session
from examdesk.services.exams import ExamRef, center_id, exam_sessions, papers_sat
from examdesk.services.post_schedule import held_sessions
from examdesk.services.scope import (
    limited,
    masked,
    personal_centers,
    shows_personal,
    visible_centers,
)
from examdesk.services.violations import citation

#: Staff report for the briefing an hour before the session starts (docs/posts.md).
REPORT_BEFORE = timedelta(minutes=BRIEFING_LEAD)

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])  # any select, its columns kept


def printed_session(row: Any, papers: Iterable[str] = ()) -> PrintedSession:
    """An ExamSession row (code, date, start_time, end_time) as the sheets print it."""
    day: date = row.date
    start: time = row.start_time
    report = (datetime.combine(day, start) - REPORT_BEFORE).time()
    return PrintedSession(row.code, f"{day.month}月{day.day}日",
                          f"{start:%H:%M}-{row.end_time:%H:%M}", tuple(papers), f"{report:%H:%M}")


def location(building: str, floor: int | None, label: str) -> str:
    """Where a room is: ``教学楼A 3楼 301`` (``地下1层`` below ground)."""
    return " ".join(part for part in (floor_name(building, floor), label) if part)


def person(row: Any) -> Person:
    """A Staff row (name, work_unit, phone, gender) as a roster prints them."""
    return Person(row.name, row.work_unit, row.phone, GENDER_LABELS.get(row.gender, ""))


def _chosen_rooms(query: Q, exam: ExamRef, center: int | None, room: str | None,
                  seen: frozenset[int] | None = None) -> Q:
    query = limited(query.where(TestCenter.exam_id == exam.id), TestCenter.id, seen)
    if center is not None:
        query = query.where(TestCenter.id == center)
    if room is not None:
        query = query.where(Room.code == room.strip())
    return query


def room_sheets(session: Session, exam: ExamRef, *, center: str | None = None,
                room: str | None = None, photos: bool = True,
                actor: Actor | None = None) -> tuple[RoomSheets, ...]:
    """The envelope data of every room holding candidates (of one center, or one room).

    Args:
        session: the caller's session.
        exam: the exam.
        center: a test center's code: only its rooms.
        room: a room's code: only that room (of every center, unless ``center`` is given).
        photos: read the candidates' photos (the door list needs none).
        actor: who prints: a center desk gets its center's rooms only, a viewer the ID
            numbers masked and no photos (None: all).

    Returns:
        One RoomSheets per room, in the centers' and rooms' order.

    Raises:
        BadInput: no test center has the code ``center``.
        AccessDenied: ``center`` is a center the actor may not see.
    """
    only = center_id(session, exam, center)
    seen = visible_centers(actor, exam, only, code=center or "")
    personal = personal_centers(actor, exam)
    settings = session.execute(select(Exam.seat_order, Exam.first_seat_corner)
                               .where(Exam.id == exam.id)).one()

    def chosen(query: Q) -> Q:
        return _chosen_rooms(query.join(Room, Room.id == SeatAssignment.room_id)
                             .join(TestCenter, TestCenter.id == Room.center_id), exam, only, room,
                             seen)

    sits: defaultdict[int, list[int]] = defaultdict(list)  # candidate -> session ids
    papers: defaultdict[tuple[int, int], set[str]] = defaultdict(set)  # (room, session)
    for candidate_id, room_id, session_id, subject in session.execute(chosen(
        papers_sat(SeatAssignment.candidate_id, SeatAssignment.room_id,
                   session_subjects.c.session_id, Subject.name)
        .join(Subject, Subject.id == candidate_subjects.c.subject_id)
    )):
        sits[candidate_id].append(session_id)
        papers[room_id, session_id].add(subject)
    sessions = exam_sessions(session, exam)
    by_id = {s.id: s for s in sessions}
    order = {s.id: i for i, s in enumerate(sessions)}
    pictures: dict[int, bytes] = {}
    if photos:
        pictures = {cid: data for cid, data in session.execute(chosen(
            select(CandidatePhoto.candidate_id, CandidatePhoto.data)
            .join(SeatAssignment, SeatAssignment.candidate_id == CandidatePhoto.candidate_id)))}
    seated: defaultdict[int, list[Any]] = defaultdict(list)
    levels: defaultdict[int, set[str]] = defaultdict(set)
    for row in session.execute(chosen(
        select(SeatAssignment.room_id, SeatAssignment.seat_no, SeatAssignment.ticket_no,
               Candidate.id, Candidate.name, Candidate.gender, Candidate.id_number,
               Level.short_name, Level.name.label("level_name"))
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .join(Level, Level.id == Candidate.level_id)
        .where(SeatAssignment.exam_id == exam.id)
        .order_by(SeatAssignment.seat_no)
    )):
        seated[row.room_id].append(row)
        levels[row.room_id].add(row.short_name or row.level_name)
    staffed = _invigilators(session, exam, only)
    marked = _attendance(session, exam, only)
    recorded = _violations(session, exam, only)
    certified = _certificates(session, exam, {c.id for rows in seated.values() for c in rows})
    result: list[RoomSheets] = []
    for r in session.execute(_chosen_rooms(
        select(Room.id, Room.code, Room.building, Room.floor, Room.label, Room.rows,
               Room.columns, Room.unusable_seats, TestCenter.code.label("center_code"),
               TestCenter.name.label("center_name"), TestCenter.id.label("center_id"))
        .join(TestCenter),
        exam, only, room, seen).order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order,
                                   Room.code)):
        rows = seated.get(r.id)
        if not rows:
            continue
        full = shows_personal(personal, r.center_id)
        unusable = tuple(sorted((int(a), int(b)) for a, b in r.unusable_seats))
        positions = seat_positions(Grid(r.rows, r.columns, frozenset(unusable)),
                                   settings.seat_order, settings.first_seat_corner)
        used = sorted({s for c in rows for s in sits[c.id]}, key=order.__getitem__)
        seats = []
        for c in rows:
            row_no, column_no = (positions[c.seat_no - 1] if 1 <= c.seat_no <= len(positions)
                                 else (0, 0))  # outside the grid: `examdesk check` flags it
            seats.append(SeatedCandidate(
                c.seat_no, row_no, column_no, c.ticket_no, c.name,
                GENDER_LABELS.get(c.gender, ""), c.id_number if full else masked(c.id_number),
                pictures.get(c.id) if full else None,
                tuple(by_id[s].code for s in sorted(sits[c.id], key=order.__getitem__)),
                *certified.get(c.id, ("", ()))))
        room_sessions = tuple(
            RoomSession(printed_session(by_id[s], sorted(papers[r.id, s])),
                        *staffed.get((r.id, s), ((), False)), marked.get((r.id, s)),
                        recorded.get((r.id, s), ()))
            for s in used
        )
        result.append(RoomSheets(
            exam.name, r.center_code, r.center_name, r.code,
            location(r.building, r.floor, r.label), "、".join(sorted(levels[r.id])),
            r.rows, r.columns, unusable, room_sessions, tuple(seats)))
    return tuple(result)


def _attendance(session: Session, exam: ExamRef, center: int | None
                ) -> dict[tuple[int, int], Attendance]:
    """(room, session) -> its marks, for the room-sessions whose desk started marking."""
    from examdesk.services.attendance import sitting_counts

    return {(c.room_id, c.session_id): Attendance(c.sat, c.late, c.absent, c.absent_tickets)
            for c in sitting_counts(session, exam, center=center)
            if c.expected != c.unmarked}
def _violations(session: Session, exam: ExamRef, center: int | None
                ) -> dict[tuple[int, int], tuple[str, ...]]:
    """(room, session) -> its recorded violations as the room record lists them: ticket,
    name, the article of the regulation and the number of the full record (考场违纪记录)."""
    query = (select(Violation.id, Violation.room_id, Violation.session_id, Violation.ticket_no,
                    Candidate.name, ViolationAct.regulation, ViolationAct.article,
                    ViolationAct.item)
             .join(Candidate, Candidate.id == Violation.candidate_id)
             .join(ViolationAct, ViolationAct.id == Violation.act_id)
             .where(Violation.exam_id == exam.id, Violation.room_id.is_not(None))
             .order_by(Violation.occurred_at, Violation.id))
    if center is not None:
        query = query.where(Violation.center_id == center)
    found: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
    for row in session.execute(query):
        found[row.room_id, row.session_id].append(
            f"{row.ticket_no}  {row.name}  {row.regulation}{citation(row.article, row.item)}"
            f"，见违纪记录第 {row.id} 号")
    return {key: tuple(lines) for key, lines in found.items()}


def _certificates(session: Session, exam: ExamRef, candidates: set[int]
                  ) -> dict[int, tuple[str, tuple[str, ...]]]:
    """candidate -> the serial of their valid temporary ID and the sessions it covers: the
    room's exceptions list (the sign-in sheet and room record printed after the issue)."""
    found: dict[int, tuple[str, list[str]]] = {}
    for candidate, serial, code in session.execute(
        select(TempIdCertificate.candidate_id, TempIdCertificate.serial_no, ExamSession.code)
        .join(certificate_sessions,
              certificate_sessions.c.certificate_id == TempIdCertificate.id)
        .join(ExamSession, ExamSession.id == certificate_sessions.c.session_id)
        .where(TempIdCertificate.exam_id == exam.id,
               TempIdCertificate.status == CertificateStatus.VALID)
        .order_by(ExamSession.date, ExamSession.start_time)
    ):
        if candidate in candidates:
            found.setdefault(candidate, (serial, []))[1].append(code)
    return {c: (serial, tuple(codes)) for c, (serial, codes) in found.items()}


def _invigilators(session: Session, exam: ExamRef,
                  only: int | None) -> dict[tuple[int, int], tuple[tuple[Person, ...], bool]]:
    """(room, session) -> the room's drawn invigilators, lead first, and whether a lead is set.

    Only sessions that the room's center has drawn are given: before the draw, the roster's
    teams are provisional and secret (domain rule in docs/draw.md).
    """
    drawn = {(c, s) for c, s in session.execute(
        select(RoomDraw.center_id, RoomDraw.session_id).where(RoomDraw.exam_id == exam.id))}
    if not drawn:
        return {}
    query = (
        select(Duty.room_id, Duty.session_id, Duty.center_id, Duty.is_lead, Staff.name,
               Staff.work_unit, Staff.phone, Staff.gender)
        .join(Staff, Staff.id == Duty.staff_id)
        .where(Staff.exam_id == exam.id, Duty.kind == DutyKind.ROOM, Duty.room_id.is_not(None))
        .order_by(Duty.is_lead.desc(), Staff.name)
    )
    if only is not None:
        query = query.where(Duty.center_id == only)
    found: defaultdict[tuple[int, int], list[Any]] = defaultdict(list)
    for row in session.execute(query):
        if (row.center_id, row.session_id) in drawn:
            found[row.room_id, row.session_id].append(row)
    return {key: (tuple(person(r) for r in rows), rows[0].is_lead)
            for key, rows in found.items()}


def session_code(session: Session, exam: ExamRef, code: str) -> str:
    """The exam's session code as stored, for a code typed in any case (``s2`` -> ``S2``).

    Raises:
        BadInput: no session has that code; the message lists them.
    """
    found = session.get(ExamSession, find_session(session, exam, code))
    assert found is not None
    return found.code


def record_print(session: Session, actor: Actor, exam: ExamRef, sheet: str, center: str,
                 pages: int, title: str = "") -> None:
    """Log a print run in the audit trail: sheets carry personal data (docs/printing.md).

    ``sheet``: the sheet's key, as details keep it; ``title``: how the summary names it, in
    the user's language (the key when not given).
    """
    audit.record(session, actor, "print", exam_id=exam.id, entity="center", entity_id=center,
                 summary=translate("Audit", "{sheet} of center {center} printed: {pages} pages")
                 .format(sheet=title or sheet, center=center, pages=pages),
                 details={"sheet": sheet, "pages": pages})


@dataclass(frozen=True)
class CenterChoice:
    """A test center as the print window offers it, with what it has to print.

    Attributes:
        code: its code.
        name: its name.
        sessions: the codes of the sessions it holds (a candidate seated there sits a paper
            in it), in time order; empty before allocation.
        rostered: somebody is on duty there.
        drawn: the codes of the sessions whose draw it has held.
        posts: it has service posts.
        personal: the signed-in user may print its sheets with personal data (a viewer:
            only the public ones).
    """

    code: str
    name: str
    sessions: tuple[str, ...] = ()
    rostered: bool = False
    drawn: tuple[str, ...] = ()
    posts: bool = False
    personal: bool = True


@dataclass(frozen=True)
class PrintChoices:
    """What the print window offers for an exam.

    Attributes:
        exam_code: the exam's code.
        exam_name: the exam's name.
        centers: each test center, in order.
        sessions: (code, "6月11日 09:00-11:00") of each session, in time order.
        days: the exam's days, in order (the day a doubtful list covers is one of them).
    """

    exam_code: str
    exam_name: str
    centers: tuple[CenterChoice, ...]
    sessions: tuple[tuple[str, str], ...]
    days: tuple[date, ...] = ()


def print_choices(session: Session, exam: ExamRef, *,
                  actor: Actor | None = None) -> PrintChoices:
    """The centers and sessions of ``exam``, and what each center has to print (of the
    centers ``actor`` may see: a center desk its own)."""
    seen = visible_centers(actor, exam)
    printing = None if actor is None else actor.centers(exam.id, Permission.PRINT_PERSONAL)
    sessions = exam_sessions(session, exam)
    code_of = {s.id: s.code for s in sessions}
    order = {s.id: n for n, s in enumerate(sessions)}
    held = held_sessions(session, exam)
    rostered = set(session.scalars(
        select(Duty.center_id).distinct().join(TestCenter, TestCenter.id == Duty.center_id)
        .where(TestCenter.exam_id == exam.id)))
    drawn: defaultdict[int, set[int]] = defaultdict(set)
    for center, session_id in session.execute(
            select(RoomDraw.center_id, RoomDraw.session_id).where(RoomDraw.exam_id == exam.id)):
        drawn[center].add(session_id)
    with_posts = set(session.scalars(
        select(Post.center_id).distinct().join(TestCenter, TestCenter.id == Post.center_id)
        .where(TestCenter.exam_id == exam.id)))
    centers = tuple(
        CenterChoice(code, name,
                     tuple(code_of[s] for s in sorted(held.get(cid, ()), key=order.__getitem__)),
                     cid in rostered,
                     tuple(code_of[s] for s in sorted(drawn[cid], key=order.__getitem__)),
                     cid in with_posts, printing is None or cid in printing)
        for cid, code, name in session.execute(limited(
            select(TestCenter.id, TestCenter.code, TestCenter.name)
            .where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, TestCenter.code), TestCenter.id, seen)))
    return PrintChoices(exam.code, exam.name, centers,
                        tuple((s.code, printed_session(s).when) for s in sessions),
                        tuple(sorted({s.date for s in sessions})))
