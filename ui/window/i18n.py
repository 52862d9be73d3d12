"""The window speaks the catalog's language: Qt's tr() and the core's translate() alike."""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from examdesk.i18n import load_catalog, speak

#: Chinese first; ``EXAMDESK_LANG=en`` (or any language with a catalog) switches.
DEFAULT_LANGUAGE = "zh_CN"


#: The languages the window offers, each named in its own words.
LANGUAGES = {"zh_CN": "中文", "en": "English"}
#: Where the language the user chose is kept (QSettings).
LANGUAGE_SETTING = "language"
# The object name of the translators installed here, removed when the language changes.
_INSTALLED = "examdesk-translator"


def saved_language(settings: QSettings | None) -> str:
    """The language chosen in the window (Settings > Language), else Chinese."""
    saved = settings.value(LANGUAGE_SETTING) if settings is not None else None
    return saved if isinstance(saved, str) and saved in LANGUAGES else DEFAULT_LANGUAGE


def chosen_language(settings: QSettings | None = None) -> str:
    """``$EXAMDESK_LANG`` if set, else the language chosen in the window, else Chinese."""
    return os.environ.get("EXAMDESK_LANG", "").strip() or saved_language(settings)


class _Catalog(QTranslator):
    """Qt's translator over ExamDesk's catalog as :func:`examdesk.i18n.load_catalog` reads it:
    the window's ``tr()`` strings and the core's come from the same table."""

    def __init__(self, table: Mapping[tuple[str, str], str], parent: QObject) -> None:
        super().__init__(parent)
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self._table.get((context, source))  # None: Qt shows the source

    def isEmpty(self) -> bool:
        return not self._table


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Install the catalog for ``language`` (default: :func:`chosen_language`), for the
    window's strings and the core's, in place of the one installed before; return the
    language actually used.

    English is the source language and needs no catalog.
    """
    for old in app.findChildren(QTranslator, _INSTALLED):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    spoken = speak(language or chosen_language())
    if spoken == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    table = load_catalog(spoken)
    assert table is not None  # speak() found it
    catalog = _Catalog(table, app)
    catalog.setObjectName(_INSTALLED)
    app.installTranslator(catalog)
    # Qt's own words (message box buttons, file dialogs), from the catalogs PySide6 ships
    qt = QTranslator(app)
    qt.setObjectName(_INSTALLED)
    if qt.load(f"qtbase_{spoken}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    QLocale.setDefault(QLocale(spoken))
    return spoken
