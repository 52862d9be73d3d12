"""Why a roster is short: capacity before solving, and each empty duty after, with the numbers.

Before any person is placed, :func:`capacity_issues` compares what every center needs in every
time slot with the invigilators free then (and, when 回避 leaves fewer of them than rooms need,
with a largest matching of people to rooms the rules allow), and the whole day with the session
cap. After solving, :func:`gap_issues` explains each duty left empty by counting what keeps
every person who may work there away from it: on duty at that time, at the session cap, at
another center that day, a relative or colleague among the room's candidates, or the unit of
the room's other invigilator. Nothing is left empty without an issue saying why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from examdesk.enums import StaffRole
from examdesk.i18n import translate
from examdesk.planning import remedies
from examdesk.planning.duty_plan import DutyCenter, DutyKind, DutyStaff
from examdesk.planning.plan import PlanIssue, Severity
from examdesk.planning.roster_match import People, placeable
from examdesk.planning.roster_model import (
    Gap,
    Ledger,
    RosterExam,
    center_label,
    floor_label,
    listing,
    person_label,
)


def capacity_issues(exam: RosterExam, ledger: Ledger) -> list[PlanIssue]:
    """Where the invigilators cannot cover the rooms, found before solving.

    Args:
        exam: the exam.
        ledger: the locked duties.

    Returns:
        ``roster-short`` errors per center (the exam with ``cross_center``) and time slot, and
        over the day under the session cap.
    """
    issues: list[PlanIssue] = []
    groups = [[c] for c in exam.centers] if not exam.settings.cross_center else [exam.centers]
    for group in groups:
        if group:
            issues.extend(_group_issues(exam, ledger, group))
    return remedies.roster_remedies(issues)


def homeless_issues(exam: RosterExam) -> list[PlanIssue]:
    """A ``no-home-center`` warning naming the staff no duty may go to (no known home center).

    Args:
        exam: the exam.

    Returns:
        The warning, or nothing when everyone has a home center or ``cross_center`` is on.
    """
    if exam.settings.cross_center:
        return []
    working = {StaffRole.INVIGILATOR, StaffRole.ROVING_INVIGILATOR, StaffRole.INSPECTOR}
    lost = [p for p in exam.staff.values() if not p.is_candidate and p.roles & working
            and p.home_center_id not in exam.center_by_id]
    if not lost:
        return []
    return remedies.roster_remedies([PlanIssue(
        "no-home-center",
        translate("Duties", "{count} staff have no home test center, so they get no duty: "
                            "{names}").format(count=len(lost),
                                             names=listing([person_label(p) for p in lost])),
        translate("Duties", "give them a home test center, or {cross}").format(
            cross=remedies.cross_center().text),
        Severity.WARNING)])


def _group_issues(exam: RosterExam, ledger: Ledger,
                  group: Sequence[DutyCenter]) -> list[PlanIssue]:
    cross = exam.settings.cross_center
    ids = {c.id for c in group}
    pool = [p for p in exam.workers(ids) if StaffRole.INVIGILATOR in p.roles]
    slots = sorted({t for c in group for t in exam.center_slots(c.id)})
    where = center_label(group[0])
    issues: list[PlanIssue] = []
    total = 0
    for slot in slots:
        rooms, rows, members = 0, [], []
        for center in group:
            for session in exam.center_sessions(center.id, slot):
                for room in exam.in_use(center.id, session.id):
                    rooms += 1
                    staff = ledger.room_staff(session.id, room.id)
                    for _ in range(exam.per_room - len(staff)):
                        rows.append(room)
                        members.append(staff)
        need = len(rows)
        total += need
        if not need:
            continue
        free = [p for p in pool if ledger.is_free(p.id, slot)]
        values = {"center": where, "session": exam.slot_label(slot, None if cross else
                                                              group[0].id),
                  "rooms": rooms, "need": need, "free": len(free), "short": need - len(free)}
        if cross and len(free) < need:
            issues.append(PlanIssue("roster-short", translate(
                "Duties", "{session}: {rooms} rooms need {need} invigilators; only {free} are "
                          "available in all test centers").format(**values), translate(
                "Duties", "add {short} invigilators to any test center").format(**values)))
        elif len(free) < need:
            issues.append(PlanIssue("roster-short", translate(
                "Duties", "{center}, {session}: {rooms} rooms need {need} invigilators; only "
                          "{free} are available").format(**values),
                _fixes(_add(need - len(free)), cross=False).format(**values),
                center=group[0].code))
        elif not cross:
            fit = placeable(People(free).forbidden(rows, members))
            if fit < need:
                values.update(fit=fit, short=need - fit)
                issues.append(PlanIssue("roster-short", translate(
                    "Duties", "{center}, {session}: {rooms} rooms need {need} invigilators; "
                              "{fit} of the {free} available are eligible after 回避").format(
                    **values), translate(
                    "Duties", "add {short} invigilators to {center} from work units with no "
                              "candidates there, or {cross}").format(
                    cross=remedies.cross_center().text, **values),
                    center=group[0].code))
    if len(slots) > 1 and total:
        day = _day_issue(exam, ledger, group, pool, slots, total)
        if day is not None:
            issues.append(day)
    return issues


def _day_issue(exam: RosterExam, ledger: Ledger, group: Sequence[DutyCenter],
               pool: Sequence[DutyStaff], slots: Sequence[int], need: int) -> PlanIssue | None:
    cap = exam.settings.max_sessions

    free_slots = {p.id: sum(1 for t in slots if not ledger.busy.get((p.id, t))) for p in pool}

    def supply(limit: int) -> int:
        return sum(max(0, min(limit - ledger.load(p.id), free_slots[p.id])) for p in pool)

    given = supply(cap)
    if need <= given:
        return None
    each = min(cap, len(slots))
    more = math.ceil((need - given) / each)
    values: dict[str, object] = {
        "center": center_label(group[0]), "need": need, "slots": len(slots),
        "people": len(pool), "given": given, "each": each, "more": more}
    if exam.settings.cross_center:
        message = translate("Duties", "The exam needs {need} invigilator-sessions over {slots} "
                                      "sessions; its {people} invigilators give at most "
                                      "{given} at {each} sessions each")
        fixes = [translate("Duties", "add {more} invigilators to any test center")]
    else:
        message = translate("Duties", "{center} needs {need} invigilator-sessions over {slots} "
                                      "sessions; its {people} invigilators give at most "
                                      "{given} at {each} sessions each")
        fixes = [_add(more)]
    raised = next((n for n in range(cap + 1, len(slots) + 1) if supply(n) >= need), None)
    if raised is not None:
        values["raised"] = raised
        fixes.append(remedies.max_sessions(raised).text)
    if not exam.settings.cross_center:
        fixes.append(remedies.cross_center().text)
    return PlanIssue("roster-short", message.format(**values),
                     _alternatives(fixes).format(**values),
                     center="" if exam.settings.cross_center else group[0].code)


def gap_issues(exam: RosterExam, ledger: Ledger, gaps: Sequence[Gap]) -> list[PlanIssue]:
    """One ``roster-unfilled`` issue per gap, saying what keeps each possible person away.

    Room and roving gaps are errors; missing reserves and inspections are warnings.

    Args:
        exam: the exam.
        ledger: the finished roster.
        gaps: what it leaves empty.

    Returns:
        The issues, in the order of ``gaps``.
    """
    census = _Census(exam, ledger)
    return remedies.roster_remedies(_gap_issue(exam, census, gap) for gap in gaps)


class _Census:
    """Who may take a duty, and how many of them are busy or at the cap, per time slot.

    Those two counts do not depend on the place, only on the slot, so they are counted once
    per slot: with thousands of gaps over 8,000 staff, counting per gap takes seconds.
    """

    def __init__(self, exam: RosterExam, ledger: Ledger) -> None:
        self.exam = exam
        self.ledger = ledger
        self._slots: dict[tuple[DutyKind, int, int], tuple[int, int, list[DutyStaff]]] = {}

    def _slot(self, kind: DutyKind, center_id: int, slot: int) -> tuple[int, int,
                                                                        list[DutyStaff]]:
        exam, ledger = self.exam, self.ledger
        # with cross_center everyone may come; only the rovers rule depends on the center
        key = (kind, -1 if exam.settings.cross_center and kind is not DutyKind.ROVING
               else center_id, slot)
        if key not in self._slots:
            busy = capped = 0
            free: list[DutyStaff] = []
            for person in exam.workers({center_id}):
                if not exam.may_take(person, kind, center_id):
                    continue
                if ledger.busy.get((person.id, slot)):
                    busy += 1
                elif ledger.load(person.id) >= exam.settings.max_sessions:
                    capped += 1
                else:
                    free.append(person)
            self._slots[key] = (busy, capped, free)
        return self._slots[key]

    def counts(self, gap: Gap) -> dict[str, int]:
        """Each person who may take the gap's duty, under the first thing that keeps them."""
        ledger = self.ledger
        session = self.exam.session_by_id[gap.session_id or 0]
        busy, capped, free = self._slot(gap.kind, gap.center_id, self.exam.slot_of[session.id])
        counts = dict.fromkeys(("elsewhere", "relative", "unit", "partner", "open"), 0)
        counts.update(busy=busy, capped=capped)
        room = gap.room
        units = set() if room is None else {
            p.work_unit for p in ledger.room_staff(session.id, room.id) if p.work_unit}
        for person in free:
            if ledger.away_elsewhere(person, gap.center_id, session.day):
                key = "elsewhere"
            elif room is not None and person.relatives & room.candidate_ids:
                key = "relative"
            elif room is not None and person.work_unit and person.work_unit in room.units:
                key = "unit"
            elif person.work_unit in units:
                key = "partner"
            else:
                key = "open"
            counts[key] += 1
        return counts


