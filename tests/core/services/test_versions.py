"""Two clerks change the same row: the second save is refused, names who changed it and when,
shows the row as it is now and writes nothing; saving again with the new version replaces it
deliberately. Two Database objects on one database stand for two clerks' programs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update

from examdesk.db import Database, open_database
from examdesk.enums import PostKind
from examdesk.errors import EditConflict
from examdesk.model import Candidate, Duty, Post, Room, SeatAssignment, Staff
from examdesk.planning.post_templates import PostChange
from examdesk.services import seating
from examdesk.services.audit import Actor
from examdesk.services.candidate_edits import edit_candidate
from examdesk.services.duties import lock_duty, replace_on_duty, replacement_choices
from examdesk.services.exams import resolve_exam
from examdesk.services.posts import edit_post
from examdesk.services.room_edits import delete_room, edit_room
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.staff import staff_rows
from examdesk.services.seat_changes import move_candidate, withdraw_candidate
from examdesk.services.staff_edits import delete_staff, edit_staff
from examdesk.services.versions import current_version

ZHANG = Actor("张老师")
LI = Actor("李老师")


@pytest.fixture
def other(demo_copy_url: str, demo_copy: Database) -> Iterator[Database]:
    """The second clerk's program, on the same database as ``demo_copy``."""
    database = open_database(demo_copy_url)
    yield database
    database.close()


def version_of(db: Database, model, row_id: int) -> int:
    with db.begin() as session:
        version = current_version(session, model, row_id)
    assert version is not None
    return version


def refused(error: EditConflict, actor: Actor) -> None:
    assert error.code == "edit-conflict" and error.exit_status == 2
    assert error.fields["actor"] == actor.username
    assert error.fields["at"] is not None
    assert str(error).startswith(f"{actor.username} changed ")
    assert "nothing was saved" in str(error)


