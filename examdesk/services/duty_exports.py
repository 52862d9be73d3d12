"""Export staff duties as a workbook: who works where, in which session, in which role.

Columns as the issue states them: 考点, 场次, 日期, 时间, 考场/岗位, 角色, 姓名, 性别, 工作单位,
手机.
Lead invigilators are marked ``*`` after their role, as on printed rosters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData
from examdesk.labels import POST_KIND_LABELS
from examdesk.model import TestCenter
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.duties import exam_supplies
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.exports import PERSONAL_DATA, ExportResult, Recorded, write_export
from examdesk.services.rows.duties import iter_duty_rows
from examdesk.services.rows.posts import post_rows
from examdesk.services.scope import visible_centers

DUTY_COLUMNS = (
    Column("考点", 22), Column("场次", 22), Column("日期", 11), Column("时间", 12),
    Column("考场/岗位", 24), Column("角色", 14), Column("姓名", 10), Column("性别", 6),
    Column("工作单位", 30), Column("手机", 14, text=True),
)


def export_duties(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write every duty, by center, session and place, to ``path``.

    Args:
        session: the caller's session.
        actor: who exports (the export holds phone numbers: it is logged).
        exam: the exam.
        path: the .xlsx file to write.
        center: a test center's code: only its duties.
        progress: receives (done, total, message).
        cancelled: polled while writing.
        recorded: records the export in the audit trail, committed before the
            workbook is moved into place (when it fails, no file is left).

    Returns:
        The file and the number of duties written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for r in iter_duty_rows(session, exam, center_id=only, actor=actor,
                                permission=PERSONAL_DATA):
            yield (r.center, r.session, r.day, r.hours, r.place, r.role_text, r.name,
                   r.gender_label, r.work_unit, r.phone)

    title = "监考安排" if center is None else f"监考安排 {center}"
    return write_export(session, actor, exam, path, "duties", center,
                        SheetData(title, DUTY_COLUMNS, rows()), progress, cancelled, recorded)


#: The roster's columns first (as scripts read them), then what `import posts` needs to make
#: the post again: its name, roles and supplies.
POST_COLUMNS = (
    Column("考点", 22), Column("岗位", 18), Column("地点", 22), Column("场次", 22),
    Column("开放时间", 12), Column("需要人数", 9), Column("已安排", 8), Column("人员", 40),
    Column("电话", 14, text=True), Column("名称", 12), Column("人员类别", 16),
    Column("物资", 40), Column("报到时间", 9, text=True),
)
SUPPLY_COLUMNS = (
    Column("考点编号", 9, text=True), Column("考点", 22), Column("岗位", 18), Column("物品", 16),
    Column("数量", 8), Column("单位", 6),
)


def export_posts(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the post roster: each post in each shift with its people and its coverage.

    A post is listed in the shifts it is staffed in (the sessions its center holds), with
    when its people report; a post staffed in none gets one row without a session. The
    workbook reads back with `import posts`.

    Args: as :func:`export_duties`.

    Returns:
        The file and the number of rows written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for post in post_rows(session, exam, center_id=only, actor=actor,
                              permission=PERSONAL_DATA):
            head = (post.center, post.kind_label, post.place)
            tail = (post.phone, post.name, post.roles_text, post.supplies_text)
            for shift in post.shifts or (None,):
                on = shift.people if shift else ()
                yield (*head, shift.sessions if shift else "", post.hours, post.headcount,
                       len(on), "、".join(on), *tail, shift.report if shift else "")

    title = "岗位值班表" if center is None else f"岗位值班表 {center}"
    return write_export(session, actor, exam, path, "posts", center,
                        SheetData(title, POST_COLUMNS, rows()), progress, cancelled, recorded)


def export_supplies(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the supplies each center's posts need for its busiest day.

    Args: as :func:`export_duties`.

    Returns:
        The file and the number of supply lines written.
    """
    seen = visible_centers(actor, exam, center_id(session, exam, center), code=center or "")
    lines = [line for line in exam_supplies(session, exam, center=center)
             if seen is None or line.center_id in seen]  # a few lines per center
    names = {cid: (code, name) for cid, code, name in session.execute(
        select(TestCenter.id, TestCenter.code, TestCenter.name)
        .where(TestCenter.exam_id == exam.id))}
    rows = [(names[line.center_id][0], names[line.center_id][1],
             POST_KIND_LABELS[line.post_kind], line.item, line.quantity, line.unit)
            for line in lines]
    title = "物资清单" if center is None else f"物资清单 {center}"
    return write_export(session, actor, exam, path, "supplies", center,
                        SheetData(title, SUPPLY_COLUMNS, rows), progress, cancelled, recorded)
