"""Watches the person's visit for the UI: every touch or key anywhere keeps it alive, the idle
countdown and the card-removal grace show on an overlay (and the idle one is spoken), and when
the visit ends every screen forgets the person and the home screen returns with the terminal's
own language and mode. Qt adapter around kiosk.services.session.Session; GUI thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from kiosk.services.session import EndReason, Phase
from ui.context import UiContext
from ui.navigation import Navigator
from ui.widgets import BigButton, BodyLabel, TitleLabel

# Anything a person does. InputMethod covers typing through the on-screen keyboard's pinyin.
_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.InputMethod,
    QEvent.Type.Wheel,
}


@dataclass(frozen=True)
class Defaults:
    """The terminal's own settings, restored for the next person."""

    language: str
    elderly: bool
    voice: bool


class CountdownOverlay(QFrame):
    """Covers the window while a countdown runs; any touch on it counts as "I'm still here"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.question = TitleLabel()
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = BodyLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stay = BigButton()
        layout.addWidget(self.question)
        layout.addWidget(self.detail)
        layout.addWidget(self.stay)
        layout.addStretch(1)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class SessionWatch(QObject):
    ended = Signal(str)  # EndReason value

    def __init__(
        self,
        ctx: UiContext,
        navigator: Navigator,
        overlay: CountdownOverlay,
        defaults: Defaults,
        home: str = "home",
        tick_ms: int = 250,
    ) -> None:
        super().__init__()
        self.ctx, self.navigator, self.overlay = ctx, navigator, overlay
        self.defaults, self.home_name = defaults, home
        self._spoken_warning = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(tick_ms)
        overlay.stay.clicked.connect(self._stay)
        navigator.home_requested.connect(lambda: self.end_visit(EndReason.FINISHED))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.ctx.session.touch()
            if self.overlay.isVisible():
                self.tick()
        return super().eventFilter(watched, event)

    def _stay(self) -> None:
        self.ctx.session.touch()
        self.tick()

    def end_visit(self, reason: EndReason = EndReason.FINISHED) -> None:
        """End the visit now (首页, a finished journey, another person's card)."""
        self.ctx.session.finish(reason)
        self.ctx.session.tick()  # consumes the ENDED verdict: the forgetting happens here
        self._forget(reason)

    def tick(self) -> None:
        verdict = self.ctx.session.tick()
        t = self.ctx.tr.t
        if verdict.phase is Phase.WARNING:
            self.overlay.question.setText(t("idle.question"))
            self.overlay.detail.set_plain(
                t("idle.countdown", seconds=math.ceil(verdict.remaining_s))
            )
            self.overlay.stay.setText(t("idle.continue"))
            if not self.overlay.isVisible():
                self.overlay.cover()
            if not self._spoken_warning:
                self._spoken_warning = True
                self.ctx.voice.say("idle.spoken")
        elif verdict.phase is Phase.CARD_GRACE:
            self.overlay.question.setText(t("idle.question"))
            self.overlay.detail.set_plain(
                t("card.removed_grace", seconds=math.ceil(verdict.remaining_s))
            )
            self.overlay.stay.setText(t("idle.continue"))
            if not self.overlay.isVisible():
                self.overlay.cover()
                self.ctx.voice.say("card.removed_grace", seconds=math.ceil(verdict.remaining_s))
        elif verdict.phase is Phase.ENDED:
            self._forget(verdict.reason or EndReason.FINISHED)
        elif self.overlay.isVisible():
            self.overlay.hide()
            self._spoken_warning = False

    def _forget(self, reason: EndReason) -> None:
        self.overlay.hide()
        self._spoken_warning = False
        self.ctx.voice.cancel()
        self.ctx.tr.set_language(self.defaults.language)
        self.ctx.theme.set_right_to_left(self.ctx.tr.right_to_left)
        self.ctx.theme.set_elderly(self.defaults.elderly)
        self.ctx.voice.set_enabled(self.defaults.voice)
        self.navigator.reset(self.home_name)
        self.ended.emit(reason.value)
