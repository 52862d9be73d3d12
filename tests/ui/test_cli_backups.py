"""`examdesk backup` and `examdesk restore`, the automatic backups before bulk changes, and the
check of an SQLite file that a process left without closing it (docs/backups.md)."""

from __future__ import annotations

import io
import os
import shutil
import socket
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

from examdesk.db import backups as core_backups
from examdesk.db import open_database
from examdesk.db.backups import automatic_backups, backup_folder, is_bulk, read_backup
from examdesk.db.database import (
    create_examdesk_engine,
    current_revision,
    known_revisions,
    upgrade_to,
)
from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.model import AuditEvent
from examdesk.services.audit import Actor, Grant
from ui.cli import run
from ui.jobs import backups as jobs_backups


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def backups_on(monkeypatch, tmp_path) -> None:
    """Automatic backups as a clerk has them (the suite turns them off on PostgreSQL); a
    server's go to a data folder of the test's own."""
    monkeypatch.setenv("EXAMDESK_BACKUPS_KEEP", "10")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def pg_clients(request, backend) -> None:
    """PostgreSQL's backups need its client programs (CI installs the server with them)."""
    if backend == "postgresql" and "without_pg_dump" not in request.node.name and not all(
            shutil.which(program) for program in ("pg_dump", "pg_restore")):
        pytest.skip("PostgreSQL's pg_dump and pg_restore are not installed")


def suffix(backend: str) -> str:
    return ".db" if backend == "sqlite" else ".dump"


def test_a_restored_backup_gives_the_same_stats_and_check(
        capsys, demo_copy_url, databases, tmp_path, backend, backups_on):
    out = tmp_path / f"exam{suffix(backend)}"
    status, said, _ = examdesk(capsys, "--db", demo_copy_url, "backup", out)
    assert status == 0 and str(out) in said and " s" in said
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # personal data: owner-only
    before = [examdesk(capsys, "--db", demo_copy_url, *command)[:2]
              for command in (["stats"], ["check"])]

    target = databases.new_url()
    status, said, err = examdesk(capsys, "--db", target, "restore", out, "--yes")
    assert (status, err) == (0, "")
    assert "Restored" in said
    after = [examdesk(capsys, "--db", target, *command)[:2] for command in (["stats"], ["check"])]
    assert after == before


def test_restore_asks_first_and_a_no_changes_nothing(
        capsys, demo_copy_url, db_url, tmp_path, backend, monkeypatch, backups_on):
    out = tmp_path / f"exam{suffix(backend)}"
    assert examdesk(capsys, "--db", demo_copy_url, "backup", out)[0] == 0
    before = examdesk(capsys, "--db", db_url, "stats", "--json")[1]
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    status, said, _ = examdesk(capsys, "--db", db_url, "restore", out)
    assert status == 0
    assert "will be replaced by the backup" in said and "no exam" in said
    assert "Nothing was restored." in said
    assert examdesk(capsys, "--db", db_url, "stats", "--json")[1] == before


def test_restore_refuses_a_file_that_is_not_a_backup(capsys, db_url, tmp_path):
    other = tmp_path / "notes.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.commit()
    for path in (other, tmp_path / "missing.db", Path(__file__)):
        status, _, err = examdesk(capsys, "--db", db_url, "restore", path, "--yes")
        assert status == 2
        assert len(err.strip().splitlines()) == 1 and str(path) in err, err


def test_restore_refuses_a_backup_of_a_newer_examdesk(capsys, demo_copy_url, backend, tmp_path):
    if backend != "sqlite":
        pytest.skip("an SQLite backup is enough to write a newer schema into")
    out = tmp_path / "exam.db"
    assert examdesk(capsys, "--db", demo_copy_url, "backup", out)[0] == 0
    with sqlite3.connect(out) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1]
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "restore", out, "--yes")
    assert status == 2 and "newer ExamDesk" in err and str(out) in err
    assert len(err.strip().splitlines()) == 1
    assert examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1] == before


def test_restore_refuses_a_backup_of_the_other_kind_of_database(
        capsys, demo_copy_url, backend, tmp_path, monkeypatch):
    if backend == "sqlite":
        pytest.skip("needs the PostgreSQL run, to restore an SQLite backup into a server")
    copy = tmp_path / "copy.db"
    assert examdesk(capsys, "--db", f"sqlite:///{copy}", "demo", "--exam-only")[0] == 0
    out = tmp_path / "exam.db"
    assert examdesk(capsys, "--db", f"sqlite:///{copy}", "backup", out)[0] == 0
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "restore", out, "--yes")
    assert status == 2 and "only be restored into an SQLite database" in err


