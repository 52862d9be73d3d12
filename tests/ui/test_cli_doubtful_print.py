"""`examdesk print doubtful`: the centers' end-of-day lists of doubtful candidates, one file
per center (a center with none gets a list saying so), audited; a bad date or center exits
2 in one Chinese line; a desk prints its own center's only."""

from __future__ import annotations

import sys

from sqlalchemy import select

from examdesk.db import open_database
from examdesk.enums import UserRole
from examdesk.model import AuditEvent
from examdesk.services import doubtful
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import center_codes, center_id, resolve_exam
from tests.core.services.test_tempids import seated
from tests.reports.pdftools import squeezed, text
from tests.ui.test_cli_users import terminal_chinese  # noqa: F401  (a fixture)
from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_print_the_doubtful_lists(capsys, demo_copy_url, tmp_path, monkeypatch,
                                  terminal_chinese):  # noqa: F811
    url = demo_copy_url
    database = open_database(url)
    gate = Actor("gate01")
    with database.write("test") as session:
        exam = resolve_exam(session)
        one, two = seated(session, "01", 0), seated(session, "01", 1)
        doubtful.record(session, gate, exam, one.id, "照片与本人差异较大")
        cleared = doubtful.record(session, gate, exam, two.id, "证件信息模糊")
        doubtful.confirm(session, gate, exam, cleared.id, "王老师")
        doubtful.confirm(session, gate, exam, cleared.id, "李老师")
        codes = list(center_codes(session, exam).values())
        desk = Actor("desk01", None, (Grant(UserRole.DESK, exam.id,
                                            center_id(session, exam, "01")),))
        earlier = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())) or 0
    database.close()

    status, out, err = examdesk(capsys, "--db", url, "print", "doubtful", "--out",
                                tmp_path / "all")
    assert (status, err) == (0, "") and out.count("\n") == len(codes)
    files = sorted((tmp_path / "all").iterdir())
    assert [f.name.split("-")[:2] for f in files] == [["存疑考生情况表", c] for c in codes]
    mine = squeezed(text(files[0]))
    assert one.name in mine and "照片与本人差异较大" in mine and one.id_number not in mine
    assert "已解除的（1人）" in mine and "王老师、李老师" in mine
    assert "本日无未解除的存疑考生" in squeezed(text(files[1]))

    # another day: nothing recorded then, the list says so
    status, _, _ = examdesk(capsys, "--db", url, "print", "doubtful", "--center", "01",
                            "--date", "2023-06-11", "--out", tmp_path / "day")
    (day,) = (tmp_path / "day").iterdir()
    assert status == 0 and "2023年6月11日" in squeezed(text(day))
    assert "本日无未解除的存疑考生" in squeezed(text(day))

    for argv, says in ((("--date", "2023-13-01"), "2023-13-01"),
                       (("--center", "99"), "99"),
                       (("--date", "2023-06-11", "--serial", "01-0001"), "--serial")):
        status, out, err = examdesk(capsys, "--db", url, "print", "doubtful", *argv,
                                    "--out", tmp_path / "bad")
        assert (status, out) == (2, "") and err.count("\n") == 1 and says in err, err
    status, _, err = examdesk(capsys, "--db", url, "print", "door", "--date", "2023-06-11",
                              "--out", tmp_path / "bad")
    assert status == 2 and err == "examdesk: --date 只能与 doubtful 一起使用。\n"
    assert not (tmp_path / "bad").exists() or not list((tmp_path / "bad").iterdir())

    # a desk prints its own center's list only
    for name, module in list(sys.modules.items()):
        if name.startswith("ui.cli") and hasattr(module, "signed_in"):
            monkeypatch.setattr(module, "signed_in", lambda db, args: desk)
    status, _, _ = examdesk(capsys, "--db", url, "print", "doubtful", "--out", tmp_path / "desk")
    assert status == 0 and [f.name.split("-")[1] for f in (tmp_path / "desk").iterdir()] == [
        "01"]
    status, out, err = examdesk(capsys, "--db", url, "print", "doubtful", "--center", "02",
                                "--out", tmp_path / "theirs")
    assert status == 2 and err.count("\n") == 1 and "desk01" in err and "考点 02" in err

    database = open_database(url)
    with database.begin() as session:
        printed = session.scalars(select(AuditEvent.summary).where(
            AuditEvent.action == "print", AuditEvent.id > earlier)).all()
    database.close()
    # written in the language the command spoke
    assert sorted(printed) == sorted(
        [f"打印考点 {c} 的存疑考生情况表：1 页" for c in codes]
        + ["打印考点 01 的存疑考生情况表：1 页"] * 2)
