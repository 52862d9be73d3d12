"""`examdesk tempid issue|void|list`, `print certificate --serial` and `export tempids`: the
temporary ID desk's contract for scripts (serial on stdout, exit codes 0/1/2, Chinese one-line
errors in a Chinese terminal)."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from sqlalchemy import func, select

from examdesk.db import open_database
from examdesk.model import AuditEvent, Candidate, SeatAssignment
from tests.ui.test_cli_users import terminal_chinese  # noqa: F401  (a fixture)
from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def first_seated(url: str, n: int = 0):
    database = open_database(url)
    with database.begin() as session:
        row = session.execute(
            select(SeatAssignment.ticket_no, Candidate.id_number, Candidate.registration_no,
                   Candidate.name).join(Candidate, Candidate.id == SeatAssignment.candidate_id)
            .order_by(SeatAssignment.ticket_no).offset(n).limit(1)).one()
    database.close()
    return row


def test_issue_list_void_print_and_export(capsys, demo_copy_url, tmp_path):
    url = demo_copy_url
    one, two = first_seated(url, 0), first_seated(url, 1)
    database = open_database(url)
    with database.begin() as session:  # the shared demo this copy came from may hold prints
        earlier = session.scalar(select(func.max(AuditEvent.id))) or 0
    database.close()
    assert examdesk(capsys, "--db", url, "tempid", "issue", one.ticket_no, "--officer",
                    "王警官", "--unit", "川汇分局") == (0, "01-0001\n", "")
    assert examdesk(capsys, "--db", url, "tempid", "issue", two.id_number, "--officer",
                    "王警官", "--unit", "川汇分局", "--sessions", "S2") == (0, "01-0002\n", "")
    status, out, _ = examdesk(capsys, "--db", url, "tempid", "list", "--json")
    listed = json.loads(out)
    assert status == 0 and [c["serial"] for c in listed] == ["01-0001", "01-0002"]
    assert listed[1] | {"issued_at": ""} == {
        "serial": "01-0002", "ticket": two.ticket_no, "id_number": two.id_number,
        "name": two.name, "center": "01", "issued_at": "", "officer": "王警官",
        "unit": "川汇分局", "sessions": ["S2"], "void": False}
    status, out, _ = examdesk(capsys, "--db", url, "print", "certificate", "--serial",
                              "01-0002", "--out", tmp_path / "pdf")
    assert status == 0 and (tmp_path / "pdf" / "临时身份证明-01-0002.pdf").stat().st_size > 0
    assert examdesk(capsys, "--db", url, "tempid", "void", "01-0001", "--reason",
                    "身份证已找到")[0] == 0
    status, out, _ = examdesk(capsys, "--db", url, "tempid", "list", "--center", "01",
                              "--json")
    assert [c["void"] for c in json.loads(out)] == [True, False]
    status, out, _ = examdesk(capsys, "--db", url, "export", "tempids", tmp_path / "t.xlsx")
    assert status == 0
    sheet = load_workbook(tmp_path / "t.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("证明编号", "考点编号", "考场号")
    assert [r[0] for r in rows[1:]] == ["01-0001", "01-0002"]
    assert rows[1][12:] == ("作废", "身份证已找到")
    database = open_database(url)
    with database.begin() as session:
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.in_(["tempid.issue", "tempid.void", "print",
                                   "export.tempids"]), AuditEvent.id > earlier)).all()
    database.close()
    assert sorted(actions) == sorted(["tempid.issue", "tempid.issue", "print", "tempid.void",
                                      "export.tempids"])


def test_refusals_are_one_chinese_line_with_the_contracts_exit_codes(
        capsys, demo_copy_url, terminal_chinese):  # noqa: F811
    url = demo_copy_url
    one = first_seated(url, 0)
    issue = ("tempid", "issue", one.registration_no, "--officer", "王警官", "--unit", "川汇分局")
    assert examdesk(capsys, "--db", url, *issue)[:2] == (0, "01-0001\n")
    status, out, err = examdesk(capsys, "--db", url, *issue)
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(f"examdesk: {one.name} 已持有有效的临时身份证明 01-0001")
    status, _, err = examdesk(capsys, "--db", url, "tempid", "issue", one.ticket_no[-5:] + "9",
                              "--officer", "王", "--unit", "分局")
    assert status == 2 and err.count("\n") == 1 and "考生" in err
    status, _, err = examdesk(capsys, "--db", url, "tempid", "void", "01-0099", "--reason", "x")
    assert (status, err) == (2, "examdesk: 考试 SW2023-ZK 没有编号为 01-0099 的临时身份证明。\n")
    status, _, err = examdesk(capsys, "--db", url, "tempid", "issue", first_seated(url, 3)[0],
                              "--officer", "王", "--unit", "分局", "--sessions", "S9")
    assert status == 2 and "S9" in err and err.count("\n") == 1


def test_a_photo_taken_at_the_desk_goes_with_the_issue_and_a_bad_file_is_named(
        capsys, demo_copy_url, tmp_path, terminal_chinese):  # noqa: F811
    from PIL import Image

    from examdesk.model import TempIdCertificate

    url = demo_copy_url
    one, two = first_seated(url, 0), first_seated(url, 1)
    camera = tmp_path / "IMG_20230611_083012.jpg"
    Image.new("RGB", (900, 1200), "blue").save(camera, "JPEG")
    issue = ("tempid", "issue", "--officer", "王警官", "--unit", "川汇分局")
    assert examdesk(capsys, "--db", url, *issue, one.ticket_no, "--photo", camera) == (
        0, "01-0001\n", "")
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"not a picture")
    status, out, err = examdesk(capsys, "--db", url, *issue, two.ticket_no, "--photo", bad)
    assert (status, out) == (2, "") and err == (
        f"examdesk: {bad}: 不是可读的 JPEG 或 PNG 图片；请重新拍照，或另存为 JPEG 后再试。\n")
    missing = tmp_path / "none.jpg"
    status, out, err = examdesk(capsys, "--db", url, *issue, two.ticket_no, "--photo", missing)
    assert (status, out) == (2, "") and err.startswith(f"examdesk: {missing}: 无法读取")
    assert err.count("\n") == 1
    database = open_database(url)
    with database.begin() as session:
        kept = session.execute(select(TempIdCertificate.serial_no, TempIdCertificate.photo)
                               ).all()
    database.close()
    assert [serial for serial, _ in kept] == ["01-0001"] and kept[0][1][:2] == b"\xff\xd8"
