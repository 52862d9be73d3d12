"""`examdesk violation ...`, `incident ...` and `export incidents` (issue 14): a contract for
scripts, as a desk clerk types it."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.model import Duty, ExamSession, Room, SeatAssignment, TestCenter
from examdesk.services import violations
from tests.ui.test_cli_users import terminal_chinese  # noqa: F401 (a fixture)
from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def _ticket(url: str) -> str:
    """A ticket of center 01 in a room invigilated in session S2."""
    database = open_database(url)
    with database.begin() as session:
        ticket = session.scalar(
            select(SeatAssignment.ticket_no).join(Room).join(TestCenter)
            .join(Duty, Duty.room_id == Room.id)
            .join(ExamSession, ExamSession.id == Duty.session_id)
            .where(TestCenter.code == "01", ExamSession.code == "S2")
            .order_by(SeatAssignment.ticket_no).limit(1))
    database.close()
    return ticket


def test_the_acts_are_listed_with_their_article_and_consequence(capsys, demo_db) -> None:
    status, out, _ = examdesk(capsys, "--db", demo_db.url, "violation", "acts")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 23
    assert lines[0].split("\t")[:2] == ["6.1", "人社部令第31号第六条第（一）项"]
    assert lines[0].endswith("\t当次该科目考试成绩无效")
    assert lines[17].startswith("8.2\t人社部令第31号第八条第（二）项\t代替他人")


@pytest.mark.usefixtures("terminal_chinese")
def test_a_violation_an_incident_and_the_export(capsys, demo_copy, tmp_path) -> None:
    url = str(demo_copy.url)
    ticket = _ticket(url)
    status, out, err = examdesk(capsys, "--db", url, "violation", "add", ticket,
                                "--session", "S2", "--act", "7.5", "--text", "考试中使用手机")
    assert status == 0, err
    assert out.splitlines()[1] == ("人社部令第31号第七条第（五）项：使用禁止带入考场的通讯工具、"
                                   "规定以外的电子用品的")
    assert "记录期限五年" in out.splitlines()[2]

    status, out, err = examdesk(capsys, "--db", url, "violation", "add", ticket, "--session",
                                "S2", "--act", "5.1", "--text", "x")
    assert (status, out) == (2, "")
    assert err.startswith("examdesk: 规定中没有行为 5.1；行为代码有 6.1, 6.2")
    assert err.count("\n") == 1

    status, out, err = examdesk(capsys, "--db", url, "incident", "add", "--kind", "停电",
                                "--session", "S2", "--who", ticket, "--text", "考场停电")
    assert status == 0, err
    status, out, _ = examdesk(capsys, "--db", url, "incident", "list", "--json")
    listed = json.loads(out)
    assert [(i["id"], i["kind"], i["status"], i["center"]) for i in listed] == [
        (1, "equipment", "open", "01")]
    assert set(listed[0]) == {"id", "kind", "kind_label", "occurred_at", "session", "center",
                              "room", "people", "description", "action_taken",
                              "reported_by", "status", "closed_at", "closed_by"}
    assert examdesk(capsys, "--db", url, "incident", "close", "1")[0] == 0
    status, out, err = examdesk(capsys, "--db", url, "incident", "close", "1")
    assert (status, out) == (2, "") and err.count("\n") == 1
    status, out, err = examdesk(capsys, "--db", url, "incident", "add", "--kind", "火灾",
                                "--session", "S2", "--text", "x")
    assert (status, out) == (2, "") and "舆情" in err

    target = tmp_path / "incidents.xlsx"
    status, out, err = examdesk(capsys, "--db", url, "export", "incidents", target)
    assert status == 0, err
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["违纪记录", "考务事件", "医疗记录"]
    violation = list(book["违纪记录"].iter_rows(values_only=True))[1]
    assert violation[6] == ticket and violation[8] == "人社部令第31号第七条第（五）项"
    incident = list(book["考务事件"].iter_rows(values_only=True))[1]
    assert (incident[2], incident[10]) == ("停电或设备", "已结")


def test_a_violation_record_is_printed_as_one_page(capsys, demo_copy, tmp_path) -> None:
    from pypdf import PdfReader

    url = str(demo_copy.url)
    ticket = _ticket(url)
    assert examdesk(capsys, "--db", url, "violation", "add", ticket, "--session", "S2",
                    "--act", "8.2", "--text", "替考")[0] == 0
    status, out, err = examdesk(capsys, "--db", url, "print", "violation", "--id", "1",
                                "--out", tmp_path)
    assert status == 0, err
    pdf = tmp_path / "违纪记录-01-1.pdf"
    assert out == f"Wrote {pdf}\n"
    pages = PdfReader(pdf).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    for printed in ("考场违纪违规行为记录", ticket, "第八条第（二）项", "长期记录", "替考"):
        assert printed in text.replace(" ", ""), printed
    status, out, err = examdesk(capsys, "--db", url, "print", "violation", "--id", "7",
                                "--out", tmp_path)
    assert (status, out) == (2, "") and "7" in err


@pytest.mark.usefixtures("terminal_chinese")
def test_the_recorder_names_the_invigilators_and_the_form_prints_them(capsys, demo_copy,
                                                                       tmp_path) -> None:
    from pypdf import PdfReader

    from examdesk.services.exams import resolve_exam

    url = str(demo_copy.url)
    ticket = _ticket(url)
    with demo_copy.begin() as session:
        offered = violations.invigilator_choices(session, None, resolve_exam(session),
                                                 who=ticket, session_code="S2")
    lead, other = offered.choices[0], offered.choices[4]
    add = ("--db", url, "violation", "add", ticket, "--session", "S2", "--act", "6.1",
           "--text", "携带手机", "--invigilators")
    for typed, said in (("查无此人," + lead.name, "查无此人"),
                        (f"{lead.name}，{lead.name}", "同一人"), (lead.name, "两名监考员")):
        status, out, err = examdesk(capsys, *add, typed)
        assert (status, out) == (2, "") and err.count("\n") == 1, err
        assert said in err, err
    status, out, err = examdesk(capsys, *add, f"{lead.name}，{other.name}")
    assert status == 0, err
    status, out, err = examdesk(capsys, "--db", url, "print", "violation", "--id", "1",
                                "--out", tmp_path)
    assert status == 0, err
    text = PdfReader(tmp_path / "违纪记录-01-1.pdf").pages[0].extract_text().replace(" ", "")
    assert lead.name in text and other.name in text
