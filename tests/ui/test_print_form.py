"""The 打印 area's form: choose, print in the background, preview; stop; say why nothing
printed. File → 打印 (Ctrl+P) opens it: there is no print window of its own any more."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from examdesk.errors import BadInput
from examdesk.model import Candidate, SeatAssignment
from examdesk.progress import OperationCancelled
from examdesk.services.audit import Actor
from examdesk.services.printing import CenterChoice, PrintChoices
from tests.reports.pdftools import page_count
from ui.jobs import print_run
from ui.jobs.print_run import Written
from ui.jobs.sheets import Nothing, NothingToPrint, Reason
from ui.window.app import create_main_window
from ui.window.print_form import PrintForm

SHOTS = os.environ.get("EXAMDESK_SHOTS")
CHOICES = PrintChoices("SW", "2023年度社会工作者职业水平考试",
                       (CenterChoice("01", "周口技师学院", ("S2",), True, (), True),),
                       (("S2", "6月11日 09:00-11:00"),))


def _choose(dialog: PrintForm, sheet: str, center: str | None) -> None:
    dialog.sheet.setCurrentIndex(dialog.sheet.findData(sheet))
    dialog.center.setCurrentIndex(dialog.center.findData(center))


def _form_in_window(qtbot, database, settings):
    """The main window and its 打印 area's form, opened as the clerk does: Ctrl+P."""
    window = create_main_window(database, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "print"
    page = window.pages["print"]
    qtbot.waitUntil(lambda: page.loaded, timeout=30_000)
    return window, page.form


def test_print_a_center_summary_and_preview_it(examdesk_app, qtbot, demo_db, settings,
                                               tmp_path):
    window, dialog = _form_in_window(qtbot, demo_db, settings)
    assert dialog.isVisible()
    file_menu = window.menuBar().actions()[0].menu()
    prints = [a for a in file_menu.actions() if "打印" in a.text()]
    assert [a.text() for a in prints] == ["打印(&P)…"]  # one way to print
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
    assert window.grab().save(str(tmp_path / "print-area.png"))
    if SHOTS:
        window.grab().save(f"{SHOTS}/print_area.png")


@pytest.mark.slow
def test_the_warnings_of_worker_processes_are_in_the_window_language(
        examdesk_app, qtbot, demo_copy, settings, tmp_path):
    with demo_copy.begin() as session:
        candidate = session.scalar(select(Candidate).join(SeatAssignment)
                                   .where(SeatAssignment.ticket_no == "12341010101"))
        candidate.name = "王𠮷"
    _window, dialog = _form_in_window(qtbot, demo_copy, settings)
    _choose(dialog, "door", "01")  # 40 rooms: drawn by spawned processes, which start in English
    dialog.folder.setText(str(tmp_path))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120_000)
    # whether a fallback face has 𠮷 on this machine or none does, it is said in Chinese
    where = "考场门贴，第 01001 考场，座位号 01，准考证号 12341010101：王𠮷："
    assert where in dialog.status.text()


def test_the_draw_result_is_not_offered_before_a_draw(examdesk_app, qtbot, demo_db, settings):
    _window, dialog = _form_in_window(qtbot, demo_db, settings)
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("posts"))
    qtbot.keyClick(dialog.sheet, Qt.Key.Key_Down)  # the demo has held no draw: skipped
    assert dialog.sheet.currentData() == "certificate"
    draw = dialog.sheet.model().item(dialog.sheet.findData("draw"))
    assert not draw.isEnabled()
    assert draw.toolTip() == "尚未抽签：各场次早上抽签后才能打印抽签结果。"
    assert "examdesk" not in draw.toolTip()


def test_a_sheet_with_nothing_to_print_says_why_and_what_to_do(examdesk_app, qtbot, tmp_path):
    choices = PrintChoices(CHOICES.exam_code, CHOICES.exam_name, (
        CenterChoice("01", "周口技师学院", ("S2", "S3"), True, ("S2",), True),
        CenterChoice("02", "周口职业技术学院", ("S2",), False, (), False)), CHOICES.sessions)
    dialog = PrintForm(choices, lambda *_: [], folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.why.isHidden() and dialog.print_button.isEnabled()  # the pack, all centers
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("draw"))
    assert dialog.why.isHidden()  # center 01 held the draw of S2
    qtbot.keyClick(dialog.center, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.center, Qt.Key.Key_Down)  # center 02: no draw
    assert dialog.center.currentData() == "02"
    assert dialog.why.isVisible() and not dialog.print_button.isEnabled()
    assert dialog.why.text() == "尚未抽签：各场次早上抽签后才能打印抽签结果。"
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("cards"))
    assert dialog.why.text() == "此处尚无人值班：请先编排工作人员。"


