"""What the `examdesk` sub-command modules share: the sign-in, the --exam option and
terminal progress."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Protocol

from examdesk.errors import AccessDenied
from examdesk.i18n import translate
from examdesk.services.audit import Actor
from examdesk.services.users import check_user_name

if TYPE_CHECKING:
    from examdesk.db import Database

# The command line's exit codes (README, "The examdesk command"): a contract for scripts.
EXIT_OK = 0
EXIT_PLAN_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class CommandFactory(Protocol):
    """Makes a (sub-)command parser that takes --db, given its name and help text."""

    def __call__(self, name: str, help_text: str) -> argparse.ArgumentParser: ...


def user_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    """Add ``--user NAME``: who signs in to a database with users."""
    parser.add_argument("--user", metavar="NAME", default=default, help=translate(
        "Cli", "sign in as this user, on a database with users (default: $EXAMDESK_USER); "
               "the password is $EXAMDESK_PASSWORD, else asked"))


def ask_password(prompt: str, variable: str) -> str:
    """The password in the environment ``variable``, else typed at the terminal.

    Raises:
        AccessDenied: no such variable and no terminal to type the password at.
    """
    given = os.environ.get(variable)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise AccessDenied(translate(
            "Cli", "No password given: set ${variable}, or run the command in a terminal "
                   "to type it.").format(variable=variable), code="no-password")
    return getpass.getpass(prompt)


def signed_in(db: Database, args: argparse.Namespace) -> Actor:
    """The actor a command acts for, found once per command and kept on ``args``.

    A database without users: ``--user``, else ``$EXAMDESK_USER``, else the operating-system
    login, allowed everything. A database with users: the user named so, signed in with the
    password of ``$EXAMDESK_PASSWORD`` or typed at the terminal (kept on ``args`` as
    ``signed_in_password``: changing one's own password needs the old one).

    Raises:
        AccessDenied: not signed in (no name, no password), a wrong name or password, a
            locked or disabled account: one line saying which (exit status 2).
        BadInput: the name cannot be a user name.
    """
    actor = getattr(args, "signed_in_actor", None)
    if actor is None:
        actor = _sign_in(db, args)
        args.signed_in_actor = actor
        db.signed_in.name = actor.username  # whom other clerks see waiting for this command
    return actor


def _sign_in(db: Database, args: argparse.Namespace) -> Actor:
    from ui.jobs import signing

    name = getattr(args, "user", None)
    if not signing.needs_sign_in(db):
        if name is not None:
            return Actor(username=check_user_name(name))
        return signing.unsigned_actor()
    if name is None:
        name = os.environ.get("EXAMDESK_USER", "").strip()
    if not name:
        raise AccessDenied(translate(
            "Cli", "Not signed in: this database has users; give --user NAME (or "
                   "$EXAMDESK_USER) and the password ($EXAMDESK_PASSWORD, or typed when "
                   "asked)."), code="not-signed-in")
    check_user_name(name)
    password = ask_password(translate("Cli", "Password of {user}: ").format(user=name),
                            "EXAMDESK_PASSWORD")
    actor = signing.sign_in(db, name, password)
    args.signed_in_password = password
    return actor


def exam_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--exam CODE``: which exam, when the database holds several."""
    parser.add_argument("--exam", metavar="CODE", help=translate(
        "Cli", "the exam's code (needed when the database holds several exams)"))


def stderr_progress(done: int, total: int, message: str) -> None:
    """Show progress on one rewritten terminal line; nothing when stderr is not a terminal."""
    if sys.stderr.isatty():
        figure = f" {done:,}/{total:,}" if total else ""
        print(f"\r{message}{figure}\033[K", end="", file=sys.stderr, flush=True)


def end_progress() -> None:
    """Leave the progress line, so that the result starts on a line of its own."""
    if sys.stderr.isatty():
        print(file=sys.stderr)
