"""Screens and the navigator that moves between them.

Every screen has the same frame: a header with 返回 and 首页 and the title, a banner for
status, and a body. A screen implements three things:
- enter(**params): shown (with what the previous screen handed over);
- retranslate(): set every text from message keys (also after a language switch);
- forget(): wipe everything about the person from its widgets and fields. Called for every
  screen when a visit ends, so nothing of one villager is ever visible to the next.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.i18n import Messages
from ui.widgets import Banner, BigButton, TitleLabel


class Screen(QWidget):
    name: ClassVar[str] = ""
    title_key: ClassVar[str] = ""
    messages: ClassVar[Messages] = {}
    show_header: ClassVar[bool] = True

    navigate = Signal(str, dict)  # target screen name, params
    go_back = Signal()
    go_home = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.tr.add(self.messages)
        self.setObjectName(self.name)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.header = QFrame()
        self.header.setProperty("role", "header")
        bar = QHBoxLayout(self.header)
        bar.setContentsMargins(0, 0, 0, 8)
        self.back_button = BigButton(role="secondary")
        self.back_button.clicked.connect(self.go_back.emit)
        self.title = TitleLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.home_button = BigButton(role="secondary")
        self.home_button.clicked.connect(self.go_home.emit)
        bar.addWidget(self.back_button)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.home_button)
        self.header.setVisible(self.show_header)
        self.banner = Banner()
        self.body = QVBoxLayout()
        self.body.setSpacing(ctx.theme.mode.spacing_px)
        outer.addWidget(self.header)
        outer.addWidget(self.banner)
        outer.addLayout(self.body, 1)

    def t(self, key: str, **params: Any) -> str:
        return self.ctx.tr.t(key, **params)

    def retranslate(self) -> None:
        """Subclasses call super() and then set their own texts."""
        self.back_button.setText("◀ " + self.t("nav.back"))
        self.home_button.setText("⌂ " + self.t("nav.home"))
        if self.title_key:
            self.title.setText(self.t(self.title_key))

    def enter(self, **params: Any) -> None:  # noqa: ARG002 - screens take what they need
        """Shown. The base speaks the screen's title so a person who cannot read hears where
        they are."""
        if self.title_key:
            self.ctx.voice.say(self.title_key)

    def leave(self) -> None:
        """Another screen is about to show."""

    def forget(self) -> None:
        """Wipe the person: subclasses clear every field they filled, then call super()."""
        self.banner.clear()
        forget_typing(self)

    def available(self) -> bool:
        """False when this terminal cannot offer the screen (its service is missing)."""
        return True


def forget_typing(widget: QWidget) -> None:
    """A QLineEdit emptied with clear() can still be undone back to what the last person typed
    (a long press offers 撤销, and so does Ctrl+Z): every text field under `widget` loses its
    undo and redo history, keeping the text it holds now."""
    for line in widget.findChildren(QLineEdit):
        line.setText(line.text())  # setText empties the history; clear() is undoable
    for rich in widget.findChildren(QTextEdit):
        rich.document().clearUndoRedoStacks()
    for plain in widget.findChildren(QPlainTextEdit):
        plain.document().clearUndoRedoStacks()


class Navigator(QStackedWidget):
    """The stack of screens, with a history for 返回. GUI thread."""

    moved = Signal(str)  # name of the screen now showing
    home_requested = Signal()  # 首页 pressed: the session watch ends the visit

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.screens: dict[str, Screen] = {}
        self.history: list[str] = []
        ctx.tr.changed.connect(lambda _lang: self.retranslate())

    def register(self, screen: Screen) -> None:
        if screen.name in self.screens:
            raise ValueError(f"screen {screen.name!r} registered twice")
        self.screens[screen.name] = screen
        self.addWidget(screen)
        screen.navigate.connect(self.go)
        screen.go_back.connect(self.back)
        screen.go_home.connect(self.home)
        screen.retranslate()

    def offers(self, name: str) -> bool:
        screen = self.screens.get(name)
        return screen is not None and screen.available()

    @property
    def current(self) -> Screen:
        widget = self.currentWidget()
        assert isinstance(widget, Screen)  # only Screens are ever added
        return widget

    def go(self, name: str, params: dict[str, Any] | None = None) -> None:
        target = self.screens[name]
        if self.count() and self.currentWidget() is not target:
            self.current.leave()
            self.history.append(self.current.name)
            del self.history[:-20]
        self.setCurrentWidget(target)
        target.enter(**(params or {}))
        self.moved.emit(name)

    def back(self) -> None:
        if not self.history:
            return
        name = self.history.pop()
        self.current.leave()
        self.setCurrentWidget(self.screens[name])
        self.screens[name].enter()
        self.moved.emit(name)

    def home(self) -> None:
        """首页 ends the visit: the person is forgotten (the session watch does it)."""
        self.home_requested.emit()

    def reset(self, home: str) -> None:
        """Forget the person on every screen and show the home screen."""
        for screen in self.screens.values():
            screen.forget()
        self.history.clear()
        if self.count():
            self.current.leave()
        self.setCurrentWidget(self.screens[home])
        self.screens[home].enter()
        self.moved.emit(home)

    def retranslate(self) -> None:
        for screen in self.screens.values():
            screen.retranslate()
