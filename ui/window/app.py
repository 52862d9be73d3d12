"""Start the desktop application: the window first, then the database.

The window is shown before anything of the database layer is imported; the database is
opened on a worker thread (ui/window/opening.py), and the print run's modules (reportlab) load
when the 打印 area first opens (docs/performance.md, "Start-up").
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui.window.fonts import install_application_font
from ui.window.i18n import chosen_language, install_translations
from ui.window.main_window import (
    POLL_MS,
    MainWindow,
    remember_database,
    url_without_password,
)
from ui.window.opening import DatabaseOpener
from ui.window.settle import settle_after_start

if TYPE_CHECKING:
    from examdesk.db import Database

# The last database the window opened (its URL, without a password).
LAST_DATABASE = "database/last"


def create_application(argv: list[str] | None = None,
                       language: str | None = None) -> QApplication:
    """The QApplication with ExamDesk's font and translations (reuses a running one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("ExamDesk")
    app.setOrganizationName("ExamDesk")
    install_application_font(app)
    install_translations(app, language)
    return app


def create_main_window(database: Database, settings: QSettings | None = None,
                       poll_ms: int = POLL_MS) -> MainWindow:
    """The main window over an open database (its counts load in the background)."""
    window = MainWindow(settings if settings is not None else QSettings(), poll_ms=poll_ms)
    window.attach(database)
    settle_after_start(window)
    return window


def remembered_database(settings: QSettings) -> str | None:
    """The URL of the database the window opened last, if any."""
    value = settings.value(LAST_DATABASE)
    return value if isinstance(value, str) and value else None


@dataclass
class Started:
    """The window :func:`start_window` showed, and what it opened.

    Attributes:
        window: the main window (a new one after the language changed).
        opener: opens its database, asking the user where it must.
        databases: the databases opened so far (closed when the application ends).
        status: 0, or 2 once the user gave up opening a database.
    """

    window: MainWindow
    opener: DatabaseOpener
    databases: list[Database] = field(default_factory=list)
    status: int = 0


def start_window(db_url: str | None, settings: QSettings) -> Started:
    """Show the main window, and open the database once it is painted.

    The database is ``db_url``, else ``$EXAMDESK_DB``, else the one opened last, else the
    embedded one in the user's data folder (created without asking: it is where ExamDesk
    keeps its data by default). A database that cannot be opened is explained in a dialog
    that offers to choose another; a file that does not exist is created only when the user
    says so. Nothing of the database layer is imported before the first paint.
    """
    window = MainWindow(settings)
    started = Started(window, DatabaseOpener(window, window.operations))

    def attach(database: Database) -> None:
        started.databases.append(database)
        url = url_without_password(database)
        settings.setValue(LAST_DATABASE, url)
        remember_database(settings, url)
        window.open_signed_in(database, on_attached=lambda: settle_after_start(window))

    def abandon(message: str) -> None:
        started.status = 2
        if message:
            print(f"examdesk: {message}", file=sys.stderr)
        window.close()

    def replaced(replacement: MainWindow) -> None:  # the language changed: a new window
        old = started.window
        started.window = replacement
        replacement.replaced.connect(replaced)
        old.deleteLater()

    started.opener.opened.connect(attach)
    started.opener.abandoned.connect(abandon)
    window.replaced.connect(replaced)
    url = db_url or os.environ.get("EXAMDESK_DB") or remembered_database(settings)
    window.first_painted.connect(
        lambda: started.opener.open(url, ask_before_creating=url is not None))
    window.show()
    return started


def run_app(db_url: str | None, settings: QSettings | None = None) -> int:
    """Show the main window on the database (:func:`start_window`) and run the event loop.

    Returns:
        0, or 2 when the user gave up opening a database (the reason is also on stderr).
    """
    settings = settings if settings is not None else QSettings("ExamDesk", "ExamDesk")
    app = create_application(language=chosen_language(settings))
    started = start_window(db_url, settings)
    try:
        app.exec()
    finally:
        for database in started.databases:
            database.close()
        switched = started.window.database  # File → Open may have replaced the first one
        if switched is not None and switched not in started.databases:
            switched.close()
    return started.status
