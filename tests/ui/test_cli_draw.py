"""`examdesk draw`: the host it records and prints, and the envelope sheets, which name the
invigilators of a room only once its center has drawn that session."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, func, select

from examdesk.db import open_database
from examdesk.enums import DutyKind, StaffRole
from examdesk.model import (
    AuditEvent,
    Duty,
    ExamSession,
    Room,
    RoomDraw,
    Staff,
    StaffRoleAssignment,
    TestCenter,
)
from examdesk.services.exams import resolve_exam
from examdesk.services.roster import roster_exam
from tests.reports.pdftools import text
from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def query(url, statement):
    database = open_database(url)
    try:
        with database.begin() as session:
            return session.execute(statement).all()
    finally:
        database.close()


def chief_of(url, center):
    ((name,),) = query(url, select(Staff.name).join(StaffRoleAssignment)
                       .join(TestCenter, TestCenter.id == Staff.home_center_id)
                       .where(TestCenter.code == center,
                              StaffRoleAssignment.role == StaffRole.CHIEF_EXAMINER))
    return name


def invigilators(url, room, session_code):
    """The room's invigilators in a session, the lead first."""
    return [name for name, _lead in query(url, select(Staff.name, Duty.is_lead)
            .join(Duty, Duty.staff_id == Staff.id).join(Room, Room.id == Duty.room_id)
            .join(ExamSession, ExamSession.id == Duty.session_id)
            .where(Room.code == room, ExamSession.code == session_code,
                   Duty.kind == DutyKind.ROOM)
            .order_by(Duty.is_lead.desc(), Staff.name))]


def center_invigilators(url, center):
    return {name for (name,) in query(url, select(Staff.name).distinct()
            .join(Duty, Duty.staff_id == Staff.id).join(TestCenter)
            .where(TestCenter.code == center, Duty.kind == DutyKind.ROOM))}


def printed(capsys, url, out, sheet, *options):
    status, said, err = examdesk(capsys, "--db", url, "print", sheet, "--out", out, *options)
    assert status == 0, err
    (pdf,) = out.glob(f"*-{options[options.index('--center') + 1]}-*.pdf")
    return text(pdf), said


def test_the_draw_is_held_by_the_centers_chief_examiner(capsys, demo_copy_url, tmp_path):
    url = demo_copy_url
    chief = chief_of(url, "01")
    status, out, _ = examdesk(capsys, "--db", url, "draw", "--center", "01", "--session",
                              "S2", "--seed", "77")
    assert status == 0 and f"held by {chief}" in out
    assert query(url, select(RoomDraw.host, RoomDraw.actor)) == [(chief, "tester")]
    for sheet in ("draw", "duty"):
        sheet_text, _ = printed(capsys, url, tmp_path / sheet, sheet, "--center", "01",
                                "--session", "S2")
        assert f"主持人：{chief}" in sheet_text
        assert "tester" not in sheet_text  # the login stays in the audit trail
    (details,) = query(url, select(AuditEvent.actor, AuditEvent.details)
                       .where(AuditEvent.action == "duties.draw"))
    assert details[0] == "tester" and details[1]["host"] == chief


def test_the_host_named_is_recorded_and_printed(capsys, demo_copy_url, tmp_path):
    url = demo_copy_url
    status, out, _ = examdesk(capsys, "--db", url, "draw", "--center", "02", "--session",
                              "S2", "--host", " 王建国 ")
    assert status == 0 and "held by 王建国" in out
    assert query(url, select(RoomDraw.host)) == [("王建国",)]
    sheet_text, _ = printed(capsys, url, tmp_path, "draw", "--center", "02")
    assert "主持人：王建国" in sheet_text and "tester" not in sheet_text


def test_a_center_without_a_chief_examiner_asks_for_the_host(capsys, demo_copy_url):
    url = demo_copy_url
    database = open_database(url)
    with database.begin() as session:
        session.execute(delete(StaffRoleAssignment).where(
            StaffRoleAssignment.role == StaffRole.CHIEF_EXAMINER,
            StaffRoleAssignment.staff_id.in_(
                select(Staff.id).join(TestCenter, TestCenter.id == Staff.home_center_id)
                .where(TestCenter.code == "05"))))
    database.close()
    status, out, err = examdesk(capsys, "--db", url, "draw", "--center", "05", "--session", "S2")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "Test center 05 has no chief examiner (主考) on the roster" in err
    assert "--host NAME" in err
    assert query(url, select(func.count(RoomDraw.id))) == [(0,)]
    status, _, err = examdesk(capsys, "--db", url, "draw", "--center", "05", "--session", "S2",
                              "--host", "  ")
    assert status == 2 and "Write the name of who holds the draw" in err
    assert examdesk(capsys, "--db", url, "draw", "--center", "05", "--session", "S2",
                    "--host", "赵副主考")[0] == 0


