"""The window obeys the signed-in user's roles: a center desk's 考生, 考点考场 and 工作人员 pages
list only its center, and what it may not do is greyed out with why rather than refused after a
click; a viewer sees ID numbers masked and cannot export the candidates (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from examdesk.enums import UserRole
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import center_id, resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from ui.jobs.sheets import SHEETS
from ui.window.background import Operations
from ui.window.main_window import MainWindow
from ui.window.pages import PageContext, area
from ui.window.pages.candidates import CandidatesPage
from ui.window.pages.listing import ListPage
from ui.window.pages.staff import StaffPage
from ui.window.pages.venues import VenuesPage

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def open_page(cls, database, settings, qtbot, actor: Actor) -> ListPage:
    context = PageContext(Operations(None, database), settings, lambda area, key: None, actor)
    page = cls(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def rows_of(page: ListPage) -> list:
    model = page.table.model
    return [model.row_at(line) for line in range(model.rowCount())]


@pytest.fixture
def exam_and_center(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        return exam, center_id(session, exam, "01")


@pytest.fixture
def desk(exam_and_center) -> Actor:
    exam, center = exam_and_center
    return Actor("desk01", None, (Grant(UserRole.DESK, exam.id, center),))


@pytest.fixture
def viewer(exam_and_center) -> Actor:
    return Actor("viewer", None, (Grant(UserRole.VIEWER, exam_and_center[0].id),))


def test_a_desk_lists_only_its_centers_candidates_and_changes_none(
        demo_db, settings, qtbot, desk, exam_and_center, tmp_path, monkeypatch) -> None:
    exam, center = exam_and_center
    with demo_db.begin() as session:
        expected = candidate_rows(session, exam, center_id=center)
    page = open_page(CandidatesPage, demo_db, settings, qtbot, desk)
    shown = rows_of(page)
    assert [r.candidate_id for r in shown] == [r.candidate_id for r in expected]
    assert {r.center_code for r in shown} == {"01"}
    assert "desk01" in page.add_button.toolTip() and "编排员" in page.add_button.toolTip()
    qtbot.mouseClick(page.table.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.view.visualRect(page.table.model.index(0, 0)).center())
    qtbot.waitUntil(lambda: page.current_row() is not None)
    for button in (page.add_button, page.delete_button, page.withdraw_button):
        assert not button.isEnabled()
    assert not page.form.isEnabled()
    assert page.detail_value("证件号码") == shown[0].id_number  # its own people in full
    assert "*" not in shown[0].id_number
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / "desk-candidates.png"))
    # its own center's list it exports, and nothing else
    assert page.export_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "mine"), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "mine.xlsx" in page.message.text(), timeout=30_000)
    book = load_workbook(tmp_path / "mine.xlsx", read_only=True)
    written = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    book.close()
    assert len(written) == len(expected) and {row[10] for row in written} == {"01"}
    qtbot.waitUntil(lambda: not page.context.operations.running(), timeout=20_000)


@pytest.mark.parametrize("cls", [VenuesPage, StaffPage])
def test_a_desks_rooms_and_staff_are_its_centers(demo_db, settings, qtbot, desk, cls) -> None:
    page = open_page(cls, demo_db, settings, qtbot, desk)
    shown = rows_of(page)
    assert shown
    codes = {getattr(r, "center_code", getattr(r, "home_center_code", "")) for r in shown}
    assert codes == {"01"}
    assert not page.add_button.isEnabled()


def test_a_viewer_sees_ids_masked_and_exports_no_candidates(demo_db, settings, qtbot,
                                                            viewer) -> None:
    page = open_page(CandidatesPage, demo_db, settings, qtbot, viewer)
    shown = rows_of(page)
    assert shown and all("*" in r.id_number for r in shown)
    assert not page.export_button.isEnabled()
    assert "viewer" in page.export_button.toolTip()
    assert "个人信息" in page.export_button.toolTip()
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / "viewer-candidates.png"))


def test_a_user_without_roles_limits_still_changes_everything(demo_db, settings, qtbot) -> None:
    page = open_page(CandidatesPage, demo_db, settings, qtbot, Actor("clerk"))
    assert page.add_button.isEnabled() and page.export_button.isEnabled()
    assert len({r.center_code for r in rows_of(page)}) > 1


def open_area(key: str, database, settings, qtbot, actor: Actor):
    """An area's page as the window opens it for ``actor``, once its reads are done."""
    context = PageContext(Operations(None, database), settings, lambda area, key: None, actor)
    page = area(key).page_class()(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    if not page.reads_when_made:
        page.refresh()  # as the window does once it has made the page
    qtbot.waitUntil(lambda: not context.operations.running(), timeout=20_000)
    return page


def test_a_desk_prints_at_its_own_center_only(demo_db, settings, qtbot, desk) -> None:
    page = open_area("print", demo_db, settings, qtbot, desk)
    qtbot.waitUntil(lambda: page.loaded)
    form = page.form
    offered = [form.center.itemData(i) for i in range(form.center.count())]
    assert "01" in offered and "02" not in offered
    assert not page.select("02")
    page.context.operations.shutdown()


def test_a_viewer_is_offered_only_the_public_sheets(demo_db, settings, qtbot, viewer) -> None:
    page = open_area("print", demo_db, settings, qtbot, viewer)
    qtbot.waitUntil(lambda: page.loaded)
    form = page.form
    form.center.setCurrentIndex(form.center.findData("01"))
    model = form.sheet.model()
    offered = {SHEETS[row].key: model.item(row) for row in range(len(SHEETS))}
    assert offered["door"].isEnabled() and offered["seating"].isEnabled()
    for key in ("signin", "desk", "pack", "cards"):
        assert not offered[key].isEnabled()
        assert "个人信息" in offered[key].toolTip()
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / "viewer-print.png"))
    page.context.operations.shutdown()


