"""Emitting a signal from Python without losing a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit`` returns a bool it holds no reference to, so every
``emit`` from Python takes one reference from ``True``; a few hundred emits later (a print
run's progress, the window's polls) Python frees ``True`` and aborts ("bool_dealloc:
deallocating True or False"). :func:`emit` gives the reference back, when (and only when) the
PySide6 in use loses it, as a probe at import finds out.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()  # its result dropped at once, as a caller of emit drops it
    if sys.getrefcount(True) < before:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # give this one back too
        return True
    return False


EMIT_LOSES_A_REFERENCE = _emit_loses_a_reference()


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, giving back the reference PySide6 6.12.0's emit takes."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # it returns a bool
    if EMIT_LOSES_A_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
