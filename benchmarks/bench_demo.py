"""Load the demo exam at the reference and the provincial scale; print time and peak memory.

Usage: python benchmarks/bench_demo.py [--scales 1 17] [--db-server URL]
Each scale runs in a fresh process on a fresh SQLite file (or a fresh database on the
PostgreSQL server given), so the peak resident memory printed is that operation's own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scratch import drop, fresh_url

CHILD = """
import json, resource, sys, time
from examdesk.db import open_database
from examdesk.services import demo, stats
from examdesk.services.audit import Actor
url, scale = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
db = open_database(url)
t1 = time.perf_counter()
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale)
t2 = time.perf_counter()
with db.begin() as session:
    counts = stats.collect(session)
t3 = time.perf_counter()
db.close()
print(json.dumps({"open_s": t1 - t0, "load_s": t2 - t1, "stats_s": t3 - t2,
                  "candidates": counts.candidates, "rooms": counts.rooms,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--db-server", help="PostgreSQL URL to create scratch databases on")
    args = parser.parse_args()
    print(f"{'scale':>5} {'candidates':>10} {'rooms':>6} {'migrate s':>9} {'load s':>7} "
          f"{'stats s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, name = fresh_url(args.db_server, Path(folder))
            try:
                out = subprocess.run([sys.executable, "-c", CHILD, url, str(scale)],
                                     capture_output=True, text=True, check=True).stdout
            finally:
                drop(args.db_server, name)
            r = json.loads(out)
            print(f"{scale:>5} {r['candidates']:>10,} {r['rooms']:>6,} {r['open_s']:>9.2f} "
                  f"{r['load_s']:>7.2f} {r['stats_s']:>7.3f} {r['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
