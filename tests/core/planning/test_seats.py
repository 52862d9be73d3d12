"""Seat numbering runs as the exam's setting says and skips unusable desks."""

from __future__ import annotations

import pytest

from examdesk.enums import Corner, SeatOrder
from examdesk.planning.seats import Grid, neighbours, seat_positions


def test_row_by_row_from_the_front_left():
    assert seat_positions(Grid(2, 3), SeatOrder.ROWS, Corner.FRONT_LEFT) == (
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3))


def test_s_shaped_by_column_from_the_front_left():
    assert seat_positions(Grid(3, 2), SeatOrder.SNAKE, Corner.FRONT_LEFT) == (
        (1, 1), (2, 1), (3, 1), (3, 2), (2, 2), (1, 2))


@pytest.mark.parametrize("corner, first, second", [
    (Corner.FRONT_RIGHT, (1, 2), (2, 2)),
    (Corner.BACK_LEFT, (3, 1), (2, 1)),
    (Corner.BACK_RIGHT, (3, 2), (2, 2)),
])
def test_s_shaped_from_every_corner(corner, first, second):
    positions = seat_positions(Grid(3, 2), SeatOrder.SNAKE, corner)
    assert positions[:2] == (first, second) and len(set(positions)) == 6


def test_unusable_seats_get_no_number():
    grid = Grid(2, 2, frozenset({(1, 2)}))
    assert seat_positions(grid, SeatOrder.ROWS, Corner.FRONT_LEFT) == ((1, 1), (2, 1), (2, 2))
    assert grid.capacity == 3


def test_neighbours_stay_inside_the_grid():
    grid = Grid(6, 5)
    assert len(neighbours((3, 3), grid)) == 8
    assert set(neighbours((1, 1), grid)) == {(1, 2), (2, 1), (2, 2)}
