"""ISO/IEC 7816-4 APDUs: building commands, reading transparent files, status words to errors.

Pure functions plus one small reader over any `ApduChannel`, so the same code runs against
pcscd, the in-process card model and unit tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from kiosk.ports.card_reader import (
    CardNeedsPsam,
    CardReaderError,
    UnknownCardType,
)

MAX_FILE = 64 * 1024  # no identity file is bigger; guards against a looping card


@dataclass(frozen=True)
class Response:
    data: bytes
    sw: int  # SW1SW2 as one integer, e.g. 0x9000

    @property
    def sw_hex(self) -> str:
        return f"{self.sw:04X}"


class ApduChannel(Protocol):
    def transmit(self, apdu: bytes) -> Response:
        """Send one C-APDU, return the R-APDU. Raises CardRemovedDuringRead when the card
        goes away, CardReaderError for any other transport failure."""
        ...


def select_fid(fid: int, *, fcp: bool = True) -> bytes:
    """SELECT by file identifier (P1=00); P2=04 asks for the FCP, 0C for no data."""
    return bytes([0x00, 0xA4, 0x00, 0x04 if fcp else 0x0C, 2]) + fid.to_bytes(2, "big")


def select_aid(aid: bytes) -> bytes:
    """SELECT by DF name (P1=04), first or only occurrence, no data returned."""
    return bytes([0x00, 0xA4, 0x04, 0x0C, len(aid)]) + aid


def select_mf() -> bytes:
    return bytes([0x00, 0xA4, 0x00, 0x0C, 2, 0x3F, 0x00])


def read_binary(offset: int, le: int) -> bytes:
    """READ BINARY with a 15-bit offset (P1 bit 8 clear). Le 256 is coded as 00."""
    if not 0 <= offset < 0x8000:
        raise ValueError("offset out of range for a short READ BINARY")
    return bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, le & 0xFF])


def read_binary_sfi(sfi: int, le: int) -> bytes:
    """READ BINARY of the EF with short file identifier `sfi` (P1 = 100xxxxx), from offset 0."""
    return bytes([0x00, 0xB0, 0x80 | (sfi & 0x1F), 0x00, le & 0xFF])


def read_record(record: int, le: int = 0) -> bytes:
    """READ RECORD number `record` of the current EF (P2=04)."""
    return bytes([0x00, 0xB2, record & 0xFF, 0x04, le & 0xFF])


def get_response(le: int) -> bytes:
    return bytes([0x00, 0xC0, 0x00, 0x00, le & 0xFF])


# ISO 7816-4 section 5.6 status words the kiosk tells apart; everything else is "unreadable".
_SW_ERRORS: dict[int, type[CardReaderError]] = {
    0x6982: CardNeedsPsam,  # security status not satisfied: needs external authentication
    0x6985: CardNeedsPsam,  # conditions of use not satisfied
    0x6A81: UnknownCardType,  # function not supported
    0x6A82: UnknownCardType,  # file or application not found
    0x6D00: UnknownCardType,  # instruction not supported
    0x6E00: UnknownCardType,  # class not supported
}


def check(response: Response, what: str) -> Response:
    """Pass 9000 and 6282 (end of file reached before Le bytes); map the rest to errors."""
    if response.sw in (0x9000, 0x6282):
        return response
    error = _SW_ERRORS.get(response.sw, CardReaderError)
    raise error(f"{what}: SW {response.sw_hex}", vendor_code=f"SW={response.sw_hex}")


def exchange(channel: ApduChannel, apdu: bytes) -> Response:
    """Transmit, following 61xx (GET RESPONSE) and 6Cxx (wrong Le: repeat with Le=xx)."""
    response = channel.transmit(apdu)
    if response.sw >> 8 == 0x6C:
        response = channel.transmit(apdu[:-1] + bytes([response.sw & 0xFF]))
    data = response.data
    while response.sw >> 8 == 0x61:
        response = channel.transmit(get_response(response.sw & 0xFF))
        data += response.data
    return Response(data, response.sw)


def fcp_size(fcp: bytes) -> int | None:
    """File size from an FCP template (62 { 80 size | 81 size })."""
    for tag, value in parse_ber_tlv(fcp):
        if tag == 0x62:
            for inner, size in parse_ber_tlv(value):
                if inner in (0x80, 0x81):
                    return int.from_bytes(size, "big")
    return None


def read_transparent(channel: ApduChannel, size: int | None) -> bytes:
    """Read the current transparent EF with offsets until `size`, 6282 or 6B00 (offset past
    end of file). Raises CardReaderError on other status words."""
    out = bytearray()
    while size is None or len(out) < size:
        if len(out) >= MAX_FILE:
            raise CardReaderError("file larger than any identity file")
        want = 256 if size is None else min(256, size - len(out))
        response = exchange(channel, read_binary(len(out), want))
        if response.sw == 0x6B00 and len(out) > 0:
            break
        check(response, "READ BINARY")
        out += response.data
        if response.sw == 0x6282 or not response.data:
            break
    return bytes(out)


def read_ef(channel: ApduChannel, fid: int) -> bytes:
    """SELECT an EF (asking for its FCP to learn the size) and read it whole."""
    selected = check(exchange(channel, select_fid(fid)), f"SELECT {fid:04X}")
    return read_transparent(channel, fcp_size(selected.data))


def parse_ber_tlv(data: bytes) -> Iterator[tuple[int, bytes]]:
    """BER-TLV (ISO 7816-4 annex D): multi-byte tags, 81/82 long lengths; 00/FF padding skipped."""
    i = 0
    while i < len(data):
        if data[i] in (0x00, 0xFF):
            i += 1
            continue
        tag = data[i]
        i += 1
        if tag & 0x1F == 0x1F:
            while True:
                if i >= len(data):
                    raise CardReaderError("truncated BER-TLV tag")
                tag = (tag << 8) | data[i]
                i += 1
                if not data[i - 1] & 0x80:
                    break
        if i >= len(data):
            raise CardReaderError("truncated BER-TLV length")
        length = data[i]
        i += 1
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(data[i : i + count], "big")
            i += count
        if i + length > len(data):
            raise CardReaderError("BER-TLV value runs past the data")
        yield tag, data[i : i + length]
        i += length


def build_ber_tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return tag_bytes + length + value
