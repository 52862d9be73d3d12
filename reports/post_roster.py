"""岗位值班表 post roster: a center's service, medical and police posts, their shifts and supplies.

Each center starts a new page. A post is one ruled block (name band, place, hours and phone,
supplies, then one row per session with the people on duty); blocks flow down the page and are
kept whole unless one alone is taller than a page. The sheet is internal, so phones are printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm

from examdesk.printing.duties import PostLine, PostRosterData, PostShift, SupplyItem
from reports.base import FIELD_GAP, Align, Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = [
    "PostLine",
    "PostRosterData",
    "PostRosterSheet",
    "PostShift",
    "SupplyItem",
    "render_post_rosters",
]

SIZE = 10.0
TITLE_SIZE = 12.0
PAD = 4.0  # space above and below a cell's text, and left and right of it
GAP = 5 * mm  # between two posts' blocks
# Sheet.header with one line below the title takes 96 pt; the rest is kept free so the first
# row never touches the header even if its spacing grows a little.
HEADER_H = 104.0
FOOT_CLEAR = 8.0  # keeps the last row off the footer, which sits just below the bottom margin
LABEL_W = 100.0  # wide enough for a session's "6月11日 14:00-16:30" at SIZE
BAND = Color(0.86, 0.86, 0.86)  # a post's name band
HEAD = Color(0.94, 0.94, 0.94)  # the shift table's column titles, lighter than the band


@dataclass(frozen=True)
class _Cell:
    x0: float
    x1: float
    lines: tuple[str, ...]
    align: Align = "left"


@dataclass(frozen=True)
class _Row:
    """One ruled row of a post's block, spanning the page width."""

    cells: tuple[_Cell, ...]
    height: float
    size: float = SIZE
    shade: Color | None = None


