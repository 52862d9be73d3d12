"""Opening a database: migrations, backups, refusing what we must not touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from examdesk.db import open_database, resolve_database_url
from examdesk.db.database import (
    _alembic_config,
    _driver_pragma,
    create_examdesk_engine,
    current_revision,
    default_database_url,
    head_revision,
    revisions,
    upgrade_to,
)
from examdesk.enums import PostKind
from examdesk.errors import BadInput, DatabaseError, DatabaseTooNew, NotAnExamDeskDatabase
from examdesk.model import Base


def schema_differences(engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_opening_an_empty_database_creates_the_current_schema(db):
    assert current_revision(db.engine) == head_revision()
    assert schema_differences(db.engine) == []  # migrations and models agree exactly


def test_migrations_step_by_step_reach_the_models(db_url):
    engine = create_examdesk_engine(resolve_database_url(db_url))
    for revision in revisions():
        upgrade_to(engine, revision)
        assert current_revision(engine) == revision
    assert schema_differences(engine) == []
    engine.dispose()


def downgrade_to(engine, revision: str) -> None:
    """Undo the migrations after ``revision`` (SQLite: foreign keys off, as upgrades run)."""
    with engine.connect() as connection:
        # on the driver's connection, outside a transaction (inside one SQLite ignores it,
        # and a table rebuilt by a downgrade would take its children with it)
        if engine.dialect.name == "sqlite":
            _driver_pragma(connection, "foreign_keys=OFF")
        with connection.begin():
            command.downgrade(_alembic_config(connection), revision)
        if engine.dialect.name == "sqlite":
            _driver_pragma(connection, "foreign_keys=ON")


def insert_old_exam(connection) -> None:
    """An exam (id 1) with one level (id 1, 助理社会工作师) at the first revision's schema."""
    connection.execute(text(
        "INSERT INTO exams (id, code, name, year, province_code, city_code, county_code,"
        " ticket_pattern, seat_order, first_seat_corner, admit_before_minutes,"
        " entry_cutoff_minutes, early_leave_minutes, absence_record_minutes,"
        " accepted_id_types, invigilators_per_room, max_sessions_per_invigilator,"
        " reserve_ratio, created_at) VALUES (1, 'E1', '老考试', 2023, '41', '4116', '',"
        " '[]', 'rows', 'front_left', 30, 5, 120, 30, '[]', 2, 2, 0.1, '2023-01-01')"))
    connection.execute(text(
        "INSERT INTO levels (id, exam_id, code, name, short_name, sort_order)"
        " VALUES (1, 1, '1', '助理社会工作师', '初级', 0)"))


def test_a_database_of_the_first_revision_is_upgraded_with_its_data(db_url, backend):
    previous, head = revisions()[0], revisions()[-1]
    engine = create_examdesk_engine(resolve_database_url(db_url))
    upgrade_to(engine, previous)
    with engine.begin() as connection:
        insert_old_exam(connection)
        connection.execute(text(
            "INSERT INTO candidates (id, exam_id, registration_no, name, gender, id_type,"
            " id_number, level_id, work_unit, phone, district, needs_accessible_room,"
            " special_needs, status) VALUES (1, 1, 'R1', '𠮷田', 'female', 'resident_id',"
            " '411623197212119166', 1, '', '', '', false, '', 'active')"))
    assert "staff" not in inspect(engine).get_table_names()
    engine.dispose()

    database = open_database(db_url)
    try:
        assert current_revision(database.engine) == head
        assert schema_differences(database.engine) == []
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM candidates")).scalar_one() == "𠮷田"
            assert connection.execute(text("SELECT count(*) FROM staff")).scalar_one() == 0
            # settings added later get their defaults on the exam that was there
            assert tuple(connection.execute(text(
                "SELECT allocate_by_district, merge_tail_max FROM exams")).one()) == (False, 3)
        if backend == "sqlite":
            backup = database.backup_path
            assert backup is not None and backup.exists()
            copy = create_engine(f"sqlite:///{backup}")
            with copy.connect() as connection:
                assert connection.execute(
                    text("SELECT version_num FROM alembic_version")).scalar_one() == previous
                assert connection.execute(text("SELECT name FROM candidates")).scalar_one() \
                    == "𠮷田"
            copy.dispose()
        else:
            assert database.backup_path is None
    finally:
        database.close()


def test_opening_a_current_database_makes_no_backup(db_url, backend):
    open_database(db_url).close()
    again = open_database(db_url)
    assert again.backup_path is None
    again.close()
    if backend == "sqlite":
        assert not list(Path(resolve_database_url(db_url).database).parent.glob("*.bak"))


def test_a_database_written_by_a_newer_examdesk_is_refused_and_left_alone(db_url):
    open_database(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseTooNew, match="newer ExamDesk"):
        open_database(db_url)
    with engine.connect() as connection:  # untouched: still the future revision
        assert connection.execute(
            text("SELECT version_num FROM alembic_version")).scalar_one() == "9999_future"
    engine.dispose()


def test_a_database_with_foreign_tables_is_refused(db_url):
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(NotAnExamDeskDatabase, match="did not create"):
        open_database(db_url)


