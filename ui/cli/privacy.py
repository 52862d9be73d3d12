"""`examdesk purge --exam CODE`: remove a closed exam's personal data, keep its statistics."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandFactory, signed_in
from ui.jobs.purge import ask_purge, purge


def add_parsers(command: CommandFactory) -> None:
    """Add `purge`."""
    parser = command("purge", translate(
        "Cli", "after an exam is over, remove its candidates' and staff's ID numbers, phones "
               "and photos and its cached sheets; the counts and the plan stay"))
    parser.add_argument("--exam", metavar="CODE", required=True,
                        help=translate("Cli", "the exam's code"))
    parser.add_argument("--yes", action="store_true",
                        help=translate("Cli", "do not ask for confirmation"))


def cmd_purge(db: Database, args: argparse.Namespace) -> int:
    """Purge after a confirmation (``--yes``, or y typed at the terminal)."""
    asked = ask_purge(db, args.exam)
    closed = asked.first_day is not None and date.today() >= asked.first_day
    if closed and not args.yes:  # (an exam not closed is refused by the purge itself)
        if not sys.stdin.isatty():
            raise BadInput(translate(
                "Cli", "purging exam {exam} cannot be undone: add --yes to confirm.").format(
                exam=asked.exam.code))
        answer = input(translate(
            "Cli", "Remove the ID numbers, phones and photos of exam {exam} ({name})? "
                   "This cannot be undone. [y/N] ").format(
            exam=asked.exam.code, name=asked.exam.name))
        if answer.strip().lower() not in ("y", "yes", "是"):
            print(translate("Cli", "Nothing was purged."))
            return EXIT_BAD_INPUT
    result = purge(db, signed_in(db, args), args.exam)
    print(translate(
        "Cli", "Purged exam {exam}: the ID numbers and phones of {candidates:,} candidates and "
               "{staff:,} staff, {photos:,} photos, {relatives:,} relatives' ID numbers; "
               "personal values blanked in {events:,} earlier audit events; its cached sheets "
               "on this computer removed.").format(
        exam=result.exam, candidates=result.candidates, staff=result.staff,
        photos=result.photos, relatives=result.relatives, events=result.events))
    return EXIT_OK
