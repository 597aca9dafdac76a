"""The terminal's two other users: village proxy agents (村级代办员) and technicians (运维).

Who may act at which hall comes from the platform, with what the terminal needs to check a
sign-in offline: a tag that recognises the operator's own ID card and a verifier for their PIN,
both scrypt hashes with per-operator salts (the platform keeps neither the PIN nor, on the
terminal, the ID number in clear). scrypt is memory-hard, so a stolen terminal's cache costs
hours per PIN guess list and days per ID number guess, and every sign-in still needs the card
(or, for technicians, their operator number) and the PIN. Pure: hashlib only.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.domain.identity import mask_name

# RFC 7914 parameters: 16 MiB and about 40 ms per hash on a kiosk-class CPU.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_LENGTH = 6


class Role(StrEnum):
    AGENT = "agent"
    TECHNICIAN = "technician"


class OperatorFormatError(ValueError):
    pass


def scrypt(
    secret: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    return hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32
    )


def pin_problem(pin: str) -> str | None:
    """Why a PIN is not acceptable (a message key), or None. Six digits, not all the same,
    not a run like 123456 or 654321."""
    if len(pin) != PIN_LENGTH or not pin.isdigit():
        return "operator.pin_format"
    if len(set(pin)) == 1:
        return "operator.pin_weak"
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {-1}):
        return "operator.pin_weak"
    return None


@dataclass(frozen=True)
class Credential:
    """What verifies an operator offline. Salts and hashes are raw bytes."""

    tag_salt: bytes
    tag_hash: bytes  # scrypt(ID number, tag_salt)
    pin_salt: bytes
    pin_hash: bytes  # scrypt("<operator_id>:<PIN>", pin_salt)
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def make(cls, operator_id: str, id_number: str, pin: str) -> Credential:
        tag_salt, pin_salt = os.urandom(16), os.urandom(16)
        return cls(
            tag_salt,
            scrypt(id_number.upper(), tag_salt),
            pin_salt,
            scrypt(f"{operator_id}:{pin}", pin_salt),
        )

    def card_matches(self, id_number: str) -> bool:
        return hmac.compare_digest(
            scrypt(id_number.upper(), self.tag_salt, self.n, self.r, self.p), self.tag_hash
        )

    def pin_matches(self, operator_id: str, pin: str) -> bool:
        return hmac.compare_digest(
            scrypt(f"{operator_id}:{pin}", self.pin_salt, self.n, self.r, self.p), self.pin_hash
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tag_salt": self.tag_salt.hex(),
            "tag_hash": self.tag_hash.hex(),
            "pin_salt": self.pin_salt.hex(),
            "pin_hash": self.pin_hash.hex(),
            "n": self.n,
            "r": self.r,
            "p": self.p,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Credential:
        try:
            n, r, p = int(d["n"]), int(d["r"]), int(d["p"])
            if n < 2**10 or n & (n - 1) or not (1 <= r <= 32 and 1 <= p <= 4):
                raise ValueError("scrypt parameters out of range")
            return cls(
                bytes.fromhex(d["tag_salt"]),
                bytes.fromhex(d["tag_hash"]),
                bytes.fromhex(d["pin_salt"]),
                bytes.fromhex(d["pin_hash"]),
                n,
                r,
                p,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise OperatorFormatError(f"operator credential: {type(exc).__name__}") from None


@dataclass(frozen=True)
class Operator:
    operator_id: str  # e.g. A0012 (agent) or T0003 (technician); printed on slips and worklists
    role: Role
    name: str
    hall_code: str  # "" for a technician who serves every hall of the county
    credential: Credential

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)

    def __repr__(self) -> str:
        return f"Operator({self.operator_id}, {self.role.value})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "operator_id": self.operator_id,
            "role": self.role.value,
            "name": self.name,
            "hall_code": self.hall_code,
            "credential": self.credential.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Operator:
        try:
            return cls(
                str(d["operator_id"]),
                Role(d["role"]),
                str(d["name"]),
                str(d.get("hall_code") or ""),
                Credential.from_dict(d["credential"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise OperatorFormatError(f"operator: {type(exc).__name__}") from None
