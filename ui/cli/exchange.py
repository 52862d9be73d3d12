"""`examdesk import ...` and `examdesk export ...`: workbooks in and out.

Exit status: 0 when every row was imported (or checked, for a dry run), 2 when rows were
refused (with or without --skip-invalid) or the file cannot be read, 1 when an imported
seating plan was written but `check` finds errors in it, or when the rows written broke duties
of the roster (a person's new work unit against their room, rooms changed under it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from examdesk.db import Database
from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue
from examdesk.services.imports import Accept, ImportResult
from examdesk.services.imports.kinds import KINDS, import_kind
from examdesk.services.plan_check import PlanCheck
from examdesk.services.rows.audit import AuditFilter
from ui.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PLAN_PROBLEMS,
    CommandFactory,
    end_progress,
    exam_option,
    signed_in,
    stderr_progress,
)
from ui.cli.plan import print_broken_duties, print_issue, print_repair, print_total
from ui.jobs import runs
from ui.jobs.imports import ImportRequest, run_import, write_report

#: Candidates without a photo listed on the terminal; --report lists them all.
MISSING_SHOWN = 20

EXPORTERS = runs.EXPORTERS


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `import` and `export` with their sub-commands to the command tree.

    Args:
        command: makes a top-level command (with --db).
        subcommands: makes a factory of sub-commands under a command (with --db).
    """
    importing = command("import", translate("Cli", "import rooms, candidates, staff, posts or "
                                                   "photos"))
    what = subcommands(importing, "what")
    for kind in KINDS:
        sub = what(kind.key, kind.description())
        if kind.folder:
            sub.add_argument("folder", metavar="FOLDER", type=Path,
                             help=translate("Cli", "the folder holding the photos"))
        else:
            sub.add_argument("file", metavar="FILE", type=Path,
                             help=translate("Cli", "the .xlsx, .xlsm or .csv file"))
            sub.add_argument("--sheet", metavar="NAME",
                             help=translate("Cli", "the sheet to read (default: the first)"))
        _import_options(sub)

    exporting = command("export", translate("Cli", "export candidates, rooms or staff as a "
                                                   "workbook that can be imported again"))
    target = subcommands(exporting, "what")
    for name, help_text in (
        ("candidates", translate("Cli", "export the candidates (with their seats once "
                                        "allocated)")),
        ("rooms", translate("Cli", "export the test centers and rooms")),
        ("staff", translate("Cli", "export the staff")),
        ("seating", translate("Cli", "export the seating plan: center, room, seat, ticket "
                                     "number and candidate")),
        ("duties", translate("Cli", "export the staff duties: center, session, date, time, "
                                    "room or post, role, name, gender, work unit, mobile")),
        ("posts", translate("Cli", "export the post roster with each post's coverage, as "
                                   "'import posts' reads it back")),
        ("supplies", translate("Cli", "export the supplies each center's posts need")),
        ("attendance", translate("Cli", "export the attendance per room and session: "
                                        "expected, present, late, absent, answer sheets, "
                                        "absentees' tickets")),
        ("tempids", translate("Cli", "export the temporary ID certificates issued (void "
                                     "ones too)")),
        ("incidents", translate("Cli", "export the exam day's violations, incidents and "
                                       "medical log")),
    ):
        sub = target(name, help_text)
        sub.add_argument("out", metavar="OUT.xlsx", type=Path,
                         help=translate("Cli", "the workbook to write (replaced if it exists)"))
        sub.add_argument("--center", metavar="CODE",
                         help=translate("Cli", "only this test center"))
        exam_option(sub)
    sub = target("audit", translate("Cli", "export the audit trail: who changed, printed or "
                                           "exported what, when, with the values before and "
                                           "after"))
    sub.add_argument("out", metavar="OUT.xlsx", type=Path,
                     help=translate("Cli", "the workbook to write (replaced if it exists)"))
    sub.add_argument("--by", metavar="NAME", help=translate("Cli", "only the events of this user"))
    sub.add_argument("--since", metavar="DATE", type=day_argument,
                     help=translate("Cli", "only events from this day on (YYYY-MM-DD)"))
    sub.add_argument("--until", metavar="DATE", type=day_argument,
                     help=translate("Cli", "only events up to this day (YYYY-MM-DD)"))


