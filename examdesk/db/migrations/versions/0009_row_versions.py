"""Rows that people edit carry a version, changed by every UPDATE (a trigger), and a seat's
change changes its candidate's version

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-05

The triggers live in the database so that no writer can forget them: the window's forms,
the commands, the bulk runs (allocation, roster, posts, draw, imports) and whatever SQL a
later migration runs. On SQLite a batch_alter_table of one of these tables recreates the
table without its triggers: such a migration must call _create_triggers again for it
(tests/core/test_versions.py checks every version after the last migration).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None

# The tables whose rows people edit (docs/concurrency.md, "Row versions").
TABLES = ('candidates', 'rooms', 'staff', 'duties', 'posts')


def _create_triggers(table: str) -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"""
            CREATE TRIGGER {table}_version BEFORE UPDATE ON {table} FOR EACH ROW
            WHEN (NEW.version = OLD.version) EXECUTE FUNCTION examdesk_next_version()""")
    else:
        # AFTER, since SQLite cannot change NEW; the inner UPDATE changes the version, so
        # the WHEN keeps it from firing again even with recursive triggers on
        op.execute(f"""
            CREATE TRIGGER {table}_version AFTER UPDATE ON {table} FOR EACH ROW
            WHEN NEW.version = OLD.version
            BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END""")


def _create_seat_triggers() -> None:
    """A seat given, moved or taken changes its candidate's version."""
    if op.get_bind().dialect.name == 'postgresql':
        # once per statement (an allocation writes a hundred thousand seats with one COPY)
        for event, rows in (('INSERT', 'NEW'), ('DELETE', 'OLD'), ('UPDATE', 'NEW')):
            op.execute(f"""
                CREATE FUNCTION examdesk_seat_{event.lower()}() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE candidates SET version = version + 1
                    WHERE id IN (SELECT candidate_id FROM changed_seats);
                    RETURN NULL;
                END $$""")
            op.execute(f"""
                CREATE TRIGGER seat_assignments_{event.lower()} AFTER {event}
                ON seat_assignments REFERENCING {rows} TABLE AS changed_seats
                FOR EACH STATEMENT EXECUTE FUNCTION examdesk_seat_{event.lower()}()""")
        return
    for event, ids in (('INSERT', 'NEW.candidate_id'), ('DELETE', 'OLD.candidate_id'),
                       ('UPDATE', 'OLD.candidate_id, NEW.candidate_id')):
        op.execute(f"""
            CREATE TRIGGER seat_assignments_{event.lower()} AFTER {event}
            ON seat_assignments FOR EACH ROW
            BEGIN UPDATE candidates SET version = version + 1 WHERE id IN ({ids}); END""")


def upgrade() -> None:
    for table in TABLES:
        # a plain ADD COLUMN on SQLite too: no copy of a hundred thousand candidates
        op.add_column(table, sa.Column('version', sa.BigInteger(), nullable=False,
                                       server_default=sa.text('1')))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            CREATE FUNCTION examdesk_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.version := OLD.version + 1;
                RETURN NEW;
            END $$""")
    for table in TABLES:
        _create_triggers(table)
    _create_seat_triggers()


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for event in ('insert', 'delete', 'update'):
        op.execute(f"DROP TRIGGER seat_assignments_{event}"
                   + (" ON seat_assignments" if postgresql else ""))
        if postgresql:
            op.execute(f"DROP FUNCTION examdesk_seat_{event}()")
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_version" + (f" ON {table}" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION examdesk_next_version()")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
