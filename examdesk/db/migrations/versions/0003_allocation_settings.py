"""Allocation settings: seat candidates by district, merge a level's nearly empty last room

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # server defaults fill the exams that already exist (the columns are NOT NULL)
    with op.batch_alter_table('exams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('allocate_by_district', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('merge_tail_max', sa.Integer(), nullable=False,
                                      server_default='3'))
        batch_op.create_check_constraint(
            op.f('ck_exams_merge_tail_max'), 'merge_tail_max BETWEEN 0 AND 10')


def downgrade() -> None:
    with op.batch_alter_table('exams', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_exams_merge_tail_max'), type_='check')
        batch_op.drop_column('merge_tail_max')
        batch_op.drop_column('allocate_by_district')
