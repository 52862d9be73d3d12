"""The 考务日 area's 违纪 and 事件/医疗 tabs: violations coded to the regulation, the exam
day's other incidents, and the medical post's log (issue 14; docs/violations.md).

The recorder picks the act from the regulation's list (its consequence shown at once),
names the candidate by ticket, ID or registration number, and records; the list shows every
violation at the centers the clerk may see. Incidents are recorded, listed and closed; the
medical post logs who was treated. Every read and change goes through the background helper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from examdesk.enums import IncidentKind, Signature
from examdesk.services.audit import ROLE_PERMISSIONS, Actor, Permission
from examdesk.services.incident_exports import signature_text
from examdesk.services.incidents import KIND_LABELS, STATUS_LABELS, IncidentRow, MedicalRow
from examdesk.services.violations import Act, InvigilatorChoices, ViolationRow
from ui.window.pages import Page, PageContext, refuse_buttons
from ui.window.pages.runs import fit_facets, while_alive
from ui.window.tables import Column, RowKind, SearchableTable


def _time(moment: Any) -> str:
    return "" if moment is None else f"{moment.astimezone():%m-%d %H:%M}"


def exam_day_refusal(actor: Actor) -> str:
    """Why the signed-in user may not record here ("" when they may somewhere)."""
    if actor.grants is None or any(Permission.EXAM_DAY in ROLE_PERMISSIONS[grant.role]
                                   for grant in actor.grants):
        return ""
    return QCoreApplication.translate("ExamDayPage", "User {user} may not do exam-day work."
                                      ).replace("{user}", actor.username)


class ViolationsPage(Page):
    """The 违纪 tab: record a candidate's violation, list those recorded."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.acts: tuple[Act, ...] = ()
        self.who = QLineEdit()
        self.who.setObjectName("violationWho")
        self.who.setPlaceholderText(self.tr("Ticket, ID or registration number"))
        self.session_box = QComboBox()
        self.session_box.setObjectName("violationSession")
        self.act_box = QComboBox()
        self.act_box.setObjectName("violationAct")
        self.act_box.setMinimumContentsLength(40)
        self.consequence = QLabel()
        self.consequence.setObjectName("violationConsequence")
        self.consequence.setWordWrap(True)
        self.text = QLineEdit()
        self.text.setObjectName("violationText")
        self.text.setPlaceholderText(self.tr("What was seen"))
        self.signature_box = QComboBox()
        self.signature_box.setObjectName("violationSignature")
        self.signature_box.addItem(self.tr("Not asked yet"), None)
        self.signature_box.addItem(self.tr("Signed"), Signature.SIGNED.value)
        self.signature_box.addItem(self.tr("Refused to sign"), Signature.REFUSED.value)
        self.witness = QLineEdit()
        self.witness.setObjectName("violationWitness")
        self.witness.setPlaceholderText(self.tr("Witness of a refusal"))
        self.photos: list[Path] = []
        self.photo_button = QPushButton(self.tr("Add photos…"))
        self.photo_button.setObjectName("violationPhotos")
        self.photo_label = QLabel()
        self.photo_label.setObjectName("violationPhotoNames")
        self.invigilator_boxes = (QComboBox(), QComboBox())
        for n, combo in enumerate(self.invigilator_boxes, 1):
            combo.setObjectName(f"violationInvigilator{n}")
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.invigilator_note = QLabel()
        self.invigilator_note.setObjectName("violationInvigilatorNote")
        self.invigilator_note.setWordWrap(True)
        # the choices read for (candidate, session); None: none read for what the form holds
        self.choices: InvigilatorChoices | None = None
        self.choices_for: tuple[str, str] | None = None
        self.record_button = QPushButton(self.tr("Record the violation"))
        self.record_button.setObjectName("recordViolation")
        self.result = QLabel()
        self.result.setObjectName("violationResult")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Candidate"), self.who)
        form.addRow(self.tr("Session"), self.session_box)
        form.addRow(self.tr("Act"), self.act_box)
        form.addRow(self.tr("Consequence"), self.consequence)
        pair = QHBoxLayout()
        for combo in self.invigilator_boxes:
            pair.addWidget(combo)
        pair.addWidget(self.invigilator_note, 1)
        form.addRow(self.tr("Invigilators"), pair)
        form.addRow(self.tr("Evidence"), self.text)
        photos = QHBoxLayout()
        photos.addWidget(self.photo_button)
        photos.addWidget(self.photo_label, 1)
        form.addRow(self.tr("Photos"), photos)
        signature = QHBoxLayout()
        signature.addWidget(self.signature_box)
        signature.addWidget(self.witness, 1)
        form.addRow(self.tr("Signature"), signature)
        box = QGroupBox(self.tr("Record a violation"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.result, 1)
        box_layout.addLayout(buttons)
        self.table: SearchableTable[ViolationRow] = SearchableTable(RowKind(
            key=lambda r: r.id,
            columns=(
                Column(self.tr("No."), lambda r: str(r.id), lambda r: r.id, numeric=True),
                Column(self.tr("Time"), lambda r: _time(r.occurred_at)),
                Column(self.tr("Session"), lambda r: r.session),
                Column(self.tr("Room"), lambda r: f"{r.center}/{r.room}"),
                Column(self.tr("Seat"), lambda r: str(r.seat_no), lambda r: r.seat_no,
                       numeric=True),
                Column(self.tr("Ticket"), lambda r: r.ticket_no),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Article"), lambda r: r.act.citation),
                Column(self.tr("Consequence"), lambda r: r.act.consequence),
                Column(self.tr("Invigilators"),
                       lambda r: "、".join(name for name in r.invigilators if name)),
                Column(self.tr("Signature"), lambda r: signature_text(r.signature, r.witness)),
                Column(self.tr("Recorded by"), lambda r: r.recorded_by),
            ),
            search=lambda r: (r.name, (r.ticket_no, r.registration_no, r.act.code))))
        self.table.setObjectName("violationTable")
        self.print_button = QPushButton(self.tr("Print the selected record…"))
        self.print_button.setObjectName("printViolation")
        self.sign_button = QPushButton(self.tr("Set the selected record's signature"))
        self.sign_button.setObjectName("signViolation")
        self.sign_button.setToolTip(self.tr("The candidate signed, or refused before the "
                                            "witness named above, after it was recorded"))
        printing = QHBoxLayout()
        printing.addStretch(1)
        printing.addWidget(self.sign_button)
        printing.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.table, 1)
        layout.addLayout(printing)
        self.act_box.currentIndexChanged.connect(self._show_consequence)
        self.who.editingFinished.connect(self._read_invigilators)
        self.who.textChanged.connect(self._forget_invigilators)
        self.session_box.currentIndexChanged.connect(self._read_invigilators)
        for combo in self.invigilator_boxes:
            combo.currentIndexChanged.connect(self._check_pair)
        self.record_button.clicked.connect(self._record)
        self.print_button.clicked.connect(self._print)
        self.sign_button.clicked.connect(self._sign)
        self.photo_button.clicked.connect(self._add_photos)
        refuse_buttons((self.record_button, self.sign_button), exam_day_refusal(context.actor))

    def refresh(self, changes: object | None = None) -> None:
        """Read the acts, the sessions and the violations recorded."""
        from examdesk.services import violations
        from examdesk.services.exams import resolve_exam
        from examdesk.services.rows.choices import filter_choices

        actor = self.context.actor

        def read(session: Any, progress: Any, cancelled: Any) -> tuple[Any, ...]:
            exam = resolve_exam(session)
            return (violations.acts(session), filter_choices(session, exam, actor=actor),
                    violations.violations(session, actor, exam))

        self.context.operations.read(self.tr("Read the violations"), read,
                                     on_success=while_alive(self, self._show), quiet=True)

    def _show(self, read: tuple[Any, ...]) -> None:
        acts, choices, rows = read
        if acts != self.acts:
            self.acts = acts
            self.act_box.clear()
            for act in acts:
                self.act_box.addItem(f"{act.code} {act.citation} {act.wording}", act.code)
        if self.session_box.count() != len(choices.sessions):
            self.session_box.clear()
            for choice in choices.sessions:
                self.session_box.addItem(choice.name, choice.code)
        self.table.set_rows(rows)

    def _show_consequence(self, index: int) -> None:
        act = self.acts[index] if 0 <= index < len(self.acts) else None
        self.consequence.setText(act.consequence if act else "")

    def _read_invigilators(self) -> None:
        """Read whom the recorder may name for the candidate and session typed (in the
        background): those on duty in the candidate's room first, then the center's other
        invigilators."""
        from examdesk.services import violations
        from examdesk.services.exams import resolve_exam

        who, session_code = self._typed()
        if not who or not session_code or (who, session_code) == self.choices_for:
            return
        actor = self.context.actor

        def read(session: Any, progress: Any, cancelled: Any) -> InvigilatorChoices:
            return violations.invigilator_choices(session, actor, resolve_exam(session),
                                                  who=who, session_code=session_code)

        def failed(message: str) -> None:
            if (who, session_code) == self._typed():
                self._no_invigilators(message)

        self.context.operations.read(
            self.tr("Read the invigilators"), read,
            on_success=while_alive(self, lambda found: self._show_invigilators(
                (who, session_code), found)),
            on_failure=while_alive(self, failed), quiet=True)

    def _typed(self) -> tuple[str, str]:
        """The candidate and session the form holds."""
        return self.who.text().strip(), self.session_box.currentData()

    def _show_invigilators(self, wanted: tuple[str, str], found: InvigilatorChoices) -> None:
        """Fill both boxes, the two on duty chosen (none when nobody is)."""
        if wanted != self._typed():
            return  # read for what the form held before: another read follows
        self.choices, self.choices_for = found, wanted
        on_duty = found.on_duty
        for n, combo in enumerate(self.invigilator_boxes):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(nobody)"), None)
            for choice in found.choices:
                # "on duty": on room duty in the candidate's room in this session
                combo.addItem(self.tr("{name} (on duty)").replace("{name}", choice.name)
                              if choice.on_duty else choice.name, choice.id)
            combo.setCurrentIndex(1 + n if n < len(on_duty) else 0)
            combo.blockSignals(False)
        self._check_pair()

    def _forget_invigilators(self, typed: str) -> None:
        """Another candidate is being typed: the boxes of the last one are emptied."""
        if self.choices_for is not None and typed.strip() != self.choices_for[0]:
            self._no_invigilators("")

    def _no_invigilators(self, message: str) -> None:
        """The candidate or session typed names nobody: the boxes stay empty, and say why."""
        self.choices, self.choices_for = None, None
        for combo in self.invigilator_boxes:
            combo.clear()
        self.invigilator_note.setStyleSheet("")
        self.invigilator_note.setText(message)

    def _chosen(self) -> list[int | None]:
        return [combo.currentData() for combo in self.invigilator_boxes]

    def _check_pair(self) -> str:
        """Say beside the boxes why the two chosen cannot sign the record ("" when they
        can), or that nobody is on duty."""
        from examdesk.services.violations import pair_problem

        if self.choices is None:
            self.invigilator_note.clear()
            return ""
        problem = pair_problem(self._chosen(), self.choices.on_duty)
        if problem:
            self.invigilator_note.setStyleSheet("color: #b00020")
            self.invigilator_note.setText(problem)
        else:
            self.invigilator_note.setStyleSheet("")
            self.invigilator_note.setText(
                "" if self.choices.on_duty else
                self.tr("Nobody is on duty in room {room} in this session: the record may "
                        "name fewer than two invigilators.").replace("{room}",
                                                                     self.choices.room))
        return problem

    def _record(self) -> None:
        from examdesk.services import violations
        from examdesk.services.exams import resolve_exam

        actor = self.context.actor
        who, session_code = self.who.text(), self.session_box.currentData()
        chosen: list[int] | None = None
        if self.choices is not None and self.choices_for == self._typed():
            if self._check_pair():
                return
            chosen = [sid for sid in self._chosen() if sid is not None]
        # else the boxes are of another candidate (or not read yet): those on duty
        act_code, text = self.act_box.currentData(), self.text.text()
        signed = self.signature_box.currentData()
        signature = Signature(signed) if signed else None
        witness = self.witness.text()
        photos = tuple(self.photos)

        def work(session: Any, progress: Any, cancelled: Any) -> ViolationRow:
            return violations.record_violation(
                session, actor, resolve_exam(session), who=who, session_code=session_code or "",
                act_code=act_code or "", description=text, signature=signature,
                witness=witness, evidence=photos, invigilator_ids=chosen)

        self.context.operations.write("violation add", self.tr("Record the violation"), work,
                                      on_success=while_alive(self, self._recorded))

    def _recorded(self, row: ViolationRow) -> None:
        self.result.setText(self.tr("Recorded No. {id}: {name} ({ticket}), {citation}: {what}")
                            .replace("{id}", str(row.id)).replace("{name}", row.name)
                            .replace("{ticket}", row.ticket_no)
                            .replace("{citation}", row.act.citation)
                            .replace("{what}", row.act.consequence))
        self.who.clear()  # empties the invigilators' boxes too
        self.text.clear()
        self.witness.clear()
        self.photos = []
        self.photo_label.clear()

    def _add_photos(self) -> None:
        """Choose photo files to keep with the record (copied into the database)."""
        folder = str(self.context.settings.value("export/folder", str(Path.home())))
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the evidence"), folder,
            self.tr("Images (*.jpg *.jpeg *.png *.heic)"))
        self.photos.extend(Path(name) for name in chosen)
        self.photo_label.setText("、".join(path.name for path in self.photos))

    def _sign(self) -> None:
        """Set the selected record's signature from the form's signature and witness."""
        from examdesk.services import violations
        from examdesk.services.exams import resolve_exam

        key = self.table.current_key()
        signed = self.signature_box.currentData()
        if not isinstance(key, int) or not signed:
            self.result.setText(self.tr("Select a violation in the list and choose signed "
                                        "or refused first."))
            return
        row = self.table.model.row_at(self.table.model.line_of(key) or 0)
        actor, witness = self.context.actor, self.witness.text()

        def work(session: Any, progress: Any, cancelled: Any) -> ViolationRow:
            return violations.sign_violation(session, actor, resolve_exam(session), key,
                                             signature=Signature(signed), witness=witness,
                                             version=row.version)

        self.context.operations.write("violation sign", self.tr("Set the signature"), work)

    def _print(self) -> None:
        """Ask for a folder, write the selected record's form there and say where."""
        from ui.jobs.violation_print import print_violation

        key = self.table.current_key()
        database = self.context.operations.database
        if not isinstance(key, int) or database is None:
            self.result.setText(self.tr("Select a violation in the list first."))
            return
        folder = str(self.context.settings.value("export/folder", str(Path.home())))
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the violation record"), folder)
        if not chosen:
            return
        self.context.settings.setValue("export/folder", chosen)
        actor = self.context.actor

        def work(progress: Any, cancelled: Any) -> Path:
            return print_violation(database, actor, key, Path(chosen))[0]

        self.context.operations.run(self.tr("Print the violation record"), work,
                                    on_success=while_alive(self, self._printed))

    def _printed(self, path: Path) -> None:
        self.result.setText(self.tr("Wrote {path}").replace("{path}", str(path)))

    def select(self, key: object) -> bool:
        return self.table.select(key) if isinstance(key, int) else False


