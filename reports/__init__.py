"""Printed sheets as PDFs (reportlab), rendered from plain data objects of the core.

No Qt and no SQL here: a sheet takes frozen dataclasses and returns PDF bytes.
"""
