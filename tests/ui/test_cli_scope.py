"""The command line obeys the same rules as the services: a center desk exports and prints its
own center only, and asking for another center exits 2 with one line saying which (issue 13).

Sign-in arrives with the users lane: ``signed_in`` is replaced by one giving the desk actor.
"""

from __future__ import annotations

import json
import sys

import pytest
from openpyxl import load_workbook

from examdesk.db import open_database
from examdesk.enums import UserRole
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import center_id, resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from ui.cli import run


@pytest.fixture
def desk(demo_url, monkeypatch) -> Actor:
    """The desk of the demo exam's center 01, signed in for every command."""
    database = open_database(demo_url)
    try:
        with database.begin() as session:
            exam = resolve_exam(session)
            actor = Actor("desk01", None, (Grant(UserRole.DESK, exam.id,
                                                 center_id(session, exam, "01")),))
    finally:
        database.close()  # (a copy of it is made on PostgreSQL: nobody may be connected)
    for name, module in list(sys.modules.items()):
        if name.startswith("ui.cli") and hasattr(module, "signed_in"):
            monkeypatch.setattr(module, "signed_in", lambda db, args: actor)
    return actor


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_desk_exports_its_own_centers_candidates(capsys, demo_db, demo_url, desk,
                                                   tmp_path) -> None:
    status, _out, err = examdesk(capsys, "export", "candidates", tmp_path / "mine.xlsx",
                                 "--db", demo_url)
    assert (status, err) == (0, "")
    book = load_workbook(tmp_path / "mine.xlsx", read_only=True)
    rows = list(book.active.iter_rows(min_row=2, values_only=True))
    book.close()
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        expected = candidate_rows(session, exam, center_id=center_id(session, exam, "01"))
    assert len(rows) == len(expected) and {row[10] for row in rows} == {"01"}


@pytest.mark.parametrize("argv", [
    ("export", "candidates", "{out}/theirs.xlsx", "--center", "02"),
    ("export", "staff", "{out}/theirs.xlsx", "--center", "02"),
    ("print", "signin", "--center", "02", "--out", "{out}"),
    ("print", "door", "--center", "02", "--out", "{out}"),
])
def test_a_desk_asking_for_another_center_exits_2_in_one_line(capsys, demo_url, desk,
                                                            tmp_path, monkeypatch,
                                                            argv) -> None:
    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")
    status, out, err = examdesk(capsys, *(a.format(out=tmp_path) for a in argv),
                                "--db", demo_url)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "desk01" in err and "考点 02" in err
    assert not list(tmp_path.iterdir())


def test_a_desk_changes_no_seat(capsys, demo_copy_url, desk) -> None:
    database = open_database(demo_copy_url)
    try:
        with database.begin() as session:
            exam = resolve_exam(session)
            mine = candidate_rows(session, exam, center_id=center_id(session, exam, "01"))[0]
    finally:
        database.close()
    status, _out, err = examdesk(capsys, "seat", "withdraw", mine.ticket_no, "--db",
                                 demo_copy_url)
    assert status == 2 and "desk01" in err and err.count("\n") == 1


@pytest.mark.slow
def test_a_desk_prints_its_own_centers_door_lists_only(capsys, demo_url, desk,
                                                       tmp_path) -> None:
    status, out, err = examdesk(capsys, "print", "door", "--out", tmp_path, "--db", demo_url)
    assert status == 0, err
    assert [p.name.split("-")[1] for p in tmp_path.glob("*.pdf")] == ["01"]
    assert "Wrote" in out or "已写入" in out


def test_a_desk_checks_its_own_centers_plan(capsys, demo_url, desk) -> None:
    status, out, _err = examdesk(capsys, "check", "--json", "--db", demo_url)
    assert status in (0, 1)
    issues = json.loads(out)
    assert all(i["center"] == "01" or i["room"].startswith("01/") for i in issues)
