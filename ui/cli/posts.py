"""`examdesk post ...` and `examdesk posts init`: the posts of the test centers and the exam's
standard posts (templates).

Exit status: 0 done, 1 a change is refused by the plan (a post with duties set by hand), 2 bad
input (one line naming the bad value).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from examdesk.db import Database
from examdesk.exchange.posts import (
    kinds_listed,
    parse_hours,
    parse_kind,
    parse_phone,
    parse_roles,
    parse_supplies,
    roles_text,
    supplies_text,
)
from examdesk.i18n import translate
from examdesk.labels import post_label
from examdesk.planning.post_templates import PostChange, StandardPost
from examdesk.planning.posts import DEFAULT_POST_ROLES
from examdesk.services import posts
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.post_schedule import hours_text
from ui.cli.common import EXIT_OK, EXIT_PLAN_PROBLEMS, CommandFactory, exam_option, signed_in


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `post` (list, add, edit, remove, template) to the command tree."""
    post = command("post", translate(
        "Cli", "list, add, change or remove the posts of a test center, or the exam's "
               "standard posts that every new center gets"))
    change = subcommands(post, "change")
    listing = change("list", translate("Cli", "list the posts of every test center"))
    listing.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    exam_option(listing)
    for name, help_text in (
        ("add", translate("Cli", "add a post to a test center (starting from the standard "
                                 "post of its kind and name, if any)")),
        ("edit", translate("Cli", "change a post of a test center")),
        ("remove", translate("Cli", "remove a post of a test center with its duties")),
    ):
        sub = change(name, help_text)
        sub.add_argument("center", metavar="CENTER", help=translate("Cli", "the test center's "
                                                                           "code"))
        _kind_argument(sub)
        if name == "remove":
            sub.add_argument("--force", action="store_true", help=translate(
                "Cli", "remove it even when people were put on it by hand (locked duties)"))
        else:
            _value_options(sub, phone=True, rename=name == "edit")
        exam_option(sub)
    template = change("template", translate(
        "Cli", "list or change the exam's standard posts, made at every new test center "
               "(and by 'examdesk posts init')"))
    action = subcommands(template, "action")
    exam_option(action("list", translate("Cli", "list the standard posts")))
    setting = action("set", translate("Cli", "add a standard post, or change one"))
    _kind_argument(setting)
    _value_options(setting, phone=False, rename=True)
    exam_option(setting)
    removing = action("remove", translate("Cli", "remove a standard post (the posts made "
                                                 "from it stay)"))
    _kind_argument(removing)
    exam_option(removing)


def _kind_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", metavar="KIND", help=translate(
        "Cli", "the kind of post, as its label or value: {kinds}").format(
        kinds=kinds_listed()))
    parser.add_argument("--name", default="", metavar="NAME", help=translate(
        "Cli", "the post's name, when a center has several of one kind (default: none)"))


def _value_options(parser: argparse.ArgumentParser, *, phone: bool, rename: bool) -> None:
    if rename:
        parser.add_argument("--rename", metavar="NAME", help=translate(
            "Cli", "give the post a new name"))
    parser.add_argument("--place", metavar="TEXT", help=translate("Cli", "where it is"))
    parser.add_argument("--hours", metavar="HH:MM-HH:MM", help=translate(
        "Cli", "when it is open, e.g. 07:00-17:30 ('' clears them); its people report when "
               "it opens"))
    parser.add_argument("--people", type=int, metavar="N", help=translate(
        "Cli", "people on duty in each session (0-99)"))
    parser.add_argument("--roles", metavar="ROLES", help=translate(
        "Cli", "the roles that may staff it, e.g. 主考、副主考 ('' for its kind's usual "
               "roles)"))
    if phone:
        parser.add_argument("--phone", metavar="PHONE", help=translate("Cli", "its phone"))
    parser.add_argument("--supplies", metavar="LIST", help=translate(
        "Cli", "what it keeps, e.g. '急救箱 2 个、AED 1 台' (replaces the list; '' for none)"))


def _change(args: argparse.Namespace) -> PostChange:
    """The values given on the command line (each checked: bad input exits 2)."""
    return PostChange(
        name=getattr(args, "rename", None),
        place=args.place,
        hours=None if args.hours is None else parse_hours(args.hours),
        headcount=args.people,
        roles=None if args.roles is None else parse_roles(args.roles),
        phone=None if getattr(args, "phone", None) is None else parse_phone(args.phone),
        supplies=None if args.supplies is None else parse_supplies(args.supplies),
    )


