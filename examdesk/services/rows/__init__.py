"""Read models for the window's tables and the exports: frozen rows with their IDs.

Each module reads one kind of row (candidates, rooms, staff, seats, duties, posts, the plan's
problems) in one or a few queries, filtered by IDs (center, level, room, role, status...),
in the order the lists are printed in, or only the rows of an ID list (a view refreshes the
rows a change touched). A row carries the IDs a face needs to act on it and the values as
the user reads them; how they are written out (a table, a workbook) is the face's or the
export's business. Each row also gives what the search box matches (:mod:`examdesk.search`).
"""
