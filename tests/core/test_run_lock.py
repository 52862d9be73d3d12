"""A long run's lock, as others see it: who runs what for which test center since when; a
write that waits says so; the lock goes with the run's process when it is killed (two
processes: the holder is killed with SIGKILL and the other proceeds)."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from examdesk.db import Database, open_database
from examdesk.db.database import SignedIn
from examdesk.db.locks import LockHolder, held_by_another, run_purpose, waiting_message
from examdesk.errors import DatabaseBusy
from examdesk.progress import OperationCancelled
from examdesk.services.audit import Actor
from examdesk.services.data_version import running_now

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

HOLDER = textwrap.dedent("""
    import sys, time
    from examdesk.db import open_database
    database = open_database(sys.argv[1], upgrade=False)
    with database.write(sys.argv[2]):
        print("held", flush=True)
        time.sleep(600)
""")


@pytest.fixture
def other(db_url: str, db: Database) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


def test_a_run_for_one_center_names_it() -> None:
    assert run_purpose("allocate", None) == "allocate"
    assert run_purpose("allocate", "02") == "allocate@02"
    since = datetime.now(UTC)
    holder = LockHolder("张三", run_purpose("allocate", "02"), since)
    clock = since.astimezone().strftime("%H:%M:%S")
    assert holder.sentence() == f"张三 is allocating seats for center 02 since {clock}"
    assert str(holder) == f"张三 (allocate center 02, since {clock})"
    assert LockHolder("张三", "roster", since).sentence().startswith("张三 is making the roster")
    assert LockHolder("张三", "seat swap").sentence() == \
        "张三 (seat swap) is changing the database"
    assert LockHolder().sentence() == "another program is changing the database"
    assert waiting_message(holder).startswith("Waiting until this has finished: 张三 is ")


def start_holder(db_url: str, purpose: str, user: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url, purpose], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "EXAMDESK_USER": user})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def test_others_see_the_run_and_the_lock_dies_with_its_process(db_url, db, other) -> None:
    child = start_holder(db_url, run_purpose("allocate", "02"), "张三")
    try:
        with other.begin() as session:
            holder = held_by_another(session.connection(), at_least=0)
        assert holder is not None and holder.user == "张三"
        assert holder.sentence().startswith("张三 is allocating seats for center 02 since ")
        # a write meanwhile waits, saying for whom
        told: list[LockHolder] = []
        impatient = dataclasses.replace(other, lock_timeout=0.5, waiting=told.append)
        with pytest.raises(DatabaseBusy, match="张三"), impatient.write("edit"):
            pass
        assert [h.user for h in told] == ["张三"]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        assert child.stdout is not None
        child.stdout.close()
    # killed in the middle: its lock is gone (PostgreSQL: the connection; SQLite: the
    # file lock, and the holder file of a dead process is not believed)
    started = time.monotonic()
    with dataclasses.replace(other, lock_timeout=20).write("edit") as session:
        from examdesk.services import audit

        audit.record(session, Actor("李四"), "after")
    assert time.monotonic() - started < 15
    with other.begin() as session:
        assert held_by_another(session.connection(), at_least=0) is None
        assert running_now(session) == ""


def test_a_write_waiting_for_the_run_stops_when_cancelled(db_url, db, other) -> None:
    child = start_holder(db_url, run_purpose("roster", None), "张三")
    stop = threading.Event()
    told = threading.Event()
    ended: list[BaseException] = []

    def writer() -> None:
        try:
            with dataclasses.replace(other, lock_timeout=60, waiting=lambda _h: told.set()
                                     ).write("edit", cancelled=stop.is_set):
                pass
        except BaseException as error:
            ended.append(error)

    thread = threading.Thread(target=writer)
    try:
        thread.start()
        assert told.wait(30), "the writer did not say that it waits"
        started = time.monotonic()
        stop.set()  # the window's Cancel
        thread.join(10)
        assert not thread.is_alive() and time.monotonic() - started < 5
        assert [type(e) for e in ended] == [OperationCancelled]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        assert child.stdout is not None
        child.stdout.close()
    with other.write("edit"):  # and the database is usable as ever
        pass


def test_others_see_the_signed_in_user_not_the_login(db_url, db, other, monkeypatch) -> None:
    """A clerk signed in as 张三 on a computer whose login is someone else's: 张三 is named."""
    monkeypatch.setenv("EXAMDESK_USER", "office-pc-7")
    signed = dataclasses.replace(db, signed_in=SignedIn("张三"))
    told: list[LockHolder] = []
    impatient = dataclasses.replace(other, lock_timeout=0.5, waiting=told.append)
    with (signed.write(run_purpose("allocate", "02")),
          pytest.raises(DatabaseBusy, match="张三"), impatient.write("edit")):
        pass
    assert [holder.user for holder in told] == ["张三"]
