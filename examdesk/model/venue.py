"""Test centers (考点) and their rooms (考场)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from examdesk.model.base import Base, json_default_list, version_column

if TYPE_CHECKING:
    from examdesk.model.exam import Exam


class TestCenter(Base):
    """A test center (考点), usually a school, with its rooms and posts."""

    __tablename__ = "test_centers"
    __test__ = False  # not a pytest test class, despite the name

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    contact: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    #: how candidates get there (buses, parking, the gate to use), for the candidate notice
    route: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    exam: Mapped[Exam] = relationship(back_populates="centers")
    rooms: Mapped[list[Room]] = relationship(
        back_populates="center", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("exam_id", "code"),
        UniqueConstraint("exam_id", "name"),
    )


class Room(Base):
    """An exam room: a grid of single desks, some of which may be unusable.

    ``unusable_seats`` holds ``[row, column]`` pairs (1-based, row 1 at the front);
    the capacity is derived from the grid, never typed in.
    """

    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: changes with every change of the row: a form's save is refused when it moved since
    #: the form read it (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    center_id: Mapped[int] = mapped_column(
        ForeignKey("test_centers.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(16))
    building: Mapped[str] = mapped_column(String(50), default="")
    floor: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(50), default="")
    rows: Mapped[int] = mapped_column(Integer)
    columns: Mapped[int] = mapped_column(Integer)
    unusable_seats: Mapped[list[list[int]]] = mapped_column(JSON, default=json_default_list)
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    spare: Mapped[bool] = mapped_column(Boolean, default=False)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    center: Mapped[TestCenter] = relationship(back_populates="rooms")

    __table_args__ = (
        UniqueConstraint("center_id", "code"),
        CheckConstraint("rows BETWEEN 1 AND 50", name="rows_range"),
        CheckConstraint("columns BETWEEN 1 AND 50", name="columns_range"),
    )

    @property
    def capacity(self) -> int:
        """Usable seats: the grid less its unusable seats."""
        return self.rows * self.columns - len(self.unusable_seats or [])
