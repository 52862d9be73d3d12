"""Property-based and mutation tests of every importer, through `examdesk import`.

Random workbooks and CSV files with each kind's headers, then the same files corrupted (cell
references, numbers no cell holds, cut or flipped bytes, broken zips, bad CSV bytes): an
import either writes or refuses with a located message (the file's name), never an internal
error, never a partial import (a refusal leaves the database as it was), never more than
10 MB of messages. The abort of the reader (exit 134) and memory are checked in child
processes limited to 1 GB (issue 13, "Bad input, hardened"). The examples are fixed by the
profile of tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import re
import resource
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from examdesk.exchange.headers import COLUMNS, SheetKind
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import MAN, OTHER_WOMAN, WOMAN
from tests.core.exchange.test_bad_workbooks import edited, with_huge_shared_string
from ui.cli import run

KINDS = ("rooms", "candidates", "staff", "seating", "posts")
#: Values an exam list holds, so that random rows often get past the first checks.
PLAUSIBLE = ("张三", "李四", "男", "女", "居民身份证", MAN, WOMAN, OTHER_WOMAN, "助理社会工作师",
             "社会工作师", "社会工作综合能力(初级)、社会工作实务(初级)", "周口技师学院", "01",
             "01001", "监考员", "主考", "是", "否", "13103656812", "08:00-17:00", "考务办公室",
             "2", "6", "5", "30", "1", "B1", "1-1", "铅笔×2")
MAX_MESSAGES = 10 * 1024 * 1024
# EXAMDESK_FUZZ_EXAMPLES=500 HYPOTHESIS_PROFILE=explore hunts for more
SETTINGS = settings(max_examples=int(os.environ.get("EXAMDESK_FUZZ_EXAMPLES", "12")),
                    deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

cells = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(max_size=40),
    st.text(min_size=90, max_size=400),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.just(""),
    st.none(),
)


SAMPLE_FILES = {"rooms": "rooms.xlsx", "candidates": "candidates-small.xlsx",
                "staff": "staff.xlsx"}


@functools.cache
def sample_rows(kind: str) -> tuple[tuple[object, ...], ...]:
    """The header and first rows of the sample list of ``kind`` (none for the others)."""
    if kind not in SAMPLE_FILES:
        return ()
    workbook = load_workbook(SAMPLES / SAMPLE_FILES[kind], read_only=True)
    try:
        return tuple(tuple(row) for row in
                     workbook.worksheets[0].iter_rows(max_row=7, values_only=True))
    finally:
        workbook.close()


@st.composite
def tables(draw: Any, kind: str) -> list[list[object]]:
    """Either a sample's rows with a few cells replaced, or a header naming some of
    ``kind``'s columns (in any order) and random rows."""
    sample = sample_rows(kind)
    if sample and draw(st.booleans()):
        rows = [list(row) for row in sample]
        for _ in range(draw(st.integers(0, 4))):
            row = draw(st.integers(0, len(rows) - 1))
            rows[row][draw(st.integers(0, len(rows[row]) - 1))] = draw(cells)
        return rows
    specs = COLUMNS[SheetKind(kind)]
    chosen = draw(st.lists(st.sampled_from(specs), min_size=1, max_size=len(specs),
                           unique=True))
    header: list[object] = [draw(st.sampled_from(spec.aliases)) for spec in chosen]
    if draw(st.booleans()):
        header.append(draw(st.text(max_size=30)))  # a column nobody knows
    rows = draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header)),
                         min_size=0, max_size=8))
    if rows and draw(st.booleans()):
        rows.extend([rows[0]] * draw(st.integers(1, 30)))  # duplicates
    return [header, *rows]


def _clean(value: object) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        return str(value)  # openpyxl writes no integer a float cannot hold
    return value


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append([_clean(value) for value in row])
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(
            [["" if value is None else str(value) for value in row] for row in rows])
    return path


