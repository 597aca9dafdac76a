"""Look and feel, in two modes: 长辈模式 (elderly mode) and normal.

Elderly mode meets the national elderly-friendly guideline's numbers (适老化通用设计规范):
body text >= 18 pt and the largest >= 30 pt, line spacing >= 1.3, contrast >= 4.5:1, touch
targets >= 60x60 px; normal mode keeps targets >= 44x44 px. Every size and colour is set here
and nowhere else, through one application style sheet keyed on a `role` property, so a mode
switch restyles every screen at once and the accessibility audit reads the result back from
the real widgets (tests/ui/audit.py).

Colours were picked for contrast, and colour never carries a meaning alone: every status also
has a symbol and words (see ui/widgets/banner.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.fonts import bundled_font_files

log = logging.getLogger(__name__)

# WenQuanYi Micro Hei for Chinese; DejaVu Sans for Uyghur's Arabic script (WQY has no Arabic,
# Qt falls back per character): the bundle's own copies (kiosk/fonts.py), else the system's.
FONT_FAMILIES = ["WenQuanYi Micro Hei", "DejaVu Sans"]
# A terminal whose own language is Uyghur (the one right-to-left language, in Arabic script)
# puts DejaVu Sans first: Qt then shapes Uyghur without trying WenQuanYi for every run of text,
# and Chinese in it still falls back to WenQuanYi. Chosen once, at start: a screen change in
# Uyghur takes about a quarter less time (0.68x and 0.76x in two runs of bench/ui_screens.py),
# while changing the order when a visitor switches language means re-applying the style sheet,
# a freeze of about 1 s then and again at the end of the visit (1.3 s against 0.4 s to switch).
ARABIC_SCRIPT_FIRST = ["DejaVu Sans", "WenQuanYi Micro Hei"]
LINE_HEIGHT_PERCENT = 140  # body text; the guideline asks >= 130 %

# Contrast against white (WCAG relative luminance): text 17.4:1, primary 6.9:1,
# warning text on its background 6.0:1, error 6.6:1, ok 6.3:1, muted 7.0:1.
INK = "#1a1a1a"
PAPER = "#ffffff"
PRIMARY = "#0b5cad"
PRIMARY_PRESSED = "#08447f"
SECONDARY_BG = "#e8eef6"
MUTED = "#4d4d4d"
WARNING_INK, WARNING_BG = "#6b4100", "#fff4d6"
ERROR_INK, ERROR_BG = "#9b1c1c", "#fdecec"
OK_INK, OK_BG = "#1f6b2e", "#eaf6ec"
INFO_INK, INFO_BG = "#0b4a8b", "#e8f1fb"


@dataclass(frozen=True)
class Mode:
    elderly: bool
    body_pt: int
    small_pt: int  # hints and technical lines; still >= 18 pt in elderly mode
    title_pt: int  # a screen's title: the largest text
    display_pt: int  # huge numbers (queue tickets, receipt numbers)
    target_px: int  # the smallest touch target
    tile_px: tuple[int, int]  # home and menu tiles
    spacing_px: int


ELDERLY = Mode(True, body_pt=22, small_pt=18, title_pt=34, display_pt=48, target_px=72,
               tile_px=(300, 170), spacing_px=20)  # fmt: skip
NORMAL = Mode(False, body_pt=16, small_pt=14, title_pt=26, display_pt=40, target_px=52,
              tile_px=(240, 130), spacing_px=14)  # fmt: skip
MIN_TARGET_PX = {True: 60, False: 44}  # the guideline's floor, which the audit checks


def mode_for(elderly: bool) -> Mode:
    return ELDERLY if elderly else NORMAL


def stylesheet(m: Mode) -> str:
    """One style sheet for the whole application. Widgets choose a look with `role`."""
    t = m.target_px
    return f"""
QWidget {{ background: {PAPER}; color: {INK}; font-size: {m.body_pt}pt; }}
QLabel[role="title"] {{ font-size: {m.title_pt}pt; font-weight: bold; }}
QLabel[role="display"] {{ font-size: {m.display_pt}pt; font-weight: bold; }}
QLabel[role="small"] {{ font-size: {m.small_pt}pt; color: {MUTED}; }}
QLabel[role="field"] {{ font-weight: bold; }}
QLabel[role="banner-info"] {{ color: {INFO_INK}; background: {INFO_BG};
    border: 2px solid {INFO_INK}; padding: 10px; }}
