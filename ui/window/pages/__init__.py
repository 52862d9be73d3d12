"""The window's areas, each a page: declared once, created when first shown.

The main window shows a sidebar of :data:`AREAS` in this order (考试, 考点考场, 考生, 编排,
工作人员, 岗位物资, 打印, 审计, 考务日) and a page per area. A page module is imported only when
its area is first opened, so start-up pays for none of them (docs/performance.md, "Start-up").

A page is a :class:`Page`: it gets a :class:`PageContext` (the window's one
:class:`~ui.window.background.Operations`, its settings, and a way to open another area at a
given row), reads and changes the database only through ``context.operations``, refreshes
from :meth:`Page.refresh` (called with what changed, after every change made in the window and
after another clerk's), and shows a row asked for by :meth:`Page.select`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from examdesk.services.audit import Actor
    from ui.window.background import Operations


def _unsigned_actor() -> Actor:
    """The actor of a database without users (imported late: start-up reads no services)."""
    from examdesk.services.audit import Actor

    return Actor.from_environment()


@dataclass(frozen=True)
class PageContext:
    """What a page may use of its window.

    Attributes:
        operations: runs every read and change in the background (one transaction each).
        settings: the window's settings (a page keeps its column widths, filters... there).
        navigate: ``navigate(area, key)`` opens another area and selects the row with that
            key there (a room's id on 考点考场, a candidate's on 考生, a staff member's on
            工作人员...); with key None it just opens the area.
        actor: who is signed in: the pages pass it to every service they call (a database
            without users: the operating-system login, allowed everything).
    """

    operations: Operations
    settings: QSettings
    navigate: Callable[[str, Hashable | None], None]
    actor: Actor = field(default_factory=_unsigned_actor)


class Page(QWidget):
    """One area of the main window (see the module's docstring).

    Attributes:
        reads_when_made: the page starts reading the database in its constructor; otherwise
            the window calls :meth:`refresh` once it has made the page.
    """

    reads_when_made = False

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def refresh(self, changes: object | None = None) -> None:
        """Show the database as it is now; ``changes`` is what a change in this window
        returned (a mutation's change set: refresh only that), None when unknown (another
        clerk's change, F5): read again what the page shows."""

    def select(self, key: Hashable) -> bool:
        """Show and select the row with this key; False when the page has no such row."""
        return False


def page_class(spec: str) -> type[Page]:
    """The page class ``spec`` names ("module:Class"), its module imported now."""
    module, name = spec.split(":")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type) and issubclass(found, Page), spec
    return found


@dataclass(frozen=True)
class Area:
    """An area of the window: its key, its title, its page and the shortcut that opens it."""

    key: str
    title: Callable[[], str]  # translated when shown
    page: str  # "module:Class", imported when the area is first opened
    shortcut: str

    def page_class(self) -> type[Page]:
        return page_class(self.page)


AREAS: tuple[Area, ...] = (
    Area("exam", lambda: QCoreApplication.translate("Areas", "Exam"),
         "ui.window.pages.exam:ExamPage", "Ctrl+1"),
    Area("venues", lambda: QCoreApplication.translate("Areas", "Centers and rooms"),
         "ui.window.pages.venues:VenuesPage", "Ctrl+2"),
    Area("candidates", lambda: QCoreApplication.translate("Areas", "Candidates"),
         "ui.window.pages.candidates:CandidatesPage", "Ctrl+3"),
    Area("plan", lambda: QCoreApplication.translate("Areas", "Seating plan"),
         "ui.window.pages.plan:PlanPage", "Ctrl+4"),
    Area("staff", lambda: QCoreApplication.translate("Areas", "Staff"),
         "ui.window.pages.staff:StaffPage", "Ctrl+5"),
    Area("posts", lambda: QCoreApplication.translate("Areas", "Posts and supplies"),
         "ui.window.pages.posts:PostsPage", "Ctrl+6"),
    Area("print", lambda: QCoreApplication.translate("Areas", "Print"),
         "ui.window.pages.printing:PrintPage", "Ctrl+7"),
    Area("audit", lambda: QCoreApplication.translate("Areas", "Audit"),
         "ui.window.pages.audit:AuditPage", "Ctrl+8"),
    Area("examday", lambda: QCoreApplication.translate("Areas", "Exam day"),
         "ui.window.pages.examday:ExamDayPage", "Ctrl+9"),
)


def area(key: str) -> Area:
    """The area with this key."""
    for candidate in AREAS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def plan_refusal(actor: Actor, exam_id: int | None = None) -> str:
    """Why the signed-in user may not change the plan, as a greyed-out button's tooltip; ""
    when they may. ``exam_id`` None: of any exam they hold a role in (a page that has not read
    its exam yet); the services refuse in any case (examdesk/services/audit.py)."""
    from examdesk.services.audit import Permission

    if exam_id is not None:
        allowed = actor.may(Permission.EDIT_PLAN, exam_id)
    else:
        allowed = actor.grants is None or any(
            actor.may(Permission.EDIT_PLAN, grant.exam_id) for grant in actor.grants)
    if allowed:
        return ""
    return QCoreApplication.translate(
        "Access", "Only a planner or an administrator may change the plan; you are signed "
                  "in as {user}.").format(user=actor.username)


def export_refusal(actor: Actor, exam_id: int | None = None) -> str:
    """Why the signed-in user may not export or print personal data at all (a viewer), as a
    tooltip; "" when they may at some center (``exam_id`` None: of any exam)."""
    from examdesk.services.audit import Permission

    if exam_id is not None:
        centers = actor.centers(exam_id, Permission.PRINT_PERSONAL)
        allowed = centers is None or bool(centers)
    else:
        allowed = actor.grants is None or any(
            actor.may(Permission.PRINT_PERSONAL, grant.exam_id, grant.center_id)
            for grant in actor.grants)
    if allowed:
        return ""
    return QCoreApplication.translate(
        "Access", "Your role does not allow exporting personal data; you are signed in as "
                  "{user}.").format(user=actor.username)


def refuse_buttons(buttons: Iterable[QWidget], why: str) -> None:
    """Grey out the buttons of changes the signed-in user may not make, saying why."""
    if why:
        for button in buttons:
            button.setEnabled(False)
            button.setToolTip(why)
