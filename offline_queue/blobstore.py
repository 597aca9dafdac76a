"""Sealed pages inside the queue's own database, named by the SHA-256 of their sealed bytes.

A record's pages are written in the record's own transaction: one commit, one fsync, and
after a power cut the record and its pages are there together or not at all (no orphan
file, no missing page, no directory fsync). An upload reads a range of the BLOB, so a
resumed upload reads only what is still to send. Identical bytes are stored once: a record's
retries reuse its sealed page. The same page in two records seals to different bytes (fresh
ephemeral key), so records cannot be linked through their pages at rest.

Earlier versions kept each page in a file of its own under `blobs/`; `adopt_files` moves
such pages into the database once, at open.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path


class BlobStore:
    """Thread: the owning Outbox's (it shares the Outbox's connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def put(self, sealed: bytes) -> str:
        """Inside the caller's write transaction."""
        sha = hashlib.sha256(sealed).hexdigest()
        self.conn.execute("INSERT OR IGNORE INTO pages VALUES (?, ?)", (sha, sealed))
        return sha

    def read(self, sha256: str, offset: int = 0, size: int | None = None) -> bytes:
        """The sealed bytes from `offset` (all of them, or `size`). Raises KeyError."""
        length = 2**31 - 1 if size is None else size  # past any BLOB (SQLITE_MAX_LENGTH 1e9)
        row = self.conn.execute(
            "SELECT substr(data, ?, ?) FROM pages WHERE sha256 = ?", (offset + 1, length, sha256)
        ).fetchone()
        if row is None:
            raise KeyError(sha256)
        return bytes(row[0])

    def names(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM pages")}

    def drop_unreferenced(self, shas: list[str] | None = None) -> int:
        """Inside the caller's write transaction: pages no attachment row refers to any more
        (of `shas`, or all of them)."""
        unreferenced = "NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = pages.sha256)"
        if shas is None:
            return int(self.conn.execute(f"DELETE FROM pages WHERE {unreferenced}").rowcount)
        return sum(
            self.conn.execute(
                f"DELETE FROM pages WHERE sha256 = ? AND {unreferenced}", (sha,)
            ).rowcount
            for sha in shas
        )


def adopt_files(conn: sqlite3.Connection, directory: Path) -> int:
    """Moves the pages of an older queue (one file each under `directory`) into the database:
    those a record still needs are inserted and committed first, then every file goes. A crash
    in between leaves files that are adopted (or dropped) again at the next open."""
    if not directory.is_dir():
        return 0
    files = [p for p in directory.iterdir() if p.is_file()]
    conn.execute("BEGIN IMMEDIATE")
    try:
        wanted = {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachments")}
        adopted = 0
        for path in files:
            if path.name in wanted:
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == path.name:  # a torn write never counts
                    conn.execute("INSERT OR IGNORE INTO pages VALUES (?, ?)", (path.name, data))
                    adopted += 1
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    for path in files:
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        directory.rmdir()
    return adopted
