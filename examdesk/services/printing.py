"""Fill the printed sheets' data from the database (the sheets are drawn in reports/)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.model import (
    Candidate,
    ExamSession,
    Room,
    SeatAssignment,
    Subject,
    TestCenter,
    candidate_subjects,
    session_subjects,
)
from examdesk.printing.door_list import DoorList, DoorListSeat
from examdesk.services.exams import ExamRef, center_id


def door_lists(session: Session, exam: ExamRef, *, center: str | None = None,
               room: str | None = None) -> tuple[DoorList, ...]:
    """The door list of every room holding candidates (of one center, or one room).

    Args:
        session: the caller's session.
        exam: the exam.
        center: a test center's code: only its rooms.
        room: a room's code: only that room.

    Returns:
        One door list per room, in the centers' and rooms' order.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    only = center_id(session, exam, center)
    seats: defaultdict[int, list[DoorListSeat]] = defaultdict(list)
    for room_id, seat_no, ticket_no, name in session.execute(
        select(SeatAssignment.room_id, SeatAssignment.seat_no, SeatAssignment.ticket_no,
               Candidate.name).join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .where(SeatAssignment.exam_id == exam.id).order_by(SeatAssignment.seat_no)
    ):
        seats[room_id].append(DoorListSeat(seat_no, ticket_no, name))
    papers: defaultdict[int, set[tuple[tuple[date, time], str]]] = defaultdict(set)
    for room_id, day, start, end, subject in session.execute(
        select(SeatAssignment.room_id, ExamSession.date, ExamSession.start_time,
               ExamSession.end_time, Subject.name).distinct()
        .join(candidate_subjects,
              candidate_subjects.c.candidate_id == SeatAssignment.candidate_id)
        .join(session_subjects, session_subjects.c.subject_id == candidate_subjects.c.subject_id)
        .join(ExamSession, ExamSession.id == session_subjects.c.session_id)
        .join(Subject, Subject.id == candidate_subjects.c.subject_id)
        .where(SeatAssignment.exam_id == exam.id)
    ):
        papers[room_id].add(((day, start), f"{day.month}月{day.day}日 {start:%H:%M}-"
                                           f"{end:%H:%M} {subject}"))
    query = (
        select(Room.id, Room.code, Room.building, Room.floor, Room.label,
               TestCenter.name.label("center"))
        .join(TestCenter).where(TestCenter.exam_id == exam.id)
        .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code)
    )
    if only is not None:
        query = query.where(TestCenter.id == only)
    if room is not None:
        query = query.where(Room.code == room.strip())
    return tuple(
        DoorList(exam.name, r.center, r.code, _location(r.building, r.floor, r.label),
                 tuple(text for _key, text in sorted(papers[r.id])),
                 tuple(seats[r.id]))
        for r in session.execute(query) if seats[r.id]
    )


def _location(building: str, floor: int | None, label: str) -> str:
    parts = [building] if building else []
    if floor is not None:
        parts.append(f"{floor}楼" if floor > 0 else f"地下{-floor}层")
    if label:
        parts.append(label)
    return " ".join(parts)
