"""Attachments: content-addressed by the SHA-256 of their sealed bytes, resumable, verified.

A partial upload lives in `<sha>.part`; when its last byte arrives the hash is checked and the
file renamed, so a blob marked complete always matches its name.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from central.errors import ApiError
from central.storage import Storage

MAX_BLOB = 32 * 1024 * 1024
SHA_RE = re.compile(r"[0-9a-f]{64}")


def check_sha(sha: str) -> None:
    if not SHA_RE.fullmatch(sha):
        raise ApiError(404, "not_found", "a blob is named by its lower-case SHA-256")


def state(storage: Storage, sha: str) -> tuple[int, int, bool] | None:
    row = storage.one("SELECT length, offset, complete FROM blobs WHERE sha256 = ?", sha)
    return None if row is None else (int(row["length"]), int(row["offset"]), bool(row["complete"]))


def is_complete(storage: Storage, sha: str) -> bool:
    s = state(storage, sha)
    return s is not None and s[2]


def append(
    storage: Storage, blob_dir: Path, sha: str, offset: int, length: int, chunk: bytes, now_ms: int
) -> int:
    """Append a chunk at `offset`; returns the new offset. Raises ApiError 409/413/422."""
    check_sha(sha)
    if not 0 < length <= MAX_BLOB:
        raise ApiError(413, "too_large", f"a blob is 1 to {MAX_BLOB} bytes")
    mismatch = False
    with storage.write() as conn:
        row = conn.execute(
            "SELECT length, offset, complete FROM blobs WHERE sha256 = ?", (sha,)
        ).fetchone()
        if row is not None and row["complete"]:
            return int(row["length"])
        current = 0 if row is None else int(row["offset"])
        if row is not None and int(row["length"]) != length:
            raise ApiError(409, "length_mismatch", "Upload-Length differs from the first chunk's")
        if offset != current:
            raise ApiError(
                409, "offset_mismatch", "resume from Upload-Offset", {"Upload-Offset": str(current)}
            )
        if current + len(chunk) > length:
            raise ApiError(422, "too_long", "the chunk runs past Upload-Length")
        part = blob_dir / f"{sha}.part"
        with part.open("ab") as f:
            f.truncate(current)  # bytes past the acknowledged offset were never acknowledged
            f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        new = current + len(chunk)
        complete = new == length
        if complete:
            if hashlib.sha256(part.read_bytes()).hexdigest() != sha:
                part.unlink()
                conn.execute("DELETE FROM blobs WHERE sha256 = ?", (sha,))
                mismatch = True  # committed, not rolled back: the bad partial blob must go
            else:
                part.rename(blob_dir / sha)
        if not mismatch:
            conn.execute(
                "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?, ?)",
                (sha, length, new, int(complete), now_ms),
            )
    if mismatch:
        raise ApiError(422, "blob_hash_mismatch", "the bytes do not match the blob's SHA-256")
    return new
