"""`examdesk violation ...` and `examdesk incident ...`: the exam day's violations, coded to
the regulation, and its other incidents (issue 14).

Exit status: 0 done, 2 bad input (one line naming the bad value: an unknown candidate,
session, room, act or kind, an incident already closed, a center the user may not work at).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable

from examdesk.db import Database
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services import incidents, violations
from examdesk.services.exams import resolve_exam
from ui.cli.common import EXIT_OK, CommandFactory, exam_option, signed_in


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `violation` (add, acts) and `incident` (add, close, list) to the command tree."""
    violation = command("violation", translate(
        "Cli", "record a candidate's violation, coded to the regulation's list of acts"))
    change = subcommands(violation, "change")
    add = change("add", translate("Cli", "record a violation (the consequence follows from "
                                         "the act)"))
    add.add_argument("who", metavar="WHO", help=translate(
        "Cli", "the candidate's ticket, ID or registration number"))
    add.add_argument("--session", required=True, metavar="ID", help=translate(
        "Cli", "the session's code (S1, S2...)"))
    add.add_argument("--act", required=True, metavar="CODE", help=translate(
        "Cli", "the act's code in the regulation's list (see 'examdesk violation acts')"))
    add.add_argument("--text", required=True, metavar="TEXT", help=translate(
        "Cli", "what was seen"))
    add.add_argument("--invigilators", metavar="NAME_OR_ID,NAME_OR_ID", help=translate(
        "Cli", "the two invigilators, by name or ID number (default: the two on duty in the "
               "candidate's room and session)"))
    exam_option(add)
    change("acts", translate("Cli", "list the regulation's acts with their codes and "
                                    "consequences"))

    incident = command("incident", translate(
        "Cli", "record, close or list the exam day's incidents"))
    change = subcommands(incident, "change")
    add = change("add", translate("Cli", "record an incident"))
    add.add_argument("--kind", required=True, metavar="KIND", help=translate(
        "Cli", "medical, paper, equipment, public_opinion or other (or its Chinese name)"))
    add.add_argument("--session", required=True, metavar="ID", help=translate(
        "Cli", "the session's code (S1, S2...)"))
    add.add_argument("--room", metavar="CENTER/ROOM", help=translate(
        "Cli", "the room (default: the candidate's, else the whole exam)"))
    add.add_argument("--who", metavar="WHO", help=translate(
        "Cli", "the candidate concerned: ticket, ID or registration number"))
    add.add_argument("--text", required=True, metavar="TEXT", help=translate(
        "Cli", "what happened"))
    exam_option(add)
    close = change("close", translate("Cli", "close an open incident"))
    close.add_argument("id", type=int, metavar="ID", help=translate(
        "Cli", "the incident's number"))
    exam_option(close)
    listing = change("list", translate("Cli", "list the incidents, the open ones marked"))
    listing.add_argument("--json", action="store_true", help=translate(
        "Cli", "print a JSON list of objects (id, kind, kind_label, occurred_at, session, "
               "center, room, people, description, action_taken, reported_by, status, "
               "closed_at, closed_by)"))
    exam_option(listing)


def cmd_violation(db: Database, args: argparse.Namespace) -> int:
    """Record a violation, or list the acts."""
    actor = signed_in(db, args)
    if args.change == "acts":
        with db.begin() as session:
            acts = violations.acts(session)
        for act in acts:
            print(f"{act.code}\t{act.regulation}{act.citation}\t{act.wording}\t"
                  f"{act.consequence}")
        return EXIT_OK
    named = ([text for text in re.split(r"[,，]", args.invigilators) if text.strip()]
             if args.invigilators is not None else None)
    with db.write("violation add") as session:
        exam = resolve_exam(session, args.exam)
        chosen = None
        if named is not None:
            chosen = violations.find_invigilators(
                session, exam, named, violations.invigilator_choices(
                    session, actor, exam, who=args.who, session_code=args.session))
        row = violations.record_violation(
            session, actor, exam, who=args.who, session_code=args.session, act_code=args.act,
            description=args.text, invigilator_ids=chosen)
    print(translate("Cli", "Recorded violation {id}: {name} ({ticket}), room {center}/{room} "
                           "seat {seat}, session {session}").format(
        id=row.id, name=row.name, ticket=row.ticket_no, center=row.center, room=row.room,
        seat=row.seat_no, session=row.session))
    print(f"{row.act.regulation}{row.act.citation}：{row.act.wording}")
    print(translate("Cli", "Consequence: {consequence}").format(consequence=row.act.consequence))
    return EXIT_OK


def cmd_incident(db: Database, args: argparse.Namespace) -> int:
    """Record, close or list incidents."""
    actor = signed_in(db, args)
    if args.change == "list":
        with db.begin() as session:
            rows = incidents.incidents(session, actor, resolve_exam(session, args.exam))
        if args.json:
            print(json.dumps([row.as_json() for row in rows], ensure_ascii=False))
            return EXIT_OK
        for row in rows:
            place = f"{row.center}/{row.room}" if row.room else (row.center or "-")
            print(f"{row.id}\t{incidents.STATUS_LABELS[row.status]}\t"
                  f"{row.occurred_at.astimezone():%Y-%m-%d %H:%M}\t{row.session}\t{place}\t"
                  f"{row.kind_label}\t{row.description}")
        open_count = sum(row.status.value == "open" for row in rows)
        print(translate("Cli", "{count:,} incidents, {open:,} open.").format(
            count=len(rows), open=open_count))
        return EXIT_OK
    if args.change == "close":
        with db.write("incident close") as session:
            row = incidents.close_incident(session, actor, resolve_exam(session, args.exam),
                                           args.id)
        print(translate("Cli", "Closed incident {id} ({kind}).").format(id=row.id,
                                                                       kind=row.kind_label))
        return EXIT_OK
    kind = incidents.parse_kind(args.kind)
    with db.write("incident add") as session:
        row = incidents.add_incident(session, actor, resolve_exam(session, args.exam),
                                     kind=kind, session_code=args.session, room=args.room,
                                     who=args.who, description=args.text)
    place = f"{row.center}/{row.room}" if row.room else (row.center or "-")
    print(translate("Cli", "Recorded incident {id} ({kind}) at {place}, session {session}: "
                           "open.").format(id=row.id, kind=row.kind_label, place=place,
                                           session=row.session))
    return EXIT_OK


def print_violation(db: Database, args: argparse.Namespace) -> int:
    """`print violation --id ID [--out DIR]`: one violation record as a PDF."""
    from ui.jobs.violation_print import print_violation as write_record

    if args.id is None:
        raise BadInput(translate("Cli", "Name the violation record to print with --id ID "
                                        "(its number in 'examdesk export incidents')."),
                       code="violation-id")
    path, warnings = write_record(db, signed_in(db, args), args.id, args.out, exam=args.exam)
    for warning in warnings:
        print(f"examdesk: {warning}", file=sys.stderr)
    print(translate("Cli", "Wrote {path}").format(path=path))
    return EXIT_OK
