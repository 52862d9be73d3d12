"""What safety costs: an automatic backup before a bulk change, a restore, and the check of
an SQLite file after an unclean shutdown, at the reference and the provincial scale.

Usage: python benchmarks/bench_backup.py [--scales 1 17] [--server URL]

For each scale a fresh process loads the demo exam (seated, rostered) into a scratch
database (SQLite, or a new database on --server: PostgreSQL with pg_dump), then times the
automatic backup a bulk change takes first (best of 3), a restore of it, and on SQLite
``PRAGMA quick_check`` (what opening runs after an unclean shutdown) against
``integrity_check``. It prints the backup's size and the process's peak memory (pg_dump and
pg_restore run in processes of their own: their memory is not counted).
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
import json, os, resource, sqlite3, sys, time
from pathlib import Path
from examdesk.db import open_database
from examdesk.db.backups import automatic_backup, read_backup, restore_database
from examdesk.services import demo
from examdesk.services.audit import Actor
url, scale, data = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.environ["XDG_DATA_HOME"] = data
os.environ["EXAMDESK_BACKUPS_KEEP"] = "3"
db = open_database(url)
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=scale)
times = []
for _ in range(3):
    t = time.perf_counter()
    taken = automatic_backup(db, "allocate")
    times.append(time.perf_counter() - t)
size = taken.path.stat().st_size
t = time.perf_counter()
restore_database(db, read_backup(taken.path))
restore = time.perf_counter() - t
checks = {}
if db.engine.dialect.name == "sqlite":
    connection = sqlite3.connect(str(db.url.database))
    for pragma in ("quick_check", "integrity_check"):
        t = time.perf_counter()
        assert connection.execute(f"PRAGMA {pragma}").fetchall() == [("ok",)]
        checks[pragma] = time.perf_counter() - t
    connection.close()
db.close()
print(json.dumps({"backup": min(times), "size_mb": size / 1e6, "restore": restore,
                  "quick": checks.get("quick_check"), "integrity": checks.get("integrity_check"),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--server", help="a PostgreSQL URL to make scratch databases on")
    args = parser.parse_args()
    print(f"{'scale':>5} {'backup s':>8} {'MB':>6} {'restore s':>9} {'quick_check s':>13} "
          f"{'integrity_check s':>17} {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            url, name = fresh_url(args.server, Path(folder))
            try:
                out = subprocess.run([sys.executable, "-c", CHILD, url, str(scale), folder],
                                     capture_output=True, text=True, check=True).stdout
            finally:
                drop(args.server, name)
            r = json.loads(out)
            print(f"{scale:>5} {r['backup']:>8.2f} {r['size_mb']:>6.1f} {r['restore']:>9.2f} "
                  f"{seconds(r['quick']):>13} {seconds(r['integrity']):>17} "
                  f"{r['peak_mb']:>7.0f}")


if __name__ == "__main__":
    main()