def _gap_issue(exam: RosterExam, census: _Census, gap: Gap) -> PlanIssue:
    center = exam.center_by_id[gap.center_id]
    values: dict[str, object] = {"center": center_label(center), "missing": gap.missing,
                                 "need": gap.need, "cap": exam.settings.max_sessions}
    if gap.kind is DutyKind.INSPECTOR:
        person = exam.staff[gap.staff_id or 0]
        values.update(person=person_label(person), done=gap.need - gap.missing)
        return PlanIssue("roster-unfilled", translate(
            "Duties", "{person} inspects {done} of {need} sessions at {center}: their other "
                      "duties take the rest").format(**values), translate(
            "Duties", "give some of their other duties to someone else").format(**values),
            Severity.WARNING, center=center.code)
    session = exam.session_by_id[gap.session_id or 0]
    values["session"] = session.label
    counts = census.counts(gap)
    values.update(counts)
    values["pool"] = sum(counts.values())
    if gap.kind is DutyKind.ROOM and gap.room is not None:
        values["room"] = gap.room.label
        head = translate("Duties", "{room}, {session}: {missing} of {need} invigilators "
                                   "missing").format(**values)
    elif gap.kind is DutyKind.ROVING:
        values["floors"] = listing([floor_label(f) for f in gap.floors])
        head = translate("Duties", "{center}, {session}: no roving invigilator for "
                                   "{floors}").format(**values)
    else:
        head = translate("Duties", "{center}, {session}: {missing} of {need} reserves "
                                   "missing").format(**values)
    why, fix = _why(exam, gap, values)
    severity = Severity.WARNING if gap.kind is DutyKind.RESERVE else Severity.ERROR
    return PlanIssue("roster-unfilled", translate("Duties", "{head}; {why}").format(
        head=head, why=why), fix, severity, center=center.code,
        room=gap.room.label if gap.room is not None else "")


