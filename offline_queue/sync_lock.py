"""One sync process per queue: an exclusive flock on a file beside the database.

The kernel drops the lock when its holder dies, however it dies, so a crashed sync process
never blocks the next one, and two can never drain the same queue at once.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class SyncLockHeld(Exception):
    """Another process is syncing this queue."""


class SyncLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SyncLockHeld(str(self.path)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
