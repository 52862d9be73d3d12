"""The use cases both faces run (the window and the command line): Qt-free, they drive
``reports`` and ``examdesk`` and report progress through callables."""
