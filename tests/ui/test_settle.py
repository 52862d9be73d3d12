"""Once the window has started, what is loaded is kept out of the garbage collector's walks,
and full collections are rarer."""

from __future__ import annotations

import gc

from ui.window.app import create_main_window
from ui.window.settle import FULL_COLLECTION_AFTER


def test_what_is_loaded_at_start_up_is_frozen_once_the_counts_show(
        examdesk_app, qtbot, demo_db, tmp_path, settings):
    gc.unfreeze()
    thresholds = gc.get_threshold()
    try:
        window = create_main_window(demo_db, settings)
        qtbot.addWidget(window)
        assert gc.get_freeze_count() == 0
        with qtbot.waitSignal(window.refreshed, timeout=30_000):
            window.show()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (*thresholds[:2], FULL_COLLECTION_AFTER)
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
