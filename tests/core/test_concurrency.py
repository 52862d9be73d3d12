"""Transactions that see one snapshot, and plan writers that take turns.

Two :class:`Database` objects on one database stand for two users' programs; the
command-line races in two processes are in tests/ui/test_cli_concurrency.py.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from examdesk.db import Database, open_database
from examdesk.db.locks import (
    LockHolder,
    application_name,
    described_safely,
    holder_file_of,
    holder_of_application,
)
from examdesk.errors import BadInput, DatabaseBusy
from examdesk.model import AuditEvent, User
from examdesk.services import audit
from examdesk.services.audit import Actor


def events(session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent))


def note(db: Database, purpose: str = "note") -> None:
    """A small committed change made by a writer."""
    with db.write(purpose) as session:
        audit.record(session, Actor("tester"), purpose)


@pytest.fixture
def other(db_url: str) -> Iterator[Database]:
    """A second program's connection to ``db``'s database."""
    database = open_database(db_url)
    yield database
    database.close()


def test_the_reads_of_a_transaction_see_one_snapshot(db, other):
    with db.begin() as session:
        before = events(session)
        note(other)  # commits between the two reads
        assert events(session) == before
    with db.begin() as session:
        assert events(session) == before + 1


def test_a_writer_waits_for_the_holder_then_sees_what_it_committed(db, other):
    told: list[LockHolder] = []
    waiting = threading.Event()
    seen: list[int] = []

    def second() -> None:
        def tell(holder: LockHolder) -> None:
            told.append(holder)
            waiting.set()

        with dataclasses.replace(other, waiting=tell).write("allocate") as session:
            seen.append(events(session))
            audit.record(session, Actor("tester"), "second")

    with db.write("seat withdraw") as session:
        audit.record(session, Actor("tester"), "first")
        thread = threading.Thread(target=second)
        thread.start()
        assert waiting.wait(30), "the second writer did not say that it waits"
    thread.join(30)
    assert not thread.is_alive()
    assert [(h.user, h.purpose) for h in told] == [("tester", "seat withdraw")]
    assert told[0].since is not None
    assert seen == [1]  # it read after the first committed, not before
    with db.begin() as session:
        assert events(session) == 2


def test_a_writer_gives_up_after_the_timeout_naming_the_holder(db, other, monkeypatch):
    monkeypatch.setenv("EXAMDESK_USER", "张老师")
    impatient = dataclasses.replace(other, lock_timeout=0.3)
    with db.write("allocate"), pytest.raises(DatabaseBusy) as error:
        note(impatient, "seat swap")
    message = str(error.value)
    assert message.startswith("张老师 (allocate, since ")
    assert "after 0.3 s of waiting; nothing was changed" in message
    assert "EXAMDESK_LOCK_TIMEOUT" in message and "\n" not in message
    with db.begin() as session:
        assert events(session) == 0
    note(impatient)  # free again: no wait, no error
    with pytest.raises(DatabaseBusy, match=r"^张老师 \(allocate, since .*; nothing was "
                                           r"changed\. Try again"), db.write("allocate"):
        note(dataclasses.replace(other, lock_timeout=0))  # 0: do not wait at all


def test_postgresql_learns_the_holder_from_its_application_name():
    since = datetime(2023, 6, 17, 2, 41, 5, tzinfo=UTC)
    name = application_name("张老师", "seat swap", since)
    assert name.isascii() and len(name) <= 63  # PostgreSQL keeps 63 bytes of ASCII
    assert holder_of_application(name) == LockHolder("张老师", "seat swap", since)
    # long ones are cut after a whole character: what is left still reads
    cut = holder_of_application(application_name("欧阳娜娜" * 3, "import candidates", since))
    assert cut == LockHolder("欧阳", "import candidates", since)
    cut = holder_of_application(application_name("a:b", "print certificate:" * 3, since))
    assert cut == LockHolder("a:b", "print certificate:", since)
    assert holder_of_application("examdesk") is None
    assert holder_of_application("psql") is None


def test_the_timeout_comes_from_the_environment(db_url, monkeypatch):
    monkeypatch.setenv("EXAMDESK_LOCK_TIMEOUT", "2.5")
    database = open_database(db_url)
    assert database.lock_timeout == 2.5
    database.close()
    monkeypatch.setenv("EXAMDESK_LOCK_TIMEOUT", "soon")
    with pytest.raises(BadInput, match="EXAMDESK_LOCK_TIMEOUT=soon is not a number of seconds"):
        open_database(db_url)


def test_the_sqlite_holder_file_lives_while_the_lock_is_held(db, other, backend):
    if backend != "sqlite":
        pytest.skip("the holder file is SQLite's way of naming the holder")
    holder_file = holder_file_of(db.url.database)
    assert holder_file is not None and not holder_file.exists()
    with db.write("roster"):
        assert '"purpose": "roster"' in holder_file.read_text(encoding="utf-8")
    assert not holder_file.exists()
    with pytest.raises(RuntimeError), db.write("roster"):
        raise RuntimeError("a failing command")
    assert not holder_file.exists()


def test_a_holder_file_left_by_an_ended_process_is_not_believed(db, other, backend):
    if backend != "sqlite":
        pytest.skip("the holder file is SQLite's way of naming the holder")
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    holder_file = holder_file_of(db.url.database)
    assert holder_file is not None
    holder_file.write_text(json.dumps({
        "user": "ghost", "purpose": "allocate", "pid": int(ended.stdout),
        "host": socket.gethostname(), "since": "2023-01-01T08:00:00+00:00"}), encoding="utf-8")
    with db.begin() as session:  # a plain transaction that writes holds the lock too
        audit.record(session, Actor("tester"), "by hand")
        session.flush()
        with pytest.raises(DatabaseBusy, match=r"^another program is changing"):
            note(dataclasses.replace(other, lock_timeout=0))
    note(other)  # the next writer takes the lock and replaces the stale file


def test_a_transaction_that_lost_a_race_fails_with_one_line(db, other, backend, monkeypatch):
    """Not every transaction goes through :meth:`Database.write`: when one that did not
    collides with a writer, it fails as busy, never as a driver traceback."""
    with db.write("setup") as session:
        session.execute(insert(User).values(username="clerk"))
    if backend == "sqlite":  # a plain transaction cannot write while a writer holds the lock
        monkeypatch.setenv("EXAMDESK_LOCK_TIMEOUT", "0")
        busy = open_database(other.url)
        with db.write("exam set"), pytest.raises(DatabaseBusy, match=r"^tester \(exam set"), \
                busy.begin() as session:
            session.execute(update(User).values(display_name="B"))
        busy.close()
    else:  # REPEATABLE READ: a row changed since this transaction's snapshot
        with pytest.raises(DatabaseBusy, match="at the same time; nothing was changed"), \
                other.begin() as session:
            session.scalar(select(User.display_name))
            with db.write("exam set") as writer:
                writer.execute(update(User).values(display_name="A"))
            session.execute(update(User).values(display_name="B"))
    with db.begin() as session:
        assert session.scalar(select(User.display_name)) == ("" if backend == "sqlite"
                                                             else "A")


def test_database_errors_are_described_without_personal_data(db):
    with db.write("setup") as session:
        session.execute(insert(User).values(username="411623197212119166"))
    with pytest.raises(IntegrityError) as error, db.write("import staff") as session:
        session.execute(insert(User).values(username="411623197212119166"))
    assert "SQL parameters hidden" in str(error.value)
    described = described_safely(error.value)
    assert described is not None and "411623197212119166" not in described
    assert "users" in described or "username" in described
    assert described_safely(ValueError("x")) is None
