"""One outbox connection for the UI's worker threads, used one call at a time.

SQLite connections are not shared between threads by default; the workers of a thread pool
come and go, so rather than a connection per thread they share one, serialised by a lock.
Each call is one short transaction (or one read), so nobody waits long.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from offline_queue.store import Outbox

T = TypeVar("T")


class SharedOutbox:
    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox
        self._lock = threading.Lock()

    def call(self, work: Callable[[Outbox], T]) -> T:
        """Runs `work` with the outbox, alone. Thread: any worker."""
        with self._lock:
            return work(self._outbox)

    def close(self) -> None:
        with self._lock:
            self._outbox.close()
