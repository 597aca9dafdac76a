"""A slip (queue ticket, appointment slip) on screen, and its QR code.

When the printer cannot print, the villager still leaves with the slip: the same words on
screen and a QR code of them, which a family member's phone can photograph or read.
"""

from __future__ import annotations

import numpy as np
import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.domain.slip import Slip
from ui.widgets import BodyLabel

QR_SIDE_PX = 420


def qr_image(payload: str, side_px: int) -> QImage:
    """A black-on-white QR code of `payload` with its quiet zone, about side_px square."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    dark = np.array(code.get_matrix(), dtype=bool)
    box = max(2, side_px // len(dark))
    pixels = np.ascontiguousarray(np.where(np.kron(dark, np.ones((box, box), bool)), 0, 255))
    grey = pixels.astype(np.uint8)
    side = grey.shape[0]
    return QImage(grey.data, side, side, side, QImage.Format.Format_Grayscale8).copy()


class QrImage(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.payload = ""

    def show_payload(self, payload: str, side_px: int = QR_SIDE_PX) -> None:
        self.payload = payload
        self.setPixmap(QPixmap.fromImage(qr_image(payload, side_px)))
        self.show()

    def clear_payload(self) -> None:
        self.payload = ""
        self.clear()
        self.hide()


class SlipView(QFrame):
    """The slip's words, the headline huge; the QR only when the paper did not come out."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        self.title = BodyLabel(role="field")
        self.headline = BodyLabel(role="display")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = BodyLabel()
        self.notice = BodyLabel(role="field")
        self.qr = QrImage()
        for widget in (self.title, self.headline, self.lines, self.notice, self.qr):
            layout.addWidget(widget)
        self.slip: Slip | None = None
        self.clear()

    def show_slip(self, slip: Slip, with_qr: bool = False) -> None:
        """`with_qr`: the whole slip as a QR code (the paper did not come out)."""
        self.slip = slip
        self.title.set_plain(slip.title)
        self.headline.set_plain(slip.headline)
        self.lines.set_plain("\n".join(slip.lines))
        self.notice.set_plain(slip.notice)
        self.notice.setVisible(bool(slip.notice))
        if with_qr:
            self.qr.show_payload(slip.as_text())
        else:
            self.qr.clear_payload()
        self.show()

    def show_qr(self) -> None:
        if self.slip is not None:
            self.qr.show_payload(self.slip.as_text())

    def clear(self) -> None:
        self.slip = None
        for label in (self.title, self.headline, self.lines, self.notice):
            label.set_plain("")
        self.qr.clear_payload()
        self.hide()
