"""岗位物资: the service posts with their supplies and staffed shifts, the duties, and the
runs that staff the test centers (the roster, the posts, the morning draw).

The draw is offered for one test center and one session it holds, with who holds it; the
exports write the posts, the duties or the supplies to a workbook the clerk picks.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from examdesk.i18n import translate
from examdesk.services.rows.choices import FilterChoices
from examdesk.services.rows.duties import DutyRow
from examdesk.services.rows.posts import PostRow
from ui.window.pages import Page, PageContext, export_refusal, plan_refusal, refuse_buttons
from ui.window.pages.runs import Runner, RunOutcome, RunResultPane, fit_facets, seed_of, while_alive
from ui.window.tables import Column, RowKind, SearchableTable


def post_kind() -> RowKind[PostRow]:
    """The posts' columns, search and filters."""
    return RowKind(
        key=lambda r: r.post_id,
        columns=(
            Column(translate("Columns", "Center"), lambda r: f"{r.center_code} {r.center}"),
            Column(translate("Columns", "Post"), lambda r: r.label),
            Column(translate("Columns", "Hours"), lambda r: r.hours),
            Column(translate("Columns", "People"), lambda r: str(r.headcount),
                   lambda r: r.headcount, numeric=True),
            Column(translate("Columns", "Short"), lambda r: str(r.short), lambda r: r.short,
                   numeric=True),
            Column(translate("Columns", "Shifts"), lambda r: "；".join(
                f"{s.sessions} {s.report} {s.people_text or '—'}" for s in r.shifts)),
            Column(translate("Columns", "Supplies"), lambda r: r.supplies_text),
            Column(translate("Columns", "Roles"), lambda r: r.roles_text),
            Column(translate("Columns", "Phone"), lambda r: r.phone),
        ),
        search=lambda r: (r.search_name, r.search_fields),
        facets={"center": lambda r: f"{r.center_code} {r.center}",
                "kind": lambda r: r.kind_label},
    )


def duty_kind() -> RowKind[DutyRow]:
    """The duties' columns, search and filters."""
    return RowKind(
        key=lambda r: r.duty_id,
        columns=(
            Column(translate("Columns", "Center"), lambda r: r.center),
            Column(translate("Columns", "Session"), lambda r: r.session),
            Column(translate("Columns", "Hours"), lambda r: f"{r.day} {r.hours}"),
            Column(translate("Columns", "Place"), lambda r: r.place),
            Column(translate("Columns", "Role"), lambda r: r.role_text),
            Column(translate("Columns", "Name"), lambda r: r.name),
            Column(translate("Columns", "Gender"), lambda r: r.gender_label),
            Column(translate("Columns", "Work unit"), lambda r: r.work_unit),
            Column(translate("Columns", "Phone"), lambda r: r.phone),
        ),
        search=lambda r: (r.name, r.search_fields),
        facets={"center": lambda r: r.center, "session": lambda r: r.session,
                "role": lambda r: r.role_text.rstrip("*")},
    )


