"""`examdesk exam show` and `exam alias`: the settings explained, the abbreviations of levels
and subjects; a new exam starts with the demo's settings."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.model import Exam
from ui.cli import run

SETTINGS = ("seat order", "first seat", "ticket pattern", "by district", "merge tail",
            "center order", "invigilators per room", "max sessions", "reserve ratio",
            "cross center")


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def setting_lines(out: str) -> dict[str, str]:
    """Each setting's line of `exam show`, by the setting's name."""
    return {name: line for line in out.splitlines() for name in SETTINGS
            if line.startswith(name + "  ")}


def test_exam_show_explains_each_setting_and_lists_the_abbreviations(capsys, own_exam_url):
    status, out, _ = examdesk(capsys, "--db", own_exam_url, "exam", "show")
    assert status == 0
    lines = setting_lines(out)
    assert list(lines) == list(SETTINGS)
    assert "  3  " in lines["max sessions"] and "the most sessions one staff member works" \
        in lines["max sessions"]
    assert "the corner of seat 1, seen from the podium" in lines["first seat"]
    assert "whether staff may be rostered outside their home test center" in lines[
        "cross center"]
    # every line says what its setting decides: words after the value
    assert all(len(line.split()) >= 5 for line in lines.values())
    assert "  2 社会工作师: 中级; abbreviations 社工师、中级社会工作师、中级社工师" in out
    assert "  1 助理社会工作师: 初级; abbreviations 助理社工师" in out
    assert "    22 社会工作实务(中级): 实务; abbreviations 中级实务、实务(中级)" in out


def test_exam_show_in_chinese(capsys, examdesk_app, own_exam_url):
    status, out, _ = examdesk(capsys, "--db", own_exam_url, "exam", "show")
    assert status == 0
    lines = setting_lines(out)
    assert "每名工作人员最多工作的场次数" in lines["max sessions"]
    assert "1 号座位所在的角" in lines["first seat"]
    assert "级别和科目" in out and "简称 社工师、中级社会工作师、中级社工师" in out


def test_a_new_exam_has_the_settings_of_the_demo(capsys, own_exam_url, demo_url):
    shown = [json.loads(examdesk(capsys, "--db", url, "exam", "show", "--json")[1])
             for url in (own_exam_url, demo_url)]
    assert shown[0] == shown[1] and shown[0]["max_sessions"] == 3
    # and every setting the command does not show either
    rows = []
    for url in (own_exam_url, demo_url):
        database = open_database(url)
        with database.begin() as session:
            exam = session.scalars(select(Exam)).one()
            rows.append({column.key: getattr(exam, column.key)
                         for column in Exam.__table__.columns
                         if column.key not in ("id", "created_at", "allocation_seed")})
        database.close()
    assert rows[0] == rows[1]


def test_the_users_own_exam_can_be_rostered_like_the_demo(capsys, own_exam_copy_url):
    url = own_exam_copy_url
    assert examdesk(capsys, "--db", url, "allocate", "--seed", "1")[0] == 0
    status, out, _ = examdesk(capsys, "--db", url, "roster", "--seed", "1")
    assert status == 0 and "0 places unfilled" in out
    status, out, _ = examdesk(capsys, "--db", url, "check")
    assert status == 1 and "[post-short]" in out  # the posts are part of the plan
    assert examdesk(capsys, "--db", url, "posts")[0] == 0
    assert examdesk(capsys, "--db", url, "check")[0] == 0


def test_abbreviations_are_added_and_removed(capsys, own_exam_copy_url):
    url = own_exam_copy_url
    status, out, _ = examdesk(capsys, "--db", url, "exam", "alias", "add", "2/22", "中级实操")
    assert status == 0
    assert out == "Subject 社会工作实务(中级) of level 社会工作师: abbreviations 中级实务、" \
                  "实务(中级)、中级实操.\n"
    status, out, _ = examdesk(capsys, "--db", url, "exam", "alias", "add", "社会工作师", "社工师")
    assert status == 0 and "already accepts “社工师”" in out
    listed = json.loads(examdesk(capsys, "--db", url, "exam", "show", "--json")[1])["levels"]
    assert listed[1]["subjects"][1] == {
        "code": "22", "name": "社会工作实务(中级)", "short_name": "实务",
        "abbreviations": ["中级实务", "实务(中级)", "中级实操"]}
    status, out, _ = examdesk(capsys, "--db", url, "exam", "alias", "remove", "22", "中级实操")
    assert status == 0 and "中级实操" not in out


def test_an_abbreviation_change_names_itself_by_its_command_to_whoever_waits(
        capsys, examdesk_app, own_exam_copy_url, write_purposes):
    url = own_exam_copy_url
    assert examdesk(capsys, "--db", url, "exam", "alias", "add", "2/22", "中级实操")[0] == 0
    assert examdesk(capsys, "--db", url, "exam", "alias", "remove", "2/22", "中级实操")[0] == 0
    assert write_purposes == ["exam alias add", "exam alias remove"]


@pytest.mark.parametrize(("argv", "says"), [
    (("add", "社会工作师", "助理社工师"), "already how 助理社会工作师 is written"),
    (("add", "综合能力", "综合"), "1/11, 2/21"),
    (("remove", "社会工作师", "中级"), "stay accepted"),
])
def test_an_ambiguous_abbreviation_is_refused_in_one_line(capsys, own_exam_copy_url, argv, says):
    url = own_exam_copy_url
    before = examdesk(capsys, "--db", url, "exam", "show", "--json")[1]
    status, out, err = examdesk(capsys, "--db", url, "exam", "alias", *argv)
    assert status == 2 and out == "" and says in err and err.count("\n") == 1
    assert examdesk(capsys, "--db", url, "exam", "show", "--json")[1] == before


def test_the_notice_phones_are_settings_checked_and_audited(capsys, own_exam_copy_url):
    url = own_exam_copy_url
    status, out, _ = examdesk(capsys, "--db", url, "exam", "set", "--tech-phone",
                              "0394-8123456", "--hotline", "(0394) 812 3457转8")
    assert status == 0
    assert any(line.startswith("tech service phone") and line.split()[3] == "0394-8123456"
               for line in out.splitlines())
    shown = json.loads(examdesk(capsys, "--db", url, "exam", "show", "--json")[1])
    assert (shown["tech_service_phone"], shown["hotline_phone"]) == (
        "0394-8123456", "(0394) 812 3457转8")
    # not a phone: refused with the option to fix, nothing changed
    status, _, err = examdesk(capsys, "--db", url, "exam", "set", "--hotline", "call Li")
    assert status == 2
    assert "--hotline must be a phone number" in err and "call Li" in err
    assert json.loads(examdesk(capsys, "--db", url, "exam", "show", "--json")[1])[
        "hotline_phone"] == "(0394) 812 3457转8"
    # an empty text clears it; `exam show` then shows a dash
    assert examdesk(capsys, "--db", url, "exam", "set", "--tech-phone", "")[0] == 0
    status, out, _ = examdesk(capsys, "--db", url, "exam", "show")
    line = next(li for li in out.splitlines() if li.startswith("tech service phone"))
    assert line.split()[3] == "-" and "published in the candidate notice" in line
    database = open_database(url)
    with database.begin() as session:
        from examdesk.model import AuditEvent
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "exam.settings")).all()
        assert any(e.details.get("hotline_phone") == "(0394) 812 3457转8" for e in events)
    database.close()
