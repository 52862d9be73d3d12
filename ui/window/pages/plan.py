"""编排: the seating plan, its problems, and the runs that make and check it.

The page shows every seat (filtered by test center, room and level, and by session through a
new read) and the plan's problems (severity, part, center, room, candidate). 分配座位 seats the
candidates with the parameters of its form (seed, one center, keeping every seat); 检查
checks the whole plan. A double-click on a problem opens what it is about (its candidate on
考生, else its staff member on 工作人员, else its room on 考点考场, else its post on 岗位物资),
in the problems list and in a run's; a problem whose fix is an operation offers it as a button.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from examdesk.i18n import translate
from examdesk.services.rows.choices import FilterChoices
from examdesk.services.rows.problems import ProblemRow
from examdesk.services.rows.seating import SeatRow
from ui.window.pages import Page, PageContext, plan_refusal, refuse_buttons
from ui.window.pages.runs import (
    Runner,
    RunOutcome,
    RunResultPane,
    fit_facets,
    remedy_title,
    seed_of,
    while_alive,
)
from ui.window.tables import Column, RowKind, SearchableTable


def seat_kind() -> RowKind[SeatRow]:
    """The seats' columns, search and filters."""
    return RowKind(
        key=lambda r: r.candidate_id,
        columns=(
            Column(translate("Columns", "Center"), lambda r: f"{r.center_code} {r.center_name}"),
            Column(translate("Columns", "Room"), lambda r: r.room_code),
            Column(translate("Columns", "Seat"), lambda r: str(r.seat_no), lambda r: r.seat_no,
                   numeric=True),
            Column(translate("Columns", "Ticket"), lambda r: r.ticket_no),
            Column(translate("Columns", "Name"), lambda r: r.name),
            Column(translate("Columns", "Gender"), lambda r: r.gender_label),
            Column(translate("Columns", "Level"), lambda r: r.level),
            Column(translate("Columns", "Papers"), lambda r: r.papers_text),
            Column(translate("Columns", "Work unit"), lambda r: r.work_unit),
        ),
        search=lambda r: (r.name, r.search_fields),
        facets={"center": lambda r: f"{r.center_code} {r.center_name}",
                "room": lambda r: f"{r.center_code}-{r.room_code}",
                "level": lambda r: r.level},
    )


def problem_kind() -> RowKind[ProblemRow]:
    """The problems' columns, search and filters."""
    return RowKind(
        key=lambda r: r.number,
        columns=(
            Column(translate("Columns", "Severity"), lambda r: r.severity_label,
                   lambda r: not r.is_error),
            Column(translate("Columns", "Part"), lambda r: r.part_label),
            Column(translate("Columns", "Center"), lambda r: r.center_code),
            Column(translate("Columns", "Room"), lambda r: r.room),
            Column(translate("Columns", "Candidate"), lambda r: r.candidate),
            Column(translate("Columns", "Problem"), lambda r: r.message),
            Column(translate("Columns", "Fix"), lambda r: r.fix),
        ),
        search=lambda r: (r.search_name, r.search_fields),
        facets={"severity": lambda r: r.severity_label, "part": lambda r: r.part_label,
                "center": lambda r: r.center_code},
    )


