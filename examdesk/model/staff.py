"""Staff, the posts they man, and their duties per session."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from examdesk.enums import DutyKind, Gender, PostKind, StaffRole
from examdesk.model.base import (
    Base,
    enum_column,
    json_default_list,
    timestamp,
    utcnow,
    version_column,
)
from examdesk.model.venue import Room, TestCenter


class Staff(Base):
    """A person working the exam: invigilator, chief examiner, volunteer, police officer..."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: changes with every change of the row: a form's save is refused when it moved since
    #: the form read it (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    id_number: Mapped[str] = mapped_column(String(32))
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    home_center_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_centers.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    home_center: Mapped[TestCenter | None] = relationship()
    roles: Mapped[list[StaffRoleAssignment]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    relatives: Mapped[list[StaffRelative]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (UniqueConstraint("exam_id", "id_number"),)


class StaffRoleAssignment(Base):
    """One of the roles a staff member may take (a person may hold several)."""

    __tablename__ = "staff_roles"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole), primary_key=True)


class StaffRelative(Base):
    """The ID number of a relative of a staff member who sits the exam (回避)."""

    __tablename__ = "staff_relatives"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    id_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    relation: Mapped[str] = mapped_column(String(50), default="")


class PostValues:
    """What a post and a standard post (template) both describe."""

    kind: Mapped[PostKind] = mapped_column(enum_column(PostKind))
    name: Mapped[str] = mapped_column(String(100), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    opens_at: Mapped[time | None] = mapped_column(Time)
    closes_at: Mapped[time | None] = mapped_column(Time)
    required_headcount: Mapped[int] = mapped_column(Integer, default=1)
    #: roles that may fill the post (StaffRole values); empty = the usual roles of its kind
    roles: Mapped[list[str]] = mapped_column(JSON, default=json_default_list)


class Post(PostValues, Base):
    """A service or support post at a test center (service desk, medical post, ...)."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: changes with every change of the row: a form's save is refused when it moved since
    #: the form read it (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    center_id: Mapped[int] = mapped_column(
        ForeignKey("test_centers.id", ondelete="CASCADE"), index=True
    )
    phone: Mapped[str] = mapped_column(String(40), default="")

    center: Mapped[TestCenter] = relationship()
    supplies: Mapped[list[PostSupply]] = relationship(
        back_populates="post", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("required_headcount >= 0", name="headcount"),
        # a post is known by its center, kind and name: imports and `posts init` match on it
        UniqueConstraint("center_id", "kind", "name"),
    )


class PostTemplate(PostValues, Base):
    """One of an exam's standard posts, created at every test center (editable per exam).

    A post made from it copies these values; changing the template later changes no post.
    """

    __tablename__ = "post_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    #: what the post keeps: [{"item": ..., "quantity": ..., "unit": ...}, ...]
    supplies: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=json_default_list)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("exam_id", "kind", "name"),
        CheckConstraint("required_headcount >= 0", name="headcount"),
    )


class PostSupply(Base):
    """Supplies a post keeps, with quantities (water, masks, first-aid kits...)."""

    __tablename__ = "post_supplies"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    item: Mapped[str] = mapped_column(String(100), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    unit: Mapped[str] = mapped_column(String(20), default="")

    post: Mapped[Post] = relationship(back_populates="supplies")

    __table_args__ = (CheckConstraint("quantity >= 0", name="quantity"),)


class Duty(Base):
    """A staff member's job in one session: a room, a post, a floor (roving) or the center.

    A person has one duty per session; a room has at most one lead (考场负责人) per session.
    """

    __tablename__ = "duties"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: changes with every change of the row: a form's save is refused when it moved since
    #: the form read it (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_centers.id", ondelete="CASCADE"), index=True
    )
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), index=True
    )
    #: the roving duty's floor as labels.floor_name gives it, e.g. "教学楼A 3楼"
    floor: Mapped[str] = mapped_column(String(80), default="")
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[DutyKind] = mapped_column(enum_column(DutyKind), default=DutyKind.ROOM)
    #: set by hand (a replacement, an assignment fixed by the chief examiner): solving again
    #: keeps it
    locked: Mapped[bool] = mapped_column(Boolean, default=False)

    staff: Mapped[Staff] = relationship()
    room: Mapped[Room | None] = relationship()
    post: Mapped[Post | None] = relationship()

    __table_args__ = (
        UniqueConstraint("staff_id", "session_id"),
        CheckConstraint("room_id IS NULL OR post_id IS NULL", name="room_or_post"),
        Index(
            "uq_duties_room_lead",
            "room_id",
            "session_id",
            unique=True,
            sqlite_where=text("is_lead = 1"),
            postgresql_where=text("is_lead"),
        ),
    )


class SupplyRule(Base):
    """How much of an item a kind of post needs: per expected candidate, plus a fixed amount.

    The exam's editable ratios (water per candidate, masks, pens, first-aid kits...); the
    supplies of every center are computed from them and its expected candidates.
    """

    __tablename__ = "supply_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    post_kind: Mapped[PostKind] = mapped_column(enum_column(PostKind))
    item: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(20), default="")
    per_candidates: Mapped[float] = mapped_column(Float, default=0.0)
    per_staff: Mapped[float] = mapped_column(Float, default=0.0)
    fixed: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("exam_id", "post_kind", "item"),
        CheckConstraint("per_candidates >= 0 AND per_staff >= 0 AND fixed >= 0",
                        name="amounts"),
    )


class RoomDraw(Base):
    """A morning draw (抽签) of rooms for the invigilators of one center in one session.

    The seed, the time and the host are kept so that anyone can reproduce the draw. The host
    is the person who held it (the chief examiner, usually), printed on the draw and duty
    sheets; ``actor`` is the login that recorded it, for the audit trail only.
    """

    __tablename__ = "room_draws"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("test_centers.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE"))
    seed: Mapped[int] = mapped_column(Integer)
    drawn_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    #: "" for draws recorded before the host was (the sheets leave a line to write it on)
    host: Mapped[str] = mapped_column(String(100), default="")
