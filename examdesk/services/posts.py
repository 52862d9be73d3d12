"""The exam's posts: standard posts from editable templates, one center's posts by hand, and
the problems of their staffing as it stands.

A post is known by its test center, kind and name (the name tells two posts of one kind
apart; the usual one has none). Every change is audited with the user's name, in the caller's
transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind, PostKind, StaffRole
from examdesk.errors import BadInput, PlanProblem
from examdesk.i18n import translate
from examdesk.labels import post_label
from examdesk.model import Duty, Post, PostSupply, PostTemplate, Staff, TestCenter
from examdesk.model.staff import PostValues
from examdesk.planning import remedies
from examdesk.planning.duty_plan import DutyPost, DutyRoom, DutySession
from examdesk.planning.plan import PlanIssue, Severity
from examdesk.planning.post_templates import (
    DEFAULT_POST_TEMPLATES,
    PostChange,
    StandardPost,
    SupplyAmount,
)
from examdesk.planning.posts import post_roles, roles_label
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.duties import exam_post_shifts, shift_label
from examdesk.services.duty_data import DutyData, load_duty_data
from examdesk.services.exams import ExamRef, center_id


class LockedPostDuties(PlanProblem):
    """A post to remove has duties locked by hand; removing it would drop them."""

    code = "post-locked-duties"


@dataclass(frozen=True)
class PostRow:
    """One post of a center, as lists show it.

    Attributes:
        center: the test center's code.
        post: the post's values.
        phone: its phone.
        duties: the duties on it (locked ones included).
        locked: its duties locked by hand.
    """

    center: str
    post: StandardPost
    phone: str
    duties: int = 0
    locked: int = 0


def seed_post_templates(session: Session, exam_id: int,
                        templates: Sequence[StandardPost] = DEFAULT_POST_TEMPLATES) -> None:
    """Give a new exam the standard posts as its templates."""
    session.add_all(_template_row(exam_id, order, t) for order, t in enumerate(templates))
    session.flush()


def post_templates(session: Session, exam: ExamRef) -> tuple[StandardPost, ...]:
    """The exam's standard posts, in their order."""
    return tuple(_standard(row, _stored_supplies(row.supplies)) for row in session.scalars(
        select(PostTemplate).where(PostTemplate.exam_id == exam.id)
        .order_by(PostTemplate.sort_order, PostTemplate.id)))


def set_post_template(session: Session, actor: Actor, exam: ExamRef, kind: PostKind,
                      name: str, change: PostChange) -> StandardPost:
    """Add a standard post to the exam, or change one (known by kind and name).

    Posts made from it before keep their values: change them with :func:`edit_post`.

    Raises:
        BadInput: the change gives values no post can have, a phone (templates take their
            center's), or a new name another template of the kind has.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    if change.phone is not None:
        raise BadInput(translate(
            "Posts", "A standard post takes the phone of each center; set a post's phone "
                     "on the post itself."))
    row = _template(session, exam, kind, name)
    base = StandardPost(kind, name.strip()) if row is None else _standard(
        row, _stored_supplies(row.supplies))
    new = change.applied(base)
    if new.name != base.name and _template(session, exam, kind, new.name) is not None:
        raise BadInput(translate(
            "Posts", "The exam already has a standard post {post}.").format(
            post=post_label(kind, new.name)))
    if row is None:
        order = session.scalar(select(func.max(PostTemplate.sort_order))
                               .where(PostTemplate.exam_id == exam.id))
        row = _template_row(exam.id, (order or 0) + 1, new)
        session.add(row)
    else:
        _fill_template(row, new)
    session.flush()
    audit.record(session, actor, "posts.template.set", exam_id=exam.id,
                 entity="post_template", entity_id=row.id,
                 summary=translate("Audit", "Standard post {post}").format(
                     post=post_label(kind, new.name)),
                 details=_details(new))
    return new


def remove_post_template(session: Session, actor: Actor, exam: ExamRef, kind: PostKind,
                         name: str) -> None:
    """Remove a standard post from the exam (the posts made from it stay).

    Raises:
        BadInput: the exam has no such standard post.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    row = _template(session, exam, kind, name)
    if row is None:
        raise BadInput(translate(
            "Posts", "The exam has no standard post {post}; its standard posts are {posts}."
        ).format(post=post_label(kind, name.strip()), posts=_listing(
            (post_label(t.kind, t.name) for t in post_templates(session, exam)), 20)))
    session.delete(row)
    session.flush()
    audit.record(session, actor, "posts.template.remove", exam_id=exam.id,
                 entity="post_template", entity_id=row.id,
                 summary=translate("Audit", "Removed the standard post {post}").format(
                     post=post_label(kind, name.strip())))


