"""The window: from process start to an interactive window, and how long the event loop can
be kept waiting while the plan is made and printed in the background.

Usage: python benchmarks/bench_window.py [--scales 1 17] [--runs 5] [--parts a b]
       [--db-server URL]

For each scale a fresh process loads the demo exam into a scratch database (`examdesk demo`).

(a) Start-up: `examdesk --db URL` is started ``--runs`` times, as a user starts it (through
``ui.launch.main``, with settings of its own). Each run reports, from the moment the parent
started the process: the first paint (the window is there and answers), the counts shown
(the database opened, its schema checked, the overview loaded and painted) and the peak
memory of the process. The median of the runs is printed; the issue's target for the counts on
the reference exam is 1.5 s.

(b) Responsiveness: one process opens the main window on the database and starts, as the
window does, the allocation and the roster (the 编排 page's runner: each in a process of its
own, ui/window/apart.py) and a print pack of every center (the 打印 page's form: its own
process, rendering on the cores), one after the other, while a QTimer fires every 10 ms. The
longest gap between two of its turns, less the 10 ms, is how long a click or a repaint could
have waited: the target is under 100 ms. A step's time includes starting its process. The
print page's preview of a written file lays out all its pages on the UI thread (QPdfView,
ui/window/print_dialog.py): its load is timed and shown apart, and left out of the gap.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch import drop, fresh_url

LOAD = """
import sys
from examdesk.db import open_database
from examdesk.services import demo
from examdesk.services.audit import Actor
db = open_database(sys.argv[1])
with db.begin() as session:
    demo.load_demo(session, Actor("bench"), scale=int(sys.argv[2]))
db.close()
"""

# `examdesk --db URL`, with the moments it reaches printed on stdout (time.monotonic is one
# clock for every process of the machine)
START = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import launch
from ui.window import app as window_app

start_window = window_app.start_window
moments = {}

def timed(url, settings):
    started = start_window(url, settings)
    window = started.window
    def painted():
        moments["painted"] = time.monotonic()
    def counted():
        # once the event loop turns again: the counts are painted and the window answers
        def done():
            moments["counts"] = time.monotonic()
            print(json.dumps(moments), flush=True)
            window.close()
        QTimer.singleShot(0, done)
    window.first_painted.connect(painted)
    window.refreshed.connect(counted)
    return started

window_app.start_window = timed
sys.argv = ["examdesk", "--db", sys.argv[1]]
launch.main()
"""

BUSY = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt, QTimer
from examdesk.db import open_database
from ui.window.app import create_application, create_main_window
from ui.window.pages.runs import Runner

url, out = sys.argv[1], Path(sys.argv[2])
app = create_application(language="zh_CN")
database = open_database(url)
window = create_main_window(database, QSettings(str(out / "s.ini"), QSettings.Format.IniFormat))
window.show()
runner = None
printing = None


class Printed:  # the print page's run, as a step: its outcome once its task finished
    def __init__(self):
        form = printing.form
        show_file = form._show_file

        def shown():  # the preview of a written file lays out its pages on the UI thread:
            # timed apart, and left out of the gap (a cause of its own, not the run's)
            began = time.monotonic()
            show_file()
            state["preview"] = max(state.get("preview", 0.0), time.monotonic() - began)
            state["last"] = None

        form._show_file = shown
        form.file_list.selectionModel().currentChanged.disconnect()
        form.file_list.selectionModel().currentChanged.connect(shown)
        form.sheet.setCurrentIndex(form.sheet.findData("pack"))
        form.folder.setText(str(out / "pack"))
        form.start()
        self.done, self.outcome, self.message = form._task.finished, "", ""
        self.done.connect(self.finished)

    def finished(self):
        form = printing.form
        self.outcome = "succeeded" if form.files else "failed"
        self.message = "" if form.files else form.status.text()


def nothing():
    pass


def read_choices():  # what the 打印 page offers, read again before printing (not timed)
    printing.refresh()


# as the window starts them: the 编排 page's runner (seating, roster), the 打印 page's form
steps = [("allocate", nothing, lambda: runner.allocate(2023, None, False)),
         ("roster", nothing, lambda: runner.roster(2023, None)),
         ("print pack", read_choices, lambda: Printed())]
results = []
state = {"last": None, "gap": 0.0}

