"""The standard posts of a test center: what every center gets unless the exam says otherwise.

Each exam keeps its own editable copy (the ``post_templates`` table, seeded from
:data:`DEFAULT_POST_TEMPLATES` when the exam is created); a center's posts are made from it
when the center is created, and can then be changed one by one. docs/posts.md explains the
defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from examdesk.enums import PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.i18n import translate

#: The most people a post may ask for in one session.
MAX_HEADCOUNT = 99
# The longest texts a post keeps: the widths of their database columns
# (examdesk/model/staff.py: Post, PostSupply).
NAME_LENGTH, PLACE_LENGTH, PHONE_LENGTH = 100, 200, 40
ITEM_LENGTH, UNIT_LENGTH = 100, 20


@dataclass(frozen=True)
class SupplyAmount:
    """A supply a post keeps, e.g. 急救箱 2 个.

    Attributes:
        item: the item as staff write it.
        quantity: how many.
        unit: its unit ("" if none).
    """

    item: str
    quantity: int
    unit: str = ""


@dataclass(frozen=True)
class StandardPost:
    """A post as a template (or an import row) describes it.

    Attributes:
        kind: what kind of post.
        name: its name, to tell two posts of one kind apart ("" for the usual one).
        place: where it is.
        opens: when it opens on an exam day (None: not set).
        closes: when it closes (None: not set).
        headcount: people on duty in each session.
        roles: the roles that may staff it (empty: the usual roles of its kind).
        supplies: what it keeps.
    """

    kind: PostKind
    name: str = ""
    place: str = ""
    opens: time | None = None
    closes: time | None = None
    headcount: int = 1
    roles: frozenset[StaffRole] = frozenset()
    supplies: tuple[SupplyAmount, ...] = ()

    def __post_init__(self) -> None:
        """Refuse values no post can have.

        Raises:
            BadInput: a headcount outside 0..99, hours that end before they start, a negative
                or unnamed supply, a text longer than the database keeps.
        """
        check_post_values(self.headcount, self.opens, self.closes, self.supplies,
                          name=self.name, place=self.place)


def check_post_values(headcount: int | None, opens: time | None, closes: time | None,
                      supplies: tuple[SupplyAmount, ...] | None, *, name: str = "",
                      place: str = "") -> None:
    """Refuse a headcount outside 0..99, hours ending before they start, bad supplies, and
    texts longer than the database keeps.

    Raises:
        BadInput: one sentence naming the bad value.
    """
    check_length(translate("Posts", "A post's name"), name, NAME_LENGTH)
    check_length(translate("Posts", "A post's place"), place, PLACE_LENGTH)
    if headcount is not None and not 0 <= headcount <= MAX_HEADCOUNT:
        raise BadInput(translate(
            "Posts", "A post needs 0 to {most} people per session, not {count}.").format(
            most=MAX_HEADCOUNT, count=headcount))
    if opens is not None and closes is not None and closes <= opens:
        raise BadInput(translate(
            "Posts", "A post's hours must end after they start, not {opens}-{closes}.").format(
            opens=f"{opens:%H:%M}", closes=f"{closes:%H:%M}"))
    items = [supply.item for supply in supplies or ()]
    for supply in supplies or ():
        if items.count(supply.item) > 1:
            raise BadInput(translate(
                "Posts", "The supply {item} is listed twice; list each item once.").format(
                item=supply.item))
        if not supply.item.strip():
            raise BadInput(translate("Posts", "Name each supply, e.g. 急救箱 2 个."))
        check_length(translate("Posts", "A supply's name"), supply.item, ITEM_LENGTH)
        check_length(translate("Posts", "The unit of {item}").format(item=supply.item),
                     supply.unit, UNIT_LENGTH)
        if supply.quantity < 0:
            raise BadInput(translate(
                "Posts", "The supply {item} has a negative quantity; use 0 or more.").format(
                item=supply.item))


def check_length(what: str, text: str, most: int) -> None:
    """Refuse a text longer than ``most`` characters (its database column's width).

    Args:
        what: the text as messages name it, e.g. "A post's place".
        text: the text.
        most: the most characters it may have.

    Raises:
        BadInput: the text is longer.
    """
    if len(text) > most:
        raise BadInput(translate("Posts", "{what} has at most {most} characters, not {length}."
                                 ).format(what=what, most=most, length=len(text)))


def check_phone(phone: str) -> None:
    """Refuse a post's phone longer than the database keeps.

    Raises:
        BadInput: the phone is too long.
    """
    check_length(translate("Posts", "A post's phone"), phone.strip(), PHONE_LENGTH)


def _supplies(*items: tuple[str, int, str]) -> tuple[SupplyAmount, ...]:
    return tuple(SupplyAmount(item, quantity, unit) for item, quantity, unit in items)


#: The standard posts of a center (docs/posts.md, "Who does what at a test center"): the
#: demo's posts, plus the police's security and traffic post, the paper strong room and the
#: exam office. Headcounts fit the sample district's staff of a center.
DEFAULT_POST_TEMPLATES: tuple[StandardPost, ...] = (
    StandardPost(PostKind.SERVICE_DESK, place="考点大门内侧", opens=time(7, 30),
                 closes=time(17, 0), headcount=4, supplies=_supplies(
                     ("2B铅笔", 100, "支"), ("橡皮", 100, "块"), ("黑色签字笔", 100, "支"),
                     ("口罩", 300, "个"))),
    StandardPost(PostKind.WATER_SUPPLIES, place="考点大门内侧服务台旁", opens=time(7, 30),
                 closes=time(17, 0), headcount=2,
                 supplies=_supplies(("饮用水", 1200, "瓶"), ("纸杯", 500, "个"))),
    StandardPost(PostKind.ROUTE_GUIDANCE, place="教学楼入口", opens=time(7, 30),
                 closes=time(15, 0), headcount=2),
    StandardPost(PostKind.ITEM_STORAGE, place="考点大门东侧", opens=time(7, 30),
                 closes=time(17, 0), headcount=2,
                 supplies=_supplies(("物品存放袋", 600, "个"), ("号码牌", 600, "个"))),
    StandardPost(PostKind.MEDICAL, place="考点医务室", opens=time(7, 30), closes=time(17, 0),
                 headcount=3, supplies=_supplies(
                     ("急救箱", 2, "个"), ("AED除颤仪", 1, "台"), ("担架", 1, "副"),
                     ("血压计", 1, "台"), ("藿香正气水", 50, "支"), ("创可贴", 100, "片"))),
    StandardPost(PostKind.TEMP_ID_DESK, place="考点大门外西侧", opens=time(7, 30),
                 closes=time(14, 30), headcount=2,
                 supplies=_supplies(("临时身份证明表", 100, "张"), ("印泥", 2, "盒"))),
    StandardPost(PostKind.SECURITY, place="考点大门及周边道路", opens=time(7, 0),
                 closes=time(17, 30), headcount=2,
                 supplies=_supplies(("警戒带", 2, "卷"), ("对讲机", 2, "部"))),
    StandardPost(PostKind.POWER, place="考点配电室", opens=time(7, 0), closes=time(17, 30),
                 headcount=1, supplies=_supplies(("应急照明灯", 10, "台"),)),
    StandardPost(PostKind.RADIO_MONITORING, place="考点楼顶监测点", opens=time(7, 0),
                 closes=time(17, 0), headcount=1, supplies=_supplies(("无线电监测车", 1, "辆"),)),
    StandardPost(PostKind.STRONG_ROOM, place="考点保密室", opens=time(6, 30),
                 closes=time(17, 30), headcount=2,
                 supplies=_supplies(("保密柜", 1, "个"), ("视频监控", 1, "套"),
                                    ("试卷交接单", 20, "张"))),
    StandardPost(PostKind.EXAM_OFFICE, place="考点考务办公室", opens=time(7, 0),
                 closes=time(17, 30), headcount=3,
                 supplies=_supplies(("对讲机", 10, "部"), ("备用文具", 1, "套"))),
)


@dataclass(frozen=True)
class PostChange:
    """What to change in a post or template; None leaves a value as it is.

    Attributes:
        name: a new name.
        place: a new place.
        hours: new opening and closing times ((None, None) clears them).
        headcount: people per session.
        roles: the roles that may staff it (empty: its kind's usual roles).
        phone: a new phone (posts only; templates give their centers' phones).
        supplies: what it keeps (replacing what it kept).
    """

    name: str | None = None
    place: str | None = None
    hours: tuple[time | None, time | None] | None = None
    headcount: int | None = None
    roles: frozenset[StaffRole] | None = None
    phone: str | None = None
    supplies: tuple[SupplyAmount, ...] | None = None

    def __post_init__(self) -> None:
        """Refuse a phone longer than the database keeps (the other values are checked
        when the change is applied).

        Raises:
            BadInput: the phone is too long.
        """
        if self.phone is not None:
            check_phone(self.phone)

    @property
    def empty(self) -> bool:
        """Whether the change changes nothing."""
        return self == PostChange()

    def applied(self, post: StandardPost) -> StandardPost:
        """``post`` with this change made (checked like every post).

        Raises:
            BadInput: the result has values no post can have.
        """
        opens, closes = self.hours if self.hours is not None else (post.opens, post.closes)
        return StandardPost(
            post.kind,
            post.name if self.name is None else self.name.strip(),
            post.place if self.place is None else self.place.strip(),
            opens, closes,
            post.headcount if self.headcount is None else self.headcount,
            post.roles if self.roles is None else self.roles,
            post.supplies if self.supplies is None else self.supplies,
        )
