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
from reports.base import Page, RoomSessionSheet
from reports.fonts import load_fonts

__all__ = ["ROWS", "SignInSheet", "render_sign_in"]

#: Candidates per page: 15 rows of 14 mm leave room for a 12 mm photo, so a room of 30 takes 2.
ROWS = 15
ROW_H: float = 14 * mm
HEAD_H: float = 8 * mm
#: (label, width in mm); the signature box takes what is left of the 180 mm line (50 mm).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("座位号", 12), ("准考证号", 28), ("姓名", 36), ("身份证号", 40), ("照片", 14),
)
SIGNATURE = "考生签名"
NOTE = '注：缺考考生由监考员在签名栏内注明"缺考"。'


class SignInSheet(RoomSessionSheet):
    """The sign-in sheets of several rooms, room by room, session by session, in one PDF."""

    title = "考生签到表"
    empty_note = "所选场次没有考生，无需签到表。"
    # A 12 mm top margin: 15 photo rows plus the head count and signatures fill the page.
    margins_mm = (12, 15, 15, 15)

    def sitting_pages(self, room: RoomSheets, sitting: RoomSession) -> list[Page]:
        printed = sitting.session
        seated = sorted(room.sitting(printed.code), key=lambda s: s.seat_no)
        chunks = [seated[i : i + ROWS] for i in range(0, len(seated), ROWS)]
        return [partial(self._page, room, printed, chunk,
                        len(seated) if number == len(chunks) else None)
                for number, chunk in enumerate(chunks, start=1)]

    def _page(
        self,
        room: RoomSheets,
        session: PrintedSession,
        seats: Sequence[SeatedCandidate],
        expected: int | None,
    ) -> None:
        """Draw one page; ``expected`` (the session's head count) is given on its last page."""
        y = self._header(room, session)
        y = self._table(y, seats)
        if expected is not None:
            y -= 16
            self._blanks(y, (f"应考 {expected} 人，实考 ", 20, " 人，缺考 ", 20, " 人"))
            y -= 20
            self._blanks(y, ("监考员签名：", 32, "　　", 32))
        self.text(self.left, y - 15, NOTE, 9)

    def _header(self, room: RoomSheets, session: PrintedSession) -> float:
        """Draw the compact header (the table needs the page); return the y below it."""
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        self.fit_text(mid, self.top - 12, room.exam_name, span, 12, 8, "center")
        self.fit_text(mid, self.top - 36, self.title, span, 20, 14, "center")
        # The room number stands out on the right: sheets are sorted into envelopes by it.
        self.fit_text(self.right, self.top - 36, f"第 {room.room_code} 考场", span / 2 - 50, 16,
                      10, "right")
        where = f"考点：{room.center_name}　　地点：{room.location}"
        self.fit_text(self.left, self.top - 56, where, span, 11, 6)
        # The session on every page, so loose pages of two sessions cannot be mixed up.
        self.fit_text(self.left, self.top - 73, f"场次：{session.label}", span, 11, 6)
        return self.top - 80

    def _table(self, top: float, seats: Sequence[SeatedCandidate]) -> float:
        """Draw the header row and one row per candidate from ``top``; return its bottom."""
        xs = [self.left]
        for _, width in COLUMNS:
            xs.append(xs[-1] + width * mm)
        xs.append(self.right)
        ys = [top, top - HEAD_H, *(top - HEAD_H - ROW_H * (i + 1) for i in range(len(seats)))]
        self.canvas.setLineWidth(0.6)
        self.grid(xs, ys)
        for i, label in enumerate([*(label for label, _ in COLUMNS), SIGNATURE]):
            self.cell(xs[i], xs[i + 1], ys[0], ys[1], label, 10)
        photo_h = ROW_H - 2 * mm
        photo_w = photo_h * 0.75  # the 3:4 portrait of ID and registration photos
        for seat, row_top, row_bottom in zip(seats, ys[1:], ys[2:], strict=False):
            values = (f"{seat.seat_no:02d}", seat.ticket_no, seat.name, seat.id_number)
            with self.about(seat=seat.seat_no, ticket=seat.ticket_no):
                for i, value in enumerate(values):
                    self.cell(xs[i], xs[i + 1], row_top, row_bottom, value, 11 if i == 2 else 10)
            self.photo((xs[4] + xs[5] - photo_w) / 2, row_bottom + 1 * mm, photo_w, photo_h,
                       seat.photo)
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
