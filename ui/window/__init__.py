"""The PySide6 desktop window: the only part of ExamDesk that imports Qt."""

from ui.window import refcounts  # noqa: F401  (first: PySide6 6.12.0 leaks, refcounts.py)
