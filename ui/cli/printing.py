"""`examdesk print SHEET`: the printed sheets as PDF files, one file per test center.

The run itself is ui/jobs/print_run.py (the window starts the same one); this module parses the
command and reports on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from ui.cli.common import EXIT_OK, CommandFactory, end_progress, exam_option, signed_in
from ui.cli.exchange import day_argument
from ui.jobs.print_run import CannotWrite, PrintRequest, Unwritable, Written, run_print
from ui.jobs.sheets import SHEETS, Nothing, NothingToPrint, Reason, sheet
from ui.jobs.tempids import print_certificate

EXIT_PRINTED_WITH_PROBLEMS = 1


def add_parsers(command: CommandFactory) -> None:
    """Add `print` to the command tree."""
    printing = command("print", translate(
        "Cli", "print sheets as PDF files, one per test center"))
    named = translate("Cli", ", ").join(
        translate("Cli", "{key} ({name})").format(key=spec.key, name=spec.file_name)
        for spec in SHEETS if not spec.contents)
    printing.add_argument("sheet", choices=[*(spec.key for spec in SHEETS), "violation"],
                          metavar="SHEET",
                          help=translate("Cli", "{sheets}, violation (one violation record, "
                                                "with --id), or pack: every room's envelope "
                                                "then the center's staff sheets"
                                         ).format(sheets=named))
    printing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    printing.add_argument("--session", metavar="ID", help=translate(
        "Cli", "only this session (S1, S2...): sign-in sheets, room records, duty sheets, draw"))
    printing.add_argument("--room", metavar="CODE", help=translate("Cli", "only this room"))
    printing.add_argument("--serial", metavar="SERIAL", help=translate(
        "Cli", "certificate: only the temporary ID with this serial, e.g. 01-0001"))
    printing.add_argument("--id", type=int, metavar="ID", help=translate(
        "Cli", "the violation record to print (print violation)"))
    printing.add_argument("--date", metavar="YYYY-MM-DD", type=day_argument, help=translate(
        "Cli", "doubtful: the exam day the list covers (default: today, or the exam's last "
               "day before today)"))
    printing.add_argument("--out", metavar="DIR", type=Path, default=Path("."),
                          help=translate("Cli", "the folder to write into (default: here)"))
    printing.add_argument("--workers", metavar="N", type=int, default=None,
                          help=translate("Cli", "processes to render with (default: the cores)"))
    exam_option(printing)


def cmd_print(db: Database, args: argparse.Namespace) -> int:
    """Render the sheet for each center; write each file whole or not at all."""
    if args.sheet == "violation":  # one record, not a center's sheets (ui/cli/violations.py)
        from ui.cli.violations import print_violation

        return print_violation(db, args)

    def report(done: Written) -> None:
        end_progress()
        for warning in done.warnings:
            print(f"examdesk: {warning}", file=sys.stderr)
        print(translate("Cli", "Wrote {path}: {pages} pages ({drawn} of {parts} parts drawn, "
                               "the others unchanged)").format(
            path=done.path, pages=done.pages, drawn=done.drawn, parts=done.parts))

    if args.serial is not None:
        return _certificate(db, args)
    if args.date is not None and not sheet(args.sheet).dated:
        raise BadInput(translate("Cli", "--date goes with the sheet doubtful only."))
    request = PrintRequest(args.sheet, args.out, args.exam, args.center, args.session,
                           args.room, args.workers, args.date)
    try:
        files = run_print(db, signed_in(db, args), request, progress=_bar, written=report)
    except NothingToPrint as error:
        raise BadInput(_why(error.nothing)) from None
    except CannotWrite as error:
        raise BadInput(_unwritable(error)) from None
    problems = {problem for done in files for problem in done.problems}
    if problems:
        # the files are written, but a name printed as a blank box must be written in by hand
        print(translate("Cli", "Printed with problems: characters no font has are blank boxes "
                               "in {count} places (listed above); write them in by hand there, "
                               "or install a font that has them and print again.").format(
            count=len(problems)), file=sys.stderr)
        return EXIT_PRINTED_WITH_PROBLEMS
    return EXIT_OK


def _certificate(db: Database, args: argparse.Namespace) -> int:
    """`print certificate --serial SERIAL`: one certificate, as the desk prints it."""
    if args.sheet != "certificate":
        raise BadInput(translate("Cli", "--serial goes with the sheet certificate only."))
    try:
        done = print_certificate(db, signed_in(db, args), args.serial, args.out,
                                 exam=args.exam)
    except CannotWrite as error:
        raise BadInput(_unwritable(error)) from None
    for warning in done.warnings:
        print(f"examdesk: {warning}", file=sys.stderr)
    print(translate("Cli", "Wrote {path}: {pages} pages").format(path=done.path,
                                                                 pages=done.pages))
    return EXIT_OK


def _unwritable(error: CannotWrite) -> str:
    """Why the output cannot be written, and what to do."""
    match error.problem:
        case Unwritable.FOLDER:
            return translate("Cli", "The folder {folder} cannot be created ({reason}); "
                                    "choose another with --out.").format(
                folder=error.path, reason=error.reason)
        case Unwritable.IN_USE:
            return translate(
                "Cli", "{file} cannot be written because it is open in another program (a PDF "
                       "viewer?) or the folder is protected; close it, or choose another folder "
                       "with --out, and try again.").format(file=error.path)
        case _:
            return translate("Cli", "{file} cannot be written ({reason}).").format(
                file=error.path, reason=error.reason)


def _why(nothing: Nothing) -> str:
    """Why a print run found nothing to print, and the command that would give it something."""
    match nothing.reason:
        case Reason.NO_DRAW:
            return translate("Cli", "No draw has been held there yet; run 'examdesk draw' "
                                    "on the morning of the exam.")
        case Reason.NOT_SAT_IN_SESSION:
            return translate("Cli", "Nobody sits a paper there in session {code}.").format(
                code=nothing.session)
        case Reason.NOT_SEATED:
            return translate("Cli", "No room holds seated candidates there; run 'examdesk "
                                    "allocate' first.")
        case Reason.NO_DUTIES:
            return translate("Cli", "Nobody is on duty there yet; run 'examdesk roster' "
                                    "first.")
        case Reason.NO_POSTS:
            return translate("Cli", "That test center has no posts.")
        case _:
            return translate("Cli", "There is nothing to print there.")


def _bar(center: str) -> Callable[[int, int, str], None]:
    """A progress bar on the terminal (nothing when stderr is not one)."""

    def show(done: int, total: int, label: str) -> None:
        if sys.stderr.isatty() and total:
            filled = 30 * done // total
            print(f"\r{center} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {label}"
                  "\033[K", end="", file=sys.stderr, flush=True)

    return show
