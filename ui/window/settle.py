"""After start-up, keep the collector and the first imports out of the event loop's way.

The window's longest waits while work runs in the background were not the work itself but
Python's cyclic garbage collector: a full collection walks every object the process holds
(about 300,000 once PySide6, SQLAlchemy and the model are loaded: 0.1-0.3 s), and the worker
thread holds Python's lock while it does, so the event loop waits (docs/performance.md,
"Start-up"). Once the window shows its first counts, what is loaded then lives as long as the
process: :func:`gc.freeze` moves it out of the collector's reach, and later collections walk only
what was made since. Importing the modules a roster or a print run needs at
idle instead was tried and left out: they take 140 MB the clerk may never use.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def settle_after_start(window: MainWindow) -> None:
    """Once ``window`` first shows its database's counts, freeze what is loaded."""
    state = {"done": False}

    def settle() -> None:
        if state["done"]:
            return
        state["done"] = True
        window.refreshed.disconnect(settle)
        gc.freeze()

    window.refreshed.connect(settle)
