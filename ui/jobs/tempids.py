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
from examdesk.errors import BadInput
from examdesk.filenames import file_name as safe_file_name
from examdesk.i18n import translate
from examdesk.private_files import make_folder
from examdesk.services import tempids
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.photos import PHOTO_SUFFIXES
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


@dataclass(frozen=True)
class DeskPhoto:
    """A photo taken at the desk: the image file's bytes and its name (errors name it)."""

    data: bytes
    file: str


def read_photo(path: Path) -> DeskPhoto:
    """The image file ``path`` holds, to go with an issue (checked there).

    Raises:
        BadInput: the file cannot be read (code ``tempid-photo``, fields ``file``).
    """
    try:
        return DeskPhoto(path.read_bytes(), str(path))
    except OSError as error:
        raise BadInput(translate("TempId", "{file}: cannot be read ({why}); choose the photo "
                                           "file again.").format(
            file=path, why=error.strerror or error), code="tempid-photo",
            file=str(path)) from None


def newest_image(folder: Path) -> Path | None:
    """The newest JPEG or PNG file in ``folder`` (not below it): the photo the camera app
    took last; None when there is none (or the folder cannot be read)."""
    try:
        found = [(path.stat().st_mtime, path.name, path) for path in folder.iterdir()
                 if path.suffix.lower() in PHOTO_SUFFIXES and path.is_file()]
    except OSError:
        return None
    return max(found)[2] if found else None


def issue(db: Database, actor: Actor, who: str | int, *, officer: str, unit: str,
          sessions: Sequence[str] | None = None, exam: str | None = None,
          photo: DeskPhoto | None = None, now: datetime | None = None
          ) -> tempids.CertificateRow:
    """Issue a certificate to the candidate ``who`` names (ticket, ID or registration number,
    or the candidate's id), in one write; ``photo``: the one taken at the desk.

    Raises:
        NotFound, Ambiguous: ``who`` names no candidate, or several.
        and as :func:`examdesk.services.tempids.issue`.
    """
    if photo is not None:  # fitted before the write: a camera image takes a few 0.1 s
        photo = DeskPhoto(tempids.desk_photo(photo.data, photo.file), photo.file)
    with db.write("tempid issue") as session:
        found = resolve_exam(session, exam)
        if isinstance(who, int):
            candidate = who
        else:
            candidate = find_candidate(session, found, who, actor=actor).one().id
        return tempids.issue(session, actor, found, candidate, officer=officer, unit=unit,
                             sessions=sessions, now=now,
                             photo=None if photo is None else photo.data,
                             photo_file="" if photo is None else photo.file)

