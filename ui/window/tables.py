"""The window's tables: frozen rows shown as a Qt table, searched, filtered and sorted.

Every list in the window (candidates, rooms, staff, seating, duties, posts, problems) is a
:class:`RowTable` over the read model's frozen rows: a row kind declares its columns once,
with how each is displayed and sorted, its key (the row's ID) and its search fields. The
model sorts and filters itself instead of sitting behind a QSortFilterProxyModel: a proxy
asks the Python model for every row on each keystroke (and for two rows on every comparison
of a sort), hundreds of milliseconds at 100,000 candidates, where one scan of the search
index and one list comprehension take a few (docs/performance.md, "Search").

Mutations return what changed; :meth:`RowTable.update_rows` replaces exactly those rows
(by key) so that a seat change refreshes one line, not the table.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from examdesk.search import SearchIndex
from ui.window.signals import emit

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# The role a view reads a row's key from (its ID).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its translated title, its text, and how it sorts (the text by default)."""

    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    numeric: bool = False  # right-aligned


@dataclass(frozen=True)
class RowKind(Generic[R]):
    """How rows of one kind are shown: key, columns, search fields and facets to filter by."""

    key: Callable[[R], Hashable]
    columns: Sequence[Column[R]]
    # The name a search matches by pinyin, and the other fields it matches by any part.
    search: Callable[[R], tuple[str, Sequence[str]]]
    # Filters offered beside the search box: facet name -> the row's value for it.
    facets: Mapping[str, Callable[[R], Hashable]] = field(default_factory=dict)


def search_index(kind: RowKind[R], rows: Sequence[R]) -> SearchIndex[int]:
    """The search index of these rows (by position), as :meth:`RowTable.set_rows` needs it."""
    return SearchIndex((i, *kind.search(row)) for i, row in enumerate(rows))


@dataclass(frozen=True)
class Prepared:
    """What :meth:`RowTable.set_rows` computes over every row (a second at 100,000 rows),
    computed beforehand by :func:`prepare` on the worker thread that read the rows."""

    index: SearchIndex[int]
    position: dict[Hashable, int]
    facet_values: dict[str, list[Hashable]]


def prepare(kind: RowKind[R], rows: Sequence[R]) -> Prepared:
    """The search index, the positions by key and the facets' values of exactly these rows;
    Qt-free, so a page runs it off the UI thread."""
    return Prepared(
        search_index(kind, rows), {kind.key(row): i for i, row in enumerate(rows)},
        {name: list(dict.fromkeys(value(row) for row in rows))
         for name, value in kind.facets.items()})


