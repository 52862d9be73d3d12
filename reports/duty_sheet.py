"""监考安排表 duty sheet: one test center's invigilators, room by room, in one session.

It is internal: printed before the draw it tells who invigilates where, so it stays in the chief
examiner's office. The room table is the draw result's (:mod:`reports.draw_result`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from examdesk.printing.common import Person
from examdesk.printing.duties import DutySheetData, FloorDuty, RoomDutyLine
from reports.base import Document, Sheet
from reports.draw_result import (
    HEAD_H,
    ROW_H,
    Cell,
    Column,
    balanced_pages,
    draw_parts,
    draw_table,
    fill_pages,
    room_people,
    row_heights,
)
from reports.fonts import FontSet, load_fonts

__all__ = ["DutySheet", "DutySheetData", "FloorDuty", "RoomDutyLine", "render_duty_sheets"]

#: The people of the roving, inspector and reserve rows: text size and line height.
TAIL_SIZE = 10.0
TAIL_LINE = 14.0
#: The signature line at the end of a center's sheet.
SIGN_H = 32.0
#: What ``*`` means, below the room table on every page that has one.
LEGEND = "注：标 * 者为考场负责人。"
LEGEND_H = 22.0

COLUMNS = (
    Column("序号", 0.05),
    Column("考场", 0.08),
    Column("地点", 0.21),
    Column("监考员(主)", 0.27),
    Column("监考员", 0.27),
    Column("备注", 0.12),
)
#: The label column of the roving, inspector and reserve rows.
LABEL_SHARE = 0.17
LABEL_SIZE = 10.5


@dataclass(frozen=True)
class _TailRow:
    label: str
    lines: tuple[tuple[str, ...], ...]
    label_h: float = ROW_H  # the label's cell: a roving row's floor may take lines

    @property
    def height(self) -> float:
        return max(self.label_h, len(self.lines) * TAIL_LINE + 8)


@dataclass
class _Plan:
    rooms: list[tuple[Cell, ...]]
    heights: list[float]
    tail: list[_TailRow]
    sign: bool = False


class DutySheet(Sheet):
    """The duty sheets of several centers and sessions in one PDF, each numbered on its own."""

    title = "监考安排表"

    def __init__(self, sheets: Sequence[DutySheetData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.sheets = tuple(sheets)

    def documents(self) -> list[Document]:
        return [Document(tuple(partial(self._page, data, plan) for plan in self._plan(data)),
                         session=data.session) for data in self.sheets]

    def _rows(self, data: DutySheetData) -> list[tuple[Cell, ...]]:
        return [
            (str(n), line.room_code, line.location, *room_people(line),
             "" if line.lead_known else "负责人待定")
            for n, line in enumerate(data.rooms, start=1)
        ]

    def _header_texts(self, data: DutySheetData) -> tuple[str, list[str]]:
        session = data.session
        report = (f"监考员报到：{session.day} {session.report_time}　　" if session.report_time
                  else "")
        return (f"考点：{data.center_name}（{data.center_code}）",
                [f"场次：{session.label}", report + (data.draw or "考场以考前抽签结果为准")])

    def _body(self, data: DutySheetData) -> float:
        """Where the body starts below the header of ``data``'s pages."""
        return self.header_bottom(False, self.header_lines(*self._header_texts(data)))

    def _plan(self, data: DutySheetData) -> list[_Plan]:
        """Share the rooms out to pages evenly, unless filling pages first saves a page for the
        roving, inspector and reserve rows and the signature that follow (40 rooms: 25 + 15)."""
        rows = self._rows(data)
        heights = row_heights(self, COLUMNS, rows)
        room = self._body(data) - HEAD_H - LEGEND_H - self.bottom
        plans = []
        for pages in (balanced_pages(heights, room), fill_pages(heights, room)):
            plans.append(self._fill(data, [
                _Plan([rows[i] for i in page], [heights[i] for i in page], []) for page in pages
            ]))
        return min(plans, key=len)

    def _fill(self, data: DutySheetData, plans: list[_Plan]) -> list[_Plan]:
        """The pages of rooms, then the other rows and the signature where they fit."""
        body = self._body(data)
        last = plans[-1]
        y = body - (HEAD_H + sum(last.heights) + LEGEND_H if last.rooms else 0.0)
        for row in self._tail_rows(data):
            # A row longer than the space left goes on over the page as "（续）".
            label, pending = row.label, row.lines
            while pending:
                fit = int((y - self.bottom - 8) // TAIL_LINE)
                # Start on a new page rather than leave a line or two of a longer row behind.
                if fit < min(len(pending), 3) and (plans[-1].rooms or plans[-1].tail):
                    plans.append(_Plan([], [], []))
                    y = body
                    continue
                part = _TailRow(label, pending[: max(fit, 1)], row.label_h)
                plans[-1].tail.append(part)
                y -= part.height
                label, pending = f"{row.label}（续）", pending[max(fit, 1) :]
        if y - SIGN_H < self.bottom:
            plans.append(_Plan([], [], []))
        plans[-1].sign = True
        return plans

    def _tail_rows(self, data: DutySheetData) -> list[_TailRow]:
        width = (self.right - self.left) * (1 - LABEL_SHARE) - 8
        label_w = (self.right - self.left) * LABEL_SHARE
        rows = [(f"流动监考 {f.floor}", f.people) for f in data.roving] or [("流动监考", ())]
        rows += [("巡考", data.inspectors), ("备用监考", data.reserves)]
        tail = [_TailRow(label, self._wrap_people(people, width),
                         max(ROW_H, self.cell_height(label, label_w, LABEL_SIZE)))
                for label, people in rows]
        # the posts of the session, each with its own report time (as on the duty cards)
        for post in data.posts:
            when = f"{post.report_time}报到　"
            lines = self._wrap_people(post.people, width - self.fonts.string_width(
                when, TAIL_SIZE))
            tail.append(_TailRow(post.post, ((when, *lines[0]), *lines[1:]),
                                 max(ROW_H, self.cell_height(post.post, label_w, LABEL_SIZE))))
        return tail

    def _wrap_people(
        self, people: Sequence[Person], width: float
    ) -> tuple[tuple[str, ...], ...]:
        """Lines of "name（unit）、" parts, breaking between people rather than inside a name."""
        items = [(p.name, f"（{p.unit}）" if p.unit else "") for p in people] or [("—", "")]
        lines: list[tuple[str, ...]] = []
        for i, (name, unit) in enumerate(items):
            item = (name, unit + ("、" if i < len(items) - 1 else ""))
            line = (*lines[-1], *item) if lines else item
            if self.fonts.string_width("".join(line), TAIL_SIZE) <= width:
                lines[-1:] = [line]
            elif self.fonts.string_width("".join(item), TAIL_SIZE) <= width:
                lines.append(item)
            else:  # one person longer than a line: wrap it anywhere
                lines.extend((part,) for part in self.wrap("".join(item), width, TAIL_SIZE))
        return tuple(lines)

    def _page(self, data: DutySheetData, plan: _Plan) -> None:
        center, sessions = self._header_texts(data)
        y = self.header(self.title, data.exam_name, center=center, room="", sessions=sessions)
        if plan.rooms:
            y = draw_table(self, y, COLUMNS, plan.rooms, plan.heights)
            # On every page with rooms: a page read alone still says what * means.
            self.text(self.left, y - 15, LEGEND, 10)
            y -= LEGEND_H
        if plan.tail:
            y = self._tail(y, plan.tail)
        if plan.sign:
            self.text(self.right, y - 24, "主考签字：________________", 12, "right")

    def _tail(self, top: float, rows: Sequence[_TailRow]) -> float:
        """Draw the roving, inspector and reserve rows as a two-column table; return its bottom."""
        split = self.left + (self.right - self.left) * LABEL_SHARE
        ys = [top]
        for row in rows:
            ys.append(ys[-1] - row.height)
        self.grid([self.left, split, self.right], ys)
        for row, upper, lower in zip(rows, ys, ys[1:], strict=False):
            self.text_cell(self.left, split, upper, lower, row.label, LABEL_SIZE)
            baseline = (upper + lower) / 2 + (len(row.lines) - 1) * TAIL_LINE / 2 - TAIL_SIZE * 0.35
            for line in row.lines:
                draw_parts(self, split + 4, baseline, line, self.right - split - 8, TAIL_SIZE, 6)
                baseline -= TAIL_LINE
        return ys[-1]


def render_duty_sheets(
    sheets: Sequence[DutySheetData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the duty sheets of ``sheets`` (one center and session each) into one PDF.

    Args:
        sheets: the sheets, each starting on a new page.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DutySheet(sheets, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
