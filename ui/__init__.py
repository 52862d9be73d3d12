"""ExamDesk's application, in three rooms: ``ui.window`` (the PySide6 desktop window, the only
place Qt is imported), ``ui.cli`` (the `examdesk` command line) and ``ui.jobs`` (the use cases
both faces run, Qt-free). ``ui.launch`` is the `examdesk` entry point that chooses a face.
"""
