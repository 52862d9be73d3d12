"""`examdesk attendance mark|show` and `export attendance`: a contract for scripts (issue 14)."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from examdesk.i18n import speak
from ui.cli import run

ROOM, SESSION = "01/01001", "S2"


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def room(capsys, url: str) -> list[dict]:
    _status, out, _err = examdesk(capsys, "--db", url, "attendance", "show", "--json",
                                 "--center", "01", "--session", SESSION)
    return [row for row in json.loads(out) if row["room"] == "01001"]


def test_a_room_marked_shown_and_exported(capsys, demo_copy_url, tmp_path, monkeypatch):
    url = demo_copy_url
    (first,) = room(capsys, url)
    assert {k: first[k] for k in ("expected", "present", "absent", "late")} == {
        "expected": 28, "present": 0, "absent": 0, "late": 0}
    assert first["mismatch"] is False
    status, out, err = examdesk(capsys, "--db", url, "attendance", "mark", "--session", SESSION,
                                "--room", ROOM, "--all-present", "--absent", "12341010102",
                                "--late", "12341010103", "12341010104")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == ("01/01001 S2: expected 28, present 25, late 2, absent 1, "
                                   "not marked 0, answer sheets —")
    (row,) = room(capsys, url)
    assert (row["present"], row["late"], row["absent"], row["absent_tickets"]) == (
        25, 2, 1, ["12341010102"])
    # marked, but the answer sheets not entered: `show` reports a room that does not reconcile
    status, out, _err = examdesk(capsys, "--db", url, "attendance", "show", "--center", "01")
    assert status == 1
    assert "  absent: 12341010102\n  ! The answer sheets handed in are not entered." in out
    assert out.splitlines()[-1].startswith("District: 80 room-sessions, expected 2150, "
                                           "present 25, late 2, absent 1")
    status, out, _err = examdesk(capsys, "--db", url, "attendance", "mark", "--session",
                                 SESSION, "--room", ROOM, "--answer-sheets", 27)
    assert status == 0 and out.endswith("answer sheets 27\n")
    assert examdesk(capsys, "--db", url, "attendance", "show", "--session", SESSION)[0] == 0
    seal = ("--db", url, "attendance", "seal", "--session", SESSION, "--room")
    status, out, err = examdesk(capsys, *seal, "01/01002")  # nobody marked there
    assert (status, out) == (1, "") and "does not reconcile" in err and err.count("\n") == 1
    status, out, _err = examdesk(capsys, *seal, ROOM)
    assert status == 0 and out.endswith("answer sheets 27, sealed\n")
    status, out, _err = examdesk(capsys, "--db", url, "export", "attendance",
                                 tmp_path / "att.xlsx", "--center", "01")
    assert status == 0
    sheet = load_workbook(tmp_path / "att.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("考点编号", "考场号", "场次", "应考人数", "实到人数", "迟到人数",
                           "缺考人数")
    assert ("01", "01001", "S2", 28, 27, 2, 1, 0, 27, "是", "无误", "12341010102") in rows


def test_bad_input_is_one_chinese_line(capsys, demo_copy_url, monkeypatch):
    for variable in ("EXAMDESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    try:
        mark = ("--db", demo_copy_url, "attendance", "mark", "--session", SESSION)
        assert examdesk(capsys, *mark, "--room", "01/01002", "--absent", "12341010102") == (
            2, "", "examdesk: 准考证号 12341010102 不属于考场 01/01002：该考生在考场 01/01001。\n")
        assert examdesk(capsys, *mark, "--room", ROOM, "--absent", "1", "--late", "1")[0] == 2
        status, out, err = examdesk(capsys, *mark, "--room", "01/99")
        assert (status, out, err.count("\n")) == (2, "", 1)
        status, out, err = examdesk(capsys, "--db", demo_copy_url, "attendance", "show",
                                    "--session", "S9")
        assert (status, out) == (2, "")
        assert err == "examdesk: 考试 SW2023-ZK 中没有场次 S9；该考试的场次为 S1, S2, S3, S4。\n"
        status, out, _err = examdesk(capsys, *mark, "--room", ROOM, "--all-present")
        assert status == 0 and out.startswith("01/01001 S2：应考 28，到场 28，迟到 0，缺考 0")
    finally:
        speak("en")


def test_a_certificate_checked_in_the_room_marks_its_holder_present(capsys, demo_copy_url,
                                                                    monkeypatch):
    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")
    url = demo_copy_url
    status, out, err = examdesk(capsys, "--db", url, "tempid", "issue", "12341010105",
                                "--officer", "王警官", "--unit", "川汇分局", "--sessions",
                                SESSION)
    assert (status, out, err) == (0, "01-0001\n", "")
    mark = ("--db", url, "attendance", "mark", "--session", SESSION, "--room", ROOM)
    status, out, err = examdesk(capsys, *mark, "--certificate", "01-0001")
    assert (status, err) == (0, "")
    assert out.splitlines()[0].startswith("01/01001 S2：应考 28，到场 1，")
    # a certificate that is not of the room's session is refused in one line, nothing marked
    status, out, err = examdesk(capsys, "--db", url, "attendance", "mark", "--session", "S3",
                                "--room", ROOM, "--certificate", "01-0001", "--all-present")
    assert (status, out) == (2, "")
    assert err == "examdesk: 临时身份证明 01-0001 不适用于场次 S3。\n"
    (row,) = room(capsys, url)
    assert row["present"] == 1
