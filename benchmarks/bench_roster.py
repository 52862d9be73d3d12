"""Roster the invigilators at the reference and the provincial scale: optimiser against greedy.

Usage: python benchmarks/bench_roster.py [--scales 1 17]

For each scale a fresh process loads the demo exam (seated) into a scratch SQLite file and
times make_roster (assignment matchings per center and time slot) and the greedy
baseline on the same data, at the demo's setting of 3 sessions a person and at 2 (where
the sample district is short of invigilators, so gaps show). It prints hard violations,
unfilled places and the soft-goal misses of each, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scratch import fresh_url

CHILD = """
import dataclasses, json, resource, sys, time
from examdesk.db import open_database
from examdesk.planning.roster import greedy_roster, make_roster
from examdesk.services import demo
from examdesk.services.audit import Actor
from examdesk.services.duty_data import load_duty_data
from examdesk.services.exams import resolve_exam
url, scale = sys.argv[1], int(sys.argv[2])
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale)
with db.begin() as session:
    data = load_duty_data(session, resolve_exam(session), seed=2023)
rows = []
for cap in (3, 2):
    settings = dataclasses.replace(data.settings, max_sessions=cap)
    for name, method in (("optimiser", make_roster), ("greedy", greedy_roster)):
        t = time.perf_counter()
        roster = method(data.centers, data.rooms, data.sessions, data.staff, settings)
        seconds = time.perf_counter() - t
        m = roster.metrics
        rows.append({"cap": cap, "method": name, "seconds": seconds,
                     "hard": m.hard_violations, "unfilled": m.unfilled,
                     "same_gender": m.same_gender_rooms, "pairs": m.repeated_pairs,
                     "rooms": m.repeated_rooms, "spread": m.load_spread})
print(json.dumps({"rooms": len(data.rooms), "staff": len(data.staff), "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    args = parser.parse_args()
    print(f"{'scale':>5} {'rooms':>6} {'staff':>6} {'cap':>3} {'method':>9} {'s':>6} "
          f"{'hard':>4} {'unfilled':>8} {'1-gender':>8} {'pairs':>5} {'rooms':>5} "
          f"{'spread':>6} {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, _name = fresh_url(None, Path(folder))
            out = subprocess.run([sys.executable, "-c", CHILD, url, str(scale)],
                                 capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            for row in r["rows"]:
                print(f"{scale:>5} {r['rooms']:>6,} {r['staff']:>6,} {row['cap']:>3} "
                      f"{row['method']:>9} {row['seconds']:>6.2f} {row['hard']:>4} "
                      f"{row['unfilled']:>8,} {row['same_gender']:>8,} {row['pairs']:>5} "
                      f"{row['rooms']:>5} {row['spread']:>6} {r['peak_mb']:>7.0f}")


if __name__ == "__main__":
    main()
