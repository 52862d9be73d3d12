"""The search box over the candidates table: building the index and answering a keystroke.

Usage: python benchmarks/bench_search.py [--scales 1 17]

The rows are the sample candidates (name, ID number, registration number, ticket, work unit)
repeated to the scale, each copy with its own numbers, as `examdesk demo --scale N` makes
them. For each scale it prints the time to build the index (once, when a table opens), the
time of each query a clerk types one keystroke after another (pinyin initials, syllables
and initials mixed, Chinese, digits of an ID or ticket, two terms) with how many rows each
finds, the slowest keystroke, and the peak memory of the process. Then the same keystrokes
typed into the window's table (ui/window/tables.py: a SearchableTable shown offscreen, each
keystroke timed until the view has painted). The window's budget is 100 ms a keystroke at
provincial scale (17: 102,000 candidates).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from dataclasses import dataclass

from examdesk.resources import resource_path
from examdesk.search import SearchIndex
from examdesk.services.demo import _read, _text

QUERIES = ["z", "zs", "zha", "zhangs", "w", "wa", "wangj", "谢", "谢萍", "4116", "41168119691002",
           "20234116", "第4初级", "xp 项城"]


def rows(scale: int) -> list[tuple[int, str, list[str]]]:
    sample = _read(resource_path("samples") / "candidates.xlsx")
    out: list[tuple[int, str, list[str]]] = []
    for copy in range(scale):
        for n, row in enumerate(sample):
            key = copy * len(sample) + n
            id_no, registration = _text(row["证件号码"]), _text(row["报名序号"])
            if copy:  # the first copy keeps the sample's numbers
                id_no, registration = f"{copy:02d}{id_no[2:]}", f"{copy:02d}{registration[2:]}"
            ticket = f"{copy:02d}{n:08d}"
            work_unit = _text(row["工作单位"])
            out.append((key, _text(row["姓名"]), [id_no, registration, ticket, work_unit]))
    return out


@dataclass(frozen=True)
class Row:
    key: int
    name: str
    fields: list[str]


def in_the_window(data: list[tuple[int, str, list[str]]]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.window.tables import Column, RowKind, SearchableTable

    app = QApplication.instance() or QApplication([])
    kind = RowKind[Row](key=lambda r: r.key,
                        columns=[Column("姓名", lambda r: r.name),
                                 *(Column(str(n), lambda r, n=n: r.fields[n]) for n in range(4))],
                        search=lambda r: (r.name, r.fields))
    table: SearchableTable[Row] = SearchableTable(kind)
    table.resize(1300, 700)
    table.show()
    started = time.perf_counter()
    table.set_rows(Row(*row) for row in data)
    app.processEvents()
    took = time.perf_counter() - started
    print(f"  window table: {len(data):,} rows shown in {took * 1000:.0f} ms")
    slowest = 0.0
    for query in QUERIES:
        table.search_box.clear()
        app.processEvents()
        for char in query:
            started = time.perf_counter()
            if char.isascii():
                QTest.keyClicks(table.search_box, char)
            else:  # what an input method does when the clerk picks a character
                event = QInputMethodEvent()
                event.setCommitString(char)
                QApplication.sendEvent(table.search_box, event)
            table.view.viewport().repaint()
            took = time.perf_counter() - started
            slowest = max(slowest, took)
    QTest.keyClick(table.search_box, Qt.Key.Key_Escape)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  window table: slowest keystroke {slowest * 1000:.1f} ms, painted (budget 100 ms); "
          f"peak memory {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    args = parser.parse_args()
    for scale in args.scales:
        data = rows(scale)
        started = time.perf_counter()
        index = SearchIndex(data)
        built = time.perf_counter() - started
        print(f"scale {scale}: {len(index):,} rows, index built in {built * 1000:.0f} ms")
        slowest = 0.0
        for query in QUERIES:
            for end in range(1, len(query) + 1):  # as typed, a keystroke at a time
                started = time.perf_counter()
                found = index.find(query[:end])
                took = time.perf_counter() - started
                slowest = max(slowest, took)
            print(f"  {query!r:>18}: {len(found):>7,} rows, last keystroke {took * 1000:6.1f} ms")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  slowest keystroke {slowest * 1000:.1f} ms (budget 100 ms); "
              f"peak memory {peak:.0f} MB")
        in_the_window(data)


if __name__ == "__main__":
    main()
