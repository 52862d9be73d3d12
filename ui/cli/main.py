"""The `examdesk` command: a contract for scripts and for our own checks.

Exit status: 0 success, 1 the plan has problems, 2 bad input or usage (one line on stderr,
never a traceback). No Qt is imported here at module level: `examdesk` without a command
imports the window lazily.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import NoReturn

from examdesk import __version__
from examdesk.db import Database, open_database
from examdesk.db.backups import AutomaticBackup
from examdesk.db.locks import LockHolder
from examdesk.errors import ExamDeskError
from examdesk.i18n import speak, translate
from examdesk.services import demo, stats
from ui.cli import attendance as cli_attendance
from ui.cli import backups as cli_backups
from ui.cli import duties as cli_duties
from ui.cli import examday_board as cli_board
from ui.cli import exchange as cli_exchange
from ui.cli import plan as cli_plan
from ui.cli import posts as cli_posts
from ui.cli import printing as cli_print
from ui.cli import privacy as cli_privacy
from ui.cli import tempid as cli_tempid
from ui.cli import users as cli_users
from ui.cli import violations as cli_violations
from ui.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CommandFactory,
    end_progress,
    signed_in,
    stderr_progress,
    user_option,
)
from ui.cli.language import command_language
from ui.cli.wording import worded
from ui.jobs.bugs import described_bug

EXIT_INTERNAL_ERROR = 3


class UsageError(Exception):
    """Raised instead of argparse's exit, so that usage errors are one line and status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help=translate(
            "Cli",
            "database URL, e.g. sqlite:///exam.db or postgresql://user@host/examdesk "
            "(default: $EXAMDESK_DB, else the embedded database in your user data folder)",
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree; later capabilities add their sub-commands here."""
    parser = _Parser(
        prog="examdesk",
        description=translate("Cli", "ExamDesk: plan and run an exam district. "
                        "Without a command, opens the desktop application."),
    )
    parser.add_argument("--version", action="version", version=f"examdesk {__version__}")
    _db_option(parser, default=None)
    user_option(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _db_option(sub, default=argparse.SUPPRESS)  # keep a --db given before the command
        user_option(sub, default=argparse.SUPPRESS)
        return sub

    command("init", translate("Cli", "create the database, or upgrade it to this version's schema"))

    demo_parser = command(
        "demo", translate("Cli", "load the demo exam (2023 social worker exam, Zhoukou)")
    )
    demo_parser.add_argument(
        "--scale", type=int, default=1, metavar="N",
        help=translate("Cli", "repeat the district for N cities of the province "
                 "(17: about 100,000 candidates and 3,400 rooms)"),
    )
    mode = demo_parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true",
                      help=translate("Cli", "delete the demo exam first if it is already loaded"))
    mode.add_argument("--if-empty", action="store_true",
                      help=translate("Cli", "load only when the database holds no exam yet"))
    demo_parser.add_argument(
        "--exam-only", action="store_true",
        help=translate("Cli", "create only the exam (levels, subjects, sessions), without "
                              "centers, candidates or staff: ready to import your own "
                              "workbooks"))

    def subcommands(parent: argparse.ArgumentParser, dest: str) -> CommandFactory:
        group = parent.add_subparsers(dest=dest, metavar="WHAT", parser_class=_Parser,
                                      required=True)

        def sub(name: str, help_text: str) -> argparse.ArgumentParser:
            parser = group.add_parser(name, help=help_text, description=help_text)
            _db_option(parser, default=argparse.SUPPRESS)
            user_option(parser, default=argparse.SUPPRESS)
            return parser

        return sub

    cli_exchange.add_parsers(command, subcommands)
    cli_plan.add_parsers(command, subcommands)
    cli_duties.add_parsers(command, subcommands)
    cli_posts.add_parsers(command, subcommands)
    cli_print.add_parsers(command)
    cli_tempid.add_parsers(command, subcommands)
    cli_users.add_parsers(command, subcommands)
    cli_privacy.add_parsers(command)
    cli_backups.add_parsers(command)
    cli_attendance.add_parsers(command, subcommands)
    cli_board.add_parsers(command, subcommands)
    cli_violations.add_parsers(command, subcommands)

    stats_parser = command("stats", translate("Cli", "print how many centers, rooms, candidates... "
                                        "the database holds"))
    stats_parser.add_argument("--json", action="store_true",
                              help=translate("Cli", "print one JSON object with snake_case keys"))
    return parser


def cmd_init(db: Database, _args: argparse.Namespace) -> int:
    """Open the database, which creates or upgrades it."""
    print(translate("Cli", "Database ready: {url}").format(url=db.display_url))
    if db.backup_path is not None:
        saved = translate("Cli", "The previous version was saved as {path}")
        print(saved.format(path=db.backup_path))
    return EXIT_OK


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    """Load the demo exam in one transaction (--if-empty looks in that same transaction, so
    two at once load it once)."""
    started = time.perf_counter()
    with db.write("demo") as session:
        if args.if_empty and stats.collect(session).exams > 0:
            print(translate("Cli", "The database already holds an exam; the demo was not loaded."))
            return EXIT_OK
        summary = demo.load_demo(
            session, signed_in(db, args), scale=args.scale, replace=args.replace,
            exam_only=args.exam_only, progress=stderr_progress,
        )
    end_progress()
    if args.exam_only:
        print(translate("Cli", "Created {name} ({code}) with its levels, subjects and sessions; "
                               "import its rooms, candidates and staff with 'examdesk import'.")
              .format(name=summary.exam_name, code=summary.exam_code))
        return EXIT_OK
    print(
        translate("Cli", "Loaded {name} ({code}): {centers} test centers, {rooms} rooms, "
                  "{candidates:,} candidates ({seated:,} seated), {staff:,} staff in "
                  "{seconds:.1f} s").format(
            name=summary.exam_name, code=summary.exam_code, centers=summary.centers,
            rooms=summary.rooms, candidates=summary.candidates, seated=summary.seated,
            staff=summary.staff, seconds=time.perf_counter() - started,
        )
    )
    return EXIT_OK


def cmd_stats(db: Database, args: argparse.Namespace) -> int:
    """Print counts as text or JSON."""
    with db.begin() as session:
        counts = stats.collect(session).as_dict()
    if args.json:
        print(json.dumps(counts))
    else:
        width = max(len(key) for key in counts)
        for key, value in counts.items():
            print(f"{key.replace('_', ' '):<{width}}  {value:>9,}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "import": cli_exchange.cmd_import,
    "export": cli_exchange.cmd_export,
    "allocate": cli_plan.cmd_allocate,
    "check": cli_plan.cmd_check,
    "seat": cli_plan.cmd_seat,
    "exam": cli_plan.cmd_exam,
    "roster": cli_duties.cmd_roster,
    "draw": cli_duties.cmd_draw,
    "posts": cli_duties.cmd_posts,
    "post": cli_posts.cmd_post,
    "duty": cli_duties.cmd_duty,
    "supplies": cli_duties.cmd_supplies,
    "print": cli_print.cmd_print,
    "tempid": cli_tempid.cmd_tempid,
    "user": cli_users.cmd_user,
    "purge": cli_privacy.cmd_purge,
    "backup": cli_backups.cmd_backup,
    "restore": cli_backups.cmd_restore,
    "attendance": cli_attendance.cmd_attendance,
    "hotline": cli_board.cmd_hotline,
    "notice": cli_board.cmd_notice,
    "violation": cli_violations.cmd_violation,
    "incident": cli_violations.cmd_incident,
}

# The commands that run without a sign-in on a database with users: creating or upgrading
# the database (every other command, reading ones too, signs in first).
WITHOUT_SIGN_IN = frozenset({"init"})


def print_waiting(holder: LockHolder) -> None:
    """Say on stderr that a command waits for another user's command to finish."""
    print("examdesk: " + translate("Cli", "waiting for {holder}…").format(holder=holder),
          file=sys.stderr, flush=True)


