"""The data of the printed sheets, read from the demo exam: rooms, staff, draws, certificates."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from examdesk.enums import DutyKind, Gender, StaffRole
from examdesk.model import (
    Candidate,
    CandidatePhoto,
    Duty,
    ExamSession,
    Room,
    SeatAssignment,
    Staff,
    StaffRoleAssignment,
    TempIdCertificate,
    TestCenter,
    User,
)
from examdesk.services.duties import draw_center
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import room_sheets
from examdesk.services.printing_center import BLANK_FORMS, center_summaries, certificates
from examdesk.services.printing_staff import (
    DRAWN_ON_THE_MORNING,
    draw_results,
    duty_cards,
    duty_sheets,
    post_rosters,
)


@pytest.fixture
def fresh_demo(demo_copy):
    """A demo exam of this test's own, to change."""
    return demo_copy


def test_room_sheets_hold_seats_grid_sessions_and_no_invigilators_before_the_draw(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        rooms = room_sheets(session, exam, photos=False)
        (room,) = room_sheets(session, exam, center="01", room="01001")
    assert len(rooms) == 200 and sum(len(r.seats) for r in rooms) == 6000
    assert (room.center_code, room.room_code, room.location) == ("01", "01001", "教学楼A 1楼 101")
    assert (room.rows, room.columns, room.level) == (6, 5, "初级")
    # the demo numbers seats row by row from the front left, as seen from the podium
    assert [(s.seat_no, s.row, s.column) for s in room.seats[:6]] == [
        (1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 1, 4), (5, 1, 5), (6, 2, 1)]
    assert [(s.session.code, s.session.time, s.session.papers, s.session.report_time)
            for s in room.sessions] == [
        ("S2", "09:00-11:00", ("社会工作综合能力(初级)",), "08:00"),
        ("S3", "14:00-16:00", ("社会工作实务(初级)",), "13:00")]
    # the roster's teams are provisional until the morning draw: the envelope names nobody
    assert all(r.invigilators == () for room in rooms for r in room.sessions)
    # candidates retaking one subject sit only one of the two sessions
    sitting = [len(room.sitting(code)) for code in ("S2", "S3")]
    assert all(0 < n <= 30 for n in sitting) and sum(sitting) > 30
    assert all(s.sessions and len(s.id_number) == 18 for s in room.seats)


def test_photos_are_read_with_the_room(fresh_demo):
    with fresh_demo.begin() as session:
        exam = resolve_exam(session)
        candidate = session.scalar(select(SeatAssignment.candidate_id)
                                   .where(SeatAssignment.ticket_no == "12341010101"))
        session.add(CandidatePhoto(candidate_id=candidate, data=b"\xff\xd8jpeg"))
    with fresh_demo.begin() as session:
        (room,) = room_sheets(session, exam, center="01", room="01001")
        (bare,) = room_sheets(session, exam, center="01", room="01001", photos=False)
    assert room.seats[0].photo == b"\xff\xd8jpeg" and room.seats[1].photo is None
    assert bare.seats[0].photo is None


def test_duty_sheets_before_and_after_the_draw(fresh_demo, actor):
    with fresh_demo.begin() as session:
        exam = resolve_exam(session)
        before = duty_sheets(session, exam, center="01", session_code="S2")
        cards = duty_cards(session, exam, center="01")
        assert draw_results(session, exam) == ()
        chief = session.scalar(select(Staff.name).join(StaffRoleAssignment).join(
            TestCenter, TestCenter.id == Staff.home_center_id).where(
            TestCenter.code == "01", StaffRoleAssignment.role == StaffRole.CHIEF_EXAMINER))
        summary = draw_center(session, actor, exam, center="01", session_code="S2", seed=9)
    with fresh_demo.begin() as session:
        (after,) = duty_sheets(session, exam, center="01", session_code="S2")
        (drawn,) = draw_results(session, exam)
        cards_after = duty_cards(session, exam, center="01")
    (sheet,) = before
    assert sheet.center_name == "周口技师学院" and sheet.draw == ""
    assert len(sheet.rooms) == 40 and all(len(r.invigilators) == 2 for r in sheet.rooms)
    assert sheet.roving and sheet.inspectors
    assert summary.host == chief
    assert after.draw.startswith("抽签 ") and after.draw.endswith(f" 主持人：{chief}")
    assert (drawn.seed, drawn.host, len(drawn.rooms)) == (summary.seed, chief, 40)
    assert {r.room_code for r in drawn.rooms} == {r.room_code for r in sheet.rooms}
    # before the draw nobody's card shows a room; after it, S2's room duties do
    invigilator = next(c for c in cards if any(d.duty.startswith("监考") for d in c.duties))
    assert DRAWN_ON_THE_MORNING in invigilator.note
    assert all(d.place == "考前抽签确定" for c in cards for d in c.duties
               if d.duty.startswith("监考"))
    places = [d.place for c in cards_after for d in c.duties
              if d.duty.startswith("监考") and d.session.code == "S2"]
    assert places and all(p.startswith("第 01") and "考场" in p for p in places)


def test_room_sheets_name_the_drawn_team_of_drawn_sessions_only(fresh_demo, actor):
    with fresh_demo.begin() as session:
        exam = resolve_exam(session)
        draw_center(session, actor, exam, center="01", session_code="S2", seed=77)
    with fresh_demo.begin() as session:
        rooms = room_sheets(session, exam, center="01", photos=False)
        teams = {}
        for room, name in session.execute(
            select(Room.code, Staff.name).join(Duty, Duty.room_id == Room.id)
            .join(Staff, Staff.id == Duty.staff_id).join(ExamSession)
            .where(ExamSession.code == "S2", Duty.kind == DutyKind.ROOM)
            .order_by(Duty.is_lead.desc(), Staff.name)
        ):
            teams.setdefault(room, []).append(name)
        others = room_sheets(session, exam, center="02", photos=False)
    for room in rooms:
        (morning,) = [s for s in room.sessions if s.session.code == "S2"]
        assert [p.name for p in morning.invigilators] == teams[room.room_code]
        assert morning.lead_known
        assert all(s.invigilators == () for s in room.sessions if s.session.code != "S2")
    assert all(s.invigilators == () for room in others for s in room.sessions)


def test_post_rosters_with_people_and_supplies(demo_db):
    with demo_db.begin() as session:
        rosters = post_rosters(session, resolve_exam(session))
    assert [r.center_code for r in rosters] == ["01", "02", "03", "04", "05"]
    posts = rosters[0].posts
    assert {p.kind for p in posts} >= {"考生服务咨询台", "医疗急救点", "临时身份证明办理点"}
    desk = next(p for p in posts if p.kind == "考生服务咨询台")
    assert [s.session.code for s in desk.shifts] == ["S2", "S3"]
    assert all(len(s.people) == desk.headcount for s in desk.shifts)
    assert any(p.supplies for p in posts)
    assert all(i.quantity > 0 and i.unit for p in posts for i in p.supplies)


def test_certificates_blank_until_issued(fresh_demo):
    with fresh_demo.begin() as session:
        exam = resolve_exam(session)
        blank = certificates(session, exam, center="01")
        candidate = session.scalar(select(Candidate).join(SeatAssignment)
                                   .where(SeatAssignment.ticket_no == "12341010101"))
        user = User(username="police01", display_name="李警官")
        center = session.scalar(select(TestCenter).where(TestCenter.code == "01"))
        s2 = session.scalar(select(ExamSession).where(ExamSession.code == "S2"))
        session.add(user)
        session.flush()
        session.add(TempIdCertificate(
            exam_id=exam.id, serial_no="ZK-01-0001", candidate_id=candidate.id,
            center_id=center.id, name=candidate.name, gender=Gender.FEMALE,
            id_number=candidate.id_number, ticket_no="12341010101", officer_name="李警官",
            police_unit="周口市公安局川汇分局", issued_by_id=user.id, sessions=[s2]))
    with fresh_demo.begin() as session:
        issued = certificates(session, exam)
    assert len(blank) == BLANK_FORMS and all(c.serial_no == "" for c in blank)
    first = issued[0]
    assert (first.serial_no, first.ticket_no, first.room_code) == (
        "ZK-01-0001", "12341010101", "01001")
    assert [(s.code, s.papers) for s in first.sessions] == [("S2", ("社会工作综合能力(初级)",))]
    assert first.issued_at
    assert len(issued) == 1 + 4 * BLANK_FORMS  # the other centers get blank forms


def test_center_summaries_add_up(demo_db):
    with demo_db.begin() as session:
        summaries = center_summaries(session, resolve_exam(session))
    assert len(summaries) == 5
    assert sum(s.candidates for s in summaries) == 6000
    assert sum(s.rooms for s in summaries) == 200
    for s in summaries:
        assert sum(line.values[1] for line in s.levels) == s.candidates
        assert s.seats >= s.candidates
        for line in s.sessions:
            rooms, expected, invigilators = line.values[:3]
            assert expected <= s.candidates and invigilators == 2 * rooms
        assert s.posts and all(line.values[1] >= line.values[0] for line in s.posts)


def test_floors_read_as_floors(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        sheets = duty_sheets(session, exam, center="01")
        cards = duty_cards(session, exam, center="01")
    floors = {f.floor for sheet in sheets for f in sheet.roving}
    # "教学楼A 1楼", as a room's location names it: never "教学楼A 1"
    assert floors and all(re.fullmatch(r".+ (\d+楼|地下\d+层)", f) for f in floors), floors
    rooms = {line.location.rsplit(" ", 1)[0] for sheet in sheets for line in sheet.rooms}
    assert floors <= rooms
    roving = {d.place for c in cards for d in c.duties if d.duty == "流动监考"}
    assert roving and roving <= floors


def test_the_summary_keeps_the_phone_apart_from_the_contact(demo_db):
    with demo_db.begin() as session:
        summaries = center_summaries(session, resolve_exam(session))
        phones = dict(session.execute(select(TestCenter.code, TestCenter.phone)).all())
    # The demo's centers have a phone and no contact person: the phone was printed as one.
    for s in summaries:
        assert not re.search(r"\d", s.contact)
        assert s.phone == phones[s.center_code] != ""
