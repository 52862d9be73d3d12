"""Import the posts of the test centers (岗位设置): one center's post per row.

A post is known by its center, kind and name: a row naming a post the center has updates it
(differences are reported as warnings), any other row adds one. Only the columns the sheet
has are written; a new post starts, as `examdesk post add` does, from the exam's standard post
of its kind and name when there is one, and takes its center's phone when the sheet gives
none. Posts the sheet does not name stay as they are. The post roster that `export posts`
writes reads back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import PostKind
from examdesk.exchange.headers import HeaderMap, SheetKind
from examdesk.exchange.normalize import KnownName
from examdesk.exchange.posts import PostRecord, roles_text, supplies_text, validate_posts
from examdesk.exchange.problems import Checked, Problems
from examdesk.exchange.sheets import RawSheet
from examdesk.i18n import translate
from examdesk.model import Post, TestCenter
from examdesk.planning.post_templates import PostChange, StandardPost, SupplyAmount
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.exams import ExamRef
from examdesk.services.imports import Conflicts, FieldChange, SheetImport
from examdesk.services.post_schedule import hours_text
from examdesk.services.posts import fill_post, new_post, post_templates, stored_posts

_Centers = dict[str, tuple[int, str, str]]


def _centers(session: Session, exam: ExamRef) -> _Centers:
    """The exam's test centers: name -> (id, code, phone), in their order."""
    return {name: (cid, code, phone) for cid, name, code, phone in session.execute(
        select(TestCenter.id, TestCenter.name, TestCenter.code, TestCenter.phone)
        .where(TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order))}


def _validate(raw: RawSheet, header: HeaderMap, centers: _Centers, progress: Progress,
              cancelled: Cancelled) -> Checked[PostRecord]:
    return validate_posts(
        raw, header, [KnownName(name, (code,)) for name, (_i, code, _p) in centers.items()],
        progress, cancelled)


@dataclass
class _Stored:
    row: Post
    post: StandardPost


class _Plan:
    """Compares the sheet's posts with the centers' posts, then writes the difference."""

    def __init__(self, session: Session, exam: ExamRef, header: HeaderMap, problems: Problems,
                 centers: _Centers) -> None:
        self.session = session
        self.standard = {(t.kind, t.name): t for t in post_templates(session, exam)}
        self.header = header
        self.problems = problems
        self.centers = centers
        names = {cid: name for name, (cid, _code, _phone) in centers.items()}
        self.stored: dict[tuple[str, PostKind, str], _Stored] = {}
        rows = session.scalars(select(Post).where(Post.center_id.in_(names))).all()
        for row, values in zip(rows, stored_posts(session, rows), strict=True):
            self.stored[names[row.center_id], row.kind, row.name] = _Stored(row, values)
        self.changed_rows: set[int] = set()
        self.changed_fields: dict[int, list[FieldChange]] = {}

    @property
    def other_changes(self) -> bool:
        return False

    def duty_centers(self, added: Sequence[PostRecord],
                     changed: Sequence[PostRecord]) -> tuple[int, ...]:
        """No center: a post's values are nothing the roster's rules read, and its duties stay as
        they are (`examdesk check` reports the posts' own staffing), so the roster is not
        read before and after writing."""
        del added, changed
        return ()

    def is_new(self, record: PostRecord) -> bool:
        return record.key not in self.stored

    def match(self, records: Sequence[PostRecord]) -> None:
        """Report the values a row changes in a post the center has."""
        conflicts = Conflicts(self.problems, self.header, translate("Posts", "this post"),
                              self.changed_fields)
        for record in records:
            stored = self.stored.get(record.key)
            if stored is None:
                continue
            new = _change(record).applied(stored.post)
            old = stored.post
            differs = [
                conflicts.compare(record.row, "place", old.place, new.place),
                conflicts.compare(record.row, "hours", hours_text(old.opens, old.closes),
                                  hours_text(new.opens, new.closes)),
                conflicts.compare(record.row, "headcount", old.headcount, new.headcount),
                conflicts.compare(record.row, "roles", roles_text(old.roles),
                                  roles_text(new.roles)),
                # the order a sheet lists supplies in is no change
                conflicts.compare(record.row, "supplies", supplies_text(_sorted(old)),
                                  supplies_text(_sorted(new))),
            ]
            if record.phone is not None:
                differs.append(conflicts.compare(record.row, "phone", stored.row.phone,
                                                 record.phone))
            if any(differs):
                self.changed_rows.add(record.row)

    def write(self, added: Sequence[PostRecord], changed: Sequence[PostRecord],
              progress: Progress, cancelled: Cancelled) -> None:
        check_cancelled(cancelled)
        for record in added:
            center, _code, phone = self.centers[record.center]
            base = self.standard.get((record.kind, record.name),
                                     StandardPost(record.kind, record.name))
            post = _change(record).applied(base)
            new_post(self.session, center, post, record.phone or phone)
        for record in changed:
            stored = self.stored[record.key]
            fill_post(stored.row, _change(record).applied(stored.post))
            if record.phone is not None:
                stored.row.phone = record.phone
        self.session.flush()
        progress(1, 1, translate("Posts", "Posts written"))


#: The posts of the test centers: one center's post per row (the roster `export posts` writes
#: reads back).
POSTS: SheetImport[PostRecord, _Centers] = SheetImport(
    key="posts",
    title=lambda: translate("Import", "Posts"),
    description=lambda: translate(
        "Import", "import the posts of the test centers (center, post, name, place, hours, "
                  "people, roles, phone, supplies); a post a center has (same kind and name) "
                  "is updated"),
    sheet_kind=SheetKind.POSTS,
    needs=_centers,
    validate=_validate,
    plan=_Plan,
)
# prepare and apply in one session (see :meth:`SheetImport.run`).
import_posts = POSTS.run


def _change(record: PostRecord) -> PostChange:
    return PostChange(place=record.place, hours=record.hours, headcount=record.headcount,
                      roles=record.roles, supplies=record.supplies)


def _sorted(post: StandardPost) -> list[SupplyAmount]:
    return sorted(post.supplies, key=lambda s: s.item)
