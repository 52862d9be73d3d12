"""Developer tool: write a new migration from the difference between models and schema.

Usage: ``python -m examdesk.db.revision "what changed"``. It builds a scratch SQLite
database at the current head, compares it with the models and writes the revision file;
review it by hand (and check it on PostgreSQL) before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from examdesk.db.database import (
    _alembic_config,
    create_examdesk_engine,
    resolve_database_url,
    upgrade_to,
)


def main() -> None:
    """Write ``examdesk/db/migrations/versions/<rev>_<slug>.py``."""
    message = " ".join(sys.argv[1:]) or "schema change"
    with tempfile.TemporaryDirectory() as folder:
        engine = create_examdesk_engine(resolve_database_url(f"sqlite:///{Path(folder) / 'r.db'}"))
        upgrade_to(engine, "heads")
        with engine.begin() as connection:
            command.revision(_alembic_config(connection), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main()
