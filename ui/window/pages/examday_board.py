"""The 看板 tab of the 考务日 area: the live board over every test center the clerk may see.

It reads the board (examdesk/services/board.py) through the window's background reads every
few seconds while it is shown, never on the UI thread, one read at a time; the line above the
table says when the numbers were read, and turns red when the last read failed or is late
(the numbers shown are then older than they look).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.window import clock
from ui.window.pages import Page, PageContext
from ui.window.pages.runs import while_alive
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.services.board import Board, BoardReader, CenterBoard

STALE_STYLE = "color: #b00020; font-weight: bold;"


class BoardPage(Page):
    """The live board (see the module's docstring).

    Signals:
        loaded(): a read was shown.
        read_failed(str): a read failed (its message).
    """

    loaded = Signal()
    read_failed = Signal(str)

    # how often the board is read while shown, in milliseconds
    interval_ms = 5000

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.board: Board | None = None
        self.last_read: datetime | None = None  # the last successful read
        self.failure = ""
        self._reading_since: datetime | None = None
        self._reader: BoardReader | None = None
        self.clock_label = QLabel()
        self.clock_label.setObjectName("boardClock")
        font = QFont(self.clock_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.clock_label.setFont(font)
        self.clock_label.setWordWrap(True)
        self.times_label = QLabel()
        self.times_label.setObjectName("boardTimes")
        self.stale_label = QLabel()
        self.stale_label.setObjectName("boardStale")
        self.stale_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table = QTableWidget(0, len(self._headers()))
        self.table.setHorizontalHeaderLabels(self._headers())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.clock_label, 1)
        top.addWidget(self.stale_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.times_label)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(self.interval_ms)
        self.timer.timeout.connect(self._tick)

    def _headers(self) -> list[str]:
        return [self.tr("Test center"), self.tr("Expected"), self.tr("Present"),
                self.tr("Absent"), self.tr("Not marked"), self.tr("Temporary IDs"),
                self.tr("Doubtful open"), self.tr("Violations"), self.tr("Incidents"),
                self.tr("Posts staffed")]

    # --- reading ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.setInterval(self.interval_ms)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self, changes: object | None = None) -> None:
        """Read the board now (unless a read is still running)."""
        if self._reading_since is not None:
            self._show_staleness()
            return
        from examdesk.services.board import BoardReader

        if self._reader is None:
            self._reader = BoardReader()
        self._reading_since = datetime.now()
        self.context.operations.read("", _read_board(self._reader, self.context.actor,
                                                     clock.now()),
                                     quiet=True, on_success=while_alive(self, self._read),
                                     on_failure=while_alive(self, self._failed))

    def _tick(self) -> None:
        self._show_staleness()
        self.refresh()

    def _read(self, board: Board | None) -> None:
        self._reading_since = None
        self.failure = ""
        self.last_read = datetime.now()
        self.board = board
        self._show(board)
        self._show_staleness()
        emit(self.loaded)

    def _failed(self, message: str) -> None:
        self._reading_since = None
        self.failure = message
        self._show_staleness()
        emit(self.read_failed, message)

    def is_stale(self, now: datetime | None = None) -> bool:
        """Whether the numbers shown may be out of date: the last read failed, or no read
        succeeded for three intervals."""
        if self.failure or self.last_read is None:
            return True
        age = ((now or datetime.now()) - self.last_read).total_seconds() * 1000
        return age > 3 * self.interval_ms

    def _show_staleness(self) -> None:
        read = f"{self.last_read:%H:%M:%S}" if self.last_read else "-"
        if self.failure:
            text = self.tr("Read failed; numbers as of %1").replace("%1", read)
            self.stale_label.setToolTip(self.failure)
        elif self.last_read is None:
            text = self.tr("Reading...")
        elif self.is_stale():
            text = self.tr("No new reading; numbers as of %1").replace("%1", read)
        else:
            text = self.tr("Updated %1").replace("%1", read)
            self.stale_label.setToolTip("")
        self.stale_label.setText(text)
        stale = self.last_read is not None and self.is_stale()
        self.stale_label.setStyleSheet(STALE_STYLE if stale else "")
        self.stale_label.setProperty("stale", stale)

    # --- showing ------------------------------------------------------------------------------
    def _show(self, board: Board | None) -> None:
        if board is None or board.clock is None:
            self.clock_label.setText(self.tr("The exam has no session yet."))
            self.times_label.setText("")
            self.table.setRowCount(0)
            return
        clock = board.clock
        phases = {"before": self.tr("not yet open"), "entry": self.tr("candidates entering"),
                  "late": self.tr("started, late entry allowed"),
                  "closed": self.tr("started, doors closed"), "ended": self.tr("ended")}
        self.clock_label.setText(f"{' / '.join(clock.names)} · "
                                 f"{phases.get(board.phase, board.phase)}")
        self.times_label.setText(f"{clock.start:%Y-%m-%d}  " + self.tr(
            "Entry %1 · start %2 · no entry after %3 · end %4").replace(
            "%1", f"{clock.entry:%H:%M}").replace("%2", f"{clock.start:%H:%M}").replace(
            "%3", f"{clock.cutoff:%H:%M}").replace("%4", f"{clock.end:%H:%M}"))
        total = self.tr("Whole district") if board.whole else self.tr("Your centers")
        lines = [(total, board.district)] + [
            (f"{line.code} {line.name}", line) for line in board.centers]
        self.table.setRowCount(len(lines))
        for row, (title, line) in enumerate(lines):
            for column, value in enumerate(self._cells(title, line)):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row == 0:
                    bold = QFont(item.font())
                    bold.setBold(True)
                    item.setFont(bold)
                if (column == 9 and line.posts_staffed < line.posts_required) or (
                        column in (6, 8) and value != "0"):
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(row, column, item)

    @staticmethod
    def _cells(title: str, line: CenterBoard) -> list[str]:
        return [title, str(line.expected), str(line.present), str(line.absent),
                str(line.unmarked), str(line.certificates), str(line.doubtful),
                str(line.violations), str(line.incidents),
                f"{line.posts_staffed}/{line.posts_required}"]

    def select(self, key: object) -> bool:
        """A center's code: select its line."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text().split(" ")[0] == key:
                self.table.selectRow(row)
                return True
        return False


def _read_board(reader: BoardReader, actor: Any, now: datetime) -> Any:
    """The read a worker thread runs: the board of the database's exam at ``now`` (None: no
    exam)."""

    def read(session: Any, _progress: object, _cancelled: object) -> Board | None:
        from examdesk.errors import BadInput
        from examdesk.services.exams import resolve_exam

        try:
            exam = resolve_exam(session)
        except BadInput:
            return None
        return reader.read(session, actor, exam, now=now)

    return read
