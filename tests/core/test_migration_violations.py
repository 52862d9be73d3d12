"""Revision 0012 on a database that holds incidents: they keep their text under issue 14's
kinds (illness becomes 身体不适/医疗), and the regulation's acts are there to pick from."""

from __future__ import annotations

from sqlalchemy import text

from examdesk.db import open_database, resolve_database_url
from examdesk.db.database import create_examdesk_engine, upgrade_to
from examdesk.enums import IncidentKind, IncidentStatus
from examdesk.services import incidents, violations
from examdesk.services.exams import resolve_exam
from tests.core.test_database import downgrade_to, insert_old_exam


def test_incidents_of_an_older_database_keep_their_text_under_the_new_kinds(db_url) -> None:
    engine = create_examdesk_engine(resolve_database_url(db_url))
    upgrade_to(engine, "0009")
    with engine.begin() as connection:
        insert_old_exam(connection)
        connection.execute(text(
            "INSERT INTO users (id, username, display_name, active, created_at,"
            " failed_attempts) VALUES (1, 'root', '', true, '2023-06-10 05:00:00', 0)"))
        connection.execute(text(
            "INSERT INTO incidents (id, exam_id, kind, description, action_taken, occurred_at,"
            " reported_by_id, severity) VALUES (1, 1, 'illness', '考生头晕', '送医务室',"
            " '2023-06-10 06:30:00', 1, 1), (2, 1, 'cheating', '夹带', '', "
            " '2023-06-10 06:40:00', 1, 2)"))
    engine.dispose()

    database = open_database(db_url)
    try:
        with database.begin() as session:
            exam = resolve_exam(session)
            rows = incidents.incidents(session, None, exam)
            assert len(violations.acts(session)) == 23
        assert [(r.kind, r.description, r.action_taken, r.status) for r in rows] == [
            (IncidentKind.MEDICAL, "考生头晕", "送医务室", IncidentStatus.OPEN),
            (IncidentKind.OTHER, "夹带", "", IncidentStatus.OPEN)]
        downgrade_to(database.engine, "0009")  # and back: the old shape again
        upgrade_to(database.engine, "0012")
    finally:
        database.close()
