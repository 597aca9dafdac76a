"""The wire contract's pure parts: signing, sealing, record hashing."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.contract.records import record_content_hash
from kiosk.contract.sealing import Sealer, SealError, open_sealed, seal
from kiosk.contract.signing import sign_request, verify_request


def test_a_signed_request_verifies_and_any_change_breaks_it():
    key = Ed25519PrivateKey.generate()
    h = sign_request(key, "K7Q2M", "POST", "/v1/records", b'{"a":1}', 1_700_000_000)
    args = ("POST", "/v1/records", b'{"a":1}', h.timestamp, h.nonce, h.signature)
    assert verify_request(key.public_key(), *args)
    assert not verify_request(key.public_key(), "POST", "/v1/records", b'{"a":2}', *args[3:])
    assert not verify_request(key.public_key(), "GET", *args[1:])
    assert not verify_request(Ed25519PrivateKey.generate().public_key(), *args)
    assert not verify_request(key.public_key(), *args[:5], "not-base64!")


def test_sealed_data_opens_only_with_the_platform_key_and_its_record_id():
    platform = X25519PrivateKey.generate()
    secret = "买买提·艾力 𠀀 110101199003077777".encode()
    env = seal(platform.public_key(), secret, b"record-1")
    assert secret not in env
    assert open_sealed(platform, env, b"record-1") == secret
    with pytest.raises(SealError):
        open_sealed(platform, env, b"record-2")
    with pytest.raises(SealError):
        open_sealed(X25519PrivateKey.generate(), env, b"record-1")
    with pytest.raises(SealError):
        open_sealed(platform, env[:-1] + bytes([env[-1] ^ 1]), b"record-1")
    with pytest.raises(SealError):
        open_sealed(platform, b"\x01short")


def test_the_parts_of_one_record_share_a_key_exchange_yet_each_opens_on_its_own():
    platform = X25519PrivateKey.generate()
    sealer = Sealer(platform.public_key())
    page, payload = b"page bytes" * 100, b'{"name": "x"}'
    sealed_page, sealed_payload = sealer.seal(page, b"page-1.jpg"), sealer.seal(payload, b"r-1")
    assert open_sealed(platform, sealed_page, b"page-1.jpg") == page
    assert open_sealed(platform, sealed_payload, b"r-1") == payload
    with pytest.raises(SealError):  # the associated data still binds each part
        open_sealed(platform, sealed_page, b"r-1")
    assert sealer.seal(page, b"page-1.jpg") != sealed_page  # a fresh nonce every time
    # Another record's sealer seals the same page to other bytes (another ephemeral key).
    other = Sealer(platform.public_key()).seal(page, b"page-1.jpg")
    assert other[1:33] != sealed_page[1:33]


def test_the_content_hash_ignores_its_own_field_and_key_order():
    a = {"id": "x", "kind": "submission", "meta": {"b": 1, "a": "张三"}}
    b = {"meta": {"a": "张三", "b": 1}, "kind": "submission", "id": "x", "content_hash": "zz"}
    assert record_content_hash(a) == record_content_hash(b)
    assert record_content_hash(a) != record_content_hash({**a, "kind": "evaluation"})
