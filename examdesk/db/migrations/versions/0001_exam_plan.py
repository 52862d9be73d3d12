"""The exam plan: exams, levels, subjects, sessions, centers, rooms, candidates, seats

The first ExamDesk schema.

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=False),
    sa.Column('city_code', sa.String(length=4), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('ticket_pattern', sa.JSON(), nullable=False),
    sa.Column('seat_order', sa.Enum('rows', 'snake', name='seatorder', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('first_seat_corner', sa.Enum('front_left', 'front_right', 'back_left', 'back_right', name='corner', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('admit_before_minutes', sa.Integer(), nullable=False),
    sa.Column('entry_cutoff_minutes', sa.Integer(), nullable=False),
    sa.Column('early_leave_minutes', sa.Integer(), nullable=False),
    sa.Column('absence_record_minutes', sa.Integer(), nullable=False),
    sa.Column('accepted_id_types', sa.JSON(), nullable=False),
    sa.Column('invigilators_per_room', sa.Integer(), nullable=False),
    sa.Column('max_sessions_per_invigilator', sa.Integer(), nullable=False),
    sa.Column('reserve_ratio', sa.Float(), nullable=False),
    sa.Column('allocation_seed', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('admit_before_minutes >= 0', name=op.f('ck_exams_admit_before')),
    sa.CheckConstraint('entry_cutoff_minutes >= 0', name=op.f('ck_exams_entry_cutoff')),
    sa.CheckConstraint('invigilators_per_room >= 1', name=op.f('ck_exams_invigilators_per_room')),
    sa.CheckConstraint('max_sessions_per_invigilator >= 1', name=op.f('ck_exams_max_sessions')),
    sa.CheckConstraint('reserve_ratio >= 0 AND reserve_ratio < 1', name=op.f('ck_exams_reserve_ratio')),
    sa.CheckConstraint('year BETWEEN 2000 AND 2100', name=op.f('ck_exams_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exams')),
    sa.UniqueConstraint('code', name=op.f('uq_exams_code'))
    )
    op.create_table('exam_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.CheckConstraint('end_time > start_time', name=op.f('ck_exam_sessions_ends_after_start')),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_exam_sessions_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_sessions')),
    sa.UniqueConstraint('exam_id', 'code', name=op.f('uq_exam_sessions_exam_id_code'))
    )
    with op.batch_alter_table('exam_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_sessions_exam_id'), ['exam_id'], unique=False)

    op.create_table('levels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_levels_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_levels')),
    sa.UniqueConstraint('exam_id', 'code', name=op.f('uq_levels_exam_id_code')),
    sa.UniqueConstraint('exam_id', 'name', name=op.f('uq_levels_exam_id_name'))
    )
    with op.batch_alter_table('levels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_levels_exam_id'), ['exam_id'], unique=False)

    op.create_table('test_centers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('contact', sa.String(length=50), nullable=False),
    sa.Column('district', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_test_centers_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_test_centers')),
    sa.UniqueConstraint('exam_id', 'code', name=op.f('uq_test_centers_exam_id_code')),
    sa.UniqueConstraint('exam_id', 'name', name=op.f('uq_test_centers_exam_id_name'))
    )
    with op.batch_alter_table('test_centers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_test_centers_exam_id'), ['exam_id'], unique=False)

    op.create_table('candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('registration_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('id_type', sa.Enum('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent', 'social_security', 'other', name='idtype', native_enum=False, create_constraint=True, length=25), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('work_unit', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('district', sa.String(length=50), nullable=False),
    sa.Column('needs_accessible_room', sa.Boolean(), nullable=False),
    sa.Column('special_needs', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('active', 'withdrawn', name='candidatestatus', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_candidates_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['level_id'], ['levels.id'], name=op.f('fk_candidates_level_id_levels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidates')),
    sa.UniqueConstraint('exam_id', 'id_number', name=op.f('uq_candidates_exam_id_id_number')),
    sa.UniqueConstraint('exam_id', 'registration_no', name=op.f('uq_candidates_exam_id_registration_no'))
    )
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidates_level_id'), ['level_id'], unique=False)

    op.create_table('rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('building', sa.String(length=50), nullable=False),
    sa.Column('floor', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=50), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('columns', sa.Integer(), nullable=False),
    sa.Column('unusable_seats', sa.JSON(), nullable=False),
    sa.Column('accessible', sa.Boolean(), nullable=False),
    sa.Column('spare', sa.Boolean(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('columns BETWEEN 1 AND 50', name=op.f('ck_rooms_columns_range')),
    sa.CheckConstraint('rows BETWEEN 1 AND 50', name=op.f('ck_rooms_rows_range')),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_rooms_center_id_test_centers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms')),
    sa.UniqueConstraint('center_id', 'code', name=op.f('uq_rooms_center_id_code'))
    )
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rooms_center_id'), ['center_id'], unique=False)

    op.create_table('subjects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['level_id'], ['levels.id'], name=op.f('fk_subjects_level_id_levels'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subjects')),
    sa.UniqueConstraint('level_id', 'code', name=op.f('uq_subjects_level_id_code')),
    sa.UniqueConstraint('level_id', 'name', name=op.f('uq_subjects_level_id_name'))
    )
    with op.batch_alter_table('subjects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subjects_level_id'), ['level_id'], unique=False)

    op.create_table('candidate_photos',
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(length=32), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_candidate_photos_candidate_id_candidates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('candidate_id', name=op.f('pk_candidate_photos'))
    )
    op.create_table('candidate_subjects',
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_candidate_subjects_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['subjects.id'], name=op.f('fk_candidate_subjects_subject_id_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('candidate_id', 'subject_id', name=op.f('pk_candidate_subjects'))
    )
    op.create_table('retired_tickets',
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_retired_tickets_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_retired_tickets_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('exam_id', 'ticket_no', name=op.f('pk_retired_tickets'))
    )
    op.create_table('seat_assignments',
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('seat_no', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.CheckConstraint('seat_no >= 1', name=op.f('ck_seat_assignments_seat_no_positive')),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_seat_assignments_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_seat_assignments_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_seat_assignments_room_id_rooms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('candidate_id', name=op.f('pk_seat_assignments')),
    sa.UniqueConstraint('exam_id', 'ticket_no', name=op.f('uq_seat_assignments_exam_id_ticket_no')),
    sa.UniqueConstraint('room_id', 'seat_no', name=op.f('uq_seat_assignments_room_id_seat_no'))
    )
    op.create_table('session_subjects',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_session_subjects_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['subjects.id'], name=op.f('fk_session_subjects_subject_id_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'subject_id', name=op.f('pk_session_subjects'))
    )


def downgrade() -> None:
    op.drop_table('session_subjects')
    op.drop_table('seat_assignments')
    op.drop_table('retired_tickets')
    op.drop_table('candidate_subjects')
    op.drop_table('candidate_photos')
    with op.batch_alter_table('subjects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subjects_level_id'))

    op.drop_table('subjects')
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rooms_center_id'))

    op.drop_table('rooms')
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidates_level_id'))

    op.drop_table('candidates')
    with op.batch_alter_table('test_centers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_test_centers_exam_id'))

    op.drop_table('test_centers')
    with op.batch_alter_table('levels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_levels_exam_id'))

    op.drop_table('levels')
    with op.batch_alter_table('exam_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_sessions_exam_id'))

    op.drop_table('exam_sessions')
    op.drop_table('exams')
