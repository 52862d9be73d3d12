"""Qt fixtures: the application with ExamDesk's font and compiled Chinese catalog."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from examdesk.i18n import install_translator
from examdesk.resources import resource_path


@pytest.fixture(scope="session", autouse=True)
def compiled_catalog() -> Path:
    """Compile the .ts catalog as the build does (the .qm is not kept in git)."""
    source = resource_path("translations", "examdesk_zh_CN.ts")
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(source)], check=True)
    return source.with_suffix(".qm")


@pytest.fixture
def examdesk_app(qapp, monkeypatch):
    """The running QApplication set up as ExamDesk sets it up, in Chinese."""
    from ui.app import create_application

    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")
    app = create_application()
    yield app
    install_translator(None)  # the next test starts from plain English core strings


@pytest.fixture
def write_purposes(monkeypatch) -> list[str]:
    """What every plan writer of the test tells whoever waits for it (``Database.write``'s
    purpose), in order."""
    from examdesk.db import Database

    purposes: list[str] = []
    write = Database.write

    def spy(self, purpose=""):
        purposes.append(purpose)
        return write(self, purpose)

    monkeypatch.setattr(Database, "write", spy)
    return purposes
