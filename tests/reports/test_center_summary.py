"""考点情况汇总表: a page per center, embedded fonts, and the counts a PDF reader extracts."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from examdesk.printing.common import PrintedSession
from reports.center_summary import CenterSummaryData, CountLine, render_center_summaries
from tests.reports.pdftools import fonts_all_embedded, page_count, save, text, whole

EXAM = "2023年度社会工作者职业水平考试"
SESSIONS = (
    PrintedSession("S1", "6月10日", "14:00-16:00", ("社会工作法规与政策",)),
    PrintedSession("S2", "6月11日", "09:00-11:00",
                   ("社会工作综合能力(初级)", "社会工作综合能力(中级)")),
    PrintedSession("S3", "6月11日", "14:00-16:00", ("社会工作实务(初级)",)),
    PrintedSession("S4", "6月11日", "14:00-16:30", ("社会工作实务(中级)",)),
)
STAFF = ("主考", "副主考", "考务办公室", "保密员", "巡考", "监考员", "流动监考", "医务人员",
         "志愿者", "公安", "供电保障", "无线电监测")
POSTS = ("考生服务咨询台 周口市第一高级中学东门北侧考生服务咨询台帐篷", "医务室 行政楼一楼",
         "公安执勤点 东门", "供电保障 配电房", "无线电监测 教学楼A座楼顶", "物品存放处 西门",
         "考生服务咨询台 西门", "医务室 教学楼B座一楼")


def _summary(n: int) -> CenterSummaryData:
    return CenterSummaryData(
        exam_name=EXAM,
        center_code=f"0{n}",
        center_name=f"第{n}考点",
        address=f"周口市川汇区七一路{n}号",
        contact="李老师",
        rooms=40 + n,
        spare_rooms=2,
        seats=1230 + n,
        candidates=1190 + n,
        levels=(CountLine("初级", (25, 741)), CountLine("中级", (15 + n, 449 + n))),
        sessions=tuple(
            CountLine(s.label, (30 + i, 880 + i, 60 + 2 * i, 5, 3, 24 + i))
            for i, s in enumerate(SESSIONS)
        ),
        staff=tuple(CountLine(role, (i + 1,)) for i, role in enumerate(STAFF)),
        posts=tuple(CountLine(post, (3, 12 - (i == 1))) for i, post in enumerate(POSTS)),
        session_list=SESSIONS,
        phone=f"0394-888888{n}",
    )


SUMMARIES = [replace(_summary(1), contact="王𠮷", phone="13800000000"), _summary(2), _summary(3)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_center_summaries(SUMMARIES, fallback_fonts=())
    return save(tmp_path_factory.mktemp("summary"), pdf), warnings


def test_one_page_per_center(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3
    for page, summary in enumerate(SUMMARIES, start=1):
        assert f"考点：{summary.center_name}" in text(rendered[0], page, page)


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_labels_and_header(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0], 2, 2)
    for label in ("考点情况汇总表", EXAM, "地址：周口市川汇区七一路2号",
                  "联系人：李老师", "联系电话：0394-8888882",
                  "考场数", "备用考场", "座位数", "考生数", "级别", "场次", "使用考场", "应考人数",
                  "监考员", "流动监考", "巡考", "岗位人员", "工作人员", "岗位/角色", "人数",
                  "服务保障岗位", "每场人数", "已排人员", "合计", "第 2 页 / 共 3 页"):
        assert label in extracted, label


def test_counts(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0], 2, 2)
    rows = [line.split() for line in extracted.splitlines()]
    summary = SUMMARIES[1]
    # Key figures in two rows of two boxes, beside the staff table.
    assert any(row[:2] == [str(summary.rooms), str(summary.spare_rooms)] for row in rows)
    assert any(row[:2] == [str(summary.seats), str(summary.candidates)] for row in rows)
    assert any(row[:3] == ["初级", "25", "741"] for row in rows)
    assert any(row[:3] == ["中级", "17", "451"] for row in rows)
    assert any(row[:3] == ["合计", "42", "1192"] for row in rows)  # 42 = rooms in the figures
    for i in range(len(SESSIONS)):
        numbers = [str(v) for v in summary.sessions[i].values]
        assert any(row[-6:] == numbers for row in rows), numbers
    for i, role in enumerate(STAFF):
        assert any(role in row and str(i + 1) in row for row in rows), role
    assert any(row[-2:] == ["3", "11"] and row[0] == "医务室" for row in rows)


def test_long_labels_wrap_without_loss(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0], 1, 1)
    assert "周口市第一高级中学东门北侧考生服务咨询台帐篷" in extracted
    for session in (SESSIONS[0], *SESSIONS[2:]):
        assert session.label in extracted, session.label
    # Two papers take two lines, and no line starts with a closing bracket or comma.
    assert whole(rendered[0], SESSIONS[1].label)
    assert not re.search(r"^\s*[)）、]", extracted, re.MULTILINE)


def test_long_tables_continue_on_the_next_page(tmp_path: Path) -> None:
    many = tuple(CountLine(f"岗位{i:02d}", (1, 2)) for i in range(60))
    pdf, warnings = render_center_summaries([replace(_summary(4), posts=many)])
    path = save(tmp_path, pdf)
    assert page_count(path) == 3
    assert "服务保障岗位（续）" not in text(path, 1, 2)  # the table starts a page of its own
    assert "岗位00" in text(path, 2, 2)
    assert "服务保障岗位（续）" in text(path, 3, 3)
    assert "岗位59" in text(path, 3, 3)
    assert warnings == []


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    # The contact line (name, then the phone in its own field) is reported whole.
    assert rendered[1] == [
        "考点情况汇总表: 联系人：王𠮷　　联系电话：13800000000: no font has 𠮷 (U+20BB7)"]


def test_the_phone_is_a_field_of_its_own_not_under_the_contact(
    rendered: tuple[Path, list[str]], tmp_path: Path,
) -> None:
    extracted = text(rendered[0], 2, 2)
    contact = next(line for line in extracted.splitlines() if "联系人：" in line)
    assert re.search(r"联系人：李老师\s+联系电话：0394-8888882", contact)
    assert not re.search(r"联系人：\S*\d", contact)  # no number under 联系人
    pdf, _ = render_center_summaries([replace(_summary(2), phone="")], fallback_fonts=())
    assert "联系电话" not in text(save(tmp_path, pdf))
