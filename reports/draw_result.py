"""抽签结果 draw result: the rooms a test center's invigilators drew on the morning of a session.

Printed right after the draw and signed by the chief examiner, a supervisor and an inspector. The
seed is printed so that anyone can replay the draw and get the same rooms. The room table drawn
here serves the duty sheet (监考安排表) too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from examdesk.printing.common import Person
from examdesk.printing.duties import DrawResultData, RoomDutyLine
from reports.base import PAD, VPAD, Align, Document, Sheet
from reports.fonts import FontSet, load_fonts
from reports.textfit import Fit

__all__ = [
    "Cell",
    "Column",
    "DrawResultData",
    "DrawResultSheet",
    "People",
    "RoomDutyLine",
    "balanced_pages",
    "draw_parts",
    "draw_table",
    "fill_pages",
    "render_draw_results",
    "room_people",
    "row_heights",
]

#: Rooms per page at most; the pages share a center's rooms evenly (30 rooms: 15 + 15).
ROWS = 25
#: Table rows: a name line and a smaller unit line beneath, taller where a name or location
#: wraps; the header row.
ROW_H = 23.0
HEAD_H = 20.0
SIZE = 10.0
#: The units under the names, and the height their line takes.
UNIT_SIZE = 6.5
UNIT_LINE = 8.0


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


def fill_pages(heights: Sequence[float], cap: float, most: int = ROWS) -> list[list[int]]:
    """Row indices page by page, each page filled up to ``cap`` and ``most`` rows."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, height in enumerate(heights):
        if pages[-1] and (used + height > cap or len(pages[-1]) == most):
            pages.append([])
            used = 0.0
        pages[-1].append(i)
        used += height
    return pages


def balanced_pages(heights: Sequence[float], room: float, most: int = ROWS) -> list[list[int]]:
    """Rows of these ``heights`` in as few pages of ``room`` points (and ``most`` rows) as they
    need, filled as evenly as that allows: the last page keeps room for what follows the table.

    Returns each page's row indices; no rows: one empty page.
    """
    fewest = len(fill_pages(heights, room, most))
    low, high = max(heights, default=0.0), room
    for _ in range(24):  # the smallest page height that needs no more pages, to 1/16M
        mid = (low + high) / 2
        if len(fill_pages(heights, mid, most)) <= fewest:
            high = mid
        else:
            low = mid
    return fill_pages(heights, high, most)


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
    """Draw ``parts`` side by side at baseline ``y`` as one text, shrunk to ``max_width``
    (:meth:`Sheet.fit_text`).

    Each part is checked alone, so a warning about a missing glyph names the person ("王𠮷"),
    not the whole line. Returns the size used.
    """
    return sheet.fit_text(x, y, "".join(parts), max_width, size, min_size, align, parts)


def name_parts(cell: People) -> list[str]:
    """The names of a cell as parts: "王𠮷", "*", "、", "李四"."""
    parts: list[str] = []
    for i, person in enumerate(cell.people):
        parts += ["、", person.name] if i else [person.name]
        if i == 0 and cell.lead:
            parts.append("*")
    return parts


def _people_fit(sheet: Sheet, width: float, cell: People) -> tuple[Fit, str]:
    """The names of ``cell`` set in a cell ``width`` wide (they wrap, the row grows), and
    their units."""
    units = "、".join(p.unit for p in cell.people if p.unit)
    return sheet.fit("".join(name_parts(cell)), width - 2 * PAD, SIZE), units


def person_cell(
    sheet: Sheet, x0: float, x1: float, top: float, bottom: float, cell: People
) -> None:
    """Draw people's names, and their units beneath in smaller text, in one table cell."""
    names, units = _people_fit(sheet, x1 - x0, cell)
    mid, width = (x0 + x1) / 2, x1 - x0 - 2 * PAD
    # The names and the units line as one block, centred in the cell.
    block_top = (top + bottom + names.height + (UNIT_LINE if units else 0)) / 2
    sheet.draw_fit(names, mid, block_top - names.size * 0.88, "center",
                   parts=[p.name for p in cell.people])
    if units:
        # A long unit (24 characters are common) may shrink to 4.5 pt rather than lose words.
        sheet.fit_text(mid, block_top - names.height - UNIT_LINE + 1.5, units, width, UNIT_SIZE,
                       4.5, "center")


