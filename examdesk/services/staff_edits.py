"""Adding, changing and deleting staff by hand (the window's 工作人员 page), with the staff
import's rules.

What a clerk types is checked as one row of a staff list by the import's own validator
(:mod:`examdesk.services.form_checks`): the resident ID number (python-stdnum), the gender
that must agree with it, the roles (监考员、志愿者, with the usual variants), the home test
center (by name or code), the phone. On top of that a person is known by the ID number: a
second staff member with it is refused at that field.

A person who holds duties or posts in the roster is not deleted unless the caller says to
remove those duties too: the refusal names how many and which, so that the clerk decides
knowing which rooms and posts will be left short (the plan check then reports them, and the
roster can be built again). A silent cascade would leave rooms without their invigilators
without anyone having been told.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.headers import SheetKind
from examdesk.exchange.staff import StaffRecord
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, STAFF_ROLE_LABELS
from examdesk.model import Candidate, Duty, Staff, StaffRelative, StaffRoleAssignment
from examdesk.planning.plan import PlanIssue
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef
from examdesk.services.form_checks import check_form, refuse


@dataclass(frozen=True)
class StaffChanges:
    """What a change to staff changed, so that a view refreshes only that.

    Attributes:
        staff: the ids of the staff changed or added.
        removed: the ids of the staff deleted.
        duties: how many duties went with a deleted person.
        broken_duties: the roster's errors the change brought (a new work unit in front of
            its own candidates, a room left without its lead...), as the plan check words
            them.
        warnings: what the import would have warned about (e.g. the person is also a
            candidate of the exam), as sentences.
    """

    staff: frozenset[int]
    removed: frozenset[int] = frozenset()
    duties: int = 0
    broken_duties: tuple[PlanIssue, ...] = ()
    warnings: tuple[str, ...] = ()


def _no_staff(staff_id: int) -> BadInput:
    return BadInput(translate("Staff", "No staff member has the ID {id} in this exam.")
                    .format(id=staff_id), code="no-staff", staff_id=staff_id)


def _centers(session: Session, exam: ExamRef) -> dict[str, tuple[int, str]]:
    from examdesk.services.imports.staff import _centers as import_centers

    return import_centers(session, exam)


def _checked(session: Session, exam: ExamRef,
             values: dict[str, Any]) -> tuple[StaffRecord, dict[str, tuple[int, str]]]:
    from examdesk.services.imports.staff import _validate

    centers = _centers(session, exam)
    record, _warnings = check_form(
        SheetKind.STAFF, values,
        lambda raw, header: _validate(raw, header, centers, lambda *_: None, lambda: False),
        "staff-value", strict={"phone"})
    return record, centers


def _roles(roles: tuple[Any, ...]) -> str:
    return "、".join(STAFF_ROLE_LABELS[role] for role in roles)


def _candidate_warning(session: Session, exam: ExamRef, id_number: str) -> tuple[str, ...]:
    if session.scalar(select(Candidate.id).where(Candidate.exam_id == exam.id,
                                                 Candidate.id_number == id_number)) is None:
        return ()
    return (translate("Staff", "This person is also a candidate of the exam; a candidate may "
                               "not work at the exam."),)


def new_staff(session: Session, actor: Actor, exam: ExamRef, *, name: str, id_number: str,
              roles: str, gender: str = "", work_unit: str = "", phone: str = "",
              center: str = "") -> StaffChanges:
    """Add a staff member, as a staff list's row would.

    Args:
        session: the caller's session.
        actor: who adds them, for the audit trail.
        exam: the exam.
        name: as on the ID card.
        id_number: a resident ID number (gives the gender).
        roles: one or more roles separated by 、 (监考员、志愿者).
        gender: 男 or 女; "": the ID number's.
        work_unit, phone: as the import takes them ("": none).
        center: the home test center's name or code; "": none.

    Returns:
        The person added (with a warning when they are also a candidate).

    Raises:
        BadInput: a value the import refuses (code ``staff-value``) or an ID number the
            exam's staff already holds (``staff-duplicate``); ``field`` names the first
            field, ``problems`` every field with its sentence. Nothing is written.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    record, centers = _checked(session, exam, {
        "name": name, "gender": gender, "id_number": id_number, "work_unit": work_unit,
        "phone": phone, "role": roles, "center": center})
    holder = session.scalar(select(Staff.name).where(Staff.exam_id == exam.id,
                                                     Staff.id_number == record.id_number))
    if holder is not None:
        raise refuse("staff-duplicate", {"id_number": translate(
            "Staff", "{name} already has this ID number among the staff.").format(
            name=holder)})
    center_id = None if record.center is None else centers[record.center][0]
    staff_id = session.scalar(insert(Staff).returning(Staff.id).values(
        exam_id=exam.id, name=record.name, gender=record.gender, id_number=record.id_number,
        work_unit=record.work_unit, phone=record.phone, home_center_id=center_id))
    assert staff_id is not None
    session.execute(insert(StaffRoleAssignment), [
        {"staff_id": staff_id, "role": role} for role in record.roles])
    audit.record(session, actor, "staff.add", exam_id=exam.id, entity="staff",
                 entity_id=staff_id,
                 summary=translate("Audit", "Added {name}").format(name=record.name),
                 details={"after": {
                     "name": record.name, "gender": GENDER_LABELS[record.gender],
                     "id_number": record.id_number, "work_unit": record.work_unit,
                     "phone": record.phone, "roles": _roles(record.roles),
                     "center": record.center or ""}})
    return StaffChanges(frozenset({staff_id}),
                        warnings=_candidate_warning(session, exam, record.id_number))


