"""What several printed sheets share: a session as printed, a person on a roster, ID masking."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedSession:
    """One exam session as the sheets print it.

    Attributes:
        code: the session's code, e.g. ``S2``.
        day: the date, e.g. ``6月11日``.
        time: the hours, e.g. ``09:00-11:00``.
        papers: the papers sat (of one room, or of the whole center), e.g.
            ``("社会工作综合能力(初级)",)``.
        report_time: when staff report for the briefing (T-60), e.g. ``08:00``.
    """

    code: str
    day: str
    time: str
    papers: tuple[str, ...] = ()
    report_time: str = ""

    @property
    def when(self) -> str:
        """Date and hours: ``6月11日 09:00-11:00``."""
        return f"{self.day} {self.time}"

    @property
    def label(self) -> str:
        """Date, hours and papers: ``6月11日 09:00-11:00 社会工作综合能力(初级)``."""
        return f"{self.when} {'、'.join(self.papers)}".rstrip()


@dataclass(frozen=True)
class Person:
    """A staff member as a roster prints them.

    Attributes:
        name: the name.
        unit: the work unit ("" if none).
        phone: the mobile number ("" if none; internal sheets only).
        gender: 男 or 女 ("" if unknown).
    """

    name: str
    unit: str = ""
    phone: str = ""
    gender: str = ""


def mask_id(id_number: str) -> str:
    """An ID number with its middle hidden: ``412702********123X`` (first 6, last 4 kept).

    Short numbers (passports, permits) keep their first and last two characters.
    """
    text = id_number.strip()
    if len(text) >= 15:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) > 4:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]
    return "*" * len(text)
