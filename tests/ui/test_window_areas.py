"""The main window's areas: each opens from the sidebar and from Ctrl+1..7, navigate() lands on
a page, the area shown last opens again; the 考试 page shows and saves the exam's settings
(a refused value is explained beside its field), an empty database offers the demo as a
button; File → Open switches the window to another database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from examdesk.db import open_database
from examdesk.services.audit import Actor
from examdesk.services.demo import load_demo
from examdesk.services.exam_settings import read_settings
from examdesk.services.exams import resolve_exam
from ui.window.app import create_main_window
from ui.window.database_dialog import DatabaseDialog
from ui.window.main_window import MainWindow, NotAvailablePage, recent_databases
from ui.window.pages import AREAS
from ui.window.pages.exam import ExamPage

DEMO_EXAM = "2023年度社会工作者职业水平考试（周口考区）"


def shown_window(qtbot, database, settings) -> MainWindow:
    window = create_main_window(database, settings, poll_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.refreshed):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def loaded_exam_page(qtbot, window: MainWindow) -> ExamPage:
    page = window.pages["exam"]
    assert isinstance(page, ExamPage)
    qtbot.waitUntil(lambda: page.view is not None and not page._loading, timeout=30_000)
    return page


def settings_of(database):
    with database.begin() as session:
        return read_settings(session, resolve_exam(session))


def retype(qtbot, line: QLineEdit, text: str) -> None:
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_every_area_opens_from_the_sidebar_and_its_shortcut(examdesk_app, qtbot, demo_db,
                                                            settings, tmp_path):
    window = shown_window(qtbot, demo_db, settings)
    assert [window.sidebar.item(row).text() for row in range(len(AREAS))] == [
        "考试", "考点考场", "考生", "编排", "工作人员", "岗位物资", "打印", "审计", "考务日"]
    assert window.current_area() == "exam"  # the first start opens the first area
    opened: list[str] = []
    window.area_opened.connect(opened.append)
    for row, each in reversed(list(enumerate(AREAS))):
        item = window.sidebar.item(row)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.sidebar.visualItemRect(item).center())
        assert opened[-1] == each.key
        assert window.current_area() == each.key
        page = window.pages[each.key]
        assert window.stack.currentWidget() is page and page.isVisible()
        if isinstance(page, NotAvailablePage):  # another lane's page, not merged yet
            assert page.label.text() == f"{each.title()} 暂不可用。"
        assert window.grab().save(str(tmp_path / f"area-{each.key}.png"))
    for number, each in enumerate(AREAS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == each.key
        assert window.sidebar.currentRow() == number - 1
    assert window.findChildren(QMessageBox) == []


def test_navigate_opens_the_area_and_selects_there(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    window.navigate("staff", None)
    assert window.current_area() == "staff"
    page = loaded_exam_page(qtbot, window)
    selected = []
    page.select = lambda key: selected.append(key) or True  # type: ignore[method-assign]
    window.navigate("exam", "merge_tail")
    assert window.current_area() == "exam" and selected == ["merge_tail"]
    # the page's own select: a setting's field
    assert ExamPage.select(page, "merge_tail") and not ExamPage.select(page, "nothing")


def test_the_area_shown_last_opens_again(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "staff"
    window.close()
    again = shown_window(qtbot, demo_db, settings)
    assert again.current_area() == "staff" and again.sidebar.currentRow() == 4
    assert "exam" not in again.pages  # made only when opened


def test_a_hidden_page_refreshes_when_shown_again(examdesk_app, qtbot, demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    window.open_area("venues")
    with qtbot.waitSignal(window.refreshed, timeout=30_000):  # replaces a whole exam
        window.operations.write("test", "测试", lambda session, _p, _c: load_demo(
            session, Actor("tester"), exam_only=True, replace=True))
    assert page.cards["candidates"].value_label.text() == "6,000"  # hidden: not yet
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert page.cards["candidates"].value_label.text() == "0"


def test_the_exam_page_shows_and_saves_the_settings(examdesk_app, qtbot, demo_copy, settings,
                                                    tmp_path):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    before = settings_of(demo_copy)
    assert page.title_label.text() == DEMO_EXAM
    assert page.fields["merge_tail"].text() == str(before.merge_tail)
    assert page.fields["ticket_pattern"].text() == before.ticket_pattern
    assert page.fields["seat_order"].currentData() == before.seat_order.value
    assert page.explanation_labels["merge_tail"].text().startswith("")
    assert all(label.text() for label in page.explanation_labels.values())
    levels = [page.levels_tree.topLevelItem(i).text(0)
              for i in range(page.levels_tree.topLevelItemCount())]
    assert levels == ["助理社会工作师", "社会工作师"]
    assert page.sessions_tree.topLevelItemCount() > 0
    assert window.grab().save(str(tmp_path / "exam.png"))

    new_tail = 3 if before.merge_tail != 3 else 4
    retype(qtbot, page.fields["merge_tail"], str(new_tail))
    with qtbot.waitSignals([page.saved, page.loaded], timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings_of(demo_copy).merge_tail == new_tail
    assert page.saved_label.text() == "已保存。"
    assert page.fields["merge_tail"].text() == str(new_tail)


def test_a_refused_value_is_explained_beside_its_field_and_nothing_is_written(
        examdesk_app, qtbot, demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    before = settings_of(demo_copy)
    retype(qtbot, page.fields["merge_tail"], "1")
    retype(qtbot, page.fields["max_sessions"], "99")
    running = []
    page.context.operations.changed.connect(running.append)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.error_labels["max_sessions"]
    qtbot.waitUntil(error.isVisible)
    # the field's own label, in the clerk's language, not the setting's key
    assert error.text() == "“每人最多场次”应在 1 到 20 之间，不能是 99。"
    assert not page.error_labels["merge_tail"].isVisible()
    assert window.findChildren(QMessageBox) == []
    assert settings_of(demo_copy) == before and running == []

    retype(qtbot, page.fields["max_sessions"], str(before.max_sessions))
    retype(qtbot, page.fields["ticket_pattern"], "level:1 nonsense")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.error_labels["ticket_pattern"].isVisible)
    assert not error.isVisible()
    assert settings_of(demo_copy) == before

    retype(qtbot, page.fields["reserve_ratio"], "0.1x")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error_labels["reserve_ratio"].text() == "请填写数字，例如 0.1。"
    assert settings_of(demo_copy) == before


def test_a_staffing_change_that_breaks_duties_offers_the_repair(examdesk_app, qtbot,
                                                                demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    retype(qtbot, page.fields["invigilators_per_room"], "3")
    with qtbot.waitSignal(page.saved, timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.repair_button.isVisible() and page.broken_label.isVisible()
    assert page.broken_label.text().startswith("此改动使 ")
    qtbot.mouseClick(page.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.repair_button.isVisible(), timeout=60_000)
    assert page.saved_label.text() == "监考安排已修复。"


@pytest.mark.slow
def test_an_empty_database_loads_the_demo_from_its_button(examdesk_app, qtbot, db, settings):
    window = shown_window(qtbot, db, settings)
    page = loaded_exam_page(qtbot, window)
    assert page.demo_button.isVisible() and page.exam_only_button.isVisible()
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.title_label.text() == DEMO_EXAM, timeout=120_000)
    qtbot.waitUntil(lambda: window.counts.get("candidates") == 6000, timeout=30_000)
    assert not page.empty_box.isVisible()


def test_an_empty_database_creates_an_exam_to_import_into(examdesk_app, qtbot, db, settings):
    window = shown_window(qtbot, db, settings)
    page = loaded_exam_page(qtbot, window)
    qtbot.mouseClick(page.exam_only_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.title_label.text() == DEMO_EXAM, timeout=60_000)
    assert page.cards["candidates"].value_label.text() == "0"
    assert page.levels_tree.topLevelItemCount() == 2


def _other_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    other = open_database(url)
    try:
        with other.write("test") as session:
            load_demo(session, Actor("tester"), exam_only=True)
    finally:
        other.close()
    return url


def test_file_open_switches_the_window_to_another_database(examdesk_app, qtbot, db, settings,
                                                           tmp_path, monkeypatch):
    other = tmp_path / "other.db"
    url = _other_database(other)
    window = shown_window(qtbot, db, settings)
    page = loaded_exam_page(qtbot, window)
    assert page.empty_box.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.open_action.trigger()
    dialog = window.findChild(DatabaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.open_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=30_000)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert str(other) in window.database_label.text()
    assert window.database is not db and page not in window.pages.values()
    page = loaded_exam_page(qtbot, window)
    assert page.title_label.text() == DEMO_EXAM
    assert recent_databases(settings)[0] == url


def test_the_status_bar_shows_the_counts_whole(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    label = window.counts_label
    assert label.text() == ("考生 6,000  ·  已编排 6,000  ·  考场 205  ·  工作人员 650  ·  "
                            "监考安排 1,464")
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_ctrl_p_opens_the_print_area(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "print"


def test_recent_databases_keep_eight_and_no_password(examdesk_app, settings):
    from types import SimpleNamespace

    from sqlalchemy.engine import make_url

    from ui.window.main_window import remember_database, url_without_password

    server = SimpleNamespace(url=make_url("postgresql+psycopg://clerk:secret@10.0.0.5/exam"))
    remembered = url_without_password(server)  # type: ignore[arg-type]
    assert "secret" not in remembered and "clerk@10.0.0.5" in remembered
    for number in range(10):
        remember_database(settings, f"sqlite:///exam{number}.db")
    remember_database(settings, "sqlite:///exam5.db")
    recent = recent_databases(settings)
    assert len(recent) == 8 and recent[:2] == ["sqlite:///exam5.db", "sqlite:///exam9.db"]


def test_an_abbreviation_is_added_and_removed_on_the_exam_page(
        examdesk_app, qtbot, demo_copy, settings, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    level = page.levels_tree.topLevelItem(1)  # 社会工作师
    subject = level.child(2)  # 社会工作法规与政策
    assert subject.text(2) == "法规政策"
    qtbot.mouseClick(page.levels_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.levels_tree.visualItemRect(subject).center())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("法规", True))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.mouseClick(page.add_abbreviation_button, Qt.MouseButton.LeftButton)
    subject = page.levels_tree.topLevelItem(1).child(2)
    assert subject.text(2) == "法规政策、法规"
    qtbot.mouseClick(page.levels_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.levels_tree.visualItemRect(subject).center())
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("法规政策", True))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.mouseClick(page.remove_abbreviation_button, Qt.MouseButton.LeftButton)
    assert page.levels_tree.topLevelItem(1).child(2).text(2) == "法规"


def test_a_refresh_keeps_what_the_clerk_is_typing(examdesk_app, qtbot, demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    shown_ticket = page.fields["ticket_pattern"].text()
    retype(qtbot, page.fields["merge_tail"], "7")
    with demo_copy.write("test") as session:  # another clerk changes a setting
        from examdesk.services.exam_settings import change_settings

        change_settings(session, Actor("other"), resolve_exam(session),
                        ticket_pattern="level:1 year:2 center:2 room:2 seat:2")
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.fields["merge_tail"].text() == "7"  # being typed: kept
    assert page.fields["ticket_pattern"].text() != shown_ticket  # theirs: shown
    with qtbot.waitSignals([page.saved, page.loaded], timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings_of(demo_copy).merge_tail == 7
    assert page._edited() == set()


def test_ctrl_i_opens_the_import_wizard(examdesk_app, qtbot, demo_db, settings):
    from ui.window.import_wizard import ImportWizard

    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizards = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(wizards) == 1
    wizards[0].close()


def test_every_page_shows_the_database_when_first_opened(examdesk_app, qtbot, demo_db,
                                                         settings):
    window = shown_window(qtbot, demo_db, settings)
    for key, table in (("plan", "seats"), ("posts", "posts")):
        window.open_area(key)
        page = window.pages[key]
        qtbot.waitUntil(lambda page=page, table=table:
                        getattr(page, table).model.rowCount() > 0, timeout=30_000)
