"""Upload chunk sizes that fit the link.

Each PATCH must cross the link and be answered within the client's read timeout, or it is
lost and the run stops. A 2G link near 3 KB/s moves about 60 kB in a 20 s read timeout, a
good 3G link megabytes: no fixed size fits both. So the size follows the measured
throughput. It starts at what the slowest link served carries in half a read timeout,
doubles while chunks come back quickly, never aims past half of what the link was measured
to carry in one read timeout (headroom for latency and a link that slows down), and drops to
a quarter after a chunk that failed.
"""

from __future__ import annotations

SMALLEST = 4 * 1024
SLOWEST_LINK_BPS = 3_000  # a poor 2G (GPRS/EDGE) link, bytes per second
HEADROOM = 0.5  # of the read timeout a chunk may take at the measured rate
SMOOTHING = 0.5  # weight of the newest measurement in the running estimate


class ChunkSizer:
    """Thread: the sync engine's. Pure arithmetic: the engine reports each chunk's time."""

    def __init__(self, read_timeout_s: float, largest: int, smallest: int = SMALLEST) -> None:
        self.read_timeout_s = read_timeout_s
        self.largest = max(1, largest)
        self.smallest = min(smallest, self.largest)
        self.rate: float | None = None  # bytes per second, smoothed
        self._size = self._fitting(SLOWEST_LINK_BPS)

    def _fitting(self, rate: float) -> int:
        """The chunk that crosses in HEADROOM of the read timeout at `rate`."""
        return max(self.smallest, min(self.largest, int(rate * self.read_timeout_s * HEADROOM)))

    def size(self) -> int:
        return self._size

    def sent(self, nbytes: int, seconds: float) -> None:
        """A chunk of `nbytes` was acknowledged `seconds` after it was sent."""
        if nbytes <= 0:
            return
        if seconds > 0:
            rate = nbytes / seconds
            old = self.rate
            self.rate = rate if old is None else SMOOTHING * rate + (1 - SMOOTHING) * old
        fits = self.largest if self.rate is None else self._fitting(self.rate)
        self._size = max(self.smallest, min(self._size * 2, fits))

    def failed(self) -> None:
        """A chunk never came back (a timeout or a broken link): a quarter of the size next
        time, and the estimate forgets the faster past."""
        self._size = max(self.smallest, self._size // 4)
        if self.rate is not None:
            self.rate = min(self.rate, self._size / (self.read_timeout_s * HEADROOM))
