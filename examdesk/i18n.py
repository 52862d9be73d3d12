"""One translation catalog for the whole application.

The core and the reports call :func:`translate`; ``pyside6-lupdate`` collects every string
(``translate()`` here, ``self.tr()`` in the window) into one catalog per language,
``resources/translations/examdesk_<language>.ts``. The catalog is read as it is kept in git
(Qt Linguist's XML), by :func:`load_catalog`: the command line, the print workers and the
window need no compiled ``.qm`` file and no Qt to speak it. Without an installed translator the
English source is returned.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from functools import cache

from examdesk.resources import resource_path

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


@cache
def load_catalog(language: str) -> Mapping[tuple[str, str], str] | None:
    """The finished translations of ``language``'s catalog: (context, source) -> text.

    Returns:
        ``None`` when ExamDesk has no catalog of that language. Unfinished or empty entries
        are left out: their English source is shown instead.
    """
    path = resource_path("translations", f"examdesk_{language}.ts")
    if not path.is_file():
        return None
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if (source is None or translation is None or not (translation.text or "").strip()
                    or translation.get("type") in {"unfinished", "obsolete", "vanished"}):
                continue
            table[name, source] = translation.text or ""
    return table


def speak(wanted: str) -> str:
    """Route :func:`translate` through ``wanted``'s catalog (``en``: the English sources).

    Returns:
        The language now spoken: ``wanted``, or ``en`` when there is no catalog of it.
    """
    table = None if wanted.startswith("en") else load_catalog(wanted)
    if table is None:
        install_translator(None)
        return "en"
    install_translator(lambda context, text: table.get((context, text), text), wanted)
    return wanted
