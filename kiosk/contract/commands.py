"""Signed platform commands: what the platform may ask a terminal to do in a heartbeat reply.

A command is a JSON object signed on its own (Ed25519 with the platform's signing key, over a
domain tag and its canonical JSON without `signature`), so each one is checked, acted on or
refused by itself:

    {"id": "<uuid>", "terminal_id": "K7Q2M", "action": "refresh_catalog", "args": {},
     "issued_at_ms": 1763800000000, "expires_at_ms": 1763803600000, "signature": "<b64url>"}

Shared by the platform (which signs) and the terminal (which verifies); pure but for the
signature primitive.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.contract.records import canonical_json
from kiosk.contract.signing import b64, unb64

ACTIONS = ("refresh_catalog", "upload_logs", "retry_dead_letters")
MAX_TTL_MS = 24 * 3600 * 1000  # a terminal refuses a command meant to live longer than a day
DOMAIN_TAG = b"KIOSK-V1-COMMAND\n"
FIELDS = ("id", "terminal_id", "action", "args", "issued_at_ms", "expires_at_ms")


def signed_bytes(command: Mapping[str, Any]) -> bytes:
    return DOMAIN_TAG + canonical_json({k: v for k, v in command.items() if k != "signature"})


def sign_command(key: Ed25519PrivateKey, command: Mapping[str, Any]) -> dict[str, Any]:
    """The command with its `signature` added (platform side)."""
    body = {k: v for k, v in command.items() if k != "signature"}
    return {**body, "signature": b64(key.sign(signed_bytes(body)))}


def signature_ok(public_key: Ed25519PublicKey, command: Mapping[str, Any]) -> bool:
    signature = command.get("signature")
    if not isinstance(signature, str):
        return False
    try:
        public_key.verify(unb64(signature), signed_bytes(command))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
