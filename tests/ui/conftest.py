"""Qt fixtures: the application with ExamDesk's font and Chinese catalog."""

from __future__ import annotations

import contextlib

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


@pytest.fixture(autouse=True)
def operations_end_first(request):
    """A window test's background operations are cancelled and waited for before pytest-qt
    deletes the test's widgets: a worker thread still reading after its window was deleted
    would call back into freed objects. (A window started as `examdesk` starts it does the
    same when it closes; tests that build their pages' Operations by hand relied on waiting
    for them one by one.)"""
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qtbot")  # set up first, so torn down (widgets deleted) after this
    from ui.window.background import Operations

    made: list[Operations] = []
    init = Operations.__init__

    def tracked(self, *args, **kwargs):
        init(self, *args, **kwargs)
        made.append(self)

    Operations.__init__ = tracked  # type: ignore[method-assign]
    try:
        yield
    finally:
        Operations.__init__ = init  # type: ignore[method-assign]
        for operations in made:
            with contextlib.suppress(RuntimeError):  # its window, and so it, deleted already
                operations.shutdown()
