"""The QueueBundles port on the outbox: a bundle of the waiting records on a USB stick.

Layout (kiosk/contract/bundle.py has the signatures): `records/<id>.json`, `blobs/<sha256>`,
`manifest.json` and `manifest.sig`, written into `<folder>.partial`, every file fsynced (a
stick may be pulled right after), read back and verified as the platform will verify it, and
only then renamed to `<folder>` and the records marked as carried. A bundle that fails on the
way leaves nothing on the stick and marks nothing.

Thread: opens its own outbox connection per call (worker thread).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.bundle import (
    BUNDLE_KIND,
    MANIFEST,
    MANIFEST_SIG,
    SCHEMA_VERSION,
    manifest_verifies,
    record_verifies,
    sign_manifest,
    sign_record,
)
from kiosk.contract.records import canonical_json
from kiosk.ports.bundles import BundleExport, BundlePlan
from kiosk.ports.clock import Clock
from kiosk.ports.logs import ExportFailed
from offline_queue.records import QueuedRecord
from offline_queue.store import Outbox


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _size(wire: dict[str, Any]) -> int:
    return len(wire["sealed"]) + sum(int(a["size"]) for a in wire["attachments"])


def manifest_for(
    key: Ed25519PrivateKey,
    terminal_id: str,
    bundle_id: str,
    created_at_ms: int,
    records: list[QueuedRecord],
) -> dict[str, Any]:
    entries = []
    for rec in records:
        wire = rec.wire
        assert wire is not None  # carriable() selects records that still have theirs
        entries.append(
            {
                "id": rec.id,
                "kind": rec.kind,
                "content_hash": wire["content_hash"],
                "size": _size(wire),
                "receipt_no": rec.receipt_no,
                "attachments": [a["sha256"] for a in wire["attachments"]],
                "signature": sign_record(key, terminal_id, wire),
            }
        )
    return {
        "kind": BUNDLE_KIND,
        "schema_version": SCHEMA_VERSION,
        "bundle_id": bundle_id,
        "terminal_id": terminal_id,
        "created_at_ms": created_at_ms,
        "records": entries,
    }


class OutboxBundles:
    def __init__(
        self,
        open_outbox: Callable[[], Outbox],
        key: Callable[[], Ed25519PrivateKey],
        terminal_id: str,
        clock: Clock,
    ) -> None:
        self._open, self._key, self.terminal_id, self._clock = open_outbox, key, terminal_id, clock

    def plan(self) -> BundlePlan:
        outbox = self._open()
        try:
            records = outbox.carriable()
            carried = outbox.exported()
        finally:
            outbox.close()
        return BundlePlan(
            len(records),
            sum(_size(r.wire) for r in records if r.wire is not None),
            sum(1 for r in records if r.id in carried),
        )

    def export(self, destination: str, folder: str) -> BundleExport:
        target = Path(destination) / folder
        partial = target.with_name(target.name + ".partial")
        outbox = self._open()
        try:
            try:
                done = self._write(outbox, target, partial, folder)
            except OSError as exc:
                shutil.rmtree(partial, ignore_errors=True)
                why = "no space left" if exc.errno == errno.ENOSPC else type(exc).__name__
                raise ExportFailed(f"{destination}: {why}") from None
            at_ms = int(self._clock.now().timestamp() * 1000)
            outbox.mark_exported([p.stem for p in (target / "records").iterdir()], folder, at_ms)
            return done
        finally:
            outbox.close()

    def _write(self, outbox: Outbox, target: Path, partial: Path, folder: str) -> BundleExport:
        records = outbox.carriable()
        key = self._key()
        now_ms = int(self._clock.now().timestamp() * 1000)
        manifest = manifest_for(key, self.terminal_id, folder, now_ms, records)
        (partial / "records").mkdir(parents=True)
        (partial / "blobs").mkdir()
        total, shas = 0, set()
        for rec in records:
            data = canonical_json(rec.wire)
            _write_synced(partial / "records" / f"{rec.id}.json", data)
            total += len(data)
            for att in (rec.wire or {}).get("attachments", []):
                sha = att["sha256"]
                if sha not in shas:
                    blob = outbox.blobs.read(sha)
                    _write_synced(partial / "blobs" / sha, blob)
                    shas.add(sha)
                    total += len(blob)
        manifest_data = canonical_json(manifest)
        _write_synced(partial / MANIFEST, manifest_data)
        _write_synced(partial / MANIFEST_SIG, sign_manifest(key, manifest).encode())
        total += len(manifest_data)
        for sub in ("records", "blobs", "."):
            _fsync_dir(partial / sub)
        self._read_back(partial, key)
        partial.rename(target)
        _fsync_dir(target.parent)
        return BundleExport(str(target), len(records), len(shas), total)

    def _read_back(self, folder: Path, key: Ed25519PrivateKey) -> None:
        """The copy as the platform will read it: a stick that corrupts writes is found here,
        while the technician is still at the terminal."""
        public = key.public_key()
        manifest = json.loads((folder / MANIFEST).read_bytes())
        if not manifest_verifies(public, manifest, (folder / MANIFEST_SIG).read_text()):
            raise OSError(errno.EIO, "the manifest read back does not verify")
        for entry in manifest["records"]:
            wire = json.loads((folder / "records" / f"{entry['id']}.json").read_bytes())
            if not record_verifies(public, self.terminal_id, wire, entry["signature"]):
                raise OSError(errno.EIO, "a record read back does not verify")
            for sha in entry["attachments"]:
                if hashlib.sha256((folder / "blobs" / sha).read_bytes()).hexdigest() != sha:
                    raise OSError(errno.EIO, "a page read back does not match its hash")
