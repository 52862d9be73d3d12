"""What one seat change costs: `examdesk seat move` of one candidate, time and peak memory.

Usage: python benchmarks/bench_seat_change.py [--scales 1 17] [--folder DIR]

For each scale the demo exam (seated and rostered) is loaded into an SQLite file (kept in
``--folder`` and reused when given, else in a temporary folder); then a fresh process opens
it and times, each in a transaction rolled back afterwards and repeated three times (the best
is printed): the lookup of a typed registration number, and a move of that candidate to a
seat freed for it in the next room of their center (what `seat move` does), with the Python
memory it allocated at its peak (tracemalloc) and the process's peak resident size; then, on
its own, the part of the move that reads the center's roster before and after it to name the
duties it broke (examdesk/services/duty_watch.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time, tracemalloc
from sqlalchemy import delete, select
from examdesk.db import open_database
from examdesk.model import Candidate, Room, SeatAssignment
from examdesk.services import seat_changes
from examdesk.services.audit import Actor
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate, find_room

actor = Actor("bench")
db = open_database(sys.argv[1])


def target(session):
    # the demo's rooms are full: one seat of the second room of the first center is freed
    # (untimed, in the transaction rolled back), and the first candidate of the first room,
    # of the same level, is moved there
    first, second = session.execute(
        select(Room.id, Room.code).where(Room.spare.is_(False))
        .order_by(Room.center_id, Room.code).limit(2)).all()
    freed = session.scalar(select(SeatAssignment.candidate_id)
                           .where(SeatAssignment.room_id == second.id)
                           .order_by(SeatAssignment.seat_no.desc()).limit(1))
    session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id == freed))
    who = session.scalar(select(Candidate.registration_no).join(SeatAssignment)
                         .where(SeatAssignment.room_id == first.id)
                         .order_by(SeatAssignment.seat_no).limit(1))
    return who, second.code


timings = {}
peak = {}
for run in range(4):  # three timed runs, then one with tracemalloc (which slows it down)
    for name in ("lookup", "seat move", "  its duty watch"):
        with db.sessions() as session:
            exam = resolve_exam(session)
            who, room = target(session)
            if run == 3:
                tracemalloc.start()
            started = time.perf_counter()
            if name == "lookup":
                find_candidate(session, exam, who).one()
            elif name == "  its duty watch":  # the roster of the center, before and after
                center = find_room(session, exam, room).one().center_id
                DutyWatch(session, exam, {center}).broken()
            else:
                candidate = find_candidate(session, exam, who).one().id
                seat_changes.move_candidate(
                    session, actor, exam, candidate, find_room(session, exam, room).one().id)
            seconds = time.perf_counter() - started
            if run == 3:
                peak[name] = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            else:
                timings[name] = min(timings.get(name, seconds), seconds)
            session.rollback()
print(json.dumps({"seconds": timings, "peak_mb": {k: v / 2**20 for k, v in peak.items()},
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--folder", type=Path, help="keep the demo databases here, reuse them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or Path(scratch)
        for scale in args.scales:
            path = folder / f"demo-{scale}.db"
            if not path.exists():
                subprocess.run([sys.executable, "-c", "from ui.cli import main; main()", "--db", f"sqlite:///{path}",
                                "demo", "--scale", str(scale)], check=True,
                               capture_output=True)
            out = subprocess.run([sys.executable, "-c", CHILD, f"sqlite:///{path}"],
                                 stdout=subprocess.PIPE, text=True, check=True).stdout
            result = json.loads(out)
            print(f"scale {scale}: process peak {result['rss_mb']:.0f} MB")
            for what, seconds in result["seconds"].items():
                print(f"  {what:<16} {seconds * 1000:>8.1f} ms, "
                      f"peak {result['peak_mb'][what]:>6.1f} MB allocated")


if __name__ == "__main__":
    main()
