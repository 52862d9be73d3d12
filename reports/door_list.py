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
from reports.base import FIELD_GAP, Page, Sheet
from reports.fonts import FontSet, load_fonts
from reports.textfit import DOOR_FLOOR

__all__ = ["DoorList", "DoorListSeat", "DoorListSheet", "render_door_lists"]

#: Seats per page at most: two blocks of 15 rows side by side.
ROWS = 15
BLOCKS = 2
COLUMNS: tuple[tuple[str, float], ...] = (("座位号", 0.16), ("准考证号", 0.38), ("姓名", 0.46))
ROW_H: float = 11 * mm
SIZE = 13.0
GAP: float = 6 * mm

#: A block of rows: each seat with its row's height.
_Block = list[tuple[DoorListSeat, float]]


class DoorListSheet(Sheet):
    """The door lists of several rooms in one PDF.

    The list is read from a step away, so a name or the room's location is never smaller than
    12 pt: a long one takes two lines or more, its row grows, and the page holds fewer rows.
    """

    title = "考场门贴"

    def __init__(self, lists: Sequence[DoorList], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.lists = tuple(lists)

    @property
    def block_w(self) -> float:
        return (self.right - self.left - GAP * (BLOCKS - 1)) / BLOCKS

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        name_w = self.block_w * COLUMNS[2][1]
        for door in self.lists:
            lines = self.header_lines(self._center(door), door.sessions, DOOR_FLOOR)
            top = self.header_bottom(True, lines) - 34
            room = top - ROW_H - self.bottom  # below the column titles
            blocks: list[_Block] = [[]]
            used = 0.0
            for seat in sorted(door.seats, key=lambda s: s.seat_no):
                height = max(ROW_H, self.cell_height(seat.name, name_w, SIZE, DOOR_FLOOR))
                if blocks[-1] and (len(blocks[-1]) == ROWS or used + height > room):
                    blocks.append([])
                    used = 0.0
                blocks[-1].append((seat, height))
                used += height
            for i in range(0, len(blocks), BLOCKS):
                pages.append(self.about_page(partial(self._page, door, blocks[i : i + BLOCKS], top),
                                             room=door.room_code))
        return pages

    @staticmethod
    def _center(door: DoorList) -> str:
        return f"考点：{door.center_name}{FIELD_GAP}地点：{door.room_location}"

    def _page(self, door: DoorList, blocks: Sequence[_Block], top: float) -> None:
        y = self.header(
            self.title,
            door.exam_name,
            center=self._center(door),
            room=f"第 {door.room_code} 考场",
            sessions=door.sessions,
            floor=DOOR_FLOOR,
        )
        tickets = sorted(s.ticket_no for s in door.seats)
        first, last = (tickets[0], tickets[-1]) if tickets else ("—", "—")
        y -= 20
        self.fit_text(
            self.left, y, f"准考证号：{first} 至 {last}", (self.right - self.left) * 0.7, 13, 8
        )
        self.text(self.right, y, f"考生人数：{len(door.seats)}", 13, "right")
        for i in range(BLOCKS):
            self._block(self.left + i * (self.block_w + GAP), top, blocks[i] if i < len(blocks)
                        else [])

    def _block(self, x0: float, top: float, rows: _Block) -> None:
        """One block: the column titles, its seats, then empty rows up to :data:`ROWS` that fit."""
        edges = [x0]
        for _, share in COLUMNS:
            edges.append(edges[-1] + self.block_w * share)
        heights = [ROW_H, *(height for _, height in rows)]
        while len(heights) <= ROWS and top - sum(heights) - ROW_H >= self.bottom - 0.01:
            heights.append(ROW_H)
        ys = [top]
        for height in heights:
            ys.append(ys[-1] - height)
        self.canvas.setLineWidth(0.6)
        self.grid(edges, ys)
        for i, (label, _) in enumerate(COLUMNS):
            self.cell(edges[i], edges[i + 1], ys[0], ys[1], label, SIZE)
        for (seat, _), row_top, row_bottom in zip(rows, ys[1:], ys[2:], strict=False):
            with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                for i, value in enumerate((f"{seat.seat_no:02d}", seat.ticket_no)):
                    self.cell(edges[i], edges[i + 1], row_top, row_bottom, value, SIZE,
                              min_size=8)
                self.text_cell(edges[2], edges[3], row_top, row_bottom, seat.name, SIZE,
                               DOOR_FLOOR)


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