def edit_staff(session: Session, actor: Actor, exam: ExamRef, staff_id: int, *, name: str,
               roles: str, gender: str = "", work_unit: str = "", phone: str = "",
               center: str = "", version: int | None = None) -> StaffChanges:
    """Change a staff member's name, gender, work unit, phone, roles and home center.

    The ID number stays (it is who the person is); relatives (回避) stay as imported.

    Args:
        session: the caller's session.
        actor: who changes them, for the audit trail.
        exam: the exam.
        staff_id: the person.
        name, roles, gender, work_unit, phone, center: as :func:`new_staff` takes them.
        version: the person's version the form read (None: not compared).

    Returns:
        The person (none when nothing changed), with the roster's errors the change brought.

    Raises:
        BadInput: no such person (code ``no-staff``); a value the import refuses (code
            ``staff-value``). Nothing is written.
        EditConflict: someone changed the person after the form read it
            (examdesk/services/versions.py).
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    stored = session.execute(
        select(Staff.id, Staff.name, Staff.gender, Staff.id_number, Staff.work_unit,
               Staff.phone, Staff.home_center_id)
        .where(Staff.id == staff_id, Staff.exam_id == exam.id)).one_or_none()
    if stored is None:
        raise _no_staff(staff_id)
    record, centers = _checked(session, exam, {
        "name": name, "gender": gender, "id_number": stored.id_number,
        "work_unit": work_unit, "phone": phone, "role": roles, "center": center})
    center_id = None if record.center is None else centers[record.center][0]
    center_name = {cid: n for n, (cid, _code) in centers.items()}
    old_roles = tuple(session.scalars(select(StaffRoleAssignment.role)
                                      .where(StaffRoleAssignment.staff_id == stored.id)))
    order = list(STAFF_ROLE_LABELS)
    old = {"name": stored.name, "gender": GENDER_LABELS[stored.gender],
           "work_unit": stored.work_unit, "phone": stored.phone,
           "roles": _roles(tuple(sorted(old_roles, key=order.index))),
           "center": center_name.get(stored.home_center_id or 0, "")}
    new = {"name": record.name, "gender": GENDER_LABELS[record.gender],
           "work_unit": record.work_unit, "phone": record.phone,
           "roles": _roles(tuple(sorted(record.roles, key=order.index))),
           "center": record.center or ""}
    changed = {f: [old[f], new[f]] for f in old if old[f] != new[f]}
    if not changed:
        return StaffChanges(frozenset())
    versions.check_version(
        session, Staff, stored.id, version, exam_id=exam.id, about=[("staff", stored.id)],
        what=stored.name, current=versions.described(list(old.values())))
    # the person's duties, and their home center's roving duties, are what it can break
    watched = set(session.scalars(select(Duty.center_id).distinct()
                                  .where(Duty.staff_id == stored.id)))
    watched |= {stored.home_center_id, center_id}
    watch = DutyWatch(session, exam, {c for c in watched if c is not None})
    session.execute(update(Staff).where(Staff.id == stored.id).values(
        name=record.name, gender=record.gender, work_unit=record.work_unit,
        phone=record.phone, home_center_id=center_id))
    if set(old_roles) != set(record.roles):
        session.execute(delete(StaffRoleAssignment)
                        .where(StaffRoleAssignment.staff_id == stored.id))
        session.execute(insert(StaffRoleAssignment), [
            {"staff_id": stored.id, "role": role} for role in record.roles])
    audit.record(session, actor, "staff.edit", exam_id=exam.id, entity="staff",
                 entity_id=stored.id,
                 summary=translate("Audit", "Changed {name}: {fields}").format(
                     name=record.name, fields=", ".join(changed)), details=changed)
    return StaffChanges(frozenset({stored.id}), broken_duties=watch.broken())


def duty_texts(session: Session, exam: ExamRef, staff_id: int) -> list[str]:
    """A person's duties as one line each: session, center, place, role."""
    from examdesk.services.rows.duties import duty_rows

    return [" ".join(part for part in (d.session, d.center, d.place, d.role_text) if part)
            for d in duty_rows(session, exam, staff_id=staff_id)]


