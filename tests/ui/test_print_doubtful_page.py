"""The 打印 area prints the centers' end-of-day lists of doubtful candidates: the sheet is
picked from the list (or the area opened on it), its exam day row shows for it alone, and the
list printed holds the center's open doubtful candidates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from examdesk.services import doubtful
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from tests.core.services.test_tempids import seated
from tests.reports.pdftools import squeezed, text
from tests.ui.test_print_page import _open_page


def test_the_print_area_prints_the_doubtful_list(examdesk_app, qtbot, demo_copy, tmp_path):
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        one = seated(session, "01", 0)
        doubtful.record(session, Actor("gate01"), exam, one.id, "照片与本人差异较大")
    page = _open_page(qtbot, demo_copy, tmp_path)
    try:
        form = page.form
        assert not form.day.isVisible()  # the pack: no day to choose
        # up the list of sheets from the pack (the last) with the arrow key
        for _ in range(form.sheet.count() - 1 - form.sheet.findData("doubtful")):
            qtbot.keyClick(form.sheet, Qt.Key.Key_Up)
        assert form.sheet.currentData() == "doubtful" and form.day.isVisible()
        assert not form.session.isVisible()  # the list covers the whole day
        assert form.day.currentText() == "今天（或考试此前的最后一天）"
        assert form.print_button.isEnabled() and not form.why.isVisible()
        assert form.request().day is None  # the core's default day
        # the exam's days to choose from, below the default
        assert [form.day.itemText(i) for i in range(1, form.day.count())] == [
            "2023-06-10", "2023-06-11"]
        for _ in range(2):
            qtbot.keyClick(form.day, Qt.Key.Key_Down)
        assert form.request().day == date(2023, 6, 11)
        qtbot.keyClick(form.day, Qt.Key.Key_Home)
        assert form.request().day is None
        assert page.select("door") and not form.day.isVisible()
        assert page.select("doubtful") and form.sheet.currentText() == "存疑考生情况表"
        form.center.setCurrentIndex(form.center.findData("01"))
        form.folder.clear()
        qtbot.keyClicks(form.folder, str(tmp_path / "prints"))
        page.grab().save(str(tmp_path / "print-doubtful.png"))
        qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
        (written,) = form.files
        assert written.path.name == "存疑考生情况表-01-周口技师学院.pdf"
        words = squeezed(text(written.path))
        assert one.name in words and "照片与本人差异较大" in words and "考点主考（签名）" in words
    finally:
        page.context.operations.shutdown()
