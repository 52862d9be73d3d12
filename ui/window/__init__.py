"""The PySide6 desktop window: the only part of ExamDesk that imports Qt."""
