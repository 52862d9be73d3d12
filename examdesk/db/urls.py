"""Database URLs as a clerk gives and reads them: a file's path, a server's fields."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url

from examdesk.errors import BadInput
from examdesk.i18n import translate


def readable_url(url: URL | str) -> str:
    """Where a database is, as a clerk reads it: an SQLite file's path, a server database as
    user@server:port/database (no password, no connection options, names not %-encoded)."""
    parsed = url if isinstance(url, URL) else make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or ":memory:")
    user = f"{parsed.username}@" if parsed.username else ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"{user}{parsed.host or 'localhost'}{port}/{parsed.database or ''}"


def file_url(path: str | Path) -> str:
    """The URL of an SQLite database file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """The URL of a PostgreSQL database from the fields of a connection form."""
    if not host.strip() or not database.strip():
        raise BadInput(translate("Databases", "Enter the server's address and the database name."))
    url = URL.create("postgresql+psycopg", username=user.strip() or None,
                     password=password or None, host=host.strip(), port=port or None,
                     database=database.strip())
    return url.render_as_string(hide_password=False)


def with_connect_timeout(url: URL, seconds: int) -> URL:
    """A server URL that gives up connecting after ``seconds`` (a file URL as it is)."""
    if url.get_backend_name() == "sqlite" or "connect_timeout" in url.query:
        return url
    return url.update_query_dict({"connect_timeout": str(seconds)})
