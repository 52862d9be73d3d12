"""Moments (audit times, certificates issued, marks...) are stored in UTC and read back as
the same moment on both databases, whatever the desk's time zone: ExamDesk's users sit at UTC+8,
its CI at UTC."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from examdesk.model import AuditEvent
from examdesk.services import audit


@pytest.fixture
def in_china(monkeypatch):
    """The process's local time zone is China's (UTC+8, no daylight saving)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_moment_written_reads_back_the_same_on_a_desk_east_of_utc(db, actor, in_china):
    before = datetime.now(UTC)
    with db.write("test") as session:
        audit.record(session, actor, "test.moment", summary="a moment")
    after = datetime.now(UTC)
    with db.begin() as session:
        at = session.scalars(select(AuditEvent.at).where(
            AuditEvent.action == "test.moment")).one()
        # a moment given in local time finds it too (compared in UTC by the database)
        local_start = (before - timedelta(seconds=1)).astimezone()
        found = session.scalars(select(AuditEvent.id).where(
            AuditEvent.action == "test.moment", AuditEvent.at >= local_start)).all()
    assert at.tzinfo is not None and before - timedelta(seconds=1) <= at <= after
    # as the desk shows it: eight hours ahead of UTC
    assert at.astimezone().utcoffset() == timedelta(hours=8)
    assert at.astimezone().replace(tzinfo=None) - at.replace(tzinfo=None) == timedelta(hours=8)
    assert len(found) == 1
