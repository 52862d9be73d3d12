"""Which language the command line speaks, decided without loading Qt.

The window is Chinese first whatever the system says (``ui/window/i18n.py``); a command speaks the
language of the terminal it runs in, so that scripts on an English system get English and a
clerk's Chinese Windows or a ``LANG=zh_CN.UTF-8`` shell gets Chinese. ``EXAMDESK_LANG`` decides
for both.
"""

from __future__ import annotations

import os
import sys

#: Windows' primary language id of Chinese (any region): the low 10 bits of a LANGID.
_WINDOWS_CHINESE = 0x04


def command_language() -> str:
    """``$EXAMDESK_LANG`` if set; else Chinese (zh_CN) when the locale is Chinese, else English.

    On POSIX the locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set,
    as the C library reads it; on Windows, the user's display language.
    """
    explicit = os.environ.get("EXAMDESK_LANG", "").strip()
    if explicit:
        return explicit
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip()
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        import ctypes

        language_id = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())
        if language_id & 0x3FF == _WINDOWS_CHINESE:
            return "zh_CN"
    return "en"
