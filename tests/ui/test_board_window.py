"""The exam-day window pieces of the board lane: the notice's phones on the 考试 page, the
热线 tab's call log and the 看板 tab's live board."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_window_areas import loaded_exam_page, retype, settings_of, shown_window


def test_the_exam_page_saves_the_notice_phones_and_refuses_what_is_not_one(
        examdesk_app, qtbot, demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    assert page.fields["hotline_phone"].text() == "0394-8238118"
    assert "考生须知" in page.explanation_labels["hotline_phone"].text()
    retype(qtbot, page.fields["hotline_phone"], "ask Li")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.error_labels["hotline_phone"]
    qtbot.waitUntil(error.isVisible)
    assert "电话号码" in error.text() and "ask Li" in error.text()
    assert settings_of(demo_copy).hotline_phone == "0394-8238118"
    retype(qtbot, page.fields["hotline_phone"], "0394-8238999")
    with qtbot.waitSignals([page.saved, page.loaded], timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings_of(demo_copy).hotline_phone == "0394-8238999"
