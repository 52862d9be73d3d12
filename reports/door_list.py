"""考场门贴 door list: posted on the room door, one A4 page per room (more for many seats).

It is public, so it carries seats, ticket numbers and names only: never ID numbers (the data
classes have no field for them).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm

from examdesk.printing.door_list import DoorList, DoorListSeat
from reports.base import Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = ["DoorList", "DoorListSeat", "DoorListSheet", "render_door_lists"]

#: Seats per page: two blocks of 15 rows side by side.
ROWS = 15
BLOCKS = 2
COLUMNS: tuple[tuple[str, float], ...] = (("座位号", 0.17), ("准考证号", 0.39), ("姓名", 0.44))


class DoorListSheet(Sheet):
    """The door lists of several rooms in one PDF."""

    title = "考场门贴"

    def __init__(self, lists: Sequence[DoorList], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.lists = tuple(lists)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        per_page = ROWS * BLOCKS
        for door in self.lists:
            seats = sorted(door.seats, key=lambda s: s.seat_no)
            chunks = [seats[i : i + per_page] for i in range(0, len(seats), per_page)] or [[]]
            for chunk in chunks:
                pages.append(self.about_page(partial(self._page, door, chunk),
                                             room=door.room_code))
        return pages

    def _page(self, door: DoorList, seats: Sequence[DoorListSeat]) -> None:
        y = self.header(
            self.title,
            door.exam_name,
            center=f"考点：{door.center_name}　　地点：{door.room_location}",
            room=f"第 {door.room_code} 考场",
            sessions=door.sessions,
        )
        tickets = sorted(s.ticket_no for s in door.seats)
        first, last = (tickets[0], tickets[-1]) if tickets else ("—", "—")
        y -= 20
        self.fit_text(
            self.left, y, f"准考证号：{first} 至 {last}", (self.right - self.left) * 0.7, 13, 8
        )
        self.text(self.right, y, f"考生人数：{len(door.seats)}", 13, "right")
        self._table(y - 14, seats)

    def _table(self, top: float, seats: Sequence[DoorListSeat]) -> None:
        canvas = self.canvas
        gap = 6 * mm
        block_w = (self.right - self.left - gap * (BLOCKS - 1)) / BLOCKS
        row_h = min(11 * mm, (top - self.bottom) / (ROWS + 1))
        size = min(13.0, row_h / mm * 1.3)
        canvas.setLineWidth(0.6)
        for block in range(BLOCKS):
            x0 = self.left + block * (block_w + gap)
            rows = seats[block * ROWS : (block + 1) * ROWS]
            edges = [x0]
            for _, share in COLUMNS:
                edges.append(edges[-1] + block_w * share)
            bottom = top - row_h * (ROWS + 1)
            for row in range(ROWS + 2):
                canvas.line(x0, top - row * row_h, x0 + block_w, top - row * row_h)
            for x in edges:
                canvas.line(x, top, x, bottom)

            def cells(row: int, values: Sequence[str], edges: list[float] = edges) -> None:
                baseline = top - row * row_h - row_h / 2 - size * 0.35
                for i, value in enumerate(values):
                    mid = (edges[i] + edges[i + 1]) / 2
                    self.fit_text(
                        mid,
                        baseline,
                        value,
                        edges[i + 1] - edges[i] - 4,
                        size,
                        size * 0.5,
                        "center",
                    )

            cells(0, [label for label, _ in COLUMNS])
            for row, seat in enumerate(rows, start=1):
                with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                    cells(row, [f"{seat.seat_no:02d}", seat.ticket_no, seat.name])


def render_door_lists(
    lists: Sequence[DoorList], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the door lists of ``lists`` into one PDF.

    Args:
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DoorListSheet(lists, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
