"""Card profiles: how to find out what a card is, and how to read an Identity from it.

Each profile probes with SELECT (by AID) and, on 9000, reads the card. A card no profile
recognises raises UnknownCardType. All work runs on the caller's thread (the reader's
monitor thread) and fails with CardReaderError subclasses; nothing partial is returned.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Protocol

from devices.idreader.codes import ethnicity_code, sex_from_code
from devices.pcsc.apdu import (
    ApduChannel,
    check,
    exchange,
    parse_ber_tlv,
    read_ef,
    read_record,
    select_aid,
    select_fid,
    select_mf,
)
from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.ports.card_reader import CardReaderError, UnknownCardType

TEST_CARD_AID = bytes.fromhex("A0000000014944")
# 社会保障卡规范: DDF1 named "sx1.sh.社会保障" (the name bytes are GBK).
SSSE_AID = b"sx1.sh." + "社会保障".encode("gbk")


class CardProfile(Protocol):
    name: str

    def probe(self, channel: ApduChannel) -> bool:
        """True when the card holds this profile's application (selects it as a side effect)."""
        ...

    def read(self, channel: ApduChannel) -> Identity: ...


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CardReaderError("bad date on card") from exc


class KioskTestCardProfile:
    """The kiosk's own test card: EF 0101 identity JSON, 0102 photo JPEG, 0103 BER-TLV."""

    name = "kiosk_test"

    def probe(self, channel: ApduChannel) -> bool:
        return exchange(channel, select_aid(TEST_CARD_AID)).sw == 0x9000

    def read(self, channel: ApduChannel) -> Identity:
        raw = read_ef(channel, 0x0101)
        photo = read_ef(channel, 0x0102)
        tlv = read_ef(channel, 0x0103)
        try:
            record = json.loads(raw.decode("utf-8"))
            identity = Identity(
                name=record["name"],
                id_number=record["id_number"],
                sex=Sex(record["sex"]),
                ethnicity_code=ethnicity_code(record.get("ethnicity_code", "")),
                birth_date=_date(record["birth_date"]),
                address=record["address"],
                issuing_authority=record.get("issuing_authority", ""),
                valid_from=_date(record["valid_from"]) if record.get("valid_from") else None,
                valid_until=_date(record["valid_until"]) if record.get("valid_until") else None,
                card_kind=CardKind.KIOSK_TEST,
                photo_jpeg=photo or None,
                photo_unavailable_reason="" if photo else "card.photo_unavailable",
            )
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise CardReaderError(f"identity file unreadable: {type(exc).__name__}") from exc
        # The TLV copy must agree with the JSON: a torn or mixed-up card is rejected whole.
        outer = dict(parse_ber_tlv(tlv)).get(0x61, b"")
        fields = dict(parse_ber_tlv(outer))
        if (
            fields.get(0x5F02, b"").decode("ascii", "replace") != identity.id_number
            or fields.get(0x5F01, b"").decode("utf-8", "replace") != identity.name
        ):
            raise CardReaderError("identity TLV disagrees with identity JSON")
        return identity


def _records(channel: ApduChannel, tags: range) -> dict[int, bytes]:
    """Read TLV records by identifier from the current record EF: {tag: value}."""
    out: dict[int, bytes] = {}
    for tag in tags:
        response = exchange(channel, read_record(tag))
        if response.sw == 0x6A83:  # record not found: optional field absent
            continue
        check(response, f"READ RECORD {tag:02X}")
        for found, value in _simple_tlv(response.data):
            out[found] = value
    return out


def _simple_tlv(data: bytes) -> list[tuple[int, bytes]]:
    """Simple-TLV (1-byte tag, 1-byte length) as the social-security card's records use."""
    out, i = [], 0
    while i + 2 <= len(data):
        tag, length = data[i], data[i + 1]
        out.append((tag, data[i + 2 : i + 2 + length]))
        i += 2 + length
    return out


def _bcd_date(value: bytes) -> date | None:
    text = value.hex()
    if text in ("99991231", "00000000", ""):
        return None  # long-term / not set
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise CardReaderError("bad BCD date on card") from exc


class SocialSecurityProfile:
    """社会保障卡 basic information. MF/EF05 (card identification: issue date and validity)
    is free to read. DDF1 SSSE/EF06 (社会保障号码, 姓名, 性别, 民族, 出生地, 出生日期) needs
    external authentication with a PSAM on issued cards: the card answers 6982 and the read
    fails with card.needs_psam. The card carries no address and no issuing authority."""

    name = "social_security"

    def probe(self, channel: ApduChannel) -> bool:
        exchange(channel, select_mf())
        return exchange(channel, select_aid(SSSE_AID)).sw == 0x9000

    def read(self, channel: ApduChannel) -> Identity:
        check(exchange(channel, select_mf()), "SELECT MF")
        check(exchange(channel, select_fid(0xEF05, fcp=False)), "SELECT EF05")
        card = _records(channel, range(0x01, 0x08))
        check(exchange(channel, select_aid(SSSE_AID)), "SELECT SSSE")
        check(exchange(channel, select_fid(0xEF06, fcp=False)), "SELECT EF06")
        basic = _records(channel, range(0x08, 0x0E))
        try:
            birth = _bcd_date(basic[0x0D])
            if birth is None:
                raise CardReaderError("no birth date on card")
            return Identity(
                name=basic[0x09].decode("gb18030").strip(),
                id_number=basic[0x08].decode("ascii").strip(),
                sex=sex_from_code(basic.get(0x0A, b"0").decode("ascii")),
                ethnicity_code=ethnicity_code(basic.get(0x0B, b"").decode("ascii")),
                birth_date=birth,
                address="",
                issuing_authority="",
                valid_from=_bcd_date(card.get(0x05, b"")),
                valid_until=_bcd_date(card.get(0x06, b"")),
                card_kind=CardKind.SOCIAL_SECURITY,
                photo_unavailable_reason="card.photo_unavailable",
            )
        except (KeyError, UnicodeDecodeError) as exc:
            raise CardReaderError(f"basic information incomplete: {type(exc).__name__}") from exc


DEFAULT_PROFILES: tuple[CardProfile, ...] = (KioskTestCardProfile(), SocialSecurityProfile())


def read_identity(
    channel: ApduChannel, profiles: tuple[CardProfile, ...] = DEFAULT_PROFILES
) -> Identity:
    """Probe each profile in turn and read with the first that recognises the card."""
    for profile in profiles:
        if profile.probe(channel):
            return profile.read(channel)
    raise UnknownCardType("no profile recognises this card")
