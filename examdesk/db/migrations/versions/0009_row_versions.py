"""Rows that people edit carry a version, changed by every UPDATE (a trigger); a seat has
its own, which a candidate's form reads with the candidate's

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

The triggers live in the database so that no writer can forget them: the window's forms,
the commands, the bulk runs (allocation, roster, posts, draw, imports) and whatever SQL a
later migration runs. On SQLite a batch_alter_table of one of these tables recreates the
table without its triggers: such a migration must call _create_triggers again for it
(tests/core/services/test_versions.py checks that every writer moves the versions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# The tables whose rows people edit (docs/concurrency.md, "Row versions"), by their key.
TABLES = {'candidates': 'id', 'rooms': 'id', 'staff': 'id', 'duties': 'id', 'posts': 'id',
          'seat_assignments': 'candidate_id'}


def _create_triggers(table: str) -> None:
    key = TABLES[table]
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
            BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE {key} = NEW.{key}; END""")


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


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_version" + (f" ON {table}" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION examdesk_next_version()")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
