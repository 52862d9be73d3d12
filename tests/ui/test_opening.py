"""Starting the window: it paints first, then opens the database; a database it cannot open
is explained in a dialog that offers another, and a new one is made only when asked for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui.window.app import LAST_DATABASE, Started, start_window


@pytest.fixture
def start(examdesk_app, qtbot, settings, monkeypatch):
    """Starts the window as `examdesk` does (run_app without its event loop)."""
    monkeypatch.delenv("EXAMDESK_DB", raising=False)
    started: list[Started] = []

    def start_on(url: str | None) -> Started:
        one = start_window(url, settings)
        qtbot.addWidget(one.window)
        started.append(one)
        return one

    yield start_on
    for one in started:
        one.window.operations.shutdown()
        for database in one.databases:
            database.close()


def _question(qtbot, started: Started) -> QMessageBox:
    qtbot.waitUntil(lambda: started.opener.question is not None
                    and started.opener.question.isVisible(), timeout=10_000)
    return started.opener.question


def _click(qtbot, box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_folder_that_cannot_be_made_is_explained_and_another_database_chosen(
        start, qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "Z-drive"  # a drive that is not there: no folder can be made in it
    blocker.write_text("not a folder")
    started = start(f"sqlite:///{blocker}/exams/2023.db")
    assert started.window.isVisible()  # the window is there to explain it
    box = _question(qtbot, started)
    assert box.text() == (f"{blocker}/exams/2023.db 处没有数据库，其所在文件夹 "
                          f"{blocker}/exams 也不存在：该驱动器是否已连接？")
    _click(qtbot, box, "新建")  # the user insists
    qtbot.waitUntil(lambda: started.opener.question is not box)
    box = _question(qtbot, started)
    assert box.icon() == QMessageBox.Icon.Critical and box.windowTitle() == "无法打开数据库"
    assert box.text().startswith(f"无法创建数据库 2023.db 所在的文件夹 {blocker / 'exams'}")
    assert "内部错误" not in box.text()

    chosen = tmp_path / "elsewhere.db"
    monkeypatch.setattr(started.opener, "choose_file", lambda: chosen)
    with qtbot.waitSignal(started.window.refreshed, timeout=30_000):
        _click(qtbot, box, "另选…")
    assert chosen.exists() and str(chosen) in started.window.database_label.text()
    assert started.window.counts["candidates"] == 0


def test_a_mistyped_path_is_not_made_into_a_new_database_unless_asked(
        start, qtbot, tmp_path):
    typo = tmp_path / "exmas.db"
    started = start(f"sqlite:///{typo}")
    box = _question(qtbot, started)
    assert box.icon() == QMessageBox.Icon.Question
    assert box.text() == f"{typo} 处没有数据库。"
    assert not typo.exists()
    with qtbot.waitSignal(started.opener.abandoned):
        _click(qtbot, box, "退出")
    assert not typo.exists() and started.status == 2
    assert not started.window.isVisible()


def test_a_new_database_is_made_when_the_user_says_so(start, qtbot, tmp_path, settings):
    new = tmp_path / "2024" / "exam.db"
    started = start(f"sqlite:///{new}")
    box = _question(qtbot, started)
    with qtbot.waitSignal(started.window.refreshed, timeout=30_000):
        _click(qtbot, box, "新建")
    assert new.exists() and started.status == 0
    assert settings.value(LAST_DATABASE) == f"sqlite:///{new}"


def test_the_last_database_opens_again_without_asking(start, qtbot, demo_url, settings):
    first = start(demo_url)
    qtbot.waitUntil(lambda: first.window.counts.get("candidates") == 6000,
                    timeout=30_000)
    first.window.close()
    again = start(None)  # no --db and no $EXAMDESK_DB: the database opened last
    qtbot.waitUntil(lambda: again.window.counts.get("candidates") == 6000,
                    timeout=30_000)
    assert again.opener.question is None


def test_the_window_paints_before_the_database_layer_loads(demo_url, tmp_path):
    code = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow
import ui.launch
from ui.window.app import create_application, start_window

heavy = ("sqlalchemy", "alembic", "scipy", "reportlab", "openpyxl", "ui.cli")


class FirstPaint(QObject):
    # what is loaded when the main window paints first: the database opens on a worker
    # thread only after that, so it may not have loaded anything heavy by then
    seen = False

    def eventFilter(self, watched, event):
        if (not self.seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QMainWindow)):
            self.seen = True
            print("painted:", [m for m in heavy if m in sys.modules])
        return False


app = create_application(language="zh_CN")
first_paint = FirstPaint()
app.installEventFilter(first_paint)
settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
started = start_window({demo_url!r}, settings)
started.window.refreshed.connect(
    lambda: (print("counts:", format(started.window.counts["candidates"], ",")),
             app.quit()))
QTimer.singleShot(60_000, app.quit)
app.exec()
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.splitlines() == ["painted: []", "counts: 6,000"]


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (True, None)),
    (["--db", "sqlite:///exam.db"], (True, "sqlite:///exam.db")),
    (["--db=sqlite:///exam.db"], (True, "sqlite:///exam.db")),
    (["--db", "sqlite:///exam.db", "stats"], (False, None)),  # a command: the command line
    (["stats"], (False, None)),
    (["--help"], (False, None)),
    (["--version"], (False, None)),
    (["--db"], (False, None)),  # a mistake: the command line says what is wrong
    (["--db", "--help"], (False, None)),
])
def test_the_launcher_opens_the_window_alone_only_without_a_command(argv, expected):
    from ui.launch import window_request

    assert window_request(argv) == expected