# Mutations of a workbook's sheet XML, and of a file's bytes
def _far_reference(xml: bytes, data: Any) -> bytes:
    refs = re.findall(rb' r="([A-Z]+[0-9]+)"', xml)
    if not refs:
        return xml
    old = refs[data.draw(st.integers(0, 10**6)) % len(refs)]
    new = data.draw(st.sampled_from([b"XFD1048576", b"B99999999999", b"2B", b"A0", b"",
                                     b"ZZZZ1", b"AAA1048577", b"XFD1", b"A1048576"]))
    return xml.replace(b' r="' + old + b'"', b' r="' + new + b'"', 1)


def _number_no_cell_holds(xml: bytes, data: Any) -> bytes:
    number = data.draw(st.sampled_from([b"inf", b"-inf", b"NaN", b"9" * 3000, b"1e999",
                                        b"-" + b"1" * 400, b"0x1F", b""]))
    return re.sub(rb"<v>[^<]*</v>", b"<v>" + number + b"</v>", xml, count=1)


def _lying_dimension(xml: bytes, data: Any) -> bytes:
    ref = data.draw(st.sampled_from([b"A1:XFD1048576", b"A1:B2", b"Q", b"A1:A99999999999"]))
    return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml)


def _uncalculated_formula(xml: bytes, data: Any) -> bytes:
    return re.sub(rb"<v>[^<]*</v>", b"<f>SUM(A1:A2)</f>", xml, count=data.draw(
        st.integers(1, 3)))


