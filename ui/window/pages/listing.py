"""What the list pages (考点考场, 考生, 工作人员) share: a searchable table of one read model's
rows, a details pane beside it, and an export of the list to a workbook the user picks.

The rows and their search index are read and built on the worker thread (seconds at 100,000
candidates), so the window stays responsive while a page opens; a change made in the window
re-reads only the rows it touched (``ids=``) and replaces them in place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from ui.window.pages import Page, PageContext
from ui.window.signals import emit
from ui.window.tables import Prepared, RowKind, SearchableTable, prepare

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef
    from examdesk.services.exports import ExportResult

R = TypeVar("R")
# The shared texts have one context ("ListPage") whichever page's class shows them.
translate = QCoreApplication.translate

# An export service of examdesk/services/exports.py (export_candidates, export_rooms...).
Exporter = Callable[..., "ExportResult"]


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

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        kind, facet_titles = self.row_kind(), self.facet_titles()
        self.exam: ExamRef | None = None
        self._pending: Hashable | None = None
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

    def exporter(self) -> tuple[Exporter, str]:
        """The export service and the workbook's default name."""
        raise NotImplementedError

    # --- reading ----------------------------------------------------------------------------

    def refresh(self, changes: object | None = None) -> None:
        keys = None if changes is None or self.exam is None else self.changed_keys(changes)
        if keys is None:
            self._read_all()
        elif keys:
            self._read_some(keys)

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
        self.table.set_rows(rows, prepared)
        self.loaded = True
        if self._pending is not None:
            self.table.select(self._pending)
            self._pending = None
        self._show_selected(self.table.current_key())

    def _read_some(self, keys: Collection[int]) -> None:
        """Reads again the rows a change touched. When they change what the search or a
        filter sees, the table is computed again on the worker thread too (from the rows
        shown now and the rows read), not on the UI thread."""
        exam = self.exam
        assert exam is not None
        model = self.table.model
        kind, shown = model.kind, model.rows()

        def work(session: Session, _progress: object, _cancelled: object
                 ) -> tuple[list[R], tuple[list[R], Prepared] | None]:
            changed = self.read_rows(session, exam, ids=sorted(keys))
            if not changed:
                return changed, None
            by_key = {kind.key(row): row for row in changed}
            known = {kind.key(row) for row in shown}
            merged = [by_key.get(kind.key(row), row) for row in shown]
            merged += [row for row in changed if kind.key(row) not in known]
            return changed, (merged, prepare(kind, merged))

        self.context.operations.read(self.tr("Reading the changed rows"), work,
                                     on_success=self._updated)

    def _updated(self, read: tuple[list[R], tuple[list[R], Prepared] | None]) -> None:
        changed, whole = read
        key = self.table.current_key()
        if whole is not None and self.table.model.reorders(changed):
            self.table.set_rows(*whole)  # keeps the filters and the selected row
        else:
            self.table.model.update_rows(changed)  # the lines shown, refreshed in place
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

    def _show_selected(self, _key: object) -> None:
        self.show_details(self.current_row())

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

    def write_or_refuse(self, purpose: str, title: str, work: Callable[[Session], object],
                        on_refused: Callable[[ExamDeskError], None],
                        on_done: Callable[[object], None] | None = None) -> None:
        """Runs a change in one writing transaction in the background. A refusal
        (:class:`~examdesk.errors.ExamDeskError`: a bad value, a rule) writes nothing and goes
        to ``on_refused`` (shown beside the field it names, not in a dialog); a change set
        goes to ``on_done`` and, as every change made in the window, to the pages' refresh."""
        database = self.context.operations.database
        assert database is not None

        def run(_progress: object, _cancelled: object) -> tuple[bool, object]:
            try:
                with database.write(purpose) as session:
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
            from examdesk.services.audit import Actor
            from examdesk.services.exports import record_export

            with database.begin() as session:
                exam = current_exam(session)
                result = exporter(session, Actor.from_environment(), exam, path,
                                  progress=progress, cancelled=cancelled)
            with database.write(f"export {result.what}") as session:
                record_export(session, exam, result)
            return result

        self.context.operations.run(translate("ListPage", "Exporting the list"), work,
                                    on_success=self._exported)

    def _exported(self, result: ExportResult) -> None:
        self.message.setText(translate("ListPage", "Wrote %1 rows to %2").replace(
            "%1", f"{result.rows:,}").replace("%2", str(result.path)))
