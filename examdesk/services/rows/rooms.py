"""The rooms table: each room with its test center, grid and how many sit in it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.labels import floor_name
from examdesk.model import Candidate, Level, Room, SeatAssignment, TestCenter
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, seats_where
from examdesk.services.rows.common import Only
from examdesk.services.scope import limited, visible_centers


@dataclass(frozen=True, slots=True)
class RoomRow:
    """One room as the rooms table shows it.

    Attributes:
        room_id: the room's ID.
        center_id: its test center's ID.
        center_code: the test center's code.
        center_name: its name.
        center_address: its address.
        code: the room's code (考场号).
        building: the building ("" when not known).
        floor: the floor (None when not known; below ground is negative).
        label: the classroom's own name or number ("" when none).
        rows: rows of desks.
        columns: columns of desks.
        unusable: the desks that cannot be used, as (row, column), 1-based.
        accessible: an accessible room.
        spare: a spare room, kept empty.
        locked: locked: allocation adds nobody to it.
        seated: how many candidates are seated in it.
        levels: the levels of those candidates, by name (one, in a sound plan).
        version: the row's version, handed back with a change (examdesk/services/versions.py).
    """

    room_id: int
    center_id: int
    center_code: str
    center_name: str
    center_address: str
    code: str
    building: str
    floor: int | None
    label: str
    rows: int
    columns: int
    unusable: tuple[tuple[int, int], ...]
    accessible: bool
    spare: bool
    locked: bool
    seated: int
    levels: tuple[str, ...]
    version: int = 0
    center_route: str = ""  # how candidates get to its center (the candidate notice)

    @property
    def capacity(self) -> int:
        """Usable seats: the grid less its unusable desks."""
        return self.rows * self.columns - len(self.unusable)

    @property
    def free(self) -> int:
        """Seats nobody sits in."""
        return max(self.capacity - self.seated, 0)

    @property
    def location(self) -> str:
        """Building and floor as staff name them: ``教学楼A 3楼``."""
        return floor_name(self.building, self.floor)

    @property
    def unusable_text(self) -> str:
        """The unusable desks as the rooms sheet writes them: ``1-2、3-4``."""
        return "、".join(f"{row}-{column}" for row, column in self.unusable)

    @property
    def search_key(self) -> int:
        """The room's ID."""
        return self.room_id

    @property
    def search_name(self) -> str:
        """The test center's name, found by its pinyin too."""
        return self.center_name

    @property
    def search_fields(self) -> tuple[str, ...]:
        """Room code, classroom, building and the center's code."""
        return (self.code, self.label, self.building, self.center_code)


def room_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    level_id: int | None = None, ids: Collection[int] | None = None,
    actor: Actor | None = None,
) -> list[RoomRow]:
    """The exam's rooms by test center and room order.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only this test center's.
        level_id: only the rooms where candidates of this level sit.
        ids: only these rooms.
        actor: who reads: a center desk gets its center's rooms only (None: all).

    Returns:
        The rows, read in two queries (the rooms, the seats counted by room and level).

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    centers = visible_centers(actor, exam, center_id)
    only = Only(ids)
    query = (
        select(Room.id, Room.center_id, TestCenter.code.label("center_code"),
               TestCenter.name.label("center_name"), TestCenter.address, TestCenter.route,
               Room.code, Room.building, Room.floor, Room.label, Room.rows, Room.columns,
               Room.unusable_seats, Room.accessible, Room.spare, Room.locked, Room.version)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(TestCenter.exam_id == exam.id)
        .order_by(TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code)
    )
    if center_id is not None:
        query = query.where(Room.center_id == center_id)
    query = limited(query, Room.center_id, centers)
    query = only.where(query, Room.id)
    seats = (select(SeatAssignment.room_id, Level.id, Level.name, func.count())
             .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
             .join(Level, Level.id == Candidate.level_id)
             .join(Room, Room.id == SeatAssignment.room_id)
             .where(seats_where(exam, center_id))
             .group_by(SeatAssignment.room_id, Level.id, Level.name)
             .order_by(SeatAssignment.room_id, Level.id))
    seated: defaultdict[int, int] = defaultdict(int)
    levels: defaultdict[int, list[str]] = defaultdict(list)
    level_rooms: set[int] = set()
    for room, level, name, count in session.execute(only.where(seats, SeatAssignment.room_id)):
        seated[room] += count
        levels[room].append(name)
        if level == level_id:
            level_rooms.add(room)
    return [
        RoomRow(r.id, r.center_id, r.center_code, r.center_name, r.address, r.code, r.building,
                r.floor, r.label, r.rows, r.columns,
                tuple((row, column) for row, column in r.unusable_seats or []), r.accessible,
                r.spare, r.locked, seated[r.id], tuple(levels[r.id]), r.version,
                center_route=r.route)
        for r in session.execute(query)
        if only.keeps(r.id) and (level_id is None or r.id in level_rooms)
    ]
