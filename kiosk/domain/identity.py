"""The applicant's identity as read from a card.

Every reader (resident ID card reader, PC/SC social-security card, the kiosk's own test card)
produces this one type; services never see how it was read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class Sex(enum.Enum):
    """GB/T 2261.1 codes, as the resident ID card stores them."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSPECIFIED = "9"


class CardKind(enum.Enum):
    RESIDENT_ID = "resident_id"  # 居民身份证 (second generation), read through a SAM reader
    SOCIAL_SECURITY = "social_security"  # 社会保障卡, PC/SC
    KIOSK_TEST = "kiosk_test"  # the kiosk's own ISO 7816-4 test card profile


def mask_name(name: str) -> str:
    """张* / 买买* : the first character(s) kept, the rest hidden, for receipts and lists."""
    chars = list(name)  # code points, so a name with 𠀀 is cut on a character boundary
    if len(chars) <= 1:
        return "*"
    keep = 1 if len(chars) <= 3 else 2
    return "".join(chars[:keep]) + "*" * min(len(chars) - keep, 3)


@dataclass(frozen=True)
class Identity:
    """One person as their card states it. Holds personal data: never log it, never str() it."""

    name: str
    id_number: str
    sex: Sex
    ethnicity_code: str  # GB 3304 two-digit code, e.g. "01" 汉族; "" when the card has none
    birth_date: date
    address: str
    issuing_authority: str
    valid_from: date | None
    valid_until: date | None  # None means 长期 (long-term)
    card_kind: CardKind
    photo_jpeg: bytes | None = field(default=None, repr=False)
    # Why there is no photo, as a message key (e.g. "card.photo_unavailable_no_decoder").
    photo_unavailable_reason: str = ""

    def __repr__(self) -> str:  # personal data must never reach a log through repr()
        return f"Identity(card_kind={self.card_kind.value}, masked={self.masked_name})"

    __str__ = __repr__

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)

    def is_expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until < today
