"""Case and booking numbers derived from the record id, so a repeat of a record gets the
same number (idempotent intake) without a lookup.

Not a prefix of the id: a UUIDv7 starts with its millisecond and a per-terminal counter, so
two terminals acting in the same millisecond would share a prefix (and FakeClock tests all
do). A hash of the whole id spreads over all its random bits.
"""

from __future__ import annotations

import hashlib


def derived_number(record_id: str, length: int) -> str:
    return hashlib.sha256(record_id.encode()).hexdigest()[:length].upper()
