"""Files with personal data: audited or not written, and readable by their owner only.

An export, a printed sheet and an import's fix-up report hold names and ID numbers. Each is
logged in the audit trail before it is moved into place, so that another writer holding the
database leaves no file behind; and each is created 0600 (its folders 0700) on POSIX.
"""

from __future__ import annotations

import importlib
import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from examdesk.db import open_database, sqlite_file
from examdesk.db.database import backup_sqlite
from examdesk.model import AuditEvent, Candidate
from tests.conftest import SAMPLES
from tests.ui.test_cli_concurrency import held  # noqa: F401 (another writer holds the lock)
from ui.cli import run

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

@pytest.fixture
def umask() -> Iterator[None]:
    """The usual umask (022), under which files were made 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def audit_actions(url: str) -> list[str]:
    db = open_database(url)
    try:
        with db.begin() as session:
            return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    finally:
        db.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def examdesk(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


BUSY = "is still changing the database after 1 s of waiting; nothing was changed."


@pytest.mark.parametrize("argv", [
    ("export", "candidates", "{out}/考生.xlsx"),
    ("export", "duties", "{out}/监考.xlsx"),
    ("export", "audit", "{out}/审计.xlsx"),
    ("print", "signin", "--center", "01", "--out", "{out}"),
    ("import", "candidates", SAMPLES / "candidates-small.xlsx", "--dry-run",
     "--report", "{out}/问题.xlsx"),
], ids=["export", "duty-export", "audit-export", "print", "import-report"])
def test_a_file_that_cannot_be_audited_is_not_written(held, capsys, monkeypatch, tmp_path,  # noqa: F811
                                                      argv):
    monkeypatch.setenv("EXAMDESK_LOCK_TIMEOUT", "1")
    out = tmp_path / "out"
    out.mkdir()
    before = audit_actions(held)
    status, _, err = examdesk(capsys, "--db", held,
                              *(str(a).replace("{out}", str(out)) for a in argv))
    assert status == 2 and "张老师" in err and BUSY in err, err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []  # neither the file nor its temporary
    assert audit_actions(held) == before


def test_an_import_report_is_audited(demo_copy_url, capsys, tmp_path):
    report = tmp_path / "问题.xlsx"
    _status, out, err = examdesk(capsys, "--db", demo_copy_url, "import", "candidates",
                                SAMPLES / "candidates-small.xlsx", "--dry-run",
                                "--report", report)
    assert report.is_file() and str(report) in out, err
    assert audit_actions(demo_copy_url)[-1] == "export.report"


@posix
def test_files_with_personal_data_are_their_owners_only(umask, databases, capsys, tmp_path,
                                                        print_cache, backend):
    url = databases.new_url()
    status, _, err = examdesk(capsys, "--db", url, "demo")
    assert status == 0, err
    if backend == "sqlite":
        database = sqlite_file(url)
        assert database is not None and mode(database) == 0o600
        opened = open_database(url)
        try:
            with opened.write("test") as session:  # while open: its -wal and -shm
                session.add(AuditEvent(actor="tester", action="test"))
            files = [database.with_name(database.name + s) for s in ("-wal", "-shm")]
            assert [mode(f) for f in files] == [0o600, 0o600]
        finally:
            opened.close()
    out = tmp_path / "新建" / "打印"  # folders the print run creates
    assert examdesk(capsys, "--db", url, "print", "signin", "--center", "01",
                    "--out", out)[0] == 0
    shared = tmp_path / "共享"  # the clerk's own folder keeps its mode
    shared.mkdir(mode=0o755)
    assert examdesk(capsys, "--db", url, "export", "candidates", shared / "c.xlsx")[0] == 0
    examdesk(capsys, "--db", url, "import", "candidates", SAMPLES / "candidates-small.xlsx",
             "--dry-run", "--report", tmp_path / "r.xlsx")  # refused rows: exit 2
    (pdf,) = out.glob("*.pdf")
    for path in (pdf, shared / "c.xlsx", tmp_path / "r.xlsx"):
        assert mode(path) == 0o600, path
    assert mode(out) == mode(out.parent) == 0o700
    cached = [p for p in print_cache.rglob("*") if p.is_file()]
    assert cached and {mode(p) for p in cached} == {0o600}
    assert mode(print_cache) == 0o700
    assert mode(shared) == 0o755


# --- internal errors never print SQL values ----------------------------------------------

ID_NUMBER = "411621196606098081"  # the demo's first candidate
NAME = "违规测试人"


def _duplicate_candidate(session) -> None:
    """A bug: a second candidate with an ID number the exam has (a real driver error, whose
    PostgreSQL DETAIL line names the value)."""
    table = Candidate.__table__
    values = dict(session.execute(select(table).where(table.c.id_number == ID_NUMBER))
                  .mappings().one())
    del values["id"]
    session.execute(insert(table).values({**values, "name": NAME, "registration_no": "R-dup"}))


def test_a_database_bug_on_the_command_line_prints_no_personal_data(
        demo_copy_url, capsys, monkeypatch):
    cli_main = importlib.import_module("ui.cli.main")

    def broken(db, _args) -> int:
        with db.write("stats") as session:
            _duplicate_candidate(session)
        return 0

    monkeypatch.setitem(cli_main.COMMANDS, "stats", broken)
    status, out, err = examdesk(capsys, "--db", demo_copy_url, "stats")
    assert status == 3 and out == "", err
    assert re.search(r"internal error \((IntegrityError|UniqueViolation): .*candidates", err)
    assert "Traceback" in err  # where it failed, for the report
    assert ID_NUMBER not in err and NAME not in err


def test_a_database_bug_in_the_window_shows_no_personal_data(examdesk_app, qtbot, demo_copy,
                                                             capsys):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ui.window.background import Operations

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    operations = Operations(window, demo_copy)
    running = operations.write("edit", "编辑考生",
                               lambda session, _progress, _cancelled:
                               _duplicate_candidate(session))
    with qtbot.waitSignal(running.done):
        pass
    (box,) = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert box.text().startswith("内部错误") and "candidates" in box.text()
    err = capsys.readouterr().err
    assert "Traceback" in err
    for shown in (box.text(), box.detailedText(), err):
        assert ID_NUMBER not in shown and NAME not in shown


@posix
def test_the_print_cache_is_kept_per_exam_and_made_private(demo_url, capsys, tmp_path,
                                                           print_cache):
    older = print_cache / "exam-0123456789abcdef"  # as an older ExamDesk left it
    older.mkdir(parents=True, mode=0o755)
    (older / "part.json").write_text("{}")
    (older / "part.json").chmod(0o644)
    assert examdesk(capsys, "--db", demo_url, "print", "signin", "--center", "01",
                    "--out", tmp_path / "out")[0] == 0
    folders = [p for p in print_cache.iterdir() if p.is_dir()]
    assert len(folders) == 2 and all(p.name.startswith("exam-") for p in folders)
    assert mode(older / "part.json") == 0o600 and mode(older) == 0o700


def test_a_list_the_window_cannot_audit_is_not_exported(examdesk_app, held, settings, qtbot,  # noqa: F811
                                                       tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.test_list_pages import open_page
    from ui.window.pages.candidates import CandidatesPage

    monkeypatch.setenv("EXAMDESK_LOCK_TIMEOUT", "1")
    database = open_database(held)
    try:
        page = open_page(CandidatesPage, database, settings, qtbot)
        out = tmp_path / "out"
        out.mkdir()
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: (str(out / "考生.xlsx"), ""))
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(page.context.operations.running()))
        (running,) = page.context.operations.running()
        with qtbot.waitSignal(running.done, timeout=30_000):
            pass
        assert running.outcome == "failed", running.outcome
        # the error dialog's message: who holds the database, nothing changed
        assert "张老师" in running.message and "未作任何更改" in running.message
        assert list(out.iterdir()) == []
    finally:
        database.close()


@posix
def test_a_migration_backup_is_its_owners_only(umask, tmp_path):
    source = tmp_path / "exam.db"
    sqlite3.connect(source).close()
    assert mode(backup_sqlite(source, "0007")) == 0o600
