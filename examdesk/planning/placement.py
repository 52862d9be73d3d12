"""Seating inside rooms: which seat each of a level's candidates takes, colleagues apart.

The allocation (:mod:`examdesk.planning.allocation`) decides how many candidates of each level
go into which room; this module decides the seats, so that candidates of one work unit do not
sit side by side. Each work unit is dealt across the level's rooms (largest units first), then
every room is filled seat by seat with the first candidate in shuffle order whose unit does not
clash with the neighbours already seated, and a swap pass repairs what is left. Neighbours are
the 8 seats around a seat.

Like the allocation, a room is handled as lists of indexes: ``occupant`` holds each seat's
work unit (``EMPTY`` for a free seat, ``NO_UNIT`` for a candidate without one) and ``near``
each seat's neighbouring seats. The same lists count the same-unit pairs that are left, for the
allocation's result and for any plan (:func:`same_unit_pairs`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from examdesk.enums import Corner, SeatOrder
from examdesk.planning.plan import PlanCandidate, PlanRoom, Rules, Seat
from examdesk.planning.seats import Grid, Position, neighbours, seat_positions

EMPTY = -2  # an unoccupied seat in a room's unit array
NO_UNIT = -1  # a candidate without a work unit: never clashes


def same_unit_pairs(seats: Iterable[Seat], rooms: Sequence[PlanRoom],
                    candidates: Sequence[PlanCandidate], rules: Rules) -> int:
    """Pairs of candidates of one work unit sitting in adjacent seats (8-neighbourhood).

    Args:
        seats: any plan's seats.
        rooms: the rooms the seats are in.
        candidates: the candidates sitting there (unknown ones count as having no unit).
        rules: for the seat order that turns seat numbers into positions.

    Returns:
        The number of adjacent same-unit pairs.
    """
    unit_of = {c.id: c.work_unit for c in candidates if c.work_unit}
    units = {name: i for i, name in enumerate(sorted(set(unit_of.values())))}
    by_room: dict[int, list[Seat]] = defaultdict(list)
    for seat in seats:
        by_room[seat.room_id].append(seat)
    total = 0
    for room in rooms:
        taken = by_room.get(room.id)
        if not taken:
            continue
        positions, near = layout(room.grid, rules.seat_order, rules.corner)
        occupant = [EMPTY] * len(positions)
        for seat in taken:
            name = unit_of.get(seat.candidate_id)
            occupant[seat.seat_no - 1] = units[name] if name else NO_UNIT
        total += unit_pairs(occupant, near)
    return total


@cache
def layout(grid: Grid, order: SeatOrder, corner: Corner
           ) -> tuple[tuple[Position, ...], tuple[tuple[int, ...], ...]]:
    """Where each seat of a room is, and which seats are its neighbours.

    Computed once per distinct grid: a provincial exam has thousands of rooms of a few shapes.

    Args:
        grid: the room's desks.
        order: how seat numbers run through the grid.
        corner: the corner seat 1 is in.

    Returns:
        Each seat index's position, and each seat index's neighbouring seat indexes.
    """
    positions = seat_positions(grid, order, corner)
    index = {p: i for i, p in enumerate(positions)}
    near = tuple(tuple(index[q] for q in neighbours(p, grid) if q in index) for p in positions)
    return positions, near


def unit_pairs(occupant: Sequence[int], near: Sequence[Sequence[int]]) -> int:
    """Pairs of neighbouring seats whose candidates share a work unit, each pair counted once.

    Args:
        occupant: each seat's work unit, ``EMPTY`` or ``NO_UNIT``.
        near: each seat's neighbouring seats, from :func:`layout`.

    Returns:
        The number of same-unit pairs in the room.
    """
    units = [u for u in occupant if u >= 0]
    if len(units) == len(set(units)):
        return 0
    return sum(1 for s, u in enumerate(occupant) if u >= 0
               for n in near[s] if n > s and occupant[n] == u)


def by_unit(candidates: list[int], unit: list[int]) -> list[int]:
    """``candidates`` grouped by work unit, largest units first, candidates without one last.

    Largest units first, so they are spread before the rooms fill up; inside a unit the order
    of ``candidates`` is kept.

    Args:
        candidates: candidate indexes.
        unit: each candidate index's work unit, or ``NO_UNIT``.

    Returns:
        The same candidates in that order.
    """
    members: dict[int, list[int]] = defaultdict(list)
    for c in candidates:
        members[unit[c]].append(c)
    singles = members.pop(NO_UNIT, [])
    units = sorted(members, key=lambda u: (-len(members[u]), u))
    return [c for u in units for c in members[u]] + singles


def deal(candidates: list[int], quota: dict[int, int]) -> dict[int, list[int]]:
    """Deal ``candidates`` in order across the rooms, each room in proportion to its quota.

    Every room's k-th slot sits at (k + 0.5) / quota on one scale, so each stretch of the
    order (one work unit) is spread over the rooms evenly: a room with half the quota gets
    half as many of the unit, and never a whole unit's worth of neighbours.

    Args:
        candidates: candidate indexes, as :func:`by_unit` orders them.
        quota: room index -> how many of the candidates it takes; the quotas add up to
            ``len(candidates)``.

    Returns:
        Room index -> the candidates dealt to it, in the order of ``candidates``.
    """
    rooms = [r for r in sorted(quota) if quota[r]]
    if len({quota[r] for r in rooms}) == 1:  # the usual case: plain round-robin
        return {r: candidates[i:: len(rooms)] for i, r in enumerate(rooms)}
    keys = [(k + 0.5) / quota[r] for r in rooms for k in range(quota[r])]
    owner = [r for r in rooms for _k in range(quota[r])]
    dealt: dict[int, list[int]] = defaultdict(list)
    # the sort is stable: rooms at the same point of the scale stay in fill order
    for c, slot in zip(candidates, sorted(range(len(keys)), key=keys.__getitem__),
                       strict=True):
        dealt[owner[slot]].append(c)
    return dealt


def seat_room(free: list[int], dealt: list[int], unit: list[int], occupant: list[int],
              near: tuple[tuple[int, ...], ...]) -> dict[int, int]:
    """Seat a room's share of one level, colleagues apart.

    The candidates take the first ``len(dealt)`` free seats; to undo a clash the repair may
    move one of them to a later free seat.

    Args:
        free: the seat indexes the level may take, in seat order; there are at least as many
            as ``dealt``.
        dealt: the candidate indexes dealt to the room, in shuffle order.
        unit: each candidate index's work unit, or ``NO_UNIT``.
        occupant: the room's seats (kept ones filled in); updated with the new candidates.
        near: each seat's neighbouring seats, from :func:`layout`.

    Returns:
        Seat index -> candidate index, for the new candidates.
    """
    seats = free[: len(dealt)]
    filled = _fill(seats, dealt, unit, occupant, near)
    if filled is None:
        placed = dict(zip(seats, dealt, strict=True))
        for s, c in placed.items():
            occupant[s] = unit[c]
    else:
        placed = dict(zip(seats, filled[0], strict=True))
        if filled[1]:
            _repair(placed, free[len(dealt):], occupant, near)
    return placed


def _fill(seats: list[int], dealt: list[int], unit: list[int], occupant: list[int],
          near: tuple[tuple[int, ...], ...]) -> tuple[list[int], bool] | None:
    """The candidate for each seat, seat by seat, avoiding same-unit neighbours.

    ``dealt`` is in shuffle order; each seat takes the first candidate in that order whose
    unit has no member beside the seat.

    Returns:
        The candidates in seat order, and whether any of them clashes; None when no two
        candidates (kept ones included) share a unit, so the shuffle order is the seating.
    """
    present = Counter(unit[c] for c in dealt if unit[c] >= 0)
    present.update(u for u in occupant if u >= 0)
    queues: dict[int, list[int]] = {u: [] for u, n in present.items() if n > 1}
    if not queues:
        return None
    singles: list[int] = []  # candidates who cannot clash: no unit, or alone in the room
    for i, c in enumerate(dealt):
        queues.get(unit[c], singles).append(i)
    for u in [u for u, queue in queues.items() if not queue]:
        del queues[u]  # present only among the kept seats
    for queue in queues.values():
        queue.reverse()  # pop() from the end takes the earliest
    singles.reverse()
    order: list[int] = []
    clashed = False
    for done, s in enumerate(seats):
        seats_left = len(seats) - done
        beside = near[s]
        chosen: list[int] | None = None
        # a unit that needs about every fourth remaining seat cannot wait for luck: the
        # densest spacing on a grid with diagonal neighbours is one seat in each 2 x 2 block
        for u, queue in queues.items():
            if (4 * len(queue) >= seats_left
                    and (chosen is None or len(queue) > len(chosen))
                    and all(occupant[n] != u for n in beside)):
                chosen = queue
        if chosen is None:
            chosen = singles or None
            for u, queue in queues.items():
                if ((chosen is None or queue[-1] < chosen[-1])
                        and all(occupant[n] != u for n in beside)):
                    chosen = queue
        if chosen is None:  # every candidate left clashes here: the repair sees to it
            chosen = min(queues.values(), key=lambda queue: queue[-1])
            clashed = True
        c = dealt[chosen.pop()]
        u = unit[c]
        occupant[s] = u
        order.append(c)
        if not chosen and u in queues and chosen is queues[u]:
            del queues[u]
    return order, clashed


def _clashes(occupant: list[int], near: tuple[tuple[int, ...], ...], s: int) -> int:
    u = occupant[s]
    if u < 0:
        return 0
    return sum(1 for n in near[s] if occupant[n] == u)


def _repair(placed: dict[int, int], empty: list[int], occupant: list[int],
            near: tuple[tuple[int, ...], ...]) -> None:
    """Swap new candidates inside the room (or move one to a free seat) to undo clashes."""
    empty = list(empty)
    for _round in range(4):
        improved = False
        for s in [s for s in placed if _clashes(occupant, near, s)]:
            if s not in placed or not _clashes(occupant, near, s):
                continue  # an earlier swap has moved or cured it
            improved |= _swap_away(s, placed, occupant, near) or _move_away(
                s, placed, empty, occupant, near)
        if not improved:
            return


def _swap_away(s: int, placed: dict[int, int], occupant: list[int],
               near: tuple[tuple[int, ...], ...]) -> bool:
    u = occupant[s]
    for t in list(placed):
        v = occupant[t]
        if v == u:
            continue
        before = _clashes(occupant, near, s) + _clashes(occupant, near, t)
        occupant[s], occupant[t] = v, u
        if _clashes(occupant, near, s) + _clashes(occupant, near, t) < before:
            placed[s], placed[t] = placed[t], placed[s]
            return True
        occupant[s], occupant[t] = u, v
    return False


def _move_away(s: int, placed: dict[int, int], empty: list[int], occupant: list[int],
               near: tuple[tuple[int, ...], ...]) -> bool:
    before = _clashes(occupant, near, s)
    u = occupant[s]
    for k, e in enumerate(empty):
        occupant[e] = u
        occupant[s] = EMPTY
        if _clashes(occupant, near, e) < before:
            placed[e] = placed.pop(s)
            empty[k] = s
            return True
        occupant[e] = EMPTY
        occupant[s] = u
    return False

