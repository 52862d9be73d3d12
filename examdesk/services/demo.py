"""The demo exam: the reference exam of docs/domain.md, at district or provincial scale.

At scale 1 it is the Zhoukou district (5 test centers, 200 rooms plus 5 spares, 6,000
candidates, 650 staff) read from the bundled sample workbooks. At scale N it repeats that
district for N cities of Henan (scale 17: the whole province, about 100,000 candidates and
3,400 rooms), giving each copy its city's ID address code, names and numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from examdesk import idcard
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.labels import (
    GENDER_LABELS,
    ID_TYPE_LABELS,
    STAFF_ROLE_LABELS,
    YES_WORDS,
    reverse,
)
from examdesk.model import (
    AuditEvent,
    Candidate,
    Exam,
    ExamSession,
    Level,
    Room,
    Staff,
    StaffRelative,
    StaffRoleAssignment,
    Subject,
    TestCenter,
    User,
    UserGrant,
    UserRole,
    candidate_subjects,
    session_subjects,
)
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress
from examdesk.resources import resource_path
from examdesk.services import audit, roster, seating
from examdesk.services.abbreviations import COMMON_ABBREVIATIONS
from examdesk.services.audit import Actor, Permission
from examdesk.services.duties import fill_exam_posts
from examdesk.services.exams import ExamRef
from examdesk.services.posts import create_standard_posts, seed_post_templates

#: Henan's 17 prefecture-level cities with their ID address codes; Zhoukou first.
CITIES: tuple[tuple[str, str], ...] = (
    ("周口", "4116"), ("郑州", "4101"), ("开封", "4102"), ("洛阳", "4103"),
    ("平顶山", "4104"), ("安阳", "4105"), ("鹤壁", "4106"), ("新乡", "4107"),
    ("焦作", "4108"), ("濮阳", "4109"), ("许昌", "4110"), ("漯河", "4111"),
    ("三门峡", "4112"), ("南阳", "4113"), ("商丘", "4114"), ("信阳", "4115"),
    ("驻马店", "4117"),
)
MAX_SCALE = len(CITIES)
_SAMPLE_CITY, _SAMPLE_CITY_CODE = CITIES[0]

LEVELS = (("1", "助理社会工作师", "初级"), ("2", "社会工作师", "中级"))
SUBJECTS = {
    "1": (("11", "社会工作综合能力(初级)", "综合能力"), ("12", "社会工作实务(初级)", "实务")),
    "2": (
        ("21", "社会工作综合能力(中级)", "综合能力"),
        ("22", "社会工作实务(中级)", "实务"),
        ("23", "社会工作法规与政策", "法规与政策"),
    ),
}
#: code, date, start, end, subject codes, name (docs/domain.md, "The reference exam")
SESSIONS = (
    ("S1", date(2023, 6, 10), time(14, 0), time(16, 0), ("23",), "6月10日下午 法规与政策"),
    ("S2", date(2023, 6, 11), time(9, 0), time(11, 0), ("11", "21"), "6月11日上午 综合能力"),
    ("S3", date(2023, 6, 11), time(14, 0), time(16, 0), ("12",), "6月11日下午 实务(初级)"),
    ("S4", date(2023, 6, 11), time(14, 0), time(16, 30), ("22",), "6月11日下午 实务(中级)"),
)
_BATCH = 5000
#: The demo's seating plan is always the same one.
DEMO_SEED = 2023
#: 11 digits: level, year, province, center, room within the center, seat. The common form's
#: city field cannot tell the centers' rooms apart; center codes are unique in the province.
DEMO_TICKET_PATTERN: tuple[dict[str, Any], ...] = (
    {"field": "level", "width": 1}, {"field": "year", "width": 2},
    {"field": "province", "width": 2}, {"field": "center", "width": 2},
    {"field": "room", "width": 2}, {"field": "seat", "width": 2},
)



@dataclass(frozen=True)
class DemoSummary:
    """What :func:`load_demo` created."""

    exam_code: str
    exam_name: str
    centers: int
    rooms: int
    candidates: int
    staff: int
    posts: int
    seated: int = 0
    duties: int = 0


@dataclass(frozen=True)
class _City:
    """One copy of the sample district, rewritten for a city."""

    index: int
    name: str
    code: str

    def text(self, value: str) -> str:
        """Place names and units of the sample, moved to this city."""
        if self.index == 0:
            return value
        if _SAMPLE_CITY in value:
            return value.replace(_SAMPLE_CITY, self.name)
        return f"{self.name}市{value}" if value else value

    def id_number(self, value: str) -> str:
        """A valid ID number with this city's address code (the sample's, unchanged)."""
        if self.index == 0 or not value:
            return value
        return idcard.with_check_character(self.code + value[4:17])

    def registration_no(self, value: str) -> str:
        if self.index == 0:
            return value
        return value.replace(_SAMPLE_CITY_CODE, self.code, 1)

    def center_code(self, sample_code: str, centers_per_city: int) -> str:
        return f"{self.index * centers_per_city + int(sample_code):02d}"


def exam_code_for(scale: int) -> str:
    """The demo exam's code: the district's at scale 1, the province's above."""
    return "SW2023-ZK" if scale == 1 else "SW2023-HA"


