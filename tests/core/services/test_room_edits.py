"""Changing a room by hand: the import's rules (a locked room and the seats of an occupied room
stay), only the named room written, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.errors import BadInput
from examdesk.model import AuditEvent, Room
from examdesk.services.exams import resolve_exam
from examdesk.services.room_edits import delete_room, edit_room, new_room
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


def audit_of(db, room_id: int) -> list[tuple[str, dict]]:
    with db.begin() as session:
        return [(e.action, e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "room",
                                     AuditEvent.entity_id == str(room_id))
            .order_by(AuditEvent.id))]


def counts(db) -> tuple[int, int]:
    with db.begin() as session:
        return (session.scalar(select(func.count()).select_from(Room)) or 0,
                session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_a_room_is_added_to_its_center_as_an_import_row_would_be(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    center = before[0]
    with demo_copy.write("add") as session:
        changes = new_room(session, actor, exam, center.center_id, code="０９９", rows=6,
                           columns=5, building="实验楼", floor=2, label="201")
    (added,) = changes.rooms
    _exam, after = rooms(demo_copy)
    row = next(r for r in after if r.room_id == added)
    assert (row.center_id, row.code, row.capacity, row.seated, row.location, row.label) == (
        center.center_id, "099", 30, 0, row.location, "201")
    assert len(after) == len(before) + 1
    ((action, details),) = audit_of(demo_copy, added)
    assert action == "room.add" and details["after"]["rows"] == 6


@pytest.mark.parametrize(("values", "fields"), [
    ({"code": " "}, {"code"}),
    ({"rows": 0}, {"rows"}),
    ({"columns": 51}, {"columns"}),
    ({"label": "教" * 51}, {"label"}),
    ({"code": "", "rows": 51}, {"code", "rows"}),
])
def test_each_bad_value_of_a_new_room_is_refused_at_its_field(
        demo_copy, actor, values, fields) -> None:
    exam, before = rooms(demo_copy)
    written = counts(demo_copy)
    typed = {"code": "099", "rows": 6, "columns": 5, **values}
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_room(session, actor, exam, before[0].center_id, **typed)
    assert refused.value.code == "room-value"
    assert set(refused.value.fields["problems"]) == fields
    assert counts(demo_copy) == written


def test_a_room_number_is_unique_in_its_center_only(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    first = before[0]
    other = next(r for r in before if r.center_id != first.center_id
                 and r.code not in {x.code for x in before if x.center_id == first.center_id})
    written = counts(demo_copy)
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_room(session, actor, exam, first.center_id, code=first.code, rows=5, columns=5)
    assert (refused.value.code, refused.value.fields["field"]) == ("room-duplicate", "code")
    assert counts(demo_copy) == written
    with demo_copy.write("add") as session:
        new_room(session, actor, exam, first.center_id, code=other.code, rows=5, columns=5)


def test_an_empty_room_is_deleted_with_its_duties_an_occupied_one_is_not(
        demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    full = next(r for r in before if r.seated and not r.locked)
    written = counts(demo_copy)
    with demo_copy.write("delete") as session, pytest.raises(BadInput) as refused:
        delete_room(session, actor, exam, full.room_id)
    assert refused.value.code == "room-seated"
    assert refused.value.fields["seated"] == full.seated
    assert counts(demo_copy) == written
    empty = next(r for r in before if r.seated == 0 and not r.locked)
    with demo_copy.write("delete") as session:
        changes = delete_room(session, actor, exam, empty.room_id)
    assert changes.removed == {empty.room_id} and not changes.rooms
    _exam, after = rooms(demo_copy)
    assert [r.room_id for r in after] == [r.room_id for r in before if r is not empty]
    action, details = audit_of(demo_copy, empty.room_id)[-1]
    assert action == "room.delete" and details["before"]["code"] == empty.code


def test_a_grid_never_shrinks_below_the_seated(demo_copy, actor) -> None:
    exam, before = rooms(demo_copy)
    full = next(r for r in before if r.seated > 1 and not r.locked)
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_room(session, actor, exam, full.room_id, **{**values(full), "rows": 1,
                                                          "columns": 1})
    assert refused.value.code == "room-seated"
