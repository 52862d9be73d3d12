"""The 审计 area, in Chinese: the trail newest first, a page at a time, filtered by user,
kind of action and person concerned, an event's values before and after beside it, exported
to a workbook; read-only, and refused to a user who may not read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from sqlalchemy import func, select

from examdesk.enums import UserRole
from examdesk.model import AuditEvent
from examdesk.services.audit import Actor, Grant
from examdesk.services.candidate_edits import edit_candidate_phone
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.rows.audit import PAGE
from tests.core.test_audit_trail import add_old_events
from tests.ui.test_list_pages import open_page as list_page
from tests.ui.test_window_areas import shown_window
from ui.window.background import Operations
from ui.window.pages import PageContext
from ui.window.pages.audit import AuditPage

SHOTS = os.environ.get("EXAMDESK_SHOTS")
TICKET = "12341010101"  # the demo's first ticket
OLD = 600  # events of last year, more than a page


@pytest.fixture
def trail(demo_copy):
    """The demo with 600 room edits of last year by wang, then a phone changed by clerk-b."""
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        add_old_events(session, exam.id, "wang", OLD)
        who = find_candidate(session, exam, TICKET).one()
        edit_candidate_phone(session, Actor("clerk-b"), exam, who.id, "13800000000")
    return demo_copy


def events(database) -> int:
    with database.begin() as session:
        return session.scalar(select(func.count(AuditEvent.id))) or 0


def open_page(database, settings, qtbot, actor: Actor | None = None) -> AuditPage:
    if actor is None:
        return list_page(AuditPage, database, settings, qtbot)
    page = AuditPage(PageContext(Operations(None, database), settings,
                                 lambda area, key: None, actor))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def read_again(page: AuditPage, qtbot, action) -> None:
    """Do ``action`` (a filter's change) and wait for the page to have read again."""
    with qtbot.waitSignal(page.table.model.modelReset, timeout=20_000):
        action()
    qtbot.waitUntil(lambda: not page.context.operations.running(), timeout=20_000)


def column(page: AuditPage, number: int) -> list[str]:
    model = page.table.model
    return [model.index(line, number).data() for line in range(model.rowCount())]


def shoot(page: AuditPage, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_trail_opens_newest_first_with_the_selected_events_changes(
        examdesk_app, qtbot, trail, settings, qtmodeltester):
    total = events(trail)
    page = open_page(trail, settings, qtbot)
    qtmodeltester.check(page.table.model)
    assert [page.table.model.headerData(n, Qt.Orientation.Horizontal) for n in range(5)] == [
        "时间", "用户", "操作", "涉及", "摘要"]
    assert page.table.model.rowCount() == PAGE
    assert page.count_label.text() == f"显示 {PAGE} 条，共 {total:,} 条"
    assert column(page, 1)[0] == "clerk-b" and column(page, 2)[0] == "candidate.edit"
    assert column(page, 3)[0].startswith("考生 ")
    # the newest is selected: its phone before and after
    lines = dict(page.detail_lines())
    assert lines["用户"] == "clerk-b" and lines["phone"].endswith("→ 13800000000")
    shoot(page, "audit-page")

    # the next page, older events, on More
    more = page.findChild(QPushButton, "more")
    read_again(page, qtbot, lambda: qtbot.mouseClick(more, Qt.MouseButton.LeftButton))
    assert page.table.model.rowCount() == min(2 * PAGE, total)
    ids = [row.event_id for row in page.table.model.rows()]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)

    # a row clicked: its details
    view = page.table.view
    rect = view.visualRect(page.table.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = page.current_row()
    assert chosen is not None and chosen.user == "wang"
    assert dict(page.detail_lines())["capacity"] == f"30 → {chosen.details['capacity'][1]}"


def test_the_filters_keep_a_user_a_kind_and_a_person(examdesk_app, qtbot, trail, settings):
    page = open_page(trail, settings, qtbot)
    page.user_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.user_box, "wang"))
    assert page.user_box.currentText() == "wang"
    assert set(column(page, 1)) == {"wang"}
    assert page.count_label.text() == f"显示 {PAGE} 条，共 {OLD} 条"
    qtbot.keyClick(page.user_box, Qt.Key.Key_Home)  # 全部用户, then the first: clerk-b
    qtbot.keyClick(page.user_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: set(column(page, 1)) == {"clerk-b"}, timeout=20_000)
    assert page.user_box.currentText() == "clerk-b"
    qtbot.keyClick(page.user_box, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(set(column(page, 1))) > 1, timeout=20_000)

    page.kind_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.kind_box, "room"))
    assert page.kind_box.currentText() == "room（考场）" and set(column(page, 2)) == {"room.edit"}
    qtbot.keyClick(page.kind_box, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(set(column(page, 2))) > 1, timeout=20_000)
    qtbot.mouseClick(page.person_line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.person_line, TICKET)
    read_again(page, qtbot,
               lambda: qtbot.keyClick(page.person_line, Qt.Key.Key_Return))
    assert column(page, 2) == ["candidate.edit"]
    qtbot.keyClicks(page.person_line, "0")  # nobody has this ticket number
    read_again(page, qtbot,
               lambda: qtbot.keyClick(page.person_line, Qt.Key.Key_Return))
    assert page.table.model.rowCount() == 0 and page.count_label.text() == "显示 0 条，共 0 条"
    shoot(page, "audit-nobody")


def test_the_filtered_trail_exports_and_the_export_is_audited(
        examdesk_app, qtbot, trail, settings, tmp_path, monkeypatch):
    page = open_page(trail, settings, qtbot)
    page.user_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.user_box, "wang"))
    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    before = events(trail)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "审计.xlsx" in page.message.text(), timeout=20_000)
    assert page.message.text() == f"已将 {OLD} 条记录写入 {target}"
    lines = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(lines) == OLD + 1 and {line[2] for line in lines[1:]} == {"wang"}
    assert events(trail) == before + 1  # the export itself


def test_a_user_who_may_not_read_the_trail_sees_why(examdesk_app, qtbot, demo_db, settings):
    desk = Actor("desk01", grants=(Grant(UserRole.DESK, None, 1),))
    page = open_page(demo_db, settings, qtbot, actor=desk)
    assert page.refused.isVisible() and not page.splitter.isVisible()
    assert page.refused.text() == "用户 desk01 无权查看审计记录。"


def test_the_area_opens_with_ctrl_8(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "audit"
    page = window.pages["audit"]
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    assert page.table.model.rowCount() > 0
    if SHOTS:
        QApplication.processEvents()
        window.grab().save(str(Path(SHOTS) / "audit-window.png"))


def test_the_days_filter_keeps_the_events_of_those_days(examdesk_app, qtbot, trail, settings):
    page = open_page(trail, settings, qtbot)
    for box, edit in ((page.since_box, page.since_edit), (page.until_box, page.until_edit)):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # ticked: today, the list empties
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.keyClick(edit, Qt.Key.Key_Home)
        qtbot.keyClicks(edit, "2025-06-01")
        qtbot.waitUntil(lambda: not page.context.operations.running() and not page._reading,
                        timeout=20_000)
    assert page.since_edit.date().toString("yyyy-MM-dd") == "2025-06-01"
    assert page.until_edit.date().toString("yyyy-MM-dd") == "2025-06-01"
    qtbot.waitUntil(lambda: page.count_label.text() == f"显示 {PAGE} 条，共 {OLD} 条",
                    timeout=20_000)
    assert set(column(page, 1)) == {"wang"}
