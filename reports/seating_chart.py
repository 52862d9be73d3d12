"""座位表 seating chart: the room's grid of desks as seen from the podium, one A4 page per room.

It is posted on the door, so each desk shows its seat number, ticket number, name and photo:
never an ID number, masked or not (PIPL; see ``../shared/domain.md``). Wide rooms (more columns
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
from reports.base import Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = ["SeatingChartSheet", "page_size", "render_seating_charts"]

#: Space between desks, and the largest desk drawn (small rooms would get huge boxes).
GAP = 3 * mm
MAX_DESK_W = 55 * mm
MAX_DESK_H = 38 * mm
#: Below this single-line size a name is split over two lines rather than shrunk further.
MIN_ONE_LINE = 6.0
#: The smallest ticket number printed beside a full-height photo.
MIN_TICKET = 6.5
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
        """Like :meth:`Sheet.cell` (centred), but centred on the size drawn, not the one asked.

        It measures once and calls the base fit_text directly: desks draw 20,000 of these.
        """
        width = self.fonts.string_width(s, size)
        room = x1 - x0 - 4  # 2 pt padding each side, as Sheet.cell
        if width > room:
            size = max(min_size, size * room / width * 0.999)
        baseline = (top + bottom) / 2 - size * 0.35
        Sheet.fit_text(self, (x0 + x1) / 2, baseline, s, room, size, min_size, "center")

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
        y -= 18
        place = f"考点：{room.center_name}　　地点：{room.location}"
        self.fit_text(self.left, y, place, span, 10, 7)
        labels = "；".join(s.session.label for s in room.sessions)
        if labels:
            size = self.fit_lines(self.left, y - 3, labels, span, 24, 9, 7)
            lines = len(self.wrap(labels, span, size))
            y -= 3 + min(2, lines) * size * 1.25
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
        """Seat number (large), ticket and name stacked; the photo, if any, at the right."""
        pad = 2.0
        top = y + h
        # Bands from the top: seat number 42%, ticket 22%, name 36% of the height.
        seat_b, ticket_b = top - h * 0.42, top - h * 0.64
        x1 = seat_x1 = x + w
        if seat.photo is not None:
            # A 3:4 photo as tall as the desk, at most a third of its width, if the ticket
            # still fits beside it at a readable size; else a smaller one beside the number.
            pw = min((h - 2 * pad) * 0.75, w / 3)
            if w - pw - 3 * pad >= self.fonts.string_width(seat.ticket_no, MIN_TICKET) + 4:
                ph = pw / 0.75
                x1 = seat_x1 = x + w - pad - pw
                self.photo(x1, y + (h - ph) / 2, pw, ph, seat.photo)
            else:
                ph = top - seat_b - 2 * pad
                pw = ph * 0.75
                seat_x1 = x + w - pad - pw
                self.photo(seat_x1, seat_b + pad, pw, ph, seat.photo)
        size = min(22.0, h * 0.3)
        self.fit_cell(x, seat_x1, top, seat_b, f"{seat.seat_no:02d}", size, size / 2)
        self.fit_cell(x, x1, seat_b, ticket_b, seat.ticket_no, min(10.0, h * 0.15), 5)
        self._name(x, x1, ticket_b, y, seat.name, min(13.0, h * 0.22))

    def _name(
        self, x0: float, x1: float, top: float, bottom: float, name: str, size: float
    ) -> None:
        """The name on one line, shrunk to fit; a very long one on two lines instead."""
        room_w = x1 - x0 - 4
        one_line = min(size, size * room_w / max(self.fonts.string_width(name, size), 0.01))
        if one_line >= MIN_ONE_LINE or len(name) < 2:
            self.fit_cell(x0, x1, top, bottom, name, size, min(MIN_ONE_LINE, size))
            return
        # Split at the middle separator of names like 阿卜杜热合曼·买买提艾力 if there is one.
        cut = len(name) // 2
        dots = [i for i, c in enumerate(name) if c in "·・."]
        if dots:
            cut = min(dots, key=lambda i: abs(i - cut)) + 1
        line_h = (top - bottom) / 2
        size = min(size, line_h * 0.9)
        for i, part in enumerate((name[:cut], name[cut:])):
            self.fit_cell(x0, x1, top - i * line_h, top - (i + 1) * line_h, part, size, 4)

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
