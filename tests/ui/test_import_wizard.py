"""The import wizard, as a clerk uses it: a damaged workbook shows its problems and writes
nothing until the clerk decides, then its valid rows go in; a header can be corrected by hand;
the fix-up report is saved where asked; Cancel while checking a large file writes nothing; a
workbook dropped on the window opens the wizard on it."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from sqlalchemy import func, select

from examdesk.model import Candidate
from examdesk.services import demo
from ui.window.background import Operations, ProgressDialog
from ui.window.import_wizard import NOT_IMPORTED, ImportWizard

SHOTS = os.environ.get("EXAMDESK_SHOTS")
SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "candidates-small.xlsx"
BAD_ID = "411602197301221049"  # a wrong check digit
ROWS = 300  # the sample's candidates


@pytest.fixture
def exam_db(db, actor):
    with db.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
    return db


@pytest.fixture
def parent(examdesk_app, qtbot):
    widget = QWidget()
    widget.resize(1366, 768)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stored(db) -> int:
    with db.begin() as session:
        return session.scalar(select(func.count(Candidate.id)))


def damaged(folder: Path, *, name_header: str | None = None) -> Path:
    """The sample candidates with two damaged rows: row 3's ID number has a wrong check
    digit, row 5 has no name (and, given ``name_header``, the name column renamed)."""
    workbook = load_workbook(SAMPLE)
    sheet = workbook.worksheets[0]
    sheet["E3"] = BAD_ID
    sheet["B5"] = None
    if name_header is not None:
        sheet["B1"] = name_header
    path = folder / "考生-损坏.xlsx"
    workbook.save(path)
    return path


def wizard_on(qtbot, parent, database, path, **options) -> ImportWizard:
    wizard = ImportWizard(Operations(parent, database, **options), parent, path)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_problems(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=20000)
    assert wizard.kind() == "candidates"  # guessed from the headers
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.HEADER, timeout=20000)
    click(qtbot, wizard.next_button)
    assert wizard.step() == wizard.PROBLEMS


def test_a_damaged_workbook_shows_its_problems_then_imports_its_valid_rows(
        parent, qtbot, qtmodeltester, exam_db, tmp_path):
    path = damaged(tmp_path)
    wizard = wizard_on(qtbot, parent, exam_db, path)
    to_problems(qtbot, wizard)
    qtmodeltester.check(wizard.problems_model)
    qtmodeltester.check(wizard.changes_model)
    problems = wizard.problems_model.problems
    assert {p.row for p in problems if p.is_error} == {3, 5}
    assert wizard.changes_model.rowCount() == ROWS - 2
    assert "298" in wizard.summary.text() and "2" in wizard.summary.text()

    # double-click a problem: its row of the file
    view = wizard.problems_view
    row = next(i for i, p in enumerate(problems) if p.row == 3)
    where = view.visualRect(wizard.problems_model.index(row, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: wizard.row_box.isVisible())
    assert BAD_ID in wizard.row_box.text() and "第 3 行" in wizard.row_box.windowTitle()
    wizard.row_box.close()

    click(qtbot, wizard.nothing_button)  # 不导入
    assert not wizard.isVisible() and stored(exam_db) == 0

    wizard = wizard_on(qtbot, parent, exam_db, path)
    to_problems(qtbot, wizard)
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.DONE, timeout=20000)
    assert stored(exam_db) == ROWS - 2
    assert wizard.imported is not None and wizard.imported.added == ROWS - 2
    assert "298" in wizard.done_label.text()


def test_a_header_override_maps_a_column(parent, qtbot, exam_db, tmp_path):
    path = damaged(tmp_path, name_header="学员")  # a header no one knows
    wizard = wizard_on(qtbot, parent, exam_db, path)
    to_problems(qtbot, wizard)
    assert any("姓名" in p.what for p in wizard.problems_model.problems)  # no name column
    click(qtbot, wizard.back_button)
    assert wizard.step() == wizard.HEADER
    combo = wizard.field_combos["name"]
    assert combo.currentData() == NOT_IMPORTED
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(1))  # column B, 学员
    click(qtbot, wizard.recheck_button)
    qtbot.waitUntil(lambda: wizard.prepared is not None
                    and wizard.prepared.header.columns.get("name") == 1, timeout=20000)
    assert {p.row for p in wizard.prepared.errors} == {3, 5}
    assert wizard.field_combos["name"].currentData() == 1


def test_saving_the_report_writes_the_highlighted_workbook(
        parent, qtbot, exam_db, tmp_path, monkeypatch):
    path = damaged(tmp_path)
    report = tmp_path / "报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(report), ""))
    wizard = wizard_on(qtbot, parent, exam_db, path)
    to_problems(qtbot, wizard)
    click(qtbot, wizard.report_button)
    qtbot.waitUntil(lambda: str(report) in wizard.summary.text(), timeout=20000)
    sheet = load_workbook(report).worksheets[0]
    marked = [cell for cell in sheet[3] if str(cell.value) == BAD_ID]
    assert marked and marked[0].fill.fgColor.rgb == "FFFFC7CE"
    assert stored(exam_db) == 0


@pytest.mark.slow
def test_cancel_while_checking_a_large_file_writes_nothing(parent, qtbot, exam_db, tmp_path):
    sample = load_workbook(SAMPLE).worksheets[0]
    header, *rows = list(sample.iter_rows(values_only=True))
    path = tmp_path / "large.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(header)
        for copy in range(100):
            for row in rows:
                values = list(row)
                values[9] = f"{int(values[9]) + copy * 1000:014d}"  # a registration no. each
                out.writerow(values)
    wizard = wizard_on(qtbot, parent, exam_db, path, delay_ms=0)
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=30000)
    click(qtbot, wizard.next_button)
    running = wizard.running
    qtbot.waitUntil(lambda: running.dialog is not None and running.dialog.isVisible())
    dialog = running.dialog
    assert isinstance(dialog, ProgressDialog)
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: running.outcome != "", timeout=30000)
    assert running.outcome == "cancelled"
    assert wizard.step() == wizard.SHEET and wizard.prepared is None
    assert stored(exam_db) == 0


def test_a_file_dropped_on_the_window_opens_the_wizard_on_it(
        examdesk_app, qtbot, settings, exam_db, tmp_path):
    from ui.window.main_window import MainWindow

    path = damaged(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.attach(exam_db)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPoint(400, 300)
    enter = QDragEnterEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: bool(window.findChildren(ImportWizard)))
    wizard = window.findChildren(ImportWizard)[0]
    assert wizard.path == path and wizard.path_edit.text() == str(path)
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=20000)
    assert wizard.kind() == "candidates"

    # a file the wizard does not read is refused
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_photos_from_a_folder_the_same_way(parent, qtbot, exam_db, tmp_path):
    from PIL import Image

    from examdesk.model import CandidatePhoto

    wizard = wizard_on(qtbot, parent, exam_db, SAMPLE)  # the candidates first
    to_problems(qtbot, wizard)
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.DONE, timeout=20000)
    wizard.close()

    folder = tmp_path / "照片"
    folder.mkdir()
    Image.new("RGB", (360, 480), "white").save(folder / "20234116000001.jpg")
    Image.new("RGB", (360, 480), "white").save(folder / "99999999999999.jpg")  # nobody's
    wizard = wizard_on(qtbot, parent, exam_db, None)
    wizard.choose_path(folder, folder=True)
    qtbot.waitUntil(lambda: wizard.step() == wizard.PROBLEMS, timeout=20000)
    assert not wizard.back_button.isVisible() or wizard.folder
    assert [p.file for p in wizard.problems_model.problems if p.is_error] == [
        "99999999999999.jpg"]
    assert wizard.changes_model.rowCount() == 1
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.DONE, timeout=20000)
    with exam_db.begin() as session:
        assert session.scalar(select(func.count(CandidatePhoto.candidate_id))) == 1


def test_an_exam_changed_since_the_check_offers_to_check_again(parent, qtbot, exam_db,
                                                               tmp_path):
    path = damaged(tmp_path)
    late = wizard_on(qtbot, parent, exam_db, path)
    to_problems(qtbot, late)
    first = wizard_on(qtbot, parent, exam_db, path)  # another clerk, quicker
    to_problems(qtbot, first)
    click(qtbot, first.import_button)
    qtbot.waitUntil(lambda: first.step() == first.DONE, timeout=20000)

    click(qtbot, late.import_button)
    qtbot.waitUntil(lambda: hasattr(late, "outdated_box") and late.outdated_box.isVisible(),
                    timeout=20000)
    assert "重新检查" in late.outdated_box.text()
    yes = late.outdated_box.button(QMessageBox.StandardButton.Yes)
    checked = late.prepared
    click(qtbot, yes)
    qtbot.waitUntil(lambda: late.prepared is not checked, timeout=20000)
    assert late.prepared.changes.added == () and len(late.prepared.changes.unchanged) == ROWS - 2
    assert not late.import_button.isEnabled()  # nothing left to write
    assert stored(exam_db) == ROWS - 2


def test_a_sheet_without_a_known_header_lets_the_clerk_choose_the_row_and_columns(
        parent, qtbot, exam_db, tmp_path):
    workbook = load_workbook(SAMPLE)
    sheet = workbook.worksheets[0]
    for index, cell in enumerate(sheet[1]):
        cell.value = f"栏{index + 1}"  # headers no one knows
    path = tmp_path / "无表头.xlsx"
    workbook.save(path)
    wizard = wizard_on(qtbot, parent, exam_db, path)
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=20000)
    wizard.kind_combo.setCurrentIndex(wizard.kind_combo.findData("candidates"))
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.HEADER, timeout=20000)
    assert wizard.prepared is None and "表头" in wizard.header_note.text()
    wizard.header_row.setValue(1)
    click(qtbot, wizard.recheck_button)
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=20000)
    for field, column in {"name": 1, "gender": 2, "id_type": 3, "id_number": 4,
                          "level": 5, "subjects": 6, "work_unit": 7, "phone": 8,
                          "registration_no": 9}.items():
        combo = wizard.field_combos[field]
        combo.setCurrentIndex(combo.findData(column))
    checked = wizard.prepared
    click(qtbot, wizard.recheck_button)
    qtbot.waitUntil(lambda: wizard.prepared is not checked, timeout=20000)
    assert not wizard.prepared.errors
    click(qtbot, wizard.next_button)
    assert wizard.step() == wizard.PROBLEMS
    assert len(wizard.prepared.changes.added) == ROWS


def test_a_seating_plan_imported_is_followed_by_the_whole_check(parent, qtbot, demo_copy,
                                                                  tmp_path, qtmodeltester):
    from examdesk.services.audit import Actor
    from examdesk.services.exams import resolve_exam
    from examdesk.services.exports import export_seating

    path = tmp_path / "编排.xlsx"
    with demo_copy.begin() as session:
        export_seating(session, Actor("tester"), resolve_exam(session), path)
    workbook = load_workbook(path)
    workbook.worksheets[0]["E5"] = "12341010199"  # a ticket the pattern does not make
    workbook.save(path)
    opened = []
    wizard = ImportWizard(Operations(parent, demo_copy), parent, path,
                          lambda area, key: opened.append((area, key)))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=20000)
    assert wizard.kind() == "seating"  # guessed from the headers
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.HEADER, timeout=20000)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.PROBLEMS, timeout=20000)
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.checked is not None, timeout=60000)
    qtmodeltester.check(wizard.check_model)
    assert "ticket-mismatch" in {p.code for p in wizard.checked}
    errors = sum(1 for p in wizard.checked if p.is_error)
    assert wizard.check_view.isVisible() and wizard.check_model.rowCount() == len(wizard.checked)
    assert f"{errors} 个错误" in wizard.check_label.text()
    if SHOTS:
        wizard.grab().save(f"{SHOTS}/import_wizard_seating_checked.png")
    click(qtbot, wizard.plan_button)  # 去编排页修改
    assert opened == [("plan", None)] and not wizard.isVisible()


def test_other_imports_are_not_followed_by_the_check(parent, qtbot, exam_db, tmp_path):
    wizard = wizard_on(qtbot, parent, exam_db, damaged(tmp_path))
    to_problems(qtbot, wizard)
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.DONE, timeout=20000)
    assert wizard.checked is None and not wizard.check_label.isVisible()
