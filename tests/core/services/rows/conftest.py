"""The demo exam, read in one session per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from examdesk.db import Database
from examdesk.services.exams import ExamRef, resolve_exam


@pytest.fixture
def demo_session(demo_db: Database) -> Iterator[Session]:
    """A read-only session on the shared demo exam."""
    with demo_db.begin() as session:
        yield session


@pytest.fixture
def demo_exam(demo_session: Session) -> ExamRef:
    return resolve_exam(demo_session)