class PlanPage(Page):
    """编排 (see the module's docstring)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.runner = Runner(context, self)
        self.runner.finished.connect(self.show_outcome)
        self.choices: FilterChoices | None = None
        self.session_id: int | None = None
        self.question: QMessageBox | None = None  # asking before seats given are changed
        self.seats_read = False  # until then, whether seats were given is not known

        # the run's form
        form_box = QGroupBox(self.tr("Seat the candidates"))
        form = QHBoxLayout(form_box)
        self.center_box = QComboBox()
        self.center_box.addItem(self.tr("All test centers"), None)
        self.center_box.setMinimumContentsLength(14)
        form.addWidget(QLabel(self.tr("Test center:")))
        form.addWidget(self.center_box)
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("a new seed"))
        self.seed_edit.setToolTip(self.tr("The same data and seed give the same plan"))
        self.seed_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        form.addWidget(QLabel(self.tr("Seed:")))
        form.addWidget(self.seed_edit)
        self.keep_box = QCheckBox(self.tr("Seat only candidates without a seat; everyone else "
                                          "stays where they are"))
        form.addWidget(self.keep_box)
        link_text = self.tr("Seat order and ticket numbers…")
        settings_link = QLabel(f"<a href='exam'>{link_text}</a>")
        settings_link.setToolTip(self.tr("They are the exam's settings"))
        settings_link.linkActivated.connect(lambda _link: self.context.navigate("exam", None))
        self.settings_link = settings_link
        buttons = form
        self.allocate_button = QPushButton(self.tr("Seat the candidates"))
        self.allocate_button.clicked.connect(self.allocate)
        self.check_button = QPushButton(self.tr("Check the plan"))
        self.check_button.clicked.connect(self.check)
        buttons.addWidget(self.allocate_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(settings_link)
        self.result = RunResultPane()
        self.result.remedy_requested.connect(self.runner.remedy)
        self.result.repair_requested.connect(self.runner.repair)
        self.result.issue_opened.connect(self.runner.open_issue)

        # the seats
        centers = self.tr("test centers")
        rooms = self.tr("rooms")
        levels = self.tr("levels")
        self.seats: SearchableTable[SeatRow] = SearchableTable(
            seat_kind(), {"center": centers, "room": rooms, "level": levels})
        fit_facets(self.seats)
        self.session_box = QComboBox()
        self.session_box.setObjectName("facet-session")
        self.session_box.addItem(self.tr("All: sessions"), None)
        self.session_box.currentIndexChanged.connect(self._session_chosen)
        seats_box = QWidget()
        seats_layout = QVBoxLayout(seats_box)
        seats_layout.setContentsMargins(0, 0, 0, 0)
        seats_title = QHBoxLayout()
        seats_title.addWidget(QLabel(self.tr("Seats")))
        seats_title.addStretch(1)
        seats_title.addWidget(self.session_box)
        seats_layout.addLayout(seats_title)
        seats_layout.addWidget(self.seats, 1)

        # the problems
        severities = self.tr("severities")
        parts = self.tr("parts")
        self.problems: SearchableTable[ProblemRow] = SearchableTable(
            problem_kind(), {"severity": severities, "part": parts, "center": centers})
        fit_facets(self.problems)
        self.problems.activated.connect(self.open_problem)
        self.problems.selected.connect(self._problem_selected)
        self.remedy_button = QPushButton()
        self.remedy_button.hide()
        self.remedy_button.clicked.connect(self._apply_selected_remedy)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_title = QLabel(self.tr("Problems of the plan"))
        problems_layout.addWidget(self.problems_title)
        problems_layout.addWidget(self.problems, 1)
        remedy_row = QHBoxLayout()
        remedy_row.addStretch(1)
        remedy_row.addWidget(self.remedy_button)
        problems_layout.addLayout(remedy_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(seats_box)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(form_box)
        layout.addWidget(self.result)
        layout.addWidget(splitter, 1)
        refuse_buttons((self.allocate_button, self.remedy_button), plan_refusal(context.actor))

    # --- reading --------------------------------------------------------------------------
    def refresh(self, changes: object | None = None) -> None:
        """Read the seats, the filters' choices and the plan's problems again."""
        from examdesk.services.exams import resolve_exam
        from examdesk.services.rows.choices import filter_choices
        from examdesk.services.rows.problems import problem_rows
        from examdesk.services.rows.seating import seat_rows

        session_id = self.session_id
        actor = self.context.actor

        def read(session: Any, progress: Any, cancelled: Any) -> tuple[Any, ...]:
            exam = resolve_exam(session)
            return (filter_choices(session, exam, actor=actor),
                    seat_rows(session, exam, session_id=session_id, actor=actor),
                    problem_rows(session, exam, actor=actor))

        self.context.operations.read(self.tr("Read the seating plan"), read,
                                     on_success=while_alive(self, self._show), quiet=True)

    def _show(self, read: tuple[FilterChoices, list[SeatRow], list[ProblemRow]]) -> None:
        choices, seats, problems = read
        self.seats_read = True
        self._set_choices(choices)
        self.seats.set_rows(seats)
        self.show_problems(problems)

    def show_problems(self, problems: list[ProblemRow]) -> None:
        """Show the plan's problems, with their count."""
        self.problems.set_rows(problems)
        errors = sum(1 for p in problems if p.is_error)
        self.problems_title.setText(self.tr("Problems of the plan: {errors} errors, {warnings} "
                                            "warnings").format(
            errors=f"{errors:,}", warnings=f"{len(problems) - errors:,}"))

    def _set_choices(self, choices: FilterChoices) -> None:
        if choices == self.choices:
            return
        self.choices = choices
        chosen = self.center_box.currentData()
        self.center_box.clear()
        self.center_box.addItem(self.tr("All test centers"), None)
        for center in choices.centers:
            self.center_box.addItem(f"{center.code} {center.name}", center.code)
        self.center_box.setCurrentIndex(max(self.center_box.findData(chosen), 0))
        self.session_box.blockSignals(True)
        self.session_box.clear()
        self.session_box.addItem(self.tr("All: sessions"), None)
        for held in choices.sessions:
            self.session_box.addItem(held.name, held.id)
        self.session_box.setCurrentIndex(max(self.session_box.findData(self.session_id), 0))
        self.session_box.blockSignals(False)

    def _session_chosen(self) -> None:
        self.session_id = self.session_box.currentData()
        self.refresh()

    def select(self, key: Hashable) -> bool:
        """Select a candidate's seat."""
        return self.seats.select(key)

    # --- runs -----------------------------------------------------------------------------
    def allocate(self) -> Any:
        """Seat the candidates with the form's parameters; over seats already given (not only
        the newcomers), only once the clerk has said so."""
        seed, center, keep = (seed_of(self.seed_edit.text()), self.center_box.currentData(),
                              self.keep_box.isChecked())
        if keep or (self.seats_read and self.seats.model.total == 0):
            return self.runner.allocate(seed, center, keep)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Seat the candidates"), self.tr(
            "Candidates have seats already. Seating them again changes their seats and ticket "
            "numbers (of the chosen test center), and sheets already printed or sent must be "
            "printed again."), QMessageBox.StandardButton.NoButton, self)
        again = box.addButton(self.tr("Seat them again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.runner.allocate(seed, center, keep) if button is again else None)
        box.open()
        self.question = box
        return None

    def check(self) -> Any:
        """Check the whole plan and show its problems."""
        return self.runner.check(self._checked)

    def _checked(self, problems: list[ProblemRow]) -> None:
        self.show_problems(problems)
        errors = sum(1 for p in problems if p.is_error)
        self.result.show_outcome(RunOutcome(self.tr("Check the plan"), self.tr(
            "{errors} errors, {warnings} warnings in the plan.").format(
            errors=f"{errors:,}", warnings=f"{len(problems) - errors:,}")))

    def show_outcome(self, outcome: RunOutcome) -> None:
        """How a run ended."""
        self.result.show_outcome(outcome)

    # --- problems -------------------------------------------------------------------------
    def _problem(self, key: Hashable | None) -> ProblemRow | None:
        if key is None:
            return None
        line = self.problems.model.line_of(key)
        return None if line is None else self.problems.model.row_at(line)

    def open_problem(self, key: Hashable) -> None:
        """Open what a problem is about: its candidate, else its staff member, else its
        room, else its post."""
        problem = self._problem(key)
        target = problem.target if problem is not None else None
        if target is not None:
            self.context.navigate(*target)

    def _problem_selected(self, key: Hashable | None) -> None:
        problem = self._problem(key)
        remedies = problem.remedies if problem is not None else ()
        self.remedy_button.setVisible(bool(remedies))
        if remedies:
            self.remedy_button.setText(remedy_title(remedies[0]))

    def _apply_selected_remedy(self) -> None:
        problem = self._problem(self.problems.current_key())
        if problem is not None and problem.remedies:
            self.runner.remedy(problem.remedies[0])
