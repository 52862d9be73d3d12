"""Import candidate workbooks against openpyxl merely reading them; print times, ratio, memory.

Usage: python benchmarks/bench_import.py [--db-server URL] [--keep FOLDER] [--province FILE]

Issue 3's target: importing a candidate list (read, validate, write in one transaction)
takes no longer than openpyxl in read_only mode needs to read the same file. Two files:
the 6,000-row sample, and a 102,000-row province made with `demo --scale 17` and
`export candidates` (the export is timed too; --province reuses one kept before). Every
figure comes from a fresh process, so the peak resident memory printed is that operation's
own.

The import runs as the command line runs it (prepare and apply in one writing session), then
as a window's wizard does (issue 12): prepare on a snapshot, then apply in a writing session
of its own, which matches the rows with the exam again before writing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scratch import drop, fresh_url

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "candidates.xlsx"

READ = """
import json, resource, sys, time
from openpyxl import load_workbook
t = time.perf_counter()
workbook = load_workbook(sys.argv[1], read_only=True)
rows = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
workbook.close()
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

IMPORT = """
import json, resource, sys, time
from examdesk.db import open_database
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.candidates import import_candidates
url, path, scale = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale, exam_only=True)
t = time.perf_counter()
with db.begin() as session:
    result = import_candidates(session, Actor("bench"), resolve_exam(session), path)
seconds = time.perf_counter() - t
db.close()
assert not result.errors, result.errors[:3]
print(json.dumps({"seconds": seconds, "rows": result.added,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

WIZARD = """
import json, resource, sys, time
from examdesk.db import open_database
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports import Accept
from examdesk.services.imports.candidates import CANDIDATES
url, path, scale = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale, exam_only=True)
t = time.perf_counter()
with db.begin() as session:
    prepared = CANDIDATES.prepare(session, resolve_exam(session), path)
prepare = time.perf_counter() - t
t = time.perf_counter()
with db.write("bench") as session:
    result = CANDIDATES.apply(session, Actor("bench"), resolve_exam(session), prepared,
                              accept=Accept.VALID)
apply = time.perf_counter() - t
db.close()
assert not result.errors and result.written, result.errors[:3]
print(json.dumps({"prepare": prepare, "apply": apply, "rows": result.added,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PROVINCE = """
import json, resource, sys, time
from examdesk.db import open_database
from examdesk.services import demo, exports
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
url, path = sys.argv[1], sys.argv[2]
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=17)
t = time.perf_counter()
with db.begin() as session:
    result = exports.export_candidates(session, Actor("bench"), resolve_exam(session), path)
print(json.dumps({"seconds": time.perf_counter() - t, "rows": result.rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-server", help="PostgreSQL URL to create scratch databases on")
    parser.add_argument("--keep", type=Path, help="keep the 100,000-row workbook in FOLDER")
    parser.add_argument("--province", type=Path,
                        help="the 100,000-row workbook kept before (not made again)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        province = args.province or folder / "candidates-province.xlsx"
        if args.province is None:
            url, name = fresh_url(None, Path(scratch))
            made = child(PROVINCE, url, str(province))
            print(f"export candidates at scale 17: {made['rows']:,.0f} rows in "
                  f"{made['seconds']:.1f} s, peak {made['peak_mb']:.0f} MB")
        print(f"{'rows':>8} {'openpyxl read s':>15} {'MB':>5} {'import s':>8} {'MB':>5} "
              f"{'ratio':>5} {'prepare s':>9} {'apply s':>7} {'MB':>5}")
        for path, scale in ((SAMPLE, 1), (province, 17)):
            read = child(READ, str(path))
            figures = []
            for code in (IMPORT, WIZARD):
                url, name = fresh_url(args.db_server, Path(scratch))
                try:
                    figures.append(child(code, url, str(path), str(scale)))
                finally:
                    drop(args.db_server, name)
            imported, wizard = figures
            print(f"{imported['rows']:>8,.0f} {read['seconds']:>15.2f} {read['peak_mb']:>5.0f} "
                  f"{imported['seconds']:>8.2f} {imported['peak_mb']:>5.0f} "
                  f"{imported['seconds'] / read['seconds']:>5.2f} {wizard['prepare']:>9.2f} "
                  f"{wizard['apply']:>7.2f} {wizard['peak_mb']:>5.0f}")

if __name__ == "__main__":
    main()
