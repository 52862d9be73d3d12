"""The database itself refuses a plan that breaks its integrity rules, on both backends."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from examdesk.model import (
    Candidate,
    Duty,
    Exam,
    ExamSession,
    Gender,
    Level,
    Post,
    PostKind,
    Room,
    SeatAssignment,
    Staff,
    StaffRole,
    TestCenter,
)


@pytest.fixture
def plan(db):
    """One exam with a level, a center with two rooms, a session, and two candidates."""
    with db.begin() as session:
        exam = Exam(code="E1", name="测试考试", year=2023)
        session.add(exam)
        session.flush()
        level = Level(exam_id=exam.id, code="1", name="助理社会工作师")
        center = TestCenter(exam_id=exam.id, code="01", name="周口技师学院")
        session.add_all([level, center])
        session.flush()
        rooms = [Room(center_id=center.id, code=f"0100{i}", rows=6, columns=5) for i in (1, 2)]
        sitting = ExamSession(exam_id=exam.id, code="S1", date=date(2023, 6, 11),
                              start_time=time(9), end_time=time(11))
        people = [
            Candidate(exam_id=exam.id, registration_no=f"R{i}", name=name, gender=Gender.FEMALE,
                      id_number=number, level_id=level.id)
            for i, (name, number) in enumerate(
                [("曾轩", "411623197212119166"), ("金平宇", "411622199605129501")])
        ]
        session.add_all([*rooms, sitting, *people])
        session.flush()
        ids = {"exam": exam.id, "level": level.id, "center": center.id,
               "rooms": [r.id for r in rooms], "session": sitting.id,
               "candidates": [c.id for c in people]}
    return ids


def seat(plan, candidate, room, number, ticket):
    return SeatAssignment(candidate_id=plan["candidates"][candidate], exam_id=plan["exam"],
                          room_id=plan["rooms"][room], seat_no=number, ticket_no=ticket)


def test_an_id_number_is_registered_once_per_exam(db, plan):
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(Candidate(exam_id=plan["exam"], registration_no="R9", name="曾轩",
                              gender=Gender.FEMALE, id_number="411623197212119166",
                              level_id=plan["level"]))
    # the same person may sit another exam
    with db.begin() as session:
        other = Exam(code="E2", name="另一考试", year=2024)
        session.add(other)
        session.flush()
        level = Level(exam_id=other.id, code="1", name="助理社会工作师")
        session.add(level)
        session.flush()
        session.add(Candidate(exam_id=other.id, registration_no="R1", name="曾轩",
                              gender=Gender.FEMALE, id_number="411623197212119166",
                              level_id=level.id))
    with db.begin() as session:
        assert session.scalar(select(func.count(Candidate.id))) == 3


def test_a_seat_holds_one_candidate(db, plan):
    with db.begin() as session:
        session.add(seat(plan, 0, 0, 1, "10123160101"))
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(seat(plan, 1, 0, 1, "10123160102"))


def test_a_candidate_has_one_seat(db, plan):
    with db.begin() as session:
        session.add(seat(plan, 0, 0, 1, "10123160101"))
    with pytest.raises(IntegrityError), db.begin() as session:
        session.execute(text(
            "INSERT INTO seat_assignments (candidate_id, exam_id, room_id, seat_no, ticket_no)"
            " VALUES (:c, :e, :r, 2, '10123160202')"),
            {"c": plan["candidates"][0], "e": plan["exam"], "r": plan["rooms"][1]})


def test_a_ticket_number_is_unique_in_the_exam(db, plan):
    with db.begin() as session:
        session.add(seat(plan, 0, 0, 1, "10123160101"))
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(seat(plan, 1, 1, 1, "10123160101"))


def test_seat_numbers_start_at_one(db, plan):
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(seat(plan, 0, 0, 0, "10123160100"))


def test_enum_columns_refuse_unknown_values(db, plan):
    with pytest.raises(IntegrityError), db.begin() as session:
        session.execute(text("UPDATE candidates SET gender = 'unknown' WHERE id = :c"),
                        {"c": plan["candidates"][0]})


def test_foreign_keys_are_enforced(db, plan):
    with pytest.raises(IntegrityError), db.begin() as session:
        session.execute(text(
            "INSERT INTO rooms (center_id, code, building, label, rows, columns,"
            " unusable_seats, accessible, spare, locked, sort_order)"
            " VALUES (999999, 'X', '', '', 5, 6, '[]', false, false, false, 0)"))


def test_a_room_grid_must_be_sane(db, plan):
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(Room(center_id=plan["center"], code="BAD", rows=0, columns=5))


def test_a_duty_is_a_room_or_a_post_never_both(db, plan):
    with db.begin() as session:
        staff = Staff(exam_id=plan["exam"], name="侯宇", gender=Gender.MALE,
                      id_number="411628197607168271")
        post = Post(center_id=plan["center"], kind=PostKind.MEDICAL)
        session.add_all([staff, post])
        session.flush()
        staff_id, post_id = staff.id, post.id
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(Duty(staff_id=staff_id, session_id=plan["session"],
                         role=StaffRole.INVIGILATOR, room_id=plan["rooms"][0], post_id=post_id))


def test_a_room_has_one_lead_invigilator_per_session(db, plan):
    with db.begin() as session:
        people = [Staff(exam_id=plan["exam"], name=n, gender=Gender.MALE, id_number=i)
                  for n, i in (("甲", "411628197607168271"), ("乙", "411625199412235016"))]
        session.add_all(people)
        session.flush()
        session.add(Duty(staff_id=people[0].id, session_id=plan["session"],
                         role=StaffRole.INVIGILATOR, room_id=plan["rooms"][0], is_lead=True))
        second = people[1].id
    with pytest.raises(IntegrityError), db.begin() as session:
        session.add(Duty(staff_id=second, session_id=plan["session"],
                         role=StaffRole.INVIGILATOR, room_id=plan["rooms"][0], is_lead=True))
    with db.begin() as session:  # a second, non-lead invigilator is fine
        session.add(Duty(staff_id=second, session_id=plan["session"],
                         role=StaffRole.INVIGILATOR, room_id=plan["rooms"][0], is_lead=False))


def test_deleting_an_exam_removes_everything_of_it(db, plan):
    with db.begin() as session:
        session.add(seat(plan, 0, 0, 1, "10123160101"))
    with db.begin() as session:
        session.execute(text("DELETE FROM exams WHERE id = :e"), {"e": plan["exam"]})
    with db.begin() as session:
        for model in (Candidate, Room, TestCenter, Level, ExamSession):
            assert session.scalar(select(func.count()).select_from(model)) == 0
        assert session.scalar(select(func.count()).select_from(SeatAssignment)) == 0
