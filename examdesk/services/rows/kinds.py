"""Each table's read model declared once: what it is called, how it reads, by what it filters.

The window's pages, the benchmark and the tests go through this tuple rather than naming the
functions one by one, so a new table is added here and everyone finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.duties import duty_rows
from examdesk.services.rows.posts import post_rows
from examdesk.services.rows.problems import problem_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.seating import seat_rows
from examdesk.services.rows.staff import staff_rows


@dataclass(frozen=True)
class RowKind:
    """One table's read model.

    Attributes:
        key: the table's name, e.g. ``candidates``.
        read: ``read(session, exam, **filters)`` -> the rows.
        id_field: the row's ID attribute, by which ``read(..., ids=[...])`` fetches rows
            again after a change (None: the rows have no ID of their own).
        filters: the keyword filters ``read`` takes besides ``ids``.
    """

    key: str
    read: Callable[..., list[Any]]
    id_field: str | None
    filters: tuple[str, ...]


ROW_KINDS = (
    RowKind("candidates", candidate_rows, "candidate_id",
            ("center_id", "level_id", "room_id", "status", "seated")),
    RowKind("rooms", room_rows, "room_id", ("center_id", "level_id")),
    RowKind("staff", staff_rows, "staff_id", ("center_id", "role")),
    RowKind("seating", seat_rows, "candidate_id",
            ("center_id", "room_id", "level_id", "session_id")),
    RowKind("duties", duty_rows, "duty_id",
            ("center_id", "session_id", "role", "room_id", "staff_id", "kind")),
    RowKind("posts", post_rows, "post_id", ("center_id", "kind")),
    RowKind("problems", problem_rows, None, ("center_id", "severity", "part")),
)
