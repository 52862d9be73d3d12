"""抽签结果 draw result: the rooms a test center's invigilators drew on the morning of a session.

Printed right after the draw and signed by the chief examiner, a supervisor and an inspector. The
seed is printed so that anyone can replay the draw and get the same rooms. The room table drawn
here serves the duty sheet (监考安排表) too.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from examdesk.printing.common import Person
from examdesk.printing.duties import DrawResultData, RoomDutyLine
from reports.base import Align, Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = [
    "Cell",
    "CenterSheet",
    "Column",
    "DrawResultData",
    "DrawResultSheet",
    "People",
    "RoomDutyLine",
    "balanced_chunks",
    "draw_parts",
    "draw_table",
    "header_bottom",
    "render_draw_results",
    "room_people",
    "rows_per_page",
]

#: Rooms per page at most; the pages share a center's rooms evenly (30 rooms: 15 + 15).
ROWS = 25
#: Table rows: a name line and a smaller unit line beneath; the header row.
ROW_H = 23.0
HEAD_H = 20.0
T = TypeVar("T")


@dataclass(frozen=True)
class People:
    """A table cell listing people: names on one line, their units in smaller text beneath.

    Attributes:
        people: who, in order.
        lead: print ``*`` right after the first name (the room's lead).
    """

    people: tuple[Person, ...]
    lead: bool = False


#: What a table cell holds: plain text, or people with their units.
Cell = str | People


@dataclass(frozen=True)
class Column:
    """A table column: its header label and its share of the table's width."""

    label: str
    share: float
    align: Align = "center"


def balanced_chunks(items: Sequence[T], per_page: int) -> list[list[T]]:
    """Split ``items`` into as few pages of at most ``per_page`` as possible, evenly filled.

    An even split leaves the last page room for what follows the table. No items: one empty page.
    """
    pages = max(1, math.ceil(len(items) / per_page))
    size = max(1, math.ceil(len(items) / pages))
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def header_bottom(sheet: Sheet, lines: int) -> float:
    """Where :meth:`Sheet.header` ends with ``lines`` text lines and no room line.

    Pages are planned before anything is drawn (the footer needs the page total), so the header's
    height is computed here the way :meth:`Sheet.header` spends it.
    """
    return sheet.top - 14 - 40 - 12 - 20 * lines - 10


def rows_per_page(sheet: Sheet, reserve: float = 0) -> int:
    """Rooms a page holds below a three-line header, leaving ``reserve`` points free beneath."""
    fit = int((header_bottom(sheet, 3) - HEAD_H - reserve - sheet.bottom) // ROW_H)
    return max(1, min(ROWS, fit))


def room_people(line: RoomDutyLine) -> tuple[People, People]:
    """The lead's cell and the other invigilators' cell of a room.

    A room with more than two invigilators lists all but the first in the second cell.
    """
    first, rest = line.invigilators[:1], line.invigilators[1:]
    return People(first, lead=line.lead_known), People(rest)


def draw_parts(
    sheet: Sheet,
    x: float,
    y: float,
    parts: Sequence[str],
    max_width: float,
    size: float,
    min_size: float,
    align: Align = "left",
) -> float:
    """Draw ``parts`` side by side at baseline ``y`` as one text, shrunk to ``max_width``.

    Each part goes to :meth:`Sheet.text` alone, so a warning about a missing glyph names the
    person ("王𠮷"), not the whole line. Text too long even at ``min_size`` is cut by
    :meth:`Sheet.fit_text`. Returns the size used.
    """
    joined = "".join(parts)
    width = sheet.fonts.string_width(joined, size)
    if width > max_width:
        size = max(min_size, size * max_width / width)
        width = sheet.fonts.string_width(joined, size)
        if width > max_width * 1.0001:
            return sheet.fit_text(x, y, joined, max_width, size, min_size, align)
    x -= {"left": 0.0, "center": width / 2, "right": width}[align]
    for part in parts:
        x += sheet.text(x, y, part, size)
    return size


def name_parts(cell: People) -> list[str]:
    """The names of a cell as parts for :func:`draw_parts`: "王𠮷", "*", "、", "李四"."""
    parts: list[str] = []
    for i, person in enumerate(cell.people):
        parts += ["、", person.name] if i else [person.name]
        if i == 0 and cell.lead:
            parts.append("*")
    return parts


def person_cell(
    sheet: Sheet, x0: float, x1: float, top: float, bottom: float, cell: People
) -> None:
    """Draw people's names, and their units beneath in smaller text, in one table cell."""
    units = "、".join(p.unit for p in cell.people if p.unit)
    mid, width = (x0 + x1) / 2, x1 - x0 - 4
    # Without units the name is centred; with them it sits high and the units low.
    baseline = top - 11 if units else (top + bottom) / 2 - 10 * 0.35
    draw_parts(sheet, mid, baseline, name_parts(cell), width, 10, 6, "center")
    if units:
        # A long unit (24 characters are common) may shrink to 4.5 pt rather than lose words.
        sheet.fit_text(mid, bottom + 3.2, units, width, 6.5, 4.5, "center")


def draw_table(
    sheet: Sheet,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    row_h: float = ROW_H,
) -> float:
    """Rule and fill a table across the sheet's width from ``top``, header row first.

    Returns the table's bottom.
    """
    xs = [sheet.left]
    for column in columns:
        xs.append(xs[-1] + (sheet.right - sheet.left) * column.share)
    xs[-1] = sheet.right  # shares that do not add up exactly must not leave a gap
    ys = [top, *(top - HEAD_H - row_h * i for i in range(len(rows) + 1))]
    sheet.grid(xs, ys)
    for i, column in enumerate(columns):
        sheet.cell(xs[i], xs[i + 1], ys[0], ys[1], column.label, 10.5, min_size=6)
    for r, row in enumerate(rows):
        for i, (column, value) in enumerate(zip(columns, row, strict=True)):
            if isinstance(value, People):
                person_cell(sheet, xs[i], xs[i + 1], ys[r + 1], ys[r + 2], value)
            else:
                sheet.cell(xs[i], xs[i + 1], ys[r + 1], ys[r + 2], value, 10, column.align, 5)
    return ys[-1]


class CenterSheet(Sheet):
    """A sheet holding several centers' sessions, each numbered "第 x 页 / 共 y 页" on its own.

    Each center gets its own pages, so their numbers must not run on from another center's.
    Subclasses implement :meth:`groups` instead of :meth:`layout`.
    """

    def __init__(self, fonts: FontSet | None = None) -> None:
        super().__init__(fonts)
        self._numbers: list[tuple[int, int]] = []

    def groups(self) -> Iterator[list[Page]]:
        """The pages of each center's session in turn."""
        raise NotImplementedError

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        self._numbers = []
        for group in self.groups():
            self._numbers += [(n, len(group)) for n in range(1, len(group) + 1)]
            pages += group
        return pages

    def footer(self, page: int, pages: int) -> None:
        super().footer(*self._numbers[page - 1])


COLUMNS = (
    Column("考场", 0.09),
    Column("地点", 0.21),
    Column("考场负责人", 0.35),
    Column("监考员", 0.35),
)
SIGNATURES = ("主考：", "监督员：", "巡考：")
SIGN_H = 36.0


def _row(line: RoomDutyLine) -> tuple[Cell, ...]:
    if not line.lead_known:
        # The lead column must not name someone who is not the lead: everyone goes to 监考员.
        return line.room_code, line.location, "待定", People(line.invigilators)
    lead, others = room_people(line)
    # The column already says who leads: no ``*`` needed.
    return line.room_code, line.location, People(lead.people), others


class DrawResultSheet(CenterSheet):
    """The draw results of several centers and sessions in one PDF."""

    title = "抽签结果"

    def __init__(self, results: Sequence[DrawResultData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.results = tuple(results)

    def groups(self) -> Iterator[list[Page]]:
        for result in self.results:
            chunks = balanced_chunks(result.rooms, rows_per_page(self, SIGN_H))
            yield [
                partial(self._page, result, chunk, i == len(chunks) - 1)
                for i, chunk in enumerate(chunks)
            ]

    def _page(self, result: DrawResultData, rooms: Sequence[RoomDutyLine], last: bool) -> None:
        y = self.header(
            self.title,
            result.exam_name,
            center=f"考点：{result.center_name}（{result.center_code}）",
            room="",
            sessions=[
                f"场次：{result.session.label}",
                f"抽签时间：{result.drawn_at}　主持人：{result.host}　随机种子：{result.seed}",
            ],
        )
        y = draw_table(self, y, COLUMNS, [_row(line) for line in rooms])
        if last:
            # rows_per_page left SIGN_H free for them.
            step = (self.right - self.left) / len(SIGNATURES)
            for i, label in enumerate(SIGNATURES):
                self.text(self.left + i * step, y - SIGN_H + 6, label + "______________", 12)


def render_draw_results(
    results: Sequence[DrawResultData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the draw results of ``results`` (one center and session each) into one PDF.

    Args:
        results: the draws, each starting on a new page.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = DrawResultSheet(results, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
