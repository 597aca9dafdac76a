"""Lay a Receipt out as a 1-bit raster with Pillow and a CJK font.

All text is rendered here, not by the printer: python-escpos sends CJK as raw GB18030 with no
mode command, which prints only on printers already in Chinese mode. A raster printed with
GS v 0 works on any ESC/POS printer whatever its code page.

Pure functions; safe on any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.domain.receipt import Receipt
from kiosk.domain.slip import Slip
from kiosk.fonts import CJK, font_path

LINE_SPACING = 1.35  # at least 1.3: thermal print of dense CJK smears below that
MARGIN_DOTS = 8
# U+3013 GETA MARK is the typesetter's mark for a character the font does not have.
MISSING_GLYPH_PLACEHOLDER = "\u3013"
_NOTDEF_PROBE = "\U0010fffd"  # a private-use code point no font draws: yields .notdef
_ASCII_WORD = re.compile(r"[\x21-\x7e]+ *| +")
# Chinese line-breaking rule: these never start a line, so they stay with the character before.
_NO_LINE_START = set("。，、；：？！）》」』】〕”’%．,.;:?!)")


@dataclass(frozen=True)
class ReceiptLabels:
    """The fixed words of the layout; the receipt's own texts come already translated."""

    item: str = "办理事项"
    receipt_no: str = "回执编号"
    issued_at: str = "受理时间"
    terminal: str = "受理终端"
    hall: str = "服务网点"
    applicant: str = "申请人"
    next_steps: str = "后续办理"
    offline_notice: str = "离线受理：申请已在本终端受理，网络恢复后自动发送，平台收到后正式生效。"
    qr_caption: str = "扫码查询办理进度"


@lru_cache(maxsize=16)
def load_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(CJK)), size)


@lru_cache(maxsize=4096)
def _has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    if char.isascii():
        return True
    probe = font.getmask(_NOTDEF_PROBE)
    mask = font.getmask(char)
    return not (mask.size == probe.size and bytes(mask) == bytes(probe))


def printable_text(font: ImageFont.FreeTypeFont, text: str) -> str:
    """Replace characters the font lacks (e.g. Ext-B 𠀀 in wqy-microhei) with a placeholder.

    The font would otherwise draw a tofu box that looks like a printing fault; a villager's
    name with such a character is printed with the geta mark instead of crashing or lying.
    """
    return "".join(c if _has_glyph(font, c) else MISSING_GLYPH_PLACEHOLDER for c in text)


def _tokens(text: str) -> list[str]:
    """Break points: each CJK character alone, ASCII words with their trailing spaces."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        match = _ASCII_WORD.match(text, pos)
        if match:
            out.append(match.group())
            pos = match.end()
        elif text[pos] in _NO_LINE_START and out:
            out[-1] += text[pos]
            pos += 1
        else:
            out.append(text[pos])
            pos += 1
    return out


def wrap_text(font: ImageFont.FreeTypeFont, text: str, width: int) -> list[str]:
    """Greedy wrap by rendered pixel width; words longer than a line are split by character."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if font.getlength(line + token.rstrip()) <= width:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            for char in token:
                if font.getlength(line + char) > width and line:
                    lines.append(line.rstrip())
                    line = ""
                line += char
            line = line.lstrip()
        lines.append(line.rstrip())
    return lines


