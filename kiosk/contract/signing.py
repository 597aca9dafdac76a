"""Request signing: Ed25519 over method, path, timestamp, nonce and body hash.

Every terminal request after enrolment carries four headers. The platform refuses a request
whose signature does not verify, whose timestamp is more than MAX_SKEW_S away from its own
clock, or whose nonce it has already seen within that window (a replay).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

HEADER_TERMINAL = "X-Terminal-Id"
HEADER_TIMESTAMP = "X-Timestamp"
HEADER_NONCE = "X-Nonce"
HEADER_SIGNATURE = "X-Signature"
HEADER_SERVER_TIME = "X-Server-Time"  # on every platform reply: its clock in ms, for skew tracking
MAX_SKEW_S = 300
DOMAIN_TAG = "KIOSK-V1"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical_request(method: str, path: str, timestamp: int, nonce: str, body: bytes) -> bytes:
    """The exact bytes that are signed. `path` includes the query string, as sent."""
    body_hash = hashlib.sha256(body).hexdigest()
    return "\n".join([DOMAIN_TAG, method.upper(), path, str(timestamp), nonce, body_hash]).encode()


@dataclass(frozen=True)
class SignedHeaders:
    terminal_id: str
    timestamp: int
    nonce: str
    signature: str

    def as_dict(self) -> dict[str, str]:
        return {
            HEADER_TERMINAL: self.terminal_id,
            HEADER_TIMESTAMP: str(self.timestamp),
            HEADER_NONCE: self.nonce,
            HEADER_SIGNATURE: self.signature,
        }


def sign_request(
    key: Ed25519PrivateKey,
    terminal_id: str,
    method: str,
    path: str,
    body: bytes,
    timestamp: int,
    nonce: str | None = None,
) -> SignedHeaders:
    nonce = nonce or secrets.token_hex(16)
    sig = key.sign(canonical_request(method, path, timestamp, nonce, body))
    return SignedHeaders(terminal_id, timestamp, nonce, b64(sig))


def verify_request(
    public_key: Ed25519PublicKey,
    method: str,
    path: str,
    body: bytes,
    timestamp: int,
    nonce: str,
    signature: str,
) -> bool:
    try:
        public_key.verify(unb64(signature), canonical_request(method, path, timestamp, nonce, body))
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_payload(key: Ed25519PrivateKey, payload: bytes) -> str:
    """Platform-side signature on a command or reply body (verified by the terminal)."""
    return b64(key.sign(b"KIOSK-V1-PAYLOAD\n" + payload))


def verify_payload(public_key: Ed25519PublicKey, payload: bytes, signature: str) -> bool:
    try:
        public_key.verify(unb64(signature), b"KIOSK-V1-PAYLOAD\n" + payload)
    except (InvalidSignature, ValueError):
        return False
    return True