def test_a_draw_held_by_another_clerk_is_offered_after_a_refresh(examdesk_app, qtbot,
                                                                  demo_copy, settings):
    from examdesk.services.audit import Actor
    from ui.jobs.runs import draw

    window, dialog = _form_in_window(qtbot, demo_copy, settings)
    _choose(dialog, "draw", "01")
    assert dialog.why.isVisible() and not dialog.print_button.isEnabled()
    with demo_copy.write("draw") as session:  # the morning draw of S2, held meanwhile
        draw(session, Actor("another clerk"), center="01", session_code="S2", seed=1,
             host=None)
    page = window.pages["print"]
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not page._reading, timeout=30_000)
    assert dialog.center.currentData() == "01" and dialog.sheet.currentData() == "draw"
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=30_000)
    assert dialog.why.isHidden()


def test_nothing_printed_in_a_run_is_worded_by_the_window(examdesk_app, qtbot, tmp_path):
    def printer(request, progress, cancelled, written):
        raise NothingToPrint(Nothing(Reason.NOT_SAT_IN_SESSION, "signin", "S2"))

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.error.isVisible() and dialog.files == []
    assert dialog.error_text.text() == "此处在场次 S2 无人考试：请另选场次。"


def test_errors_look_like_errors(examdesk_app, qtbot, tmp_path):
    def printer(request, progress, cancelled, written):
        raise BadInput("无法创建文件夹 X:\\考务（没有这个设备）。")

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.error.isHidden()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running())
    # in the error box, with its icon, not among the ordinary status lines
    assert dialog.error.isVisible() and dialog.error_icon.pixmap() is not None
    assert "没有这个设备" in dialog.error_text.text() and dialog.status.text() == ""
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # tried again: cleared
    assert dialog.error.isHidden()
    qtbot.waitUntil(lambda: not dialog.is_running())


def test_a_folder_that_cannot_be_made_says_what_to_do_in_the_window(examdesk_app, qtbot,
                                                                     demo_db, settings,
                                                                     tmp_path):
    _window, dialog = _form_in_window(qtbot, demo_db, settings)
    dialog.show()
    _choose(dialog, "summary", "01")
    (tmp_path / "a file").write_text("")
    dialog.folder.setText(str(tmp_path / "a file" / "prints"))  # as a missing network drive
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    said = dialog.error_text.text()
    assert dialog.error.isVisible() and said.startswith(f"无法创建文件夹 {tmp_path / 'a file'}")
    assert "浏览" in said and "--out" not in said and dialog.files == []


def test_the_sessions_follow_the_center(examdesk_app, qtbot, demo_db, settings):
    _window, dialog = _form_in_window(qtbot, demo_db, settings)
    sessions = lambda: [dialog.session.itemData(i) for i in range(dialog.session.count())]  # noqa: E731
    assert sessions() == [None, "S1", "S2", "S3", "S4"]
    qtbot.keyClick(dialog.center, Qt.Key.Key_Down)
    assert dialog.center.currentData() == "01"
    assert sessions() == [None, "S2", "S3"]  # center 01 seats only 初级 candidates


def _blocking_printer(started: threading.Event):
    def printer(request, progress, cancelled, written):
        started.set()
        progress(1, 40, "周口技师学院")
        while not cancelled():
            started.wait(0.01)
        raise OperationCancelled()

    return printer


def test_esc_while_printing_stops_the_run(examdesk_app, qtbot, tmp_path):
    started = threading.Event()
    dialog = PrintForm(CHOICES, _blocking_printer(started), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.status.text() == "正在停止…"
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.isVisible() and dialog.status.text() == "已停止；未写入任何文件。"


def test_quitting_while_printing_stops_the_run_then_quits(examdesk_app, qtbot, tmp_path,
                                                          demo_db, settings):
    started = threading.Event()
    window, dialog = _form_in_window(qtbot, demo_db, settings)
    dialog._printer = _blocking_printer(started)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    window.close()  # File > Quit
    assert window.isVisible()  # until the run has stopped and its thread ended
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not dialog.is_running()


def test_stop_while_unchanged_files_are_merged(examdesk_app, qtbot, demo_db, settings,
                                               tmp_path, monkeypatch):
    _window, dialog = _form_in_window(qtbot, demo_db, settings)
    _choose(dialog, "summary", None)
    dialog.folder.setText(str(tmp_path / "out"))
    merging, stopped = threading.Event(), threading.Event()
    merges = []
    merge_run = print_run.merge_run

    def slow_merge(*args, **kwargs):
        merges.append(args[1])
        if len(merges) == 2:  # the second center's file: held until Stop is clicked
            merging.set()
            stopped.wait(60)
        return merge_run(*args, **kwargs)

    monkeypatch.setattr(print_run, "merge_run", slow_merge)

    # the run in this process (the window's own runs in a child, out of the patch's reach)
    def printer(request, progress, cancelled, written):
        return print_run.run_print(demo_db, Actor("test"), request, overall=progress,
                                   cancelled=cancelled, written=written)

    dialog._printer = printer
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(merging.is_set, timeout=60_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    stopped.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    (kept,) = (tmp_path / "out").glob("*.pdf")  # the first center's, written before Stop
    assert [w.path for w in dialog.files] == [kept] and len(merges) == 2
    assert dialog.file_names.stringList() == [kept.name]
    assert dialog.status.text() == "已停止；已写入的 1 个文件保留。"


def test_one_progress_bar_for_the_whole_run_in_the_users_words(examdesk_app, qtbot, demo_db,
                                                                settings, tmp_path):
    _window, dialog = _form_in_window(qtbot, demo_db, settings)
    _choose(dialog, "summary", None)  # five centers, a file each
    dialog.folder.setText(str(tmp_path))
    seen = []
    dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum(), dialog.status.text())))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert len(dialog.files) == 5
    values = [value for value, _, _ in seen if value >= 0]
    assert values == sorted(values) and values[-1] == seen[-1][1]  # never back, up to the end
    assert len({maximum for _, maximum, _ in seen if maximum > 1}) == 1
    shown = {text for _, _, text in seen}
    assert "正在打印周口技师学院…" in shown
    assert not any("/" in text or "summary" in text for text in shown)  # no part labels


