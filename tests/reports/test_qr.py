"""The fast QR mask choice gives exactly the symbol reportlab's own encoder makes."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget

from reports.qr import qr_modules

rng = random.Random(2023)
TEXTS = [
    *(str(rng.randrange(10**10, 10**11)) for _ in range(150)),  # 11-digit tickets: version 1
    "012345678901234567890123",  # longer tickets
    "HELLO WORLD 2023",
    "https://example.org/exam/12341010101",
    "准考证 12341010101",
    "x" * 300,  # a large version with alignment patterns and version information
]


@pytest.mark.parametrize("level", ["L", "M", "H"])
def test_same_symbol_as_reportlab(level: str) -> None:
    for text in TEXTS:
        widget = QrCodeWidget(text, barLevel=level)
        widget.qr.make()
        expected = tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)
        assert qr_modules(text, level) == expected, text


def test_different_tickets_differ() -> None:
    assert qr_modules("12341010101") != qr_modules("12341010102")
