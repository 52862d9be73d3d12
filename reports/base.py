"""The base of every printed sheet: page size, margins, fonts, text helpers, header and footer.

Sheets draw with the reportlab canvas API (3.6x faster than platypus, see perf notes). A sheet
lays out its pages first, as a list of drawing functions, so the footer knows the page total.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, Literal

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from examdesk.i18n import translate
from reports.fonts import FontSet, load_fonts, missing_glyph_warning

Align = Literal["left", "center", "right"]
Page = Callable[[], None]

ELLIPSIS = "…"


class Sheet:
    """A printed sheet: subclasses implement :meth:`layout`; :meth:`render` returns the PDF.

    Attributes:
        pagesize: width and height in points (A4 portrait by default).
        margins_mm: top, right, bottom, left margins in millimetres.
        fonts: the main font and its fallbacks.
        warnings: plain messages about text that could not be printed as given.
    """

    pagesize: tuple[float, float] = A4
    margins_mm: tuple[float, float, float, float] = (15, 15, 15, 15)
    title: str = ""

    def __init__(self, fonts: FontSet | None = None) -> None:
        self.fonts = fonts or load_fonts()
        self.warnings: list[str] = []
        self._canvas: Any = None

    # Geometry, in points.
    @property
    def width(self) -> float:
        return float(self.pagesize[0])

    @property
    def height(self) -> float:
        return float(self.pagesize[1])

    @property
    def left(self) -> float:
        return float(self.margins_mm[3] * mm)

    @property
    def right(self) -> float:
        return float(self.width - self.margins_mm[1] * mm)

    @property
    def top(self) -> float:
        return float(self.height - self.margins_mm[0] * mm)

    @property
    def bottom(self) -> float:
        return float(self.margins_mm[2] * mm)

    @property
    def canvas(self) -> Any:
        """The reportlab canvas, while :meth:`render` runs."""
        if self._canvas is None:
            raise RuntimeError("the canvas exists only while the sheet renders")
        return self._canvas

    def layout(self) -> list[Page]:
        """One function per page that draws it (footer excluded); subclasses implement it."""
        raise NotImplementedError

    def render(self) -> bytes:
        """Draw every page, numbered "第 x 页 / 共 y 页", and return the PDF."""
        buffer = io.BytesIO()
        self._canvas = Canvas(
            buffer,
            pagesize=self.pagesize,
            pageCompression=1,
            invariant=1,
            initialFontName=self.fonts.main,
        )
        self._canvas.setTitle(self.title)
        try:
            pages = self.layout()
            for number, draw in enumerate(pages, start=1):
                self._canvas.setFillColor(black)
                self._canvas.setStrokeColor(black)
                draw()
                self.footer(number, len(pages))
                self._canvas.showPage()
            self._canvas.save()
        finally:
            self._canvas = None
        return buffer.getvalue()

    def warn(self, message: str) -> None:
        """Record ``message`` once."""
        if message not in self.warnings:
            self.warnings.append(message)

    def text(
        self, x: float, y: float, s: str, size: float, align: Align = "left", word_space: float = 0
    ) -> float:
        """Draw ``s`` at baseline ``y``, each character in a font that has it.

        Returns the width drawn. Characters no font has are drawn as the main font's blank box
        and reported in :attr:`warnings`.
        """
        for char in self.fonts.missing_glyphs(s):
            self.warn(missing_glyph_warning(s, char))
        width = self.fonts.string_width(s, size) + word_space * s.count(" ")
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        obj = self.canvas.beginText(x, y)
        obj.setWordSpace(word_space)
        for name, run in self.fonts.runs(s):
            obj.setFont(name, size)
            obj.textOut(run)
        self.canvas.drawText(obj)
        return width

    def fit_text(
        self,
        x: float,
        y: float,
        s: str,
        max_width: float,
        size: float,
        min_size: float,
        align: Align = "left",
    ) -> float:
        """Draw ``s`` within ``max_width``: shrink down to ``min_size``, then cut with "…".

        Cutting loses text, so it is recorded in :attr:`warnings`. Returns the size used.
        """
        width = self.fonts.string_width(s, size)
        if width > max_width:
            size = max(min_size, size * max_width / width)
            if self.fonts.string_width(s, size) > max_width:
                cut = s
                while cut and self.fonts.string_width(cut + ELLIPSIS, size) > max_width:
                    cut = cut[:-1]
                self.warn(
                    translate("Reports", "{text}: too long, printed as {cut}").format(
                        text=s, cut=cut + ELLIPSIS
                    )
                )
                s = cut + ELLIPSIS
        self.text(x, y, s, size, align)
        return size

    def header(
        self, title: str, exam_name: str, center: str, room: str, sessions: Sequence[str]
    ) -> float:
        """Draw exam name, sheet title, room, test center and session lines from the top.

        Returns the y below the header, where the body starts.
        """
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        y = self.top - 14
        self.fit_text(mid, y, exam_name, span, 14, 9, "center")
        y -= 40
        self.fit_text(mid, y, title, span, 32, 16, "center")
        if room:
            y -= 52
            self.fit_text(mid, y, room, span, 40, 20, "center")
        y -= 12
        for line in (center, *sessions):
            if line:
                y -= 20
                self.fit_text(self.left, y, line, span, 13, 8)
        return y - 10

    def footer(self, page: int, pages: int) -> None:
        """Draw "第 x 页 / 共 y 页" centred below the bottom margin line."""
        # Wider spaces: with plain ones pdftotext and readers' search join "第 1 页" into "第1页".
        label = f"第 {page} 页 / 共 {pages} 页"
        self.text((self.left + self.right) / 2, self.bottom - 4 * mm, label, 9, "center", 3)
