"""A print run, as the command line and the window start it: read each center's data, render
its parts (reports/batch.py: on every core, from the cache when unchanged), merge and write one
PDF per center, atomically, and log the run in the audit trail.

No Qt here: progress and cancelling are callables (docs/architecture.md, "Progress and cancel
are callables").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import language, speak, translate
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, center_codes, center_id, resolve_exam
from examdesk.services.printing import record_print, room_sheets, session_code
from examdesk.services.printing_center import center_summaries, certificates
from examdesk.services.printing_staff import draw_results, duty_cards, duty_sheets, post_rosters
from reports.batch import Part, merge_run, render_parts, worker_pool, write_atomically

#: Each sheet and the name its files start with.
FILE_NAMES = {
    "door": "考场门贴", "seating": "座位表", "desk": "桌贴", "signin": "考生签到表",
    "record": "考场情况记录单", "duty": "监考安排表", "cards": "工作安排卡",
    "posts": "岗位值班表", "draw": "抽签结果", "certificate": "临时身份证明",
    "summary": "考点情况汇总表", "pack": "考务打印包",
}
ROOM_SHEETS = ("door", "seating", "desk", "signin", "record")
SESSION_SHEETS = ("signin", "record")
#: A room's envelope, in the order staff sort it (the issue: door list, seating chart, sign-in
#: sheet per session, room record).
ENVELOPE = ("door", "seating", "signin", "record")
# The pack is printed two-sided: each room's envelope opens with a cover sheet (its label), each
# document starts on a front page and every page is portrait (reports/base.py, Sheet.duplex),
# so no sheet has another's on its back, say the door list the seating chart, posted apart.


def cache_folder() -> Path:
    """Where rendered parts are kept between runs: ``$EXAMDESK_CACHE``, else the user's cache
    folder (one cache for every output folder: parts are found by their content)."""
    chosen = os.environ.get("EXAMDESK_CACHE", "").strip()
    if chosen:
        return Path(chosen)
    return Path(platformdirs.user_cache_dir("ExamDesk", appauthor=False)) / "print"




@dataclass(frozen=True)
class PrintRequest:
    """What to print.

    Attributes:
        sheet: a key of :data:`FILE_NAMES`.
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
        cancelled: polled between batches; files already written stay.
        written: told of each file as soon as it is written.
        spawn: start worker processes fresh instead of forking (a GUI process has threads).

    Returns:
        The files written, in center order.

    Raises:
        BadInput: unknown center or session, nothing to print, or a file cannot be written.
        OperationCancelled: the user cancelled.
    """
    with db.begin() as session:
        exam = resolve_exam(session, request.exam)
        wanted = center_id(session, exam, request.center)
        centers = [code for cid, code in center_codes(session, exam).items()
                   if wanted is None or cid == wanted]
        only = session_code(session, exam, request.session) if request.session else None
    try:
        request.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BadInput(translate("Cli", "The folder {folder} cannot be created ({reason}); "
                                        "choose another with --out.").format(
            folder=request.out, reason=error.strerror or error)) from None
    files: list[Written] = []
    with worker_pool(request.workers, spawn=spawn, speak=_speak) as pool:
        for code in centers:
            parts, center_name = center_parts(db, exam, request.sheet, code, request.room, only)
            if not parts:
                continue
            result = render_parts(parts, cache_folder=cache_folder(), workers=request.workers,
                                  progress=progress(code) if progress else no_progress,
                                  pool=pool, cancelled=cancelled)
            target = request.out / file_name(request.sheet, code, center_name)
            _write(target, merge_run(result, f"{FILE_NAMES[request.sheet]} {center_name}",
                                     cache_folder()))
            with db.write(f"print {request.sheet}") as session:
                record_print(session, actor, exam, request.sheet, code, result.pages)
            files.append(Written(target, result.pages, result.rendered, len(parts),
                                 tuple(result.warnings), tuple(result.problems)))
            if written:
                written(files[-1])
    if not files:
        raise BadInput(_nothing(request.sheet, only))
    return files


def _speak(wanted: str) -> None:
    """Make a worker process speak ``wanted``, its parent's language (a spawned one starts in
    English; a forked one speaks it already)."""
    if language() != wanted:
        speak(wanted)


def center_parts(db: Database, exam: ExamRef, sheet: str, center: str, room: str | None,
                 only_session: str | None) -> tuple[list[Part], str]:
    """The parts of ``sheet`` for one center, and the center's name ("" if nothing to print)."""
    with db.begin() as session:
        parts: list[Part] = []
        names: list[str] = []
        pack = sheet == "pack"
        if sheet in ROOM_SHEETS or pack:
            kinds: tuple[str, ...] = ENVELOPE if pack else (sheet,)
            for r in room_sheets(session, exam, center=center, room=room,
                                 photos=sheet not in ("door",)):
                mine = kinds
                if only_session and only_session not in {x.session.code for x in r.sessions}:
                    # the room sits nothing then: no sign-in sheet or record for it
                    mine = tuple(k for k in kinds if k not in SESSION_SHEETS)
                if mine:
                    parts.append(Part(f"{center}/{r.room_code}",
                                      tuple((kind, (r,)) for kind in mine), only_session,
                                      duplex=pack, cover=r if pack else None))
                    names.append(r.center_name)
        if pack and room is None:
            # the staff sheets too, each starting on a front page: they go to different people
            for d in duty_sheets(session, exam, center=center, session_code=only_session):
                parts.append(Part(f"{center}/{d.session.code}", (("duty", (d,)),), duplex=True))
                names.append(d.center_name)
            _add(parts, names, center, "cards", duty_cards(session, exam, center=center), True)
            _add(parts, names, center, "posts", post_rosters(session, exam, center=center), True)
        staff_sheets: dict[str, Callable[[], tuple[Any, ...]]] = {
            "duty": lambda: duty_sheets(session, exam, center=center, session_code=only_session),
            "draw": lambda: draw_results(session, exam, center=center, session_code=only_session),
        }
        center_sheets: dict[str, Callable[[], tuple[Any, ...]]] = {
            "cards": lambda: duty_cards(session, exam, center=center),
            "posts": lambda: post_rosters(session, exam, center=center),
            "certificate": lambda: certificates(session, exam, center=center),
            "summary": lambda: center_summaries(session, exam, center=center),
        }
        if sheet in staff_sheets:
            for item in staff_sheets[sheet]():
                parts.append(Part(f"{center}/{item.session.code}", ((sheet, (item,)),)))
                names.append(item.center_name)
        elif sheet in center_sheets:
            _add(parts, names, center, sheet, center_sheets[sheet]())
        return parts, (names[0] if names else "")


