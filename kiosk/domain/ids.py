"""Record ids: UUIDv7 (RFC 9562), made on the terminal, the idempotency key end to end.

Python 3.11 has no uuid.uuid7. Time and randomness are injected. Within one millisecond, and
when the wall clock steps backwards, ids stay strictly increasing: the 12-bit `rand_a` field
is used as a counter on the last timestamp (RFC 9562 section 6.2, method 1).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable


class UuidV7Generator:
    """Not thread-safe on its own: the caller serialises (the queue makes ids inside its lock)."""

    def __init__(self, clock_ms: Callable[[], int], randbytes: Callable[[int], bytes]) -> None:
        self._clock_ms = clock_ms
        self._randbytes = randbytes
        self._last_ms = -1
        self._counter = 0

    def new(self) -> uuid.UUID:
        ms = self._clock_ms()
        if ms > self._last_ms:
            self._last_ms, self._counter = ms, int.from_bytes(self._randbytes(2), "big") & 0x7FF
        else:  # same millisecond, or the clock stepped back: count on from the last one
            self._counter += 1
            if self._counter > 0xFFF:
                self._last_ms, self._counter = self._last_ms + 1, 0
        rand_b = int.from_bytes(self._randbytes(8), "big") & ((1 << 62) - 1)
        value = (self._last_ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76 | self._counter << 64 | 0b10 << 62 | rand_b
        return uuid.UUID(int=value)


def uuid7_time_ms(value: uuid.UUID) -> int:
    return value.int >> 80
