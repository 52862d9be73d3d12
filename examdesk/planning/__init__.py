"""Planning algorithms (seating, rosters): plain dataclasses in and out, no database."""
