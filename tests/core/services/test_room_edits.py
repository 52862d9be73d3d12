"""Changing a room by hand: the import's rules (a locked room and the seats of an occupied room
stay), only the named room written, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from examdesk.errors import BadInput
from examdesk.model import AuditEvent, Room
from examdesk.services.exams import resolve_exam
from examdesk.services.room_edits import edit_room
from examdesk.services.rows.rooms import room_rows


def rooms(db):
    with db.begin() as session:
        exam = resolve_exam(session)
        return exam, room_rows(session, exam)


def values(room) -> dict:
    return {"rows": room.rows, "columns": room.columns, "building": room.building,
            "floor": room.floor, "label": room.label}


def test_an_empty_rooms_grid_and_place_change_and_only_that_room(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    empty = next(r for r in before if r.seated == 0 and not r.locked)
    with demo_copy.write("edit") as session:
        changes = edit_room(session, actor, exam, empty.room_id,
                            **{**values(empty), "rows": 4, "label": " 阶梯教室 "})
    assert changes.rooms == {empty.room_id}
    assert set(changes.changed) == {"rows", "label"}
    _exam, after = rooms(demo_copy)
    changed = {r.room_id: r for r in after}
    assert changed[empty.room_id].capacity == 4 * empty.columns - sum(
        1 for seat in empty.unusable if seat[0] <= 4)
    assert changed[empty.room_id].label == "阶梯教室"
    assert [r for r in after if r.room_id != empty.room_id] == \
        [r for r in before if r.room_id != empty.room_id]
    with demo_copy.begin() as session:
        assert session.scalar(select(AuditEvent.action).where(
            AuditEvent.entity_id == str(empty.room_id))) == "room.edit"


def test_the_seats_of_an_occupied_room_stay_but_its_place_may_change(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    full = next(r for r in before if r.seated and not r.locked)
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_room(session, actor, exam, full.room_id, **{**values(full), "columns": 4})
    assert refused.value.code == "room-seated"
    assert refused.value.fields["field"] == "columns"
    assert refused.value.fields["seated"] == full.seated
    with demo_copy.write("edit") as session:
        edit_room(session, actor, exam, full.room_id, **{**values(full), "floor": 9})
    _exam, after = rooms(demo_copy)
    assert next(r for r in after if r.room_id == full.room_id).floor == 9


@pytest.mark.parametrize(("field", "value"), [
    ("rows", 0), ("columns", 51), ("floor", 999), ("label", "教" * 51)])
def test_values_out_of_range_are_refused_naming_their_field(
        demo_copy, actor, field, value) -> None:
    exam, before = rooms(demo_copy)
    room = next(r for r in before if r.seated == 0)
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_room(session, actor, exam, room.room_id, **{**values(room), field: value})
    assert (refused.value.code, refused.value.fields["field"]) == ("room-value", field)


def test_a_locked_room_does_not_change(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    room = before[0]
    with demo_copy.write("lock") as session:
        session.get(Room, room.room_id).locked = True
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_room(session, actor, exam, room.room_id, **{**values(room), "label": "新"})
    assert refused.value.code == "room-locked"


def test_an_unknown_room_is_named(demo_copy, actor) -> None:
    exam, _before = rooms(demo_copy)
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_room(session, actor, exam, 10**9, rows=1, columns=1, building="", floor=None,
                  label="")
    assert refused.value.code == "no-room"
