"""`examdesk posts [init]`, `post ...` and `import posts` on a user's own exam."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from examdesk.db import open_database
from examdesk.enums import DutyKind, StaffRole
from examdesk.model import Duty, ExamSession, Post, Staff, TestCenter
from examdesk.services.exams import resolve_exam
from examdesk.services.posts import post_problems
from tests.core.exchange.helpers import write_workbook
from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def own(own_exam_copy_url):
    """`demo --exam-only` with the sample rooms, candidates and staff imported."""
    return own_exam_copy_url


def staff_it(capsys, url: str) -> str:
    assert examdesk(capsys, "--db", url, "allocate", "--seed", "1")[0] == 0
    assert examdesk(capsys, "--db", url, "exam", "set", "--max-sessions", "3")[0] == 0
    assert examdesk(capsys, "--db", url, "roster", "--seed", "1")[0] == 0
    status, out, _ = examdesk(capsys, "--db", url, "posts")
    assert status == 0, out
    return out


def test_the_own_exam_has_every_post_staffed(capsys, own) -> None:
    # the imported centers got the standard posts (a user's own exam had none)
    assert "55 posts." in examdesk(capsys, "--db", own, "post", "list")[1]
    out = staff_it(capsys, own)
    # 11 standard posts of 24 people at each of five centers; 01-03 hold 2 sessions, 04-05 3
    assert out.endswith("Posts staffed: 288 of 288 places in 132 post-sessions.\n")
    assert "01 保密室（考点保密室）: 6月11日上午 综合能力 2/2; 6月11日下午 实务(初级) 2/2\n" in out
    assert "04 考务办公室（考点考务办公室）: 6月10日下午 法规与政策 3/3;" in out
    assert examdesk(capsys, "--db", own, "check")[0] == 0
    database = open_database(own)
    with database.begin() as session:
        assert post_problems(session, resolve_exam(session)) == ()
    database.close()


@pytest.mark.slow
def test_the_own_exam_goes_through_draw_and_print_pack(capsys, own, tmp_path) -> None:
    staff_it(capsys, own)
    assert examdesk(capsys, "--db", own, "draw", "--center", "04", "--session", "S1")[0] == 0
    status, _out, err = examdesk(capsys, "--db", own, "print", "pack", "--center", "04",
                                "--out", tmp_path)
    assert status == 0, err
    assert examdesk(capsys, "--db", own, "check")[0] == 0


def test_posts_init_makes_only_the_missing_posts(capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "posts", "init")
    assert status == 0 and "Made 0 standard posts" in out
    assert examdesk(capsys, "--db", own, "post", "remove", "02", "保密室")[0] == 0
    status, out, _ = examdesk(capsys, "--db", own, "posts", "init", "--center", "02")
    assert status == 0 and "Made 1 standard posts" in out
    status, _, err = examdesk(capsys, "--db", own, "posts", "init", "--center", "09")
    assert status == 2 and err.count("\n") == 1 and "09" in err


def test_one_centers_posts_are_added_changed_and_removed(capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "post", "add", "01", "service_desk",
                              "--name", "东门", "--place", "东门内侧", "--hours", "07:30-12:00",
                              "--people", "2", "--phone", "13800000000",
                              "--supplies", "饮用水 50 瓶")
    assert status == 0 and "考生服务咨询台 东门（东门内侧）  07:30-12:00  2 per session" in out
    status, out, _ = examdesk(capsys, "--db", own, "post", "edit", "01", "考生服务咨询台",
                              "--name", "东门", "--people", "3", "--roles", "志愿者、公安民警")
    assert status == 0 and "3 per session  公安民警、志愿者" not in out  # roles in role order
    assert "志愿者、公安民警" in out
    status, out, _ = examdesk(capsys, "--db", own, "post", "list", "--center", "01")
    assert status == 0 and "phone 13800000000" in out and "12 posts." in out
    status, out, _ = examdesk(capsys, "--db", own, "post", "remove", "01", "service_desk",
                              "--name", "东门")
    assert status == 0 and "with its 0 duties" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("post", "edit", "01", "canteen", "--people", "2"), "canteen is not a kind of post"),
    (("post", "edit", "01", "medical", "--hours", "8-17"), "cannot be read as hours"),
    (("post", "edit", "01", "medical", "--hours", "17:00-08:00"), "must end after"),
    (("post", "edit", "01", "medical", "--people", "-2"), "0 to 99 people"),
    (("post", "edit", "01", "medical", "--roles", "厨师"), "厨师 is not a role"),
    (("post", "edit", "01", "medical", "--supplies", "担架"), "担架 has no quantity"),
    (("post", "edit", "01", "medical"), "Say what to change"),
    (("post", "add", "01", "medical"), "already has the post 医疗急救点"),
    (("post", "remove", "01", "medical", "--name", "二号"), "has no post 医疗急救点 二号"),
    (("post", "template", "remove", "power", "--name", "备用"), "no standard post"),
    # every standard post is named, to pick the one meant
    (("post", "template", "remove", "power", "--name", "备用"), "保密室, 考务办公室."),
    # longer than the database keeps (PostgreSQL refused them with a traceback)
    (("post", "edit", "01", "medical", "--place", "地" * 201), "at most 200 characters"),
    (("post", "add", "01", "medical", "--name", "名" * 101), "at most 100 characters"),
    (("post", "edit", "01", "medical", "--phone", "1" * 41), "at most 40 characters"),
    (("post", "edit", "01", "medical", "--supplies", "药" * 101 + " 1 个"), "at most 100"),
    (("post", "edit", "01", "medical", "--supplies", "药 1 " + "个" * 21), "at most 20"),
    (("post", "template", "set", "medical", "--name", "名" * 101), "at most 100"),
])
def test_bad_values_are_one_line_and_change_nothing(capsys, own, argv, message) -> None:
    before = examdesk(capsys, "--db", own, "post", "list")[1]
    status, _out, err = examdesk(capsys, "--db", own, *argv)
    assert status == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err
    assert examdesk(capsys, "--db", own, "post", "list")[1] == before


def test_a_post_with_duties_set_by_hand_stays_unless_forced(capsys, own) -> None:
    staff_it(capsys, own)
    database = open_database(own)
    with database.write() as session:
        session.execute(update(Duty).where(Duty.post_id == session.scalar(
            Post.__table__.select().with_only_columns(Post.id)
            .where(Post.kind == "strong_room").order_by(Post.id).limit(1))).values(locked=True))
    database.close()
    status, _, err = examdesk(capsys, "--db", own, "post", "remove", "01", "strong_room")
    assert status == 1 and "4 duties set by hand" in err and "--force" in err
    names = err.partition("(")[2].partition(")")[0].split(", ")
    assert len(names) == len(set(names)) == 2  # its two 保密员, named once each
    status, out, _ = examdesk(capsys, "--db", own, "post", "remove", "01", "strong_room",
                              "--force")
    assert status == 0 and "with its 4 duties" in out


def test_the_standard_posts_are_listed_and_changed(capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "post", "template", "list")
    assert status == 0 and "11 standard posts." in out
    assert "保密室（考点保密室）  06:30-17:30  2 per session" in out
    # who staffs a post that names no roles
    assert "3 per session  usual roles (主考、副主考、考务办公室)  对讲机 10 部" in out
    status, out, _ = examdesk(capsys, "--db", own, "post", "template", "set", "exam_office",
                              "--people", "4", "--roles", "主考、副主考")
    assert status == 0 and "4 per session  主考、副主考" in out and "posts init" in out
    status, out, _ = examdesk(capsys, "--db", own, "post", "template", "remove", "power")
    assert status == 0
    assert "10 standard posts." in examdesk(capsys, "--db", own, "post", "template", "list")[1]


def test_posts_import_and_export(capsys, own, tmp_path) -> None:
    exported = tmp_path / "posts.xlsx"
    assert examdesk(capsys, "--db", own, "export", "posts", exported)[0] == 0
    status, out, _ = examdesk(capsys, "--db", own, "import", "posts", exported, "--dry-run")
    assert status == 0 and "0 added, 0 updated, 55 unchanged" in out
    sheet = write_workbook(tmp_path / "new.xlsx", [
        ("考点", "岗位", "名称", "地点", "开放时间", "需要人数"),
        ("周口技师学院", "考生服务咨询台", "东门", "东门内侧", "07:30-12:00", 2),
        ("周口技师学院", "医疗急救点", "", "校医院", "7点半", 3),
    ], title="岗位设置")
    report = tmp_path / "report.xlsx"
    status, out, _err = examdesk(capsys, "--db", own, "import", "posts", sheet, "--report",
                                report)
    assert status == 2 and "row 3, column E (开放时间)" in out and "Nothing was written" in out
    assert load_workbook(report).worksheets[0].max_row == 3
    assert "12 posts." not in examdesk(capsys, "--db", own, "post", "list", "--center", "01")[1]
    status, out, _ = examdesk(capsys, "--db", own, "import", "posts", sheet, "--skip-invalid")
    assert status == 2 and "1 added" in out
    assert "12 posts." in examdesk(capsys, "--db", own, "post", "list", "--center", "01")[1]


def test_posts_speak_chinese(examdesk_app, capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "post", "template", "list")
    assert status == 0 and "每场 2 人" in out and "共 11 个标准岗位。" in out
    status, _, err = examdesk(capsys, "--db", own, "post", "edit", "01", "食堂", "--people", "1")
    assert status == 2 and "食堂 不是岗位类别" in err
    status, out, _ = examdesk(capsys, "--db", own, "posts", "--center", "01")
    assert status == 0 and "岗位人员已安排" in out


def test_a_post_with_duties_set_by_hand_is_refused_in_chinese(examdesk_app, capsys,
                                                              own) -> None:
    database = open_database(own)
    with database.write() as session:
        post = session.scalar(select(Post).join(TestCenter).where(
            TestCenter.code == "01", Post.kind == "strong_room"))
        keeper = session.scalar(select(Staff).order_by(Staff.id).limit(1))
        first = session.scalar(select(ExamSession).order_by(ExamSession.id).limit(1))
        assert post is not None and keeper is not None and first is not None
        session.add(Duty(staff_id=keeper.id, session_id=first.id, center_id=post.center_id,
                         kind=DutyKind.POST, role=StaffRole.CONFIDENTIAL, post_id=post.id,
                         locked=True))
    database.close()
    status, _, err = examdesk(capsys, "--db", own, "post", "remove", "01", "保密室")
    assert status == 1 and err.count("\n") == 1
    assert "有 1 条手动安排" in err and "--force" in err and "removes" not in err


def test_posts_before_allocation_say_what_to_do_first(capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "posts", "--center", "01")
    assert status == 0 and "01 保密室（考点保密室）: —\n" in out
    assert "seat the candidates first ('examdesk allocate')" in out


def test_a_phone_is_read_as_a_posts_sheet_reads_it(capsys, own) -> None:
    status, out, _ = examdesk(capsys, "--db", own, "post", "edit", "01", "medical",
                              "--phone", "+86 138-0013-8000")
    assert status == 0 and "phone 13800138000" in out