def _add(parts: list[Part], names: list[str], center: str, sheet: str,
         items: tuple[Any, ...], duplex: bool = False) -> None:
    if items:
        parts.append(Part(f"{center}/{sheet}", ((sheet, items),), duplex=duplex))
        names.append(items[0].center_name)


def file_name(sheet: str, code: str, center_name: str) -> str:
    """``考场门贴-01-周口技师学院.pdf``: characters Windows forbids in names become ``_``."""
    name = f"{FILE_NAMES[sheet]}-{code}-{center_name}"
    return "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name) + ".pdf"


def _write(target: Path, pdf: bytes) -> None:
    """Write the file whole, or say plainly why it cannot be written."""
    try:
        write_atomically(target, pdf)
    except PermissionError:
        # on Windows a PDF open in a viewer cannot be replaced: the commonest case
        raise BadInput(translate(
            "Cli", "{file} cannot be written because it is open in another program (a PDF "
                   "viewer?) or the folder is protected; close it, or choose another folder "
                   "with --out, and try again.").format(file=target)) from None
    except OSError as error:
        raise BadInput(translate("Cli", "{file} cannot be written ({reason}).").format(
            file=target, reason=error.strerror or error)) from None


def _nothing(sheet: str, only_session: str | None) -> str:
    """Why a print run found nothing to print, and what to do."""
    if sheet == "draw":
        # whether or not the center sits that session: no draw of it is recorded there
        return translate("Cli", "No draw has been held there yet; run 'examdesk draw' "
                                "on the morning of the exam.")
    if only_session and sheet in (*SESSION_SHEETS, "duty"):
        return translate("Cli", "Nobody sits a paper there in session {code}.").format(
            code=only_session)
    if sheet in ROOM_SHEETS or sheet == "pack":
        return translate("Cli", "No room holds seated candidates there; run 'examdesk "
                                "allocate' first.")
    if sheet in ("duty", "cards"):
        return translate("Cli", "Nobody is on duty there yet; run 'examdesk roster' first.")
    if sheet == "posts":
        return translate("Cli", "That test center has no posts.")
    return translate("Cli", "There is nothing to print there.")