class PostsPage(Page):
    """岗位物资 (see the module's docstring)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.runner = Runner(context, self)
        self.runner.finished.connect(self.show_outcome)
        self.choices: FilterChoices | None = None
        self.held: dict[str, set[str]] = {}  # center code -> the session codes it holds

        form_box = QGroupBox(self.tr("Staff the test centers"))
        form = QVBoxLayout(form_box)
        self.center_box = QComboBox()
        self.center_box.addItem(self.tr("All test centers"), None)
        self.center_box.currentIndexChanged.connect(self._offer_sessions)
        self.session_box = QComboBox()
        self.session_box.currentIndexChanged.connect(self._offer_draw)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("who holds the draw (default: the center's "
                                                  "chief examiner)"))
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("a new seed"))
        self.center_box.setMinimumContentsLength(14)
        self.session_box.setMinimumContentsLength(14)
        self.seed_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Test center and session:")))
        where.addWidget(self.center_box, 2)
        where.addWidget(self.session_box, 2)
        where.addWidget(QLabel(self.tr("Draw held by:")))
        where.addWidget(self.host_edit, 2)
        where.addWidget(QLabel(self.tr("Seed:")))
        where.addWidget(self.seed_edit)
        form.addLayout(where)
        buttons = QHBoxLayout()
        self.roster_button = QPushButton(self.tr("Make the roster"))
        self.roster_button.clicked.connect(self.make_roster)
        self.posts_button = QPushButton(self.tr("Staff the posts"))
        self.posts_button.clicked.connect(self.staff_posts)
        self.draw_button = QPushButton(self.tr("Draw the rooms"))
        self.draw_button.clicked.connect(self.draw)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for what, text in (("posts", self.tr("Posts…")), ("duties", self.tr("Duties…")),
                           ("supplies", self.tr("Supplies…"))):
            action = menu.addAction(text)
            action.setData(what)
        menu.triggered.connect(lambda chosen: self.ask_export(str(chosen.data())))
        # the posts and duties name people with their phones; the supplies are counts
        personal = export_refusal(context.actor)
        menu.setToolTipsVisible(True)
        for action in menu.actions():
            if personal and action.data() != "supplies":
                action.setEnabled(False)
                action.setToolTip(personal)
        self.export_button.setMenu(menu)
        for button in (self.roster_button, self.posts_button, self.draw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        form.addLayout(buttons)
        self.result = RunResultPane()
        self.result.remedy_requested.connect(self.runner.remedy)
        self.result.repair_requested.connect(self.runner.repair)
        self.result.issue_opened.connect(self.runner.open_issue)

        centers = self.tr("test centers")
        kinds = self.tr("kinds")
        sessions = self.tr("sessions")
        roles = self.tr("roles")
        self.posts: SearchableTable[PostRow] = SearchableTable(
            post_kind(), {"center": centers, "kind": kinds})
        fit_facets(self.posts)
        self.duties: SearchableTable[DutyRow] = SearchableTable(
            duty_kind(), {"center": centers, "session": sessions, "role": roles})
        fit_facets(self.duties)
        self.duties.activated.connect(self._open_staff)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.posts, self.tr("Posts and supplies"))
        self.tabs.addTab(self.duties, self.tr("Duties"))
        layout = QVBoxLayout(self)
        layout.addWidget(form_box)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)
        self.refused = plan_refusal(context.actor)
        self._offer_sessions()
        refuse_buttons((self.roster_button, self.posts_button, self.draw_button), self.refused)

    # --- reading --------------------------------------------------------------------------
    def refresh(self, changes: object | None = None) -> None:
        """Read the posts, the duties and the sessions each center holds again."""
        from examdesk.services.exams import resolve_exam
        from examdesk.services.post_schedule import held_sessions
        from examdesk.services.rows.choices import filter_choices
        from examdesk.services.rows.duties import duty_rows
        from examdesk.services.rows.posts import post_rows

        actor = self.context.actor

        def read(session: Any, progress: Any, cancelled: Any) -> tuple[Any, ...]:
            exam = resolve_exam(session)
            return (filter_choices(session, exam, actor=actor), held_sessions(session, exam),
                    post_rows(session, exam, actor=actor), duty_rows(session, exam, actor=actor))

        self.context.operations.read(self.tr("Read the posts and duties"), read,
                                     on_success=while_alive(self, self._show), quiet=True)

    def _show(self, read: tuple[Any, ...]) -> None:
        choices, held, posts, duties = read
        self.choices = choices
        sessions = {s.id: s.code for s in choices.sessions}
        self.held = {c.code: {sessions[s] for s in held.get(c.id, ()) if s in sessions}
                     for c in choices.centers}
        chosen = self.center_box.currentData()
        self.center_box.blockSignals(True)
        self.center_box.clear()
        self.center_box.addItem(self.tr("All test centers"), None)
        for center in choices.centers:
            self.center_box.addItem(f"{center.code} {center.name}", center.code)
        self.center_box.setCurrentIndex(max(self.center_box.findData(chosen), 0))
        self.center_box.blockSignals(False)
        self._offer_sessions()
        self.posts.set_rows(posts)
        self.duties.set_rows(duties)

    def _offer_sessions(self) -> None:
        """The sessions the chosen center holds (the draw is for one of them)."""
        center = self.center_box.currentData()
        chosen = self.session_box.currentData()
        self.session_box.blockSignals(True)
        self.session_box.clear()
        if center is None:
            self.session_box.addItem(self.tr("(choose a test center to draw)"), None)
        else:
            held = self.held.get(center, set())
            for offered in self.choices.sessions if self.choices else ():
                if offered.code in held:
                    self.session_box.addItem(offered.name, offered.code)
            if not held:
                self.session_box.addItem(self.tr("(it holds no session)"), None)
        self.session_box.setCurrentIndex(max(self.session_box.findData(chosen), 0))
        self.session_box.setEnabled(center is not None)
        self.session_box.blockSignals(False)
        self._offer_draw()

    def _offer_draw(self) -> None:
        ready = self.center_box.currentData() is not None and \
            self.session_box.currentData() is not None
        ready = ready and not self.refused
        self.draw_button.setEnabled(ready)
        self.host_edit.setEnabled(ready)

    def select(self, key: Hashable) -> bool:
        """Select a post."""
        self.tabs.setCurrentWidget(self.posts)
        return self.posts.select(key)

    def _open_staff(self, key: Hashable) -> None:
        line = self.duties.model.line_of(key)
        if line is not None:
            self.context.navigate("staff", self.duties.model.row_at(line).staff_id)

    # --- runs -----------------------------------------------------------------------------
    def make_roster(self) -> Any:
        """Make the invigilator roster (of the chosen center, or all)."""
        return self.runner.roster(seed_of(self.seed_edit.text()), self.center_box.currentData())

    def staff_posts(self) -> Any:
        """Staff the service posts (of the chosen center, or all)."""
        return self.runner.posts(self.center_box.currentData())

    def draw(self) -> Any:
        """Draw the chosen center's rooms for the chosen session."""
        center, code = self.center_box.currentData(), self.session_box.currentData()
        if center is None or code is None:
            return None
        return self.runner.draw(center, code, seed_of(self.seed_edit.text()),
                                self.host_edit.text().strip() or None,
                                self.session_box.currentText())

    def show_outcome(self, outcome: RunOutcome) -> None:
        """How a run ended."""
        self.result.show_outcome(outcome)

    # --- exports --------------------------------------------------------------------------
    def ask_export(self, what: str) -> None:
        """Ask where to write the posts, duties or supplies, then write them."""
        names = {"posts": self.tr("posts"), "duties": self.tr("duties"),
                 "supplies": self.tr("supplies")}
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"{names[what]}.xlsx", self.tr("Workbooks (*.xlsx)"))
        if path:
            self.export(what, path)

    def export(self, what: str, path: str) -> Any:
        """Write the posts, duties or supplies (of the chosen center, or all) to ``path``."""
        from ui.jobs.runs import export_table

        database = self.context.operations.database
        assert database is not None
        center = self.center_box.currentData()
        title = self.tr("Export")
        return self.context.operations.run(
            title, lambda progress, cancelled: export_table(
                database, self.context.actor, what, path, center=center,
                progress=progress, cancelled=cancelled),
            on_success=lambda result: self.show_outcome(RunOutcome(title, self.tr(
                "Wrote {rows} rows to {path}").format(rows=f"{result.rows:,}",
                                                      path=Path(result.path).name))))
