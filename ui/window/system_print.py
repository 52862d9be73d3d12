"""Send a written PDF to a printer chosen in the system's print dialog, page by page.

The pages are rendered with QPdfDocument at the printer's resolution (at most
:data:`MAX_DPI`, which keeps a page's image within ~140 MB) and painted one per event-loop turn,
so the window stays live while a long file goes to the printer and the clerk can stop it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ui.window.signals import emit

# The finest a page is rendered at, in dots per inch (a laser printer's usual 600).
MAX_DPI = 600


class PdfPrintJob(QObject):
    """Paints the pages of a PDF file on ``printer``, one page per event-loop turn.

    Signals:
        progressed(done, total): pages painted so far.
        finished(pages): every page was painted (the printer has the job), or the job
            stopped or failed (then ``pages`` is what was painted; :attr:`error` says why).
    """

    progressed = Signal(int, int)
    finished = Signal(int)

    def __init__(self, path: Path, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.printer = printer
        self.error = ""
        self.pages = 0
        self._document = QPdfDocument(self)
        self._painter: QPainter | None = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next_page)

    def start(self) -> None:
        """Open the file and begin painting (on the next turns of the event loop)."""
        status = self._document.load(str(self.path))
        if status != QPdfDocument.Error.None_:
            self._finish(f"{self.path}: {status.name}")
            return
        self.printer.setDocName(self.path.stem)
        self.printer.setFullPage(True)
        self._orient(0)
        painter = QPainter()
        if not painter.begin(self.printer):
            self._finish(str(self.path))
            return
        self._painter = painter
        self._timer.start(0)

    def stop(self) -> None:
        """Stop after the page being painted (the printer gets the pages painted so far)."""
        self._stopped = True

    def is_running(self) -> bool:
        return self._painter is not None

    def _orient(self, page: int) -> None:
        size = self._document.pagePointSize(page)
        self.printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                        if size.width() > size.height()
                                        else QPageLayout.Orientation.Portrait)

    def _next_page(self) -> None:
        painter = self._painter
        total = self._document.pageCount()
        if painter is None:
            return
        if self._stopped or self.pages >= total:
            self._finish("")
            return
        if self.pages:
            self._orient(self.pages)
            self.printer.newPage()
        points = self._document.pagePointSize(self.pages)
        dpi = min(self.printer.resolution(), MAX_DPI)
        image = self._document.render(self.pages, QSize(round(points.width() * dpi / 72),
                                                        round(points.height() * dpi / 72)))
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel)
        # the page fills the paper, keeping its proportions, centred
        scaled = QSizeF(points).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(paper.x() + (paper.width() - scaled.width()) / 2,
                        paper.y() + (paper.height() - scaled.height()) / 2,
                        scaled.width(), scaled.height())
        painter.drawImage(target, image)
        self.pages += 1
        emit(self.progressed, self.pages, total)
        self._timer.start(0)

    def _finish(self, error: str) -> None:
        self.error = error
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        self._document.close()
        emit(self.finished, self.pages)
