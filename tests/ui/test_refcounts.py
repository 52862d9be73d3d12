"""The window survives PySide6 6.12.0's reference leaks (docs/architecture.md, "PySide6
6.12.0"): a working day's worth of calls returning None and of signals must not abort it."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtCore import QObject, Signal
import ui.window  # protects None, True and False where this PySide6 leaks them
from ui.window.signals import emit

class Probe(QObject):
    fired = Signal()

probe = Probe()
for _ in range(100_000):
    probe.setObjectName("x")  # returns None: 6.12.0 takes a reference from None
    emit(probe.fired)
print("alive")
"""


def test_a_day_of_calls_does_not_abort_the_window() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
