"""The 热线 tab of the 考务日 area: the consultation hotline's call log.

The clerk on the hotline logs each call (the caller's phone, the topic, the answer given,
what is still to be done) with one button; the most asked topics are listed beside the log,
and a click on one puts it in the topic box, so that the same question is logged the same way
(examdesk/services/hotline.py counts calls by topic).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.window.pages import Page, PageContext
from ui.window.pages.runs import while_alive
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.services.hotline import Call, CallLog

ERROR_STYLE = "color: #b00020;"


class HotlinePage(Page):
    """The call log (see the module's docstring).

    Signals:
        loaded(): the log was read and shown.
        logged(): a call was logged.
    """

    loaded = Signal()
    logged = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.log: CallLog | None = None
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("The caller's phone, if given"))
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("What the call is about, in a few words"))
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("What the caller was told"))
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("What is still to be done, e.g. call back"))
        self.log_button = QPushButton(self.tr("Log the call"))
        self.log_button.setDefault(True)
        self.log_button.clicked.connect(self.log_call)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.saved_label = QLabel()
        form_box = QGroupBox(self.tr("New call"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Caller's phone"), self.phone)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Follow-up"), self.follow_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.saved_label, 1)
        form.addRow(buttons)
        form.addRow(self.error_label)
        for line in (self.phone, self.topic, self.answer, self.follow_up):
            line.returnPressed.connect(self.log_call)
        self.topics = QListWidget()
        self.topics.itemClicked.connect(self._topic_chosen)
        topics_box = QGroupBox(self.tr("Most asked"))
        QVBoxLayout(topics_box).addWidget(self.topics)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Phone"), self.tr("Topic"), self.tr("Answer"),
            self.tr("Follow-up"), self.tr("Taken by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(form_box, 3)
        top.addWidget(topics_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self._refuse()

    def _refuse(self) -> None:
        from examdesk.services.audit import Permission

        actor = self.context.actor
        if actor.grants is None or any(actor.may(Permission.EXAM_DAY, grant.exam_id)
                                       for grant in actor.grants):
            return
        self.log_button.setEnabled(False)
        self.log_button.setToolTip(self.tr(
            "Only those who do exam-day work for the whole exam take hotline calls; you are "
            "signed in as %1.").replace("%1", actor.username))

    # --- reading ------------------------------------------------------------------------------
    def refresh(self, changes: object | None = None) -> None:
        actor = self.context.actor

        def read(session: Any, _progress: object, _cancelled: object) -> CallLog:
            from examdesk.services.exams import resolve_exam
            from examdesk.services.hotline import read_log

            return read_log(session, actor, resolve_exam(session))

        self.context.operations.read(self.tr("Reading the call log"), read, quiet=True,
                                     on_success=while_alive(self, self._show))

    def _show(self, log: CallLog) -> None:
        self.log = log
        self.topics.clear()
        for topic, count in log.topics[:15]:
            item = QListWidgetItem(f"{count:>4}  {topic}")
            item.setData(Qt.ItemDataRole.UserRole, topic)
            self.topics.addItem(item)
        self.table.setRowCount(len(log.calls))
        for row, call in enumerate(log.calls):
            for column, value in enumerate(_cells(call)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.count_label.setText(self.tr("%1 calls shown, %2 with a follow-up").replace(
            "%1", str(len(log.calls))).replace("%2", str(log.open_follow_ups)))
        emit(self.loaded)

    def _topic_chosen(self, item: QListWidgetItem) -> None:
        self.topic.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.answer.setFocus()

    # --- logging ------------------------------------------------------------------------------
    def log_call(self) -> None:
        """Log the call in the form; a refused value is explained below it, nothing written."""
        if not self.log_button.isEnabled():
            return
        self.error_label.hide()
        self.saved_label.setText("")
        phone, topic = self.phone.text(), self.topic.text()
        answer, follow_up = self.answer.text(), self.follow_up.text()
        actor = self.context.actor

        def work(session: Any, _progress: object, _cancelled: object) -> Call:
            from examdesk.services.exams import resolve_exam
            from examdesk.services.hotline import log_call

            return log_call(session, actor, resolve_exam(session), phone=phone, topic=topic,
                            answer=answer, follow_up=follow_up)

        self.context.operations.write("hotline call", self.tr("Logging the call"), work,
                                      on_success=while_alive(self, self._logged),
                                      on_failure=while_alive(self, self._refused))

    def _logged(self, call: Call) -> None:
        for line in (self.phone, self.topic, self.answer, self.follow_up):
            line.clear()
        self.saved_label.setText(self.tr("Call %1 logged.").replace("%1", str(call.id)))
        self.phone.setFocus()
        emit(self.logged)  # the window's `changed` reads the log again (ExamDayPage.refresh)

    def _refused(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


def _cells(call: Call) -> list[str]:
    return [f"{call.called_at.astimezone():%m-%d %H:%M}", call.phone, call.topic, call.answer,
            call.follow_up, call.taken_by]
