"""考点考场: the exam's test centers and their rooms (one row per room, with its center,
capacity, layout and how many are seated there), filtered by center and level, with a
room's details beside the table; rooms are added, changed and deleted there."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from examdesk.errors import BadInput, ExamDeskError
from examdesk.services.rows.rooms import RoomRow, room_rows
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage, RecordForm
from ui.window.tables import Column, RowKind

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef
    from examdesk.services.rows.choices import Choice


# The fields of the form a new room has and an existing one does not change there.
NEW_ONLY = ("center", "code", "accessible", "spare")


class VenuesPage(ListPage[RoomRow]):
    """The 考点考场 area (see the module's docstring); :meth:`select` takes a room's ID.

    Under a room's details, its place (building, floor, classroom) and seat grid can be
    changed; Add (Ctrl+N) empties the form for a new room of a chosen center, with its
    number. A refusal (the room import's rules, a number the center already has, a locked
    room, the seats of a room with candidates seated) is shown beside the field it concerns
    and nothing is written. Delete (Del) asks first; a room where candidates are seated is
    not deleted.
    """

    personal_export = False  # rooms and centers only

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.offer_changes(self.tr("Add a room"),
                           self.tr("Type a new room of a test center into the form under the "
                                   "details"),
                           self.tr("Delete the selected room (only when nobody is seated "
                                   "in it)"))
        self.center_box = QComboBox()
        self.code_box = QLineEdit()
        self.code_box.setPlaceholderText(self.tr("e.g. 031"))
        self.rows_box = QSpinBox()
        self.columns_box = QSpinBox()
        for spin in (self.rows_box, self.columns_box):
            spin.setRange(0, 99)  # the service says what is allowed, beside the field
        self.floor_box = QSpinBox()
        self.floor_box.setRange(-9, 999)
        self.floor_box.setSpecialValueText(self.tr("none"))
        self.floor_box.setMinimum(-10)  # -10 shows "none": no floor given
        self.building_box = QLineEdit()
        self.label_box = QLineEdit()
        # what the room list's 无障碍考场 and 备用考场 columns say, for a new room
        self.accessible_box = QCheckBox(self.tr("Accessible room"))
        self.spare_box = QCheckBox(self.tr("Spare room, kept empty"))
        # the center's, shared by its rooms: printed in its candidate notice
        self.route_box = QLineEdit()
        self.route_box.setPlaceholderText(self.tr("How candidates get to the test center"))
        form = RecordForm([
            ("center", self.tr("Center"), self.center_box),
            ("code", self.tr("Room"), self.code_box),
            ("building", self.tr("Building"), self.building_box),
            ("floor", self.tr("Floor"), self.floor_box),
            ("label", self.tr("Classroom"), self.label_box),
            ("rows", self.tr("Rows of seats"), self.rows_box),
            ("columns", self.tr("Columns of seats"), self.columns_box),
            ("accessible", "", self.accessible_box),
            ("spare", "", self.spare_box),
            ("route", self.tr("Route to the center"), self.route_box),
        ], self.tr("Save the room"), self)
        form.setTitle(self.tr("Change this room"))
        form.setObjectName("room-edit")
        self.form: RecordForm = form
        self.inputs = form.inputs
        self.errors = form.errors
        self.save_button = form.save_button
        self.save_button.setObjectName("save-room")
        self.saved_label = form.saved_label
        for name in NEW_ONLY:
            form.show_field(name, False)
        self.edit_box = form
        self.attach_form(form, "rows", ("add room", "edit room"), self.tr("Saving the room"))
        self.details_extra.addWidget(form)
        self.read_centers(self._show_centers)

    def _show_centers(self, centers: Sequence[Choice]) -> None:
        chosen = self.center_box.currentData()
        self.center_box.clear()
        for center in centers:
            self.center_box.addItem(f"{center.code} {center.name}", center.id)
        found = self.center_box.findData(chosen)
        self.center_box.setCurrentIndex(max(found, 0))

    def refresh(self, changes: object | None = None) -> None:
        super().refresh(changes)
        if changes is None and hasattr(self, "center_box"):
            self.read_centers(self._show_centers)

    def fill_form(self, row: RoomRow | None) -> None:
        form = self.form
        form.setTitle(self.tr("Change this room") if row is not None else self.tr("New room"))
        for name in NEW_ONLY:  # a room stays in its center, with its number
            form.show_field(name, row is None)
        if row is None:
            shown = self.current_row()
            if shown is not None:  # a new room of the center shown
                self.center_box.setCurrentIndex(
                    max(self.center_box.findData(shown.center_id), 0))
            self.code_box.clear()
            self.accessible_box.setChecked(False)
            self.spare_box.setChecked(False)
        self.building_box.setText("" if row is None else row.building)
        self.route_box.setText("" if row is None else row.center_route)
        self.label_box.setText("" if row is None else row.label)
        floor = None if row is None else row.floor
        self.floor_box.setValue(floor if floor is not None else self.floor_box.minimum())
        # a new room: the usual 30 desks, 6 rows of 5 (/work/shared/domain.md)
        self.rows_box.setValue(6 if row is None else row.rows)
        self.columns_box.setValue(5 if row is None else row.columns)

    def form_values(self) -> dict[str, Any]:
        floor = self.floor_box.value()
        return {"center_id": self.center_box.currentData(), "code": self.code_box.text(),
                "rows": self.rows_box.value(), "columns": self.columns_box.value(),
                "building": self.building_box.text(), "label": self.label_box.text(),
                "floor": None if floor == self.floor_box.minimum() else floor,
                "accessible": self.accessible_box.isChecked(),
                "spare": self.spare_box.isChecked(), "route": self.route_box.text()}

    def save_work(self, exam: ExamRef, key: Hashable | None, values: dict[str, Any],
                  version: int | None = None) -> Callable[[Session], object]:
        center_id, code = values.pop("center_id"), values.pop("code")
        flags = {"accessible": values.pop("accessible"), "spare": values.pop("spare")}
        route = values.pop("route")
        shown = self.current_row() if key is not None else None
        route_center = shown.center_id if shown is not None else center_id
        no_center = self.tr("Choose the test center of the new room.")

        def work(session: Session) -> object:
            from examdesk.services.room_edits import edit_room, new_room

            if key is None and center_id is None:  # an exam without test centers yet
                raise BadInput(no_center, code="no-center", field="center")
            from examdesk.services.notice import set_center_route

            if key is None:
                made = new_room(session, self.context.actor, exam, int(center_id),
                                code=code, **values, **flags)
            else:
                made = edit_room(session, self.context.actor, exam, int(str(key)),
                                 **values, version=version)
            # a new room's empty route leaves its center's as it is
            if route_center is not None and (route.strip() if shown is None
                                             else route != shown.center_route):
                set_center_route(session, self.context.actor, exam, int(route_center), route)
            return made

        return work

    def delete_row(self, row: RoomRow) -> None:
        """Deletes the room after asking (the core refuses an occupied or locked room)."""
        if row.seated:
            self._delete(row)  # refused: the answer says why
            return
        self.ask(self.tr("Delete a room"),
                 self.tr("Delete room %1 of %2? Its place in the roster goes with it.")
                 .replace("%1", row.code).replace("%2", row.center_name),
                 self.tr("Delete"), lambda: self._delete(row), warning=True)

    def _delete(self, row: RoomRow) -> None:
        exam, room_id, version = self.exam, row.room_id, row.version
        assert exam is not None

        def work(session: Session) -> object:
            from examdesk.services.room_edits import delete_room

            # refused if someone changed the room since the row was read
            return delete_room(session, self.context.actor, exam, room_id, version=version)

        def refused(error: ExamDeskError) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Delete a room"),
                              str(error), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("refusal")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.question_box = box
            box.open()

        self.write_or_refuse("delete room", self.tr("Deleting the room"), work, refused,
                             lambda _changes: self.message.setText(
                                 self.tr("Deleted room %1 of %2.").replace("%1", row.code)
                                 .replace("%2", row.center_name)))

    def facet_titles(self) -> Mapping[str, str]:
        return {"center": self.tr("Center"), "level": self.tr("Level")}

    def row_kind(self) -> RowKind[RoomRow]:
        return RowKind[RoomRow](
            key=lambda r: r.room_id,
            columns=[
                Column(self.tr("Center code"), lambda r: r.center_code),
                Column(self.tr("Center"), lambda r: r.center_name),
                Column(self.tr("Room"), lambda r: r.code),
                Column(self.tr("Location"), lambda r: r.location),
                Column(self.tr("Classroom"), lambda r: r.label),
                Column(self.tr("Layout"), lambda r: f"{r.rows} × {r.columns}",
                       sort_key=lambda r: (r.rows * r.columns, r.rows)),
                Column(self.tr("Capacity"), lambda r: str(r.capacity),
                       sort_key=lambda r: r.capacity, numeric=True),
                Column(self.tr("Seated"), lambda r: str(r.seated), sort_key=lambda r: r.seated,
                       numeric=True),
                Column(self.tr("Free"), lambda r: str(r.free), sort_key=lambda r: r.free,
                       numeric=True),
                Column(self.tr("Levels"), lambda r: "、".join(r.levels)),
            ],
            search=lambda r: (r.search_name, r.search_fields),
            facets={
                "center": lambda r: r.center_name,
                "level": lambda r: "、".join(r.levels) or "—",
            },
        )

    def search_hint(self) -> str:
        return self.tr("Search: center name, pinyin initials, room, classroom, building...")

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[RoomRow]:
        return room_rows(session, exam, ids=ids, actor=self.context.actor)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.candidate_edits import CandidateChanges
        from examdesk.services.exports import ExportResult
        from examdesk.services.seat_changes import SeatChanges
        from examdesk.services.staff_edits import StaffChanges

        # a candidate added, changed or deleted is never seated by it
        if isinstance(changes, ExportResult | CandidateChanges | StaffChanges):
            return ()
        from examdesk.services.room_edits import RoomChanges

        if isinstance(changes, SeatChanges | RoomChanges):
            return changes.rooms
        return None

    def removed_keys(self, changes: object) -> Collection[int]:
        from examdesk.services.room_edits import RoomChanges

        return changes.removed if isinstance(changes, RoomChanges) else ()

    def exporter(self) -> tuple[Exporter, str]:
        from examdesk.services.exports import export_rooms

        return export_rooms, self.tr("rooms.xlsx")

    def details_of(self, row: RoomRow) -> tuple[str, Sequence[tuple[str, str]]]:
        yes, no = self.tr("yes"), self.tr("no")
        return f"{row.center_name} {row.code}", [
            (self.tr("Center"), f"{row.center_code} {row.center_name}"),
            (self.tr("Address"), row.center_address),
            (self.tr("Room"), row.code),
            (self.tr("Location"), row.location),
            (self.tr("Classroom"), row.label),
            (self.tr("Layout"), self.tr("%1 rows × %2 columns").replace(
                "%1", str(row.rows)).replace("%2", str(row.columns))),
            (self.tr("Unusable desks"), row.unusable_text or "—"),
            (self.tr("Capacity"), str(row.capacity)),
            (self.tr("Seated"), str(row.seated)),
            (self.tr("Free"), str(row.free)),
            (self.tr("Levels"), "、".join(row.levels)),
            (self.tr("Accessible"), yes if row.accessible else no),
            (self.tr("Spare room"), yes if row.spare else no),
            (self.tr("Locked"), yes if row.locked else no),
        ]