def test_a_draw_in_a_session_the_center_does_not_hold_names_its_sessions(capsys, demo_url):
    # 02 seats only 初级 candidates, who sit nothing in S1 (中级 法规与政策): rostering
    # again, as the refusal used to advise, could never help
    status, out, err = examdesk(capsys, "--db", demo_url, "draw", "--center", "02",
                                "--session", "S1")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "Test center 02 holds no paper in session S1" in err and "S2, S3" in err
    assert "examdesk roster" not in err
    assert query(demo_url, select(func.count(RoomDraw.id))) == [(0,)]


def test_a_new_roster_forgets_the_draws_it_replaces(capsys, demo_copy_url, actor):
    url = demo_copy_url
    for center in ("01", "02", "03"):
        assert examdesk(capsys, "--db", url, "draw", "--center", center, "--session", "S2")[
            0] == 0
    database = open_database(url)
    with database.begin() as session:
        roster_exam(session, actor, resolve_exam(session), center="01", seed=4)
    database.close()
    assert query(url, select(TestCenter.code).join(RoomDraw).order_by(TestCenter.code)) == [
        ("02",), ("03",)]
    status, out, _ = examdesk(capsys, "--db", url, "roster", "--seed", "4")
    assert status == 0
    assert query(url, select(func.count(RoomDraw.id))) == [(0,)]
    # and says so: the names vanish from the sheets until the centers draw again
    assert ("The 2 recorded draws of the centers rostered again are forgotten: their teams "
            "are new, and the sheets name no invigilator until each center draws again "
            "('examdesk draw').") in out.splitlines()
    status, out, _ = examdesk(capsys, "--db", url, "roster", "--seed", "4")
    assert status == 0 and "forgotten" not in out


@pytest.mark.slow
def test_envelope_sheets_name_the_invigilators_only_after_the_draw(capsys, demo_copy_url,
                                                                   tmp_path):
    url = demo_copy_url
    provisional = invigilators(url, "01001", "S2")
    everyone = center_invigilators(url, "01")
    assert len(provisional) == 2
    # the room's whole envelope, printed days before the exam
    pack, _ = printed(capsys, url, tmp_path / "pack", "pack", "--center", "01", "--room",
                      "01001")
    assert "考场情况记录单" in pack and "考生签到表" in pack and "座位表" in pack
    assert not any(name in pack for name in everyone)
    assert pack.count("考场负责人：") == 2  # both sessions' records: lines to sign on
    # every room's record is printed (and cached) before the draw
    for center in ("01", "02"):
        _, said = printed(capsys, url, tmp_path / f"before-{center}", "record", "--center",
                          center, "--session", "S2")
        assert "(40 of 40 parts drawn" in said
    assert examdesk(capsys, "--db", url, "draw", "--center", "01", "--session", "S2",
                    "--seed", "77")[0] == 0
    drawn = invigilators(url, "01001", "S2")
    assert drawn != provisional  # this room drew another team (seed 77)
    record, said = printed(capsys, url, tmp_path / "r2", "record", "--center", "01",
                           "--session", "S2", "--room", "01001")
    assert "(1 of 1 parts drawn" in said
    lead, second = drawn
    assert re.search(rf"监考员\s+{lead}\*\s+{second}", record)
    assert not any(name in record for name in set(provisional) - set(drawn))
    # a reprint redraws every room of the drawn center, and no room of another
    _, said = printed(capsys, url, tmp_path / "after-01", "record", "--center", "01",
                      "--session", "S2")
    assert "(39 of 40 parts drawn" in said  # 01001 was drawn just above
    _, said = printed(capsys, url, tmp_path / "after-02", "record", "--center", "02",
                      "--session", "S2")
    assert "(0 of 40 parts drawn" in said
    # the afternoon session is not drawn yet: its record still names nobody
    pack, _ = printed(capsys, url, tmp_path / "pack2", "pack", "--center", "01", "--room",
                      "01001")
    afternoon = pack[pack.rindex("考场情况记录单"):]
    assert "14:00-16:00" in afternoon and "考场负责人：" in afternoon
    assert not any(name in afternoon for name in everyone)
