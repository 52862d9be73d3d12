"""The temporary ID desk: a certificate records the issuing user's name, and its user row
only when the database has users; doubtful (存疑) candidates

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

A database without users (a single-user file) has no row to point at: ``issued_by_id`` becomes
nullable and ``issued_by`` keeps the name the audit trail records. The serial is unique
within the exam already (``uq_temp_id_certificates_exam_id_serial_no``) and starts with the
center's code, so it is unique within the exam and center.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('doubtful_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('confirmed_by', sa.String(length=50), nullable=False),
    sa.Column('second_confirmed_by', sa.String(length=50), nullable=False),
    sa.Column('cleared_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_doubtful_entries_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_doubtful_entries_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_doubtful_entries_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doubtful_entries'))
    )
    with op.batch_alter_table('doubtful_entries', schema=None) as batch_op:
        batch_op.create_index('ix_doubtful_entries_exam_id_center_id', ['exam_id', 'center_id'])
        batch_op.create_index(batch_op.f('ix_doubtful_entries_candidate_id'), ['candidate_id'])
    with op.batch_alter_table('temp_id_certificates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_by', sa.String(length=100), nullable=False,
                                      server_default=''))
        batch_op.alter_column('issued_by_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_index('ix_temp_id_certificates_exam_id_center_id',
                              ['exam_id', 'center_id'])


def downgrade() -> None:
    op.drop_table('doubtful_entries')
    with op.batch_alter_table('temp_id_certificates', schema=None) as batch_op:
        batch_op.drop_index('ix_temp_id_certificates_exam_id_center_id')
        batch_op.alter_column('issued_by_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('issued_by')
