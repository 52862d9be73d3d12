"""How the command line words the core's errors: the command to run, as the user types it.

The core's errors carry a code and fields and a message that names no command
(examdesk/errors.py); where the advice is a command, the command line says which, here, and
a window offers a button instead. An error whose code is not here is printed as the core
words it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from examdesk.errors import ExamDeskError
from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue, Remedy

Fields = Mapping[str, object]


class Worded(ExamDeskError):
    """A core error as the command line words it, with the same code, fields and exit status.

    Args:
        error: the core's error.
        message: the command line's wording.
    """

    def __init__(self, error: ExamDeskError, message: str) -> None:
        super().__init__(message, code=error.code, **error.fields)
        self.exit_status = error.exit_status


def _as_typed(fields: Fields, typed: Mapping[int, str], key: str = "candidate_id") -> str:
    """What the user typed for the candidate the error is about, else its label."""
    named = fields.get(key)
    return typed[named] if isinstance(named, int) and named in typed else str(fields["who"])


_WORDS: dict[str, Callable[[Fields, Mapping[int, str]], str]] = {
    "room-not-found": lambda f, _t: translate(
        "Seats", "Exam {exam} has no room {room}; write the room's code as in "
                 "'examdesk export rooms', or CENTER/ROOM.").format(exam=f["exam"],
                                                                     room=f["text"]),
    "candidate-seated": lambda f, _t: translate(
        "Seats", "{who} already sits in room {room}, seat {seat}; use 'examdesk seat move'."
    ).format(who=f["who"], room=f["room"], seat=f["seat"]),
    "candidate-unseated": lambda f, _t: translate(
        "Seats", "{who} has no seat yet; use 'examdesk seat add'.").format(who=f["who"]),
    "candidate-withdrawn": lambda f, t: translate(
        "Seats", "Candidate {who} has withdrawn and cannot be seated.").format(
        who=_as_typed(f, t)),
    "room-locked": lambda f, _t: translate(
        "Seats", "Room {room} is locked; unlock it first with 'examdesk seat lock "
                 "{room} --unlock'.").format(room=f["room"]),
    "no-exam": lambda _f, _t: translate(
        "Exams", "The database holds no exam yet; create one first (e.g. load the demo "
                 "with 'examdesk demo')."),
    "exam-unchosen": lambda f, _t: translate(
        "Exams", "The database holds several exams ({codes}); choose one with "
                 "--exam CODE.").format(codes=", ".join(_texts(f["codes"]))),
    "demo-scale": lambda f, _t: translate(
        "Demo", "--scale must be between 1 and {most} (the cities of the province), not "
                "{scale}.").format(most=f["most"], scale=f["scale"]),
    "demo-loaded": lambda f, _t: translate(
        "Demo", "The demo exam {code} is already loaded; use --replace to load it "
                "again.").format(code=f["exam"]),
    "setting-out-of-range": lambda f, _t: _out_of_range(f),
    "setting-not-a-phone": lambda f, _t: translate(
        "Settings", "{option} must be a phone number (digits, with - or spaces, an area code "
                    "in brackets, 转 and an extension), not “{value}”; \"\" clears it.").format(
        option="--tech-phone" if f["setting"] == "tech_service_phone" else "--hotline",
        value=f["value"]),
    "draw-unrostered": lambda f, _t: translate(
        "Duties", "Test center {center} has no invigilators rostered for session {code}; "
                  "run 'examdesk roster' first.").format(center=f["center"],
                                                         code=f["session"]),
    "no-roster": lambda _f, _t: translate(
        "Duties", "The exam has no roster to repair yet; make one with 'examdesk roster'."),
    "database-damaged": lambda f, _t: translate(
        "Database", "The database {file} is damaged ({problem}): it was not closed properly. "
                    "Restore the newest backup from {folder} with 'examdesk restore "
                    "BACKUP'.").format(file=f["file"], problem=f["problem"],
                                       folder=f["folder"]),
    "allocation-impossible": lambda f, _t: "\n".join(
        issue_text(i) for i in _issues(f["issues"])),
}


def _texts(values: object) -> list[str]:
    return [str(v) for v in values] if isinstance(values, Sequence) else [str(values)]


def _issues(values: object) -> list[PlanIssue]:
    return [v for v in values if isinstance(v, PlanIssue)] if isinstance(values,
                                                                          Sequence) else []


def _out_of_range(fields: Fields) -> str:
    setting = str(fields["setting"])
    if setting == "merge_tail":
        return translate("Settings", "--merge-tail must be between 0 and 10, not {value}."
                         ).format(value=fields["value"])
    return translate("Settings", "{option} must be between {low} and {high}, not {value}."
                     ).format(option="--" + setting.replace("_", "-"), low=fields["low"],
                              high=fields["high"], value=fields["value"])


# How the command line asks for each operation a fix names (examdesk/planning/remedies.py).
_REMEDIES: dict[str, Callable[[Remedy], str]] = {
    "cross-center": lambda _r: translate(
        "Duties", "allow staff from other centers (examdesk exam set --cross-center)"),
    "max-sessions": lambda r: translate(
        "Duties", "allow {raised} sessions per person (examdesk exam set --max-sessions "
                  "{raised})").format(raised=r.field("sessions")),
    "staff-posts": lambda _r: translate("Cli", "staff the posts again (examdesk posts)"),
    "make-posts": lambda r: translate(
        "Posts", "make its standard posts (examdesk posts init --center {code})").format(
        code=r.field("center")),
    "allocate-keep": lambda r: {
        "seat-them": lambda: translate("Cli", "run examdesk allocate --keep to seat them"),
        "seat-again": lambda: translate(
            "Cli", "run examdesk allocate --keep to seat the candidates again"),
    }.get(str(r.field("form")), lambda: translate("Cli", "run examdesk allocate --keep"))(),
}


def fix_text(issue: PlanIssue) -> str:
    """The fix of a problem as the command line words it: the commands that carry out the
    operations it names."""
    words = {r.text: _REMEDIES[r.action](r) for r in issue.remedies if r.action in _REMEDIES}
    if not words:
        return issue.fix
    # one pass, so that the words put in are not searched again
    pattern = "|".join(re.escape(text) for text in sorted(words, key=len, reverse=True))
    return re.sub(pattern, lambda found: words[found.group(0)], issue.fix)


def issue_text(issue: PlanIssue) -> str:
    """``message: fix``, the fix as the command line words it."""
    return translate("Plan", "{message}: {fix}").format(message=issue.message,
                                                        fix=fix_text(issue))


def worded(error: ExamDeskError, typed: Mapping[int, str] | None = None) -> str:
    """The command line's wording of ``error``.

    Args:
        error: an error of the core.
        typed: what the user typed for each candidate id the command named, so that the
            message repeats it.
    """
    words = _WORDS.get(error.code)
    if isinstance(error, Worded) or words is None:
        return str(error)
    try:
        return words(error.fields, typed or {})
    except KeyError:  # raised without the fields of the command line's wording (an id)
        return str(error)


def swap_of_one(first: str, second: str, who: str) -> str:
    """Refusing to swap a candidate with themselves, named twice as the user typed them."""
    return translate("Seats", "{first} and {second} are both {who}; name two different "
                              "candidates to swap.").format(first=first, second=second, who=who)
