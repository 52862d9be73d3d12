"""存疑考生情况表 over several pages: the tables go on under their titles marked （续）, every
record is printed once, and the chief examiner signs once, on the last page."""

from __future__ import annotations

from examdesk.printing.doubtful import DoubtfulLine, DoubtfulListData
from reports.doubtful_list import render_doubtful_lists
from tests.reports.pdftools import fonts_all_embedded, page_count, save, squeezed, text


def _line(n: int, cleared: bool) -> DoubtfulLine:
    return DoubtfulLine(f"2306{n:05d}", f"考生{n}", "412702********123X", "001", str(n % 30 + 1),
                        "S2 09:00-11:00",
                        "照片与本人差异较大，考生称近期体重变化明显" * (n % 3 + 1),
                        "gate01", "06-11 08:32", ("王老师", "李老师") if cleared else (),
                        "06-11 09:40" if cleared else "")


def test_a_long_list_goes_on_and_is_signed_once(tmp_path):
    data = DoubtfulListData("2023年度社会工作者职业水平考试（周口考区）", "01", "周口技师学院",
                            "2023年6月11日", tuple(_line(n, False) for n in range(40)),
                            tuple(_line(n, True) for n in range(40, 70)))
    pdf = save(tmp_path, render_doubtful_lists([data], ())[0], "long.pdf")
    pages = page_count(pdf)
    assert pages > 2 and fonts_all_embedded(pdf)
    words = [squeezed(text(pdf, n, n)) for n in range(1, pages + 1)]
    assert all("存疑考生情况表" in w and "周口技师学院" in w for w in words)
    assert "未解除的存疑考生（40人）（续）" in words[1]
    assert "".join(words).count("考点主考（签名）") == 1 and "考点主考（签名）" in words[-1]
    assert all("".join(words).count(f"2306{n:05d}") == 1 for n in range(70))