def _pdf(path, pages):
    canvas = Canvas(str(path))
    for page in range(pages):
        canvas.drawString(72, 720, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_files_are_listed_and_previewed_as_they_are_written(examdesk_app, qtbot, tmp_path):
    first = _pdf(tmp_path / "考场门贴-01-周口技师学院.pdf", 1)
    second = _pdf(tmp_path / "考场门贴-02-周口职业技术学院.pdf", 2)
    go = threading.Event()

    def printer(request, progress, cancelled, written):
        files = [Written(first, 1, 1, 1, ()), Written(second, 2, 2, 2, ())]
        for done in files:
            written(done)
        go.wait(60)  # the other centers are being printed
        return files

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.file_names.stringList()) == 2)
    assert dialog.is_running() and dialog.document.pageCount() == 1  # the first, previewed
    row = dialog.file_list.visualRect(dialog.file_names.index(1)).center()
    qtbot.mouseClick(dialog.file_list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert dialog.document.pageCount() == 2
    go.set()
    qtbot.waitUntil(lambda: not dialog.is_running())
    # the run's end leaves the file being looked at in the preview
    assert dialog.file_list.currentIndex().row() == 1 and dialog.document.pageCount() == 2


def test_the_preview_zooms_and_turns_pages(examdesk_app, qtbot, tmp_path):
    pdf = _pdf(tmp_path / "考点情况汇总表-01-周口技师学院.pdf", 3)

    def printer(request, progress, cancelled, written):
        written(Written(pdf, 3, 3, 3, ()))
        return [Written(pdf, 3, 3, 3, ())]

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.document.pageCount() == 3 and dialog.page_label.text() == "1 / 3"
    assert not dialog.previous_page.isEnabled()
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    assert dialog.preview.pageNavigator().currentPage() == 2
    assert dialog.page_label.text() == "3 / 3" and not dialog.next_page.isEnabled()
    qtbot.mouseClick(dialog.previous_page, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == "2 / 3"
    qtbot.mouseClick(dialog.zoom_in, Qt.MouseButton.LeftButton)
    assert dialog.preview.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.preview.zoomFactor() == pytest.approx(1.25)
    qtbot.mouseClick(dialog.zoom_in, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.zoom_out, Qt.MouseButton.LeftButton)
    assert dialog.preview.zoomFactor() == pytest.approx(1.25)
    qtbot.mouseClick(dialog.whole_page, Qt.MouseButton.LeftButton)
    assert dialog.preview.zoomMode() == QPdfView.ZoomMode.FitInView
    qtbot.mouseClick(dialog.fit_width, Qt.MouseButton.LeftButton)
    assert dialog.preview.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_the_form_fits_a_small_screen(examdesk_app, qtbot, tmp_path):
    dialog = PrintForm(CHOICES, lambda *_: [], folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    # 1366 x 768 at 125 %: 1092 x 614 points, less a taskbar, the sidebar and the menus
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 900 and hint.height() <= 520


def test_the_request_follows_the_form(examdesk_app, qtbot, tmp_path):
    dialog = PrintForm(CHOICES, lambda *_: [], folder=tmp_path)
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

    def printer(request, progress, cancelled, written):
        return [Written(tmp_path / "考场门贴-01.pdf", 1, 1, 1, (problem,), (problem,))]

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    # the file needs a look: said as a warning, the places listed below it
    assert not dialog.error.isHidden()
    assert "打印完成，但有问题：没有字体包含的字符在 1 处印成了空白方框" in dialog.error_text.text()
    assert problem in dialog.status.text()


def test_many_warnings_leave_the_preview_its_room(examdesk_app, qtbot, tmp_path):
    # a center's name with a character no font has is named on every page of its pack
    warnings = tuple(f"考场门贴，第 01{n:03d} 考场：考点：周口𠮷技师学院：没有字体包含字符 𠮷"
                     "（U+20BB7）" for n in range(300))

    def printer(request, progress, cancelled, written):
        return [Written(tmp_path / "考场门贴-01.pdf", 300, 300, 300, warnings, warnings)]

    dialog = PrintForm(CHOICES, printer, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 720)
    dialog.show()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert warnings[0] in dialog.status.text() and warnings[-1] in dialog.status.text()
    # listed to scroll through: the form does not grow past the screen to show them all
    assert dialog.minimumSizeHint().height() <= 560 and dialog.height() == 720
