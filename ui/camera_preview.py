"""The live camera picture with an outline to aim at: the page (documents) or a circle (faces).

Only the newest frame is kept: set_frame() converts that one frame (numpy BGR or grey, uint8)
to a QImage and repaints; the bridge already drops frames the GUI had no time for, so nothing
queues up here either. The face view is mirrored, as a person expects of a camera facing them.
Colour is never the only signal: the outline's state is also said in words by the screen.
GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ports.camera import FrameArray
from ui import theme

A4_PORTRAIT = 210 / 297


class Outline(StrEnum):
    NONE = "none"
    PAGE = "page"  # a sheet of paper: the found page's corners, or an A4 frame to aim at
    FACE = "face"  # a circle to put the face in; the rest of the picture dimmed


def frame_to_image(image: FrameArray) -> QImage:
    """A QImage that owns its pixels (the frame's buffer may be reused by the camera)."""
    array = np.ascontiguousarray(image)
    height, width = array.shape[:2]
    if array.ndim == 2:
        fmt = QImage.Format.Format_Grayscale8
    elif array.shape[2] == 3:
        fmt = QImage.Format.Format_BGR888
    else:
        raise ValueError(f"unsupported frame shape {array.shape}")
    return QImage(array.data, width, height, array.strides[0], fmt).copy()


class CameraPreview(QWidget):
    def __init__(
        self,
        outline: Outline = Outline.NONE,
        *,
        mirrored: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outline = outline
        self.mirrored = mirrored
        self._image: QImage | None = None
        self._corners: list[tuple[float, float]] | None = None
        self._ok = False
        self.frames_shown = 0  # how many frames were converted (tests read it)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    # --- what the screen tells it ----------------------------------------------------------

    def set_frame(self, image: FrameArray) -> None:
        self._image = frame_to_image(image)
        self.frames_shown += 1
        self.update()

    def set_image(self, image: QImage | None) -> None:
        """Show a still (e.g. a processed page) instead of the live picture."""
        self._image = image
        self.update()

    def set_page(self, corners: Sequence[Sequence[float]] | None, ok: bool) -> None:
        """The page found in the frame (tl, tr, br, bl in frame pixels), and whether it is good."""
        self._corners = None if corners is None else [(float(x), float(y)) for x, y in corners]
        self._ok = ok
        self.update()

    def set_ok(self, ok: bool) -> None:
        self._ok = ok
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def clear(self) -> None:
        """Forget the picture (it may show a person or their papers)."""
        self._image = None
        self._corners = None
        self._ok = False
        self.update()

    # --- drawing ---------------------------------------------------------------------------

    def _target(self) -> QRectF:
        """Where the picture goes: as large as fits, aspect kept, centred."""
        area = QRectF(self.rect())
        if self._image is None or self._image.isNull():
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF(
            area.x() + (area.width() - width) / 2,
            area.y() + (area.height() - height) / 2,
            width,
            height,
        )

    def _to_widget(self, target: QRectF, image: QImage, x: float, y: float) -> QPointF:
        fx, fy = x / image.width(), y / image.height()
        if self.mirrored:
            fx = 1.0 - fx
        return QPointF(target.x() + fx * target.width(), target.y() + fy * target.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - repaints everything
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.INK))
        target = self._target()
        if self._image is not None and not self._image.isNull():
            painter.save()
            if self.mirrored:
                painter.translate(target.x() * 2 + target.width(), 0)
                painter.scale(-1, 1)
            painter.drawImage(target, self._image)
            painter.restore()
        if self.outline is Outline.FACE:
            self._draw_face_circle(painter, target)
        elif self.outline is Outline.PAGE:
            self._draw_page(painter, target)
        painter.end()

    def _pen(self) -> QPen:
        pen = QPen(QColor(theme.OK_BG if self._ok else theme.PAPER))
        pen.setWidth(8 if self._ok else 5)
        if not self._ok:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _draw_face_circle(self, painter: QPainter, target: QRectF) -> None:
        diameter = min(target.width(), target.height()) * 0.72
        circle = QRectF(
            target.center().x() - diameter / 2,
            target.center().y() - diameter * 0.55,
            diameter,
            diameter * 1.1,
        )
        dim = QPainterPath()
        dim.addRect(QRectF(self.rect()))
        hole = QPainterPath()
        hole.addEllipse(circle)
        painter.fillPath(dim.subtracted(hole), QColor(0, 0, 0, 150))
        painter.setPen(self._pen())
        painter.drawEllipse(circle)

    def _draw_page(self, painter: QPainter, target: QRectF) -> None:
        painter.setPen(self._pen())
        if self._corners is not None and self._image is not None:
            image = self._image
            points = [self._to_widget(target, image, x, y) for x, y in self._corners]
            painter.drawPolygon(QPolygonF(points))
            return
        height = target.height() * 0.86
        width = min(target.width() * 0.86, height * A4_PORTRAIT)
        painter.drawRect(
            QRectF(target.center().x() - width / 2, target.center().y() - height / 2, width, height)
        )
