"""The 考勤 tab of the 考务日 area: a room's attendance in one session, and its reconciliation.

The desk chooses the session and the room (a center desk sees its center's rooms only), marks
everyone present at once ("全部到场"), then the exceptions: a click on a seat of the grid cycles
it present → absent → late, and a ticket number typed and Entered takes the mark chosen beside
it. Each change is one write of the marks it names (examdesk/services/attendance.py), so two
desks marking the same room lose nothing. Under the grid: the counts, the answer sheets handed
in, what does not reconcile (in red), and 封存, refused while the room does not reconcile
unless a reason is given.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from examdesk.enums import AttendanceStatus
from examdesk.services.attendance import RoomAttendance, SeatMark, SittingCounts
from examdesk.services.audit import Permission
from ui.window import clock
from ui.window.pages import Page, PageContext
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.audit import Actor
    from examdesk.services.exams import ExamRef

    # a change of the room shown: (session, actor, exam, room id, session id)
    Change = Callable[[Session, Actor, ExamRef, int, int], None]



# What a click on a seat makes of its mark.
NEXT = {None: AttendanceStatus.PRESENT, AttendanceStatus.PRESENT: AttendanceStatus.ABSENT,
        AttendanceStatus.ABSENT: AttendanceStatus.LATE,
        AttendanceStatus.LATE: AttendanceStatus.PRESENT}
COLOURS = {None: QColor("#ffffff"), AttendanceStatus.PRESENT: QColor("#d9f2d9"),
           AttendanceStatus.ABSENT: QColor("#f8c8c8"), AttendanceStatus.LATE: QColor("#fde9b0")}
CELL = QSize(108, 88)  # four lines: seat and name, ticket, mark, temporary ID


@dataclass(frozen=True)
class Choices:
    """What the desk may choose: the exam, its sessions and the rooms of each."""

    exam: ExamRef
    sessions: tuple[tuple[int, str], ...]  # id, label
    rooms: tuple[SittingCounts, ...]
    current: int | None = None  # the session under way (or next) by the desks' clock


class SeatGrid(QWidget):
    """The room's desks as seen from the podium (讲台 at the top), each seat coloured by its
    mark; a click on a seat asks to cycle it (:attr:`clicked`, the seat)."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceGrid")
        self.room: RoomAttendance | None = None
        self.labels: dict[AttendanceStatus | None, str] = {}

    def show_room(self, room: RoomAttendance | None) -> None:
        self.room = room
        rows, columns = (room.rows, room.columns) if room else (0, 0)
        self.setFixedSize(max(columns, 1) * CELL.width() + 8, rows * CELL.height() + 36)
        self.update()

    def seat_rect(self, seat: SeatMark) -> QRectF:
        """Where a seat is drawn (row 1, the front, next to the podium at the top)."""
        return QRectF(4 + (seat.column - 1) * CELL.width(), 32 + (seat.row - 1) * CELL.height(),
                      CELL.width() - 6, CELL.height() - 6)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.room is None:
            return
        painter = QPainter(self)
        painter.fillRect(QRectF(self.width() / 2 - 60, 2, 120, 22), QColor("#e0e0e0"))
        painter.drawText(QRectF(self.width() / 2 - 60, 2, 120, 22),
                         Qt.AlignmentFlag.AlignCenter, self.tr("Podium"))
        for seat in self.room.seats:
            if not seat.row:
                continue
            box = self.seat_rect(seat)
            painter.fillRect(box, COLOURS[seat.status])
            painter.setPen(QPen(QColor("#888888")))
            painter.drawRect(box)
            painter.setPen(QPen(QColor("#000000")))
            text = (f"{seat.seat_no:02d}  {seat.name}\n{seat.ticket_no}\n"
                    f"{self.labels.get(seat.status, '')}")
            if seat.certificate:  # on a temporary ID: its number, and whether checked
                text += "\n" + self.tr("ID %1").replace("%1", seat.certificate) + (
                    " ✓" if seat.certificate_checked else "")
                if not seat.certificate_checked:
                    painter.setPen(QPen(QColor("#a05a00"), 2))
                    painter.drawRect(box)
                    painter.setPen(QPen(QColor("#000000")))
            painter.drawText(box.adjusted(3, 2, -3, -2), Qt.AlignmentFlag.AlignLeft, text)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.room is None or event.button() != Qt.MouseButton.LeftButton:
            return
        for seat in self.room.seats:
            if seat.row and self.seat_rect(seat).contains(event.position()):
                emit(self.clicked, seat)
                return


