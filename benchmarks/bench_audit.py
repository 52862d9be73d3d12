"""The 审计 page's reads on a provincial trail: a page of the newest events, with each filter,
the count, the filters' choices and the next page.

Usage: python benchmarks/bench_audit.py --db URL [--events 200000]

The database is one that holds an exam (e.g. after ``examdesk demo --scale 17``, an allocation
and a roster); events are added (a mix of users, kinds of action and candidates concerned, a
minute apart) until the trail holds ``--events``. Each read is the median of 3, as the page
runs it (examdesk/services/rows/audit.py).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from examdesk.db import open_database
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
                "action": ACTIONS[n % len(ACTIONS)], "exam_id": exam.id,
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--events", type=int, default=200_000)
    args = parser.parse_args()
    fill(args.db, args.events)
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
