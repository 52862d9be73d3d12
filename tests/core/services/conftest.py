"""An exam ready for imports: levels, subjects and sessions, and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from examdesk.db import Database
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, resolve_exam


@dataclass(frozen=True)
class EmptyExam:
    """A database holding the demo exam without centers, candidates or staff."""

    db: Database
    exam: ExamRef


@pytest.fixture
def empty_exam(db: Database, actor: Actor) -> Iterator[EmptyExam]:
    with db.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
    with db.begin() as session:
        exam = resolve_exam(session)
    yield EmptyExam(db, exam)
