"""Print runs: batches on several processes (fork and spawn), the cache of parts, merging."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from examdesk.i18n import install_translator
from examdesk.progress import OperationCancelled
from reports.batch import Part, fingerprint, merge, merge_run, render_parts
from tests.reports.pdftools import page_count, save, text
from tests.reports.test_sign_in import ROOMS

# Room 001: door list 1 page, sign-in 8 (S1 4, S2 4); room 002 (33 seats): door list 2, sign-in 5.
PARTS = [Part(f"01/{room.room_code}", (("door", (room,)), ("signin", (room,)))) for room in ROOMS]


def _texts(pdf: Path) -> list[str]:
    return [text(pdf, n, n) for n in range(1, page_count(pdf) + 1)]


def test_parts_keep_their_order_whatever_finishes_first(tmp_path: Path) -> None:
    one = render_parts(PARTS, workers=1)
    two = render_parts(PARTS * 3, workers=2)
    assert [p.pages for p in one.parts] == [9, 7] and one.rendered == 2
    assert [p.pages for p in two.parts] == [9, 7] * 3
    merged = save(tmp_path, merge(two.parts), "two.pdf")
    pages = _texts(merged)
    assert len(pages) == 48
    assert ["第 001 考场" in p for p in pages[:16]] == [True] * 9 + [False] * 7
    assert pages[:16] == _texts(save(tmp_path, merge(one.parts), "one.pdf"))


def test_spawned_workers_render_the_same(tmp_path: Path) -> None:
    # Windows starts workers by spawning: they import reports and load the fonts themselves
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        spawned = render_parts(PARTS * 2, pool=pool)
    assert [p.pages for p in spawned.parts] == [9, 7, 9, 7]
    assert spawned.warnings == render_parts(PARTS, workers=1).warnings


def test_cached_parts_are_reused_with_their_warnings(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = render_parts(PARTS, cache_folder=cache, fallback_fonts=())
    again = render_parts(PARTS, cache_folder=cache, fallback_fonts=())
    assert (first.rendered, again.rendered) == (2, 0)
    # the warnings about 王𠮷 are told again: the reprint still lacks the character
    assert again.warnings == first.warnings == again.problems == first.problems
    assert [w.split(",")[0] for w in first.problems] == ["考场门贴", "考生签到表", "考生签到表"]
    assert all(w.endswith("王𠮷: no font has 𠮷 (U+20BB7)") for w in first.problems)
    assert _texts(save(tmp_path, merge(again.parts), "a.pdf")) == _texts(
        save(tmp_path, merge(first.parts), "f.pdf"))


def test_a_reprint_in_another_language_tells_the_warnings_in_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    english = render_parts(PARTS, cache_folder=cache, fallback_fonts=())
    install_translator(lambda _context, text: text.replace("no font has", "没有字体包含字符"),
                       "zh_CN")
    try:
        chinese = render_parts(PARTS, cache_folder=cache, fallback_fonts=())
    finally:
        install_translator(None)
    # the warnings cached with the parts are in the language of the run that drew them
    assert english.problems and all("no font has" in w for w in english.problems)
    assert chinese.problems and all("没有字体包含字符" in w for w in chinese.problems)
    assert chinese.rendered == 2


def test_a_changed_room_is_the_only_part_drawn_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    render_parts(PARTS, cache_folder=cache)
    moved = Part(PARTS[1].label, (("door", (replace(ROOMS[1], location="教学楼B座1楼101"),)),))
    result = render_parts([PARTS[0], moved], cache_folder=cache)
    assert result.rendered == 1
    assert "教学楼B座1楼101" in text(save(tmp_path, merge(result.parts)))


def test_a_damaged_cache_entry_is_drawn_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    render_parts(PARTS[:1], cache_folder=cache)
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", "utf-8")
    assert render_parts(PARTS[:1], cache_folder=cache).rendered == 1


def test_fingerprints_are_the_same_in_every_process() -> None:
    # str hashes differ between processes (PYTHONHASHSEED): the key must not depend on them
    code = ("from tests.reports.test_batch import PARTS; from reports.batch import fingerprint; "
            "print(fingerprint(PARTS[0]))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=env, cwd=Path(__file__).parents[2]).stdout.strip()
    assert other == fingerprint(PARTS[0])
    assert fingerprint(PARTS[0]) != fingerprint(PARTS[1])


def test_stopping_drops_the_batches_not_started() -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return True  # the user pressed Stop while the first batch was drawn

    with pytest.raises(OperationCancelled):
        render_parts(PARTS * 6, workers=1, cancelled=cancelled)
    assert len(calls) == 1  # checked after the first batch; no further batch was drawn


def test_stopping_while_merging_stops_before_the_next_part(tmp_path: Path) -> None:
    result = render_parts(PARTS, workers=1)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # Stop pressed while the first part was merged

    with pytest.raises(OperationCancelled):
        merge_run(result, "考场门贴 周口技师学院", tmp_path / "cache", cancelled)
    assert len(asked) == 2 and not list((tmp_path / "cache").glob("merged-*"))
