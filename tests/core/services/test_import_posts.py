"""Importing posts: new posts added, a center's posts updated, nothing written on an error,
and the post roster export read back unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import time

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from examdesk.db import Database, open_database
from examdesk.enums import PostKind, StaffRole
from examdesk.exchange.problems import Severity
from examdesk.model import AuditEvent
from examdesk.planning.post_templates import DEFAULT_POST_TEMPLATES, SupplyAmount
from examdesk.services.audit import Actor
from examdesk.services.duty_exports import export_posts
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.posts import import_posts
from examdesk.services.posts import center_posts, remove_post
from tests.core.exchange.helpers import write_workbook

ACTOR = Actor("tester")
HEADER = ("考点编号", "岗位", "名称", "地点", "开放时间", "每场人数", "人员类别", "电话", "物资")


@pytest.fixture
def own(own_exam_copy_url: str) -> Iterator[Database]:
    database = open_database(own_exam_copy_url)
    yield database
    database.close()


def run(database: Database, path, **options):
    with database.write() as session:
        return import_posts(session, ACTOR, resolve_exam(session), path, **options)


def posts_of(database: Database, center: str):
    with database.begin() as session:
        return {(r.post.kind, r.post.name): r for r in
                center_posts(session, resolve_exam(session), center=center)}


def test_a_sheet_adds_posts_and_updates_those_a_center_has(own, tmp_path) -> None:
    path = write_workbook(tmp_path / "posts.xlsx", [
        HEADER,
        ("01", "考生服务咨询台", "东门", "东门内侧", "07:30-12:00", 2, "志愿者", "",
         "饮用水 50 瓶"),
        ("01", "医疗急救点", "", "校医院", "07:30-17:00", 4, "", "120", "急救箱 3 个"),
    ], title="岗位设置")
    result = run(own, path)
    assert (result.added, result.updated, result.errors, result.written) == (1, 1, (), True)
    changed = {(p.column, p.value) for p in result.problems
               if p.severity is Severity.WARNING}
    assert changed == {("D", "校医院"), ("F", "4"), ("H", "120"), ("I", "急救箱 3 个")}
    posts = posts_of(own, "01")
    east = posts[PostKind.SERVICE_DESK, "东门"]
    assert (east.post.place, east.post.opens, east.post.headcount, east.post.roles,
            east.post.supplies) == ("东门内侧", time(7, 30), 2, {StaffRole.VOLUNTEER},
                                    (SupplyAmount("饮用水", 50, "瓶"),))
    assert east.phone == ""  # the imported center has no phone to give
    medical = posts[PostKind.MEDICAL, ""]
    assert (medical.post.place, medical.post.headcount, medical.phone) == ("校医院", 4, "120")
    with own.begin() as session:
        assert session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) \
            == "import.posts"


def test_nothing_is_written_when_a_row_is_wrong(own, tmp_path) -> None:
    before = posts_of(own, "01")
    path = write_workbook(tmp_path / "posts.xlsx", [
        HEADER,
        ("01", "医疗急救点", "", "校医院", "07:30-17:00", 4, "", "", ""),
        ("01", "保密室", "", "", "17:00-07:00", 2, "", "", ""),
    ], title="岗位设置")
    result = run(own, path)
    assert not result.written and result.refused_rows == (3,)
    (error,) = result.errors
    assert (error.row, error.column) == (3, "E") and "end after they start" in error.what
    assert posts_of(own, "01") == before
    dry = run(own, write_workbook(tmp_path / "ok.xlsx", [HEADER, (
        "01", "医疗急救点", "", "校医院", "", 4, "", "", "")]), dry_run=True)
    assert dry.updated == 1 and not dry.written and posts_of(own, "01") == before


def test_the_post_roster_export_reads_back_unchanged(own, tmp_path) -> None:
    path = tmp_path / "roster.xlsx"
    with own.begin() as session:
        export_posts(session, ACTOR, resolve_exam(session), path)
    header = [c.value for c in load_workbook(path).worksheets[0][1]]
    # the roster's columns as scripts read them, then what the import needs
    assert header[:9] == ["考点", "岗位", "地点", "场次", "开放时间", "需要人数", "已安排",
                          "人员", "电话"]
    result = run(own, path)
    assert (result.added, result.updated, result.unchanged, result.problems, result.notes) \
        == (0, 0, 55, (), ())


def test_a_new_post_starts_from_the_standard_post_as_post_add_does(own, tmp_path) -> None:
    with own.write() as session:
        remove_post(session, ACTOR, resolve_exam(session), "01", PostKind.MEDICAL, "")
    path = write_workbook(tmp_path / "posts.xlsx", [
        ("考点编号", "岗位", "需要人数"), ("01", "医疗急救点", 2)], title="岗位设置")
    result = run(own, path)
    assert (result.added, result.errors, result.written) == (1, (), True)
    medical = posts_of(own, "01")[PostKind.MEDICAL, ""].post
    standard = next(t for t in DEFAULT_POST_TEMPLATES if t.kind is PostKind.MEDICAL)
    # the sheet's column is written, the others are the exam's standard medical post
    assert medical == replace(standard, headcount=2,
                              supplies=tuple(sorted(standard.supplies, key=lambda s: s.item)))