def test_a_bulk_change_is_backed_up_first_keeping_the_newest(
        capsys, demo_copy_url, backend, monkeypatch, backups_on):
    monkeypatch.setenv("EXAMDESK_BACKUPS_KEEP", "2")
    folder = backup_folder(make_url(demo_copy_url))
    for seed in ("1", "2", "3"):
        status, _, err = examdesk(capsys, "--db", demo_copy_url, "allocate", "--seed", seed)
        assert status in (0, 1) and err == ""  # 1: the demo's plan has its warnings
    kept = automatic_backups(folder)
    assert len(kept) == 2 and all(path.name.endswith(f"-allocate{suffix(backend)}")
                                  for path in kept)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == {0o600}
    # a change of one thing is not a bulk change
    assert not is_bulk("seat move") and not is_bulk("exam set") and is_bulk("roster --repair")


def test_the_number_kept_is_a_setting_in_the_backup_folder(
        capsys, demo_copy_url, backend, monkeypatch, backups_on):
    monkeypatch.delenv("EXAMDESK_BACKUPS_KEEP")
    folder = backup_folder(make_url(demo_copy_url))
    assert examdesk(capsys, "--db", demo_copy_url, "allocate")[0] in (0, 1)
    settings = folder / "backups.ini"
    assert "keep = 10" in settings.read_text(encoding="utf-8")
    settings.write_text("[backups]\nkeep = 0\n", encoding="utf-8")
    for path in automatic_backups(folder):
        path.unlink()
    assert examdesk(capsys, "--db", demo_copy_url, "allocate")[0] in (0, 1)
    assert automatic_backups(folder) == []
    settings.write_text("[backups]\nkeep = many\n", encoding="utf-8")
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "allocate")
    assert status == 2 and "keep = many" in err and str(settings) in err


def test_without_pg_dump_the_change_goes_ahead_and_says_so_once(
        capsys, demo_copy_url, backend, monkeypatch, tmp_path, backups_on):
    if backend == "sqlite":
        pytest.skip("pg_dump is PostgreSQL's")
    monkeypatch.setattr(core_backups, "pg_client", lambda _program: None)
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "allocate")
    assert status in (0, 1)
    assert err.count("No automatic backup was taken") == 1
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "backup", tmp_path / "x.dump")
    assert status == 2 and "pg_dump is not installed" in err
    assert len(err.strip().splitlines()) == 1


# --- the check after an unclean shutdown ------------------------------------------------------

def left_open(path: Path) -> Path:
    """A marker as a killed process leaves it (pid 999999 is not running)."""
    marker = path.with_name(f"{path.name}-open-999999@{socket.gethostname()}")
    marker.touch()
    return marker


