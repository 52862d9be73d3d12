"""The print window: choose, print in the background, preview; stop; say why nothing printed."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from examdesk.model import Candidate, SeatAssignment
from examdesk.progress import OperationCancelled
from examdesk.services.printing import PrintChoices
from tests.reports.pdftools import page_count
from ui.jobs.print_run import Written
from ui.window.app import create_main_window
from ui.window.print_dialog import PrintDialog

CHOICES = PrintChoices("SW", "2023年度社会工作者职业水平考试", (("01", "周口技师学院"),),
                       (("S2", "6月11日 09:00-11:00"),))


def _choose(dialog: PrintDialog, sheet: str, center: str | None) -> None:
    dialog.sheet.setCurrentIndex(dialog.sheet.findData(sheet))
    dialog.center.setCurrentIndex(dialog.center.findData(center))


def test_print_a_center_summary_and_preview_it(examdesk_app, qtbot, demo_db, tmp_path):
    window = create_main_window(demo_db)
    qtbot.addWidget(window)
    window.print_action.trigger()
    dialog = window.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "打印表单"
    assert dialog.center.count() == 6 and dialog.session.count() == 5  # "all" and each
    assert dialog.sheet.currentText() == "考务打印包"
    _choose(dialog, "summary", "01")
    dialog.folder.setText(str(tmp_path / "prints"))
    dialog.print_button.click()
    assert not dialog.print_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    (written,) = dialog.files
    assert written.path.name == "考点情况汇总表-01-周口技师学院.pdf"
    # the center's eleven posts go on a second page, after its staff and sessions
    assert written.path.parent == tmp_path / "prints" and page_count(written.path) == 2
    assert dialog.file_names.stringList() == [written.path.name]
    assert dialog.document.pageCount() == 2  # shown in the preview
    assert "1 个文件" in dialog.status.text()
    assert dialog.print_button.isEnabled() and not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.preview.isVisible())
    assert dialog.grab().save(str(tmp_path / "print-window.png"))


@pytest.mark.slow
def test_the_warnings_of_worker_processes_are_in_the_window_language(
        examdesk_app, qtbot, demo_copy, tmp_path):
    with demo_copy.begin() as session:
        candidate = session.scalar(select(Candidate).join(SeatAssignment)
                                   .where(SeatAssignment.ticket_no == "12341010101"))
        candidate.name = "王𠮷"
    window = create_main_window(demo_copy)
    qtbot.addWidget(window)
    window.print_action.trigger()
    dialog = window.print_dialog
    _choose(dialog, "door", "01")  # 40 rooms: drawn by spawned processes, which start in English
    dialog.folder.setText(str(tmp_path))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120_000)
    # whether a fallback face has 𠮷 on this machine or none does, it is said in Chinese
    where = "考场门贴，第 01001 考场，座位号 01，准考证号 12341010101：王𠮷："
    assert where in dialog.status.text()


def test_nothing_to_print_says_why(examdesk_app, qtbot, demo_db, tmp_path):
    window = create_main_window(demo_db)
    qtbot.addWidget(window)
    window.print_action.trigger()
    dialog = window.print_dialog
    _choose(dialog, "draw", None)  # the demo has held no draw
    dialog.folder.setText(str(tmp_path))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert dialog.files == [] and "examdesk draw" in dialog.status.text()
    assert not list(tmp_path.glob("*.pdf"))


def test_stop_ends_the_run(examdesk_app, qtbot, tmp_path):
    started = threading.Event()

    def printer(request, progress, cancelled):
        started.set()
        progress(1, 40, "01/01001")
        while not cancelled():
            started.wait(0.01)
        raise OperationCancelled()

    dialog = PrintDialog(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 40)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.status.text() == "已停止；已写入的文件保留。"
    assert dialog.print_button.isEnabled()


def test_the_request_follows_the_form(examdesk_app, qtbot, tmp_path):
    dialog = PrintDialog(CHOICES, lambda *_: [], folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("signin"))
    dialog.center.setCurrentIndex(1)
    dialog.session.setCurrentIndex(1)
    request = dialog.request()
    assert (request.sheet, request.center, request.session, request.exam, request.out) == (
        "signin", "01", "S2", "SW", tmp_path)


def test_a_file_printed_with_problems_says_so(examdesk_app, qtbot, tmp_path):
    problem = ("考场门贴，第 01001 考场，座位号 01，准考证号 12341010101：王𠮷：没有字体包含字符 𠮷"
               "（U+20BB7）")

    def printer(request, progress, cancelled):
        return [Written(tmp_path / "考场门贴-01.pdf", 1, 1, 1, (problem,), (problem,))]

    dialog = PrintDialog(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    status = dialog.status.text()
    assert "打印完成，但有问题：没有字体包含的字符在 1 处印成了空白方框" in status
    assert problem in status


def test_many_warnings_leave_the_preview_its_room(examdesk_app, qtbot, tmp_path):
    # a center's name with a character no font has is named on every page of its pack
    warnings = tuple(f"考场门贴，第 01{n:03d} 考场：考点：周口𠮷技师学院：没有字体包含字符 𠮷"
                     "（U+20BB7）" for n in range(300))

    def printer(request, progress, cancelled):
        return [Written(tmp_path / "考场门贴-01.pdf", 300, 300, 300, warnings, warnings)]

    dialog = PrintDialog(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert warnings[0] in dialog.status.text() and warnings[-1] in dialog.status.text()
    # listed to scroll through: the window does not grow past the screen to show them all
    assert dialog.minimumSizeHint().height() < 400 and dialog.height() == 720
