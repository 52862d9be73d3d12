"""The audit trail outlives its exam: deleting the exam (``examdesk demo --replace``) keeps
who changed its plan and who issued its certificates, each event still naming the exam by its
code, and adds one event saying who deleted which exam and what it held. The events of an exam
that is gone are read by administrators only. Revision 0016 brings the code to the events of
an older database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, inspect, select, text

from examdesk.db import open_database
from examdesk.db.database import head_revision, upgrade_to
from examdesk.enums import Gender, UserRole
from examdesk.model import AuditEvent, Candidate, Exam, Level
from examdesk.services.audit import Actor, Grant
from examdesk.services.demo import delete_exam
from examdesk.services.exams import resolve_exam
from examdesk.services.purge import purge_exam
from examdesk.services.rows.audit import AuditFilter, audit_choices, audit_count, audit_rows
from tests.core.test_database import downgrade_to
from ui.cli import run

CODE = "SW2023-ZK"  # the demo's exam
ADMIN = Actor("root", grants=(Grant(UserRole.ADMIN),))


def _events(database) -> dict[int, tuple]:
    with database.begin() as session:
        return {r.id: (r.action, r.exam_id, r.exam_code) for r in session.execute(
            select(AuditEvent.id, AuditEvent.action, AuditEvent.exam_id, AuditEvent.exam_code))}


def replace_the_demo(demo_copy, demo_copy_url: str) -> tuple[dict[int, tuple], int]:
    """Give the demo's exam 300 certificates-desk events of last year by desk01, then replace
    it with ``examdesk demo --replace --exam-only``; the events before, the new exam's id."""
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        long_ago = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
        session.execute(insert(AuditEvent), [
            {"at": long_ago + timedelta(minutes=n), "actor": "desk01",
             "action": "tempid.issue", "exam_id": exam.id, "exam_code": CODE,
             "entity": "candidate", "entity_id": str(n), "summary": f"issued 01-{n:04d}",
             "details": {}} for n in range(300)])
    before = _events(demo_copy)
    assert run(["--db", demo_copy_url, "demo", "--replace", "--exam-only"]) == 0
    with demo_copy.begin() as session:
        new = session.scalar(select(Exam.id).where(Exam.code == CODE))
    assert new is not None
    return before, new


def desk01_events(url: str) -> int:
    database = open_database(url)
    try:
        with database.begin() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.actor == "desk01")) or 0
    finally:
        database.close()


@pytest.fixture
def replaced(demo_copy, demo_copy_url, capsys):
    """:func:`replace_the_demo`: (database, the events before, the new exam's id)."""
    before, new = replace_the_demo(demo_copy, demo_copy_url)
    capsys.readouterr()
    return demo_copy, before, new


def test_demo_replace_keeps_the_replaced_exams_trail_with_its_code(replaced):
    database, before, new = replaced
    after = _events(database)
    assert set(before) < set(after)  # not one event lost
    assert {after[n] for n in before} == {(action, None, CODE)
                                          for action, _exam, _code in before.values()}
    added = [after[n] for n in sorted(set(after) - set(before))]
    assert [a[0] for a in added] == ["exam.delete", "demo.exam"]
    assert added[0][1:] == (None, CODE) and added[1][1:] == (new, CODE)
    with database.begin() as session:
        deleted = session.execute(select(AuditEvent.actor, AuditEvent.details, AuditEvent.summary)
                                  .where(AuditEvent.action == "exam.delete")).one()
    assert deleted.actor == "tester"
    assert deleted.details == {"name": deleted.details["name"], "centers": 5, "rooms": 205,
                               "candidates": 6000, "staff": 650,
                               "audit_events_kept": len(before)}
    assert CODE in deleted.summary


