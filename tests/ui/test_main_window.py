"""The main window shows the exam and its counts, in Chinese, with every glyph drawn."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QImage

from examdesk.services.stats import ExamInfo, Overview, Stats
from ui.window.app import create_main_window
from ui.window.fonts import FAMILY


def characters_missing(widget, text: str) -> list[str]:
    metrics = QFontMetrics(widget.font())
    return [ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))]


def test_the_window_shows_the_demo_exam_counts(examdesk_app, qtbot, demo_db, tmp_path):
    window = create_main_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.exam_label.text() == "2023年度社会工作者职业水平考试（周口考区）"
    assert window.cards["centers"].value_label.text() == "5"
    assert window.cards["candidates"].value_label.text() == "6,000"
    assert window.cards["rooms"].value_label.text() == "205"
    assert window.cards["candidates"].caption_label.text() == "考生"
    assert window.cards["centers"].caption_label.text() == "考点"

    # Chinese renders with the bundled font, every character present in it
    assert window.font().family() == FAMILY
    for label in (window.exam_label, *(c.caption_label for c in window.cards.values())):
        assert characters_missing(label, label.text()) == []
    shot = tmp_path / "main-window.png"
    assert window.grab().save(str(shot))
    image = QImage(str(shot))
    assert image.width() >= 900 and not image.isNull()


def test_an_empty_database_says_how_to_begin(examdesk_app, qtbot):
    empty = Overview(exams=(), stats=Stats(*([0] * 13)))
    from ui.window.main_window import MainWindow

    window = MainWindow(lambda: empty, "sqlite:///empty.db")
    qtbot.addWidget(window)
    assert "examdesk demo" in window.exam_label.text()
    assert window.cards["candidates"].value_label.text() == "0"


def test_refresh_shows_new_counts(examdesk_app, qtbot):
    counts = iter([0, 6000])

    def load() -> Overview:
        n = next(counts)
        return Overview(exams=(ExamInfo("E", "考试", 2023),),
                        stats=Stats(*([0] * 6), n, *([0] * 6)))

    from ui.window.main_window import MainWindow

    window = MainWindow(load, "x")
    qtbot.addWidget(window)
    assert window.cards["candidates"].value_label.text() == "0"
    window.refresh()
    assert window.cards["candidates"].value_label.text() == "6,000"


def test_a_database_that_cannot_be_opened_is_explained_in_a_window(examdesk_app, monkeypatch):
    import pytest

    from examdesk.errors import BadInput
    from ui.window import app as app_module

    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    with pytest.raises(BadInput):
        app_module.run_app("nosuchdriver://nowhere")
    assert len(shown) == 1 and "nosuchdriver" in shown[0]


def test_qt_own_words_are_chinese_too(examdesk_app):
    # a message box's buttons and the file dialogs come from Qt's catalog, not ours
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Open") not in ("", "Open")
