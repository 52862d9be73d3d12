"""The operations a problem's fix asks for, worded without any face's command.

A fix such as "add 2 invigilators to 03, or allow 5 sessions per person" names operations
the user carries out elsewhere: the command line says which command does it, a window offers
the button. The core writes each such operation with the words below and records it on the
issue as a :class:`Remedy` holding those very words, so that a face can find them in the fix
and put its own in their place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue, Remedy


def cross_center() -> Remedy:
    """Allowing staff to work outside their home test center."""
    return Remedy("cross-center", translate("Duties", "allow staff from other centers"))


def max_sessions(count: int) -> Remedy:
    """Raising the sessions one staff member may work to ``count``."""
    return Remedy("max-sessions", _max_sessions().format(raised=count), (("sessions", count),))


def staff_posts() -> Remedy:
    """Staffing the service posts again."""
    return Remedy("staff-posts", translate("Posts", "staff the posts again"))


def make_posts(center: str) -> Remedy:
    """Making the exam's standard posts at the test center with the code ``center``."""
    return Remedy("make-posts", translate("Posts", "make its standard posts"),
                  (("center", center),))


def allocate_keep(form: str) -> Remedy:
    """Seating the candidates without a seat, keeping everyone else's seat and ticket.

    Args:
        form: how the fix asks for it: ``seat-them`` ("seat them, ..."), ``seat-again``
            ("seat the candidates again, ...") or ``then`` (after another step).
    """
    if form == "seat-again":
        text = translate("Plan", "seat the candidates again, keeping everyone else's seat")
    else:
        text = translate("Plan", "seat them, keeping everyone else's seat")
    return Remedy("allocate-keep", text, (("form", form),))


def repair_roster(center: str) -> Remedy:
    """Re-rostering just the rooms whose duties break a rule or lack people at the test
    center with the code ``center``, keeping every other duty."""
    return Remedy("repair-roster", translate("Duties", "repair the roster of the rooms "
                                                       "concerned"), (("center", center),))


# the roster problems a repair of the center's roster mends (examdesk/planning/roster_repair.py:
# duties that break a rule are taken away and their rooms, the rooms short of invigilators and
# the floors without a rover are filled again)
REPAIRABLE = frozenset({
    "duty-unknown", "over-max-sessions", "double-booked", "off-center", "wrong-role",
    "roving-missing", "room-not-in-use", "conflict-relative", "conflict-unit",
    "same-unit-pair", "room-not-staffed", "room-overstaffed", "no-lead", "two-leads"})


def with_repair(issues: Iterable[PlanIssue]) -> list[PlanIssue]:
    """``issues`` of a standing roster, those a repair mends with the repair of their center
    recorded on them (after the remedies their fixes name)."""
    return [replace(issue, remedies=(*issue.remedies, repair_roster(issue.center)))
            if issue.code in REPAIRABLE and issue.center else issue for issue in issues]


def _max_sessions() -> str:
    return translate("Duties", "allow {raised} sessions per person")


def roster_remedies(issues: Iterable[PlanIssue]) -> list[PlanIssue]:
    """``issues`` with the roster's remedies their fixes ask for (allowing staff from other
    centers, more sessions per person) recorded on them."""
    cross = cross_center()
    template = _max_sessions()
    raise_to = re.compile(re.escape(template).replace(re.escape("{raised}"), r"(\d+)"))
    found: list[PlanIssue] = []
    for issue in issues:
        remedies = [max_sessions(int(m.group(1))) for m in raise_to.finditer(issue.fix)]
        if cross.text in issue.fix:
            remedies.append(cross)
        found.append(replace(issue, remedies=tuple(dict.fromkeys((*issue.remedies,
                                                                  *remedies)))))
    return found
