"""Abbreviations of levels and subjects; the person who held a draw

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Levels and subjects get an editable list of abbreviations that imports accept (社工师 for
社会工作师). Exams that already exist get the common ones of the social worker exam, for
the levels and subjects that carry its names, as a new exam does
(examdesk/services/abbreviations.py; the list is copied here because a migration must not
change when that module does). A draw records its host; draws made before keep "" and their
sheets leave a line to write the host's name on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

#: name -> abbreviations, as examdesk/services/abbreviations.py had them at this revision
_LEVELS = {
    "助理社会工作师": ["助理社工师", "初级社会工作师", "初级社工师"],
    "社会工作师": ["社工师", "中级社会工作师", "中级社工师"],
}
_SUBJECTS = {
    "社会工作综合能力(初级)": ["初级综合能力", "综合能力(初级)"],
    "社会工作实务(初级)": ["初级实务", "实务(初级)"],
    "社会工作综合能力(中级)": ["中级综合能力", "综合能力(中级)"],
    "社会工作实务(中级)": ["中级实务", "实务(中级)"],
    "社会工作法规与政策": ["法规政策"],
}


def upgrade() -> None:
    for altered in ('levels', 'subjects'):
        with op.batch_alter_table(altered, schema=None) as batch_op:
            batch_op.add_column(sa.Column('abbreviations', sa.JSON(), nullable=False,
                                          server_default='[]'))
    with op.batch_alter_table('room_draws', schema=None) as batch_op:
        batch_op.add_column(sa.Column('host', sa.String(length=100), nullable=False,
                                      server_default=''))
    for table_name, seeds in (('levels', _LEVELS), ('subjects', _SUBJECTS)):
        table = sa.table(table_name, sa.column('name', sa.String()),
                         sa.column('abbreviations', sa.JSON()))
        for full_name, abbreviations in seeds.items():
            op.execute(table.update().where(table.c.name == full_name)
                       .values(abbreviations=abbreviations))


def downgrade() -> None:
    with op.batch_alter_table('room_draws', schema=None) as batch_op:
        batch_op.drop_column('host')
    for altered in ('subjects', 'levels'):
        with op.batch_alter_table(altered, schema=None) as batch_op:
            batch_op.drop_column('abbreviations')
