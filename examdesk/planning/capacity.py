"""Why the candidates do not fit: the allocation's capacity issues, each with a fix.

:mod:`examdesk.planning.allocation` hands every level (per district with ``by_district``) its
rooms; candidates left over, and accessible seats missing, are what these functions explain.
Each issue gives the numbers and the fix they allow: one room of the size missing, rooms for it
in all, or candidates moved to the district with the most free seats. They only word what the
hand-out found and change nothing, so they live apart from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue, PlanRoom, Rules


def accessible_issue(rules: Rules, group: str, level: str, missing: int) -> PlanIssue:
    """The issue when a level's candidates who need an accessible room lack seats there.

    Args:
        rules: the exam's allocation settings.
        group: the district (with ``by_district``), or "" for the whole exam.
        level: the level's code.
        missing: how many more accessible seats the level needs.

    Returns:
        The issue, with the room to mark accessible.
    """
    name = _name(rules, level)
    if rules.by_district:
        message = translate("Plan", "District {district}: {level} needs {count} more "
                                    "accessible seats")
        fix = translate("Plan", "mark another room of at least {count} seats in district "
                                "{district} accessible")
    else:
        message = translate("Plan", "{level} needs {count} more accessible seats")
        fix = translate("Plan", "mark another room of at least {count} seats accessible")
    values = {"district": _district(group), "level": name, "count": missing}
    return PlanIssue("accessible-seats-missing", message.format(**values), fix.format(**values))


def shortfall_issues(rooms: Sequence[PlanRoom], rules: Rules,
                     shortfalls: Sequence[tuple[str, str, int]], groups: dict[str, list[int]],
                     left: dict[tuple[str, str], int],
                     open_seats: Callable[[int, str], int]) -> Iterator[PlanIssue]:
    """The issues of the levels whose candidates the rooms cannot all seat.

    The issues come one at a time because ``open_seats`` may raise (a ticket field too narrow
    for a room): the issues found before it still count.

    Args:
        rooms: the exam's rooms, by index.
        rules: the exam's allocation settings.
        shortfalls: (group, level, candidates without a seat), the group being the district
            with ``by_district`` and "" otherwise.
        groups: group -> its room indexes.
        left: (group, level) -> the free seats left in the rooms the level holds.
        open_seats: the free seats of a room index for a level, 0 when the room is held by a
            level, spare or locked.

    Yields:
        One issue per shortfall, with the fix its numbers allow.
    """
    largest = max((room.grid.capacity for room in rooms), default=0)
    for group, level, count in shortfalls:
        values: dict[str, object] = {"count": count, "level": _name(rules, level),
                                     "district": _district(group)}
        if count <= largest:
            fix = translate("Plan", "add a room of at least {count} seats")
        else:
            fix = translate("Plan", "add rooms with at least {count} seats in all")
        if not rules.by_district:
            values["free"] = sum(n for (_g, other), n in left.items() if other != level)
            message = translate("Plan", "{count} {level} candidates have no seat")
            if values["free"]:
                message = translate("Plan", "{count} {level} candidates have no seat: the "
                                            "exam's {free} other free seats are in rooms "
                                            "of other levels")
        else:
            message = translate("Plan", "District {district} needs {count} more {level} "
                                        "seats")
            fix = translate("Plan", "add a room of at least {count} seats in district "
                                    "{district}")
            if count > largest:
                fix = translate("Plan", "add rooms with at least {count} seats in all in "
                                        "district {district}")
            other, free = _most_free(group, level, groups, left, open_seats)
            values.update(other=_district(other), free=free, part=min(count, free))
            if free >= count:
                fix = translate("Plan", "add a room of at least {count} seats in district "
                                        "{district}, or move {count} candidates to "
                                        "district {other}, which has {free} free seats")
            elif free:
                fix = translate("Plan", "move {part} candidates to district {other}, which "
                                        "has {free} free seats, and add rooms for the "
                                        "other {rest} in district {district}")
                values["rest"] = count - free
        yield PlanIssue("seats-missing", message.format(**values), fix.format(**values))


def _most_free(group: str, level: str, groups: dict[str, list[int]],
               left: dict[tuple[str, str], int],
               open_seats: Callable[[int, str], int]) -> tuple[str, int]:
    best, most = "", 0
    for other in sorted(groups):
        if other == group:
            continue
        free = left.get((other, level), 0) + sum(open_seats(r, level) for r in groups[other])
        if free > most:
            best, most = other, free
    return best, most


def _name(rules: Rules, level: str) -> str:
    return rules.level_names.get(level, level)


def _district(name: str) -> str:
    return name or translate("Plan", "(no district)")
