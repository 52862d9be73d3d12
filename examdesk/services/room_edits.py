"""Adding, changing and deleting rooms by hand (the window's 考点考场 page).

The rules are the room import's (examdesk/services/imports/rooms.py): a new room is checked
as one row of a room list by the import's validator (its number, building, floor, classroom
and seat grid, 1 to 50 rows and columns), and its number is unique in its test center; a
locked room does not change, and the seats of a room where candidates are seated do not
change (their seat numbers and tickets come from the grid: a grid cannot shrink below them,
nor move them); move them out first. A room is deleted only when nobody is seated in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.headers import SheetKind
from examdesk.exchange.rooms import MAX_SIDE, validate_rooms
from examdesk.i18n import translate
from examdesk.model import Duty, Room, SeatAssignment, TestCenter
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.form_checks import check_form, refuse

# The longest building or classroom name the database keeps.
MAX_NAME = 50


@dataclass(frozen=True)
class RoomChanges:
    """What a change to rooms changed, so that a view refreshes only that.

    Attributes:
        rooms: the ids of the rooms changed or added.
        changed: the names of the fields that changed (empty: nothing to change).
        removed: the ids of the rooms deleted.
        staff: the staff whose duties went with a deleted room.
    """

    rooms: frozenset[int]
    changed: tuple[str, ...] = ()
    removed: frozenset[int] = frozenset()
    staff: frozenset[int] = frozenset()


def edit_room(session: Session, actor: Actor, exam: ExamRef, room_id: int, *,
              rows: int, columns: int, building: str, floor: int | None,
              label: str, version: int | None = None) -> RoomChanges:
    """Change a room's seat grid and where it is.

    Args:
        session: the caller's session.
        actor: who changes the room, for the audit trail.
        exam: the exam.
        room_id: the room.
        rows, columns: the seat grid (unusable desks outside a smaller grid are dropped).
        building, floor, label: where the room is (building, floor, classroom).
        version: the room's version the form read (None: not compared).

    Returns:
        The room and the fields changed.

    Raises:
        BadInput: no such room (code ``no-room``); a value out of range (code
            ``room-value``, ``field`` names it); the room is locked (``room-locked``); its
            grid would change while candidates are seated in it (``room-seated``, with
            ``seated``).
        EditConflict: someone changed the room after the form read it
            (examdesk/services/versions.py).
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    room = session.execute(
        select(Room.id, Room.rows, Room.columns, Room.building, Room.floor, Room.label,
               Room.unusable_seats, Room.locked, Room.code)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(Room.id == room_id, TestCenter.exam_id == exam.id)).one_or_none()
    if room is None:
        raise _no_room(room_id)
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
    versions.check_version(
        session, Room, room.id, version, exam_id=exam.id, about=[("room", room.id)],
        what=translate("Rooms", "room {code}").format(code=room.code),
        current=versions.described([f"{room.rows}×{room.columns}", room.building,
                                    room.floor, room.label]))
    unusable = [seat for seat in room.unusable_seats or []
                if seat[0] <= rows and seat[1] <= columns]
    session.execute(update(Room).where(Room.id == room.id)
                    .values(unusable_seats=unusable, **new))
    audit.record(session, actor, "room.edit", exam_id=exam.id, entity="room",
                 entity_id=room.id,
                 summary=translate("Audit", "Changed room {room}: {fields}").format(
                     room=room.code, fields=", ".join(changed)),
                 details={f: [old[f], new[f]] for f in changed})
    return RoomChanges(frozenset({room.id}), changed)


# The room import's fields, as the room forms name them (and edit_room's arguments).
_FORM_FIELDS = {"room_no": "code", "seat_rows": "rows", "seat_columns": "columns",
                "classroom": "label", "building": "building", "floor": "floor",
                "capacity": "rows", "unusable": "rows", "center_name": "code",
                "center_code": "code"}


def _no_room(room_id: int) -> BadInput:
    return BadInput(translate("Rooms", "No room has the ID {id} in this exam.").format(
        id=room_id), code="no-room", room_id=room_id)


