"""The seating, duties, posts and problems tables read what the plan holds, filtered and
fetched by ID, each row carrying the IDs a face needs to open what it is about."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from examdesk.db import Database
from examdesk.enums import DutyKind, PostKind, StaffRole
from examdesk.model import (
    Candidate,
    Duty,
    ExamSession,
    Post,
    PostSupply,
    Room,
    SeatAssignment,
    TestCenter,
    session_subjects,
)
from examdesk.planning.plan import Severity
from examdesk.services.exams import ExamRef, resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.common import search_index
from examdesk.services.rows.duties import duty_rows
from examdesk.services.rows.posts import post_rows
from examdesk.services.rows.problems import PlanPart, problem_rows
from examdesk.services.rows.seating import seat_rows


def test_seat_rows_are_the_seated_candidates_with_the_sessions_they_sit(
        demo_session: Session, demo_exam: ExamRef) -> None:
    seats = seat_rows(demo_session, demo_exam)
    assert len(seats) == demo_session.scalar(select(func.count()).select_from(SeatAssignment))
    by_candidate = {r.candidate_id: r for r in candidate_rows(demo_session, demo_exam)}
    one = seats[777]
    same = by_candidate[one.candidate_id]
    assert (one.room_id, one.seat_no, one.ticket_no, one.papers, one.center_id) == (
        same.room_id, same.seat_no, same.ticket_no, same.papers, same.center_id)
    candidate = demo_session.get(Candidate, one.candidate_id)
    assert candidate is not None
    sessions = set(demo_session.scalars(
        select(session_subjects.c.session_id).where(
            session_subjects.c.subject_id.in_([s.id for s in candidate.subjects]))))
    assert set(one.session_ids) == sessions and len(one.session_ids) == len(sessions)
    # every session a candidate sits is one the rows name, and a session filter keeps
    # exactly those who sit it
    first = demo_session.scalars(select(ExamSession).order_by(ExamSession.date,
                                                              ExamSession.start_time)).first()
    assert first is not None
    sitting = seat_rows(demo_session, demo_exam, session_id=first.id)
    assert sitting and len(sitting) < len(seats)
    assert sitting == [r for r in seats if first.id in r.session_ids]
    room = seats[0].room_id
    in_room = seat_rows(demo_session, demo_exam, room_id=room)
    assert in_room == [r for r in seats if r.room_id == room]
    assert [r.seat_no for r in in_room] == sorted(r.seat_no for r in in_room)
    assert seat_rows(demo_session, demo_exam, center_id=seats[-1].center_id,
                     level_id=seats[-1].level_id) == [
        r for r in seats if (r.center_id, r.level_id) == (seats[-1].center_id,
                                                          seats[-1].level_id)]
    assert seat_rows(demo_session, demo_exam, ids=[one.candidate_id, seats[0].candidate_id]) == [
        seats[0], one]
    assert search_index(seats).find(one.ticket_no) == [one.candidate_id]


def test_duty_rows_name_the_place_and_role_as_rosters_print_them(
        demo_session: Session, demo_exam: ExamRef) -> None:
    duties = duty_rows(demo_session, demo_exam)
    assert len(duties) == demo_session.scalar(select(func.count()).select_from(Duty))
    lead = next(r for r in duties if r.is_lead)
    duty = demo_session.get(Duty, lead.duty_id)
    assert duty is not None and duty.room is not None
    assert (lead.staff_id, lead.session_id, lead.room_id, lead.room_code) == (
        duty.staff_id, duty.session_id, duty.room_id, duty.room.code)
    assert lead.place == duty.room.code and lead.role_text == "监考员*"
    kinds = {r.kind for r in duties}
    assert {DutyKind.ROOM, DutyKind.ROVING, DutyKind.POST} <= kinds
    roving = next(r for r in duties if r.kind is DutyKind.ROVING)
    assert roving.place == f"{roving.floor}（流动监考）"
    post = next(r for r in duties if r.kind is DutyKind.POST)
    assert post.post_id is not None and post.post_kind is not None
    for name, value in (("center_id", lead.center_id), ("session_id", lead.session_id),
                        ("room_id", lead.room_id), ("staff_id", lead.staff_id),
                        ("role", StaffRole.INVIGILATOR), ("kind", DutyKind.ROVING)):
        filtered = duty_rows(demo_session, demo_exam, **{name: value})
        assert filtered and filtered == [r for r in duties if getattr(r, name) == value], name
    assert duty_rows(demo_session, demo_exam, ids=[post.duty_id, lead.duty_id]) == sorted(
        [post, lead], key=duties.index)
    assert lead.duty_id in search_index(duties).find(lead.name)


def test_post_rows_hold_supplies_shifts_and_people(demo_session: Session,
                                                   demo_exam: ExamRef) -> None:
    posts = post_rows(demo_session, demo_exam)
    assert len(posts) == demo_session.scalar(select(func.count()).select_from(Post))
    stocked = next(r for r in posts if r.supplies)
    assert {s.item for s in stocked.supplies} == set(demo_session.scalars(
        select(PostSupply.item).where(PostSupply.post_id == stocked.post_id)))
    staffed = [r for r in posts if any(s.people for s in r.shifts)]
    assert staffed
    shift = next(s for r in staffed for s in r.shifts if s.people)
    on_duty = set(demo_session.scalars(
        select(Duty.staff_id).where(Duty.kind == DutyKind.POST,
                                    Duty.session_id.in_(shift.session_ids),
                                    Duty.post_id == next(r.post_id for r in staffed
                                                         if shift in r.shifts))))
    assert set(shift.staff_ids) == on_duty and len(shift.people) == len(shift.staff_ids)
    assert all(r.label.startswith(r.kind_label) for r in posts)
    center = posts[-1].center_id
    assert post_rows(demo_session, demo_exam, center_id=center) == [
        r for r in posts if r.center_id == center]
    assert post_rows(demo_session, demo_exam, kind=PostKind.MEDICAL) == [
        r for r in posts if r.kind is PostKind.MEDICAL]
    assert post_rows(demo_session, demo_exam, ids=[posts[3].post_id]) == [posts[3]]
    medical = [r.post_id for r in posts if r.kind is PostKind.MEDICAL]
    assert set(search_index(posts).find("医疗")) == set(medical)


def test_problem_rows_carry_the_ids_of_the_center_room_and_candidate(
        demo_copy: Database) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        assert problem_rows(session, exam) == []
        seat = session.scalars(select(SeatAssignment).order_by(SeatAssignment.ticket_no)).first()
        assert seat is not None
        unseated = seat.candidate_id
        session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id == unseated))
        lead = session.scalars(select(Duty).where(Duty.is_lead).order_by(Duty.id)).first()
        assert lead is not None and lead.room_id is not None
        room = session.get(Room, lead.room_id)
        assert room is not None
        session.execute(delete(Duty).where(Duty.id == lead.id))
        problems = problem_rows(session, exam)
        assert {r.part for r in problems} == {PlanPart.SEATING, PlanPart.ROSTER}
        assert all(r.is_error for r in problems)
        unplaced = next(r for r in problems if r.code == "unplaced")
        assert unplaced.candidate_id == unseated and unplaced.room_id is None
        in_room = [r for r in problems if r.part is PlanPart.ROSTER]
        assert in_room and {(r.center_id, r.room_id) for r in in_room} == {
            (room.center_id, room.id)}
        center = session.get(TestCenter, room.center_id)
        assert center is not None and {r.center_code for r in in_room} == {center.code}
        assert problem_rows(session, exam, center_id=room.center_id) == in_room
        assert problem_rows(session, exam, part=PlanPart.SEATING) == [unplaced]
        assert problem_rows(session, exam, severity=Severity.WARNING) == []
        index = search_index(problems)
        assert index.find(unplaced.candidate.split()[1]) == [unplaced.number]
