"""`examdesk backup OUT` and `examdesk restore IN`: a whole database saved to one file, and
put back (docs/backups.md).

Exit status: 0 done (or a restore the user declined), 2 bad input: a file that is not an
ExamDesk backup or is newer than this ExamDesk, PostgreSQL's client programs missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from examdesk.db import Database
from examdesk.i18n import translate
from ui.cli.common import EXIT_OK, CommandFactory, end_progress, signed_in, stderr_progress
from ui.jobs import backups


def add_parsers(command: CommandFactory) -> None:
    """Add `backup` and `restore` to the command tree."""
    backup = command("backup", translate(
        "Cli", "save the whole database to one file (an SQLite copy, or pg_dump's archive for "
               "PostgreSQL), consistent while others work"))
    backup.add_argument("out", metavar="OUT", type=Path,
                        help=translate("Cli", "the backup file to write (replaced if it "
                                              "exists)"))
    restore = command("restore", translate(
        "Cli", "replace everything the database holds with a backup that 'examdesk backup' "
               "wrote (the current state is backed up first)"))
    restore.add_argument("source", metavar="IN", type=Path,
                         help=translate("Cli", "the backup file"))
    restore.add_argument("--yes", action="store_true",
                         help=translate("Cli", "do not ask for confirmation"))


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    """Write the backup and say where, how large, how long."""
    started = time.perf_counter()
    path = backups.backup_to(db, args.out, stderr_progress, signed_in(db, args))
    end_progress()
    print(translate("Cli", "Backed up {url} to {path} ({size}) in {seconds:.1f} s").format(
        url=db.display_url, path=path, size=backups.size_text(path.stat().st_size),
        seconds=time.perf_counter() - started))
    return EXIT_OK


def cmd_restore(db: Database, args: argparse.Namespace) -> int:
    """Check the backup, ask, restore, say what was saved before."""
    plan = backups.restore_plan(db, args.source)
    if not args.yes:
        print(plan.question, flush=True)
        prompt = translate("Cli", "Replace it? [y/N] ")
        try:
            answer = input(prompt) if sys.stdin is not None else ""
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是"):
            print(translate("Cli", "Nothing was restored."))
            return EXIT_OK
    started = time.perf_counter()
    done = backups.restore(db, plan, stderr_progress, signed_in(db, args))
    end_progress()
    print(translate("Cli", "Restored {path} into {url} in {seconds:.1f} s.").format(
        path=plan.info.path, url=db.display_url, seconds=time.perf_counter() - started))
    if done.saved is not None:
        print(translate("Cli", "What the database held before was saved as {path}").format(
            path=done.saved))
    return EXIT_OK
