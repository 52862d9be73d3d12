"""Choosing a database in the window: what each choice holds is said before it is opened, a
mistyped or unreachable one is refused with its reason, and a new file is made only on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from examdesk.errors import BadInput, DatabaseError
from tests.conftest import SERVER
from ui.jobs.databases import check_database, file_url, server_url, shown
from ui.window.database_dialog import DatabaseDialog

DEMO_EXAM = "2023年度社会工作者职业水平考试（周口考区）"


# --- the check, without a window ----------------------------------------------------------------

def test_the_check_lists_the_exams_of_an_examdesk_database(demo_url: str) -> None:
    check = check_database(demo_url)
    assert check.exists and not check.needs_upgrade
    assert check.exams == (DEMO_EXAM,)


def test_a_missing_file_is_reported_as_new_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "mistyped.db"
    check = check_database(file_url(path))
    assert not check.exists and not check.server
    assert not path.exists()


def test_a_file_in_a_missing_folder_says_which_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="does not exist"):
        check_database(file_url(tmp_path / "Z-drive" / "exam.db"))
    assert not (tmp_path / "Z-drive").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "candidates.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database at all" * 100)
    with pytest.raises(DatabaseError, match="Cannot open the database"):
        check_database(file_url(path))


def test_a_server_that_does_not_answer_is_refused_with_its_address() -> None:
    with pytest.raises(DatabaseError, match=r"127\.0\.0\.1"):
        check_database(server_url("127.0.0.1", 1, "examdesk", "clerk", "secret"))


def test_a_server_url_is_built_from_the_form_and_shown_without_its_password() -> None:
    url = server_url(" 10.0.0.5 ", 5432, "exam", "张老师", "p@ss:word")
    assert shown(url) == "张老师@10.0.0.5:5432/exam"
    assert "p@ss" not in shown(url) and check_url_has_password(url)
    with pytest.raises(BadInput):
        server_url("", 5432, "exam", "clerk")


def check_url_has_password(url: str) -> bool:
    from sqlalchemy.engine import make_url
    return make_url(url).password == "p@ss:word"


# --- the dialog, as a clerk uses it --------------------------------------------------------------

@pytest.fixture
def dialog_for(examdesk_app, qtbot):
    def make(recent: list[str], current: str | None = None) -> DatabaseDialog:
        dialog = DatabaseDialog(recent, current)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def click_recent(qtbot, dialog: DatabaseDialog, row: int) -> None:
    rect = dialog.recent_list.visualItemRect(dialog.recent_list.item(row))
    qtbot.mouseClick(dialog.recent_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_recent_database_shows_its_exams_then_opens(dialog_for, qtbot, demo_url) -> None:
    dialog = dialog_for([demo_url], current=demo_url)
    assert dialog.recent_list.item(0).text().endswith("（当前打开）")
    click_recent(qtbot, dialog, 0)
    qtbot.waitUntil(dialog.open_button.isEnabled)
    assert dialog.verdict.text() == f"ExamDesk 数据库，包含：{DEMO_EXAM}"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DatabaseDialog.DialogCode.Accepted
    assert dialog.chosen_url == demo_url


def test_a_recent_file_that_is_gone_is_refused_not_recreated(dialog_for, qtbot, tmp_path) -> None:
    gone = tmp_path / "moved-away.db"
    dialog = dialog_for([file_url(gone)])
    click_recent(qtbot, dialog, 0)
    qtbot.waitUntil(lambda: "不存在" in dialog.verdict.text())
    assert "新建文件" in dialog.verdict.text()
    assert not dialog.open_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not open it either
    assert dialog.chosen_url is None
    assert not gone.exists()


def test_a_new_file_is_made_only_where_a_folder_exists(dialog_for, qtbot, tmp_path,
                                                       monkeypatch) -> None:
    dialog = dialog_for([])
    target = tmp_path / "Z-drive" / "exam.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.new_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "文件夹" in dialog.verdict.text())
    assert "网络驱动器" in dialog.verdict.text()
    assert not dialog.open_button.isEnabled()

    target = tmp_path / "exam.db"
    qtbot.mouseClick(dialog.new_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled)
    assert dialog.verdict.text() == f"将新建数据库：{target}"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_url == file_url(target)


def test_a_server_that_does_not_answer_is_said_in_the_dialog(dialog_for, qtbot) -> None:
    dialog = dialog_for([])
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.verdict.text() == "请填写服务器地址和数据库名。"
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(1)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "127.0.0.1" in dialog.verdict.text() and "正在" not in
                    dialog.verdict.text(), timeout=10_000)
    assert not dialog.open_button.isEnabled()


@pytest.mark.skipif(not SERVER, reason="needs the PostgreSQL test server (EXAMDESK_TEST_DB)")
def test_a_reachable_server_is_tested_then_opened(dialog_for, qtbot, demo_url) -> None:
    dialog = dialog_for([])
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.url_field, demo_url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=10_000)
    assert DEMO_EXAM in dialog.verdict.text()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_url == demo_url
