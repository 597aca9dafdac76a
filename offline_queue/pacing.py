"""Requests that fit the link: upload chunks and pushes sized by the measured throughput.

Each request must cross the link and be answered within the client's read timeout, or it is
lost and the run stops. A 2G link near 3 KB/s moves about 60 kB in a 20 s read timeout, a
good 3G link megabytes: no fixed size fits both. So sizes follow the throughput measured on
the requests themselves (those of 4 KiB or more: on smaller ones latency hides the rate). A
request may take HEADROOM of the read timeout at the measured rate: room for latency, the
platform's own time and a link that slows down.

- Upload chunks start at what the slowest link served carries in that time, double while
  they come back quickly, never aim past it at the measured rate, and drop to a quarter
  after one that failed.
- A push carries as many records as fit at the measured rate (all of the batch until there
  is a measurement: the announcement before it usually gives one).
"""

from __future__ import annotations

SMALLEST = 4 * 1024
SLOWEST_LINK_BPS = 3_000  # a poor 2G (GPRS/EDGE) link, bytes per second
HEADROOM = 0.5  # of the read timeout a request may take at the measured rate
SMOOTHING = 0.5  # weight of the newest measurement in the running estimate


class LinkPace:
    """Thread: the sync engine's. Pure arithmetic: the engine reports each request's time."""

    def __init__(self, read_timeout_s: float, largest_chunk: int, smallest: int = SMALLEST) -> None:
        self.read_timeout_s = read_timeout_s
        self.largest = max(1, largest_chunk)
        self.smallest = min(smallest, self.largest)
        self.rate: float | None = None  # bytes per second, smoothed; None: not measured yet
        self._chunk = self._clamp(self._fits(SLOWEST_LINK_BPS))

    def _fits(self, rate: float) -> int:
        return int(rate * self.read_timeout_s * HEADROOM)

    def _clamp(self, size: int) -> int:
        return max(self.smallest, min(self.largest, size))

    def chunk(self) -> int:
        return self._chunk

    def push_bytes(self) -> int | None:
        """The most a push may carry; None while the link has not been measured."""
        return None if self.rate is None else self._fits(self.rate)

    def carried(self, nbytes: int, seconds: float) -> None:
        """A request of `nbytes` was answered `seconds` after it was sent."""
        if nbytes >= SMALLEST and seconds > 0:
            rate = nbytes / seconds
            old = self.rate
            self.rate = rate if old is None else SMOOTHING * rate + (1 - SMOOTHING) * old

    def chunk_sent(self, nbytes: int, seconds: float) -> None:
        """An upload chunk came back: the next may be twice as big, if the link carries it."""
        self.carried(nbytes, seconds)
        doubled = self._chunk * 2
        self._chunk = self._clamp(
            doubled if self.rate is None else min(doubled, self._fits(self.rate))
        )

    def failed(self) -> None:
        """A request never came back (a timeout or a broken link): chunks a quarter of the
        size, and the estimate drops to what the smaller chunk needs."""
        self._chunk = self._clamp(self._chunk // 4)
        slower = self._chunk / (self.read_timeout_s * HEADROOM)
        self.rate = slower if self.rate is None else min(self.rate, slower)
