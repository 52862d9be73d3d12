"""The 临时身份证明 tab of the 考务日 area: the police's temporary ID desk.

The officer types a name (pinyin initials too), an ID number or its last six digits, a ticket
number or its last five digits: the hits show as the typing goes on, the first one chosen.
Its card shows the photo, center, room, seat and the day's sessions, and warns when the
candidate sits at another center than the desk's. The sessions the certificate covers are
check boxes, those not over checked. Beside the photo, the desk takes a photo of its own (现场
照片): from a file, or the newest image in the camera's folder (chosen once, remembered; the
Windows Camera app saves into Pictures/Camera Roll: docs/architecture.md says why there is no
live view); it goes with the issue and is printed instead of the registration photo, and
choosing another candidate drops it. Issue (Enter) issues the certificate and sends it at
once to the desk's printer (one certificate); the officer and unit are remembered per desk.
The issued list below voids a certificate, asking why.

From the first characters typed to the certificate on the printer: type, choose (when
several match), Issue (benchmarks/bench_tempid_desk.py measures it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import BadInput
from examdesk.search import SearchIndex
from examdesk.services import doubtful, tempids
from examdesk.services.exams import resolve_exam
from ui.jobs.tempids import (
    DeskPhoto,
    PrintedCertificate,
    newest_image,
    print_certificate,
    read_photo,
)
from ui.window import clock
from ui.window.pages import Page, PageContext
from ui.window.signals import emit

# Sends a written certificate to the desk's printer (replaced in tests).
Sender = Callable[[Path, QWidget], object]
PHOTO_W, PHOTO_H = 120, 160


def send_to_desk_printer(path: Path, parent: QWidget) -> object:
    """Paint the PDF on the desk's printer (the system's default one), no dialog asked."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.window.system_print import PdfPrintJob

    job = PdfPrintJob(path, QPrinter(QPrinter.PrinterMode.HighResolution), parent)
    job.finished.connect(job.deleteLater)
    job.start()
    return job


def certificate_folder() -> Path:
    """Where the desk keeps the certificates it printed: Documents/ExamDesk/临时身份证明."""
    from ui.window.print_form import default_folder

    return default_folder() / "临时身份证明"


