"""Shared fixtures: a fresh database per test on SQLite, or on PostgreSQL when
``EXAMDESK_TEST_DB`` names a server (``.ci/run`` runs the suite both ways)."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless, before any Qt import
os.environ["EXAMDESK_USER"] = "tester"
# Commands speak the terminal's language; tests say which (tests/ui use the Chinese catalog).
os.environ["EXAMDESK_LANG"] = "en"

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from examdesk.db import Database, open_database
from examdesk.services import demo
from examdesk.services.audit import Actor

# Property tests draw the same examples on every run (CI included), so a red run is
# reproducible; HYPOTHESIS_PROFILE=explore draws new ones when hunting for bugs.
settings.register_profile("fixed", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))

SERVER = os.environ.get("EXAMDESK_TEST_DB", "").strip()
if SERVER:
    # pg_dump before every bulk change would cost the suite minutes and write to the user's
    # data folder; tests/ui/test_cli_backups.py turns automatic backups on where it tests them
    os.environ.setdefault("EXAMDESK_BACKUPS_KEEP", "0")
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(autouse=True)
def print_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test prints with a cache of its own (never the user's)."""
    folder = tmp_path / "print-cache"
    monkeypatch.setenv("EXAMDESK_CACHE", str(folder))
    return folder


def pytest_report_header() -> str:
    return f"examdesk test database: {SERVER or 'SQLite files in tmp_path'}"


@pytest.fixture
def backend() -> str:
    """'postgresql' or 'sqlite': which server this run tests."""
    return "postgresql" if SERVER else "sqlite"


class _Databases:
    """Creates empty databases on the test server and drops them afterwards."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.created: list[str] = []

    def new_url(self) -> str:
        if not SERVER:
            target = self.tmp_path / f"exam-{len(self.created)}.db"
            self.created.append(str(target))
            return f"sqlite:///{target}"
        name = f"examdesk_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        admin.dispose()
        self.created.append(name)
        url: URL = make_url(SERVER).set(database=name)
        return url.render_as_string(hide_password=False)

    def copy_of(self, url: str) -> str:
        """A new database holding a copy of the database at ``url`` (which nobody uses now)."""
        if not SERVER:
            target = self.tmp_path / f"exam-{len(self.created)}.db"
            self.created.append(str(target))
            source = sqlite3.connect(make_url(url).database or "")
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            return f"sqlite:///{target}"
        name = f"examdesk_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            template = make_url(url).database
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        admin.dispose()
        self.created.append(name)
        return make_url(SERVER).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if not SERVER:
            return
        admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[_Databases]:
    """Make as many empty databases as a test needs."""
    made = _Databases(tmp_path)
    yield made
    made.drop_all()


@pytest.fixture
def db_url(databases: _Databases) -> str:
    """The URL of an empty database."""
    return databases.new_url()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """An empty ExamDesk database at the current schema."""
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def actor() -> Actor:
    return Actor("tester")


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database holding the demo exam, shared by read-only tests of this run."""
    made = _Databases(tmp_path_factory.mktemp("demo"))
    url = made.new_url()
    database = open_database(url)
    with database.begin() as session:
        demo.load_demo(session, Actor("tester"))
    database.close()
    yield url
    made.drop_all()


@pytest.fixture
def demo_db(demo_url: str) -> Iterator[Database]:
    """The shared demo database (do not change it; use ``demo_copy`` for that)."""
    database = open_database(demo_url)
    yield database
    database.close()


@pytest.fixture
def demo_copy_url(demo_url: str, databases: _Databases) -> str:
    """The URL of a database of this test's own holding the demo exam (seated, rostered)."""
    return databases.copy_of(demo_url)


@pytest.fixture
def demo_copy(demo_copy_url: str) -> Iterator[Database]:
    """A database of this test's own holding the demo exam, to change at will."""
    database = open_database(demo_copy_url)
    yield database
    database.close()


@pytest.fixture(scope="session")
def own_exam_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A user's own exam as a new user builds it: ``demo --exam-only`` and the sample
    workbooks of rooms, candidates and staff imported; nothing allocated. Read-only: use
    ``own_exam_copy_url`` to change it."""
    from examdesk.services.exams import resolve_exam
    from examdesk.services.imports.candidates import import_candidates
    from examdesk.services.imports.rooms import import_rooms
    from examdesk.services.imports.staff import import_staff

    made = _Databases(tmp_path_factory.mktemp("own-exam"))
    url = made.new_url()
    database = open_database(url)
    actor = Actor("tester")
    with database.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
    for importer, name in ((import_rooms, "rooms.xlsx"), (import_candidates, "candidates.xlsx"),
                           (import_staff, "staff.xlsx")):
        with database.begin() as session:
            result = importer(session, actor, resolve_exam(session), SAMPLES / name)
            assert not result.errors, result.errors[:3]
    database.close()
    yield url
    made.drop_all()


@pytest.fixture
def own_exam_copy_url(own_exam_url: str, databases: _Databases) -> str:
    """The URL of a database of this test's own holding ``own_exam_url``'s exam."""
    return databases.copy_of(own_exam_url)


@pytest.fixture
def chinese() -> Iterator[None]:
    """The core speaks Chinese (the catalog's zh_CN) for the test, English again after."""
    from examdesk.i18n import speak

    assert speak("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        speak("en")
