"""The invigilator roster (监考安排): who invigilates, roves, inspects and stands in, session by
session, under the 回避 rules.

Hard rules, never broken by :func:`make_roster` and reported by :func:`roster_issues`:

1. nobody is in two places at once: one duty per person per session, and sessions starting at
   the same time on the same day count as one (locked duties included);
2. no invigilator in a room holding a relative's or their own work unit's candidates;
3. the invigilators of a room come from different work units (an empty unit never clashes);
4. at most ``settings.max_sessions`` sessions per person;
5. staff work at their home center, others only with ``settings.cross_center``;
6. nobody who sits the exam takes a duty;

and every room in use gets exactly ``invigilators_per_room`` invigilators, one of them the lead.
The soft goals (one man and one woman per room, balanced load, no partner or room twice) are
optimised and measured in :class:`RosterMetrics`.

What each part does: :mod:`~examdesk.planning.roster_model` (the needs, the rules, the counts),
:mod:`~examdesk.planning.roster_solve` (the matchings and the greedy baseline),
:mod:`~examdesk.planning.roster_match` (the cost matrices), :mod:`~examdesk.planning.roster_check`
(the checks) and :mod:`~examdesk.planning.roster_explain` (why anything is left empty).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyRoom,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.planning.plan import PlanIssue
from examdesk.planning.roster_check import check_roster
from examdesk.planning.roster_explain import capacity_issues, gap_issues, homeless_issues
from examdesk.planning.roster_model import (
    HARD_RULE_CODES,
    STAFFING_CODES,
    RosterExam,
    gaps,
    soft_counts,
)
from examdesk.planning.roster_solve import Builder
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

__all__ = ["HARD_RULE_CODES", "STAFFING_CODES", "Roster", "RosterMetrics", "greedy_roster",
           "make_roster", "roster_issues"]


@dataclass(frozen=True)
class RosterMetrics:
    """How good a roster is.

    Attributes:
        hard_violations: issues of :data:`HARD_RULE_CODES` that :func:`roster_issues` finds
            (0 unless locked duties break a rule).
        unfilled: room places, floors without a rover, reserves and inspections left empty.
        same_gender_rooms: room-sessions whose (two or more) invigilators are all one gender.
        repeated_pairs: the same two people paired again in a later session.
        repeated_rooms: a person in the same room again.
        load_spread: most minus fewest sessions among staff who work at all.
    """

    hard_violations: int
    unfilled: int
    same_gender_rooms: int
    repeated_pairs: int
    repeated_rooms: int
    load_spread: int


@dataclass(frozen=True)
class Roster:
    """A roster with what it leaves short, and why.

    Attributes:
        duties: every duty, locked ones included, by session, center, kind and room.
        issues: shortfalls found before solving (``roster-short``), every duty left empty
            with what kept each possible person away (``roster-unfilled``), and broken rules
            that locked duties bring; empty when the roster is complete.
        metrics: its hard violations, gaps and soft-goal misses.
    """

    duties: tuple[Duty, ...]
    issues: tuple[PlanIssue, ...]
    metrics: RosterMetrics


def make_roster(centers: Sequence[DutyCenter], rooms: Sequence[DutyRoom],
                sessions: Sequence[DutySession], staff: Sequence[DutyStaff],
                settings: RosterSettings, *, locked: Sequence[Duty] = (),
                progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> Roster:
    """Make the roster: assignment matchings per test center and time slot.

    Inspectors are placed first, then the room invigilators of every slot (the first of each
    room in one matching, the next ones with the soft goals as costs), then rovers and
    reserves. The same inputs and seed always give the same roster.

    Args:
        centers: the test centers.
        rooms: every exam room; a room is staffed in the sessions whose ``room_ids`` list it.
        sessions: the sessions.
        staff: every staff member with their roles. Room and reserve duties go to
            invigilators; roving to roving invigilators (to invigilators at a center that has
            none); every inspector inspects each session of their center up to the cap.
        settings: invigilators per room, session cap, reserve ratio, other centers, seed.
        locked: duties fixed beforehand; kept as they are and solved around. Those at other
            centers than ``centers`` count for who is free, and are returned unchecked.
        progress: told how many (center, time slot) problems are done.
        cancelled: checked before each problem.

    Returns:
        The roster.

    Raises:
        OperationCancelled: the user cancelled.
    """
    return _roster(RosterExam(centers, rooms, sessions, staff, settings), locked,
                   optimise=True, progress=progress, cancelled=cancelled)


def greedy_roster(centers: Sequence[DutyCenter], rooms: Sequence[DutyRoom],
                  sessions: Sequence[DutySession], staff: Sequence[DutyStaff],
                  settings: RosterSettings, *, locked: Sequence[Duty] = ()) -> Roster:
    """The baseline for the benchmark: most-constrained room first, least-worked person first.

    It keeps the hard rules like :func:`make_roster` but ignores the soft goals and never
    moves anyone once placed.

    Args:
        centers: the test centers.
        rooms: every exam room.
        sessions: the sessions.
        staff: every staff member with their roles.
        settings: the roster settings.
        locked: duties fixed beforehand.

    Returns:
        The roster.
    """
    return _roster(RosterExam(centers, rooms, sessions, staff, settings), locked,
                   optimise=False)


def roster_issues(centers: Sequence[DutyCenter], rooms: Sequence[DutyRoom],
                  sessions: Sequence[DutySession], staff: Sequence[DutyStaff],
                  duties: Sequence[Duty], settings: RosterSettings) -> tuple[PlanIssue, ...]:
    """Every problem of any roster, hand-edited ones included (``examdesk check``).

    Args:
        centers: the test centers.
        rooms: every exam room.
        sessions: the sessions.
        staff: every staff member with their roles.
        duties: the roster's duties.
        settings: the roster settings.

    Returns:
        Errors first: broken hard rules (codes in :data:`HARD_RULE_CODES`), rooms short of
        invigilators or floors without a rover; then warnings: reserves missing and the soft
        goals (``same-gender-rooms``, ``repeated-pairs``), one warning each.
    """
    return tuple(check_roster(RosterExam(centers, rooms, sessions, staff, settings), duties))


def _roster(exam: RosterExam, locked: Sequence[Duty], *, optimise: bool,
            progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> Roster:
    builder = Builder(exam, locked, optimise=optimise, progress=progress, cancelled=cancelled)
    # capacity is judged on the locked duties alone, before anyone is placed
    shortfalls = capacity_issues(exam, builder.ledger)
    builder.run()
    duties = builder.duties()
    empty = gaps(exam, builder.ledger)
    # a roster of some centers (``examdesk roster --center``) is made around the other centers'
    # duties, locked: they bear on who is free, but are not of this roster to check (they
    # would read as duties of a center the exam does not have)
    checked = check_roster(exam, [d for d in duties if d.center_id in exam.center_by_id])
    broken = [issue for issue in checked if issue.code in HARD_RULE_CODES]
    soft = soft_counts(exam, builder.ledger)
    metrics = RosterMetrics(
        hard_violations=len(broken), unfilled=sum(gap.missing for gap in empty),
        same_gender_rooms=soft.same_gender_rooms, repeated_pairs=soft.repeated_pairs,
        repeated_rooms=soft.repeated_rooms, load_spread=soft.load_spread)
    # staff without a home center matter only when someone is missing
    homeless = homeless_issues(exam) if empty else []
    issues = (*shortfalls, *gap_issues(exam, builder.ledger, empty), *homeless, *broken)
    return Roster(duties, issues, metrics)
