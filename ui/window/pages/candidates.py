"""考生: the exam's candidates, searched by name, pinyin initials, ID number or ticket,
filtered by center, level, room and status, with a candidate's details beside the table
(the office's own screen: the ID number in full), withdrawal of a candidate, and adding,
changing and deleting candidates."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from examdesk.enums import CandidateStatus, IdType
from examdesk.errors import ExamDeskError
from examdesk.labels import GENDER_LABELS, ID_TYPE_LABELS
from examdesk.services.rows.candidates import CandidateRow, candidate_rows, status_label
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage, RecordForm, current_exam
from ui.window.tables import Column, RowKind

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef


def _seat(row: CandidateRow) -> str:
    return "" if row.seat_no is None else str(row.seat_no)


def _room(row: CandidateRow) -> str:
    return f"{row.center_code} {row.room_code}" if row.seated else "—"


class CandidatesPage(ListPage[CandidateRow]):
    """The 考生 area (see the module's docstring); :meth:`select` takes a candidate's ID.

    Under a candidate's details, a form changes their name, gender, level, subjects, work
    unit and phone; Add (Ctrl+N) empties it for a new candidate (with the ID document and
    registration number, which do not change afterwards). The values are checked by the core
    with the candidate import's rules (examdesk/services/candidate_edits.py); each refusal
    is shown beside its field and nothing is written. Delete (Del) asks first; a seated
    candidate is not deleted: the refusal offers to withdraw them.
    """

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
        self.change_buttons.append(self.withdraw_button)
        self.offer_changes(self.tr("Add a candidate"),
                           self.tr("Type a new candidate into the form under the details"),
                           self.tr("Delete the selected candidate (a seated one is withdrawn "
                                   "first)"))
        self._build_form()
        self.photo = QLabel()
        self.photo.setObjectName("photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details_extra.addWidget(self.photo)
        self._photo_of: int | None = None
        self._read_levels()

    def _build_form(self) -> None:
        self.id_type_box = QComboBox()
        for label in ID_TYPE_LABELS.values():
            self.id_type_box.addItem(label, label)
        self.gender_box = QComboBox()
        # the import's rule: a blank gender is the resident ID's
        self.gender_box.addItem(self.tr("From the ID number"), "")
        for label in GENDER_LABELS.values():
            self.gender_box.addItem(label, label)
        self.level_box = QComboBox()
        self.subjects_line = QLineEdit()
        self.subjects_line.setPlaceholderText(self.tr("Empty: every paper of the level"))
        self.subjects_line.setToolTip(self.tr("The papers, separated by 、; short forms are "
                                              "understood (综合能力、实务)"))
        self._filling = False
        # another level has other papers: the clerk's choice starts from all of them
        self.level_box.currentIndexChanged.connect(
            lambda _index: None if self._filling else self.subjects_line.clear())
        self.phone_box = QLineEdit()
        self.registration_line = QLineEdit()
        self.registration_line.setPlaceholderText(self.tr("Empty: numbered by ExamDesk"))
        form = RecordForm([
            ("name", self.tr("Name"), QLineEdit()),
            ("id_type", self.tr("Document"), self.id_type_box),
            ("id_number", self.tr("ID number"), QLineEdit()),
            ("gender", self.tr("Gender"), self.gender_box),
            ("level", self.tr("Level"), self.level_box),
            ("subjects", self.tr("Papers"), self.subjects_line),
            ("work_unit", self.tr("Work unit"), QLineEdit()),
            ("phone", self.tr("Phone"), self.phone_box),
            ("registration_no", self.tr("Registration"), self.registration_line),
        ], self.tr("Save the candidate"), self)
        self.form: RecordForm = form
        self.form.setObjectName("candidate-edit")
        self.phone_error = self.form.errors["phone"]
        self.save_button = self.form.save_button
        self.save_button.setObjectName("save-candidate")
        self.attach_form(self.form, "name", ("add candidate", "edit candidate"),
                         self.tr("Saving the candidate"))
        self.details_extra.addWidget(self.form)

    def _read_levels(self) -> None:
        def work(session: Session, _progress: object, _cancelled: object) -> list[str]:
            from examdesk.services.exams import known_levels

            exam = current_exam(session)
            return [level.name for level in known_levels(session, exam.id)]

        self.context.operations.read(self.tr("Reading the levels"), work, quiet=True,
                                     on_success=self._show_levels)

    def _show_levels(self, names: list[str]) -> None:
        chosen = self.level_box.currentData()
        self._filling = True
        self.level_box.clear()
        for name in names:
            self.level_box.addItem(name, name)
        if chosen is not None:
            self.form.set_text("level", str(chosen))
        self._filling = False

    def refresh(self, changes: object | None = None) -> None:
        super().refresh(changes)
        if changes is None and hasattr(self, "level_box"):
            self._read_levels()  # another clerk may have changed the exam's levels

    def facet_titles(self) -> Mapping[str, str]:
        return {"center": self.tr("Center"), "level": self.tr("Level"),
                "room": self.tr("Room"), "status": self.tr("Status")}

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[CandidateRow]:
        return candidate_rows(session, exam, ids=ids, actor=self.context.actor)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.exports import ExportResult
        from examdesk.services.room_edits import RoomChanges
        from examdesk.services.seat_changes import SeatChanges
        from examdesk.services.staff_edits import StaffChanges

        # a room changed, added or deleted (only an empty one) shows no candidate otherwise
        if isinstance(changes, ExportResult | RoomChanges | StaffChanges):
            return ()
        from examdesk.services.candidate_edits import CandidateChanges

        if isinstance(changes, SeatChanges | CandidateChanges):
            return changes.candidates
        return None

    def removed_keys(self, changes: object) -> Collection[int]:
        from examdesk.services.candidate_edits import CandidateChanges

        return changes.removed if isinstance(changes, CandidateChanges) else ()

    def exporter(self) -> tuple[Exporter, str]:
        from examdesk.services.exports import export_candidates

        return export_candidates, self.tr("candidates.xlsx")

    def details_of(self, row: CandidateRow) -> tuple[str, Sequence[tuple[str, str]]]:
        self.withdraw_button.setEnabled(self.editable
                                        and row.status is not CandidateStatus.WITHDRAWN)
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

    def fill_form(self, row: CandidateRow | None) -> None:
        self._filling = True
        try:
            self._fill_form(row)
        finally:
            self._filling = False

    def _fill_form(self, row: CandidateRow | None) -> None:
        form = self.form
        assert form is not None
        form.setTitle(self.tr("Change this candidate") if row is not None
                      else self.tr("New candidate"))
        form.set_text("name", "" if row is None else row.name)
        form.set_text("id_type", ID_TYPE_LABELS[IdType.RESIDENT_ID] if row is None
                      else row.id_type_label)
        form.set_text("id_number", "" if row is None else row.id_number)
        form.set_text("gender", "" if row is None else row.gender_label)
        if row is not None:
            form.set_text("level", row.level)
        form.set_text("subjects", "" if row is None else row.papers_text)
        form.set_text("work_unit", "" if row is None else row.work_unit)
        form.set_text("phone", "" if row is None else row.phone)
        form.set_text("registration_no", "" if row is None else row.registration_no)
        # who the candidate is does not change once registered
        for name in ("id_type", "id_number", "registration_no"):
            form.inputs[name].setEnabled(row is None)

    def save_work(self, exam: ExamRef, key: Hashable | None, values: dict[str, Any],
                  version: int | None = None) -> Callable[[Session], object]:
        def work(session: Session) -> object:
            from examdesk.services.candidate_edits import edit_candidate, new_candidate

            actor = self.context.actor
            if key is None:
                return new_candidate(session, actor, exam, **values)
            return edit_candidate(
                session, actor, exam, int(str(key)), name=values["name"],
                level=values["level"], subjects=values["subjects"],
                work_unit=values["work_unit"], phone=values["phone"],
                gender=values["gender"] or None, version=version)

        return work

    def delete_row(self, row: CandidateRow) -> None:
        """Deletes the candidate after asking; a seated one is refused by the core, and the
        refusal offers to withdraw them (the seat freed, the ticket retired)."""
        if row.seated:
            self._delete(row)  # refused: the answer offers the withdrawal
            return
        self.ask(self.tr("Delete a candidate"),
                 self.tr("Delete %1 (ID number %2)? The registration is removed from the "
                         "exam.").replace("%1", row.name).replace("%2", row.id_number),
                 self.tr("Delete"), lambda: self._delete(row), warning=True)

    def _delete(self, row: CandidateRow) -> None:
        exam, candidate_id, version = self.exam, row.candidate_id, row.version
        assert exam is not None

        def work(session: Session) -> object:
            from examdesk.services.candidate_edits import delete_candidate

            # refused if someone changed the candidate since the row was read
            return delete_candidate(session, self.context.actor, exam, candidate_id,
                                    version=version)

        def refused(error: ExamDeskError) -> None:
            if error.code == "candidate-seated":
                self.ask(self.tr("Delete a candidate"), str(error), self.tr("Withdraw..."),
                         self.withdraw)
            else:
                self.message.setText(str(error))

        self.write_or_refuse("delete candidate", self.tr("Deleting the candidate"), work,
                             refused, lambda _changes: self.message.setText(
                                 self.tr("Deleted %1.").replace("%1", row.name)))

    def _read_photo(self, candidate_id: int | None) -> None:
        """Shows the candidate's photo when they have one (read in the background)."""
        if candidate_id == self._photo_of:
            return
        self._photo_of = candidate_id
        self.photo.clear()
        exam = self.exam
        if candidate_id is None or exam is None:
            return
        actor = self.context.actor

        def work(session: Session, _progress: object, _cancelled: object) -> bytes | None:
            from examdesk.services.photos import candidate_photo

            return candidate_photo(session, exam, candidate_id, actor=actor)

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
        read = {candidate_id: row.version}  # refused if their seat changed since it was read

        def work(session: Session, _progress: object, _cancelled: object) -> object:
            from examdesk.services.seat_changes import withdraw_candidate

            return withdraw_candidate(session, self.context.actor, exam, candidate_id,
                                      read=read)

        # the window hands the change set to every page's refresh (the rows it touched)
        self.context.operations.write("withdraw", self.tr("Withdrawing the candidate"), work)
