"""Import candidates' ID photos from a folder of JPEG/PNG files.

Registration systems hand photos over as files named by ID number or registration number
(``411602197301221048.jpg``, ``20234116000002.png``). Each photo is turned upright (EXIF),
scaled to fit the printed forms and stored as JPEG; a file that matches no candidate, two
files for one candidate, or a file that is no image are refused with the file's name.
Pillow does the decoding and scaling.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.headers import HeaderChoice
from examdesk.exchange.normalize import id_number_text
from examdesk.exchange.problems import Problem, Problems, Severity
from examdesk.i18n import translate
from examdesk.model import Candidate, CandidatePhoto
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.imports import (
    Accept,
    ImportChanges,
    ImportKind,
    ImportResult,
    PreparedImport,
    PreparedOutdated,
    RowChange,
    same_exam,
    should_write,
)

#: Stored size, 3:4 portrait: sharp on a 25 x 33 mm seating-chart box at 300 dpi,
#: about 20 KB a photo (120 MB for the 6,000 candidates of a district).
PHOTO_BOX = (300, 400)
#: Below this a printed photo is visibly blurred.
MIN_SIDE = 120
JPEG_QUALITY = 85
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
_BATCH = 200  # photos are ~20 KB each: a batch stays a few MB


@dataclass(frozen=True)
class PhotoRecord:
    """A photo ready to store.

    Attributes:
        row: the file's position among the folder's photo files, in name order (1-based).
        file: the file's path below the folder.
        candidate_id: the candidate it shows.
        data: the JPEG to store.
    """

    row: int
    file: str
    candidate_id: int
    data: bytes


@dataclass
class _Exam:
    """What the photos were matched with: the candidates who had a photo, and those who did
    not, as "registration number name" in that order (usable for one apply, in its session)."""

    session: Session
    folder: Path
    had_photo: frozenset[int]
    lacking: tuple[tuple[int, str], ...]
    used: bool = False

    @classmethod
    def read(cls, session: Session, exam: ExamRef, folder: Path) -> _Exam:
        had_photo = frozenset(session.scalars(
            select(CandidatePhoto.candidate_id).join(Candidate)
            .where(Candidate.exam_id == exam.id)).all())
        lacking = tuple(
            (cid, f"{registration_no} {name}")
            for cid, registration_no, name in session.execute(
                select(Candidate.id, Candidate.registration_no, Candidate.name)
                .where(Candidate.exam_id == exam.id).order_by(Candidate.registration_no))
            if cid not in had_photo
        )
        return cls(session, folder, had_photo, lacking)


@dataclass(frozen=True, kw_only=True)
class PhotoImport(ImportKind):
    """Photos from a folder: files named by ID number or registration number.

    A candidate who already has a photo gets the new one. ``prepare`` decodes and scales
    every photo; ``apply`` stores them, and its result's ``missing`` lists the candidates
    still without a photo.
    """

    def prepare(self, session: Session, exam: ExamRef, path: str | Path, *,
                sheet: str | None = None, header: HeaderChoice | None = None,
                progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled,
                actor: Actor | None = None) -> PreparedImport[PhotoRecord]:
        del sheet, header  # a folder has neither
        if actor is not None:
            actor.require(Permission.EDIT_PLAN, exam.id)
        root = Path(path)
        if not root.is_dir():
            raise BadInput(translate(
                "Import", "{folder} is not a folder; give the folder that holds the photos."
            ).format(folder=root))
        files, others = _photo_files(root)
        if not files:
            raise BadInput(translate(
                "Import", "{folder} holds no JPEG or PNG file; photos must be .jpg, .jpeg or "
                          ".png files named by ID number or registration number."
            ).format(folder=root))
        by_key: dict[str, int] = {}
        for cid, id_number, registration_no in session.execute(
            select(Candidate.id, Candidate.id_number, Candidate.registration_no)
            .where(Candidate.exam_id == exam.id)
        ):
            by_key[id_number.upper()] = cid
            by_key.setdefault(registration_no.upper(), cid)

        problems: list[Problem] = []
        photos: list[PhotoRecord] = []
        files_of: dict[int, list[str]] = {}
        for done, file in enumerate(files, start=1):
            check_cancelled(cancelled)
            name = file.relative_to(root).as_posix()
            report = Problems(name, "")
            candidate_id = by_key.get(id_number_text(file.stem))
            if candidate_id is None:
                report.add(
                    translate("Import", "no candidate of the exam has this ID number or "
                              "registration number"),
                    translate("Import", "name the file by the candidate's ID number or "
                              "registration number, e.g. 411602197301221048.jpg"),
                    value=file.stem,
                )
            else:
                data = _resized(file, report)
                if data is not None:
                    photos.append(PhotoRecord(done, name, candidate_id, data))
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
        state = _Exam.read(session, exam, root)
        notes = []
        if others:
            notes.append(translate(
                "Import", "Files ignored because they are not .jpg, .jpeg or .png: {count}."
            ).format(count=others))
        return PreparedImport(
            kind=self.key, exam=exam, file=root.name, sheet="", rows=len(files), header=None,
            source=None, records=tuple(photos), problems=tuple(problems), notes=tuple(notes),
            changes=ImportChanges(
                added=tuple(p.row for p in photos if p.candidate_id not in state.had_photo),
                updated=tuple(RowChange(p.row) for p in photos
                              if p.candidate_id in state.had_photo)),
            missing=tuple(line for _cid, line in state.lacking), matched=state,
        )

    def apply(self, session: Session, actor: Actor, exam: ExamRef,
              prepared: PreparedImport[Any], *, accept: Accept = Accept.ALL,
              progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> ImportResult:
        actor.require(Permission.EDIT_PLAN, exam.id)
        same_exam(prepared, exam)
        state: _Exam = prepared.matched
        if state.used or state.session is not session:
            now = _Exam.read(session, exam, state.folder)
            if (now.had_photo, now.lacking) != (state.had_photo, state.lacking):
                raise PreparedOutdated(prepared.file)
            state = now
        state.used = True
        photos: tuple[PhotoRecord, ...] = prepared.records
        if not photos or not should_write(prepared.problems,
                                          skip_invalid=accept is Accept.VALID, dry_run=False):
            return prepared.result()
        _store(session, photos, progress, cancelled)
        audit.record(
            session, actor, "import.photos", exam_id=exam.id, entity="exam", entity_id=exam.id,
            summary=translate("Audit", "Imported {count} photos from {file}").format(
                count=len(photos), file=prepared.file),
            details={"folder": str(state.folder), "stored": len(photos),
                     "refused": len({p.file for p in prepared.problems if p.is_error})},
        )
        stored = {p.candidate_id for p in photos}
        return prepared.result(written=True, missing=tuple(
            line for cid, line in state.lacking if cid not in stored))


#: Candidates' ID photos, from a folder.
PHOTOS = PhotoImport(
    key="photos",
    title=lambda: translate("Import", "Photos"),
    description=lambda: translate("Import", "import candidates' photos: JPEG/PNG files named "
                                            "by ID number or registration number"),
    folder=True,
)
# prepare and apply in one session (see :meth:`ImportKind.run`).
import_photos = PHOTOS.run


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


class UnreadableImage(ValueError):
    """The file is no image Pillow decodes (or not of the formats asked for)."""


def fitted_photo(source: Path | bytes, *, formats: frozenset[str] | None = None
                 ) -> tuple[bytes, int, int]:
    """The photo in ``source`` (a file or its bytes) upright, fitted into :data:`PHOTO_BOX`,
    as JPEG; with the width and height it had (upright).

    Args:
        formats: Pillow's names of the formats accepted (e.g. ``{"JPEG", "PNG"}``); any
            image Pillow decodes when None.

    Raises:
        UnreadableImage: not an image that decodes (or not of ``formats``).
    """
    try:
        with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
            if formats is not None and image.format not in formats:
                raise UnreadableImage(image.format)
            image.load()
            upright = ImageOps.exif_transpose(image)
            width, height = upright.size
            photo = upright.convert("RGB")
            photo.thumbnail(PHOTO_BOX, Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            photo.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError,
            ValueError) as error:
        raise UnreadableImage(str(error)) from error
    return buffer.getvalue(), width, height


def _resized(path: Path, report: Problems) -> bytes | None:
    """The photo upright, fitted into :data:`PHOTO_BOX`, as JPEG; None if unreadable."""
    try:
        data, width, height = fitted_photo(path)
    except UnreadableImage:
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
    return data


def _store(session: Session, photos: Sequence[PhotoRecord], progress: Progress,
           cancelled: Cancelled) -> None:
    for start in range(0, len(photos), _BATCH):
        check_cancelled(cancelled)
        progress(start, len(photos), translate("Import", "Storing photos"))
        batch = photos[start : start + _BATCH]
        ids = [p.candidate_id for p in batch]
        session.execute(delete(CandidatePhoto).where(CandidatePhoto.candidate_id.in_(ids)))
        session.execute(
            insert(CandidatePhoto),
            [{"candidate_id": p.candidate_id, "mime_type": "image/jpeg", "data": p.data}
             for p in batch],
        )
