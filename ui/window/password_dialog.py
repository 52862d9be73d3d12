"""File → Change password…: any signed-in user changes their own password.

The dialog asks the current password and the new one twice; a new password too short (the
rule of examdesk/services/users.py check_password, as at the command line) or typed
differently the second time is refused beside its field before anything runs. The change
runs in the background (argon2 takes a moment) through ui/jobs/signing.py
change_own_password, which checks the current password as a sign-in does: a wrong one
counts towards the lockout, as `user passwd` at the command line counts it, and is said
beside the current password's field. The services audit the change (never a password).
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

# the refusals about the current password, said beside its field (ui/jobs/signing.py)
CURRENT_REFUSALS = ("old-password-wrong", "user-locked", "user-disabled")
_RED = "color: #b00020;"


def _hidden_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _refusal(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(_RED)
    label.hide()
    return label


class PasswordDialog(QDialog):
    """The current password, the new one twice, a refusal beside each; accepted once the
    password is changed.

    Attributes:
        current, password, again: the three password fields.
        current_refusal, password_refusal, again_refusal: what is wrong with each field.
        refusal: any other failure (the database unreachable...).
        ok_button: 修改密码 (changes it in the background).
    """

    def __init__(self, operations: Operations, database: Database, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.database = database
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        from examdesk.services.users import PASSWORD_LEAST

        explanation = QLabel(self.tr(
            "Change the password of %1. The new password needs at least %2 characters; "
            "type it twice.").replace("%1", actor.username).replace("%2", str(PASSWORD_LEAST)))
        explanation.setWordWrap(True)
        self.current = _hidden_field("current")
        self.password = _hidden_field("password")
        self.again = _hidden_field("again")
        self.current_refusal = _refusal("current_refusal")
        self.password_refusal = _refusal("password_refusal")
        self.again_refusal = _refusal("again_refusal")
        self.refusal = _refusal("refusal")
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow("", self.current_refusal)
        form.addRow(self.tr("New password:"), self.password)
        form.addRow("", self.password_refusal)
        form.addRow(self.tr("New password again:"), self.again)
        form.addRow("", self.again_refusal)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.current.setFocus()

    def _labels(self) -> tuple[QLabel, ...]:
        return (self.current_refusal, self.password_refusal, self.again_refusal,
                self.refusal)

    @staticmethod
    def _say(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()

    def submit(self) -> None:
        """OK: refuse what is wrong beside its field, else change in the background."""
        from examdesk.errors import BadInput
        from examdesk.services.users import check_password

        for label in self._labels():
            label.hide()
        current, new = self.current.text(), self.password.text()
        refused = False
        if not current:
            self._say(self.current_refusal, self.tr("Type your current password."))
            refused = True
        try:
            check_password(new)
        except BadInput as short:
            self._say(self.password_refusal, str(short))
            refused = True
        else:
            if new != self.again.text():
                self._say(self.again_refusal, self.tr("The two passwords differ."))
                refused = True
        if refused:
            return
        database, actor = self.database, self.actor

        def work(_progress: object, _cancelled: object) -> str | None:
            from examdesk.errors import AccessDenied
            from ui.jobs.signing import change_own_password

            try:
                change_own_password(database, actor, current, new)
            except AccessDenied as refusal:
                if refusal.code not in CURRENT_REFUSALS:
                    raise
                return str(refusal)  # said beside the current password
            return None

        self.ok_button.setEnabled(False)
        self.operations.run(self.tr("Changing the password"), work,
                            on_success=self._done, on_failure=self._failed)

    def _done(self, refusal: str | None) -> None:
        if refusal is None:
            self.accept()
            return
        self.ok_button.setEnabled(True)
        self._say(self.current_refusal, refusal)
        self.current.clear()
        self.current.setFocus()

    def _failed(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self._say(self.refusal, message)
