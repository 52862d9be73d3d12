"""The Chinese words staff use for our vocabularies, as they appear in workbooks and forms.

These are data (what registration systems write in their cells), not translations of the
interface; the interface's own words go through :func:`examdesk.i18n.translate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import TypeVar

from examdesk.enums import Gender, IdType, PostKind, StaffRole

E = TypeVar("E", bound=Enum)

GENDER_LABELS: dict[Gender, str] = {Gender.MALE: "男", Gender.FEMALE: "女"}

ID_TYPE_LABELS: dict[IdType, str] = {
    IdType.RESIDENT_ID: "居民身份证",
    IdType.PASSPORT: "护照",
    IdType.HK_MACAO_PERMIT: "港澳居民来往内地通行证",
    IdType.TAIWAN_PERMIT: "台湾居民来往大陆通行证",
    IdType.FOREIGN_PERMANENT: "外国人永久居留身份证",
    IdType.SOCIAL_SECURITY: "社会保障卡",
    IdType.OTHER: "其他",
}

STAFF_ROLE_LABELS: dict[StaffRole, str] = {
    StaffRole.CHIEF_EXAMINER: "主考",
    StaffRole.DEPUTY_CHIEF: "副主考",
    StaffRole.EXAM_OFFICE: "考务办公室",
    StaffRole.CONFIDENTIAL: "保密员",
    StaffRole.INSPECTOR: "巡考员",
    StaffRole.INVIGILATOR: "监考员",
    StaffRole.ROVING_INVIGILATOR: "流动监考",
    StaffRole.MEDICAL: "医务人员",
    StaffRole.VOLUNTEER: "志愿者",
    StaffRole.POLICE: "公安民警",
    StaffRole.POWER: "供电保障",
    StaffRole.RADIO: "无线电监测",
}

POST_KIND_LABELS: dict[PostKind, str] = {
    PostKind.SERVICE_DESK: "考生服务咨询台",
    PostKind.WATER_SUPPLIES: "饮水及物资发放点",
    PostKind.ROUTE_GUIDANCE: "考生引导岗",
    PostKind.ITEM_STORAGE: "物品存放处",
    PostKind.MEDICAL: "医疗急救点",
    PostKind.TEMP_ID_DESK: "临时身份证明办理点",
    PostKind.POWER: "供电保障岗",
    PostKind.RADIO_MONITORING: "无线电监测岗",
    PostKind.SECURITY: "安保及交通疏导岗",
    PostKind.STRONG_ROOM: "保密室",
    PostKind.EXAM_OFFICE: "考务办公室",
}

YES_WORDS = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓"})
NO_WORDS = frozenset({"否", "无", "n", "no", "false", "0", "", "×"})


def floor_name(building: str, floor: int | None) -> str:
    """A floor as staff name it: ``教学楼A 3楼`` (``教学楼A 地下1层`` below ground), the building
    alone when its floor is not known.

    Room locations and the floors of roving invigilators (one per floor) both read this way.
    """
    parts = [building] if building else []
    if floor is not None:
        parts.append(f"{floor}楼" if floor > 0 else f"地下{-floor}层")
    return " ".join(parts)


def reverse(labels: Mapping[E, str]) -> dict[str, E]:
    """Label -> value, for reading cells."""
    return {label: value for value, label in labels.items()}


def post_label(kind: PostKind, name: str = "", place: str = "") -> str:
    """How sheets and messages name a post: ``医疗急救点（考点医务室）``, its name after the
    kind when it has one (``考生服务咨询台 东门（东门内侧）``)."""
    label = f"{POST_KIND_LABELS[kind]} {name}" if name else POST_KIND_LABELS[kind]
    return f"{label}（{place}）" if place else label


def local_minute(moment: datetime | None) -> str:
    """A stored moment as the desk's clock shows it, to the minute: ``2023-06-11 08:42``
    ("" for none)."""
    return "" if moment is None else f"{moment.astimezone():%Y-%m-%d %H:%M}"
