"""Decode an ESC/POS byte stream into what a printer would do with it.

Incremental: `parse_command(buf, pos, final)` returns None when the command at `pos` is not
complete yet, so the network emulator can answer DLE EOT status queries as they arrive without
mistaking raster data for commands. Covers what python-escpos emits: text (ASCII and raw
GB18030), ESC/GS/FS settings, GS v 0 and GS ( L raster images, GS ( k QR codes, GS k
barcodes, GS V cuts, ESC d feeds and DLE EOT/ENQ/DC4 real-time commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
# ESC commands with a fixed number of parameter bytes.
_ESC_ARGS = {
    0x40: 0,
    0x74: 1,
    0x21: 1,
    0x45: 1,
    0x47: 1,
    0x61: 1,
    0x64: 1,
    0x4A: 1,
    0x2D: 1,
    0x32: 0,
    0x33: 1,
    0x4D: 1,
    0x56: 1,
    0x7B: 1,
    0x52: 1,
    0x20: 1,
    0x70: 3,
    0x63: 2,
    0x72: 1,
    0x55: 1,
    0x24: 2,
    0x5C: 2,
    0x69: 0,
    0x6D: 0,
    0x44: -1,
    0x65: 1,
}
_GS_ARGS = {
    0x21: 1,
    0x42: 1,
    0x48: 1,
    0x66: 1,
    0x68: 1,
    0x77: 1,
    0x4C: 2,
    0x57: 2,
    0x61: 1,
    0x72: 1,
    0x49: 1,
    0x62: 1,
    0x50: 2,
    0x24: 2,
}
_FS_ARGS = {0x26: 0, 0x2E: 0, 0x43: 1, 0x21: 1, 0x57: 1, 0x2D: 1, 0x53: 2, 0x3F: 2}


@dataclass(frozen=True)
class Command:
    kind: str  # text, newline, image, qr, barcode, cut, feed, status_query, setting
    start: int
    end: int
    text: str = ""
    image: Image.Image | None = None
    number: int = 0  # status query n, feed lines, cut mode


@dataclass
class DecodedJob:
    commands: list[Command] = field(default_factory=list)
    byte_count: int = 0

    @property
    def text(self) -> str:
        parts = [
            c.text if c.kind == "text" else "\n"
            for c in self.commands
            if c.kind in ("text", "newline")
        ]
        return "".join(parts)

    @property
    def images(self) -> list[Image.Image]:
        return [c.image for c in self.commands if c.image is not None]

    @property
    def qr_payloads(self) -> list[str]:
        return [c.text for c in self.commands if c.kind == "qr"]

    @property
    def barcodes(self) -> list[str]:
        return [c.text for c in self.commands if c.kind == "barcode"]

    @property
    def cuts(self) -> int:
        return sum(1 for c in self.commands if c.kind == "cut")

    def to_json(self) -> dict[str, object]:
        return {
            "bytes": self.byte_count,
            "text": self.text,
            "images": [list(img.size) for img in self.images],
            "qr": self.qr_payloads,
            "barcodes": self.barcodes,
            "cuts": self.cuts,
        }


def _u16(buf: bytes, at: int) -> int:
    return buf[at] | (buf[at + 1] << 8)


def _raster(width_bytes: int, height: int, data: bytes) -> Image.Image:
    # ESC/POS raster: 1 bit = black dot; PIL mode "1" from raw bits: 1 = white, so invert.
    img = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in data))
    return img


def _text(buf: bytes, pos: int, final: bool) -> Command | None:
    end = pos
    while end < len(buf) and buf[end] >= 0x20 and buf[end] != 0x7F:
        end += 1
    if end == len(buf) and not final:
        return None  # a GB18030 sequence may continue in the next chunk
    # python-escpos sends CJK as raw GB18030 (no FS &); ASCII is a subset of it.
    return Command("text", pos, end, text=buf[pos:end].decode("gb18030", errors="replace"))


def _gs_paren(buf: bytes, pos: int) -> Command | None:
    if pos + 5 > len(buf):
        return None
    cmd, size = buf[pos + 2], _u16(buf, pos + 3)
    end = pos + 5 + size
    if end > len(buf):
        return None
    params = buf[pos + 5 : end]
    if cmd == 0x6B and size >= 3 and params[0] == 49 and params[1] == 80:  # QR store data
        return Command("qr_store", pos, end, text=params[3:].decode("utf-8", errors="replace"))
    if cmd == 0x6B and size >= 3 and params[0] == 49 and params[1] == 81:  # QR print
        return Command("qr_print", pos, end)
    if cmd == 0x4C and size >= 10 and params[1] == 112:  # GS ( L graphics store, raster
        width, height = _u16(params, 6), _u16(params, 8)
        img = _raster((width + 7) // 8, height, params[10:])
        return Command("image", pos, end, image=img)
    return Command("setting", pos, end)


def _gs(buf: bytes, pos: int) -> Command | None:
    if pos + 2 > len(buf):
        return None
    op = buf[pos + 1]
    if op == 0x76:  # GS v 0 m xL xH yL yH d...
        if pos + 8 > len(buf):
            return None
        width_bytes, height = _u16(buf, pos + 4), _u16(buf, pos + 6)
        end = pos + 8 + width_bytes * height
        if end > len(buf):
            return None
        return Command("image", pos, end, image=_raster(width_bytes, height, buf[pos + 8 : end]))
    if op == 0x28:
        return _gs_paren(buf, pos)
    if op == 0x56:  # GS V m [n]
        if pos + 3 > len(buf):
            return None
        mode = buf[pos + 2]
        end = pos + (4 if mode >= 65 else 3)
        return None if end > len(buf) else Command("cut", pos, end, number=mode)
    if op == 0x6B:  # GS k m ...
        if pos + 4 > len(buf):
            return None
        kind = buf[pos + 2]
        if kind <= 6:
            nul = buf.find(b"\x00", pos + 3)
            if nul < 0:
                return None
            data, end = buf[pos + 3 : nul], nul + 1
        else:
            end = pos + 4 + buf[pos + 3]
            if end > len(buf):
                return None
            data = buf[pos + 4 : end]
        if kind == 73 and data[:1] == b"{":  # CODE128 starts with a code-set selector
            data = data[2:]
        text = data.decode("ascii", errors="replace")
        return Command("barcode", pos, end, text=text)
    args = _GS_ARGS.get(op, 1)
    end = pos + 2 + args
    return None if end > len(buf) else Command("setting", pos, end)


def parse_command(buf: bytes, pos: int, final: bool = False) -> Command | None:
    """The command starting at buf[pos], or None if more bytes are needed."""
    byte = buf[pos]
    if byte == 0x0A:
        return Command("newline", pos, pos + 1)
    if byte >= 0x20:
        return _text(buf, pos, final)
    if byte in (ESC, FS, DLE) and pos + 2 > len(buf):
        return None
    if byte == ESC:
        op = buf[pos + 1]
        if op == 0x2A:  # ESC * m nL nH d... (column image)
            if pos + 5 > len(buf):
                return None
            dots = _u16(buf, pos + 3)
            end = pos + 5 + dots * (3 if buf[pos + 2] >= 32 else 1)
            return None if end > len(buf) else Command("setting", pos, end)
        if op == 0x44:  # ESC D n1..nk NUL (tab stops)
            nul = buf.find(b"\x00", pos + 2)
            return None if nul < 0 else Command("setting", pos, nul + 1)
        end = pos + 2 + _ESC_ARGS.get(op, 0)
        if end > len(buf):
            return None
        kind = "feed" if op == 0x64 else "setting"
        return Command(kind, pos, end, number=buf[end - 1] if op == 0x64 else 0)
    if byte == GS:
        return _gs(buf, pos)
    if byte == FS:
        end = pos + 2 + _FS_ARGS.get(buf[pos + 1], 0)
        return None if end > len(buf) else Command("setting", pos, end)
    if byte == DLE:
        op = buf[pos + 1]
        end = pos + (5 if op == 0x14 else 3)
        if end > len(buf):
            return None
        kind = "status_query" if op == 0x04 else "setting"
        return Command(kind, pos, end, number=buf[pos + 2])
    return Command("setting", pos, pos + 1)  # CR, HT and other single control bytes


def decode(buf: bytes) -> DecodedJob:
    """Decode a complete job; a truncated last command is dropped."""
    job = DecodedJob(byte_count=len(buf))
    pos = 0
    pending_qr = ""
    while pos < len(buf):
        cmd = parse_command(buf, pos, final=True)
        if cmd is None:
            break
        if cmd.kind == "qr_store":
            pending_qr = cmd.text
        elif cmd.kind == "qr_print":
            job.commands.append(Command("qr", cmd.start, cmd.end, text=pending_qr))
        elif cmd.kind not in ("setting", "status_query"):
            job.commands.append(cmd)
        pos = cmd.end
    return job
