"""The elderly-friendly audit, read back from the real widgets as they are laid out and drawn.

Rules (the national guideline's numbers, MISSION.md):
- text size: every visible text >= 18 pt in elderly mode (>= 14 pt in normal mode), and the
  largest text on each screen >= 30 pt in elderly mode;
- line spacing: wrapped text has line-height >= 130 %;
- contrast: text colour against the colour actually drawn behind it >= 4.5:1, or >= 3:1 for
  large text (>= 18 pt, or >= 14 pt bold);
- touch targets: every enabled button, input and list row >= 60x60 px in elderly mode
  (>= 44x44 in normal mode);
- colour is never the only signal: every banner starts with a symbol;
- every character shown has a glyph in one of the kiosk's fonts (no empty boxes);
- nothing is cut off: a button's or a single-line label's text fits its width, a wrapped
  label is tall enough for its lines (heightForWidth) and wide enough for its longest word, and
  every visible widget lies within the window (content scrolled inside a scroll area aside);
  with `screen_size`, the window has not grown past the screen to make room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.theme import FONT_FAMILIES, MIN_TARGET_PX
from ui.widgets import BANNER_SYMBOLS, Banner

MIN_BODY_PT = {True: 18.0, False: 14.0}
MIN_CONTRAST, MIN_CONTRAST_LARGE = 4.5, 3.0
LARGEST_PT = 30.0
MIN_LINE_HEIGHT = 130
_LINE_HEIGHT = re.compile(r"line-height:\s*(\d+)%")


@dataclass(frozen=True)
class Finding:
    screen: str
    widget: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.screen}] {self.rule}: {self.widget}: {self.detail}"


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def point_size(widget: QWidget) -> float:
    font: QFont = widget.font()
    if font.pointSizeF() > 0:
        return font.pointSizeF()
    return font.pixelSize() * 72.0 / max(1, widget.logicalDpiY())


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return re.sub(r"<[^>]+>", "", widget.text()).strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().strip()
    if isinstance(widget, QLineEdit):
        return (widget.text() or widget.placeholderText()).strip()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    return ""


def _rgb(value: int) -> QColor:
    return QColor((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)


def drawn_colours(widget: QWidget) -> tuple[QColor, QColor | None]:
    """(background, text) as drawn. The background is the commonest colour of the widget's
    own pixels. The text colour is the palette's, when the widget really draws it; when a
    style-sheet state (e.g. :checked) paints another colour, it is the drawn colour that
    stands out most from the background (glyph stems at >= 14 pt have solid pixels)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint32, count=image.sizeInBytes() // 4)
    pixels = raw.reshape(height, image.bytesPerLine() // 4)[:, :width] & np.uint32(0xFFFFFF)
    values, counts = np.unique(pixels, return_counts=True)
    order = np.argsort(counts)[::-1]
    background = _rgb(int(values[order[0]]))
    group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
    palette_fg = widget.palette().color(group, widget.foregroundRole())
    drawn = dict(zip(values.tolist(), counts.tolist(), strict=True))
    # Enough solid pixels to be glyphs, not anti-aliasing; capped so a big tile's few words
    # still count (a single 18 pt CJK glyph has well over 200 solid pixels).
    floor = max(8, min(pixels.size // 500, 200))
    if drawn.get(palette_fg.rgb() & 0xFFFFFF, 0) >= floor:
        return background, palette_fg
    candidates = [_rgb(int(v)) for v in values[order[1:]] if drawn[int(v)] >= floor]
    if not candidates:
        return background, None
    return background, max(candidates, key=lambda c: contrast(c, background))


_COVERED: dict[str, bool] = {}


def missing_glyphs(text: str) -> str:
    """The characters of `text` none of the kiosk's fonts can draw (Qt would show a box)."""
    for char in set(text) - _COVERED.keys():
        # inFontUcs4: PySide's inFont(str) answers False for any non-Latin-1 QChar.
        fonts = (QFontMetrics(QFont(family)) for family in FONT_FAMILIES)
        _COVERED[char] = char.isspace() or any(m.inFontUcs4(ord(char)) for m in fonts)
    return "".join(sorted(c for c in set(text) if not _COVERED[c]))


def _name(widget: QWidget) -> str:
    text = text_of(widget).replace("\n", " ")
    return f"{type(widget).__name__}({text[:24]!r})"


def _scrolled(widget: QWidget, root: QWidget) -> bool:
    """Inside a scroll area's viewport (below `root`): may lie outside the window, scrolled."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return True
        parent = area
    return False


def _cut_off(w: QWidget, text: str, window: QWidget) -> str | None:
    """Why `w` (or its text) does not fully show, or None."""
    if w is not window and not _scrolled(w, window):
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not window.rect().contains(rect):
            return f"{rect.getRect()} outside the window {window.width()}x{window.height()}"
    if not text:
        return None
    if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and not w.wordWrap()):
        text_px = max(w.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if text_px > w.width() - 8:
            return f"{text_px}px > {w.width()}px"
    if isinstance(w, QLabel) and w.wordWrap():
        needed = w.heightForWidth(w.width())
        if needed > w.height() + 2:
            return f"{needed}px of lines in {w.height()}px"
        widest = w.minimumSizeHint().width()
        if widest > w.width() + 2:
            return f"a word {widest}px wide in {w.width()}px"
    return None


def audit(
    root: QWidget,
    screen: str,
    elderly: bool,
    whole_screen: bool = True,
    *,
    colours: bool = True,
    screen_size: QSize | None = None,
) -> list[Finding]:
    """Findings for `root` and everything visible in it; `whole_screen` adds the rule on the
    largest text, which applies to a screen, not to a single widget. Without `colours` the
    pixels are not read back (contrast does not depend on the orientation, and grabbing every
    widget is most of the audit's time)."""
    findings: list[Finding] = []
    target = MIN_TARGET_PX[elderly]
    largest = 0.0
    window = root.window()
    if screen_size is not None and window.size() != screen_size:
        grown = f"{window.width()}x{window.height()}"
        asked = f"{screen_size.width()}x{screen_size.height()}"
        detail = f"the window grew to {grown} to fit (the screen is {asked})"
        findings.append(Finding(screen, "window", "text cut off", detail))
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) or w.width() <= 0 or w.height() <= 0:
            continue
        text = text_of(w)
        cut = _cut_off(w, text, window)
        if cut is not None:
            findings.append(Finding(screen, _name(w), "text cut off", cut))
        interactive = w.isEnabled() and isinstance(
            w, (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)
        )
        if interactive and (w.width() < target or w.height() < target):
            findings.append(
                Finding(screen, _name(w), "touch target", f"{w.width()}x{w.height()} < {target}")
            )
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for row in range(min(w.model().rowCount(), 50)):
                rect = w.visualRect(w.model().index(row, 0))
                if rect.isValid() and rect.height() < target:
                    findings.append(
                        Finding(screen, _name(w), "touch target", f"row {row} {rect.height()}px")
                    )
        if not text:
            continue
        pt = point_size(w)
        largest = max(largest, pt)
        boxes = missing_glyphs(text)
        if boxes:
            findings.append(Finding(screen, _name(w), "missing glyph", repr(boxes)))
        if pt < MIN_BODY_PT[elderly]:
            findings.append(Finding(screen, _name(w), "text size", f"{pt:.1f} pt"))
        if isinstance(w, QLabel) and w.wordWrap():
            match = _LINE_HEIGHT.search(w.text())
            if match is None or int(match.group(1)) < MIN_LINE_HEIGHT:
                findings.append(Finding(screen, _name(w), "line spacing", "below 1.3"))
        if isinstance(w, Banner) and not any(text.startswith(s) for s in BANNER_SYMBOLS.values()):
            findings.append(Finding(screen, _name(w), "colour only", "banner without a symbol"))
        if not colours:
            continue
        background, fg = drawn_colours(w)
        ratio = 1.0 if fg is None else contrast(fg, background)
        large = pt >= 18 or (pt >= 14 and w.font().bold())
        needed = MIN_CONTRAST_LARGE if large else MIN_CONTRAST
        if ratio < needed:
            findings.append(Finding(screen, _name(w), "contrast", f"{ratio:.2f} < {needed}"))
    if whole_screen and elderly and largest < LARGEST_PT:
        findings.append(Finding(screen, "screen", "largest text", f"{largest:.1f} pt < 30"))
    return findings
