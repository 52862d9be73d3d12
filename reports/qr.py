"""QR codes for desk labels, as reportlab encodes them, with the mask chosen 3x faster.

reportlab's encoder picks the mask pattern by building the symbol 8 times and scoring each in
pure Python (2.7 ms a code, 16 s for the 6,000 labels of the reference exam). Here the symbol is
built once; the 8 masked variants differ only in the data modules, so they are made with numpy
XORs and scored together with the same rules (reportlab's reading of ISO 18004's penalties,
tested against its own choice). The chosen symbol is then built by reportlab as before.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil

Matrix = NDArray[np.bool_]

#: The finder-like run that costs 40 points (reportlab looks for this orientation only).
_FINDER = np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=bool)


def qr_modules(text: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``text``: rows of modules from the top, ``True`` = dark.

    The same symbol as reportlab's ``QrCodeWidget(text, barLevel=level)``.
    """
    encoder: Any = QrCodeWidget(text, barLevel=level).qr
    if encoder.version is None:
        encoder.version = encoder.calculate_version()
    encoder.makeImpl(False, best_mask(encoder))
    return tuple(tuple(bool(m) for m in row) for row in encoder.modules)


def best_mask(encoder: Any) -> int:
    """The mask pattern reportlab's ``getBestMaskPattern`` would choose for ``encoder``."""
    encoder.makeImpl(True, 0)
    base = np.array(encoder.modules, dtype=bool)
    found = _positions.get(encoder.version)
    if found is None:
        found = _positions[encoder.version] = _data_positions(encoder)
    rows, cols, masks = found
    raw = base[rows, cols] ^ masks[0]
    variants = np.broadcast_to(base, (8, *base.shape)).copy()
    variants[:, rows, cols] = raw ^ masks
    scores = _scores(variants)
    return int(np.argmin(scores))  # the first of equal scores, as reportlab


_positions: dict[int, tuple[NDArray[np.intp], NDArray[np.intp], Matrix]] = {}


def _data_positions(encoder: Any) -> tuple[NDArray[np.intp], NDArray[np.intp], Matrix]:
    """Row and column of each data module of ``encoder``'s symbol, and the 8 masks there."""
    positions = list(encoder.dataPosIterator())  # (column, row) pairs
    rows = np.array([r for _c, r in positions], dtype=np.intp)
    cols = np.array([c for c, _r in positions], dtype=np.intp)
    masks = np.array([[bool(QRUtil.getMask(p)(r, c)) for c, r in positions] for p in range(8)])
    return rows, cols, masks


def _scores(variants: Matrix) -> NDArray[np.int64]:
    """reportlab's ``getLostPoint`` of each of the (8, n, n) symbols."""
    count, n, _ = variants.shape
    m = variants
    scores = _runs(np.concatenate((m, m.transpose(0, 2, 1))))
    scores = scores[:count] + scores[count:]
    # 2x2 blocks of one colour: 3 each
    block = (m[:, :-1, :-1] == m[:, 1:, :-1]) & (m[:, :-1, :-1] == m[:, :-1, 1:]) & (
        m[:, :-1, :-1] == m[:, 1:, 1:])
    scores += 3 * block.sum(axis=(1, 2))
    # 1:1:3:1:1 runs followed by 4 light modules, along rows, starting before the last 11
    # columns (reportlab compares columns as tuples with a list pattern: they never match)
    windows = np.lib.stride_tricks.sliding_window_view(m, 11, axis=2)
    scores += 40 * (windows == _FINDER).all(axis=3)[:, :, : n - 11].sum(axis=(1, 2))
    # the share of dark modules, 10 points per 5% from half
    dark = m.sum(axis=(1, 2))
    scores += 10 * (np.abs(100 * dark // (n * n) - 50) // 5)
    return scores


def _runs(symbols: Matrix) -> NDArray[np.int64]:
    """Per symbol, runs of 5 or more modules of one colour down its columns: length - 2 each."""
    count, n, _ = symbols.shape
    # every column of every symbol top to bottom, a sentinel after each so runs do not join
    flat = np.full((count, n, n + 1), 2, dtype=np.int8)
    flat[:, :, :n] = symbols.transpose(0, 2, 1)
    line = flat.ravel()
    ends = np.flatnonzero(line[1:] != line[:-1])
    starts = np.concatenate(([0], ends + 1))
    lengths = np.diff(np.concatenate((starts, [line.size])))
    long = lengths >= 5
    owner = starts[long] // (n * (n + 1))
    return np.bincount(owner, weights=lengths[long] - 2, minlength=count).astype(np.int64)
