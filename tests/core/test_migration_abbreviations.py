"""Revision 0006 on a database that holds an exam: the social worker exam's levels and papers
get their common abbreviations, as a new exam does; earlier draws keep an empty host."""

from __future__ import annotations

from sqlalchemy import text

from examdesk.db import open_database, resolve_database_url
from examdesk.db.database import create_examdesk_engine, revisions, upgrade_to
from examdesk.services.abbreviations import COMMON_ABBREVIATIONS
from examdesk.services.exams import level_names, resolve_exam
from tests.core.test_database import insert_old_exam


def test_an_existing_exam_gets_the_common_abbreviations(db_url):
    engine = create_examdesk_engine(resolve_database_url(db_url))
    upgrade_to(engine, revisions()[0])
    with engine.begin() as connection:
        insert_old_exam(connection)  # level 1: 助理社会工作师
    upgrade_to(engine, "0004")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO levels (id, exam_id, code, name, short_name, sort_order) VALUES"
            " (2, 1, '9', '其他级别', '', 1)"))
        connection.execute(text(
            "INSERT INTO subjects (id, level_id, code, name, short_name) VALUES"
            " (1, 1, '12', '社会工作实务(初级)', '实务'), (2, 2, '91', '其他科目', '')"))
        connection.execute(text(
            "INSERT INTO test_centers (id, exam_id, code, name, address, phone, contact,"
            " district, sort_order) VALUES (1, 1, '01', '一中', '', '', '', '', 0)"))
        connection.execute(text(
            "INSERT INTO exam_sessions (id, exam_id, code, name, date, start_time, end_time)"
            " VALUES (1, 1, 'S1', '', '2023-06-10', '14:00:00', '16:00:00')"))
        connection.execute(text(
            "INSERT INTO room_draws (id, exam_id, center_id, session_id, seed, drawn_at, actor)"
            " VALUES (1, 1, 1, 1, 7, '2023-06-10 05:05:00', 'root')"))
    engine.dispose()

    database = open_database(db_url)
    try:
        with database.begin() as session:
            first, other = level_names(session, resolve_exam(session).id)
            assert first.abbreviations == COMMON_ABBREVIATIONS["助理社会工作师"]
            assert first.subjects[0].abbreviations == COMMON_ABBREVIATIONS["社会工作实务(初级)"]
            assert other.abbreviations == () and other.subjects[0].abbreviations == ()
            assert session.execute(text("SELECT host, actor FROM room_draws")).one() == (
                "", "root")
    finally:
        database.close()
