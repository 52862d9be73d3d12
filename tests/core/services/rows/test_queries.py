"""Every table is declared once, takes its declared filters, and is read in a few statements
however many rows it has: no query per row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from examdesk.db import Database
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.kinds import ROW_KINDS, RowKind


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


#: statements per table at most: the rows, then a few small maps (rooms, levels, sessions...)
MOST = {"candidates": 6, "rooms": 3, "staff": 5, "seating": 6, "duties": 6, "posts": 9}


@pytest.mark.parametrize("kind", [k for k in ROW_KINDS if k.id_field], ids=lambda k: k.key)
def test_a_table_takes_the_same_few_statements_for_all_rows_or_a_few(
        demo_db: Database, kind: RowKind) -> None:
    read, key, most = kind.read, str(kind.id_field), MOST[kind.key]
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        with statements(demo_db) as every:
            rows = read(session, exam)
        assert len(rows) > 50 and len(every) <= most
        with statements(demo_db) as few:
            assert len(read(session, exam, ids=[getattr(r, key) for r in rows[:3]])) == 3
        assert len(few) <= most


@pytest.mark.parametrize("kind", ROW_KINDS, ids=lambda k: k.key)
def test_each_declared_filter_is_taken_by_its_table(demo_db: Database, kind: RowKind) -> None:
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        for name in kind.filters:  # None means "no filter": the same rows as without it
            assert kind.read(session, exam, **{name: None}) == kind.read(session, exam), name
