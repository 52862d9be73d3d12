"""`examdesk attendance mark|seal|show`: a room's attendance on exam day, and the counts.

Exit status: 0 done; 1 some room whose attendance was started does not reconcile (`show`):
someone seated is not marked, its answer sheets are not entered, or they differ from those
who sat (a room nobody marked yet is not counted against it: its session may not have
begun); or `seal` was refused for that reason, without --reason; 2 bad input (an unknown
room, session or ticket, a ticket of another room).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from examdesk.db import Database
from examdesk.enums import AttendanceStatus
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services import attendance, lookup
from examdesk.services.attendance import SittingCounts, Totals
from examdesk.services.exams import resolve_exam
from ui.cli.common import EXIT_OK, EXIT_PLAN_PROBLEMS, CommandFactory, exam_option, signed_in


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `attendance mark|show` to the command tree."""
    parent = command("attendance", translate(
        "Cli", "mark a room's attendance in a session (present, absent 缺考, late) and show the "
               "counts and whether they reconcile"))
    action = subcommands(parent, "action")
    marking = action("mark", translate(
        "Cli", "mark candidates of one room in one session, by ticket number"))
    _room_options(marking)
    marking.add_argument("--all-present", action="store_true", help=translate(
        "Cli", "mark present everyone of the room not marked yet (marks already made stay)"))
    marking.add_argument("--absent", metavar="TICKET", nargs="+", default=[],
                         help=translate("Cli", "the ticket numbers of the absent (缺考)"))
    marking.add_argument("--late", metavar="TICKET", nargs="+", default=[],
                         help=translate("Cli", "the ticket numbers of those who came late"))
    marking.add_argument("--present", metavar="TICKET", nargs="+", default=[],
                         help=translate("Cli", "the ticket numbers of those present"))
    marking.add_argument("--certificate", metavar="SERIAL", nargs="+", default=[],
                         help=translate("Cli", "temporary ID certificates an invigilator "
                                               "checked against their holders in the room "
                                               "(the holders are marked present)"))
    marking.add_argument("--answer-sheets", metavar="N", type=int, help=translate(
        "Cli", "the answer sheets the room handed in"))
    sealing = action("seal", translate(
        "Cli", "record that a room's papers of a session are sealed; refused (exit 1) while "
               "its counts do not reconcile, unless --reason says why"))
    _room_options(sealing)
    sealing.add_argument("--reason", metavar="TEXT", default="", help=translate(
        "Cli", "why the room is sealed although its counts do not reconcile"))
    showing = action("show", translate(
        "Cli", "show per room and session: expected, present, late, absent, not marked, answer "
               "sheets; then the totals per center, session and district"))
    showing.add_argument("--center", metavar="CODE",
                         help=translate("Cli", "only this test center"))
    showing.add_argument("--session", metavar="ID",
                         help=translate("Cli", "only this session, e.g. S2"))
    showing.add_argument("--json", action="store_true", help=translate(
        "Cli", "print a JSON list, one object per room and session (center, room, session, "
               "expected, present, absent, late, unmarked, answer_sheets, sealed, mismatch, "
               "absent_tickets)"))
    exam_option(showing)


def _room_options(parser: argparse.ArgumentParser) -> None:
    """``--session ID --room CENTER/ROOM``: the room and session a change is about."""
    parser.add_argument("--session", metavar="ID", required=True,
                        help=translate("Cli", "the session's code, e.g. S2"))
    parser.add_argument("--room", metavar="CENTER/ROOM", required=True,
                        help=translate("Cli", "the room, e.g. 01/003"))
    exam_option(parser)


def cmd_attendance(db: Database, args: argparse.Namespace) -> int:
    """Mark a room, or show the counts."""
    if args.action == "mark":
        return _mark(db, args)
    if args.action == "seal":
        return _seal(db, args)
    return _show(db, args)


def _seal(db: Database, args: argparse.Namespace) -> int:
    actor = signed_in(db, args)
    with db.write("attendance") as session:
        exam = resolve_exam(session, args.exam)
        room = lookup.find_room(session, exam, args.room).one()
        session_id = lookup.find_session(session, exam, args.session).one().id
        counts = attendance.seal(session, actor, exam, room_id=room.id, session_id=session_id,
                                 reason=args.reason)
    print(_line(counts))
    return EXIT_OK


