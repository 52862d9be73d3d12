"""Changing one room by hand (the window's 考点考场 page): where it is and its seat grid.

The rules are the room import's (examdesk/services/imports/rooms.py): a locked room does not
change, and the seats of a room where candidates are seated do not change (their seat numbers
and tickets come from the grid); move them out first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.rooms import MAX_SIDE
from examdesk.i18n import translate
from examdesk.model import Room, SeatAssignment, TestCenter
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef

# The longest building or classroom name the database keeps.
MAX_NAME = 50


@dataclass(frozen=True)
class RoomChanges:
    """What :func:`edit_room` changed, so that a view refreshes only that.

    Attributes:
        rooms: the ids of the rooms changed.
        changed: the names of the fields that changed (empty: nothing to change).
    """

    rooms: frozenset[int]
    changed: tuple[str, ...] = ()


def edit_room(session: Session, actor: Actor, exam: ExamRef, room_id: int, *,
              rows: int, columns: int, building: str, floor: int | None,
              label: str) -> RoomChanges:
    """Change a room's seat grid and where it is.

    Args:
        session: the caller's session.
        actor: who changes the room, for the audit trail.
        exam: the exam.
        room_id: the room.
        rows, columns: the seat grid (unusable desks outside a smaller grid are dropped).
        building, floor, label: where the room is (building, floor, classroom).

    Returns:
        The room and the fields changed.

    Raises:
        BadInput: no such room (code ``no-room``); a value out of range (code
            ``room-value``, ``field`` names it); the room is locked (``room-locked``); its
            grid would change while candidates are seated in it (``room-seated``, with
            ``seated``).
    """
    room = session.execute(
        select(Room.id, Room.rows, Room.columns, Room.building, Room.floor, Room.label,
               Room.unusable_seats, Room.locked, Room.code)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(Room.id == room_id, TestCenter.exam_id == exam.id)).one_or_none()
    if room is None:
        raise BadInput(translate("Rooms", "No room has the ID {id} in this exam.").format(
            id=room_id), code="no-room", room_id=room_id)
    for field, value in (("rows", rows), ("columns", columns)):
        if not 1 <= value <= MAX_SIDE:
            raise BadInput(translate(
                "Rooms", "A room has 1 to {most} rows and columns of seats.").format(
                most=MAX_SIDE), code="room-value", field=field, value=value)
    if floor is not None and not -5 <= floor <= 200:
        raise BadInput(translate("Rooms", "The floor is a number from -5 to 200."),
                       code="room-value", field="floor", value=floor)
    building, label = building.strip(), label.strip()
    for field, text in (("building", building), ("label", label)):
        if len(text) > MAX_NAME:
            raise BadInput(translate("Rooms", "At most {most} characters.").format(
                most=MAX_NAME), code="room-value", field=field, value=text)
    new = {"rows": rows, "columns": columns, "building": building, "floor": floor,
           "label": label}
    old = {"rows": room.rows, "columns": room.columns, "building": room.building,
           "floor": room.floor, "label": room.label}
    changed = tuple(f for f in new if new[f] != old[f])
    if not changed:
        return RoomChanges(frozenset({room.id}))
    if room.locked:
        raise BadInput(translate(
            "Rooms", "This room is locked in the plan and cannot change; unlock it first."),
            code="room-locked", field=changed[0], room_id=room.id)
    grid = [f for f in changed if f in ("rows", "columns")]
    if grid:
        seated = session.scalar(select(func.count()).select_from(SeatAssignment)
                                .where(SeatAssignment.room_id == room.id)) or 0
        if seated:
            raise BadInput(translate(
                "Rooms", "{count} candidates are seated in this room; its seats cannot "
                         "change. Move them out first.").format(count=seated),
                code="room-seated", field=grid[0], seated=seated, room_id=room.id)
    unusable = [seat for seat in room.unusable_seats or []
                if seat[0] <= rows and seat[1] <= columns]
    session.execute(update(Room).where(Room.id == room.id)
                    .values(unusable_seats=unusable, **new))
    audit.record(session, actor, "room.edit", exam_id=exam.id, entity="room",
                 entity_id=room.id, summary=f"changed room {room.code}: {', '.join(changed)}",
                 details={f: [old[f], new[f]] for f in changed})
    return RoomChanges(frozenset({room.id}), changed)
