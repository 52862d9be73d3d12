"""考场资料袋封面 envelope cover: the first page of each room's envelope in the pack.

It is the envelope's label: cut out along the dashed frame and stuck on the envelope, it says
whose envelope it is (exam, center, room, location, level, sessions) and what goes in it, with
each document's pages, so that the envelope can be checked when it is packed and when it comes
back. The room number is large: envelopes are sorted by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import black, gray
from reportlab.lib.units import mm

from examdesk.printing.common import PrintedSession
from examdesk.printing.rooms import RoomSheets
from reports.base import Page, Sheet
from reports.fonts import FontSet

__all__ = ["CoverSheet", "Enclosure"]

ROW_H: float = 7.5 * mm
#: Contents table: (label, width in mm); the session column takes what is left.
COLUMNS: tuple[tuple[str, float], ...] = (("序号", 14), ("材料", 44), ("场次", 0), ("页数", 18))


@dataclass(frozen=True)
class Enclosure:
    """One document in the envelope: the sheet's title, its session if one, its pages."""

    title: str
    session: PrintedSession | None
    pages: int


class CoverSheet(Sheet):
    """The cover of one room's envelope: a label listing the envelope's documents.

    Args:
        room: the room.
        contents: the documents that follow in the envelope, in order.
        sessions: the sessions printed (a pack of one session lists only that one).
        fonts: the fonts; ``None`` loads the default ones.
    """

    title = "考场资料袋"

    def __init__(
        self,
        room: RoomSheets,
        contents: Sequence[Enclosure],
        sessions: Sequence[PrintedSession],
        fonts: FontSet | None = None,
    ) -> None:
        super().__init__(fonts)
        self.room = room
        self.contents = tuple(contents)
        self.sessions = tuple(sessions)

    @property
    def pages(self) -> int:
        """Pages in the envelope, the cover and blank backs not counted."""
        return sum(item.pages for item in self.contents)

    @property
    def sheets(self) -> int:
        """Sheets of paper in the envelope printed two-sided, each document from a front page."""
        return sum((item.pages + 1) // 2 for item in self.contents)

    def layout(self) -> list[Page]:
        return [self.about_page(self._page, room=self.room.room_code)]

    def footer(self, page: int, pages: int) -> None:
        """None: a label needs no page number."""

    def _page(self) -> None:
        room = self.room
        left, right = self.left, self.right
        mid = (left + right) / 2
        span = right - left - 16
        y = self.top - 8
        x = left + 8
        y -= 14
        self.fit_text(mid, y, room.exam_name, span, 13, 9, "center")
        y -= 30
        self.text(mid, y, self.title, 24, "center")
        y -= 46
        self.fit_text(mid, y, f"第 {room.room_code} 考场", span, 40, 20, "center")
        y -= 12
        lines = [f"考点：{room.center_code} {room.center_name}", f"地点：{room.location}",
                 f"级别：{room.level}"]
        lines += [f"场次：{s.label}" for s in self.sessions]
        for line in lines:
            # a long center name or location takes lines, never cut (docs/printing.md)
            y = self.draw_fit(self.fit(line, span, 12), x, y - 18)
        y = self._contents(x, right - 8, y - 12)
        y -= 16
        self.fit_text(x, y, f"合计：{len(self.contents)} 份材料，共 {self.pages} 页，双面打印 "
                            f"{self.sheets} 张纸（不含本封面）", span, 12, 8)
        y -= 15
        self.fit_text(x, y, "双面打印：每份材料从正面开始，空白背面印有“本页空白”。", span, 9, 7)
        bottom = y - 10
        # The label's edge, to cut along.
        canvas = self.canvas
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.5)
        canvas.rect(left, bottom, right - left, self.top - bottom)
        canvas.setDash()
        canvas.setFillColor(gray)
        self.text(mid, bottom - 14, "沿虚线剪下，贴于考场资料袋正面", 9, "center")
        canvas.setFillColor(black)

    def _contents(self, x0: float, x1: float, top: float) -> float:
        """The table of the envelope's documents from ``top``; returns its bottom."""
        fixed = sum(width for _, width in COLUMNS) * mm
        xs = [x0]
        for _, width in COLUMNS:
            xs.append(xs[-1] + (width * mm if width else x1 - x0 - fixed))
        rows = [[label for label, _ in COLUMNS]]
        rows += [[str(i), item.title, item.session.when if item.session else "—", str(item.pages)]
                 for i, item in enumerate(self.contents, start=1)]
        ys = [top - ROW_H * i for i in range(len(rows) + 1)]
        self.canvas.setLineWidth(0.6)
        self.grid(xs, ys)
        for row, values in enumerate(rows):
            for i, value in enumerate(values):
                self.cell(xs[i], xs[i + 1], ys[row], ys[row + 1], value, 11,
                          "left" if i == 2 and row else "center")
        return ys[-1]
