"""The 考试 area: the exam, its counts, its levels and subjects with their abbreviations, its
sessions and its settings (a form, each setting with its explanation and its error beside it).

An empty database offers what to do as buttons: load the demo exam, or create an empty exam
to import one's own workbooks into.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from ui.window.pages import Page, PageContext, plan_refusal, refuse_buttons
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exam_settings import ExamSettings, SettingsChange
    from examdesk.services.exams import LevelNames
    from examdesk.services.stats import ExamInfo

# the settings the form shows, in its order (the keys of ExamSettings.as_dict)
SETTINGS = ("seat_order", "first_seat", "ticket_pattern", "by_district", "merge_tail",
            "center_order", "invigilators_per_room", "max_sessions", "reserve_ratio",
            "cross_center", "tech_service_phone", "hotline_phone")
_WHOLE = {"merge_tail", "invigilators_per_room", "max_sessions"}
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class ExamView:
    """What the page shows, read in one snapshot."""

    exam: ExamInfo | None
    counts: dict[str, int]
    settings: ExamSettings | None = None
    explanations: dict[str, str] = field(default_factory=dict)
    levels: tuple[LevelNames, ...] = ()
    sessions: tuple[tuple[str, str, str], ...] = ()  # code, name, when


def read_exam_view(session: Session, _progress: object, _cancelled: object) -> ExamView:
    from examdesk.services.exam_settings import explanations, read_settings
    from examdesk.services.exams import exam_sessions, level_names, resolve_exam
    from examdesk.services.stats import overview

    shown = overview(session)
    counts = shown.stats.as_dict()
    if not shown.exams:
        return ExamView(None, counts)
    exam = resolve_exam(session, shown.exams[0].code)
    sessions = tuple(
        (row.code, row.name, f"{row.date} {row.start_time:%H:%M}-{row.end_time:%H:%M}")
        for row in exam_sessions(session, exam))
    return ExamView(shown.exams[0], counts, read_settings(session, exam), explanations(),
                    level_names(session, exam.id), sessions)


class FieldError(Exception):
    """A setting's value refused: the field it belongs to and the core's error."""

    def __init__(self, setting: str, error: ExamDeskError) -> None:
        super().__init__(str(error))
        self.setting = setting
        self.error = error


def _as_form(key: str, value: Any) -> Any:
    """A setting's value as its field holds it (:meth:`ExamPage.form_values`)."""
    if key == "center_order":
        return ",".join(value)
    if isinstance(value, bool) or key in ("seat_order", "first_seat"):
        return value
    return str(value)


class CountCard(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("countCard")
        self.value_label = QLabel("–")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int) -> None:
        self.value_label.setText(f"{value:,}")


