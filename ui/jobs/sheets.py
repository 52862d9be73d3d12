"""Every printed sheet, declared once: what `examdesk print` offers, what the 打印 area
lists, what the pack holds and why a sheet has nothing to print all read :data:`SHEETS`.

A sheet is drawn by its renderer in reports/batch.py (``SHEETS`` there, keyed by the same key:
worker processes draw it without loading this layer); its data is read by its loader here.
Why nothing was printed is a :class:`Nothing` (a code and its fields), which each face words
in its own way: the command line names the command to run, the window what to do in it.

No Qt here (docs/architecture.md, "Layers").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef
from examdesk.services.notice import notices
from examdesk.services.printing import CenterChoice
from examdesk.services.printing_center import center_summaries, certificates
from examdesk.services.printing_doubtful import doubtful_lists
from examdesk.services.printing_staff import draw_results, duty_cards, duty_sheets, post_rosters


class Scope(StrEnum):
    """What one piece of a sheet covers; every sheet is written one file per test center."""

    ROOM = "room"  # one per room holding candidates
    ROOM_SESSION = "room_session"  # one per room and session it holds
    CENTER_SESSION = "center_session"  # one per center and session
    CENTER = "center"  # one per center


class Need(StrEnum):
    """What must exist at a center before a sheet has anything to print."""

    SEATS = "seats"  # candidates seated (allocation)
    DUTIES = "duties"  # a roster
    DRAW = "draw"  # the morning draw of the session
    POSTS = "posts"  # service posts


class Reason(StrEnum):
    """Why a sheet has nothing to print (each face words it)."""

    NOT_SEATED = "not_seated"  # no room holds seated candidates
    NOT_SAT_IN_SESSION = "not_sat_in_session"  # nobody sits a paper in the session
    NO_DUTIES = "no_duties"  # nobody is on duty
    NO_DRAW = "no_draw"  # no draw has been held
    NO_POSTS = "no_posts"  # the center has no posts
    NOT_ALLOWED = "not_allowed"  # the signed-in user prints no personal data there
    NOTHING = "nothing"  # nothing else to say


@dataclass(frozen=True)
class Nothing:
    """Why a sheet has nothing to print: a reason and its fields.

    Attributes:
        reason: the code.
        sheet: the sheet's key.
        session: the session code the reason is about (:attr:`Reason.NOT_SAT_IN_SESSION`).
    """

    reason: Reason
    sheet: str
    session: str | None = None


class NothingToPrint(BadInput):
    """A print run found nothing to print; ``nothing`` says why, for each face to word."""

    def __init__(self, nothing: Nothing) -> None:
        super().__init__(translate("Sheets", "There is nothing to print there."))
        self.nothing = nothing
        self.code = nothing.reason.value


# Reads the data of a sheet at one center: (the caller's database session, exam, center code,
# session code or None, who prints). The session is typed Any: ui/ never imports SQLAlchemy
# (docs/architecture.md, "Layers"), it only hands on what Database.begin() gave it.
Loader = Callable[[Any, ExamRef, str, "str | None", "Actor | None"], tuple[Any, ...]]
# Reads the data of a sheet of one day at one center: (the caller's database session, exam,
# center code, the day chosen or None for the sheet's own default, who prints).
DayLoader = Callable[[Any, ExamRef, str, "date | None", "Actor | None"], tuple[Any, ...]]


@dataclass(frozen=True)
class SheetSpec:
    """One printed sheet.

    Attributes:
        key: its name on the command line (``door``) and in the renderers (reports/batch.py).
        file_name: what its files are called before ``-<code>-<center>.pdf``; Chinese in every
            language (the names clerks file them under).
        title: its title in the user's language (through the catalog).
        scope: what one piece of it covers.
        load: reads its data at one center (``None`` for the room sheets, which share
            :func:`examdesk.services.printing.room_sheets`, and the pack).
        needs: what must exist at a center before it has anything to print.
        empty: why it has nothing to print at a center.
        empty_in_session: why, when one session is chosen (``None``: ``empty`` still).
        photos: its room data carries the candidates' photos.
        personal: it holds personal data (ID numbers, phones, photos, people's duties): a
            viewer may not print it; the door list and seating chart (posted in public: names
            and ticket numbers only, docs/printing.md) and the center summary (counts) hold
            none.
        contents: the pack only: the sheets it holds, in order (room envelope first).
        load_day: a sheet of one day (the doubtful list): reads its data at one center for
            the day chosen, instead of ``load``.
    """

    key: str
    file_name: str
    title: Callable[[], str]
    scope: Scope
    load: Loader | None = None
    needs: Need | None = None
    empty: Reason = Reason.NOTHING
    empty_in_session: Reason | None = None
    photos: bool = True
    personal: bool = True
    contents: tuple[str, ...] = ()
    load_day: DayLoader | None = None

    @property
    def dated(self) -> bool:
        """Whether it covers one day, chosen when printed (``--date``)."""
        return self.load_day is not None

    @property
    def by_room(self) -> bool:
        """Whether it is drawn room by room, from the room sheets' data."""
        return self.scope in (Scope.ROOM, Scope.ROOM_SESSION)

    def nothing(self, session: str | None) -> Nothing:
        """Why it has nothing to print at a center (``session``: the session chosen)."""
        if session is not None and self.empty_in_session is not None:
            return Nothing(self.empty_in_session, self.key, session)
        return Nothing(self.empty, self.key)

    def blocked(self, center: CenterChoice, session: str | None) -> Nothing | None:
        """Why it has nothing to print at ``center`` (in ``session``), known before reading
        its data; ``None`` when it may have something."""
        if self.personal and not center.personal:
            return Nothing(Reason.NOT_ALLOWED, self.key)
        if self.needs is Need.SEATS and not center.sessions:
            return Nothing(Reason.NOT_SEATED, self.key)
        if self.needs is Need.DUTIES and not center.rostered:
            return Nothing(self.empty, self.key)
        drawn = session in center.drawn if session else bool(center.drawn)
        if self.needs is Need.DRAW and not drawn:
            return Nothing(Reason.NO_DRAW, self.key)
        if self.needs is Need.POSTS and not center.posts:
            return Nothing(Reason.NO_POSTS, self.key)
        if (session is not None and self.empty_in_session is not None
                and session not in center.sessions):
            return Nothing(self.empty_in_session, self.key, session)
        return None


def _duty(session: Any, exam: ExamRef, center: str, only: str | None,
          actor: Actor | None) -> tuple[Any, ...]:
    return duty_sheets(session, exam, center=center, session_code=only, actor=actor)


def _draw(session: Any, exam: ExamRef, center: str, only: str | None,
          actor: Actor | None) -> tuple[Any, ...]:
    return draw_results(session, exam, center=center, session_code=only, actor=actor)


def _cards(session: Any, exam: ExamRef, center: str, _only: str | None,
           actor: Actor | None) -> tuple[Any, ...]:
    return duty_cards(session, exam, center=center, actor=actor)


def _posts(session: Any, exam: ExamRef, center: str, _only: str | None,
           actor: Actor | None) -> tuple[Any, ...]:
    return post_rosters(session, exam, center=center, actor=actor)


def _certificates(session: Any, exam: ExamRef, center: str, _only: str | None,
                  actor: Actor | None) -> tuple[Any, ...]:
    return certificates(session, exam, center=center, actor=actor)


def _notice(session: Any, exam: ExamRef, center: str, _only: str | None,
            actor: Actor | None) -> tuple[Any, ...]:
    return notices(session, exam, center=center, actor=actor)


def _doubtful(session: Any, exam: ExamRef, center: str, day: date | None,
              actor: Actor | None) -> tuple[Any, ...]:
    return doubtful_lists(session, exam, center=center, actor=actor, day=day)


def _summary(session: Any, exam: ExamRef, center: str, _only: str | None,
             actor: Actor | None) -> tuple[Any, ...]:
    return center_summaries(session, exam, center=center, actor=actor)


# Every sheet, in the order they are offered. The pack is printed two-sided: each room's
# envelope opens with a cover sheet (its label), each document starts on a front page and
# every page is portrait (reports/base.py, Sheet.duplex), so no sheet has another's on its
# back, say the door list the seating chart, posted apart.
SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("door", "考场门贴", lambda: translate("Sheets", "Door list"), Scope.ROOM,
              needs=Need.SEATS, empty=Reason.NOT_SEATED, photos=False, personal=False),
    SheetSpec("seating", "座位表", lambda: translate("Sheets", "Seating chart"), Scope.ROOM,
              needs=Need.SEATS, empty=Reason.NOT_SEATED, personal=False),
    SheetSpec("desk", "桌贴", lambda: translate("Sheets", "Desk labels"), Scope.ROOM,
              needs=Need.SEATS, empty=Reason.NOT_SEATED),
    SheetSpec("signin", "考生签到表", lambda: translate("Sheets", "Sign-in sheet"),
              Scope.ROOM_SESSION, needs=Need.SEATS, empty=Reason.NOT_SEATED,
              empty_in_session=Reason.NOT_SAT_IN_SESSION),
    SheetSpec("record", "考场情况记录单", lambda: translate("Sheets", "Room record"),
              Scope.ROOM_SESSION, needs=Need.SEATS, empty=Reason.NOT_SEATED,
              empty_in_session=Reason.NOT_SAT_IN_SESSION),
    SheetSpec("duty", "监考安排表", lambda: translate("Sheets", "Duty sheet"),
              Scope.CENTER_SESSION, _duty, needs=Need.DUTIES, empty=Reason.NO_DUTIES,
              empty_in_session=Reason.NOT_SAT_IN_SESSION),
    SheetSpec("cards", "工作安排卡", lambda: translate("Sheets", "Duty cards"), Scope.CENTER,
              _cards, needs=Need.DUTIES, empty=Reason.NO_DUTIES),
    SheetSpec("posts", "岗位值班表", lambda: translate("Sheets", "Post roster"), Scope.CENTER,
              _posts, needs=Need.POSTS, empty=Reason.NO_POSTS),
    # whether or not the center sits the session chosen: no draw of it is recorded there
    SheetSpec("draw", "抽签结果", lambda: translate("Sheets", "Draw result"),
              Scope.CENTER_SESSION, _draw, needs=Need.DRAW, empty=Reason.NO_DRAW),
    SheetSpec("certificate", "临时身份证明",
              lambda: translate("Sheets", "Temporary ID certificates"), Scope.CENTER,
              _certificates),
    # the center's end-of-day list: every center gets one, saying so when it has none
    SheetSpec("doubtful", "存疑考生情况表",
              lambda: translate("Sheets", "Doubtful candidates' list"), Scope.CENTER,
              photos=False, load_day=_doubtful),
    SheetSpec("summary", "考点情况汇总表", lambda: translate("Sheets", "Center summary"),
              Scope.CENTER, _summary, personal=False),
    # public: published before the day and posted at the gate
    SheetSpec("notice", "考生须知", lambda: translate("Sheets", "Candidate notice"),
              Scope.CENTER, _notice, photos=False, personal=False),
    # a room's envelope in the order staff sort it, then the center's staff sheets, each
    # starting on a front page: they go to different people
    SheetSpec("pack", "考务打印包", lambda: translate("Sheets", "Print pack"), Scope.ROOM,
              needs=Need.SEATS, empty=Reason.NOT_SEATED,
              contents=("door", "seating", "signin", "record", "duty", "cards", "posts")),
)

_BY_KEY = {spec.key: spec for spec in SHEETS}


def sheet(key: str) -> SheetSpec:
    """The sheet called ``key``.

    Raises:
        KeyError: no sheet is called that.
    """
    return _BY_KEY[key]
