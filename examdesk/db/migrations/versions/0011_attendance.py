"""Attendance: a late mark, marks by a name (a database without users has no user row), and
each room's answer sheets and seal per session

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

No release wrote attendance_marks before this revision (no service used it), so the table is
made again rather than altered: its status CHECK gains 'late', which SQLite could only change
by copying the table anyway.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _marks(statuses: tuple[str, ...], *, by_name: bool) -> None:
    op.create_table('attendance_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum(*statuses, name='attendancestatus', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('id_check', sa.Enum('id_card', 'temp_certificate', 'other_document', name='idcheck', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=by_name),
    *([sa.Column('marked_by', sa.String(length=64), nullable=False)] if by_name else []),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_attendance_marks_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_attendance_marks_marked_by_id_users'), ondelete='SET NULL' if by_name else None),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_attendance_marks_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_marks')),
    sa.UniqueConstraint('candidate_id', 'session_id', name=op.f('uq_attendance_marks_candidate_id_session_id'))
    )
    with op.batch_alter_table('attendance_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_marks_session_id'), ['session_id'], unique=False)


def upgrade() -> None:
    op.drop_table('attendance_marks')
    _marks(('present', 'absent', 'late'), by_name=True)
    op.create_table('room_sittings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('answer_sheets', sa.Integer(), nullable=True),
    sa.Column('sealed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sealed_by', sa.String(length=64), nullable=False),
    sa.Column('seal_reason', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_room_sittings_room_id_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_room_sittings_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_sittings')),
    sa.UniqueConstraint('room_id', 'session_id', name=op.f('uq_room_sittings_room_id_session_id'))
    )
    with op.batch_alter_table('room_sittings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_sittings_session_id'), ['session_id'], unique=False)


def downgrade() -> None:
    op.drop_table('room_sittings')
    op.drop_table('attendance_marks')
    _marks(('present', 'absent'), by_name=False)
