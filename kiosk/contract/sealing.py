"""Sealing personal data to the platform's public key (X25519 + HKDF-SHA256 + AES-256-GCM).

A terminal seals a submission's personal data and each attachment before it touches the disk;
only the platform's private key opens it, so a stolen terminal reveals nothing.

Envelope layout (all binary, version byte first):
    0x01 | ephemeral X25519 public key (32) | AES-GCM nonce (12) | ciphertext + tag
The AES key is HKDF-SHA256(shared secret, salt = ephemeral public || recipient public,
info = b"kiosk-seal-v1" || associated_data). `associated_data` binds the envelope to its
record (its id), so an envelope cannot be moved to another record undetected.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
_INFO = b"kiosk-seal-v1"
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


class SealError(ValueError):
    """The envelope is malformed, or was not sealed to this key, or was tampered with."""


def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes, aad: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=_INFO + aad
    )
    return hkdf.derive(shared)


class Sealer:
    """Seals several envelopes with one ephemeral key pair: one X25519 key generation and
    exchange for all the parts of one record (its payload and its pages, which are linked
    anyway) instead of one per part. Each envelope still opens on its own with
    `open_sealed`: its key is derived with its own associated data and it has a fresh nonce.
    Two records never share an ephemeral key, so the same page in two records seals to
    different bytes."""

    def __init__(self, recipient: X25519PublicKey) -> None:
        eph = X25519PrivateKey.generate()
        self._eph_pub = eph.public_key().public_bytes(_RAW, _RAW_PUB)
        self._rec_pub = recipient.public_bytes(_RAW, _RAW_PUB)
        self._shared = eph.exchange(recipient)

    def seal(self, plaintext: bytes, associated_data: bytes = b"") -> bytes:
        key = _derive(self._shared, self._eph_pub, self._rec_pub, associated_data)
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext, associated_data)
        return bytes([VERSION]) + self._eph_pub + nonce + sealed


def seal(recipient: X25519PublicKey, plaintext: bytes, associated_data: bytes = b"") -> bytes:
    return Sealer(recipient).seal(plaintext, associated_data)


def open_sealed(
    recipient: X25519PrivateKey, envelope: bytes, associated_data: bytes = b""
) -> bytes:
    if len(envelope) < 1 + 32 + 12 + 16 or envelope[0] != VERSION:
        raise SealError("not a sealed envelope of a known version")
    eph_pub, nonce, body = envelope[1:33], envelope[33:45], envelope[45:]
    rec_pub = recipient.public_key().public_bytes(_RAW, _RAW_PUB)
    try:
        key = _derive(
            recipient.exchange(X25519PublicKey.from_public_bytes(eph_pub)),
            eph_pub,
            rec_pub,
            associated_data,
        )
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise SealError("envelope does not open with this key") from exc
