"""The candidates, rooms and staff tables read what the database holds, filtered, sorted and
fetched by ID, and their search fields find a person by pinyin initials."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from examdesk.db import Database, open_database
from examdesk.enums import CandidateStatus, StaffRole
from examdesk.i18n import speak
from examdesk.model import (
    Candidate,
    ExamSession,
    Level,
    Room,
    SeatAssignment,
    Staff,
    StaffRelative,
    TestCenter,
)
from examdesk.search import pinyin_slots
from examdesk.services.exams import ExamRef, resolve_exam
from examdesk.services.rows import common
from examdesk.services.rows.candidates import candidate_rows, status_label
from examdesk.services.rows.choices import filter_choices
from examdesk.services.rows.common import search_index, sort_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.staff import staff_rows


def test_candidate_rows_hold_what_the_database_holds(demo_session: Session,
                                                     demo_exam: ExamRef) -> None:
    rows = candidate_rows(demo_session, demo_exam)
    assert len(rows) == demo_session.scalar(select(func.count()).select_from(Candidate))
    assert len({r.candidate_id for r in rows}) == len(rows)
    one = rows[1234]
    candidate = demo_session.get(Candidate, one.candidate_id)
    assert candidate is not None and candidate.seat is not None
    assert (one.name, one.id_number, one.registration_no, one.work_unit) == (
        candidate.name, candidate.id_number, candidate.registration_no, candidate.work_unit)
    assert (one.room_id, one.seat_no, one.ticket_no) == (
        candidate.seat.room_id, candidate.seat.seat_no, candidate.seat.ticket_no)
    assert one.center_id == candidate.seat.room.center_id
    assert one.room_code == candidate.seat.room.code
    assert one.level == candidate.level.name
    assert one.papers == tuple(s.name for s in sorted(candidate.subjects, key=lambda s: s.code))
    assert one.gender_label in {"男", "女"} and one.seated
    # in the printed order: center, room, seat
    keys = [(r.center_code, r.room_code, r.seat_no) for r in rows[:40]]
    assert keys == sorted(keys)


def test_candidates_filtered_by_center_level_room_and_status(demo_copy: Database) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        center = session.scalars(select(TestCenter).order_by(TestCenter.code)).all()[2]
        room = session.scalars(select(Room).where(Room.center_id == center.id)
                               .order_by(Room.code)).first()
        assert room is not None
        level = session.scalars(select(Level).order_by(Level.code)).first()
        assert level is not None
        at_center = candidate_rows(session, exam, center_id=center.id)
        assert at_center and {r.center_id for r in at_center} == {center.id}
        assert len(at_center) == session.scalar(
            select(func.count()).select_from(SeatAssignment).join(Room)
            .where(Room.center_id == center.id))
        in_room = candidate_rows(session, exam, room_id=room.id)
        assert [r.seat_no for r in in_room] == sorted(r.seat_no or 0 for r in in_room)
        assert {r.room_code for r in in_room} == {room.code}
        of_level = candidate_rows(session, exam, level_id=level.id)
        assert of_level and {r.level for r in of_level} == {level.name}
        both = candidate_rows(session, exam, center_id=center.id, level_id=level.id)
        assert {r.candidate_id for r in both} == (
            {r.candidate_id for r in at_center} & {r.candidate_id for r in of_level})
        gone = in_room[0].candidate_id
        session.execute(update(Candidate).where(Candidate.id == gone)
                        .values(status=CandidateStatus.WITHDRAWN))
        session.execute(SeatAssignment.__table__.delete()
                        .where(SeatAssignment.candidate_id == gone))
        withdrawn = candidate_rows(session, exam, status=CandidateStatus.WITHDRAWN)
        assert [r.candidate_id for r in withdrawn] == [gone]
        assert not withdrawn[0].seated and withdrawn[0].ticket_no == ""
        assert [r.candidate_id for r in candidate_rows(session, exam, seated=False)] == [gone]
        assert gone not in {r.candidate_id for r in candidate_rows(session, exam,
                                                                   room_id=room.id)}


def test_candidates_fetched_by_id_are_the_same_rows_in_the_same_order(
        demo_session: Session, demo_exam: ExamRef, monkeypatch) -> None:
    rows = candidate_rows(demo_session, demo_exam)
    wanted = [rows[4000].candidate_id, rows[7].candidate_id, rows[512].candidate_id]
    assert candidate_rows(demo_session, demo_exam, ids=wanted) == [rows[7], rows[512],
                                                                   rows[4000]]
    assert candidate_rows(demo_session, demo_exam, ids=[]) == []
    # a list too long for one statement is read whole and filtered, still in order
    monkeypatch.setattr(common, "ID_CHUNK", 2)
    assert candidate_rows(demo_session, demo_exam, ids=wanted) == [rows[7], rows[512],
                                                                   rows[4000]]


def test_rows_sort_by_any_field_with_empty_values_last(demo_session: Session,
                                                       demo_exam: ExamRef) -> None:
    rows = candidate_rows(demo_session, demo_exam, )[:60]
    by_ticket = sort_rows(rows, "ticket_no", descending=True)
    assert [r.ticket_no for r in by_ticket] == sorted((r.ticket_no for r in rows), reverse=True)
    by_level_name = sort_rows(rows, "level", "name")
    assert [(r.level, r.name) for r in by_level_name] == sorted((r.level, r.name) for r in rows)
    unseated = replace(rows[0], room_id=None, seat_no=None, ticket_no="")
    for descending in (False, True):
        assert sort_rows([unseated, *rows[1:5]], "ticket_no", descending=descending)[-1] == (
            unseated)
        assert sort_rows([unseated, *rows[1:5]], "seat_no", descending=descending)[-1] == (
            unseated)


def test_the_search_fields_find_a_candidate_by_pinyin_initials_and_numbers(
        demo_session: Session, demo_exam: ExamRef) -> None:
    rows = candidate_rows(demo_session, demo_exam)
    index = search_index(rows)
    one = next(r for r in rows if len(r.name) == 3 and all(pinyin_slots(c) for c in r.name))
    initials = "".join(pinyin_slots(c)[1].lower() for c in one.name)
    assert one.candidate_id in index.find(initials)
    assert index.find(one.ticket_no) == [one.candidate_id]
    assert index.find(one.id_number) == [one.candidate_id]
    assert index.find(one.registration_no) == [one.candidate_id]
    assert one.candidate_id in index.find(f"{initials} {one.work_unit[:3]}")


def test_room_rows_count_their_seats_and_filter_by_center_and_level(
        demo_session: Session, demo_exam: ExamRef) -> None:
    rooms = room_rows(demo_session, demo_exam)
    assert len(rooms) == demo_session.scalar(select(func.count()).select_from(Room))
    assert sum(r.seated for r in rooms) == demo_session.scalar(
        select(func.count()).select_from(SeatAssignment))
    spare = [r for r in rooms if r.spare]
    assert spare and all(r.seated == 0 and r.levels == () for r in spare)
    used = [r for r in rooms if r.seated]
    assert all(len(r.levels) == 1 and r.free == r.capacity - r.seated for r in used)
    room = demo_session.get(Room, used[0].room_id)
    assert room is not None
    assert (used[0].code, used[0].capacity, used[0].center_id) == (
        room.code, room.capacity, room.center_id)
    center = used[0].center_id
    assert room_rows(demo_session, demo_exam, center_id=center) == [
        r for r in rooms if r.center_id == center]
    level = demo_session.scalars(select(Level).where(Level.name == used[0].levels[0])).one()
    assert room_rows(demo_session, demo_exam, level_id=level.id) == [
        r for r in rooms if r.levels == used[0].levels]
    assert room_rows(demo_session, demo_exam, ids=[rooms[-1].room_id, rooms[0].room_id]) == [
        rooms[0], rooms[-1]]
    assert used[0].room_id in search_index(rooms).find(used[0].center_name)


def test_staff_rows_hold_roles_relatives_and_duties_filtered_by_center_and_role(
        demo_session: Session, demo_exam: ExamRef) -> None:
    staff = staff_rows(demo_session, demo_exam)
    assert len(staff) == demo_session.scalar(select(func.count()).select_from(Staff))
    relative = demo_session.scalars(select(StaffRelative)).first()
    assert relative is not None
    person = next(r for r in staff if r.staff_id == relative.staff_id)
    assert relative.id_number in person.relatives
    assert all(r.roles == tuple(sorted(r.roles, key=list(StaffRole).index)) for r in staff)
    assert sum(r.duties for r in staff) > 0
    chiefs = staff_rows(demo_session, demo_exam, role=StaffRole.CHIEF_EXAMINER)
    assert chiefs and all(StaffRole.CHIEF_EXAMINER in r.roles for r in chiefs)
    assert "主考" in chiefs[0].roles_text
    center = staff[0].home_center_id
    assert center is not None
    assert staff_rows(demo_session, demo_exam, center_id=center) == [
        r for r in staff if r.home_center_id == center]
    assert staff_rows(demo_session, demo_exam, ids=[person.staff_id]) == [person]
    assert person.staff_id in search_index(staff).find(person.id_number[-6:])


def test_before_allocation_candidates_have_papers_but_no_seat(own_exam_url: str) -> None:
    database = open_database(own_exam_url)
    try:
        with database.begin() as session:
            exam = resolve_exam(session)
            rows = candidate_rows(session, exam)
            assert rows and candidate_rows(session, exam, seated=False) == rows
            assert candidate_rows(session, exam, seated=True) == []
            assert all(r.center_id is None and r.room_id is None and r.seat_no is None
                       and (r.center_code, r.room_code, r.ticket_no) == ("", "", "")
                       for r in rows)
            assert all(r.papers and r.status is CandidateStatus.ACTIVE for r in rows)
            # unseated, they are listed by registration number
            assert [r.registration_no for r in rows] == sorted(r.registration_no for r in rows)
            rooms = room_rows(session, exam)
            assert rooms and all(r.seated == 0 and r.free == r.capacity for r in rooms)
    finally:
        database.close()


def test_the_filters_offer_the_exams_centers_levels_and_sessions(
        demo_session: Session, demo_exam: ExamRef) -> None:
    choices = filter_choices(demo_session, demo_exam)
    rows = candidate_rows(demo_session, demo_exam)
    assert [c.id for c in choices.centers] == list(dict.fromkeys(r.center_id for r in rows))
    assert {c.name for c in choices.levels} == {r.level for r in rows}
    assert len(choices.sessions) == demo_session.scalar(
        select(func.count()).select_from(ExamSession))
    for level in choices.levels:
        assert {r.level for r in candidate_rows(demo_session, demo_exam,
                                                level_id=level.id)} == {level.name}


def test_status_words_speak_the_users_language() -> None:
    try:
        assert speak("zh_CN") == "zh_CN"
        assert (status_label(CandidateStatus.WITHDRAWN),
                status_label(CandidateStatus.ACTIVE)) == ("已退考", "已报名")
    finally:
        speak("en")
    assert status_label(CandidateStatus.WITHDRAWN) == "withdrawn"
