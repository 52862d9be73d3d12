"""After start-up, keep Python's garbage collector out of the event loop's way.

The window's longest waits while work runs in the background were not the work itself but
Python's cyclic garbage collector: a full collection walks every object the process holds
(about 300,000 once PySide6, SQLAlchemy and the model are loaded: 0.1-0.3 s), and the worker
thread holds Python's lock while it does, so the event loop waits (docs/performance.md,
"Start-up"). Once the window shows its first counts, what is loaded then lives as long as the
process: :func:`gc.freeze` moves it out of the collector's reach, and later collections walk only
what was made since. A full collection still walks every object an operation holds (an
allocation at scale 17 holds enough for 0.2 s), and by default one comes after every ten
collections of the middle generation: the window asks for one after
:data:`FULL_COLLECTION_AFTER` of them instead (young garbage is still collected as often as
before; only what survived two collections waits longer). Importing the modules a roster or a
print run needs at idle was tried and left out: they take 140 MB the clerk may never use.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

# Collections of the middle generation between two full collections (Python's default: 10).
FULL_COLLECTION_AFTER = 1000


def settle_after_start(window: MainWindow) -> None:
    """Once ``window`` first shows its database's counts, freeze what is loaded and make
    full collections rarer (see the module's docstring)."""
    state = {"done": False}

    def settle() -> None:
        if state["done"]:
            return
        state["done"] = True
        window.refreshed.disconnect(settle)
        gc.freeze()
        young, middle, _old = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)

    window.refreshed.connect(settle)
