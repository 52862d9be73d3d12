"""The candidate notice's phones and routes, and the hotline's call log

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

The exam's technical-service phone and consultation hotline, a test center's route (how
candidates get there), and the calls the hotline staff log. Independent of the other exam-day
tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('exams', sa.Column('tech_service_phone', sa.String(length=40),
                                     server_default='', nullable=False))
    op.add_column('exams', sa.Column('hotline_phone', sa.String(length=40),
                                     server_default='', nullable=False))
    op.add_column('test_centers', sa.Column('route', sa.Text(), server_default='',
                                            nullable=False))
    op.create_table(
        'hotline_calls',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('exam_id', sa.Integer(), nullable=False),
        sa.Column('called_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('caller_phone', sa.String(length=40), nullable=False),
        sa.Column('topic', sa.String(length=100), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('follow_up', sa.Text(), nullable=False),
        sa.Column('taken_by', sa.String(length=100), nullable=False),
        sa.Column('taken_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], ondelete='CASCADE',
                                name=op.f('fk_hotline_calls_exam_id_exams')),
        sa.ForeignKeyConstraint(['taken_by_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_hotline_calls_taken_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hotline_calls')),
    )
    op.create_index(op.f('ix_hotline_calls_exam_id'), 'hotline_calls', ['exam_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_hotline_calls_exam_id'), table_name='hotline_calls')
    op.drop_table('hotline_calls')
    # a plain DROP COLUMN (SQLite 3.35+): a batch would copy test_centers and exams, whose
    # rows other tables' foreign keys cascade from
    for table, column in (('test_centers', 'route'), ('exams', 'hotline_phone'),
                          ('exams', 'tech_service_phone')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
