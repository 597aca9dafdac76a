"""The resident ID card SAM reader's serial frame protocol (GA 467 style), pure functions.

Command:  AA AA AA 96 69 | LEN (2, big-endian) | CMD | PARA | DATA | CHK
Response: AA AA AA 96 69 | LEN (2, big-endian) | SW1 SW2 SW3 | DATA | CHK
LEN counts everything after itself including CHK; CHK is the XOR of the LEN bytes and
everything after them up to CHK. SW1 SW2 are 00 00; SW3 is the result code below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from devices.idreader.codes import ethnicity_code, sex_from_code
from kiosk.domain.identity import CardKind, Identity
from kiosk.ports.card_reader import CardReaderError

PREAMBLE = bytes.fromhex("AAAAAA9669")

FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)

# SW3 result codes published for the SAM (GA 467 and vendor manuals).
SW3_OK = 0x90  # 操作成功
SW3_NO_CONTENT = 0x91  # 无内容 (e.g. no fingerprint / no extra address)
SW3_FIND_OK = 0x9F  # 寻找证/卡成功
SW3_NAMES: dict[int, str] = {
    0x10: "checksum error in the host's frame",
    0x11: "length error in the host's frame",
    0x21: "command error",
    0x23: "unauthorised operation",
    0x24: "unrecognised error",
    0x31: "card failed to authenticate the reader",
    0x32: "reader failed to authenticate the card",
    0x33: "information verification error",
    0x40: "unknown card type",
    0x41: "reading the card failed",
    0x47: "get challenge failed",
    0x60: "SAM self-test failed",
    0x66: "SAM not authorised",
    0x80: "finding the card failed (no card)",
    0x81: "selecting the card failed",
    0x90: "success",
    0x91: "no content",
    0x9F: "card found",
}
TEXT_BYTES = 256
PHOTO_BYTES = 1024  # the photo, compressed in the vendor's "wlt" format (decoded to 102x126)

# Text block layout: (field, offset, length) in bytes of UCS-2LE, space padded.
TEXT_FIELDS = (
    ("name", 0, 30),
    ("sex", 30, 2),
    ("ethnicity", 32, 4),
    ("birth", 36, 16),
    ("address", 52, 70),
    ("id_number", 122, 36),
    ("authority", 158, 30),
    ("valid_from", 188, 16),
    ("valid_until", 204, 16),
)
LONG_TERM = "长期"


class FrameError(CardReaderError):
    """A frame was cut short, garbled or failed its check byte."""

    message_key = "reader.error"


def xor(data: bytes) -> int:
    value = 0
    for byte in data:
        value ^= byte
    return value


def command_frame(cmd: int, para: int, data: bytes = b"") -> bytes:
    body = bytes([cmd, para]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor(length + body)])


def response_frame(sw3: int, data: bytes = b"") -> bytes:
    body = bytes([0x00, 0x00, sw3]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor(length + body)])


@dataclass(frozen=True)
class Frame:
    """A parsed frame body: for commands head = (CMD, PARA), for responses (SW1, SW2, SW3)."""

    length: bytes
    body: bytes

    def check(self, chk: int) -> None:
        if xor(self.length + self.body) != chk:
            raise FrameError("check byte mismatch")


@dataclass(frozen=True)
class ReadResult:
    text: bytes
    photo: bytes


def split_read_data(data: bytes) -> ReadResult:
    """Data of a 30 01 answer: text length (2), photo length (2), text, photo."""
    if len(data) < 4:
        raise FrameError("read answer too short")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    if len(data) < 4 + text_len + photo_len or text_len < TEXT_BYTES:
        raise FrameError("read answer shorter than its declared lengths")
    return ReadResult(data[4 : 4 + text_len], data[4 + text_len : 4 + text_len + photo_len])


def _yyyymmdd(text: str) -> date:
    try:
        return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise CardReaderError("bad date in the card text") from exc


def parse_text(
    text: bytes, photo_jpeg: bytes | None, photo_unavailable_reason: str = ""
) -> Identity:
    """The 256-byte UCS-2LE text block into an Identity. Rare characters stay as the card's
    Private Use Area code points: UCS-2 cannot hold characters outside the BMP."""
    if len(text) < TEXT_BYTES:
        raise FrameError("text block too short")
    try:
        fields = {
            name: text[start : start + size].decode("utf-16-le").strip(" \x00")
            for name, start, size in TEXT_FIELDS
        }
    except UnicodeDecodeError as exc:
        raise CardReaderError("text block is not UCS-2") from exc
    until = fields["valid_until"]
    return Identity(
        name=fields["name"],
        id_number=fields["id_number"].upper(),
        sex=sex_from_code(fields["sex"]),
        ethnicity_code=ethnicity_code(fields["ethnicity"]),
        birth_date=_yyyymmdd(fields["birth"]),
        address=fields["address"],
        issuing_authority=fields["authority"],
        valid_from=_yyyymmdd(fields["valid_from"]),
        valid_until=None if until.startswith(LONG_TERM) else _yyyymmdd(until),
        card_kind=CardKind.RESIDENT_ID,
        photo_jpeg=photo_jpeg,
        photo_unavailable_reason="" if photo_jpeg else photo_unavailable_reason,
    )


def build_text(values: dict[str, str]) -> bytes:
    """The inverse of parse_text, for the emulator: each field space padded to its width."""
    out = bytearray(b" \x00" * (TEXT_BYTES // 2))
    for name, start, size in TEXT_FIELDS:
        raw = values[name].encode("utf-16-le")
        if len(raw) > size or any(ord(c) > 0xFFFF for c in values[name]):
            raise ValueError(f"{name} does not fit the UCS-2 field")
        out[start : start + len(raw)] = raw
    return bytes(out)
