"""Post templates per exam, posts known by center, kind and name, three new kinds of post

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

The kinds of post are a VARCHAR with a CHECK constraint (examdesk/model/base.py
enum_column): the new kinds (security, strong_room, exam_office) need the constraints of
posts and supply_rules rewritten; SQLite does that by copying the table (batch mode). Every
exam already in the database gets the standard posts as its templates (a frozen copy of
examdesk/planning/post_templates.py as it was at this revision); its centers keep their posts,
and `examdesk posts init` adds the missing ones.
"""

from __future__ import annotations

from datetime import time

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD_KINDS = ('service_desk', 'water_supplies', 'route_guidance', 'item_storage', 'medical',
             'temp_id_desk', 'power', 'radio_monitoring')
NEW_KINDS = (*OLD_KINDS, 'security', 'strong_room', 'exam_office')

#: kind, place, opens, closes, headcount, roles, supplies (item, quantity, unit)
TEMPLATES: tuple[tuple[str, str, str, str, int, list[str], list[tuple[str, int, str]]], ...] = (
    ('service_desk', '考点大门内侧', '07:30', '17:00', 4, [],
     [('2B铅笔', 100, '支'), ('橡皮', 100, '块'), ('黑色签字笔', 100, '支'), ('口罩', 300, '个')]),
    ('water_supplies', '考点大门内侧服务台旁', '07:30', '17:00', 2, [],
     [('饮用水', 1200, '瓶'), ('纸杯', 500, '个')]),
    ('route_guidance', '教学楼入口', '07:30', '15:00', 2, [], []),
    ('item_storage', '考点大门东侧', '07:30', '17:00', 2, [],
     [('物品存放袋', 600, '个'), ('号码牌', 600, '个')]),
    ('medical', '考点医务室', '07:30', '17:00', 3, [],
     [('急救箱', 2, '个'), ('AED除颤仪', 1, '台'), ('担架', 1, '副'), ('血压计', 1, '台'),
      ('藿香正气水', 50, '支'), ('创可贴', 100, '片')]),
    ('temp_id_desk', '考点大门外西侧', '07:30', '14:30', 2, [],
     [('临时身份证明表', 100, '张'), ('印泥', 2, '盒')]),
    ('security', '考点大门及周边道路', '07:00', '17:30', 2, [],
     [('警戒带', 2, '卷'), ('对讲机', 2, '部')]),
    ('power', '考点配电室', '07:00', '17:30', 1, [], [('应急照明灯', 10, '台')]),
    ('radio_monitoring', '考点楼顶监测点', '07:00', '17:00', 1, [], [('无线电监测车', 1, '辆')]),
    ('strong_room', '考点保密室', '06:30', '17:30', 2, [],
     [('保密柜', 1, '个'), ('视频监控', 1, '套'), ('试卷交接单', 20, '张')]),
    ('exam_office', '考点考务办公室', '07:00', '17:30', 3, [],
     [('对讲机', 10, '部'), ('备用文具', 1, '套')]),
)


def _kind(kinds: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*kinds, name='postkind', native_enum=False, create_constraint=True,
                   length=24)


def _check(kinds: tuple[str, ...], column: str) -> str:
    return f"{column} IN ({', '.join(repr(k) for k in kinds)})"


def _rewrite_kind_checks(kinds: tuple[str, ...]) -> None:
    for table, column in (('posts', 'kind'), ('supply_rules', 'post_kind')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'ck_{table}_postkind'), type_='check')
            batch_op.create_check_constraint(batch_op.f(f'ck_{table}_postkind'),
                                            _check(kinds, column))


def upgrade() -> None:
    _rewrite_kind_checks(NEW_KINDS)
    op.create_table('post_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('kind', _kind(NEW_KINDS), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=True),
    sa.Column('closes_at', sa.Time(), nullable=True),
    sa.Column('required_headcount', sa.Integer(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('supplies', sa.JSON(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('required_headcount >= 0', name=op.f('ck_post_templates_headcount')),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_post_templates_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_templates')),
    sa.UniqueConstraint('exam_id', 'kind', 'name', name=op.f('uq_post_templates_exam_id_kind_name'))
    )
    with op.batch_alter_table('post_templates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_templates_exam_id'), ['exam_id'], unique=False)

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_posts_center_id_kind_name'), ['center_id', 'kind', 'name'])

    _seed_templates()


def _seed_templates() -> None:
    table = sa.table(
        'post_templates', sa.column('exam_id', sa.Integer()), sa.column('kind', sa.String()),
        sa.column('name', sa.String()), sa.column('place', sa.String()),
        sa.column('opens_at', sa.Time()), sa.column('closes_at', sa.Time()),
        sa.column('required_headcount', sa.Integer()), sa.column('roles', sa.JSON()),
        sa.column('supplies', sa.JSON()), sa.column('sort_order', sa.Integer()))
    connection = op.get_bind()
    exams = connection.execute(sa.text('SELECT id FROM exams ORDER BY id')).scalars().all()
    rows = [
        {'exam_id': exam_id, 'kind': kind, 'name': '', 'place': place,
         'opens_at': _time(opens), 'closes_at': _time(closes), 'required_headcount': headcount,
         'roles': roles, 'sort_order': order,
         'supplies': [{'item': i, 'quantity': q, 'unit': u} for i, q, u in supplies]}
        for exam_id in exams
        for order, (kind, place, opens, closes, headcount, roles, supplies) in enumerate(TEMPLATES)
    ]
    if rows:
        op.bulk_insert(table, rows)


def _time(text: str) -> time:
    hours, minutes = text.split(':')
    return time(int(hours), int(minutes))


def downgrade() -> None:
    connection = op.get_bind()
    # posts of the new kinds cannot be kept under the old constraint
    connection.execute(sa.text(
        "DELETE FROM posts WHERE kind IN ('security', 'strong_room', 'exam_office')"))
    connection.execute(sa.text(
        "DELETE FROM supply_rules WHERE post_kind IN ('security', 'strong_room', 'exam_office')"))
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_posts_center_id_kind_name'), type_='unique')

    with op.batch_alter_table('post_templates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_templates_exam_id'))

    op.drop_table('post_templates')
    _rewrite_kind_checks(OLD_KINDS)
