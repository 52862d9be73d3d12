"""The 打印 area: print to PDF files on a page of the window, send a file to a printer, open
it in the PDF viewer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from examdesk.progress import OperationCancelled
from tests.reports.pdftools import page_count
from ui.window.background import Operations
from ui.window.pages import PageContext, area


def _open_page(qtbot, database, tmp_path):
    """The 打印 area's page over ``database``, as the window opens it, once it has read."""
    holder = QWidget()
    qtbot.addWidget(holder)
    operations = Operations(holder, database)
    context = PageContext(operations, QSettings(str(tmp_path / "s.ini"),
                                                QSettings.Format.IniFormat),
                          lambda _area, _key: None)
    page = area("print").page_class()(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    return page


@pytest.fixture
def print_page(examdesk_app, qtbot, demo_db, tmp_path):
    page = _open_page(qtbot, demo_db, tmp_path)
    yield page
    page.context.operations.shutdown()


def _print_summary(qtbot, page, folder: Path) -> None:
    form = page.form
    form.sheet.setCurrentIndex(form.sheet.findData("summary"))
    form.center.setCurrentIndex(form.center.findData("01"))
    form.folder.clear()
    qtbot.keyClicks(form.folder, str(folder))
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)


def test_the_print_area_prints_and_previews_on_a_page(print_page, qtbot, tmp_path):
    form = print_page.form
    assert form.exam_label.text() == "2023年度社会工作者职业水平考试（周口考区）"
    assert form.center.count() == 6 and form.sheet.currentText() == "考务打印包"
    assert print_page.select("02") and form.center.currentData() == "02"
    assert not print_page.select("99")
    assert not form.send_button.isEnabled() and not form.open_button.isEnabled()
    _print_summary(qtbot, print_page, tmp_path / "prints")
    (written,) = form.files
    assert written.path.name == "考点情况汇总表-01-周口技师学院.pdf"
    assert form.document.pageCount() == 2 and "1 个文件" in form.status.text()
    assert form.send_button.text() == "用打印机打印…"
    assert form.send_button.isEnabled() and form.open_button.isEnabled()
    # Esc on the page stops nothing that is not running and hides nothing
    qtbot.keyClick(form.sheet, Qt.Key.Key_Escape)
    assert form.isVisible()
    assert print_page.grab().save(str(tmp_path / "print-page.png"))


def test_a_written_file_goes_to_the_printer_chosen(print_page, qtbot, tmp_path, monkeypatch):
    _print_summary(qtbot, print_page, tmp_path / "prints")
    form = print_page.form
    paper = tmp_path / "paper.pdf"
    asked: list[str] = []

    def choose_printer(dialog: QPrintDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(paper))
        return 1  # 打印

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    with qtbot.waitSignal(form.sent_to_printer, timeout=60_000) as sent:
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    assert asked == ["打印 考点情况汇总表-01-周口技师学院.pdf"]
    assert sent.args == [2] and page_count(paper) == 2
    assert "2 页已发送到打印机" in form.status.text()
    assert form.send_button.isEnabled()


def test_choosing_no_printer_prints_nothing(print_page, qtbot, tmp_path, monkeypatch):
    _print_summary(qtbot, print_page, tmp_path / "prints")
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: 0)  # 取消
    qtbot.mouseClick(print_page.form.send_button, Qt.MouseButton.LeftButton)
    assert print_page.form._paper is None and print_page.form.send_button.isEnabled()


def test_a_written_file_opens_in_the_pdf_viewer(print_page, qtbot, tmp_path, monkeypatch):
    _print_summary(qtbot, print_page, tmp_path / "prints")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(print_page.form.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(print_page.form.files[0].path)]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(print_page.form.open_button, Qt.MouseButton.LeftButton)
    assert "本机没有可打开 PDF 文件的程序" in print_page.form.error_text.text()


def test_the_page_without_an_exam_says_so(examdesk_app, qtbot, db, tmp_path):
    page = _open_page(qtbot, db, tmp_path)
    assert page.no_exam.isVisible() and not page.form.isVisible()
    assert page.no_exam.text().startswith("数据库中还没有考试")
    assert page.grab().save(str(tmp_path / "print-page-no-exam.png"))


def test_closing_the_window_while_printing_stops_the_run_then_closes(
        print_page, qtbot, tmp_path):
    started = threading.Event()

    def printer(request, progress, cancelled, written):
        started.set()
        while not cancelled():
            started.wait(0.01)
        raise OperationCancelled()

    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(print_page)
    window.show()
    form = print_page.form
    form._printer = printer
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    window.close()
    assert window.isVisible() and form.status.text() == "正在停止…"
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not print_page.is_running()
