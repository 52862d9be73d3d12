"""What telling the broken duties costs a change, and what a roster repair costs.

Usage: python benchmarks/bench_duty_changes.py [--scales 1 17] [--db-server URL]

For each scale a fresh process loads the demo exam (seated and rostered) and times, each in a
transaction rolled back afterwards: a seat swap, a center re-planned (allocate --center), the
whole exam allocated again, each with the watch that names the duties it broke, and the watch
alone over the same centers (two loads of their duty data and two roster checks); then the
roster repair after the center was re-planned, and the whole `check`.
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
from sqlalchemy import select
from examdesk.db import open_database
from examdesk.model import Candidate, SeatAssignment
from examdesk.services import demo, roster, seat_changes, seating
from examdesk.services.audit import Actor
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import center_id, resolve_exam
from examdesk.services.plan_check import check_exam_plan
url, scale = sys.argv[1], int(sys.argv[2])
actor = Actor("bench")
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, actor, scale=scale)
rows = {}

def timed(name, work):
    with db.sessions() as session:
        exam = resolve_exam(session)
        started = time.perf_counter()
        result = work(session, exam)
        rows[name] = time.perf_counter() - started
        session.rollback()
    return result

def two_of_room(session):
    return session.scalars(select(Candidate.id_number).join(SeatAssignment)
                           .where(SeatAssignment.room_id == 1)
                           .order_by(SeatAssignment.seat_no).limit(2)).all()

def center(session, exam, code="02"):
    return {center_id(session, exam, code)}

timed("seat swap", lambda s, e: seat_changes.swap_candidates(s, actor, e, *two_of_room(s)))
timed("  watch of center 01", lambda s, e: DutyWatch(s, e, center(s, e, "01")).broken())
timed("allocate --center 02",
               lambda s, e: seating.allocate_exam(s, actor, e, center="02", seed=5))
timed("  watch of center 02", lambda s, e: DutyWatch(s, e, center(s, e)).broken())
timed("allocate (whole exam)", lambda s, e: seating.allocate_exam(s, actor, e, seed=5))
timed("  watch of the exam", lambda s, e: DutyWatch(s, e).broken())
def repair(session, exam):
    summary = seating.allocate_exam(session, actor, exam, center="02", seed=5)
    started = time.perf_counter()
    result = roster.repair_exam_roster(session, actor, exam, center="02", seed=1)
    rows["roster --repair --center 02"] = time.perf_counter() - started
    return len(summary.broken_duties), len(result.moves)
broken, moves = timed("allocate --center 02 and repair", repair)
del rows["allocate --center 02 and repair"]
timed("check (seating and roster)", lambda s, e: check_exam_plan(s, e))
print(json.dumps({"rows": rows, "broken": broken, "moves": moves,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--db-server", metavar="URL", help="a PostgreSQL server to use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, name = fresh_url(args.db_server, Path(folder))
            try:
                out = subprocess.run([sys.executable, "-c", CHILD, url, str(scale)],
                                     capture_output=True, text=True, check=True).stdout
            finally:
                drop(args.db_server, name)
            result = json.loads(out)
            print(f"scale {scale}: allocate --center 02 broke {result['broken']} duties, "
                  f"the repair changed {result['moves']}; peak {result['peak_mb']:.0f} MB")
            for what, seconds in result["rows"].items():
                print(f"  {what:<32} {seconds:>7.2f} s")


if __name__ == "__main__":
    main()
