"""Staff and exam day: staff, posts, duties, users, audit, certificates, attendance, incidents

Everything that hangs off the plan made in 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('service_desk', 'water_supplies', 'route_guidance', 'item_storage', 'medical', 'temp_id_desk', 'power', 'radio_monitoring', name='postkind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=True),
    sa.Column('closes_at', sa.Time(), nullable=True),
    sa.Column('required_headcount', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.CheckConstraint('required_headcount >= 0', name=op.f('ck_posts_headcount')),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_posts_center_id_test_centers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posts'))
    )
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posts_center_id'), ['center_id'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('work_unit', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('home_center_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_staff_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['home_center_id'], ['test_centers.id'], name=op.f('fk_staff_home_center_id_test_centers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('exam_id', 'id_number', name=op.f('uq_staff_exam_id_id_number'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_home_center_id'), ['home_center_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=True),
    sa.Column('role', sa.Enum('admin', 'planner', 'desk', 'viewer', name='userrole', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_users_center_id_test_centers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('attendance_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('present', 'absent', name='attendancestatus', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('id_check', sa.Enum('id_card', 'temp_certificate', 'other_document', name='idcheck', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_attendance_marks_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_attendance_marks_marked_by_id_users')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_attendance_marks_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_marks')),
    sa.UniqueConstraint('candidate_id', 'session_id', name=op.f('uq_attendance_marks_candidate_id_session_id'))
    )
    with op.batch_alter_table('attendance_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_marks_session_id'), ['session_id'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_audit_events_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_exam_id'), ['exam_id'], unique=False)

    op.create_table('duties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('chief_examiner', 'deputy_chief', 'exam_office', 'confidential', 'inspector', 'invigilator', 'roving_invigilator', 'medical', 'volunteer', 'police', 'power', 'radio', name='staffrole', native_enum=False, create_constraint=True, length=26), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('floor', sa.String(length=50), nullable=False),
    sa.Column('is_lead', sa.Boolean(), nullable=False),
    sa.CheckConstraint('room_id IS NULL OR post_id IS NULL', name=op.f('ck_duties_room_or_post')),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_duties_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_duties_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_duties_room_id_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_duties_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_duties_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duties')),
    sa.UniqueConstraint('staff_id', 'session_id', name=op.f('uq_duties_staff_id_session_id'))
    )
    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duties_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duties_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duties_room_id'), ['room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duties_session_id'), ['session_id'], unique=False)
        batch_op.create_index('uq_duties_room_lead', ['room_id', 'session_id'], unique=True, sqlite_where=sa.text('is_lead = 1'), postgresql_where=sa.text('is_lead'))

    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('cheating', 'paper', 'illness', 'late_arrival', 'disturbance', 'equipment', 'other', name='incidentkind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('action_taken', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_incidents_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_incidents_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_incidents_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_incidents_reported_by_id_users')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_incidents_room_id_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_incidents_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_exam_id'), ['exam_id'], unique=False)

    op.create_table('post_supplies',
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=100), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_post_supplies_quantity')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_supplies_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', 'item', name=op.f('pk_post_supplies'))
    )
    op.create_table('staff_relatives',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('relation', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_relatives_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'id_number', name=op.f('pk_staff_relatives'))
    )
    op.create_table('staff_roles',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('chief_examiner', 'deputy_chief', 'exam_office', 'confidential', 'inspector', 'invigilator', 'roving_invigilator', 'medical', 'volunteer', 'police', 'power', 'radio', name='staffrole', native_enum=False, create_constraint=True, length=26), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_roles_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'role', name=op.f('pk_staff_roles'))
    )
    op.create_table('temp_id_certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('serial_no', sa.String(length=32), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.Column('officer_name', sa.String(length=50), nullable=False),
    sa.Column('police_unit', sa.String(length=100), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('valid', 'void', name='certificatestatus', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_temp_id_certificates_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_temp_id_certificates_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_temp_id_certificates_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_temp_id_certificates_issued_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_temp_id_certificates')),
    sa.UniqueConstraint('exam_id', 'serial_no', name=op.f('uq_temp_id_certificates_exam_id_serial_no'))
    )
    with op.batch_alter_table('temp_id_certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_temp_id_certificates_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('certificate_sessions',
    sa.Column('certificate_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['certificate_id'], ['temp_id_certificates.id'], name=op.f('fk_certificate_sessions_certificate_id_temp_id_certificates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_certificate_sessions_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('certificate_id', 'session_id', name=op.f('pk_certificate_sessions'))
    )


def downgrade() -> None:
    op.drop_table('certificate_sessions')
    with op.batch_alter_table('temp_id_certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_temp_id_certificates_candidate_id'))

    op.drop_table('temp_id_certificates')
    op.drop_table('staff_roles')
    op.drop_table('staff_relatives')
    op.drop_table('post_supplies')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_exam_id'))

    op.drop_table('incidents')
    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.drop_index('uq_duties_room_lead', sqlite_where=sa.text('is_lead = 1'), postgresql_where=sa.text('is_lead'))
        batch_op.drop_index(batch_op.f('ix_duties_session_id'))
        batch_op.drop_index(batch_op.f('ix_duties_room_id'))
        batch_op.drop_index(batch_op.f('ix_duties_post_id'))
        batch_op.drop_index(batch_op.f('ix_duties_center_id'))

    op.drop_table('duties')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_exam_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    with op.batch_alter_table('attendance_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_marks_session_id'))

    op.drop_table('attendance_marks')
    op.drop_table('users')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_home_center_id'))

    op.drop_table('staff')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posts_center_id'))

    op.drop_table('posts')
