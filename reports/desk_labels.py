"""桌贴 desk labels: cut sheets of 10 labels (2 x 5) per A4 page, one label per seated candidate.

A label sits on the desk under the candidate's eyes, so it may show the photo and a masked ID
number (first 6 and last 4 characters, see :func:`mask_id`): never the full one. Its QR code
holds exactly the ticket number, for scanning.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from examdesk.printing.common import mask_id
from examdesk.printing.rooms import RoomSheets, SeatedCandidate
from reports.base import Page, Sheet
from reports.fonts import FontSet, load_fonts
from reports.qr import qr_modules

__all__ = ["COLUMNS", "ROWS", "DeskLabelSheet", "draw_qr", "qr_modules", "render_desk_labels"]

#: Labels per page: 2 across, 5 down.
COLUMNS = 2
ROWS = 5
#: Room left between the dashed cut line and the label's frame, so a skewed cut spares it.
INSET = 3 * mm
PAD = 2.5 * mm
PHOTO_W, PHOTO_H = 24 * mm, 32 * mm
QR_SIZE = 22 * mm
#: The blank margin round a QR code, in modules, that scanners need (as QrCodeWidget draws).
QUIET = 4
#: Height of the one-line page header above the labels.
HEADER_H = 16.0


def draw_qr(canvas: Any, ticket: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Draw the QR code of ``ticket`` in the square (x, y) .. (x + size, y + size).

    One filled path of dark runs, with the widget's 4-module quiet zone. Drawing the widget
    through ``renderPDF`` builds a validated shape per run: 5 ms a label, 30 s for 6,000.
    """
    modules = qr_modules(ticket)
    unit = size / (len(modules) + 2 * QUIET)
    # The dark runs as raw PDF rectangles, filled at once: through reportlab's path object
    # the 115 rectangles of a code cost more than encoding it.
    ops = []
    for r, row in enumerate(modules):
        bottom = y + size - (r + QUIET + 1) * unit
        c = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                ops.append(f"{x + (c + QUIET) * unit:.2f} {bottom:.2f} {count * unit:.2f} "
                           f"{unit:.2f} re")
            c += count
    ops.append("f")
    canvas.addLiteral("\n".join(ops))


class DeskLabelSheet(Sheet):
    """The desk labels of several rooms in one PDF; each room starts on a new page."""

    title = "桌贴"

    def __init__(self, rooms: Sequence[RoomSheets], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.rooms = tuple(rooms)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        per_page = COLUMNS * ROWS
        for room in self.rooms:
            seats = sorted(room.seats, key=lambda s: s.seat_no)
            for i in range(0, len(seats), per_page):
                pages.append(self.about_page(partial(self._page, room, seats[i : i + per_page]),
                                             room=room.room_code))
        return pages

    def _page(self, room: RoomSheets, seats: Sequence[SeatedCandidate]) -> None:
        header = (
            f"{room.exam_name}　{self.title}　考点：{room.center_name}　"
            f"第 {room.room_code} 考场　地点：{room.location}"
        )
        self.fit_text(self.left, self.top - 10, header, self.right - self.left, 10, 6)
        top = self.top - HEADER_H
        w = (self.right - self.left) / COLUMNS
        h = (top - self.bottom) / ROWS
        self._cut_lines(top, w, h)
        # Reading order: left to right, then down, so seat 01 is top left.
        for i, seat in enumerate(seats):
            row, column = divmod(i, COLUMNS)
            x = self.left + column * w
            y = top - (row + 1) * h
            with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                self._label(room, seat, x + INSET, y + INSET, w - 2 * INSET, h - 2 * INSET)

    def _cut_lines(self, top: float, w: float, h: float) -> None:
        """Dashed lines along every label's edge, page edges included."""
        canvas = self.canvas
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.4)
        canvas.setStrokeGray(0.45)
        xs = [self.left + i * w for i in range(COLUMNS + 1)]
        ys = [top - i * h for i in range(ROWS + 1)]
        self.grid(xs, ys)
        canvas.restoreState()

    def _label(
        self, room: RoomSheets, seat: SeatedCandidate, x: float, y: float, w: float, h: float
    ) -> None:
        """Photo at the left, QR at the right, seat number between; details below the QR."""
        canvas = self.canvas
        canvas.setLineWidth(1.0)
        canvas.rect(x, y, w, h)
        top = y + h - PAD
        photo_h = min(PHOTO_H, h - 2 * PAD)
        self.photo(x + PAD, top - photo_h, photo_h * PHOTO_W / PHOTO_H, photo_h, seat.photo)
        text_x = x + 2 * PAD + photo_h * PHOTO_W / PHOTO_H
        qr_x = x + w - PAD - QR_SIZE
        draw_qr(canvas, seat.ticket_no, qr_x, top - QR_SIZE)
        # Between photo and QR: the room, then the seat number as large as fits.
        mid = (text_x + qr_x) / 2
        span = qr_x - text_x - PAD
        self.fit_text(mid, top - 11, f"考场 {room.room_code}", span, 11, 7, "center")
        self.fit_text(mid, top - QR_SIZE + 4, f"{seat.seat_no:02d}", span, 36, 18, "center")
        # Below the QR, across to the frame: ticket, name and masked ID.
        width = x + w - PAD - text_x
        line = (top - QR_SIZE - y - PAD) / 3
        base = top - QR_SIZE - line + 3
        ticket, masked = seat.ticket_no, mask_id(seat.id_number)
        self._field(text_x, base, "准考证号：", ticket, width, 11, 7)
        # A name too long for the 姓名 label (Uyghur names run to 20+ characters) goes alone.
        label = "姓名：" if self.fonts.string_width(f"姓名：{seat.name}", 9) <= width else ""
        self._field(text_x, base - line, label, seat.name, width, 14, 6)
        self._field(text_x, base - 2 * line, "证件号：", masked, width, 10, 7)

    def _field(
        self, x: float, y: float, label: str, value: str, width: float, size: float,
        min_size: float,
    ) -> None:
        """``label`` then ``value``, shrunk together to ``width``.

        Drawn apart so a warning about the value names the value alone (``王𠮷``, not
        ``姓名：王𠮷``).
        """
        total = self.fonts.string_width(label + value, size)
        if total > width:
            size = max(min_size, size * width / total * 0.999)
        x += self.text(x, y, label, size) if label else 0
        self.fit_text(x, y, value, width - self.fonts.string_width(label, size), size, min_size)

def render_desk_labels(
    rooms: Sequence[RoomSheets], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the desk labels of ``rooms`` into one PDF, ``ceil(seats / 10)`` pages a room.

    Args:
        rooms: the rooms, in print order; a room with no one seated prints no page.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DeskLabelSheet(rooms, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
