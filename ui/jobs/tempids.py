"""The temporary ID desk's use cases shared by the window and the command line: issue a
certificate and print it at once, print one certificate again.

The certificate is one PDF (reports/certificate.py: one form, not the center's batch),
written whole and logged in the audit trail before it is moved into place (it carries the
full ID number and the photo). No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from examdesk.db import Database
from examdesk.filenames import file_name as safe_file_name
from examdesk.private_files import make_folder
from examdesk.services import tempids
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.printing_center import certificates
from reports.certificate import render_certificates
from ui.jobs.print_run import CannotWrite, Unwritable, write_pdf


@dataclass(frozen=True)
class PrintedCertificate:
    """A certificate written as a PDF: the file, its pages, notes about its text."""

    path: Path
    pages: int
    warnings: tuple[str, ...] = ()


def certificate_file(serial: str) -> str:
    """The file name of one certificate: ``临时身份证明-01-0001.pdf``."""
    return safe_file_name("临时身份证明", serial, suffix=".pdf")


def print_certificate(db: Database, actor: Actor, serial: str, out: Path, *,
                      exam: str | None = None) -> PrintedCertificate:
    """Write the certificate with that serial to ``out`` (a folder: its own file name there).

    Raises:
        BadInput: no such serial.
        AccessDenied: the actor may not print personal data at its center.
        CannotWrite: the folder or the file cannot be written.
    """
    with db.begin() as session:
        found = resolve_exam(session, exam)
        _, center = tempids.certificate_id(session, found, serial)
        number = tempids.serial_text(serial)
        data = certificates(session, found, center=center, actor=actor, serial=number)
    assert data, number  # certificate_id found it, at a center the actor may print at
    pdf, warnings = render_certificates(data)
    try:
        make_folder(out)
    except OSError as error:
        raise CannotWrite(Unwritable.FOLDER, out, str(error.strerror or error)) from None
    target = out / certificate_file(number)

    def audited() -> None:
        with db.write("print certificate") as session:
            tempids.record_certificate_print(session, actor, found, number, center, target)

    write_pdf(target, pdf, audited)
    return PrintedCertificate(target, (len(data) + 1) // 2, tuple(warnings))


def issue(db: Database, actor: Actor, who: str | int, *, officer: str, unit: str,
          sessions: Sequence[str] | None = None, exam: str | None = None,
          now: datetime | None = None) -> tempids.CertificateRow:
    """Issue a certificate to the candidate ``who`` names (ticket, ID or registration number,
    or the candidate's id), in one write.

    Raises:
        NotFound, Ambiguous: ``who`` names no candidate, or several.
        and as :func:`examdesk.services.tempids.issue`.
    """
    with db.write("tempid issue") as session:
        found = resolve_exam(session, exam)
        if isinstance(who, int):
            candidate = who
        else:
            candidate = find_candidate(session, found, who, actor=actor).one().id
        return tempids.issue(session, actor, found, candidate, officer=officer, unit=unit,
                             sessions=sessions, now=now)

