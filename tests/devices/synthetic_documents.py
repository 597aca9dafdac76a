"""A synthetic A4 form (Chinese text, QR, barcode) and synthetic photographs of it.

The page is rendered at 150 dpi with Pillow and the CJK font, then "photographed": warped in
perspective onto a table in a 1280x960 frame, with uneven light, blur and sensor noise.
"""

from __future__ import annotations

import subprocess

import barcode  # type: ignore[import-untyped]  # python-barcode, pulled in by python-escpos
import cv2
import numpy as np
import qrcode
from barcode.writer import ImageWriter  # type: ignore[import-untyped]
from PIL import Image, ImageDraw
from rapidfuzz.distance import Levenshtein

from devices.receipt_layout import load_font

PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
FRAME_SIZE = (1280, 960)
QR_PAYLOAD = "https://zwfw.example.cn/r/K7Q2M-01A7-Q"
EAN13 = "4006381333931"
BODY_LINES = (
    "城乡居民基本养老保险参保登记表",
    "申请人承诺所填信息真实有效，如有虚假愿承担相应责任。",
    "户籍所在地：青山镇石桥村三组",
    "联系电话：一三八零零一三八零零零",
    "参保缴费档次：每年五百元，由村委会代收代缴。",
    "经办机构将在三个工作日内完成审核并短信通知。",
    "本表一式两份，经办机构和申请人各执一份。",
)


def synthetic_page() -> np.ndarray:
    page = Image.new("L", PAGE_SIZE, 255)
    draw = ImageDraw.Draw(page)
    draw.text((140, 110), BODY_LINES[0], font=load_font(64), fill=0)
    y = 260
    for line in BODY_LINES[1:]:
        draw.text((110, y), line, font=load_font(40), fill=0)
        y += 72
    qr = qrcode.make(QR_PAYLOAD, box_size=10, border=4).get_image().convert("L")
    page.paste(qr, (110, y + 60))
    code = barcode.get("ean13", EAN13[:12], writer=ImageWriter())
    bars = code.render({"module_width": 0.8, "module_height": 20, "dpi": 150}).convert("L")
    page.paste(bars, (560, y + 80))
    draw.rectangle((60, 60, PAGE_SIZE[0] - 60, PAGE_SIZE[1] - 60), outline=0, width=3)
    return np.array(page)


def photograph(
    page: np.ndarray,
    *,
    corners: tuple[tuple[float, float], ...] = ((440, 40), (1020, 75), (1060, 905), (390, 885)),
    blur_sigma: float = 0.8,
    light: float = 0.85,
    glare: bool = False,
    seed: int = 7,
) -> np.ndarray:
    """A 1280x960 BGR frame of the page lying on a darker textured table."""
    rng = np.random.default_rng(seed)
    width, height = FRAME_SIZE
    table = (70 + 25 * rng.random((height // 8, width // 8))).astype(np.float32)
    frame = np.asarray(
        cv2.resize(table, (width, height), interpolation=cv2.INTER_CUBIC), dtype=np.float32
    )
    src = np.array(
        [[0, 0], [page.shape[1], 0], [page.shape[1], page.shape[0]], [0, page.shape[0]]], np.float32
    )
    matrix = cv2.getPerspectiveTransform(src, np.array(corners, np.float32))
    warped = cv2.warpPerspective(
        page.astype(np.float32), matrix, (width, height), flags=cv2.INTER_AREA
    )
    mask = cv2.warpPerspective(np.ones_like(page, np.float32), matrix, (width, height))
    xs = np.linspace(0.75, 1.0, width, dtype=np.float32)[None, :]
    frame = frame * (1 - mask) + warped * mask * xs * light
    if glare:
        yy, xx = np.mgrid[0:height, 0:width]
        frame += 400 * np.exp(-((xx - 760) ** 2 + (yy - 420) ** 2) / (2 * 45.0**2))
    blurred = cv2.GaussianBlur(frame, (0, 0), blur_sigma)
    gray = np.clip(blurred + rng.normal(0, 4, blurred.shape), 0, 255).astype(np.uint8)
    return np.asarray(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))


def ocr_text(image: np.ndarray) -> str:
    """Tesseract chi_sim over the page, whitespace removed (it spaces CJK characters)."""
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("could not encode the page")
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "6"],
        input=png.tobytes(),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return "".join(result.stdout.decode("utf-8", errors="replace").split())


def character_accuracy(recognised: str) -> float:
    """1 - normalised edit distance against the page's text lines (ideographs only)."""
    truth = _ideographs("".join(BODY_LINES))
    return 1.0 - Levenshtein.distance(truth, _ideographs(recognised)) / len(truth)


def _ideographs(text: str) -> str:
    # Punctuation is left out: Tesseract answers ASCII ':' for '：', which is not an error.
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