def _edges(sheet: Sheet, columns: Sequence[Column]) -> list[float]:
    xs = [sheet.left]
    for column in columns:
        xs.append(xs[-1] + (sheet.right - sheet.left) * column.share)
    xs[-1] = sheet.right  # shares that do not add up exactly must not leave a gap
    return xs


def row_heights(
    sheet: Sheet, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]
) -> list[float]:
    """Each row's height: :data:`ROW_H`, or more where a name or a location wraps."""
    xs = _edges(sheet, columns)
    heights = []
    for row in rows:
        height = ROW_H
        for i, value in enumerate(row):
            width = xs[i + 1] - xs[i]
            if isinstance(value, People):
                names, units = _people_fit(sheet, width, value)
                height = max(height, names.height + (UNIT_LINE if units else 0) + 2 * VPAD + 2)
            elif value:
                height = max(height, sheet.cell_height(value, width, SIZE))
        heights.append(height)
    return heights


def draw_table(
    sheet: Sheet,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    heights: Sequence[float] | None = None,
) -> float:
    """Rule and fill a table across the sheet's width from ``top``, header row first.

    ``heights`` are the rows' (:func:`row_heights`, computed if not given). Returns the
    table's bottom.
    """
    xs = _edges(sheet, columns)
    ys = [top, top - HEAD_H]
    for height in heights if heights is not None else row_heights(sheet, columns, rows):
        ys.append(ys[-1] - height)
    sheet.grid(xs, ys)
    for i, column in enumerate(columns):
        sheet.cell(xs[i], xs[i + 1], ys[0], ys[1], column.label, 10.5, min_size=6)
    for r, row in enumerate(rows):
        for i, (column, value) in enumerate(zip(columns, row, strict=True)):
            if isinstance(value, People):
                person_cell(sheet, xs[i], xs[i + 1], ys[r + 1], ys[r + 2], value)
            elif value:
                sheet.text_cell(xs[i], xs[i + 1], ys[r + 1], ys[r + 2], value, SIZE,
                                align=column.align)
    return ys[-1]


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


class DrawResultSheet(Sheet):
    """The draw results of several centers and sessions in one PDF, each numbered on its own."""

    title = "抽签结果"

    def __init__(self, results: Sequence[DrawResultData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.results = tuple(results)

    def documents(self) -> list[Document]:
        return [self._document(result) for result in self.results]

    def _document(self, result: DrawResultData) -> Document:
        """One center's draw of one session: its pages, numbered on their own."""
        center, sessions = self._header_texts(result)
        top = self.header_bottom(False, self.header_lines(center, sessions))
        rows = [_row(line) for line in result.rooms]
        heights = row_heights(self, COLUMNS, rows)
        # Every page keeps SIGN_H free, so the signatures fit below the last one's table.
        pages = balanced_pages(heights, top - HEAD_H - SIGN_H - self.bottom)
        return Document(tuple(
            partial(self._page, result, [rows[i] for i in page], [heights[i] for i in page],
                    n == len(pages) - 1)
            for n, page in enumerate(pages)
        ), session=result.session)

    @staticmethod
    def _header_texts(result: DrawResultData) -> tuple[str, list[str]]:
        return (
            f"考点：{result.center_name}（{result.center_code}）",
            [f"场次：{result.session.label}",
             f"抽签时间：{result.drawn_at}　主持人：{result.host}　随机种子：{result.seed}"],
        )

    def _page(self, result: DrawResultData, rows: Sequence[Sequence[Cell]],
              heights: Sequence[float], last: bool) -> None:
        center, sessions = self._header_texts(result)
        y = self.header(self.title, result.exam_name, center=center, room="", sessions=sessions)
        y = draw_table(self, y, COLUMNS, rows, heights)
        if last:
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
