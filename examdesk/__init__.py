"""ExamDesk core: the exam plan, its database, and the services that change it.

Nothing in this package imports Qt or reportlab; the desktop window (``ui``) and the
printed sheets (``reports``) build on it.
"""

from __future__ import annotations

__version__ = "0.1.0"