def create_standard_posts(session: Session, exam: ExamRef,
                          center_ids: Collection[int]) -> int:
    """Give each of these test centers the exam's standard posts that it does not have yet.

    A center's post of the same kind and name counts as had, whatever its values: nothing is
    duplicated or overwritten. A post takes its center's phone.

    Returns:
        How many posts were made.
    """
    templates = post_templates(session, exam)
    if not center_ids or not templates:
        return 0
    had = set(session.execute(select(Post.center_id, Post.kind, Post.name)
                              .where(Post.center_id.in_(center_ids))))
    phones = dict(session.execute(select(TestCenter.id, TestCenter.phone)
                                  .where(TestCenter.id.in_(center_ids))).all())
    made = 0
    for center in sorted(center_ids):
        for template in templates:
            if (center, template.kind, template.name) not in had:
                new_post(session, center, template, phones.get(center, ""))
                made += 1
    session.flush()
    return made


def init_posts(session: Session, actor: Actor, exam: ExamRef, *,
               center: str | None = None) -> int:
    """Give existing test centers (one, or all) the standard posts they do not have yet.

    Returns:
        How many posts were made.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    only = center_id(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, only, center_code=center or "")
    centers = [only] if only is not None else list(session.scalars(
        select(TestCenter.id).where(TestCenter.exam_id == exam.id)))
    made = create_standard_posts(session, exam, centers)
    audit.record(session, actor, "posts.init", exam_id=exam.id, entity="exam",
                 entity_id=exam.id,
                 summary=translate("Audit", "Made {count} posts from the standard posts")
                 .format(count=made),
                 details={"center": center or "", "posts": made})
    return made


def center_posts(session: Session, exam: ExamRef, *,
                 center: str | None = None) -> tuple[PostRow, ...]:
    """The posts of every test center (or one), by center and post.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    only = center_id(session, exam, center)
    query = (select(Post, TestCenter.code).join(TestCenter)
             .where(TestCenter.exam_id == exam.id)
             .order_by(TestCenter.sort_order, TestCenter.code, Post.id))
    if only is not None:
        query = query.where(Post.center_id == only)
    rows = session.execute(query).all()
    values = stored_posts(session, [post for post, _code in rows])
    counts: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0])
    for post_id, locked in session.execute(
        select(Duty.post_id, Duty.locked).where(Duty.post_id.in_([p.id for p, _c in rows]))
    ):
        counts[post_id or 0][0] += 1
        counts[post_id or 0][1] += int(locked)
    return tuple(PostRow(code, value, post.phone, counts[post.id][0], counts[post.id][1])
                 for (post, code), value in zip(rows, values, strict=True))


def add_post(session: Session, actor: Actor, exam: ExamRef, center: str, kind: PostKind,
             name: str, change: PostChange) -> PostRow:
    """Add one post to a test center, starting from the exam's standard post of that kind
    and name when there is one.

    Raises:
        BadInput: no such center, the center has this post already, or bad values.
    """
    where = _center(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, where, center_code=center)
    if _post(session, where, kind, name) is not None:
        raise BadInput(translate(
            "Posts", "Test center {center} already has the post {post}; change it with "
                     "edit, or give the new post a name.").format(
            center=center, post=post_label(kind, name.strip())))
    template = _template(session, exam, kind, name)
    base = StandardPost(kind, name.strip()) if template is None else _standard(
        template, _stored_supplies(template.supplies))
    new = change.applied(base)
    phone = change.phone if change.phone is not None else session.scalar(
        select(TestCenter.phone).where(TestCenter.id == where)) or ""
    row = new_post(session, where, new, phone.strip())
    return _recorded(session, actor, exam, "posts.add", row, center, new)


