"""`examdesk allocate`, `examdesk check` and `examdesk seat ...`: the seating plan.

Exit status: 0 done, 1 the plan has problems (an allocation that cannot succeed, a change
the rules refuse, or `check` finding errors), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence

from examdesk.db import Database
from examdesk.db.locks import run_purpose
from examdesk.enums import Corner, SeatOrder
from examdesk.errors import ExamDeskError
from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue
from examdesk.services import abbreviations, exam_settings, lookup, seat_changes, seating
from examdesk.services.exams import Names, level_names, resolve_exam
from examdesk.services.plan_check import check_exam_plan
from ui.cli.common import (
    EXIT_OK,
    EXIT_PLAN_PROBLEMS,
    CommandFactory,
    end_progress,
    exam_option,
    signed_in,
    stderr_progress,
)
from ui.cli.wording import Worded, fix_text, issue_text, swap_of_one, worded


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `allocate`, `check` and `seat` to the command tree."""
    allocate = command("allocate", translate(
        "Cli", "seat every candidate of the exam and give them admission ticket numbers"))
    allocate.add_argument("--seed", type=int, metavar="N", help=translate(
        "Cli", "the shuffle's seed: the same data and seed give the same plan "
               "(default: a new seed, printed and recorded)"))
    allocate.add_argument("--center", metavar="CODE", help=translate(
        "Cli", "re-plan only the candidates seated in this test center, in its rooms"))
    allocate.add_argument("--keep", action="store_true", help=translate(
        "Cli", "seat only candidates without a seat; everyone else stays where they are"))
    exam_option(allocate)

    check = command("check", translate(
        "Cli", "list every problem of the seating plan with its cause and a fix"))
    check.add_argument("--json", action="store_true", help=translate(
        "Cli", "print a JSON list of problems (code, severity, message, fix, center, room, "
               "candidate)"))
    exam_option(check)

    exam = command("exam", translate(
        "Cli", "show or change the exam's settings, and the abbreviations of its levels and "
               "subjects"))
    what = subcommands(exam, "action")
    show = what("show", translate(
        "Cli", "print the settings, each with what it decides, and the levels and subjects "
               "with the abbreviations imports accept"))
    show.add_argument("--json", action="store_true",
                      help=translate("Cli", "print one JSON object"))
    exam_option(show)
    change_settings = what("set", translate(
        "Cli", "change allocation settings; the next 'examdesk allocate' follows them"))
    change_settings.add_argument("--seat-order", choices=[o.value for o in SeatOrder],
                                 help=translate("Cli", "seat numbers row by row, or S-shaped "
                                                       "by column (蛇形)"))
    change_settings.add_argument("--first-seat", choices=[c.value for c in Corner],
                                 help=translate("Cli", "where seat 1 is, seen from the podium"))
    change_settings.add_argument("--ticket-pattern", metavar="PATTERN", help=translate(
        "Cli", "ticket number fields name:width, e.g. \"level:1 year:2 province:2 city:2 "
               "room:2 seat:2\"; digits stand for themselves; fields: level year province "
               "city county center room exam_room seat"))
    district = change_settings.add_mutually_exclusive_group()
    district.add_argument("--by-district", dest="by_district", action="store_true",
                          default=None, help=translate(
                              "Cli", "seat candidates in test centers of their own district"))
    district.add_argument("--not-by-district", dest="by_district", action="store_false",
                          help=translate("Cli", "fill the centers in order, whatever the "
                                                "district"))
    change_settings.add_argument("--merge-tail", type=int, metavar="N", help=translate(
        "Cli", "merge a level's last room into its other rooms when it would hold N "
               "candidates or fewer (default 3; 0: never)"))
    change_settings.add_argument("--center-order", metavar="CODES", help=translate(
        "Cli", "the order to fill test centers in, e.g. 03,01,02 (unnamed ones follow)"))
    change_settings.add_argument("--invigilators-per-room", type=int, metavar="N",
                                 help=translate("Cli", "invigilators in every room (default 2)"))
    change_settings.add_argument("--max-sessions", type=int, metavar="N", help=translate(
        "Cli", "the most sessions one staff member works (default {count})").format(
        count=exam_settings.ExamSettings.max_sessions))
    change_settings.add_argument("--reserve-ratio", type=float, metavar="R", help=translate(
        "Cli", "reserve invigilators per center and session, as a share (default 0.1)"))
    crossing = change_settings.add_mutually_exclusive_group()
    crossing.add_argument("--cross-center", dest="cross_center", action="store_true",
                          default=None, help=translate(
                              "Cli", "staff may work outside their home test center"))
    crossing.add_argument("--home-center-only", dest="cross_center", action="store_false",
                          help=translate("Cli", "staff work only at their home test center"))
    change_settings.add_argument("--tech-phone", metavar="PHONE", help=translate(
        "Cli", "the technical service phone the candidate notice publishes (\"\" clears it)"))
    change_settings.add_argument("--hotline", metavar="PHONE", help=translate(
        "Cli", "the consultation hotline the candidate notice publishes (\"\" clears it)"))
    exam_option(change_settings)
    alias = what("alias", translate(
        "Cli", "add or remove an abbreviation of a level or subject (e.g. 社工师 for "
               "社会工作师), which imports then accept"))
    how = subcommands(alias, "alias_action")
    for name, help_text in (
        ("add", translate("Cli", "accept ABBREVIATION for the level or subject from now on")),
        ("remove", translate("Cli", "stop accepting ABBREVIATION")),
    ):
        parser = how(name, help_text)
        parser.add_argument("target", metavar="NAME", help=translate(
            "Cli", "the level or subject: its full name, code or a form it is known by; a "
                   "subject of one level as LEVEL/SUBJECT, e.g. 2/22"))
        parser.add_argument("abbreviation", metavar="ABBREVIATION",
                            help=translate("Cli", "the abbreviation, e.g. 社工师"))
        exam_option(parser)

    seat = command("seat", translate("Cli", "change the plan after allocation: add, withdraw, "
                                            "move or swap candidates, lock rooms"))
    change = subcommands(seat, "change")
    add = change("add", translate("Cli", "seat a candidate who has no seat (a late "
                                         "registration)"))
    _who(add)
    add.add_argument("--room", metavar="ROOM", help=translate(
        "Cli", "the room (ROOM or CENTER/ROOM); default: the first room of the level with a "
               "free seat"))
    add.add_argument("--seat", type=int, metavar="N", help=translate("Cli", "the seat number"))
    withdraw = change("withdraw", translate(
        "Cli", "withdraw a candidate: the seat is freed, the ticket number never reused"))
    _who(withdraw)
    move = change("move", translate("Cli", "move a candidate to another seat"))
    _who(move)
    move.add_argument("--room", metavar="ROOM", required=True,
                      help=translate("Cli", "the room (ROOM or CENTER/ROOM)"))
    move.add_argument("--seat", type=int, metavar="N", help=translate(
        "Cli", "the seat number (default: the first free seat)"))
    swap = change("swap", translate("Cli", "swap the seats of two candidates of one level"))
    swap.add_argument("first", metavar="WHO", help=translate(
        "Cli", "ID number, registration number, ticket number or name"))
    swap.add_argument("second", metavar="WHO", help=translate(
        "Cli", "ID number, registration number, ticket number or name"))
    lock = change("lock", translate("Cli", "lock a room so that no later allocation changes "
                                           "it"))
    lock.add_argument("room", metavar="ROOM", help=translate(
        "Cli", "the room (ROOM or CENTER/ROOM)"))
    lock.add_argument("--unlock", action="store_true", help=translate("Cli", "unlock it"))
    for parser in (add, withdraw, move, swap, lock):
        exam_option(parser)


