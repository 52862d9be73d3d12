"""The candidate notice of a test center: its sittings' entry and cut-off times from the
exam's settings, its address and route, the accepted ID documents, where the police issue
temporary ID certificates, the hotlines; as text and as a printed sheet."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.model import Exam, TestCenter
from examdesk.printing.notice import notice_text
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import resolve_exam
from examdesk.services.notice import notices
from reports.notice import NoticeSheet
from tests.reports.pdftools import text as pdf_text


def test_the_notice_of_a_center_says_when_to_come_what_to_bring_and_whom_to_call(demo_copy):
    with demo_copy.write("test") as session:
        session.execute(update(TestCenter).where(TestCenter.code == "01").values(
            route="乘 2 路、16 路公交车至技师学院站下车"))
        session.execute(update(Exam).values(entry_cutoff_minutes=30))
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        (first,) = notices(session, exam, center="01")
        every = notices(session, exam)
    assert [n.center_code for n in every] == ["01", "02", "03", "04", "05"]
    text = notice_text(first)
    assert text.startswith("2023年度社会工作者职业水平考试（周口考区）\n考生须知（周口技师学院）\n")
    # center 01 seats 初级 candidates only: the morning and afternoon papers of 6月11日
    assert ("6月11日（星期日）09:00-11:00 社会工作综合能力(初级)、社会工作综合能力(中级)："
            "08:30 起凭准考证和有效身份证件入场；开考 30 分钟后（09:30）不得入场。") in text
    assert "6月10日" not in text
    assert "乘车路线：乘 2 路、16 路公交车至技师学院站下车" in text
    assert "居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证" in text
    # the place of the center's temporary ID desk, from its post
    assert "考点公安临时身份证明办理点（考点大门外西侧）办理临时身份证明" in text
    assert "考试咨询电话：0394-8238118" in text and "技术服务电话：0394-8238110" in text
    assert "开考后 2 小时内不得交卷离场" in text


def test_the_notice_sheet_prints_one_center_per_page(demo_db, tmp_path):
    with demo_db.begin() as session:
        found = notices(session, resolve_exam(session))
    sheet = NoticeSheet(found[:2])
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(sheet.render())
    assert sheet.page_count == 2 and sheet.warnings == []
    first = pdf_text(pdf, first=1, last=1)
    assert "考生须知" in first and "周口技师学院" in first and "0394-8238118" in first
    assert "七、咨询电话" in first


def test_a_desk_reads_only_its_own_centers_notice(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        center = session.scalar(select(TestCenter.id).where(TestCenter.code == "01"))
        desk = Actor("zhao", grants=(Grant(UserRole.DESK, exam.id, center),))
        assert [n.center_code for n in notices(session, exam, actor=desk)] == ["01"]
        with pytest.raises(AccessDenied):
            notices(session, exam, center="02", actor=desk)


def test_the_route_comes_with_the_rooms_workbook_and_a_new_one_is_reported(
        empty_exam, actor, tmp_path):
    from examdesk.exchange.problems import Severity
    from examdesk.services.imports.rooms import import_rooms
    from tests.core.exchange.helpers import ROOM_HEADER, room, write_workbook

    header = (*ROOM_HEADER, "乘车路线")

    def rooms(path, *route):
        return write_workbook(tmp_path / path, [header, [*room("01001"), route[0]],
                                                [*room("01002"), route[1]]], "考点考场")

    def imported(path):
        with empty_exam.db.begin() as session:
            return import_rooms(session, actor, empty_exam.exam, path)

    assert imported(rooms("a.xlsx", "乘 2 路至技师学院站", None)).problems == ()
    with empty_exam.db.begin() as session:
        assert session.scalar(select(TestCenter.route)) == "乘 2 路至技师学院站"
    result = imported(rooms("b.xlsx", None, "乘 16 路至技师学院站"))
    (change,) = result.problems
    assert change.severity == Severity.WARNING and change.header == "乘车路线"
    with empty_exam.db.begin() as session:
        assert session.scalar(select(TestCenter.route)) == "乘 16 路至技师学院站"
