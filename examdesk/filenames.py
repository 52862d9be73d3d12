"""File names made from what clerks type (a test center's name), safe on every system.

A center's name may have 100 characters (its database column), 300 bytes in UTF-8: more than
the 255 bytes a file name may have on Linux and macOS, so a print run to ``考场门贴-01-<name>.pdf``
failed with "File name too long". Names are therefore cut to :data:`MAX_NAME_BYTES`, keeping
their beginning (what a clerk recognises) and the parts before it (the sheet and the center's
code, which keep the names of one run apart).
"""

from __future__ import annotations

# Bytes of UTF-8 a file name may have: well below the 255 of ext4, APFS and NTFS (in
# UTF-16 units there), leaving room for a temporary suffix while the file is written.
MAX_NAME_BYTES = 150
_FORBIDDEN = frozenset('<>:"/\\|?*')


def file_name(*parts: str, suffix: str, limit: int = MAX_NAME_BYTES) -> str:
    """``parts`` joined by "-" into a file name ending in ``suffix``.

    Characters Windows forbids in names (and control characters) become "_"; when the name
    is longer than ``limit`` bytes in UTF-8, the last part is cut and ends with "…".

    Args:
        parts: the name's parts, the free text (e.g. a center's name) last.
        suffix: e.g. ".pdf".
        limit: the most bytes of UTF-8 the whole name may have.

    Returns:
        The file name, without a folder.
    """
    stem = "".join("_" if c in _FORBIDDEN or ord(c) < 32 else c for c in "-".join(parts))
    if len((stem + suffix).encode()) > limit:
        room = limit - len(suffix.encode()) - len("…".encode())
        stem = stem.encode()[:room].decode(errors="ignore") + "…"
    # Windows drops a name's trailing dots and spaces: keep the name as written
    if stem.endswith((".", " ")):
        stem = stem[:-1] + "_"
    return stem + suffix
