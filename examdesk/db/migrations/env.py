"""Alembic environment: always run on a connection that ExamDesk opened itself.

ExamDesk applies migrations when it opens a database (examdesk.db.database); there is no
alembic.ini. Developers make a new revision with ``python -m examdesk.db.revision "message"``.
"""

from __future__ import annotations

from alembic import context

from examdesk.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
