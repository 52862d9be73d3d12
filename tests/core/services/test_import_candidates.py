"""Importing candidates writes all or nothing, updates by ID number and numbers registrations."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.enums import Gender
from examdesk.exchange.problems import Severity
from examdesk.model import AuditEvent, Candidate, Level, Subject, candidate_subjects
from examdesk.progress import OperationCancelled
from examdesk.services.imports.candidates import import_candidates
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import (
    HEADER,
    MAN,
    OTHER_WOMAN,
    WOMAN,
    candidate,
    write_workbook,
)


def count(db, column=Candidate.id):
    with db.begin() as session:
        return session.scalar(select(func.count(column)))


def run_import(empty_exam, actor, path, **options):
    with empty_exam.db.begin() as session:
        return import_candidates(session, actor, empty_exam.exam, path, **options)


def stored(db, id_number):
    with db.begin() as session:
        row = session.execute(
            select(Candidate.name, Candidate.phone, Candidate.gender, Candidate.registration_no,
                   Level.short_name)
            .join(Level).where(Candidate.id_number == id_number)).one()
        papers = session.scalars(
            select(Subject.code).join(candidate_subjects)
            .join(Candidate, Candidate.id == candidate_subjects.c.candidate_id)
            .where(Candidate.id_number == id_number).order_by(Subject.code)).all()
        return row, papers


def test_the_sample_list_imports_cleanly(empty_exam, actor):
    result = run_import(empty_exam, actor, SAMPLES / "candidates.xlsx")
    assert (result.rows, result.added, result.updated, result.refused) == (6000, 6000, 0, 0)
    assert result.problems == () and result.written
    assert count(empty_exam.db) == 6000
    # every paper listed in column G (some candidates sit only part of their level's)
    assert count(empty_exam.db, candidate_subjects.c.subject_id) == 12930
    with empty_exam.db.begin() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "import.candidates")).one()
        assert event.actor == "tester" and event.details["added"] == 6000


def test_importing_the_same_list_again_changes_nothing(empty_exam, actor):
    run_import(empty_exam, actor, SAMPLES / "candidates-small.xlsx")
    again = run_import(empty_exam, actor, SAMPLES / "candidates-small.xlsx")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 300)
    assert not again.written and again.problems == ()
    assert count(empty_exam.db) == 300


def test_a_known_id_number_updates_the_candidate_and_reports_what_changed(
        empty_exam, actor, tmp_path):
    first = write_workbook(tmp_path / "a.xlsx", [HEADER, candidate(1, "张三", "男", MAN)])
    run_import(empty_exam, actor, first)
    changed = candidate(1, "张叁", "男", MAN, level="中级", subjects="实务、法规与政策",
                        phone="13800000000")
    second = write_workbook(tmp_path / "b.xlsx", [HEADER, changed])
    result = run_import(empty_exam, actor, second)
    assert (result.added, result.updated) == (0, 1) and result.written
    warnings = {p.column: p for p in result.problems}
    assert set(warnings) == {"B", "F", "G", "I"}  # name, level, subjects, phone
    assert all(p.severity is Severity.WARNING and p.row == 2 for p in warnings.values())
    assert "张三" in warnings["B"].what and warnings["B"].value == "张叁"
    assert count(empty_exam.db) == 1
    (name, phone, _gender, _reg, level), papers = stored(empty_exam.db, MAN)
    assert (name, phone, level, papers) == ("张叁", "13800000000", "中级", ["22", "23"])


def test_errors_write_nothing(empty_exam, actor, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", "411602197301221049"),
    ])
    result = run_import(empty_exam, actor, path)
    assert result.refused_rows == (3,) and not result.written and result.added == 1
    assert count(empty_exam.db) == 0
    with empty_exam.db.begin() as session:
        assert session.scalar(select(func.count(AuditEvent.id))
                              .where(AuditEvent.action == "import.candidates")) == 0


def test_skip_invalid_imports_exactly_the_valid_rows(empty_exam, actor, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", "411602197301221049"),
        candidate(3, "王五", "女", WOMAN, level="高级"), candidate(4, "赵六", "女", OTHER_WOMAN),
    ])
    result = run_import(empty_exam, actor, path, skip_invalid=True)
    assert result.refused_rows == (3, 4) and result.added == 2 and result.written
    with empty_exam.db.begin() as session:
        assert set(session.scalars(select(Candidate.id_number))) == {MAN, OTHER_WOMAN}


def test_a_dry_run_counts_but_writes_nothing(empty_exam, actor):
    result = run_import(empty_exam, actor, SAMPLES / "candidates-small.xlsx", dry_run=True)
    assert (result.added, result.written) == (300, False)
    assert count(empty_exam.db) == 0


def test_a_registration_number_of_another_candidate_is_refused(empty_exam, actor, tmp_path):
    run_import(empty_exam, actor, write_workbook(
        tmp_path / "e.xlsx", [HEADER, candidate(1, "张三", "男", MAN)]))
    taken = candidate(2, "李四", "女", WOMAN)
    taken[9] = "20234116000001"  # 张三's
    result = run_import(empty_exam, actor, write_workbook(tmp_path / "f.xlsx", [HEADER, taken]))
    (problem,) = result.errors
    assert (problem.row, problem.column) == (2, "J") and "411623" in problem.what
    assert count(empty_exam.db) == 1


def test_blank_registration_numbers_are_numbered_after_the_taken_ones(
        empty_exam, actor, tmp_path):
    rows = [candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", WOMAN)]
    rows[0][9] = "20234116000001"
    rows[1][9] = None
    run_import(empty_exam, actor, write_workbook(tmp_path / "g.xlsx", [HEADER, *rows]))
    assert stored(empty_exam.db, WOMAN)[0][3] == "20234116000002"


def test_without_a_subjects_column_candidates_sit_every_paper_of_their_level(
        empty_exam, actor, tmp_path):
    header = [h for h in HEADER if h != "报考科目"]
    row = candidate(1, "张三", "男", MAN, level="社会工作师")
    del row[6]
    run_import(empty_exam, actor, write_workbook(tmp_path / "h.xlsx", [header, row]))
    assert stored(empty_exam.db, MAN)[1] == ["21", "22", "23"]


def test_rare_characters_outside_the_bmp_are_stored_exactly(empty_exam, actor, tmp_path):
    name = "\U00020BB7\u4e09"  # 𠮷三
    run_import(empty_exam, actor, write_workbook(
        tmp_path / "i.xlsx", [HEADER, candidate(1, f" {name}\u3000", "男", MAN)]))
    assert stored(empty_exam.db, MAN)[0][0] == name


def test_a_cancelled_import_leaves_the_database_as_it_was(empty_exam, actor):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # the second check comes after the candidates are inserted

    with pytest.raises(OperationCancelled):
        run_import(empty_exam, actor, SAMPLES / "candidates.xlsx", cancelled=cancelled)
    assert count(empty_exam.db) == 0


def test_gender_is_taken_from_the_id_number_when_blank(empty_exam, actor, tmp_path):
    run_import(empty_exam, actor, write_workbook(
        tmp_path / "j.xlsx", [HEADER, candidate(1, "李四", None, WOMAN)]))
    assert stored(empty_exam.db, WOMAN)[0][2] is Gender.FEMALE
