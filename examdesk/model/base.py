"""Declarative base, the constraint naming convention, and column helpers."""

from __future__ import annotations

import enum
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Enum, MetaData, text
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names make Alembic migrations reproducible on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every ExamDesk table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_class: type[enum.Enum]) -> Enum:
    """A portable enum column: stored as its value, guarded by a CHECK constraint.

    Native PostgreSQL enum types would need their own migrations for every new value;
    a VARCHAR with a CHECK behaves the same on both backends.
    """
    return Enum(
        enum_class,
        name=enum_class.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        length=max(len(str(m.value)) for m in enum_class) + 8,
        values_callable=lambda e: [str(m.value) for m in e],
        validate_strings=True,
    )


def utcnow() -> datetime:
    """Now, in UTC, as stored in every timestamp column."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment, stored in UTC and read back aware of it, on both databases.

    PostgreSQL keeps ``timestamptz`` and returns aware datetimes. SQLite has no time zone
    type: SQLAlchemy writes the wall-clock digits of the value, whatever its zone, and reads
    back a naive datetime. Without this type a moment written in UTC read back naive, and
    ``.astimezone()`` took it for the desk's local time: on a desk in China (UTC+8) every time
    shown from an SQLite database was eight hours early. So here a value is turned to UTC
    before SQLite stores its digits, and a naive value read is marked UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None and dialect.name == "sqlite":
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None,
                             dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def timestamp() -> UtcDateTime:
    """A timestamp column type: a moment, in UTC (see :class:`UtcDateTime`)."""
    return UtcDateTime()


def json_default_list() -> list[Any]:
    """Default for JSON list columns (a fresh list each row)."""
    return []


def fresh_version() -> int:
    """The version a new row starts from: the clock in microseconds.

    A row deleted and written again under the same id (a roster run writes its duties anew,
    and SQLite gives the ids of the last rows deleted to the next ones) so never has the
    version that a form read before (docs/concurrency.md, "Row versions").
    """
    return time.time_ns() // 1000


def version_column() -> MappedColumn[int]:
    """A row's version: new rows start from :func:`fresh_version`; every UPDATE of the row
    adds one (a trigger of migration 0009, so bulk writers cannot forget it)."""
    return mapped_column(BigInteger, default=fresh_version, server_default=text("1"))
