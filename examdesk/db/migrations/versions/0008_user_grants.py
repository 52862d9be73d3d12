"""Users hold roles per exam and per test center (user_grants), and lock after wrong passwords

Each user's one role and center move into a grant (for every exam, at that center or every
center); the users table loses them and gains what the lockout needs.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_ROLE = sa.Enum('admin', 'planner', 'desk', 'viewer', name='userrole', native_enum=False,
                create_constraint=True, length=15)


def upgrade() -> None:
    op.create_table('user_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', _ROLE, nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=True),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_user_grants_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_user_grants_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_grants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_grants'))
    )
    with op.batch_alter_table('user_grants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_grants_user_id'), ['user_id'], unique=False)

    # a desk's center stays its center (in that center's exam); any other role's too
    op.execute("INSERT INTO user_grants (user_id, role, exam_id, center_id) "
               "SELECT u.id, u.role, c.exam_id, u.center_id FROM users u "
               "LEFT JOIN test_centers c ON c.id = u.center_id ORDER BY u.id")

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_attempts', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_users_center_id_test_centers'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('ck_users_userrole'), type_='check')
        batch_op.drop_column('center_id')
        batch_op.drop_column('role')


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', _ROLE, server_default='viewer', nullable=False))
        batch_op.add_column(sa.Column('center_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_users_center_id_test_centers'),
                                    'test_centers', ['center_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_attempts')
    # one role each: the strongest grant held (the order of UserRole), at its center
    op.execute(
        "UPDATE users SET role = (SELECT g.role FROM user_grants g WHERE g.user_id = users.id "
        "ORDER BY CASE g.role WHEN 'admin' THEN 0 WHEN 'planner' THEN 1 WHEN 'desk' THEN 2 "
        "ELSE 3 END, g.id LIMIT 1) "
        "WHERE EXISTS (SELECT 1 FROM user_grants g WHERE g.user_id = users.id)")
    op.execute(
        "UPDATE users SET center_id = (SELECT g.center_id FROM user_grants g "
        "WHERE g.user_id = users.id AND g.role = users.role ORDER BY g.id LIMIT 1)")
    with op.batch_alter_table('user_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_grants_user_id'))
    op.drop_table('user_grants')
