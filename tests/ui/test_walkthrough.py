"""Issue 12's "done when", as a clerk does it: the reference exam planned from an empty
database to a printed pack in the window alone, started as `examdesk --db URL` starts it.

Every step is a click, a key or typed text on the window's widgets; the only dialogs replaced
are the system's file dialogs (a path is returned as if the clerk had picked it). A screenshot
of every area is saved at 1366x768 (to ``$EXAMDESK_SHOTS`` when set, to look at them).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from sqlalchemy import func, select

from examdesk.db import open_database
from examdesk.idcard import with_check_character
from examdesk.model import Candidate, Duty, Room, Staff
from tests.reports.pdftools import page_count, text
from ui.window.app import Started, start_window
from ui.window.import_wizard import ImportWizard
from ui.window.pages import AREAS

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).parents[2] / "resources" / "samples"
GOOD_ID = "411602197301221048"  # row 3 of the sample
BAD_ID = GOOD_ID[:-1] + "9"  # a wrong check digit


def shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("EXAMDESK_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def click(qtbot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), getattr(button, "text", lambda: "")()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button_named(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, (text, [b.text() for b in parent.findChildren(QPushButton)])
    return found[0]


def count(url: str, what) -> int:
    database = open_database(url)
    try:
        with database.begin() as session:
            return session.scalar(select(func.count(what.id))) or 0
    finally:
        database.close()


def damaged_candidates(folder: Path) -> Path:
    """The reference exam's candidates with two rows damaged: one ID number with a wrong
    check digit, one name missing."""
    workbook = load_workbook(SAMPLES / "candidates.xlsx")
    sheet = workbook.worksheets[0]
    headers = {cell.value: cell.column_letter for cell in sheet[1]}
    id_column = next(letter for header, letter in headers.items() if header == "证件号码")
    name_column = next(letter for header, letter in headers.items() if header == "姓名")
    sheet[f"{id_column}3"] = BAD_ID
    sheet[f"{name_column}5"] = None
    path = folder / "考生报名表.xlsx"
    workbook.save(path)
    return path


def late_registrations(folder: Path, count: int) -> Path:
    """``count`` candidates registered late: the sample's first rows with new names, ID
    numbers and registration numbers."""
    workbook = load_workbook(SAMPLES / "candidates.xlsx")
    sheet = workbook.worksheets[0]
    sheet.delete_rows(count + 2, sheet.max_row)
    for row in range(2, count + 2):
        sheet[f"B{row}"] = f"补报{row - 1:02d}"
        sheet[f"C{row}"] = None  # the gender the ID number encodes
        sheet[f"E{row}"] = with_check_character(f"41160219900101{row:03d}")
        sheet[f"J{row}"] = f"2023411699{row:04d}"
    path = folder / "补报名考生.xlsx"
    workbook.save(path)
    return path


def more_rooms(folder: Path) -> Path:
    """The rooms workbook with two rooms more at test center 01."""
    workbook = load_workbook(SAMPLES / "rooms.xlsx")
    sheet = workbook.worksheets[0]
    template = [cell.value for cell in sheet[2]]
    for code, label in (("01042", "502"), ("01043", "503")):
        sheet.append([*template[:3], code, "行政楼", 5, label, 6, 5, "否", "否"])
    path = folder / "考点考场-增补.xlsx"
    workbook.save(path)
    return path


def shot(widget: QWidget, path: Path) -> None:
    """A screenshot once the layouts have settled."""
    QApplication.processEvents()
    assert widget.grab().save(str(path))


@pytest.fixture
def started(examdesk_app, qtbot, settings, monkeypatch, db_url):
    monkeypatch.delenv("EXAMDESK_DB", raising=False)
    one = start_window(db_url, settings)
    qtbot.addWidget(one.window)
    one.window.resize(1366, 768)
    yield one
    one.window.operations.shutdown()
    for database in one.databases:
        database.close()


def import_through_wizard(qtbot, window, path: Path, kind: str,
                          monkeypatch) -> ImportWizard:
    """File → Import… (Ctrl+I), the file chosen with "Choose a file…", sheet and header as
    detected; stops at the problems step."""
    before = set(QApplication.topLevelWidgets())
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, ImportWizard) and w.isVisible()
                                for w in set(QApplication.topLevelWidgets()) - before))
    (wizard,) = [w for w in set(QApplication.topLevelWidgets()) - before
                 if isinstance(w, ImportWizard)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    click(qtbot, button_named(wizard, "选择文件…"))
    qtbot.waitUntil(lambda: wizard.step() == wizard.SHEET, timeout=30_000)
    assert wizard.kind() == kind
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.HEADER, timeout=60_000)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.PROBLEMS, timeout=60_000)
    return wizard


def import_all(qtbot, wizard: ImportWizard) -> None:
    click(qtbot, wizard.import_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.DONE, timeout=120_000)
    click(qtbot, wizard.close_button)


def activate(qtbot, window) -> None:
    """The window active again (a closed dialog leaves no active window offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def choose_problem(qtbot, plan, line: int) -> None:
    """Click the plan's problem at ``line``: the fix it offers shows as a button."""
    view = plan.problems.view
    where = view.visualRect(plan.problems.model.index(line, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(plan.remedy_button.isVisible)


def open_area(qtbot, window, key: str):
    activate(qtbot, window)
    number = [a.key for a in AREAS].index(key) + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == key
    return window.pages[key]


def test_a_clerk_plans_the_reference_exam_from_an_empty_database_to_a_printed_pack(
        started: Started, qtbot, tmp_path, db_url, monkeypatch):
    shots = shots_folder(tmp_path)
    window = started.window

    # 1. the database: a new file is made when the clerk says so (a server database exists)
    qtbot.waitUntil(lambda: bool(started.databases) or (
        started.opener.question is not None and started.opener.question.isVisible()),
        timeout=30_000)
    if not started.databases:
        box = started.opener.question
        with qtbot.waitSignal(window.refreshed, timeout=30_000):
            click(qtbot, next(b for b in box.buttons() if b.text() == "新建"))
    activate(qtbot, window)
    # a server database is opened (and asked whether it has users) in the background
    qtbot.waitUntil(lambda: "exam" in window.pages, timeout=30_000)
    exam_page = window.pages["exam"]
    qtbot.waitUntil(lambda: exam_page.empty_box.isVisible(), timeout=30_000)
    shot(window, shots / "01-empty.png")

    # 2. an exam to import into
    with qtbot.waitSignal(window.refreshed, timeout=60_000):
        click(qtbot, exam_page.exam_only_button)
    qtbot.waitUntil(lambda: not exam_page.empty_box.isVisible(), timeout=30_000)

    # 3. rooms, then candidates from a damaged workbook, fixed through the report, then staff
    wizard = import_through_wizard(qtbot, window, SAMPLES / "rooms.xlsx", "rooms", monkeypatch)
    import_all(qtbot, wizard)
    assert count(db_url, Room) > 0

    damaged = damaged_candidates(tmp_path)
    wizard = import_through_wizard(qtbot, window, damaged, "candidates", monkeypatch)
    errors = {p.row for p in wizard.problems_model.problems if p.is_error}
    assert errors == {3, 5}
    shot(wizard, shots / "02-import-problems.png")
    report = tmp_path / "考生报名表-问题.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(report), "")))
    click(qtbot, wizard.report_button)
    qtbot.waitUntil(lambda: "问题报告已保存" in wizard.summary.text(), timeout=30_000)
    assert report.exists()
    click(qtbot, wizard.nothing_button)
    assert count(db_url, Candidate) == 0

    # the clerk mends the two highlighted cells in the report and imports it
    fixed = load_workbook(report)
    sheet = fixed.worksheets[0]
    headers = {cell.value: cell.column_letter for cell in sheet[1]}
    id_column = next(letter for header, letter in headers.items() if header == "证件号码")
    name_column = next(letter for header, letter in headers.items() if header == "姓名")
    assert sheet[f"{id_column}3"].value == BAD_ID
    sheet[f"{id_column}3"] = GOOD_ID
    sheet[f"{name_column}5"] = "王小明"
    fixed_path = tmp_path / "考生报名表-改.xlsx"
    fixed.save(fixed_path)
    wizard = import_through_wizard(qtbot, window, fixed_path, "candidates", monkeypatch)
    assert not [p for p in wizard.problems_model.problems if p.is_error], \
        [(p.row, p.message) for p in wizard.problems_model.problems if p.is_error][:5]
    import_all(qtbot, wizard)
    assert count(db_url, Candidate) == 6000

    wizard = import_through_wizard(qtbot, window, SAMPLES / "staff.xlsx", "staff", monkeypatch)
    import_all(qtbot, wizard)
    assert count(db_url, Staff) > 0

    # 4. seat the candidates, with a seed to tell the invigilators
    plan = open_area(qtbot, window, "plan")
    qtbot.waitUntil(lambda: plan.center_box.count() > 1, timeout=30_000)
    qtbot.keyClicks(plan.seed_edit, "2023")
    with qtbot.waitSignal(plan.runner.finished, timeout=300_000):
        click(qtbot, plan.allocate_button)
    assert "已为 6,000 名考生分配座位" in plan.result.summary.text()
    qtbot.waitUntil(lambda: plan.seats.model.rowCount() == 6000, timeout=30_000)
    shot(window, shots / "03-plan.png")

    # 5. the roster and the posts
    posts = open_area(qtbot, window, "posts")
    qtbot.waitUntil(lambda: posts.center_box.count() > 1, timeout=30_000)
    qtbot.keyClicks(posts.seed_edit, "2023")
    with qtbot.waitSignal(posts.runner.finished, timeout=300_000):
        click(qtbot, posts.roster_button)
    assert "0 个空缺，0 处违反硬性规则" in posts.result.summary.text()
    with qtbot.waitSignal(posts.runner.finished, timeout=300_000):
        click(qtbot, posts.posts_button)
    assert "岗位人员已安排" in posts.result.summary.text()
    assert not posts.result.problems.isVisible()
    shot(window, shots / "04-posts.png")
    assert count(db_url, Duty) > 0

    # 6. twelve late registrations: the check finds them without a seat, and its fix asks
    # for a room per level first; the clerk adds two rooms to the rooms workbook, imports it
    # again and takes the fix offered beside the problem
    wizard = import_through_wizard(qtbot, window, late_registrations(tmp_path, 12),
                                   "candidates", monkeypatch)
    import_all(qtbot, wizard)
    assert count(db_url, Candidate) == 6012
    wizard = import_through_wizard(qtbot, window, more_rooms(tmp_path), "rooms", monkeypatch)
    assert wizard.changes_model.rowCount() == 2  # the two new rooms; nothing else changes
    import_all(qtbot, wizard)

    plan = open_area(qtbot, window, "plan")
    click(qtbot, plan.check_button)
    qtbot.waitUntil(lambda: plan.problems.model.rowCount() == 2, timeout=120_000)
    assert "2 个错误" in plan.problems_title.text()
    choose_problem(qtbot, plan, 0)
    assert plan.remedy_button.text() == "为没有座位的考生分配座位"
    shot(window, shots / "05-problems.png")
    with qtbot.waitSignal(plan.runner.finished, timeout=300_000):
        click(qtbot, plan.remedy_button)
    assert "已为 12 名考生分配座位（6,000 名保持原座位）" in plan.result.summary.text()
    # the new rooms have no invigilators yet: said, with the repair as a button
    assert "此次更改使监考安排出现问题" in plan.result.problems.item(0).text()
    shot(window, shots / "06-broken.png")
    (repair,) = plan.result.remedy_buttons
    assert repair.text() == "修复相关考场的监考安排"
    with qtbot.waitSignal(plan.runner.finished, timeout=300_000):
        click(qtbot, repair)
    assert "其他任务不变" in plan.result.summary.text()
    qtbot.waitUntil(lambda: window.counts.get("seated_candidates") == 6012, timeout=30_000)

    # what the check still finds (posts for the session center 01 now holds too), each
    # error resolved by the fix offered beside it
    applied: list[str] = []
    for _round in range(4):
        click(qtbot, plan.check_button)
        qtbot.waitUntil(lambda: "检查编排" in plan.result.summary.text(), timeout=120_000)
        model = plan.problems.model
        errors = [i for i in range(model.rowCount()) if model.row_at(i).is_error]
        if not errors:
            break
        choose_problem(qtbot, plan, next(i for i in errors if model.row_at(i).remedies))
        applied.append(plan.remedy_button.text())
        with qtbot.waitSignal(plan.runner.finished, timeout=300_000):
            click(qtbot, plan.remedy_button)
    assert applied == ["重新安排岗位人员"]
    model = plan.problems.model
    assert not [i for i in range(model.rowCount()) if model.row_at(i).is_error], "\n".join(
        f"{model.row_at(i).code}: {model.row_at(i).message}" for i in range(model.rowCount()))
    assert plan.result.summary.text().startswith("<b>检查编排</b><br>编排中有 0 个错误")
    shot(window, shots / "07-checked.png")

    # 7. the morning draw of center 01's first session
    posts = open_area(qtbot, window, "posts")
    posts.center_box.setCurrentIndex(posts.center_box.findData("01"))
    assert posts.session_box.count() > 0 and posts.draw_button.isEnabled()
    with qtbot.waitSignal(posts.runner.finished, timeout=300_000):
        click(qtbot, posts.draw_button)
    assert "已为考点 01 场次" in posts.result.summary.text()
    assert "主持人 徐峰婧" in posts.result.summary.text()  # the center's chief examiner

    # 8. print the pack of every center
    printing = open_area(qtbot, window, "print")
    qtbot.waitUntil(lambda: printing.loaded, timeout=30_000)
    form = printing.form
    assert form.sheet.currentData() == "pack"
    out = tmp_path / "pdf"
    form.folder.clear()
    qtbot.keyClicks(form.folder, str(out))
    click(qtbot, form.print_button)
    qtbot.waitUntil(lambda: not printing.is_running(), timeout=600_000)
    files = sorted(out.glob("*.pdf"))
    assert [f.name.split("-")[1] for f in files] == ["01", "02", "03", "04", "05"]
    assert all(page_count(f) > 0 for f in files)
    shot(window, shots / "08-printed.png")
    assert "补报01" in text(files[0])  # the late candidates are in center 01's pack

    # every area, as it now shows the planned exam, on a 1366x768 screen
    window.resize(1366, 768)
    for number, each in enumerate(AREAS, start=1):
        page = open_area(qtbot, window, each.key)
        assert page.isVisible()
        qtbot.waitUntil(lambda: not window.operations.running(), timeout=60_000)
        assert window.size().width() == 1366 and window.size().height() == 768
        shot(window, shots / f"area-{number}-{each.key}.png")
