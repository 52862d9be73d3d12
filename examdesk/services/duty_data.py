"""The exam's staffing situation as the duty planning takes it, read from the database.

Rooms are staffed in a session when a candidate seated there sits one of the session's
papers; a room's 回避 sets are the work units and ID numbers of everyone seated in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from examdesk.enums import StaffRole
from examdesk.labels import floor_name
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
from examdesk.services.post_schedule import duty_post, minutes

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])  # any select, its columns kept


@dataclass(frozen=True)
class DutyData:
    """Everything the roster, the draw and the posts need, as plain data.

    Attributes:
        centers: the test centers in their order.
        rooms: every room; a room is staffed in the sessions whose ``room_ids`` list it
            (a room nobody sits in is kept, so that a duty left in it is named as such).
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


def load_duty_data(session: Session, exam: ExamRef, seed: int = 0,
                   centers: Collection[int] | None = None) -> DutyData:
    """Read the exam's staffing situation.

    Args:
        session: the caller's session.
        exam: the exam.
        seed: the seed to put in the settings (ties are broken with it).
        centers: read only these test centers (ids): their rooms, seats, posts and duties,
            and the staff at home there or on duty there. A partial view, for telling what
            a change to these centers' rooms does to their duties: a person's duties at
            other centers are not in it. None reads the whole exam.

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
    wanted = None if centers is None else sorted(centers)

    def of_seats(query: _Q) -> _Q:
        # a few centers are read through their rooms (the seats' room index), not exam-wide
        if wanted is None:
            return query.where(SeatAssignment.exam_id == exam.id)
        return query.join(Room, Room.id == SeatAssignment.room_id).where(
            Room.center_id.in_(wanted))

    duty_centers = tuple(
        DutyCenter(cid, code, name) for cid, code, name in session.execute(
            select(TestCenter.id, TestCenter.code, TestCenter.name)
            .where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, TestCenter.code))
        if wanted is None or cid in wanted
    )
    units: defaultdict[int, set[str]] = defaultdict(set)
    ids: defaultdict[int, set[str]] = defaultdict(set)
    for room_id, unit, id_number in session.execute(of_seats(
        select(SeatAssignment.room_id, Candidate.work_unit, Candidate.id_number)
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
    )):
        if unit.strip():
            units[room_id].add(unit.strip())
        ids[room_id].add(id_number)
    room_query = (select(Room.id, Room.center_id, Room.code, Room.building, Room.floor,
                         TestCenter.code.label("center_code"))
                  .join(TestCenter).where(TestCenter.exam_id == exam.id)
                  .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code))
    if wanted is not None:
        room_query = room_query.where(Room.center_id.in_(wanted))
    rooms = tuple(
        DutyRoom(r.id, r.center_id, f"{r.center_code}/{r.code}",
                 floor_name(r.building, r.floor),
                 frozenset(units[r.id]), frozenset(ids[r.id]))
        for r in session.execute(room_query)
    )
    in_use: defaultdict[int, set[int]] = defaultdict(set)
    for session_id, room_id in session.execute(of_seats(
        papers_sat(session_subjects.c.session_id, SeatAssignment.room_id).distinct()
    )):
        in_use[session_id].add(room_id)
    sessions = tuple(
        DutySession(s.id, session_label(s.name, s.date.isoformat(),
                                        s.start_time.hour * 60 + s.start_time.minute),
                    s.date.isoformat(), s.start_time.hour * 60 + s.start_time.minute,
                    frozenset(in_use[s.id]), minutes(s.end_time))
        for s in session.scalars(
            select(ExamSession).where(ExamSession.exam_id == exam.id)
            .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code))
    )
    staff_of_exam = select(Staff.id).where(Staff.exam_id == exam.id)
    if wanted is None:
        return DutyData(duty_centers, rooms, sessions, _staff(session, exam, staff_of_exam),
                        _posts(session, exam), _duties(session, exam), settings)
    duties = _duties(session, exam, or_(DutyRow.center_id.in_(wanted),
                                        DutyRow.room_id.in_([r.id for r in rooms])))
    on_duty = sorted({d.staff_id for d in duties})
    people = staff_of_exam.where(or_(Staff.home_center_id.in_(wanted), Staff.id.in_(on_duty)))
    return DutyData(duty_centers, rooms, sessions, _staff(session, exam, people),
                    _posts(session, exam, wanted), duties, settings)


def _staff(session: Session, exam: ExamRef,
           people: Select[int]) -> tuple[DutyStaff, ...]:
    roles: defaultdict[int, set[StaffRole]] = defaultdict(set)
    for staff_id, role in session.execute(
        select(StaffRoleAssignment.staff_id, StaffRoleAssignment.role)
        .where(StaffRoleAssignment.staff_id.in_(people))
    ):
        roles[staff_id].add(role)
    relatives: defaultdict[int, set[str]] = defaultdict(set)
    for staff_id, id_number in session.execute(
        select(StaffRelative.staff_id, StaffRelative.id_number)
        .where(StaffRelative.staff_id.in_(people))
    ):
        relatives[staff_id].add(id_number)
    # who also sits the exam: matched in the database, not by reading every candidate
    candidates = set(session.scalars(
        select(Staff.id).join(Candidate, (Candidate.exam_id == Staff.exam_id)
                              & (Candidate.id_number == Staff.id_number))
        .where(Staff.id.in_(people))))
    return tuple(
        DutyStaff(s.id, f"{s.name}（{s.work_unit}）" if s.work_unit else s.name, s.gender,
                  s.work_unit.strip(), s.home_center_id, frozenset(roles[s.id]),
                  frozenset(relatives[s.id]), s.id in candidates)
        for s in session.execute(
            select(Staff.id, Staff.name, Staff.gender, Staff.work_unit, Staff.home_center_id,
                   Staff.id_number).where(Staff.id.in_(people)).order_by(Staff.id))
    )


def _posts(session: Session, exam: ExamRef,
           centers: Sequence[int] | None = None) -> tuple[DutyPost, ...]:
    query = (select(Post).join(TestCenter).where(TestCenter.exam_id == exam.id)
             .order_by(TestCenter.sort_order, Post.id))
    if centers is not None:
        query = query.where(Post.center_id.in_(centers))
    return tuple(
        duty_post(p) for p in session.scalars(query)
    )


def _duties(session: Session, exam: ExamRef,
            where: ColumnElement[bool] | None = None) -> tuple[Duty, ...]:
    # plain columns, not ORM objects: read after every change that may break a duty
    query = (select(DutyRow.staff_id, DutyRow.session_id, DutyRow.center_id, DutyRow.kind,
                    DutyRow.role, DutyRow.room_id, DutyRow.floor, DutyRow.post_id,
                    DutyRow.is_lead, DutyRow.locked)
             .join(Staff, Staff.id == DutyRow.staff_id)
             .where(Staff.exam_id == exam.id).order_by(DutyRow.id))
    if where is not None:
        query = query.where(where)
    return tuple(
        Duty(d.staff_id, d.session_id, d.center_id or 0, d.kind, d.role, d.room_id, d.floor,
             d.post_id, d.is_lead, d.locked)
        for d in session.execute(query)
    )