def tick():
    now = time.monotonic()
    if state["last"] is not None:
        state["gap"] = max(state["gap"], now - state["last"] - 0.010)
    state["last"] = now

timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.setInterval(10)
timer.timeout.connect(tick)

def next_step():
    if not steps:
        print(json.dumps({"steps": results, "peak_mb": max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}), flush=True)
        app.quit()
        return
    name, prepare, start = steps.pop(0)
    prepare()
    QTimer.singleShot(0, lambda: when_read(name, start))


def when_read(name, start):
    if printing._reading:
        QTimer.singleShot(20, lambda: when_read(name, start))
        return
    state.update(last=None, gap=0.0)
    began = time.monotonic()
    running = start()

    def finished():
        results.append({"step": name, "seconds": time.monotonic() - began,
                        "gap_ms": state["gap"] * 1000, "outcome": running.outcome,
                        "message": running.message,
                        "preview_ms": state.pop("preview", 0.0) * 1000})
        QTimer.singleShot(0, next_step)

    running.done.connect(finished)

timer.start()
def begin():  # once the counts are shown (a write's refresh fires this again)
    global runner, printing
    if state.get("begun"):
        return
    state["begun"] = True
    runner = Runner(window.page_context())
    printing = window.open_area("print")  # made now (its modules loaded), then hidden:
    window.open_area("exam")  # the window shows the counts while it works, as before
    QTimer.singleShot(0, next_step)

window.refreshed.connect(begin)
app.exec()
window.operations.shutdown()
database.close()
"""


def start_up(url: str, config: Path) -> tuple[float, float, float]:
    """Start `examdesk --db URL` once: seconds to the first paint, to the counts shown, and
    the process's peak MB."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}  # settings of its own
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", START, url], env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"examdesk failed ({status})")
    moments = json.loads(output.splitlines()[-1])
    return moments["painted"] - started, moments["counts"] - started, usage.ru_maxrss / 1024


def busy(url: str, out: Path, env: dict[str, str]) -> dict[str, object]:
    """Run (b) on ``url`` in a process of its own; its figures."""
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", BUSY, url, str(out)], env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the background run failed ({result.returncode}):\n"
                         + result.stderr[-3000:])
    figures: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return figures


def start_ups(url: str, scale: int, folder: Path, count: int) -> None:
    """Run (a) ``count`` times and print the medians."""
    runs = [start_up(url, folder / f"config-{scale}-{run}") for run in range(count)]
    print(f"scale {scale}: (a) process start to window, median of {count} runs "
          "(target: counts shown < 1.5 s on the reference exam)")
    print(f"  first paint {statistics.median(r[0] for r in runs):.2f} s, "
          f"counts shown {statistics.median(r[1] for r in runs):.2f} s "
          f"(slowest {max(r[1] for r in runs):.2f} s), "
          f"peak {statistics.median(r[2] for r in runs):.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 17])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", nargs="+", choices=["a", "b"], default=["a", "b"],
                        help="(a) start-up, (b) responsiveness")
    parser.add_argument("--db-server", metavar="URL", help="PostgreSQL server to run on")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # a print cache of its own: the pack is drawn, not found in the user's cache
        env = {**os.environ, "EXAMDESK_CACHE": str(Path(folder) / "cache")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for scale in args.scales:
            url, name = fresh_url(args.db_server, Path(folder))
            try:
                subprocess.run([sys.executable, "-c", LOAD, url, str(scale)], check=True)
                if "a" in args.parts:
                    start_ups(url, scale, Path(folder), args.runs)
                if "b" not in args.parts:
                    continue
                figures = busy(url, Path(folder) / f"busy-{scale}", env)
                print(f"scale {scale}: (b) the event loop's longest gap while working in the "
                      f"background (target < 100 ms); peak {figures['peak_mb']:.0f} MB")
                steps = figures["steps"]
                assert isinstance(steps, list)
                for step in steps:
                    preview = (f"; the preview's load, left out: up to "
                               f"{step['preview_ms']:.0f} ms" if step["preview_ms"] else "")
                    print(f"  {step['step']:<10} {step['seconds']:>6.1f} s, longest gap "
                          f"{step['gap_ms']:>4.0f} ms ({step['outcome']}{preview})",
                          flush=True)
            finally:
                drop(args.db_server, name)


if __name__ == "__main__":
    main()
