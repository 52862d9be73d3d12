"""`examdesk export audit`: the audit trail as a workbook, filtered as the 审计 page filters it.

The headers are fixed (README, "Exporting"), so a script or an inspector's spreadsheet can rely
on them. The trail holds personal data (the values before and after a change): its export is
itself logged, committed before the workbook is moved into place, like every export.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData, write_workbook
from examdesk.i18n import translate
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.exports import ExportResult, Recorded
from examdesk.services.rows.audit import (
    EVERY_EVENT,
    AuditFilter,
    iter_audit_rows,
    require_audit_reader,
)

# Data, in the registration systems' words as the other exports: the same in every language.
AUDIT_COLUMNS = (
    Column("编号", 9), Column("时间", 20), Column("用户", 14), Column("操作", 24),
    Column("考试", 12, text=True), Column("对象", 24), Column("对象编号", 12, text=True),
    Column("摘要", 50), Column("修改前", 40), Column("修改后", 40),
)


def export_audit(
    session: Session, actor: Actor, path: str | Path, wanted: AuditFilter = EVERY_EVENT, *,
    progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
    recorded: Recorded | None = None,
) -> ExportResult:
    """Write the events the filter keeps, newest first, to ``path``.

    Args:
        session: the caller's session.
        actor: who exports (they must be allowed to read the trail).
        path: the .xlsx file to write (replaced if it exists).
        wanted: which events.
        progress: receives (done, total, message).
        cancelled: polled while writing.
        recorded: logs the export, committed before the workbook is moved into place.

    Raises:
        AccessDenied: the actor may not read the trail.
        BadInput: the file cannot be written.
    """
    require_audit_reader(actor)
    target = Path(path)

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for r in iter_audit_rows(session, actor, wanted):
            yield (r.event_id, r.local_time, r.user, r.action_label, r.exam, r.about, r.entity_id,
                   r.summary, r.before_text, r.after_text)

    def before_replace(count: int) -> None:
        if recorded is not None:
            recorded(ExportResult(target, count, "audit", None, actor))

    count = write_workbook(target, [SheetData("审计记录", AUDIT_COLUMNS, rows())],
                           progress=progress, cancelled=cancelled,
                           before_replace=before_replace)
    return ExportResult(target, count, "audit", None, actor)


def record_audit_export(session: Session, result: ExportResult, wanted: AuditFilter) -> None:
    """Log an export of the trail (it holds the values before and after every change)."""
    assert result.actor is not None
    audit.record(
        session, result.actor, "export.audit", entity="audit",
        summary=translate("Audit", "Exported {count} audit events to {file}").format(
            count=result.rows, file=result.path.name),
        details={"file": str(result.path), "rows": result.rows,
                 "user": wanted.user or "", "action": wanted.action or "",
                 "since": str(wanted.since or ""), "until": str(wanted.until or "")},
    )
