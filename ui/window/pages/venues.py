"""考点考场: the exam's test centers and their rooms (one row per room, with its center,
capacity, layout and how many are seated there), filtered by center and level, with a
room's details beside the table."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from examdesk.services.rows.rooms import RoomRow, room_rows
from ui.window.pages.listing import Exporter, ListPage
from ui.window.tables import Column, RowKind

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef


class VenuesPage(ListPage[RoomRow]):
    """The 考点考场 area (see the module's docstring); :meth:`select` takes a room's ID."""

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

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[RoomRow]:
        return room_rows(session, exam, ids=ids)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.exports import ExportResult
        from examdesk.services.seat_changes import SeatChanges

        if isinstance(changes, ExportResult):
            return ()
        if isinstance(changes, SeatChanges):
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