def new_room(session: Session, actor: Actor, exam: ExamRef, center_id: int, *, code: str,
             rows: int, columns: int, building: str = "", floor: int | None = None,
             label: str = "", accessible: bool = False, spare: bool = False) -> RoomChanges:
    """Add a room to a test center, as a room list's row would.

    Args:
        session: the caller's session.
        actor: who adds it, for the audit trail.
        exam: the exam.
        center_id: the test center.
        code: the room's number, unique in the center (full-width digits are read as
            digits, leading zeros kept).
        rows, columns: the seat grid.
        building, floor, label: where the room is (building, floor, classroom).
        accessible, spare: an accessible room (无障碍考场), a room held in reserve.

    Returns:
        The room added.

    Raises:
        BadInput: no such center (code ``no-center``); a value the import refuses (code
            ``room-value``) or a number the center already has (``room-duplicate``);
            ``field`` names the first field (code, rows, columns, building, floor, label),
            ``problems`` every field with its sentence. Nothing is written.
    """
    actor.require(Permission.EDIT_PLAN, exam.id, center_id)
    center = session.execute(select(TestCenter.id, TestCenter.code, TestCenter.name).where(
        TestCenter.id == center_id, TestCenter.exam_id == exam.id)).one_or_none()
    if center is None:
        raise BadInput(translate("Rooms", "No test center has the ID {id} in this exam.")
                       .format(id=center_id), code="no-center", center_id=center_id)
    try:
        record, _warnings = check_form(SheetKind.ROOMS, {
            "center_code": center.code, "center_name": center.name, "room_no": code,
            "building": building, "floor": "" if floor is None else floor,
            "classroom": label, "seat_rows": rows, "seat_columns": columns,
            "accessible": "是" if accessible else "否", "spare": "是" if spare else "否"},
            lambda raw, header: validate_rooms(raw, header), "room-value")
    except BadInput as error:
        problems: dict[str, str] = {}
        for field, text in dict(error.fields["problems"]).items():  # type: ignore[call-overload]
            problems.setdefault(_FORM_FIELDS.get(field, field), text)
        raise refuse(error.code, problems) from None
    holder = session.scalar(select(Room.id).where(Room.center_id == center.id,
                                                  Room.code == record.room_no))
    if holder is not None:
        raise refuse("room-duplicate", {"code": translate(
            "Rooms", "{center} already has a room {code}; give this one another number.")
            .format(center=center.name, code=record.room_no)}, room_id=holder)
    order = session.scalar(select(func.max(Room.sort_order)).join(TestCenter)
                           .where(TestCenter.exam_id == exam.id)) or 0
    values: dict[str, Any] = {
        "code": record.room_no, "building": record.building, "floor": record.floor,
        "label": record.label, "rows": record.rows, "columns": record.columns,
        "accessible": record.accessible, "spare": record.spare}
    room_id = session.scalar(insert(Room).returning(Room.id).values(
        center_id=center.id, unusable_seats=[], locked=False, sort_order=order + 1, **values))
    assert room_id is not None
    audit.record(session, actor, "room.add", exam_id=exam.id, entity="room",
                 entity_id=room_id,
                 summary=translate("Audit", "Added room {room} to {center}").format(
                     room=record.room_no, center=center.name),
                 details={"after": {"center": center.name, **values}})
    return RoomChanges(frozenset({room_id}), tuple(values))


def delete_room(session: Session, actor: Actor, exam: ExamRef, room_id: int, *,
                version: int | None = None) -> RoomChanges:
    """Delete a room nobody is seated in; the roster's duties in it go with it.

    ``version``: the room's version the window read (None: not compared).

    Raises:
        BadInput: no such room (code ``no-room``); candidates are seated in it
            (``room-seated``, with ``seated``: move them out first); it is locked
            (``room-locked``). Nothing is written.
        EditConflict: someone changed the room after the window read it.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    room = session.execute(
        select(Room.id, Room.code, Room.building, Room.floor, Room.label, Room.rows,
               Room.columns, Room.unusable_seats, Room.locked, TestCenter.name.label("center"))
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(Room.id == room_id, TestCenter.exam_id == exam.id)).one_or_none()
    if room is None:
        raise _no_room(room_id)
    versions.check_version(
        session, Room, room.id, version, exam_id=exam.id, about=[("room", room.id)],
        what=translate("Rooms", "room {code}").format(code=room.code),
        current=versions.described([f"{room.rows}×{room.columns}", room.building,
                                    room.floor, room.label]))
    seated = session.scalar(select(func.count()).select_from(SeatAssignment)
                            .where(SeatAssignment.room_id == room.id)) or 0
    if seated:
        raise BadInput(translate(
            "Rooms", "{count} candidates are seated in room {code}; a room is deleted only "
                     "when it is empty. Move them out first.").format(count=seated,
                                                                        code=room.code),
            code="room-seated", seated=seated, room_id=room.id)
    if room.locked:
        raise BadInput(translate(
            "Rooms", "This room is locked in the plan and cannot change; unlock it first."),
            code="room-locked", room_id=room.id)
    staff = frozenset(session.scalars(select(Duty.staff_id).where(Duty.room_id == room.id)))
    duties = session.scalar(select(func.count()).select_from(Duty)
                            .where(Duty.room_id == room.id)) or 0
    session.execute(delete(Duty).where(Duty.room_id == room.id))
    session.execute(delete(Room).where(Room.id == room.id))
    audit.record(session, actor, "room.delete", exam_id=exam.id, entity="room",
                 entity_id=room.id,
                 summary=translate("Audit", "Deleted room {room} of {center}").format(
                     room=room.code, center=room.center),
                 details={"before": {
                     "center": room.center, "code": room.code, "building": room.building,
                     "floor": room.floor, "label": room.label, "rows": room.rows,
                     "columns": room.columns, "unusable_seats": room.unusable_seats},
                     "duties": duties})
    return RoomChanges(frozenset(), (), frozenset({room.id}), staff)
