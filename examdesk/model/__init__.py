"""The exam plan as SQLAlchemy 2 typed models (the database schema's single source)."""

from __future__ import annotations

from examdesk.enums import (
    AttendanceStatus,
    CandidateStatus,
    CertificateStatus,
    Corner,
    Gender,
    IdCheck,
    IdType,
    IncidentKind,
    PostKind,
    SeatOrder,
    StaffRole,
    UserRole,
)
from examdesk.model.base import NAMING_CONVENTION, Base
from examdesk.model.candidate import (
    Candidate,
    CandidatePhoto,
    RetiredTicket,
    SeatAssignment,
    candidate_subjects,
)
from examdesk.model.exam import Exam, ExamSession, Level, Subject, session_subjects
from examdesk.model.examday import (
    AttendanceMark,
    DoubtfulEntry,
    Incident,
    RoomSitting,
    TempIdCertificate,
    certificate_sessions,
)
from examdesk.model.hotline import HotlineCall
from examdesk.model.security import AuditEvent, User, UserGrant
from examdesk.model.staff import (
    Duty,
    Post,
    PostSupply,
    PostTemplate,
    RoomDraw,
    Staff,
    StaffRelative,
    StaffRoleAssignment,
    SupplyRule,
)
from examdesk.model.venue import Room, TestCenter
from examdesk.model.violations import MedicalVisit, Violation, ViolationAct, ViolationEvidence

__all__ = [
    "NAMING_CONVENTION",
    "AttendanceMark",
    "AttendanceStatus",
    "AuditEvent",
    "Base",
    "Candidate",
    "CandidatePhoto",
    "CandidateStatus",
    "CertificateStatus",
    "Corner",
    "DoubtfulEntry",
    "Duty",
    "Exam",
    "ExamSession",
    "Gender",
    "HotlineCall",
    "IdCheck",
    "IdType",
    "Incident",
    "IncidentKind",
    "Level",
    "MedicalVisit",
    "Post",
    "PostKind",
    "PostSupply",
    "PostTemplate",
    "RetiredTicket",
    "Room",
    "RoomDraw",
    "RoomSitting",
    "SeatAssignment",
    "SeatOrder",
    "Staff",
    "StaffRelative",
    "StaffRole",
    "StaffRoleAssignment",
    "Subject",
    "SupplyRule",
    "TempIdCertificate",
    "TestCenter",
    "User",
    "UserGrant",
    "UserRole",
    "Violation",
    "ViolationAct",
    "ViolationEvidence",
    "candidate_subjects",
    "certificate_sessions",
    "session_subjects",
]
