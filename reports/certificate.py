"""临时身份证明 temporary ID certificate: issued by the police desk to a candidate without an ID
card, two to an A4 page (each half an A5 form, cut apart along the dashed line).

The certificate stands in for the card, so it prints the full ID number and the photo. A
certificate with an empty serial number is a blank form, filled in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm

from examdesk.printing.center import CertificateData
from reports.base import Page, Sheet
from reports.fonts import FontSet, load_fonts

__all__ = ["CertificateData", "CertificateSheet", "render_certificates"]

SIZE = 11.0
ROW_H = 26.0
FORM_H = 345.0  # each half page is 421 pt; what is left keeps clear of the cut line and footer
LABEL_W = 72.0
PHOTO_COL = 110.0  # the photo column, right of the first four rows
PHOTO_W, PHOTO_H = 76.0, 98.0  # a 1-inch (25 x 35 mm) photo, slightly enlarged
SEAL_R = 36.0
GREY = Color(0.55, 0.55, 0.55)
BLANK_SERIAL = "____________"


class CertificateSheet(Sheet):
    """Temporary ID certificates, two per A4 portrait page."""

    title = "临时身份证明"
    margins_mm = (12, 12, 12, 12)

    def __init__(self, certificates: Sequence[CertificateData], fonts: FontSet | None = None):
        super().__init__(fonts)
        self.certificates = tuple(certificates)

    def layout(self) -> list[Page]:
        pairs = [self.certificates[i : i + 2] for i in range(0, len(self.certificates), 2)]
        return [partial(self._page, pair) for pair in pairs]

    def _page(self, pair: Sequence[CertificateData]) -> None:
        half = self.height / 2
        with self.about(room=pair[0].room_code, ticket=pair[0].ticket_no):
            self._form(self.top, pair[0])
        if len(pair) > 1:
            self._cut_line(half)
            # The bottom form sits as far below the cut as the top one sits below the page edge.
            with self.about(room=pair[1].room_code, ticket=pair[1].ticket_no):
                self._form(half - (self.height - self.top), pair[1])

    def _cut_line(self, y: float) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setStrokeColor(GREY)
        canvas.line(6 * mm, y, self.width - 6 * mm, y)
        canvas.restoreState()
        label = "沿虚线剪开"
        w = self.fonts.string_width(label, 8) + 8
        canvas.setFillColor(white)
        canvas.rect(self.width / 2 - w / 2, y - 5, w, 10, stroke=0, fill=1)
        canvas.setFillColor(GREY)
        self.text(self.width / 2, y - 3, label, 8, "center")
        canvas.setFillColor(black)

    def _form(self, top: float, cert: CertificateData) -> None:
        canvas = self.canvas
        blank = not cert.serial_no
        left, right = self.left, self.right
        mid = (left + right) / 2
        canvas.setLineWidth(1.2)
        canvas.rect(left, top - FORM_H, right - left, FORM_H)
        canvas.setLineWidth(0.6)

        x0, x1 = left + 10, right - 10
        center = self.fit(f"考点：{cert.center_name}", (x1 - x0) * 0.55, 9, height=20)
        self.draw_fit(center, x0, top - 18 + (len(center.lines) - 1) * center.size * 0.6)
        serial = BLANK_SERIAL if blank else cert.serial_no
        self.fit_text(x1, top - 18, f"编号：{serial}", (x1 - x0) * 0.4, 10, 7, "right")
        self.text(mid, top - 44, self.title, 22, "center")
        self.fit_text(mid, top - 62, cert.exam_name, x1 - x0, 12, 8, "center")

        def field(value: str) -> str:
            return "" if blank else value

        # Columns: label | value | label | value | photo. Rows (ys: their edges): name, ID,
        # ticket, sessions (double height), then officer and time across the photo column.
        c1 = x0 + LABEL_W
        c4 = x1 - PHOTO_COL
        c2 = c1 + (c4 - c1 - 60) * 0.55
        c3 = c2 + 60
        t = top - 72
        # A long name (of the candidate or the officer) takes more lines: its row grows and
        # the sessions row, which can shrink its text, gives up the height.
        name_h = self._row_h(field(cert.name), c2 - c1)
        officer_h = self._row_h(field(cert.officer_name), c2 - c1)
        heights = [name_h, ROW_H, ROW_H, max(ROW_H, ROW_H * 4.2 - name_h - officer_h),
                   officer_h, ROW_H]
        ys = [t]
        for height in heights:
            ys.append(ys[-1] - height)
        canvas.rect(x0, ys[-1], x1 - x0, t - ys[-1])
        for y in ys[1:4]:
            canvas.line(x0, y, c4, y)
        for y in ys[4:6]:
            canvas.line(x0, y, x1, y)
        canvas.line(c1, t, c1, ys[-1])
        canvas.line(c4, t, c4, ys[4])
        for row in (0, 2, 4, 5):  # rows with a second label
            canvas.line(c2, ys[row], c2, ys[row + 1])
            canvas.line(c3, ys[row], c3, ys[row + 1])

        def pair(row: int, label: str, value: str, label2: str = "", value2: str = "") -> None:
            hi, lo = ys[row], ys[row + 1]
            self.cell(x0, c1, hi, lo, label, SIZE)
            end = c2 if label2 else (c4 if row < 4 else x1)
            if row in (0, 4):  # a person's name: by the rule, never cut
                self.text_cell(c1, end, hi, lo, value, SIZE, align="left")
            else:
                self.cell(c1, end, hi, lo, value, SIZE, "left", SIZE * 0.7)
            if label2:
                self.cell(c2, c3, hi, lo, label2, SIZE)
                self.cell(c3, c4 if row < 4 else x1, hi, lo, value2, SIZE, "left", SIZE * 0.7)

        pair(0, "姓名", field(cert.name), "性别", field(cert.gender))
        pair(1, "身份证号", field(cert.id_number))
        pair(2, "准考证号", field(cert.ticket_no), "考场", field(cert.room_code))
        self.cell(x0, c1, ys[3], ys[4], "考试科目/场次", SIZE)
        if not blank:
            self._sessions(c1 + 4, ys[3] - 4, [s.label for s in cert.sessions], c4 - c1 - 8,
                           ys[3] - ys[4] - 8)
        pair(4, "签发民警", field(cert.officer_name), "所属单位", field(cert.police_unit))
        pair(5, "签发时间", field(cert.issued_at), "有效期", cert.validity)

        # The note below the photo, above the column's foot: where long names took height,
        # the photo gives up what the note needs.
        note_y = max(t - PHOTO_H - 22, ys[4] + 3)
        ph = min(PHOTO_H, t - 8 - note_y - 10)
        pw = ph * PHOTO_W / PHOTO_H
        self.photo((c4 + x1 - pw) / 2, t - 8 - ph, pw, ph, None if blank else cert.photo)
        self.text((c4 + x1) / 2, note_y, "（照片处加盖骑缝章）", 7.5, "center")

        statement = f"兹证明该考生身份属实，本证明{cert.validity}。"
        seal_x = x1 - SEAL_R - 30
        seal_y = max(ys[-1] - SEAL_R - 6, top - FORM_H + SEAL_R + 2)  # inside the form
        said = self.fit(statement, seal_x - SEAL_R - x0 - 2 * SIZE - 10, 12, 9, height=40)
        self.draw_fit(said, x0 + 2 * SIZE, ys[-1] - 10 - said.size)
        canvas.saveState()
        canvas.setDash(3, 2)
        canvas.setStrokeColor(GREY)
        canvas.circle(seal_x, seal_y, SEAL_R)
        canvas.restoreState()
        self.text(seal_x, seal_y - 3, "公安机关（盖章）", 8, "center")

    def _row_h(self, name: str, width: float) -> float:
        """The height of a row holding ``name`` in a cell ``width`` wide: at least ROW_H."""
        return max(ROW_H, self.cell_height(name, width, SIZE)) if name else ROW_H

    def _sessions(self, x: float, top: float, labels: Sequence[str], width: float,
                  height: float) -> None:
        """One session a line (wrapped if long), shrunk until all fit the cell."""
        size = SIZE
        while True:
            lines = [line for label in labels for line in self.wrap(label, width, size)]
            if len(lines) * size * 1.2 <= height:
                break
            if size <= 7:
                # Too many to list a line each: run them on, by the rule of reports.textfit.
                joined = self.fit("；".join(labels), width, size, 6, height)
                self.draw_fit(joined, x, top - joined.size)
                return
            size -= 0.5
        # Centred vertically: a single session sits mid-cell like the other fields.
        y = top - (height - len(lines) * size * 1.2) / 2 - size
        for line in lines:
            self.text(x, y, line, size)
            y -= size * 1.2


def render_certificates(
    certificates: Sequence[CertificateData], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[str]]:
    """Render temporary ID certificates, two per A4 page, into one PDF.

    Args:
        certificates: the certificates, in print order; a blank serial number gives a blank form.
        fallback_fonts: TrueType files for characters Noto Sans SC lacks; ``None`` looks for the
            usual ones on this machine, ``()`` uses none.

    Returns:
        The PDF, and warnings about text that could not be printed as given.
    """
    sheet = CertificateSheet(certificates, load_fonts(fallback_fonts))
    return sheet.render(), sheet.warnings
