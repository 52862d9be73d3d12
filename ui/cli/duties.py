"""`examdesk roster`, `draw`, `posts` and `duty replace|lock`: staffing the test centers.

Exit status: 0 done, 1 the rules cannot be met (every gap explained) or a change is refused,
2 bad input.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from examdesk.db import Database
from examdesk.db.locks import run_purpose
from examdesk.enums import PostKind
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.labels import POST_KIND_LABELS
from examdesk.services import duties, roster
from examdesk.services.exams import center_codes, resolve_exam
from ui.cli import posts as cli_posts
from ui.cli.common import (
    EXIT_OK,
    EXIT_PLAN_PROBLEMS,
    CommandFactory,
    end_progress,
    exam_option,
    signed_in,
    stderr_progress,
)
from ui.cli.plan import print_issues


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `roster`, `draw`, `posts` and `duty` to the command tree."""
    roster_parser = command("roster", translate(
        "Cli", "assign invigilators (lead and second) to every room in every session, roving "
               "invigilators per floor, inspectors and reserves, under the 回避 rules"))
    roster_parser.add_argument("--seed", type=int, metavar="N", help=translate(
        "Cli", "breaks ties reproducibly (default: a new seed, printed)"))
    roster_parser.add_argument("--center", metavar="CODE", help=translate(
        "Cli", "roster only this test center"))
    roster_parser.add_argument("--repair", action="store_true", help=translate(
        "Cli", "re-roster only the rooms whose duties break a rule or lack invigilators "
               "(after seats, rooms or staff changed); every other duty stays as it is"))
    exam_option(roster_parser)

    draw = command("draw", translate(
        "Cli", "the morning draw (抽签): give a center's rostered invigilators their rooms for "
               "one session, by a seeded draw that respects the 回避 rules"))
    draw.add_argument("--center", metavar="CODE", required=True,
                      help=translate("Cli", "the test center"))
    draw.add_argument("--session", metavar="ID", required=True,
                      help=translate("Cli", "the session's code, e.g. S2"))
    draw.add_argument("--seed", type=int, metavar="N", help=translate(
        "Cli", "the draw's seed, to reproduce a draw (default: a new seed, printed and "
               "recorded)"))
    draw.add_argument("--host", metavar="NAME", help=translate(
        "Cli", "who holds the draw, as the draw and duty sheets print it (default: the "
               "center's chief examiner, 主考)"))
    exam_option(draw)

    posts = command("posts", translate(
        "Cli", "staff the service, medical and police posts of every session and report "
               "their coverage; 'posts init' gives existing centers the standard posts they "
               "lack"))
    posts.add_argument("action", nargs="?", choices=["init"], metavar="init", help=translate(
        "Cli", "make the exam's standard posts at the centers that lack them, staffing none"))
    posts.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    exam_option(posts)

    supplies = command("supplies", translate(
        "Cli", "list the supplies each center's posts need, or change a ratio"))
    supply = subcommands(supplies, "action")
    listing = supply("show", translate("Cli", "list the supplies per center"))
    listing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    exam_option(listing)
    rule = supply("set", translate("Cli", "add or change how much of an item a kind of post "
                                          "needs"))
    rule.add_argument("post", choices=[k.value for k in PostKind], metavar="POST",
                      help=translate("Cli", "the kind of post: {kinds}").format(
                          kinds=", ".join(k.value for k in PostKind)))
    rule.add_argument("item", metavar="ITEM", help=translate("Cli", "the item, e.g. 饮用水"))
    rule.add_argument("--per-candidate", type=float, metavar="R", help=translate(
        "Cli", "items per expected candidate"))
    rule.add_argument("--per-staff", type=float, metavar="R", help=translate(
        "Cli", "items per staff member on duty"))
    rule.add_argument("--fixed", type=int, metavar="N", help=translate(
        "Cli", "items per center whatever its size"))
    rule.add_argument("--unit", metavar="UNIT", help=translate("Cli", "the unit, e.g. 瓶"))
    exam_option(rule)

    duty = command("duty", translate("Cli", "change one person's duty: replace them, or lock "
                                            "the duty so that rosters keep it"))
    change = subcommands(duty, "change")
    replace = change("replace", translate(
        "Cli", "list who could take over a person's duty in a session, or give it to one"))
    replace.add_argument("who", metavar="WHO", help=translate(
        "Cli", "the staff member's ID number, phone or name"))
    replace.add_argument("--session", metavar="ID", required=True,
                         help=translate("Cli", "the session's code, e.g. S2"))
    replace.add_argument("--by", metavar="WHO", help=translate(
        "Cli", "the ID number, phone or name of the person taking over (without it, the "
               "choices are listed)"))
    lock = change("lock", translate("Cli", "lock a person's duty in a session"))
    lock.add_argument("who", metavar="WHO", help=translate(
        "Cli", "the staff member's ID number, phone or name"))
    lock.add_argument("--session", metavar="ID", required=True,
                      help=translate("Cli", "the session's code, e.g. S2"))
    lock.add_argument("--unlock", action="store_true", help=translate("Cli", "unlock it"))
    for parser in (replace, lock):
        exam_option(parser)


