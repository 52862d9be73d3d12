"""The 审计 area after an exam was deleted (the demo loaded again over it), in Chinese: an
administrator still finds who worked on the deleted exam, each event naming the exam by its
code, marked 已删除; a planner of the exam loaded again does not see that trail."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from examdesk.enums import UserRole
from examdesk.services.audit import Actor, Grant
from examdesk.services.rows.audit import PAGE
from tests.core.test_audit_kept import CODE, desk01_events, replace_the_demo
from tests.ui.test_audit_page import column, open_page, read_again

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def test_an_administrator_reads_the_trail_of_the_replaced_exam(
        examdesk_app, qtbot, demo_copy, demo_copy_url, settings, capsys):
    before, new = replace_the_demo(demo_copy, demo_copy_url)
    capsys.readouterr()
    page = open_page(demo_copy, settings, qtbot, actor=Actor("root", grants=(
        Grant(UserRole.ADMIN),)))
    page.resize(1366, 768)
    assert column(page, 2)[:2] == ["创建演示考试", "删除考试"]
    total = len(before) + 2  # every event kept, the deletion's and the new exam's added
    assert page.count_label.text() == f"显示 {min(PAGE, total)} 条，共 {total:,} 条"

    page.user_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.user_box, "desk01"))
    assert set(column(page, 1)) == {"desk01"}
    assert page.table.model.rowCount() == desk01_events(demo_copy_url) >= 300
    view = page.table.view
    rect = view.visualRect(page.table.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lines = dict(page.detail_lines())
    assert lines["用户"] == "desk01" and lines["操作"] == "开具临时身份证明"
    assert lines["考试"] == f"{CODE}（已删除）"
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / "audit-deleted-exam.png"))

    # a planner of the exam loaded again under the same code: only its own event
    planner = open_page(demo_copy, settings, qtbot, actor=Actor("planner", grants=(
        Grant(UserRole.PLANNER, new),)))
    assert column(planner, 2) == ["创建演示考试"]
    assert planner.user_box.findText("desk01") == -1
