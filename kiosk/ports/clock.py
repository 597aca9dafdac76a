"""Time as a port: domain, services and queue code never read the clock themselves.

`now()` is the wall clock (aware, UTC) for what people read and for records' created_at;
`monotonic()` is for ordering and for measuring elapsed time, immune to the clock being set.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand. `set_wall` jumps the wall clock without moving monotonic."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
        self._mono = monotonic_start

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
        self._mono += seconds

    def set_wall(self, wall: datetime) -> None:
        self._wall = wall
