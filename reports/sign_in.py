"""考生签到表 sign-in sheet: per room and per session, candidates sign in their box.

It is internal (it stays with the room's invigilators and goes back in the room's envelope), so
it shows full ID numbers beside the photo for the identity check. Absentees are marked 缺考 by
the invigilators in the signature box.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm

from examdesk.printing.common import PrintedSession
from examdesk.printing.rooms import RoomSession, RoomSheets, SeatedCandidate
from reports.base import FIELD_GAP, Page, RoomSessionSheet
from reports.fonts import load_fonts
from reports.textfit import LEADING, Fit

__all__ = ["PHOTO_H", "PHOTO_W", "SignInSheet", "render_sign_in"]

#: The photo box: the photo inside its frame (1 pt inset) is 20.25 x 27 mm, large enough to
#: check a face; a row holds it with 1.5 pt to spare above and below.
PHOTO_H: float = 27 * mm + 2
PHOTO_W: float = 27 * mm * 0.75 + 2  # the 3:4 portrait of ID and registration photos
ROW_H: float = PHOTO_H + 3
HEAD_H: float = 8 * mm
#: (label, width in mm); the signature box takes what is left of the 180 mm line (44 mm).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("座位号", 12), ("准考证号", 26), ("姓名", 37), ("身份证号", 38), ("照片", 23),
)
NAME_SIZE = 11.0
SIGNATURE = "考生签名"
NOTE = '注：缺考考生由监考员在签名栏内注明"缺考"。'
NOTE_H = 13.0
#: Beside a candidate who signs in on a temporary ID, in the signature box.
CERTIFICATE = "临时身份证明"
#: The head count and the invigilators' signatures below the last page's table.
COUNT_H = 36.0


class SignInSheet(RoomSessionSheet):
    """The sign-in sheets of several rooms, room by room, session by session, in one PDF.

    A page holds as many candidates as fit (eight rows of photos, fewer where a long name takes
    more lines), and the last page of a session keeps room for the head count and signatures.
    """

    title = "考生签到表"
    empty_note = "所选场次没有考生，无需签到表。"
    # A 10 mm top margin: eight photo rows, the note and the header fill the page.
    margins_mm = (10, 15, 15, 15)

    def sitting_pages(self, room: RoomSheets, sitting: RoomSession) -> list[Page]:
        printed = sitting.session
        seated = sorted(room.sitting(printed.code), key=lambda s: s.seat_no)
        if not seated:
            return []
        name_w = COLUMNS[2][1] * mm
        lines = self._header_lines(room, printed)
        room_h = self._header_bottom(lines) - HEAD_H - NOTE_H - self.bottom
        heights = [max(ROW_H, self.cell_height(s.name, name_w, NAME_SIZE)) for s in seated]
        chunks = _chunks(list(zip(seated, heights, strict=True)), room_h, room_h - COUNT_H)
        return [partial(self._page, room, printed, chunk, lines,
                        len(seated) if number == len(chunks) else None)
                for number, chunk in enumerate(chunks, start=1)]

    def _page(
        self,
        room: RoomSheets,
        session: PrintedSession,
        rows: Sequence[tuple[SeatedCandidate, float]],
        lines: Sequence[Fit],
        expected: int | None,
    ) -> None:
        """Draw one page; ``expected`` (the session's head count) is given on its last page."""
        y = self._header(room, lines)
        y = self._table(y, rows, session.code)
        if expected is not None:
            y -= 16
            self._blanks(y, (f"应考 {expected} 人，实考 ", 20, " 人，缺考 ", 20, " 人"))
            y -= 20
            self._blanks(y, ("监考员签名：", 32, "　　", 32))
        self.text(self.left, y - 12, NOTE, 9)

    def _header_lines(self, room: RoomSheets, session: PrintedSession) -> list[Fit]:
        """The test center, the room's location and the session, fitted to the page."""
        # The session on every page, so loose pages of two sessions cannot be mixed up.
        return self.header_lines(f"考点：{room.center_name}{FIELD_GAP}地点：{room.location}",
                                 [f"场次：{session.label}"], size=11)

    def _header_bottom(self, lines: Sequence[Fit]) -> float:
        """Where the header ends: its lines are drawn from 56 pt below the top, 4 pt apart."""
        return self.top - 56 - sum(len(f.lines) * f.size * LEADING + 4 for f in lines) + 9

    def _header(self, room: RoomSheets, lines: Sequence[Fit]) -> float:
        """Draw the compact header (the table needs the page); return the y below it."""
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        self.fit_text(mid, self.top - 12, room.exam_name, span, 12, 8, "center")
        self.fit_text(mid, self.top - 36, self.title, span, 20, 14, "center")
        # The room number stands out on the right: sheets are sorted into envelopes by it.
        self.fit_text(self.right, self.top - 36, f"第 {room.room_code} 考场", span / 2 - 50, 16,
                      10, "right")
        y = self.top - 56
        for fitted in lines:
            y = self.draw_fit(fitted, self.left, y) - fitted.size * LEADING - 4
        return self._header_bottom(lines)

    def _table(self, top: float, rows: Sequence[tuple[SeatedCandidate, float]],
               code: str) -> float:
        """Draw the header row and one row per candidate from ``top``; return its bottom."""
        xs = [self.left]
        for _, width in COLUMNS:
            xs.append(xs[-1] + width * mm)
        xs.append(self.right)
        ys = [top, top - HEAD_H]
        for _, height in rows:
            ys.append(ys[-1] - height)
        self.canvas.setLineWidth(0.6)
        self.grid(xs, ys)
        for i, label in enumerate([*(label for label, _ in COLUMNS), SIGNATURE]):
            self.cell(xs[i], xs[i + 1], ys[0], ys[1], label, 10)
        for (seat, _), row_top, row_bottom in zip(rows, ys[1:], ys[2:], strict=False):
            with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                for i, value in enumerate((f"{seat.seat_no:02d}", seat.ticket_no, "",
                                           seat.id_number)):
                    if value:
                        self.cell(xs[i], xs[i + 1], row_top, row_bottom, value, 10)
                self.text_cell(xs[2], xs[3], row_top, row_bottom, seat.name, NAME_SIZE)
                serial = seat.certificate_in(code)
                if serial:  # the room's exceptions list: signed in on a temporary ID
                    self.fit_text((xs[5] + xs[6]) / 2, row_bottom + 4,
                                  f"{CERTIFICATE} No. {serial}", xs[6] - xs[5] - 4, 8, 6,
                                  "center")
            self.photo((xs[4] + xs[5] - PHOTO_W) / 2, (row_top + row_bottom - PHOTO_H) / 2,
                       PHOTO_W, PHOTO_H, seat.photo)
        return ys[-1]

    def _blanks(self, y: float, parts: Sequence[str | float]) -> None:
        """Draw a line of text with blanks to fill by hand (a number: a blank so many mm wide)."""
        x = self.left
        size = 11.0
        for part in parts:
            if isinstance(part, str):
                x += self.text(x, y, part, size)
            else:
                self.canvas.line(x + 1, y - 2, x + part * mm - 1, y - 2)
                x += part * mm


def _chunks(
    rows: Sequence[tuple[SeatedCandidate, float]], room: float, last_room: float
) -> list[list[tuple[SeatedCandidate, float]]]:
    """Rows to pages: each page as full as ``room`` allows, the last within ``last_room``."""
    pages: list[list[tuple[SeatedCandidate, float]]] = [[]]
    used = 0.0
    for row in rows:
        if pages[-1] and used + row[1] > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += row[1]
    tail: list[tuple[SeatedCandidate, float]] = []
    while len(pages[-1]) > 1 and used > last_room:
        tail.insert(0, pages[-1].pop())
        used -= tail[0][1]
    return [*pages, tail] if tail else pages


def render_sign_in(
    rooms: Sequence[RoomSheets],
    session: str | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> tuple[bytes, list[str]]:
    """Render the sign-in sheets of ``rooms`` into one PDF.

    Args:
        rooms: the rooms, in printing order.
        session: a session code to print only that session; ``None`` prints every session.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = SignInSheet(rooms, session, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