class PostRosterSheet(Sheet):
    """The post rosters of several test centers in one PDF, each center from a new page."""

    title = "岗位值班表"

    def __init__(self, rosters: Sequence[PostRosterData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.rosters = tuple(rosters)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        for roster in self.rosters:
            blocks = [self._block(post) for post in roster.posts]
            top = self._body_top(roster)
            for rows in self._paginate(blocks, top - self.bottom - FOOT_CLEAR):
                pages.append(partial(self._page, roster, rows))
        return pages

    @staticmethod
    def _center(roster: PostRosterData) -> str:
        return (f"考点：{roster.center_name}（代码 {roster.center_code}）{FIELD_GAP}"
                f"岗位：{len(roster.posts)} 个")

    def _body_top(self, roster: PostRosterData) -> float:
        """Where the body starts: below the header, which a long center name makes taller."""
        return min(self.header_bottom(False, self.header_lines(self._center(roster), ())),
                   self.top - HEADER_H)

    def _paginate(
        self, blocks: Sequence[Sequence[_Row]], body: float
    ) -> list[list[tuple[float, _Row]]]:
        """Place rows on pages as (distance below the body's top, row); ``body``: the height."""
        pages: list[list[tuple[float, _Row]]] = [[]]
        used = 0.0
        for block in blocks:
            gap = GAP if pages[-1] else 0.0
            height = sum(row.height for row in block)
            if pages[-1] and used + gap + height > body and height <= body:
                pages.append([])
                used = gap = 0.0
            used += gap
            # A block taller than a page flows on, breaking between its rows; the next page
            # starts with the post's band again, marked 续, so its rows keep their post.
            for row in block:
                if pages[-1] and used + row.height > body:
                    band = block[0]
                    title = replace(band.cells[0], lines=(band.cells[0].lines[0] + "（续）",))
                    pages.append([(0.0, replace(band, cells=(title,)))])
                    used = band.height
                pages[-1].append((used, row))
                used += row.height
        return pages

    def _block(self, post: PostLine) -> list[_Row]:
        left, right = self.left, self.right
        mid = left + LABEL_W
        wide = right - mid - 2 * PAD
        title = f"{post.kind}　{post.name}" if post.name else post.kind
        rows = [
            self._row([(left, right, [title], "left")], TITLE_SIZE, BAND),
            self._row([(left, mid, ["地点"], "center"),
                       (mid, right, self.wrap(post.place or "—", wide, SIZE), "left")]),
        ]
        # 时间 | hours | 电话 | phone | 每场人数 | n人: widths share the 410 pt right of the labels.
        edges = [left, mid]
        for share in (0.24, 0.12, 0.27, 0.17, 0.20):
            edges.append(edges[-1] + (right - mid) * share)
        values = ["时间", post.hours or "—", "电话", post.phone or "—", "每场人数",
                  f"{post.headcount}人"]
        rows.append(self._row([
            (edges[i], edges[i + 1], [value], "center" if i % 2 == 0 else "left")
            for i, value in enumerate(values)
        ]))
        supplies = [f"{s.item} {s.quantity} {s.unit}" for s in post.supplies]
        rows.append(self._row([(left, mid, ["物资"], "center"),
                               (mid, right, self._pack(supplies, "", wide) or ["—"], "left")]))
        rows.append(self._row([(left, mid, ["场次"], "center"),
                               (mid, right, ["值班人员"], "center")], shade=HEAD))
        for shift in post.shifts:
            # the post's own report time (examdesk/planning/post_hours.py), as on the cards
            when = [shift.session.when] + (
                [f"{shift.session.report_time} 报到"] if shift.session.report_time else [])
            rows.append(self._row([(left, mid, when, "center"),
                                   (mid, right, self._people(shift, post.headcount), "left")]))
        if not post.shifts:
            rows.append(self._row([(left, mid, ["—"], "center"), (mid, right, ["未排班"], "left")]))
        return rows

    def _people(self, shift: PostShift, headcount: int) -> list[str]:
        """Names with phones, then "缺 N人" when fewer people are on duty than needed."""
        people = [f"{p.name} {p.phone}".strip() for p in shift.people]
        short = headcount - len(people)
        tail = f"（缺 {short}人）" if short > 0 else ""
        return self._pack(people, tail, self.right - self.left - LABEL_W - 2 * PAD) or ["—"]

    def _pack(self, items: Sequence[str], tail: str, width: float) -> list[str]:
        """Join ``items`` with "、" into lines, breaking between items (inside one only if it
        is wider than a line) so a name stays beside its phone and a quantity beside its unit."""
        pieces = [f"{item}、" for item in items[:-1]] + list(items[-1:])
        if tail:
            pieces.append(tail)
        lines: list[str] = []
        for piece in pieces:
            if lines and self.fonts.string_width(lines[-1] + piece, SIZE) <= width:
                lines[-1] += piece
            else:
                lines.extend(self.wrap(piece, width, SIZE))
        return lines

    def _row(
        self, cells: Sequence[tuple[float, float, Sequence[str], Align]], size: float = SIZE,
        shade: Color | None = None,
    ) -> _Row:
        built = tuple(_Cell(x0, x1, tuple(lines), align) for x0, x1, lines, align in cells)
        most = max(len(cell.lines) for cell in built)
        height = max(20.0, most * size * 1.3 + 2 * PAD)
        return _Row(built, height, size, shade)

    def _page(self, roster: PostRosterData, rows: Sequence[tuple[float, _Row]]) -> None:
        self.header(self.title, roster.exam_name, center=self._center(roster), room="",
                    sessions=())
        top = self._body_top(roster)
        if not roster.posts:
            self.text(self.left, top - 20, "本考点未设服务保障岗位。", 12)
        for offset, row in rows:
            self._draw_row(top - offset, row)

    def _draw_row(self, top: float, row: _Row) -> None:
        canvas = self.canvas
        bottom = top - row.height
        if row.shade is not None:
            canvas.setFillColor(row.shade)
        canvas.rect(self.left, bottom, self.right - self.left, row.height, stroke=1,
                    fill=int(row.shade is not None))
        canvas.setFillColor(black)
        lead = row.size * 1.3
        for cell in row.cells:
            if cell.x0 > self.left + 0.5:
                canvas.line(cell.x0, top, cell.x0, bottom)
            # The lines are centred as a group, the way Sheet.cell centres a single line.
            first = (top + bottom) / 2 - row.size * 0.35 + (len(cell.lines) - 1) * lead / 2
            x = {"left": cell.x0 + PAD, "center": (cell.x0 + cell.x1) / 2,
                 "right": cell.x1 - PAD}[cell.align]
            for i, line in enumerate(cell.lines):
                self.fit_text(x, first - i * lead, line, cell.x1 - cell.x0 - 2 * PAD, row.size,
                              row.size * 0.6, cell.align)


def render_post_rosters(
    rosters: Sequence[PostRosterData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render the post rosters of ``rosters`` into one PDF, each center from a new page.

    Args:
        rosters: one roster per test center.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = PostRosterSheet(rosters, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
