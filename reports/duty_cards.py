"""工作安排卡 personal duty cards: four to an A4 page (2 x 2), cut apart along dashed lines.

Each card tells one staff member where to be and when, session by session. Every text shrinks or
wraps to stay inside its card, so a long unit or place never runs into the next card.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm

from examdesk.printing.duties import CardDuty, DutyCard
from reports.base import Page, Sheet
from reports.fonts import FontSet, load_fonts
from reports.textfit import LEADING

__all__ = ["CardDuty", "DutyCard", "DutyCardSheet", "render_duty_cards"]

COLS = 2
ROWS = 2
#: The gap between cards; the dashed cut line runs down its middle.
GUTTER = 10 * mm
PAD = 5 * mm
#: The duties table: header label and share of the card's inner width.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("日期时间", 0.24), ("报到", 0.13), ("任务", 0.23), ("地点", 0.40),
)
TABLE_HEAD = 16.0
#: Six duties get full-height rows; more share the same space in lower rows.
DUTY_ROW = 26.0
PLACE_SIZE = 8.5
NOTE_H = 24.0
#: The person's name: 22 pt, two lines in this height before it shrinks.
NAME_H = 48.0


class DutyCardSheet(Sheet):
    """Personal duty cards, four to an A4 page, in the order given."""

    title = "工作安排卡"
    # Narrow margins: the cards are cut out, and the footer sits in the bottom margin.
    margins_mm = (10, 10, 10, 10)

    def __init__(self, cards: Sequence[DutyCard], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.cards = tuple(cards)

    def layout(self) -> list[Page]:
        per_page = COLS * ROWS
        return [
            partial(self._page, self.cards[i : i + per_page])
            for i in range(0, len(self.cards), per_page)
        ]

    def _page(self, cards: Sequence[DutyCard]) -> None:
        canvas = self.canvas
        w = (self.right - self.left - GUTTER * (COLS - 1)) / COLS
        h = (self.top - self.bottom - GUTTER * (ROWS - 1)) / ROWS
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.4)
        for col in range(1, COLS):
            x = self.left + col * (w + GUTTER) - GUTTER / 2
            # Cut lines run to the paper's edges, but leave the page number below them legible.
            canvas.line(x, self.bottom, x, self.height)
            canvas.line(x, 0, x, self.bottom - 5.5 * mm)
        for row in range(1, ROWS):
            y = self.top - row * (h + GUTTER) + GUTTER / 2
            canvas.line(0, y, self.width, y)
        canvas.restoreState()
        for i, card in enumerate(cards):
            row, col = divmod(i, COLS)
            x = self.left + col * (w + GUTTER)
            y = self.top - row * (h + GUTTER) - h
            self._card(x, y, w, h, card)

    def _card(self, x: float, y: float, w: float, h: float, card: DutyCard) -> None:
        """Draw ``card`` framed in the box (x, y) .. (x + w, y + h)."""
        self.canvas.rect(x, y, w, h)
        x0, x1 = x + PAD, x + w - PAD
        span, mid = x1 - x0, (x0 + x1) / 2
        top = y + h - PAD
        self.fit_text(mid, top - 8.5, card.exam_name, span, 8.5, 5, "center")
        self.fit_text(mid, top - 31, self.title, span, 20, 12, "center")
        # The center and the person's name wrap to two lines before they shrink.
        center = self.fit(f"考点：{card.center_name}", span, 10.5, height=2 * 10.5 * LEADING)
        at = self.draw_fit(center, mid, top - 49, "center") - 7
        self.canvas.line(x0, at, x1, at)
        name = self.fit(card.person.name, span, 22, height=NAME_H)
        at = self.draw_fit(name, mid, at - 8 - name.size * 0.88, "center") - name.size * 0.12
        at -= 10
        for label, value, lines in (
            ("单位：", card.person.unit, 2),
            ("职责：", card.roles, 2),
            ("电话：", card.person.phone, 1),
        ):
            if value:
                at -= self._field(x0, at, label, value, span, lines) + 3
        note_top = y + PAD + NOTE_H
        self._duties(x0, x1, at - 3, note_top + 6, card.duties)
        if card.note:
            note = self.fit(card.note, span, 9, 6, NOTE_H)
            self.draw_fit(note, x0, note_top - note.size)

    def _field(
        self, x: float, top: float, label: str, value: str, width: float, max_lines: int
    ) -> float:
        """Draw "label value", the value on up to ``max_lines`` lines; return the height used."""
        label_w = self.fonts.string_width(label, 10)
        fitted = self.fit(value, width - label_w, 10, 6, max_lines * 12.5, max_lines)
        # The label sits on the first line's baseline.
        self.text(x, top - fitted.size, label, 10)
        self.draw_fit(fitted, x + label_w, top - fitted.size)
        return len(fitted.lines) * fitted.size * LEADING

    def _duties(
        self, x0: float, x1: float, top: float, bottom: float, duties: Sequence[CardDuty]
    ) -> None:
        """Draw the duties table in the box between ``top`` and ``bottom``.

        The place is set by the name-and-location rule: a long one takes lines and its row grows,
        the other rows keep what is left.
        """
        xs = [x0]
        for _, share in COLUMNS:
            xs.append(xs[-1] + (x1 - x0) * share)
        xs[-1] = x1
        room = top - bottom - TABLE_HEAD
        base = min(DUTY_ROW, room / max(1, len(duties)))
        heights = [max(base, self.cell_height(d.place, xs[4] - xs[3], PLACE_SIZE)) for d in duties]
        if sum(heights) > room:  # more than the card holds: every row gives up its share
            heights = [h * room / sum(heights) for h in heights]
        ys = [top, top - TABLE_HEAD]
        for height in heights or [base]:
            ys.append(ys[-1] - height)
        self.grid(xs, ys)
        for i, (label, _) in enumerate(COLUMNS):
            self.cell(xs[i], xs[i + 1], ys[0], ys[1], label, 9, min_size=6)
        for r, duty in enumerate(duties):
            session = duty.session
            values = (f"{session.day}\n{session.time}", session.report_time or "—", duty.duty)
            for i, value in enumerate(values):
                self._block(xs[i], xs[i + 1], ys[r + 1], ys[r + 2], value, 8.5)
            self.text_cell(xs[3], xs[4], ys[r + 1], ys[r + 2], duty.place, PLACE_SIZE)

    def _block(self, x0: float, x1: float, top: float, bottom: float, s: str, size: float) -> None:
        """Draw ``s`` centred in a table cell, wrapped ("\\n" breaks a line) and shrunk to fit."""
        width, height = x1 - x0 - 4, top - bottom - 2
        # However low the row, one line must fit: that bounds the smallest size.
        min_size = min(5.5, height / 1.2)
        while True:
            lines = [line for part in s.split("\n") for line in self.wrap(part, width, size)]
            if len(lines) * size * 1.2 <= height or size <= min_size:
                break
            size = max(min_size, size * 0.9)
        keep = max(1, int(height // (size * 1.2)))
        if len(lines) > keep:
            # What is left goes on the last line, which fit_text cuts with a warning if need be.
            rest = [s.replace("\n", " ")] if keep == 1 else ["".join(lines[keep - 1 :])]
            lines = [*lines[: keep - 1], *rest]
        baseline = (top + bottom) / 2 + (len(lines) - 1) * size * 0.6 - size * 0.35
        for line in lines:
            self.fit_text((x0 + x1) / 2, baseline, line, width, size, size * 0.8, "center")
            baseline -= size * 1.2


def render_duty_cards(
    cards: Sequence[DutyCard], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render personal duty cards, four to an A4 page, into one PDF.

    Args:
        cards: the cards, in the order they are printed (left to right, top to bottom).
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DutyCardSheet(cards, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
