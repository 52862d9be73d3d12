"""考场违纪违规行为记录 (violation record): one A4 page for one candidate's violation.

Imitates the room record (reports/room_record.py): what the desk recorded is printed (exam,
center, room, seat, session, the candidate, the act with its article in the regulation and
the consequence that follows, what was seen, the invigilators, the signature or the refusal
with its witness); the invigilators, the candidate (or the witness) and the chief examiner
sign by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black, gray
from reportlab.lib.units import mm

from reports.base import Page, Sheet
from reports.fonts import load_fonts

__all__ = ["ViolationForm", "ViolationRecordSheet", "render_violation_record"]

LABEL_W: float = 30 * mm
ROW_H: float = 11 * mm
SIZE = 11.0
LINE_PITCH: float = 8 * mm


@dataclass(frozen=True)
class ViolationForm:
    """What the form prints (plain text, as the desk recorded it).

    Attributes:
        number: the record's number.
        exam_name: the exam's name.
        center, room, seat, session, time: where and when.
        name, ticket, registration_no: the candidate.
        regulation, citation: the regulation and the article (人社部令第31号, 第七条第（五）项).
        act, consequence: the act as the regulation words it, and its consequence.
        description: what was seen.
        evidence: the names of the evidence files kept.
        invigilators: the names on duty ("" for a line to sign on).
        signature: 已签字 / 拒绝签字（见证人 X） / "" (to be signed by hand).
        recorded_by: who recorded it, and when (recorded_at).
    """

    number: int
    exam_name: str
    center: str
    room: str
    seat: str
    session: str
    time: str
    name: str
    ticket: str
    registration_no: str
    regulation: str
    citation: str
    act: str
    consequence: str
    description: str
    evidence: tuple[str, ...]
    invigilators: tuple[str, str]
    signature: str
    recorded_by: str


class ViolationRecordSheet(Sheet):
    """One violation record on one page."""

    title = "考场违纪违规行为记录"
    margins_mm = (12, 15, 15, 15)

    def __init__(self, form: ViolationForm, fonts: object | None = None) -> None:
        super().__init__(load_fonts() if fonts is None else fonts)  # type: ignore[arg-type]
        self.form = form

    def layout(self) -> list[Page]:
        return [self._page]

    def _page(self) -> None:
        form = self.form
        mid = (self.left + self.right) / 2
        span = self.right - self.left
        self.fit_text(mid, self.top - 12, form.exam_name, span, 12, 8, "center")
        self.fit_text(mid, self.top - 38, self.title, span, 22, 14, "center")
        self.text(self.right, self.top - 56, f"编号：{form.number}", 9, "right")
        y = self.top - 62
        pairs: list[list[tuple[str, str]]] = [
            [("考点", form.center), ("考场", form.room)],
            [("场次", form.session), ("座位号", form.seat)],
            [("考生姓名", form.name), ("准考证号", form.ticket)],
            [("报名序号", form.registration_no), ("发生时间", form.time)],
            [("认定依据", f"{form.regulation}{form.citation}")],
            [("违纪违规行为", form.act)],
            [("处理", form.consequence)],
        ]
        for row in pairs:
            y = self._row(y, row)
        evidence = "；".join(form.evidence)
        y = self._box(y, "违纪事实\n及证据", form.description
                      + (f"（证据文件：{evidence}）" if evidence else ""), 5)
        y = self._box(y, "考生陈述\n与申辩", "", 4)
        invigilators = "　　".join(name for name in form.invigilators if name)
        y = self._row(y, [("监考员", invigilators)])
        y = self._row(y, [("考生签字", form.signature)])
        # the hand-signed rows at the bottom
        y = self._row(y, [("监考员签名", ""), ("考生签名", "")])
        y = self._row(y, [("见证人签名", ""), ("主考签名", "")])
        self.canvas.setFillColor(gray)
        self.text(self.left, y - 14, f"记录人：{form.recorded_by}。考生拒绝签字的，由见证人签名"
                  "并注明“拒绝签字”。本记录随考场情况记录单上交。", 8)
        self.canvas.setFillColor(black)

    def _row(self, top: float, pairs: Sequence[tuple[str, str]]) -> float:
        """Draw label/value cells side by side; return the row's bottom."""
        span = self.right - self.left
        share = span / len(pairs)
        value_w = share - LABEL_W
        height = max([ROW_H, *(self.cell_height(value, value_w, SIZE)
                               for _, value in pairs if value)])
        x = self.left
        for label, value in pairs:
            self._label(x, x + LABEL_W, top, top - height, label)
            self.canvas.rect(x + LABEL_W, top - height, value_w, height)
            if value:
                self.text_cell(x + LABEL_W, x + share, top, top - height, value, SIZE,
                               align="left")
            x += share
        return top - height

    def _box(self, top: float, label: str, text: str, lines: int) -> float:
        """A tall box holding ``text`` wrapped, with writing lines below it."""
        bottom = float(top - lines * LINE_PITCH - 4 * mm)
        self._label(self.left, self.left + LABEL_W, top, bottom, label)
        x0 = self.left + LABEL_W
        self.canvas.rect(x0, bottom, self.right - x0, top - bottom)
        if text:
            fitted = self.fit(text, self.right - x0 - 6, SIZE, lines=lines)
            self.draw_fit(fitted, x0 + 3, top - SIZE - 4)
        return bottom

    def _label(self, x0: float, x1: float, top: float, bottom: float, s: str) -> None:
        """A framed label cell, its lines (split at ``\\n``) centred both ways."""
        self.canvas.rect(x0, bottom, x1 - x0, top - bottom)
        lines = s.split("\n")
        pitch = SIZE * 1.25
        y = (top + bottom) / 2 + (len(lines) - 1) * pitch / 2 - SIZE * 0.35
        for line in lines:
            self.fit_text((x0 + x1) / 2, y, line, x1 - x0 - 4, SIZE, 7, "center")
            y -= pitch


def render_violation_record(form: ViolationForm,
                            fallback_fonts: Sequence[Path] | None = None
                            ) -> tuple[bytes, list[str]]:
    """Render one violation record: the PDF, and warnings about text not printed as given."""
    sheet = ViolationRecordSheet(form, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
