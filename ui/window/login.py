"""Who works in the window: the login of a database with users, and its first administrator.

A database with users (examdesk/services/users.py) asks for a name and a password when the
window opens it; a refusal (a wrong name or password, a locked or disabled account) is said
in the dialog, which stays open for another try. On a database without users, 设置用户…
makes its first administrator, who is signed in at once. The sign-in runs in the background
(argon2 takes a moment, and a wrong password is written down for the lockout).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.window.background import Operations

if TYPE_CHECKING:
    from examdesk.db import Database
    from examdesk.services.audit import Actor


def account_fields() -> tuple[QLineEdit, QLineEdit, QLineEdit]:
    """A user name (at most 64 characters), a password and the password again (hidden)."""
    user = QLineEdit()
    user.setObjectName("user")
    user.setMaxLength(64)
    password = QLineEdit()
    password.setObjectName("password")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    again = QLineEdit()
    again.setObjectName("again")
    again.setEchoMode(QLineEdit.EchoMode.Password)
    return user, password, again


class _AccountDialog(QDialog):
    """A name, a password (typed twice for a new one), a line for the refusal, OK/Cancel.

    Attributes:
        actor: who signed in, once accepted.
    """

    def __init__(self, operations: Operations, database: Database, *, new: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.database = database
        self.actor: Actor | None = None
        self.user, self.password, self.again = account_fields()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self.refusal.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        if new:
            form.addRow(self.tr("Password again:"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def submit(self) -> None:
        """OK: check in the background; accepted once signed in, else the refusal shows."""

    def _start(self, title: str, work: object) -> None:
        self.ok_button.setEnabled(False)
        self.refusal.hide()
        self.operations.run(title, work,  # type: ignore[arg-type]
                            on_success=self._signed_in, on_failure=self._refused)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.show()
        self.ok_button.setEnabled(True)
        self.password.clear()
        self.again.clear()
        self.password.setFocus()


class LoginDialog(_AccountDialog):
    """Asks who signs in to a database with users; Cancel leaves it unopened."""

    def __init__(self, operations: Operations, database: Database, where: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(operations, database, new=False, parent=parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.explanation.setText(self.tr("%1 has users: sign in to open it.").replace(
            "%1", where))
        self.ok_button.setText(self.tr("Sign in"))

    def submit(self) -> None:
        name, password, database = self.user.text(), self.password.text(), self.database

        def work(_progress: object, _cancelled: object) -> Actor:
            from ui.jobs.signing import sign_in

            return sign_in(database, name, password)

        self._start(self.tr("Signing in"), work)


class FirstAdminDialog(_AccountDialog):
    """Makes the first administrator of a database without users and signs them in."""

    def __init__(self, operations: Operations, database: Database,
                 parent: QWidget | None = None) -> None:
        super().__init__(operations, database, new=True, parent=parent)
        self.setWindowTitle(self.tr("Set up users"))
        self.explanation.setText(self.tr(
            "Make the first administrator of this database. From then on, everyone signs in "
            "with a name and password, and the administrator gives each user a role."))
        self.ok_button.setText(self.tr("Create the administrator"))

    def submit(self) -> None:
        name, password, database = self.user.text(), self.password.text(), self.database
        if password != self.again.text():
            self._refused(self.tr("The two passwords differ."))
            return

        def work(_progress: object, _cancelled: object) -> Actor:
            from ui.jobs.signing import first_administrator

            return first_administrator(database, name, password)

        self._start(self.tr("Creating the administrator"), work)
