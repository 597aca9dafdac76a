"""Drawn pictures for the identify step: a card gliding down onto the reader, again and again.

Someone who cannot read the words sees what to do. It animates only while it is visible (a
timer at 20 frames a second, stopped when hidden), so it costs nothing on other screens.
GUI thread.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPen, QPolygonF, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import theme

PERIOD_TICKS = 50  # 2.5 s per loop at 20 ticks a second


class CardAnimation(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tick = 0
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._advance)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 260)

    def sizeHint(self) -> QSize:
        return QSize(600, 480)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def _advance(self) -> None:
        self.tick = (self.tick + 1) % PERIOD_TICKS
        self.update()

    def progress(self) -> float:
        """0 (card high above) .. 1 (card on the reader), easing in, resting at the end."""
        t = min(1.0, self.tick / (PERIOD_TICKS * 0.6))
        return 0.5 - 0.5 * math.cos(math.pi * t)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - repaints everything
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = float(self.width()), float(self.height())
        unit = min(w / 6, h / 5)
        cx = w / 2
        # The reader: a dark slab with a lit reading area.
        reader = QRectF(cx - unit * 2.2, h - unit * 1.6, unit * 4.4, unit * 1.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.MUTED))
        painter.drawRoundedRect(reader, unit * 0.15, unit * 0.15)
        area = reader.adjusted(unit * 0.5, unit * 0.2, -unit * 0.5, -unit * 0.6)
        painter.setBrush(QColor(theme.OK_BG))
        painter.drawRoundedRect(area, unit * 0.08, unit * 0.08)
        # The card: ID-1 proportions (85.6 x 54 mm), lying flat at the end of its path.
        p = self.progress()
        card_w, card_h = unit * 2.6, unit * 1.64
        top = unit * 0.2 + p * (reader.top() - unit * 0.9 - unit * 0.2)
        card = QRectF(cx - card_w / 2, top, card_w, card_h * (1.0 - 0.55 * p))
        painter.setBrush(QColor(theme.SECONDARY_BG))
        painter.setPen(QPen(QColor(theme.PRIMARY), max(2.0, unit * 0.06)))
        painter.drawRoundedRect(card, unit * 0.12, unit * 0.12)
        # The card's face: a photo box and three text lines.
        inner = card.adjusted(unit * 0.2, card.height() * 0.18, -unit * 0.2, -card.height() * 0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.PRIMARY))
        photo = QRectF(
            inner.right() - inner.height() * 0.8, inner.top(), inner.height() * 0.8, inner.height()
        )
        painter.drawRect(photo)
        for i in range(3):
            y = inner.top() + inner.height() * (0.1 + 0.33 * i)
            painter.drawRect(QRectF(inner.left(), y, inner.width() * 0.5, inner.height() * 0.12))
        # An arrow pointing down while the card is still on its way.
        if p < 0.95:
            painter.setBrush(QColor(theme.PRIMARY))
            tip_y = reader.top() - unit * 0.1
            arrow = QPolygonF(
                [
                    QPointF(cx + card_w * 0.75, tip_y),
                    QPointF(cx + card_w * 0.75 - unit * 0.35, tip_y - unit * 0.5),
                    QPointF(cx + card_w * 0.75 + unit * 0.35, tip_y - unit * 0.5),
                ]
            )
            painter.drawPolygon(arrow)
        painter.end()
