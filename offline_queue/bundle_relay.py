"""Relaying a cut-off terminal's bundle through a connected terminal: the stick is plugged into
any terminal with a link, which uploads the pages and pushes the records in the originating
terminal's name (each with that terminal's own signature; the platform checks it, since the
relaying terminal cannot make records for another). Nothing is kept on the relaying terminal:
if the link fails half-way the stick still holds everything and the relay is run again (the
record id makes the records already taken duplicates).

Thread: blocks on the network (worker or command line).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.contract.bundle import BUNDLE_KIND, MANIFEST, SCHEMA_VERSION
from kiosk.contract.records import MAX_BATCH, record_content_hash
from kiosk.ports.bundles import BundleUnreadable, CarriedBundle, RelayDone
from offline_queue.platform_client import PlatformClient
from offline_queue.sync import CHUNK


@dataclass
class RelayReport:
    terminal_id: str
    outcomes: Counter[str] = field(default_factory=Counter)
    pages_sent: int = 0


def _read(folder: Path) -> tuple[str, list[dict[str, Any]], dict[str, Path]]:
    """(origin, [{record, signature}], pages), checked as far as a relay can (hashes; the
    signatures are the platform's to check)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
        if manifest.get("kind") != BUNDLE_KIND or manifest.get("schema_version") != SCHEMA_VERSION:
            raise BundleUnreadable("not a kiosk queue bundle of a known schema")
        items, pages = [], {}
        for entry in manifest["records"]:
            rec = json.loads((folder / "records" / f"{entry['id']}.json").read_bytes())
            if rec.get("content_hash") != record_content_hash(rec) or rec.get(
                "content_hash"
            ) != entry.get("content_hash"):
                raise BundleUnreadable(f"record {entry['id']} does not match its manifest entry")
            for att in rec["attachments"]:
                pages[att["sha256"]] = folder / "blobs" / att["sha256"]
            items.append({"record": rec, "signature": entry["signature"]})
        return str(manifest["terminal_id"]), items, pages
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, BundleUnreadable):
            raise
        raise BundleUnreadable(f"{type(exc).__name__} reading the bundle") from None


def relay_bundle(client: PlatformClient, folder: Path, chunk: int = CHUNK) -> RelayReport:
    """Raises BundleUnreadable (nothing sent) or PlatformError (run it again later)."""
    origin, items, pages = _read(folder)
    report = RelayReport(origin)
    for sha, path in pages.items():
        offset, complete = client.blob_offset(sha)
        if complete:
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise BundleUnreadable("a page on the stick does not match its hash")
        while offset < len(data):
            offset = client.blob_append(sha, offset, len(data), data[offset : offset + chunk])
        report.pages_sent += 1
    for start in range(0, len(items), MAX_BATCH):
        for result in client.relay_records(origin, items[start : start + MAX_BATCH]):
            report.outcomes[str(result.get("outcome"))] += 1
    return report


def find_bundles(medium: Path) -> list[CarriedBundle]:
    """The bundles in the medium's top folder, newest first; a folder whose manifest cannot be
    read is not one (the relay itself checks every record and page)."""
    found = []
    try:
        folders = [p for p in medium.iterdir() if (p / MANIFEST).is_file()]
    except OSError:
        return []
    for folder in folders:
        try:
            manifest = json.loads((folder / MANIFEST).read_bytes())
            if manifest.get("kind") != BUNDLE_KIND:
                continue
            found.append(
                CarriedBundle(
                    str(folder),
                    str(manifest["terminal_id"]),
                    len(manifest["records"]),
                    int(manifest["created_at_ms"]),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda b: b.created_at_ms, reverse=True)


class PlatformBundleRelay:
    """BundleRelay over a client of its own per relay (made and closed on the worker)."""

    def __init__(self, client: Callable[[], PlatformClient], chunk: int = CHUNK) -> None:
        self._client, self._chunk = client, chunk

    def find(self, medium: str) -> list[CarriedBundle]:
        return find_bundles(Path(medium))

    def relay(self, bundle: CarriedBundle) -> RelayDone:
        client = self._client()
        try:
            report = relay_bundle(client, Path(bundle.path), self._chunk)
        finally:
            client.close()
        outcomes = report.outcomes
        return RelayDone(
            report.terminal_id,
            delivered=outcomes["accepted"],
            already=outcomes["duplicate"],
            refused=sum(outcomes.values()) - outcomes["accepted"] - outcomes["duplicate"],
            pages=report.pages_sent,
        )