class _Canvas:
    def __init__(self, width: int) -> None:
        self.width = width
        self.blocks: list[Image.Image] = []

    def text(self, text: str, size: int, *, center: bool = False, indent: int = 0) -> None:
        font = load_font(size)
        text = printable_text(font, text)
        usable = self.width - 2 * MARGIN_DOTS - indent
        line_h = round(size * LINE_SPACING)
        for line in wrap_text(font, text, usable):
            block = Image.new("1", (self.width, line_h), 1)
            draw = ImageDraw.Draw(block)
            x = MARGIN_DOTS + indent
            if center:
                x = max(MARGIN_DOTS, round((self.width - font.getlength(line)) / 2))
            draw.text((x, (line_h - size) // 2), line, font=font, fill=0)
            self.blocks.append(block)

    def rule(self, thickness: int = 2, gap: int = 8) -> None:
        block = Image.new("1", (self.width, thickness + 2 * gap), 1)
        ImageDraw.Draw(block).rectangle(
            (MARGIN_DOTS, gap, self.width - MARGIN_DOTS, gap + thickness - 1), fill=0
        )
        self.blocks.append(block)

    def space(self, dots: int) -> None:
        self.blocks.append(Image.new("1", (self.width, dots), 1))

    def boxed_text(self, text: str, size: int) -> None:
        inner = _Canvas(self.width - 2 * MARGIN_DOTS - 8)
        inner.text(text, size)
        body = inner.image()
        block = Image.new("1", (self.width, body.height + 12), 1)
        block.paste(body, (MARGIN_DOTS + 4, 6))
        ImageDraw.Draw(block).rectangle(
            (MARGIN_DOTS, 0, self.width - MARGIN_DOTS - 1, block.height - 1), outline=0, width=3
        )
        self.blocks.append(block)

    def qr(self, payload: str, target: int) -> None:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
        code.add_data(payload)
        code.make(fit=True)
        matrix: list[list[bool]] = code.get_matrix()  # includes the 4-module quiet zone
        box = max(2, target // len(matrix))
        side = box * len(matrix)
        img = Image.new("1", (len(matrix), len(matrix)), 1)
        img.putdata([0 if cell else 1 for row in matrix for cell in row])
        img = img.resize((side, side), Image.Resampling.NEAREST)
        block = Image.new("1", (self.width, side), 1)
        block.paste(img, ((self.width - side) // 2, 0))
        self.blocks.append(block)

    def image(self) -> Image.Image:
        height = sum(b.height for b in self.blocks)
        out = Image.new("1", (self.width, max(1, height)), 1)
        y = 0
        for block in self.blocks:
            out.paste(block, (0, y))
            y += block.height
        return out


def render_receipt(
    receipt: Receipt, width_dots: int, labels: ReceiptLabels | None = None
) -> Image.Image:
    """The whole receipt as one mode-"1" image, width_dots wide (384 for 58 mm, 576 for 80 mm)."""
    labels = labels or ReceiptLabels()
    base = 24 if width_dots <= 384 else 28
    c = _Canvas(width_dots)
    c.space(8)
    c.text(receipt.title, round(base * 1.5), center=True)
    c.rule()
    c.text(f"{labels.item}：{receipt.item_name}", base)
    c.text(labels.receipt_no, base)
    c.text(receipt.receipt_no, round(base * 1.6), center=True)
    c.text(f"{labels.issued_at}：{receipt.issued_at:%Y-%m-%d %H:%M}", base)
    c.text(f"{labels.terminal}：{receipt.terminal_id}", base)
    c.text(f"{labels.hall}：{receipt.hall_name}", base)
    c.text(f"{labels.applicant}：{receipt.masked_name}", base)
    if receipt.next_steps:
        c.rule(thickness=1)
        c.text(f"{labels.next_steps}：", base)
        for number, step in enumerate(receipt.next_steps, start=1):
            c.text(f"{number}. {step}", base, indent=base // 2)
    if receipt.offline:
        c.space(8)
        c.boxed_text(labels.offline_notice, base)
    c.space(12)
    c.qr(receipt.qr_payload, round(width_dots * (0.6 if width_dots <= 384 else 0.5)))
    c.text(labels.qr_caption, base - 4, center=True)
    if receipt.footer:
        c.rule(thickness=1)
        c.text(receipt.footer, base - 4, center=True)
    c.space(16)
    return c.image()


def render_slip(slip: Slip, width_dots: int) -> Image.Image:
    """An appointment slip or queue ticket: the headline huge, then the lines, a boxed notice
    and the QR, as one mode-"1" image."""
    base = 24 if width_dots <= 384 else 28
    c = _Canvas(width_dots)
    c.space(8)
    c.text(slip.title, round(base * 1.5), center=True)
    c.rule()
    if slip.headline:  # a list such as an agent's day summary has none
        c.text(slip.headline, round(base * 3), center=True)
        c.rule(thickness=1)
    for line in slip.lines:
        if line:
            c.text(line, base)
        else:  # an empty line parts groups (the day summary's counts from its cases)
            c.rule(thickness=1)
    if slip.notice:
        c.space(8)
        c.boxed_text(slip.notice, base)
    if slip.qr_payload:
        c.space(12)
        # A long payload (a day's receipt numbers) makes a dense code: then as big as fits.
        share = 1.0 if len(slip.qr_payload) > 60 else 0.5 if width_dots <= 384 else 0.4
        c.qr(slip.qr_payload, min(width_dots - 2 * MARGIN_DOTS, round(width_dots * share)))
    if slip.footer:
        c.rule(thickness=1)
        c.text(slip.footer, base - 4, center=True)
    c.space(16)
    return c.image()
