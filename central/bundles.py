"""Importing a terminal's queue carried on a USB stick (sneakernet; see kiosk/contract/bundle.py).

Everything is checked before anything is stored: the manifest's signature by the key the
terminal enrolled with, then each record against its manifest entry (content hash, its own
signature) and each page against its SHA-256. One thing wrong and the whole bundle is refused
(a stick that was tampered with is not half trusted). Then the pages are stored as complete
blobs and the records go through the very intake the terminal's pushes go through, so the
record id stays the idempotency key: a record imported here and later pushed by its terminal
(or relayed by another) is stored once; the later push is answered as a duplicate.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from central import intake
from central.blobs import MAX_BLOB, SHA_RE
from central.context import Platform
from kiosk.contract.bundle import (
    BUNDLE_KIND,
    MANIFEST,
    MANIFEST_SIG,
    SCHEMA_VERSION,
    manifest_verifies,
    record_verifies,
)
from kiosk.contract.records import MAX_BATCH, record_content_hash


class BundleRefused(Exception):
    """The bundle is not the terminal's as it made it; nothing of it was stored."""


@dataclass
class ImportReport:
    terminal_id: str
    bundle_id: str
    outcomes: Counter[str] = field(default_factory=Counter)  # accepted, duplicate, rejected...
    reasons: list[str] = field(default_factory=list)  # why records were rejected (no data)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise BundleRefused(f"{path.name}: unreadable ({type(exc).__name__})") from None


def _terminal_key(p: Platform, terminal_id: str) -> Ed25519PublicKey:
    row = p.storage.one("SELECT public_key FROM terminals WHERE terminal_id = ?", terminal_id)
    if row is None:
        raise BundleRefused(f"terminal {terminal_id} is not enrolled here")
    return Ed25519PublicKey.from_public_bytes(bytes(row["public_key"]))


def verify_bundle(
    p: Platform, folder: Path
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, bytes]]:
    """(manifest, records, pages by sha256), all checked. Raises BundleRefused."""
    manifest = _read_json(folder / MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("kind") != BUNDLE_KIND:
        raise BundleRefused("this is not a kiosk queue bundle")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise BundleRefused(f"bundle schema {manifest.get('schema_version')} is not supported")
    terminal_id = str(manifest.get("terminal_id", ""))
    public = _terminal_key(p, terminal_id)
    try:
        signature = (folder / MANIFEST_SIG).read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        raise BundleRefused("the manifest's signature is missing") from None
    if not manifest_verifies(public, manifest, signature):
        raise BundleRefused("the manifest's signature does not verify: refused as tampered")
    records: list[dict[str, Any]] = []
    pages: dict[str, bytes] = {}
    for entry in manifest.get("records", []):
        rid = str(entry.get("id", ""))
        if not rid or "/" in rid or rid.startswith("."):
            raise BundleRefused("a manifest entry has no usable record id")
        rec = _read_json(folder / "records" / f"{rid}.json")
        if not isinstance(rec, dict) or rec.get("id") != rid:
            raise BundleRefused(f"record {rid}: not the record the manifest lists")
        if rec.get("content_hash") != entry.get("content_hash") or rec.get(
            "content_hash"
        ) != record_content_hash(rec):
            raise BundleRefused(f"record {rid}: its content does not match the manifest")
        if not record_verifies(public, terminal_id, rec, str(entry.get("signature", ""))):
            raise BundleRefused(f"record {rid}: its signature does not verify")
        for att in rec.get("attachments", []):
            sha = str(att.get("sha256", "")) if isinstance(att, dict) else ""
            if not SHA_RE.fullmatch(sha):
                raise BundleRefused(f"record {rid}: a page is not named by its SHA-256")
            if sha not in pages:
                try:
                    data = (folder / "blobs" / sha).read_bytes()
                except OSError:
                    raise BundleRefused(f"record {rid}: a page is missing") from None
                if hashlib.sha256(data).hexdigest() != sha or not 0 < len(data) <= MAX_BLOB:
                    raise BundleRefused(f"record {rid}: a page does not match its hash")
                pages[sha] = data
        records.append(rec)
    return manifest, records, pages


def _store_pages(p: Platform, pages: dict[str, bytes], now_ms: int) -> None:
    """As complete blobs (written, fsynced, renamed, then recorded), like a finished upload."""
    blob_dir = p.data_dir / "blobs"
    for sha, data in pages.items():
        row = p.storage.one("SELECT complete FROM blobs WHERE sha256 = ?", sha)
        if row is not None and row["complete"]:
            continue
        tmp = blob_dir / f"{sha}.import"
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.rename(blob_dir / sha)
        with p.storage.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, 1, ?)",
                (sha, len(data), len(data), now_ms),
            )


def import_bundle(p: Platform, folder: Path, now_ms: int) -> ImportReport:
    manifest, records, pages = verify_bundle(p, folder)
    report = ImportReport(str(manifest["terminal_id"]), str(manifest.get("bundle_id", "")))
    _store_pages(p, pages, now_ms)
    for start in range(0, len(records), MAX_BATCH):
        for result in intake.accept(
            p, report.terminal_id, records[start : start + MAX_BATCH], now_ms
        ):
            report.outcomes[str(result["outcome"])] += 1
            if result["outcome"] in ("rejected", "conflict"):
                report.reasons.append(f"{result['id']}: {result['reason']}")
    return report


def relay(
    p: Platform, relayed_by: str, origin: str, items: list[Any], now_ms: int
) -> list[dict[str, Any]]:
    """Records of terminal `origin` carried on a stick and pushed by terminal `relayed_by`:
    each needs its origin's own signature (a relay cannot make records in another terminal's
    name); those that verify go through the same intake as the origin's pushes, under the
    origin's id, so the origin's later pushes are duplicates. One result per item, in order."""
    if origin == relayed_by:
        raise BundleRefused("a terminal pushes its own records, it does not relay them")
    public = _terminal_key(p, origin)
    results: list[dict[str, Any] | None] = []
    good: list[dict[str, Any]] = []
    for item in items:
        rec = item.get("record") if isinstance(item, dict) else None
        signature = item.get("signature") if isinstance(item, dict) else None
        if (
            isinstance(rec, dict)
            and isinstance(signature, str)
            and record_verifies(public, origin, rec, signature)
        ):
            results.append(None)
            good.append(rec)
        else:
            rid = rec.get("id") if isinstance(rec, dict) else ""
            results.append(
                intake.rejected(
                    rid if isinstance(rid, str) else "",
                    "the originating terminal's signature does not verify",
                )
            )
    accepted = iter(intake.accept(p, origin, good, now_ms) if good else [])
    return [r if r is not None else next(accepted) for r in results]
