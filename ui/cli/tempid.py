"""`examdesk tempid ...`: the temporary ID desk (临时身份证明) from the command line.

`tempid issue WHO --officer NAME --unit UNIT [--sessions S1,S2] [--photo FILE]` prints the
serial (the photo: a JPEG or PNG taken at the desk, printed instead of the registration one);
`tempid void SERIAL --reason TEXT`; `tempid list [--center CODE] [--json]` (JSON: a list of
objects with serial, ticket, id_number, name, center, issued_at, officer, unit, sessions,
void). Exit status: 0 done, 1 refused by the plan (the candidate holds a valid certificate,
it is void already), 2 bad input (one line naming the bad value).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from examdesk.db import Database
from examdesk.i18n import translate
from examdesk.services import tempids
from examdesk.services.exams import resolve_exam
from ui.cli.common import EXIT_OK, CommandFactory, exam_option, signed_in
from ui.jobs import tempids as tempid_jobs


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `tempid` (issue, void, list) to the command tree."""
    tempid = command("tempid", translate(
        "Cli", "issue, void or list temporary ID certificates (临时身份证明)"))
    action = subcommands(tempid, "action")
    issuing = action("issue", translate(
        "Cli", "issue a certificate to a candidate and print its serial"))
    issuing.add_argument("who", metavar="WHO", help=translate(
        "Cli", "the candidate's ticket, ID or registration number"))
    issuing.add_argument("--officer", metavar="NAME", required=True,
                         help=translate("Cli", "the issuing police officer"))
    issuing.add_argument("--unit", metavar="UNIT", required=True,
                         help=translate("Cli", "the officer's police unit"))
    issuing.add_argument("--sessions", metavar="S1,S2", help=translate(
        "Cli", "the sessions it covers (default: the candidate's sessions left today)"))
    issuing.add_argument("--photo", metavar="FILE", help=translate(
        "Cli", "a JPEG or PNG photo taken at the desk, printed instead of the registration "
               "photo"))
    exam_option(issuing)
    voiding = action("void", translate("Cli", "void a certificate"))
    voiding.add_argument("serial", metavar="SERIAL", help=translate(
        "Cli", "the certificate's serial, e.g. 01-0001"))
    voiding.add_argument("--reason", metavar="TEXT", required=True,
                         help=translate("Cli", "why it is void"))
    exam_option(voiding)
    listing = action("list", translate("Cli", "list the certificates issued"))
    listing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    listing.add_argument("--json", action="store_true", help=translate(
        "Cli", "print one JSON list of objects with snake_case keys"))
    exam_option(listing)


def cmd_tempid(db: Database, args: argparse.Namespace) -> int:
    """Issue, void or list temporary ID certificates."""
    actor = signed_in(db, args)
    if args.action == "issue":
        sessions = None
        if args.sessions is not None:
            sessions = [code for code in args.sessions.replace("，", ",").split(",")
                        if code.strip()]
        photo = None if args.photo is None else tempid_jobs.read_photo(Path(args.photo))
        row = tempid_jobs.issue(db, actor, args.who, officer=args.officer, unit=args.unit,
                                sessions=sessions, exam=args.exam, photo=photo)
        print(row.serial)
        return EXIT_OK
    if args.action == "void":
        with db.write("tempid void") as session:
            row = tempids.void(session, actor, resolve_exam(session, args.exam), args.serial,
                               args.reason)
        print(translate("Cli", "Voided the temporary ID {serial} of {name}.").format(
            serial=row.serial, name=row.name))
        return EXIT_OK
    with db.begin() as session:
        rows = tempids.certificates(session, resolve_exam(session, args.exam), actor=actor,
                                    center=args.center)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        state = (translate("Cli", "void: {reason}").format(reason=row.void_reason)
                 if row.void else translate("Cli", "valid"))
        print(f"{row.serial}  {row.ticket}  {row.name}  {row.center}/{row.room}  "
              f"{','.join(row.sessions)}  {row.officer}  {row.unit}  "
              f"{row.issued_at.astimezone():%Y-%m-%d %H:%M}  {state}")
    print(translate("Cli", "{count:,} temporary IDs.").format(count=len(rows)))
    return EXIT_OK
