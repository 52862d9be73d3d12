"""Read rendered PDFs as a user's PDF reader would: poppler-utils (pdfinfo, pdffonts, pdftotext,
pdfimages)."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader


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


def squeezed(s: str) -> str:
    """``s`` without any whitespace: a name wrapped over lines reads as itself again."""
    return "".join(s.split())


def whole(pdf: Path, name: str) -> bool:
    """Whether ``name`` is printed in full, allowing line breaks (at its spaces or between
    Chinese characters): the text in drawing order (pdftotext -raw), whitespace ignored."""
    return squeezed(name) in squeezed(poppler("pdftotext", pdf, "-raw"))


@dataclass(frozen=True)
class Drawn:
    """A run of text as drawn: page (from 1), text, font size in points, baseline origin."""

    page: int
    text: str
    size: float
    x: float
    y: float


def drawn_text(pdf: Path) -> list[Drawn]:
    """Every text run in the PDF's content streams with the size it is drawn at.

    Read with pypdf from the text operators themselves (Tf sets the size; the sheets draw with
    an unscaled text matrix), so it is what a printer prints, not a layout guess.
    """
    runs: list[Drawn] = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float,
                  number: int = number) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3]) or 1.0
                runs.append(Drawn(number, text, size * scale, tm[4], tm[5]))

        page.extract_text(visitor_text=visit)
    return runs


def sizes_of(pdf: Path, name: str) -> list[float]:
    """The sizes of the runs that draw ``name`` or part of it (a name wrapped over lines is
    several runs, and it may share a run with a mark or a neighbour: "王五*、李四").

    A run is the name's if it holds four characters of it in a row (all of a shorter name).
    """
    whole_name = squeezed(name)
    n = min(4, len(whole_name))
    pieces = {whole_name[i : i + n] for i in range(len(whole_name) - n + 1)}
    found = []
    for run in drawn_text(pdf):
        drawn = squeezed(run.text)
        if any(piece in drawn for piece in pieces) or (drawn and drawn in whole_name
                                                       and len(drawn) >= 2):
            found.append(run.size)
    return found


@dataclass(frozen=True)
class DrawnImage:
    """An image as drawn: page (from 1) and its box in points (origin bottom left)."""

    page: int
    x: float
    y: float
    width: float
    height: float


def images_drawn(pdf: Path) -> list[DrawnImage]:
    """Every image drawn (the ``Do`` of an image XObject) with the box it is drawn in."""
    found: list[DrawnImage] = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        xobjects = page["/Resources"].get("/XObject", {})

        def visit(op: bytes, args: Any, cm: Any, tm: Any, number: int = number,
                  xobjects: Any = xobjects) -> None:
            if op == b"Do" and xobjects[args[0]].get_object()["/Subtype"] == "/Image":
                found.append(DrawnImage(number, cm[4], cm[5], cm[0], cm[3]))

        page.extract_text(visitor_operand_before=visit)
    return found
