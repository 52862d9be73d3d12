"""Revision 0015 on a database whose exam day has begun: the marks made before it get the
room their candidates sit in, and the live board counts them there."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from examdesk.db import open_database
from examdesk.db.database import upgrade_to
from examdesk.services.audit import Actor
from examdesk.services.board import read_board
from examdesk.services.exams import resolve_exam
from tests.core.test_database import downgrade_to


def test_marks_made_before_the_revision_get_their_candidates_rooms(demo_copy_url) -> None:
    database = open_database(demo_copy_url)
    try:
        downgrade_to(database.engine, "0014")
        with database.engine.begin() as connection:
            seats = connection.execute(text(
                "SELECT s.candidate_id, s.room_id, r.center_id FROM seat_assignments s"
                " JOIN rooms r ON r.id = s.room_id ORDER BY s.candidate_id LIMIT 7")).all()
            morning = connection.execute(text(
                "SELECT id FROM exam_sessions WHERE code = 'S1'")).scalar_one()
            for n, (candidate, _room, _center) in enumerate(seats):
                connection.execute(text(
                    "INSERT INTO attendance_marks (candidate_id, session_id, status, marked_at,"
                    " marked_by) VALUES (:c, :s, :status, '2023-06-10 07:00:00', 'li')"),
                    {"c": candidate, "s": morning, "status": "absent" if n == 0 else "present"})
        upgrade_to(database.engine, "0015")
        with database.engine.connect() as connection:
            assert dict(connection.execute(text(
                "SELECT candidate_id, room_id FROM attendance_marks")).all()) == {
                candidate: room for candidate, room, _center in seats}
        with database.begin() as session:
            board = read_board(session, Actor("li"), resolve_exam(session),
                               now=datetime(2023, 6, 10, 8, 40), session_code="S1")
        marked = {center for _candidate, _room, center in seats}
        assert (board.district.present, board.district.absent) == (6, 1)
        assert {line.center_id for line in board.centers if line.present or line.absent} == marked
    finally:
        database.close()
