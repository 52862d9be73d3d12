"""The bundled CJK font, so Chinese renders on machines that have no Chinese font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from examdesk.resources import resource_path

FONT_FILE = resource_path("fonts", "NotoSansSC-Regular.ttf")
FAMILY = "Noto Sans SC"


def install_application_font(app: QApplication, point_size: float = 10.0) -> str:
    """Register the bundled font and make it the application's default; return its family.

    The family is named explicitly: with Debian's fonts-noto-cjk installed, Qt would
    otherwise pick the Japanese variant for shared code points.
    """
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {FONT_FILE}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSizeF(point_size)
    app.setFont(font)
    return family
