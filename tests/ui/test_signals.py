"""Every signal the window emits from Python goes through ui/window/signals.emit: PySide6
6.12.0's own emit takes a reference from True per call, and a window that emits a few hundred
signals past it aborts (ui/window/signals.py)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def test_no_signal_is_emitted_past_the_workaround() -> None:
    direct = [
        f"{path.relative_to(UI.parent)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py")) if path.name not in ("signals.py", "refcounts.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\w\.emit\b(?!``)", line)
    ]
    assert direct == [], "use ui.window.signals.emit(signal, ...):\n" + "\n".join(direct)
