"""The on-screen keyboard: Qt Virtual Keyboard with pinyin, embedded at the bottom of the kiosk's
one window, with the kiosk's own layouts (Chinese pinyin, Uyghur, a digit pad for phones).

Why embedded and not the virtual keyboard's "desktop" panel: the desktop integration shows the
keyboard in a top-level window of its own. The kiosk runs full screen under cage, a Wayland
compositor that shows one window at a time, maximised; a Wayland client cannot place or keep a
second window above the first (there is no global positioning or always-on-top in the core
protocol), so that keyboard would cover the whole form or hide behind it. The virtual
keyboard's other integration, an InputPanel in the application's own scene, is the one its
deployment guide names for environments without multiple top-level windows. A Widgets app has
no Qt Quick scene, so the InputPanel lives in a QQuickWidget docked under the screens: the
screens shrink while it shows, and it never takes the focus from the field being typed into.
QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1 stops the plugin from opening its own window.

Why the kiosk's own layouts (QT_VIRTUALKEYBOARD_LAYOUT_PATH points at keyboard_qml/layouts):
Qt Virtual Keyboard has no Uyghur layout, and its Arabic layout lacks nine Uyghur letters
(ە ې ۇ ۆ ۈ ۋ ڭ ھ ژ), which appear in nearly every Uyghur word; a layout path replaces all
built-in layouts, so the Chinese pinyin and digit layouts are ours too (fewer keys, no
handwriting or settings keys for villagers to get lost in).

Rendering: the software Qt Quick backend (QT_QUICK_BACKEND=software), so the keyboard needs
no GPU or OpenGL on the terminal and renders offscreen in tests like everything else.

Licence note: Qt Virtual Keyboard is GPL-3.0 (or commercial), not LGPL like the rest of the Qt
modules the kiosk uses; see docs/keyboard.md.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import MutableMapping
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
QML_DIR = Path(__file__).resolve().with_name("keyboard_qml")
LOCALES = {"zh_CN": "zh_CN", "ug_CN": "ug_CN"}  # UI language -> keyboard layout


def input_method_environment() -> dict[str, str]:
    """The environment the keyboard needs, set before the QApplication exists: by the kiosk's
    entry point and by tests/conftest.py, from this one definition."""
    return {
        "QT_IM_MODULE": "qtvirtualkeyboard",
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
        "QT_VIRTUALKEYBOARD_LAYOUT_PATH": str(QML_DIR / "layouts"),
        "QT_QUICK_BACKEND": "software",
    }


def apply_input_method_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """Overrides what the system set (e.g. QT_IM_MODULE=ibus): the kiosk has no other keyboard."""
    environ.update(input_method_environment())


class _Bridge(QObject):
    """What the QML panel calls back (its `dock`)."""

    height_wanted = Signal(float)
    active = Signal(bool)

    @Slot(float)
    def panelHeightChanged(self, height: float) -> None:
        self.height_wanted.emit(height)

    @Slot(bool)
    def activeChanged(self, active: bool) -> None:
        self.active.emit(active)


class KeyboardDock(QQuickWidget):
    """The keyboard under the screens: shown while a text field wants input, folded away
    otherwise. GUI thread. If the virtual keyboard cannot load (a broken install), the dock
    stays folded and says why in `error`; the kiosk then works for everything but typing."""

    def __init__(self, language: str = "zh_CN", big_keys: bool = False) -> None:
        super().__init__()
        self.error = ""
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys never take the focus from the field
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        # Always shown, zero high while nobody types: a QQuickWidget resized while hidden
        # keeps a zero-sized scene when shown again.
        self._wanted, self._active = 0, False
        self.setFixedHeight(0)
        self._bridge = _Bridge(self)
        self._bridge.height_wanted.connect(self._fit)
        self._bridge.active.connect(self._activate)
        self.rootContext().setContextProperty("dock", self._bridge)
        self._language, self._big_keys = language, big_keys
        # Compiled asynchronously: the GUI thread never waits for QML's loader thread. (Waiting
        # in setSource() holds Python's GIL, so a Python Qt message handler called from the
        # loader thread, as pytest-qt installs one, would deadlock.)
        self._url = QUrl.fromLocalFile(str(QML_DIR / "panel.qml"))
        self._component = QQmlComponent(
            self.engine(), self._url, QQmlComponent.CompilationMode.Asynchronous
        )
        if self._component.isLoading():
            self._component.statusChanged.connect(self._compiled)
        else:
            self._compiled()

    @property
    def ready(self) -> bool:
        return self.rootObject() is not None

    def _compiled(self) -> None:
        if self._component.isLoading() or self.rootObject() is not None:
            return
        root = None if self._component.isError() else self._component.create(self.rootContext())
        if root is None:
            self.error = "; ".join(e.toString() for e in self._component.errors()) or "not built"
            log.error("on-screen keyboard unavailable: %s", self.error)
            return
        self.setContent(self._url, self._component, root)
        self.set_language(self._language)
        self.set_big_keys(self._big_keys)
        focus = QApplication.focusWidget()
        if focus is not None and focus.inputMethodQuery(Qt.InputMethodQuery.ImEnabled):
            QGuiApplication.inputMethod().show()  # a tap that came before the keyboard did

    def set_language(self, language: str) -> None:
        self._language = language
        root = self.rootObject()
        if root is not None:
            root.setProperty("locale", LOCALES.get(language, "zh_CN"))

    def set_big_keys(self, big: bool) -> None:
        self._big_keys = big
        root = self.rootObject()
        if root is not None:
            root.setProperty("bigKeys", big)

    def close_keyboard(self) -> None:
        """Hide the keyboard (another screen is showing: nothing there is being typed)."""
        QGuiApplication.inputMethod().hide()

    @property
    def showing(self) -> bool:
        return self._active and self.height() > 0

    def _fit(self, height: float) -> None:
        self._wanted = max(0, math.ceil(height))
        self.setFixedHeight(self._wanted if self._active else 0)

    def _activate(self, active: bool) -> None:
        self._active = active
        self.setFixedHeight(self._wanted if active else 0)