_said_no_backup: list[bool] = []


def print_backup_note(backup: AutomaticBackup) -> None:
    """Say once on stderr that a bulk change went ahead without its automatic backup (the
    backups taken are silent: the command's output stays as it was)."""
    if backup.reason and not _said_no_backup:
        _said_no_backup.append(True)
        print(f"examdesk: {backup.reason}", file=sys.stderr, flush=True)


def run(argv: Sequence[str] | None = None,
        open_window: Callable[[str | None], int] | None = None) -> int:
    """Parse ``argv`` and run the command; return the exit status.

    Args:
        argv: the arguments (default: the process's).
        open_window: opens the desktop window on a database URL (``None``: the default one)
            when no command is given; ``None`` makes a command required (``ui.launch``
            passes the window, so that this face never imports the other).
    """
    speak(command_language())
    _said_no_backup.clear()  # once per command
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"examdesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command is None and open_window is None:
        print("examdesk: " + translate("Cli", "name a command (see 'examdesk --help')"),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if open_window is not None and args.command is None:
            return open_window(args.db)
        db = open_database(args.db, waiting=print_waiting, backed_up=print_backup_note,
                           checked=args.command != "restore")  # restore mends a damaged file
        try:
            if args.command not in WITHOUT_SIGN_IN:
                signed_in(db, args)  # before anything is read: one line if refused
            return COMMANDS[args.command](db, args)
        finally:
            db.close()
    except ExamDeskError as exc:
        print(f"examdesk: {worded(exc)}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        message = translate("Cli", "interrupted; nothing was changed.")
        print(f"examdesk: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader went away (examdesk check | head): not an error of ours; point stdout
        # at nothing so that flushing it at exit does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, keep the details for the report
        described = described_bug(exc)  # without its SQL values: they hold personal data
        print(f"examdesk: internal error ({described}); please report it.", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def main() -> NoReturn:
    """Run a command and exit with its status (``ui.launch`` also opens the window)."""
    sys.exit(run())
