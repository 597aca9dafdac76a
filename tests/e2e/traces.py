"""What a person leaves behind on the kiosk's widgets, found the way a curious next villager
(or a screenshot) could find it, and then some: every widget Qt knows of, its texts (shown,
placeholder, tooltip, accessible name and description), the rows of item views, every image a
label or preview holds, and the plain data a widget keeps in its own attributes (a QR's
payload, a preview's last frame, a screen's identity or draft).

    traces = PersonTraces.of(identity, phone="13800138000")
    traces.images |= image_hashes(app)           # what showed while they were there
    assert find_traces(app, traces) == []
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk.domain.identity import Identity
from kiosk.services.identify import mask_id_number
from ui.camera_preview import frame_to_image
from ui.context import Services, UiContext
from ui.widgets import BodyLabel


def image_hash(image: QImage | QPixmap | np.ndarray | bytes) -> str:
    """One hash per picture, whichever form holds it: a frame array and the QImage the
    preview made of it hash alike."""
    if isinstance(image, bytes):
        decoded = QImage.fromData(image)
        if decoded.isNull():
            return "bytes:" + hashlib.sha256(image).hexdigest()
        image = decoded
    if isinstance(image, np.ndarray):
        picture = image.dtype == np.uint8 and (
            image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)
        )
        if not picture:
            return "array:" + hashlib.sha256(image.tobytes()).hexdigest()
        image = frame_to_image(image)
    if isinstance(image, QPixmap):
        image = image.toImage()
    if image.isNull():
        return "null"
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    digest = hashlib.sha256()
    digest.update(f"{rgb.width()}x{rgb.height()}".encode())
    rows = np.frombuffer(rgb.constBits(), np.uint8)[: rgb.height() * rgb.bytesPerLine()]
    # The pixels only: the padding at each line's end is not the picture.
    digest.update(rows.reshape(rgb.height(), rgb.bytesPerLine())[:, : 4 * rgb.width()].tobytes())
    return digest.hexdigest()


@dataclass
class PersonTraces:
    """The strings and pictures that belong to one person."""

    words: set[str]
    images: set[str] = field(default_factory=set)
    id_number: str = ""

    @classmethod
    def of(cls, who: Identity, *, phone: str = "", receipts: Iterable[str] = ()) -> PersonTraces:
        words = {
            who.name,
            who.masked_name,
            who.name[:1] + "*",  # the form's own masking of the name
            who.id_number,
            mask_id_number(who.id_number),
            who.id_number[-6:],
            who.address,
            *receipts,
        }
        if phone:
            words.add(phone)
        images = {image_hash(who.photo_jpeg)} if who.photo_jpeg else set()
        return cls({w for w in words if w}, images, who.id_number)


def kiosk_widgets(app: QApplication) -> list[QWidget]:
    """Every live widget: the window, its screens, overlay and keyboard dock, and any widget
    that lost its parent but not its life."""
    found = []
    for widget in app.allWidgets():
        try:
            widget.objectName()  # a widget whose C++ side is gone raises here
        except RuntimeError:
            continue
        found.append(widget)
    return found


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "toolTip", widget.toolTip()
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    yield "whatsThis", widget.whatsThis()
    yield "statusTip", widget.statusTip()
    yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
        if isinstance(widget, BodyLabel):
            yield "plain", widget.plain()
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QLineEdit):
        yield "text", widget.text()
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield "text", widget.toPlainText()
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield f"item[{row},{column}]", value


def _images(widget: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        if pixmap is not None and not pixmap.isNull():
            yield "pixmap", image_hash(pixmap)
    if isinstance(widget, QAbstractButton) and not widget.icon().isNull():
        for size in widget.icon().availableSizes():
            yield "icon", image_hash(widget.icon().pixmap(size))


_SKIP_TYPES = (QObject, UiContext, Services)


# Whose objects are looked into: data types and the UI's own helpers. Services and the queue
# legitimately keep a person's draft and records (for that person only), so they are not.
_LOOK_INTO = ("kiosk.domain.", "kiosk.ports.", "ui.", "tests.")


def _data(
    value: Any, path: str, depth: int = 0, seen: set[int] | None = None
) -> Iterator[tuple[str, Any]]:
    """The plain data under a widget's own attributes: strings, bytes, pictures, identities,
    and what containers, dataclasses (a draft, a result) and the UI's helper objects hold, a
    few levels down."""
    if depth > 4 or value is None or isinstance(value, _SKIP_TYPES):
        return
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str | bytes | QImage | QPixmap | np.ndarray | Identity):
        yield path, value
        if not isinstance(value, Identity):
            return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _data(key, f"{path}[key]", depth + 1, seen)
            yield from _data(item, f"{path}[{key!r}]", depth + 1, seen)
    elif isinstance(value, list | tuple | set | frozenset | deque):
        for i, item in enumerate(value):
            yield from _data(item, f"{path}[{i}]", depth + 1, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _data(getattr(value, f.name), f"{path}.{f.name}", depth + 1, seen)
    elif type(value).__module__.startswith(_LOOK_INTO) and hasattr(value, "__dict__"):
        for name, item in vars(value).items():
            yield from _data(item, f"{path}.{name}", depth + 1, seen)


def _attributes(widget: QWidget) -> Iterator[tuple[str, Any]]:
    for name, value in vars(widget).items():
        if name == "ctx":  # the shared context: services legitimately keep drafts
            continue
        yield from _data(value, name)


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _kept(where: str, data: Iterable[tuple[str, Any]], traces: PersonTraces) -> Iterator[str]:
    for path, value in data:
        if isinstance(value, Identity):
            if value.id_number == traces.id_number:
                yield f"{where}.{path} keeps their identity"
        elif isinstance(value, str):
            yield from (f"{where}.{path} keeps {w!r}" for w in traces.words if w in value)
        elif image_hash(value) in traces.images:
            yield f"{where}.{path} keeps their picture"


def find_traces(
    app: QApplication, traces: PersonTraces, others: Iterable[object] = ()
) -> list[str]:
    """Where any of the person's words or pictures is still on a widget, or in the data of
    `others` (the UI's non-widget parts: the session, the device bridge...); [] when nowhere."""
    found = []
    for widget in kiosk_widgets(app):
        where = _where(widget)
        for kind, text in _texts(widget):
            for word in traces.words:
                if word in text:
                    found.append(f"{where} {kind} holds {word!r}")
        for kind, digest in _images(widget):
            if digest in traces.images:
                found.append(f"{where} {kind} shows their picture")
        found += _kept(where, _attributes(widget), traces)
    for other in others:
        data = (item for name, value in vars(other).items() for item in _data(value, name))
        found += _kept(type(other).__name__, data, traces)
    return found


def undo_histories(app: QApplication) -> list[str]:
    """The text fields that could still be undone back to something (a long press offers
    撤销 on any QLineEdit; a keyboard's Ctrl+Z does it too): at a visit's end, none may."""
    found = []
    for widget in kiosk_widgets(app):
        if isinstance(widget, QLineEdit):
            if widget.isUndoAvailable() or widget.isRedoAvailable():
                found.append(_where(widget))
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            document = widget.document()
            if document.isUndoAvailable() or document.isRedoAvailable():
                found.append(_where(widget))
    return found


def image_hashes(app: QApplication) -> set[str]:
    """Every picture on a widget now (labels, icons, and pictures kept in attributes)."""
    hashes = set()
    for widget in kiosk_widgets(app):
        hashes |= {digest for _kind, digest in _images(widget)}
        for _path, value in _attributes(widget):
            if isinstance(value, QImage | QPixmap | np.ndarray):
                hashes.add(image_hash(value))
    return hashes
