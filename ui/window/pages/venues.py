"""考点考场: the exam's test centers and their rooms (one row per room, with its center,
capacity, layout and how many are seated there), filtered by center and level, with a
room's details beside the table."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from examdesk.services.rows.rooms import RoomRow, room_rows
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage
from ui.window.tables import Column, RowKind

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef


class VenuesPage(ListPage[RoomRow]):
    """The 考点考场 area (see the module's docstring); :meth:`select` takes a room's ID.

    Under a room's details, its place (building, floor, classroom) and seat grid can be
    changed; a refusal (a locked room, the seats of a room with candidates seated) is shown
    beside the field it concerns and nothing is written.
    """

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.editing: int | None = None  # the room the form holds (None: fill it again)
        self.shown_room: int | None = None
        box = QGroupBox(self.tr("Change this room"))
        box.setObjectName("room-edit")
        form = QFormLayout(box)
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
        self.inputs: dict[str, QWidget] = {
            "building": self.building_box, "floor": self.floor_box, "label": self.label_box,
            "rows": self.rows_box, "columns": self.columns_box}
        self.errors: dict[str, QLabel] = {}
        titles = {"building": self.tr("Building"), "floor": self.tr("Floor"),
                  "label": self.tr("Classroom"), "rows": self.tr("Rows of seats"),
                  "columns": self.tr("Columns of seats")}
        for name, widget in self.inputs.items():
            widget.setObjectName(f"edit-{name}")
            error = QLabel()
            error.setObjectName(f"error-{name}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            self.errors[name] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(titles[name], column)
        self.save_button = QPushButton(self.tr("Save the room"))
        self.save_button.setObjectName("save-room")
        self.save_button.clicked.connect(self.save_room)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.edit_box = box
        box.setEnabled(False)
        self.details_extra.addWidget(box)

    def show_details(self, row: RoomRow | None) -> None:
        super().show_details(row)
        if not hasattr(self, "edit_box"):
            return
        self.edit_box.setEnabled(row is not None)
        if row is None or row.room_id == self.editing:
            return  # the clerk's unsaved values stay while the same room is shown
        if row.room_id != self.shown_room:
            self._clear_errors()
            self.saved_label.clear()
        self.editing = self.shown_room = row.room_id
        self.building_box.setText(row.building)
        self.label_box.setText(row.label)
        self.floor_box.setValue(row.floor if row.floor is not None else self.floor_box.minimum())
        self.rows_box.setValue(row.rows)
        self.columns_box.setValue(row.columns)

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()

    def save_room(self) -> None:
        """Writes the values of the form to the room shown (refused values: see the class)."""
        row = self.current_row()
        if row is None or self.exam is None:
            return
        self._clear_errors()
        self.saved_label.clear()
        exam, room_id = self.exam, row.room_id
        floor = self.floor_box.value()
        rows, columns = self.rows_box.value(), self.columns_box.value()
        building, label = self.building_box.text(), self.label_box.text()
        floor_or_none = None if floor == self.floor_box.minimum() else floor

        def work(session: Session) -> object:
            from examdesk.services.audit import Actor
            from examdesk.services.room_edits import edit_room

            return edit_room(session, Actor.from_environment(), exam, room_id, rows=rows,
                             columns=columns, building=building, floor=floor_or_none,
                             label=label)

        self.save_button.setEnabled(False)
        self.write_or_refuse("edit room", self.tr("Saving the room"), work,
                             self._refused, self._saved)

    def _refused(self, error: ExamDeskError) -> None:
        self.save_button.setEnabled(True)
        field = str(error.fields.get("field", "rows"))
        label = self.errors[field] if field in self.errors else self.errors["rows"]
        label.setText(str(error))
        label.show()
        self.inputs.get(field, self.rows_box).setFocus()

    def _saved(self, _changes: object) -> None:
        self.save_button.setEnabled(True)
        self.editing = None  # the form shows the room as read again
        self.saved_label.setText(self.tr("Saved."))

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
        return room_rows(session, exam, ids=ids)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.candidate_edits import CandidateChanges
        from examdesk.services.exports import ExportResult
        from examdesk.services.seat_changes import SeatChanges

        if isinstance(changes, ExportResult | CandidateChanges):
            return ()
        from examdesk.services.room_edits import RoomChanges

        if isinstance(changes, SeatChanges | RoomChanges):
            return changes.rooms
        return None

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
