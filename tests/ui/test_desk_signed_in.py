"""Issue 13's "done when", end to end: a center-desk user who signs in (with a real
password, as a clerk would) reads only its own center's candidates through the command line
and the window, and asking for another center is refused in one Chinese line."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from examdesk.db import open_database
from examdesk.services.exams import center_id, resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from tests.ui import test_cli_users, test_opening
from tests.ui.test_cli_exchange import examdesk
from tests.ui.test_login import login_dialog, type_in
from tests.ui.test_walkthrough import open_area

start = test_opening.start  # the window as `examdesk` starts it
users_url = test_cli_users.users_url  # the demo with boss (admin) and desk01 (center 01)
no_terminal = test_cli_users.no_terminal


def centers_of(url: str) -> dict[str, int]:
    """The demo exam's candidates per center code."""
    database = open_database(url)
    try:
        with database.begin() as session:
            exam = resolve_exam(session)
            return {code: len(candidate_rows(session, exam,
                                             center_id=center_id(session, exam, code)))
                    for code in ("01", "02")}
    finally:
        database.close()


@pytest.fixture
def as_desk(monkeypatch):
    """Commands sign in as desk01 (its password from the environment, as a script gives it)."""
    monkeypatch.setenv("EXAMDESK_USER", "desk01")
    monkeypatch.setenv("EXAMDESK_PASSWORD", "desk-secret")
    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")


def test_a_signed_in_desk_exports_its_own_centers_candidates_only(capsys, users_url, as_desk,
                                                                 tmp_path) -> None:
    counts = centers_of(users_url)
    status, _out, err = examdesk(capsys, "--db", users_url, "export", "candidates",
                                 tmp_path / "mine.xlsx")
    assert (status, err) == (0, "")
    book = load_workbook(tmp_path / "mine.xlsx", read_only=True)
    header, *rows = list(book.active.iter_rows(values_only=True))
    book.close()
    center = header.index("考点编号")
    assert len(rows) == counts["01"] and {row[center] for row in rows} == {"01"}

    status, out, err = examdesk(capsys, "--db", users_url, "export", "candidates",
                                tmp_path / "theirs.xlsx", "--center", "02")
    assert (status, out) == (2, "")
    assert err == "examdesk: 用户 desk01 无权在考点 02 打印或导出个人信息。\n"
    assert not (tmp_path / "theirs.xlsx").exists()


def test_a_wrong_password_reads_nothing(capsys, users_url, as_desk, monkeypatch,
                                        tmp_path) -> None:
    monkeypatch.setenv("EXAMDESK_PASSWORD", "not-the-one")
    status, out, err = examdesk(capsys, "--db", users_url, "export", "candidates",
                                tmp_path / "mine.xlsx")
    assert (status, out) == (2, "") and err.count("\n") == 1
    assert not (tmp_path / "mine.xlsx").exists()


def test_a_desk_signed_in_in_the_window_lists_its_own_center(users_url, start, qtbot,
                                                             monkeypatch) -> None:
    monkeypatch.delenv("EXAMDESK_PASSWORD", raising=False)
    counts = centers_of(users_url)
    started = start(users_url)
    window = started.window
    dialog = login_dialog(qtbot, started)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, dialog, "desk01", "desk-secret")
    page = open_area(qtbot, window, "candidates")  # Ctrl+3, 考生
    qtbot.waitUntil(lambda: page.loaded, timeout=30_000)
    model = page.table.model
    rows = [model.row_at(line) for line in range(model.rowCount())]
    assert len(rows) == counts["01"] and {row.center_code for row in rows} == {"01"}
    assert window.user_label.text() == "已登录：desk01"
