"""What the `examdesk` sub-command modules share: the --exam option and terminal progress."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Protocol

from examdesk.i18n import translate
from examdesk.services.audit import Actor

if TYPE_CHECKING:
    from examdesk.db import Database

# The command line's exit codes (README, "The examdesk command"): a contract for scripts.
EXIT_OK = 0
EXIT_PLAN_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class CommandFactory(Protocol):
    """Makes a (sub-)command parser that takes --db, given its name and help text."""

    def __call__(self, name: str, help_text: str) -> argparse.ArgumentParser: ...


def signed_in(db: Database, args: argparse.Namespace) -> Actor:
    """The actor a command acts for, found once per command and kept on ``args``.

    A database without users: the operating-system login (or ``$EXAMDESK_USER``), allowed
    everything.
    """
    actor = getattr(args, "signed_in_actor", None)
    if actor is None:
        actor = Actor.from_environment()
        args.signed_in_actor = actor
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
