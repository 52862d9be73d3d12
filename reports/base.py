"""The base of every printed sheet: page size, margins, fonts, text helpers, header and footer.

Sheets draw with the reportlab canvas API (3.6x faster than platypus: docs/performance.md,
"PDF sheets"). A sheet lays out its documents first, each a list of drawing functions, so the
footer knows the page total: a document (one room's sign-in sheet of one session, say) is
numbered on its own.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from examdesk.i18n import translate
from examdesk.printing.common import PrintedSession
from examdesk.printing.rooms import RoomSession, RoomSheets
from reports.fonts import FontSet, fallback_glyph_warning, load_fonts, missing_glyph_warning
from reports.textfit import FORM_FLOOR, LEADING, Fit, fit, text_height, wrap

Align = Literal["left", "center", "right"]
Page = Callable[[], None]

# Space kept above and below a fitted text inside its cell, and beside it.
VPAD = 1.5
PAD = 2.0
# What separates two fields on one line ("考点：…　　地点：…").
FIELD_GAP = "　　"

# A photo appears on several sheets: decode each once per process (the PDF embeds it once).
_images: dict[bytes, ImageReader] = {}
_IMAGE_CACHE = 128
# What a page left blank for two-sided printing says (small, centred).
BLANK_PAGE = "本页空白"


@dataclass(frozen=True)
class Document:
    """Pages numbered on their own: "第 x 页 / 共 y 页" counts within the document.

    Attributes:
        pages: one function per page that draws it (footer excluded).
        room: the room it is for, if one (named in warnings).
        session: the session it is for, if one (named in warnings and on the envelope's cover).
    """

    pages: tuple[Page, ...]
    room: str = ""
    session: PrintedSession | None = None


class Sheet:
    """A printed sheet: subclasses implement :meth:`layout`; :meth:`render` returns the PDF.

    Attributes:
        pagesize: width and height in points (A4 portrait by default).
        margins_mm: top, right, bottom, left margins in millimetres.
        fonts: the main font and its fallbacks.
        warnings: plain messages about text that could not be printed as given.
        problems: those of the warnings that name a character no font could draw.
        duplex: set for two-sided printing (the pack): every document starts on a front page
            (one with an odd page count is followed by a blank page marked 本页空白) and every
            page is portrait (a landscape page is drawn turned a quarter on a portrait one), so
            that no document is printed on the back of another and backs are not upside down.
    """

    pagesize: tuple[float, float] = A4
    margins_mm: tuple[float, float, float, float] = (15, 15, 15, 15)
    title: str = ""

    def __init__(self, fonts: FontSet | None = None) -> None:
        self.fonts = fonts or load_fonts()
        self.warnings: list[str] = []
        self.problems: list[str] = []
        self.duplex = False
        self.page_count = 0
        self._canvas: Any = None
        self._documents: list[Document] | None = None
        self._about: dict[str, str] = {}

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
        """One function per page that draws it (footer excluded), all one document.

        Subclasses implement this, or :meth:`documents` when their pages form several.
        """
        raise NotImplementedError

    def documents(self) -> list[Document]:
        """The sheet's documents in order, each numbered on its own; default: one."""
        return [Document(tuple(self.layout()))]

    def prepared(self) -> list[Document]:
        """:meth:`documents`, laid out once (a cover counts their pages before they are drawn)."""
        if self._documents is None:
            self._documents = self.documents()
        return self._documents

    def page_size_of(self, index: int) -> tuple[float, float] | None:
        """The size of page ``index`` (0-based, in the sheet), if not :attr:`pagesize`."""
        return None

    def render(self) -> bytes:
        """Draw every page, numbered "第 x 页 / 共 y 页", and return the PDF."""
        return render_sheets([self])

    def draw_on(self, canvas: Any) -> None:
        """Draw this sheet's pages onto ``canvas``, each document numbered on its own."""
        self._canvas = canvas
        default = self.pagesize
        index = 0
        self.page_count = 0
        try:
            for document in self.prepared():
                session = document.session.code if document.session else ""
                with self.about(room=document.room, session=session):
                    for number, draw in enumerate(document.pages, start=1):
                        self._begin_page(self.page_size_of(index) or default)
                        draw()
                        self.footer(number, len(document.pages))
                        canvas.showPage()
                        index += 1
                self.page_count += len(document.pages)
                if self.duplex and len(document.pages) % 2:
                    self._begin_page(default)
                    self.blank()
                    canvas.showPage()
                    self.page_count += 1
        finally:
            self.pagesize = default
            self._canvas = None

    def _begin_page(self, size: tuple[float, float]) -> None:
        """Start a page of ``size``: turned onto a portrait page when landscape and duplex."""
        canvas = self.canvas
        self.pagesize = size
        width, height = size
        if self.duplex and width > height:
            # The content's top at the page's left edge, as landscape pages of a book are.
            canvas.setPageSize((height, width))
            canvas.translate(height, 0)
            canvas.rotate(90)
        else:
            canvas.setPageSize(size)
        canvas.setFillColor(black)
        canvas.setStrokeColor(black)
        canvas.setLineWidth(0.6)

    def blank(self) -> None:
        """The back of a document's last sheet: says it is blank on purpose."""
        self.text(self.width / 2, self.height / 2, BLANK_PAGE, 9, "center")

    @contextmanager
    def about(
        self, *, room: str = "", session: str = "", seat: int | None = None, ticket: str = ""
    ) -> Iterator[None]:
        """Say what the drawing inside the block shows, for the warnings it may give.

        A character that cannot be drawn is then reported with its sheet, room, session, seat
        and ticket, so that a clerk can find and check the very page.
        """
        saved = self._about
        given = {"room": room, "session": session, "ticket": ticket,
                 "seat": f"{seat:02d}" if seat is not None else ""}
        self._about = {**saved, **{key: value for key, value in given.items() if value}}
        try:
            yield
        finally:
            self._about = saved

    def about_page(self, draw: Page, *, room: str) -> Page:
        """The page ``draw``, drawn :meth:`about` ``room`` (for sheets of many rooms)."""

        def page() -> None:
            with self.about(room=room):
                draw()

        return page

    def where(self) -> str:
        """The sheet and what is being drawn, e.g. ``考生签到表, room 001, seat 03, ...``."""
        labels = {
            "room": translate("Reports", "room {value}"),
            "session": translate("Reports", "session {value}"),
            "seat": translate("Reports", "seat {value}"),
            "ticket": translate("Reports", "ticket {value}"),
        }
        parts = [self.title] if self.title else []
        parts += [labels[key].format(value=self._about[key]) for key in labels
                  if key in self._about]
        return translate("Reports", ", ").join(parts)

    def photo(self, x: float, y: float, w: float, h: float, data: bytes | None) -> None:
        """Draw a JPEG photo fitted into the box (x, y) .. (x + w, y + h), framed.

        Without a photo the frame holds the word 照片, where one is glued on by hand.
        """
        self.canvas.rect(x, y, w, h)
        if data:
            reader = _images.get(data)
            if reader is None:
                if len(_images) >= _IMAGE_CACHE:  # a room's photos; keep memory flat
                    _images.clear()
                reader = _images[data] = ImageReader(io.BytesIO(data))
            self.canvas.drawImage(reader, x + 1, y + 1, w - 2, h - 2,
                                  preserveAspectRatio=True, anchor="c")
        else:
            size = min(9.0, w / 3)
            self.text(x + w / 2, y + h / 2 - size * 0.35, "照片", size, "center")

    def grid(self, xs: Sequence[float], ys: Sequence[float]) -> None:
        """Rule a table: vertical lines at ``xs`` and horizontal lines at ``ys``."""
        for x in xs:
            self.canvas.line(x, ys[0], x, ys[-1])
        for y in ys:
            self.canvas.line(xs[0], y, xs[-1], y)

    def cell(
        self,
        x0: float,
        x1: float,
        top: float,
        bottom: float,
        s: str,
        size: float,
        align: Align = "center",
        min_size: float | None = None,
    ) -> float:
        """Draw a short text (a label, a number) on one line in the cell (x0..x1, bottom..top),
        vertically centred, shrunk to fit down to ``min_size`` (half ``size`` by default).

        It is :meth:`text_cell` on one line: past ``min_size`` the rule of
        :mod:`reports.textfit` applies, with its warning. Returns the size used.
        """
        floor = min_size if min_size is not None else size * 0.5
        return self.text_cell(x0, x1, top, bottom, s, size, floor, align, lines=1).size

    def warn(self, message: str) -> None:
        """Record ``message`` once."""
        if message not in self.warnings:
            self.warnings.append(message)

    def located(self, message: str) -> str:
        """``message`` after :meth:`where` it is, so that a clerk can find the very page."""
        return translate("Reports", "{where}: {message}").format(where=self.where(),
                                                                 message=message)

    def problem(self, message: str) -> None:
        """Record ``message`` once, as a warning that something could not be printed."""
        if message not in self.problems:
            self.problems.append(message)
        self.warn(message)

    def check_glyphs(self, s: str) -> None:
        """Report each character of ``s`` that no font has (a problem), and each drawn in a
        fallback font (a warning), naming ``s`` and where on the sheet it is."""
        split = self.fonts.split(s)
        for char in split.missing:
            self.problem(self.located(missing_glyph_warning(s, char)))
        for char, font in split.fallen_back:
            self.warn(self.located(fallback_glyph_warning(s, char, font)))

    def fit(
        self, s: str, width: float, size: float, floor: float = FORM_FLOOR,
        height: float = math.inf, lines: int = 2,
    ) -> Fit:
        """Set a name or location ``s`` in a box, by the rule of :mod:`reports.textfit`.

        ``height`` is infinite where the row grows to hold the text. Nothing is drawn.
        """
        return fit(self.fonts, s, width, size, floor, height, lines)

    def draw_fit(
        self, fitted: Fit, x: float, y: float, align: Align = "left",
        parts: Sequence[str] | None = None,
    ) -> float:
        """Draw ``fitted``'s lines, the first on baseline ``y``; return the last baseline.

        A missing character is reported naming the whole text (or the one of ``parts`` it is
        in: the names of a list), not the line it falls on; a text set below its floor or cut
        is reported too.
        """
        for part in parts if parts is not None else (fitted.text,):
            self.check_glyphs(part)
        if fitted.cut:
            self.warn(self.located(translate(
                "Reports", "{text}: too long, printed as {cut}").format(
                text=fitted.text, cut=(" " if " " in fitted.text else "").join(fitted.lines))))
        elif fitted.small:
            self.warn(self.located(translate(
                "Reports", "{text}: too long for its box, printed at {size} pt instead of "
                           "{floor} pt").format(text=fitted.text, size=f"{fitted.size:.1f}",
                                                floor=f"{fitted.floor:g}")))
        for line in fitted.lines:
            self.text(x, y, line, fitted.size, align, check=False)
            y -= fitted.size * LEADING
        return y + fitted.size * LEADING

    @staticmethod
    def centred(fitted: Fit, middle: float) -> float:
        """The first baseline that centres ``fitted``'s lines on ``middle``."""
        return middle + (len(fitted.lines) - 1) * fitted.size * LEADING / 2 - fitted.size * 0.35

    def text_cell(
        self, x0: float, x1: float, top: float, bottom: float, s: str, size: float,
        floor: float = FORM_FLOOR, align: Align = "center", lines: int = 2,
    ) -> Fit:
        """Fit a name or location into the cell (x0..x1, bottom..top) and draw it centred.

        A text too big for the cell even at ``floor`` is printed smaller, with a warning: give
        the cell :meth:`cell_height` where the row can grow. Returns the fit drawn.
        """
        fitted = self.fit(s, x1 - x0 - 2 * PAD, size, floor, top - bottom - 2 * VPAD, lines)
        x = {"left": x0 + PAD, "center": (x0 + x1) / 2, "right": x1 - PAD}[align]
        self.draw_fit(fitted, x, self.centred(fitted, (top + bottom) / 2), align)
        return fitted

    def cell_height(
        self, s: str, width: float, size: float, floor: float = FORM_FLOOR, lines: int = 2
    ) -> float:
        """The height a cell ``width`` wide needs to hold ``s`` by the rule (padding included)."""
        return self.fit(s, width - 2 * PAD, size, floor, math.inf, lines).height + 2 * VPAD

    def text(
        self, x: float, y: float, s: str, size: float, align: Align = "left", word_space: float = 0,
        check: bool = True,
    ) -> float:
        """Draw ``s`` at baseline ``y``, each character in a font that has it.

        Returns the width drawn. Characters no font has are drawn as the main font's blank box
        and reported in :attr:`problems`; those drawn in a fallback font, in :attr:`warnings`
        (unless ``check`` is false: the caller reported them for the whole text, of which ``s``
        is a line).
        """
        if check:
            self.check_glyphs(s)
        split = self.fonts.split(s)
        width = self.fonts.string_width(s, size) + word_space * s.count(" ")
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        obj = self.canvas.beginText(x, y)
        obj.setWordSpace(word_space)
        for name, run in split.runs:
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
        parts: Sequence[str] | None = None,
    ) -> float:
        """Draw ``s`` on the line of baseline ``y``, within ``max_width``, shrunk to fit down to
        ``min_size``.

        Past ``min_size`` the rule of :mod:`reports.textfit` for a box that cannot grow applies
        (smaller still, whole, then cut), with a warning; a text shrunk is centred on the line.
        ``parts``: as for :meth:`draw_fit`. Returns the size used.
        """
        fitted = self.fit(s, max_width, size, min_size, text_height(1, size), lines=1)
        first = y if fitted.size == size else self.centred(fitted, y + size * 0.35)
        self.draw_fit(fitted, x, first, align, parts)
        return fitted.size

    def wrap(self, s: str, max_width: float, size: float) -> list[str]:
        """Split ``s`` into lines no wider than ``max_width``: between Chinese characters, at
        spaces (inside a Latin word only if the word alone is wider than a line)."""
        return wrap(self.fonts, s, max_width, size)

    def header(
        self, title: str, exam_name: str, center: str, room: str, sessions: Sequence[str],
        floor: float = FORM_FLOOR,
    ) -> float:
        """Draw exam name, sheet title, room, test center and session lines from the top.

        The test center and session lines (a room's location among them) wrap rather than
        shrink below ``floor``. Returns the y below the header, where the body starts
        (:meth:`header_bottom` says where before anything is drawn).
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
        for fitted in self.header_lines(center, sessions, floor):
            y = self.draw_fit(fitted, self.left, y - 20)
        return y - 10

    def header_lines(self, center: str, sessions: Sequence[str], floor: float = FORM_FLOOR,
                     size: float = 13) -> list[Fit]:
        """The lines below the title in :meth:`header`, fitted to the page's width at ``size``
        (sheets with a compact header of their own take them smaller).

        A line of several fields ("考点：…　　地点：…") too wide for the page gives each field
        its own line before any of them wraps.
        """
        span = self.right - self.left
        fields = [
            field
            for line in (center, *sessions) if line
            for field in (line.split(FIELD_GAP) if self.fonts.string_width(line, size) > span
                          else (line,))
        ]
        return [self.fit(field, span, size, floor) for field in fields if field]

    def header_bottom(self, room: bool, lines: Sequence[Fit]) -> float:
        """Where :meth:`header` ends, with or without a room line, above these ``lines``."""
        y = self.top - 14 - 40 - (52 if room else 0) - 12
        for fitted in lines:
            y -= 20 + (len(fitted.lines) - 1) * fitted.size * LEADING
        return y - 10

    def footer(self, page: int, pages: int) -> None:
        """Draw "第 x 页 / 共 y 页" centred below the bottom margin line."""
        # Wider spaces: with plain ones pdftotext and readers' search join "第 1 页" into "第1页".
        label = f"第 {page} 页 / 共 {pages} 页"
        self.text((self.left + self.right) / 2, self.bottom - 4 * mm, label, 9, "center", 3)


def render_sheets(sheets: Sequence[Sheet]) -> bytes:
    """Draw several sheets into one PDF, each numbered "第 x 页 / 共 y 页" on its own.

    One file per batch shares the font subset (one file per room was 2.4x slower:
    docs/performance.md, "PDF sheets").
    """
    buffer = io.BytesIO()
    first = sheets[0] if sheets else Sheet()
    canvas = Canvas(
        buffer,
        pagesize=first.pagesize,
        pageCompression=1,
        invariant=1,
        initialFontName=first.fonts.load().main,
    )
    canvas.setTitle(first.title)
    for sheet in sheets:
        sheet.draw_on(canvas)
    canvas.save()
    return buffer.getvalue()


class RoomSessionSheet(Sheet):
    """A sheet drawn for each room and each of its sessions (sign-in sheets, room records).

    Each room's sheet of each session is a document of its own, numbered on its own: it is
    filled in, signed and handed in apart from the others.

    Args:
        rooms: the rooms, in printing order.
        session: a session code to print only that session; ``None`` prints every session.
        fonts: the fonts; ``None`` loads the default ones.
    """

    #: What the one page says when no room has the session asked for.
    empty_note = ""

    def __init__(
        self, rooms: Sequence[RoomSheets], session: str | None = None, fonts: FontSet | None = None
    ) -> None:
        super().__init__(fonts)
        self.rooms = tuple(rooms)
        self.session = session

    def sittings(self) -> Iterator[tuple[RoomSheets, RoomSession]]:
        """Each room with each of its sessions that is printed, in order."""
        for room in self.rooms:
            for sitting in room.sessions:
                if self.session is None or sitting.session.code == self.session:
                    yield room, sitting

    def documents(self) -> list[Document]:
        documents = []
        for room, sitting in self.sittings():
            pages = self.sitting_pages(room, sitting)
            if pages:  # a session nobody in this room sits needs no sheet
                documents.append(Document(tuple(pages), room.room_code, sitting.session))
        return documents or [Document((self.empty,))]

    def sitting_pages(self, room: RoomSheets, sitting: RoomSession) -> list[Page]:
        """The pages of ``room``'s sheet for ``sitting``; subclasses implement it."""
        raise NotImplementedError

    def empty(self) -> None:
        """The page of a sheet with nothing to print: a PDF needs one; it says why."""
        mid = (self.left + self.right) / 2
        self.text(mid, self.top - 36, self.title, 20, "center")
        self.text(mid, self.top - 80, self.empty_note, 12, "center")
