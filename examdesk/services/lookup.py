"""What a clerk typed, turned into the IDs the services take: the one lookup of both faces.

A candidate is named by ID number, registration number, ticket number or name (or the name's
pinyin, initials included: ``zs`` for 张三); a staff member by ID number, phone or name; a
room by its code, written ``CENTER/ROOM`` when several centers have it; a session by its code
(S1) or name; a test center by its code or name.

Exact matches come first: a number or name that some row has exactly finds those rows and
no other. Only when nothing matches exactly is the text searched as the search boxes do
(:class:`examdesk.search.SearchIndex`): any part of a name or its pinyin. A text that is a
number (digits, maybe a final X) is only ever matched exactly, so a mistyped number is "not
found" rather than a list of everyone whose number contains it.

Every lookup returns all its matches, each with enough of its row for a face to ask "which
one?"; :meth:`Matches.one` returns the only one, or raises :class:`NotFound` or
:class:`Ambiguous`, errors with a code and fields that each face words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import Row, Select, or_, select, union
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus
from examdesk.errors import BadInput
from examdesk.exchange.normalize import id_number_text
from examdesk.i18n import translate
from examdesk.model import Candidate, ExamSession, Level, Room, SeatAssignment, Staff, TestCenter
from examdesk.search import SearchIndex, normalize
from examdesk.services.audit import Actor, Permission
from examdesk.services.scope import limited, visible_centers

if TYPE_CHECKING:  # examdesk.services.exams finds its centers here
    from examdesk.services.exams import ExamRef


@dataclass(frozen=True)
class CandidateMatch:
    """A candidate found by a lookup.

    Attributes:
        id: the candidate's id.
        name: the name.
        registration_no: the registration number (报名号).
        id_number: the ID number.
        level: the level's name.
        work_unit: the employer ("" when none).
        withdrawn: whether the candidate has withdrawn.
        center: the test center's code of the seat ("" when not seated).
        room: the room's code of the seat ("" when not seated).
        seat_no: the seat number (0 when not seated).
        ticket_no: the ticket number ("" when not seated).
    """

    id: int
    name: str
    registration_no: str
    id_number: str
    level: str
    work_unit: str
    withdrawn: bool
    center: str
    room: str
    seat_no: int
    ticket_no: str

    @property
    def label(self) -> str:
        """How messages name a candidate: registration number and name."""
        return f"{self.registration_no} {self.name}"


@dataclass(frozen=True)
class StaffMatch:
    """A staff member found by a lookup.

    Attributes:
        id: the staff member's id.
        name: the name.
        id_number: the ID number.
        phone: the phone number ("" when none).
        work_unit: the employer ("" when none).
        home_center: the home test center's code ("" when none).
    """

    id: int
    name: str
    id_number: str
    phone: str
    work_unit: str
    home_center: str

    @property
    def label(self) -> str:
        """How messages name a staff member: name and ID number."""
        return f"{self.name}（{self.id_number}）"


@dataclass(frozen=True)
class RoomMatch:
    """A room found by a lookup.

    Attributes:
        id: the room's id.
        center_id: its test center's id.
        center: the test center's code.
        center_name: the test center's name.
        code: the room's code.
        spare: a spare room (kept empty).
        locked: locked against changes of who sits in it.
    """

    id: int
    center_id: int
    center: str
    center_name: str
    code: str
    spare: bool
    locked: bool

    @property
    def label(self) -> str:
        """How messages name a room: ``CENTER/ROOM``."""
        return f"{self.center}/{self.code}"


@dataclass(frozen=True)
class SessionMatch:
    """An exam session found by a lookup.

    Attributes:
        id: the session's id.
        code: its code (S1, S2...).
        name: its name ("" when none).
        date: its day.
        start_time: when its papers start.
    """

    id: int
    code: str
    name: str
    date: date
    start_time: time

    @property
    def label(self) -> str:
        """How messages name a session: its code."""
        return self.code


@dataclass(frozen=True)
class CenterMatch:
    """A test center found by a lookup.

    Attributes:
        id: the center's id.
        code: its code (考点编号).
        name: its name.
    """

    id: int
    code: str
    name: str

    @property
    def label(self) -> str:
        """How messages name a center: its code."""
        return self.code


class LookupFailed(BadInput):
    """Typed text that does not name exactly one row.

    Attributes (in ``fields`` too): kind (candidate, staff, room, session, center), text (as
    typed), exam (the exam's code).
    """

    def __init__(self, message: str, *, code: str, kind: str, text: str, exam: str,
                 **fields: object) -> None:
        super().__init__(message, code=code, kind=kind, text=text, exam=exam, **fields)
        self.kind = kind
        self.text = text


class NotFound(LookupFailed):
    """Nothing matches the text (code ``<kind>-not-found``; fields ``known``: the codes of
    the exam's sessions or centers, for those kinds)."""


class Ambiguous(LookupFailed):
    """Several rows match the text (code ``<kind>-ambiguous``; fields ``ids`` and ``labels``
    of the matches, for a face to ask which one)."""


M = TypeVar("M", CandidateMatch, StaffMatch, RoomMatch, SessionMatch, CenterMatch)


@dataclass(frozen=True)
class Matches(Generic[M]):
    """What a lookup found.

    Attributes:
        kind: candidate, staff, room, session or center.
        text: the text as typed.
        exam: the exam's code.
        found: every match, in the order of the rows (by id, rooms and sessions in their order).
        exact: whether the matches are exact ones (a number or name the row has as it is)
            rather than found by search.
        known: for sessions and centers, the exam's codes (what a "not found" lists).
    """

    kind: str
    text: str
    exam: str
    found: tuple[M, ...]
    exact: bool
    known: tuple[str, ...] = ()

    def one(self) -> M:
        """The only match.

        Raises:
            NotFound: nothing matches.
            Ambiguous: several rows match; the error lists them.
        """
        if len(self.found) == 1:
            return self.found[0]
        if not self.found:
            # the placeholders keep the names of the messages the catalog already has
            raise NotFound(_NOT_FOUND[self.kind]().format(
                exam=self.exam, who=self.text, room=self.text, code=self.text,
                codes=", ".join(self.known) or "-"),
                code=f"{self.kind}-not-found", kind=self.kind, text=self.text, exam=self.exam,
                known=self.known)
        labels = tuple(match.label for match in self.found)
        shown = "、".join(labels[:_SHOWN]) + ("…" if len(labels) > _SHOWN else "")
        raise Ambiguous(_AMBIGUOUS[self.kind]().format(
            exam=self.exam, text=self.text, room=self.text, count=len(labels), matches=shown,
            rooms=", ".join(labels)),
            code=f"{self.kind}-ambiguous", kind=self.kind, text=self.text, exam=self.exam,
            ids=tuple(match.id for match in self.found), labels=labels)


# How many matches an "ambiguous" message names.
_SHOWN = 5

_NOT_FOUND: dict[str, Callable[[], str]] = {
    "candidate": lambda: translate(
        "Seats", "No candidate of exam {exam} has the ID or registration number {who}."),
    "staff": lambda: translate(
        "Duties", "No staff member of exam {exam} has the ID number {who}."),
    "room": lambda: translate("Lookup", "Exam {exam} has no room {room}."),
    "session": lambda: translate(
        "Duties", "Exam {exam} has no session {code}; its sessions are {codes}."),
    "center": lambda: translate(
        "Export", "No test center of exam {exam} has the code {code}; its centers are {codes}."),
}

_AMBIGUOUS: dict[str, Callable[[], str]] = {
    "candidate": lambda: translate(
        "Lookup", "{count} candidates of exam {exam} match {text} ({matches}); write the ID "
                  "or registration number of the one you mean."),
    "staff": lambda: translate(
        "Lookup", "{count} staff members of exam {exam} match {text} ({matches}); write the "
                  "ID number of the one you mean."),
    "room": lambda: translate(
        "Seats", "Several test centers have a room {room} ({rooms}); write CENTER/ROOM."),
    "session": lambda: translate(
        "Lookup", "{count} sessions of exam {exam} are called {text} ({matches}); write the "
                  "session's code."),
    "center": lambda: translate(
        "Lookup", "{count} test centers of exam {exam} are called {text} ({matches}); write "
                  "the center's code."),
}

# A typed number: matched exactly, never searched as a part of longer numbers.
_NUMBER = re.compile(r"[0-9]+[xX]?")


def is_number(text: str) -> bool:
    """Whether ``text`` (trimmed, half width) is a number that is only matched exactly."""
    return _NUMBER.fullmatch(normalize(text).strip()) is not None


def _candidates() -> Select[*tuple[Any, ...]]:
    return (
        select(Candidate.id, Candidate.name, Candidate.registration_no, Candidate.id_number,
               Level.name, Candidate.work_unit, Candidate.status, TestCenter.code, Room.code,
               SeatAssignment.seat_no, SeatAssignment.ticket_no)
        .join(Level, Level.id == Candidate.level_id)
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .outerjoin(TestCenter, TestCenter.id == Room.center_id)
        .order_by(Candidate.id)
    )


def _candidate(row: Row[*tuple[Any, ...]]) -> CandidateMatch:
    (cid, name, registration, id_number, level, unit, status, center, room, seat,
     ticket) = row
    return CandidateMatch(
        id=cid, name=name, registration_no=registration, id_number=id_number, level=level,
        work_unit=unit or "", withdrawn=status is CandidateStatus.WITHDRAWN,
        center=center or "", room=room or "", seat_no=seat or 0, ticket_no=ticket or "")


def find_candidate(session: Session, exam: ExamRef, text: str, *,
                   index: SearchIndex[int] | None = None,
                   actor: Actor | None = None) -> Matches[CandidateMatch]:
    """The exam's candidates ``text`` names, withdrawn ones included.

    Args:
        session: the caller's session.
        exam: the exam.
        text: an ID number, registration number, ticket number or name as typed; failing an
            exact match, any part of a name or its pinyin.
        index: the exam's candidates as a table already holds them (keys: candidate ids),
            searched instead of reading every candidate when nothing matches exactly.
        actor: who looks: a center desk finds its center's candidates only (None: all).

    Returns:
        The matches.

    Raises:
        AccessDenied: the number typed is a candidate's the actor may not see.
    """
    centers = visible_centers(actor, exam)
    typed = text.strip()
    key = id_number_text(typed)
    # one indexed look-up per kind of number, rather than an OR that reads every candidate
    number = is_number(typed)
    ids = union(*(select(Candidate.id).where(Candidate.exam_id == exam.id, condition)
                  for condition in (Candidate.id_number == key, Candidate.registration_no == key,
                                    Candidate.name == (None if number else typed))),
                select(SeatAssignment.candidate_id).where(SeatAssignment.exam_id == exam.id,
                                                          SeatAssignment.ticket_no == key))
    exact = session.execute(_candidates().where(Candidate.id.in_(ids))).all()
    if centers is not None:
        _refuse_unseen(session, actor, exam, centers, {r[7] for r in exact})
    if exact or not typed or number:
        return Matches("candidate", text, exam.code, tuple(_candidate(r) for r in exact), True)
    if index is not None:
        return Matches("candidate", text, exam.code,
                       _candidates_by_id(session, index.find(typed)), False)
    query = (select(Candidate.id, Candidate.name, Candidate.id_number,
                    Candidate.registration_no, SeatAssignment.ticket_no)
             .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
             .where(Candidate.exam_id == exam.id).order_by(Candidate.id))
    if centers is not None:
        query = limited(query.join(Room, Room.id == SeatAssignment.room_id), Room.center_id,
                        centers)
    if not typed.isascii():  # no pinyin to spell: only names holding the text can match
        query = query.where(Candidate.name.contains(max(typed.split(), key=len),
                                                    autoescape=True))
    index = SearchIndex((cid, name, (id_number, registration, ticket or ""))
                        for cid, name, id_number, registration, ticket in session.execute(query))
    return Matches("candidate", text, exam.code, _candidates_by_id(session, index.find(typed)),
                   False)


def _refuse_unseen(session: Session, actor: Actor | None, exam: ExamRef,
                   centers: frozenset[int], codes: set[str | None]) -> None:
    """Refuse candidates of centers the actor may not see (codes: their centers', None for
    the unseated) rather than answer as if they did not exist."""
    from examdesk.services.exams import center_codes

    assert actor is not None
    ids = {code: cid for cid, code in center_codes(session, exam).items()}
    for code in sorted(codes, key=str):
        if code is None:
            actor.require(Permission.READ, exam.id)
        elif ids[code] not in centers:
            actor.require(Permission.READ, exam.id, ids[code], center_code=code)


def _candidates_by_id(session: Session, ids: Sequence[int]) -> tuple[CandidateMatch, ...]:
    """The candidates with these ids, in that order (read in slices: a query's parameters are
    limited)."""
    found: dict[int, CandidateMatch] = {}
    for start in range(0, len(ids), 5000):
        for row in session.execute(_candidates().where(
                Candidate.id.in_(ids[start : start + 5000]))):
            found[row[0]] = _candidate(row)
    return tuple(found[i] for i in ids)


def find_staff(session: Session, exam: ExamRef, text: str) -> Matches[StaffMatch]:
    """The exam's staff members ``text`` names.

    Args:
        session: the caller's session.
        exam: the exam.
        text: an ID number, phone number or name as typed; failing an exact match, any part
            of a name or its pinyin.

    Returns:
        The matches.
    """
    typed = text.strip()
    query = (select(Staff.id, Staff.name, Staff.id_number, Staff.phone, Staff.work_unit,
                    TestCenter.code)
             .outerjoin(TestCenter, TestCenter.id == Staff.home_center_id)
             .where(Staff.exam_id == exam.id).order_by(Staff.id))

    def match(row: Row[*tuple[Any, ...]]) -> StaffMatch:
        sid, name, id_number, phone, unit, center = row
        return StaffMatch(sid, name, id_number, phone or "", unit or "", center or "")

    exact = session.execute(query.where(or_(
        Staff.id_number == id_number_text(typed), Staff.name == typed,
        Staff.phone == (typed or None)))).all()
    if exact or not typed or is_number(typed):
        return Matches("staff", text, exam.code, tuple(match(r) for r in exact), True)
    rows = {r[0]: r for r in session.execute(query)}
    index = SearchIndex((sid, r.name, (r.id_number, r.phone or "")) for sid, r in rows.items())
    return Matches("staff", text, exam.code, tuple(match(rows[s]) for s in index.find(typed)),
                   False)


def find_room(session: Session, exam: ExamRef, text: str, *,
              center_id: int | None = None) -> Matches[RoomMatch]:
    """The exam's rooms with the code ``text`` (``ROOM`` or ``CENTER/ROOM``).

    Args:
        session: the caller's session.
        exam: the exam.
        text: the room's code, with its center's code before a slash when several centers
            have that room code.
        center_id: only this test center's rooms.

    Returns:
        The matches, in the centers' and rooms' order.
    """
    center, _, code = text.strip().rpartition("/")
    query = (select(Room.id, Room.center_id, TestCenter.code, TestCenter.name, Room.code,
                    Room.spare, Room.locked).join(TestCenter)
             .where(TestCenter.exam_id == exam.id, Room.code == code.strip())
             .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code))
    if center.strip():
        query = query.where(TestCenter.code == center.strip())
    if center_id is not None:
        query = query.where(Room.center_id == center_id)
    return Matches("room", text, exam.code, tuple(
        RoomMatch(r.id, r.center_id, r[2], r[3], r[4], r.spare, r.locked)
        for r in session.execute(query)), True)


def find_session(session: Session, exam: ExamRef, text: str) -> Matches[SessionMatch]:
    """The exam's sessions with the code (in any case) or the name ``text``.

    Returns:
        The matches, in time order; ``known`` holds every session's code.
    """
    typed = text.strip()
    sessions = [SessionMatch(r.id, r.code, r.name or "", r.date, r.start_time)
                for r in session.execute(
                    select(ExamSession.id, ExamSession.code, ExamSession.name,
                           ExamSession.date, ExamSession.start_time)
                    .where(ExamSession.exam_id == exam.id)
                    .order_by(ExamSession.date, ExamSession.start_time))]
    by_code = tuple(s for s in sessions if s.code.casefold() == typed.casefold())
    return Matches("session", text, exam.code,
                   by_code or tuple(s for s in sessions if typed and s.name == typed), True,
                   known=tuple(s.code for s in sessions))


def find_center(session: Session, exam: ExamRef, text: str) -> Matches[CenterMatch]:
    """The exam's test centers with the code or the name ``text``.

    Returns:
        The matches, in the centers' order; ``known`` holds every center's code.
    """
    typed = text.strip()
    centers = [CenterMatch(r.id, r.code, r.name) for r in session.execute(
        select(TestCenter.id, TestCenter.code, TestCenter.name)
        .where(TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code))]
    by_code = tuple(c for c in centers if c.code == typed)
    return Matches("center", text, exam.code,
                   by_code or tuple(c for c in centers if typed and c.name == typed), True,
                   known=tuple(c.code for c in centers))
