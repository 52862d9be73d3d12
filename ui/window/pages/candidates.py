"""考生: the exam's candidates, searched by name, pinyin initials, ID number or ticket,
filtered by center, level, room and status, with a candidate's details beside the table
(the office's own screen: the ID number in full) and withdrawal of a candidate."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from examdesk.enums import CandidateStatus
from examdesk.errors import ExamDeskError
from examdesk.services.rows.candidates import CandidateRow, candidate_rows, status_label
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage
from ui.window.tables import Column, RowKind

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef


def _seat(row: CandidateRow) -> str:
    return "" if row.seat_no is None else str(row.seat_no)


def _room(row: CandidateRow) -> str:
    return f"{row.center_code} {row.room_code}" if row.seated else "—"


class CandidatesPage(ListPage[CandidateRow]):
    """The 考生 area (see the module's docstring); :meth:`select` takes a candidate's ID."""

    withdraw_button: QPushButton

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.withdraw_button = QPushButton(self.tr("Withdraw..."))
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.setToolTip(
            self.tr("The candidate no longer sits the exam: the seat is freed and the ticket "
                    "number retired"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdraw_button.setEnabled(False)
        self.action_bar.insertWidget(1, self.withdraw_button)
        # the phone, changed under the details (the import's rules; a refusal beside it)
        self.phone_box = QLineEdit()
        self.phone_box.setObjectName("edit-phone")
        self.phone_error = QLabel()
        self.phone_error.setObjectName("error-phone")
        self.phone_error.setWordWrap(True)
        self.phone_error.setStyleSheet("color: #b00020;")
        self.phone_error.hide()
        self.save_phone_button = QPushButton(self.tr("Save the phone"))
        self.save_phone_button.setObjectName("save-phone")
        self.save_phone_button.clicked.connect(self.save_phone)
        self.phone_box.returnPressed.connect(self.save_phone)
        phone_row = QHBoxLayout()
        phone_row.addWidget(QLabel(self.tr("Change the phone:")))
        phone_row.addWidget(self.phone_box, 1)
        phone_row.addWidget(self.save_phone_button)
        self.details_extra.addLayout(phone_row)
        self.details_extra.addWidget(self.phone_error)
        self._phone_of: int | None = None
        self.photo = QLabel()
        self.photo.setObjectName("photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details_extra.addWidget(self.photo)
        self._photo_of: int | None = None

    def facet_titles(self) -> Mapping[str, str]:
        return {"center": self.tr("Center"), "level": self.tr("Level"),
                "room": self.tr("Room"), "status": self.tr("Status")}

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[CandidateRow]:
        return candidate_rows(session, exam, ids=ids)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.exports import ExportResult
        from examdesk.services.seat_changes import SeatChanges

        if isinstance(changes, ExportResult):
            return ()
        from examdesk.services.candidate_edits import CandidateChanges

        if isinstance(changes, SeatChanges | CandidateChanges):
            return changes.candidates
        return None

    def exporter(self) -> tuple[Exporter, str]:
        from examdesk.services.exports import export_candidates

        return export_candidates, self.tr("candidates.xlsx")

    def details_of(self, row: CandidateRow) -> tuple[str, Sequence[tuple[str, str]]]:
        self.withdraw_button.setEnabled(row.status is not CandidateStatus.WITHDRAWN)
        return row.name, [
            (self.tr("Name"), row.name),
            (self.tr("Gender"), row.gender_label),
            (self.tr("Document"), row.id_type_label),
            (self.tr("ID number"), row.id_number),
            (self.tr("Registration"), row.registration_no),
            (self.tr("Level"), row.level),
            (self.tr("Papers"), row.papers_text),
            (self.tr("Work unit"), row.work_unit),
            (self.tr("Phone"), row.phone),
            (self.tr("Status"), row.status_label),
            (self.tr("Center"), f"{row.center_code} {row.center_name}" if row.seated
             else self.tr("not seated yet")),
            (self.tr("Room"), row.room_code),
            (self.tr("Seat"), _seat(row)),
            (self.tr("Ticket"), row.ticket_no),
        ]

    def show_details(self, row: CandidateRow | None) -> None:
        if row is None and hasattr(self, "withdraw_button"):
            self.withdraw_button.setEnabled(False)
        super().show_details(row)
        if hasattr(self, "photo"):
            self._read_photo(None if row is None else row.candidate_id)
            key = None if row is None else row.candidate_id
            if key != self._phone_of:  # what the clerk typed stays while the row is shown
                self._phone_of = key
                self.phone_error.hide()
                self.phone_box.setText("" if row is None else row.phone)
            elif row is not None and not self.phone_error.isVisible():
                self.phone_box.setText(row.phone)
            self.phone_box.setEnabled(row is not None)
            self.save_phone_button.setEnabled(row is not None)

    def save_phone(self) -> None:
        """Writes the phone typed to the selected candidate (a wrong one: see __init__)."""
        row = self.current_row()
        if row is None or self.exam is None:
            return
        exam, candidate_id, phone = self.exam, row.candidate_id, self.phone_box.text()
        self.phone_error.hide()

        def work(session: Session) -> object:
            from examdesk.services.audit import Actor
            from examdesk.services.candidate_edits import edit_candidate_phone

            return edit_candidate_phone(session, Actor.from_environment(), exam,
                                        candidate_id, phone)

        self.write_or_refuse("edit candidate", self.tr("Saving the phone"), work,
                             self._phone_refused)

    def _phone_refused(self, error: ExamDeskError) -> None:
        self.phone_error.setText(str(error))
        self.phone_error.show()
        self.phone_box.setFocus()

    def _read_photo(self, candidate_id: int | None) -> None:
        """Shows the candidate's photo when they have one (read in the background)."""
        if candidate_id == self._photo_of:
            return
        self._photo_of = candidate_id
        self.photo.clear()
        exam = self.exam
        if candidate_id is None or exam is None:
            return

        def work(session: Session, _progress: object, _cancelled: object) -> bytes | None:
            from examdesk.services.photos import candidate_photo

            return candidate_photo(session, exam, candidate_id)

        self.context.operations.read(
            self.tr("Reading the photo"), work, quiet=True,
            on_success=lambda data: self._show_photo(candidate_id, data))

    def _show_photo(self, candidate_id: int, data: bytes | None) -> None:
        if candidate_id != self._photo_of or not data:
            return
        image = QPixmap()
        if image.loadFromData(data):
            self.photo.setPixmap(image.scaledToWidth(
                120, Qt.TransformationMode.SmoothTransformation))

    def row_kind(self) -> RowKind[CandidateRow]:
        # each status named once, not once per candidate
        statuses = {status: status_label(status) for status in CandidateStatus}
        return RowKind[CandidateRow](
            key=lambda r: r.candidate_id,
            columns=[
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Gender"), lambda r: r.gender_label),
                Column(self.tr("ID number"), lambda r: r.id_number),
                Column(self.tr("Level"), lambda r: r.level),
                Column(self.tr("Center"), lambda r: r.center_name),
                Column(self.tr("Room"), lambda r: r.room_code),
                Column(self.tr("Seat"), _seat, sort_key=lambda r: r.seat_no or 0, numeric=True),
                Column(self.tr("Ticket"), lambda r: r.ticket_no),
                Column(self.tr("Registration"), lambda r: r.registration_no),
                Column(self.tr("Status"), lambda r: r.status_label),
                Column(self.tr("Work unit"), lambda r: r.work_unit),
            ],
            search=lambda r: (r.search_name, r.search_fields),
            facets={
                "center": lambda r: r.center_name or "—",
                "level": lambda r: r.level,
                "room": _room,
                "status": lambda r: statuses[r.status],
            },
        )

    def withdraw(self) -> None:
        """Withdraws the selected candidate after asking (the seat is freed for good)."""
        row = self.current_row()
        if row is None or self.exam is None:
            return
        text = (self.tr("Withdraw %1? Their seat in room %2 is freed and ticket %3 is "
                        "retired for good.").replace("%1", row.name)
                .replace("%2", f"{row.center_name} {row.room_code}").replace("%3", row.ticket_no)
                if row.seated else
                self.tr("Withdraw %1? They will no longer be seated.").replace("%1", row.name))
        answer = QMessageBox.question(self, self.tr("Withdraw a candidate"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        exam, candidate_id = self.exam, row.candidate_id

        def work(session: Session, _progress: object, _cancelled: object) -> object:
            from examdesk.services.audit import Actor
            from examdesk.services.seat_changes import withdraw_candidate

            return withdraw_candidate(session, Actor.from_environment(), exam, candidate_id)

        # the window hands the change set to every page's refresh (the rows it touched)
        self.context.operations.write("withdraw", self.tr("Withdrawing the candidate"), work)
