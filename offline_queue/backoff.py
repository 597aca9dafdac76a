"""Exponential backoff with full jitter and a cap (AWS Architecture Blog, "Exponential Backoff
and Jitter"): spreads a thousand terminals that come back online at once."""

from __future__ import annotations

from collections.abc import Callable


def backoff_delay(
    attempts: int,
    rng: Callable[[], float],
    base_s: float = 2.0,
    cap_s: float = 600.0,
    retry_after_s: float | None = None,
) -> float:
    """Seconds to wait before attempt `attempts + 1`; never less than the platform's
    Retry-After when it gave one."""
    ceiling = min(cap_s, base_s * 2.0 ** min(attempts, 30))
    delay = rng() * ceiling
    return max(delay, retry_after_s or 0.0)
