"""Export candidates, rooms and staff as workbooks that the importers read back unchanged.

The headers are the first names the importers know for each column (headers.py), so an
exported list can be corrected in Excel and imported again. Exports of personal data are
logged in the audit trail (docs/domain.md, "Personal data"): by :func:`record_export`, in a
short transaction of its own that the caller commits through ``recorded`` once the workbook
is complete and before it is moved into place, so that a long export only reads and a file
whose export could not be logged is never left on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData, write_workbook
from examdesk.i18n import translate
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.rows.candidates import iter_candidate_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.seating import iter_seat_rows
from examdesk.services.rows.staff import staff_rows
from examdesk.services.scope import visible_centers

YES, NO = "是", "否"
# Sheet titles and headers are data, in the registration systems' words (as the samples),
# not interface text: a workbook reads the same whichever language the clerk's window uses.

CANDIDATE_COLUMNS = (
    Column("序号", 7), Column("姓名", 10), Column("性别", 6), Column("证件类型", 12),
    Column("证件号码", 21, text=True), Column("报考级别", 16), Column("报考科目", 44),
    Column("工作单位", 30), Column("联系电话", 14, text=True), Column("报名序号", 17, text=True),
    Column("考点编号", 9, text=True), Column("考点名称", 22), Column("考场号", 9, text=True),
    Column("座位号", 7), Column("准考证号", 17, text=True),
)
ROOM_COLUMNS = (
    Column("序号", 7), Column("考点编号", 9, text=True), Column("考点名称", 22),
    Column("考点地址", 30), Column("考场号", 9, text=True), Column("楼栋", 10), Column("楼层", 6),
    Column("教室", 10, text=True), Column("座位行数", 9), Column("座位列数", 9),
    Column("座位数", 8), Column("不可用座位", 14), Column("无障碍考场", 10),
    Column("备用考场", 9),
)
SEATING_COLUMNS = (
    Column("考点编号", 9, text=True), Column("考点名称", 22), Column("考场号", 9, text=True),
    Column("座位号", 7), Column("准考证号", 17, text=True), Column("姓名", 10), Column("性别", 6),
    Column("身份证号", 21, text=True), Column("报考级别", 16), Column("报考科目", 44),
    Column("工作单位", 30),
)
STAFF_COLUMNS = (
    Column("序号", 7), Column("姓名", 10), Column("性别", 6), Column("身份证号", 21, text=True),
    Column("工作单位", 30), Column("手机号码", 14, text=True), Column("人员类别", 14),
    Column("所属考点", 22), Column("回避考生身份证号", 21, text=True),
)


#: What an export with names and ID numbers or phones needs at every center it covers: a
#: desk exports its own center's, a viewer none (issue 13).
PERSONAL_DATA = Permission.PRINT_PERSONAL


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, to log with :func:`record_export`.

    Attributes:
        path: the workbook written.
        rows: the data rows written.
        what: what was exported (candidates, rooms, ...).
        center: the test center's code, when only one was exported.
        actor: who exported.
    """

    path: Path
    rows: int
    what: str = ""
    center: str | None = None
    actor: Actor | None = None


