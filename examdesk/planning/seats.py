"""Seat geometry: where seat 1, 2, ... of a room stand, and which seats are neighbours.

Positions are (row, column), 1-based, seen from the podium (讲台): row 1 is the front row,
column 1 the leftmost column. Unusable seats get no number; numbering runs on past them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from examdesk.enums import Corner, SeatOrder

Position = tuple[int, int]


@dataclass(frozen=True)
class Grid:
    """A room's desks.

    Attributes:
        rows: rows of desks, front to back.
        columns: columns of desks, left to right from the podium.
        unusable: positions with no usable desk.
    """

    rows: int
    columns: int
    unusable: frozenset[Position] = field(default_factory=frozenset)

    @property
    def capacity(self) -> int:
        """Usable seats."""
        return self.rows * self.columns - len(self.unusable)


def seat_positions(grid: Grid, order: SeatOrder, corner: Corner) -> tuple[Position, ...]:
    """The position of seat 1, seat 2, ... of ``grid`` (unusable seats skipped).

    Args:
        grid: the room's desks.
        order: row by row (each row in the same direction), or S-shaped by column (蛇形).
        corner: where seat 1 is, seen from the podium.

    Returns:
        One position per usable seat, in seat-number order.
    """
    return _positions(grid.rows, grid.columns, grid.unusable, order, corner)


@cache
def _positions(rows: int, columns: int, unusable: frozenset[Position], order: SeatOrder,
               corner: Corner) -> tuple[Position, ...]:
    # rooms repeat the same few grids: each is computed once per process
    front = corner in (Corner.FRONT_LEFT, Corner.FRONT_RIGHT)
    left = corner in (Corner.FRONT_LEFT, Corner.BACK_LEFT)
    row_order = list(range(1, rows + 1)) if front else list(range(rows, 0, -1))
    column_order = list(range(1, columns + 1)) if left else list(range(columns, 0, -1))
    if order is SeatOrder.ROWS:
        sequence = [(r, c) for r in row_order for c in column_order]
    else:
        sequence = [
            (r, c)
            for i, c in enumerate(column_order)
            for r in (row_order if i % 2 == 0 else row_order[::-1])
        ]
    return tuple(p for p in sequence if p not in unusable)


def neighbours(position: Position, grid: Grid) -> tuple[Position, ...]:
    """The up to 8 positions around ``position`` inside the grid (unusable ones included).

    Args:
        position: a (row, column) inside the grid.
        grid: the room's desks.

    Returns:
        The surrounding positions.
    """
    row, column = position
    return tuple(
        (r, c)
        for r in (row - 1, row, row + 1)
        for c in (column - 1, column, column + 1)
        if (r, c) != position and 1 <= r <= grid.rows and 1 <= c <= grid.columns
    )