def damage(path: Path) -> None:
    """Scribble over the middle of some pages, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        for offset in range(4096 * 20, size, 4096 * 17):
            stream.seek(offset + 100)
            stream.write(b"\xff" * 200)


@pytest.fixture
def sqlite_demo(capsys, tmp_path) -> Path:
    path = tmp_path / "exam.db"
    assert examdesk(capsys, "--db", f"sqlite:///{path}", "demo")[0] == 0
    return path


def test_a_sound_file_left_open_by_a_killed_process_opens_silently(capsys, sqlite_demo):
    marker = left_open(sqlite_demo)
    status, out, err = examdesk(capsys, "--db", f"sqlite:///{sqlite_demo}", "stats")
    assert (status, err) == (0, "") and "candidates" in out
    assert not marker.exists()
    # a clean close leaves no marker of its own
    assert [path.name for path in sqlite_demo.parent.iterdir()
            if "-open-" in path.name] == []


def test_a_damaged_file_left_open_is_refused_with_what_to_do(capsys, sqlite_demo, tmp_path):
    backup = tmp_path / "saved.db"
    assert examdesk(capsys, "--db", f"sqlite:///{sqlite_demo}", "backup", backup)[0] == 0
    left_open(sqlite_demo)
    damage(sqlite_demo)
    status, out, err = examdesk(capsys, "--db", f"sqlite:///{sqlite_demo}", "stats")
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "is damaged" in err and "examdesk restore" in err and "-backups" in err
    # restoring the backup mends it
    status, _, err = examdesk(capsys, "--db", f"sqlite:///{sqlite_demo}", "restore", backup,
                              "--yes")
    assert (status, err) == (0, "")
    assert examdesk(capsys, "--db", f"sqlite:///{sqlite_demo}", "check")[0] == 0


def test_a_file_closed_cleanly_is_not_checked(sqlite_demo, monkeypatch):
    checked: list[Path] = []
    monkeypatch.setattr("examdesk.db.shutdown.quick_check",
                        lambda path: checked.append(path))
    open_database(f"sqlite:///{sqlite_demo}").close()
    assert checked == []
    left_open(sqlite_demo)
    open_database(f"sqlite:///{sqlite_demo}").close()
    assert checked == [sqlite_demo]
    assert os.path.exists(sqlite_demo)


def test_an_upgrade_is_backed_up_first_on_both_databases(db_url, backend, backups_on):
    previous = known_revisions()[-2]
    engine = create_examdesk_engine(make_url(db_url))
    upgrade_to(engine, previous)
    engine.dispose()
    database = open_database(db_url)
    try:
        backup = database.backup_path
        assert backup is not None and backup.exists()
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert read_backup(backup).revision == previous
    finally:
        database.close()


def test_a_backup_folder_that_cannot_be_made_does_not_stop_the_change(
        capsys, demo_copy_url, backend, backups_on):
    if backend != "sqlite":
        pytest.skip("the folder beside an SQLite file")
    folder = backup_folder(make_url(demo_copy_url))
    folder.write_text("a file where the folder would go")  # as a folder others own would
    before = examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1]
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "allocate", "--seed", "9")
    assert status in (0, 1)
    assert err.count("No automatic backup was taken") == 1 and str(folder) in err
    assert len(err.strip().splitlines()) == 1
    assert examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1] == before  # counts


def test_an_older_backup_restored_replaces_every_table_and_is_upgraded(
        capsys, databases, backend, tmp_path, backups_on):
    old_url = databases.new_url()
    previous = known_revisions()[-2]
    engine = create_examdesk_engine(make_url(old_url))
    upgrade_to(engine, previous)
    engine.dispose()
    out = tmp_path / f"old{suffix(backend)}"
    old = open_database(old_url, upgrade=False)
    try:
        core_backups.backup_database(old, out)
    finally:
        old.close()
    target = databases.new_url()
    assert examdesk(capsys, "--db", target, "demo")[0] == 0
    engine = create_examdesk_engine(make_url(target))
    with engine.begin() as connection:  # as a newer schema's table would be
        connection.execute(text("CREATE TABLE stray_later (id integer)"))
    engine.dispose()
    status, _, err = examdesk(capsys, "--db", target, "restore", out, "--yes")
    assert (status, err) == (0, "")
    engine = create_examdesk_engine(make_url(target))
    try:
        assert "stray_later" not in inspect(engine).get_table_names()
        assert current_revision(engine) == known_revisions()[-1]
    finally:
        engine.dispose()
    assert '"exams": 0' in examdesk(capsys, "--db", target, "stats", "--json")[1]


def audit_actions(url: str) -> list[str]:
    database = open_database(url)
    try:
        with database.begin() as session:
            return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    finally:
        database.close()


def test_a_backup_and_a_restore_are_audited_and_need_the_right_to_manage_the_database(
        capsys, demo_copy_url, databases, tmp_path, backend, backups_on):
    out = tmp_path / f"exam{suffix(backend)}"
    assert examdesk(capsys, "--db", demo_copy_url, "backup", out)[0] == 0
    assert audit_actions(demo_copy_url)[-1] == "database.backup"
    target = databases.new_url()
    assert examdesk(capsys, "--db", target, "restore", out, "--yes")[0] == 0
    # the backup holds the plan as it was just before its own record
    assert audit_actions(target)[-2:] == [audit_actions(demo_copy_url)[-2],
                                          "database.restore"]

    planner = Actor("planner", 7, (Grant(UserRole.PLANNER),))
    database = open_database(target)
    try:
        with pytest.raises(AccessDenied):
            jobs_backups.backup_to(database, tmp_path / "not-made.db", actor=planner)
        with pytest.raises(AccessDenied):
            jobs_backups.restore(database, jobs_backups.restore_plan(database, out),
                                 actor=planner)
    finally:
        database.close()
    assert not (tmp_path / "not-made.db").exists()


def test_a_backup_into_a_folder_gets_a_name_and_one_that_cannot_be_written_says_so(
        capsys, demo_copy_url, tmp_path, backend):
    folder = tmp_path / "backups"
    folder.mkdir()
    status, out, _ = examdesk(capsys, "--db", demo_copy_url, "backup", folder)
    (made,) = folder.iterdir()
    assert status == 0 and str(made) in out and made.name.startswith("examdesk-")
    missing = tmp_path / "no-such-folder" / "x.db"
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "backup", missing)
    assert status == 2 and str(missing) in err and len(err.strip().splitlines()) == 1


def test_a_backup_a_killed_process_left_half_written_is_cleared_by_the_next(
        capsys, demo_copy_url, backend, backups_on):
    folder = backup_folder(make_url(demo_copy_url))
    assert examdesk(capsys, "--db", demo_copy_url, "allocate")[0] in (0, 1)
    half = folder / f"20261205-080000-000000-allocate{suffix(backend)}.999999.partial"
    half.write_bytes(b"half")
    assert examdesk(capsys, "--db", demo_copy_url, "allocate")[0] in (0, 1)
    assert not half.exists() and len(automatic_backups(folder)) == 2
