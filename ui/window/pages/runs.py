"""The plan's runs in the window: seat, check, roster, staff the posts, draw, and the remedies
a problem offers, each in the background with progress and Cancel, each ending with a summary
and the problems it found (:class:`RunResultPane`), a broken roster offering its repair.

The use cases are those the command line calls (ui/jobs/runs.py); the window words their
results in its own language and never names a command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from examdesk.db.locks import run_purpose
from examdesk.planning.plan import PlanIssue, Remedy
from examdesk.progress import Cancelled, Progress
from examdesk.services import duties, seating
from examdesk.services.roster import RepairResult, RosterResult
from ui.jobs import runs
from ui.window.pages import PageContext
from ui.window.signals import emit
from ui.window.tables import SearchableTable


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended, worded for the user.

    Attributes:
        title: the run's name.
        summary: what it did.
        issues: the problems it found or left.
        broken: the roster's errors a change brought (their repair is offered).
    """

    title: str
    summary: str
    issues: tuple[PlanIssue, ...] = ()
    broken: tuple[PlanIssue, ...] = ()

    @property
    def repair_center(self) -> str | None:
        """The one test center the broken duties are at (None: several, or all)."""
        centers = {issue.center for issue in self.broken}
        return centers.pop() if len(centers) == 1 and "" not in centers else None