def cmd_roster(db: Database, args: argparse.Namespace) -> int:
    """Make the roster in one transaction; explain every gap (exit 1 when there is one)."""
    if args.repair:
        return _repair_roster(db, args)
    started = time.perf_counter()
    with db.write(run_purpose("roster", args.center)) as session:
        exam = resolve_exam(session, args.exam)
        result = roster.roster_exam(session, signed_in(db, args), exam, seed=args.seed,
                                    center=args.center, progress=stderr_progress)
    end_progress()
    if result.issues:
        print_issues(result.issues)
    m = result.metrics
    print(translate(
        "Cli", "Rostered {duties:,} duties (seed {seed}): {unfilled:,} places unfilled, "
               "{violations:,} hard-rule violations, {same_gender:,} rooms of one gender, "
               "{pairs:,} repeated pairs; {seconds:.1f} s."
    ).format(duties=result.written, seed=result.seed, unfilled=m.unfilled,
             violations=m.hard_violations, same_gender=m.same_gender_rooms,
             pairs=m.repeated_pairs, seconds=time.perf_counter() - started))
    if result.draws_forgotten:
        print(translate(
            "Cli", "The {count:,} recorded draws of the centers rostered again are forgotten: "
                   "their teams are new, and the sheets name no invigilator until each "
                   "center draws again ('examdesk draw').").format(
            count=result.draws_forgotten))
    return EXIT_PLAN_PROBLEMS if any(i.is_error for i in result.issues) else EXIT_OK


def _repair_roster(db: Database, args: argparse.Namespace) -> int:
    """Repair the broken rooms in one transaction; print who moved where and what is left."""
    started = time.perf_counter()
    with db.write(run_purpose("roster --repair", args.center)) as session:
        exam = resolve_exam(session, args.exam)
        result = roster.repair_exam_roster(session, signed_in(db, args), exam,
                                           seed=args.seed, center=args.center,
                                           progress=stderr_progress)
    end_progress()
    for move in result.moves:
        print(translate("Cli", "{person}, {session}: {before} → {after}").format(
            person=move.person, session=move.session,
            before=move.before or translate("Cli", "(no duty)"),
            after=move.after or translate("Cli", "(no duty)")))
    for drawn in result.after_draw:
        print(translate(
            "Cli", "Test center {center} had drawn its rooms for {session} before this "
                   "repair. The draw stands; in {rooms} the invigilators are now people who "
                   "did not draw the room: tell them, and print the center's duty sheet, "
                   "their duty cards and those rooms' sheets again.").format(
            center=drawn.center, session=drawn.session, rooms="、".join(drawn.rooms)))
    if result.issues:
        print_issues(result.issues)
    errors = sum(1 for issue in result.issues if issue.is_error)
    print(translate(
        "Cli", "Re-rostered {rooms:,} room-sessions (seed {seed}; reproduce with --seed "
               "{seed}): {moves:,} duties changed, every other duty kept; {errors:,} errors "
               "left; {seconds:.1f} s."
    ).format(rooms=len(result.rooms), seed=result.seed, moves=len(result.moves),
             errors=errors, seconds=time.perf_counter() - started))
    return EXIT_PLAN_PROBLEMS if errors else EXIT_OK


