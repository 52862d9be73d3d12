"""Abbreviations of levels and subjects: seeded with the exam, accepted by imports, editable,
refused when ambiguous, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from examdesk.errors import BadInput
from examdesk.model import AuditEvent, Candidate, Level, Subject, candidate_subjects
from examdesk.services.abbreviations import (
    COMMON_ABBREVIATIONS,
    add_abbreviation,
    remove_abbreviation,
)
from examdesk.services.exams import level_names
from examdesk.services.imports.candidates import import_candidates
from tests.core.exchange.helpers import HEADER, MAN, OTHER_WOMAN, WOMAN, candidate, write_workbook


def run_import(empty_exam, actor, path):
    with empty_exam.db.begin() as session:
        return import_candidates(session, actor, empty_exam.exam, path)


def papers(db, id_number):
    with db.begin() as session:
        level = session.scalar(select(Level.name).join(Candidate)
                               .where(Candidate.id_number == id_number))
        codes = session.scalars(
            select(Subject.code).join(candidate_subjects)
            .join(Candidate, Candidate.id == candidate_subjects.c.candidate_id)
            .where(Candidate.id_number == id_number).order_by(Subject.code)).all()
    return level, codes


def names(empty_exam):
    with empty_exam.db.begin() as session:
        return {item.name: item.abbreviations
                for level in level_names(session, empty_exam.exam.id)
                for item in (level, *level.subjects)}


def change(empty_exam, actor, how, target, abbreviation):
    with empty_exam.db.begin() as session:
        return how(session, actor, empty_exam.exam, target, abbreviation)


def test_a_new_exam_has_the_common_abbreviations(empty_exam):
    assert names(empty_exam) == COMMON_ABBREVIATIONS


def test_rows_written_with_the_clerks_abbreviations_import(empty_exam, actor, tmp_path):
    path = write_workbook(tmp_path / "short.xlsx", [
        HEADER,
        candidate(1, "张三", "男", MAN, level="社工师", subjects="中级实务、法规政策"),
        candidate(2, "李四", "女", WOMAN, level="助理社工师",
                  subjects="初级综合能力、实务（初级）"),
        candidate(3, "王五", "女", OTHER_WOMAN, level="中级社工师", subjects="综合能力(中级)"),
    ])
    result = run_import(empty_exam, actor, path)
    assert result.problems == () and result.added == 3
    assert papers(empty_exam.db, MAN) == ("社会工作师", ["22", "23"])
    assert papers(empty_exam.db, WOMAN) == ("助理社会工作师", ["11", "12"])
    assert papers(empty_exam.db, OTHER_WOMAN) == ("社会工作师", ["21"])


def test_an_added_abbreviation_is_accepted_and_a_removed_one_refused(
        empty_exam, actor, tmp_path):
    written = "社会工作师（中级）"
    path = write_workbook(tmp_path / "a.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN, level=written, subjects="实务")])
    assert run_import(empty_exam, actor, path).errors  # not known yet
    added = change(empty_exam, actor, add_abbreviation, "社会工作师", f" {written} ")
    assert added.changed and added.abbreviations[-1] == written and not added.subject
    assert run_import(empty_exam, actor, path).added == 1
    removed = change(empty_exam, actor, remove_abbreviation, "2", "社会工作师(中级)")
    assert removed.changed and written not in removed.abbreviations
    with empty_exam.db.begin() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.actor, AuditEvent.details)
                                 .where(AuditEvent.action.like("exam.abbreviation.%"))
                                 .order_by(AuditEvent.id)).all()
    assert [(a, who) for a, who, _ in events] == [
        ("exam.abbreviation.add", "tester"), ("exam.abbreviation.remove", "tester")]
    assert events[0][2] == {"name": "社会工作师", "added": written}
    other = write_workbook(tmp_path / "b.xlsx", [
        HEADER, candidate(2, "李四", "女", WOMAN, level=written, subjects="实务")])
    (problem,) = run_import(empty_exam, actor, other).errors
    assert problem.column == "F" and "not one of the exam's levels" in problem.what


def test_a_subject_abbreviation_is_added_within_its_level(empty_exam, actor):
    added = change(empty_exam, actor, add_abbreviation, "2/22", "中级实操")
    assert added.subject and (added.level, added.name) == ("社会工作师", "社会工作实务(中级)")
    assert names(empty_exam)["社会工作实务(中级)"][-1] == "中级实操"
    # the same form already known changes nothing
    again = change(empty_exam, actor, add_abbreviation, "社会工作实务(中级)", "中级实操")
    assert not again.changed and again.abbreviations == added.abbreviations


@pytest.mark.parametrize(("target", "abbreviation", "says"), [
    # another level's name or abbreviation: the cell could mean either level
    ("社会工作师", "助理社工师", "already how 助理社会工作师 is written"),
    ("助理社会工作师", "社会工作师", "already how 社会工作师 is written"),
    ("助理社会工作师", "中级", "already how 社会工作师 is written"),
    ("助理社会工作师", "2", "already how 社会工作师 is written"),
    # another paper of the level, or a form naming another level's paper
    ("2/22", "法规政策", "already how 社会工作法规与政策 is written"),
    ("2/22", "综合能力", "already how 社会工作综合能力(中级) is written"),
    ("2/22", "初级实务", "already how 社会工作实务(初级) is written"),
    ("2/22", "社会工作实务(初级)", "already how 社会工作实务(初级) is written"),
    # forms that could never match, or name nothing
    ("2/22", "实务 中级", "split at spaces"),
    ("社会工作师", "  ", "Write the abbreviation"),
    ("社会工作师", "社" * 51, "at most 50 characters"),
    ("综合能力", "综合", "could mean 社会工作综合能力(初级), 社会工作综合能力(中级)"),
    ("高级", "高工", "No level or subject of the exam is written “高级”"),
    ("9/22", "高工", "No level or subject of the exam is written “9/22”; the levels are "
                   "助理社会工作师, 社会工作师"),
    # a level's subjects are named as its subjects, not as the exam's levels
    ("2/", "中实", "Level 社会工作师 has no subject written “”; its subjects are 21 "
                 "社会工作综合能力(中级), 22 社会工作实务(中级), 23 社会工作法规与政策"),
    ("2/24", "中实", "Level 社会工作师 has no subject written “24”"),
])
def test_ambiguous_or_useless_abbreviations_are_refused(empty_exam, actor, target,
                                                        abbreviation, says):
    before = names(empty_exam)
    with pytest.raises(BadInput) as refused:
        change(empty_exam, actor, add_abbreviation, target, abbreviation)
    assert says in str(refused.value)
    assert names(empty_exam) == before


def test_only_abbreviations_can_be_removed(empty_exam, actor):
    with pytest.raises(BadInput) as refused:
        change(empty_exam, actor, remove_abbreviation, "社会工作师", "中级")
    assert "stay accepted" in str(refused.value)
    with pytest.raises(BadInput) as refused:
        change(empty_exam, actor, remove_abbreviation, "社会工作师", "社工")
    assert "its abbreviations are: 社工师、中级社会工作师、中级社工师" in str(refused.value)
