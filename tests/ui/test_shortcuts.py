"""Keyboard shortcuts for the common actions, each shown in its menu: find (Ctrl+F), export
(Ctrl+E), the runs (seat, check, roster, posts, draw), import (Ctrl+I) and print (Ctrl+P),
none clashing with another or with the areas' Ctrl+1..7."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.ui.test_window_areas import shown_window


def _menu_shortcuts(window) -> dict[str, str]:
    """Each menu entry's text (without its mnemonic) and the shortcut the menu shows."""
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator() and action.menu() is None:
                found[action.text().replace("&", "")] = action.shortcut().toString()
    return found


def test_the_common_actions_have_shortcuts_shown_in_the_menus(examdesk_app, qtbot, demo_db,
                                                              settings):
    window = shown_window(qtbot, demo_db, settings)
    shown = _menu_shortcuts(window)
    for text, keys in (("查找(F)", "Ctrl+F"), ("导出列表(E)…", "Ctrl+E"), ("导入(I)…", "Ctrl+I"),
                       ("打印(P)…", "Ctrl+P"), ("分配座位(S)", "Ctrl+Shift+A"),
                       ("检查编排(C)", "F7"), ("编排监考(R)", "Ctrl+Shift+R"),
                       ("安排岗位人员(P)", "Ctrl+Shift+P"), ("抽签(D)", "Ctrl+Shift+D")):
        assert shown.get(text) == keys, (text, shown)
    used = [keys for keys in shown.values() if keys]
    assert len(used) == len(set(used)), "no two entries share a shortcut"
    assert not {f"Ctrl+{n}" for n in range(1, 8)} - set(used)  # the areas keep theirs


def test_ctrl_f_puts_the_cursor_in_the_search_box_of_the_page_on_show(
        examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["candidates"]
    qtbot.waitUntil(lambda: page.loaded, timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table.search_box)
    qtbot.keyClicks(QApplication.focusWidget(), "zs")
    assert page.table.search_box.text() == "zs"


def test_ctrl_e_exports_the_list_on_show(examdesk_app, qtbot, demo_db, settings, tmp_path,
                                         monkeypatch):
    target = tmp_path / "考生.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["candidates"]
    qtbot.waitUntil(lambda: page.loaded, timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=60_000)
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=30_000)


def test_f7_checks_the_plan_from_any_area(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.current_area() == "plan"
    page = window.pages["plan"]
    qtbot.waitUntil(lambda: "检查编排" in page.result.summary.text(), timeout=60_000)
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=30_000)
    assert QKeySequence("F7") == window.run_actions["check"].shortcut()
