"""Checks of a duty roster, ours or edited by hand: every broken rule, with the numbers and a fix.

Each hard rule is one issue per occurrence (one person in one time slot, one room in one
session), so the count of hard-rule issues is the count of violations. Staffing gaps (a room
short of invigilators, a floor without a rover, reserves missing) are issues too, but not
violations: they say the roster is incomplete. The soft goals (one man and one woman per room,
no pair or room twice) are summed into one warning each, with a few examples, so that
``examdesk check`` stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence

from examdesk.enums import StaffRole
from examdesk.i18n import translate
from examdesk.labels import STAFF_ROLE_LABELS
from examdesk.planning import remedies
from examdesk.planning.duty_plan import Duty, DutyKind, DutyRoom, DutySession, conflict
from examdesk.planning.plan import PlanIssue, Severity
from examdesk.planning.roster_model import (
    Ledger,
    RosterExam,
    center_label,
    floor_label,
    listing,
    person_label,
)

_NEEDED_ROLE = {DutyKind.ROOM: StaffRole.INVIGILATOR, DutyKind.RESERVE: StaffRole.INVIGILATOR,
                DutyKind.ROVING: StaffRole.ROVING_INVIGILATOR,
                DutyKind.INSPECTOR: StaffRole.INSPECTOR}


def check_roster(exam: RosterExam, duties: Sequence[Duty]) -> list[PlanIssue]:
    """Every problem of a roster.

    Args:
        exam: the exam.
        duties: the roster's duties, posts included.

    Returns:
        The issues, errors first.
    """
    ledger = Ledger(exam)
    issues: list[PlanIssue] = []
    for duty in duties:
        unknown = _unknown(exam, duty)
        if unknown is None:
            ledger.add(duty)
        else:
            issues.append(unknown)
    issues.extend(_people(exam, ledger))
    issues.extend(_duties(exam, ledger))
    for session in exam.sessions:
        issues.extend(_rooms(exam, ledger, session))
    issues.extend(_soft(exam, ledger))
    return sorted(remedies.with_repair(remedies.roster_remedies(issues)),
                  key=lambda i: not i.is_error)


def _unknown(exam: RosterExam, duty: Duty) -> PlanIssue | None:
    fix = translate("Duties", "delete the duty, or add what it names")
    person = exam.staff.get(duty.staff_id)
    if person is None:
        return PlanIssue("duty-unknown", translate(
            "Duties", "a duty names staff id {id}, who is not on the staff list").format(
                id=duty.staff_id), fix)
    who = person_label(person)
    session = exam.session_by_id.get(duty.session_id)
    if session is None:
        return PlanIssue("duty-unknown", translate(
            "Duties", "a duty of {person} names session id {id}, which the exam does not "
                      "have").format(person=who, id=duty.session_id), fix, staff_id=person.id)
    if duty.kind is DutyKind.ROOM and duty.room_id not in exam.rooms:
        return PlanIssue("duty-unknown", translate(
            "Duties", "a room duty of {person} in {session} names room id {id}, which the "
                      "exam does not have").format(person=who, session=session.label,
                                                   id=duty.room_id), fix, staff_id=person.id)
    if duty.center_id not in exam.center_by_id:
        return PlanIssue("duty-unknown", translate(
            "Duties", "a duty of {person} in {session} names test center id {id}, which the "
                      "exam does not have").format(person=who, session=session.label,
                                                   id=duty.center_id), fix,
                staff_id=person.id)
    return None


def _people(exam: RosterExam, ledger: Ledger) -> list[PlanIssue]:
    """Rules 1, 4 and 6: one place at a time, the session cap, no candidate on duty."""
    issues: list[PlanIssue] = []
    cap = exam.settings.max_sessions
    for staff_id, held in ledger.held.items():
        if not held:
            continue
        person = exam.staff[staff_id]
        values: dict[str, object] = {"person": person_label(person), "count": len(held),
                                     "cap": cap}
        if person.is_candidate:
            issues.append(PlanIssue("candidate-on-duty", translate(
                "Duties", "{person} sits the exam but has {count} duties").format(**values),
                translate("Duties", "give their duties to someone else: a candidate takes no "
                                    "duty").format(**values), staff_id=staff_id))
        load = ledger.load(staff_id)
        # the cap binds whoever invigilates; people who only staff posts are there all day
        if load > cap and any(d.kind is not DutyKind.POST for d in held):
            values.update(count=load, extra=load - cap)
            issues.append(PlanIssue("over-max-sessions", translate(
                "Duties", "{person} works {count} sessions; the limit is {cap}").format(
                    **values), translate(
                "Duties", "give {extra} of their duties to someone else, or {allow}").format(
                allow=remedies.max_sessions(load).text, **values), staff_id=staff_id))
    for (staff_id, _slot), duties in ledger.busy.items():
        if len(duties) > 1:
            sessions = sorted({d.session_id for d in duties}, key=exam.order.__getitem__)
            issues.append(PlanIssue("double-booked", translate(
                "Duties", "{person} has {count} duties at the same time ({sessions})").format(
                    person=person_label(exam.staff[staff_id]), count=len(duties),
                    sessions=listing([exam.session_by_id[s].label for s in sessions])),
                translate("Duties", "keep one of them"), staff_id=staff_id))
    return issues


def _duties(exam: RosterExam, ledger: Ledger) -> list[PlanIssue]:
    """Rule 5 (home center) and the roles, duty by duty."""
    issues: list[PlanIssue] = []
    kinds = {DutyKind.ROOM: translate("Duties", "room invigilator"),
             DutyKind.ROVING: translate("Duties", "roving invigilator"),
             DutyKind.INSPECTOR: translate("Duties", "inspector"),
             DutyKind.RESERVE: translate("Duties", "reserve")}
    for duty in ledger.duties:
        person = exam.staff[duty.staff_id]
        room = exam.rooms.get(duty.room_id) if duty.room_id is not None else None
        center = exam.center_by_id.get(room.center_id if room else duty.center_id)
        if center is None:
            continue
        values = {"person": person_label(person), "center": center_label(center),
                  "session": exam.session_by_id[duty.session_id].label}
        if not exam.settings.cross_center and person.home_center_id != center.id:
            home = exam.center_by_id.get(person.home_center_id or -1)
            if home is None:
                message = translate("Duties", "{person}, who has no home test center, has a "
                                              "duty at {center} in {session}")
            else:
                values["home"] = center_label(home)
                message = translate("Duties", "{person} of {home} has a duty at {center} in "
                                              "{session}")
            issues.append(PlanIssue("off-center", message.format(**values), translate(
                "Duties", "give it to staff of {center}, or {cross}").format(
                cross=remedies.cross_center().text, **values),
                center=center.code, staff_id=person.id))
        if duty.kind in kinds and not exam.may_take(person, duty.kind, center.id):
            values.update(duty=kinds[duty.kind], role=STAFF_ROLE_LABELS[_NEEDED_ROLE[duty.kind]])
            issues.append(PlanIssue("wrong-role", translate(
                "Duties", "{person} has a {duty} duty at {center} in {session} but is not "
                          "{role}").format(**values), translate(
                "Duties", "give it to a {role}, or add the role to {person}").format(**values),
                center=center.code, staff_id=person.id))
    return issues


def _rooms(exam: RosterExam, ledger: Ledger, session: DutySession) -> list[PlanIssue]:
    """Rules 2 and 3, one lead and the right count per room; rovers and reserves."""
    issues: list[PlanIssue] = []
    for center in exam.centers:
        for room in exam.in_use(center.id, session.id):
            issues.extend(_room(exam, ledger, session, room))
        floors = exam.floors(center.id, session.id)
        bare = [floor_label(f) for f in floors if not ledger.roving[center.id, session.id, f]]
        values = {"center": center_label(center), "session": session.label,
                  "floors": listing(bare)}
        if bare:
            issues.append(PlanIssue("roving-missing", translate(
                "Duties", "{center}, {session}: no roving invigilator for {floors}").format(
                    **values), translate(
                "Duties", "assign a roving invigilator to each floor").format(**values),
                center=center.code))
        wanted = exam.reserves_needed(center.id, session.id)
        have = ledger.reserves[center.id, session.id]
        if have < wanted:
            issues.append(PlanIssue("reserves-short", translate(
                "Duties", "{center}, {session}: {have} of {need} reserves").format(
                    have=have, need=wanted, **values), translate(
                "Duties", "add {missing} reserve invigilators").format(missing=wanted - have),
                Severity.WARNING, center=center.code))
    in_use = set(session.room_ids)
    for (session_id, room_id), duties in ledger.members.items():
        if session_id != session.id or room_id in in_use:
            continue
        room = exam.rooms[room_id]
        for duty in duties:
            issues.append(PlanIssue("room-not-in-use", translate(
                "Duties", "{person} invigilates {room} in {session}, where nobody sits that "
                          "session").format(person=person_label(exam.staff[duty.staff_id]),
                                            room=room.label, session=session.label),
                translate("Duties", "move them to a room in use, or to the reserves"),
                center=_center_code(exam, room.center_id), room=room.label,
                staff_id=duty.staff_id))
    return issues


def _center_code(exam: RosterExam, center_id: int) -> str:
    center = exam.center_by_id.get(center_id)
    return center.code if center else ""


def _room(exam: RosterExam, ledger: Ledger, session: DutySession,
          room: DutyRoom) -> list[PlanIssue]:
    issues: list[PlanIssue] = []
    duties = ledger.members.get((session.id, room.id), [])
    center = exam.center_by_id[room.center_id].code
    values: dict[str, object] = {"room": room.label, "session": session.label,
                                 "need": exam.per_room, "have": len(duties)}
    people = ledger.room_staff(session.id, room.id)
    for person in people:
        reason = conflict(person, room)
        if reason is not None:
            code = ("conflict-relative" if person.relatives & room.candidate_ids
                    else "conflict-unit")
            issues.append(PlanIssue(code, translate(
                "Duties", "{person} may not invigilate {room} in {session}: {reason}").format(
                    person=person_label(person), reason=reason, **values), translate(
                "Duties", "swap them with an invigilator of another room"),
                center=center, room=room.label, staff_id=person.id))
    for i, first in enumerate(people):
        for second in people[i + 1:]:
            if first.work_unit and first.work_unit == second.work_unit:
                issues.append(PlanIssue("same-unit-pair", translate(
                    "Duties", "{first} and {second}, both of {unit}, invigilate {room} in "
                              "{session}").format(first=person_label(first),
                                                  second=person_label(second),
                                                  unit=first.work_unit, **values), translate(
                    "Duties", "swap one of them with an invigilator of another unit"),
                    center=center, room=room.label, staff_id=first.id))
    if len(duties) < exam.per_room:
        values["missing"] = exam.per_room - len(duties)
        issues.append(PlanIssue("room-not-staffed", translate(
            "Duties", "{room} has {have} of {need} invigilators in {session}").format(**values),
            translate("Duties", "assign {missing} more invigilators to it").format(**values),
            center=center, room=room.label))
    elif len(duties) > exam.per_room:
        values["extra"] = len(duties) - exam.per_room
        issues.append(PlanIssue("room-overstaffed", translate(
            "Duties", "{room} has {have} invigilators in {session}; it needs {need}").format(
                **values), translate(
            "Duties", "move {extra} of them to another room or to the reserves").format(
                **values), center=center, room=room.label))
    leads = sum(1 for d in duties if d.is_lead)
    if duties and not leads:
        issues.append(PlanIssue("no-lead", translate(
            "Duties", "{room} has no lead invigilator in {session}").format(**values),
            translate("Duties", "mark one of its invigilators as lead (*)"),
            center=center, room=room.label))
    elif leads > 1:
        values["leads"] = leads
        issues.append(PlanIssue("two-leads", translate(
            "Duties", "{room} has {leads} lead invigilators in {session}").format(**values),
            translate("Duties", "keep one lead"), center=center, room=room.label))
    return issues


def _soft(exam: RosterExam, ledger: Ledger) -> list[PlanIssue]:
    """The soft goals, one warning each with examples."""
    one_gender: list[str] = []
    again: list[str] = []
    seen: set[tuple[int, int]] = set()
    for (session_id, room_id), _duties in sorted(
            ledger.members.items(), key=lambda item: (exam.order[item[0][0]], item[0][1])):
        people = sorted(ledger.room_staff(session_id, room_id), key=lambda p: p.id)
        place = translate("Duties", "{room} in {session}").format(
            room=exam.rooms[room_id].label, session=exam.session_by_id[session_id].label)
        if len(people) >= 2 and len({p.gender for p in people}) == 1:
            one_gender.append(place)
        for i, first in enumerate(people):
            for second in people[i + 1:]:
                if (first.id, second.id) in seen:
                    again.append(translate("Duties", "{first} and {second}").format(
                        first=person_label(first), second=person_label(second)))
                seen.add((first.id, second.id))
    issues: list[PlanIssue] = []
    if one_gender:
        issues.append(PlanIssue("same-gender-rooms", translate(
            "Duties", "{count} rooms have invigilators of one gender: {places}").format(
                count=len(one_gender), places=listing(one_gender)), translate(
            "Duties", "swap invigilators between rooms so that each has a man and a woman, "
                      "where staff allow"), Severity.WARNING))
    if again:
        issues.append(PlanIssue("repeated-pairs", translate(
            "Duties", "{count} pairs of invigilators work together again: {pairs}").format(
                count=len(again), pairs=listing(again)), translate(
            "Duties", "swap invigilators between rooms of the later session"), Severity.WARNING))
    return issues
