"""How the plan checks word their issues: lists of names, labels, and the issue itself.

:mod:`examdesk.planning.checks` and :mod:`examdesk.planning.ticket_checks` describe problems
the same way (a candidate by label, a seat by number and room, long lists cut after
:data:`SHOWN` names), so the wording is in one place. Every text is translated in the "Plan"
context, where the translation catalog keeps the checks' messages.
"""

from __future__ import annotations

from collections.abc import Sequence

from examdesk.i18n import translate
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Remedy, Severity
from examdesk.planning.seats import Grid

#: Names listed in one issue before "and N more".
SHOWN = 5


def names(labels: Sequence[str], limit: int = SHOWN) -> str:
    """``labels`` joined into one list, cut after ``limit`` with "and N more"."""
    shown = translate("Plan", ", ").join(labels[:limit])
    if len(labels) <= limit:
        return shown
    return translate("Plan", "{names} and {more} more").format(
        names=shown, more=len(labels) - limit
    )


def who(candidate: PlanCandidate) -> str:
    """A candidate by label, or by id when the label is empty."""
    return candidate.label or translate("Plan", "candidate {id}").format(id=candidate.id)


def center(code: str) -> str:
    """A test center by code."""
    return translate("Plan", "test center {code}").format(code=code)


def seat(seat_no: int, room: PlanRoom) -> str:
    """A seat by number and room."""
    return translate("Plan", "seat {seat} of {room}").format(seat=seat_no, room=room.label)


def grid(desks: Grid) -> str:
    """A room's grid of desks, with the unusable ones when there are any."""
    if desks.unusable:
        return translate(
            "Plan", "{rows} rows x {columns} columns less {unusable} unusable desks"
        ).format(rows=desks.rows, columns=desks.columns, unusable=len(desks.unusable))
    return translate("Plan", "{rows} rows x {columns} columns").format(
        rows=desks.rows, columns=desks.columns
    )


def issue(
    code: str,
    message: str,
    fix: str,
    *,
    room: PlanRoom | None = None,
    center: str = "",
    who: Sequence[PlanCandidate] = (),
    severity: Severity = Severity.ERROR,
    remedies: tuple[Remedy, ...] = (),
) -> PlanIssue:
    """An issue, placed at a room (or a center) and at a candidate when it is about one.

    Args:
        code: the issue's code.
        message: what is wrong, with the numbers.
        fix: what to do about it.
        room: the room it is about; its center too.
        center: the center's code, when it is about a center but no room.
        who: the candidates it is about.
        severity: an error (the plan cannot be used as it is) or a warning.
        remedies: the operations the fix asks for.

    Returns:
        The issue.
    """
    return PlanIssue(
        code=code,
        message=message,
        fix=fix,
        severity=severity,
        center=room.center_code if room is not None else center,
        room=room.code if room is not None else "",
        candidate=_one(who),
        remedies=remedies,
    )


def room_with(target: tuple[PlanRoom, int] | None) -> str:
    """A room that can take the candidates and its free seats, or "" when there is none."""
    if target is None:
        return ""
    return translate("Plan", "{room}, which has {free} free seats for them").format(
        room=target[0].label, free=target[1]
    )


def _one(candidates: Sequence[PlanCandidate]) -> str:
    # an issue names a candidate only when it is about exactly one
    return who(candidates[0]) if len(candidates) == 1 else ""