def test_the_trail_of_a_deleted_exam_is_for_administrators_only(replaced):
    database, before, new = replaced
    with database.write("test") as session:  # the new exam's candidate takes a freed id
        level = session.scalar(select(Level.id).where(Level.exam_id == new).limit(1))
        session.add(Candidate(id=299, exam_id=new, registration_no="R1", name="新考生",
                              gender=Gender.FEMALE, id_number="411621196606098081",
                              level_id=level))
    planner = Actor("planner", grants=(Grant(UserRole.PLANNER, new),))
    exam_admin = Actor("exam-admin", grants=(Grant(UserRole.ADMIN, new),))
    with database.begin() as session:
        for everyone in (ADMIN, Actor("tester")):  # an administrator; no users: everyone
            rows = audit_rows(session, everyone, limit=None)
            assert len(rows) == len(before) + 2
            assert audit_count(session, everyone, AuditFilter(exam_code=CODE)) == len(rows)
        # a planner (of the exam loaded again under the code, too) sees only the new one
        for reader in (planner, exam_admin):
            assert [(r.action, r.exam, r.exam_gone) for r in audit_rows(
                session, reader, limit=None)] == [("demo.exam", CODE, False)]
            assert audit_count(session, reader) == 1
            assert audit_choices(session, reader).users == ("tester",)
        assert "desk01" in audit_choices(session, ADMIN).users
        gone = audit_rows(session, ADMIN, AuditFilter(action="tempid.issue"), limit=1)[0]
        deleted = audit_rows(session, ADMIN, AuditFilter(action="exam.delete"))[0]
    assert (gone.exam, gone.exam_gone, gone.summary) == (CODE, True, "issued 01-0299")
    assert gone.entity_id == "299" and gone.about.endswith(" 299")  # not the new 新考生
    assert deleted.exam_gone and deleted.about.endswith(CODE)


@pytest.mark.usefixtures("replaced")
def test_the_export_names_the_deleted_exam(demo_copy_url, tmp_path, capsys):
    # every event of desk01: the 300 of the fixture, and any the demo holds already
    out = tmp_path / "审计.xlsx"
    assert run(["--db", demo_copy_url, "export", "audit", str(out), "--by", "desk01"]) == 0
    capsys.readouterr()
    book = load_workbook(out, read_only=True)
    lines = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert lines[0][4] == "考试" and len(lines) == 1 + desk01_events(demo_copy_url) >= 301
    assert {line[4] for line in lines[1:]} == {CODE}


def test_the_purge_still_blanks_its_exams_events_and_they_outlive_it(demo_copy, actor):
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        session.execute(insert(AuditEvent).values(
            actor="clerk", action="candidate.edit", exam_id=exam.id, exam_code=CODE,
            entity="candidate", entity_id="1", summary="phone 13800000000",
            details={"phone": ["13800000000", "13900000000"]}))
        result = purge_exam(session, actor, exam, today=datetime(2024, 1, 1).date())
        delete_exam(session, actor, exam.id)
    assert result.events >= 1
    with demo_copy.begin() as session:
        kept = session.execute(select(AuditEvent.summary, AuditEvent.details).where(
            AuditEvent.action == "candidate.edit", AuditEvent.actor == "clerk")).one()
        purged = session.scalar(select(AuditEvent.exam_code)
                                .where(AuditEvent.action == "exam.purge"))
    assert kept == ("phone 已清除", {"phone": ["已清除", "已清除"]})
    assert purged == CODE


def test_revision_0016_gives_older_events_their_exams_code(demo_copy_url, actor):
    database = open_database(demo_copy_url)
    try:
        downgrade_to(database.engine, "0015")
        with database.engine.begin() as connection:
            exam = connection.execute(text("SELECT id FROM exams")).scalar_one()
            connection.execute(text(
                "INSERT INTO audit_events (at, actor, action, exam_id, entity, entity_id,"
                " summary, details) VALUES ('2025-06-01 03:00:00', 'wang', 'room.edit', :exam,"
                " 'room', '1', 'old one', '{}'), ('2025-06-01 03:01:00', 'wang', 'backup',"
                " NULL, '', '', 'no exam', '{}')"), {"exam": exam})
            count = connection.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        upgrade_to(database.engine, head_revision())
        schema = inspect(database.engine)
        (key,) = [k for k in schema.get_foreign_keys("audit_events")
                  if k["referred_table"] == "exams"]
        assert key["options"].get("ondelete") == "SET NULL"
        assert {i["name"] for i in schema.get_indexes("audit_events")} == {
            "ix_audit_events_at", "ix_audit_events_exam_id"}
        with database.begin() as session:
            codes = dict(session.execute(select(AuditEvent.summary, AuditEvent.exam_code)
                                         .where(AuditEvent.actor == "wang")).all())
            every = session.scalar(select(func.count()).where(AuditEvent.exam_code == CODE))
        assert codes == {"old one": CODE, "no exam": ""}
        assert every == count - 1
        with database.write("test") as session:
            delete_exam(session, actor, exam)
        with database.begin() as session:
            rows = audit_rows(session, ADMIN, AuditFilter(user="wang"))
        assert [(r.summary, r.exam, r.exam_gone) for r in rows] == [
            ("no exam", "", False), ("old one", CODE, True)]
    finally:
        database.close()
