"""Read rendered PDFs as a user's PDF reader would: poppler-utils (pdfinfo, pdffonts, pdftotext,
pdfimages)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from PIL import Image


def poppler(tool: str, pdf: Path, *options: str) -> str:
    """The output of a poppler tool run on ``pdf``."""
    args = [tool, *options, str(pdf)]
    if tool == "pdftotext":
        args.append("-")
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def save(tmp_path: Path, pdf: bytes, name: str = "sheet.pdf") -> Path:
    """Write ``pdf`` to ``tmp_path / name`` and return the path."""
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def page_count(pdf: Path) -> int:
    """The number of pages pdfinfo reports."""
    found = re.search(r"^Pages:\s+(\d+)$", poppler("pdfinfo", pdf), re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def fonts_all_embedded(pdf: Path) -> bool:
    """Whether the PDF uses fonts and every one of them is embedded."""
    rows = poppler("pdffonts", pdf).splitlines()[2:]
    # Columns: name type encoding emb sub uni object-id gen; emb is 5th from the end.
    return bool(rows) and all(row.split()[-5] == "yes" for row in rows)


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text pdftotext extracts, laid out (``first``/``last``: a page range)."""
    options = ["-layout"]
    if first is not None:
        options += ["-f", str(first)]
    if last is not None:
        options += ["-l", str(last)]
    return poppler("pdftotext", pdf, *options)


def image_count(pdf: Path) -> int:
    """The number of images drawn on the pages (pdfimages -list)."""
    return len(poppler("pdfimages", pdf, "-list").splitlines()[2:])


def jpeg(color: tuple[int, int, int] = (200, 120, 80), size: tuple[int, int] = (60, 80)) -> bytes:
    """A small JPEG, standing in for a candidate's photo."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()
