"""Allocate seats at the reference and the provincial scale; print times, memory and spacing.

Usage: python benchmarks/bench_allocate.py [--scales 1 17] [--db-server URL]

For each scale a fresh process loads the demo exam into a scratch database, then times
(1) the pure allocation (examdesk.planning.allocation.allocate on plain data) and
(2) the whole `allocate` service, whose extra time is reading the plan and writing the
seats. It also counts same-work-unit candidates in adjacent seats, in our plan and in a
plain shuffle of each level over the same seats, and checks the plan (`examdesk check`'s
errors).
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
import json, random, resource, sys, time
from examdesk.db import open_database
from examdesk.planning.allocation import allocate, same_unit_pairs
from examdesk.planning.checks import check_plan
from examdesk.planning.plan import Seat
from examdesk.services import demo, seating
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
url, scale = sys.argv[1], int(sys.argv[2])
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale)
with db.begin() as session:
    exam = resolve_exam(session)
    plan = seating.load_plan(session, exam, seed=2023)
t = time.perf_counter()
result = allocate(plan.rooms, plan.candidates, plan.rules)
pure = time.perf_counter() - t
# a plain shuffle: each level's candidates dealt at random over the same seats
rng = random.Random(2023)
level_of = {c.id: c.level for c in plan.candidates}
by_level = {}
for seat in result.seats:
    by_level.setdefault(level_of[seat.candidate_id], []).append(seat)
plain = []
for seats in by_level.values():
    people = [s.candidate_id for s in seats]
    rng.shuffle(people)
    plain += [Seat(c, s.room_id, s.seat_no, s.ticket_no) for c, s in zip(people, seats)]
shuffled = same_unit_pairs(plain, plan.rooms, plan.candidates, plan.rules)
t = time.perf_counter()
with db.begin() as session:
    summary = seating.allocate_exam(session, Actor("bench"), exam, seed=2023)
service = time.perf_counter() - t
t = time.perf_counter()
with db.begin() as session:
    issues = seating.check_exam(session, exam)
checked = time.perf_counter() - t
db.close()
print(json.dumps({
    "candidates": len(plan.candidates), "rooms": result.rooms_used, "pure_s": pure,
    "service_s": service, "check_s": checked, "pairs": result.neighbour_pairs,
    "plain_pairs": shuffled, "errors": sum(1 for i in issues if i.is_error),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--db-server", help="PostgreSQL URL to create scratch databases on")
    args = parser.parse_args()
    print(f"{'scale':>5} {'candidates':>10} {'rooms':>6} {'allocate s':>10} {'service s':>9} "
          f"{'write s':>7} {'check s':>7} {'pairs':>5} {'shuffle':>7} {'errors':>6} "
          f"{'peak MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, name = fresh_url(args.db_server, Path(folder))
            try:
                out = subprocess.run([sys.executable, "-c", CHILD, url, str(scale)],
                                     capture_output=True, text=True, check=True).stdout
            finally:
                drop(args.db_server, name)
            r = json.loads(out)
            print(f"{scale:>5} {r['candidates']:>10,} {r['rooms']:>6,} {r['pure_s']:>10.2f} "
                  f"{r['service_s']:>9.2f} {r['service_s'] - r['pure_s']:>7.2f} "
                  f"{r['check_s']:>7.2f} {r['pairs']:>5} {r['plain_pairs']:>7} "
                  f"{r['errors']:>6} {r['peak_mb']:>7.0f}")


if __name__ == "__main__":
    main()
