"""The 考务日 area: the test center's exam-day desks, one tab each.

Exam day at a test center is several desks at once (the police's temporary ID desk, the
attendance of each room, violations and incidents, the medical post, the hotline) and the
exam center's live board over all of them. Each is a tab of this area, declared once in
:data:`TABS` and made when first shown, as the window's areas are (ui/window/pages/__init__.py):
a tab is a :class:`~ui.window.pages.Page` of its own, given the same context, refreshed when
the area is and asked to select a row as areas are.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.window.pages import Page, PageContext, page_class


@dataclass(frozen=True)
class Tab:
    """A desk of the exam day: its key, its title and its page ("module:Class")."""

    key: str
    title: Callable[[], str]  # translated when shown
    page: str

    def page_class(self) -> type[Page]:
        return page_class(self.page)


# The exam day's desks, in the order the tabs show them (titles written out here so that the
# catalog's update finds them).
TABS: tuple[Tab, ...] = (
    Tab("board", lambda: QCoreApplication.translate("ExamDayPage", "Live board"),
        "ui.window.pages.examday_board:BoardPage"),
    Tab("tempid", lambda: QCoreApplication.translate("ExamDayPage", "Temporary ID"),
        "ui.window.pages.examday_tempid:TempIdPage"),
    Tab("attendance", lambda: QCoreApplication.translate("ExamDayPage", "Attendance"),
        "ui.window.pages.examday_attendance:AttendancePage"),
    Tab("violations", lambda: QCoreApplication.translate("ExamDayPage", "Violations"),
        "ui.window.pages.examday_violations:ViolationsPage"),
    Tab("incidents", lambda: QCoreApplication.translate("ExamDayPage", "Incidents and medical"),
        "ui.window.pages.examday_violations:IncidentsPage"),
    Tab("hotline", lambda: QCoreApplication.translate("ExamDayPage", "Hotline"),
        "ui.window.pages.examday_hotline:HotlinePage"),
)


class ExamDayPage(Page):
    """The exam day's desks as tabs (see the module's docstring)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("examDayTabs")
        self.pages: dict[str, Page] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for tab in TABS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            holder.setObjectName(tab.key)
            self.tabs.addTab(holder, tab.title())
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._shown)
        self._shown(0)

    def tab_page(self, key: str) -> Page:
        """The page of the tab ``key`` (made now if it was not yet), shown."""
        index = [tab.key for tab in TABS].index(key)
        self.tabs.setCurrentIndex(index)
        return self._make(index)

    def _make(self, index: int) -> Page:
        tab = TABS[index]
        page = self.pages.get(tab.key)
        if page is None:
            page = tab.page_class()(self.context)
            holder = self.tabs.widget(index)
            assert holder is not None
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(page)
            self.pages[tab.key] = page
            if not page.reads_when_made:
                page.refresh(None)
        return page

    def _shown(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self._make(index)

    def refresh(self, changes: object | None = None) -> None:
        for page in self.pages.values():
            page.refresh(changes)

    def select(self, key: Hashable) -> bool:
        """``(tab key, row key)``: show that tab at that row."""
        if isinstance(key, tuple) and len(key) == 2 and key[0] in [t.key for t in TABS]:
            return self.tab_page(str(key[0])).select(key[1])
        return False
