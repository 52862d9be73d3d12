"""The live board: one read of every center's line and the district's totals.

Usage: python benchmarks/bench_board.py [--scales 1 17] [--db-server URL] [--db URL]

For each scale the demo exam (seated and rostered) is loaded into a fresh database, and the
first sitting is given an exam day in full swing: every expected candidate marked, 3 % of them
absent, 20 temporary ID certificates and 5 incidents per center. Then the board is read once
with every count (read_board), and 10 times as the 看板 tab reads it every few seconds
(BoardReader, which keeps the plan's expected counts a minute): the median and the slowest.
The budget is tens of milliseconds at provincial scale (17: 102,000 candidates).
``--db`` reads an existing database instead (its exam, whatever its scale).
"""

from __future__ import annotations

import statistics
import time

from scratch import demo_databases


def fill_exam_day(url: str) -> None:
    """Marks, certificates and incidents for the first sitting, as on exam day."""
    from sqlalchemy import insert, select

    from examdesk.db import open_database
    from examdesk.enums import AttendanceStatus, Gender, IncidentKind
    from examdesk.model import (
        AttendanceMark,
        Incident,
        Room,
        SeatAssignment,
        TempIdCertificate,
        User,
    )
    from examdesk.model.candidate import candidate_subjects
    from examdesk.model.exam import session_subjects
    from examdesk.services.board import _sittings
    from examdesk.services.exams import exam_sessions, resolve_exam

    db = open_database(url)
    with db.begin() as session:
        exam = resolve_exam(session)
        user = session.scalar(select(User.id))
        slot = [row.id for row in _sittings(exam_sessions(session, exam))[0].sessions]
        seated = session.execute(
            select(SeatAssignment.candidate_id, session_subjects.c.session_id, Room.center_id,
                   Room.id)
            .join(candidate_subjects,
                  candidate_subjects.c.candidate_id == SeatAssignment.candidate_id)
            .join(session_subjects,
                  session_subjects.c.subject_id == candidate_subjects.c.subject_id)
            .join(Room, Room.id == SeatAssignment.room_id)
            .where(session_subjects.c.session_id.in_(slot))).all()
        session.execute(insert(AttendanceMark), [
            {"candidate_id": c, "session_id": s, "marked_by_id": user, "room_id": room,
             "status": AttendanceStatus.ABSENT if n % 33 == 0 else AttendanceStatus.PRESENT}
            for n, (c, s, _center, room) in enumerate(seated)])
        by_center: dict[int, list[int]] = {}
        for candidate, _s, center, _room in seated:
            by_center.setdefault(center, []).append(candidate)
        certificates, incidents = [], []
        for center, candidates in by_center.items():
            for n, candidate in enumerate(candidates[:20]):
                certificates.append({
                    "exam_id": exam.id, "serial_no": f"{center}-{n:04d}",
                    "candidate_id": candidate, "center_id": center, "name": "x",
                    "gender": Gender.FEMALE, "id_number": "x", "officer_name": "x",
                    "police_unit": "x", "issued_by_id": user})
            incidents += [{"exam_id": exam.id, "center_id": center, "session_id": slot[0],
                           "kind": IncidentKind.MEDICAL, "description": "x",
                           "reported_by_id": user} for _ in range(5)]
        session.execute(insert(TempIdCertificate), certificates)
        session.execute(insert(Incident), incidents)
    if db.engine.dialect.name == "postgresql":  # as autovacuum would after such an insert
        with db.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "ANALYZE")
    db.close()


def measure(url: str) -> tuple[int, int, float, float, float, float]:
    """(centers, expected candidates, a read of everything, the median and the slowest of
    the tab's next reads, the least processor time of them) in seconds; the first sitting's
    board."""
    from examdesk.db import open_database
    from examdesk.services.audit import Actor
    from examdesk.services.board import BoardReader, read_board
    from examdesk.services.exams import exam_sessions, resolve_exam

    db = open_database(url)
    reader, times, cpu = BoardReader(), [], []
    with db.begin() as session:
        exam = resolve_exam(session)
        first = exam_sessions(session, exam)[0].code
    with db.begin() as session:
        started = time.perf_counter()
        board = read_board(session, Actor("bench"), exam, session_code=first)
        whole = time.perf_counter() - started
    for _ in range(11):
        with db.begin() as session:
            started, used = time.perf_counter(), time.process_time()
            reader.read(session, Actor("bench"), exam, session_code=first)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
    db.close()
    times, cpu = times[1:], cpu[1:]  # the first read the counts the reader keeps
    return (len(board.centers), board.district.expected, whole, statistics.median(times),
            max(times), min(cpu))


def main() -> None:
    for scale, url in demo_databases(__doc__.splitlines()[0]):
        if scale is not None:
            fill_exam_day(url)
        centers, expected, whole, median, slowest, cpu = measure(url)
        print(f"scale {scale}: {centers} centers, {expected:,} candidates in the "
              f"sitting: everything read {whole * 1000:.0f} ms; the tab's reads "
              f"median {median * 1000:.0f} ms (processor {cpu * 1000:.0f} ms), slowest "
              f"{slowest * 1000:.0f} ms")

if __name__ == "__main__":
    main()
