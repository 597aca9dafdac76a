"""Signed application releases: the manifest the platform offers and how a terminal checks it.

The release team signs a manifest with an Ed25519 release key kept offline; the platform only
stores and serves it. A terminal trusts the release public keys installed (root-owned) with
it, never a key the platform sends, so a compromised platform cannot push code.

    {"manifest": {"schema_version": 1, "version": "0.2.0", "archive": "kiosk-0.2.0.tar.gz",
                  "size": 262144000, "sha256": "<hex>"},
     "key_id": "<first 16 hex of sha256(public key)>",
     "signature": "<b64url Ed25519 over DOMAIN + canonical_json(manifest)>"}
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.contract.records import canonical_json
from kiosk.contract.signing import b64, unb64

DOMAIN = b"KIOSK-RELEASE-V1\n"
VERSION_RE = re.compile(r"(0|[1-9][0-9]{0,4})\.(0|[1-9][0-9]{0,4})\.(0|[1-9][0-9]{0,4})")
MAX_ARCHIVE_BYTES = 2 * 1024**3


class ReleaseRejected(ValueError):
    """The manifest is malformed, unsigned, or signed by a key this terminal does not trust."""


def parse_version(text: str) -> tuple[int, int, int]:
    match = VERSION_RE.fullmatch(text)
    if match is None:
        raise ReleaseRejected(f"not a release version: {text!r}")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


@dataclass(frozen=True)
class Manifest:
    version: str
    archive: str
    size: int
    sha256: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "version": self.version,
            "archive": self.archive,
            "size": self.size,
            "sha256": self.sha256,
        }


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(public.public_bytes_raw()).hexdigest()[:16]


def sign_manifest(key: Ed25519PrivateKey, manifest: Manifest) -> dict[str, Any]:
    body = manifest.as_dict()
    return {
        "manifest": body,
        "key_id": key_id(key.public_key()),
        "signature": b64(key.sign(DOMAIN + canonical_json(body))),
    }


def manifest_from_dict(body: Mapping[str, Any]) -> Manifest:
    """Shape checks only (the platform uses this too); no signature involved."""
    try:
        manifest = Manifest(
            str(body["version"]), str(body["archive"]), int(body["size"]), str(body["sha256"])
        )
    except (KeyError, TypeError, ValueError):
        raise ReleaseRejected("manifest fields missing or of the wrong type") from None
    if body.get("schema_version") != 1:
        raise ReleaseRejected("unknown manifest schema_version")
    parse_version(manifest.version)
    if not re.fullmatch(r"[0-9a-f]{64}", manifest.sha256):
        raise ReleaseRejected("sha256 is not 64 lowercase hex digits")
    if not 0 < manifest.size <= MAX_ARCHIVE_BYTES:
        raise ReleaseRejected("archive size out of range")
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,80}", manifest.archive):
        raise ReleaseRejected("archive name is not a plain file name")
    return manifest


def verify_archive(path: Path, manifest: Manifest) -> None:
    """Size first (cheap, and it refuses a truncated or padded file), then sha256."""
    size = path.stat().st_size
    if size != manifest.size:
        raise ReleaseRejected(f"archive is {size} bytes, the manifest says {manifest.size}")
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != manifest.sha256:
        raise ReleaseRejected("archive sha256 differs from the signed manifest")


def verify_manifest(signed: Mapping[str, Any], trusted: Iterable[Ed25519PublicKey]) -> Manifest:
    """The manifest, if a trusted release key signed exactly these fields; else ReleaseRejected."""
    body = signed.get("manifest")
    if not isinstance(body, Mapping):
        raise ReleaseRejected("no manifest")
    manifest = manifest_from_dict(body)
    try:
        signature = unb64(str(signed.get("signature", "")))
    except ValueError:
        raise ReleaseRejected("signature is not base64") from None
    message = DOMAIN + canonical_json(dict(body))
    for public in trusted:
        if key_id(public) != signed.get("key_id"):
            continue
        try:
            public.verify(signature, message)
        except InvalidSignature:
            break
        return manifest
    raise ReleaseRejected("the manifest is not signed by a trusted release key")