def test_sqlite_runs_with_foreign_keys_and_write_ahead_log(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    database.close()


def test_the_embedded_default_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("EXAMDESK_DB", raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert default_database_url() == f"sqlite:///{tmp_path / 'data' / 'examdesk.db'}"
    url = resolve_database_url(None)
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "data" / "examdesk.db")


def test_the_environment_variable_selects_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("EXAMDESK_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_database_url(None).database == str(tmp_path / "env.db")
    # an explicit URL wins over the environment
    assert resolve_database_url(f"sqlite:///{tmp_path / 'x.db'}").database \
        == str(tmp_path / "x.db")


def test_plain_postgresql_urls_use_psycopg_3():
    assert resolve_database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_a_bad_url_is_bad_input(url):
    with pytest.raises(BadInput):
        open_database(url)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the tables you are looking for" * 100)
    with pytest.raises(DatabaseError, match="Cannot open the database"):
        open_database(f"sqlite:///{path}")


def test_a_database_at_0004_with_posts_gets_the_new_kinds_and_standard_posts(db_url):
    engine = create_examdesk_engine(resolve_database_url(db_url))
    upgrade_to(engine, "0004")
    with engine.begin() as connection:
        insert_old_exam(connection)
        connection.execute(text(
            "INSERT INTO test_centers (id, exam_id, code, name, address, phone, contact,"
            " district, sort_order) VALUES (1, 1, '01', '一中', '', '0394-1', '', '', 0)"))
        connection.execute(text(
            "INSERT INTO posts (id, center_id, kind, name, place, required_headcount, phone,"
            " roles) VALUES (1, 1, 'medical', '', '医务室', 3, '', '[]')"))
        connection.execute(text(
            "INSERT INTO supply_rules (exam_id, post_kind, item, unit, per_candidates,"
            " per_staff, fixed) VALUES (1, 'medical', '急救箱', '个', 0, 0, 2)"))
        # the old constraint refuses the kinds 0005 brings
        with pytest.raises(IntegrityError), connection.begin_nested():
            connection.execute(text(
                "INSERT INTO posts (center_id, kind, name, place, required_headcount, phone,"
                " roles) VALUES (1, 'strong_room', '', '', 2, '', '[]')"))

    upgrade_to(engine, "0005")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT place FROM posts")).scalars().all() == ["医务室"]
        assert connection.execute(text("SELECT item FROM supply_rules")).scalar_one() == "急救箱"
        kinds = connection.execute(text(
            "SELECT kind FROM post_templates WHERE exam_id = 1 ORDER BY sort_order")).scalars()
        assert set(kinds) == {k.value for k in PostKind}
        for kind in ("strong_room", "exam_office", "security"):
            connection.execute(text(
                "INSERT INTO posts (center_id, kind, name, place, required_headcount, phone,"
                " roles) VALUES (1, :kind, '', '', 2, '', '[]')"), {"kind": kind})
            connection.execute(text(
                "INSERT INTO supply_rules (exam_id, post_kind, item, unit, per_candidates,"
                " per_staff, fixed) VALUES (1, :kind, '对讲机', '部', 0, 0, 1)"), {"kind": kind})
    for bad in ("'canteen'", "'medical'"):  # an unknown kind; a second medical post of 一中
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO posts (center_id, kind, name, place, required_headcount, phone,"
                f" roles) VALUES (1, {bad}, '', '', 2, '', '[]')"))
    engine.dispose()


def test_roving_duties_of_an_older_roster_name_their_floors_as_floors(demo_copy_url):
    # A roster written before 0007 named a roving invigilator's floor "教学楼A 3".
    engine = create_examdesk_engine(resolve_database_url(demo_copy_url))
    downgrade_to(engine, "0007")  # the later revisions' tables as they were
    rename = ("UPDATE duties SET floor = (SELECT DISTINCT r.building || ' ' || r.floor"
              " FROM rooms r WHERE r.center_id = duties.center_id"
              " AND r.building || ' ' || r.floor || '楼' = duties.floor) WHERE kind = 'roving'")
    with engine.begin() as connection:
        before = sorted(connection.execute(text(
            "SELECT DISTINCT floor FROM duties WHERE kind = 'roving'")).scalars())
        assert before and all(f.endswith("楼") for f in before)
        connection.execute(text(rename))
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
        legacy = sorted(connection.execute(text(
            "SELECT DISTINCT floor FROM duties WHERE kind = 'roving'")).scalars())
        assert legacy == sorted(f.removesuffix("楼") for f in before)
    engine.dispose()

    database = open_database(demo_copy_url)
    try:
        with database.engine.connect() as connection:
            after = sorted(connection.execute(text(
                "SELECT DISTINCT floor FROM duties WHERE kind = 'roving'")).scalars())
        assert after == before
    finally:
        database.close()


def test_the_revisions_read_from_file_names_are_alembics():
    from alembic.script import ScriptDirectory

    from examdesk.db.database import MIGRATIONS, known_revisions

    script = ScriptDirectory(str(MIGRATIONS))
    assert list(known_revisions()) == revisions()
    assert head_revision() == script.get_current_head()
    for previous, revision in zip(revisions(), revisions()[1:], strict=False):
        assert script.get_revision(revision).down_revision == previous


def test_opening_a_database_at_the_current_schema_does_not_load_alembic(db_url):
    import subprocess
    import sys

    open_database(db_url).close()
    code = ("import sys; from examdesk.db import open_database; "
            f"open_database({db_url!r}).close(); print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "False"
