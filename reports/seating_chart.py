"""座位表 seating chart: the room's grid of desks as seen from the podium, one A4 page per room.

It is posted on the door, so each desk shows its seat number, ticket number, name and photo:
never an ID number, masked or not (``docs/printing.md``, personal data). Wide rooms (more columns
than rows) are printed landscape so the desks stay large enough to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from examdesk.printing.rooms import RoomSheets, SeatedCandidate
from reports.base import FIELD_GAP, VPAD, Page, Sheet
from reports.fonts import FontSet, load_fonts
from reports.textfit import FORM_FLOOR

__all__ = ["SeatingChartSheet", "page_size", "render_seating_charts"]

#: Space between desks, and the largest desk drawn (small rooms would get huge boxes).
GAP = 3 * mm
MAX_DESK_W = 55 * mm
MAX_DESK_H = 38 * mm
PAD = 2.0
#: The smallest ticket number printed.
MIN_TICKET = 6.5
#: The smallest seat number printed, and the height its band keeps at the least.
MIN_SEAT = 10.0
#: The smallest ticket number beside a photo as tall as the desk.
TALL_TICKET = 8.0
#: The space a name keeps from the desk's sides, together.
NAME_PAD = 6.0
#: Height kept at the bottom of the page for the signature line and the candidate count.
PODIUM_H = 18.0
FOOTER_H = 24.0


def page_size(room: RoomSheets) -> tuple[float, float]:
    """The page for ``room``: landscape A4 when it has more columns than rows, else portrait."""
    width, height = landscape(A4) if room.columns > room.rows else A4
    return float(width), float(height)


class SeatingChartSheet(Sheet):
    """The seating charts of several rooms in one PDF, one page per room.

    Pages of one PDF may differ in orientation (:meth:`page_size_of`); in a pack for two-sided
    printing a landscape chart is drawn turned on a portrait page (see :class:`Sheet`).
    """

    title = "座位表"

    def __init__(self, rooms: Sequence[RoomSheets], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.rooms = tuple(rooms)
        # The canvas opens with the first page's size
        self.pagesize = page_size(self.rooms[0]) if self.rooms else A4

    def fit_cell(
        self, x0: float, x1: float, top: float, bottom: float, s: str, size: float,
        min_size: float,
    ) -> None:
        """A number centred in its band, shrunk to the band's width and height."""
        size = max(min_size, min(size, (top - bottom) * 0.8))
        self.fit_text((x0 + x1) / 2, (top + bottom) / 2 - size * 0.35, s, x1 - x0 - 2 * PAD, size,
                      min_size, "center")

    def layout(self) -> list[Page]:
        return [self.about_page(partial(self._page, room), room=room.room_code)
                for room in self.rooms]

    def page_size_of(self, index: int) -> tuple[float, float]:
        return page_size(self.rooms[index])  # one page per room

    def _page(self, room: RoomSheets) -> None:
        y = self._header(room)
        # As the invigilator sees the room from the podium: the podium nearest the reader (at
        # the bottom), row 1 just above it, column 1 at the left.
        podium = self.bottom + FOOTER_H + PODIUM_H
        self._desks(room, y - 4, podium + 8)
        self._podium(podium)
        self._footer_lines(len(room.seats))

    def _header(self, room: RoomSheets) -> float:
        """Exam, title, room, center and sessions in about 80 pt (Sheet.header takes ~200).

        Returns the y below the header.
        """
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        y = self.top - 11
        self.fit_text(mid, y, room.exam_name, span, 12, 8, "center")
        y -= 28
        self.text(mid, y, self.title, 24, "center")
        # The room number flanks the title on the left; it must not run into the title.
        self.fit_text(self.left, y + 2, f"第 {room.room_code} 考场", span / 2 - 50, 18, 10)
        place = f"考点：{room.center_name}{FIELD_GAP}地点：{room.location}"
        for fitted in self.header_lines(place, (), size=10):
            y = self.draw_fit(fitted, self.left, y - 14) - 4
        labels = "；".join(s.session.label for s in room.sessions)
        if labels:
            sessions = self.fit(labels, span, 9, 7, 24)
            self.draw_fit(sessions, self.left, y - 3 - sessions.size)
            y -= 3 + len(sessions.lines) * sessions.size * 1.25
        return y - 4

    def _podium(self, top: float) -> None:
        """The 讲台 box, centred below the grid, and how to read the chart."""
        mid = (self.left + self.right) / 2
        half = min(80.0, (self.right - self.left) * 0.2)
        self.canvas.rect(mid - half, top - PODIUM_H, 2 * half, PODIUM_H)
        self.cell(mid - half, mid + half, top, top - PODIUM_H, "讲台", 12)
        self.text(mid + half + 6, top - PODIUM_H + 5, "（从讲台看向考生）", 8)

    def _desks(self, room: RoomSheets, top: float, bottom: float) -> None:
        """Row 1 (the front) at the bottom, nearest the podium; column 1 at the left."""
        rows, columns = max(room.rows, 1), max(room.columns, 1)
        span = self.right - self.left
        w = min(MAX_DESK_W, (span - GAP * (columns - 1)) / columns)
        h = min(MAX_DESK_H, (top - bottom - GAP * (rows - 1)) / rows)
        x_start = (self.left + self.right) / 2 - (columns * w + (columns - 1) * GAP) / 2
        seated = {(s.row, s.column): s for s in room.seats}
        unusable = set(room.unusable)
        for row in range(1, rows + 1):
            y = bottom + (row - 1) * (h + GAP)
            for column in range(1, columns + 1):
                x = x_start + (column - 1) * (w + GAP)
                seat = seated.get((row, column))
                # Someone seated at a desk marked unusable is still shown where they sit.
                if seat is None and (row, column) in unusable:
                    self._unusable(x, y, w, h)
                    continue
                self.canvas.rect(x, y, w, h)
                if seat is not None:
                    with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                        self._desk(x, y, w, h, seat)

    def _unusable(self, x: float, y: float, w: float, h: float) -> None:
        canvas = self.canvas
        canvas.setFillGray(0.85)
        canvas.rect(x, y, w, h, stroke=1, fill=1)
        canvas.setFillGray(0.35)
        self.cell(x, x + w, y + h, y, "不使用", min(11.0, h * 0.3))
        canvas.setFillColor(black)

    def _desk(self, x: float, y: float, w: float, h: float, seat: SeatedCandidate) -> None:
        """Seat number (large), ticket and name in bands from the top; the photo at the right.

        The name is set across the desk by the rule of :mod:`reports.textfit` and its band is
        as tall as it needs; the photo then takes the largest of three places that cover
        nothing: beside the seat number, beside seat and ticket numbers, or the desk's full
        height (only if the name keeps its size and its lines in the narrower column beside
        it). A name that needs still more height gets it from the seat number, which then
        shares the ticket's band (:meth:`_compact_desk`).
        """
        seat_size, ticket_size = min(22.0, h * 0.3), min(10.0, h * 0.15)
        name_size = min(13.0, h * 0.22)
        number = f"{seat.seat_no:02d}"
        ticket_h = ticket_size * 1.3
        seat_w = self.fonts.string_width(number, seat_size) + 2 * PAD
        ticket_w = self.fonts.string_width(seat.ticket_no, ticket_size) + 2 * PAD
        name_room = h - 2 * PAD - ticket_h - MIN_SEAT - 2 * VPAD
        full = self.fit(seat.name, w - NAME_PAD, name_size, FORM_FLOOR, name_room)
        beside_w = self.fonts.string_width(number, MIN_SEAT) + 4 * PAD
        if full.small and beside_w + ticket_w * MIN_TICKET / ticket_size <= w:
            self._compact_desk(x, y, w, h, seat, name_size, ticket_size)
            return
        beside = 0  # bands the photo spans from the top: 1 seat, 2 and ticket, 3 and name
        pw = 0.0
        name = full
        if seat.photo is not None:
            both_w = max(seat_w, ticket_w)
            name_h = full.height + 2 * VPAD
            places = [
                (min((h - 2 * PAD - ticket_h - name_h) * 0.75, w - 3 * PAD - seat_w), 1, full),
                (min((h - 2 * PAD - name_h) * 0.75, w - 3 * PAD - both_w), 2, full),
            ]
            # Beside a full-height photo the ticket may shrink to TALL_TICKET to make room.
            tall_w = max(seat_w, ticket_w * min(1.0, TALL_TICKET / ticket_size))
            tall = min((h - 2 * PAD) * 0.75, w - 3 * PAD - tall_w)
            column = self.fit(seat.name, w - tall - 5 * PAD, name_size, FORM_FLOOR, name_room)
            if column.size >= full.size - 0.01 and len(column.lines) <= len(full.lines):
                places.append((tall, 3, column))
            pw, beside, name = max(places, key=lambda place: place[0])
        top = y + h
        name_h = name.height + 2 * VPAD + 2
        seat_b = y + name_h + ticket_h  # bottom of the seat number's band
        ticket_b = y + name_h
        narrow = x + w - 2 * PAD - max(pw, 0.0)  # the right edge of text beside the photo
        if pw > 0:
            bottom = {1: seat_b, 2: ticket_b, 3: y}[beside] + PAD
            self._photo(x + w - PAD, bottom, top - PAD, pw, seat.photo)
        self.fit_cell(x, narrow if beside >= 1 else x + w, top, seat_b, number, seat_size,
                      min(MIN_SEAT, seat_size))
        self.fit_cell(x, narrow if beside >= 2 else x + w, seat_b, ticket_b, seat.ticket_no,
                      ticket_size, min(MIN_TICKET, ticket_size))
        x1 = narrow if beside == 3 else x + w
        self.draw_fit(name, (x + x1) / 2, self.centred(name, (ticket_b + y) / 2), "center")

    def _compact_desk(
        self, x: float, y: float, w: float, h: float, seat: SeatedCandidate, name_size: float,
        ticket_size: float,
    ) -> None:
        """A desk whose name needs most of its height: seat number and ticket side by side in
        one band at the top, the photo (if any room is left) at the band's right."""
        number = f"{seat.seat_no:02d}"
        band = max(ticket_size * 1.3, MIN_SEAT * 1.2)
        name = self.fit(seat.name, w - NAME_PAD, name_size, FORM_FLOOR,
                        h - 2 * PAD - band - 2 * VPAD)
        top, band_b = y + h, y + name.height + 2 * VPAD + 2
        seat_w = self.fonts.string_width(number, MIN_SEAT) + 2 * PAD + 1
        # The ticket beside the seat number, smaller if it must be (not below MIN_TICKET).
        ticket_size = max(MIN_TICKET, min(ticket_size, ticket_size * (w - seat_w - 2 * PAD) / (
            self.fonts.string_width(seat.ticket_no, ticket_size) + 2 * PAD)))
        ticket_w = self.fonts.string_width(seat.ticket_no, ticket_size) + 2 * PAD
        narrow = x + w
        if seat.photo is not None:
            pw = min((top - band_b - PAD) * 0.75, w - 3 * PAD - seat_w - ticket_w)
            if pw > 2:
                self._photo(x + w - PAD, band_b, top - PAD, pw, seat.photo)
                narrow = x + w - 2 * PAD - pw
        self.fit_cell(x, x + seat_w, top, band_b, number, MIN_SEAT, MIN_SEAT)
        self.fit_cell(x + seat_w, narrow, top, band_b, seat.ticket_no, ticket_size,
                      min(MIN_TICKET, ticket_size))
        self.draw_fit(name, x + w / 2, self.centred(name, (band_b + y) / 2), "center")

    def _photo(self, right: float, bottom: float, top: float, width: float,
               data: bytes | None) -> None:
        """A 3:4 photo at most ``width`` wide, right-aligned, centred between bottom and top."""
        ph = min(width / 0.75, top - bottom)
        self.photo(right - ph * 0.75, bottom + (top - bottom - ph) / 2, ph * 0.75, ph, data)

    def _footer_lines(self, count: int) -> None:
        """Signature line and candidate count, above the page number."""
        y = self.bottom + 6
        blank = "_" * 12
        self.text(self.left, y, f"监考员签名：{blank}　{blank}", 11)
        self.text(self.right, y, f"考生人数：{count}", 11, "right")


def render_seating_charts(
    rooms: Sequence[RoomSheets], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the seating charts of ``rooms`` into one PDF, one page per room.

    Args:
        rooms: the rooms, in print order.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = SeatingChartSheet(rooms, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
