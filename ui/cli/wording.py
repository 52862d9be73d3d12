"""How the command line words the core's errors: the command to run, as the user types it.

The core's errors carry a code and fields and a message that names no command
(examdesk/errors.py); where the advice is a command, the command line says which, here, and
a window offers a button instead. An error whose code is not here is printed as the core
words it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from examdesk.errors import ExamDeskError
from examdesk.i18n import translate

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
}


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
