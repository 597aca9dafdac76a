"""The few widgets every screen is built from. Their look comes from ui/theme.py through the
`role` property, so a screen never sets a size or a colour itself.

- BodyLabel: wrapped text with line spacing >= 1.3 (rich text, because QLabel has no plain-text
  line-height); `plain()` gives the text back for tests.
- TitleLabel: a screen's title, the largest text.
- Banner: a status line that always carries a symbol and words as well as its colour.
- BigButton: a touch target that is never smaller than the mode's minimum.
- TouchScroll: a page that may be taller than the panel (a landscape panel in elderly mode);
  it scrolls by dragging a finger and by its wide bar.
"""

from __future__ import annotations

import html
from enum import StrEnum

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from ui.theme import LINE_HEIGHT_PERCENT


def _restyle(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        _restyle(widget)


class BodyLabel(QLabel):
    """Wrapped text with the guideline's line spacing. `role` may be "small" or "field"."""

    def __init__(self, text: str = "", parent: QWidget | None = None, role: str = "") -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._plain = ""
        self.set_plain(text)

    def set_plain(self, text: str) -> None:
        self._plain = text
        body = html.escape(text).replace("\n", "<br>")
        super().setText(f'<div style="line-height:{LINE_HEIGHT_PERCENT}%">{body}</div>')

    # Every text goes through set_plain, also from code that calls QLabel's own setText.
    setText = set_plain

    def plain(self) -> str:
        return self._plain


class TitleLabel(BodyLabel):
    """A screen's title: the largest text on the screen."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent, role="title")


class BannerKind(StrEnum):
    INFO = "info"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


# The symbol carries the meaning for anyone who cannot tell the colours apart.
BANNER_SYMBOLS = {
    BannerKind.INFO: "ℹ",
    BannerKind.OK: "✔",
    BannerKind.WARNING: "⚠",
    BannerKind.ERROR: "✖",
}


class Banner(BodyLabel):
    """A status line: symbol + words + colour. Hidden while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.kind = BannerKind.INFO
        self.setProperty("role", "banner-info")
        self.hide()

    def show_message(self, kind: BannerKind, text: str) -> None:
        self.kind = kind
        set_role(self, f"banner-{kind.value}")
        self.set_plain(f"{BANNER_SYMBOLS[kind]} {text}")
        self.show()

    def clear(self) -> None:
        self.set_plain("")
        self.hide()


_PADDING_PX = 48  # the style sheet's 18 px padding on each side, the border, and a margin


class BigButton(QPushButton):
    """role: "" (primary), "secondary", "tile" or "danger"."""

    def __init__(self, text: str = "", parent: QWidget | None = None, role: str = "") -> None:
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch only: no focus rectangles
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if role == "tile":
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _text_width(self) -> int:
        lines = self.text().split("\n") or [""]
        return max(self.fontMetrics().horizontalAdvance(line) for line in lines)

    # QPushButton sizes itself before the style sheet makes its font bold and bigger, so
    # Uyghur and long labels came out clipped; these add the real text width and padding.
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._text_width() + _PADDING_PX), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._text_width() + _PADDING_PX), hint.height())


class TouchScroll(QScrollArea):
    """Holds `content` at the full width of the screen and scrolls it up and down when it is
    taller than the room there is, by dragging a finger (QScroller) and by the bar.

    Only a part of a screen scrolls, never the whole window: a scroll area around the screen
    stack was tried and relaid out its word-wrapped labels for minutes (docs/ui.md)."""

    def __init__(self, content: QWidget | None = None) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        if content is not None:
            self.setWidget(content)
