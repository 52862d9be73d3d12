"""Roving duties name their floor as staff do ("教学楼A 3楼", not "教学楼A 3"), in a wider column

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _names(connection: sa.Connection) -> list[tuple[int, str, str]]:
    """(center, old name, new name) of every floor that has rooms.

    The new name is examdesk.labels.floor_name's, written out here: a migration must not
    change when the code does.
    """
    names = []
    for center, building, floor in connection.execute(sa.text(
            "SELECT DISTINCT center_id, building, floor FROM rooms WHERE floor IS NOT NULL")):
        old = f"{building} {floor}".strip()
        new = " ".join(p for p in (building, f"{floor}楼" if floor > 0 else f"地下{-floor}层") if p)
        names.append((center, old, new))
    return names


def _rename(connection: sa.Connection, renames: list[tuple[int, str, str]]) -> None:
    for center, before, after in renames:
        connection.execute(sa.text(
            "UPDATE duties SET floor = :after "
            "WHERE kind = 'roving' AND center_id = :center AND floor = :before"
        ), {"after": after, "center": center, "before": before})


def upgrade() -> None:
    # A 50-character building and its floor no longer fit 50 characters.
    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.alter_column('floor', existing_type=sa.VARCHAR(length=50),
                              type_=sa.String(length=80), existing_nullable=False)
    connection = op.get_bind()
    _rename(connection, _names(connection))


def downgrade() -> None:
    connection = op.get_bind()
    _rename(connection, [(center, new, old) for center, old, new in _names(connection)])
    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.alter_column('floor', existing_type=sa.String(length=80),
                              type_=sa.VARCHAR(length=50), existing_nullable=False)