def day_argument(text: str) -> date:
    """A day typed as YYYY-MM-DD (argparse says it is not one)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "Cli", "'{text}' is not a date such as 2026-12-05").format(text=text[:40])) from None


def _import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true",
                        help=translate("Cli", "check the file and report; write nothing"))
    parser.add_argument("--skip-invalid", action="store_true",
                        help=translate("Cli", "import the valid rows even when other rows "
                                              "have errors"))
    parser.add_argument("--report", metavar="OUT.xlsx", type=Path,
                        help=translate("Cli", "write the file back with the problem cells "
                                              "highlighted and a problems column"))
    exam_option(parser)


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    """Import one file (or a folder of photos) in one transaction and report."""
    request = ImportRequest(
        args.what, args.folder if import_kind(args.what).folder else args.file,
        sheet=getattr(args, "sheet", None), exam=args.exam,
        accept=Accept.VALID if args.skip_invalid else Accept.ALL, dry_run=args.dry_run)
    actor = signed_in(db, args)
    outcome = run_import(db, request, actor=actor, progress=stderr_progress)
    result = outcome.result
    end_progress()
    _print_result(result, args)
    if args.report is not None:
        write_report(db, actor, result, args.report, exam=args.exam)
        print(translate("Cli", "Report written to {path}").format(path=args.report))
    status = EXIT_OK
    if outcome.check is not None:
        _print_seating_check(outcome.check, result.broken_duties)
        status = EXIT_PLAN_PROBLEMS if outcome.check.has_errors else EXIT_OK
    elif result.written:
        status = print_broken_duties(result.broken_duties)
    if result.errors:
        print(translate("Cli", "examdesk: {count} rows refused.").format(count=result.refused)
              if result.what != "photos" else
              translate("Cli", "examdesk: {count} photo files refused.").format(
                  count=result.refused), file=sys.stderr)
        return EXIT_BAD_INPUT
    return status


def _print_seating_check(check: PlanCheck, broken: Sequence[PlanIssue]) -> None:
    """The whole check, as `examdesk check` finds it, by where each problem comes from."""
    caused, before = check.roster_split(broken)
    parts = [
        (translate("Cli", "The imported seating plan: {count:,} problems."), check.seating),
        (translate("Cli", "The roster, where the imported seats broke it: {count:,} "
                          "problems."), caused),
        (translate("Cli", "The roster, as it was before the import: {count:,} problems."),
         before),
    ]
    if check.posts:
        parts.append((translate("Cli", "The service posts: {count:,} problems."), check.posts))
    print(translate("Cli", "The plan, checked as 'examdesk check' does:"))
    for title, issues in parts:
        print(title.format(count=len(issues)))
        for issue in issues:
            print_issue(issue)
    if caused:
        print_repair(caused)
    print_total(check.issues)


def _print_result(result: ImportResult, args: argparse.Namespace) -> None:
    for note in result.notes:
        print(note)
    for problem in result.problems:
        print(problem)
    source = result.file + (f" ({result.sheet})" if result.sheet else "")
    print(translate(
        "Cli", "{source}: {rows:,} rows read: {added:,} added, {updated:,} updated, "
               "{unchanged:,} unchanged, {refused:,} refused; {errors:,} errors, "
               "{warnings:,} warnings."
    ).format(source=source, rows=result.rows, added=result.added, updated=result.updated,
             unchanged=result.unchanged, refused=result.refused, errors=len(result.errors),
             warnings=len(result.warnings)))
    if result.missing:
        print(translate("Cli", "{count:,} candidates have no photo:").format(
            count=len(result.missing)))
        for line in result.missing[:MISSING_SHOWN]:
            print(f"  {line}")
        if len(result.missing) > MISSING_SHOWN:
            print(translate("Cli", "  ... and {count:,} more (--report lists them all)").format(
                count=len(result.missing) - MISSING_SHOWN))
    if args.dry_run:
        print(translate("Cli", "Dry run: nothing was written."))
    elif result.written:
        print(translate("Cli", "Imported into the database."))
    elif result.errors and not args.skip_invalid:
        print(translate(
            "Cli", "Nothing was written: fix the errors and import again, or use "
                   "--skip-invalid to import only the valid rows."))
    else:
        print(translate("Cli", "Nothing to change: the database already holds this data."))


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    """Write one workbook from one snapshot, then log the export (a short write: a long
    export does not keep others from changing the plan)."""
    if args.what == "audit":
        result = runs.export_audit(db, signed_in(db, args), args.out, AuditFilter(
            user=args.by, since=args.since, until=args.until), progress=stderr_progress)
    else:
        result = runs.export_table(db, signed_in(db, args), args.what, args.out,
                                   exam=args.exam, center=args.center,
                                   progress=stderr_progress)
    end_progress()
    print(translate("Cli", "Wrote {rows:,} rows to {path}").format(rows=result.rows,
                                                                   path=result.path))
    return EXIT_OK
