"""The window's tables: search as the clerk types (pinyin, Chinese through an input method),
facet filters, sorting by a header click, and a mutation refreshing only its rows."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ui.window.tables import KEY_ROLE, Column, RowKind, RowTable, SearchableTable


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    id_no: str
    center: str
    seat: int


KIND = RowKind[Person](
    key=lambda p: p.id,
    columns=[Column("姓名", lambda p: p.name), Column("证件号码", lambda p: p.id_no),
             Column("考点", lambda p: p.center),
             Column("座号", lambda p: str(p.seat), sort_key=lambda p: p.seat, numeric=True)],
    search=lambda p: (p.name, [p.id_no]),
    facets={"center": lambda p: p.center},
)

PEOPLE = [
    Person(1, "张三", "110101199003071234", "一中", 12),
    Person(2, "王健", "11010119900307123X", "二中", 3),
    Person(3, "李四", "110101199003075678", "一中", 25),
    Person(4, "张珊珊", "110101199003079999", "二中", 1),
]


def shown_names(model: RowTable[Person]) -> list[str]:
    return [model.index(line, 0).data() for line in range(model.rowCount())]


@pytest.fixture
def table(examdesk_app, qtbot) -> SearchableTable[Person]:
    widget: SearchableTable[Person] = SearchableTable(KIND, {"center": "考点"})
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    widget.set_rows(PEOPLE)
    return widget


def test_the_model_keeps_qts_rules_through_search_filter_sort_and_updates(qtmodeltester) -> None:
    model: RowTable[Person] = RowTable(KIND)
    model.set_rows(PEOPLE)
    qtmodeltester.check(model)
    model.set_search("zs")
    model.set_facet("center", "二中")
    model.sort(3, Qt.SortOrder.DescendingOrder)
    model.update_rows([replace(PEOPLE[3], seat=7)])
    qtmodeltester.check(model)


def test_typing_pinyin_initials_narrows_the_table_and_the_count_says_so(table, qtbot) -> None:
    qtbot.keyClicks(table.search_box, "zs")
    assert shown_names(table.model) == ["张三", "张珊珊"]
    assert table.count_label.text() == "显示 2 / 共 4 行"
    qtbot.keyClick(table.search_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(table.search_box, Qt.Key.Key_Backspace)
    assert len(shown_names(table.model)) == 4
    assert table.count_label.text() == "共 4 行"


def test_chinese_committed_by_an_input_method_searches(table, qtbot) -> None:
    table.search_box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("王")
    QApplication.sendEvent(table.search_box, event)
    assert shown_names(table.model) == ["王健"]


def test_the_last_characters_of_an_id_number_find_its_owner(table, qtbot) -> None:
    qtbot.keyClicks(table.search_box, "123x")
    assert shown_names(table.model) == ["王健"]


def test_a_facet_and_the_search_combine(table, qtbot) -> None:
    box = table.facet_boxes["center"]
    assert [box.itemText(i) for i in range(box.count())] == ["全部：考点", "一中", "二中"]
    box.setCurrentIndex(box.findData("二中"))
    assert shown_names(table.model) == ["王健", "张珊珊"]
    qtbot.keyClicks(table.search_box, "z")
    assert shown_names(table.model) == ["张珊珊"]


def test_clicking_a_header_sorts_by_its_value_not_its_text(table, qtbot) -> None:
    table.select(1)
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    seats = [table.model.index(line, 3).data() for line in range(table.model.rowCount())]
    assert seats in (["1", "3", "12", "25"], ["25", "12", "3", "1"])  # numbers, not "12" < "3"
    assert table.current_key() == 1  # the selection follows its row


def test_a_changed_row_refreshes_its_line_only_and_keeps_the_selection(table, qtbot) -> None:
    assert table.select(3)
    refreshed: list[tuple[int, int]] = []
    table.model.dataChanged.connect(lambda a, b: refreshed.append((a.row(), b.row())))
    resets: list[bool] = []
    table.model.modelReset.connect(lambda: resets.append(True))
    table.model.update_rows([Person(3, "李四", "110101199003075678", "一中", 26)])
    line = table.model.line_of(3)
    assert refreshed and refreshed[-1] == (line, line)
    assert not resets
    assert table.current_key() == 3
    assert table.model.index(line, 3).data() == "26"


def test_a_renamed_row_is_found_by_its_new_name(table, qtbot) -> None:
    table.model.update_rows([replace(PEOPLE[2], name="赵六")])
    qtbot.keyClicks(table.search_box, "zl")
    assert shown_names(table.model) == ["赵六"]


def test_double_clicking_a_row_reports_its_key(table, qtbot) -> None:
    qtbot.keyClicks(table.search_box, "wj")
    rect = table.view.visualRect(table.model.index(0, 0))
    keys: list[int] = []
    table.activated.connect(keys.append)
    # a double click: press, release, then the double click
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert keys == [2]  # once
    assert table.model.index(0, 0).data(KEY_ROLE) == 2


def test_selecting_a_hidden_row_clears_what_hides_it(table, qtbot) -> None:
    qtbot.keyClicks(table.search_box, "wj")
    assert table.select(1)
    assert table.search_box.text() == ""
    assert table.current_key() == 1
    assert not table.select(99)
