"""File → 备份数据库… and 恢复数据库…: a backup made from the window and put back, asking
first and saying what it replaces."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.test_cli_backups import damage, left_open
from tests.ui.test_main_window import shown_window, withdraw
from tests.ui.test_opening import _click, _question
from tests.ui.test_opening import start as opened_window
from ui.cli import run

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def file_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action.text() == text)


def test_a_backup_made_in_the_window_restores_what_it_held(
        examdesk_app, qtbot, demo_copy, settings, tmp_path, monkeypatch, backend):
    if backend == "postgresql" and not shutil.which("pg_restore"):
        pytest.skip("PostgreSQL's pg_dump and pg_restore are not installed")
    window = shown_window(qtbot, demo_copy, settings)
    assert "考生 6,000" in window.counts_label.text()
    out = tmp_path / ("备份.db" if backend == "sqlite" else "备份.dump")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    file_action(window, "备份数据库(&B)…").trigger()
    qtbot.waitUntil(lambda: "数据库已备份到" in window.statusBar().currentMessage(),
                    timeout=20000)
    assert out.exists()

    with demo_copy.write("withdraw") as session:
        withdraw(session, "tester")
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.refresh()
    assert "考生 5,999" in window.counts_label.text()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    commands = window.backup_commands()
    file_action(window, "恢复数据库(&T)…").trigger()
    qtbot.waitUntil(lambda: commands.question is not None and commands.question.isVisible(),
                    timeout=20000)
    box = commands.question
    assert "将被" in box.text() and str(out) in box.text() and "5,999 名考生" in box.text()
    assert "恢复前会先备份" in box.text()
    if SHOTS:
        box.grab().save(os.path.join(SHOTS, "restore-question.png"))
    restore = next(button for button in box.buttons() if button.text() == "恢复")
    with qtbot.waitSignal(window.refreshed, timeout=30000):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "考生 6,000" in window.counts_label.text(), timeout=20000)
    assert "已恢复备份" in window.statusBar().currentMessage()


def test_restore_declined_changes_nothing(examdesk_app, qtbot, demo_copy, settings, tmp_path,
                                          monkeypatch, backend):
    if backend != "sqlite":
        pytest.skip("the question is the same on both")
    window = shown_window(qtbot, demo_copy, settings)
    out = tmp_path / "备份.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    file_action(window, "备份数据库(&B)…").trigger()
    qtbot.waitUntil(out.exists, timeout=20000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    commands = window.backup_commands()
    file_action(window, "恢复数据库(&T)…").trigger()
    qtbot.waitUntil(lambda: commands.question is not None and commands.question.isVisible(),
                    timeout=20000)
    cancel = commands.question.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: commands.question is None)
    assert "正在恢复数据库" not in [running.title for running in window.operations.running()]
    assert "已恢复备份" not in window.statusBar().currentMessage()


def test_a_file_that_is_not_a_backup_is_refused_in_a_dialog(
        examdesk_app, qtbot, demo_copy, settings, tmp_path, monkeypatch):
    window = shown_window(qtbot, demo_copy, settings)
    other = tmp_path / "名单.db"
    other.write_bytes(b"not a database")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    file_action(window, "恢复数据库(&T)…").trigger()

    def refused() -> bool:
        return any(box.isVisible() and "不是 ExamDesk 的备份" in box.text()
                   for box in window.findChildren(QMessageBox))

    qtbot.waitUntil(refused, timeout=20000)
    assert window.backup_commands().question is None


def test_a_server_without_pg_dump_says_once_that_bulk_changes_are_not_backed_up(
        examdesk_app, qtbot, demo_copy, settings, monkeypatch, backend, tmp_path):
    if backend == "sqlite":
        pytest.skip("pg_dump is PostgreSQL's")
    monkeypatch.setenv("EXAMDESK_BACKUPS_KEEP", "10")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("examdesk.db.backups.pg_client", lambda _program: None)
    window = shown_window(qtbot, demo_copy, settings)
    assert "不会自动备份" in window.statusBar().currentMessage()


start = opened_window  # the window started as `examdesk` starts it (a fixture)


def test_a_damaged_file_is_explained_and_a_backup_restored_over_it(
        start, qtbot, tmp_path, monkeypatch, capsys):
    path = tmp_path / "exam.db"
    saved = tmp_path / "saved.db"
    assert run(["--db", f"sqlite:///{path}", "demo"]) == 0
    assert run(["--db", f"sqlite:///{path}", "backup", str(saved)]) == 0
    capsys.readouterr()
    left_open(path)
    damage(path)
    started = start(f"sqlite:///{path}")
    box = _question(qtbot, started)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "已损坏" in box.text() and "exam.db-backups" in box.text()
    assert "examdesk" not in box.text().replace(str(tmp_path), "")  # no command named
    if SHOTS:
        box.grab().save(os.path.join(SHOTS, "damaged.png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    with qtbot.waitSignal(started.window.refreshed, timeout=30_000):
        _click(qtbot, box, "从备份恢复…")
    assert started.window.counts["candidates"] == 6000
