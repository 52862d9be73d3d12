"""The 审计 area: the audit trail, newest first, filtered by user, kind of action, days and
the person concerned, with the selected event's values before and after beside it.

The trail of a provincial exam holds hundreds of thousands of events, so the page never reads
it whole: the filters go to the database (examdesk/services/rows/audit.py) and the table
shows one page of the newest events they keep, the next page read when asked ("More"). It is
read-only: nothing here, nor anywhere in ExamDesk, edits an event. Who may read it is the read
model's decision; a refusal is shown in place of the table.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from examdesk.services.rows.audit import (
    PAGE,
    AuditChoices,
    AuditFilter,
    AuditRow,
    action_label,
    action_labels,
)
from ui.window.pages import Page, PageContext
from ui.window.pages.runs import while_alive
from ui.window.tables import Column, Prepared, RowKind, SearchableTable, prepare

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exports import ExportResult



@dataclass(frozen=True)
class Loaded:
    """What one read of the page brings: the filter's count, a page of rows, the choices."""

    total: int
    rows: list[AuditRow]
    prepared: Prepared
    choices: AuditChoices
    more: bool  # appended to the rows shown (the next page)


class AuditPage(Page):
    """The audit trail, read-only (see the module's docstring)."""

    reads_when_made = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.loaded = False
        self.total = 0
        self._reading = False
        self._again = False  # a read was asked for while one ran
        self._choices = AuditChoices((), ())
        self._choices_read = False

        self.user_box = QComboBox()
        self.user_box.setObjectName("user")
        self.user_box.addItem(self.tr("All users"), None)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        self.kind_box.addItem(self.tr("All actions"), None)
        # a day limits the list once its box is ticked
        self.since_box, self.since_edit = self._day_edit("since", self.tr("From"))
        self.until_box, self.until_edit = self._day_edit("until", self.tr("to"))
        self.person_line = QLineEdit()
        self.person_line.setObjectName("person")
        self.person_line.setClearButtonEnabled(True)
        self.person_line.setPlaceholderText(
            self.tr("Person concerned: name, ID number, ticket..."))
        for choice in (self.user_box, self.kind_box):
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            choice.currentIndexChanged.connect(lambda _index: self.filter())
        for tick, edit in ((self.since_box, self.since_edit), (self.until_box, self.until_edit)):
            edit.dateChanged.connect(lambda _day, tick=tick: self.filter() if tick.isChecked()
                                     else None)
            tick.toggled.connect(edit.setEnabled)
            tick.toggled.connect(lambda _on: self.filter())
        self.person_line.returnPressed.connect(self.filter)
        # cleared with its button: all people again
        self.person_line.textChanged.connect(lambda text: None if text else self.filter())
        bar = QHBoxLayout()
        bar.addWidget(self.user_box)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.since_box)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.until_box)
        bar.addWidget(self.until_edit)
        bar.addWidget(self.person_line, 1)

        self.table: SearchableTable[AuditRow] = SearchableTable(self._row_kind())
        # the filters above search the database; the table's own box would search one page
        self.table.search_box.hide()
        self.table.count_label.hide()
        self.table.selected.connect(self._show_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setObjectName("more")
        self.more_button.setToolTip(self.tr("Show the next %1 older events")
                                    .replace("%1", str(PAGE)))
        self.more_button.clicked.connect(self.read_more)
        self.more_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export..."))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(
            self.tr("Write the events the filters keep to an Excel workbook"))
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.more_button)
        actions.addWidget(self.export_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)

        self.details_title = QLabel()
        self.details_title.setObjectName("details-title")
        self.details_title.setWordWrap(True)
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)
        self.details_form = QFormLayout()
        self.changes_form = QFormLayout()
        # the recorded details: a change as "before → after", a fact as its value
        self.changes_title = QLabel(self.tr("Details"))
        self.changes_title.setFont(font)
        details = QWidget()
        details.setObjectName("details")
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details_title)
        details_layout.addLayout(self.details_form)
        details_layout.addWidget(self.changes_title)
        details_layout.addLayout(self.changes_form)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)

        self.refused = QLabel()  # the read model's refusal, in place of the table
        self.refused.setObjectName("refused")
        self.refused.setWordWrap(True)
        self.refused.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.refused.setContentsMargins(12, 12, 12, 12)
        self.refused.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.refused)
        layout.addWidget(self.splitter, 1)
        self._show_selected(None)
        self.refresh()

    def _day_edit(self, name: str, title: str) -> tuple[QCheckBox, QDateEdit]:
        box = QCheckBox(title)
        box.setObjectName(f"{name}-on")
        edit = QDateEdit(QDate.currentDate())
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return box, edit

    def _row_kind(self) -> RowKind[AuditRow]:
        return RowKind(
            key=lambda row: row.event_id,
            columns=(
                Column(self.tr("Time"), lambda row: row.local_time,
                       sort_key=lambda row: row.event_id),
                Column(self.tr("User"), lambda row: row.user),
                Column(self.tr("Action"), lambda row: row.action_label),
                Column(self.tr("Concerning"), lambda row: row.about),
                Column(self.tr("Summary"), lambda row: row.summary),
            ),
            search=lambda row: (row.about, (row.user, row.action_label, row.summary)),
        )

    # --- the filters ------------------------------------------------------------------------

    def wanted(self) -> tuple[AuditFilter, str]:
        """The filters as chosen, and the person typed ("" for everyone)."""
        return AuditFilter(
            user=self.user_box.currentData(), action=self.kind_box.currentData(),
            since=_day(self.since_edit.date()) if self.since_box.isChecked() else None,
            until=_day(self.until_edit.date()) if self.until_box.isChecked() else None,
        ), self.person_line.text().strip()

    def _kind_labels(self) -> dict[str, str]:
        """What each kind of action (an action's first part) is about, for the kind filter."""
        return {
            "candidate": self.tr("candidates"), "seat": self.tr("seats"),
            "seating": self.tr("seating"), "room": self.tr("rooms"),
            "staff": self.tr("staff"), "duties": self.tr("duties"),
            "posts": self.tr("posts"), "print": self.tr("printing"),
            "export": self.tr("exports"), "import": self.tr("imports"),
            "exam": self.tr("the exam"), "demo": self.tr("the demo"),
            "attendance": self.tr("attendance"), "tempid": self.tr("temporary IDs"),
            "doubtful": self.tr("doubtful candidates"), "violation": self.tr("violations"),
            "incident": self.tr("incidents"), "medical": self.tr("the medical post"),
            "hotline": self.tr("the hotline"), "center": self.tr("test centers"),
            "database": self.tr("the database"),
        }

    def _set_choices(self, choices: AuditChoices) -> None:
        if choices == self._choices:
            return
        self._choices = choices
        labels = self._kind_labels()
        named = action_labels()
        kinds: dict[str, list[str]] = {}
        for action in sorted(choices.actions):
            kinds.setdefault(action.split(".", 1)[0], []).append(action)
        # each kind (rooms), then its actions by name, indented (Add a room, Change a room...)
        kind_items: list[tuple[str, str]] = []
        for kind, actions in kinds.items():
            label = labels.get(kind) or action_label(kind, named)
            kind_items.append((label, kind))
            kind_items += [("    " + action_label(action, named), action)
                           for action in actions if action != kind]
        for box, items in ((self.user_box, [(user, user) for user in choices.users]),
                           (self.kind_box, kind_items)):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    # --- reading ----------------------------------------------------------------------------

    def refresh(self, changes: object | None = None) -> None:
        """Read the newest page of events the filters keep (after every change too: each
        change adds its event). The filters' choices (a quarter of a second over 200,000
        events) are read again only when the change is unknown (F5, another clerk's)."""
        if changes is None:
            self._choices_read = False
        self._read(before=None)

    def filter(self) -> None:
        """Read the newest page the filters now keep (the choices offered stay)."""
        self._read(before=None)

    def read_more(self) -> None:
        """Read the next page of older events and add it to the table."""
        shown = self.table.model.rows()
        if shown:
            self._read(before=shown[-1].event_id)

    def _read(self, before: int | None) -> None:
        if self._reading:
            self._again = before is None
            return
        self._reading = True
        actor = self.context.actor
        wanted, person = self.wanted()
        kind = self.table.model.kind
        kept = self.table.model.rows() if before is not None else []
        known = self._choices if self._choices_read else None

        def work(session: Session, _progress: object, _cancelled: object) -> Loaded:
            from examdesk.services.rows.audit import (
                audit_choices,
                audit_count,
                audit_rows,
                people_concerned,
            )

            choices = known or audit_choices(session, actor)
            chosen = wanted
            if person:
                from examdesk.services.exams import resolve_exam

                about = people_concerned(session, resolve_exam(session), person)
                chosen = AuditFilter(wanted.user, wanted.action, wanted.since, wanted.until,
                                     about)
            rows = kept + audit_rows(session, actor, chosen, before=before)
            return Loaded(audit_count(session, actor, chosen), rows, prepare(kind, rows),
                          choices, before is not None)

        self.context.operations.read(self.tr("Reading the audit trail"), work,
                                     on_success=while_alive(self, self._loaded),
                                     on_failure=while_alive(self, self._refused), quiet=True)

    def _loaded(self, loaded: Loaded) -> None:
        self._reading = False
        self.loaded = True
        self.refused.hide()
        self.splitter.show()
        self._set_choices(loaded.choices)
        self._choices_read = True
        self.total = loaded.total
        self.table.set_rows(loaded.rows, loaded.prepared)
        shown = len(loaded.rows)
        self.count_label.setText(self.tr("Showing %1 of %2 events")
                                 .replace("%1", f"{shown:,}").replace("%2", f"{loaded.total:,}"))
        self.more_button.setEnabled(shown < loaded.total)
        if self.table.current_key() is None and shown:
            self.table.select(loaded.rows[0].event_id)
        self._show_selected(self.table.current_key())
        if self._again:
            self._again = False
            self.filter()

    def _refused(self, message: str) -> None:
        self._reading = False
        self.loaded = True
        self.refused.setText(message)
        self.refused.show()
        self.splitter.hide()

    # --- the selected event ---------------------------------------------------------------

    def current_row(self) -> AuditRow | None:
        key = self.table.current_key()
        line = None if key is None else self.table.model.line_of(key)
        return None if line is None else self.table.model.row_at(line)

    def select(self, key: Hashable) -> bool:
        return self.table.select(key)

    def _show_selected(self, _key: object) -> None:
        for form in (self.details_form, self.changes_form):
            while form.rowCount():
                form.removeRow(0)
        row = self.current_row()
        self.changes_title.setVisible(row is not None and bool(row.changes))
        if row is None:
            self.details_title.setText(self.tr("Select an event to see its details"))
            return
        self.details_title.setText(row.summary or row.action_label)
        # an exam deleted since: the code it had (its trail stays)
        exam = self.tr("{code} (deleted)").format(code=row.exam) if row.exam_gone else row.exam
        for label, value in ((self.tr("Time"), row.local_time), (self.tr("User"), row.user),
                             (self.tr("Action"), row.action_label), (self.tr("Exam"), exam),
                             (self.tr("Concerning"), row.about)):
            self.details_form.addRow(label, _value_label(value))
        for change in row.changes:
            if not (change.before or change.after):
                continue
            text = (f"{change.before or '—'} → {change.after or '—'}" if change.before
                    else change.after)
            self.changes_form.addRow(change.field, _value_label(text))

    def detail_lines(self) -> list[tuple[str, str]]:
        """The details pane's lines: (label, value), the changes after the event's facts."""
        lines = []
        for form in (self.details_form, self.changes_form):
            for line in range(form.rowCount()):
                label = form.itemAt(line, QFormLayout.ItemRole.LabelRole)
                value = form.itemAt(line, QFormLayout.ItemRole.FieldRole)
                widgets = [None if item is None else item.widget() for item in (label, value)]
                texts = [w.text() if isinstance(w, QLabel) else "" for w in widgets]
                lines.append((texts[0], texts[1]))
        return lines

    # --- export -----------------------------------------------------------------------------

    def export(self) -> None:
        """Write the events the filters keep to a workbook the clerk picks (audited)."""
        folder = str(self.context.settings.value("export/folder", str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), str(Path(folder) / self.tr("audit.xlsx")),
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Any:
        """Write the events the filters keep to ``path`` in the background."""
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.context.settings.setValue("export/folder", str(Path(path).parent))
        database = self.context.operations.database
        assert database is not None
        actor, (wanted, person) = self.context.actor, self.wanted()

        def work(progress: Any, cancelled: Any) -> ExportResult:
            from ui.jobs.runs import export_audit

            return export_audit(database, actor, path, wanted, person=person,
                                progress=progress, cancelled=cancelled)

        return self.context.operations.run(self.tr("Exporting the audit trail"), work,
                                           on_success=while_alive(self, self._exported))

    def _exported(self, result: ExportResult) -> None:
        self.message.setText(self.tr("Wrote %1 events to %2").replace(
            "%1", f"{result.rows:,}").replace("%2", str(result.path)))
        self.refresh()  # the export is an event of its own


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