def cmd_draw(db: Database, args: argparse.Namespace) -> int:
    """Draw rooms for one center and session; print the seed to reproduce it."""
    with db.write(run_purpose("draw", args.center)) as session:
        exam = resolve_exam(session, args.exam)
        try:
            summary = duties.draw_center(session, signed_in(db, args), exam,
                                         center=args.center, session_code=args.session,
                                         seed=args.seed, host=args.host)
        except duties.DrawHostNeeded as error:
            raise BadInput(translate("Cli", "{problem} Give the name with --host NAME.").format(
                problem=error)) from None
    print(translate("Cli", "Drew rooms for {teams} teams of test center {center}, session "
                           "{session}, held by {host} (seed {seed}; reproduce with --seed "
                           "{seed}).").format(
        teams=summary.teams, center=args.center, session=args.session, host=summary.host,
        seed=summary.seed))
    return EXIT_OK


def cmd_posts(db: Database, args: argparse.Namespace) -> int:
    """Fill the posts and print their coverage; exit 1 when a post stays empty."""
    if args.action == "init":
        return cli_posts.cmd_posts_init(db, args)
    with db.write(run_purpose("posts", args.center)) as session:
        exam = resolve_exam(session, args.exam)
        result = duties.fill_exam_posts(session, signed_in(db, args), exam,
                                        center=args.center)
    shifts: dict[int, list[str]] = {post_id: [] for post_id in result.post_labels}
    for c in result.coverage:
        shifts[c.post_id].append(
            f"{result.shift_labels[c.post_id, c.session_id]} {c.filled}/{c.required}")
    for post_id, cells in shifts.items():
        # a post whose center holds no session is staffed in none
        print(f"{result.post_labels[post_id]}: " + ("; ".join(cells) or "—"))
    if result.issues:
        print_issues(result.issues)
    filled = sum(c.filled for c in result.coverage)
    required = sum(c.required for c in result.coverage)
    print(translate("Cli", "Posts staffed: {filled:,} of {required:,} places in "
                           "{posts:,} post-sessions.").format(
        filled=filled, required=required, posts=len(result.coverage)))
    if not result.post_labels:
        print(translate("Cli", "The exam has no posts yet: make the standard posts with "
                               "'examdesk posts init'."))
    elif not result.coverage:
        print(translate("Cli", "No test center holds a session yet: seat the candidates "
                               "first ('examdesk allocate')."))
    return EXIT_PLAN_PROBLEMS if any(i.is_error for i in result.issues) else EXIT_OK


def cmd_supplies(db: Database, args: argparse.Namespace) -> int:
    """List supplies per center, or change one ratio."""
    changing = args.action == "set"
    with db.write("supplies set") if changing else db.begin() as session:
        exam = resolve_exam(session, args.exam)
        if changing:
            duties.set_supply_rule(
                session, signed_in(db, args), exam, PostKind(args.post), args.item,
                unit=args.unit, per_candidates=args.per_candidate, per_staff=args.per_staff,
                fixed=args.fixed)
            center = None
        else:
            center = args.center
        lines = duties.exam_supplies(session, exam, center=center)
        codes = center_codes(session, exam)
    for line in lines:
        print(f"{codes[line.center_id]}  {POST_KIND_LABELS[line.post_kind]}  {line.item}  "
              f"{line.quantity:,} {line.unit}")
    return EXIT_OK


def cmd_duty(db: Database, args: argparse.Namespace) -> int:
    """Replace a person on duty (or list who could), or lock a duty."""
    actor = signed_in(db, args)
    changing = args.change == "lock" or args.by is not None
    with db.write(f"duty {args.change}") if changing else db.begin() as session:
        exam = resolve_exam(session, args.exam)
        if args.change == "lock":
            duties.lock_duty(session, actor, exam, args.who, args.session,
                             locked=not args.unlock)
            print(translate("Cli", "Duty unlocked.") if args.unlock else
                  translate("Cli", "Duty locked."))
            return EXIT_OK
        if args.by is None:
            options = duties.replacement_choices(session, exam, args.who, args.session)
            for option, id_number in options:
                print(f"  {id_number}  {option.staff.label}"
                      + (f" — {option.reason}" if option.reason else ""))
            eligible = sum(1 for o, _n in options if o.reason is None)
            print(translate("Cli", "{eligible:,} of {count:,} could take over; give the duty "
                                   "with --by WHO.").format(eligible=eligible,
                                                            count=len(options)))
            return EXIT_OK
        label = duties.replace_on_duty(session, actor, exam, args.who, args.session, args.by)
    print(translate("Cli", "{who} takes over; the duty is locked.").format(who=label))
    return EXIT_OK
