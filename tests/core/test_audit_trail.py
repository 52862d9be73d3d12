"""The audit trail: read a page at a time with its filters, exported, and never edited.

Nothing in ExamDesk changes or deletes an event: the code holds no such statement (but the
purge of a closed exam, which blanks personal values in its details), the database only empties
an event's exam or user when that is deleted (ON DELETE SET NULL: the trail outlives them), and
the commands that change, print and export leave every earlier event exactly as it was.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.model import AuditEvent
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.rows.audit import (
    AuditFilter,
    audit_choices,
    audit_count,
    audit_rows,
    people_concerned,
)
from examdesk.services.seat_changes import withdraw_candidate
from ui.cli import run

ROOT = Path(__file__).resolve().parents[2]
WHO = "411621196606098081"  # the demo's first candidate

# A statement that changes or deletes events: the ORM's, Core's or SQL's.
EDITS = re.compile(
    r"(update|delete)\(\s*AuditEvent|(UPDATE|DELETE\s+FROM)\s+\"?audit_events|"
    r"session\.delete\(\s*(event|audit)", re.IGNORECASE)
#: The one place allowed to touch old events: the purge blanks personal values in details.
PURGE = ROOT / "examdesk" / "services" / "purge.py"


def test_no_code_edits_or_deletes_audit_events():
    offenders = []
    for package in ("examdesk", "reports", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            if path == PURGE or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if EDITS.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
    # nor does the database: deleting an exam or a user empties the reference, the event stays
    assert {key.ondelete for key in AuditEvent.__table__.foreign_keys} == {"SET NULL"}
    assert EDITS.search("session.execute(update(AuditEvent).values(summary=''))")
    assert EDITS.search('connection.exec_driver_sql("DELETE FROM audit_events")')


def _trail(db) -> list[tuple]:
    with db.begin() as session:
        return [tuple(r) for r in session.execute(
            select(AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action,
                   AuditEvent.entity_id, AuditEvent.summary, AuditEvent.details)
            .order_by(AuditEvent.id))]


def test_changing_printing_and_exporting_leave_earlier_events_as_they_were(
        demo_copy, demo_copy_url, tmp_path, capsys):
    before = _trail(demo_copy)
    for argv in (["seat", "withdraw", WHO], ["export", "candidates", tmp_path / "c.xlsx"],
                 ["print", "door", "--center", "01", "--out", tmp_path],
                 ["export", "audit", tmp_path / "a.xlsx"], ["roster", "--repair"]):
        run(["--db", demo_copy_url, *map(str, argv)])
    capsys.readouterr()
    after = _trail(demo_copy)
    assert after[:len(before)] == before
    assert {r[3] for r in after[len(before):]} >= {
        "seat.withdraw", "export.candidates", "print", "export.audit"}


def add_old_events(session, exam_id: int, user: str, count: int) -> None:
    """``count`` room edits by ``user``, a minute apart from 2025-06-01 03:00 UTC (a trail
    brought over from last year)."""
    long_ago = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
    session.execute(insert(AuditEvent), [
        {"at": long_ago + timedelta(minutes=n), "actor": user, "action": "room.edit",
         "exam_id": exam_id, "entity": "room", "entity_id": "1",
         "summary": f"change {n}", "details": {"capacity": [30, 30 + n]}}
        for n in range(count)])


@pytest.fixture
def trail(demo_copy, actor):
    """The demo with 300 events of last year by 王老师 (imported), then a withdrawal by
    李老师."""
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        add_old_events(session, exam.id, "王老师", 300)
        who = find_candidate(session, exam, WHO).one()
        withdraw_candidate(session, Actor("李老师"), exam, who.id)
    return demo_copy


def test_the_trail_is_read_a_page_at_a_time_newest_first(trail, actor):
    with trail.begin() as session:
        total = audit_count(session, actor)
        first = audit_rows(session, actor, limit=100)
        second = audit_rows(session, actor, before=first[-1].event_id, limit=100)
        again = audit_rows(session, actor, ids=[first[3].event_id])
    assert total > 300 and len(first) == len(second) == 100
    ids = [r.event_id for r in first + second]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 200
    assert first[0].user == "李老师" and first[0].action == "seat.withdraw"
    assert first[0].about.startswith("考生 ") or first[0].about.startswith("Candidate ")
    assert again == [first[3]]


def test_the_filters_keep_a_user_a_kind_a_time_and_a_person(trail, actor):
    with trail.begin() as session:
        exam = resolve_exam(session)
        mine = audit_rows(session, actor, AuditFilter(user="王老师"), limit=None)
        rooms = audit_count(session, actor, AuditFilter(action="room"))
        edits = audit_count(session, actor, AuditFilter(action="room.edit"))
        on_day = audit_count(session, actor, AuditFilter(since=date(2025, 6, 1),
                                                         until=date(2025, 6, 1)))
        later = audit_count(session, actor, AuditFilter(since=date(2025, 6, 2),
                                                        until=date(2025, 12, 31)))
        person = people_concerned(session, exam, WHO)
        about = audit_rows(session, actor, AuditFilter(about=person), limit=None)
        nobody = audit_count(session, actor, AuditFilter(about=()))
        choices = audit_choices(session, actor)
    assert len(mine) == 300 and {r.user for r in mine} == {"王老师"}
    assert mine[0].changes[0].field == "capacity"
    assert (mine[0].before_text, mine[0].after_text) == ("capacity: 30", "capacity: 329")
    assert rooms >= edits == 300
    assert on_day == 300 and later == 0
    assert [r.action for r in about] == ["seat.withdraw"]
    assert nobody == 0
    assert {"李老师", "王老师"} <= set(choices.users)
    assert {"room.edit", "seat.withdraw"} <= set(choices.actions)


def test_only_administrators_and_planners_read_the_trail(trail):
    desk = Actor("desk", grants=(Grant(UserRole.DESK, None, 1),))
    planner = Actor("planner", grants=(Grant(UserRole.PLANNER, 1),))
    with trail.begin() as session:
        with pytest.raises(AccessDenied, match="audit trail"):
            audit_rows(session, desk)
        with pytest.raises(AccessDenied):
            audit_count(session, desk)
        assert audit_rows(session, planner, limit=1)


def test_export_audit_writes_fixed_headers_and_is_itself_audited(trail, demo_copy_url,
                                                                  tmp_path, capsys):
    out = tmp_path / "审计.xlsx"
    status = run(["--db", demo_copy_url, "export", "audit", str(out), "--by", "王老师",
                  "--since", "2025-06-01", "--until", "2025-06-01"])
    said = capsys.readouterr().out
    assert status == 0 and "300" in said
    book = load_workbook(out, read_only=True)
    lines = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()  # a read-only workbook keeps its file open until closed
    assert lines[0] == ("编号", "时间", "用户", "操作", "考试", "对象", "对象编号", "摘要",
                        "修改前", "修改后")
    assert len(lines) == 301 and {line[2] for line in lines[1:]} == {"王老师"}
    assert {line[3] for line in lines[1:]} == {"Change a room"}  # by name, in its language
    assert lines[1][8:] == ("capacity: 30", "capacity: 329")
    assert _trail(trail)[-1][3] == "export.audit"
    assert run(["--db", demo_copy_url, "export", "audit", str(out), "--since", "June"]) == 2
