"""Downloading an application update over the slow link: resumable, and polite to the queue.

The archive goes to `<updates dir>/<version>.part`, appended in chunks; a restart (of the
process or the terminal) resumes from the part file's size with `Range: bytes=N-`. A reply
that is not a 206 starting exactly at N (a proxy that ignores Range, a changed file) is
never appended: the part is started again from zero. Each run moves at most `budget_bytes`,
so a big download never holds the link long while submissions wait. Verification (size,
hash, signature) is kiosk.ops.updates' job, on the finished file.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from kiosk.contract.releases import Manifest
from kiosk.contract.signing import sign_request
from offline_queue.files import write_private
from offline_queue.platform_client import PlatformClient, PlatformGarbage, PlatformUnreachable

CHUNK = 16 * 1024  # small: a chunk half-read when the link drops is lost
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")


@dataclass(frozen=True)
class FetchProgress:
    version: str
    offset: int  # bytes on disk now
    size: int
    resumed_from: int  # where this run started (0 on a fresh or restarted download)
    moved: int  # bytes this run received

    @property
    def complete(self) -> bool:
        return self.offset == self.size


class UpdateFetcher:
    def __init__(self, client: PlatformClient, directory: Path) -> None:
        self.client, self.directory = client, directory

    def offered(self, current_version: str) -> dict[str, Any] | None:
        """The platform's newest signed manifest if it is newer than ours, else None."""
        reply = self.client._send("GET", f"/v1/updates/latest?current={current_version}")
        return None if reply.status_code == 204 else self.client._json(reply)

    def part_path(self, manifest: Manifest) -> Path:
        return self.directory / f"{manifest.version}.part"

    def remember(self, signed: dict[str, Any], manifest: Manifest) -> Path:
        """Keeps the signed manifest beside the download, so a restart knows what it fetches."""
        path = self.directory / f"{manifest.version}.manifest.json"
        write_private(path, json.dumps(signed).encode())
        return path

    def fetch(self, manifest: Manifest, budget_bytes: int) -> FetchProgress:
        """Moves up to `budget_bytes` more of the archive. Raises PlatformError subclasses on
        link trouble; whatever arrived before that stays on disk for the next run."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        part = self.part_path(manifest)
        offset = part.stat().st_size if part.exists() else 0
        if offset > manifest.size:  # not ours to keep: start again
            part.unlink()
            offset = 0
        start = offset
        if offset == manifest.size:
            return FetchProgress(manifest.version, offset, manifest.size, start, 0)
        path = f"/v1/updates/{manifest.version}/archive"
        last = min(manifest.size, offset + budget_bytes) - 1
        headers = {"Range": f"bytes={offset}-{last}"}
        signer = self.client.signer
        if signer is not None:
            ts = int(time.time() + self.client.clock_offset_ms / 1000)
            headers.update(
                sign_request(signer.key, signer.terminal_id, "GET", path, b"", ts).as_dict()
            )
        moved = 0
        try:
            with self.client.session.get(
                self.client.base_url + path,
                headers=headers,
                timeout=self.client.timeout,
                stream=True,
            ) as reply:
                if reply.status_code != 206:
                    if reply.status_code >= 400:
                        raise PlatformGarbage(f"archive download answered {reply.status_code}")
                    # A full 200 reply ignored our Range: never append it to the part.
                    part.unlink(missing_ok=True)
                    return FetchProgress(manifest.version, 0, manifest.size, 0, 0)
                match = _CONTENT_RANGE.fullmatch(reply.headers.get("Content-Range", ""))
                if match is None or int(match[1]) != offset or int(match[3]) != manifest.size:
                    part.unlink(missing_ok=True)
                    raise PlatformGarbage("archive download resumed at the wrong place")
                fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                with os.fdopen(fd, "ab") as out:
                    for chunk in reply.iter_content(CHUNK):
                        out.write(chunk)
                        moved += len(chunk)
                        if offset + moved >= last + 1:
                            break
                    out.flush()
                    os.fsync(out.fileno())
        except requests.RequestException as exc:
            raise PlatformUnreachable(type(exc).__name__) from None
        return FetchProgress(manifest.version, offset + moved, manifest.size, start, moved)