QLabel[role="banner-ok"] {{ color: {OK_INK}; background: {OK_BG};
    border: 2px solid {OK_INK}; padding: 10px; }}
QLabel[role="banner-warning"] {{ color: {WARNING_INK}; background: {WARNING_BG};
    border: 2px solid {WARNING_INK}; padding: 10px; }}
QLabel[role="banner-error"] {{ color: {ERROR_INK}; background: {ERROR_BG};
    border: 2px solid {ERROR_INK}; padding: 10px; }}
QPushButton {{ background: {PRIMARY}; color: {PAPER}; border: 2px solid {PRIMARY};
    border-radius: 12px; padding: 10px 18px; font-weight: bold;
    min-height: {t}px; min-width: {t}px; }}
QPushButton:pressed {{ background: {PRIMARY_PRESSED}; }}
QPushButton:disabled {{ background: {SECONDARY_BG}; color: {MUTED}; border-color: {MUTED}; }}
QPushButton[role="secondary"] {{ background: {SECONDARY_BG}; color: {PRIMARY}; }}
QPushButton[role="secondary"]:pressed {{ background: #cfdced; }}
QPushButton[role="tile"] {{ min-width: {m.tile_px[0]}px; min-height: {m.tile_px[1]}px;
    font-size: {m.body_pt + 2}pt; }}
QPushButton[role="danger"] {{ background: {ERROR_INK}; border-color: {ERROR_INK}; }}
QPushButton:checked, QPushButton[role="secondary"]:checked {{ background: {PRIMARY_PRESSED};
    color: {PAPER}; border: 4px solid {INK}; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QSpinBox, QDateEdit {{
    border: 2px solid {MUTED}; border-radius: 8px; padding: 8px; min-height: {t}px;
    background: {PAPER}; color: {INK}; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border: 3px solid {PRIMARY}; }}
QCheckBox, QRadioButton {{ min-height: {t}px; spacing: 16px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {t // 2}px; height: {t // 2}px; }}
QListWidget {{ border: 2px solid {MUTED}; }}
QListWidget::item {{ min-height: {t}px; padding: 6px; }}
QListWidget::item:selected {{ background: {PRIMARY}; color: {PAPER}; }}
QScrollBar:vertical {{ width: {t // 2}px; }}
QFrame[role="header"] {{ border-bottom: 2px solid {SECONDARY_BG}; }}
QFrame[role="card"] {{ border: 2px solid {SECONDARY_BG}; border-radius: 12px; }}
"""


class Theme(QObject):
    """The current mode; switching it restyles the whole application at once (GUI thread)."""

    changed = Signal(bool)  # elderly

    def __init__(self, app: QApplication, elderly: bool, right_to_left: bool = False) -> None:
        """`right_to_left`: the terminal's own language is. It sets the layout direction
        (a visitor's language changes that) and the font order (for good)."""
        super().__init__()
        self._app = app
        self._elderly = elderly
        self._families = ARABIC_SCRIPT_FIRST if right_to_left else FONT_FAMILIES
        register_bundled_fonts()
        self._apply()
        self.set_right_to_left(right_to_left)

    @property
    def elderly(self) -> bool:
        return self._elderly

    @property
    def mode(self) -> Mode:
        return mode_for(self._elderly)

    def set_elderly(self, elderly: bool) -> None:
        if elderly != self._elderly:
            self._elderly = elderly
            self._apply()
            self.changed.emit(elderly)

    def set_right_to_left(self, rtl: bool) -> None:
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )

    def _apply(self) -> None:
        font = QFont()
        font.setFamilies(self._families)
        font.setPointSize(self.mode.body_pt)
        self._app.setFont(font)
        self._app.setStyleSheet(stylesheet(self.mode))


@cache  # once per process, however many Themes are made
def register_bundled_fonts() -> None:
    """Make a bundle's own font files known to Qt (beside whatever fontconfig finds), so a
    terminal without the font packages still shows Chinese. Nothing to do from a checkout."""
    for path in bundled_font_files():
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.error("bundled font %s could not be loaded", path.name)
