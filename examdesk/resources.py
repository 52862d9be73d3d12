"""Where the bundled resources (fonts, sample workbooks, translations) live."""

from __future__ import annotations

from pathlib import Path

#: ``resources/`` at the root of the source tree, installed in place (``pip install -e``).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("samples", "rooms.xlsx")``."""
    return RESOURCES.joinpath(*parts)
