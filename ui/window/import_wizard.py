"""The import wizard: a file (or a folder of photos) into the exam, checked before anything is
written (issue 12, "Import wizard").

Steps: choose the file (or a file dropped on the window) → choose the sheet and what it holds
(guessed from its headers) → the header row and column mapping as detected, editable → the
problems and what would be added and changed → save the highlighted fix-up report, import the
valid rows, or import nothing. Preparing runs as a read and applying as a write through the
window's :class:`~ui.window.background.Operations` (progress after 0.5 s, Cancel); nothing is
read on the UI thread. A seating plan written is followed by the whole check of the plan, as
the command line's import does (ui/jobs/imports.py): its problems are listed on the last
step, with a button to the 编排 area where they are fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import BadInput
from examdesk.exchange.headers import (
    COLUMNS,
    HeaderChoice,
    NoHeaderRow,
    SheetKind,
    map_headers,
)
from examdesk.exchange.problems import Problem, column_letter
from examdesk.exchange.sheets import read_table, sheet_names
from examdesk.progress import Cancelled, check_cancelled, never_cancelled
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports import Accept, ImportResult, PreparedImport, PreparedOutdated
from examdesk.services.imports.kinds import KINDS, import_kind
from examdesk.services.imports.seating import SEATING
from ui.jobs.imports import write_report
from ui.window.geometry import remember_geometry, restore_geometry
from ui.window.pages.runs import while_alive

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.progress import Progress
    from examdesk.services.rows.problems import ProblemRow
    from ui.window.background import Operations, Running

# The files the wizard reads (and the window accepts when one is dropped on it).
SUFFIXES = (".xlsx", ".xlsm", ".csv")

_Index = QModelIndex | QPersistentModelIndex
# A field read from no column, as a combo's data: PySide6 6.12.0 loses a reference to None
# each time a QVariant holding it comes back to Python, so no combo holds None.
NOT_IMPORTED = -1


def importable(path: str | Path) -> bool:
    """Whether the wizard reads this file (by its name)."""
    return Path(path).suffix.lower() in SUFFIXES


def inspect_file(path: Path, cancelled: Cancelled = never_cancelled,
                 ) -> tuple[tuple[str, ...], str | None]:
    """The file's sheets and what its first sheet most likely holds (an import kind's key,
    None when no kind's headers are found): the wizard's guess, which the user may change.

    Raises:
        BadInput: the file cannot be read.
        OperationCancelled: the user cancelled.
    """
    sheets = sheet_names(path)
    table = read_table(path, sheets[0] if sheets else None)
    check_cancelled(cancelled)
    best: tuple[int, str | None] = (0, None)
    for kind in SheetKind:
        try:
            mapped = map_headers(table, kind)
        except BadInput:
            continue
        score = len(mapped.columns) * 2 - len(mapped.missing) * 3
        if score > best[0]:
            best = (score, kind.value)
    return sheets, best[1]


def _cell_text(value: object) -> str:
    """A cell as the user typed it (a whole number read as 2.0 shows as 2)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _row_label(problem: Problem) -> str:
    """Where the problem is: its row, or its file (a photo)."""
    return problem.file if problem.row is None else str(problem.row)


class _LinesModel(QAbstractTableModel):
    """A read-only table of text lines under translated titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, ...]] = []

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def extra(self, row: int, role: int) -> Any:
        """What a line shows besides its text (a colour, a key)."""
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.lines[index.row()][index.column()]
        return self.extra(index.row(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self.titles()
            return titles[section] if 0 <= section < len(titles) else None
        return section + 1


class ProblemsModel(_LinesModel):
    """The problems of a prepared file: row, column, value, what is wrong, how to fix it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.lines = [(_row_label(p), f"{p.column} {p.header}".strip(), p.value, p.what, p.fix)
                      for p in problems]
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Row or file"), self.tr("Column"), self.tr("Value"),
                self.tr("What is wrong"), self.tr("How to fix"))

    def extra(self, row: int, role: int) -> Any:
        problem = self.problems[row]
        if role == Qt.ItemDataRole.ForegroundRole and not problem.is_error:
            return QBrush(QColor("#8a6d00"))
        if role == Qt.ItemDataRole.UserRole:
            return problem.row
        return None


