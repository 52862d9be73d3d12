"""A temporary ID certificate's photo taken at the desk

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

The desk may take the candidate's photo (a file or the camera's newest image) instead of
printing the registration photo: it is kept with the certificate, as JPEG, and purged with
the exam's other photos. Nullable: a certificate without one prints the registration photo.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('temp_id_certificates', sa.Column('photo', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+), as 0013's downgrade
    op.execute('ALTER TABLE temp_id_certificates DROP COLUMN photo')