def test_a_candidate_changed_by_another_clerk_is_not_overwritten(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        row = next(r for r in candidate_rows(session, exam) if r.seated)
    read = version_of(demo_copy, Candidate, row.candidate_id)
    values = {"name": row.name, "level": row.level, "subjects": row.papers_text,
              "work_unit": row.work_unit}
    with other.write("edit") as session:  # 张老师 saves first
        edit_candidate(session, ZHANG, exam, row.candidate_id, **values, phone="13900000001",
                       version=read)
    with demo_copy.write("edit") as session, pytest.raises(EditConflict) as conflict:
        edit_candidate(session, LI, exam, row.candidate_id, **values, phone="13900000002",
                       version=read)
    refused(conflict.value, ZHANG)
    assert "13900000001" in str(conflict.value)  # the value now
    with demo_copy.begin() as session:
        assert session.get(Candidate, row.candidate_id).phone == "13900000001"
    # 李老师 saves again over it, deliberately
    with demo_copy.write("edit") as session:
        edit_candidate(session, LI, exam, row.candidate_id, **values, phone="13900000002",
                       version=int(conflict.value.fields["version"]))
    with other.begin() as session:
        assert session.get(Candidate, row.candidate_id).phone == "13900000002"


def test_a_room_and_a_person_too(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        room = next(r for r in room_rows(session, exam) if not r.locked)
        person = staff_rows(session, exam)[0]
    room_read = version_of(demo_copy, Room, room.room_id)
    staff_read = version_of(demo_copy, Staff, person.staff_id)
    where = {"rows": room.rows, "columns": room.columns, "building": room.building,
             "floor": room.floor}
    with other.write("edit") as session:
        edit_room(session, ZHANG, exam, room.room_id, **where, label="阶梯一",
                  version=room_read)
    with demo_copy.write("edit") as session, pytest.raises(EditConflict) as conflict:
        edit_room(session, LI, exam, room.room_id, **where, label="阶梯二",
                  version=room_read)
    refused(conflict.value, ZHANG)
    assert "阶梯一" in str(conflict.value)
    who = {"name": person.name, "roles": person.roles_text, "gender": person.gender_label,
           "work_unit": person.work_unit, "center": person.home_center}
    with other.write("edit") as session:
        edit_staff(session, ZHANG, exam, person.staff_id, **who, phone="13700000001",
                   version=staff_read)
    with demo_copy.write("edit") as session, pytest.raises(EditConflict) as conflict:
        edit_staff(session, LI, exam, person.staff_id, **who, phone="13700000002",
                   version=staff_read)
    refused(conflict.value, ZHANG)
    with demo_copy.begin() as session:
        assert session.get(Room, room.room_id).label == "阶梯一"
        assert session.get(Staff, person.staff_id).phone == "13700000001"


def test_a_seat_moved_by_another_clerk_is_not_withdrawn_blindly(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        seat = session.scalars(select(SeatAssignment).order_by(SeatAssignment.candidate_id)
                               ).first()
        candidate, room = seat.candidate_id, seat.room_id
    read = {candidate: version_of(demo_copy, Candidate, candidate)}
    with other.write("seat move") as session:
        moved = move_candidate(session, ZHANG, exam, candidate, room, read=read)
    with demo_copy.write("seat withdraw") as session, pytest.raises(EditConflict) as conflict:
        withdraw_candidate(session, LI, exam, candidate, read=read)
    refused(conflict.value, ZHANG)
    assert moved.seats[0].ticket_no in str(conflict.value)
    with demo_copy.begin() as session:  # still seated where 张老师 put them
        assert session.get(SeatAssignment, candidate) is not None


def test_a_duty_and_a_post_too(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        duty = session.scalars(select(Duty).where(Duty.room_id.is_not(None))
                               .order_by(Duty.id)).first()
        staff = session.get(Staff, duty.staff_id)
        code = duty.session_id and session.execute(text(
            "SELECT code FROM exam_sessions WHERE id = :id"), {"id": duty.session_id}
        ).scalar_one()
        options = replacement_choices(session, exam, staff.id_number, code)
        post = session.scalars(select(Post).order_by(Post.id)).first()
        center = post.center.code
        kind, name = post.kind, post.name
    by = next(number for option, number in options if option.reason is None)
    duty_read = version_of(demo_copy, Duty, duty.id)
    with other.write("duty lock") as session:
        lock_duty(session, ZHANG, exam, staff.id_number, code, version=duty_read)
    with demo_copy.write("duty replace") as session, pytest.raises(EditConflict) as conflict:
        replace_on_duty(session, LI, exam, staff.id_number, code, by, version=duty_read)
    refused(conflict.value, ZHANG)
    with demo_copy.begin() as session:
        assert session.get(Duty, duty.id).staff_id == staff.id
    post_read = version_of(demo_copy, Post, post.id)
    with other.write("posts edit") as session:
        edit_post(session, ZHANG, exam, center, PostKind(kind), name,
                  PostChange(place="东门口"), version=post_read)
    with demo_copy.write("posts edit") as session, pytest.raises(EditConflict) as conflict:
        edit_post(session, LI, exam, center, PostKind(kind), name,
                  PostChange(place="西门口"), version=post_read)
    refused(conflict.value, ZHANG)
    assert "东门口" in str(conflict.value)


def test_every_writer_moves_the_versions(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        seated = session.scalars(select(SeatAssignment.candidate_id)
                                 .order_by(SeatAssignment.candidate_id).limit(3)).all()
        room_id = session.scalars(select(Room.id).order_by(Room.id)).first()
    before = {c: version_of(demo_copy, Candidate, c) for c in seated}
    room_before = version_of(demo_copy, Room, room_id)
    # an allocation (a bulk run) moves the versions of the candidates it seats
    with other.write("allocate") as session:
        seating.allocate_exam(session, ZHANG, exam, seed=7)
    assert all(version_of(demo_copy, Candidate, c) > before[c] for c in seated)
    # so a form opened before it is refused after it, naming the run's clerk
    row = seated[0]
    with demo_copy.begin() as session:
        stored = session.get(Candidate, row)
        level = stored.level.name
    with demo_copy.write("edit") as session, pytest.raises(EditConflict) as conflict:
        edit_candidate(session, LI, exam, row, name=stored.name + "x", level=level,
                       version=before[row])
    refused(conflict.value, ZHANG)
    # any UPDATE, even one no service wrote
    with demo_copy.write("sql") as session:
        session.execute(update(Room).where(Room.id == room_id).values(label="x"))
    assert version_of(demo_copy, Room, room_id) == room_before + 1


def test_a_command_without_a_version_is_not_compared(demo_copy) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        room = next(r for r in room_rows(session, exam) if not r.locked)
    for label in ("一", "二"):
        with demo_copy.write("edit") as session:
            edit_room(session, LI, exam, room.room_id, rows=room.rows, columns=room.columns,
                      building=room.building, floor=room.floor, label=label)


def test_a_row_changed_meanwhile_is_not_deleted(demo_copy, other) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        room = next(r for r in room_rows(session, exam) if not r.locked and not r.seated)
        person = next(p for p in staff_rows(session, exam) if not p.duties)
    room_read = version_of(demo_copy, Room, room.room_id)
    staff_read = version_of(demo_copy, Staff, person.staff_id)
    with other.write("edit") as session:
        edit_room(session, ZHANG, exam, room.room_id, rows=room.rows, columns=room.columns,
                  building=room.building, floor=room.floor, label="新楼 101")
        session.execute(update(Staff).where(Staff.id == person.staff_id).values(phone="1"))
    with demo_copy.write("delete") as session, pytest.raises(EditConflict) as conflict:
        delete_room(session, LI, exam, room.room_id, version=room_read)
    refused(conflict.value, ZHANG)
    with demo_copy.write("delete") as session, pytest.raises(EditConflict):
        delete_staff(session, LI, exam, person.staff_id, version=staff_read)
    with demo_copy.begin() as session:
        assert session.get(Room, room.room_id).label == "新楼 101"
        assert session.get(Staff, person.staff_id) is not None
    with demo_copy.write("delete") as session:  # deliberately, with the version now
        delete_room(session, LI, exam, room.room_id,
                    version=version_of(other, Room, room.room_id))


def test_the_rows_read_carry_the_versions_the_services_compare(demo_db) -> None:
    from examdesk.services.rows.duties import duty_rows
    from examdesk.services.rows.seating import seat_rows

    with demo_db.begin() as session:
        exam = resolve_exam(session)
        seat = seat_rows(session, exam)[0]
        duty = duty_rows(session, exam)[0]
        candidate = next(r for r in candidate_rows(session, exam)
                         if r.candidate_id == seat.candidate_id)
        assert seat.version == candidate.version == current_version(
            session, Candidate, seat.candidate_id)
        assert duty.version == current_version(session, Duty, duty.duty_id)
        room = room_rows(session, exam)[0]
        assert room.version == current_version(session, Room, room.room_id)
        person = staff_rows(session, exam)[0]
        assert person.version == current_version(session, Staff, person.staff_id)


def test_a_posts_supplies_alone_move_its_version(demo_copy) -> None:
    from examdesk.planning.post_templates import SupplyAmount

    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        post = session.scalars(select(Post).order_by(Post.id)).first()
        center, kind, name = post.center.code, PostKind(post.kind), post.name
    before = version_of(demo_copy, Post, post.id)
    with demo_copy.write("posts edit") as session:
        edit_post(session, LI, exam, center, kind, name,
                  PostChange(supplies=(SupplyAmount("对讲机", 3, "部"),)), version=before)
    assert version_of(demo_copy, Post, post.id) == before + 1


def test_a_duty_written_anew_by_a_roster_never_has_the_version_read_before(
        demo_copy, backend) -> None:
    from examdesk.services import roster

    def duties(db: Database) -> dict[int, tuple]:
        with db.begin() as session:
            return {row.id: (row.version, row.staff_id, row.session_id, row.room_id,
                             row.post_id, row.floor, row.is_lead)
                    for row in session.scalars(select(Duty))}

    with demo_copy.write("roster") as session:
        roster.roster_exam(session, ZHANG, resolve_exam(session), seed=3)
    before = duties(demo_copy)
    with demo_copy.write("roster") as session:
        roster.roster_exam(session, ZHANG, resolve_exam(session), seed=11)
    after = duties(demo_copy)
    # an id given again (SQLite gives the deleted ids to the next rows) to another duty
    # never carries the version read before
    again = [i for i in before.keys() & after.keys() if before[i][1:] != after[i][1:]]
    assert all(after[i][0] != before[i][0] for i in again)
    assert again or backend == "postgresql"  # (PostgreSQL's sequence moves on)


@pytest.mark.parametrize("table, key", [
    ("candidates", "id"), ("seat_assignments", "candidate_id"), ("rooms", "id"),
    ("staff", "id"), ("duties", "id"), ("posts", "id")])
def test_every_update_of_an_edited_table_moves_the_rows_version(demo_copy, table, key) -> None:
    # a later migration that rebuilds one of these tables on SQLite must create its
    # trigger again (examdesk/db/migrations/versions/0009_row_versions.py)
    with demo_copy.write("sql") as session:
        first, version = session.execute(text(
            f"SELECT {key}, version FROM {table} ORDER BY {key} LIMIT 1")).one()
        session.execute(text(f"UPDATE {table} SET {key} = {key} WHERE {key} = :k"),
                        {"k": first})
        assert session.execute(text(f"SELECT version FROM {table} WHERE {key} = :k"),
                               {"k": first}).scalar_one() == version + 1
