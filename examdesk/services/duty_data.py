"""The exam's staffing situation as the duty planning takes it, read from the database.

Rooms are staffed in a session when a candidate seated there sits one of the session's
papers; a room's 回避 sets are the work units and ID numbers of everyone seated in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import StaffRole
from examdesk.labels import POST_KIND_LABELS, floor_name
from examdesk.model import (
    Candidate,
    Exam,
    ExamSession,
    Post,
    Room,
    SeatAssignment,
    Staff,
    StaffRelative,
    StaffRoleAssignment,
    TestCenter,
    session_subjects,
)
from examdesk.model import Duty as DutyRow
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyPost,
    DutyRoom,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.services.exams import ExamRef, papers_sat


@dataclass(frozen=True)
class DutyData:
    """Everything the roster, the draw and the posts need, as plain data.

    Attributes:
        centers: the test centers in their order.
        rooms: the rooms holding seated candidates.
        sessions: the sessions in time order.
        staff: every staff member of the exam.
        posts: the service, medical and police posts.
        duties: the duties given so far.
        settings: the exam's staffing settings.
    """

    centers: tuple[DutyCenter, ...]
    rooms: tuple[DutyRoom, ...]
    sessions: tuple[DutySession, ...]
    staff: tuple[DutyStaff, ...]
    posts: tuple[DutyPost, ...]
    duties: tuple[Duty, ...]
    settings: RosterSettings


def session_label(name: str, day: str, start_minutes: int) -> str:
    """How a session is named in messages: its name, else ``06-11 上午``."""
    if name:
        return name
    return f"{day[5:]} {'上午' if start_minutes < 12 * 60 else '下午'}"


def load_duty_data(session: Session, exam: ExamRef, seed: int = 0) -> DutyData:
    """Read the exam's staffing situation.

    Args:
        session: the caller's session.
        exam: the exam.
        seed: the seed to put in the settings (ties are broken with it).

    Returns:
        The plain data.
    """
    settings_row = session.get(Exam, exam.id)
    assert settings_row is not None
    settings = RosterSettings(
        invigilators_per_room=settings_row.invigilators_per_room,
        max_sessions=settings_row.max_sessions_per_invigilator,
        reserve_ratio=settings_row.reserve_ratio,
        cross_center=settings_row.cross_center_duties, seed=seed,
    )
    centers = tuple(
        DutyCenter(cid, code, name) for cid, code, name in session.execute(
            select(TestCenter.id, TestCenter.code, TestCenter.name)
            .where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, TestCenter.code))
    )
    units: defaultdict[int, set[str]] = defaultdict(set)
    ids: defaultdict[int, set[str]] = defaultdict(set)
    for room_id, unit, id_number in session.execute(
        select(SeatAssignment.room_id, Candidate.work_unit, Candidate.id_number)
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .where(SeatAssignment.exam_id == exam.id)
    ):
        if unit.strip():
            units[room_id].add(unit.strip())
        ids[room_id].add(id_number)
    rooms = tuple(
        DutyRoom(r.id, r.center_id, f"{r.center_code}/{r.code}",
                 floor_name(r.building, r.floor),
                 frozenset(units[r.id]), frozenset(ids[r.id]))
        for r in session.execute(
            select(Room.id, Room.center_id, Room.code, Room.building, Room.floor,
                   TestCenter.code.label("center_code"))
            .join(TestCenter).where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code))
        if r.id in ids
    )
    in_use: defaultdict[int, set[int]] = defaultdict(set)
    for session_id, room_id in session.execute(
        papers_sat(session_subjects.c.session_id, SeatAssignment.room_id).distinct()
        .where(SeatAssignment.exam_id == exam.id)
    ):
        in_use[session_id].add(room_id)
    sessions = tuple(
        DutySession(s.id, session_label(s.name, s.date.isoformat(),
                                        s.start_time.hour * 60 + s.start_time.minute),
                    s.date.isoformat(), s.start_time.hour * 60 + s.start_time.minute,
                    frozenset(in_use[s.id]))
        for s in session.scalars(
            select(ExamSession).where(ExamSession.exam_id == exam.id)
            .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code))
    )
    return DutyData(centers, rooms, sessions, _staff(session, exam), _posts(session, exam),
                    _duties(session, exam), settings)


def _staff(session: Session, exam: ExamRef) -> tuple[DutyStaff, ...]:
    of_exam = select(Staff.id).where(Staff.exam_id == exam.id)
    roles: defaultdict[int, set[StaffRole]] = defaultdict(set)
    for staff_id, role in session.execute(
        select(StaffRoleAssignment.staff_id, StaffRoleAssignment.role)
        .where(StaffRoleAssignment.staff_id.in_(of_exam))
    ):
        roles[staff_id].add(role)
    relatives: defaultdict[int, set[str]] = defaultdict(set)
    for staff_id, id_number in session.execute(
        select(StaffRelative.staff_id, StaffRelative.id_number)
        .where(StaffRelative.staff_id.in_(of_exam))
    ):
        relatives[staff_id].add(id_number)
    candidates = set(session.scalars(
        select(Candidate.id_number).where(Candidate.exam_id == exam.id)))
    return tuple(
        DutyStaff(s.id, f"{s.name}（{s.work_unit}）" if s.work_unit else s.name, s.gender,
                  s.work_unit.strip(), s.home_center_id, frozenset(roles[s.id]),
                  frozenset(relatives[s.id]), s.id_number in candidates)
        for s in session.execute(
            select(Staff.id, Staff.name, Staff.gender, Staff.work_unit, Staff.home_center_id,
                   Staff.id_number).where(Staff.exam_id == exam.id).order_by(Staff.id))
    )


def _posts(session: Session, exam: ExamRef) -> tuple[DutyPost, ...]:
    return tuple(
        DutyPost(p.id, p.center_id, p.kind,
                 f"{POST_KIND_LABELS[p.kind]}（{p.place}）" if p.place
                 else POST_KIND_LABELS[p.kind],
                 p.required_headcount, frozenset(StaffRole(r) for r in p.roles or []))
        for p in session.scalars(
            select(Post).join(TestCenter).where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, Post.id))
    )


def _duties(session: Session, exam: ExamRef) -> tuple[Duty, ...]:
    return tuple(
        Duty(d.staff_id, d.session_id, d.center_id or 0, d.kind, d.role, d.room_id, d.floor,
             d.post_id, d.is_lead, d.locked)
        for d in session.scalars(
            select(DutyRow).join(Staff, Staff.id == DutyRow.staff_id)
            .where(Staff.exam_id == exam.id).order_by(DutyRow.id))
    )
