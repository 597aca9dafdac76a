"""The platform's secrets, made on first start in the data dir with 0600 permissions.

- seal.key: X25519 private key; terminals seal personal data and attachments to its public half.
- signing.key: Ed25519 private key; signs heartbeat commands the terminal verifies.
- lookup.key: HMAC-SHA256 key; an ID number is stored only as its keyed hash.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.contract.signing import b64

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


def _secret_file(path: Path, make: bytes) -> bytes:
    """Read a 32-byte secret, or create it atomically (O_EXCL, mode 0600) if it is absent."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        data = path.read_bytes()
        if len(data) != 32:
            raise ValueError(f"{path.name} is damaged: expected 32 bytes") from None
        return data
    with os.fdopen(fd, "wb") as f:
        f.write(make)
        f.flush()
        os.fsync(f.fileno())
    return make


def read_or_create_token(path: Path) -> str:
    """The admin bearer token: read from its file, or made and written there (0600)."""
    if path.exists():
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token)
    return token


@dataclass(frozen=True)
class PlatformKeys:
    seal: X25519PrivateKey
    signing: Ed25519PrivateKey
    lookup: bytes

    @classmethod
    def load_or_create(cls, data_dir: Path) -> PlatformKeys:
        seal_raw = _secret_file(data_dir / "seal.key", secrets.token_bytes(32))
        sign_raw = _secret_file(data_dir / "signing.key", secrets.token_bytes(32))
        lookup = _secret_file(data_dir / "lookup.key", secrets.token_bytes(32))
        return cls(
            X25519PrivateKey.from_private_bytes(seal_raw),
            Ed25519PrivateKey.from_private_bytes(sign_raw),
            lookup,
        )

    @property
    def seal_public_b64(self) -> str:
        return b64(self.seal.public_key().public_bytes(_RAW, _RAW_PUB))

    @property
    def signing_public_b64(self) -> str:
        return b64(self.signing.public_key().public_bytes(_RAW, _RAW_PUB))

    def id_hmac(self, id_number: str) -> str:
        """Keyed hash of an ID number (upper-cased so a trailing x and X match)."""
        normalised = id_number.strip().upper().encode("utf-8", "surrogatepass")
        return hmac.new(self.lookup, normalised, hashlib.sha256).hexdigest()
