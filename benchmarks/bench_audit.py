"""The 审计 page's reads on a provincial trail: a page of the newest events, with each filter,
the count, the filters' choices and the next page.

Usage: python benchmarks/bench_audit.py --db URL [--events 200000] [--upgrade]

The database is one that holds an exam (e.g. after ``examdesk demo --scale 17``, an allocation
and a roster); events are added (a mix of users, kinds of action and candidates concerned, a
minute apart) until the trail holds ``--events``. Each read is the median of 3, as the page
runs it (examdesk/services/rows/audit.py).

``--upgrade`` measures revision 0016 (the events keep their exam's code; on SQLite the table
is copied) on that trail instead: the database is taken back to 0015, then opened by a process
of its own, as ExamDesk opens an older database (a backup of an SQLite file first, then the
upgrade); its time and peak memory are printed beside those of a process opening it current.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from alembic import command
from sqlalchemy import func, insert, select

from examdesk.db import open_database
from examdesk.db.database import _alembic_config, _driver_pragma
from examdesk.model import AuditEvent, Candidate
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.audit import (
    AuditFilter,
    audit_choices,
    audit_count,
    audit_rows,
    people_concerned,
)

USERS = ("张老师", "李老师", "王老师", "赵老师", "desk01", "desk02")
ACTIONS = ("candidate.edit", "seat.withdraw", "room.edit", "staff.edit", "print",
           "export.candidates", "duties.replace")


def fill(url: str, wanted: int) -> None:
    db = open_database(url)
    with db.write("bench") as session:
        have = session.scalar(select(func.count(AuditEvent.id))) or 0
        exam = resolve_exam(session)
        people = list(session.scalars(select(Candidate.id).where(Candidate.exam_id == exam.id)
                                      .order_by(Candidate.id)))
        start = datetime(2026, 9, 1, tzinfo=UTC)
        rows: list[dict[str, Any]] = []
        for n in range(have, wanted):
            rows.append({
                "at": start + timedelta(minutes=n), "actor": USERS[n % len(USERS)],
                "action": ACTIONS[n % len(ACTIONS)], "exam_id": exam.id, "exam_code": exam.code,
                "entity": "candidate", "entity_id": str(people[n * 7919 % len(people)]),
                "summary": f"change {n}", "details": {"phone": ["13800000000", "13900000000"]}})
            if len(rows) == 10_000:
                session.execute(insert(AuditEvent), rows)
                rows.clear()
        if rows:
            session.execute(insert(AuditEvent), rows)
    db.close()


def timed(what: str, read: Callable[[], Any]) -> None:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        result = read()
        times.append(time.perf_counter() - started)
    size = len(result) if isinstance(result, list) else result
    print(f"{what:<42} {statistics.median(times) * 1000:8.1f} ms  ({size})")


# A process of its own opens the database: the seconds open_database takes, its peak memory
# (VmHWM: ru_maxrss would count the memory of this process, which forked it).
OPEN = """
import re, sys, time
from pathlib import Path
from examdesk.db import open_database
started = time.perf_counter()
database = open_database(sys.argv[1])
seconds = time.perf_counter() - started
database.close()
peak = re.search(r"VmHWM:\\s*(\\d+)", Path("/proc/self/status").read_text())
print(seconds, int(peak.group(1)) // 1024 if peak else -1)
"""


def upgrade(url: str) -> None:
    """Take the database back to 0015, then time opening it (the upgrade to 0016) and
    opening it again (current), each in a process of its own."""
    db = open_database(url)
    with db.engine.connect() as connection:
        sqlite = db.engine.dialect.name == "sqlite"
        if sqlite:  # as the upgrades run: a table rebuilt must not take its children along
            _driver_pragma(connection, "foreign_keys=OFF")
        with connection.begin():
            command.downgrade(_alembic_config(connection), "0015")
        if sqlite:
            _driver_pragma(connection, "foreign_keys=ON")
    with db.begin() as session:
        events = session.scalar(select(func.count(AuditEvent.id))) or 0
    db.close()
    for what in ("upgrade 0015 -> 0016", "open, current"):
        out = subprocess.run([sys.executable, "-c", OPEN, url], check=True,
                             capture_output=True, text=True).stdout.split()
        print(f"{what:<24} {float(out[0]):6.1f} s  peak {out[1]:>4} MB  ({events:,} events)")
    db = open_database(url)
    with db.begin() as session:
        coded = session.scalar(select(func.count(AuditEvent.id))
                               .where(AuditEvent.exam_code != "")) or 0
    db.close()
    print(f"events with their exam's code: {coded:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--upgrade", action="store_true",
                        help="measure revision 0016 on the trail instead of the page's reads")
    args = parser.parse_args()
    fill(args.db, args.events)
    if args.upgrade:
        upgrade(args.db)
        return
    db = open_database(args.db)
    actor = Actor("bench")
    with db.begin() as session:
        exam = resolve_exam(session)
        total = audit_count(session, actor)
        print(f"{total:,} events")
        first = audit_rows(session, actor)
        timed("newest page (500)", lambda: audit_rows(session, actor))
        timed("count", lambda: audit_count(session, actor))
        timed("choices (users, actions)", lambda: audit_choices(session, actor))
        timed("next page", lambda: audit_rows(session, actor, before=first[-1].event_id))
        timed("one user's page", lambda: audit_rows(session, actor, AuditFilter(user="desk02")))
        timed("one kind's page", lambda: audit_rows(session, actor,
                                                    AuditFilter(action="seat")))
        day = AuditFilter(since=date(2026, 9, 20), until=date(2026, 9, 20))
        timed("one day's page", lambda: audit_rows(session, actor, day))
        timed("one day's count", lambda: audit_count(session, actor, day))
        number = session.scalar(select(Candidate.id_number).where(
            Candidate.exam_id == exam.id).order_by(Candidate.id).offset(500))
        assert number is not None
        timed("a person (lookup + page)", lambda: audit_rows(session, actor, AuditFilter(
            about=people_concerned(session, exam, number))))
        rare = AuditFilter(user="nobody")
        timed("a user with no event (whole scan)", lambda: audit_rows(session, actor, rare))
    db.close()


if __name__ == "__main__":
    main()