def _read(path: Path) -> list[dict[str, Any]]:
    """Rows of the first sheet as dicts keyed by header text (the bundled samples' format)."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = [str(h).strip() for h in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value or "").strip()


def _batches(rows: Sequence[dict[str, Any]], size: int = _BATCH) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])


def delete_exam(session: Session, actor: Actor, exam_id: int) -> None:
    """Remove an exam and everything that belongs to it (the foreign keys cascade), but its
    audit trail: the events stay, with the exam's code (examdesk/model/security.py
    AuditEvent), and one more says who deleted which exam and what it held.

    Raises:
        AccessDenied: the actor may not change the plan of every exam.
    """
    actor.require(Permission.EDIT_PLAN)
    exam = session.execute(select(Exam.code, Exam.name).where(Exam.id == exam_id)).one()

    def count(table: Any) -> int:
        return session.scalar(select(func.count()).select_from(table)
                              .where(table.exam_id == exam_id)) or 0

    details = {"name": exam.name, "centers": count(TestCenter),
               "rooms": session.scalar(select(func.count(Room.id)).join(TestCenter)
                                       .where(TestCenter.exam_id == exam_id)) or 0,
               "candidates": count(Candidate), "staff": count(Staff),
               "audit_events_kept": count(AuditEvent)}
    audit.record(
        session, actor, "exam.delete", exam_id=exam_id, entity="exam", entity_id=exam_id,
        summary=translate("Audit", "Deleted exam {code} with {candidates} candidates and "
                                   "{staff} staff; its {events} audit events stay").format(
            code=exam.code, candidates=details["candidates"], staff=details["staff"],
            events=details["audit_events_kept"]),
        details=details)
    session.flush()  # the event is written while the exam is there, then keeps its code
    session.execute(delete(Exam).where(Exam.id == exam_id))


def load_demo(
    session: Session,
    actor: Actor,
    *,
    scale: int = 1,
    replace: bool = False,
    samples: Path | None = None,
    exam_only: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> DemoSummary:
    """Create the demo exam in the caller's transaction.

    Args:
        scale: how many cities of the province to make (1: the Zhoukou district; 17: Henan).
        replace: delete an existing demo exam of the same code first, instead of refusing.
        samples: folder holding rooms.xlsx, candidates.xlsx and staff.xlsx (default: bundled).
        exam_only: create only the exam with its levels, subjects and sessions, ready for
            importing one's own workbooks.

    Raises:
        BadInput: the scale is out of range, or the demo exam exists and ``replace`` is off.
        OperationCancelled: ``cancelled()`` turned true; the caller rolls back.
    """
    # a new exam (or one replaced) in a shared database: a planner of every exam's work
    actor.require(Permission.EDIT_PLAN)
    if not 1 <= scale <= MAX_SCALE:
        raise BadInput(
            translate(
                "Demo",
                "The scale must be between 1 and {most} (the cities of the province), not "
                "{scale}.",
            ).format(most=MAX_SCALE, scale=scale), code="demo-scale", most=MAX_SCALE,
            scale=scale)
    code = exam_code_for(scale)
    existing = session.scalar(select(Exam.id).where(Exam.code == code))
    if existing is not None:
        if not replace:
            raise BadInput(
                translate("Demo", "The demo exam {code} is already loaded.").format(code=code),
                code="demo-loaded", exam=code)
        delete_exam(session, actor, existing)
    exam, subjects_by_name, levels_by_name = _create_exam(session, scale)
    if exam_only:
        _ensure_user(session, actor)
        audit.record(
            session, actor, "demo.exam", exam_id=exam.id, entity="exam", entity_id=exam.id,
            summary=translate("Audit", "Demo exam {code} without centers, candidates or "
                                       "staff").format(code=code),
        )
        progress(1, 1, translate("Demo", "Demo exam created"))
        return DemoSummary(exam_code=code, exam_name=exam.name, centers=0, rooms=0,
                           candidates=0, staff=0, posts=0)

    folder = samples or resource_path("samples")
    progress(0, 0, translate("Demo", "Reading the sample workbooks"))
    room_rows = _read(folder / "rooms.xlsx")
    candidate_rows = _read(folder / "candidates.xlsx")
    staff_rows = _read(folder / "staff.xlsx")
    cities = [_City(i, name, city_code) for i, (name, city_code) in enumerate(CITIES[:scale])]
    centers = _add_centers(session, exam, cities, room_rows, progress, cancelled)
    candidates = _add_candidates(
        session, exam, cities, candidate_rows, levels_by_name, subjects_by_name,
        progress, cancelled,
    )
    staff = _add_staff(session, exam, cities, staff_rows, centers, progress, cancelled)
    ref = ExamRef(exam.id, code, exam.name, exam.year, exam.city_code or exam.province_code)
    # the exam's standard posts (seeded with the exam), as for centers a user imports
    posts = create_standard_posts(session, ref, set(centers.values()))
    _ensure_user(session, actor)
    rooms = sum(1 for _ in room_rows) * scale
    audit.record(
        session, actor, "demo.load", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Demo exam {code} at scale {scale}").format(
            code=code, scale=scale),
        details={"scale": scale, "candidates": candidates, "rooms": rooms, "staff": staff},
    )
    check_cancelled(cancelled)
    progress(0, 0, translate("Demo", "Seating the candidates"))
    seated = seating.allocate_exam(session, actor, ref, seed=DEMO_SEED,
                                   cancelled=cancelled).placed
    progress(0, 0, translate("Demo", "Rostering the staff"))
    duties = roster.roster_exam(session, actor, ref, seed=DEMO_SEED, cancelled=cancelled).written
    duties += fill_exam_posts(session, actor, ref).filled
    summary = DemoSummary(
        exam_code=code, exam_name=exam.name, centers=len(set(centers.values())), rooms=rooms,
        candidates=candidates, staff=staff, posts=posts, seated=seated, duties=duties,
    )
    progress(1, 1, translate("Demo", "Demo exam loaded"))
    return summary


def _create_exam(
    session: Session, scale: int
) -> tuple[Exam, dict[str, Subject], dict[str, Level]]:
    """The exam with its levels, subjects and sessions (docs/domain.md, "The reference exam")."""
    exam = Exam(
        code=exam_code_for(scale),
        name=("2023年度社会工作者职业水平考试（周口考区）" if scale == 1
              else "2023年度社会工作者职业水平考试（河南省）"),
        year=2023,
        province_code="41",
        city_code=_SAMPLE_CITY_CODE if scale == 1 else "",
        ticket_pattern=[dict(field) for field in DEMO_TICKET_PATTERN],
        # the phones the candidate notice publishes (made up, in Zhoukou's area code)
        tech_service_phone="0394-8238110", hotline_phone="0394-8238118",
    )
    session.add(exam)
    session.flush()
    seed_post_templates(session, exam.id)
    subjects_by_name, levels_by_name = _add_levels(session, exam)
    _add_sessions(session, exam, {s.code: s for s in subjects_by_name.values()})
    return exam, subjects_by_name, levels_by_name


def _ensure_user(session: Session, actor: Actor) -> None:
    """The first user of a database is its administrator."""
    if session.scalar(select(User.id).limit(1)) is None:
        user = User(username=actor.username, display_name=actor.username)
        session.add(user)
        session.flush()
        # without a password: the database still asks no one to sign in
        # (examdesk/services/users.py, has_users)
        session.add(UserGrant(user_id=user.id, role=UserRole.ADMIN))
        session.flush()


def _add_levels(
    session: Session, exam: Exam
) -> tuple[dict[str, Subject], dict[str, Level]]:
    subjects: dict[str, Subject] = {}
    levels: dict[str, Level] = {}
    for order, (level_code, name, short) in enumerate(LEVELS):
        level = Level(exam=exam, code=level_code, name=name, short_name=short, sort_order=order,
                      abbreviations=list(COMMON_ABBREVIATIONS.get(name, ())))
        session.add(level)
        levels[name] = level
        for subject_code, subject_name, subject_short in SUBJECTS[level_code]:
            subjects[subject_name] = Subject(
                level=level, code=subject_code, name=subject_name, short_name=subject_short,
                abbreviations=list(COMMON_ABBREVIATIONS.get(subject_name, ())),
            )
            session.add(subjects[subject_name])
    session.flush()
    return subjects, levels


def _add_sessions(session: Session, exam: Exam, subjects: dict[str, Subject]) -> None:
    for code, day, start, end, subject_codes, name in SESSIONS:
        sitting = ExamSession(exam=exam, code=code, name=name, date=day,
                              start_time=start, end_time=end)
        session.add(sitting)
        session.flush()
        session.execute(
            insert(session_subjects),
            [{"session_id": sitting.id, "subject_id": subjects[c].id} for c in subject_codes],
        )


def _add_centers(
    session: Session,
    exam: Exam,
    cities: list[_City],
    room_rows: list[dict[str, Any]],
    progress: Progress,
    cancelled: Cancelled,
) -> dict[tuple[int, str], int]:
    """Create centers and rooms; return center ids by (city index, sample center name)."""
    sample_centers: dict[str, dict[str, Any]] = {}
    for row in room_rows:
        sample_centers.setdefault(_text(row["考点编号"]), row)
    per_city = len(sample_centers)
    center_ids: dict[tuple[int, str], int] = {}
    rooms: list[dict[str, Any]] = []
    for city in cities:
        check_cancelled(cancelled)
        for order, (sample_code, row) in enumerate(sorted(sample_centers.items())):
            center = TestCenter(
                exam_id=exam.id,
                code=city.center_code(sample_code, per_city),
                name=city.text(_text(row["考点名称"])),
                address=city.text(_text(row["考点地址"])),
                phone=f"0394-8{city.index:02d}{int(sample_code):02d}{order:02d}1",
                district=city.name,
                sort_order=city.index * per_city + order,
            )
            session.add(center)
            session.flush()
            center_ids[(city.index, _text(row["考点名称"]))] = center.id
            center_ids[(city.index, sample_code)] = center.id
        for order, row in enumerate(room_rows):
            sample_code = _text(row["考点编号"])
            room_code = _text(row["考场号"])
            rooms.append({
                "center_id": center_ids[(city.index, sample_code)],
                "code": city.center_code(sample_code, per_city) + room_code[len(sample_code):],
                "building": _text(row["楼栋"]),
                "floor": int(row["楼层"]) if row["楼层"] not in (None, "") else None,
                "label": _text(row["教室"]),
                "rows": int(row["座位行数"]),
                "columns": int(row["座位列数"]),
                "unusable_seats": [],
                "accessible": _text(row["无障碍考场"]).lower() in YES_WORDS,
                "spare": _text(row["备用考场"]).lower() in YES_WORDS,
                "locked": False,
                "sort_order": order,
            })
    progress(0, 0, translate("Demo", "Creating rooms"))
    for batch in _batches(rooms):
        session.execute(insert(Room), batch)
    return center_ids


def _add_candidates(
    session: Session,
    exam: Exam,
    cities: list[_City],
    rows: list[dict[str, Any]],
    levels: dict[str, Level],
    subjects: dict[str, Subject],
    progress: Progress,
    cancelled: Cancelled,
) -> int:
    genders = reverse(GENDER_LABELS)
    id_types = reverse(ID_TYPE_LABELS)
    total = len(rows) * len(cities)
    done = 0
    for city in cities:
        records: list[dict[str, Any]] = []
        papers: list[list[int]] = []
        for row in rows:
            id_number = city.id_number(_text(row["证件号码"]))
            records.append({
                "exam_id": exam.id,
                "registration_no": city.registration_no(_text(row["报名序号"])),
                "name": _text(row["姓名"]),
                "gender": genders[_text(row["性别"])],
                "id_type": id_types[_text(row["证件类型"])],
                "id_number": id_number,
                "birth_date": idcard.birth_date(id_number),
                "level_id": levels[_text(row["报考级别"])].id,
                "work_unit": city.text(_text(row["工作单位"])),
                "phone": _text(row["联系电话"]),
                "district": city.name if len(cities) > 1 else "",
            })
            papers.append([subjects[name].id for name in _text(row["报考科目"]).split("、")])
        for start in range(0, len(records), _BATCH):
            check_cancelled(cancelled)
            batch = records[start : start + _BATCH]
            ids = session.scalars(
                insert(Candidate).returning(Candidate.id, sort_by_parameter_order=True), batch
            ).all()
            session.execute(
                insert(candidate_subjects),
                [
                    {"candidate_id": cid, "subject_id": sid}
                    for cid, sids in zip(ids, papers[start : start + _BATCH], strict=True)
                    for sid in sids
                ],
            )
            done += len(batch)
            progress(done, total, translate("Demo", "Adding candidates"))
    return done


def _add_staff(
    session: Session,
    exam: Exam,
    cities: list[_City],
    rows: list[dict[str, Any]],
    centers: dict[tuple[int, str], int],
    progress: Progress,
    cancelled: Cancelled,
) -> int:
    genders = reverse(GENDER_LABELS)
    roles = reverse(STAFF_ROLE_LABELS)
    count = 0
    for city in cities:
        check_cancelled(cancelled)
        records = [
            {
                "exam_id": exam.id,
                "name": _text(row["姓名"]),
                "gender": genders[_text(row["性别"])],
                "id_number": city.id_number(_text(row["身份证号"])),
                "work_unit": city.text(_text(row["工作单位"])),
                "phone": _text(row["手机号码"]),
                "home_center_id": centers.get((city.index, _text(row["所属考点"]))),
            }
            for row in rows
        ]
        ids = session.scalars(
            insert(Staff).returning(Staff.id, sort_by_parameter_order=True), records
        ).all()
        session.execute(
            insert(StaffRoleAssignment),
            [{"staff_id": sid, "role": roles[_text(row["人员类别"])]}
             for sid, row in zip(ids, rows, strict=True)],
        )
        relatives = [
            {"staff_id": sid, "id_number": city.id_number(_text(row["回避考生身份证号"])),
             "relation": ""}
            for sid, row in zip(ids, rows, strict=True)
            if _text(row["回避考生身份证号"])
        ]
        if relatives:
            session.execute(insert(StaffRelative), relatives)
        count += len(records)
        progress(count, len(rows) * len(cities), translate("Demo", "Adding staff"))
    return count