def _mark(db: Database, args: argparse.Namespace) -> int:
    actor = signed_in(db, args)
    wanted = {AttendanceStatus.ABSENT: args.absent, AttendanceStatus.LATE: args.late,
              AttendanceStatus.PRESENT: args.present}
    named: dict[str, AttendanceStatus] = {}
    for status, tickets in wanted.items():
        for ticket in tickets:
            if named.setdefault(ticket.strip(), status) is not status:
                raise BadInput(translate(
                    "Cli", "Ticket {ticket} is given twice, with different marks.").format(
                    ticket=ticket), code="ticket-twice", ticket=ticket)
    if (not named and not args.all_present and not args.certificate
            and args.answer_sheets is None):
        raise BadInput(translate(
            "Cli", "Nothing to mark: give --all-present, --absent, --late or --present "
                   "TICKET..."), code="nothing-to-mark")
    with db.write("attendance") as session:
        exam = resolve_exam(session, args.exam)
        room = lookup.find_room(session, exam, args.room).one()
        session_id = lookup.find_session(session, exam, args.session).one().id
        ids = attendance.room_tickets(session, exam, room.id, session_id, named)
        counts = attendance.mark(session, actor, exam, room_id=room.id, session_id=session_id,
                                 marks={ids[t]: s for t, s in named.items()},
                                 all_present=args.all_present)
        if args.certificate:
            counts = attendance.check_certificates(session, actor, exam, room_id=room.id,
                                                   session_id=session_id,
                                                   serials=args.certificate)
        if args.answer_sheets is not None:
            counts = attendance.set_answer_sheets(session, actor, exam, room_id=room.id,
                                                  session_id=session_id,
                                                  count=args.answer_sheets)
    print(_line(counts))
    for problem in counts.problems:
        print(f"  {problem}")
    return EXIT_OK


def _line(c: SittingCounts) -> str:
    sheets = "—" if c.answer_sheets is None else str(c.answer_sheets)
    return translate(
        "Cli", "{room} {session}: expected {expected}, present {present}, late {late}, absent "
               "{absent}, not marked {unmarked}, answer sheets {sheets}{sealed}").format(
        room=c.label, session=c.session, expected=c.expected, present=c.present, late=c.late,
        absent=c.absent, unmarked=c.unmarked, sheets=sheets,
        sealed=translate("Cli", ", sealed") if c.sealed else "")


def _total(t: Totals, what: str) -> str:
    return translate(
        "Cli", "{what}: {rooms} room-sessions, expected {expected}, present {present}, late "
               "{late}, absent {absent}, not marked {unmarked}, not reconciled "
               "{mismatched}").format(
        what=what, rooms=t.rooms, expected=t.expected, present=t.present, late=t.late,
        absent=t.absent, unmarked=t.unmarked, mismatched=t.mismatched)


def _show(db: Database, args: argparse.Namespace) -> int:
    actor = signed_in(db, args)
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        center = (lookup.find_center(session, exam, args.center).one().id
                  if args.center is not None else None)
        session_id = (lookup.find_session(session, exam, args.session).one().id
                      if args.session is not None else None)
        counts = attendance.sitting_counts(session, exam, actor=actor, center=center,
                                           center_code=args.center or "",
                                           session_id=session_id)
    mismatched = any(c.mismatch for c in counts)
    if args.json:
        print(json.dumps([c.as_dict() for c in counts], ensure_ascii=False))
        return EXIT_PLAN_PROBLEMS if mismatched else EXIT_OK
    for c in counts:
        print(_line(c))
        if c.absent_tickets:
            print("  " + translate("Cli", "absent: {tickets}").format(
                tickets=" ".join(c.absent_tickets)))
        if c.mismatch:
            for problem in c.problems:
                print(f"  ! {problem}")
    if counts:
        for t in attendance.totals_by(counts, "center"):
            print(_total(t, translate("Cli", "Test center {code}").format(code=t.label)))
        for t in attendance.totals_by(counts, "session"):
            print(_total(t, translate("Cli", "Session {code}").format(code=t.label)))
        print(_total(attendance.totals(counts), translate("Cli", "District")))
    else:
        print(translate("Cli", "Nobody is seated yet: there is no attendance to show."))
    return EXIT_PLAN_PROBLEMS if mismatched else EXIT_OK
