"""考场情况记录单 room record: one A4 page per room and session, signed when papers are collected.

What is known beforehand is printed (room, session, invigilators, head count); the rest is
written by hand in the room: who was absent, irregularities, paper swaps, temporary IDs seen.
Printed after the room's desk marked its attendance, the record carries the counts and the
absentees' tickets (before any mark, those fields are blank, for hand-filling).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.colors import black, gray
from reportlab.lib.units import mm

from examdesk.printing.rooms import RoomSession, RoomSheets
from reports.base import Page, RoomSessionSheet
from reports.fonts import load_fonts

__all__ = ["RoomRecordSheet", "render_room_records"]

LABEL_W: float = 32 * mm
ROW_H: float = 11 * mm
#: The 缺考 box: writing cells for this many ticket numbers, in rows of ABSENT_COLUMNS.
ABSENT_CELLS = 20
ABSENT_COLUMNS = 5
ABSENT_ROW_H: float = 8.5 * mm
#: The box of the room's exceptions list: candidates on a temporary ID, prefilled.
CERTIFICATE_BOX = "使用临时身份\n证明考生"
#: Hand-written boxes: label (``\n`` breaks it in the label column), hint, share of the height.
#: The box of the violations recorded in the room, prefilled.
VIOLATION_BOX = "违纪情况"
FREE_BOXES: tuple[tuple[str, str, float], ...] = (
    (VIOLATION_BOX, "（准考证号、姓名、违纪事实及处理）", 4),
    ("试卷调换/启用\n备用卷情况", "（准考证号、原因、原卷号与新卷号）", 3),
    (CERTIFICATE_BOX, "（准考证号、姓名、证明编号）", 3),
    ("其他情况", "", 2),
)
LINE_PITCH: float = 8 * mm  # faint writing lines in the hand-written boxes
#: The invigilator row before the draw: a signature line for each, the lead's first.
BLANK_INVIGILATORS = ("考场负责人：", "监考员：")
SIZE = 11.0

#: A table cell: text, width in points (0: what the row's other cells leave), whether a label.
Cell = tuple[str, float, bool]


class RoomRecordSheet(RoomSessionSheet):
    """The room records of several rooms, room by room, session by session, in one PDF."""

    title = "考场情况记录单"
    empty_note = "所选场次没有考场，无需记录单。"
    margins_mm = (12, 15, 15, 15)

    def sitting_pages(self, room: RoomSheets, sitting: RoomSession) -> list[Page]:
        return [partial(self._page, room, sitting)]

    def _page(self, room: RoomSheets, sitting: RoomSession) -> None:
        session = sitting.session
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        self.fit_text(mid, self.top - 12, room.exam_name, span, 12, 8, "center")
        self.fit_text(mid, self.top - 38, self.title, span, 22, 14, "center")
        x0, x1 = self.left, self.right
        xl = x0 + LABEL_W
        y = self.top - 50
        # Prefilled rows: (label, value) pairs side by side.
        expected = str(len(room.sitting(session.code)))
        marked = sitting.attendance
        present = absent = ""
        if marked is not None:
            present = str(marked.present)
            absent = str(marked.absent)
        rows: list[list[tuple[str, str]]] = [
            [("考点", room.center_name), ("考场号", f"第 {room.room_code} 考场")],
            [("考场地点", room.location)],
            [("考试日期", session.day), ("考试时间", session.time)],
            [("考试科目", "、".join(session.papers))],
            [("监考员", "")],  # drawn by _invigilators
            [("应考人数", expected), ("实考人数", present), ("缺考人数", absent)],
        ]
        for pairs in rows:
            cells = self._pairs(pairs)
            # A long location or center name takes more lines: its row grows (the hand-written
            # boxes below give up the height).
            height = max([ROW_H, *(self.cell_height(s, w, SIZE) for s, w, label in
                                   self._widths(cells) if s and not label)])
            self._row(y, y - height, cells)
            if pairs[0][0] == "监考员":
                self._invigilators(xl, x1, y - height / 2, sitting)
            y -= height
        y = self._absent_box(y, marked.absent_tickets if marked else ())
        # The free boxes share what the two signature rows at the bottom leave.
        # (4 mm above the bottom margin keep the page number clear of the table.)
        room_left = y - (self.bottom + 4 * mm + 2 * ROW_H)
        shares = sum(share for _, _, share in FREE_BOXES)
        for label, hint, share in FREE_BOXES:
            if label == "其他情况" and marked is not None and marked.late:
                hint = f"（迟到入场考生 {marked.late} 人，已计入实考人数）"
            h = room_left * share / shares
            self._label(x0, xl, y, y - h, label)
            self._writing_lines(xl, x1, y, y - h, hint)
            if label == CERTIFICATE_BOX:
                self._certified(xl, x1, y, y - h, room, session.code)
            elif label == VIOLATION_BOX:
                self._lines(xl, x1, y, y - h, sitting.violations)
            y -= h
        self._row(y, y - ROW_H, [("监考员签名", LABEL_W, True), ("", 42 * mm, False),
                                 ("", 42 * mm, False), ("巡考员签名", 28 * mm, True),
                                 ("", 0, False)])
        y -= ROW_H
        self._label(x0, xl, y, y - ROW_H, "记录时间")
        self.canvas.rect(x0, y - ROW_H, x1 - x0, ROW_H)
        gap = (x1 - xl) / 6
        for i, unit in enumerate("年月日时分", start=1):
            # The year needs four digits, the others two.
            self.text(xl + gap * i + (12 if i == 1 else 0), y - ROW_H / 2 - SIZE * 0.35, unit,
                      SIZE)

    def _invigilators(self, x0: float, x1: float, mid: float, sitting: RoomSession) -> None:
        """Write the invigilators' names, the lead marked ``*``; none (the room not drawn
        yet): lines for the invigilators to write their names on.

        Names wrap to two lines rather than shrink below 8 pt; a warning names the person.
        """
        people = [p.name for p in sitting.invigilators]
        if not people:
            self._blank_invigilators(x0, x1, mid)
            return
        note = "（* 考场负责人）" if sitting.lead_known else ""
        marked = [name + ("*" if i == 0 and sitting.lead_known else "")
                  for i, name in enumerate(people)]
        room = x1 - x0 - 4 - (self.fonts.string_width(note, 8) + SIZE if note else 0)
        fitted = self.fit("　　".join(marked), room, SIZE, height=ROW_H - 3)
        self.draw_fit(fitted, x0 + 2, self.centred(fitted, mid), parts=people)
        if note:
            self.text(x1 - 2, mid - 3, note, 8, "right")

    def _blank_invigilators(self, x0: float, x1: float, mid: float) -> None:
        """Two signature lines, the lead's first: the pack is printed before the morning draw
        decides who invigilates the room, so no name can be printed."""
        note = "（抽签后本人签名）"
        note_w = self.fonts.string_width(note, 8) + 4
        slot = (x1 - x0 - note_w) / len(BLANK_INVIGILATORS)
        y = mid - SIZE * 0.35
        for i, label in enumerate(BLANK_INVIGILATORS):
            left = x0 + i * slot + 2
            start = left + self.text(left, y, label, SIZE) + 2
            self.canvas.setLineWidth(0.4)
            self.canvas.line(start, y - 2, left + slot - 3 * mm, y - 2)
            self.canvas.setLineWidth(0.6)
        self.canvas.setFillColor(gray)
        self.text(x1 - 2, mid - 3, note, 8, "right")
        self.canvas.setFillColor(black)

    def _pairs(self, pairs: Sequence[tuple[str, str]]) -> list[Cell]:
        """Cells for label/value pairs: a second value is short (room number, hours)."""
        if len(pairs) == 2:
            (l1, v1), (l2, v2) = pairs
            return [(l1, LABEL_W, True), (v1, 0, False), (l2, LABEL_W, True),
                    (v2, 34 * mm, False)]
        value_w = (self.right - self.left) / len(pairs) - LABEL_W
        return [cell for label, value in pairs
                for cell in ((label, LABEL_W, True), (value, value_w, False))]

    def _widths(self, cells: Sequence[Cell]) -> list[tuple[str, float, bool]]:
        """The cells with their widths in points (a width of 0 takes what the others leave)."""
        rest = self.right - self.left - sum(w for _, w, _ in cells)
        return [(s, w or rest, is_label) for s, w, is_label in cells]

    def _row(self, top: float, bottom: float, cells: Sequence[Cell]) -> None:
        """Draw a row of cells; a width of 0 takes what the others leave."""
        x = self.left
        for s, w, is_label in self._widths(cells):
            x1 = x + w
            if is_label:
                self._label(x, x1, top, bottom, s)
            else:
                self.canvas.rect(x, bottom, x1 - x, top - bottom)
                if s:
                    self.text_cell(x, x1, top, bottom, s, SIZE, align="left")
            x = x1

    def _absent_box(self, top: float, tickets: Sequence[str] = ()) -> float:
        """Draw the 缺考考生准考证号 box with numbered writing cells, the absentees marked so
        far written in (more than the cells hold: the last says how many more); return its
        bottom."""
        rows = -(-ABSENT_CELLS // ABSENT_COLUMNS)
        bottom = top - rows * ABSENT_ROW_H
        xl = self.left + LABEL_W
        cell_w = (self.right - xl) / ABSENT_COLUMNS
        self._label(self.left, xl, top, bottom, "缺考考生\n准考证号")
        self.grid([xl + i * cell_w for i in range(ABSENT_COLUMNS + 1)],
                  [top - i * ABSENT_ROW_H for i in range(rows + 1)])
        self.canvas.setFillColor(gray)
        for n in range(ABSENT_CELLS):
            row, column = divmod(n, ABSENT_COLUMNS)
            self.text(xl + column * cell_w + 1.5, top - row * ABSENT_ROW_H - 6, str(n + 1), 5.5)
        self.canvas.setFillColor(black)
        shown = list(tickets)
        if len(shown) > ABSENT_CELLS:
            shown = [*shown[:ABSENT_CELLS - 1], f"等共 {len(tickets)} 人"]
        for n, ticket in enumerate(shown):
            row, column = divmod(n, ABSENT_COLUMNS)
            x = xl + column * cell_w
            self.fit_text(x + cell_w / 2 + 2, top - (row + 1) * ABSENT_ROW_H + 2.5 * mm, ticket,
                          cell_w - 10, SIZE, 7, "center")
        return bottom

    def _certified(self, x0: float, x1: float, top: float, bottom: float, room: RoomSheets,
                   code: str) -> None:
        """Write the candidates on a temporary ID on the box's lines (the others by hand)."""
        self._lines(x0, x1, top, bottom, [
            f"{seat.ticket_no}  {seat.name}  临时身份证明 No. {serial}"
            for seat in room.sitting(code) if (serial := seat.certificate_in(code))])

    def _lines(self, x0: float, x1: float, top: float, bottom: float,
               lines: Sequence[str]) -> None:
        """Write ``lines`` on a box's writing lines, as many as it holds (a room with more
        has the others written below by hand)."""
        y = top - LINE_PITCH - 3 * mm + 2
        for line in lines:
            if y < bottom + 2:
                break
            self.fit_text(x0 + 4 * mm, y, line, x1 - x0 - 8 * mm, SIZE, 8)
            y -= LINE_PITCH

    def _label(self, x0: float, x1: float, top: float, bottom: float, s: str) -> None:
        """Draw a framed label cell, its lines (split at ``\\n``) centred both ways."""
        self.canvas.rect(x0, bottom, x1 - x0, top - bottom)
        lines = s.split("\n") if s else []
        pitch = SIZE * 1.25
        y = (top + bottom) / 2 + (len(lines) - 1) * pitch / 2 - SIZE * 0.35
        for line in lines:
            self.fit_text((x0 + x1) / 2, y, line, x1 - x0 - 4, SIZE, 7, "center")
            y -= pitch

    def _writing_lines(self, x0: float, x1: float, top: float, bottom: float, hint: str) -> None:
        """Frame a box to write in, with a grey hint and faint lines to keep the writing level."""
        self.canvas.rect(x0, bottom, x1 - x0, top - bottom)
        self.canvas.setFillColor(gray)
        self.canvas.setStrokeColor(gray)
        self.canvas.setLineWidth(0.3)
        self.canvas.setDash(1, 2)
        if hint:
            self.text(x0 + 2, top - 10, hint, 8)
        y = top - LINE_PITCH - 3 * mm
        while y > bottom + 3 * mm:
            self.canvas.line(x0 + 3 * mm, y, x1 - 3 * mm, y)
            y -= LINE_PITCH
        self.canvas.setDash()
        self.canvas.setLineWidth(0.6)
        self.canvas.setStrokeColor(black)
        self.canvas.setFillColor(black)

def render_room_records(
    rooms: Sequence[RoomSheets],
    session: str | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> tuple[bytes, list[str]]:
    """Render the room records of ``rooms`` into one PDF, one page per room and session.

    Args:
        rooms: the rooms, in printing order.
        session: a session code to print only that session; ``None`` prints every session.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = RoomRecordSheet(rooms, session, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