def _who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("who", metavar="WHO", help=translate(
        "Cli", "the candidate's ID number, registration number, ticket number or name (or its "
               "pinyin, when only one candidate has it)"))


def cmd_allocate(db: Database, args: argparse.Namespace) -> int:
    """Allocate in one transaction; an impossible plan writes nothing (exit 1)."""
    started = time.perf_counter()
    with db.write(run_purpose("allocate", args.center)) as session:
        exam = resolve_exam(session, args.exam)
        summary = seating.allocate_exam(
            session, signed_in(db, args), exam, seed=args.seed, center=args.center,
            keep=args.keep, progress=stderr_progress)
    end_progress()
    for note in summary.notes:
        print(note)
    print(translate(
        "Cli", "Seated {placed:,} candidates ({kept:,} kept where they were) in {rooms:,} "
               "rooms; {pairs:,} same-unit neighbour pairs; seed {seed} (reproduce with "
               "--seed {seed}); {seconds:.1f} s."
    ).format(placed=summary.placed, kept=summary.kept, rooms=summary.rooms_used,
             pairs=summary.neighbour_pairs, seed=summary.seed,
             seconds=time.perf_counter() - started))
    return print_broken_duties(summary.broken_duties)


def issue_as_dict(issue: PlanIssue) -> dict[str, str]:
    """One problem for ``check --json``."""
    return {"code": issue.code, "severity": issue.severity.value, "message": issue.message,
            "fix": fix_text(issue), "center": issue.center, "room": issue.room,
            "candidate": issue.candidate}


