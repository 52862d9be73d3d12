"""The closed vocabularies of the exam plan (pure Python, no database: planning and import
use them without loading the ORM).

Values are stored in the database (plain English, snake_case); the Chinese labels staff
read and type are in :mod:`examdesk.labels`.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    """Gender as recorded on the ID card."""

    MALE = "male"
    FEMALE = "female"


class IdType(StrEnum):
    """Identity documents accepted at the door."""

    RESIDENT_ID = "resident_id"  # 居民身份证
    PASSPORT = "passport"  # 护照
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证
    FOREIGN_PERMANENT = "foreign_permanent"  # 外国人永久居留身份证
    SOCIAL_SECURITY = "social_security"  # 社会保障卡
    OTHER = "other"


class SeatOrder(StrEnum):
    """How seat numbers run through a room's grid."""

    ROWS = "rows"  # row by row from the front
    SNAKE = "snake"  # S-shaped by column (蛇形)


class Corner(StrEnum):
    """Where seat 01 is, seen from the podium (讲台)."""

    FRONT_LEFT = "front_left"
    FRONT_RIGHT = "front_right"
    BACK_LEFT = "back_left"
    BACK_RIGHT = "back_right"


class CandidateStatus(StrEnum):
    """Whether a candidate still sits the exam."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


class StaffRole(StrEnum):
    """Roles at a test center (docs/domain.md, "Roles at a test center")."""

    CHIEF_EXAMINER = "chief_examiner"  # 主考
    DEPUTY_CHIEF = "deputy_chief"  # 副主考
    EXAM_OFFICE = "exam_office"  # 考务办公室
    CONFIDENTIAL = "confidential"  # 保密员
    INSPECTOR = "inspector"  # 巡考员
    INVIGILATOR = "invigilator"  # 监考员
    ROVING_INVIGILATOR = "roving_invigilator"  # 流动监考
    MEDICAL = "medical"  # 医务人员
    VOLUNTEER = "volunteer"  # 志愿者
    POLICE = "police"  # 公安民警
    POWER = "power"  # 供电保障
    RADIO = "radio"  # 无线电监测


class PostKind(StrEnum):
    """Service and support posts at a test center."""

    SERVICE_DESK = "service_desk"  # 考生服务咨询台
    WATER_SUPPLIES = "water_supplies"  # 饮水及物资发放
    ROUTE_GUIDANCE = "route_guidance"  # 引导
    ITEM_STORAGE = "item_storage"  # 物品存放处
    MEDICAL = "medical"  # 医疗点
    TEMP_ID_DESK = "temp_id_desk"  # 临时身份证明办理点
    POWER = "power"  # 供电保障
    RADIO_MONITORING = "radio_monitoring"  # 无线电监测
    SECURITY = "security"  # 公安安保及交通疏导
    STRONG_ROOM = "strong_room"  # 保密室 (paper custody)
    EXAM_OFFICE = "exam_office"  # 考务办公室


class AttendanceStatus(StrEnum):
    """What the invigilators recorded for a candidate in a session."""

    PRESENT = "present"
    ABSENT = "absent"  # 缺考
    LATE = "late"  # came in after the start, before the entry cut-off: sat the paper


class IdCheck(StrEnum):
    """Which document a present candidate showed at the door."""

    ID_CARD = "id_card"
    TEMP_CERTIFICATE = "temp_certificate"
    OTHER_DOCUMENT = "other_document"


class CertificateStatus(StrEnum):
    """A temporary ID certificate is valid until voided."""

    VALID = "valid"
    VOID = "void"


class IncidentKind(StrEnum):
    """Kinds of exam-day incident other than a candidate's violation (issue 14)."""

    MEDICAL = "medical"  # 身体不适/医疗
    PAPER = "paper"  # 试卷或答题卡问题
    EQUIPMENT = "equipment"  # 停电或设备
    PUBLIC_OPINION = "public_opinion"  # 舆情
    OTHER = "other"  # 其他


class IncidentStatus(StrEnum):
    """Whether an incident still needs someone's attention."""

    OPEN = "open"
    CLOSED = "closed"


class Signature(StrEnum):
    """How a candidate answered the violation record (签字 or 拒绝签字 before a witness)."""

    SIGNED = "signed"
    REFUSED = "refused"


class UserRole(StrEnum):
    """What a user of ExamDesk may do."""

    ADMIN = "admin"  # manages users and every exam
    PLANNER = "planner"  # changes the plan
    DESK = "desk"  # exam-day desk: certificates and attendance at one test center
    VIEWER = "viewer"  # reads and prints


class DutyKind(StrEnum):
    """What a staff member's duty in a session is."""

    ROOM = "room"  # invigilating a room (lead or second)
    ROVING = "roving"  # roving invigilator of a floor
    INSPECTOR = "inspector"  # inspector of the center
    RESERVE = "reserve"  # reserve invigilator at the center
    POST = "post"  # a service, medical, police... post