def test_the_exam_plan_and_duty_pages_grey_out_changes_for_a_desk(demo_db, settings, qtbot,
                                                                  desk) -> None:
    exam = open_area("exam", demo_db, settings, qtbot, desk)
    plan = open_area("plan", demo_db, settings, qtbot, desk)
    posts = open_area("posts", demo_db, settings, qtbot, desk)
    for button in (exam.save_button, exam.repair_button, exam.add_abbreviation_button,
                   exam.demo_button, plan.allocate_button, posts.roster_button,
                   posts.posts_button, posts.draw_button):
        assert not button.isEnabled()
        assert "desk01" in button.toolTip() and "编排员或管理员" in button.toolTip()
    assert plan.check_button.isEnabled()  # reading the plan's problems is no change
    # the plan page's seats and problems are the desk's center's
    seats = plan.seats.model
    assert seats.rowCount() and {seats.row_at(line).center_code
                                 for line in range(seats.rowCount())} == {"01"}
    if SHOTS:
        QApplication.processEvents()
        posts.grab().save(str(Path(SHOTS) / "desk-posts.png"))
    for page in (exam, plan, posts):
        page.context.operations.shutdown()


def test_the_main_window_signed_in_as_a_desk_lists_its_centers_candidates(
        demo_db, settings, qtbot, desk) -> None:
    window = MainWindow(settings)
    window.actor = desk  # as the sign-in sets it before the database is opened
    window.attach(demo_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed):
        window.show()
    page = window.open_area("candidates")
    assert isinstance(page, CandidatesPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    assert {r.center_code for r in rows_of(page)} == {"01"}
    assert not page.add_button.isEnabled()
    assert not window.import_action.isEnabled()  # only a planner imports
    assert "desk01" in window.import_action.statusTip()
    assert window.open_import_wizard("candidates.xlsx") is None
    window.operations.shutdown()


def test_a_viewer_exports_the_supplies_not_the_duties(demo_db, settings, qtbot,
                                                      viewer) -> None:
    posts = open_area("posts", demo_db, settings, qtbot, viewer)
    offered = {action.data(): action for action in posts.export_button.menu().actions()}
    assert offered["supplies"].isEnabled()
    for what in ("posts", "duties"):
        assert not offered[what].isEnabled() and "个人信息" in offered[what].toolTip()
    posts.context.operations.shutdown()
