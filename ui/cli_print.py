"""`examdesk print SHEET`: the printed sheets as PDF files, one file per test center.

Every sheet goes through one pipeline (reports/batch.py): the data of each center is read, cut
into parts (a room's sheets, a session's duty sheet, ...), the parts are rendered on every core
or taken from the cache folder when their data has not changed, merged, and written atomically.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import platformdirs

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, center_codes, center_id, resolve_exam
from examdesk.services.printing import record_print, room_sheets, session_code
from examdesk.services.printing_center import center_summaries, certificates
from examdesk.services.printing_staff import draw_results, duty_cards, duty_sheets, post_rosters
from reports.batch import Part, merge, render_parts, worker_pool, write_atomically
from ui.cli_common import CommandFactory, end_progress, exam_option

EXIT_OK = 0

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


def cache_folder() -> Path:
    """Where rendered parts are kept between runs: ``$EXAMDESK_CACHE``, else the user's cache
    folder (one cache for every output folder: parts are found by their content)."""
    chosen = os.environ.get("EXAMDESK_CACHE", "").strip()
    if chosen:
        return Path(chosen)
    return Path(platformdirs.user_cache_dir("ExamDesk", appauthor=False)) / "print"


def add_parsers(command: CommandFactory) -> None:
    """Add `print` to the command tree."""
    printing = command("print", translate(
        "Cli", "print sheets as PDF files, one per test center"))
    printing.add_argument("sheet", choices=list(FILE_NAMES), metavar="SHEET", help=translate(
        "Cli", "door (考场门贴), seating (座位表), desk (桌贴), signin (考生签到表), record "
               "(考场情况记录单), duty (监考安排表), cards (工作安排卡), posts (岗位值班表), draw "
               "(抽签结果), certificate (临时身份证明), summary (考点情况汇总表), or pack: every "
               "room's envelope then the center's staff sheets"))
    printing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    printing.add_argument("--session", metavar="ID", help=translate(
        "Cli", "only this session (S1, S2...): sign-in sheets, room records, duty sheets, draw"))
    printing.add_argument("--room", metavar="CODE", help=translate("Cli", "only this room"))
    printing.add_argument("--out", metavar="DIR", type=Path, default=Path("."),
                          help=translate("Cli", "the folder to write into (default: here)"))
    printing.add_argument("--workers", metavar="N", type=int, default=None,
                          help=translate("Cli", "processes to render with (default: the cores)"))
    exam_option(printing)


def cmd_print(db: Database, args: argparse.Namespace) -> int:
    """Render the sheet for each center; write each file whole or not at all."""
    actor = Actor.from_environment()
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        wanted = center_id(session, exam, args.center)
        centers = [(cid, code) for cid, code in center_codes(session, exam).items()
                   if wanted is None or cid == wanted]
        only_session = session_code(session, exam, args.session) if args.session else None
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BadInput(translate("Cli", "The folder {folder} cannot be created ({reason}); "
                                        "choose another with --out.").format(
            folder=args.out, reason=error.strerror or error)) from None
    written = 0
    with worker_pool(args.workers) as pool:
        for _cid, code in centers:
            written += _print_center(db, actor, exam, args, code, only_session, pool)
    if not written:
        raise BadInput(_nothing(args.sheet, only_session))
    return EXIT_OK


def _print_center(db: Database, actor: Actor, exam: ExamRef, args: argparse.Namespace,
                  code: str, only_session: str | None, pool: Executor) -> int:
    """Print one center's file; return 1, or 0 when it has nothing of that sheet."""
    parts, center_name = center_parts(db, exam, args.sheet, code, args.room, only_session)
    if parts:
        result = render_parts(parts, cache_folder=cache_folder(),
                              workers=args.workers, progress=_bar(code), pool=pool)
        end_progress()
        target = args.out / file_name(args.sheet, code, center_name)
        _write(target, merge(result.parts, f"{FILE_NAMES[args.sheet]} {center_name}"))
        with db.begin() as session:
            record_print(session, actor, exam, args.sheet, code, result.pages)
        for warning in result.warnings:
            print(f"examdesk: {warning}", file=sys.stderr)
        print(translate("Cli", "Wrote {path}: {pages} pages ({drawn} of {parts} parts drawn, "
                               "the others unchanged)").format(
            path=target, pages=result.pages, drawn=result.rendered, parts=len(parts)))
    return 1 if parts else 0


def center_parts(db: Database, exam: ExamRef, sheet: str, center: str, room: str | None,
                 only_session: str | None) -> tuple[list[Part], str]:
    """The parts of ``sheet`` for one center, and the center's name ("" if nothing to print)."""
    with db.begin() as session:
        parts: list[Part] = []
        names: list[str] = []
        if sheet in ROOM_SHEETS or sheet == "pack":
            kinds: tuple[str, ...] = ENVELOPE if sheet == "pack" else (sheet,)
            for r in room_sheets(session, exam, center=center, room=room,
                                 photos=sheet not in ("door",)):
                mine = kinds
                if only_session and only_session not in {x.session.code for x in r.sessions}:
                    # the room sits nothing then: no sign-in sheet or record for it
                    mine = tuple(k for k in kinds if k not in SESSION_SHEETS)
                if mine:
                    parts.append(Part(f"{center}/{r.room_code}",
                                      tuple((kind, (r,)) for kind in mine), only_session))
                    names.append(r.center_name)
        if sheet == "pack" and room is None:
            for d in duty_sheets(session, exam, center=center, session_code=only_session):
                parts.append(Part(f"{center}/{d.session.code}", (("duty", (d,)),)))
                names.append(d.center_name)
            _add(parts, names, center, "cards", duty_cards(session, exam, center=center))
            _add(parts, names, center, "posts", post_rosters(session, exam, center=center))
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
         items: tuple[Any, ...]) -> None:
    if items:
        parts.append(Part(f"{center}/{sheet}", ((sheet, items),)))
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
    if only_session and sheet in (*SESSION_SHEETS, "duty", "draw"):
        return translate("Cli", "Nobody sits a paper there in session {code}.").format(
            code=only_session)
    if sheet in ROOM_SHEETS or sheet == "pack":
        return translate("Cli", "No room holds seated candidates there; run 'examdesk "
                                "allocate' first.")
    if sheet == "draw":
        return translate("Cli", "No draw has been held there yet; run 'examdesk draw' "
                                "on the morning of the exam.")
    if sheet in ("duty", "cards"):
        return translate("Cli", "Nobody is on duty there yet; run 'examdesk roster' first.")
    if sheet == "posts":
        return translate("Cli", "That test center has no posts.")
    return translate("Cli", "There is nothing to print there.")


def _bar(center: str) -> Callable[[int, int, str], None]:
    """A progress bar on the terminal (nothing when stderr is not one)."""

    def show(done: int, total: int, label: str) -> None:
        if sys.stderr.isatty() and total:
            filled = 30 * done // total
            print(f"\r{center} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {label}"
                  "\033[K", end="", file=sys.stderr, flush=True)

    return show
