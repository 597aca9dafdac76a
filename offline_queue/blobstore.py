"""Sealed attachments on disk, content-addressed by the SHA-256 of their sealed bytes.

Written tmp + fsync + rename + directory fsync, so after a power cut a blob is either whole
or absent. Identical bytes are stored once: a record's retries reuse its sealed blob. The same
page in two records seals to different bytes (fresh ephemeral key), so records cannot be
linked through their attachments at rest; the reference check on delete still guards sharing.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from kiosk.errors import StorageFullError
from offline_queue.files import write_private


class BlobStore:
    def __init__(
        self, directory: Path, write: Callable[[Path, bytes], None] = write_private
    ) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._write = write  # a seam: tests inject ENOSPC here

    def path(self, sha256: str) -> Path:
        return self.directory / sha256

    def put(self, sealed: bytes) -> str:
        sha = hashlib.sha256(sealed).hexdigest()
        final = self.path(sha)
        if final.exists():
            return sha
        try:
            self._write(final, sealed)  # tmp + fsync + rename + directory fsync
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise StorageFullError("attachment store: no space left") from None
            raise
        return sha

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def names(self) -> set[str]:
        return {p.name for p in self.directory.iterdir()}

    def remove_except(self, keep: Iterable[str]) -> int:
        """Delete orphans (left by a crash between writing a blob and committing its record)."""
        keep_set = set(keep)
        orphans = [n for n in self.names() if n not in keep_set]
        for name in orphans:
            (self.directory / name).unlink(missing_ok=True)
        return len(orphans)
