"""Scratch databases for benchmarks: a fresh SQLite file, or a fresh database on a server."""

from __future__ import annotations

import uuid
from pathlib import Path


def fresh_url(server: str | None, folder: Path) -> tuple[str, str | None]:
    if not server:
        return f"sqlite:///{folder / f'bench-{uuid.uuid4().hex[:6]}.db'}", None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"examdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False), name


def drop(server: str | None, name: str | None) -> None:
    if server and name:
        from sqlalchemy import create_engine, text

        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
