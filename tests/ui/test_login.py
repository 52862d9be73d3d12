"""The window's login (issue 13, "Users and roles"): a database with users asks who signs
in before it shows anything; a database without users offers to make its first
administrator; an administrator manages the users from File → 用户…"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from examdesk.db import open_database
from examdesk.enums import UserRole
from examdesk.services import users
from examdesk.services.audit import Actor
from tests.ui import test_opening
from ui.window.app import Started
from ui.window.login import FirstAdminDialog, LoginDialog
from ui.window.users_dialog import AccountForm, UsersDialog

SHOTS = os.environ.get("EXAMDESK_SHOTS")
start = test_opening.start  # the window as `examdesk` starts it


@pytest.fixture
def with_users(demo_copy_url):
    """The demo with an administrator (boss) and a viewer (clerk)."""
    database = open_database(demo_copy_url)
    try:
        with database.write() as session:
            users.add_user(session, Actor("tester"), "boss", "boss-secret", UserRole.ADMIN)
        with database.write() as session:
            boss = users.sign_in(session, "boss", "boss-secret")
            users.add_user(session, boss, "clerk", "clerk-secret", UserRole.VIEWER)
    finally:
        database.close()
    return demo_copy_url


def login_dialog(qtbot, started: Started) -> LoginDialog:
    window = started.window
    qtbot.waitUntil(lambda: getattr(window, "login_dialog", None) is not None
                    and window.login_dialog.isVisible(), timeout=30_000)
    return window.login_dialog


def type_in(qtbot, dialog, name: str, password: str) -> None:
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_database_with_users_shows_nothing_before_a_sign_in(start, qtbot, with_users,
                                                              tmp_path):
    started = start(with_users)
    window = started.window
    dialog = login_dialog(qtbot, started)
    assert window.pages == {} and window.counts == {}
    assert dialog.windowTitle() == "登录" and dialog.ok_button.text() == "登录"

    type_in(qtbot, dialog, "boss", "wrong-one")
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=30_000)
    assert dialog.refusal.text() == "用户名或密码错误。"
    assert dialog.isVisible() and dialog.password.text() == "" and window.pages == {}
    if SHOTS:
        dialog.grab().save(str(tmp_path / "login-refused.png"))

    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, dialog, "clerk", "clerk-secret")
    assert not dialog.isVisible()
    assert window.actor is not None and window.actor.username == "clerk"
    assert window.page_context().actor == window.actor
    assert window.user_label.text() == "已登录：clerk"
    assert window.counts["candidates"] == 6000
    assert window.sign_out_action.isEnabled()
    assert not window.users_action.isEnabled()  # a viewer manages no users
    # nor backs up or restores the database (it holds everyone's personal data)
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()


def test_cancel_leaves_the_window_without_a_database(start, qtbot, with_users):
    started = start(with_users)
    dialog = login_dialog(qtbot, started)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    window = started.window
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.database is None and window.actor is None and window.pages == {}
    assert window.database_label.text() == "未打开数据库"


def test_sign_out_asks_again_and_switches_the_user(start, qtbot, with_users):
    started = start(with_users)
    window = started.window
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, login_dialog(qtbot, started), "clerk", "clerk-secret")
    first = window.login_dialog
    window.sign_out_action.trigger()
    assert window.pages == {} and window.actor is None
    qtbot.waitUntil(lambda: window.login_dialog is not first
                    and window.login_dialog.isVisible(), timeout=30_000)
    assert window.login_dialog.user.text() == "clerk"  # who signed in last
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, window.login_dialog, "boss", "boss-secret")
    assert window.actor.username == "boss" and window.user_label.text() == "已登录：boss"
    assert window.users_action.isEnabled()


def test_the_first_administrator_is_made_from_the_window(start, qtbot, demo_copy_url,
                                                         tmp_path):
    started = start(demo_copy_url)
    window = started.window
    qtbot.waitUntil(lambda: window.counts.get("candidates") == 6000, timeout=30_000)
    assert window.actor is not None and window.actor.unrestricted
    assert window.user_label.text() == "用户：tester"
    assert not window.sign_out_action.isEnabled()
    window.users_action.trigger()
    dialog = window.users_dialog
    assert isinstance(dialog, FirstAdminDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.user, "boss")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.again, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=30_000)
    assert dialog.refusal.text() == "密码至少需要 8 个字符。"
    qtbot.keyClicks(dialog.password, "boss-secret")
    qtbot.keyClicks(dialog.again, "boss-secret")
    if SHOTS:
        dialog.grab().save(str(tmp_path / "first-admin.png"))
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.actor.username == "boss" and not window.actor.unrestricted
    assert window.user_label.text() == "已登录：boss"
    database = open_database(demo_copy_url)
    try:
        with database.begin() as session:
            assert users.has_users(session)
    finally:
        database.close()


def test_an_administrator_adds_a_user_and_gives_a_role(start, qtbot, with_users, tmp_path):
    started = start(with_users)
    window = started.window
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, login_dialog(qtbot, started), "boss", "boss-secret")
    window.users_action.trigger()
    dialog = window.users_dialog
    assert isinstance(dialog, UsersDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=30_000)
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["boss", "clerk", "tester"]
    assert dialog.table.item(0, 1).text() == "管理员"

    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    form = dialog.form
    assert isinstance(form, AccountForm) and form.isVisible()
    qtbot.keyClicks(form.user, "desk01")
    qtbot.keyClicks(form.password, "desk-secret")
    qtbot.keyClicks(form.again, "desk-secret")
    form.role.setCurrentIndex(form.role.findData("desk"))
    qtbot.keyClicks(form.centers, "01")
    (ok,) = [b for b in form.findChildren(QPushButton) if b.text() == "确定"]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=30_000)
    assert dialog.table.item(2, 0).text() == "desk01"
    assert dialog.table.item(2, 1).text() == "考点值班（考试 SW2023-ZK，考点 01）"

    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualItemRect(dialog.table.item(1, 0)).center())
    assert dialog.chosen() == "clerk"
    qtbot.mouseClick(dialog.buttons["disable"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.item(1, 2).text() == "已停用", timeout=30_000)
    if SHOTS:
        dialog.grab().save(str(tmp_path / "users.png"))
    QApplication.processEvents()
