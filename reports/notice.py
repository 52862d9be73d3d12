"""考生须知 candidate notice: one test center's notice on A4, to post at its gate.

The exam's name and the title on top, then the notice's sections (examdesk/printing/notice.py)
as headings and wrapped paragraphs; a notice longer than a page continues on the next, each
center from a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from examdesk.printing.notice import NoticeData, notice_sections
from reports.base import Page, Sheet
from reports.fonts import FontSet

__all__ = ["NoticeSheet"]

HEADING, BODY = 14.0, 12.0
HEADING_GAP, BODY_LEAD, SECTION_GAP = 24.0, BODY * 1.6, 8.0
INDENT = 2 * BODY

_Line = tuple[str, float, float]  # text, size, x offset


class NoticeSheet(Sheet):
    """The notices of several test centers in one PDF."""

    title = "考生须知"

    def __init__(self, notices: Sequence[NoticeData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.notices = tuple(notices)

    def layout(self) -> list[Page]:
        pages: list[Page] = []
        for notice in self.notices:
            chunks = self._paginate(notice)
            pages += [partial(self._page, notice, chunk, first=not n)
                      for n, chunk in enumerate(chunks)]
        return pages

    def _lines(self, notice: NoticeData) -> list[tuple[_Line, float]]:
        """Every line with the space above it."""
        span = self.right - self.left
        lines: list[tuple[_Line, float]] = []
        for heading, paragraphs in notice_sections(notice):
            lines.append(((heading, HEADING, 0.0), HEADING_GAP + (SECTION_GAP if lines else 0)))
            for paragraph in paragraphs:
                # a block indented under its heading, so that each paragraph stands apart
                wrapped = self.wrap(paragraph, span - INDENT, BODY)
                lines += [((text, BODY, INDENT), BODY_LEAD) for text in wrapped]
        return lines

    def _top(self, first: bool) -> float:
        return self.header_bottom(False, []) - 24 if first else self.top - 20

    def _paginate(self, notice: NoticeData) -> list[list[tuple[_Line, float]]]:
        chunks: list[list[tuple[_Line, float]]] = [[]]
        room = self._top(True) - self.bottom - 10
        for line, above in self._lines(notice):
            if chunks[-1] and above > room:
                chunks.append([])
                room = self._top(False) - self.bottom - 10
            chunks[-1].append((line, above))
            room -= above
        return chunks

    def _page(self, notice: NoticeData, chunk: Sequence[tuple[_Line, float]], *,
              first: bool) -> None:
        if first:
            y = self.header(f"{self.title}", notice.exam_name, "", "", ())
            mid = (self.left + self.right) / 2
            self.fit_text(mid, y - 8, f"{notice.center_name}（考点代码 {notice.center_code}）",
                          self.right - self.left, 16, 10, "center")
            y -= 24
        else:
            y = self.top - 20
        for (text, size, offset), above in chunk:
            y -= above
            self.text(self.left + offset, y, text, size)
