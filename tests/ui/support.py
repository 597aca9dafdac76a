"""Building the real UI for tests: the real translator, theme, session, navigator and screens,
with a hand-moved clock and a speaker that records what it was asked to say."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QApplication

from kiosk.ports.clock import FakeClock
from kiosk.services.session import Session
from ui.context import Services, UiContext, UiSettings
from ui.i18n import Translator
from ui.main_window import MainWindow
from ui.session_watch import Defaults
from ui.theme import Theme
from ui.voice import Prompter
from ui.workers import Workers

SCREEN_SIZE = (1080, 1920)  # the portrait touchscreen of most village kiosks


@dataclass
class RecordingSpeaker:
    said: list[tuple[str, str]] = field(default_factory=list)
    cancels: int = 0

    def speak(self, text: str, language: str) -> None:
        self.said.append((text, language))

    def cancel(self) -> None:
        self.cancels += 1


def make_window(
    qapp: QApplication,
    *,
    clock: FakeClock | None = None,
    services: Services | None = None,
    language: str = "zh_CN",
    elderly: bool = True,
    speaker: RecordingSpeaker | None = None,
    idle_timeout_s: float = 90,
) -> MainWindow:
    clock = clock or FakeClock()
    tr = Translator(language)
    theme = Theme(qapp, elderly)
    ctx = UiContext(
        tr=tr,
        theme=theme,
        session=Session(clock, idle_timeout_s, warning_s=20, card_grace_s=15),
        voice=Prompter(speaker if speaker is not None else RecordingSpeaker(), tr),
        workers=Workers(),
        clock=clock,
        settings=UiSettings(
            hall_name="富阳镇便民服务中心", hall_code="451123101", terminal_id="K7Q2M"
        ),
        services=services or Services(),
    )
    window = MainWindow(ctx, Defaults(language, elderly, True))
    window.watch.timer.stop()  # tests tick by hand with the fake clock
    window.resize(*SCREEN_SIZE)
    window.show()
    qapp.processEvents()
    return window
