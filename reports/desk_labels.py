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
#: The photo's shape (3:4), and its height at the most.
PHOTO_W, PHOTO_H = 24 * mm, 32 * mm
#: The QR code's side, and the least it shrinks to beside a long name (still 0.48 mm a module).
QR_SIZE = 18 * mm
QR_MIN = 14 * mm
#: The lines below the QR code: ticket and masked ID number, baseline to baseline.
LINE = 13.0
#: The exam and the center across the label's top, and the name across its bottom.
BAND_SIZE = 8.5
BAND_MIN = 8.0
NAME_SIZE = 14.0
#: The blank margin round a QR code, in modules, that scanners need (as QrCodeWidget draws).
QUIET = 4
#: The page header's size (its test center and location wrap rather than go below 8 pt).
HEADER_SIZE = 10.0


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
        header = self.fit(
            f"{self.title}　考点：{room.center_name}　第 {room.room_code} 考场　"
            f"地点：{room.location}", self.right - self.left, HEADER_SIZE, lines=3)
        self.draw_fit(header, self.left, self.top - HEADER_SIZE)
        top = self.top - header.height - 6
        w = (self.right - self.left) / COLUMNS
        h = (top - self.bottom) / ROWS
        self._cut_lines(top, w, h)
        # Reading order: left to right, then down, so seat 01 is top left.
        for i, seat in enumerate(seats):
            row, column = divmod(i, COLUMNS)
            x = self.left + column * w
            y = top - (row + 1) * h
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
        """The label's frame, exam and center across its top (a label once cut out still says
        whose exam it is), then the candidate's part (:meth:`_candidate`)."""
        canvas = self.canvas
        canvas.setLineWidth(1.0)
        canvas.rect(x, y, w, h)
        top = self._band(room, x + PAD, x + w - PAD, y + h - PAD)
        # The band is the room's, the rest the candidate's: a warning names the seat only then.
        with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
            self._candidate(room, seat, x, y, w, top)

    def _candidate(self, room: RoomSheets, seat: SeatedCandidate, x: float, y: float, w: float,
                   top: float) -> None:
        """The label below its band (``top``): the photo at the left; beside it the room and seat
        number, the QR code, the ticket, the masked ID number and the name. A name too long for
        that column goes across the bottom, and the photo gives up the height it needs."""
        canvas = self.canvas
        inner = top - (y + PAD)
        photo_h = min(PHOTO_H, inner)
        column = w - 3 * PAD - photo_h * PHOTO_W / PHOTO_H
        named = "姓名：" + seat.name
        name = self.fit(named, column, NAME_SIZE, height=inner - QR_MIN - 2 * LINE - 4)
        bottom = y + PAD  # of the column beside the photo
        if name.small:
            name = self.fit(named, w - 2 * PAD, NAME_SIZE, height=inner - QR_MIN - 2 * LINE - 4)
            bottom = y + PAD + name.height + 4
            photo_h = min(PHOTO_H, top - bottom)
            self.draw_fit(name, x + PAD, bottom - 4 - name.size * 0.88, parts=[seat.name])
        photo_w = photo_h * PHOTO_W / PHOTO_H
        self.photo(x + PAD, top - photo_h, photo_w, photo_h, seat.photo)
        text_x = x + 2 * PAD + photo_w
        width = x + w - PAD - text_x
        lines = 2 * LINE + (name.height + 4 if bottom == y + PAD else 0)
        qr = max(QR_MIN, min(QR_SIZE, top - bottom - lines))
        qr_x = x + w - PAD - qr
        draw_qr(canvas, seat.ticket_no, qr_x, top - qr, qr)
        # Between photo and QR: the room, then the seat number as large as fits.
        mid = (text_x + qr_x) / 2
        between = qr_x - text_x - PAD
        self.fit_text(mid, top - 10, f"考场 {room.room_code}", between, 10, 7, "center")
        self.fit_text(mid, top - qr + 4, f"{seat.seat_no:02d}", between, 32, 16, "center")
        # Below the QR, across to the frame: ticket, masked ID and (if it fits there) the name.
        base = top - qr - LINE + 2
        self._field(text_x, base, "准考证号：", seat.ticket_no, width, 11, 7)
        self._field(text_x, base - LINE, "证件号：", mask_id(seat.id_number), width, 10, 7)
        if bottom == y + PAD:
            self.draw_fit(name, text_x, base - LINE - 4 - name.size * 0.88 - 1, parts=[seat.name])

    def _band(self, room: RoomSheets, x0: float, x1: float, top: float) -> float:
        """The exam's and the center's names, on one line if they fit, with a rule beneath.

        Returns the y below the rule.
        """
        span = x1 - x0
        exam, center = room.exam_name, room.center_name
        pitch = BAND_SIZE * 1.25
        y = top - BAND_SIZE * 0.88
        one = min(BAND_SIZE, BAND_SIZE * span / self.fonts.string_width(f"{exam}　{center}",
                                                                          BAND_SIZE))
        if one >= BAND_MIN:
            self.text(x0, y, exam, one)
            self.text(x1, y, center, one, "right")
        else:
            for line in (exam, center):
                self.fit_text(x0, y, line, span, BAND_SIZE, BAND_MIN)
                y -= pitch
            y += pitch
        y -= BAND_SIZE * 0.4
        self.canvas.setLineWidth(0.4)
        self.canvas.line(x0, y, x1, y)
        return y - 3

    def _field(
        self, x: float, y: float, label: str, value: str, width: float, size: float,
        min_size: float,
    ) -> None:
        """``label`` then ``value``, shrunk together to ``width``; a warning about a character
        of the value names the value alone."""
        self.fit_text(x, y, label + value, width, size, min_size, parts=[value])


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
