"""考点情况汇总表 center summary: one test center at a glance, a page per center.

Key figures and levels on the left beside the staff list, then sessions and service posts. A
table that does not fit the rest of a page starts the next one, and one longer than a page
continues there with its column titles repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm

from examdesk.printing.center import CenterSummaryData, CountLine
from reports.base import FIELD_GAP, Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = ["CenterSummaryData", "CenterSummarySheet", "CountLine", "render_center_summaries"]

SIZE = 10.0
LEAD = SIZE * 1.25
PAD = 3.0
ROW_H = 16.0  # a one-line row
TITLE_H = 20.0  # a table's title above its grid
GAP = 4 * mm
# Sheet.header with three lines below the title (center, address, contact) takes 136 pt.
HEADER_H = 142.0
FOOT_CLEAR = 8.0  # keeps the last row off the footer, which sits just below the bottom margin
LABEL_H, FIGURE_H = 16.0, 26.0  # a key figure's label box and value box
FIGURES_H = TITLE_H + 2 * (LABEL_H + FIGURE_H)
SHADE = Color(0.9, 0.9, 0.9)
CLOSING = ")）]】」』》、，。；：！？"

_Row = tuple[tuple[tuple[str, ...], ...], float]  # each cell's lines, and the row's height


@dataclass(frozen=True)
class _Table:
    """A titled table placed between x0 and x1; ``shares`` split its width among columns."""

    title: str
    head: tuple[str, ...]
    shares: tuple[float, ...]
    lines: tuple[CountLine, ...]
    x0: float
    x1: float
    total: bool = False  # add a 合计 row summing each column
    lead: float = 0.0  # room left above the table, on its first page, for the key figures


class CenterSummarySheet(Sheet):
    """The summaries of several test centers in one PDF, each center from a new page."""

    title = "考点情况汇总表"

    def __init__(self, summaries: Sequence[CenterSummaryData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.summaries = tuple(summaries)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        for summary in self.summaries:
            pages += [partial(self._page, summary, ops) for ops in self._flow(summary)]
        return pages

    def _flow(self, summary: CenterSummaryData) -> list[list[Callable[[float], None]]]:
        """Each page's drawing steps, each taking the y where the body starts."""
        left, right = self.left, self.right
        half = (right - left - GAP) / 2
        groups: tuple[tuple[_Table, ...], ...] = (
            # The key figures and levels on the left beside the (longer) staff list: with them
            # the usual center (12 roles, 4 sessions, 8 posts) takes one page.
            (_Table("级别", ("级别", "考场数", "考生数"), (0.4, 0.3, 0.3), summary.levels,
                    left, left + half, total=True, lead=FIGURES_H + GAP),
             _Table("工作人员", ("岗位/角色", "人数"), (0.65, 0.35), summary.staff,
                    right - half, right)),
            (_Table("场次", ("场次", "使用考场", "应考人数", "监考员", "流动监考", "巡考",
                             "岗位人员"), (0.4, *[0.1] * 6), summary.sessions, left, right),),
            (_Table("服务保障岗位", ("岗位", "每场人数", "已排人员"), (0.6, 0.2, 0.2),
                    summary.posts, left, right),),
        )
        if summary.attendance:  # printed after the session: the rooms' marks so far
            groups += (
                (_Table("考勤", ("场次", "已登记考场", "应考人数", "实考人数", "其中迟到",
                                 "缺考人数", "未登记"), (0.22, *[0.13] * 6),
                        summary.attendance, left, right, total=True),),
                (_Table("缺考考生准考证号", ("场次：准考证号",), (1.0,), summary.absentees,
                        left, right),),
            )
        body = self._body_top(summary) - self.bottom - FOOT_CLEAR
        pages: list[list[Callable[[float], None]]] = [[partial(self._figures, summary, half)]]
        used = 0.0
        for group in groups:
            rows = [self._rows(table) for table in group]
            continued = False
            while True:
                # A group that does not fit the rest of the page starts the next one; one
                # longer than a page then continues on the following pages.
                live = [i for i, r in enumerate(rows) if r]
                need = max(self._height(group[i], rows[i], continued) for i in live)
                if used > 0 and used + need > body:
                    pages.append([])
                    used = 0.0
                chunks = {i: self._fit(group[i], rows[i], body - used, continued) for i in live}
                pages[-1] += [partial(self._table, group[i], chunk, used, continued)
                              for i, chunk in chunks.items()]
                used += max(self._height(group[i], c, continued) for i, c in chunks.items()) + GAP
                rows = [r[len(chunks.get(i, ())):] for i, r in enumerate(rows)]
                if not any(rows):
                    break
                pages.append([])
                used, continued = 0.0, True
        return pages

    def _rows(self, table: _Table) -> list[_Row]:
        """The body rows, wrapped to their columns."""
        n = len(table.head) - 1
        values = [(line.label, *_numbers(line.values, n)) for line in table.lines]
        if table.total and len(table.lines) > 1:
            sums = [sum(line.values[i] for line in table.lines if i < len(line.values))
                    for i in range(n)]
            values.append(("合计", *(str(v) for v in sums)))
        if not values:
            values = [("（无）", *[""] * n)]
        return [self._row(table, row) for row in values]

    def _row(self, table: _Table, values: Sequence[str]) -> _Row:
        widths = [(table.x1 - table.x0) * share - 2 * PAD for share in table.shares]
        cells = tuple(tuple(self._wrap(v, w)) for v, w in zip(values, widths, strict=True))
        return cells, max(ROW_H, max(len(c) for c in cells) * LEAD + 2 * PAD)

    def _wrap(self, s: str, width: float) -> list[str]:
        """Lines of ``s``, broken after a space or "、" so a paper's name stays whole, unless
        that takes more lines than breaking anywhere."""
        anywhere = self.wrap(s, width, SIZE)
        lines: list[str] = []
        for token in re.findall(r"[^ 、]+[ 、]*|[ 、]+", s):
            if lines and self.fonts.string_width(lines[-1] + token.rstrip(), SIZE) <= width:
                lines[-1] += token
            else:
                lines.extend(self.wrap(token, width, SIZE))
        lines = [line.rstrip() for line in lines]
        lines = lines if 0 < len(lines) <= len(anywhere) else anywhere
        # No line starts with closing punctuation: it hangs at the end of the line above
        # (fit_text narrows that line a little if it must).
        for i in range(1, len(lines)):
            while lines[i][:1] and lines[i][0] in CLOSING:
                lines[i - 1], lines[i] = lines[i - 1] + lines[i][0], lines[i][1:]
        return [line for line in lines if line] or [""]

    def _height(self, table: _Table, rows: Sequence[_Row], continued: bool) -> float:
        lead = 0.0 if continued else table.lead
        return lead + TITLE_H + self._row(table, table.head)[1] + sum(h for _, h in rows)

    def _fit(self, table: _Table, rows: Sequence[_Row], room: float, continued: bool
             ) -> list[_Row]:
        """The first rows that fit ``room``; at least one, so the flow always moves on."""
        taken: list[_Row] = []
        for row in rows:
            if taken and self._height(table, [*taken, row], continued) > room:
                break
            taken.append(row)
        return taken

    @staticmethod
    def _header_texts(summary: CenterSummaryData) -> tuple[str, tuple[str, ...]]:
        """The header's lines: the center, its address, and its contact with the phone in a
        field of its own (not under 联系人)."""
        contact = f"联系人：{summary.contact or '—'}"
        if summary.phone:
            contact += f"{FIELD_GAP}联系电话：{summary.phone}"
        return (f"考点：{summary.center_name}（代码 {summary.center_code}）",
                (f"地址：{summary.address}", contact))

    def _body_top(self, summary: CenterSummaryData) -> float:
        """Where the body starts: below the header, which a long name or address makes taller."""
        lines = self.header_lines(*self._header_texts(summary))
        return min(self.header_bottom(False, lines), self.top - HEADER_H)

    def _page(self, summary: CenterSummaryData, ops: Sequence[Callable[[float], None]]) -> None:
        center, lines = self._header_texts(summary)
        self.header(self.title, summary.exam_name, center=center, room="", sessions=lines)
        top = self._body_top(summary)
        for op in ops:
            op(top)

    def _figures(self, summary: CenterSummaryData, width: float, top: float) -> None:
        """The key figures in two rows of two boxes, a label above each value."""
        self.text(self.left, top - 14, "基本情况", 12)
        figures = (("考场数", summary.rooms), ("备用考场", summary.spare_rooms),
                   ("座位数", summary.seats), ("考生数", summary.candidates))
        xs = [self.left, self.left + width / 2, self.left + width]
        y = top - TITLE_H
        for pair in (figures[:2], figures[2:]):
            ys = [y, y - LABEL_H, y - LABEL_H - FIGURE_H]
            self._shade(xs[0], xs[-1], ys[0], ys[1])
            self.grid(xs, ys)
            for i, (label, value) in enumerate(pair):
                self.cell(xs[i], xs[i + 1], ys[0], ys[1], label, SIZE)
                self.cell(xs[i], xs[i + 1], ys[1], ys[2], str(value), 16)
            y = ys[-1]

    def _table(
        self, table: _Table, rows: Sequence[_Row], offset: float, continued: bool, top: float
    ) -> None:
        y = top - offset - (0.0 if continued else table.lead)
        self.text(table.x0, y - 14, table.title + ("（续）" if continued else ""), 12)
        xs = [table.x0]
        for share in table.shares:
            xs.append(xs[-1] + (table.x1 - table.x0) * share)
        head = self._row(table, table.head)
        y -= TITLE_H
        self._shade(xs[0], xs[-1], y, y - head[1])
        ys = [y]
        for n, (cells, height) in enumerate((head, *rows)):
            for i, lines in enumerate(cells):
                # Labels read from the left, numbers and column titles are centred.
                left = i == 0 and n > 0
                first = ys[-1] - height / 2 - SIZE * 0.35 + (len(lines) - 1) * LEAD / 2
                for k, line in enumerate(lines):
                    x = xs[i] + PAD if left else (xs[i] + xs[i + 1]) / 2
                    self.fit_text(x, first - k * LEAD, line, xs[i + 1] - xs[i] - 2 * PAD, SIZE,
                                  SIZE * 0.6, "left" if left else "center")
            ys.append(ys[-1] - height)
        self.grid(xs, ys)

    def _shade(self, x0: float, x1: float, top: float, bottom: float) -> None:
        self.canvas.setFillColor(SHADE)
        self.canvas.rect(x0, bottom, x1 - x0, top - bottom, stroke=0, fill=1)
        self.canvas.setFillColor(black)


def _numbers(values: Sequence[int], n: int) -> list[str]:
    """``values`` as ``n`` cells: missing ones blank, extra ones dropped."""
    return [str(values[i]) if i < len(values) else "" for i in range(n)]


def render_center_summaries(
    summaries: Sequence[CenterSummaryData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the summaries of ``summaries`` into one PDF, each center from a new page.

    Args:
        summaries: one summary per test center.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = CenterSummarySheet(summaries, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
