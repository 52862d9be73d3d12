"""A print run, as the command line and the window start it: read each center's data, render
its parts (reports/batch.py: on every core, from the cache when unchanged), merge and write one
PDF per center, atomically, logged in the audit trail before it is moved into place.

No Qt here: progress and cancelling are callables (docs/architecture.md, "Progress and cancel
are callables").
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import platformdirs

from examdesk.db import Database, open_database
from examdesk.errors import BadInput
from examdesk.filenames import file_name as safe_file_name
from examdesk.i18n import language, speak
from examdesk.private_files import make_folder
from examdesk.progress import (
    Cancelled,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_codes, center_id, resolve_exam
from examdesk.services.printing import record_print, room_sheets, session_code
from examdesk.services.scope import visible_centers
from reports.batch import (
    Part,
    PartCache,
    merge_run,
    render_parts,
    worker_pool,
    write_atomically,
)
from ui.jobs.sheets import NothingToPrint, Scope, sheet


def cache_folder() -> Path:
    """Where rendered parts are kept between runs: ``$EXAMDESK_CACHE``, else the user's cache
    folder (one cache for every output folder: parts are found by their content)."""
    chosen = os.environ.get("EXAMDESK_CACHE", "").strip()
    if chosen:
        return Path(chosen)
    return Path(platformdirs.user_cache_dir("ExamDesk", appauthor=False)) / "print"


def exam_cache_folder(db: Database, exam: ExamRef) -> Path:
    """The folder of one exam's rendered parts within :func:`cache_folder`: its own, so that
    purging the exam's personal data removes its cached sheets (they show full ID numbers)."""
    key = hashlib.sha256(f"{db.display_url}\n{exam.code}".encode()).hexdigest()[:16]
    return cache_folder() / f"exam-{key}"


def forget_cached_sheets(db: Database, exam: ExamRef) -> None:
    """Delete the exam's rendered parts on this computer (a purge: examdesk purge)."""
    folder = exam_cache_folder(db, exam)
    if folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)


#: The steps of the overall progress each center takes.
STEPS = 1000


@dataclass(frozen=True)
class PrintRequest:
    """What to print.

    Attributes:
        sheet: the key of a sheet of :data:`ui.jobs.sheets.SHEETS`.
        out: the folder to write into.
        exam: the exam's code (``None``: the only exam).
        center: a center's code (``None``: every center).
        session: a session code (``None``: every session).
        room: a room's code (``None``: every room).
        workers: processes to render with (``None``: the cores).
    """

    sheet: str
    out: Path
    exam: str | None = None
    center: str | None = None
    session: str | None = None
    room: str | None = None
    workers: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Written:
    """One file written: its path, pages, and how many of its parts were drawn afresh.

    ``warnings`` are every note about the file's text; ``problems``, those of them that name a
    character no font could draw (printed as a blank box: the file needs a look).
    """

    path: Path
    pages: int
    drawn: int
    parts: int
    warnings: tuple[str, ...]
    problems: tuple[str, ...] = ()


