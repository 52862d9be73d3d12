"""Keeping None, True and False alive under PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 takes a reference from ``None`` on every call from Python that returns None
(``setText``, ``setObjectName``, ``addItem``... tens of thousands in a working day) and one
from ``True`` on every ``Signal.emit``; once a count reaches zero Python aborts ("none_dealloc:
deallocating None"), taking the clerk's window with it. Python 3.12 made these objects immortal
(PEP 683), which makes the leak harmless; on 3.11 :func:`protect` does the same when a probe
finds the leak in the PySide6 in use: it raises their reference counts by 2**40, more than any
session could take. PySide6 6.11.3 has no such leak, but it ships the PDF view only in the
175 MB Addons package, where 6.12 has PySide6-Pdf (docs/architecture.md, "PySide6 6.12.0").
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

# What the counts are raised by: 2**40 calls is decades of clerks' work.
MARGIN = 1 << 40
_PROBES = 64


def none_leaks() -> bool:
    """Whether a PySide6 call returning None takes a reference from None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    return lost >= _PROBES


def protect() -> bool:
    """Make None, True and False immortal if this PySide6 leaks references to them and this
    Python does not already (3.12+; a debug build is left alone). True when it did."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False
    if not none_leaks():
        return False
    for constant in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11
        ctypes.c_ssize_t.from_address(id(constant)).value += MARGIN
    return True


PROTECTED = protect()
