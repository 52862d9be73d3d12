"""Imports, as the command line and the window run them: prepare a file (read and checked
once, nothing written), apply what the user accepted in one writing transaction, write the
fix-up report, and check an imported seating plan as `examdesk check` does.

No Qt here: progress and cancelling are callables (docs/architecture.md, "Progress and cancel
are callables").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from examdesk.db import Database
from examdesk.exchange.headers import HeaderChoice
from examdesk.exchange.report import write_problem_report
from examdesk.exchange.writer import Column, SheetData, write_workbook
from examdesk.i18n import translate
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.exports import record_report
from examdesk.services.imports import Accept, ImportResult, PreparedImport
from examdesk.services.imports.kinds import import_kind
from examdesk.services.imports.seating import SEATING
from examdesk.services.plan_check import PlanCheck, check_exam_plan


@dataclass(frozen=True)
class ImportRequest:
    """One import, as a face asks for it.

    Attributes:
        kind: an import kind's key (:data:`examdesk.services.imports.kinds.KINDS`).
        path: the file (for photos: the folder).
        sheet: the sheet's name (``None``: the first visible one).
        exam: the exam's code (``None``: the only exam).
        header: the user's header row and columns over the detected ones.
        accept: every row (nothing is written when any has an error) or the valid ones.
        dry_run: check only; write nothing.
    """

    kind: str
    path: Path
    sheet: str | None = None
    exam: str | None = None
    header: HeaderChoice | None = None
    accept: Accept = Accept.ALL
    dry_run: bool = False


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, and for a seating plan written, the plan's whole check.

    Attributes:
        result: what was found and written.
        check: the plan checked as `examdesk check` does, once a seating plan was written
            (``None`` otherwise).
    """

    result: ImportResult
    check: PlanCheck | None = None


def prepare_import(db: Database, request: ImportRequest, *, progress: Progress = no_progress,
                   cancelled: Cancelled = never_cancelled,
                   actor: Actor | None = None) -> PreparedImport[Any]:
    """Read and check a file against one snapshot of the exam; write nothing (a wizard's
    first step: it shows the header mapping, the problems and what would change).

    Raises:
        BadInput: the file cannot be read, or names no exam's data.
        OperationCancelled: the user cancelled.
    """
    with db.begin() as session:
        exam = resolve_exam(session, request.exam)
        return import_kind(request.kind).prepare(
            session, exam, request.path, sheet=request.sheet, header=request.header,
            progress=progress, cancelled=cancelled, actor=actor)


def apply_import(db: Database, prepared: PreparedImport[Any], *, accept: Accept = Accept.ALL,
                 actor: Actor | None = None,
                 progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> ImportOutcome:
    """Write what the user accepted of a prepared file in one writing transaction, then
    check a seating plan written (a wizard's last step), into the exam it was prepared for.

    Raises:
        PreparedOutdated: the exam changed since the file was prepared; prepare it again.
        DatabaseBusy: another writer held the database too long.
        OperationCancelled: the user cancelled; nothing was written.
    """
    kind = import_kind(prepared.kind)
    with db.write(f"import {kind.key}") as session:
        result = kind.apply(session, actor or Actor.from_environment(), prepared.exam,
                            prepared, accept=accept, progress=progress, cancelled=cancelled)
    return _checked(db, result, prepared.exam.code, actor)


def run_import(db: Database, request: ImportRequest, *, actor: Actor | None = None,
               progress: Progress = no_progress,
               cancelled: Cancelled = never_cancelled) -> ImportOutcome:
    """Import a file in one go (`examdesk import`): prepare and apply in one writing
    transaction (a dry run only prepares, on a snapshot), then check a seating plan written.

    Raises:
        BadInput: the file cannot be read.
        DatabaseBusy: another writer held the database too long.
        OperationCancelled: the user cancelled; nothing was written.
    """
    kind = import_kind(request.kind)
    if request.dry_run:
        return ImportOutcome(prepare_import(db, request, progress=progress,
                                            cancelled=cancelled, actor=actor).result())
    with db.write(f"import {kind.key}") as session:
        exam = resolve_exam(session, request.exam)
        prepared = kind.prepare(session, exam, request.path, sheet=request.sheet,
                                header=request.header, progress=progress, cancelled=cancelled,
                                actor=actor)
        result = kind.apply(session, actor or Actor.from_environment(), exam, prepared,
                            accept=request.accept, progress=progress, cancelled=cancelled)
    return _checked(db, result, request.exam, actor)


def _checked(db: Database, result: ImportResult, exam: str | None,
             actor: Actor | None) -> ImportOutcome:
    """A seating plan written is checked whole, as `examdesk check` does."""
    if result.what != SEATING.key or not result.written:
        return ImportOutcome(result)
    with db.begin() as session:
        return ImportOutcome(result, check_exam_plan(session, resolve_exam(session, exam),
                                                     actor=actor))


def write_report(db: Database, actor: Actor, found: ImportResult | PreparedImport[Any],
                 path: Path, *, exam: str | None = None) -> None:
    """The fix-up report: the sheet back with the problem cells highlighted and a problems
    column, to fix in Excel and import again (photos: the problem list and the candidates
    without a photo).

    It holds names and ID numbers: it is logged in the audit trail, committed before the
    workbook is moved into place (no file is left when the log cannot be committed).

    Args:
        db: the database the import ran on.
        actor: who saves the report.
        found: the import, prepared or run.
        path: the workbook to write.
        exam: the exam's code, for a run import (a prepared one knows its exam).

    Raises:
        BadInput: the report cannot be written there.
        DatabaseBusy: another writer held the database too long; nothing was written.
    """
    what = found.kind if isinstance(found, PreparedImport) else found.what

    def audited(*_written: object) -> None:
        with db.write(f"import {what} report") as session:
            ref = found.exam if isinstance(found, PreparedImport) else resolve_exam(session, exam)
            record_report(session, actor, ref, what, path, len(found.problems))

    if found.source is not None:
        write_problem_report(found.source, found.header_row, found.problems, path, found.notes,
                             before_replace=audited)
        return
    problem_columns = (
        Column(translate("Import", "File"), 30), Column(translate("Import", "Severity"), 8),
        Column(translate("Import", "What is wrong"), 50),
        Column(translate("Import", "How to fix"), 50),
    )
    sheets = [
        SheetData(
            translate("Import", "Problem list"), problem_columns,
            [(p.file, translate("Import", "Error") if p.is_error else
              translate("Import", "Warning"), p.what, p.fix) for p in found.problems],
        ),
        SheetData(
            translate("Import", "No photo"),
            (Column(translate("Import", "Registration number"), 18, text=True),
             Column(translate("Import", "Name"), 12)),
            [tuple(line.split(" ", 1)) for line in found.missing],
        ),
    ]
    write_workbook(path, sheets, before_replace=audited)
