"""One translation catalog for the whole application.

The core and the reports call :func:`translate`; the desktop app installs a Qt-backed
translator at start-up so that ``pyside6-lupdate`` collects every string into one catalog
(``resources/translations``). Without an installed translator the English source is returned.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator | None = None


def install_translator(translator: Translator | None) -> None:
    """Route :func:`translate` through ``translator`` (``None`` restores English)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language; ``context`` groups strings in the catalog."""
    if _translator is None:
        return text
    return _translator(context, text)