class ExamPage(Page):
    """The exam, its counts, levels, sessions and settings; or, with no exam, how to begin.

    Signals:
        loaded(): what the page shows is the database's as of now.
        saved(): the settings were saved.
    """

    reads_when_made = True

    loaded = Signal()
    saved = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view: ExamView | None = None
        self._shown: dict[str, Any] = {}  # each setting as its field showed it from the database
        self._loading = False
        self._again = False

        self.title_label = QLabel(self.tr("Loading…"))
        self.title_label.setObjectName("examTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title_label.setFont(font)
        self.code_label = QLabel()

        # --- with no exam: what to do, as buttons
        self.empty_box = QWidget()
        self.empty_label = QLabel(self.tr(
            "The database holds no exam yet. Load the demo exam to try ExamDesk out, or create "
            "an empty exam (with its levels, subjects and sessions) and import your own rooms, "
            "candidates and staff into it."))
        self.empty_label.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load the demo exam"))
        self.demo_button.clicked.connect(lambda: self.load_demo(exam_only=False))
        self.exam_only_button = QPushButton(self.tr("Create an empty exam to import into"))
        self.exam_only_button.clicked.connect(lambda: self.load_demo(exam_only=True))
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.exam_only_button)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(1)

        # --- the counts
        captions = {
            "centers": self.tr("Test centers"),
            "rooms": self.tr("Rooms"),
            "seats": self.tr("Seats"),
            "candidates": self.tr("Candidates"),
            "seated_candidates": self.tr("Seated candidates"),
            "sessions": self.tr("Sessions"),
            "staff": self.tr("Staff"),
            "duties": self.tr("Duties"),
            "posts": self.tr("Service posts"),
            "certificates": self.tr("Temporary ID certificates"),
            "incidents": self.tr("Incidents"),
            "spare_rooms": self.tr("Spare rooms"),
        }
        self.cards = {key: CountCard(caption) for key, caption in captions.items()}
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 6, index % 6)

        # --- levels, subjects and their abbreviations; the sessions
        self.levels_tree = QTreeWidget()
        self.levels_tree.setHeaderLabels([self.tr("Level / subject"), self.tr("Code"),
                                          self.tr("Abbreviations")])
        self.levels_tree.setColumnWidth(0, 220)
        self.add_abbreviation_button = QPushButton(self.tr("Add abbreviation…"))
        self.add_abbreviation_button.clicked.connect(self.add_abbreviation)
        self.remove_abbreviation_button = QPushButton(self.tr("Remove abbreviation…"))
        self.remove_abbreviation_button.clicked.connect(self.remove_abbreviation)
        levels_box = QGroupBox(self.tr("Levels and subjects"))
        levels_layout = QVBoxLayout(levels_box)
        levels_layout.addWidget(self.levels_tree)
        abbreviation_buttons = QHBoxLayout()
        abbreviation_buttons.addWidget(self.add_abbreviation_button)
        abbreviation_buttons.addWidget(self.remove_abbreviation_button)
        abbreviation_buttons.addStretch(1)
        levels_layout.addLayout(abbreviation_buttons)
        self.sessions_tree = QTreeWidget()
        self.sessions_tree.setRootIsDecorated(False)
        self.sessions_tree.setHeaderLabels([self.tr("Code"), self.tr("Session"),
                                            self.tr("Time")])
        self.sessions_tree.setColumnWidth(0, 50)
        self.sessions_tree.setColumnWidth(1, 150)
        sessions_box = QGroupBox(self.tr("Sessions"))
        QVBoxLayout(sessions_box).addWidget(self.sessions_tree)

        # --- the settings
        self.fields: dict[str, QWidget] = {}
        self.explanation_labels: dict[str, QLabel] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.fields["seat_order"] = combo = QComboBox()
        combo.addItem(self.tr("row by row"), "rows")
        combo.addItem(self.tr("S-shaped by column"), "snake")
        self.fields["first_seat"] = combo = QComboBox()
        for value, text in (("front_left", self.tr("front left")),
                            ("front_right", self.tr("front right")),
                            ("back_left", self.tr("back left")),
                            ("back_right", self.tr("back right"))):
            combo.addItem(text, value)
        for key in ("ticket_pattern", "merge_tail", "center_order", "invigilators_per_room",
                    "max_sessions", "reserve_ratio", "tech_service_phone", "hotline_phone"):
            self.fields[key] = QLineEdit()
        self.fields["by_district"] = QCheckBox(self.tr("only in their own district"))
        self.fields["cross_center"] = QCheckBox(self.tr("allowed"))
        self.field_names = names = {
            "seat_order": self.tr("Seat order"),
            "first_seat": self.tr("Seat 1"),
            "ticket_pattern": self.tr("Ticket number"),
            "by_district": self.tr("Candidates sit"),
            "merge_tail": self.tr("Merge a last room of at most"),
            "center_order": self.tr("Center order"),
            "invigilators_per_room": self.tr("Invigilators per room"),
            "max_sessions": self.tr("Sessions per staff member at most"),
            "reserve_ratio": self.tr("Reserve invigilators (share)"),
            "cross_center": self.tr("Staff in other centers"),
            "tech_service_phone": self.tr("Technical service phone"),
            "hotline_phone": self.tr("Consultation hotline"),
        }
        settings_box = QGroupBox(self.tr("Settings"))
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for key in SETTINGS:
            explanation = QLabel()
            explanation.setWordWrap(True)
            explanation.setStyleSheet("color: palette(placeholder-text);")
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self.explanation_labels[key] = explanation
            self.error_labels[key] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(self.fields[key])
            cell_layout.addWidget(error)
            cell_layout.addWidget(explanation)
            form.addRow(names[key], cell)
        self.save_button = QPushButton(self.tr("Save the settings"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        # the duties a staffing change broke, and the repair
        self.broken_label = QLabel()
        self.broken_label.setWordWrap(True)
        self.broken_label.setStyleSheet(ERROR_STYLE)
        self.repair_button = QPushButton(self.tr("Repair the roster"))
        self.repair_button.clicked.connect(self.repair_roster)
        self.broken_label.hide()
        self.repair_button.hide()
        # the form scrolls; its Save button stays in sight below it
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_widget)
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addWidget(form_scroll, 1)
        settings_layout.addWidget(self.broken_label)
        repair_row = QHBoxLayout()
        repair_row.addWidget(self.repair_button)
        repair_row.addStretch(1)
        settings_layout.addLayout(repair_row)
        settings_layout.addLayout(save_row)

        self.exam_box = QWidget()
        exam_layout = QVBoxLayout(self.exam_box)
        exam_layout.setContentsMargins(0, 0, 0, 0)
        exam_layout.addLayout(grid)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(levels_box, 3)
        left.addWidget(sessions_box, 2)
        columns.addLayout(left, 2)
        columns.addWidget(settings_box, 3)
        exam_layout.addLayout(columns, 1)

        content = QWidget()  # scrolls only when the window is smaller than the page
        layout = QVBoxLayout(content)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.code_label)
        layout.addLayout(heading)
        layout.addWidget(self.empty_box)
        layout.addWidget(self.exam_box, 1)
        self.empty_box.hide()
        self.exam_box.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        refuse_buttons((self.demo_button, self.exam_only_button, self.add_abbreviation_button,
                        self.remove_abbreviation_button, self.save_button, self.repair_button),
                       plan_refusal(context.actor))
        self.refresh()

    # --- reading ------------------------------------------------------------------------------

    def refresh(self, changes: object | None = None) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        # the answer may come after the page is gone (the window closed meanwhile)
        running = self.context.operations.read(self.tr("Loading the exam"), read_exam_view,
                                               on_success=self._show_if_alive)
        running.done.connect(self._loaded)

    def _show_if_alive(self, view: ExamView) -> None:
        if shiboken6.isValid(self):
            self._show(view)

    def _loaded(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            if not self.window().isHidden():  # a closed window reads nothing more
                self.refresh()

    def _show(self, view: ExamView) -> None:
        self.view = view
        for key, card in self.cards.items():
            card.set_value(view.counts[key])
        if view.exam is None:
            self.title_label.setText(self.tr("No exam yet"))
            self.code_label.setText("")
            self.empty_box.show()
            self.exam_box.hide()
            emit(self.loaded)
            return
        self.empty_box.hide()
        self.exam_box.show()
        self.title_label.setText(view.exam.name)
        self.code_label.setText(self.tr("Code %1 · year %2").replace("%1", view.exam.code)
                                .replace("%2", str(view.exam.year)))
        self.levels_tree.clear()
        for level in view.levels:
            item = QTreeWidgetItem([level.name, level.code, "、".join(level.abbreviations)])
            item.setData(0, Qt.ItemDataRole.UserRole, level)
            for subject in level.subjects:
                child = QTreeWidgetItem([subject.name, subject.code,
                                         "、".join(subject.abbreviations)])
                child.setData(0, Qt.ItemDataRole.UserRole, subject)
                item.addChild(child)
            self.levels_tree.addTopLevelItem(item)
        self.levels_tree.expandAll()
        self.sessions_tree.clear()
        for code, name, when in view.sessions:
            self.sessions_tree.addTopLevelItem(QTreeWidgetItem([code, name, when]))
        if view.settings is not None:
            self._show_settings(view.settings, view.explanations)
        emit(self.loaded)

    def _show_settings(self, settings: ExamSettings, explanations: dict[str, str]) -> None:
        # a field the clerk has edited keeps the edit: a refresh (another clerk's change, a
        # poll) must not take back what is being typed
        edited = self._edited()
        values = settings.as_dict()
        for key in SETTINGS:
            self.explanation_labels[key].setText(explanations.get(key, ""))
            shown = _as_form(key, values[key])
            self._shown[key] = shown
            if key in edited:
                continue
            widget = self.fields[key]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(shown))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(shown))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(shown))
            self.error_labels[key].hide()

    def _edited(self) -> set[str]:
        """The settings whose field differs from what the database said when last shown."""
        if not self._shown:
            return set()
        form = self.form_values()
        return {key for key in SETTINGS if form[key] != self._shown.get(key)}

    # --- the settings -------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """The settings as the form has them (text as typed, for the core to judge)."""
        values: dict[str, Any] = {}
        for key in SETTINGS:
            widget = self.fields[key]
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[key] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text().strip()
        return values

    def show_error(self, setting: str, message: str) -> None:
        label = self.error_labels[setting]
        label.setText(message)
        label.show()

    def save(self) -> None:
        """Save the settings changed in the form; a refused value is explained at its field
        and nothing is written."""
        if self.view is None or self.view.settings is None or self.view.exam is None:
            return
        for label in self.error_labels.values():
            label.hide()
        self.saved_label.setText("")
        before = self.view.settings.as_dict()
        wanted = self.form_values()
        changes: dict[str, Any] = {}
        for key, value in wanted.items():
            old = before[key]
            if key == "center_order":
                codes = [code.strip() for code in value.replace("，", ",").split(",")
                         if code.strip()]
                if codes != list(old):
                    changes[key] = codes
            elif key in _WHOLE or key == "reserve_ratio":
                try:
                    number: float = int(value) if key in _WHOLE else float(value)
                except ValueError:
                    self.show_error(key, self.tr("Write a whole number.") if key in _WHOLE
                                    else self.tr("Write a number, e.g. 0.1."))
                    return
                if number != old:
                    changes[key] = number
            elif value != old:
                changes[key] = value
        if not changes:
            self.saved_label.setText(self.tr("Nothing changed."))
            return
        code = self.view.exam.code
        refused: list[FieldError] = []

        def work(session: Session, _progress: object, _cancelled: object) -> SettingsChange:
            from examdesk.enums import Corner, SeatOrder
            from examdesk.services.exam_settings import change_settings, parse_pattern
            from examdesk.services.exams import resolve_exam

            exam = resolve_exam(session, code)
            arguments = dict(changes)
            if "ticket_pattern" in arguments:
                try:
                    parse_pattern(arguments["ticket_pattern"])
                except ExamDeskError as error:
                    refused.append(FieldError("ticket_pattern", error))
                    raise
            if "seat_order" in arguments:
                arguments["seat_order"] = SeatOrder(arguments["seat_order"])
            if "first_seat" in arguments:
                arguments["first_seat"] = Corner(arguments["first_seat"])
            try:
                return change_settings(session, self.context.actor, exam, **arguments)
            except ExamDeskError as error:
                setting = error.fields.get("setting")
                if not isinstance(setting, str) or setting not in SETTINGS:
                    setting = "center_order" if "center_order" in arguments else ""
                refused.append(FieldError(setting, error))
                raise

        def failed(message: str) -> None:
            if refused and refused[0].setting:
                self.show_error(refused[0].setting, self.refusal(refused[0]) or message)
            else:
                self.context.operations.show_error(self.tr("Save the settings"), message)

        self.context.operations.write("exam settings", self.tr("Saving the settings"), work,
                                      on_success=self._saved, on_failure=failed)

    def refusal(self, refused: FieldError) -> str | None:
        """A value out of its range, worded with its field's label (None: the core's words
        are the window's)."""
        fields = refused.error.fields
        if refused.error.code != "setting-out-of-range" or refused.setting not in self.field_names:
            return None
        label = self.field_names[refused.setting].rstrip(":：")
        return self.tr("“%1” must be between %2 and %3, not %4.").replace(
            "%1", label).replace("%2", str(fields.get("low"))).replace(
            "%3", str(fields.get("high"))).replace("%4", str(fields.get("value")))

    def _saved(self, change: SettingsChange) -> None:
        self.saved_label.setText(self.tr("Saved."))
        broken = change.broken_duties
        if broken:
            shown = [issue.message for issue in broken[:4]]
            more = len(broken) - len(shown)
            lines = [self.tr("The change breaks %1 duties:").replace("%1", str(len(broken))),
                     *shown]
            text = "\n".join(lines)
            if more:
                text += "\n" + self.tr("and %1 more").replace("%1", str(more))
            self.broken_label.setText(text)
            self.broken_label.show()
            self.repair_button.show()
        else:
            self.broken_label.hide()
            self.repair_button.hide()
        emit(self.saved)

    def repair_roster(self) -> None:
        """Re-roster only the rooms whose duties the change broke."""
        if self.view is None or self.view.exam is None:
            return
        code = self.view.exam.code

        def work(session: Session, progress: Any, cancelled: Any) -> object:
            from examdesk.services.exams import resolve_exam
            from examdesk.services.roster import repair_exam_roster

            return repair_exam_roster(session, self.context.actor, resolve_exam(session, code),
                                      progress=progress, cancelled=cancelled)

        def repaired(_result: object) -> None:
            self.broken_label.hide()
            self.repair_button.hide()
            self.saved_label.setText(self.tr("The roster was repaired."))

        self.context.operations.write("roster repair", self.tr("Repairing the roster"), work,
                                      on_success=repaired)

    # --- abbreviations ------------------------------------------------------------------------

    def _chosen_names(self) -> Any:
        item = self.levels_tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _target(self) -> str | None:
        names = self._chosen_names()
        if names is None:
            return None
        item = self.levels_tree.currentItem()
        parent = item.parent() if item is not None else None
        if parent is None:
            return str(names.name)
        return f"{parent.data(0, Qt.ItemDataRole.UserRole).name}/{names.name}"

    def add_abbreviation(self) -> None:
        names = self._chosen_names()
        if names is None or self.view is None or self.view.exam is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Add abbreviation"),
            self.tr("Another way clerks write %1:").replace("%1", names.name))
        if ok and text.strip():
            self._change_abbreviation(add=True, abbreviation=text.strip())

    def remove_abbreviation(self) -> None:
        names = self._chosen_names()
        if names is None or not names.abbreviations:
            return
        text, ok = QInputDialog.getItem(
            self, self.tr("Remove abbreviation"),
            self.tr("The abbreviation of %1 to remove:").replace("%1", names.name),
            list(names.abbreviations), 0, False)
        if ok and text:
            self._change_abbreviation(add=False, abbreviation=text)

    def _change_abbreviation(self, *, add: bool, abbreviation: str) -> None:
        target = self._target()
        if target is None or self.view is None or self.view.exam is None:
            return
        code = self.view.exam.code

        def work(session: Session, _progress: object, _cancelled: object) -> object:
            from examdesk.services.abbreviations import add_abbreviation, remove_abbreviation
            from examdesk.services.exams import resolve_exam

            change = add_abbreviation if add else remove_abbreviation
            return change(session, self.context.actor, resolve_exam(session, code), target,
                          abbreviation)

        self.context.operations.write("abbreviation", self.tr("Abbreviations"), work)

    # --- with no exam -------------------------------------------------------------------------

    def load_demo(self, *, exam_only: bool) -> None:
        """Load the demo exam (or only its exam, levels, subjects and sessions) in the
        background, with progress."""

        def work(session: Session, progress: Any, cancelled: Any) -> object:
            from examdesk.services.demo import load_demo

            return load_demo(session, self.context.actor, exam_only=exam_only, progress=progress,
                             cancelled=cancelled)

        title = (self.tr("Creating the exam") if exam_only
                 else self.tr("Loading the demo exam"))
        self.context.operations.write("demo", title, work)

    def select(self, key: Hashable) -> bool:
        field_widget = self.fields.get(str(key))
        if field_widget is None:
            return False
        field_widget.setFocus()
        return True