def camera_roll() -> Path:
    """Where the Windows Camera app saves its photos: Pictures/Camera Roll."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures or Path.home()) / "Camera Roll"


class TempIdPage(Page):
    """The temporary ID desk (see the module's docstring).

    Signals:
        found(count): the hits of the text typed are shown.
        photo_taken(taken): the desk's photo was shown on the card (True), or refused.
        issued(serial): a certificate was issued.
        printed(path): a certificate was written and handed to the printer.
        listed(): the issued list was read.
    """

    found = Signal(int)
    photo_taken = Signal(bool)
    issued = Signal(str)
    printed = Signal(object)
    listed = Signal()
    reads_when_made = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.send: Sender = send_to_desk_printer
        self.folder = certificate_folder()
        self.hits: tuple[tempids.TempIdHit, ...] = ()
        self.rows: tuple[tempids.CertificateRow, ...] = ()
        self._index: SearchIndex[int] | None = None
        self._photos: dict[int, bytes | None] = {}
        # the photo taken at the desk, and the candidate it was taken for
        self.desk_photo: DeskPhoto | None = None
        self._desk_photo_for: int | None = None
        self.session_boxes: list[tuple[QCheckBox, tempids.DaySession]] = []
        self._asked = 0  # the latest search asked; older answers are dropped
        self._answered = 0  # the search whose hits are shown
        self._issue_when_found = False  # Enter pressed before the hits of the text came
        self._issuing = False
        self._reading_photo = False  # a photo chosen is being read: Enter waits for it
        self._issue_after_photo = False
        settings = context.settings

        self.center_box = QComboBox()
        self.center_box.setObjectName("tempidCenter")
        self.center_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setObjectName("tempidSearch")
        self.search.setPlaceholderText(self.tr(
            "Name, pinyin initials, ID number or its last 6 digits, ticket or its last 5"))
        self.search.setClearButtonEnabled(True)
        self.hit_list = QListWidget()
        self.hit_list.setObjectName("tempidHits")
        self.hit_list.setMaximumHeight(130)
        self.photo = QLabel(self.tr("No photo"))
        self.photo.setFixedSize(PHOTO_W, PHOTO_H)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QLabel.Shape.Box)
        # marks the photo shown as the one taken at the desk (not the registration photo)
        self.photo_mark = QLabel(self.tr("Photo taken at the desk"))
        self.photo_mark.setObjectName("tempidPhotoMark")
        self.photo_mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_mark.setFixedWidth(PHOTO_W)
        self.photo_mark.setStyleSheet("color: white; background: #1565c0; padding: 1px;")
        self.photo_mark.hide()
        self.photo_file_button = QPushButton(self.tr("Photo from a file…"))
        self.photo_file_button.setObjectName("tempidPhotoFile")
        self.photo_file_button.setEnabled(False)
        self.camera_button = QPushButton(self.tr("Newest photo in the camera folder"))
        self.camera_button.setObjectName("tempidCamera")
        self.camera_button.setEnabled(False)
        self.camera_folder_button = QPushButton(self.tr("Camera folder…"))
        self.camera_folder_button.setObjectName("tempidCameraFolder")
        self.camera_folder_button.setFlat(True)
        self.photo_note = QLabel()
        self.photo_note.setObjectName("tempidPhotoNote")
        self.photo_note.setWordWrap(True)
        self.photo_note.setStyleSheet("color: #b00020;")
        self.photo_note.hide()
        self._show_camera_folder()
        self.sessions_row = QHBoxLayout()
        self.sessions_note = QLabel()
        self.sessions_note.setObjectName("tempidSessionsNote")
        self.sessions_note.setStyleSheet("color: #b00020; font-weight: bold;")
        self.sessions_note.hide()
        self.card = QLabel()
        self.card.setObjectName("tempidCard")
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.warning = QLabel()
        self.warning.setObjectName("tempidWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.warning.hide()
        self.officer = QLineEdit(str(settings.value("tempid/officer", "")))
        self.officer.setObjectName("tempidOfficer")
        self.unit = QLineEdit(str(settings.value("tempid/unit", "")))
        self.unit.setObjectName("tempidUnit")
        self.issue_button = QPushButton(self.tr("Issue and print (Enter)"))
        self.issue_button.setObjectName("tempidIssue")
        self.issue_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("tempidStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("tempidIssued")
        self.table.setHorizontalHeaderLabels([
            self.tr("Serial"), self.tr("Ticket"), self.tr("Name"), self.tr("Room"),
            self.tr("Sessions"), self.tr("Officer"), self.tr("Police unit"),
            self.tr("Issued"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("tempidVoid")
        self.void_button.setEnabled(False)
        self.reprint_button = QPushButton(self.tr("Print again"))
        self.reprint_button.setObjectName("tempidReprint")
        self.reprint_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Desk of test center")))
        top.addWidget(self.center_box)
        top.addWidget(self.search, 1)
        card = QGroupBox(self.tr("Candidate"))
        grid = QGridLayout(card)
        photo_column = QVBoxLayout()
        photo_column.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignHCenter)
        photo_column.addWidget(self.photo_mark, 0, Qt.AlignmentFlag.AlignHCenter)
        photo_column.addWidget(self.photo_file_button)
        photo_column.addWidget(self.camera_button)
        photo_column.addWidget(self.camera_folder_button)
        photo_column.addStretch(1)
        grid.addLayout(photo_column, 0, 0, 4, 1)
        grid.addWidget(self.card, 0, 1)
        grid.addWidget(self.warning, 1, 1)
        sessions = QHBoxLayout()
        sessions.addWidget(QLabel(self.tr("It covers:")))
        sessions.addLayout(self.sessions_row)
        sessions.addWidget(self.sessions_note)
        sessions.addStretch(1)
        grid.addLayout(sessions, 2, 1)
        grid.addWidget(self.photo_note, 3, 1)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(1, 1)
        issuing = QGroupBox(self.tr("Certificate"))
        form = QFormLayout(issuing)
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Police unit"), self.unit)
        form.addRow(self.issue_button)
        form.addRow(self.status)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.hit_list)
        left.addWidget(card, 1)
        middle.addLayout(left, 3)
        middle.addWidget(issuing, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Issued at this desk's center")))
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.void_button)
        issued = QWidget()
        issued_layout = QVBoxLayout(issued)
        issued_layout.setContentsMargins(0, 0, 0, 0)
        issued_layout.addLayout(buttons)
        issued_layout.addWidget(self.table)
        # doubtful (存疑) candidates: let in unconfirmed, cleared by two invigilators
        self.doubt_button = QPushButton(self.tr("Let in as doubtful…"))
        self.doubt_button.setObjectName("tempidDoubt")
        self.doubt_button.setEnabled(False)
        form.insertRow(3, self.doubt_button)
        self.doubts: tuple[doubtful.DoubtfulRow, ...] = ()
        self.doubt_table = QTableWidget(0, 6)
        self.doubt_table.setObjectName("tempidDoubtful")
        self.doubt_table.setHorizontalHeaderLabels([
            self.tr("Ticket"), self.tr("Name"), self.tr("Room"), self.tr("Reason"),
            self.tr("Recorded"), self.tr("Confirmed by")])
        self.doubt_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doubt_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doubt_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doubt_table.verticalHeader().hide()
        self.doubt_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.doubt_table.horizontalHeader().setStretchLastSection(True)
        self.confirm_button = QPushButton(self.tr("An invigilator confirms…"))
        self.confirm_button.setObjectName("tempidConfirm")
        self.confirm_button.setEnabled(False)
        doubts = QWidget()
        doubt_layout = QVBoxLayout(doubts)
        doubt_layout.setContentsMargins(0, 0, 0, 0)
        doubt_buttons = QHBoxLayout()
        doubt_buttons.addWidget(QLabel(self.tr(
            "Cleared when two invigilators confirm the identity; the others stay on the "
            "center's end-of-day list")))
        doubt_buttons.addStretch(1)
        self.doubt_list_button = QPushButton(self.tr("Print the day's list…"))
        self.doubt_list_button.setObjectName("tempidDoubtList")
        self.doubt_list_button.setToolTip(self.tr(
            "The center's end-of-day list of doubtful candidates (存疑考生情况表), in the "
            "Print area"))
        doubt_buttons.addWidget(self.doubt_list_button)
        doubt_buttons.addWidget(self.confirm_button)
        doubt_layout.addLayout(doubt_buttons)
        doubt_layout.addWidget(self.doubt_table)
        self.lists = QTabWidget()
        self.lists.setObjectName("tempidLists")
        self.lists.addTab(issued, self.tr("Certificates"))
        self.lists.addTab(doubts, self.tr("Doubtful (存疑)"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 3)
        layout.addWidget(self.lists, 2)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)  # a search per pause in the typing, not per key
        self._typing.timeout.connect(self._find)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.returnPressed.connect(self.issue)
        self.hit_list.currentRowChanged.connect(self._show_hit)
        self.hit_list.itemActivated.connect(lambda _item: self.issue())
        self.issue_button.clicked.connect(self.issue)
        for field in (self.officer, self.unit):
            field.returnPressed.connect(self.issue)
        self.center_box.currentIndexChanged.connect(self._center_changed)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.void_button.clicked.connect(self.void)
        self.doubt_button.clicked.connect(self.doubt)
        self.confirm_button.clicked.connect(self.confirm)
        self.doubt_list_button.clicked.connect(lambda: self.context.navigate("print", "doubtful"))
        self.doubt_table.itemSelectionChanged.connect(self._doubt_chosen)
        self.reprint_button.clicked.connect(self.reprint)
        self.photo_file_button.clicked.connect(self.photo_from_file)
        self.camera_button.clicked.connect(self.photo_from_camera)
        self.camera_folder_button.clicked.connect(self.change_camera_folder)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._next_hit)
        self._read_centers()

    # -- reads ----------------------------------------------------------------------------

    @property
    def desk_center(self) -> str | None:
        code = self.center_box.currentData()
        return str(code) if code else None

    def _read_centers(self) -> None:
        actor = self.context.actor

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            exam = resolve_exam(session)
            return (tempids.desk_centers(session, exam, actor),
                    tempids.candidate_index(session, exam))

        self.context.operations.read(self.tr("Reading the test centers"), work,
                                     on_success=self._centers_read)

    def _centers_read(self, result: Any) -> None:
        centers, self._index = result
        remembered = str(self.context.settings.value("tempid/center", ""))
        self.center_box.blockSignals(True)
        self.center_box.clear()
        for code, name in centers:
            self.center_box.addItem(f"{code} {name}", code)
        found = self.center_box.findData(remembered)
        self.center_box.setCurrentIndex(max(found, 0))
        self.center_box.blockSignals(False)
        self.refresh()
        if self.search.text().strip():
            self._find()

    def _center_changed(self) -> None:
        if self.desk_center:
            self.context.settings.setValue("tempid/center", self.desk_center)
        self.refresh()
        self._find()

    def refresh(self, changes: object | None = None) -> None:
        if self._index is None:
            return  # the centers are being read; the list follows
        actor, center = self.context.actor, self.desk_center

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            exam = resolve_exam(session)
            return (tempids.certificates(session, exam, actor=actor, center=center),
                    doubtful.entries(session, exam, actor=actor, center=center))

        self.context.operations.read(self.tr("Reading the certificates"), work,
                                     on_success=self._both_listed, quiet=True)

    def _both_listed(self, lists: Any) -> None:
        rows, doubts = lists
        self._doubts_listed(doubts)
        self._listed(rows)

    def _doubts_listed(self, doubts: tuple[doubtful.DoubtfulRow, ...]) -> None:
        chosen = self._chosen_doubt()
        self.doubts = doubts
        self.doubt_table.setRowCount(len(doubts))
        for n, row in enumerate(doubts):
            confirmed = (self.tr("Cleared: %1").replace("%1", "、".join(row.confirmed_by))
                         if row.cleared else self.tr("%1 of 2: %2").replace(
                             "%1", str(len(row.confirmed_by))).replace(
                             "%2", "、".join(row.confirmed_by) or "—"))
            for column, value in enumerate((
                    row.ticket, row.name, f"{row.center}/{row.room}", row.reason,
                    f"{row.recorded_at.astimezone():%m-%d %H:%M} {row.recorded_by}",
                    confirmed)):
                self.doubt_table.setItem(n, column, QTableWidgetItem(value))
            if chosen is not None and row.id == chosen.id:
                self.doubt_table.selectRow(n)
        self._doubt_chosen()

    def _chosen_doubt(self) -> doubtful.DoubtfulRow | None:
        rows = self.doubt_table.selectionModel().selectedRows()
        return self.doubts[rows[0].row()] if rows and rows[0].row() < len(self.doubts) else None

    def _doubt_chosen(self) -> None:
        row = self._chosen_doubt()
        self.confirm_button.setEnabled(row is not None and not row.cleared)

    def doubt(self) -> None:
        """Record the chosen candidate as doubtful (存疑), asking why."""
        hit = self.current_hit()
        if hit is None or not hit.visible:
            return
        reason, given = self.ask_text(
            self.tr("Let %1 in as doubtful").replace("%1", hit.name),
            self.tr("Why could the identity of %1 not be confirmed?").replace("%1", hit.name))
        if not given or not reason.strip():
            return
        actor, candidate = self.context.actor, hit.candidate_id

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            return doubtful.record(session, actor, resolve_exam(session), candidate, reason)

        self.context.operations.write(
            "doubtful record", self.tr("Recording the doubtful candidate"), work,
            on_success=lambda done: self.status.setText(
                self.tr("%1 let in as doubtful.").replace("%1", done.name)))

    def confirm(self) -> None:
        """An invigilator confirms the chosen doubtful candidate's identity (asked by name)."""
        row = self._chosen_doubt()
        if row is None or row.cleared:
            return
        name, given = self.ask_text(
            self.tr("Confirm %1").replace("%1", row.name),
            self.tr("The invigilator who confirmed the identity of %1:").replace("%1", row.name))
        if not given or not name.strip():
            return
        actor, entry = self.context.actor, row.id

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            return doubtful.confirm(session, actor, resolve_exam(session), entry, name)

        self.context.operations.write(
            "doubtful confirm", self.tr("Recording the confirmation"), work)

    def ask_text(self, title: str, label: str) -> tuple[str, bool]:
        """A line of text asked in a dialog (replaced in tests)."""
        return QInputDialog.getText(self, title, label)

    def _listed(self, rows: tuple[tempids.CertificateRow, ...]) -> None:
        chosen = self._chosen_row()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            state = (self.tr("Void: %1").replace("%1", row.void_reason) if row.void
                     else self.tr("Valid"))
            for column, value in enumerate((
                    row.serial, row.ticket, row.name, f"{row.center}/{row.room}",
                    ",".join(row.sessions), row.officer, row.unit,
                    f"{row.issued_at.astimezone():%m-%d %H:%M}", state)):
                self.table.setItem(n, column, QTableWidgetItem(value))
            if chosen is not None and row.serial == chosen.serial:
                self.table.selectRow(n)
        self._row_chosen()
        emit(self.listed)

    def _find(self) -> None:
        text = self.search.text().strip()
        self._asked += 1
        asked = self._asked
        if not text or self._index is None:
            self._hits_found(asked, ())
            return
        actor, center, index, now = (self.context.actor, self.desk_center, self._index,
                                     clock.now())

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            exam = resolve_exam(session)
            hits = tempids.find(session, exam, text, actor=actor, desk_center=center,
                                index=index, now=now)
            photo = tempids.hit_photo(session, exam, hits[0], actor=actor) if hits else None
            return hits, photo

        self.context.operations.read(
            self.tr("Finding the candidate"), work, quiet=True,
            on_success=lambda found: self._hits_found(asked, *found))

    def _hits_found(self, asked: int, hits: tuple[tempids.TempIdHit, ...],
                    photo: bytes | None = None) -> None:
        if asked != self._asked:
            return  # the officer typed on: a newer search answers
        self._answered = asked
        self.hits = hits
        self._photos = {hits[0].candidate_id: photo} if hits else {}
        self.hit_list.blockSignals(True)
        self.hit_list.clear()
        seat = self.tr("seat %1")
        for hit in hits:
            where = (f"{hit.center}/{hit.room} " + seat.replace("%1", str(hit.seat_no))
                     if hit.visible else hit.center)
            QListWidgetItem(f"{hit.name}  {hit.ticket_no}  {hit.id_number}  {where}",
                            self.hit_list)
        self.hit_list.blockSignals(False)
        if hits:
            self.hit_list.setCurrentRow(0)
        self._show_hit(0 if hits else -1)
        emit(self.found, len(hits))
        if self._issue_when_found:
            self._issue_when_found = False
            if len(hits) == 1:  # several: the officer chooses first
                self.issue()

    def _next_hit(self) -> None:
        if self.hit_list.count():
            self.hit_list.setFocus()
            self.hit_list.setCurrentRow(min(self.hit_list.currentRow() + 1,
                                            self.hit_list.count() - 1))

    # -- the card -------------------------------------------------------------------------

    def current_hit(self) -> tempids.TempIdHit | None:
        row = self.hit_list.currentRow()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def _show_hit(self, _row: int) -> None:
        hit = self.current_hit()
        self.warning.hide()
        if hit is None or hit.candidate_id != self._desk_photo_for:
            self._drop_desk_photo()  # it was taken of someone else
        self._show_sessions(hit)
        can_photo = hit is not None and hit.visible and not hit.withdrawn
        self.photo_file_button.setEnabled(can_photo)
        self.camera_button.setEnabled(can_photo)
        if hit is None:
            self.card.clear()
            self._set_photo(None)
            self.issue_button.setEnabled(False)
            self.doubt_button.setEnabled(False)
            return
        lines = [f"{hit.name}（{hit.gender}）", self.tr("ID number: %1").replace(
            "%1", hit.id_number)]
        if hit.visible:
            lines += [
                self.tr("Ticket: %1   Registration: %2").replace("%1", hit.ticket_no or "—")
                .replace("%2", hit.registration_no),
                self.tr("Center %1 %2, room %3, seat %4").replace("%1", hit.center)
                .replace("%2", hit.center_name).replace("%3", hit.room or "—")
                .replace("%4", str(hit.seat_no or "—")),
                self.tr("Sessions that day: %1").replace("%1", "；".join(
                    s.label + (self.tr(" (over)") if s.over else "") for s in hit.sessions)
                    or self.tr("none")),
            ]
        self.card.setText("\n".join(lines))
        warnings = []
        if hit.other_center:
            warnings.append(self.tr("This candidate sits at test center %1, not at this "
                                    "desk's center: send them there.")
                            .replace("%1", hit.other_center))
        if hit.valid_serial:
            warnings.append(self.tr("Already holds the valid certificate %1.")
                            .replace("%1", hit.valid_serial))
        if hit.withdrawn:
            warnings.append(self.tr("Has withdrawn from the exam."))
        if warnings:
            self.warning.setText("\n".join(warnings))
            self.warning.show()
        if self.desk_photo is not None:
            pass  # the desk's photo stays shown
        elif hit.candidate_id in self._photos:
            self._set_photo(self._photos[hit.candidate_id])
        else:
            self._read_photo(hit)
        self.issue_button.setEnabled(hit.visible and not hit.valid_serial and not hit.withdrawn
                                     and not self._issuing)
        self.doubt_button.setEnabled(hit.visible and not hit.withdrawn)

    def _read_photo(self, hit: tempids.TempIdHit) -> None:
        self._set_photo(None)
        actor = self.context.actor

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            return tempids.hit_photo(session, resolve_exam(session), hit, actor=actor)

        def shown(photo: bytes | None) -> None:
            self._photos[hit.candidate_id] = photo
            if self.current_hit() == hit and self.desk_photo is None:
                self._set_photo(photo)

        self.context.operations.read(self.tr("Reading the photo"), work, quiet=True,
                                     on_success=shown)

    def _set_photo(self, photo: bytes | None) -> None:
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(pixmap.scaled(
                PHOTO_W, PHOTO_H, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.clear()
            self.photo.setText(self.tr("No photo"))

    def _show_sessions(self, hit: tempids.TempIdHit | None) -> None:
        """The hit's sessions of the day as check boxes, those not over checked."""
        for box, _session in self.session_boxes:
            self.sessions_row.removeWidget(box)
            box.deleteLater()
        self.session_boxes = []
        self.sessions_note.hide()
        for day_session in (hit.sessions if hit is not None and hit.visible else ()):
            box = QCheckBox(day_session.label + (self.tr(" (over)") if day_session.over
                                                 else ""))
            box.setObjectName(f"tempidSession{day_session.code}")
            box.setChecked(not day_session.over)
            box.toggled.connect(lambda _on: self.sessions_note.hide())
            self.sessions_row.addWidget(box)
            self.session_boxes.append((box, day_session))

    def checked_sessions(self) -> list[str]:
        """The codes of the sessions checked: what the certificate covers."""
        return [day_session.code for box, day_session in self.session_boxes
                if box.isChecked()]

    # -- the desk's photo -----------------------------------------------------------------

    def choose_photo_file(self) -> Path | None:
        """An image file chosen in a dialog (replaced in tests)."""
        folder = str(self.context.settings.value("tempid/photo_folder", "") or camera_roll())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The candidate's photo"), folder,
            self.tr("Images (*.jpg *.jpeg *.png)"))
        return Path(chosen) if chosen else None

    def choose_camera_folder(self, start: Path) -> Path | None:
        """The folder the camera saves into, chosen in a dialog (replaced in tests)."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The folder the camera saves its photos into"), str(start))
        return Path(chosen) if chosen else None

    def camera_folder(self) -> Path | None:
        """The camera's folder the desk chose ("" until it chooses one)."""
        remembered = str(self.context.settings.value("tempid/camera_folder", "") or "")
        return Path(remembered) if remembered else None

    def _show_camera_folder(self) -> None:
        folder = self.camera_folder()
        self.camera_button.setToolTip(
            self.tr("Takes the newest JPEG or PNG in %1").replace("%1", str(folder))
            if folder else self.tr("Asks once for the folder the camera saves into"))

    def change_camera_folder(self) -> Path | None:
        """Ask for the camera's folder and remember it for the desk."""
        chosen = self.choose_camera_folder(self.camera_folder() or camera_roll())
        if chosen is not None:
            self.context.settings.setValue("tempid/camera_folder", str(chosen))
            self._show_camera_folder()
        return chosen

    def photo_from_file(self) -> None:
        """Take the photo from an image file the desk chooses."""
        hit = self.current_hit()
        if hit is None:
            return
        chosen = self.choose_photo_file()
        if chosen is not None:
            self.context.settings.setValue("tempid/photo_folder", str(chosen.parent))
            self._take_photo(hit, lambda: chosen)

    def photo_from_camera(self) -> None:
        """Take the newest image in the camera's folder (asked for the first time)."""
        hit = self.current_hit()
        if hit is None:
            return
        folder = self.camera_folder() or self.change_camera_folder()
        if folder is None:
            return
        empty = self.tr("%1 holds no JPEG or PNG photo; take the photo with the camera "
                        "first.").replace("%1", str(folder))

        def newest() -> Path:
            found = newest_image(folder)
            if found is None:
                raise BadInput(empty)
            return found

        self._take_photo(hit, newest)

    def _take_photo(self, hit: tempids.TempIdHit, source: Callable[[], Path]) -> None:
        """Read and check the image file ``source`` names, off the UI thread; shown on the
        card when it is good, its error beside the photo when not."""

        def work(_progress: Any, _cancelled: Any) -> tuple[DeskPhoto, bytes]:
            photo = read_photo(source())
            return photo, tempids.desk_photo(photo.data, photo.file)

        def taken(result: tuple[DeskPhoto, bytes]) -> None:
            self._reading_photo = False
            if self.current_hit() != hit:
                self._issue_after_photo = False
                return  # another candidate was chosen meanwhile
            # fitted already: the issue's write (the lock other desks wait for) stays short
            self.desk_photo = DeskPhoto(result[1], result[0].file)
            self._desk_photo_for = hit.candidate_id
            self._set_photo(result[1])
            self.photo_mark.show()
            self.photo_note.hide()
            emit(self.photo_taken, True)
            if self._issue_after_photo:
                self._issue_after_photo = False
                self.issue()

        def refused(message: str) -> None:
            self._reading_photo = self._issue_after_photo = False  # not issued without it
            self.photo_note.setText(message)
            self.photo_note.show()
            emit(self.photo_taken, False)

        self._reading_photo, self._issue_after_photo = True, False
        self.context.operations.run(self.tr("Reading the photo"), work,
                                    on_success=taken, on_failure=refused)

    def _drop_desk_photo(self) -> None:
        self.photo_note.hide()
        if self.desk_photo is None:
            return
        self.desk_photo, self._desk_photo_for = None, None
        self.photo_mark.hide()
        hit = self.current_hit()  # the registration photo again
        self._set_photo(self._photos.get(hit.candidate_id) if hit is not None else None)

    # -- issue, print, void ---------------------------------------------------------------

    def issue(self) -> None:
        """Issue a certificate to the chosen candidate and print it at once."""
        if self._typing.isActive() or self._answered != self._asked:
            # the hits shown are of an older text: issue once the text typed is found
            self._issue_when_found = True
            return
        hit = self.current_hit()
        if hit is None or not self.issue_button.isEnabled():
            return
        officer, unit = self.officer.text().strip(), self.unit.text().strip()
        if not officer or not unit:
            self.status.setText(self.tr("Give the officer's name and police unit first."))
            (self.officer if not officer else self.unit).setFocus()
            return
        sessions = self.checked_sessions()
        if not sessions:
            self.sessions_note.setText(self.tr("Check the sessions it covers."))
            self.sessions_note.show()
            return
        if self._reading_photo:  # the photo just chosen goes with this issue
            self._issue_after_photo = True
            return
        photo = self.desk_photo
        self.context.settings.setValue("tempid/officer", officer)
        self.context.settings.setValue("tempid/unit", unit)
        actor, now = self.context.actor, clock.now()
        self._issuing = True
        self.issue_button.setEnabled(False)

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            return tempids.issue(
                session, actor, resolve_exam(session), hit.candidate_id, officer=officer,
                unit=unit, sessions=sessions, now=now,
                photo=None if photo is None else photo.data,
                photo_file="" if photo is None else photo.file)

        self.context.operations.write(
            "tempid issue", self.tr("Issuing the certificate"), work,
            on_success=self._issued, on_failure=self._refused)

    def _refused(self, message: str) -> None:
        self._issuing = False
        self.status.setText(message)
        self._show_hit(self.hit_list.currentRow())

    def _issued(self, row: tempids.CertificateRow) -> None:
        self._issuing = False
        self._drop_desk_photo()  # it went with this certificate
        self.status.setText(self.tr("Issued %1 to %2; printing…").replace("%1", row.serial)
                            .replace("%2", row.name))
        emit(self.issued, row.serial)
        self._print(row.serial)
        self.search.clear()
        self.search.setFocus()

    def _print(self, serial: str) -> None:
        database = self.context.operations.database
        assert database is not None
        actor, folder = self.context.actor, self.folder

        def work(_progress: Any, _cancelled: Any) -> PrintedCertificate:
            return print_certificate(database, actor, serial, folder)

        self.context.operations.run(self.tr("Printing the certificate"), work,
                                    on_success=self._written)

    def _written(self, done: PrintedCertificate) -> None:
        self.send(done.path, self)
        self.status.setText(self.tr("%1 sent to the printer.").replace("%1", done.path.name))
        emit(self.printed, done.path)

    def _chosen_row(self) -> tempids.CertificateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _row_chosen(self) -> None:
        row = self._chosen_row()
        self.void_button.setEnabled(row is not None and not row.void)
        self.reprint_button.setEnabled(row is not None and not row.void)

    def reprint(self) -> None:
        row = self._chosen_row()
        if row is not None:
            self._print(row.serial)

    def void(self) -> None:
        """Void the chosen certificate, asking why."""
        row = self._chosen_row()
        if row is None or row.void:
            return
        reason, given = self.ask_reason(row)
        if not given or not reason.strip():
            return
        actor, serial = self.context.actor, row.serial

        def work(session: Any, _progress: Any, _cancelled: Any) -> Any:
            return tempids.void(session, actor, resolve_exam(session), serial, reason)

        self.context.operations.write(
            "tempid void", self.tr("Voiding the certificate"), work,
            on_success=lambda done: self.status.setText(
                self.tr("Voided %1.").replace("%1", done.serial)))

    def ask_reason(self, row: tempids.CertificateRow) -> tuple[str, bool]:
        """Why the certificate is void (a dialog; replaced in tests)."""
        return QInputDialog.getText(
            self, self.tr("Void %1").replace("%1", row.serial),
            self.tr("Why is the certificate %1 of %2 void?").replace("%1", row.serial)
            .replace("%2", row.name))
