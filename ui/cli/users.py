"""`examdesk user ...`: the accounts of a database with users, and their roles.

`user add` on a database without users creates its first administrator (which turns the
sign-in on); every other change needs an administrator signed in. A new password is typed
twice at the terminal, or given in ``$EXAMDESK_NEW_PASSWORD`` (scripts).

Exit status: 0 done, 2 bad input (one line: a bad name, a short password, not allowed...).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from examdesk.db import Database
from examdesk.enums import UserRole
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services import users
from ui.cli.common import EXIT_OK, CommandFactory, ask_password, signed_in

NEW_PASSWORD = "EXAMDESK_NEW_PASSWORD"


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `user` (add, passwd, disable, enable, list, grant, revoke) to the command tree."""
    user = command("user", translate(
        "Cli", "add, list, disable or enable users, set their passwords and roles"))
    action = subcommands(user, "action")
    add = action("add", translate(
        "Cli", "add a user with a role (the first user of a database is its administrator)"))
    _name(add)
    _scope(add)
    _name(action("passwd", translate(
        "Cli", "set a user's password (an administrator's reset, or your own)")))
    _name(action("disable", translate("Cli", "stop a user from signing in")))
    _name(action("enable", translate(
        "Cli", "let a disabled or locked-out user sign in again")))
    action("list", translate("Cli", "list the users, their roles and whether they may "
                                    "sign in"))
    for name, help_text in (
            ("grant", translate("Cli", "give a user a role (for one exam, at some centers)")),
            ("revoke", translate("Cli", "take a role away from a user"))):
        sub = action(name, help_text)
        _name(sub)
        _scope(sub)


def _name(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help=translate("Cli", "the user name"))


def _scope(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--role", required=True, choices=[str(r) for r in UserRole],
                        help=translate("Cli", "admin (users and everything), planner (the "
                                              "plan), desk (a center's exam day), viewer "
                                              "(reads)"))
    parser.add_argument("--exam", metavar="CODE", help=translate(
        "Cli", "only for this exam (default: every exam; the only exam when --center is "
               "given)"))
    parser.add_argument("--center", metavar="CODE", nargs="+", action="extend",
                        default=[], help=translate(
        "Cli", "only at these test centers of the exam (default: every center)"))


def _new_password() -> str:
    """The new password: ``$EXAMDESK_NEW_PASSWORD``, else typed twice."""
    if os.environ.get(NEW_PASSWORD) is not None:
        return users.check_password(os.environ[NEW_PASSWORD])
    first = ask_password(translate("Cli", "New password: "), NEW_PASSWORD)
    users.check_password(first)
    if ask_password(translate("Cli", "The new password again: "), NEW_PASSWORD) != first:
        raise BadInput(translate("Cli", "The two passwords differ; nothing was changed."),
                       code="passwords-differ")
    return first


def cmd_user(db: Database, args: argparse.Namespace) -> int:
    """Run one `user` action."""
    actor = signed_in(db, args)
    action = args.action
    if action == "list":
        with db.begin() as session:
            rows = users.list_users(session, actor)
        for row in rows:
            print("  ".join([row.name, _roles(row), _state(row)]))
        print(translate("Cli", "{count:,} users.").format(count=len(rows)))
        return EXIT_OK
    if action == "add":
        users.check_user_name(args.name)
        password = _new_password()
        role = UserRole(args.role)
        with db.write("user add") as session:
            users.add_user(session, actor, args.name, password, role,
                           exam_code=args.exam, center_codes=args.center)
        print(translate("Cli", "Added user {user} ({role}).").format(
            user=args.name, role=users.role_label(role)))
        return EXIT_OK
    if action == "passwd":
        own = args.name == actor.username
        password = _new_password()
        with db.write("user passwd") as session:
            users.set_password(session, actor, args.name, password,
                               old_password=getattr(args, "signed_in_password", None)
                               if own else None)
        print(translate("Cli", "Changed the password of {user}.").format(user=args.name))
        return EXIT_OK
    if action in ("disable", "enable"):
        with db.write(f"user {action}") as session:
            users.set_active(session, actor, args.name, action == "enable")
        done = (translate("Cli", "Enabled user {user}.") if action == "enable"
                else translate("Cli", "Disabled user {user}."))
        print(done.format(user=args.name))
        return EXIT_OK
    role = UserRole(args.role)
    with db.write(f"user {action}") as session:
        if action == "grant":
            count = users.grant(session, actor, args.name, role, exam_code=args.exam,
                                center_codes=args.center)
        else:
            count = users.revoke(session, actor, args.name, role, exam_code=args.exam,
                                 center_codes=args.center)
    if action == "grant":
        text = (translate("Cli", "Gave {user} the role {role} ({count} grants).")
                if count else translate("Cli", "{user} already holds that role."))
    else:
        text = translate("Cli", "Took the role {role} from {user} ({count} grants).")
    print(text.format(user=args.name, role=users.role_label(role), count=count))
    return EXIT_OK


def _roles(row: users.UserRow) -> str:
    if not row.grants:
        return translate("Cli", "no role")
    return translate("Cli", ", ").join(grant.text() for grant in row.grants)


def _state(row: users.UserRow) -> str:
    parts = [translate("Cli", "active") if row.active else translate("Cli", "disabled")]
    if not row.has_password:
        parts.append(translate("Cli", "no password"))
    if row.locked_until is not None:
        parts.append(translate("Cli", "locked until {time}").format(
            time=users.clock_time(row.locked_until)))
    return translate("Cli", ", ").join(parts)

