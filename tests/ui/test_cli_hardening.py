"""Opening, upgrading and printing refuse bad input with one line and leave files alone
(issue 13, "Bad input, hardened": the database URL, a newer file, two upgrades at once, a
long center name, a workbook that made the reader abort)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import create_engine, text

from examdesk.db import open_database
from examdesk.errors import DatabaseTooNew, NotAnExamDeskDatabase
from examdesk.filenames import MAX_NAME_BYTES
from tests.ui.test_cli_exchange import examdesk

COMMAND = [sys.executable, "-c", "from ui.cli import main; main()"]


def child(*argv: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``examdesk ARGV`` in a process of its own (an abort ends that process, not the test)."""
    return subprocess.run([*COMMAND, *(str(a) for a in argv)], capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, "EXAMDESK_LANG": "en"})


def test_an_empty_database_url_is_refused_not_the_default_opened(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("EXAMDESK_DB", f"sqlite:///{tmp_path / 'default.db'}")
    status, out, err = examdesk(capsys, "--db", "", "stats")
    assert (status, out) == (2, "")
    assert err == ("examdesk: The database URL is empty; give one such as sqlite:///exam.db "
                   "or postgresql+psycopg://user@host/dbname.\n")
    assert not (tmp_path / "default.db").exists()


@pytest.mark.parametrize("url", ["clerk:s3cret@dbhost/exams", "postgresql//clerk:s3cret@dbhost/x"])
def test_a_url_without_its_scheme_is_refused_without_echoing_the_password(capsys, url):
    status, _, err = examdesk(capsys, "--db", url, "stats")
    assert status == 2 and err.count("\n") == 1
    assert "s3cret" not in err and "clerk:***@dbhost" in err and "is not a database URL" in err


def _frozen_file(path: Path) -> bytes:
    """Make ``path`` an ExamDesk file of a future schema, in rollback-journal mode, and
    return its bytes."""
    open_database(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return path.read_bytes()


def test_a_newer_sqlite_file_stays_byte_identical(capsys, tmp_path):
    path = tmp_path / "future.db"
    before = _frozen_file(path)
    with pytest.raises(DatabaseTooNew):
        open_database(f"sqlite:///{path}")
    status, _, err = examdesk(capsys, "--db", f"sqlite:///{path}", "stats")
    assert status == 2 and "newer ExamDesk" in err
    assert path.read_bytes() == before  # not switched to WAL (byte 18 would be 2)
    assert not Path(f"{path}-wal").exists()


def test_someone_elses_sqlite_file_stays_byte_identical(tmp_path):
    path = tmp_path / "payroll.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE payroll (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NotAnExamDeskDatabase):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_current_file_is_still_switched_to_wal(tmp_path):
    path = tmp_path / "exam.db"
    open_database(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


@pytest.mark.slow
def test_two_inits_at_once_both_succeed_and_migrate_once(db_url):
    runs = [subprocess.Popen([*COMMAND, "--db", db_url, "init"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    for status, out, err in results:
        assert status == 0, err
        assert "Database ready" in out and "Traceback" not in err
    engine = create_engine(db_url)
    with engine.connect() as connection:
        assert len(connection.execute(text("SELECT version_num FROM alembic_version")).all()) == 1
    engine.dispose()


def test_a_center_of_a_100_character_name_prints(capsys, demo_copy_url, tmp_path):
    name = "周口市" + "第一高级中学附属实验学校" * 8 + "考点"
    name = name[:100]
    engine = create_engine(demo_copy_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE test_centers SET name = :name WHERE code = '01'"),
                           {"name": name})
    engine.dispose()
    status, _, err = examdesk(capsys, "--db", demo_copy_url, "print", "door", "--center", "01",
                              "--out", tmp_path)
    assert status == 0, err
    [printed] = tmp_path.glob("*.pdf")
    assert len(printed.name.encode()) <= MAX_NAME_BYTES
    assert printed.name.startswith("考场门贴-01-周口市第一高级中学附属实验学校")
    assert printed.name.endswith("….pdf")


def test_a_workbook_that_made_the_reader_abort_is_a_located_line(tmp_path, db_url):
    assert child("--db", db_url, "demo", "--exam-only").returncode == 0
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "报名信息"
    sheet.append(["姓名", "证件号码"])
    sheet["XFD1048576"] = 1
    workbook.save(tmp_path / "far.xlsx")
    # and a malformed reference, as a forged file has it
    with zipfile.ZipFile(tmp_path / "far.xlsx") as old, \
            zipfile.ZipFile(tmp_path / "bad.xlsx", "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info, data.replace(b'r="XFD1048576"', b'r="B99999999999"'))
    for name, where in (("far.xlsx", "cell XFD1048576"), ("bad.xlsx", "“B99999999999”")):
        result = child("--db", db_url, "import", "candidates", tmp_path / name)
        assert result.returncode == 2, result.stderr  # 134 before: the process aborted
        assert result.stderr.count("\n") == 1 and where in result.stderr
        assert result.stderr.startswith(f"examdesk: {name}, sheet 报名信息")
