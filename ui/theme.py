"""Look and feel: big, high-contrast, CJK font. Elderly mode meets the national guideline's
numbers (body >= 18 pt, largest >= 30 pt, targets >= 60x60 px)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FONT_FAMILY = "WenQuanYi Micro Hei"
BODY_PT = {True: 20, False: 16}  # elderly mode, normal mode
TITLE_PT = {True: 32, False: 26}
TILE_MIN_PX = {True: (220, 140), False: (180, 110)}

STYLE = """
QWidget { background: #ffffff; color: #1a1a1a; }
QLabel#title { font-weight: bold; }
QLabel#warning { color: #7a4b00; background: #fff4d6; padding: 8px; border: 2px solid #b36b00; }
QPushButton { background: #0b5cad; color: #ffffff; border-radius: 10px; padding: 12px;
              font-weight: bold; }
QPushButton:pressed { background: #08447f; }
"""


def apply_theme(app: QApplication, elderly: bool) -> None:
    font = QFont(FONT_FAMILY)
    font.setPointSize(BODY_PT[elderly])
    app.setFont(font)
    app.setStyleSheet(STYLE)


def title_font(elderly: bool) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSize(TITLE_PT[elderly])
    font.setBold(True)
    return font
