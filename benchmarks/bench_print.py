"""Print every sheet of the demo exam: pages per second, layout overhead, peak memory; and
`examdesk print pack` itself, first run and unchanged rerun.

Usage: python benchmarks/bench_print.py [--scales 1 17] [--workers 2]

For each scale a fresh process loads the demo exam (seated, rostered, posts staffed) into a
scratch SQLite file, holds the morning draw of every session at the first centers, and prints
every sheet of every center as `examdesk print` does (the pack: each room's door list,
seating chart, sign-in sheets and room records, then duty sheets, duty cards and post
roster; plus desk labels, draw results, certificates and the center summary): reading the
data, rendering the parts on N processes, merging, writing. No cache: everything is drawn.

The baseline draws the same pages with only their text (pdftotext of our PDFs, line by line
in the same fonts, no layout) in one process; the ratio compares it with our rendering on one
process, so it is the cost of our layout. Peak memory is the largest of the main process and
its workers during the print run (the demo is loaded by a process of its own).

Then `examdesk print pack` runs as a user runs it, a command of its own (imports and all),
twice on an empty print cache: the first run draws every part, the rerun (nothing changed)
reuses the merged files. The reference exam's budget: first run under 10 s, rerun under 4 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch import fresh_url

LOAD = """
import sys
from examdesk.db import open_database
from examdesk.errors import BadInput, PlanProblem
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.duties import draw_center
from examdesk.services.exams import center_codes, resolve_exam
url, scale, draws = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale)
with db.begin() as session:
    exam = resolve_exam(session)
    codes = list(center_codes(session, exam).values())
for code in codes[:draws]:
    for s in ("S1", "S2", "S3", "S4"):
        try:
            with db.begin() as session:
                draw_center(session, Actor("bench"), exam, center=code, session_code=s, seed=1)
        except (BadInput, PlanProblem):
            pass  # the center holds no paper then, or nobody is rostered for it
"""

CHILD = """
import json, resource, subprocess, sys, tempfile, time, io
from pathlib import Path
from reportlab.pdfgen.canvas import Canvas
from examdesk.db import open_database
from examdesk.services.exams import center_codes, resolve_exam
from reports.batch import merge, render_parts, worker_pool, write_atomically
from reports.fonts import load_fonts
from ui.jobs.print_run import center_parts
from ui.jobs.sheets import sheet

url, scale, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = open_database(url)
with db.begin() as session:
    exam = resolve_exam(session)
    codes = list(center_codes(session, exam).values())
load_fonts()
out = Path(tempfile.mkdtemp())
kinds = ("pack", "desk", "draw", "certificate", "summary")

def run(workers):
    with worker_pool(workers) as pool:
        return run_on(workers, pool)

def run_on(workers, pool):
    read = render = write = 0.0
    pages = files = 0
    for code in codes:
        for kind in kinds:
            t = time.perf_counter()
            parts, name = center_parts(db, exam, kind, code, None, None)
            read += time.perf_counter() - t
            if not parts:
                continue
            t = time.perf_counter()
            result = render_parts(parts, workers=workers, pool=pool if workers > 1 else None)
            render += time.perf_counter() - t
            t = time.perf_counter()
            target = out / f"{sheet(kind).file_name}-{code}.pdf"
            write_atomically(target, merge(result.parts))
            write += time.perf_counter() - t
            pages += result.pages
            files += 1
    return read, render, write, pages, files

t = time.perf_counter()
read, render, write, pages, files = run(workers)
total = time.perf_counter() - t
# the print run's peak: the largest of this process and its workers (the baseline below
# holds every page's text at once, which printing never does)
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
one = run(1)[1] if scale == 1 else None
# the baseline: the same pages, their text only, same fonts, no layout
fonts = load_fonts()
texts = []
for pdf in sorted(out.glob("*.pdf")):
    texts += subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout.split("\\f")[:-1]
t = time.perf_counter()
buffer = io.BytesIO()
canvas = Canvas(buffer, pageCompression=1, invariant=1, initialFontName=fonts.main)
for page in texts:
    y = 800
    for line in page.splitlines():
        if line.strip():
            obj = canvas.beginText(40, y)
            for name, run_ in fonts.runs(" ".join(line.split())):
                obj.setFont(name, 10)
                obj.textOut(run_)
            canvas.drawText(obj)
            y -= 12
    canvas.showPage()
canvas.save()
baseline = time.perf_counter() - t
size = sum(p.stat().st_size for p in out.glob("*.pdf"))
print(json.dumps({"centers": len(codes), "files": files, "pages": pages, "total": total,
                  "read": read, "render": render, "write": write, "one": one,
                  "baseline": baseline, "text_pages": len(texts), "peak_mb": peak,
                  "mb": size / 1e6}))
"""


def print_pack(url: str, workers: int, cache: Path, out: Path) -> tuple[float, float]:
    """Run `examdesk print pack` on ``url`` as a command; return its seconds and peak MB.

    The peak is the largest of the command and its workers (Linux counts the children a
    process waited for into its own usage).
    """
    env = {**os.environ, "EXAMDESK_CACHE": str(cache)}
    command = [sys.executable, "-c", "from ui.cli import main; main()", "--db", url, "print",
               "pack", "--out", str(out), "--workers", str(workers)]
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"examdesk print pack failed ({status})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--draws", type=int, default=5, help="centers that hold the draw")
    args = parser.parse_args()
    print(f"{'scale':>5} {'centers':>7} {'files':>5} {'pages':>6} {'total s':>7} "
          f"{'read s':>6} {'render s':>8} {'merge+write s':>13} {'pages/s':>7} "
          f"{'1-proc s':>8} {'text-only s':>11} {'ratio':>5} {'PDF MB':>6} {'peak MB':>7}")
    runs: dict[int, tuple[tuple[float, float], tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, _name = fresh_url(None, Path(folder))
            subprocess.run([sys.executable, "-c", LOAD, url, str(scale), str(args.draws)],
                           check=True)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, url, str(scale), str(args.workers)],
                capture_output=True, text=True, check=True).stdout
            r = json.loads(out.splitlines()[-1])
            one = r["one"]
            ratio = f"{one / r['baseline']:5.1f}" if one else "    -"
            print(f"{scale:>5} {r['centers']:>7} {r['files']:>5} {r['pages']:>6,} "
                  f"{r['total']:>7.1f} {r['read']:>6.1f} {r['render']:>8.1f} "
                  f"{r['write']:>13.1f} {r['pages'] / r['total']:>7.0f} "
                  f"{(f'{one:8.1f}' if one else '       -')} {r['baseline']:>11.1f} {ratio} "
                  f"{r['mb']:>6.1f} {r['peak_mb']:>7.0f}")
            runs[scale] = (print_pack(url, args.workers, Path(folder) / f"cache-{scale}",
                                      Path(folder) / f"pack-{scale}"),
                           print_pack(url, args.workers, Path(folder) / f"cache-{scale}",
                                      Path(folder) / f"pack-{scale}"))
    print()
    print(f"{'scale':>5} {'print pack: first s':>19} {'peak MB':>7} {'rerun s':>7} {'peak MB':>7}")
    for scale, ((first, first_mb), (rerun, rerun_mb)) in runs.items():
        print(f"{scale:>5} {first:>19.1f} {first_mb:>7.0f} {rerun:>7.1f} {rerun_mb:>7.0f}")


if __name__ == "__main__":
    main()
