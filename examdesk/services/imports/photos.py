"""Import candidates' ID photos from a folder of JPEG/PNG files.

Registration systems hand photos over as files named by ID number or registration number
(``411602197301221048.jpg``, ``20234116000002.png``). Each photo is turned upright (EXIF),
scaled to fit the printed forms and stored as JPEG; a file that matches no candidate, two
files for one candidate, or a file that is no image are refused with the file's name.
Pillow does the decoding and scaling.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.normalize import id_number_text
from examdesk.exchange.problems import Problem, Problems, Severity
from examdesk.i18n import translate
from examdesk.model import Candidate, CandidatePhoto
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef
from examdesk.services.imports import ImportResult, should_write

#: Stored size, 3:4 portrait: sharp on a 25 x 33 mm seating-chart box at 300 dpi,
#: about 20 KB a photo (120 MB for the 6,000 candidates of a district).
PHOTO_BOX = (300, 400)
#: Below this a printed photo is visibly blurred.
MIN_SIDE = 120
JPEG_QUALITY = 85
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
_BATCH = 200  # photos are ~20 KB each: a batch stays a few MB


@dataclass(frozen=True)
class _Photo:
    file: str
    candidate_id: int
    data: bytes


def import_photos(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    folder: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> ImportResult:
    """Store the photos found in ``folder`` (and its sub-folders) for ``exam``'s candidates.

    A candidate who already has a photo gets the new one.

    Args:
        session: the caller's session; flushed, never committed.
        actor: who imports, for the audit trail.
        exam: the exam whose candidates the photos are of.
        folder: the folder holding the photos.
        skip_invalid: store the good photos even when other files were refused.
        dry_run: check only; write nothing.
        progress: receives (done, total, message).
        cancelled: polled between files.

    Returns:
        What was found and done; ``missing`` lists the candidates still without a photo.

    Raises:
        BadInput: ``folder`` is not a folder, or holds no JPEG or PNG file.
        OperationCancelled: the user cancelled; the caller rolls back.
    """
    root = Path(folder)
    if not root.is_dir():
        raise BadInput(translate(
            "Import", "{folder} is not a folder; give the folder that holds the photos."
        ).format(folder=root))
    files, others = _photo_files(root)
    if not files:
        raise BadInput(translate(
            "Import", "{folder} holds no JPEG or PNG file; photos must be .jpg, .jpeg or .png "
                      "files named by ID number or registration number."
        ).format(folder=root))
    by_key: dict[str, int] = {}
    for cid, id_number, registration_no in session.execute(
        select(Candidate.id, Candidate.id_number, Candidate.registration_no)
        .where(Candidate.exam_id == exam.id)
    ):
        by_key[id_number.upper()] = cid
        by_key.setdefault(registration_no.upper(), cid)

    problems: list[Problem] = []
    photos: list[_Photo] = []
    files_of: dict[int, list[str]] = {}
    for done, path in enumerate(files, start=1):
        check_cancelled(cancelled)
        name = path.relative_to(root).as_posix()
        report = Problems(name, "")
        candidate_id = by_key.get(id_number_text(path.stem))
        if candidate_id is None:
            report.add(
                translate("Import", "no candidate of the exam has this ID number or "
                          "registration number"),
                translate("Import", "name the file by the candidate's ID number or "
                          "registration number, e.g. 411602197301221048.jpg"),
                value=path.stem,
            )
        else:
            data = _resized(path, report)
            if data is not None:
                photos.append(_Photo(name, candidate_id, data))
                files_of.setdefault(candidate_id, []).append(name)
        problems.extend(report)
        if done % 100 == 0 or done == len(files):
            progress(done, len(files), translate("Import", "Reading photos"))
    twice = {cid for cid, names in files_of.items() if len(names) > 1}
    for cid in sorted(twice):
        for name in files_of[cid]:
            others_text = ", ".join(n for n in files_of[cid] if n != name)
            problems.append(Problems(name, "").add(
                translate("Import", "this is the same candidate as {files}").format(
                    files=others_text),
                translate("Import", "keep one photo per candidate and remove the others"),
            ))
    photos = [p for p in photos if p.candidate_id not in twice]
    write = should_write(problems, skip_invalid=skip_invalid, dry_run=dry_run)
    had_photo = set(session.scalars(
        select(CandidatePhoto.candidate_id).join(Candidate)
        .where(Candidate.exam_id == exam.id)).all())
    replaced = sum(1 for p in photos if p.candidate_id in had_photo)
    if write and photos:
        _store(session, photos, cancelled)
        audit.record(
            session, actor, "import.photos", exam_id=exam.id, entity="exam", entity_id=exam.id,
            summary=f"imported {len(photos)} photos from {root.name}",
            details={"folder": str(root), "stored": len(photos),
                     "refused": len({p.file for p in problems if p.is_error})},
        )
    covered = had_photo | ({p.candidate_id for p in photos} if write else set())
    missing = tuple(
        f"{registration_no} {name}"
        for cid, registration_no, name in session.execute(
            select(Candidate.id, Candidate.registration_no, Candidate.name)
            .where(Candidate.exam_id == exam.id).order_by(Candidate.registration_no))
        if cid not in covered
    )
    notes = []
    if others:
        notes.append(translate(
            "Import", "Files ignored because they are not .jpg, .jpeg or .png: {count}."
        ).format(count=others))
    return ImportResult(
        what="photos", file=root.name, sheet="", rows=len(files),
        added=len(photos) - replaced, updated=replaced, unchanged=0, refused_rows=(),
        problems=tuple(problems), notes=tuple(notes), written=write and bool(photos),
        missing=missing,
    )


def _photo_files(root: Path) -> tuple[list[Path], int]:
    """The photo files under ``root`` in name order, and how many other files there are."""
    files: list[Path] = []
    others = 0
    for path in sorted(_walk(root)):
        if path.suffix.lower() in PHOTO_SUFFIXES:
            files.append(path)
        elif not path.name.startswith("."):  # Thumbs.db is hidden on Windows, .DS_Store too
            others += path.name.lower() != "thumbs.db"
    return files, others


def _walk(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file():
            yield path


def _resized(path: Path, report: Problems) -> bytes | None:
    """The photo upright, fitted into :data:`PHOTO_BOX`, as JPEG; None if unreadable."""
    try:
        with Image.open(path) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            width, height = upright.size
            photo = upright.convert("RGB")
            photo.thumbnail(PHOTO_BOX, Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            photo.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError,
            ValueError):
        report.add(
            translate("Import", "this file is not a readable JPEG or PNG image"),
            translate("Import", "open it in an image viewer, save it again as JPEG and "
                      "import again"),
            value=path.name,
        )
        return None
    if min(width, height) < MIN_SIDE:
        report.add(
            translate("Import", "the photo is only {width} x {height} pixels and will print "
                      "blurred").format(width=width, height=height),
            translate("Import", "ask the candidate for a larger photo (at least 295 x 413)"),
            value=path.name, severity=Severity.WARNING,
        )
    return buffer.getvalue()


def _store(session: Session, photos: list[_Photo], cancelled: Cancelled) -> None:
    for start in range(0, len(photos), _BATCH):
        check_cancelled(cancelled)
        batch = photos[start : start + _BATCH]
        ids = [p.candidate_id for p in batch]
        session.execute(delete(CandidatePhoto).where(CandidatePhoto.candidate_id.in_(ids)))
        session.execute(
            insert(CandidatePhoto),
            [{"candidate_id": p.candidate_id, "mime_type": "image/jpeg", "data": p.data}
             for p in batch],
        )