def _why(exam: RosterExam, gap: Gap, values: dict[str, object]) -> tuple[str, str]:
    """The reason (after the head) and the fix of a room, roving or reserve gap."""
    cross = exam.settings.cross_center
    if gap.kind is DutyKind.ROVING:
        add = translate("Duties", "add {missing} roving invigilators to {center}")
        if gap.missing == 1:
            add = translate("Duties", "add a roving invigilator to {center}")
    else:
        add = _add(gap.missing)
    if not values["pool"]:
        why = translate("Duties", "nobody may take it at {center}")
        return why.format(**values), _fixes(add, cross=cross).format(**values)
    if values["open"]:
        why = translate("Duties", "{open} free people may still take it")
        fix = translate("Duties", "assign them by hand, or make the roster again")
        return why.format(**values), fix.format(**values)
    parts = [text.format(**values) for key, text in (
        ("busy", translate("Duties", "on duty at the same time: {busy}")),
        ("capped", translate("Duties", "at the limit of {cap} sessions: {capped}")),
        ("elsewhere", translate("Duties", "at another test center that day: {elsewhere}")),
        ("relative", translate("Duties", "a relative among its candidates: {relative}")),
        ("unit", translate("Duties", "colleagues of their unit among its candidates: {unit}")),
        ("partner", translate("Duties", "same unit as its other invigilator: {partner}")),
    ) if values[key]]
    values["reasons"] = translate("Duties", "; ").join(parts)
    if values["relative"] or values["unit"] or values["partner"]:
        why = translate("Duties", "all {pool} who may take it are kept away ({reasons})")
        fix = translate("Duties", "add {missing} invigilators to {center} from work units with "
                                  "no candidates in {room}, or swap an invigilator of another "
                                  "room into it by hand")
        return why.format(**values), fix.format(**values)
    why = translate("Duties", "none of the {pool} who may take it is free ({reasons})")
    fixes = [add]
    if values["capped"]:
        values["raised"] = exam.settings.max_sessions + 1
        fixes.append(remedies.max_sessions(exam.settings.max_sessions + 1).text)
    return why.format(**values), _fixes(*fixes, cross=cross).format(**values)


def _add(count: int) -> str:
    """The fix "add N invigilators to {center}", with N filled in."""
    if count == 1:
        return translate("Duties", "add an invigilator to {center}")
    # {center} stays a field: the caller fills it with the rest of the message's values
    return translate("Duties", "add {count} invigilators to {center}").format(
        count=count, center="{center}")


def _fixes(*fixes: str, cross: bool) -> str:
    if not cross:
        fixes = (*fixes, remedies.cross_center().text)
    return _alternatives(fixes)


def _alternatives(fixes: Sequence[str]) -> str:
    return translate("Duties", ", or ").join(fixes)