class IncidentsPage(Page):
    """The 事件/医疗 tab: record, list and close incidents; the medical post's log."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("incidentKind")
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(label, kind.value)  # Qt keeps a StrEnum as its str
        self.session_box = QComboBox()
        self.session_box.setObjectName("incidentSession")
        self.room = QLineEdit()
        self.room.setObjectName("incidentRoom")
        self.room.setPlaceholderText(self.tr("CENTER/ROOM (optional)"))
        self.who = QLineEdit()
        self.who.setObjectName("incidentWho")
        self.who.setPlaceholderText(self.tr("Candidate concerned (optional)"))
        self.text = QLineEdit()
        self.text.setObjectName("incidentText")
        self.text.setPlaceholderText(self.tr("What happened"))
        self.action = QLineEdit()
        self.action.setObjectName("incidentAction")
        self.action.setPlaceholderText(self.tr("Action taken"))
        self.add_button = QPushButton(self.tr("Record the incident"))
        self.add_button.setObjectName("addIncident")
        self.close_button = QPushButton(self.tr("Close the selected incident"))
        self.close_button.setObjectName("closeIncident")
        form = QFormLayout()
        first = QHBoxLayout()
        first.addWidget(self.kind_box)
        first.addWidget(self.session_box)
        first.addWidget(self.room)
        first.addWidget(self.who)
        form.addRow(self.tr("Incident"), first)
        second = QHBoxLayout()
        second.addWidget(self.text, 2)
        second.addWidget(self.action, 1)
        second.addWidget(self.add_button)
        form.addRow(self.tr("Description"), second)
        box = QGroupBox(self.tr("Incidents"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        self.table: SearchableTable[IncidentRow] = SearchableTable(RowKind(
            key=lambda r: r.id,
            columns=(
                Column(self.tr("No."), lambda r: str(r.id), lambda r: r.id, numeric=True),
                Column(self.tr("Time"), lambda r: _time(r.occurred_at)),
                Column(self.tr("Kind"), lambda r: r.kind_label),
                Column(self.tr("Session"), lambda r: r.session),
                Column(self.tr("Place"), lambda r: f"{r.center}/{r.room}" if r.room
                       else r.center),
                Column(self.tr("People"), lambda r: r.people),
                Column(self.tr("Description"), lambda r: r.description),
                Column(self.tr("Action taken"), lambda r: r.action_taken),
                Column(self.tr("Reported by"), lambda r: r.reported_by),
                Column(self.tr("Status"), lambda r: STATUS_LABELS[r.status]),
            ),
            search=lambda r: (r.people, (r.description, r.center, r.room)),
            facets={"status": lambda r: STATUS_LABELS[r.status]}),
            {"status": self.tr("Status")})
        self.table.setObjectName("incidentTable")
        fit_facets(self.table)
        box_layout.addWidget(self.table, 1)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        box_layout.addLayout(closing)
        for combo in (self.kind_box, self.session_box):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.medical_center = QComboBox()
        self.medical_center.setObjectName("medicalCenter")
        self.medical_center.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.medical_who = QLineEdit()
        self.medical_who.setObjectName("medicalWho")
        self.medical_who.setPlaceholderText(self.tr("Candidate (ticket...) or name"))
        self.complaint = QLineEdit()
        self.complaint.setObjectName("medicalComplaint")
        self.complaint.setPlaceholderText(self.tr("What was treated"))
        self.outcome = QLineEdit()
        self.outcome.setObjectName("medicalOutcome")
        self.outcome.setPlaceholderText(self.tr("Outcome"))
        self.returned = QCheckBox(self.tr("Went back to the room"))
        self.returned.setObjectName("medicalReturned")
        self.medical_button = QPushButton(self.tr("Log the treatment"))
        self.medical_button.setObjectName("addMedical")
        medical_form = QHBoxLayout()
        for widget, stretch in ((self.medical_center, 0), (self.medical_who, 1),
                                (self.complaint, 2), (self.outcome, 1), (self.returned, 0),
                                (self.medical_button, 0)):
            medical_form.addWidget(widget, stretch)
        medical = QGroupBox(self.tr("Medical post"))
        medical_layout = QVBoxLayout(medical)
        medical_layout.addLayout(medical_form)
        self.medical_table: SearchableTable[MedicalRow] = SearchableTable(RowKind(
            key=lambda r: r.id,
            columns=(
                Column(self.tr("Time"), lambda r: _time(r.treated_at)),
                Column(self.tr("Center"), lambda r: r.center),
                Column(self.tr("Who"), lambda r: r.person),
                Column(self.tr("Treated for"), lambda r: r.complaint),
                Column(self.tr("Outcome"), lambda r: r.outcome),
                Column(self.tr("Back in the room"), lambda r: "" if r.returned is None
                       else (self.tr("Yes") if r.returned else self.tr("No"))),
            ),
            search=lambda r: (r.person, (r.complaint,))))
        self.medical_table.setObjectName("medicalTable")
        medical_layout.addWidget(self.medical_table, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(box, 3)
        layout.addWidget(medical, 2)
        self.add_button.clicked.connect(self._add)
        self.close_button.clicked.connect(self._close)
        self.medical_button.clicked.connect(self._log)
        refuse_buttons((self.add_button, self.close_button, self.medical_button),
                       exam_day_refusal(context.actor))

    def refresh(self, changes: object | None = None) -> None:
        """Read the incidents, the medical log and the sessions and centers."""
        from examdesk.services import incidents
        from examdesk.services.exams import resolve_exam
        from examdesk.services.rows.choices import filter_choices

        actor = self.context.actor

        def read(session: Any, progress: Any, cancelled: Any) -> tuple[Any, ...]:
            exam = resolve_exam(session)
            return (filter_choices(session, exam, actor=actor),
                    incidents.incidents(session, actor, exam),
                    incidents.medical_log(session, actor, exam))

        self.context.operations.read(self.tr("Read the incidents"), read,
                                     on_success=while_alive(self, self._show), quiet=True)

    def _show(self, read: tuple[Any, ...]) -> None:
        choices, rows, visits = read
        if self.session_box.count() != len(choices.sessions):
            self.session_box.clear()
            for choice in choices.sessions:
                self.session_box.addItem(choice.name, choice.code)
        if self.medical_center.count() != len(choices.centers):
            self.medical_center.clear()
            for choice in choices.centers:
                self.medical_center.addItem(f"{choice.code} {choice.name}", choice.code)
        self.table.set_rows(rows)
        self.medical_table.set_rows(visits)

    def _add(self) -> None:
        from examdesk.services import incidents
        from examdesk.services.exams import resolve_exam

        actor = self.context.actor
        kind = IncidentKind(self.kind_box.currentData())
        session_code = self.session_box.currentData()
        room, who = self.room.text().strip() or None, self.who.text().strip() or None
        text, action = self.text.text(), self.action.text()

        def work(session: Any, progress: Any, cancelled: Any) -> IncidentRow:
            return incidents.add_incident(session, actor, resolve_exam(session), kind=kind,
                                          session_code=session_code or "", room=room, who=who,
                                          description=text, action_taken=action)

        self.context.operations.write("incident add", self.tr("Record the incident"), work,
                                      on_success=while_alive(self, self._added))

    def _added(self, _row: IncidentRow) -> None:
        for line in (self.room, self.who, self.text, self.action):
            line.clear()

    def _close(self) -> None:
        from examdesk.services import incidents
        from examdesk.services.exams import resolve_exam

        key = self.table.current_key()
        line = self.table.model.line_of(key)
        if not isinstance(key, int) or line is None:
            return
        actor, version = self.context.actor, self.table.model.row_at(line).version

        def work(session: Any, progress: Any, cancelled: Any) -> IncidentRow:
            return incidents.close_incident(session, actor, resolve_exam(session), key,
                                            version=version)

        self.context.operations.write("incident close", self.tr("Close the incident"), work)

    def _log(self) -> None:
        from examdesk.services import incidents
        from examdesk.services.exams import resolve_exam
        from examdesk.services.lookup import is_number

        actor = self.context.actor
        center = self.medical_center.currentData() or ""
        typed = self.medical_who.text().strip()
        who, person = (typed, "") if typed and is_number(typed) else (None, typed)
        complaint, outcome = self.complaint.text(), self.outcome.text()
        returned = self.returned.isChecked() if who else None

        def work(session: Any, progress: Any, cancelled: Any) -> MedicalRow:
            return incidents.add_medical_visit(session, actor, resolve_exam(session),
                                               center=center, who=who, person=person,
                                               complaint=complaint, outcome=outcome,
                                               returned=returned)

        self.context.operations.write("medical add", self.tr("Log the treatment"), work,
                                      on_success=while_alive(self, self._logged))

    def _logged(self, _row: MedicalRow) -> None:
        for line in (self.medical_who, self.complaint, self.outcome):
            line.clear()
        self.returned.setChecked(False)

    def select(self, key: object) -> bool:
        return self.table.select(key) if isinstance(key, int) else False

