"""Scratch databases for benchmarks: a fresh SQLite file, or a fresh database on a server."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

# Loads the demo exam at a scale into a database (a child process: its memory is not the
# benchmark's).
LOAD_DEMO = """
import sys
from examdesk.db import open_database
from examdesk.services import demo
from examdesk.services.audit import Actor
db = open_database(sys.argv[1])
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=int(sys.argv[2]))
"""


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


def demo_databases(description: str) -> Iterator[tuple[int | None, str]]:
    """The command line of a benchmark over the demo (``--scales``, ``--db-server``, ``--db``):
    for each scale, (scale, url) of a fresh database holding the demo at that scale, dropped
    after; with ``--db``, (None, that database) once."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--db-server", metavar="URL", help="a PostgreSQL server to use")
    parser.add_argument("--db", metavar="URL", help="an existing database to read")
    args = parser.parse_args()
    if args.db:
        yield None, args.db
        return
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, name = fresh_url(args.db_server, Path(folder))
            try:
                subprocess.run([sys.executable, "-c", LOAD_DEMO, url, str(scale)], check=True)
                yield scale, url
            finally:
                drop(args.db_server, name)
