"""The main window: a sidebar of the areas (考试, 考点考场, 考生...) and a page for each.

It opens before any database does (ui/window/app.py): nothing here imports the services at
module level, so the window paints while the database is opened in the background.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from examdesk import __version__
from ui.window.background import Operations, Running
from ui.window.geometry import remember_geometry, restore_geometry
from ui.window.i18n import LANGUAGE_SETTING, LANGUAGES, saved_language
from ui.window.pages import AREAS, Page, PageContext, area, plan_refusal
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Database, Session
    from examdesk.services.audit import Actor, Permission
    from examdesk.services.stats import Overview

# How often an active window asks whether another clerk changed the database (ms): one
# indexed query; counts load only when the answer changed.
POLL_MS = 3000
PREFERRED_SIZE = QSize(960, 600)
# the area shown last, opened again at the next start
AREA_SETTING = "main/area"
# the user who signed in last (the login dialog offers the name again)
LOGIN_SETTING = "login/user"
# the databases opened lately, newest first (URLs without their password)
RECENT_SETTING = "database/recent"
RECENT_MOST = 8
# the counts the status bar shows, in its order
STATUS_COUNTS = ("candidates", "seated_candidates", "rooms", "staff", "duties")


class NotAvailablePage(Page):
    """Stands for an area whose page is not part of this build yet (its module is missing)."""

    def __init__(self, context: PageContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.label = QLabel(self.tr("%1 is not available yet.").replace("%1", title))
        self.label.setObjectName("notAvailable")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(self.label)


def url_without_password(database: Database) -> str:
    """The database's URL to remember: without its password (``URL.set(password=None)``
    would leave it in)."""
    return database.url._replace(password=None).render_as_string(hide_password=False)


def recent_databases(settings: QSettings) -> list[str]:
    """The databases opened lately, newest first."""
    value = settings.value(RECENT_SETTING)
    if isinstance(value, str):
        value = [value]
    return [url for url in value or [] if isinstance(url, str) and url][:RECENT_MOST]


def remember_database(settings: QSettings, url: str) -> None:
    """Put ``url`` (already without its password) first among the recent databases."""
    urls = [url, *(other for other in recent_databases(settings) if other != url)]
    settings.setValue(RECENT_SETTING, urls[:RECENT_MOST])


def _overview_and_version(session: Session, _progress: object,
                          _cancelled: object) -> tuple[Overview, tuple[int, int]]:
    from examdesk.services.data_version import data_version
    from examdesk.services.stats import overview

    return overview(session), data_version(session)


def _version(session: Session, _progress: object,
             _cancelled: object) -> tuple[tuple[int, int], str]:
    from examdesk.services.data_version import data_version, running_now

    return data_version(session), running_now(session)


def _manage_users() -> Permission:
    from examdesk.services.audit import Permission  # loaded once a database is open

    return Permission.MANAGE_USERS


class MainWindow(QMainWindow):
    """The window's areas (a sidebar and a page each) over the database it is attached to.

    The window opens empty and shows a database once :meth:`attach` gives it one. It never
    queries the database on the UI thread: counts load through :attr:`operations`, after
    every change made in this window (``Operations.changed``) and, while the window is
    active, after another clerk's (a cheap poll of the data version every ``poll_ms``).
    A page is made when its area first opens (:meth:`open_area`); pages made refresh after
    every change, a hidden one when it is shown again.

    Signals:
        refreshed(): the counts on show are the database's as of now.
        first_painted(): the window was painted for the first time (and the event loop
            turned since): what the start-up leaves till later can start now.
        area_opened(key): the area with this key is on show.
        replaced(MainWindow): the window was made again in another language (on the same
            database and area, where it was) and closes; the argument is the new one.
    """

    refreshed = Signal()
    first_painted = Signal()
    area_opened = Signal(str)
    replaced = Signal(object)

    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database: Database | None = None
        # who is signed in to the database (None: a database without users, whose pages
        # get the operating-system login)
        self.actor: Actor | None = None
        self.operations = Operations(self)
        self.operations.changed.connect(self._changed)
        self._version: tuple[int, int] | None = None
        self._loading: Running[Any] | None = None
        self._again = False
        self._painted = False
        self.counts: dict[str, int] = {}
        self.pages: dict[str, Page] = {}
        self._stale: set[str] = set()  # pages made, hidden while something changed
        self._language_wanted: str | None = None  # a language waiting for the work to end
        self._backups: Any = None  # File → back up / restore, made when first used
        self._closed = False  # closed: nothing more is read (a read ending now starts none)
        self.setWindowTitle(self.tr("ExamDesk"))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("areas")
        self.sidebar.setStyleSheet("QListWidget#areas { font-size: 11pt; }"
                                   " QListWidget#areas::item { padding: 7px 12px; }")
        for each in AREAS:
            item = QListWidgetItem(each.title())
            item.setData(Qt.ItemDataRole.UserRole, each.key)
            item.setToolTip(QKeySequence(each.shortcut).toString(
                QKeySequence.SequenceFormat.NativeText))
            self.sidebar.addItem(item)
        width = max(self.sidebar.fontMetrics().horizontalAdvance(each.title()) for each in AREAS)
        self.sidebar.setFixedWidth(int(width * 1.3) + 48)
        self.sidebar.currentRowChanged.connect(self._row_chosen)
        self.stack = QStackedWidget()
        self.waiting = QLabel(self.tr("Opening the database…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.waiting)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.statusBar().addWidget(self.counts_label)
        # a permanent widget: a menu's status tips replace the temporary message, not this
        self.database_label = QLabel(self.tr("No database open"))
        self.database_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        # another clerk's run holding the database (the poll): who runs what since when
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lock-holder")
        # the database's label is cut short in a narrow window rather than overlapping
        self.database_label.setMinimumWidth(1)
        self.lock_label.hide()
        self.statusBar().addPermanentWidget(self.lock_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.user_label = QLabel()  # who is signed in
        self.user_label.setObjectName("signed-in")
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        restore_geometry(self, settings, "main", PREFERRED_SIZE)
        self.setAcceptDrops(True)  # a workbook dropped on the window opens the import wizard

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open database…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip(self.tr("Open another database, on this computer or "
                                              "on a server"))
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addAction(self.open_action)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setStatusTip(self.tr("Load what the window shows again"))
        self.refresh_action.triggered.connect(lambda: emit(self.operations.changed, None))
        file_menu.addAction(self.refresh_action)
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(self.tr("Import rooms, candidates, staff, posts, a "
                                                "seating plan or photos (or drop a file here)"))
        self.import_action.triggered.connect(lambda: self.open_import_wizard())
        file_menu.addAction(self.import_action)
        # one way to print: the 打印 area (the print window it replaced is gone)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setStatusTip(self.tr("Print the exam-day sheets to PDF files"))
        self.print_action.triggered.connect(lambda: self.open_area("print"))
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        # the accounts (ui/window/login.py, ui/window/users_dialog.py)
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.setStatusTip(self.tr("Set up the users of this database: who may "
                                               "sign in, and with which roles"))
        self.users_action.triggered.connect(self.manage_users)
        file_menu.addAction(self.users_action)
        # one's own password, for every signed-in user (ui/window/password_dialog.py)
        self.password_action = QAction(self.tr("Change pass&word…"), self)
        self.password_action.triggered.connect(self.change_password)
        file_menu.addAction(self.password_action)
        file_menu.setToolTipsVisible(True)  # a greyed-out entry's tooltip says why
        self.sign_out_action = QAction(self.tr("Sign &out / switch user"), self)
        self.sign_out_action.setStatusTip(self.tr("Sign out, and sign in again as another "
                                                  "user"))
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addAction(self.sign_out_action)
        self.backup_action = QAction(self.tr("&Back up the database…"), self)
        self.backup_action.setStatusTip(self.tr("Save the whole database to one file"))
        self.backup_action.triggered.connect(lambda: self.backup_commands().back_up())
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("Res&tore the database…"), self)
        self.restore_action.setStatusTip(self.tr("Replace everything the database holds "
                                                 "with a backup"))
        self.restore_action.triggered.connect(lambda: self.backup_commands().restore())
        file_menu.addAction(self.restore_action)
        self._show_user()
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setStatusTip(self.tr("Search the list on show"))
        self.find_action.triggered.connect(self.find_in_list)
        edit_menu.addAction(self.find_action)
        self.export_action = QAction(self.tr("&Export the list…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(self.tr("Write the list on show to a workbook"))
        self.export_action.triggered.connect(self.export)
        edit_menu.addAction(self.export_action)

        runs_menu = self.menuBar().addMenu(self.tr("&Runs"))
        self.run_actions: dict[str, QAction] = {}
        for key, title, shortcut, where, tip in (
                ("allocate", self.tr("&Seat the candidates"), "Ctrl+Shift+A", "plan",
                 self.tr("Seat the candidates with the choices of the seating plan's form")),
                ("check", self.tr("&Check the plan"), "F7", "plan",
                 self.tr("Check the whole plan and list its problems")),
                ("make_roster", self.tr("Make the &roster"), "Ctrl+Shift+R", "posts",
                 self.tr("Roster the invigilators with the form's choices")),
                ("staff_posts", self.tr("Staff the &posts"), "Ctrl+Shift+P", "posts",
                 self.tr("Staff the service posts")),
                ("draw", self.tr("&Draw the rooms"), "Ctrl+Shift+D", "posts",
                 self.tr("Draw the chosen center's rooms for the chosen session"))):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.triggered.connect(
                lambda _checked=False, key=key, where=where: self.start_run(where, key))
            runs_menu.addAction(action)
            self.run_actions[key] = action

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.area_actions: dict[str, QAction] = {}
        for each in AREAS:
            action = QAction(each.title(), self)
            action.setShortcut(QKeySequence(each.shortcut))
            action.triggered.connect(lambda _checked=False, key=each.key: self.open_area(key))
            view_menu.addAction(action)
            self.area_actions[each.key] = action

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        current = saved_language(self.settings)
        for code, name in LANGUAGES.items():  # each language in its own words
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ExamDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def attach(self, database: Database) -> None:
        """Show ``database``: its name in the status bar, its counts, its areas (pages of
        the database shown before are dropped)."""
        self.database = database
        self.operations.database = database
        if self.actor is not None:  # whom other clerks see waiting for this window's writes
            database.signed_in.name = self.actor.username
        from examdesk.db.urls import readable_url  # the database layer is loaded by now

        self.database_label.setText(
            self.tr("Database: %1").replace("%1", readable_url(database.url)))
        from examdesk.db.backups import without_automatic_backups

        if (note := without_automatic_backups(database.url)) is not None:
            self.statusBar().showMessage(note, 30000)  # once, when the database is opened
        self._drop_pages()
        self._version = None
        self._show_user()
        # only a planner imports (the check shows stored people): greyed out, saying why
        refused = plan_refusal(self.page_context().actor)
        self.import_action.setEnabled(not refused)
        self.import_action.setStatusTip(refused)
        self.refresh()
        remembered = self.settings.value(AREA_SETTING)
        keys = [each.key for each in AREAS]
        self.open_area(remembered if remembered in keys else keys[0])
        if self.isActiveWindow():
            self.poll_timer.start()

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._stale.clear()

    def detach(self) -> None:
        """Show no database (its pages are dropped; the caller closes it)."""
        self.poll_timer.stop()
        self._drop_pages()
        self.database = None
        self.operations.database = None
        self.actor = None
        self.counts_label.clear()
        self.database_label.setText(self.tr("No database open"))
        self.waiting.setText(self.tr("No database open"))
        self.stack.setCurrentWidget(self.waiting)
        self._show_user()

    # --- who is signed in ---------------------------------------------------------------------

    def open_signed_in(self, database: Database,
                       on_attached: Callable[[], None] | None = None) -> None:
        """Show ``database`` once someone signed in: a database with users asks for a name
        and password first (Cancel leaves the window without a database); a database
        without users acts for the operating-system login at once."""
        self.waiting.setText(self.tr("Opening the database…"))

        def work(_progress: object, _cancelled: object) -> Actor | None:
            from ui.jobs.signing import needs_sign_in, unsigned_actor

            return None if needs_sign_in(database) else unsigned_actor()

        def attach(actor: Actor) -> None:
            self.actor = actor
            self.attach(database)
            if on_attached is not None:
                on_attached()

        def asked(actor: Actor | None) -> None:
            if actor is not None:
                attach(actor)
                return
            from examdesk.db.urls import readable_url
            from ui.window.login import LoginDialog

            self.waiting.setText(self.tr("Sign in to open the database."))
            dialog = LoginDialog(self.operations, database, readable_url(database.url), self)
            remembered = self.settings.value(LOGIN_SETTING)
            if isinstance(remembered, str) and remembered:
                dialog.user.setText(remembered)
                dialog.password.setFocus()

            def signed_in() -> None:
                assert dialog.actor is not None
                self.settings.setValue(LOGIN_SETTING, dialog.actor.username)
                attach(dialog.actor)

            dialog.accepted.connect(signed_in)
            dialog.rejected.connect(lambda: self._not_signed_in(database))
            self.login_dialog = dialog
            dialog.open()

        def failed(message: str) -> None:  # e.g. $EXAMDESK_USER is no user name
            self._not_signed_in(database)
            self.operations.show_error(self.tr("Opening the database"), message)

        self.operations.run(self.tr("Opening the database"), work, on_success=asked,
                            on_failure=failed)

    def _not_signed_in(self, database: Database) -> None:
        """Nobody signed in: the window shows no database, and lets this one go."""
        self.detach()
        database.close()

    def sign_out(self) -> None:
        """File → Sign out: the window asks who signs in, again."""
        database = self.database
        if database is None:
            return
        self.detach()
        self.open_signed_in(database)

    def manage_users(self) -> None:
        """File → Users…: make the first administrator of a database without users, or
        manage the users (an administrator)."""
        if self.database is None or self.actor is None:
            return
        if self.actor.unrestricted:
            from ui.window.login import FirstAdminDialog

            first = FirstAdminDialog(self.operations, self.database, self)
            first.accepted.connect(lambda: self._signed_in_as(first.actor))
            self.users_dialog: QDialog = first
        else:
            from ui.window.users_dialog import UsersDialog

            self.users_dialog = UsersDialog(self.operations, self.actor, self)
        self.users_dialog.open()

    def change_password(self) -> None:
        """File → Change password…: the signed-in user's own; the status bar confirms it."""
        actor = self.actor
        if self.database is None or actor is None or actor.unrestricted:
            return
        from ui.window.password_dialog import PasswordDialog

        dialog = PasswordDialog(self.operations, self.database, actor, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("Changed the password of %1.").replace("%1", actor.username), 30000))
        self.password_dialog = dialog
        dialog.open()

    def _signed_in_as(self, actor: Actor | None) -> None:
        """The first administrator was made: the window works for them from now on."""
        if actor is not None and self.database is not None:
            self.actor = actor
            self.attach(self.database)

    def _show_user(self) -> None:
        actor = self.actor
        if actor is None:
            self.user_label.setText("")
        elif actor.unrestricted:
            self.user_label.setText(self.tr("User: %1").replace("%1", actor.username))
        else:
            self.user_label.setText(self.tr("Signed in: %1").replace("%1", actor.username))
        # a database without users: make its first administrator; else administrators only
        self.users_action.setEnabled(actor is not None and (
            actor.unrestricted or actor.may(_manage_users())))
        # backups hold everyone's personal data: administrators only (as the services say);
        # no actor: a database without users, attached directly
        refused = actor is not None and not actor.may(_manage_users())
        self.backup_action.setEnabled(not refused)
        self.restore_action.setEnabled(not refused)
        self.sign_out_action.setEnabled(actor is not None and not actor.unrestricted)
        # only a database with users has passwords: greyed out elsewhere, saying why
        if actor is None:
            why = self.tr("No database is open.")
        elif actor.unrestricted:
            why = self.tr("This database has no users, so no passwords: File → Users… "
                          "makes its first administrator.")
        else:
            why = ""
        self.password_action.setEnabled(not why)
        self.password_action.setToolTip(why)
        self.password_action.setStatusTip(why or self.tr("Change your own password"))

    # --- the areas ----------------------------------------------------------------------------

    def page_context(self) -> PageContext:
        if self.actor is None:
            return PageContext(self.operations, self.settings, self.navigate)
        return PageContext(self.operations, self.settings, self.navigate, self.actor)

    def open_area(self, key: str) -> Page | None:
        """Show the area ``key`` (making its page the first time); None before a database."""
        if self.database is None:
            return None
        page = self.pages.get(key)
        if page is None:
            page = self._make_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
            if not page.reads_when_made:
                page.refresh(None)
        elif key in self._stale:
            page.refresh(None)
        self._stale.discard(key)
        self.stack.setCurrentWidget(page)
        row = [each.key for each in AREAS].index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self.settings.setValue(AREA_SETTING, key)
        emit(self.area_opened, key)
        return page

    def _make_page(self, key: str) -> Page:
        declared = area(key)
        try:
            page_class = declared.page_class()
        except ModuleNotFoundError as missing:
            # another lane's page, not merged yet: the area still opens
            if missing.name != declared.page.split(":")[0]:
                raise
            return NotAvailablePage(self.page_context(), declared.title())
        return page_class(self.page_context())

    def current_area(self) -> str | None:
        """The key of the area on show."""
        for key, page in self.pages.items():
            if self.stack.currentWidget() is page:
                return key
        return None

    def navigate(self, key: str, row: Hashable | None = None) -> None:
        """Open the area ``key`` and select ``row`` there (PageContext.navigate)."""
        page = self.open_area(key)
        if page is not None and row is not None:
            page.select(row)

    def start_run(self, where: str, run: str) -> None:
        """A run of the Runs menu: open its area and start it as its button does (the draw,
        once a center and a session are chosen; until then its form is shown)."""
        page = self.open_area(where)
        if page is None:
            return
        if run == "draw":
            button = getattr(page, "draw_button", None)
            if button is not None and not button.isEnabled():
                box = getattr(page, "center_box", None)
                if box is not None:
                    box.setFocus()
                return
        method = getattr(page, run, None)
        if callable(method):
            method()

    def find_in_list(self) -> None:
        """Put the cursor in the search box of the list on show."""
        from ui.window.tables import SearchableTable

        page = self.stack.currentWidget()
        for table in page.findChildren(SearchableTable) if page is not None else ():
            if table.isVisible():
                table.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
                table.search_box.selectAll()
                return

    def export(self) -> None:
        """Export the list on show, as its Export button does."""
        from PySide6.QtWidgets import QAbstractButton, QToolButton

        page = self.stack.currentWidget()
        button = getattr(page, "export_button", None)
        if isinstance(button, QToolButton) and button.menu() is not None:
            button.showMenu()
        elif isinstance(button, QAbstractButton) and button.isEnabled():
            button.click()

    def backup_commands(self) -> Any:
        """File → back up and restore (ui/window/backups.py), made when first used: it loads
        the database layer, which the window's start-up does not."""
        if self._backups is None:
            from ui.window.backups import BackupCommands

            self._backups = BackupCommands(
                self, self.operations, lambda: self.database,
                lambda text: self.statusBar().showMessage(text, 15000),
                lambda: self.page_context().actor)
        return self._backups

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(AREAS):
            self.open_area(AREAS[row].key)

    def _changed(self, changes: object | None) -> None:
        self.refresh()
        shown = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is shown:
                page.refresh(changes)
            else:
                self._stale.add(key)

    # --- the counts ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the counts again, in the background, and show them."""
        if self.database is None or self._closed:
            return
        if self._loading is not None:  # a change came in while loading: load once more
            self._again = True
            return
        self._loading = self.operations.read(
            self.tr("Loading the counts"), _overview_and_version, quiet=True,
            on_success=self._show, on_failure=self._load_failed)
        self._loading.done.connect(self._loaded)

    def _loaded(self) -> None:
        self._loading = None
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, loaded: tuple[Overview, tuple[int, int]]) -> None:
        overview, self._version = loaded
        self.counts = overview.stats.as_dict()
        captions = {
            "candidates": self.tr("Candidates"),
            "seated_candidates": self.tr("seated"),
            "rooms": self.tr("Rooms"),
            "staff": self.tr("Staff"),
            "duties": self.tr("Duties"),
        }
        self.counts_label.setText("  ·  ".join(
            f"{captions[key]} {self.counts[key]:,}" for key in STATUS_COUNTS))
        # the status bar lays its widgets out by their size when added: give the text room
        self.counts_label.setMinimumWidth(self.counts_label.sizeHint().width())
        title = overview.exams[0].name if overview.exams else ""
        self.setWindowTitle(f"{title} - {self.tr('ExamDesk')}" if title else self.tr("ExamDesk"))
        emit(self.refreshed)

    # --- the database -------------------------------------------------------------------------

    def choose_database(self) -> None:
        """File → Open database…: the database dialog; the database chosen replaces this one."""
        from ui.window.database_dialog import DatabaseDialog

        current = url_without_password(self.database) if self.database else None
        dialog = DatabaseDialog(recent_databases(self.settings), current, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.open_database(dialog.chosen_url))
        self.database_dialog = dialog
        dialog.open()

    def open_database(self, url: str | None) -> None:
        """Open ``url`` in the background and show it instead of the database shown now."""
        if not url:
            return

        def work(_progress: object, _cancelled: object) -> Database:
            from examdesk.db import open_database

            return open_database(url)

        self.operations.run(self.tr("Opening the database"), work,
                            on_success=self._switch_to)

    def _switch_to(self, database: Database) -> None:
        from ui.window.app import LAST_DATABASE

        old = self.database
        url = url_without_password(database)
        remember_database(self.settings, url)
        self.settings.setValue(LAST_DATABASE, url)
        if old is not None and old is not database:
            self.detach()
            old.close()
        self.open_signed_in(database)


    def _load_failed(self, message: str) -> None:
        self.operations.show_error(self.tr("Loading the counts"), message)

    def poll(self) -> None:
        """Ask whether the database changed since the counts were loaded; load them if so."""
        if self.database is None or self._loading is not None or self._closed:
            return
        self.operations.read("", _version, quiet=True, on_success=self._polled,
                             on_failure=lambda _message: None)  # the next poll tries again

    def _polled(self, polled: tuple[tuple[int, int], str]) -> None:
        version, running = polled
        self.lock_label.setText(running)
        self.lock_label.setToolTip(running)
        # whole, unless it would take more than half the window (then cut short)
        self.lock_label.setMinimumWidth(min(
            self.lock_label.fontMetrics().horizontalAdvance(running), self.width() // 2) or 1)
        self.lock_label.setVisible(bool(running))
        if self._version is not None and version != self._version:
            emit(self.operations.changed, None)  # another clerk's change: views refresh

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, lambda: emit(self.first_painted))

    def changeEvent(self, event: QEvent) -> None:
        # poll only while the clerk looks at the window; catch up on coming back to it
        if event.type() == QEvent.Type.ActivationChange and self.database is not None:
            if self.isActiveWindow():
                self.poll()
                self.poll_timer.start()
            else:
                self.poll_timer.stop()
        super().changeEvent(event)

    def choose_language(self, code: str) -> None:
        """Speak ``code`` from now on: kept for the next start, and the window made again in
        it at once (on the same database and area, where it was), or as soon as the work in
        progress has ended (nothing running is cancelled for it)."""
        self.settings.setValue(LANGUAGE_SETTING, code)
        if self.database is None:  # still opening: the window is made as the start goes on
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                              self.tr("ExamDesk speaks %1 from its next start.").replace(
                                  "%1", LANGUAGES[code]),
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        waiting = self._language_wanted is not None
        self._language_wanted = code
        if not waiting:
            self._speak_when_idle()

    def _speak_when_idle(self) -> None:
        running = self.operations.running()
        if running:
            self.statusBar().showMessage(self.tr("The language changes once the work in "
                                                 "progress has ended."))
            running[-1].done.connect(self._speak_when_idle)
            return
        code, self._language_wanted = self._language_wanted, None
        if code is not None:
            self.speak(code)

    def speak(self, code: str) -> MainWindow:
        """Install ``code``'s translations and make the window again in it, on the same
        database, area and geometry; this one closes (``replaced`` gives the new one)."""
        from PySide6.QtWidgets import QApplication

        from ui.window.i18n import install_translations

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_translations(app, code)
        remember_geometry(self, self.settings, "main")
        replacement = MainWindow(self.settings, poll_ms=self.poll_timer.interval())
        replacement.setGeometry(self.geometry())  # where this one is, as it is
        if self.isMaximized():
            replacement.setWindowState(Qt.WindowState.WindowMaximized)
        if self.database is not None:
            replacement.actor = self.actor
            replacement.attach(self.database)
        self.database = None  # it is the new window's now
        self.operations.database = None
        self.poll_timer.stop()
        replacement.show()
        emit(self.replaced, replacement)
        self.close()
        return replacement

    def open_import_wizard(self, path: str | None = None) -> QDialog | None:
        """The import wizard over the window (on ``path``: a file dropped on the window)."""
        if self.database is None or not self.import_action.isEnabled():
            return None
        from ui.window.import_wizard import open_import_wizard

        return open_import_wizard(self.operations, self, path, self.navigate,
                                  self.page_context().actor)

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls()
        path = urls[0].toLocalFile() if len(urls) == 1 else ""
        return path if path.lower().endswith((".xlsx", ".xlsm", ".csv")) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.database is not None and self._dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path and self.open_import_wizard(path) is not None:
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        remember_geometry(self, self.settings, "main")
        self.poll_timer.stop()
        self.operations.shutdown()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ExamDesk"),
            self.tr("ExamDesk %1: exam logistics for examination centers.").replace(
                "%1", __version__),
        )
