"""Opening an ExamDesk database: URL resolution, SQLite pragmas, backups and migrations."""

from __future__ import annotations

from examdesk.db.database import (
    Database,
    default_database_url,
    open_database,
    resolve_database_url,
)

__all__ = ["Database", "default_database_url", "open_database", "resolve_database_url"]
