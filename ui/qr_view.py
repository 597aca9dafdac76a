"""A QR code drawn on screen: the receipt's when the printer cannot print it, the payment
order's for the phone to scan. Drawn from the code's module matrix (no image files), black on
white with the quiet zone, as large as the widget allows."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payload = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        if payload:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            code.add_data(payload)
            code.make(fit=True)
            self._matrix = [[bool(v) for v in row] for row in code.get_matrix()]
        else:
            self._matrix = []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - repaints everything
        if not self._matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        n = len(self._matrix)
        cell = side / n
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("#ffffff"))
        black = QColor("#000000")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRectF(left + x * cell, top + y * cell, cell, cell), black)
        painter.end()