def delete_staff(session: Session, actor: Actor, exam: ExamRef, staff_id: int, *,
                 with_duties: bool = False, version: int | None = None) -> StaffChanges:
    """Delete a staff member with their roles and relatives.

    Args:
        session: the caller's session.
        actor: who deletes them, for the audit trail.
        exam: the exam.
        staff_id: the person.
        with_duties: remove their duties and posts from the roster too (the clerk was told
            which, see the module's docstring).
        version: the person's version the window read (None: not compared).

    Returns:
        The person removed, how many duties went, and the roster's errors that brought.

    Raises:
        BadInput: no such person (code ``no-staff``); they hold duties and ``with_duties``
            is False (``staff-on-duty``, with ``count`` and ``duties``: one line each).
            Nothing is written.
        EditConflict: someone changed the person after the window read them.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    stored = session.execute(
        select(Staff.id, Staff.name, Staff.id_number, Staff.work_unit, Staff.phone,
               Staff.home_center_id)
        .where(Staff.id == staff_id, Staff.exam_id == exam.id)).one_or_none()
    if stored is None:
        raise _no_staff(staff_id)
    versions.check_version(
        session, Staff, stored.id, version, exam_id=exam.id, about=[("staff", stored.id)],
        what=stored.name,
        current=versions.described([stored.name, stored.work_unit, stored.phone]))
    count = session.scalar(select(func.count()).select_from(Duty)
                           .where(Duty.staff_id == stored.id)) or 0
    duties = duty_texts(session, exam, stored.id) if count else []
    if count and not with_duties:
        shown = duties[:5] + ([translate("Staff", "and {more} more").format(
            more=len(duties) - 5)] if len(duties) > 5 else [])
        raise BadInput(translate(
            "Staff", "{name} holds {count} duties in the roster: {duties}. Deleting them "
                     "removes these duties too, leaving the places short.").format(
            name=stored.name, count=count, duties="; ".join(shown)),
            code="staff-on-duty", staff_id=stored.id, name=stored.name, count=count,
            duties=tuple(duties))
    watched = set(session.scalars(select(Duty.center_id).distinct()
                                  .where(Duty.staff_id == stored.id)))
    watched.add(stored.home_center_id)
    watch = DutyWatch(session, exam, {c for c in watched if c is not None})
    roles = _roles(tuple(session.scalars(select(StaffRoleAssignment.role)
                                         .where(StaffRoleAssignment.staff_id == stored.id))))
    relatives = list(session.scalars(select(StaffRelative.id_number)
                                     .where(StaffRelative.staff_id == stored.id)))
    session.execute(delete(Duty).where(Duty.staff_id == stored.id))
    session.execute(delete(Staff).where(Staff.id == stored.id))
    audit.record(session, actor, "staff.delete", exam_id=exam.id, entity="staff",
                 entity_id=stored.id,
                 summary=translate("Audit", "Deleted {name}").format(name=stored.name),
                 details={"before": {"name": stored.name, "id_number": stored.id_number,
                                     "work_unit": stored.work_unit, "phone": stored.phone,
                                     "roles": roles, "relatives": relatives},
                          "duties": duties})
    return StaffChanges(frozenset(), frozenset({stored.id}), count, watch.broken())
