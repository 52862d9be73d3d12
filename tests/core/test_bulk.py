"""Bulk inserts fill defaults and convert types the same way on SQLite (executemany) and
PostgreSQL (COPY)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from examdesk.db.bulk import bulk_insert
from examdesk.enums import CandidateStatus, Gender, IdType
from examdesk.model import Candidate, Exam, Level, Room, TestCenter
from examdesk.services import demo


def test_bulk_rows_read_back_as_an_orm_insert_would_store_them(db, actor):
    with db.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
        exam_id = session.scalar(select(Exam.id))
        level_id = session.scalar(select(Level.id).where(Level.code == "1"))
        bulk_insert(session, Candidate, [
            {"exam_id": exam_id, "registration_no": f"R{n}", "name": name, "gender": gender,
             "id_type": IdType.PASSPORT, "id_number": f"E{n:08d}", "birth_date": born,
             "level_id": level_id}
            for n, (name, gender, born) in enumerate(
                [("\U00020bb7三", Gender.MALE, date(1990, 3, 7)),
                 ("O'Neil\t\\N", Gender.FEMALE, None)])
        ])
        center = TestCenter(exam_id=exam_id, code="01", name="一中")
        session.add(center)
        session.flush()
        bulk_insert(session, Room, [
            {"center_id": center.id, "code": "01001", "rows": 6, "columns": 5,
             "unusable_seats": [[6, 5]]}])
    with db.begin() as session:
        stored = session.scalars(select(Candidate).order_by(Candidate.registration_no)).all()
        assert [(c.name, c.gender, c.birth_date) for c in stored] == [
            ("\U00020bb7三", Gender.MALE, date(1990, 3, 7)),
            ("O'Neil\t\\N", Gender.FEMALE, None)]
        assert {(c.status, c.district, c.needs_accessible_room, c.id_type) for c in stored} == {
            (CandidateStatus.ACTIVE, "", False, IdType.PASSPORT)}
        room = session.scalars(select(Room)).one()
        assert (room.unusable_seats, room.capacity, room.spare, room.locked) == (
            [[6, 5]], 29, False, False)
