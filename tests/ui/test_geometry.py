"""The window fits a 1366x768 screen at 125 % and 150 % scaling (1093x614 and 911x512 of
room), its 打印 area (where printing is done, there is no print window) included."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

WINDOWS = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from examdesk.db import open_database
from ui.window.app import create_application, create_main_window

app = create_application(language="zh_CN")
database = open_database(sys.argv[1])
window = create_main_window(database, QSettings(sys.argv[2], QSettings.Format.IniFormat))

def measure():
    window.print_action.trigger()
    area = app.primaryScreen().availableGeometry()
    print(area.width(), area.height())
    print(int(area.contains(window.frameGeometry())), window.frameGeometry().width(),
          window.frameGeometry().height())
    page = window.pages["print"]  # the print area's form: whole within the window
    print(int(page.minimumSizeHint().height() <= page.height()
              and page.minimumSizeHint().width() <= page.width()), page.width(), page.height())
    window.grab().save(sys.argv[3])
    app.quit()

window.refreshed.connect(lambda: QTimer.singleShot(0, measure))
window.show()
QTimer.singleShot(60_000, app.quit)
app.exec()
database.close()
"""


@pytest.mark.parametrize(("scale", "room"), [("1.25", (1093, 614)), ("1.5", (911, 512))])
def test_the_windows_fit_a_small_screen_at_high_scaling(demo_url, tmp_path, scale, room):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shot = tmp_path / f"main-window-{scale}.png"
    result = subprocess.run(
        [sys.executable, "-c", WINDOWS, demo_url, str(tmp_path / "s.ini"), str(shot)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
             "QT_SCALE_FACTOR": scale})
    area, main, printing = (tuple(map(int, line.split()))
                            for line in result.stdout.splitlines())
    assert area == room
    assert main[0] == 1 and printing[0] == 1, (main, printing)  # whole, frame included
    assert main[2] >= room[1] * 0.9  # and using the room there is
    assert shot.exists()
