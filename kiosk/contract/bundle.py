"""Carrying a cut-off terminal's queue on a USB stick (sneakernet): the bundle's signatures.

A bundle is a folder: `records/<id>.json` (each record exactly as the terminal would push it:
its payload and pages still sealed to the platform's key), `blobs/<sha256>` (the sealed
pages), and `manifest.json` listing the terminal id, when it was made, and per record its id,
kind, content hash, size, receipt number, attachments and a signature of its own, with
`manifest.sig` over the whole manifest. Both are Ed25519 signatures by the terminal's own key,
which the platform knows from its enrolment:

- the manifest's: over `KIOSK-V1-BUNDLE\\n` + the manifest's canonical JSON; it proves the
  bundle as a whole (the platform's `import-bundle` checks it);
- each record's: over `KIOSK-V1-BUNDLE-RECORD\\n<terminal id>\\n<record id>\\n<content hash>`;
  a terminal relaying part of a bundle sends only those records with their signatures, so the
  platform can tell that terminal A made them whoever carries them.

The record id stays the idempotency key: a record delivered by a relay, by the platform's own
import, and later by its terminal is stored once (the other two are duplicates). Pure.
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.contract.records import canonical_json, record_content_hash
from kiosk.contract.signing import b64, unb64

BUNDLE_KIND = "kiosk-queue-bundle"
SCHEMA_VERSION = 1
MANIFEST, MANIFEST_SIG = "manifest.json", "manifest.sig"


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return b"KIOSK-V1-BUNDLE\n" + canonical_json(manifest)


def record_claim(terminal_id: str, record_id: str, content_hash: str) -> bytes:
    return f"KIOSK-V1-BUNDLE-RECORD\n{terminal_id}\n{record_id}\n{content_hash}".encode()


def sign_manifest(key: Ed25519PrivateKey, manifest: dict[str, Any]) -> str:
    return b64(key.sign(manifest_bytes(manifest)))


def sign_record(key: Ed25519PrivateKey, terminal_id: str, record: dict[str, Any]) -> str:
    return b64(key.sign(record_claim(terminal_id, str(record["id"]), record_content_hash(record))))


def _verifies(public: Ed25519PublicKey, signature: str, data: bytes) -> bool:
    try:
        public.verify(unb64(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def manifest_verifies(public: Ed25519PublicKey, manifest: dict[str, Any], signature: str) -> bool:
    return _verifies(public, signature, manifest_bytes(manifest))


def record_verifies(
    public: Ed25519PublicKey, terminal_id: str, record: dict[str, Any], signature: str
) -> bool:
    """The record's own content hash is recomputed: a record changed after signing fails."""
    try:
        claim = record_claim(terminal_id, str(record["id"]), record_content_hash(record))
    except (KeyError, TypeError, ValueError):
        return False
    return _verifies(public, signature, claim)
