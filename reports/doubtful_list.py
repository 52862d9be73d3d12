"""存疑考生情况表 (doubtful candidates' list): a test center's end-of-day report of the
candidates let in although their identity could not be confirmed at the gate.

One landscape A4 list per center and day: first the records still open at the day's end, in
full (ticket, name, masked ID number, room, seat, session, reason, who recorded it and when,
the invigilator who confirmed so far), then the records two invigilators cleared that day, in
short (who cleared them and when: the chief examiner signs for the whole day's doubts), then
the chief examiner's signature. A center without doubtful candidates gets its list too, which
says so (a sheet saying none is filed, not nothing).

The ID numbers are masked as public sheets mask them: the list is signed and filed and goes
with the center's papers to the exam office, so it carries no more than is needed to find the
record; the ticket number names the candidate, whose full record the office holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from examdesk.printing.doubtful import DoubtfulLine, DoubtfulListData
from reports.base import FIELD_GAP, Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = ["DoubtfulListData", "DoubtfulListSheet", "render_doubtful_lists"]

SIZE = 10.0
ROW_H = 18.0  # a one-line row
TITLE_H = 22.0  # a table's title above its grid
FOOT_H = 70.0  # the chief examiner's signature and the note below the last table
SHADE = Color(0.9, 0.9, 0.9)

# (column title, share of the width)
OPEN_COLUMNS = (("序号", 0.04), ("准考证号", 0.11), ("姓名", 0.07), ("身份证号", 0.13),
                ("考场", 0.05), ("座号", 0.04), ("场次", 0.11), ("存疑原因", 0.20),
                ("登记人", 0.08), ("登记时间", 0.08), ("已确认监考员", 0.09))
CLEARED_COLUMNS = (("序号", 0.04), ("准考证号", 0.11), ("姓名", 0.07), ("考场", 0.05),
                   ("座号", 0.04), ("存疑原因", 0.33), ("确认监考员", 0.24),
                   ("解除时间", 0.12))

_Row = tuple[tuple[str, ...], float]  # the cells' texts, and the row's height


class DoubtfulListSheet(Sheet):
    """The lists of several test centers in one PDF, each center from a new page."""

    title = "存疑考生情况表"
    pagesize = landscape(A4)
    margins_mm = (12, 12, 15, 12)

    def __init__(self, lists: Sequence[DoubtfulListData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.lists = tuple(lists)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        for data in self.lists:
            pages += self._pages(data)
        return pages

    def _pages(self, data: DoubtfulListData) -> list[Page]:
        """The pages of one center: the tables flow on, the signature ends the last page."""
        blocks: list[tuple[str, tuple[tuple[str, float], ...], list[_Row]]] = [
            (f"一、未解除的存疑考生（{len(data.open)} 人）", OPEN_COLUMNS,
             [self._row(OPEN_COLUMNS, _open_cells(n, line))
              for n, line in enumerate(data.open, start=1)]
             or [(("本日无未解除的存疑考生。",), ROW_H)]),
            (f"二、当日经两名监考员确认、已解除的（{len(data.cleared)} 人）", CLEARED_COLUMNS,
             [self._row(CLEARED_COLUMNS, _cleared_cells(n, line))
              for n, line in enumerate(data.cleared, start=1)]
             or [(("本日无。",), ROW_H)]),
        ]
        body_top = self._body_top(data)
        room = body_top - self.bottom
        pages: list[list[tuple[str, tuple[tuple[str, float], ...], list[_Row], float]]] = [[]]
        used = 0.0
        for title, columns, rows in blocks:
            continued = False
            while rows:
                head = self._row(columns, tuple(c for c, _ in columns))[1]
                fits: list[_Row] = []
                for row in rows:
                    if used + TITLE_H + head + sum(h for _, h in fits) + row[1] > room:
                        break
                    fits.append(row)
                if not fits:
                    if used == 0.0:  # one row taller than a page: drawn anyway, cut
                        fits = [rows[0]]
                    else:
                        pages.append([])
                        used = 0.0
                        continue
                pages[-1].append((title + ("（续）" if continued else ""), columns, fits, used))
                used += TITLE_H + head + sum(h for _, h in fits) + 4 * mm
                rows = rows[len(fits):]
                if rows:
                    pages.append([])
                    used, continued = 0.0, True
        if used + FOOT_H > room:
            pages.append([])
            used = 0.0
        last = len(pages) - 1
        return [partial(self._page, data, tables, used if n == last else None)
                for n, tables in enumerate(pages)]

    def _row(self, columns: Sequence[tuple[str, float]], cells: Sequence[str]) -> _Row:
        widths = self._widths(columns)
        height = max([ROW_H, *(self.cell_height(text, width, SIZE, lines=4)
                               for text, width in zip(cells, widths, strict=True) if text)])
        return tuple(cells), height

    def _widths(self, columns: Sequence[tuple[str, float]]) -> list[float]:
        span = self.right - self.left
        return [span * share for _, share in columns]

    def _header_texts(self, data: DoubtfulListData) -> tuple[str, tuple[str, ...]]:
        return (f"考点：{data.center_name}（代码 {data.center_code}）{FIELD_GAP}日期：{data.day}",
                ())

    def _body_top(self, data: DoubtfulListData) -> float:
        return self.header_bottom(False, self.header_lines(*self._header_texts(data)))

    def _page(self, data: DoubtfulListData,
              tables: Sequence[tuple[str, tuple[tuple[str, float], ...], list[_Row], float]],
              signature_at: float | None) -> None:
        center, lines = self._header_texts(data)
        self.header(self.title, data.exam_name, center=center, room="", sessions=lines)
        top = self._body_top(data)
        for title, columns, rows, offset in tables:
            self._table(title, columns, rows, top - offset)
        if signature_at is not None:
            self._signature(top - signature_at)

    def _table(self, title: str, columns: Sequence[tuple[str, float]], rows: Sequence[_Row],
               top: float) -> None:
        self.text(self.left, top - 15, title, 12)
        xs = [self.left]
        for width in self._widths(columns):
            xs.append(xs[-1] + width)
        head = self._row(columns, tuple(c for c, _ in columns))
        y = top - TITLE_H
        self.canvas.setFillColor(SHADE)
        self.canvas.rect(xs[0], y - head[1], xs[-1] - xs[0], head[1], stroke=0, fill=1)
        self.canvas.setFillColor(black)
        ys = [y]
        for n, (cells, height) in enumerate((head, *rows)):
            if len(cells) == 1:  # the line saying there is none spans the table
                self.text_cell(xs[0], xs[-1], ys[-1], ys[-1] - height, cells[0], SIZE)
            for i, text in enumerate(cells if len(cells) > 1 else ()):
                if text:
                    # the reason reads from the left; short fields are centred
                    left = n and columns[i][0] == "存疑原因"
                    self.text_cell(xs[i], xs[i + 1], ys[-1], ys[-1] - height, text, SIZE,
                                   align="left" if left else "center", lines=4)
            ys.append(ys[-1] - height)
        if len(rows) == 1 and len(rows[0][0]) == 1:
            self.grid([xs[0], xs[-1]], ys)  # no column rules through the line saying none
            for x in xs:
                self.canvas.line(x, ys[0], x, ys[1])
        else:
            self.grid(xs, ys)

    def _signature(self, top: float) -> None:
        y = top - 24
        self.text(self.left, y, "考点主考（签名）：", 12)
        self.canvas.line(self.left + 110, y - 3, self.left + 300, y - 3)
        self.text(self.left + 340, y, "日期：", 12)
        self.canvas.line(self.left + 376, y - 3, self.left + 520, y - 3)
        self.text(self.left, y - 24, "未解除的存疑考生，由考点于当日考试结束后连同本表报送考试机构"
                  "核查身份。身份证号已按公开表格方式遮蔽，完整信息以报名数据为准。", 9)


def _open_cells(n: int, line: DoubtfulLine) -> tuple[str, ...]:
    confirmed = "、".join(line.confirmed_by) or "尚无"
    return (str(n), line.ticket, line.name, line.id_number, line.room, line.seat,
            line.session, line.reason, line.recorded_by, line.recorded_at, confirmed)


def _cleared_cells(n: int, line: DoubtfulLine) -> tuple[str, ...]:
    return (str(n), line.ticket, line.name, line.room, line.seat, line.reason,
            "、".join(line.confirmed_by), line.cleared_at)


def render_doubtful_lists(
    lists: Sequence[DoubtfulListData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the lists of ``lists`` into one PDF, each center from a new page.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DoubtfulListSheet(lists, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