def edit_post(session: Session, actor: Actor, exam: ExamRef, center: str, kind: PostKind,
              name: str, change: PostChange, *, version: int | None = None) -> PostRow:
    """Change one post of a test center (its duties stay; fill the posts again to follow a
    new headcount or roles).

    ``version``: the post's version the window read (None: not compared).

    Raises:
        BadInput: no such center or post, nothing to change, bad values, or a new name
            another post of the kind at the center has.
        EditConflict: the post changed after the window read it
            (examdesk/services/versions.py).
    """
    where = _center(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, where, center_code=center)
    row = _existing(session, exam, where, center, kind, name)
    if version is not None:
        versions.check_version(
            session, Post, row.id, version, exam_id=exam.id, about=[("post", row.id)],
            what=post_label(kind, row.name), current=versions.described(
                [row.place, _hours(row), f"{row.required_headcount}", row.phone]))
    if change.empty:
        raise BadInput(translate(
            "Posts", "Say what to change: the name, place, hours, people, roles, phone or "
                     "supplies."))
    old = stored_post(session, row)
    new = change.applied(old)
    if new.name != old.name and _post(session, where, kind, new.name) is not None:
        raise BadInput(translate(
            "Posts", "Test center {center} already has the post {post}.").format(
            center=center, post=post_label(kind, new.name)))
    fill_post(row, new)
    if change.phone is not None:
        row.phone = change.phone.strip()
    # its supplies are rows of their own: a change of them alone moves the post's version
    row.version = row.version + 1
    return _recorded(session, actor, exam, "posts.edit", row, center, new)


def _hours(row: Post) -> str:
    """A post's opening hours as 07:30-17:00 ("" when not set)."""
    if row.opens_at is None or row.closes_at is None:
        return ""
    return f"{row.opens_at:%H:%M}-{row.closes_at:%H:%M}"


def _recorded(session: Session, actor: Actor, exam: ExamRef, action: str, row: Post,
              center: str, post: StandardPost) -> PostRow:
    """Write a post added or changed and audit it; return it as lists show it."""
    session.flush()
    audit.record(session, actor, action, exam_id=exam.id, entity="post", entity_id=row.id,
                 summary=translate("Audit", "Post {post} of center {center}").format(
                     post=post_label(post.kind, post.name), center=center),
                 details=_details(post) | {"phone": row.phone})
    return PostRow(center, post, row.phone)


def remove_post(session: Session, actor: Actor, exam: ExamRef, center: str, kind: PostKind,
                name: str, *, force: bool = False) -> int:
    """Remove one post of a test center with its duties.

    Returns:
        How many duties went with it.

    Raises:
        BadInput: no such center or post.
        LockedPostDuties: people were put on the post by hand (locked duties) and ``force``
            is off.
    """
    where = _center(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, where, center_code=center)
    row = _existing(session, exam, where, center, kind, name)
    locked = session.scalars(
        select(Staff.name).join(Duty, Duty.staff_id == Staff.id)
        .where(Duty.post_id == row.id, Duty.locked.is_(True)).order_by(Staff.name)).all()
    if locked and not force:
        raise LockedPostDuties(translate(
            "Posts", "The post {post} of test center {center} has {count} duties set by hand "
                     "({names}); unlock them first, or remove the post with them.").format(
            post=post_label(kind, row.name, row.place), center=center, count=len(locked),
            names=_listing(dict.fromkeys(locked))))
    duties = session.scalar(select(func.count()).select_from(Duty)
                            .where(Duty.post_id == row.id)) or 0
    session.execute(delete(Duty).where(Duty.post_id == row.id))
    session.execute(delete(Post).where(Post.id == row.id))
    audit.record(session, actor, "posts.remove", exam_id=exam.id, entity="post",
                 entity_id=row.id,
                 summary=translate("Audit", "Removed the post {post} of center {center}")
                 .format(post=post_label(kind, row.name), center=center),
                 details={"duties": duties, "locked": len(locked)})
    return duties


def post_problems(session: Session, exam: ExamRef, data: DutyData | None = None
                  ) -> tuple[PlanIssue, ...]:
    """The posts' staffing as it stands (for `examdesk check`).

    Reports every post short of people in a shift its center holds (an error when nobody
    staffs it, a warning when some do), post duties in sessions the post is not staffed in
    (its center holds no exam then, or the post is closed), people on a post without a role
    that may staff it, and centers holding an exam without any post. Before anyone is on
    duty there is no roster to check, and nothing is reported.

    Args:
        session: the caller's session.
        exam: the exam.
        data: the exam's staffing as :func:`load_duty_data` reads it, when the caller has it
            (a full check reads it once for the roster and the posts).
    """
    data = data or load_duty_data(session, exam)
    if not data.duties:
        return ()
    shifts = exam_post_shifts(data)
    codes = {c.id: c.code for c in data.centers}
    staff = {p.id: p for p in data.staff}
    labels = {s.id: s.label for s in data.sessions}
    on: defaultdict[int, defaultdict[int, int]] = defaultdict(lambda: defaultdict(int))
    issues: list[PlanIssue] = []
    posts = {p.id: p for p in data.posts}
    for duty in data.duties:
        if duty.kind is not DutyKind.POST or duty.post_id not in posts:
            continue
        post = posts[duty.post_id]
        on[post.id][duty.session_id] += 1  # post -> session -> people
        person = staff.get(duty.staff_id)
        if person is not None and not person.roles & post_roles(post):
            issues.append(_wrong_role(post, person.label, labels[duty.session_id],
                                      codes.get(post.center_id, ""), person.id))
    for post in data.posts:
        center = codes.get(post.center_id, "")
        served: set[int] = set()
        for shift in shifts[post.id]:
            served.update(shift.slot)
            filled = sum(on[post.id][s] for s in shift.slot)
            if filled < post.headcount:
                issues.append(_short(post, shift_label(shift, data.sessions), filled, center))
        idle = [s for s in labels if on[post.id][s] and s not in served]  # in time order
        if idle:
            issues.append(_idle(post, [labels[s] for s in idle],
                                sum(on[post.id][s] for s in idle), center))
    issues += _centers_without_posts(data.posts, data.rooms, data.sessions, codes)
    return tuple(issues)


