"""File → 修改密码… (issue 13, "Users and roles"): every signed-in user changes their own
password in the window, as `examdesk user passwd NAME` does at the command line: the same
rules, the same lockout, audited without the password."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.model import AuditEvent, User
from examdesk.services import users
from tests.ui import test_login, test_opening
from ui.jobs import signing
from ui.window.password_dialog import PasswordDialog

SHOTS = os.environ.get("EXAMDESK_SHOTS")
# the File menu grabs the keyboard, which the offscreen platform cannot do; nothing to fix
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
start = test_opening.start  # the window as `examdesk` starts it


with_users = test_login.with_users  # an administrator (boss) and a viewer (clerk)


@pytest.fixture
def with_desk(with_users):
    """:func:`with_users` and a desk clerk of center 01 (desk01)."""
    database = open_database(with_users)
    try:
        with database.write() as session:
            boss = users.sign_in(session, "boss", "boss-secret")
            users.add_user(session, boss, "desk01", "desk-secret", UserRole.DESK,
                           center_codes=["01"])
    finally:
        database.close()
    return with_users


def _signed_in(qtbot, started, name: str, password: str):
    window = started.window
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        test_login.type_in(qtbot, test_login.login_dialog(qtbot, started), name, password)
    assert window.actor.username == name
    return window


def _open_dialog(qtbot, window) -> PasswordDialog:
    assert window.password_action.isEnabled()
    assert window.password_action.text() == "修改密码(&W)…"
    bar = window.menuBar()  # 文件 → 修改密码…, clicked
    file_menu = bar.actions()[0].menu()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(bar.actions()[0]).center())
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.mouseClick(file_menu, Qt.MouseButton.LeftButton,
                     pos=file_menu.actionGeometry(window.password_action).center())
    qtbot.waitUntil(lambda: getattr(window, "password_dialog", None) is not None
                    and window.password_dialog.isVisible())
    dialog = window.password_dialog
    assert isinstance(dialog, PasswordDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "修改密码" and dialog.ok_button.text() == "修改密码"
    return dialog


def _type(qtbot, dialog: PasswordDialog, current: str, new: str, again: str) -> None:
    for field, text in ((dialog.current, current), (dialog.password, new),
                        (dialog.again, again)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _refused(qtbot, dialog: PasswordDialog) -> dict[str, str]:
    """The refusals on show, by field, once the background check is back."""
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=30_000)
    return {label.objectName(): label.text() for label in dialog._labels()
            if label.isVisible()}


def _account(url: str, name: str) -> tuple[int, bool]:
    """The user's wrong passwords in a row, and whether the account is locked."""
    database = open_database(url)
    try:
        with database.begin() as session:
            user = session.scalars(select(User).where(User.username == name)).one()
            return user.failed_attempts, user.locked_until is not None
    finally:
        database.close()


def test_a_desk_clerk_changes_their_own_password(start, qtbot, with_desk, tmp_path):
    started = start(with_desk)
    window = _signed_in(qtbot, started, "desk01", "desk-secret")
    assert not window.users_action.isEnabled()  # a desk clerk manages no users
    dialog = _open_dialog(qtbot, window)

    # too short, and typed differently: said beside the field, nothing runs
    _type(qtbot, dialog, "desk-secret", "short", "short")
    assert _refused(qtbot, dialog) == {"password_refusal": "密码至少需要 8 个字符。"}
    _type(qtbot, dialog, "desk-secret", "new-desk-secret", "new-desk-secrte")
    assert _refused(qtbot, dialog) == {"again_refusal": "两次输入的密码不一致。"}
    _type(qtbot, dialog, "", "new-desk-secret", "new-desk-secret")
    assert _refused(qtbot, dialog) == {"current_refusal": "请输入原密码。"}
    assert _account(with_desk, "desk01") == (0, False)

    # a wrong current password: refused beside it, and counted as a wrong sign-in is
    _type(qtbot, dialog, "not-my-password", "new-desk-secret", "new-desk-secret")
    assert _refused(qtbot, dialog) == {"current_refusal": "原密码错误。"}
    assert dialog.isVisible() and dialog.current.text() == ""
    assert _account(with_desk, "desk01") == (1, False)
    if SHOTS:
        dialog.grab().save(str(tmp_path / "password-refused.png"))

    _type(qtbot, dialog, "desk-secret", "new-desk-secret", "new-desk-secret")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert window.statusBar().currentMessage() == "已修改 desk01 的密码。"
    if SHOTS:
        window.resize(1366, 768)
        window.grab().save(str(tmp_path / "password-changed.png"))
    assert _account(with_desk, "desk01") == (0, False)  # the right one clears the count
    database = open_database(with_desk)
    try:
        with database.begin() as session:
            (event,) = session.scalars(select(AuditEvent).where(
                AuditEvent.action == "user-password")).all()
    finally:
        database.close()
    assert (event.actor, event.details) == ("desk01", {"user": "desk01"})
    assert "desk01" in event.summary
    written = repr((event.summary, event.details))
    assert "secret" not in written and "argon2" not in written  # no password, no hash

    # signing in again: the old password fails, the new one works
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: window.login_dialog.isVisible(), timeout=30_000)
    login = window.login_dialog
    qtbot.keyClicks(login.password, "desk-secret")
    qtbot.mouseClick(login.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: login.refusal.isVisible(), timeout=30_000)
    assert login.refusal.text() == "用户名或密码错误。"
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.keyClicks(login.password, "new-desk-secret")
        qtbot.mouseClick(login.ok_button, Qt.MouseButton.LeftButton)
    assert window.actor.username == "desk01"


