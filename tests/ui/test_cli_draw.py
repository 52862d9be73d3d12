"""`examdesk draw`: the host it records and prints."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from examdesk.db import open_database
from examdesk.enums import StaffRole
from examdesk.model import (
    AuditEvent,
    RoomDraw,
    Staff,
    StaffRoleAssignment,
    TestCenter,
)
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
