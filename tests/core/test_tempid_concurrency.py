"""Several desks issuing temporary IDs at one center at once (issue 14, "Concurrency,
measured"): 8 processes issuing 50 certificates each get 400 distinct serials without a gap;
on PostgreSQL no desk sees an error, on SQLite a desk may at worst be told the database is
busy, and nothing it was told was issued is lost."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.model import Room, SeatAssignment, TempIdCertificate, TestCenter
from examdesk.services.exams import resolve_exam

PROCESSES, EACH = 8, 50

# One desk: issue a certificate to each candidate given, one write each, as the window does.
DESK = """
import json, sys
from datetime import datetime
from examdesk.db import open_database
from examdesk.errors import DatabaseBusy
from examdesk.services import tempids
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
db = open_database(sys.argv[1])
actor = Actor(sys.argv[2])
issued, busy, errors = [], 0, []
for candidate in map(int, sys.argv[3:]):
    try:
        with db.write("tempid issue") as session:
            row = tempids.issue(session, actor, resolve_exam(session), candidate,
                                officer="王警官", unit="川汇分局",
                                now=datetime(2023, 6, 11, 8, 0))
        issued.append(row.serial)
    except DatabaseBusy:
        busy += 1
    except Exception as error:  # any other error fails the test
        errors.append(repr(error))
print(json.dumps({"issued": issued, "busy": busy, "errors": errors}))
"""


@pytest.mark.slow
def test_eight_desks_issuing_at_one_center_get_distinct_gapless_serials(demo_copy_url, backend):
    database = open_database(demo_copy_url)
    with database.begin() as session:
        exam = resolve_exam(session)
        candidates = session.scalars(
            select(SeatAssignment.candidate_id).join(Room, Room.id == SeatAssignment.room_id)
            .join(TestCenter, TestCenter.id == Room.center_id)
            .where(TestCenter.code == "01").order_by(SeatAssignment.seat_no, Room.code)
            .limit(PROCESSES * EACH)).all()
    assert len(candidates) == PROCESSES * EACH
    started = time.perf_counter()
    desks = [subprocess.Popen(
        [sys.executable, "-c", DESK, demo_copy_url, f"desk{n}",
         *map(str, candidates[n * EACH:(n + 1) * EACH])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(PROCESSES)]
    results = []
    for desk in desks:
        out, err = desk.communicate(timeout=600)
        assert desk.returncode == 0, err
        results.append(json.loads(out))
    seconds = time.perf_counter() - started
    told = [serial for r in results for serial in r["issued"]]
    busy = sum(r["busy"] for r in results)
    assert [e for r in results for e in r["errors"]] == []
    with database.begin() as session:
        stored = sorted(session.scalars(select(TempIdCertificate.serial_no).where(
            TempIdCertificate.exam_id == exam.id)))
    database.close()
    # every serial a desk was told is stored, once; the numbers run without a gap
    assert sorted(told) == stored and len(set(told)) == len(told)
    assert stored == [f"01-{n:04d}" for n in range(1, len(stored) + 1)]
    if backend == "postgresql":
        assert (len(stored), busy) == (PROCESSES * EACH, 0)
    else:
        assert len(stored) + busy == PROCESSES * EACH
    print(f"\n{backend}: {len(stored)} certificates by {PROCESSES} desks in {seconds:.1f} s, "
          f"{busy} told the database was busy")