class AttendancePage(Page):
    """The 考勤 tab (see the module's docstring)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.choices: Choices | None = None
        self.room: RoomAttendance | None = None
        self.session_box = QComboBox()
        self.session_box.setObjectName("attendanceSession")
        self.room_box = QComboBox()
        self.room_box.setObjectName("attendanceRoom")
        self.room_box.setMinimumContentsLength(16)
        self.session_box.setMinimumContentsLength(20)
        self.all_present = QPushButton(self.tr("Everyone present"))
        self.all_present.setObjectName("attendanceAllPresent")
        self.ticket = QLineEdit()
        self.ticket.setObjectName("attendanceTicket")
        self.ticket.setMinimumWidth(220)
        self.ticket.setPlaceholderText(self.tr("Ticket or certificate number, then Enter"))
        self.ticket.setToolTip(self.tr(
            "A ticket number (or its last digits) takes the mark chosen beside it; the number "
            "of a temporary ID certificate (e.g. 01-0001), checked against its holder, marks "
            "them present on it."))
        self.mark_as = QComboBox()
        self.mark_as.setObjectName("attendanceMarkAs")
        self.labels = {None: self.tr("not marked"), AttendanceStatus.PRESENT: self.tr("present"),
                       AttendanceStatus.ABSENT: self.tr("absent"),
                       AttendanceStatus.LATE: self.tr("late")}
        for status in (AttendanceStatus.ABSENT, AttendanceStatus.LATE, AttendanceStatus.PRESENT):
            self.mark_as.addItem(self.labels[status], status)
        top = QHBoxLayout()
        for label, widget in ((self.tr("Session"), self.session_box),
                              (self.tr("Room"), self.room_box)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.all_present)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Ticket")))
        top.addWidget(self.ticket)
        top.addWidget(self.mark_as)
        top.addStretch(1)
        self.ticket_note = QLabel()  # why a typed ticket marked nobody
        self.ticket_note.setObjectName("attendanceTicketNote")
        self.ticket_note.setStyleSheet("color: #c00000;")
        self.grid = SeatGrid()
        self.grid.labels = self.labels
        scroll = QScrollArea()
        scroll.setWidget(self.grid)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.counts = QLabel()
        self.counts.setObjectName("attendanceCounts")
        self.sheets = QSpinBox()
        self.sheets.setObjectName("attendanceSheets")
        self.sheets.setRange(-1, 999)
        self.sheets.setSpecialValueText(self.tr("not entered"))
        self.save_sheets = QPushButton(self.tr("Save answer sheets"))
        self.save_sheets.setObjectName("attendanceSaveSheets")
        self.problems = QLabel()
        self.problems.setObjectName("attendanceProblems")
        self.problems.setWordWrap(True)
        self.certificates = QLabel()  # the temporary IDs still to be checked in the room
        self.certificates.setObjectName("attendanceCertificates")
        self.certificates.setWordWrap(True)
        self.certificates.setStyleSheet("color: #a05a00;")
        self.reason = QLineEdit()
        self.reason.setObjectName("attendanceReason")
        self.reason.setPlaceholderText(self.tr("Reason to seal although the counts differ"))
        self.seal = QPushButton(self.tr("Seal"))
        self.seal.setObjectName("attendanceSeal")
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Answer sheets handed in")))
        bottom.addWidget(self.sheets)
        bottom.addWidget(self.save_sheets)
        bottom.addSpacing(16)
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.seal)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.ticket_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems)
        layout.addWidget(self.certificates)
        layout.addLayout(bottom)
        self.session_box.currentIndexChanged.connect(self._session_chosen)
        self.room_box.currentIndexChanged.connect(lambda _i: self._read_room())
        self.all_present.clicked.connect(lambda: self._mark({}, all_present=True))
        self.ticket.returnPressed.connect(self._ticket_entered)
        self.grid.clicked.connect(self._seat_clicked)
        self.save_sheets.clicked.connect(self._save_sheets)
        self.seal.clicked.connect(self._seal)
        self.reason.textChanged.connect(lambda _t: self._enable())
        self._enable()

    # reading

    def refresh(self, changes: object | None = None) -> None:
        if isinstance(changes, RoomAttendance) and self.room is not None:
            self._show_room(changes)
            return
        actor, now = self.context.actor, clock.now()

        def work(session: Session, _progress: object, _cancelled: object) -> Choices:
            from examdesk.services.attendance import sitting_counts
            from examdesk.services.exams import exam_sessions, resolve_exam

            exam = resolve_exam(session)
            rows = exam_sessions(session, exam)
            sessions = tuple((s.id, f"{s.code} {s.name or ''}".strip()) for s in rows)
            rooms = sitting_counts(session, exam, actor=actor)
            held = {c.session_id for c in rooms}
            # the first session not over yet, else the last: what the desk marks now
            current = next((s.id for s in rows if s.id in held
                            and datetime.combine(s.date, s.end_time) > now),
                           next((s.id for s in reversed(rows) if s.id in held), None))
            return Choices(exam, sessions, rooms, current)

        self.context.operations.read(self.tr("Reading the attendance"), work,
                                     on_success=self._show_choices)

    def _show_choices(self, choices: Choices) -> None:
        self.choices = choices
        held = {c.session_id for c in choices.rooms}
        chosen = self.session_box.currentData()
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for sid, label in choices.sessions:
            if sid in held:
                self.session_box.addItem(label, sid)
        index = self.session_box.findData(chosen if chosen is not None else choices.current)
        self.session_box.setCurrentIndex(max(index, 0))
        self.session_box.blockSignals(False)
        self._session_chosen()

    def _session_chosen(self, _index: int = 0) -> None:
        if self.choices is None:
            return
        sid = self.session_box.currentData()
        chosen = self.room_box.currentData()
        self.room_box.blockSignals(True)
        self.room_box.clear()
        for room in self.choices.rooms:
            if room.session_id == sid:
                self.room_box.addItem(f"{room.label}（{room.expected}）", room.room_id)
        index = self.room_box.findData(chosen)
        self.room_box.setCurrentIndex(max(index, 0))
        self.room_box.blockSignals(False)
        self._read_room()

    def _read_room(self) -> None:
        room_id, session_id = self.room_box.currentData(), self.session_box.currentData()
        self.ticket_note.clear()
        if self.choices is None or room_id is None or session_id is None:
            self._show_room(None)
            return
        exam, actor = self.choices.exam, self.context.actor

        def work(session: Session, _progress: object, _cancelled: object) -> RoomAttendance:
            from examdesk.services.attendance import room_attendance

            return room_attendance(session, exam, room_id, session_id, actor=actor)

        self.context.operations.read(self.tr("Reading the room"), work,
                                     on_success=self._show_room)

    def _show_room(self, room: RoomAttendance | None) -> None:
        if room is not None and (room.counts.room_id != self.room_box.currentData()
                                 or room.counts.session_id != self.session_box.currentData()):
            return  # the desk chose another room meanwhile
        self.room = room
        self.grid.show_room(room)
        if room is None:
            self.counts.clear()
            self.problems.clear()
            self.certificates.hide()
        else:
            c = room.counts
            self.counts.setText(
                self.tr("Expected %1 · present %2 · late %3 · absent %4 · not marked %5")
                .replace("%1", str(c.expected)).replace("%2", str(c.present))
                .replace("%3", str(c.late)).replace("%4", str(c.absent))
                .replace("%5", str(c.unmarked))
                + (self.tr(" · sealed") if c.sealed else ""))
            self.sheets.setValue(-1 if c.answer_sheets is None else c.answer_sheets)
            self.sheets.setMaximum(c.expected)
            self.problems.setText(" ".join(c.problems) if c.problems else
                                  self.tr("The counts reconcile."))
            self.problems.setStyleSheet("color: #c00000;" if c.problems else "color: #006000;")
            unchecked = room.unchecked
            self.certificates.setText(self.tr(
                "Temporary ID certificates to check in the room: %1. Type the certificate's "
                "number once checked.").replace("%1", "、".join(
                    f"{s.certificate}（{s.seat_no:02d} {s.name}）" for s in unchecked))
                if unchecked else "")
            self.certificates.setVisible(bool(unchecked))
        self._enable()

    def _enable(self) -> None:
        room = self.room
        may = bool(room and self.choices and self.context.actor.may(
            Permission.EXAM_DAY, self.choices.exam.id, room.counts.center_id))
        for widget in (self.all_present, self.ticket, self.mark_as, self.sheets,
                       self.save_sheets, self.reason):
            widget.setEnabled(may)
        sealed = bool(room and room.counts.sealed)
        self.seal.setEnabled(may and not sealed and bool(
            room and (not room.counts.problems or self.reason.text().strip())))
        self.all_present.setToolTip(self.tr("You may not mark attendance at this center.")
                                    if room and not may else "")

    # changes

    def _change(self, title: str, change: Change, on_success: Callable[[object], None] |
                None = None) -> None:
        """Run ``change(session, actor, exam, room_id, session_id)`` on the room shown, in
        one write that returns the room as it then is (every page refreshes from it)."""
        room = self.room
        if room is None or self.choices is None:
            return
        exam, actor = self.choices.exam, self.context.actor
        room_id, session_id = room.counts.room_id, room.counts.session_id

        def work(session: Session, _progress: object, _cancelled: object) -> RoomAttendance:
            from examdesk.services.attendance import room_attendance

            change(session, actor, exam, room_id, session_id)
            return room_attendance(session, exam, room_id, session_id, actor=actor)

        self.context.operations.write("attendance", title, work, on_success=on_success)

    def _mark(self, marks: dict[int, AttendanceStatus], *, all_present: bool = False) -> None:
        def change(session: Session, actor: Actor, exam: ExamRef, room_id: int,
                   session_id: int) -> None:
            from examdesk.services.attendance import mark

            mark(session, actor, exam, room_id=room_id, session_id=session_id, marks=marks,
                 all_present=all_present)

        self._change(self.tr("Marking attendance"), change)

    def _seat_clicked(self, seat: SeatMark) -> None:
        if self.all_present.isEnabled():
            self._mark({seat.candidate_id: NEXT[seat.status]})

    def _ticket_entered(self) -> None:
        room, typed = self.room, self.ticket.text().strip()
        if room is None or not typed:
            return
        certified = [s for s in room.seats if s.certificate
                     and s.certificate.casefold() == typed.casefold()]
        if certified:
            self.ticket.clear()
            self.ticket_note.clear()
            self._check_certificate(certified[0].certificate)
            return
        # the whole number, or its last digits as the desk reads them off a ticket
        found = [s for s in room.seats if s.ticket_no == typed or
                 (len(typed) >= 2 and s.ticket_no.endswith(typed))]
        if len(found) != 1:
            self._not_here(typed)
            return
        self.ticket.clear()
        self.ticket_note.clear()
        self._mark({found[0].candidate_id: self.mark_as.currentData()})

    def _check_certificate(self, serial: str) -> None:
        """The invigilator checked the certificate against its holder: present, on it."""
        def change(session: Session, actor: Actor, exam: ExamRef, room_id: int,
                   session_id: int) -> None:
            from examdesk.services.attendance import check_certificates

            check_certificates(session, actor, exam, room_id=room_id, session_id=session_id,
                               serials=[serial])

        self._change(self.tr("Checking the temporary ID"), change)

    def _not_here(self, typed: str) -> None:
        """Say in red why a typed ticket marks nobody here: the core names the room its
        candidate sits in, if any (read in the background)."""
        room, choices = self.room, self.choices
        if room is None or choices is None:
            return
        exam = choices.exam
        self.ticket_note.setText(self.tr("No candidate of this room has the ticket number %1.")
                                 .replace("%1", typed))

        def work(session: Session, _progress: object, _cancelled: object) -> object:
            from examdesk.services.attendance import room_tickets

            return room_tickets(session, exam, room.counts.room_id, room.counts.session_id,
                                [typed])

        self.context.operations.read(self.tr("Reading the room"), work, quiet=True,
                                     on_failure=self.ticket_note.setText)

    def _save_sheets(self) -> None:
        count = None if self.sheets.value() < 0 else self.sheets.value()

        def change(session: Session, actor: Actor, exam: ExamRef, room_id: int,
                   session_id: int) -> None:
            from examdesk.services.attendance import set_answer_sheets

            set_answer_sheets(session, actor, exam, room_id=room_id, session_id=session_id,
                              count=count)

        self._change(self.tr("Saving the answer sheets"), change)

    def _seal(self) -> None:
        reason = self.reason.text()

        def change(session: Session, actor: Actor, exam: ExamRef, room_id: int,
                   session_id: int) -> None:
            from examdesk.services.attendance import seal

            seal(session, actor, exam, room_id=room_id, session_id=session_id, reason=reason)

        self._change(self.tr("Sealing the room's papers"), change,
                     on_success=lambda _r: self.reason.clear())

    def select(self, key: Hashable) -> bool:
        return False
