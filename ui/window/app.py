"""Start the desktop application."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from examdesk.db import Database, open_database
from examdesk.errors import ExamDeskError
from examdesk.progress import Cancelled, Progress
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import PrintChoices, print_choices
from examdesk.services.stats import Overview, overview
from ui.jobs.print_run import PrintRequest, Written, run_print
from ui.window.fonts import install_application_font
from ui.window.i18n import install_translations
from ui.window.main_window import MainWindow
from ui.window.print_dialog import PrintDialog


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with ExamDesk's font and translations (reuses a running one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("ExamDesk")
    app.setOrganizationName("ExamDesk")
    install_application_font(app)
    install_translations(app)
    return app


def create_main_window(database: Database) -> MainWindow:
    """The main window over an open database."""

    def load() -> Overview:
        with database.begin() as session:
            return overview(session)

    def print_window(parent: QWidget) -> PrintDialog:
        def choices() -> PrintChoices:
            with database.begin() as session:
                return print_choices(session, resolve_exam(session))

        def printer(request: PrintRequest, progress: Progress, cancelled: Cancelled,
                    written: Callable[[Written], None]) -> list[Written]:
            return run_print(database, Actor.from_environment(), request, overall=progress,
                             cancelled=cancelled, written=written, spawn=True)

        return PrintDialog(choices(), printer, parent=parent, reload=choices)

    return MainWindow(load, database.display_url, print_window=print_window)


def run_app(db_url: str | None) -> int:
    """Open the database, show the main window and run the event loop.

    A database that cannot be opened is explained in a message box as well as on stderr
    (by the caller), since a window started from a desktop icon has no terminal.
    """
    app = create_application()
    try:
        database = open_database(db_url)
    except ExamDeskError as error:
        QMessageBox.critical(None, app.translate("App", "ExamDesk"), str(error))
        raise
    try:
        window = create_main_window(database)
        window.show()
        return app.exec()
    finally:
        database.close()
