"""Opening an ExamDesk database: URL resolution, SQLite pragmas, backups and migrations."""

from __future__ import annotations

from sqlalchemy.orm import Session

from examdesk.db.database import (
    Database,
    default_database_url,
    open_database,
    resolve_database_url,
    sqlite_file,
)

# Session is the unit of work every service takes: a face hands one from Database.begin() or
# Database.write() to a service and names its type from here, never importing SQLAlchemy.
__all__ = ["Database", "Session", "default_database_url", "open_database",
           "resolve_database_url", "sqlite_file"]
