"""Print one violation record (考场违纪违规行为记录) as a PDF: the command line's
``print violation --id ID`` and the window's 违纪 tab share it.

The file names the candidate: it is written owner-only (examdesk/private_files.py) and the
print is audited before the file is moved into place, as the other sheets with personal data.
"""

from __future__ import annotations

from pathlib import Path

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.labels import local_minute
from examdesk.private_files import make_folder, write_private
from examdesk.services import violations
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.incident_exports import signature_text
from examdesk.services.printing import record_print
from reports.violation_record import ViolationForm, render_violation_record


def violation_form(row: violations.ViolationRow, exam_name: str) -> ViolationForm:
    """The form's text for a recorded violation."""
    return ViolationForm(
        number=row.id, exam_name=exam_name, center=f"{row.center} {row.center_name}",
        room=f"第 {row.room} 考场" if row.room else "", seat=str(row.seat_no or ""),
        session=f"{row.session} {row.session_name}".strip(), time=local_minute(row.occurred_at),
        name=row.name, ticket=row.ticket_no, registration_no=row.registration_no,
        regulation=row.act.regulation, citation=row.act.citation, act=row.act.wording,
        consequence=row.act.consequence, description=row.description, evidence=row.evidence,
        invigilators=row.invigilators,
        signature=signature_text(row.signature, row.witness), recorded_by=row.recorded_by)


def print_violation(database: Database, actor: Actor, violation_id: int, folder: Path, *,
                    exam: str | None = None) -> tuple[Path, list[str]]:
    """Write ``违纪记录-<center>-<id>.pdf`` into ``folder``.

    Returns:
        The file, and warnings about text not printed as given.

    Raises:
        BadInput: no such record; the folder cannot be made.
        AccessDenied: the actor may not print personal data at its center.
    """
    with database.begin() as session:
        found = resolve_exam(session, exam)
        row = violations.printable_violation(session, actor, found, violation_id)
    pdf, warnings = render_violation_record(violation_form(row, found.name))
    target = folder / f"违纪记录-{row.center}-{row.id}.pdf"

    def audited() -> None:
        with database.write("print violation") as writing:
            record_print(writing, actor, found, f"violation {row.id}", row.center, 1,
                         translate("Audit", "Violation record {id}").format(id=row.id))

    try:
        make_folder(folder)
        write_private(target, pdf, before_replace=audited)
    except OSError as error:
        raise BadInput(translate("Violations", "{path} cannot be written ({reason}).").format(
            path=target, reason=error.strerror or error), code="cannot-write",
            path=str(target)) from error
    return target, warnings
