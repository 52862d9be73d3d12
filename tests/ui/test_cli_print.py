"""`examdesk print`: PDFs written whole, one per test center, no ID numbers on door lists."""

from __future__ import annotations

import subprocess

from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_door_lists_of_a_center(capsys, demo_url, tmp_path):
    status, out, _ = examdesk(capsys, "--db", demo_url, "print", "door", "--center", "02",
                              "--out", tmp_path)
    assert status == 0 and "(40 rooms)" in out
    (pdf,) = tmp_path.glob("*.pdf")
    assert pdf.name == "考场门贴-周口职业技术学院.pdf" and not list(tmp_path.glob("*.part"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "\nPages:           40\n" in info  # one page per room
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "第 02001 考场" in text and "12341020101" in text
    # public sheet: no 18-character ID number anywhere
    assert not any(len(word) == 18 and word[:17].isdigit() for word in text.split())


def test_printing_before_allocation_is_bad_input(capsys, db_url, tmp_path):
    assert examdesk(capsys, "--db", db_url, "demo", "--exam-only")[0] == 0
    status, _, err = examdesk(capsys, "--db", db_url, "print", "door", "--out", tmp_path)
    assert status == 2 and "examdesk allocate" in err and err.count("\n") == 1
