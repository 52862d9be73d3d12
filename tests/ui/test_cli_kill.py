"""A process killed (SIGKILL) in the middle of a bulk change leaves the database exactly as
before it (issue 13, "Crash safety"; docs/backups.md).

Each test starts the real `examdesk` command in a process of its own, kills it at a point
(after the Nth progress line it writes to its terminal, or a seeded delay after it took the
write lock), then compares every table, rows sorted, with what it held before, and runs
SQLite's ``integrity_check``. A print killed midway leaves only whole PDFs, each recorded
in the audit, and nothing else.
"""

from __future__ import annotations

import json
import os
import pty
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy import select as sql_select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from examdesk.db import open_database
from examdesk.db.locks import holder_file_of
from examdesk.model import AuditEvent
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.rooms import import_rooms
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
EXAMDESK = Path(sys.executable).with_name("examdesk")  # the console script, as installed
Dump = dict[str, list[tuple[str, ...]]]


def dump(url: str) -> Dump:
    """Every table's rows, as text, sorted."""
    engine = create_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            return {name: sorted(tuple(map(repr, row)) for row in connection.execute(
                        sql_select(table)))
                    for name, table in metadata.tables.items()}
    finally:
        engine.dispose()


def assert_sound(url: str, *, marked: bool = True) -> None:
    """SQLite's integrity_check finds nothing, and ExamDesk opens the file silently (the
    killed process left its marker, unless it was already exiting: opening runs the quick
    check)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return
    path = Path(str(parsed.database))
    if marked:
        assert list(path.parent.glob(f"{path.name}-open-*")), "the killed process left none"
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    engine.dispose()
    open_database(url).close()
    assert not list(path.parent.glob(f"{path.name}-open-*"))


def holds_lock(url: str, pid: int) -> Callable[[], bool]:
    """Whether the `examdesk` process ``pid`` holds the database's write lock."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        holder = holder_file_of(parsed.database)
        assert holder is not None

        def named() -> bool:  # a killed process's file may still be there: whose is it?
            try:
                return bool(json.loads(holder.read_text(encoding="utf-8"))["pid"] == pid)
            except (OSError, ValueError, KeyError):
                return False

        return named
    engine = create_engine(url, poolclass=NullPool)  # nothing left open afterwards

    def held() -> bool:
        with engine.connect() as connection:
            return bool(connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name LIKE 'examdesk:%'")).scalar_one())

    return held


def killed(url: str, argv: list[str], *, lines: int | None = None,
           delay: float | None = None, cwd: Path = ROOT) -> bool:
    """Run `examdesk --db url ARGV`, kill it after its ``lines``-th progress line, or
    ``delay`` seconds after it took the write lock; return whether it still held the lock
    (had not committed) when killed. Fails if the process ended before it was killed."""
    master, slave = pty.openpty()  # a terminal: the command writes its progress there
    environment = {**os.environ, "EXAMDESK_LOCK_TIMEOUT": "30"}
    process = subprocess.Popen(
        [str(EXAMDESK), "--db", url, *argv], cwd=cwd, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    locked = holds_lock(url, process.pid)
    seen, since = 0, None
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.005)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    chunk = b""
                seen += sum(1 for part in chunk.split(b"\r") if part.strip())
            if process.poll() is not None:
                pytest.fail(f"{argv} ended ({process.returncode}) before it was killed")
            if lines is not None and seen >= lines:
                break
            if delay is not None:
                if since is None and locked():
                    since = time.monotonic()
                if since is not None and delay is not None \
                        and time.monotonic() - since >= delay:
                    break
        else:
            pytest.fail(f"{argv} was never at its kill point")
        holding = locked()
        process.send_signal(signal.SIGKILL)
        assert process.wait(30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    return holding


def assert_unchanged_when_killed(url: str, argv: list[str], **point: float) -> None:
    """Kill the command at the point; a delay that turns out to fall after the commit (the
    process was exiting) is halved and tried again: the point is a kill mid-change."""
    for _attempt in range(4):
        before = dump(url)
        holding = killed(url, argv, **point)  # type: ignore[arg-type]
        if holding or "delay" not in point:
            break
        assert_sound(url, marked=False)
        point = {"delay": point["delay"] / 2}
    else:
        pytest.fail(f"{argv} was never killed while it held the write lock")
    assert dump(url) == before
    assert_sound(url)


@pytest.fixture(autouse=True)
def backups_kept(monkeypatch, tmp_path) -> None:
    """Automatic backups on (a kill may land in one), a server's in the test's folder."""
    monkeypatch.setenv("EXAMDESK_BACKUPS_KEEP", "3")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def rooms_only_url(db_url) -> str:
    """The exam and its rooms, no candidates yet: ready for an import of 6,000."""
    database = open_database(db_url)
    with database.begin() as session:
        demo.load_demo(session, Actor("tester"), exam_only=True)
    with database.begin() as session:
        import_rooms(session, Actor("tester"), resolve_exam(session), SAMPLES / "rooms.xlsx")
    database.close()
    return db_url


IMPORT = ["import", "candidates", str(SAMPLES / "candidates.xlsx")]


def test_an_import_killed_while_adding_candidates_changes_nothing(rooms_only_url):
    # the 6th line: "Adding candidates 0/6,000", the insert under way
    assert_unchanged_when_killed(rooms_only_url, IMPORT, lines=6)


@pytest.mark.slow
@pytest.mark.parametrize("point", [{"lines": 3}, {"delay": random.Random(13).uniform(0, 1)}])
def test_an_import_killed_at_other_points_changes_nothing(rooms_only_url, point):
    assert_unchanged_when_killed(rooms_only_url, IMPORT, **point)


def test_an_allocation_killed_midway_changes_nothing(demo_copy_url):
    assert_unchanged_when_killed(demo_copy_url, ["allocate", "--seed", "7"], lines=1)


def test_a_roster_killed_midway_changes_nothing(demo_copy_url):
    assert_unchanged_when_killed(demo_copy_url, ["roster", "--seed", "7"], lines=5)


@pytest.mark.slow
def test_an_allocation_and_a_roster_killed_at_a_random_moment_change_nothing(demo_copy_url):
    delay = random.Random(2).uniform(0, 0.6)
    assert_unchanged_when_killed(demo_copy_url, ["allocate", "--seed", "7"], delay=delay)
    assert_unchanged_when_killed(demo_copy_url, ["roster", "--seed", "7"], delay=delay)


def test_a_draw_killed_midway_changes_nothing(demo_copy_url):
    # a draw writes no progress: killed a (seeded) moment after it took the write lock
    assert_unchanged_when_killed(
        demo_copy_url, ["draw", "--center", "01", "--session", "S2", "--seed", "3"],
        delay=random.Random(5).uniform(0, 0.1))


def processes_naming(path: Path) -> list[int]:
    """The live processes whose command line holds ``path`` (a killed print's render
    workers were forked with its command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # gone meanwhile
        if state != "Z" and str(path).encode() in cmdline:
            found.append(int(entry.name))
    return found


def test_a_print_killed_midway_leaves_whole_pdfs_each_recorded(demo_copy_url, tmp_path):
    out = tmp_path / "printed"
    out.mkdir()
    before = dump(demo_copy_url)
    killed(demo_copy_url, ["print", "seating", "--out", str(out), "--workers", "2"], lines=15)
    # its render workers leave too, rather than wait for their dead parent for ever
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and processes_naming(out):
        time.sleep(0.2)
    assert processes_naming(out) == []
    pdfs = sorted(out.glob("*.pdf"))
    for pdf in pdfs:
        assert len(PdfReader(pdf).pages) > 0  # whole: a half-written PDF does not read
    assert sorted(path for path in out.iterdir() if not path.name.startswith(".")) == pdfs
    after = dump(demo_copy_url)
    audit = AuditEvent.__tablename__
    assert {name: rows for name, rows in after.items() if name != audit} == \
           {name: rows for name, rows in before.items() if name != audit}
    added = [row for row in after[audit] if row not in before[audit]]
    assert len(added) == len(pdfs)  # one record per sheet printed, none for the rest
    assert set(before[audit]) <= set(after[audit])
    assert_sound(demo_copy_url)


def test_a_restore_killed_midway_changes_nothing(demo_copy_url, rooms_only_url, tmp_path,
                                                 backend):
    if backend != "sqlite":
        pytest.skip("pg_restore runs in a process of its own, which a kill of examdesk "
                    "does not stop (it restores in one transaction)")
    backup = tmp_path / "demo.db"
    assert subprocess.run([str(EXAMDESK), "--db", demo_copy_url, "backup", str(backup)],
                          capture_output=True, check=False).returncode == 0
    # its progress: the pages copied so far, 256 a step (of about 640): killed after the first
    assert_unchanged_when_killed(rooms_only_url, ["restore", str(backup), "--yes"], lines=1)
