"""What the list pages (考点考场, 考生, 工作人员) share: a searchable table of one read model's
rows, a details pane beside it, and an export of the list to a workbook the user picks.

The rows and their search index are read and built on the worker thread (seconds at 100,000
candidates), so the window stays responsive while a page opens; a change made in the window
re-reads only the rows it touched (``ids=``) and replaces them in place, and drops the rows it
deleted.

A page whose rows can be added, changed and deleted (:meth:`ListPage.offer_changes`) gets an
Add button (Ctrl+N) and a Delete button (Del in the table), each change asked for in a
:class:`RecordForm` under the details: every field with the refusal of the core beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from examdesk.progress import Cancelled, Progress
from ui.window.pages import Page, PageContext, export_refusal, plan_refusal, refuse_buttons
from ui.window.signals import emit
from ui.window.tables import Prepared, RowKind, SearchableTable, prepare

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef
    from examdesk.services.exports import ExportResult
    from examdesk.services.rows.choices import Choice

R = TypeVar("R")
# The shared texts have one context ("ListPage") whichever page's class shows them.
translate = QCoreApplication.translate

# An export service of examdesk/services/exports.py (export_candidates, export_rooms...).
Exporter = Callable[..., "ExportResult"]


# The colour of a refusal beside its field.
ERROR_STYLE = "color: #b00020;"


class RecordForm(QGroupBox):
    """A form of one record under a list's details: each field with a line beneath it for
    the core's refusal of its value, a Save button, and Cancel while a new record is typed.

    Attributes:
        inputs: field -> its widget.
        errors: field -> the label beneath it (hidden while empty).
        adding: whether the form holds a new record (else the selected row).
    """

    def __init__(self, fields: Sequence[tuple[str, str, QWidget]], save_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QWidget] = {}
        self._wanted: dict[str, str] = {}  # a list field's value as the record has it
        self.errors: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.adding = False
        for name, title, widget in fields:
            widget.setObjectName(f"edit-{name}")
            error = QLabel()
            error.setObjectName(f"error-{name}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(title)
            label.setBuddy(widget)
            self.form.addRow(label, column)
            self.inputs[name], self.errors[name], self.titles[name] = widget, error, label
        self.save_button = QPushButton(save_text)
        self.cancel_button = QPushButton(translate("ListPage", "Cancel"))
        self.cancel_button.setObjectName("cancel-new")
        self.cancel_button.hide()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_label.setWordWrap(True)
        # another clerk's change since the form was filled (ListPage.show_conflict)
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("conflict")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(ERROR_STYLE)
        self.conflict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_label.hide()
        self.form.addRow(self.conflict_label)
        self.save_text = save_text
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        self.form.addRow(buttons)

    def show_field(self, name: str, shown: bool) -> None:
        """Shows or hides a field with its title (a field only a new record has)."""
        for widget in (self.inputs[name], self.titles[name]):
            widget.setVisible(shown)
        if not shown:
            self.errors[name].hide()

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()

    def show_conflict(self, text: str, save_text: str) -> None:
        """Says that someone else changed the record, and renames Save to save over it."""
        self.conflict_label.setText(text)
        self.conflict_label.show()
        self.save_button.setText(save_text)
        self.cancel_button.show()

    def clear_conflict(self) -> None:
        self.conflict_label.clear()
        self.conflict_label.hide()
        self.save_button.setText(self.save_text)

    def show_refusal(self, error: ExamDeskError, fallback: str) -> None:
        """Shows the core's refusal beside each field it names (``problems``: every field
        with its sentence; ``field``: the one); others beside ``fallback``."""
        problems = error.fields.get("problems")
        if isinstance(problems, Mapping) and problems:
            messages = {str(k): str(v) for k, v in problems.items()}
        else:
            messages = {str(error.fields.get("field", fallback)): str(error)}
        first: QWidget | None = None
        for field, text in messages.items():
            if field not in self.errors or not self.inputs[field].isVisible():
                field = fallback
            label = self.errors[field]
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            first = first or self.inputs[field]
        if first is not None:
            first.setFocus()

    def text(self, name: str) -> str:
        """The text of a line or a list's choice."""
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            if widget.count() == 0 and not widget.isEditable():
                return self._wanted.get(name, "")  # its choices not read yet: as shown
            data = widget.currentData()
            return str(data) if data is not None else widget.currentText()
        raise TypeError(name)

    def set_text(self, name: str, text: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            widget.setText(text)
            widget.setCursorPosition(0)
        elif isinstance(widget, QComboBox):
            # kept for refill(): a record shown before its list's choices were read
            self._wanted[name] = text
            found = widget.findData(text)
            if found < 0:
                found = widget.findText(text)
            if found < 0 and widget.isEditable():
                widget.setEditText(text)
            else:
                widget.setCurrentIndex(max(found, 0))

    def refill(self, name: str, items: Sequence[tuple[str, object]]) -> None:
        """Give a list field its choices (label, data), read in the background: the record's
        value shown before they came is chosen now, so that a Save meanwhile cannot store
        the list's first choice instead (a home center erased by a slow read)."""
        widget = self.inputs[name]
        assert isinstance(widget, QComboBox)
        chosen = widget.currentData() if widget.count() else None  # the clerk's choice stays
        widget.blockSignals(True)
        widget.clear()
        for label, data in items:
            widget.addItem(label, data)
        widget.blockSignals(False)
        if chosen is not None and widget.findData(chosen) >= 0:
            widget.setCurrentIndex(widget.findData(chosen))
        else:
            self.set_text(name, self._wanted.get(name, ""))


def current_exam(session: Session) -> ExamRef:
    from examdesk.services.exams import resolve_exam

    return resolve_exam(session)


class ListPage(Page, Generic[R]):
    """A page listing one kind of row with its details beside it.

    Subclasses give the table's :class:`RowKind`, the read model (``read(session, exam,
    ids=...)``), the details of a row and the export; they may add buttons to
    :attr:`actions` and widgets under the details.
    """

    reads_when_made = True
    # the list's export holds personal data (names with ID numbers or phones)
    personal_export = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        kind, facet_titles = self.row_kind(), self.facet_titles()
        self.exam: ExamRef | None = None
        self.editable = True  # the signed-in user may change the plan (known once read)
        self.change_buttons: list[QPushButton] = []  # a page's own buttons that change it
        self._pending: Hashable | None = None
        self.add_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        self.question_box: QMessageBox | None = None  # the question asked now, if any
        self.form: RecordForm | None = None  # see attach_form
        self._form_of: Hashable | None = None  # the row whose values the form holds
        self._refill = False  # a save was made: the form shows the row as read again
        # the version of the row the form was filled from, handed back with its save
        # (examdesk/services/versions.py); after a conflict, the version saved over
        self._form_version: int | None = None
        self._form_filled: dict[str, Any] | None = None  # the values it was filled with
        self._form_fallback = ""
        self._form_purposes = ("", "")
        self._form_saving = ""
        self.loaded = False
        self.table: SearchableTable[R] = SearchableTable(kind, facet_titles)
        self.table.selected.connect(self._show_selected)
        # the count is read whole; the search box gives way
        self.table.count_label.setSizePolicy(QSizePolicy.Policy.Minimum,
                                             QSizePolicy.Policy.Preferred)
        hint = self.search_hint()
        if hint:
            self.table.search_box.setPlaceholderText(hint)
        for box in self.table.facet_boxes.values():
            # wide enough to read 全部：考点 or a center's name, not as wide as the longest
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(7)

        self.export_button = QPushButton(translate("ListPage", "Export..."))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(
            translate("ListPage", "Write the whole list to an Excel workbook"))
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_bar = QHBoxLayout()
        self.action_bar.addWidget(self.message, 1)
        self.action_bar.addWidget(self.export_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(self.action_bar)

        self.details_title = QLabel()
        self.details_title.setObjectName("details-title")
        font = self.details_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.details_title.setFont(font)
        self.details_form = QFormLayout()
        self.details_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.details_extra = QVBoxLayout()
        details = QWidget()
        details.setObjectName("details")
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details_title)
        details_layout.addLayout(self.details_form)
        details_layout.addLayout(self.details_extra)
        details_layout.addStretch(1)  # the lines stay at the top; a page may stretch its own
        self.details_layout = details_layout
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        self.details = details

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.show_details(None)
        self.refresh(None)

    # --- what a subclass gives ------------------------------------------------------------

    def row_kind(self) -> RowKind[R]:
        """The table's columns, key, search fields and facets."""
        raise NotImplementedError

    def facet_titles(self) -> Mapping[str, str]:
        """The filters offered beside the search box: facet -> its title."""
        raise NotImplementedError

    def search_hint(self) -> str:
        """What the search box says it finds ("": the table's own hint, for people)."""
        return ""

    def read_centers(self, on_success: Callable[[Sequence[Choice]], None]) -> None:
        """Read the exam's test centers (for a form's choice of center) in the background;
        ``on_success`` gets them on the UI thread."""
        actor = self.context.actor

        def work(session: Session, _progress: object, _cancelled: object
                 ) -> tuple[Choice, ...]:
            from examdesk.services.rows.choices import filter_choices

            return filter_choices(session, current_exam(session), actor=actor).centers

        self.context.operations.read(translate("ListPage", "Reading the test centers"), work,
                                     quiet=True, on_success=on_success)

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[R]:
        raise NotImplementedError

    def details_of(self, row: R) -> tuple[str, Sequence[tuple[str, str]]]:
        """The details pane's title and its (label, value) lines."""
        raise NotImplementedError

    def changed_keys(self, changes: object) -> Collection[int] | None:
        """The keys of this page's rows a change touched; None when the page cannot tell
        (everything is read again); empty when the change does not touch this list."""
        return None

    def removed_keys(self, changes: object) -> Collection[int]:
        """The keys of this page's rows a change deleted (dropped from the table)."""
        return ()

    def delete_row(self, row: R) -> None:
        """Asks to delete this row and deletes it (pages that :meth:`offer_changes`)."""

    def fill_form(self, row: R | None) -> None:
        """Puts a row's values in the form, or empties it for a new record (None)."""

    def form_values(self) -> dict[str, Any]:
        """What the form holds, by field."""
        assert self.form is not None
        return {name: self.form.text(name) for name in self.form.inputs}

    def save_work(self, exam: ExamRef, key: Hashable | None, values: dict[str, Any],
                  version: int | None = None) -> Callable[[Session], object]:
        """The change the form asks for: a new record (``key`` None) or that row's, given
        the ``version`` of the row the form was filled from."""
        raise NotImplementedError

    def form_note(self, changes: object) -> list[str]:
        """What to say under the form after a save, besides that it was saved."""
        return []

    def exporter(self) -> tuple[Exporter, str]:
        """The export service and the workbook's default name."""
        raise NotImplementedError

    # --- reading ----------------------------------------------------------------------------

    def refresh(self, changes: object | None = None) -> None:
        keys = None if changes is None or self.exam is None else self.changed_keys(changes)
        gone = () if changes is None or self.exam is None else self.removed_keys(changes)
        if keys is None:
            self._read_all()
        elif keys or gone:
            self._read_some(keys, gone)

    def _read_all(self) -> None:
        kind = self.table.model.kind

        def work(session: Session, _progress: object, _cancelled: object
                 ) -> tuple[ExamRef, list[R], Prepared]:
            exam = current_exam(session)
            rows = self.read_rows(session, exam)
            return exam, rows, prepare(kind, rows)

        self.context.operations.read(self.tr("Reading the list"), work,
                                     on_success=self._loaded)

    def _loaded(self, loaded: tuple[ExamRef, list[R], Prepared]) -> None:
        self.exam, rows, prepared = loaded
        self._allow(self.exam)
        self.table.set_rows(rows, prepared)
        self.loaded = True
        if self._pending is not None:
            self.table.select(self._pending)
            self._pending = None
        self._show_selected(self.table.current_key())

    def _read_some(self, keys: Collection[int], gone: Collection[int] = ()) -> None:
        """Reads again the rows a change touched, and drops those it deleted. When they
        change what the search or a filter sees, the table is computed again on the worker
        thread too (from the rows shown now and the rows read), not on the UI thread."""
        exam = self.exam
        assert exam is not None
        model = self.table.model
        kind, shown = model.kind, model.rows()
        removed = frozenset(gone)

        def work(session: Session, _progress: object, _cancelled: object
                 ) -> tuple[list[R], tuple[list[R], Prepared] | None, bool]:
            changed = self.read_rows(session, exam, ids=sorted(keys)) if keys else []
            dropped = any(kind.key(row) in removed for row in shown)
            if not changed and not dropped:
                return changed, None, False
            by_key = {kind.key(row): row for row in changed}
            known = {kind.key(row) for row in shown}
            merged = [by_key.get(kind.key(row), row) for row in shown
                      if kind.key(row) not in removed]
            merged += [row for row in changed if kind.key(row) not in known]
            return changed, (merged, prepare(kind, merged)), dropped

        self.context.operations.read(self.tr("Reading the changed rows"), work,
                                     on_success=self._updated)

    def _updated(self, read: tuple[list[R], tuple[list[R], Prepared] | None, bool]) -> None:
        changed, whole, dropped = read
        key = self.table.current_key()
        if whole is not None and (dropped or self.table.model.reorders(changed)):
            self.table.set_rows(*whole)  # keeps the filters and the selected row
        else:
            self.table.model.update_rows(changed)  # the lines shown, refreshed in place
        if self._pending is not None and self.table.model.has_key(self._pending):
            key, self._pending = self._pending, None  # a row just added: show it
        if key is not None and self.table.current_key() != key:
            self.table.select(key)
        self._show_selected(self.table.current_key())

    # --- selection and details ----------------------------------------------------------

    def select(self, key: Hashable) -> bool:
        if not self.loaded:
            self._pending = key
            return True
        return self.table.select(key)

    def current_row(self) -> R | None:
        key = self.table.current_key()
        if key is None:
            return None
        line = self.table.model.line_of(key)
        return None if line is None else self.table.model.row_at(line)

    def _allow(self, exam: ExamRef) -> None:
        """Offers only what the signed-in user may do: a center desk or a viewer sees the
        changes and the export greyed out, with why, rather than refused after a click."""
        actor = self.context.actor
        why = plan_refusal(actor, exam.id)
        self.editable = not why
        refuse_buttons([b for b in (self.add_button, self.delete_button, *self.change_buttons)
                        if b is not None], why)
        if why and self.form is not None:
            self.form.setToolTip(why)
        if self.personal_export:
            refuse_buttons([self.export_button], export_refusal(actor, exam.id))

    def _show_selected(self, _key: object) -> None:
        row = self.current_row()
        if self.delete_button is not None:
            self.delete_button.setEnabled(row is not None and self.editable)
        self.show_details(row)
        self.show_form(row)

    def show_details(self, row: R | None) -> None:
        """Fills the details pane with this row (empty when None)."""
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        if row is None:
            self.details_title.setText(translate("ListPage", "Select a row to see its details"))
            return
        title, lines = self.details_of(row)
        self.details_title.setText(title)
        for label, value in lines:
            field = QLabel(value)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(label, field)

    def show_form(self, row: R | None) -> None:
        """Fills the form with the row shown. What the clerk typed stays while the same row
        is shown (until it is saved), and so does a new record being typed."""
        form = self.form
        if form is None or form.adding or self._pending is not None:
            return  # (a row just added is about to be shown)
        form.setEnabled(row is not None and self.editable)
        key = None if row is None else self.table.model.kind.key(row)
        if key != self._form_of:
            form.clear_errors()
            form.saved_label.clear()
        elif not self._refill and not self._follows(row):
            return
        self._form_of, self._refill = key, False
        self._form_version = getattr(row, "version", None)
        form.clear_conflict()
        form.cancel_button.hide()
        self.fill_form(row)
        self._form_filled = self.form_values()

    def _follows(self, row: R | None) -> bool:
        """Whether the form, untouched, takes the row as read again after another clerk's
        change (what was typed is never replaced, nor a conflict shown)."""
        assert self.form is not None
        return (getattr(row, "version", None) != self._form_version
                and self.form.conflict_label.isHidden()
                and self._form_filled is not None and self.form_values() == self._form_filled)

    def detail_value(self, label: str) -> str:
        """The value shown beside this label in the details pane ("" when not shown)."""
        for line in range(self.details_form.rowCount()):
            item = self.details_form.itemAt(line, QFormLayout.ItemRole.LabelRole)
            shown = item.widget() if item is not None else None
            if isinstance(shown, QLabel) and shown.text() == label:
                value = self.details_form.itemAt(line, QFormLayout.ItemRole.FieldRole)
                widget = value.widget() if value is not None else None
                return widget.text() if isinstance(widget, QLabel) else ""
        return ""

    # --- changes ------------------------------------------------------------------------------

    def offer_changes(self, add_text: str, add_tip: str, delete_tip: str) -> None:
        """Adds the Add (Ctrl+N on the page) and Delete (Del in the table) buttons."""
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("add")
        self.add_button.setToolTip(f"{add_tip} (Ctrl+N)")
        self.add_button.clicked.connect(self.start_adding)
        self.delete_button = QPushButton(translate("ListPage", "Delete..."))
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip(f"{delete_tip} (Del)")
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setEnabled(self.current_row() is not None)
        self.action_bar.insertWidget(1, self.add_button)
        self.action_bar.insertWidget(2, self.delete_button)
        adding = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        adding.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        adding.activated.connect(self.start_adding)
        # Del in the table only (in a field of the form it deletes characters)
        self.table.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.matches(
                    QKeySequence.StandardKey.Delete)):
            self.delete_current()
            return True
        return super().eventFilter(watched, event)

    def attach_form(self, form: RecordForm, fallback: str, purposes: tuple[str, str],
                    saving: str) -> None:
        """Puts the form of a record under the details: Save (or Return in a line) writes a
        new record while :meth:`start_adding` is on, else the row shown.

        Args:
            form: the form.
            fallback: the field beside which a refusal naming no field of the form is shown.
            purposes: the writes' purposes (a new record, a change), for other clerks.
            saving: what the progress says while it writes.
        """
        self.form = form
        self._form_fallback, self._form_purposes, self._form_saving = (
            fallback, purposes, saving)
        form.save_button.clicked.connect(self.save_form)
        form.cancel_button.clicked.connect(self.cancel_adding)
        for widget in form.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.save_form)
        form.setEnabled(False)

    def start_adding(self) -> None:
        """Empties the form for a new record (Add, Ctrl+N)."""
        form = self.form
        if form is None or self.exam is None or not self.editable:
            return
        form.adding = True
        form.setEnabled(True)
        form.clear_errors()
        form.saved_label.clear()
        self.fill_form(None)
        # the form at the top of the pane, under its title, instead of another row's details
        self.show_details(None)
        self.details_title.setText(form.title())
        form.setTitle("")
        form.cancel_button.show()
        first = next((w for w in form.inputs.values() if w.isVisible() and w.isEnabled()),
                     None)
        if first is not None:
            first.setFocus()

    def cancel_adding(self) -> None:
        """Cancel: a new record is dropped; after a conflict, the form takes the values
        saved now."""
        self._stop_adding()
        self._refill = True
        self._show_selected(self.table.current_key())

    def _stop_adding(self) -> None:
        assert self.form is not None
        self.form.adding = False
        self.form.cancel_button.hide()

    def save_form(self) -> None:
        """Writes the form: a new record, or the row shown (a refusal beside its field)."""
        row, exam, form = self.current_row(), self.exam, self.form
        if form is None or exam is None or (row is None and not form.adding):
            return
        form.clear_errors()
        form.saved_label.clear()
        key = None if form.adding or row is None else self.table.model.kind.key(row)
        work = self.save_work(exam, key, self.form_values(),
                              None if key is None else self._form_version)
        form.save_button.setEnabled(False)
        self.write_or_refuse(self._form_purposes[key is not None], self._form_saving, work,
                             self._form_refused, self._form_saved)

    def _form_refused(self, error: ExamDeskError) -> None:
        assert self.form is not None
        self.form.save_button.setEnabled(True)
        if error.code == "edit-conflict" and not self.form.adding:
            self.show_conflict(error)
            return
        self.form.show_refusal(error, self._form_fallback)

    def show_conflict(self, error: ExamDeskError) -> None:
        """Someone changed the row after the form was filled: the clerk's values stay, the
        details show the row as saved now, and Save saves over it deliberately."""
        form = self.form
        assert form is not None
        self._form_version = int(str(error.fields["version"]))
        form.show_conflict(
            "\n".join([str(error), translate(
                "ListPage", "Your values are still in the form: Save over it to replace "
                            "that change with them, or Cancel to take the values saved now.")]),
            translate("ListPage", "Save over it"))
        key = self._form_of
        if isinstance(key, int):
            self._read_some([key])  # the details and the list show the row as it is now

    def _form_saved(self, changes: object) -> None:
        form = self.form
        assert form is not None
        form.save_button.setEnabled(True)
        self._refill = True
        said = [translate("ListPage", "Added.") if form.adding
                else translate("ListPage", "Saved.")]
        if form.adding:
            self._stop_adding()
            for key in self.changed_keys(changes) or ():
                self._form_of = key
                self.show_added(key)
        form.saved_label.setText("\n".join(said + self.form_note(changes)))

    def delete_current(self) -> None:
        row = self.current_row()
        if row is not None and self.exam is not None and self.editable:
            self.delete_row(row)

    def ask(self, title: str, text: str, yes: str, on_yes: Callable[[], None],
            *, warning: bool = False) -> QMessageBox:
        """Asks a question (window-modal, not blocking); ``on_yes`` when ``yes`` is clicked.
        The box is :attr:`question_box` until answered."""
        box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question,
                          title, text, QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("question")
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        accept.setObjectName("yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(button: object) -> None:
            self.question_box = None
            if button is accept:
                on_yes()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question_box = box
        box.open()
        return box

    def show_added(self, key: Hashable) -> None:
        """Selects the row with this key once it is read (a record just added)."""
        if self.table.model.has_key(key):
            self.table.select(key)
        else:
            self._pending = key

    def write_or_refuse(self, purpose: str, title: str, work: Callable[[Session], object],
                        on_refused: Callable[[ExamDeskError], None],
                        on_done: Callable[[object], None] | None = None) -> None:
        """Runs a change in one writing transaction in the background. A refusal
        (:class:`~examdesk.errors.ExamDeskError`: a bad value, a rule) writes nothing and goes
        to ``on_refused`` (shown beside the field it names, not in a dialog); a change set
        goes to ``on_done`` and, as every change made in the window, to the pages' refresh."""
        database = self.context.operations.database
        assert database is not None

        def run(progress: Progress, cancelled: Cancelled) -> tuple[bool, object]:
            from examdesk.db.locks import waiting_message

            try:
                # waiting for another clerk's run says so in the progress dialog
                with database.write(purpose, waiting=lambda holder: progress(
                        0, 0, waiting_message(holder)), cancelled=cancelled) as session:
                    return True, work(session)
            except ExamDeskError as error:  # rolled back: nothing written
                return False, error

        def finished(outcome: tuple[bool, object]) -> None:
            done, value = outcome
            if not done:
                assert isinstance(value, ExamDeskError)
                on_refused(value)
                return
            if on_done is not None:
                on_done(value)
            emit(self.context.operations.changed, value)

        self.context.operations.run(title, run, on_success=finished)

    # --- export -----------------------------------------------------------------------------

    def export(self) -> None:
        """Asks where to write the list, writes it in the background and says where."""
        exporter, default = self.exporter()
        folder = str(self.context.settings.value("export/folder", str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self, translate("ListPage", "Export the list"), str(Path(folder) / default),
            translate("ListPage", "Excel workbooks (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.context.settings.setValue("export/folder", str(Path(path).parent))
        database = self.context.operations.database
        assert database is not None

        def work(progress: Any, cancelled: Any) -> ExportResult:
            from ui.jobs.runs import export_table

            return export_table(database, self.context.actor, exporter, path,
                                progress=progress, cancelled=cancelled)

        self.context.operations.run(translate("ListPage", "Exporting the list"), work,
                                    on_success=self._exported)

    def _exported(self, result: ExportResult) -> None:
        self.message.setText(translate("ListPage", "Wrote %1 rows to %2").replace(
            "%1", f"{result.rows:,}").replace("%2", str(result.path)))
