"""One translation catalog for the whole application.

The core and the reports call :func:`translate`; the desktop app installs a Qt-backed
translator at start-up so that ``pyside6-lupdate`` collects every string into one catalog
(``resources/translations``). Without an installed translator the English source is returned.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator | None = None
_language = "en"


def install_translator(translator: Translator | None, language: str = "en") -> None:
    """Route :func:`translate` through ``translator`` (``None`` restores English).

    Args:
        translator: translates (context, text).
        language: the language it speaks, e.g. ``zh_CN`` (see :func:`language`).
    """
    global _translator, _language
    _translator = translator
    _language = language if translator is not None else "en"


def language() -> str:
    """The language :func:`translate` speaks, e.g. ``zh_CN``; ``en``: the English sources.

    Text translated and kept (a print run's warnings, cached with the parts they are about) is
    kept per language, and a worker process is given its parent's.
    """
    return _language


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language; ``context`` groups strings in the catalog."""
    if _translator is None:
        return text
    return _translator(context, text)
