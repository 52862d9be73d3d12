"""The window's tables: loading each read model, a filter, a refresh by IDs, the search index.

Usage: python benchmarks/bench_rows.py [--scales 1 17] [--db-server URL] [--db URL]

For each scale the demo exam (seated and rostered) is loaded into a fresh database, then each
table is read in a process of its own, so that its peak memory is its own: the time to load
every row (the median of 3 reads, and the least processor time of them: the
machine may be busy with other work), one test center's rows, 100 rows fetched by ID (a view
refreshing what a change touched), the time to build the search box's index over the rows,
and the process's peak memory with how much of it came after start-up (the rows, the index
and the query's buffers). The provincial scale is 17 (102,000 candidates); the budget there
is well under 2 s and 1 GB for the candidates. ``--db`` reads an existing database instead
(its exam, whatever its scale).
"""

from __future__ import annotations

import json
import subprocess
import sys

from scratch import demo_databases

from examdesk.services.rows.kinds import ROW_KINDS

CHILD = """
import json, resource, statistics, sys, time
from examdesk.db import open_database
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.common import search_index
from examdesk.services.rows.kinds import ROW_KINDS
url, table = sys.argv[1], sys.argv[2]
kind = next(k for k in ROW_KINDS if k.key == table)
read, key = kind.read, kind.id_field
db = open_database(url)
mb = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result = {}
with db.begin() as session:
    exam = resolve_exam(session)
    before = mb()
    times, cpu = [], []
    for _ in range(3):
        rows = None
        started, used = time.perf_counter(), time.process_time()
        rows = read(session, exam)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    result["rows"] = len(rows)
    result["load"] = statistics.median(times)
    result["cpu"] = min(cpu)
    center = next((getattr(r, "center_id", None) for r in rows), None) or 1
    started = time.perf_counter()
    result["center_rows"] = len(read(session, exam, center_id=center))
    result["center"] = time.perf_counter() - started
    if key is not None:
        ids = [getattr(r, key) for r in rows[:: max(len(rows) // 100, 1)]][:100]
        started = time.perf_counter()
        assert len(read(session, exam, ids=ids)) == len(ids)
        result["by_ids"] = time.perf_counter() - started
    started = time.perf_counter()
    index = search_index(rows)
    result["index"] = time.perf_counter() - started
    result["peak"] = mb()
    result["added"] = result["peak"] - before
print(json.dumps(result))
"""


def main() -> None:
    for scale, url in demo_databases(__doc__.splitlines()[0]):
        print(f"scale {scale}:" if scale is not None else f"{url}:")
        print(f"  {'table':<11} {'rows':>8} {'load':>8} {'cpu':>7} {'1 center':>9} "
              f"{'100 IDs':>8} {'index':>8} {'peak':>8} {'rows+':>7}")
        for table in (kind.key for kind in ROW_KINDS):
            out = subprocess.run([sys.executable, "-c", CHILD, url, table],
                                 capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            ids = f"{r['by_ids'] * 1000:6.0f}ms" if "by_ids" in r else f"{'-':>8}"
            print(f"  {table:<11} {r['rows']:>8,} {r['load'] * 1000:6.0f}ms "
                  f"{r['cpu'] * 1000:5.0f}ms "
                  f"{r['center'] * 1000:7.0f}ms {ids} {r['index'] * 1000:6.0f}ms "
                  f"{r['peak']:6.0f}MB {r['added']:5.0f}MB")

if __name__ == "__main__":
    main()
