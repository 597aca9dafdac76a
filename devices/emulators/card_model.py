"""An ISO/IEC 7816-4 card in memory: a file tree and an APDU interpreter.

The vpcd virtual card (`vcard.py`) serves it to pcscd; unit tests use it directly as an
`ApduChannel`. Profiles: the kiosk test card, the social-security card, and an unknown card.
Supported: SELECT by FID (P1 00/02), by DF name (04) and by path from the MF (08), with FCP
(P2 00/04) or without (0C); READ BINARY with a 15-bit offset or an SFI; READ RECORD (P2 04);
6282 at end of file (or 6Cxx in strict-Le mode), 6B00 past it, 6A82, 6982, 6D00, 6E00.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from devices.emulators.people import Person, photo_jpeg
from devices.pcsc.apdu import Response, build_ber_tlv
from devices.pcsc.profiles import SSSE_AID, TEST_CARD_AID

ATR_TEST_CARD = bytes.fromhex("3B8A80014B494F534B49442D30317F")  # "KIOSKID-01"
ATR_SOCIAL = bytes.fromhex("3B6800000073C84013009000")  # an SSC-like T=0 ATR
ATR_UNKNOWN = bytes.fromhex("3B8880014243415244303189")  # "BCARD01": nobody's card


@dataclass
class Node:
    fid: int
    data: bytes = b""
    records: dict[int, bytes] | None = None  # record files: record id -> record (TLV)
    sfi: int = 0
    aid: bytes = b""
    protected: bool = False  # reading needs external authentication (PSAM)
    children: dict[int, Node] = field(default_factory=dict)

    @property
    def is_df(self) -> bool:
        return bool(self.children) or bool(self.aid) or self.fid == 0x3F00

    def fcp(self) -> bytes:
        size = len(self.data) if self.records is None else len(self.records)
        body = build_ber_tlv(0x80, size.to_bytes(2, "big")) + build_ber_tlv(
            0x83, self.fid.to_bytes(2, "big")
        )
        return build_ber_tlv(0x62, body)


class CardModel:
    """Interprets C-APDUs against a file tree. Not thread-safe: one card, one reader."""

    def __init__(self, atr: bytes, mf: Node, *, strict_le: bool = False) -> None:
        self.atr = atr
        self.mf = mf
        self.strict_le = strict_le
        self.current_df = mf
        self.current_ef: Node | None = None

    def transmit(self, apdu: bytes) -> Response:
        data, sw = self._process(apdu)
        return Response(data, sw)

    def process(self, apdu: bytes) -> bytes:
        data, sw = self._process(apdu)
        return data + sw.to_bytes(2, "big")

    def _process(self, apdu: bytes) -> tuple[bytes, int]:
        if len(apdu) < 4:
            return b"", 0x6700
        cla, ins, p1, p2 = apdu[:4]
        body = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
        le = (apdu[4] or 256) if len(apdu) == 5 else 256
        if cla != 0x00:
            return b"", 0x6E00
        if ins == 0xA4:
            return self._select(p1, p2, body)
        if ins == 0xB0:
            return self._read_binary(p1, p2, le)
        if ins == 0xB2:
            return self._read_record(p1, p2)
        return b"", 0x6D00

    def _select(self, p1: int, p2: int, body: bytes) -> tuple[bytes, int]:
        found: Node | None = None
        if p1 == 0x04:
            found = _find_aid(self.mf, body)
        elif p1 in (0x00, 0x02) and len(body) == 2:
            fid = int.from_bytes(body, "big")
            found = self.mf if fid == 0x3F00 else self.current_df.children.get(fid)
        elif p1 == 0x08:
            found = self.mf
            for i in range(0, len(body), 2):
                found = (
                    found.children.get(int.from_bytes(body[i : i + 2], "big")) if found else None
                )
        if found is None:
            return b"", 0x6A82
        if found.is_df:
            self.current_df, self.current_ef = found, None
        else:
            self.current_ef = found
        return (b"" if p2 == 0x0C else found.fcp()), 0x9000

    def _read_binary(self, p1: int, p2: int, le: int) -> tuple[bytes, int]:
        if p1 & 0x80:
            ef = next((n for n in self.current_df.children.values() if n.sfi == p1 & 0x1F), None)
            if ef is None:
                return b"", 0x6A82
            self.current_ef, offset = ef, p2
        else:
            ef, offset = self.current_ef, (p1 << 8) | p2
        if ef is None or ef.records is not None:
            return b"", 0x6986  # no current transparent EF
        if ef.protected:
            return b"", 0x6982
        if offset > len(ef.data):
            return b"", 0x6B00
        chunk = ef.data[offset : offset + le]
        if len(chunk) < le:
            return (b"", 0x6C00 | len(chunk)) if self.strict_le else (chunk, 0x6282)
        return chunk, 0x9000

    def _read_record(self, p1: int, p2: int) -> tuple[bytes, int]:
        ef = self.current_ef
        if ef is None or ef.records is None or p2 & 0x07 != 0x04:
            return b"", 0x6986
        if ef.protected:
            return b"", 0x6982
        record = ef.records.get(p1)
        return (record, 0x9000) if record is not None else (b"", 0x6A83)


def _find_aid(node: Node, aid: bytes) -> Node | None:
    if node.aid == aid:
        return node
    for child in node.children.values():
        hit = _find_aid(child, aid)
        if hit is not None:
            return hit
    return None


def identity_json(person: Person) -> bytes:
    record = {
        "schema_version": 1,
        "name": person.name,
        "id_number": person.id_number,
        "sex": person.sex.value,
        "ethnicity_code": person.ethnicity_code,
        "birth_date": person.birth_date.isoformat(),
        "address": person.address,
        "issuing_authority": person.issuing_authority,
        "valid_from": person.valid_from.isoformat(),
        "valid_until": person.valid_until.isoformat() if person.valid_until else None,
    }
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def identity_tlv(person: Person) -> bytes:
    fields = [
        (0x5F01, person.name.encode("utf-8")),
        (0x5F02, person.id_number.encode("ascii")),
        (0x5F03, person.address.encode("utf-8")),
        (0x5F04, person.birth_date.strftime("%Y%m%d").encode("ascii")),
    ]
    return build_ber_tlv(0x61, b"".join(build_ber_tlv(t, v) for t, v in fields))


def kiosk_test_card(person: Person, *, strict_le: bool = False) -> CardModel:
    app = Node(0x1000, aid=TEST_CARD_AID)
    app.children = {
        0x0101: Node(0x0101, identity_json(person), sfi=1),
        0x0102: Node(0x0102, photo_jpeg(person.sequence), sfi=2),
        0x0103: Node(0x0103, identity_tlv(person), sfi=3),
    }
    return CardModel(ATR_TEST_CARD, Node(0x3F00, children={0x1000: app}), strict_le=strict_le)


def _bcd(digits: str) -> bytes:
    return bytes.fromhex(digits)


def _tlv(tag: int, value: bytes) -> bytes:
    return bytes([tag, len(value)]) + value


def social_card(person: Person, *, psam_protected: bool = True) -> CardModel:
    """MF/EF05 card identification (free to read); DDF1 SSSE/EF06 holder basic information,
    protected by external authentication as on real cards unless `psam_protected` is False."""
    until = person.valid_until.strftime("%Y%m%d") if person.valid_until else "99991231"
    ef05 = {
        1: _tlv(1, b"1" + person.region.encode() + b"D156000005" + b"0001"),  # 识别码
        2: _tlv(2, b"3"),  # 卡的类别
        3: _tlv(3, b"3.00"),  # 规范版本
        4: _tlv(4, person.region.encode().ljust(12, b"0")),  # 初始化机构编号
        5: _tlv(5, _bcd(person.valid_from.strftime("%Y%m%d"))),  # 发卡日期
        6: _tlv(6, _bcd(until)),  # 卡有效期
        7: _tlv(7, b"A" + person.id_number[-8:].encode()),  # 卡号
    }
    ef06 = {
        8: _tlv(8, person.id_number.encode("ascii")),  # 社会保障号码
        9: _tlv(9, person.name.encode("gb18030").ljust(30, b" ")),  # 姓名
        10: _tlv(10, person.sex.value.encode()),  # 性别
        11: _tlv(11, person.ethnicity_code.encode()),  # 民族
        12: _tlv(12, _bcd(person.region)),  # 出生地 (region code)
        13: _tlv(13, _bcd(person.birth_date.strftime("%Y%m%d"))),  # 出生日期
    }
    ssse = Node(0x1001, aid=SSSE_AID)
    ssse.children = {0xEF06: Node(0xEF06, records=ef06, protected=psam_protected)}
    mf = Node(0x3F00, children={0xEF05: Node(0xEF05, records=ef05), 0x1001: ssse})
    return CardModel(ATR_SOCIAL, mf)


def unknown_card() -> CardModel:
    return CardModel(ATR_UNKNOWN, Node(0x3F00, children={0x2F00: Node(0x2F00, b"\x61\x00")}))