def run_print(
    db: Database,
    actor: Actor,
    request: PrintRequest,
    *,
    progress: Callable[[str], Progress] | None = None,
    overall: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    written: Callable[[Written], None] | None = None,
    spawn: bool = False,
) -> list[Written]:
    """Print ``request``: one file per center that has something of the sheet.

    Args:
        db: the database.
        actor: who prints (logged: the sheets carry personal data).
        request: what to print.
        progress: makes the progress callback of a center's run from its code.
        overall: the progress of the whole run, never going back: (done, total, the name of
            the center being printed).
        cancelled: polled between batches, while merging and before each file is written;
            files already written stay.
        written: told of each file as soon as it is written.
        spawn: start worker processes fresh instead of forking (a GUI process has threads).

    Returns:
        The files written, in center order.

    Raises:
        NothingToPrint: nothing to print (a BadInput; ``nothing`` says why).
        CannotWrite: the folder or a file cannot be written (a BadInput).
        BadInput: unknown center or session.
        AccessDenied: the actor may not print that sheet at that center (a center desk
            prints its own center's; a viewer only the sheets without personal data).
        OperationCancelled: the user cancelled.
        DatabaseBusy: another writer held the database too long to log a file: that file
            was not written.
    """
    with db.begin() as session:
        exam = resolve_exam(session, request.exam)
        wanted = center_id(session, exam, request.center)
        seen = visible_centers(actor, exam, wanted, code=request.center or "", permission=(
            Permission.PRINT_PERSONAL if sheet(request.sheet).personal else Permission.READ))
        centers = [code for cid, code in center_codes(session, exam).items()
                   if (wanted is None or cid == wanted) and (seen is None or cid in seen)]
        only = session_code(session, exam, request.session) if request.session else None
    try:
        make_folder(request.out)
    except OSError as error:
        raise CannotWrite(Unwritable.FOLDER, request.out,
                          str(error.strerror or error)) from None
    files: list[Written] = []
    PartCache(cache_folder()).prune()  # every exam's parts unused for a month
    cached = exam_cache_folder(db, exam)
    with worker_pool(request.workers, spawn=spawn, speak=_speak) as pool:
        for n, code in enumerate(centers):
            check_cancelled(cancelled)
            parts, center_name = center_parts(db, exam, request.sheet, code, request.room, only,
                                              actor, request.day)
            if not parts:
                continue
            of_center = progress(code) if progress else no_progress

            def step(done: int, total: int, label: str, n: int = n, name: str = center_name,
                     of_center: Progress = of_center) -> None:
                of_center(done, total, label)
                overall(n * STEPS + STEPS * done // max(total, 1), len(centers) * STEPS, name)

            result = render_parts(parts, cache_folder=cached, workers=request.workers,
                                  progress=step, pool=pool, cancelled=cancelled)
            target = request.out / file_name(request.sheet, code, center_name)
            pdf = merge_run(result, f"{sheet(request.sheet).file_name} {center_name}",
                            cached, cancelled)
            check_cancelled(cancelled)

            def audited(code: str = code, pages: int = result.pages) -> None:
                with db.write(f"print {request.sheet}") as session:
                    record_print(session, actor, exam, request.sheet, code, pages,
                                 sheet(request.sheet).title())

            write_pdf(target, pdf, audited)
            files.append(Written(target, result.pages, result.rendered, len(parts),
                                 tuple(result.warnings), tuple(result.problems)))
            if written:
                written(files[-1])
    if not files:
        raise NothingToPrint(sheet(request.sheet).nothing(only))
    return files


def print_from(url: str, actor: Actor, request: PrintRequest, *,
               progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
               written: Callable[[Written], None] | None = None) -> list[Written]:
    """:func:`run_print` on the database at ``url``, opened here and closed after, with
    ``progress`` as its overall progress and fresh worker processes.

    How the window prints in a process of its own (ui/window/apart.py): module-level, so
    that the child finds it by name.
    """
    db = open_database(url, upgrade=False)
    db.signed_in.name = actor.username  # whom other clerks see waiting for it
    try:
        return run_print(db, actor, request, overall=progress, cancelled=cancelled,
                         written=written, spawn=True)
    finally:
        db.close()


def _speak(wanted: str) -> None:
    """Make a worker process speak ``wanted``, its parent's language (a spawned one starts in
    English; a forked one speaks it already)."""
    if language() != wanted:
        speak(wanted)


def center_parts(db: Database, exam: ExamRef, key: str, center: str, room: str | None,
                 only_session: str | None,
                 actor: Actor | None = None,
                 day: date | None = None) -> tuple[list[Part], str]:
    """The parts of sheet ``key`` for one center, and the center's name ("" if nothing to
    print); ``actor`` limits what is read (:func:`run_print` checked the center); ``day``:
    the day a sheet of one day covers."""
    spec = sheet(key)
    pack = bool(spec.contents)
    with db.begin() as session:
        parts: list[Part] = []
        names: list[str] = []
        specs = [sheet(k) for k in spec.contents] if pack else [spec]
        in_rooms = [s for s in specs if s.by_room]
        if in_rooms:
            for r in room_sheets(session, exam, center=center, room=room,
                                 photos=any(s.photos for s in in_rooms), actor=actor):
                mine = tuple(s.key for s in in_rooms if not (
                    # the room sits nothing then: no sign-in sheet or record for it
                    only_session and s.scope is Scope.ROOM_SESSION
                    and only_session not in {x.session.code for x in r.sessions}))
                if mine:
                    parts.append(Part(f"{center}/{r.room_code}",
                                      tuple((kind, (r,)) for kind in mine), only_session,
                                      duplex=pack, cover=r if pack else None))
                    names.append(r.center_name)
        if pack and room is not None:
            return parts, (names[0] if names else "")  # one room's envelope: no staff sheets
        for other in specs:
            if other.load_day is not None:
                items = other.load_day(session, exam, center, day, actor)
            elif other.load is not None:
                items = other.load(session, exam, center, only_session, actor)
            else:
                continue
            if other.scope is Scope.CENTER_SESSION:
                for item in items:
                    parts.append(Part(f"{center}/{item.session.code}", ((other.key, (item,)),),
                                      duplex=pack))
                    names.append(item.center_name)
            elif items:
                parts.append(Part(f"{center}/{other.key}", ((other.key, items),), duplex=pack))
                names.append(items[0].center_name)
        return parts, (names[0] if names else "")


def file_name(key: str, code: str, center_name: str) -> str:
    """``考场门贴-01-周口技师学院.pdf``: characters Windows forbids in names become ``_``, a
    long center name is cut (examdesk/filenames.py)."""
    return safe_file_name(sheet(key).file_name, code, center_name, suffix=".pdf")


class Unwritable(StrEnum):
    """Why a print run could not write its output (each face words it)."""

    FOLDER = "folder_not_created"  # the folder to write into cannot be created
    IN_USE = "file_in_use"  # open in another program (Windows), or the folder is protected
    FILE = "file_not_written"  # any other reason the system gives


class CannotWrite(BadInput):
    """The output of a print run cannot be written.

    Attributes:
        problem: what cannot be written.
        path: the folder or file.
        reason: the system's words for why ("" when it gave none).
    """

    def __init__(self, problem: Unwritable, path: Path, reason: str = "") -> None:
        super().__init__(f"{path}: {reason or problem.value}")
        self.problem = problem
        self.code = problem.value
        self.path = path
        self.reason = reason


def write_pdf(target: Path, pdf: bytes, audited: Callable[[], None]) -> None:
    """Write the file whole, logged in the audit trail before it is moved into place (no
    file is left when the log cannot be committed), or say plainly why it cannot be written.
    """
    try:
        write_atomically(target, pdf, audited)
    except PermissionError:
        # on Windows a PDF open in a viewer cannot be replaced: the commonest case
        raise CannotWrite(Unwritable.IN_USE, target) from None
    except OSError as error:
        raise CannotWrite(Unwritable.FILE, target, str(error.strerror or error)) from None
