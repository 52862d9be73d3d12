"""The import use cases both faces run: a wizard prepares on a snapshot, shows progress, may
cancel, and applies what the user accepted; the fix-up report comes from the prepared file."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from examdesk.model import Candidate
from examdesk.progress import OperationCancelled
from examdesk.services import demo
from examdesk.services.imports import Accept
from tests.core.exchange.helpers import HEADER, MAN, WOMAN, candidate, write_workbook
from ui.jobs.imports import ImportRequest, apply_import, prepare_import, run_import, write_report


@pytest.fixture
def exam_db(db, actor):
    with db.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
    return db


def stored(db):
    with db.begin() as session:
        return session.scalar(select(func.count(Candidate.id)))


def test_a_wizard_prepares_then_applies_the_valid_rows(exam_db, actor, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", "411602197301221049"),
        candidate(3, "王五", "女", WOMAN)])
    seen = []
    prepared = prepare_import(exam_db, ImportRequest("candidates", path),
                              progress=lambda done, total, message: seen.append(message))
    assert seen and prepared.refused_rows == (3,) and prepared.changes.added == (2, 4)
    report = tmp_path / "report.xlsx"
    write_report(exam_db, actor, prepared, report)  # the fix-up report, before deciding
    sheet = load_workbook(report).worksheets[0]
    assert any("411602197301221049" in str(c.value) for c in sheet[3])
    assert stored(exam_db) == 0

    # cancelled while writing: nothing written, and the same prepared file can be applied
    with pytest.raises(OperationCancelled):
        apply_import(exam_db, prepared, accept=Accept.VALID, actor=actor,
                     cancelled=lambda: True)
    assert stored(exam_db) == 0
    outcome = apply_import(exam_db, prepared, accept=Accept.VALID, actor=actor)
    assert outcome.result.written and outcome.check is None
    assert stored(exam_db) == 2


def test_run_import_is_the_one_go_of_the_command_line(exam_db, actor, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [HEADER, candidate(1, "张三", "男", MAN)])
    dry = run_import(exam_db, ImportRequest("candidates", path, dry_run=True), actor=actor)
    assert (dry.result.added, dry.result.written, stored(exam_db)) == (1, False, 0)
    done = run_import(exam_db, ImportRequest("candidates", path), actor=actor)
    assert done.result.written and done.result.changes.added == (2,) and stored(exam_db) == 1
