"""The two faces of ExamDesk: the PySide6 desktop window and the `examdesk` command line."""
