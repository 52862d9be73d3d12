"""The audit trail outlives its exam: events keep the exam's code, and deleting the exam no
longer deletes them

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05

``audit_events.exam_id`` cascaded on delete, so deleting an exam (``examdesk demo
--replace``) deleted who changed its plan and who issued its certificates. The foreign key
now sets the column to NULL, and each event holds the exam's code (filled here from the
exams table; written by examdesk/services/audit.py ``record`` from now on), so an event
still names its exam once the exam is gone. Only audit_events changes: SQLite changes a
foreign key only by copying the table (nothing references audit_events), and the copy keeps
its primary key, both foreign keys and both indexes. The copy of a provincial trail (200,000
events) is measured by benchmarks/bench_audit.py ``--upgrade`` (docs/performance.md, "The
audit trail").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('exam_code', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.drop_constraint(batch_op.f('fk_audit_events_exam_id_exams'),
                                 type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_audit_events_exam_id_exams'), 'exams',
                                    ['exam_id'], ['id'], ondelete='SET NULL')
    op.execute('UPDATE audit_events SET exam_code = (SELECT exams.code FROM exams WHERE '
               'exams.id = audit_events.exam_id) WHERE exam_id IS NOT NULL')


def downgrade() -> None:
    # the events of exams deleted meanwhile stay, without their code (0015's shape)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_audit_events_exam_id_exams'),
                                 type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_audit_events_exam_id_exams'), 'exams',
                                    ['exam_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_column('exam_code')
