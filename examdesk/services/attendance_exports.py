"""The attendance workbook: one row per room and session with its counts and absentees."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from examdesk.exchange.writer import Column, SheetData
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.attendance import sitting_counts
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.exports import ExportResult, Recorded, write_export
from examdesk.services.scope import visible_centers

ATTENDANCE_COLUMNS = (
    Column("考点编号", 9, text=True), Column("考场号", 8, text=True),
    Column("场次", 8, text=True), Column("应考人数", 9), Column("实到人数", 9),
    Column("迟到人数", 9), Column("缺考人数", 9), Column("未标记", 8), Column("答题卡数", 9),
    Column("已封存", 8), Column("核对", 40), Column("缺考考生准考证号", 40, text=True),
)


def export_attendance(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the attendance of every room and session (of one center) the actor may see.

    Args:
        center: a test center's code: only its rooms.
        recorded: logs the export before the workbook is moved into place.

    Returns:
        The file and the number of room-sessions written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "")  # refuses another center's desk
    counts = sitting_counts(session, exam, actor=actor, center=only, center_code=center or "")
    rows = [(c.center, c.room, c.session, c.expected, c.present + c.late, c.late, c.absent,
             c.unmarked, c.answer_sheets, "是" if c.sealed else "",
             " ".join(c.problems) if c.mismatch else ("" if not c.started else "无误"),
             " ".join(c.absent_tickets)) for c in counts]
    title = "考勤" if center is None else f"考勤 {center}"
    return write_export(session, actor, exam, path, "attendance", center,
                        SheetData(title, ATTENDANCE_COLUMNS, rows), progress, cancelled,
                        recorded)
