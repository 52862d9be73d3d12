"""What the 打印 area waits for: the choices it offers, and how soon Stop stops a run.

Usage: python benchmarks/bench_print_window.py [--scales 1 17]

For each scale a fresh process loads the demo exam (as benchmarks/bench_print.py does, the
morning draw held at the first centers) into a scratch SQLite file, then another process
- reads `print_choices` (the centers, the sessions each holds, whether it is rostered, its
  draws and posts: what the window offers and why a sheet cannot print), first call and best
  of five, with the process's peak memory;
- prints the first center's pack once (filling the cache), forgets the merged file, prints it
  again and presses Stop as soon as every part came from the cache, i.e. while the unchanged
  parts are merged: how long from Stop to the run's end, and how long the merge alone takes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_print import LOAD
from scratch import fresh_url

CHILD = """
import json, os, resource, sys, tempfile, time
from pathlib import Path
os.environ["EXAMDESK_CACHE"] = cache = tempfile.mkdtemp()
from examdesk.db import open_database
from examdesk.progress import OperationCancelled
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import print_choices
from ui.jobs.print_run import PrintRequest, run_print

db = open_database(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
with db.begin() as session:
    choices = print_choices(session, resolve_exam(session))
first = time.perf_counter() - t
best = first
for _ in range(5):
    t = time.perf_counter()
    with db.begin() as session:
        print_choices(session, resolve_exam(session))
    best = min(best, time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before

center = choices.centers[0].code
request = PrintRequest("pack", Path(tempfile.mkdtemp()), center=center, workers=2)
run_print(db, Actor("bench"), request)
for merged in Path(cache).glob("merged-*"):
    merged.unlink()
t = time.perf_counter()
run_print(db, Actor("bench"), request)  # the merge alone: every part from the cache
merge = time.perf_counter() - t
for merged in Path(cache).glob("merged-*"):
    merged.unlink()
stop = []

def progress(done, total, label):
    if done == total and not stop:
        stop.append(time.perf_counter())  # every part cached: merging starts

try:
    run_print(db, Actor("bench"), request, progress=lambda code: progress,
              cancelled=lambda: bool(stop))
    answered = None
except OperationCancelled:
    answered = time.perf_counter() - stop[0]
print(json.dumps({"centers": len(choices.centers), "first": first, "best": best,
                  "peak_mb": peak, "merge": merge, "answered": answered}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--draws", type=int, default=5, help="centers that hold the draw")
    args = parser.parse_args()
    print(f"{'scale':>5} {'centers':>7} {'choices: first ms':>17} {'best ms':>7} "
          f"{'+MB':>5} {'pack merge s':>12} {'Stop answered ms':>16}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, _name = fresh_url(None, Path(folder))
            subprocess.run([sys.executable, "-c", LOAD, url, str(scale), str(args.draws)],
                           check=True)
            out = subprocess.run([sys.executable, "-c", CHILD, url], capture_output=True,
                                 text=True, check=True).stdout
            r = json.loads(out.splitlines()[-1])
            answered = f"{r['answered'] * 1000:>16.0f}" if r["answered"] is not None else (
                f"{'(not stopped)':>16}")
            print(f"{scale:>5} {r['centers']:>7} {r['first'] * 1000:>17.0f} "
                  f"{r['best'] * 1000:>7.0f} {r['peak_mb']:>5.0f} {r['merge']:>12.1f} "
                  f"{answered}")


if __name__ == "__main__":
    main()
