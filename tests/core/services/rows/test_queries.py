"""Every table is read in a few statements, however many rows it has: no query per row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from examdesk.db import Database
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.duties import duty_rows
from examdesk.services.rows.posts import post_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.seating import seat_rows
from examdesk.services.rows.staff import staff_rows


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


@pytest.mark.parametrize(("read", "key", "most"), [
    (candidate_rows, "candidate_id", 6), (room_rows, "room_id", 3),
    (staff_rows, "staff_id", 5), (seat_rows, "candidate_id", 6),
    (duty_rows, "duty_id", 6), (post_rows, "post_id", 9),
])
def test_a_table_takes_the_same_few_statements_for_all_rows_or_a_few(
        demo_db: Database, read: Callable[..., list[Any]], key: str, most: int) -> None:
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        with statements(demo_db) as every:
            rows = read(session, exam)
        assert len(rows) > 50 and len(every) <= most
        with statements(demo_db) as few:
            assert len(read(session, exam, ids=[getattr(r, key) for r in rows[:3]])) == 3
        assert len(few) <= most
