"""`examdesk hotline ...` and `examdesk notice`: the consultation hotline's call log and the
candidate notice (issue 14, "Before the day").

`notice [--center CODE]` prints the candidate notice (考生须知) of each test center (or one) as
text to publish, centers apart by a blank line and a line of dashes; `examdesk print notice`
prints the same notice as a sheet to post.

`hotline add --phone P --topic T --answer A [--follow-up TEXT]` logs a call and prints its
number; `hotline list [--json]` prints the latest calls, newest first, and the most asked
topics (JSON: one object, ``calls``: a list of objects with id, called_at, phone, topic,
answer, follow_up, taken_by; ``topics``: a list of objects with topic and calls, the most asked
first).

Exit status: 0 done, 2 bad input (one line naming the bad value).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from examdesk.db import Database
from examdesk.i18n import translate
from examdesk.printing.notice import notice_text
from examdesk.services import hotline
from examdesk.services.exams import resolve_exam
from examdesk.services.notice import notices
from ui.cli.common import EXIT_OK, CommandFactory, exam_option, signed_in


def add_parsers(
    command: CommandFactory,
    subcommands: Callable[[argparse.ArgumentParser, str], CommandFactory],
) -> None:
    """Add `hotline` (add, list) to the command tree."""
    hotline_parser = command("hotline", translate(
        "Cli", "log the consultation hotline's calls, or list them with the most asked "
               "topics"))
    action = subcommands(hotline_parser, "action")
    add = action("add", translate("Cli", "log one call; prints its number"))
    add.add_argument("--phone", default="", metavar="PHONE", help=translate(
        "Cli", "the caller's phone (may be left out)"))
    add.add_argument("--topic", required=True, metavar="TOPIC", help=translate(
        "Cli", "what the call was about, in a few words (calls are counted by topic)"))
    add.add_argument("--answer", default="", metavar="TEXT", help=translate(
        "Cli", "what the caller was told"))
    add.add_argument("--follow-up", default="", metavar="TEXT", help=translate(
        "Cli", "what is still to be done for the caller (e.g. call back)"))
    exam_option(add)
    listing = action("list", translate(
        "Cli", "list the latest calls, newest first, and the most asked topics"))
    listing.add_argument("--json", action="store_true",
                         help=translate("Cli", "print one JSON object"))
    exam_option(listing)
    notice = command("notice", translate(
        "Cli", "print the candidate notice (考生须知) of each test center as text to publish "
               "('examdesk print notice' prints it as a sheet)"))
    notice.add_argument("--center", metavar="CODE", help=translate("Cli", "only this center"))
    exam_option(notice)


def cmd_notice(db: Database, args: argparse.Namespace) -> int:
    """Print the notices as text."""
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        found = notices(session, exam, center=args.center, actor=signed_in(db, args))
    print(("\n" + "-" * 40 + "\n\n").join(notice_text(data) for data in found), end="")
    return EXIT_OK


def cmd_hotline(db: Database, args: argparse.Namespace) -> int:
    """Log a call, or list the log."""
    if args.action == "add":
        with db.write("hotline add") as session:
            exam = resolve_exam(session, args.exam)
            call = hotline.log_call(session, signed_in(db, args), exam, phone=args.phone,
                                    topic=args.topic, answer=args.answer,
                                    follow_up=args.follow_up)
        print(translate("Cli", "Call {number} logged: {topic}.").format(
            number=call.id, topic=call.topic))
        return EXIT_OK
    with db.begin() as session:
        exam = resolve_exam(session, args.exam)
        log = hotline.read_log(session, signed_in(db, args), exam)
    if args.json:
        print(json.dumps({"calls": [call.as_dict() for call in log.calls],
                          "topics": [{"topic": topic, "calls": count}
                                     for topic, count in log.topics]}, ensure_ascii=False))
        return EXIT_OK
    if not log.calls:
        print(translate("Cli", "No call logged yet."))
        return EXIT_OK
    print(translate("Cli", "Most asked:"))
    for topic, count in log.topics[:10]:
        print(f"  {count:>4}  {topic}")
    print()
    for call in log.calls:
        line = (f"{call.id:>5}  {call.called_at.astimezone():%m-%d %H:%M}  "
                f"{call.phone or '-':<14}  {call.topic}: {call.answer or '-'}  "
                f"({call.taken_by})")
        if call.follow_up:
            line += "  " + translate("Cli", "follow up: {what}").format(what=call.follow_up)
        print(line)
    return EXIT_OK
