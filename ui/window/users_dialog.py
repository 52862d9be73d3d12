"""File → Users… for an administrator: the users of the database, their roles and state.

Add a user, reset a password, disable or enable an account (enabling also lifts a lockout),
give or take a role for every exam or one exam, at every center or some. Each change runs
in the background through the window's operations, audited by the services
(examdesk/services/users.py); a refusal (a short password, the last administrator...) is
said in an error dialog and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.window.background import Operations
from ui.window.login import account_fields

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.audit import Actor
    from examdesk.services.users import UserRow

ROLES = ("admin", "planner", "desk", "viewer")


class AccountForm(QDialog):
    """What one change needs: some of a name, a new password (twice), a role, an exam and
    centers."""

    def __init__(self, title: str, *, name: bool = False, password: bool = False,
                 role: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout()
        self.user, self.password, self.again = account_fields()
        self.role = QComboBox()
        self.role.setObjectName("role")
        labels = {"admin": self.tr("Administrator"), "planner": self.tr("Planner"),
                  "desk": self.tr("Center desk"), "viewer": self.tr("Viewer")}
        for key in ROLES:
            self.role.addItem(labels[key], key)
        self.exam = QLineEdit()
        self.exam.setObjectName("exam")
        self.exam.setPlaceholderText(self.tr("Empty: every exam"))
        self.centers = QLineEdit()
        self.centers.setObjectName("centers")
        self.centers.setPlaceholderText(self.tr("Empty: every center; else codes, e.g. 01 02"))
        if name:
            form.addRow(self.tr("User name:"), self.user)
        if password:
            form.addRow(self.tr("New password:"), self.password)
            form.addRow(self.tr("Password again:"), self.again)
        if role:
            form.addRow(self.tr("Role:"), self.role)
            form.addRow(self.tr("Exam code:"), self.exam)
            form.addRow(self.tr("Test centers:"), self.centers)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setStyleSheet("color: #b00020;")
        self.refusal.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self._asks_password = password

    def _check(self) -> None:
        if self._asks_password and self.password.text() != self.again.text():
            self.refusal.setText(self.tr("The two passwords differ."))
            self.refusal.show()
            return
        self.accept()

    def scope(self) -> dict[str, Any]:
        """The role, exam code and center codes typed, as the services take them."""
        from examdesk.enums import UserRole

        codes = self.centers.text().replace(",", " ").replace("，", " ").replace("、", " ")
        return {"role": UserRole(self.role.currentData()),
                "exam_code": self.exam.text().strip() or None,
                "center_codes": codes.split()}


class UsersDialog(QDialog):
    """The users of the database and the buttons that change them."""

    def __init__(self, operations: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.actor = actor
        self.rows: list[UserRow] = []
        self.form: AccountForm | None = None
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Roles"),
                                              self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (("add", self.tr("Add…")), ("password", self.tr("Reset password…")),
                          ("disable", self.tr("Disable")), ("enable", self.tr("Enable")),
                          ("grant", self.tr("Give a role…")),
                          ("revoke", self.tr("Take a role…"))):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _checked=False, key=key: self.change(key))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selected)
        self.resize(720, 360)
        self.reload()

    def reload(self) -> None:
        """Read the users again."""
        actor = self.actor

        def work(session: Session, _progress: object, _cancelled: object) -> list[UserRow]:
            from examdesk.services.users import list_users

            return list_users(session, actor)

        self.operations.read(self.tr("Reading the users"), work, on_success=self._show)

    def _show(self, rows: list[UserRow]) -> None:
        from examdesk.services.users import clock_time

        chosen = self.chosen()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, user in enumerate(rows):
            state = [self.tr("active") if user.active else self.tr("disabled")]
            if not user.has_password:
                state.append(self.tr("no password"))
            if user.locked_until is not None:
                state.append(self.tr("locked until %1").replace(
                    "%1", clock_time(user.locked_until)))
            roles = "、".join(grant.text() for grant in user.grants) or self.tr("no role")
            for column, text in enumerate((user.name, roles, "，".join(state))):
                self.table.setItem(index, column, QTableWidgetItem(text))
            if user.name == chosen:
                self.table.selectRow(index)
        self.table.resizeColumnToContents(0)
        self._selected()

    def chosen(self) -> str | None:
        """The name of the selected user, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()].name

    def _selected(self) -> None:
        chosen = self.chosen()
        for key, button in self.buttons.items():
            button.setEnabled(key == "add" or chosen is not None)

    def change(self, key: str) -> None:
        """The button ``key``: ask what it needs (a small form), then change in the
        background."""
        name = self.chosen()
        if key in ("disable", "enable"):
            if name is not None:
                self._write(key, name, lambda s, a, n: _set_active(s, a, n, key == "enable"))
            return
        titles = {"add": self.tr("Add a user"), "password": self.tr("Reset the password"),
                  "grant": self.tr("Give a role"), "revoke": self.tr("Take a role")}
        form = AccountForm(titles[key], name=key == "add", password=key in ("add", "password"),
                           role=key in ("add", "grant", "revoke"), parent=self)
        self.form = form

        def accepted() -> None:
            target = form.user.text() if key == "add" else name
            if target is None:
                return
            password = form.password.text()
            scope = form.scope() if key != "password" else {}
            self._write(key, target, lambda s, a, n: _CHANGES[key](s, a, n, password, scope))

        form.accepted.connect(accepted)
        form.open()

    def _write(self, key: str, name: str,
               change: Callable[[Session, Actor, str], object]) -> None:
        actor = self.actor

        def work(session: Session, _progress: object, _cancelled: object) -> object:
            return change(session, actor, name)

        self.operations.write(f"user {key}", self.tr("Changing the users"), work,
                              on_success=lambda _result: self.reload())


def _set_active(session: Session, actor: Actor, name: str, active: bool) -> object:
    from examdesk.services.users import set_active

    set_active(session, actor, name, active)
    return None


def _add(session: Session, actor: Actor, name: str, password: str,
         scope: dict[str, Any]) -> object:
    from examdesk.services.users import add_user

    options = dict(scope)
    return add_user(session, actor, name, password, options.pop("role"), **options)


def _password(session: Session, actor: Actor, name: str, password: str,
              _scope: dict[str, Any]) -> object:
    from examdesk.services.users import set_password

    set_password(session, actor, name, password)
    return None


def _grant(session: Session, actor: Actor, name: str, _password: str,
           scope: dict[str, Any]) -> object:
    from examdesk.services.users import grant

    options = dict(scope)
    return grant(session, actor, name, options.pop("role"), **options)


def _revoke(session: Session, actor: Actor, name: str, _password: str,
            scope: dict[str, Any]) -> object:
    from examdesk.services.users import revoke

    options = dict(scope)
    return revoke(session, actor, name, options.pop("role"), **options)


_CHANGES: dict[str, Callable[[Session, Actor, str, str, dict[str, Any]], object]] = {
    "add": _add, "password": _password, "grant": _grant, "revoke": _revoke}