def export_candidates(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the exam's candidates (with their seats once allocated) to ``path``.

    Args:
        session: the caller's session.
        actor: who exports, for the audit trail.
        exam: the exam.
        path: the .xlsx file to write (replaced if it exists).
        center: a test center's code: only candidates seated there.
        progress: receives (done, total, message).
        cancelled: polled while writing.
        recorded: records the export in the audit trail, committed before the
            workbook is moved into place (when it fails, no file is left).

    Returns:
        The file and the number of candidates written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for number, r in enumerate(iter_candidate_rows(session, exam, center_id=only,
                                                       actor=actor, permission=PERSONAL_DATA),
                                   start=1):
            yield (number, r.name, r.gender_label, r.id_type_label, r.id_number, r.level,
                   r.papers_text, r.work_unit, r.phone, r.registration_no, r.center_code,
                   r.center_name, r.room_code, r.seat_no, r.ticket_no)

    return write_export(session, actor, exam, path, "candidates", center,
                  SheetData(_title("考生名单", center),
                            CANDIDATE_COLUMNS, rows()), progress, cancelled, recorded)


def export_seating(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the seating plan (seated candidates by center, room and seat) to ``path``.

    ``examdesk import seating`` reads it back.

    Args: as :func:`export_candidates`.

    Returns:
        The file and the number of seats written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for r in iter_seat_rows(session, exam, center_id=only, actor=actor,
                                permission=PERSONAL_DATA):
            yield (r.center_code, r.center_name, r.room_code, r.seat_no, r.ticket_no, r.name,
                   r.gender_label, r.id_number, r.level, r.papers_text, r.work_unit)

    return write_export(session, actor, exam, path, "seating", center,
                  SheetData(_title("考场编排", center), SEATING_COLUMNS, rows()),
                  progress, cancelled, recorded)


def export_rooms(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the exam's test centers and rooms to ``path`` (one row per room).

    Args: as :func:`export_candidates`; ``center`` limits the rows to one test center.

    Returns:
        The file and the number of rooms written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "")  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for number, r in enumerate(room_rows(session, exam, center_id=only, actor=actor),
                                   start=1):
            yield (number, r.center_code, r.center_name, r.center_address, r.code, r.building,
                   r.floor, r.label, r.rows, r.columns, r.capacity, r.unusable_text,
                   YES if r.accessible else NO, YES if r.spare else NO)

    return write_export(session, actor, exam, path, "rooms", center,
                  SheetData(_title("考点考场", center), ROOM_COLUMNS, rows()),
                  progress, cancelled, recorded)


def export_staff(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the exam's staff with their roles, home centers and relatives to ``path``.

    Args: as :func:`export_candidates`; ``center`` limits the rows to one home center.

    Returns:
        The file and the number of staff written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)  # refused early

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for number, r in enumerate(staff_rows(session, exam, center_id=only, actor=actor,
                                              permission=PERSONAL_DATA), start=1):
            yield (number, r.name, r.gender_label, r.id_number, r.work_unit, r.phone,
                   r.roles_text, r.home_center, r.relatives_text)

    return write_export(session, actor, exam, path, "staff", center,
                  SheetData(_title("工作人员", center), STAFF_COLUMNS, rows()),
                  progress, cancelled, recorded)


def _title(base: str, center: str | None) -> str:
    return base if center is None else f"{base} {center}"


#: Records a finished export in the audit trail; committed before the file is moved into
#: place (examdesk/private_files.py).
Recorded = Callable[[ExportResult], object]


def write_export(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, what: str,
    center: str | None, sheet: SheetData, progress: Progress, cancelled: Cancelled,
    recorded: Recorded | None = None,
) -> ExportResult:
    """Write one sheet to ``path``; ``recorded`` logs it (:func:`record_export`) before the
    workbook is moved into place."""
    target = Path(path)

    def before_replace(count: int) -> None:
        if recorded is not None:
            recorded(ExportResult(target, count, what, center, actor))

    count = write_workbook(target, [sheet], progress=progress, cancelled=cancelled,
                           before_replace=before_replace)
    return ExportResult(target, count, what, center, actor)


def record_export(session: Session, exam: ExamRef, result: ExportResult) -> None:
    """Log an export in the audit trail (exports of personal data are logged)."""
    assert result.actor is not None
    audit.record(
        session, result.actor, f"export.{result.what}", exam_id=exam.id, entity="exam",
        entity_id=exam.id,
        summary=translate("Audit", "Exported {count} rows of {what} to {file}").format(
            count=result.rows, what=result.what, file=result.path.name),
        details={"file": str(result.path), "rows": result.rows, "center": result.center or ""},
    )


def record_report(session: Session, actor: Actor, exam: ExamRef, what: str, path: Path,
                  problems: int) -> None:
    """Log an import's fix-up report: the file back with its names and ID numbers."""
    audit.record(
        session, actor, "export.report", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Saved the fix-up report of the {what} import to {file}")
        .format(what=what, file=path.name),
        details={"file": str(path), "what": what, "problems": problems},
    )