def print_issue(issue: PlanIssue) -> None:
    """One problem on one line: severity, code, what is wrong and the fix."""
    label = translate("Import", "Error") if issue.is_error else translate("Import", "Warning")
    print(f"{label} [{issue.code}] {issue_text(issue)}")


def print_total(issues: Sequence[PlanIssue]) -> None:
    """The count of errors and warnings that ends a check."""
    errors = sum(1 for issue in issues if issue.is_error)
    print(translate("Cli", "{errors:,} errors, {warnings:,} warnings in the plan.")
          .format(errors=errors, warnings=len(issues) - errors))


def print_issues(issues: Sequence[PlanIssue]) -> None:
    """One line per problem, then a count."""
    for issue in issues:
        print_issue(issue)
    print_total(issues)


def print_repair(broken: Sequence[PlanIssue]) -> None:
    """What to run to repair the duties a change broke (of one center when they are)."""
    centers = {issue.center for issue in broken}
    command = "examdesk roster --repair"
    if len(centers) == 1 and "" not in centers:
        command += f" --center {centers.pop()}"
    print(translate("Cli", "Re-roster just the rooms concerned, keeping every other duty: "
                           "{command}").format(command=command))


def print_broken_duties(broken: Sequence[PlanIssue]) -> int:
    """Name the roster errors a change brought and the repair to run; the exit status.

    Returns:
        1 (the plan now has problems) when the change broke duties, else 0.
    """
    if not broken:
        return EXIT_OK
    print(translate("Cli", "This change broke the roster ({count:,} new problems):").format(
        count=len(broken)))
    for issue in broken:
        print(f"{translate('Import', 'Error')} [{issue.code}] {issue.message}")
    print_repair(broken)
    return EXIT_PLAN_PROBLEMS


def cmd_check(db: Database, args: argparse.Namespace) -> int:
    """Print the plan's problems; exit 1 when any is an error."""
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        issues = check_exam_plan(session, exam, actor=signed_in(db, args)).issues
    if args.json:
        print(json.dumps([issue_as_dict(i) for i in issues], ensure_ascii=False))
    else:
        print_issues(issues)
    return EXIT_PLAN_PROBLEMS if any(i.is_error for i in issues) else EXIT_OK


def cmd_exam(db: Database, args: argparse.Namespace) -> int:
    """Print or change the settings; add or remove an abbreviation."""
    if args.action == "alias":
        return _alias(db, args)
    changing = args.action == "set"
    with db.write("exam set") if changing else db.begin() as session:
        exam = resolve_exam(session, args.exam)
        broken: tuple[PlanIssue, ...] = ()
        if changing:
            change = exam_settings.change_settings(
                session, signed_in(db, args), exam,
                seat_order=SeatOrder(args.seat_order) if args.seat_order else None,
                first_seat=Corner(args.first_seat) if args.first_seat else None,
                ticket_pattern=args.ticket_pattern, by_district=args.by_district,
                merge_tail=args.merge_tail,
                center_order=args.center_order.split(",") if args.center_order else None,
                invigilators_per_room=args.invigilators_per_room,
                max_sessions=args.max_sessions, reserve_ratio=args.reserve_ratio,
                cross_center=args.cross_center, tech_service_phone=args.tech_phone,
                hotline_phone=args.hotline)
            settings, broken = change.settings, change.broken_duties
        else:
            settings = exam_settings.read_settings(session, exam)
        levels = level_names(session, exam.id)
    if getattr(args, "json", False):
        print(json.dumps({**settings.as_dict(), "levels": [lv.as_dict() for lv in levels]},
                         ensure_ascii=False))
        return EXIT_OK
    values = {key: (",".join(value) if isinstance(value, list) else str(value)) or "-"
              for key, value in settings.as_dict().items()}
    explained = exam_settings.explanations()
    names = max(len(key) for key in values)
    # the value column is as wide as the values, but a long ticket pattern does not push the
    # explanations of every other line out
    wide = max(len(v) for v in values.values() if len(v) <= 24)
    for key, shown in values.items():
        print(f"{key.replace('_', ' '):<{names}}  {shown:<{wide}}  {explained[key]}".rstrip())
    if args.action == "show":
        print()
        print(translate("Cli", "Levels and subjects, with the forms imports accept besides "
                               "the full name (code, short name, abbreviations):"))
        for level in levels:
            print(f"  {_accepted(level)}")
            for subject in level.subjects:
                print(f"    {_accepted(subject)}")
    return print_broken_duties(broken)


