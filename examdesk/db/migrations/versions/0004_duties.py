"""Duties: kinds and locks, the morning draw, supply ratios, post roles, cross-center staff

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('supply_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('post_kind', sa.Enum('service_desk', 'water_supplies', 'route_guidance', 'item_storage', 'medical', 'temp_id_desk', 'power', 'radio_monitoring', name='postkind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('item', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('per_candidates', sa.Float(), nullable=False),
    sa.Column('per_staff', sa.Float(), nullable=False),
    sa.Column('fixed', sa.Integer(), nullable=False),
    sa.CheckConstraint('per_candidates >= 0 AND per_staff >= 0 AND fixed >= 0',
                       name=op.f('ck_supply_rules_amounts')),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_supply_rules_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supply_rules')),
    sa.UniqueConstraint('exam_id', 'post_kind', 'item', name=op.f('uq_supply_rules_exam_id_post_kind_item'))
    )
    with op.batch_alter_table('supply_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supply_rules_exam_id'), ['exam_id'], unique=False)

    op.create_table('room_draws',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('drawn_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_room_draws_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_room_draws_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_room_draws_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_draws'))
    )
    with op.batch_alter_table('room_draws', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_draws_exam_id'), ['exam_id'], unique=False)

    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('room', 'roving', 'inspector', 'reserve', 'post', name='dutykind', native_enum=False, create_constraint=True, length=17), nullable=False, server_default='room'))
        batch_op.add_column(sa.Column('locked', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))

    with op.batch_alter_table('exams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cross_center_duties', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roles', sa.JSON(), nullable=False,
                                      server_default='[]'))



def downgrade() -> None:
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('roles')

    with op.batch_alter_table('exams', schema=None) as batch_op:
        batch_op.drop_column('cross_center_duties')

    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.drop_column('locked')
        batch_op.drop_column('kind')

    with op.batch_alter_table('room_draws', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_draws_exam_id'))

    op.drop_table('room_draws')
    with op.batch_alter_table('supply_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supply_rules_exam_id'))

    op.drop_table('supply_rules')
