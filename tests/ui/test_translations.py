"""Chinese first: the catalog holds every interface string, each one translated."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from examdesk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = resource_path("translations", "examdesk_zh_CN.ts")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_string_is_translated():
    untranslated = [
        source for source, translation in messages(CATALOG).items()
        if translation is None or not (translation.text or "").strip()
        or translation.get("type") in {"unfinished", "obsolete", "vanished"}
    ]
    assert untranslated == []


def test_the_catalog_is_up_to_date_with_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(
        str(p) for folder in ("ui", "reports", "examdesk") for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts
    )
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True)
    missing = set(messages(fresh)) - set(messages(CATALOG))
    assert missing == set(), "run resources/translations/update and translate the new strings"