def _short(post: DutyPost, shift: str, filled: int, center: str) -> PlanIssue:
    roles, where = roles_label(post), _where(center)
    return PlanIssue(
        "post-short",
        translate("Posts", "{center} {post} ({shift}): {filled} of {required} people on duty"
                  ).format(center=where, post=post.label, shift=shift, filled=filled,
                           required=post.headcount),
        translate("Posts", "{staff}, or add {roles} to {center}").format(
            staff=remedies.staff_posts().text, roles=roles, center=where),
        Severity.WARNING if filled else Severity.ERROR, center=center,
        remedies=(remedies.staff_posts(),), post_id=post.id)


def _idle(post: DutyPost, sessions: Sequence[str], people: int, center: str) -> PlanIssue:
    where = _where(center)
    return PlanIssue(
        "post-idle",
        translate("Posts", "{center} {post}: {people} people on duty in {sessions}, when the "
                           "post is not staffed (the center holds no exam then, or the post "
                           "is closed)").format(center=where, post=post.label, people=people,
                                                sessions=_listing(sessions)),
        translate("Posts", "{staff}; duties set by hand must be unlocked first").format(
            staff=remedies.staff_posts().text),
        Severity.WARNING, center=center, remedies=(remedies.staff_posts(),), post_id=post.id)


def _wrong_role(post: DutyPost, person: str, session: str, center: str,
                staff_id: int | None = None) -> PlanIssue:
    roles, where = roles_label(post), _where(center)
    return PlanIssue(
        "post-wrong-role",
        translate("Posts", "{person} staffs {center} {post} in {session} but is not one of "
                           "its {roles}").format(person=person, center=where, post=post.label,
                                                 session=session, roles=roles),
        translate("Posts", "{staff}, or give the person one of the post's roles").format(
            staff=remedies.staff_posts().text),
        Severity.ERROR, center=center, remedies=(remedies.staff_posts(),), staff_id=staff_id,
        post_id=post.id)


def _centers_without_posts(posts: Sequence[DutyPost], rooms: Sequence[DutyRoom],
                           sessions: Sequence[DutySession], codes: dict[int, str]
                           ) -> list[PlanIssue]:
    """A warning for every center that holds an exam but has no post at all."""
    with_posts = {p.center_id for p in posts}
    in_use = {room_id for s in sessions for room_id in s.room_ids}
    holding = {room.center_id for room in rooms if room.id in in_use}
    return [
        PlanIssue(
            "post-none",
            translate("Posts", "{center} holds the exam but has no service, medical or "
                               "security post").format(
                center=_where(codes[c])),
            remedies.make_posts(codes[c]).text,
            Severity.WARNING, center=codes[c], remedies=(remedies.make_posts(codes[c]),))
        for c in sorted(holding - with_posts, key=lambda c: codes.get(c, ""))
        if c in codes
    ]


def _where(code: str) -> str:
    return translate("Duties", "test center {code}").format(code=code)


def _listing(items: Iterable[str], limit: int = 5) -> str:
    shown = list(items)
    text = translate("Duties", ", ").join(shown[:limit])
    if len(shown) > limit:
        return translate("Duties", "{names} and {more} more").format(
            names=text, more=len(shown) - limit)
    return text or "-"


def _center(session: Session, exam: ExamRef, code: str) -> int:
    found = center_id(session, exam, code)
    assert found is not None
    return found


def _post(session: Session, center: int, kind: PostKind, name: str) -> Post | None:
    return session.scalar(select(Post).where(Post.center_id == center, Post.kind == kind,
                                             Post.name == name.strip()))


