"""Seeds for the seeded runs (allocation, roster, draw): given, or drawn and then recorded."""

from __future__ import annotations

import secrets

#: Drawn seeds stay short enough to read out and type again.
SEED_RANGE = 1_000_000


def choose_seed(seed: int | None) -> int:
    """``seed`` when the user gave one, else a new random one to print and record."""
    return seed if seed is not None else secrets.randbelow(SEED_RANGE)
