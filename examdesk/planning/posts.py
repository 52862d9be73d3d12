"""Service, medical and security posts of the test centers: who staffs them, and their supplies.

Posts (service desk, water, guidance, item storage, medical, temporary-ID desk, security and
traffic, power, radio, the paper strong room, the exam office) are staffed by people who are
at the center for the whole exam day: volunteers, doctors, police officers, power and radio
technicians sent by the partner services, and the center's own 保密员, chief examiners and exam
office clerks. So these people are available in every session, and the roster's session cap
(``RosterSettings.max_sessions``) does not apply to them; it applies only to people who also
hold an invigilating duty (room, roving, reserve, inspector), whose day the roster already
budgets. When there are more people than places, the sessions are spread evenly over them.
Which sessions a post is staffed in, and when its people report, is
:mod:`examdesk.planning.post_hours`'s.

Supplies (water, masks, stationery, first aid) follow from the expected candidates with
editable ratios: :func:`compute_supplies`.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from examdesk.enums import PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.labels import STAFF_ROLE_LABELS
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyPost,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.planning.plan import PlanIssue, Severity

#: The roles that staff each kind of post when the post names none.
DEFAULT_POST_ROLES: Mapping[PostKind, frozenset[StaffRole]] = MappingProxyType({
    PostKind.SERVICE_DESK: frozenset({StaffRole.VOLUNTEER}),
    PostKind.WATER_SUPPLIES: frozenset({StaffRole.VOLUNTEER}),
    PostKind.ROUTE_GUIDANCE: frozenset({StaffRole.VOLUNTEER}),
    PostKind.ITEM_STORAGE: frozenset({StaffRole.VOLUNTEER}),
    PostKind.MEDICAL: frozenset({StaffRole.MEDICAL}),
    PostKind.TEMP_ID_DESK: frozenset({StaffRole.POLICE}),
    PostKind.POWER: frozenset({StaffRole.POWER}),
    PostKind.RADIO_MONITORING: frozenset({StaffRole.RADIO}),
    PostKind.SECURITY: frozenset({StaffRole.POLICE}),
    # docs/posts.md: paper custody is the 保密员's; the center's leadership and its exam
    # office clerks run the exam office (nobody of these is rostered for rooms)
    PostKind.STRONG_ROOM: frozenset({StaffRole.CONFIDENTIAL}),
    PostKind.EXAM_OFFICE: frozenset({StaffRole.CHIEF_EXAMINER, StaffRole.DEPUTY_CHIEF,
                                     StaffRole.EXAM_OFFICE}),
})

_ROLE_ORDER = {role: i for i, role in enumerate(StaffRole)}


@dataclass(frozen=True)
class Coverage:
    """How far one post is staffed in one session.

    Attributes:
        post_id: the post.
        session_id: the session.
        required: the post's headcount.
        filled: the people on it, locked duties included.
    """

    post_id: int
    session_id: int
    required: int
    filled: int


def post_roles(post: DutyPost) -> frozenset[StaffRole]:
    """The roles that may staff ``post``: its own, or the default ones for its kind."""
    return post.roles or DEFAULT_POST_ROLES[post.kind]


def roles_label(post: DutyPost) -> str:
    """The roles that may staff ``post`` as messages name them, e.g. ``主考/副主考/考务办公室``."""
    return "/".join(STAFF_ROLE_LABELS[r] for r in StaffRole if r in post_roles(post))


def counts_toward_cap(duties: Iterable[Duty]) -> bool:
    """Whether the session cap applies to a person holding ``duties``.

    It applies to anyone who invigilates (any duty other than a post): their sessions, posts
    included, count. People who only staff posts are there all day and are not capped.
    """
    return any(d.kind is not DutyKind.POST for d in duties)


def fill_posts(
    posts: Sequence[DutyPost],
    sessions: Sequence[DutySession],
    staff: Sequence[DutyStaff],
    busy: Sequence[Duty],
    settings: RosterSettings,
    *,
    centers: Sequence[DutyCenter] = (),
    labels: Mapping[tuple[int, int], str] | None = None,
) -> tuple[tuple[Duty, ...], tuple[Coverage, ...], tuple[PlanIssue, ...]]:
    """Staff every post in every session.

    Each post takes ``headcount`` people holding one of its roles, from its own center first.
    Once every post of the session has taken its center's people, staff without a home center,
    and other centers' staff when ``settings.cross_center``, fill what is still missing: a
    center lends only the people its own posts left free, so help never opens a hole elsewhere.
    Outsiders already at that center that day come first, those at another center last (a
    person cannot be at two centers in one day). Nobody takes two duties in one session, nor
    anyone who sits the exam. Within a session the posts with the least slack choose first;
    among equals the person with the fewest sessions goes, ties broken by ``settings.seed``.
    The result depends only on the inputs, not on their order.

    Args:
        posts: the posts; each is staffed in its ``sessions`` (every session when None).
        sessions: the sessions to staff.
        staff: every staff member.
        busy: the duties already held: the roster's, and the post duties locked by hand (a
            locked post duty counts towards its post).
        settings: the session cap, other centers, the seed.
        centers: the test centers, to name them in issues (by id when missing).
        labels: (post id, session id) -> how issues name the session at that post (default:
            the session's label).

    Returns:
        The new post duties (not those in ``busy``); the coverage of every post in every
        session; an issue (``post-short``) for every post and session left short, an error when
        nobody staffs it, a warning when some do.
    """
    filler = _Filler(staff, busy, sessions, settings)
    code = {center.id: center.code for center in centers}
    duties: list[Duty] = []
    coverage: list[Coverage] = []
    issues: list[PlanIssue] = []
    for session in sorted(sessions, key=lambda s: (s.day, s.start_minutes, s.id)):
        open_posts = [p for p in posts if p.sessions is None or session.id in p.sessions]
        free = {post.id: filler.home_free(post, session) for post in open_posts}
        # the posts with the least slack choose first, so a person who holds two post roles
        # goes where nobody else can
        order = sorted(open_posts, key=lambda p: (
            len(free[p.id]) - filler.need(p, session), p.center_id, p.id
        ))
        taken: dict[int, list[int]] = {post.id: [] for post in open_posts}
        for helped in (False, True):
            for post in order:
                chosen = filler.fill(post, session, free[post.id], len(taken[post.id]), helped)
                taken[post.id] += [d.staff_id for d in chosen]
                duties.extend(chosen)
        for post in sorted(open_posts, key=lambda p: (p.center_id, p.id)):
            filled = filler.locked[post.id, session.id] + len(taken[post.id])
            coverage.append(Coverage(post.id, session.id, post.headcount, filled))
            if filled < post.headcount:
                label = (labels or {}).get((post.id, session.id), session.label)
                issues.append(_short(post, label, filled, free[post.id], taken[post.id],
                                     code.get(post.center_id, str(post.center_id)), settings))
    duties.sort(key=lambda d: (d.session_id, d.center_id, d.post_id or 0, d.staff_id))
    return tuple(duties), tuple(coverage), tuple(issues)


class _Filler:
    """Who is free in which session, and the sessions each person works so far."""

    def __init__(self, staff: Sequence[DutyStaff], busy: Sequence[Duty],
                 sessions: Sequence[DutySession], settings: RosterSettings) -> None:
        self.settings = settings
        rank = [person.id for person in sorted(staff, key=lambda p: p.id)]
        random.Random(settings.seed).shuffle(rank)
        self.tie = {person_id: i for i, person_id in enumerate(rank)}
        self.by_id = {person.id: person for person in staff}
        self.home: dict[tuple[int | None, StaffRole], list[DutyStaff]] = defaultdict(list)
        # who may help out at a center not their own: staff without a home center, and
        # everyone when other centers' staff are allowed
        self.outsiders: dict[StaffRole, list[DutyStaff]] = defaultdict(list)
        for person in staff:
            if person.is_candidate:
                continue
            for role in person.roles:
                self.home[person.home_center_id, role].append(person)
                if person.home_center_id is None or settings.cross_center:
                    self.outsiders[role].append(person)
        day = {session.id: session.day for session in sessions}
        self.sessions: dict[int, set[int]] = defaultdict(set)
        self.centers_on: dict[tuple[int, str], set[int]] = defaultdict(set)  # (person, day)
        self.present: dict[tuple[int, str], set[int]] = defaultdict(set)  # (center, day)
        self._ranked: dict[frozenset[StaffRole], list[DutyStaff]] = {}
        self._ranked_in: int | None = None  # the session ``_ranked`` was made for
        self.locked: dict[tuple[int, int], int] = defaultdict(int)  # (post, session) -> people
        held: dict[int, list[Duty]] = defaultdict(list)
        for duty in busy:
            self.sessions[duty.staff_id].add(duty.session_id)
            held[duty.staff_id].append(duty)
            if duty.session_id in day:
                self._place(duty.staff_id, duty.center_id, day[duty.session_id])
            if duty.kind is DutyKind.POST and duty.post_id is not None:
                self.locked[duty.post_id, duty.session_id] += 1
        self.capped = {person_id for person_id, own in held.items() if counts_toward_cap(own)}

    def need(self, post: DutyPost, session: DutySession) -> int:
        """The people ``post`` still needs in ``session`` besides its locked ones."""
        return max(post.headcount - self.locked[post.id, session.id], 0)

    def free(self, person: DutyStaff, session: DutySession) -> bool:
        """Whether ``person`` may take one more duty in ``session``."""
        worked = self.sessions.get(person.id, ())
        if session.id in worked:
            return False
        return person.id not in self.capped or len(worked) < self.settings.max_sessions

    def home_free(self, post: DutyPost, session: DutySession) -> list[DutyStaff]:
        """The post's center's own people who may staff it in ``session``, before any post
        of the session chooses."""
        seen: set[int] = set()
        found = []
        for role in post_roles(post):
            for person in self.home.get((post.center_id, role), ()):
                if person.id not in seen and self.free(person, session):
                    seen.add(person.id)
                    found.append(person)
        return found

    def fill(self, post: DutyPost, session: DutySession, home: Sequence[DutyStaff],
             filled: int, helped: bool) -> list[Duty]:
        """Choose more people for ``post`` in ``session`` and record their duties.

        Args:
            post: the post.
            session: the session.
            home: the center's people free for it as the session began.
            filled: the people chosen for it so far in this session.
            helped: choose from outside the center; else from ``home``.
        """
        need = self.need(post, session) - filled
        if need <= 0:
            return []
        if helped:
            chosen = self._outsiders(post, session, need)
        else:
            # ``home`` was listed before other posts chose: drop the ones taken since
            ready = [p for p in home if self.free(p, session)]
            ready.sort(key=lambda p: (len(self.sessions.get(p.id, ())), self.tie[p.id]))
            chosen = ready[:need]
        roles = post_roles(post)
        duties = []
        for person in chosen:
            role = min(person.roles & roles, key=_ROLE_ORDER.__getitem__)
            duties.append(Duty(person.id, session.id, post.center_id, DutyKind.POST, role,
                               post_id=post.id))
            self.sessions[person.id].add(session.id)
            self._place(person.id, post.center_id, session.day)
        return duties

    def _place(self, person_id: int, center_id: int, day: str) -> None:
        self.centers_on[person_id, day].add(center_id)
        self.present[center_id, day].add(person_id)

    def _outsiders(self, post: DutyPost, session: DutySession, need: int) -> list[DutyStaff]:
        """People from outside the post's center (see ``self.outsiders``): those already at
        this center that day first, then those at no center yet, then those at another."""
        roles = post_roles(post)
        here = self.present.get((post.center_id, session.day), set())

        def usable(person: DutyStaff) -> bool:
            # the center's own people were all offered in the first pass
            return (person.home_center_id != post.center_id and bool(person.roles & roles)
                    and (person.home_center_id is None or self.settings.cross_center)
                    and not person.is_candidate and self.free(person, session))

        def load(person: DutyStaff) -> tuple[int, int]:
            return len(self.sessions.get(person.id, ())), self.tie[person.id]

        chosen = sorted((p for i in here if usable(p := self.by_id[i])), key=load)[:need]
        unplaced: list[DutyStaff] = []
        elsewhere: list[DutyStaff] = []
        for person in self._ranked_outsiders(roles, session):
            if len(chosen) + len(unplaced) >= need:
                break
            if person.id in here or not usable(person):
                continue
            if (person.id, session.day) in self.centers_on:
                if len(elsewhere) < need:
                    elsewhere.append(person)
            else:
                unplaced.append(person)
        return [*chosen, *unplaced, *elsewhere][:need]

    def _ranked_outsiders(self, roles: frozenset[StaffRole],
                          session: DutySession) -> list[DutyStaff]:
        """The outsiders holding one of ``roles`` who are free as ``session`` starts, fewest
        sessions first.

        Made once a session: within a session only the people who take a duty change their
        load, and they are then no longer free, so the order of the rest holds.
        """
        if self._ranked_in != session.id:
            self._ranked, self._ranked_in = {}, session.id
        if roles not in self._ranked:
            people = {p.id: p for role in roles for p in self.outsiders.get(role, ())
                      if self.free(p, session)}
            self._ranked[roles] = sorted(people.values(), key=lambda p: (
                len(self.sessions.get(p.id, ())), self.tie[p.id]))
        return self._ranked[roles]


def _short(post: DutyPost, session: str, filled: int, free: Sequence[DutyStaff],
           taken: Sequence[int], center: str, settings: RosterSettings) -> PlanIssue:
    """The issue of a post left short in a session, with the people its center had free."""
    roles = roles_label(post)
    where = translate("Duties", "test center {code}").format(code=center)
    elsewhere = sum(1 for person in free if person.id not in taken)
    if elsewhere:
        message = translate(
            "Duties", "{center} {post} ({session}): {filled} of {required} people; the center "
                      "has {free} {roles} free, {elsewhere} of them at its other posts"
        )
    else:
        message = translate(
            "Duties", "{center} {post} ({session}): {filled} of {required} people; the center "
                      "has {free} {roles} free"
        )
    if settings.cross_center:
        fix = translate("Duties", "add {roles} to {center}: no other center has any free")
    else:
        fix = translate("Duties", "add {roles} to {center} or allow other centers' staff")
    return PlanIssue(
        code="post-short",
        message=message.format(center=where, post=post.label, session=session,
                               filled=filled, required=post.headcount, free=len(free),
                               roles=roles, elsewhere=elsewhere),
        fix=fix.format(roles=roles, center=where),
        severity=Severity.WARNING if filled else Severity.ERROR,
        center=center,
        post_id=post.id,
    )


@dataclass(frozen=True)
class SupplyRule:
    """How much of one item a post needs per center.

    Attributes:
        kind: the post that hands it out or keeps it.
        item: the item as staff write it, e.g. ``饮用水``.
        unit: its unit, e.g. ``瓶``.
        per_candidates: items per expected candidate (None: none per candidate).
        fixed: items per center whatever its size (first-aid kits, an AED).
        per_staff: items per staff member on duty (None: none), e.g. their water.
    """

    kind: PostKind
    item: str
    unit: str
    per_candidates: float | None = None
    fixed: int = 0
    per_staff: float | None = None

    def __post_init__(self) -> None:
        """Refuse negative amounts, which no stock list can hold.

        Raises:
            BadInput: a negative ratio or fixed amount.
        """
        if (self.per_candidates or 0) < 0 or (self.per_staff or 0) < 0 or self.fixed < 0:
            raise BadInput(translate(
                "Duties", "The supply rule for {item} has a negative amount; use 0 or more."
            ).format(item=self.item))


@dataclass(frozen=True)
class SupplyLine:
    """One item to deliver to one center's post.

    Attributes:
        center_id: the test center.
        post_kind: the post that hands it out or keeps it.
        item: the item.
        unit: its unit.
        quantity: how many, rounded up.
    """

    center_id: int
    post_kind: PostKind
    item: str
    unit: str
    quantity: int


#: The usual supplies; every ratio is a default the exam may edit.
DEFAULT_SUPPLY_RULES: tuple[SupplyRule, ...] = (
    SupplyRule(PostKind.WATER_SUPPLIES, "饮用水", "瓶", per_candidates=1.0, per_staff=1.0),
    SupplyRule(PostKind.WATER_SUPPLIES, "口罩", "个", per_candidates=0.5),
    SupplyRule(PostKind.SERVICE_DESK, "2B铅笔", "支", per_candidates=0.05),
    SupplyRule(PostKind.SERVICE_DESK, "黑色签字笔", "支", per_candidates=0.05),
    SupplyRule(PostKind.SERVICE_DESK, "橡皮", "块", per_candidates=0.02),
    SupplyRule(PostKind.MEDICAL, "急救箱", "个", fixed=2),
    SupplyRule(PostKind.MEDICAL, "AED", "台", fixed=1),
    SupplyRule(PostKind.TEMP_ID_DESK, "临时身份证明表", "张", per_candidates=0.02),
    SupplyRule(PostKind.ITEM_STORAGE, "物品存放袋", "个", per_candidates=1.0),
)


def compute_supplies(
    expected: Mapping[int, int],
    rules: Sequence[SupplyRule],
    staff: Mapping[int, int] | None = None,
) -> tuple[SupplyLine, ...]:
    """The supplies of every center for one exam day.

    ``expected`` counts the candidates a center receives that day: the distinct candidates
    seated there, not the sum over the day's sessions (a candidate keeps one seat all day and
    gets one bottle of water a day). For a two-day exam call it once per day, or with the
    busier day's figures to stock once.

    A line's quantity is ``ceil(expected x per_candidates) + ceil(staff x per_staff) + fixed``,
    computed in decimal so that 100 x 0.07 is 7, not 8. Lines of quantity 0 are left out.

    Args:
        expected: center id -> candidates expected that day.
        rules: the supply rules, e.g. :data:`DEFAULT_SUPPLY_RULES`.
        staff: center id -> staff on duty that day, for the rules with ``per_staff``.

    Returns:
        The lines, by center id and then in the order of ``rules``.

    Raises:
        BadInput: a negative number of candidates or staff.
    """
    staff = staff or {}
    if any(n < 0 for n in (*expected.values(), *staff.values())):
        raise BadInput(translate(
            "Duties", "The expected candidates or staff of a center are negative; use 0 or more."
        ))
    lines = []
    for center_id in sorted(expected.keys() | staff.keys()):
        for rule in rules:
            quantity = (_times(expected.get(center_id, 0), rule.per_candidates)
                        + _times(staff.get(center_id, 0), rule.per_staff) + rule.fixed)
            if quantity:
                lines.append(SupplyLine(center_id, rule.kind, rule.item, rule.unit, quantity))
    return tuple(lines)


def _times(count: int, ratio: float | None) -> int:
    # Decimal(str()) takes the ratio as typed: 0.07 is 0.07, not 0.07000000000000000666
    return 0 if ratio is None else math.ceil(Decimal(count) * Decimal(str(ratio)))
