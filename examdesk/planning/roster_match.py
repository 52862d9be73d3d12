"""The matrices of the roster's assignment problems: who may not take which room, and matching.

Rooms are rows and people columns. Building a row person by person in Python would cost
seconds at provincial scale (3,400 rooms, 8,000 invigilators), so the 回避 rules are turned
into numpy arrays once per problem: each work unit gets a number, a room becomes the set of
unit numbers seated in it, and "own unit in the room" is one fancy-indexing lookup.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from examdesk.enums import Gender
from examdesk.planning.duty_plan import DutyRoom, DutyStaff

#: The cost of a forbidden pair: more than every soft cost of a whole problem together, so the
#: matching takes one only when nothing else is left, and then it is dropped.
FORBIDDEN = 1.0e9

Matrix = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


class People:
    """The columns of a problem: people with their work units and genders as arrays.

    Args:
        people: the people, in column order.
    """

    def __init__(self, people: Sequence[DutyStaff]) -> None:
        self.people = list(people)
        self.column = {p.id: j for j, p in enumerate(self.people)}
        units = sorted({p.work_unit for p in self.people if p.work_unit})
        self.unit_number = {unit: i for i, unit in enumerate(units)}
        # people without a unit get the number after the last, which no room ever holds
        self.units = np.array([self.unit_number.get(p.work_unit, len(units))
                               for p in self.people], dtype=np.int64)
        self.male = np.array([p.gender is Gender.MALE for p in self.people], dtype=np.bool_)
        self._with_relatives = [(j, p.relatives) for j, p in enumerate(self.people)
                                if p.relatives]

    def __len__(self) -> int:
        return len(self.people)

    def forbidden(self, rooms: Sequence[DutyRoom],
                  members: Sequence[Sequence[DutyStaff]]) -> Mask:
        """Which person may not join which room (rows: ``rooms``).

        Rule 2 (a relative or their own unit's candidates in the room) and rule 3 (the unit of
        an invigilator already in the room; an empty unit never clashes).

        Args:
            rooms: the rows' rooms.
            members: the invigilators already in each row's room.

        Returns:
            A rows x people boolean matrix, True where the pair is forbidden.
        """
        count = len(self.unit_number)
        seated = np.zeros((len(rooms), count + 1), dtype=np.bool_)
        partner = np.zeros((len(rooms), count + 1), dtype=np.bool_)
        for i, room in enumerate(rooms):
            seated[i, [self.unit_number[u] for u in room.units if u in self.unit_number]] = True
            partner[i, [self.unit_number[p.work_unit] for p in members[i]
                        if p.work_unit in self.unit_number]] = True
        mask: Mask = seated[:, self.units] | partner[:, self.units]
        for j, relatives in self._with_relatives:
            for i, room in enumerate(rooms):
                if relatives & room.candidate_ids:
                    mask[i, j] = True
        return mask


def assign(cost: Matrix) -> list[tuple[int, int]]:
    """The cheapest matching of rows to columns, without forbidden pairs.

    Args:
        cost: rows x columns; a pair costing :data:`FORBIDDEN` or more is never kept.

    Returns:
        (row, column) pairs; rows left out get nobody.
    """
    if cost.size == 0:
        return []
    # imported here: scipy.optimize takes ~0.5 s to import, which every examdesk command paid
    # (the CLI imports the roster), printing included
    from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped, unused-ignore]

    rows, columns = linear_sum_assignment(cost)
    chosen: list[tuple[int, int]] = [(int(r), int(c)) for r, c in zip(rows, columns, strict=True)
                                     if cost[r, c] < FORBIDDEN]
    return chosen


def placeable(mask: Mask) -> int:
    """The most rows that can each get a different column where ``mask`` allows.

    Args:
        mask: rows x columns, True where the pair is forbidden.

    Returns:
        The size of a largest matching over the allowed pairs.
    """
    return len(assign(np.where(mask, FORBIDDEN, 0.0)))


def noise(seed: int, *keys: int, shape: tuple[int, int]) -> Matrix:
    """Seeded tie-breaking values in [0, 1), the same for the same seed and keys.

    Args:
        seed: the roster's seed.
        keys: what the problem is (center, time slot, round...), so problems differ.
        shape: the matrix's shape.

    Returns:
        The values.
    """
    # SeedSequence wants non-negative integers; Python's % gives them for negative seeds too
    entropy = [value % (1 << 63) for value in (seed, *keys)]
    values: Matrix = np.random.default_rng(entropy).random(shape)
    return values
