"""考生须知 candidate notice: what a candidate of one test center needs to know before the day.

Published before the exam (on the exam center's website, in the candidates' chat groups) and
printed per test center to post at its gate. Like every printed form it is in Chinese, the
candidates' language: its sections are data (:class:`NoticeData`), worded once here, and both
the printed sheet (reports/notice.py) and the published text (:func:`notice_text`) are made
from :func:`notice_sections`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class NoticeSitting:
    """One sitting at the center: its papers and its times (entry, start, cut-off, end),
    written as printed (``6月11日（星期日）``, ``08:30``)."""

    day: str
    papers: tuple[str, ...]
    entry: str
    start: str
    cutoff: str
    end: str
    cutoff_minutes: int

    @classmethod
    def at(cls, day: date, papers: tuple[str, ...], entry: time, start: time, cutoff: time,
           end: time, cutoff_minutes: int) -> NoticeSitting:
        """A sitting from its date and times."""
        return cls(f"{day.month}月{day.day}日（星期{_WEEKDAYS[day.weekday()]}）", papers,
                   f"{entry:%H:%M}", f"{start:%H:%M}", f"{cutoff:%H:%M}", f"{end:%H:%M}",
                   cutoff_minutes)


@dataclass(frozen=True)
class NoticeData:
    """The notice of one test center.

    Attributes:
        route: how to get there ("" if not recorded).
        id_documents: the accepted ID documents, in Chinese.
        temp_id_place: where the police issue temporary ID certificates at the center.
        storage_place: where belongings are kept at the center ("" if no such post).
        tech_phone: the exam's technical service phone ("" if not published).
        hotline: the exam's consultation hotline ("" if not published).
    """

    exam_name: str
    center_code: str
    center_name: str
    address: str
    route: str
    center_phone: str
    sittings: tuple[NoticeSitting, ...]
    id_documents: tuple[str, ...]
    temp_id_place: str
    storage_place: str
    tech_phone: str
    hotline: str
    early_leave_minutes: int = 120

    @property
    def title(self) -> str:
        return "考生须知"



def sitting_line(sitting: NoticeSitting) -> str:
    """``6月11日（星期日）09:00-11:00 社会工作综合能力(初级)``."""
    return f"{sitting.day}{sitting.start}-{sitting.end} {'、'.join(sitting.papers)}"


def sitting_rule(sitting: NoticeSitting) -> str:
    """``13:30 起入场；开考 5 分钟后（14:05）不得入场``."""
    return (f"{sitting.entry} 起凭准考证和有效身份证件入场；开考 "
            f"{sitting.cutoff_minutes} 分钟后（{sitting.cutoff}）不得入场")


def notice_sections(data: NoticeData) -> list[tuple[str, list[str]]]:
    """The notice's sections: (heading, paragraphs), in order."""
    center = [f"考点：{data.center_name}（代码 {data.center_code}）",
              f"地址：{data.address or '以准考证为准'}"]
    if data.route:
        center.append(f"乘车路线：{data.route}")
    center.append("请提前熟悉考点位置和交通路线，考试当天考点周边交通管制，请合理安排出行时间。")
    times = [f"{sitting_line(s)}：{sitting_rule(s)}。" for s in data.sittings] or [
        "本考点的考试时间以准考证为准。"]
    early = data.early_leave_minutes
    span = f"{early // 60} 小时" if early and early % 60 == 0 else f"{early} 分钟"
    times.append(f"开考后 {span}内不得交卷离场；结束信号发出后立即停止答题。" if early
                 else "结束信号发出后立即停止答题。")
    bring = ["准考证（请提前打印，每科考试都须出示）；",
             "有效身份证件原件（与报名时所用证件一致）；",
             "2B 铅笔、橡皮、黑色墨水签字笔；计算器等以准考证上的要求为准。"]
    forbidden = ["手机、智能手表、耳机等通讯和电子设备及书籍资料不得带入考场，"
                 + (f"请存放在{data.storage_place}（贵重物品请勿带入考点）。" if data.storage_place
                    else "贵重物品请勿带入考点。"),
                 "考试期间考点实行无线电监测，考场内携带通讯工具按违纪违规处理。"]
    documents = [f"有效身份证件：{'、'.join(data.id_documents)}。",
                 "证件须在有效期内，复印件、照片及电子证件不能代替原件。"]
    without = [f"身份证遗失或未带的考生，请于开考前到{data.temp_id_place}办理临时身份证明，"
               "凭临时身份证明和准考证参加考试；临时身份证明仅限本次考试使用。",
               "身份无法当场核实的考生，经考点登记后入场，考后核查。"]
    phones = []
    if data.hotline:
        phones.append(f"考试咨询电话：{data.hotline}")
    if data.tech_phone:
        phones.append(f"技术服务电话：{data.tech_phone}")
    if data.center_phone:
        phones.append(f"考点电话：{data.center_phone}")
    if not phones:
        phones.append("咨询电话另行公布。")
    return [("一、考点", center), ("二、考试时间", times), ("三、须携带的物品", bring),
            ("四、有效身份证件", documents), ("五、未带身份证怎么办", without),
            ("六、禁止携带的物品", forbidden), ("七、咨询电话", phones)]


def notice_text(data: NoticeData) -> str:
    """The notice as plain text to publish (a website, a message to candidates)."""
    lines = [f"{data.exam_name}", f"{data.title}（{data.center_name}）", ""]
    for heading, paragraphs in notice_sections(data):
        lines.append(heading)
        lines += [f"  {paragraph}" for paragraph in paragraphs]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
