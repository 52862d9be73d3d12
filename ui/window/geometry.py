"""Every window fits the screen it opens on, and opens again where the user left it.

Office PCs often have 1366x768 screens at 125 % or 150 % scaling: 1093x614 or 911x512 of
room for a window, less the taskbar. A window therefore asks for the size it would like, gets
at most the available area, and its last geometry is kept in the settings (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The share of the available area a window takes at most: a margin shows that it is a window.
MOST = 0.95


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (without taskbars and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Give ``widget`` its preferred size, or as much of the screen as there is, centred."""
    area = available_area(widget)
    room = QSize(int(area.width() * MOST), int(area.height() * MOST))
    size = preferred.boundedTo(room)
    widget.resize(size)
    frame = widget.frameGeometry()
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())


def restore_geometry(widget: QWidget, settings: QSettings, key: str, preferred: QSize) -> None:
    """Put ``widget`` where it was when last closed, if that still fits the screen (the
    screen may have changed since), else fit it to the screen."""
    saved = settings.value(f"geometry/{key}")
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved):
        area = available_area(widget)
        if area.contains(widget.geometry()):
            return
    fit_to_screen(widget, preferred)


def remember_geometry(widget: QWidget, settings: QSettings, key: str) -> None:
    """Keep ``widget``'s geometry for :func:`restore_geometry`."""
    settings.setValue(f"geometry/{key}", widget.saveGeometry())