# Positions are drawn as fractions of the length: a zip's bytes hold the time it was written,
# and a draw must not depend on them (hypothesis replays a failing example).
def _cut(xml: bytes, data: Any) -> bytes:
    return xml[: len(xml) * data.draw(st.integers(0, 1000)) // 1000]


def _flip(xml: bytes, data: Any) -> bytes:
    position = len(xml) * data.draw(st.integers(0, 999)) // 1000
    if not xml:
        return xml
    return xml[:position] + bytes([xml[position] ^ data.draw(st.integers(1, 255))]) \
        + xml[position + 1:]


XML_MUTATIONS = (_far_reference, _number_no_cell_holds, _lying_dimension,
                 _uncalculated_formula, _cut, _flip)


def mutate_xlsx(path: Path, data: Any) -> None:
    """Change the sheet's XML, or the zip's own bytes."""
    if data.draw(st.integers(0, 4)) == 0:
        raw = path.read_bytes()
        path.write_bytes(data.draw(st.sampled_from((_cut, _flip)))(raw, data))
        return
    with zipfile.ZipFile(path) as old:
        parts = {info.filename: old.read(info.filename) for info in old.infolist()}
    member = "xl/worksheets/sheet1.xml"
    parts[member] = data.draw(st.sampled_from(XML_MUTATIONS))(parts[member], data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, content in parts.items():
            new.writestr(name, content)


def mutate_csv(path: Path, data: Any) -> None:
    raw = path.read_bytes()
    mutation = data.draw(st.integers(0, 4))
    if mutation == 0:
        raw = raw + b"\x00\xff\xfe"
    elif mutation == 1:
        raw = raw.replace(b",", b',"', 1)  # an unbalanced quote
    elif mutation == 2:
        raw = raw + b"x" * 40000 + b"\n"  # one cell longer than any cell
    elif mutation == 3:
        raw = "张三".encode("gb18030") + b"," + raw
    else:
        raw = _flip(raw, data)
    path.write_bytes(raw)


class Importer:
    """Runs `examdesk import` in this process on one database, checking each run."""

    def __init__(self, url: str) -> None:
        self.url = url

    def cli(self, *argv: object) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = run([str(arg) for arg in argv])
        return status, out.getvalue(), err.getvalue()

    def state(self) -> dict[str, int]:
        status, out, _ = self.cli("stats", "--json", "--db", self.url)
        assert status == 0
        return json.loads(out)

    def check(self, kind: str, path: Path, *options: str) -> int:
        before = self.state()
        status, out, err = self.cli("--db", self.url, "import", kind, path, *options)
        assert status in (0, 1, 2), err[-2000:]
        assert "internal error" not in err and "Traceback" not in err, err[-2000:]
        assert len(out) + len(err) < MAX_MESSAGES
        if status == 2:
            assert path.name in out + err  # located: at least the file
            if "--skip-invalid" not in options:
                assert self.state() == before  # nothing half-written
        return status


@pytest.fixture
def importer(capsys, db_url) -> Importer:
    """The demo exam's levels and subjects, the sample's centers and rooms, 400 candidates."""
    importer = Importer(db_url)
    for argv in (("demo", "--exam-only"), ("import", "rooms", SAMPLES / "rooms.xlsx"),
                 ("import", "candidates", SAMPLES / "candidates-small.xlsx")):
        status, _, err = importer.cli("--db", db_url, *argv)
        assert status == 0, err
    return importer


@pytest.mark.parametrize("kind", KINDS)
def test_random_workbooks_and_csv_files(importer, tmp_path, kind):
    @SETTINGS
    @given(rows=tables(kind), as_csv=st.booleans(),
           options=st.sampled_from([(), ("--skip-invalid",), ("--dry-run",)]))
    def property_(rows: list[list[object]], as_csv: bool, options: tuple[str, ...]) -> None:
        path = tmp_path / f"{kind}.{'csv' if as_csv else 'xlsx'}"
        (write_csv if as_csv else write_xlsx)(path, rows)
        importer.check(kind, path, *options)

    property_()


@pytest.mark.parametrize("kind", KINDS)
def test_corrupted_workbooks_and_csv_files(importer, tmp_path, kind):
    @SETTINGS
    @given(rows=tables(kind), as_csv=st.booleans(), data=st.data())
    def property_(rows: list[list[object]], as_csv: bool, data: Any) -> None:
        path = tmp_path / f"{kind}.{'csv' if as_csv else 'xlsx'}"
        if as_csv:
            mutate_csv(write_csv(path, rows), data)
        else:
            mutate_xlsx(write_xlsx(path, rows), data)
        importer.check(kind, path)

    property_()


def test_corrupted_photos(importer, tmp_path):
    @SETTINGS
    @given(contents=st.lists(st.binary(max_size=2000), min_size=1, max_size=4),
           names=st.lists(st.sampled_from([MAN, WOMAN, "20234116000001", "nobody", "x" * 300]),
                          min_size=4, max_size=4))
    def property_(contents: list[bytes], names: list[str]) -> None:
        folder = tmp_path / "photos"
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for index, content in enumerate(contents):
            suffix = (".jpg", ".png", ".jpeg", ".JPG")[index % 4]
            name = names[index][:200]
            with contextlib.suppress(OSError):
                (folder / f"{name}{suffix}").write_bytes(content)
        importer.check("photos", folder)

    property_()


def _limited(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits are Linux's")
def test_the_worst_files_in_a_child_process_limited_to_1_gb(importer, tmp_path):
    """The files that aborted the process or took gigabytes: in a child that may use 1 GB,
    each ends with a located line and exit 2 (134 before, or a MemoryError)."""
    header = ["姓名", "证件号码", "报考级别"]
    far = write_xlsx(tmp_path / "far.xlsx", [header, ["张三", MAN, "社会工作师"]])
    bad_reference = edited(far, tmp_path / "bad.xlsx",
                           lambda xml: xml.replace(b'r="C2"', b'r="C99999999999"'))
    huge = with_huge_shared_string(far, tmp_path / "huge.xlsx")
    far = edited(far, tmp_path / "far-cell.xlsx",
                 lambda xml: xml.replace(b'r="C2"', b'r="XFD1048576"'))
    copies = write_xlsx(tmp_path / "copies.xlsx",
                        [header] + [["张三", MAN, "社会工作师"]] * 10000)
    env = {**os.environ, "EXAMDESK_LANG": "en"}
    for path, lines in ((far, 1), (bad_reference, 1), (huge, 1), (copies, 10010)):
        result = subprocess.run(
            [sys.executable, "-c", "from ui.cli import main; main()", "--db", importer.url,
             "import", "candidates", str(path)],
            capture_output=True, text=True, timeout=300, check=False, env=env,
            preexec_fn=lambda: _limited(1024))
        assert result.returncode == 2, (path.name, result.returncode, result.stderr[-500:])
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert path.name in result.stderr + result.stdout
        assert (result.stdout + result.stderr).count("\n") <= lines
        assert len(result.stdout) + len(result.stderr) < MAX_MESSAGES