def _accepted(names: Names) -> str:
    """``2 社会工作师: 中级; abbreviations 社工师、中级社工师`` (the code first)."""
    line = f"{names.code} {names.name}"
    if names.short_name:
        line += f": {names.short_name}"
    if names.abbreviations:
        line += ("; " if names.short_name else ": ") + translate(
            "Cli", "abbreviations {listed}").format(listed="、".join(names.abbreviations))
    return line


def _alias(db: Database, args: argparse.Namespace) -> int:
    """Add or remove one abbreviation, audited."""
    with db.write(f"exam alias {args.alias_action}") as session:
        exam = resolve_exam(session, args.exam)
        change = (abbreviations.add_abbreviation if args.alias_action == "add"
                  else abbreviations.remove_abbreviation)(
            session, signed_in(db, args), exam, args.target, args.abbreviation)
    listed = "、".join(change.abbreviations) or "-"
    if not change.changed:
        print(translate("Cli", "{name} already accepts “{abbreviation}”; its abbreviations: "
                               "{listed}.").format(name=change.name,
                                                    abbreviation=args.abbreviation.strip(),
                                                    listed=listed))
    elif change.subject:
        print(translate("Cli", "Subject {name} of level {level}: abbreviations {listed}.")
              .format(name=change.name, level=change.level, listed=listed))
    else:
        print(translate("Cli", "Level {name}: abbreviations {listed}.").format(
            name=change.name, listed=listed))
    return EXIT_OK


def cmd_seat(db: Database, args: argparse.Namespace) -> int:
    """One change to the plan, in one transaction; people and rooms named as typed."""
    actor = signed_in(db, args)
    typed: dict[int, str] = {}
    with db.write(f"seat {args.change}") as session:
        exam = resolve_exam(session, args.exam)

        def candidate(text: str) -> int:
            found = lookup.find_candidate(session, exam, text, actor=actor).one().id
            typed.setdefault(found, text)
            return found

        try:
            if args.change == "lock":
                label = seat_changes.lock_room(
                    session, actor, exam, lookup.find_room(session, exam, args.room).one().id,
                    locked=not args.unlock)
                print((translate("Cli", "Room {room} unlocked.") if args.unlock else
                       translate("Cli", "Room {room} locked.")).format(room=label))
                return EXIT_OK
            if args.change == "add":
                who = candidate(args.who)
                changes = seat_changes.add_candidate(
                    session, actor, exam, who, seat_no=args.seat, room_id=None
                    if args.room is None else lookup.find_room(session, exam, args.room).one().id)
            elif args.change == "withdraw":
                changes = seat_changes.withdraw_candidate(
                    session, actor, exam, candidate(args.who))
            elif args.change == "move":
                who = candidate(args.who)
                changes = seat_changes.move_candidate(
                    session, actor, exam, who, lookup.find_room(session, exam, args.room).one().id,
                    seat_no=args.seat)
            else:
                changes = seat_changes.swap_candidates(
                    session, actor, exam, candidate(args.first),
                    candidate(args.second))
        except ExamDeskError as error:
            if error.code == "swap-same":
                raise Worded(error, swap_of_one(args.first, args.second,
                                                str(error.fields["who"]))) from error
            raise Worded(error, worded(error, typed)) from error
    for change in changes.seats:
        if change.room:
            print(translate("Cli", "{who}: room {room}, seat {seat}, ticket {ticket}").format(
                who=change.candidate, room=change.room, seat=change.seat_no,
                ticket=change.ticket_no))
        else:
            print(translate("Cli", "{who}: withdrawn").format(who=change.candidate))
        if change.retired:
            print(translate("Cli", "Ticket number {ticket} is retired and will not be given "
                                   "again.").format(ticket=change.retired))
    return print_broken_duties(changes.broken_duties)
