"""The font files the kiosk draws with: on screen (Qt) and on receipts (Pillow).

A bundle carries its own copies (kiosk.spec puts them in kiosk/font_files/), so a terminal
whose image lacks the font packages still shows and prints Chinese instead of empty boxes.
From a source checkout the system's files are used (scripts/setup-system.sh installs them).
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_DIR = Path(__file__).resolve().parent / "font_files"

# WenQuanYi Micro Hei for Chinese; DejaVu Sans for Uyghur's Arabic script (WQY has none).
CJK = "wqy-microhei.ttc"
SYSTEM_FONTS = {
    CJK: Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    "DejaVuSans.ttf": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "DejaVuSans-Bold.ttf": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}


def bundled_font_files() -> list[Path]:
    """The bundle's own font files (none from a source checkout), for Qt to register."""
    return [BUNDLED_DIR / name for name in SYSTEM_FONTS if (BUNDLED_DIR / name).is_file()]


def font_path(name: str) -> Path:
    """One of SYSTEM_FONTS' files: the bundle's copy when there is one, else the system's."""
    bundled = BUNDLED_DIR / name
    return bundled if bundled.is_file() else SYSTEM_FONTS[name]