def while_alive(widget: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, called only while ``widget`` exists (a read may end after its page is
    gone, when the window closes)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            callback(*args)

    return call


def fit_facets(table: SearchableTable[Any]) -> None:
    """Let a table's filter boxes grow to show their choices ("全部：考点", a center's name)."""
    for box in table.facet_boxes.values():
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


def seed_of(text: str) -> int | None:
    """The seed typed ("" or anything not a number: a new seed)."""
    text = text.strip()
    return int(text) if text.isdigit() else None


class Runner(QObject):
    """Starts the runs through the page's operations; ``finished`` carries a
    :class:`RunOutcome` on the UI thread once a run succeeded."""

    finished = Signal(object)

    def __init__(self, context: PageContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor

    def _write(self, purpose: str, title: str,
               work: Callable[[Any, Progress, Cancelled], Any],
               outcome: Callable[[Any], RunOutcome]) -> Any:
        return self.context.operations.write(
            purpose, title, work,
            on_success=while_alive(self, lambda result: emit(self.finished, outcome(result))))

    def _write_apart(self, purpose: str, title: str, run: Callable[..., Any],
                     outcome: Callable[[Any], RunOutcome], **options: Any) -> Any:
        # a heavy run: in a process of its own, so that the window never waits for it
        return self.context.operations.write_apart(
            purpose, title, run, actor=self.actor,
            on_success=while_alive(self, lambda result: emit(self.finished, outcome(result))),
            **options)

    # --- the runs -------------------------------------------------------------------------
    def allocate(self, seed: int | None, center: str | None, keep: bool) -> Any:
        """Seat the candidates (of one center, or keeping every seat)."""
        title = self.tr("Seat the candidates")
        return self._write_apart(run_purpose("allocate", center), title, runs.allocate,
                                 lambda r: self._allocated(title, r),
                                 seed=seed, center=center, keep=keep)

    def check(self, on_done: Callable[[Any], None]) -> Any:
        """Check the whole plan (reading only); ``on_done`` gets the problem rows."""
        from examdesk.services.exams import resolve_exam
        from examdesk.services.rows.problems import problem_rows

        return self.context.operations.read(
            self.tr("Check the plan"),
            lambda s, p, c: problem_rows(s, resolve_exam(s), actor=self.actor),
            on_success=while_alive(self, on_done))

    def roster(self, seed: int | None, center: str | None) -> Any:
        """Make the invigilator roster."""
        title = self.tr("Make the roster")
        return self._write_apart(run_purpose("roster", center), title, runs.make_roster,
                                 lambda r: self._rostered(title, r), seed=seed, center=center)

    def repair(self, center: str | None) -> Any:
        """Re-roster only the rooms whose duties are broken, keeping every other duty."""
        title = self.tr("Repair the roster")
        return self._write_apart(run_purpose("roster --repair", center), title,
                                 runs.repair_roster,
                                 lambda r: self._repaired(title, r), center=center)

    def posts(self, center: str | None) -> Any:
        """Staff the service posts."""
        title = self.tr("Staff the posts")
        return self._write_apart(run_purpose("posts", center), title, runs.staff_posts,
                                 lambda r: self._staffed(title, r), center=center)

    def draw(self, center: str, session_code: str, seed: int | None,
             host: str | None, session_name: str = "") -> Any:
        """Draw one center's rooms for one session."""
        title = self.tr("Draw the rooms")
        return self._write(run_purpose("draw", center), title, lambda s, p, c: runs.draw(
            s, self.actor, center=center, session_code=session_code, seed=seed, host=host),
            lambda r: self._drawn(title, center, session_name or session_code, r))

    def open_issue(self, issue: PlanIssue) -> Any:
        """Open what a run's problem is about (its candidate, staff member, room or post),
        as a double-click in the check's list does."""
        from examdesk.services.exams import resolve_exam
        from examdesk.services.rows.problems import PlanPart, issue_rows

        def opened(rows: list[Any]) -> None:
            target = rows[0].target if rows else None
            if target is not None:
                self.context.navigate(*target)

        return self.context.operations.read(
            self.tr("Open the problem"),
            lambda s, p, c: issue_rows(s, resolve_exam(s), PlanPart.ROSTER, [issue]),
            on_success=while_alive(self, opened), quiet=True)

    def remedy(self, remedy: Remedy) -> Any:
        """Carry out what a problem's fix asks for."""
        title = remedy_title(remedy)
        return self._write_apart(f"remedy {remedy.action}", title, runs.apply_remedy,
                                 lambda r: self._remedied(title, r), remedy=remedy)

    # --- wording --------------------------------------------------------------------------
    def _allocated(self, title: str, summary: seating.AllocationSummary) -> RunOutcome:
        text = self.tr(
            "Seated {placed} candidates ({kept} kept where they were) in {rooms} rooms; "
            "{pairs} same-unit neighbour pairs; seed {seed}.").format(
            placed=f"{summary.placed:,}", kept=f"{summary.kept:,}",
            rooms=f"{summary.rooms_used:,}", pairs=f"{summary.neighbour_pairs:,}",
            seed=summary.seed)
        notes = "\n".join(summary.notes)
        return RunOutcome(title, f"{notes}\n{text}" if notes else text, (),
                          tuple(summary.broken_duties))

    def _rostered(self, title: str, result: RosterResult) -> RunOutcome:
        m = result.metrics
        text = self.tr(
            "Rostered {duties} duties (seed {seed}): {unfilled} places unfilled, "
            "{violations} hard-rule violations, {same} rooms of one gender, {pairs} repeated "
            "pairs.").format(duties=f"{result.written:,}", seed=result.seed,
                             unfilled=f"{m.unfilled:,}", violations=f"{m.hard_violations:,}",
                             same=f"{m.same_gender_rooms:,}", pairs=f"{m.repeated_pairs:,}")
        if result.draws_forgotten:
            text += "\n" + self.tr(
                "The {count} recorded draws of the centers rostered again are forgotten: "
                "each center draws again.").format(count=f"{result.draws_forgotten:,}")
        return RunOutcome(title, text, tuple(result.issues))

    def _repaired(self, title: str, result: RepairResult) -> RunOutcome:
        lines = [self.tr("{person}, {session}: {before} → {after}").format(
            person=move.person, session=move.session,
            before=move.before or self.tr("(no duty)"), after=move.after or self.tr("(no duty)"))
            for move in result.moves]
        lines += [self.tr(
            "Test center {center} had drawn its rooms for {session}: in {rooms} the "
            "invigilators are now people who did not draw the room; tell them and print those "
            "sheets again.").format(center=d.center, session=d.session,
                                    rooms="、".join(d.rooms)) for d in result.after_draw]
        lines.append(self.tr("Re-rostered {rooms} room-sessions (seed {seed}): {moves} duties "
                             "changed, every other duty kept.").format(
            rooms=f"{len(result.rooms):,}", seed=result.seed, moves=f"{len(result.moves):,}"))
        return RunOutcome(title, "\n".join(lines), tuple(result.issues))

    def _staffed(self, title: str, result: duties.PostsResult) -> RunOutcome:
        filled = sum(c.filled for c in result.coverage)
        required = sum(c.required for c in result.coverage)
        text = self.tr("Posts staffed: {filled} of {required} places in {posts} "
                       "post-sessions.").format(filled=f"{filled:,}", required=f"{required:,}",
                                                posts=f"{len(result.coverage):,}")
        if not result.post_labels:
            text += "\n" + self.tr("The exam has no posts yet.")
        elif not result.coverage:
            text += "\n" + self.tr("No test center holds a session yet: seat the candidates "
                                   "first.")
        return RunOutcome(title, text, tuple(result.issues))

    def _drawn(self, title: str, center: str, session_code: str,
               summary: duties.DrawSummary) -> RunOutcome:
        return RunOutcome(title, self.tr(
            "Drew rooms for {teams} teams of test center {center}, session {session}, held by "
            "{host} (seed {seed}).").format(teams=summary.teams, center=center,
                                            session=session_code, host=summary.host,
                                            seed=summary.seed))

    def _remedied(self, title: str, result: Any) -> RunOutcome:
        if isinstance(result, seating.AllocationSummary):
            return self._allocated(title, result)
        if isinstance(result, duties.PostsResult):
            return self._staffed(title, result)
        if isinstance(result, RepairResult):
            return self._repaired(title, result)
        if isinstance(result, runs.PostsMade):
            return RunOutcome(title, self.tr("Made {count} standard posts.").format(
                count=f"{result.count:,}"))
        broken = tuple(result.broken_duties) if isinstance(result, runs.SettingsChanged) else ()
        return RunOutcome(title, self.tr("The exam's settings are changed."), (), broken)


def remedy_title(remedy: Remedy) -> str:
    """What a remedy's button says."""
    if remedy.action == "allocate-keep":
        return QCoreApplication.translate("Runs", "Seat the candidates without a seat")
    if remedy.action == "max-sessions":
        return QCoreApplication.translate("Runs", "Allow {count} sessions per person").format(
            count=remedy.field("sessions"))
    if remedy.action == "cross-center":
        return QCoreApplication.translate("Runs", "Allow staff from other centers")
    if remedy.action == "staff-posts":
        return QCoreApplication.translate("Runs", "Staff the posts again")
    if remedy.action == "repair-roster":
        return QCoreApplication.translate("Runs", "Repair the roster of {center}").format(
            center=remedy.field("center"))
    if remedy.action == "make-posts":
        return QCoreApplication.translate("Runs", "Make the standard posts of {center}").format(
            center=remedy.field("center"))
    return remedy.text


def issue_line(issue: PlanIssue) -> str:
    """One problem: severity, what is wrong and the fix."""
    if issue.is_error:
        label = QCoreApplication.translate("Runs", "Error")
    else:
        label = QCoreApplication.translate("Runs", "Warning")
    return f"{label}: {issue.message}。{issue.fix}" if issue.fix else f"{label}: {issue.message}"


class RunResultPane(QWidget):
    """How the last run ended: its summary, its problems, and a button for each remedy they
    offer (a broken roster: its repair).

    Signals:
        remedy_requested(Remedy): a remedy's button was clicked.
        repair_requested(object): the repair button was clicked (the center's code or None).
        issue_opened(PlanIssue): a problem was double-clicked (or Enter pressed on it).
    """

    remedy_requested = Signal(object)
    repair_requested = Signal(object)
    issue_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(self.fontMetrics().height() * 7)
        self.problems.itemActivated.connect(self._activated)
        self.issues: list[PlanIssue] = []  # the problems listed, by their item's data
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.remedy_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addLayout(self.buttons)
        self.problems.hide()
        self.hide()

    def show_outcome(self, outcome: RunOutcome) -> None:
        """Show a run's summary and problems, with the remedies they offer."""
        for button in self.remedy_buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self.remedy_buttons = []
        self.summary.setText(f"<b>{outcome.title}</b><br>"
                             + outcome.summary.replace("\n", "<br>"))
        self.problems.clear()
        shown: Sequence[PlanIssue] = (*outcome.broken, *outcome.issues)
        if outcome.broken:
            heading = QListWidgetItem(self.tr("This change broke the roster ({count} new "
                                              "problems):").format(count=len(outcome.broken)),
                                      self.problems)
            heading.setData(Qt.ItemDataRole.UserRole, -1)  # no problem (and no None: signals.py)
        self.issues = list(shown)
        for number, issue in enumerate(shown):
            item = QListWidgetItem(issue_line(issue), self.problems)
            item.setData(Qt.ItemDataRole.UserRole, number)
        self.problems.setVisible(bool(shown))
        if outcome.broken:
            center = outcome.repair_center
            button = QPushButton(self.tr("Repair the roster of the rooms concerned"))
            button.setToolTip(self.tr("Re-roster just the rooms concerned, keeping every other "
                                      "duty"))
            button.clicked.connect(lambda: emit(self.repair_requested, center))
            self._add_button(button)
        for remedy in dict.fromkeys(r for issue in outcome.issues for r in issue.remedies):
            button = QPushButton(remedy_title(remedy))
            button.clicked.connect(lambda _=False, remedy=remedy: emit(self.remedy_requested,
                                                                       remedy))
            self._add_button(button)
        self.show()

    def _activated(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(number, int) and 0 <= number < len(self.issues):
            emit(self.issue_opened, self.issues[number])

    def _add_button(self, button: QPushButton) -> None:
        self.remedy_buttons.append(button)
        self.buttons.addWidget(button)
