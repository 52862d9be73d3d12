"""Attendance marks carry their room, so that the live board counts them without the seats

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-05

The 看板 tab counts a sitting's marks per test center every few seconds; joined to their
candidates' seats that read took 83 ms on PostgreSQL at provincial scale (docs/performance.md,
"The live board (issue 14)"). A mark now holds the room its candidate sits in (filled here
from the seat assignments; a candidate without a seat leaves it empty), indexed for the
board's count by session, room and status. Only attendance_marks changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a foreign key only by copying the table (a leaf: nothing
    # references attendance_marks)
    with op.batch_alter_table('attendance_marks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('room_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_attendance_marks_room_id_rooms'), 'rooms',
                                    ['room_id'], ['id'], ondelete='SET NULL')
        batch_op.create_index('ix_attendance_marks_session_id_room_id_status',
                              ['session_id', 'room_id', 'status'], unique=False)
    op.execute('UPDATE attendance_marks SET room_id = (SELECT seat_assignments.room_id FROM '
               'seat_assignments WHERE seat_assignments.candidate_id = '
               'attendance_marks.candidate_id)')


def downgrade() -> None:
    with op.batch_alter_table('attendance_marks', schema=None) as batch_op:
        batch_op.drop_index('ix_attendance_marks_session_id_room_id_status')
        batch_op.drop_constraint(batch_op.f('fk_attendance_marks_room_id_rooms'),
                                 type_='foreignkey')
        batch_op.drop_column('room_id')
