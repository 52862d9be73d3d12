"""工作人员: the exam's staff, filtered by home center and role, with a staff member's
details and their duties beside the table; staff are added, changed and deleted there."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from examdesk.errors import ExamDeskError
from examdesk.labels import GENDER_LABELS, STAFF_ROLE_LABELS
from examdesk.services.rows.duties import DutyRow
from examdesk.services.rows.staff import StaffRow, staff_rows
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage, RecordForm
from ui.window.tables import Column, RowKind, RowTable

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef
    from examdesk.services.rows.choices import Choice


class StaffPage(ListPage[StaffRow]):
    """The 工作人员 area (see the module's docstring); :meth:`select` takes a staff ID.

    Under a person's details, a form changes their name, gender, work unit, phone, roles and
    home center; Add (Ctrl+N) empties it for a new person (with the ID number, which does not
    change afterwards). The core checks the values with the staff import's rules
    (examdesk/services/staff_edits.py); each refusal is shown beside its field and nothing is
    written. Delete (Del) asks first; a person who holds duties is deleted only when the
    clerk, told which, agrees to remove them from the roster too.
    """

    duties_view: QTableView

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        # the duties of the staff member shown, read when they are selected
        self.duties: RowTable[DutyRow] | None = None
        super().__init__(context, parent)
        self.duties = RowTable(self.duty_kind(), self)
        self.duties_title = QLabel(self.tr("Their duties"))
        self.duties_view = QTableView()
        self.duties_view.setObjectName("duties")
        self.duties_view.setModel(self.duties)
        self.duties_view.verticalHeader().setVisible(False)
        self.duties_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duties_view.horizontalHeader().setStretchLastSection(True)
        self.details_extra.addWidget(self.duties_title)
        self.details_extra.addWidget(self.duties_view, 1)
        self.details_layout.setStretchFactor(self.details_extra, 1)
        self.details_layout.setStretch(self.details_layout.count() - 1, 0)
        self._duties_of: int | None = None
        self.offer_changes(self.tr("Add a person"),
                           self.tr("Type a new staff member into the form under the details"),
                           self.tr("Delete the selected staff member"))
        self.gender_box = QComboBox()
        self.gender_box.addItem(self.tr("From the ID number"), "")
        for label in GENDER_LABELS.values():
            self.gender_box.addItem(label, label)
        self.center_box = QComboBox()
        self.roles_line = QLineEdit()
        self.roles_line.setToolTip(self.tr("One or more of: %1; separated by 、").replace(
            "%1", "、".join(STAFF_ROLE_LABELS.values())))
        form = RecordForm([
            ("name", self.tr("Name"), QLineEdit()),
            ("id_number", self.tr("ID number"), QLineEdit()),
            ("gender", self.tr("Gender"), self.gender_box),
            ("work_unit", self.tr("Work unit"), QLineEdit()),
            ("phone", self.tr("Phone"), QLineEdit()),
            ("role", self.tr("Roles"), self.roles_line),
            ("center", self.tr("Home center"), self.center_box),
        ], self.tr("Save the person"), self)
        self.form: RecordForm = form
        self.form.setObjectName("staff-edit")
        self.save_button = self.form.save_button
        self.save_button.setObjectName("save-staff")
        self.attach_form(self.form, "name", ("add staff", "edit staff"),
                         self.tr("Saving the staff member"))
        # the form above the duties, which take the rest of the pane
        self.details_extra.insertWidget(0, self.form)
        self.read_centers(self._show_centers)

    def _show_centers(self, centers: Sequence[Choice]) -> None:
        self.form.refill("center", [(self.tr("none"), ""), *(
            (f"{center.code} {center.name}", center.name) for center in centers)])

    def refresh(self, changes: object | None = None) -> None:
        super().refresh(changes)
        if changes is None and hasattr(self, "center_box"):
            self.read_centers(self._show_centers)

    def fill_form(self, row: StaffRow | None) -> None:
        form = self.form
        form.setTitle(self.tr("Change this person") if row is not None
                      else self.tr("New staff member"))
        form.set_text("name", "" if row is None else row.name)
        form.set_text("id_number", "" if row is None else row.id_number)
        form.set_text("gender", "" if row is None else row.gender_label)
        form.set_text("work_unit", "" if row is None else row.work_unit)
        form.set_text("phone", "" if row is None else row.phone)
        form.set_text("role", "" if row is None else row.roles_text)
        form.set_text("center", "" if row is None else row.home_center)
        form.inputs["id_number"].setEnabled(row is None)  # who the person is stays

    def save_work(self, exam: ExamRef, key: Hashable | None, values: dict[str, Any],
                  version: int | None = None) -> Callable[[Session], object]:
        def work(session: Session) -> object:
            from examdesk.services.staff_edits import edit_staff, new_staff

            actor = self.context.actor
            typed = {"name": values["name"], "roles": values["role"],
                     "gender": values["gender"], "work_unit": values["work_unit"],
                     "phone": values["phone"], "center": values["center"]}
            if key is None:
                return new_staff(session, actor, exam, id_number=values["id_number"], **typed)
            return edit_staff(session, actor, exam, int(str(key)), **typed, version=version)

        return work

    def form_note(self, changes: object) -> list[str]:
        """The import's warnings (also a candidate) and the roster errors the change
        brought."""
        from examdesk.services.staff_edits import StaffChanges

        if not isinstance(changes, StaffChanges):
            return []
        return [*changes.warnings, *(issue.message for issue in changes.broken_duties[:3])]

    def delete_row(self, row: StaffRow) -> None:
        """Deletes the person after asking; one on duty only once the clerk agrees to
        remove their duties too (the core names them)."""
        self.ask(self.tr("Delete a staff member"),
                 self.tr("Delete %1 (ID number %2) from the staff?").replace("%1", row.name)
                 .replace("%2", row.id_number),
                 self.tr("Delete"), lambda: self._delete(row, with_duties=False),
                 warning=True)

    def _delete(self, row: StaffRow, *, with_duties: bool) -> None:
        exam, staff_id, version = self.exam, row.staff_id, row.version
        assert exam is not None

        def work(session: Session) -> object:
            from examdesk.services.staff_edits import delete_staff

            # refused if someone changed the person since the row was read
            return delete_staff(session, self.context.actor, exam, staff_id,
                                with_duties=with_duties, version=version)

        def refused(error: ExamDeskError) -> None:
            if error.code == "staff-on-duty":
                self.ask(self.tr("Delete a staff member"), str(error),
                         self.tr("Remove the duties and delete"),
                         lambda: self._delete(row, with_duties=True), warning=True)
            else:
                self.message.setText(str(error))

        self.write_or_refuse("delete staff", self.tr("Deleting the staff member"), work,
                             refused, lambda _changes: self.message.setText(
                                 self.tr("Deleted %1.").replace("%1", row.name)))

    def facet_titles(self) -> Mapping[str, str]:
        return {"center": self.tr("Home center"), "role": self.tr("Role")}

    def duty_kind(self) -> RowKind[DutyRow]:
        return RowKind[DutyRow](
            key=lambda d: d.duty_id,
            columns=[
                Column(self.tr("Session"), lambda d: d.session),
                Column(self.tr("Center"), lambda d: d.center),
                Column(self.tr("Place"), lambda d: d.place),
                Column(self.tr("Role"), lambda d: d.role_text),
            ],
            search=lambda d: (d.search_name, d.search_fields),
        )

    def search_hint(self) -> str:
        return self.tr("Search: name, pinyin initials, ID number, work unit, phone...")

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[StaffRow]:
        return staff_rows(session, exam, ids=ids, actor=self.context.actor)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.candidate_edits import CandidateChanges
        from examdesk.services.exports import ExportResult

        if isinstance(changes, ExportResult | CandidateChanges):
            return ()
        from examdesk.services.room_edits import RoomChanges
        from examdesk.services.staff_edits import StaffChanges

        if isinstance(changes, StaffChanges):
            return changes.staff
        if isinstance(changes, RoomChanges):
            return changes.staff  # the people whose duties went with a deleted room
        return None

    def removed_keys(self, changes: object) -> Collection[int]:
        from examdesk.services.staff_edits import StaffChanges

        return changes.removed if isinstance(changes, StaffChanges) else ()

    def exporter(self) -> tuple[Exporter, str]:
        from examdesk.services.exports import export_staff

        return export_staff, self.tr("staff.xlsx")

    def details_of(self, row: StaffRow) -> tuple[str, Sequence[tuple[str, str]]]:
        self._read_duties(row.staff_id)
        return row.name, [
            (self.tr("Name"), row.name),
            (self.tr("Gender"), row.gender_label),
            (self.tr("ID number"), row.id_number),
            (self.tr("Work unit"), row.work_unit),
            (self.tr("Phone"), row.phone),
            (self.tr("Roles"), row.roles_text),
            (self.tr("Home center"), f"{row.home_center_code} {row.home_center}".strip()),
            (self.tr("Relatives"), row.relatives_text or "—"),
            (self.tr("Duty count"), str(row.duties)),
        ]

    def show_details(self, row: StaffRow | None) -> None:
        if row is None and self.duties is not None:
            self._duties_of = None
            self.duties.set_rows([])
        super().show_details(row)

    def _read_duties(self, staff_id: int) -> None:
        exam = self.exam
        if exam is None or self.duties is None:
            return
        self._duties_of = staff_id
        actor = self.context.actor

        def work(session: Session, _progress: object, _cancelled: object) -> list[DutyRow]:
            from examdesk.services.rows.duties import duty_rows

            return duty_rows(session, exam, staff_id=staff_id, actor=actor)

        self.context.operations.read(self.tr("Reading the duties"), work,
                                     on_success=lambda rows: self._show_duties(staff_id, rows))

    def row_kind(self) -> RowKind[StaffRow]:
        return RowKind[StaffRow](
            key=lambda r: r.staff_id,
            columns=[
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Gender"), lambda r: r.gender_label),
                Column(self.tr("ID number"), lambda r: r.id_number),
                Column(self.tr("Work unit"), lambda r: r.work_unit),
                Column(self.tr("Phone"), lambda r: r.phone),
                Column(self.tr("Roles"), lambda r: r.roles_text),
                Column(self.tr("Home center"), lambda r: r.home_center),
                Column(self.tr("Duties"), lambda r: str(r.duties), sort_key=lambda r: r.duties,
                       numeric=True),
            ],
            search=lambda r: (r.search_name, r.search_fields),
            facets={
                "center": lambda r: r.home_center or "—",
                "role": lambda r: r.roles_text or "—",
            },
        )

    def _show_duties(self, staff_id: int, rows: list[DutyRow]) -> None:
        if self.duties is not None and staff_id == self._duties_of:
            self.duties.set_rows(rows)
            self.duties_view.resizeColumnsToContents()
