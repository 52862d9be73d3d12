"""Qt fixtures: the application with ExamDesk's font and Chinese catalog."""

from __future__ import annotations

import pytest

from examdesk.i18n import install_translator


@pytest.fixture
def examdesk_app(qapp, monkeypatch, tmp_path):
    """The running QApplication set up as ExamDesk sets it up, in Chinese; settings the
    window keeps (QSettings: window sizes, language, last database) go to this test's folder,
    never the user's."""
    from PySide6.QtCore import QSettings

    from ui.window.app import create_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")
    app = create_application()
    yield app
    install_translator(None)  # the next test starts from plain English core strings


@pytest.fixture
def settings(examdesk_app, tmp_path):
    """The window's settings, in a file of this test's own."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "examdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def write_purposes(monkeypatch) -> list[str]:
    """What every plan writer of the test tells whoever waits for it (``Database.write``'s
    purpose), in order."""
    from examdesk.db import Database

    purposes: list[str] = []
    write = Database.write

    def spy(self, purpose=""):
        purposes.append(purpose)
        return write(self, purpose)

    monkeypatch.setattr(Database, "write", spy)
    return purposes
