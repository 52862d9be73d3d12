"""Loads the translation catalog and routes the core's strings through it."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from examdesk.i18n import install_translator
from examdesk.resources import resource_path

#: The catalog the command line loaded (kept alive while translate() uses it).
_catalog: QTranslator | None = None

#: Chinese first; ``EXAMDESK_LANG=en`` (or any language with a catalog) switches.
DEFAULT_LANGUAGE = "zh_CN"


def chosen_language() -> str:
    """``$EXAMDESK_LANG`` if set, else Chinese."""
    return os.environ.get("EXAMDESK_LANG", "").strip() or DEFAULT_LANGUAGE


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Install the catalog for ``language``; return the language actually used.

    English is the source language and needs no catalog.
    """
    language = language or chosen_language()

    def through_qt(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)

    install_translator(through_qt)
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    translator = QTranslator(app)
    catalog = resource_path("translations", f"examdesk_{language}.qm")
    if not translator.load(str(catalog)):
        return "en"  # no compiled catalog: stay readable in English rather than fail
    app.installTranslator(translator)
    install_translator(through_qt, language)
    QLocale.setDefault(QLocale(language))
    return language


def install_catalog(language: str) -> str:
    """Route the core's strings through ``language``'s catalog, with no QCoreApplication (the
    command line); return the language actually used.

    English (or a language without a compiled catalog) restores the English sources.
    """
    global _catalog
    _catalog = None
    install_translator(None)
    if language.startswith("en"):
        return "en"
    translator = QTranslator()
    if not translator.load(str(resource_path("translations", f"examdesk_{language}.qm"))):
        return "en"
    _catalog = translator
    install_translator(lambda context, text: translator.translate(context, text) or text,
                       language)
    return language
