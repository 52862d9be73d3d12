"""The data version moves with every committed change to the plan, and only then."""

from __future__ import annotations

from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.data_version import data_version
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.seat_changes import withdraw_candidate
from examdesk.services.stats import overview

WHO = "411621196606098081"  # a seated candidate of the demo


def withdraw(session, user: str) -> None:
    exam = resolve_exam(session)
    withdraw_candidate(session, Actor(user), exam, find_candidate(session, exam, WHO).one().id)


def _version(database) -> tuple[int, int]:
    with database.begin() as session:
        return data_version(session)


def test_an_empty_database_has_version_nothing(db):
    assert _version(db) == (0, 0)


def test_a_change_moves_the_version_and_reading_does_not(db):
    with db.write("demo") as session:
        demo.load_demo(session, Actor("tester"))
    loaded = _version(db)
    assert loaded[0] > 0
    with db.begin() as session:
        overview(session)
    assert _version(db) == loaded
    with db.write("seat withdraw") as session:
        withdraw(session, "张老师")
    assert _version(db)[0] == loaded[0] + 1


def test_a_change_rolled_back_leaves_the_version(demo_copy):
    before = _version(demo_copy)
    try:
        with demo_copy.write("seat withdraw") as session:
            withdraw(session, "tester")
            raise RuntimeError("the user cancelled")
    except RuntimeError:
        pass
    assert _version(demo_copy) == before
