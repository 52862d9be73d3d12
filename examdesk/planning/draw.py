"""The morning draw (抽签): which room each invigilating team takes, decided at T-55.

The roster fixes who invigilates at a test center in a session and in which pairs; the room each
pair gets stays secret until the chief examiner draws it about 55 minutes before the start
(docs/domain.md, "Conflict of interest (回避) and the morning draw"; docs/draw.md). The draw
moves whole teams, so the roster's pairing (two units, one man and one woman, a lead) survives
it; only the 回避 rules between people and rooms must be checked again, with
:func:`~examdesk.planning.duty_plan.conflict`.

The draw is a seeded shuffle: the same duties and seed give the same rooms, so a draw can be
repeated in front of witnesses or checked afterwards. A shuffle that breaks a rule is drawn
again, which keeps every valid assignment equally likely; when :data:`MAX_SHUFFLES` shuffles
all break a rule, the last one is repaired by bipartite matching (augmenting paths), which
succeeds whenever any valid assignment exists. Whether one exists is settled before shuffling,
so an impossible draw fails at once with the teams and rules that make it impossible.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from examdesk.errors import PlanProblem
from examdesk.i18n import translate
from examdesk.planning.duty_plan import Duty, DutyKind, DutyRoom, DutyStaff, conflict

#: Shuffles drawn before the last one is repaired by matching instead.
MAX_SHUFFLES = 20

#: Rooms named in one explanation before "and N more".
_SHOWN = 5


@dataclass(frozen=True)
class DrawResult:
    """The rooms the draw gave.

    Attributes:
        seed: the seed drawn with; the same duties and seed give the same result.
        duties: the same people and duties as before, each team in its drawn room, ordered by
            room id with the lead first.
        attempts: the shuffles drawn until one respected every rule; ``MAX_SHUFFLES + 1`` when
            none did and the last one was repaired by matching; 0 when there was nothing to draw.
    """

    seed: int
    duties: tuple[Duty, ...]
    attempts: int


@dataclass(frozen=True)
class _Team:
    """The invigilators the roster put together in one room."""

    room: DutyRoom  # the room the roster gave them
    duties: tuple[Duty, ...]  # lead first
    members: tuple[DutyStaff, ...]  # in the order of ``duties``

    @property
    def locked(self) -> bool:
        return any(d.locked for d in self.duties)

    def label(self) -> str:
        names = translate("Duties", ", ").join(
            person.label + ("*" if duty.is_lead else "")
            for duty, person in zip(self.duties, self.members, strict=True)
        )
        return translate("Duties", "the team of {room} ({names})").format(
            room=self.room.label, names=names
        )

    def barred(self, room: DutyRoom) -> str | None:
        """Why the team may not take ``room``, naming the member, or None."""
        for person in self.members:
            reason = conflict(person, room)
            if reason is not None:
                return translate("Duties", "{room}: {person}, {reason}").format(
                    room=room.label, person=person.label, reason=reason
                )
        return None


def draw_rooms(
    duties: Sequence[Duty], rooms: Sequence[DutyRoom], staff: Sequence[DutyStaff], seed: int
) -> DrawResult:
    """Draw the rooms of one test center's invigilators for one session.

    The teams are the roster's: the people of each room duty's room. Each team is drawn onto one
    of the rooms the duties name (each room gets one team again, and each team keeps its lead);
    a team may not take a room where a member has a relative or candidates of their own work
    unit. A team with a locked duty was placed by hand and keeps its room.

    Args:
        duties: the room duties (kind ROOM) of one test center in one session.
        rooms: the rooms, at least those the duties name (others are ignored).
        staff: the staff, at least those the duties name.
        seed: the draw's seed (``random.Random(seed)``).

    Returns:
        The drawn duties, the seed and the shuffles needed.

    Raises:
        PlanProblem: the duties are not the room duties of one center and session, name an
            unknown room or person, or no assignment respects the rules (the message names the
            teams and the rules that bar them).
    """
    teams = _teams(duties, rooms, staff)
    if not teams:
        return DrawResult(seed, (), 0)
    kept = [team for team in teams if team.locked]
    # teams in the order of their people, rooms in id order: the draw then depends on who
    # works together and which rooms are free, not on the rooms the teams hold before it, so
    # drawing again with the recorded seed gives the same rooms
    movable = sorted((team for team in teams if not team.locked),
                     key=lambda team: sorted(d.staff_id for d in team.duties))
    targets = sorted((team.room for team in movable), key=lambda room: room.id)
    allowed = [
        {i for i, room in enumerate(targets) if team.barred(room) is None} for team in movable
    ]
    _explain_if_impossible(movable, targets, allowed)

    rng = random.Random(seed)
    order = list(range(len(targets)))
    attempts = 0
    while attempts < MAX_SHUFFLES:
        attempts += 1
        rng.shuffle(order)
        if all(order[t] in allowed[t] for t in range(len(movable))):
            break
    else:
        order = _repair(order, allowed, rng)
        attempts = MAX_SHUFFLES + 1

    drawn = [d for team in kept for d in team.duties]
    for t, team in enumerate(movable):
        room_id = targets[order[t]].id
        drawn.extend(replace(d, room_id=room_id) for d in team.duties)
    drawn.sort(key=lambda d: (d.room_id, not d.is_lead, d.staff_id))
    return DrawResult(seed, tuple(drawn), attempts)


def _teams(
    duties: Sequence[Duty], rooms: Sequence[DutyRoom], staff: Sequence[DutyStaff]
) -> list[_Team]:
    """The roster's teams, in room-id order, after checking the duties are one draw's."""
    if not duties:
        return []
    room_by_id = {room.id: room for room in rooms}
    person_by_id = {person.id: person for person in staff}
    first = duties[0]
    by_room: dict[int, list[Duty]] = defaultdict(list)
    seen: set[int] = set()
    for duty in duties:
        if (duty.kind is not DutyKind.ROOM or duty.room_id is None
                or duty.center_id != first.center_id or duty.session_id != first.session_id):
            raise PlanProblem(translate(
                "Duties", "The draw takes the room duties of one test center in one session; "
                          "staff member {staff} has another duty in the list."
            ).format(staff=duty.staff_id))
        if duty.room_id not in room_by_id:
            raise PlanProblem(translate(
                "Duties", "The draw cannot place room {room}: the room is not among the rooms "
                          "given."
            ).format(room=duty.room_id))
        if duty.staff_id not in person_by_id:
            raise PlanProblem(translate(
                "Duties", "The draw cannot place staff member {staff}: they are not among the "
                          "staff given."
            ).format(staff=duty.staff_id))
        if duty.staff_id in seen:
            raise PlanProblem(translate(
                "Duties", "{person} has two room duties in one session; remove one before the "
                          "draw."
            ).format(person=person_by_id[duty.staff_id].label))
        seen.add(duty.staff_id)
        by_room[duty.room_id].append(duty)
    teams = []
    for room_id in sorted(by_room):
        # sorting makes the draw independent of the order the duties came in
        members = sorted(by_room[room_id], key=lambda d: (not d.is_lead, d.staff_id))
        teams.append(_Team(room_by_id[room_id], tuple(members),
                           tuple(person_by_id[d.staff_id] for d in members)))
    return teams


def _augment(team: int, allowed: Sequence[Sequence[int]], holder: list[int | None],
             visited: set[int]) -> bool:
    """Find a room for ``team``, moving other teams along an augmenting path (Kuhn)."""
    for room in allowed[team]:
        if room in visited:
            continue
        visited.add(room)
        other = holder[room]
        if other is None or _augment(other, allowed, holder, visited):
            holder[room] = team
            return True
    return False


def _explain_if_impossible(
    teams: Sequence[_Team], targets: Sequence[DutyRoom], allowed: Sequence[set[int]]
) -> None:
    """Raise PlanProblem naming the teams no assignment can place, if there are any."""
    ordered = [sorted(rooms) for rooms in allowed]
    holder: list[int | None] = [None] * len(targets)
    for t, team in enumerate(teams):
        visited: set[int] = set()
        if _augment(t, ordered, holder, visited):
            continue
        barred = [reason for room in targets if (reason := team.barred(room)) is not None]
        if not visited:
            raise PlanProblem(translate(
                "Duties", "The draw cannot place {team}: every room is barred to it ({reasons}). "
                          "Replace one of its invigilators before the draw."
            ).format(team=team.label(), reasons=_cut(barred)))
        # no augmenting path: the teams holding the rooms ``team`` may take may themselves take
        # only those rooms, so these teams outnumber their rooms by exactly one (Hall's
        # condition fails for them)
        crowded = sorted(visited)
        stuck = [team, *(teams[h] for r in crowded if (h := holder[r]) is not None)]
        raise PlanProblem(translate(
            "Duties", "The draw cannot place every team: {teams} may only take {rooms}, one "
                      "room fewer than there are teams; the other rooms are barred to "
                      "{team} ({reasons}). Replace one of these invigilators before the draw."
        ).format(
            teams=translate("Duties", "; ").join(s.label() for s in stuck),
            rooms=translate("Duties", ", ").join(targets[r].label for r in crowded),
            team=team.label(),
            reasons=_cut(barred),
        ))


def _repair(order: list[int], allowed: Sequence[set[int]], rng: random.Random) -> list[int]:
    """``order`` (team -> room) with every barred pairing replaced, keeping the allowed ones.

    Only called when a valid assignment exists, so augmenting paths reach every team.
    """
    holder: list[int | None] = [None] * len(order)
    for t, room in enumerate(order):
        if room in allowed[t]:
            holder[room] = t
    # rooms tried in a seeded random order, so the repair does not favour low room ids
    choices = []
    for rooms in allowed:
        shuffled = sorted(rooms)
        rng.shuffle(shuffled)
        choices.append(shuffled)
    placed = {t for t in holder if t is not None}
    for t in range(len(order)):
        if t not in placed and not _augment(t, choices, holder, set()):
            raise AssertionError("a valid assignment exists but matching did not find it")
    repaired = [0] * len(order)
    for room, team in enumerate(holder):
        assert team is not None  # as many teams as rooms, and every team placed
        repaired[team] = room
    return repaired


def _cut(reasons: Sequence[str]) -> str:
    shown = translate("Duties", "; ").join(reasons[:_SHOWN])
    if len(reasons) <= _SHOWN:
        return shown
    return translate("Duties", "{reasons} and {more} more").format(
        reasons=shown, more=len(reasons) - _SHOWN
    )