class RowTable(QAbstractTableModel, Generic[R]):
    """A table of frozen rows that sorts and filters itself.

    ``visible`` is the order shown: positions in ``rows`` that pass the search and the facet
    filters, in the current sort order. The search index is built once per set of rows.
    """

    def __init__(self, kind: RowKind[R], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._rows: list[R] = []
        self._position: dict[Hashable, int] = {}
        self._index: SearchIndex[int] = SearchIndex([])
        self._facet_values: dict[str, list[Hashable]] = {}
        self._order: list[int] = []  # every row, sorted
        self._visible: list[int] = []  # the rows shown, sorted
        self._matching: set[int] | None = None  # rows the search finds (None: no search)
        self._facets: dict[str, Hashable] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._query = ""

    # --- contents -------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[R], prepared: Prepared | None = None) -> None:
        """Shows these rows, keeping the search, the filters and the sort order.
        ``prepared`` is :func:`prepare` of exactly these rows, computed beforehand off the UI
        thread (a second at 100,000 rows); without it, it is computed here."""
        self.beginResetModel()
        self._rows = list(rows)
        if prepared is None:
            prepared = prepare(self.kind, self._rows)
        self._position = prepared.position
        self._index = prepared.index
        self._facet_values = prepared.facet_values
        self._matching = set(self._index.find(self._query)) if self._query.strip() else None
        self._order = self._sorted(range(len(self._rows)))
        self._visible = self._filtered()
        self.endResetModel()

    def update_rows(self, rows: Iterable[R]) -> None:
        """Replaces the rows with the same keys (a mutation's changes); rows with new keys
        are added. The search index and order are rebuilt only when a row was added or a
        searched or sorted value changed; the lines shown are refreshed in place otherwise."""
        changed: list[R] = []
        added: list[R] = []
        for row in rows:
            (changed if self.kind.key(row) in self._position else added).append(row)
        if added or self._reorders(changed):
            kept = {self.kind.key(row): row for row in changed}
            self.set_rows([kept.get(self.kind.key(old), old) for old in self._rows] + added)
            return
        shown = {position: line for line, position in enumerate(self._visible)}
        for row in changed:
            position = self._position[self.kind.key(row)]
            self._rows[position] = row
            if position in shown:
                line = shown[position]
                emit(self.dataChanged, self.index(line, 0),
                                      self.index(line, len(self.kind.columns) - 1))

    def remove_keys(self, keys: Iterable[Hashable]) -> None:
        gone = set(keys)
        self.set_rows(row for row in self._rows if self.kind.key(row) not in gone)

    def _reorders(self, changed: Sequence[R]) -> bool:
        for row in changed:
            old = self._rows[self._position[self.kind.key(row)]]
            if self.kind.search(old) != self.kind.search(row):
                return True
            if any(f(old) != f(row) for f in self.kind.facets.values()):
                return True
            if self._sort is not None and self._sort_key(self._sort[0])(old) != \
                    self._sort_key(self._sort[0])(row):
                return True
        return False

    # --- reading --------------------------------------------------------------------------

    def row_at(self, line: int) -> R:
        """The row shown on this line."""
        return self._rows[self._visible[line]]

    def line_of(self, key: Hashable) -> int | None:
        """The line showing the row with this key; None when it is filtered out or unknown."""
        position = self._position.get(key)
        if position is None:
            return None
        try:
            return self._visible.index(position)
        except ValueError:
            return None

    def has_key(self, key: Hashable) -> bool:
        return key in self._position

    def shown(self) -> list[R]:
        """The rows shown, in their order (what an export of the view writes)."""
        return [self._rows[i] for i in self._visible]

    @property
    def total(self) -> int:
        return len(self._rows)

    # --- search, filters, sort --------------------------------------------------------------

    def set_search(self, query: str) -> None:
        """Shows only the rows every term of the query finds (docs/performance.md, "Search")."""
        if query == self._query:
            return
        self._query = query
        self._matching = set(self._index.find(query)) if query.strip() else None
        self._refilter()

    def set_facet(self, name: str, value: Hashable | None) -> None:
        """Shows only the rows whose facet has this value; None shows every value."""
        if value is None:
            self._facets.pop(name, None)
        else:
            self._facets[name] = value
        self._refilter()

    def facet_values(self, name: str) -> list[Hashable]:
        """The values a facet takes among all rows, in order of first appearance."""
        return list(self._facet_values.get(name, ()))

    def rows(self) -> list[R]:
        """Every row, in the read model's order (a copy)."""
        return list(self._rows)

    def reorders(self, changed: Sequence[R]) -> bool:
        """Whether replacing rows by these changes what the search, a facet or the sort
        sees (then :meth:`update_rows` computes the table again)."""
        return any(self.kind.key(row) not in self._position for row in changed) \
            or self._reorders(changed)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by a column's sort key; a column out of range restores the rows' order."""
        emit(self.layoutAboutToBeChanged)
        persistent = self.persistentIndexList()
        held = [(self._visible[index.row()], index.column()) for index in persistent]
        self._sort = (column, order) if 0 <= column < len(self.kind.columns) else None
        self._order = self._sorted(range(len(self._rows)))
        self._visible = self._filtered()
        line = {position: n for n, position in enumerate(self._visible)}
        # the selection and the current row follow their rows, not their old lines
        self.changePersistentIndexList(persistent,
                                       [self.index(line[p], c) for p, c in held])
        emit(self.layoutChanged)

    def _sort_key(self, column: int) -> Callable[[R], Any]:
        spec = self.kind.columns[column]
        return spec.sort_key or spec.text

    def _sorted(self, positions: Iterable[int]) -> list[int]:
        if self._sort is None:
            return list(positions)
        column, order = self._sort
        key = self._sort_key(column)
        rows = self._rows
        return sorted(positions, key=lambda i: key(rows[i]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _filtered(self) -> list[int]:
        keep = self._order
        if self._matching is not None:
            matching = self._matching
            keep = [i for i in keep if i in matching]
        rows = self._rows
        for name, wanted in self._facets.items():
            value = self.kind.facets[name]
            keep = [i for i in keep if value(rows[i]) == wanted]
        return keep

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._filtered()
        self.endResetModel()

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.kind.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        column = self.kind.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return self.kind.key(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.kind.columns):
                return self.kind.columns[section].title
            return None
        return section + 1


class SearchableTable(QWidget, Generic[R]):
    """A table with its search box, its facet filters and a count of the rows shown.

    ``activated`` carries the key of a row double-clicked or entered; ``selected`` the key of
    the current row (None when nothing is selected), for a details pane beside the table.
    """

    activated = Signal(object)
    selected = Signal(object)

    def __init__(self, kind: RowKind[R], facet_titles: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTable[R] = RowTable(kind, self)
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search: name, pinyin initials, ID number, ticket, registration number..."))
        self.search_box.textChanged.connect(self.model.set_search)
        self.facet_boxes: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 1)
        for name, title in (facet_titles or {}).items():
            box = QComboBox()
            box.setObjectName(f"facet-{name}")
            box.setToolTip(title)
            box.currentIndexChanged.connect(
                lambda _i, name=name, box=box: self.model.set_facet(name, box.currentData()))
            self.facet_boxes[name] = box
            bar.addWidget(box)
        self.count_label = QLabel()
        # as wide as its longest text from the start: a count that grows is never clipped
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            self.tr("Shown: %s of %s") % ("000,000", "000,000")) + 8)
        bar.addWidget(self.count_label)
        self._facet_titles = dict(facet_titles or {})

        self.view = QTableView()
        self.view.setModel(self.model)
        # Rows start in the read model's order; a header click sorts (-1: no column yet).
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        # a double click or Enter (the view's activation; connecting doubleClicked too would
        # report a double click twice)
        self.view.activated.connect(lambda index: emit(self.activated, index.data(KEY_ROLE)))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: emit(self.selected,
                current.data(KEY_ROLE) if current.isValid() else None))
        self.model.modelReset.connect(self._show_count)
        self.model.layoutChanged.connect(self._show_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: Iterable[R], prepared: Prepared | None = None) -> None:
        """Shows these rows; the facet boxes offer the values present, the current choices
        and the selected row are kept where they still exist (``prepared``: as
        :meth:`RowTable.set_rows`)."""
        key = self.current_key()
        self.model.set_rows(rows, prepared)
        for name, box in self.facet_boxes.items():
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All: %s") % self._facet_titles[name], None)
            for value in sorted(self.model.facet_values(name), key=str):
                box.addItem(str(value), value)
            found = box.findData(chosen) if chosen is not None else 0
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)
            self.model.set_facet(name, box.currentData())
        self.column_widths()
        if key is not None:
            self.select(key)
        self._show_count()

    def column_widths(self) -> None:
        """Fits the columns to their titles and the first rows shown (not all 100,000)."""
        metrics = self.view.fontMetrics()
        sample = [self.model.row_at(line) for line in range(min(self.model.rowCount(), 200))]
        for column, spec in enumerate(self.model.kind.columns):
            widest = max([metrics.horizontalAdvance(spec.title)]
                         + [metrics.horizontalAdvance(spec.text(row)) for row in sample])
            self.view.setColumnWidth(column, min(widest + 24, 360))

    def current_key(self) -> Hashable | None:
        index = self.view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def select(self, key: Hashable) -> bool:
        """Selects and shows the row with this key; clears the search and filters that hide
        it. False when no row has this key."""
        line = self.model.line_of(key)
        if line is None and self.model.has_key(key):
            self.search_box.clear()
            for box in self.facet_boxes.values():
                box.setCurrentIndex(0)
            line = self.model.line_of(key)
        if line is None:
            return False
        index = self.model.index(line, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(
            self.tr("Rows: %s") % f"{total:,}" if shown == total
            else self.tr("Shown: %s of %s") % (f"{shown:,}", f"{total:,}"))