class ChangesModel(_LinesModel):
    """What applying the valid rows writes: each added or updated row, and for an updated
    one the values it changes (old → new)."""

    def set_prepared(self, prepared: PreparedImport[Any]) -> None:
        self.beginResetModel()
        changes = prepared.changes
        rows = {row.number: row for row in prepared.source.rows} if prepared.source else {}
        # photos: the file each added photo comes from
        files = {r.row: str(getattr(r, "file", "")) for r in prepared.records}
        lines: list[tuple[int, str, str]] = []
        for number in changes.added:
            row = rows.get(number)
            text = (" · ".join(t for t in map(_cell_text, row.cells) if t) if row
                    else files.get(number, ""))
            lines.append((number, self.tr("Added"), text))
        for change in (*changes.updated, *changes.other):
            text = "; ".join(f"{f.header or f.field}: {f.old} → {f.new}" for f in change.fields)
            lines.append((change.row, self.tr("Changed"), text))
        lines.sort(key=lambda line: line[0])
        self.lines = [(str(number), what, text) for number, what, text in lines]
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Change"), self.tr("Values (old → new)"))


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class ImportWizard(QDialog):
    """The import wizard (see the module's docstring).

    Attributes:
        prepared: the file as last checked (None before).
        imported: what the import wrote, once done.
        checked: the plan's problems once an imported seating plan was checked (None
            before, and for every other import).
        running: the operation in progress (for a test to wait on).
    """

    FILE, SHEET, HEADER, PROBLEMS, DONE = range(5)

    def __init__(self, operations: Operations, parent: QWidget | None = None,
                 path: str | Path | None = None,
                 navigate: Callable[[str, Hashable | None], None] | None = None,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.navigate = navigate
        self.actor = actor or Actor.from_environment()
        self.prepared: PreparedImport[Any] | None = None
        self.imported: ImportResult | None = None
        self.checked: list[ProblemRow] | None = None
        self.running: Running[Any] | None = None
        self.path: Path | None = None
        self.folder = False
        self.setWindowTitle(self.tr("Import"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._sheet_page())
        self.stack.addWidget(self._header_page())
        self.stack.addWidget(self._problems_page())
        self.stack.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.report_button = QPushButton(self.tr("Save fix-up report…"))
        self.report_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Import the valid rows"))
        self.import_button.clicked.connect(self.import_valid)
        self.nothing_button = QPushButton(self.tr("Import nothing"))
        self.nothing_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button,
                       self.nothing_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        restore_geometry(self, operations_settings(parent), "import_wizard", QSize(1000, 640))
        self._show(self.FILE)
        if path is not None:
            self.choose_path(Path(path))

    def done(self, result: int) -> None:
        remember_geometry(self, operations_settings(self.parentWidget()), "import_wizard")
        super().done(result)

    # -- the pages -------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "Choose the workbook (.xlsx, .xlsm) or CSV file to import, or drop it on the "
            "window. Nothing is written before you decide, after the check."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.textEdited.connect(self._path_edited)
        browse = QPushButton(self.tr("Choose a file…"))
        browse.clicked.connect(self.browse_file)
        photos = QPushButton(self.tr("Choose a photo folder…"))
        photos.clicked.connect(self.browse_folder)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(photos)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _sheet_page(self) -> QWidget:
        page = QWidget()
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(self._changed_before_check)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            if not kind.folder:
                self.kind_combo.addItem(kind.title(), kind.key)
        self.kind_combo.currentIndexChanged.connect(self._changed_before_check)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("It holds:"), self.kind_combo)
        form.addRow("", self.kind_note)
        return page

    def _header_page(self) -> QWidget:
        page = QWidget()
        self.header_note = QLabel()
        self.header_note.setWordWrap(True)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1_000_000)
        self.recheck_button = QPushButton(self.tr("Check again with these columns"))
        self.recheck_button.clicked.connect(self.check_again)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Header row:")))
        row.addWidget(self.header_row)
        row.addStretch(1)
        row.addWidget(self.recheck_button)
        self.field_form = QFormLayout()
        fields = QWidget()
        fields.setLayout(self.field_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        self.field_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(page)
        layout.addWidget(self.header_note)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)
        return page

    def _problems_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems_model = ProblemsModel(self)
        self.problems_view = _table(self.problems_model)
        self.problems_view.doubleClicked.connect(self.show_row)
        self.changes_model = ChangesModel(self)
        self.changes_view = _table(self.changes_model)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr(
            "Problems (double-click one to see its row):")))
        problems_layout.addWidget(self.problems_view)
        changes_box = QWidget()
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addWidget(QLabel(self.tr("What the valid rows add and change:")))
        changes_layout.addWidget(self.changes_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(problems_box)
        splitter.addWidget(changes_box)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        return page

    def _done_page(self) -> QWidget:
        from ui.window.pages.plan import problem_kind
        from ui.window.tables import RowTable

        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_model: RowTable[ProblemRow] = RowTable(problem_kind(), self)
        self.check_view = _table(self.check_model)
        self.plan_button = QPushButton(self.tr("Fix them in the seating plan area"))
        self.plan_button.clicked.connect(self.open_plan)
        plan_row = QHBoxLayout()
        plan_row.addStretch(1)
        plan_row.addWidget(self.plan_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addWidget(self.check_label)
        layout.addWidget(self.check_view, 1)
        layout.addLayout(plan_row)
        self._checking(False)
        layout.addStretch(0)
        return page

    def _checking(self, shown: bool) -> None:
        """Show the part of the last step that tells the check of a seating plan."""
        self.check_label.setVisible(shown)
        self.check_view.setVisible(shown and self.check_model.rowCount() > 0)
        self.plan_button.setVisible(shown and self.check_model.rowCount() > 0
                                    and self.navigate is not None)

    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        deciding = step == self.PROBLEMS
        self.back_button.setVisible(step not in (self.FILE, self.DONE))
        self.next_button.setVisible(step in (self.FILE, self.SHEET, self.HEADER))
        self.next_button.setEnabled(step != self.FILE or self.path is not None)
        self.report_button.setVisible(deciding)
        self.import_button.setVisible(deciding)
        self.nothing_button.setVisible(step != self.DONE)
        self.nothing_button.setText(self.tr("Import nothing") if deciding else self.tr("Cancel"))
        self.close_button.setVisible(step == self.DONE)
        if deciding and self.prepared is not None:
            self.import_button.setEnabled(self.prepared.changes.any)
            self.report_button.setEnabled(bool(self.prepared.problems))

    def step(self) -> int:
        """The step shown (FILE, SHEET, HEADER, PROBLEMS, DONE)."""
        return self.stack.currentIndex()

    # -- choosing the file -----------------------------------------------------------------

    def browse_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), str(self.path or ""),
            self.tr("Workbooks and CSV files (*.xlsx *.xlsm *.csv)"))
        if chosen:
            self.choose_path(Path(chosen))

    def browse_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder of photos"), str(self.path or ""))
        if chosen:
            self.choose_path(Path(chosen), folder=True)

    def _path_edited(self, text: str) -> None:
        self.path = Path(text) if text.strip() else None
        self.folder = self.path is not None and self.path.is_dir()
        self.next_button.setEnabled(self.path is not None)

    def choose_path(self, path: Path, *, folder: bool = False) -> None:
        """Import from ``path`` (a folder: photos): read its sheets and guess what it holds."""
        self.path = path
        self.folder = folder
        self.prepared = None
        self.path_edit.setText(str(path))
        self._show(self.FILE)
        if folder:
            self.prepare(then=lambda: self._show(self.PROBLEMS))
            return
        self.running = self.operations.run(
            self.tr("Reading %1").replace("%1", path.name),
            lambda _progress, cancelled: inspect_file(path, cancelled),
            on_success=self._inspected)

    def _inspected(self, found: tuple[tuple[str, ...], str | None]) -> None:
        sheets, guess = found
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if sheets:
            self.sheet_combo.addItems(list(sheets))
        else:
            self.sheet_combo.addItem(self.tr("(a CSV file has one table)"))
        self.sheet_combo.setEnabled(bool(sheets))
        self.sheet_combo.blockSignals(False)
        if guess is not None:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess))
            self.kind_combo.blockSignals(False)
            self.kind_note.setText(self.tr("Guessed from the first sheet's headers; change it "
                                           "if it is wrong."))
        else:
            self.kind_note.setText(self.tr("The headers name no known column; choose what "
                                           "the sheet holds."))
        self._show(self.SHEET)

    def _changed_before_check(self) -> None:
        self.prepared = None

    def kind(self) -> str:
        """The import kind's key chosen."""
        return "photos" if self.folder else str(self.kind_combo.currentData())

    def sheet(self) -> str | None:
        """The sheet chosen (None for CSV)."""
        if self.folder or not self.sheet_combo.isEnabled():
            return None
        return self.sheet_combo.currentText() or None

    # -- checking --------------------------------------------------------------------------

    def prepare(self, header: HeaderChoice | None = None,
                then: Callable[[], None] | None = None) -> None:
        """Read and check the file against the exam (a read; nothing is written)."""
        assert self.path is not None
        path, key, sheet, actor = self.path, self.kind(), self.sheet(), self.actor

        def work(session: Session, progress: Progress,
                 cancelled: Cancelled) -> PreparedImport[Any] | NoHeaderRow:
            try:
                return import_kind(key).prepare(session, resolve_exam(session), path,
                                                sheet=sheet, header=header, progress=progress,
                                                cancelled=cancelled, actor=actor)
            except NoHeaderRow as error:  # the user chooses the header row
                return error

        def done(prepared: PreparedImport[Any] | NoHeaderRow) -> None:
            if isinstance(prepared, NoHeaderRow):
                self._no_header(prepared)
                return
            self._prepared(prepared)
            if then is not None:
                then()

        self.running = self.operations.read(self.tr("Checking %1").replace("%1", path.name),
                                            work, on_success=done)

    def _prepared(self, prepared: PreparedImport[Any]) -> None:
        self.prepared = prepared
        self.problems_model.set_problems(prepared.problems)
        self.changes_model.set_prepared(prepared)
        self.problems_view.resizeColumnsToContents()
        self.changes_view.resizeColumnsToContents()
        for view in (self.problems_view, self.changes_view):
            for column in range(view.model().columnCount() - 1):
                view.setColumnWidth(column, min(view.columnWidth(column), 320))
        changes = prepared.changes
        self.summary.setText(self.tr(
            "%1: %2 rows read. The valid rows add %3 and change %4 (%5 unchanged). %6 rows "
            "have errors and are left out; %7 warnings.")
            .replace("%1", prepared.file + (f" · {prepared.sheet}" if prepared.sheet else ""))
            .replace("%2", str(prepared.rows)).replace("%3", str(len(changes.added)))
            .replace("%4", str(len(changes.updated))).replace("%5", str(len(changes.unchanged)))
            .replace("%6", str(len({(p.file, p.row) for p in prepared.errors})))
            .replace("%7", str(len(prepared.warnings))))
        self._fill_header(prepared)
        if self.step() == self.PROBLEMS:
            self._show(self.PROBLEMS)

    def _no_header(self, error: NoHeaderRow) -> None:
        self.prepared = None
        while self.field_form.rowCount():
            self.field_form.removeRow(0)
        self.field_combos = {}
        self.header_note.setText(str(error) + "\n" + self.tr(
            "Choose the row that names the columns, then check again."))
        self._show(self.HEADER)

    def _fill_header(self, prepared: PreparedImport[Any]) -> None:
        header = prepared.header
        while self.field_form.rowCount():
            self.field_form.removeRow(0)
        self.field_combos = {}
        if header is None or prepared.source is None:
            return
        self.header_row.setValue(header.header_row)
        self.header_note.setText(self.tr(
            "The header was found on row %1. Change the row or the column of a field, then "
            "check again.").replace("%1", str(header.header_row)))
        row = next((r for r in prepared.source.rows if r.number == header.header_row), None)
        cells = row.cells if row is not None else ()
        width = max([len(cells), *[i + 1 for i in header.columns.values()]])
        for spec in COLUMNS[SheetKind(prepared.kind)]:
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for index in range(width):
                text = _cell_text(cells[index]) if index < len(cells) else ""
                combo.addItem(f"{column_letter(index)}  {text}".rstrip(), index)
            combo.setCurrentIndex(combo.findData(header.columns.get(spec.field, NOT_IMPORTED)))
            label = spec.label + (" *" if spec.required else "")
            self.field_form.addRow(label, combo)
            self.field_combos[spec.field] = combo

    def header_choice(self) -> HeaderChoice:
        """The header row and columns as the user set them."""
        columns = {field: combo.currentData() for field, combo in self.field_combos.items()}
        return HeaderChoice(self.header_row.value(), {
            field: None if column == NOT_IMPORTED else column for field, column in columns.items()})

    def check_again(self) -> None:
        """Check the file again with the header row and columns as set."""
        self.prepare(self.header_choice())

    # -- moving between steps --------------------------------------------------------------

    def next(self) -> None:
        step = self.step()
        if step == self.FILE and self.path is not None:
            self.choose_path(self.path, folder=self.folder)
        elif step == self.SHEET:
            self.prepare(then=lambda: self._show(self.HEADER))
        elif step == self.HEADER:
            if self.prepared is None:
                self.prepare(self.header_choice(), then=lambda: self._show(self.PROBLEMS))
            else:
                self._show(self.PROBLEMS)

    def back(self) -> None:
        step = self.step()
        if step == self.PROBLEMS and not self.folder:
            self._show(self.HEADER)
        elif step == self.HEADER:
            self._show(self.SHEET)
        else:
            self._show(self.FILE)

    # -- deciding --------------------------------------------------------------------------

    def show_row(self, index: QModelIndex) -> None:
        """Show the file's row of the problem at ``index``."""
        prepared = self.prepared
        problems = self.problems_model.problems
        number = problems[index.row()].row if 0 <= index.row() < len(problems) else None
        if prepared is None or prepared.source is None or number is None:
            return
        row = next((r for r in prepared.source.rows if r.number == number), None)
        if row is None:
            return
        names = prepared.header.headers if prepared.header is not None else {}
        lines = [f"{column_letter(i)}  {names.get(i, '')}: {_cell_text(value)}"
                 for i, value in enumerate(row.cells)]
        box = QMessageBox(QMessageBox.Icon.Information,
                          self.tr("Row %1").replace("%1", str(number)),
                          "\n".join(lines), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.row_box = box

    def save_report(self) -> None:
        """Save the fix-up report (the sheet with its problem cells highlighted) where the
        user chooses."""
        prepared = self.prepared
        if prepared is None:
            return
        suggested = (self.path.parent if self.path and not self.folder else Path.home())
        name = Path(prepared.file).stem + self.tr("-problems") + ".xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the fix-up report"), str(suggested / name),
            self.tr("Workbooks (*.xlsx)"))
        if not chosen:
            return
        target = Path(chosen)
        database = self.operations.database
        assert database is not None
        self.running = self.operations.run(
            self.tr("Saving the fix-up report"),
            lambda _progress, _cancelled: write_report(database, self.actor, prepared,
                                                       target),
            # the clerk may close the wizard before the (audited) save ends
            on_success=while_alive(self, lambda _none: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Fix-up report saved: %1")
                .replace("%1", str(target)))))

    def import_valid(self) -> None:
        """Write the valid rows (a write; rows with errors are left out)."""
        prepared = self.prepared
        if prepared is None:
            return
        kind = import_kind(prepared.kind)
        actor = self.actor

        def work(session: Session, progress: Progress, cancelled: Cancelled) -> ImportResult:
            return kind.apply(session, actor, prepared.exam, prepared, accept=Accept.VALID,
                              progress=progress, cancelled=cancelled)

        outdated = str(PreparedOutdated(prepared.file))

        def failed(message: str) -> None:
            if message != outdated:
                self.operations.show_error(self.tr("Import"), message)
                return
            box = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Import"),
                message + "\n" + self.tr("Check the file again now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.accepted.connect(
                lambda: self.prepare(self.header_choice() if self.field_combos else None))
            box.open()
            self.outdated_box = box

        self.running = self.operations.write(
            f"import {kind.key}", self.tr("Importing %1").replace("%1", prepared.file), work,
            on_success=self._imported, on_failure=failed)

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.done_label.setText(self.tr(
            "%1 imported: %2 added, %3 changed, %4 unchanged; %5 rows with errors were left "
            "out.").replace("%1", result.file).replace("%2", str(result.added))
            .replace("%3", str(result.updated)).replace("%4", str(result.unchanged))
            .replace("%5", str(result.refused)))
        self._show(self.DONE)
        if result.what == SEATING.key and result.written and self.prepared is not None:
            self.check_plan(self.prepared.exam.code)

    def check_plan(self, exam_code: str) -> None:
        """Check the whole plan after a seating plan was written (a read), as the command
        line's import does, and list its problems."""
        from examdesk.services.rows.problems import problem_rows

        self.check_label.setText(self.tr("Checking the seating plan…"))
        self._checking(True)

        actor = self.actor

        def work(session: Session, _progress: Progress, _cancelled: Cancelled
                 ) -> list[ProblemRow]:
            return problem_rows(session, resolve_exam(session, exam_code), actor=actor)

        self.running = self.operations.read(self.tr("Checking the seating plan"), work,
                                            on_success=self._checked)

    def _checked(self, problems: list[ProblemRow]) -> None:
        self.checked = problems
        self.check_model.set_rows(problems)
        errors = sum(1 for p in problems if p.is_error)
        if not problems:
            text = self.tr("The plan is checked: no problems.")
        else:
            text = self.tr("The plan is checked: %1 errors, %2 warnings. Fix them where "
                           "the seating plan is made, before printing.").replace(
                "%1", f"{errors:,}").replace("%2", f"{len(problems) - errors:,}")
        self.check_label.setText(text)
        self._checking(True)
        self.check_view.resizeColumnsToContents()
        widest = self.check_view.fontMetrics().averageCharWidth() * 48  # leave the fix room
        for column in range(self.check_model.columnCount()):
            if self.check_view.columnWidth(column) > widest:
                self.check_view.setColumnWidth(column, widest)

    def open_plan(self) -> None:
        """Close the wizard and open the 编排 area, where the problems are listed."""
        navigate = self.navigate
        self.accept()
        if navigate is not None:
            navigate("plan", None)


def operations_settings(parent: QWidget | None) -> Any:
    """The window's settings (the wizard keeps its size there), or the application's."""
    from PySide6.QtCore import QSettings

    settings = getattr(parent, "settings", None)
    return settings if isinstance(settings, QSettings) else QSettings()


def open_import_wizard(operations: Operations, parent: QWidget | None = None,
                       path: str | Path | None = None,
                       navigate: Callable[[str, Hashable | None], None] | None = None,
                       actor: Actor | None = None) -> ImportWizard:
    """Open the wizard over ``parent`` (on ``path`` when given: a file dropped on it);
    ``navigate`` opens an area of the window (the 编排 area after a seating plan); the
    import is recorded as ``actor``'s (the signed-in user)."""
    wizard = ImportWizard(operations, parent, path, navigate, actor)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