def _existing(session: Session, exam: ExamRef, center: int, code: str, kind: PostKind,
              name: str) -> Post:
    row = _post(session, center, kind, name)
    if row is None:
        have = [post_label(p.kind, p.name) for p in session.scalars(
            select(Post).where(Post.center_id == center).order_by(Post.id))]
        raise BadInput(translate(
            "Posts", "Test center {center} has no post {post}; its posts are {posts}.").format(
            center=code, post=post_label(kind, name.strip()), posts=_listing(have, 20)))
    return row


def _template(session: Session, exam: ExamRef, kind: PostKind, name: str
              ) -> PostTemplate | None:
    return session.scalar(select(PostTemplate).where(
        PostTemplate.exam_id == exam.id, PostTemplate.kind == kind,
        PostTemplate.name == name.strip()))


def _standard(row: PostValues, supplies: tuple[SupplyAmount, ...]) -> StandardPost:
    return StandardPost(row.kind, row.name, row.place, row.opens_at, row.closes_at,
                        row.required_headcount, frozenset(StaffRole(r) for r in row.roles or []),
                        supplies)


def _template_row(exam_id: int, order: int, post: StandardPost) -> PostTemplate:
    row = PostTemplate(exam_id=exam_id, kind=post.kind, sort_order=order)
    _fill_template(row, post)
    return row


def _fill_values(row: PostValues, post: StandardPost) -> None:
    row.name, row.place = post.name, post.place
    row.opens_at, row.closes_at = post.opens, post.closes
    row.required_headcount = post.headcount
    row.roles = [r.value for r in StaffRole if r in post.roles]


def _fill_template(row: PostTemplate, post: StandardPost) -> None:
    _fill_values(row, post)
    row.supplies = [{"item": s.item, "quantity": s.quantity, "unit": s.unit}
                    for s in post.supplies]


def _stored_supplies(stored: Sequence[dict[str, Any]]) -> tuple[SupplyAmount, ...]:
    return tuple(SupplyAmount(str(s["item"]), int(s["quantity"]), str(s.get("unit", "")))
                 for s in stored)


def stored_post(session: Session, row: Post) -> StandardPost:
    """A post row's values (with its supplies)."""
    return stored_posts(session, [row])[0]


def stored_posts(session: Session, rows: Sequence[Post]) -> tuple[StandardPost, ...]:
    """The values of post rows (with their supplies, read at once), in their order."""
    supplies = post_supplies(session, [row.id for row in rows])
    return tuple(_standard(row, supplies[row.id]) for row in rows)


def new_post(session: Session, center: int, post: StandardPost, phone: str) -> Post:
    """Add a post to a test center (the caller flushes)."""
    row = Post(center_id=center, kind=post.kind, phone=phone)
    session.add(row)
    fill_post(row, post)
    return row


def fill_post(row: Post, post: StandardPost) -> None:
    """Write ``post``'s values into a post row, its supplies included."""
    _fill_values(row, post)
    # changed in place: a supply kept under the same name keeps its row (item is its key)
    wanted = {s.item: s for s in post.supplies}
    for held in list(row.supplies):
        if held.item not in wanted:
            row.supplies.remove(held)
        else:
            kept = wanted.pop(held.item)
            held.quantity, held.unit = kept.quantity, kept.unit
    row.supplies.extend(PostSupply(item=s.item, quantity=s.quantity, unit=s.unit)
                        for s in wanted.values())


def post_supplies(session: Session, post_ids: Sequence[int]
                  ) -> defaultdict[int, tuple[SupplyAmount, ...]]:
    """Post id -> what the post keeps (nothing for a post without supplies)."""
    found: defaultdict[int, list[SupplyAmount]] = defaultdict(list)
    for post_id, item, quantity, unit in session.execute(
        select(PostSupply.post_id, PostSupply.item, PostSupply.quantity, PostSupply.unit)
        .where(PostSupply.post_id.in_(post_ids))
        .order_by(PostSupply.post_id, PostSupply.item)
    ):
        found[post_id].append(SupplyAmount(item, quantity, unit))
    return defaultdict(tuple, {k: tuple(v) for k, v in found.items()})


def _details(post: StandardPost) -> dict[str, Any]:
    return {"place": post.place, "opens": f"{post.opens:%H:%M}" if post.opens else "",
            "closes": f"{post.closes:%H:%M}" if post.closes else "",
            "headcount": post.headcount,
            "roles": [r.value for r in StaffRole if r in post.roles],
            "supplies": [[s.item, s.quantity, s.unit] for s in post.supplies]}
