"""Loads the translation catalog and routes the core's strings through it."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from examdesk.i18n import install_translator
from examdesk.resources import resource_path

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
    install_translator(lambda context, text: QCoreApplication.translate(context, text))
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    translator = QTranslator(app)
    catalog = resource_path("translations", f"examdesk_{language}.qm")
    if not translator.load(str(catalog)):
        return "en"  # no compiled catalog: stay readable in English rather than fail
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return language
