"""The terminal's identity: its Ed25519 key and what enrolment returned.

Kept outside any database, in files readable by the kiosk's user only (0600 in a 0700 dir).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from kiosk.contract.signing import b64, unb64
from offline_queue.files import write_private


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    hall: dict[str, Any]
    seal_public_key: X25519PublicKey
    signing_public_key: Ed25519PublicKey


class Credentials:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._key_path = directory / "terminal.key"
        self._enrolment_path = directory / "enrolment.json"

    def key(self) -> Ed25519PrivateKey:
        """The terminal's signing key, made on first use; the private half never leaves here."""
        if self._key_path.exists():
            return Ed25519PrivateKey.from_private_bytes(self._key_path.read_bytes())
        key = Ed25519PrivateKey.generate()
        write_private(self._key_path, key.private_bytes_raw())
        return key

    def public_key_b64(self) -> str:
        return b64(self.key().public_key().public_bytes_raw())

    def enrolment(self) -> Enrolment | None:
        if not self._enrolment_path.exists():
            return None
        data = json.loads(self._enrolment_path.read_text(encoding="utf-8"))
        return Enrolment(
            data["terminal_id"],
            data["hall"],
            X25519PublicKey.from_public_bytes(unb64(data["platform_seal_public_key"])),
            Ed25519PublicKey.from_public_bytes(unb64(data["platform_signing_public_key"])),
        )

    def save_enrolment(self, reply: dict[str, Any]) -> Enrolment:
        keep = {
            k: reply[k]
            for k in (
                "terminal_id",
                "hall",
                "platform_seal_public_key",
                "platform_signing_public_key",
            )
        }
        write_private(self._enrolment_path, json.dumps(keep, ensure_ascii=False).encode())
        enrolment = self.enrolment()
        if enrolment is None:  # pragma: no cover - just written
            raise OSError("enrolment was not saved")
        return enrolment
