"""`examdesk exam show`: the settings explained; a new exam starts with the demo's settings."""

from __future__ import annotations

import json

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


def test_exam_show_explains_each_setting(capsys, own_exam_url):
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


def test_exam_show_in_chinese(capsys, examdesk_app, own_exam_url):
    status, out, _ = examdesk(capsys, "--db", own_exam_url, "exam", "show")
    assert status == 0
    lines = setting_lines(out)
    assert "每名工作人员最多工作的场次数" in lines["max sessions"]
    assert "1 号座位所在的角" in lines["first seat"]


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
    assert examdesk(capsys, "--db", url, "check")[0] == 0
