"""The seating plan's table: who sits where, and in which sessions."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import Gender
from examdesk.model import Candidate, Room, SeatAssignment, TestCenter
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.rows.candidates import Sitting, candidate_sittings, level_names
from examdesk.services.rows.common import Only, PersonRow, members, raw, room_places
from examdesk.services.scope import (
    limited,
    masked,
    personal_centers,
    shows_personal,
    visible_centers,
)
from examdesk.services.versions import candidate_version

_NONE = Sitting((), ())
_GENDERS = members(Gender)


@dataclass(frozen=True, slots=True)
class SeatRow(PersonRow):
    """One seat of the plan: a candidate at a seat of a room, for the sessions they sit.

    A candidate keeps one seat for all of their papers (docs/domain.md, "The reference exam"),
    so one row stands for every session in ``session_ids``.

    Attributes:
        candidate_id: the candidate's ID.
        center_id: the test center's ID.
        center_code: its code.
        center_name: its name.
        room_id: the room's ID.
        room_code: its code.
        seat_no: the seat.
        ticket_no: the admission ticket number.
        name: the candidate's name.
        gender: their gender.
        id_number: their ID number.
        level_id: their level's ID.
        level: the level's name.
        papers: the papers they sit, by name in subject-code order.
        session_ids: the sessions of those papers, in time order.
        work_unit: their work unit.
        version: the candidate's version with their seat's, handed back with a change
            (examdesk/services/versions.py).
    """

    candidate_id: int
    center_id: int
    center_code: str
    center_name: str
    room_id: int
    room_code: str
    seat_no: int
    ticket_no: str
    name: str
    gender: Gender
    id_number: str
    level_id: int
    level: str
    papers: tuple[str, ...]
    session_ids: tuple[int, ...]
    work_unit: str
    version: int = 0

    @property
    def papers_text(self) -> str:
        """The papers joined with ``、``."""
        return "、".join(self.papers)

    @property
    def search_key(self) -> int:
        """The candidate's ID."""
        return self.candidate_id

    @property
    def search_fields(self) -> tuple[str, ...]:
        """Ticket, ID number and work unit."""
        return (self.ticket_no, self.id_number, self.work_unit)


def seat_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    room_id: int | None = None, level_id: int | None = None, session_id: int | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> list[SeatRow]:
    """The seated candidates by test center, room and seat.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only this test center's seats.
        room_id: only this room's.
        level_id: only candidates of this level.
        session_id: only those who sit a paper in this session.
        ids: only these candidates' seats (by candidate ID).
        actor: who reads: a center desk gets its center's seats only, a viewer the ID numbers
            masked (None: all).
        permission: what the reader needs of the centers read (an export of personal data:
            PRINT_PERSONAL).

    Returns:
        The rows, read in three queries (the seats, the papers, the sessions' papers).

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    return list(iter_seat_rows(session, exam, center_id=center_id, room_id=room_id,
                               level_id=level_id, session_id=session_id, ids=ids,
                               actor=actor, permission=permission))


def iter_seat_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    room_id: int | None = None, level_id: int | None = None, session_id: int | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> Iterator[SeatRow]:
    """:func:`seat_rows` one at a time, for an export that streams them."""
    centers = visible_centers(actor, exam, center_id, permission=permission)
    personal = personal_centers(actor, exam)
    only = Only(ids)
    query = (
        select(SeatAssignment.candidate_id, SeatAssignment.room_id, SeatAssignment.seat_no,
               SeatAssignment.ticket_no, Candidate.name, raw(Candidate.gender),
               Candidate.id_number, Candidate.level_id, Candidate.work_unit,
               candidate_version())
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .join(Room, Room.id == SeatAssignment.room_id)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(SeatAssignment.exam_id == exam.id)
        .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code,
                  SeatAssignment.seat_no)
    )
    if center_id is not None:
        query = query.where(Room.center_id == center_id)
    query = limited(query, Room.center_id, centers)
    if room_id is not None:
        query = query.where(SeatAssignment.room_id == room_id)
    if level_id is not None:
        query = query.where(Candidate.level_id == level_id)
    query = only.where(query, SeatAssignment.candidate_id)
    places = room_places(session, exam)
    levels = level_names(session, exam)
    sittings = candidate_sittings(session, exam, only)
    for (cid, room, seat, ticket, name, gender, id_number, level, unit,
         version) in session.execute(query):
        sitting = sittings.get(cid, _NONE)
        if only.keeps(cid) and (session_id is None or session_id in sitting.session_ids):
            place = places[room]
            if not shows_personal(personal, place.center_id):
                id_number = masked(id_number)
            yield SeatRow(cid, place.center_id, place.center_code, place.center_name, room,
                          place.room_code, seat, ticket, name, _GENDERS[gender], id_number,
                          level, levels[level], sitting.papers, sitting.session_ids, unit,
                          version)