def cmd_post(db: Database, args: argparse.Namespace) -> int:
    """List, add, change or remove posts or standard posts."""
    actor = signed_in(db, args)
    if args.change == "template":
        return _template(db, args, actor)
    if args.change == "list":
        with db.begin() as session:
            rows = posts.center_posts(session, resolve_exam(session, args.exam),
                                      center=args.center)
        for row in rows:
            print(f"{row.center}  {_describe(row.post)}  "
                  + translate("Cli", "phone {phone}").format(phone=row.phone or "—")
                  + "  " + translate("Cli", "{duties} duties ({locked} locked)").format(
                      duties=row.duties, locked=row.locked))
        print(translate("Cli", "{count:,} posts.").format(count=len(rows)))
        return EXIT_OK
    kind = parse_kind(args.kind)
    if args.change == "remove":
        try:
            with db.write("post remove") as session:
                dropped = posts.remove_post(session, actor, resolve_exam(session, args.exam),
                                            args.center, kind, args.name, force=args.force)
        except posts.LockedPostDuties as refused:
            print("examdesk: " + translate("Cli", "{problem} (--force removes it with them)")
                  .format(problem=refused), file=sys.stderr)
            return EXIT_PLAN_PROBLEMS
        print(translate("Cli", "Removed {post} from test center {center} with its {duties} "
                               "duties.").format(post=post_label(kind, args.name.strip()),
                                                 center=args.center, duties=dropped))
        return EXIT_OK
    change = _change(args)
    with db.write(f"post {args.change}") as session:
        exam = resolve_exam(session, args.exam)
        service = posts.add_post if args.change == "add" else posts.edit_post
        row = service(session, actor, exam, args.center, kind, args.name, change)
    done = (translate("Cli", "Added to test center {center}: {post}") if args.change == "add"
            else translate("Cli", "Changed at test center {center}: {post}"))
    print(done.format(center=args.center, post=_describe(row.post)) + "  "
          + translate("Cli", "phone {phone}").format(phone=row.phone or "—"))
    print(translate("Cli", "Staff the posts again with 'examdesk posts' to follow the change."))
    return EXIT_OK


def _template(db: Database, args: argparse.Namespace, actor: Actor) -> int:
    if args.action == "list":
        with db.begin() as session:
            templates = posts.post_templates(session, resolve_exam(session, args.exam))
        for template in templates:
            print(_describe(template))
        print(translate("Cli", "{count:,} standard posts.").format(count=len(templates)))
        return EXIT_OK
    kind = parse_kind(args.kind)
    with db.write(f"post template {args.action}") as session:
        exam = resolve_exam(session, args.exam)
        if args.action == "remove":
            posts.remove_post_template(session, actor, exam, kind, args.name)
            print(translate("Cli", "Removed the standard post {post}; the centers keep the "
                                   "posts made from it.").format(
                post=post_label(kind, args.name.strip())))
            return EXIT_OK
        template = posts.set_post_template(session, actor, exam, kind, args.name,
                                           _change(args))
    print(translate("Cli", "Standard post: {post}").format(post=_describe(template)))
    print(translate("Cli", "New test centers get it; give existing ones the posts they lack "
                           "with 'examdesk posts init'."))
    return EXIT_OK


def _describe(post: StandardPost) -> str:
    """One line: the post, hours, people, roles and supplies."""
    return "  ".join((
        post_label(post.kind, post.name, post.place),
        hours_text(post.opens, post.closes) or translate("Cli", "no hours"),
        translate("Cli", "{count} per session").format(count=post.headcount),
        roles_text(post.roles) or translate("Cli", "usual roles ({roles})").format(
            roles=roles_text(DEFAULT_POST_ROLES[post.kind])),
        supplies_text(post.supplies) or translate("Cli", "no supplies"),
    ))


def cmd_posts_init(db: Database, args: argparse.Namespace) -> int:
    """Give existing centers the standard posts they lack."""
    with db.write("posts init") as session:
        made = posts.init_posts(session, signed_in(db, args),
                                resolve_exam(session, args.exam), center=args.center)
    print(translate("Cli", "Made {count:,} standard posts; staff them with 'examdesk posts'.")
          .format(count=made))
    return EXIT_OK
