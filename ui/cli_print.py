"""`examdesk print ...`: the printed sheets as PDF files (issue 6; the door list so far)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.printing.door_list import DoorList
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import door_lists
from reports.door_list import render_door_lists
from ui.cli_common import CommandFactory, exam_option

EXIT_OK = 0


def add_parsers(command: CommandFactory) -> None:
    """Add `print` to the command tree."""
    printing = command("print", translate(
        "Cli", "print sheets as PDF files, one per test center (so far: door, the door lists)"))
    printing.add_argument("sheet", choices=["door"], metavar="SHEET",
                          help=translate("Cli", "the sheet: door (考场门贴)"))
    printing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    printing.add_argument("--room", metavar="CODE", help=translate("Cli", "only this room"))
    printing.add_argument("--out", metavar="DIR", type=Path, default=Path("."),
                          help=translate("Cli", "the folder to write into (default: here)"))
    exam_option(printing)


def cmd_print(db: Database, args: argparse.Namespace) -> int:
    """Render the door lists, one PDF per center, each written whole or not at all."""
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        lists = door_lists(session, exam, center=args.center, room=args.room)
    if not lists:
        raise BadInput(translate("Cli", "No room holds seated candidates there; run "
                                        "'examdesk allocate' first."))
    by_center: defaultdict[str, list[DoorList]] = defaultdict(list)
    for door_list in lists:
        by_center[door_list.center_name].append(door_list)
    args.out.mkdir(parents=True, exist_ok=True)
    for center, rooms in by_center.items():
        pdf, warnings = render_door_lists(rooms)
        for warning in warnings:
            print(f"examdesk: {warning}", file=sys.stderr)
        target = args.out / f"考场门贴-{center}.pdf"
        _write_atomically(target, pdf)
        print(translate("Cli", "Wrote {path} ({rooms} rooms)").format(path=target,
                                                                       rooms=len(rooms)))
    return EXIT_OK


def _write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target`` and rename it: never half a PDF."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