def test_an_administrator_uses_the_same_dialog_where_wrong_passwords_add_up_to_the_lockout(
        start, qtbot, with_users):
    started = start(with_users)
    window = _signed_in(qtbot, started, "boss", "boss-secret")
    dialog = _open_dialog(qtbot, window)
    _type(qtbot, dialog, "boss-secret", "new-boss-secret", "new-boss-secret")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert window.statusBar().currentMessage() == "已修改 boss 的密码。"

    # wrong passwords at the command line's sign-in (ui/cli/common.py), then one here
    database = open_database(with_users)
    try:
        assert signing.sign_in(database, "boss", "new-boss-secret").username == "boss"
        for _ in range(users.MAX_FAILURES - 1):
            with pytest.raises(AccessDenied):
                signing.sign_in(database, "boss", "boss-secret")
    finally:
        database.close()
    dialog = _open_dialog(qtbot, window)
    _type(qtbot, dialog, "boss-secret", "newer-boss-secret", "newer-boss-secret")
    refused = _refused(qtbot, dialog)
    assert list(refused) == ["current_refusal"]
    assert refused["current_refusal"].startswith("用户 boss 连续 5 次密码错误，已锁定至 ")
    assert _account(with_users, "boss") == (0, True)
    # locked: even the right password changes nothing now
    _type(qtbot, dialog, "new-boss-secret", "newer-boss-secret", "newer-boss-secret")
    assert _refused(qtbot, dialog)["current_refusal"].startswith("用户 boss 连续 5 次")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_database_without_users_greys_the_entry_out_saying_why(start, qtbot,
                                                                 demo_copy_url, tmp_path):
    started = start(demo_copy_url)
    window = started.window
    qtbot.waitUntil(lambda: window.counts.get("candidates") == 6000, timeout=30_000)
    assert window.actor is not None and window.actor.unrestricted
    action = window.password_action
    assert not action.isEnabled()
    assert action.toolTip() == ("该数据库没有用户，因此没有密码：“文件 → 设置用户…”可创建"
                                "其第一个管理员。")
    # the File menu shows it when the pointer rests on the entry
    bar = window.menuBar()
    file_menu = bar.actions()[0].menu()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(bar.actions()[0]).center())
    qtbot.waitUntil(file_menu.isVisible)
    place = file_menu.actionGeometry(action).center()
    QApplication.sendEvent(file_menu, QHelpEvent(QEvent.Type.ToolTip, place,
                                                 file_menu.mapToGlobal(place)))
    assert QToolTip.text() == action.toolTip()
    if SHOTS:
        file_menu.grab().save(str(tmp_path / "file-menu-without-users.png"))
    qtbot.keyClick(file_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not file_menu.isVisible())
    window.change_password()  # a shortcut or a stale menu opens nothing
    assert getattr(window, "password_dialog", None) is None
