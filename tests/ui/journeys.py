"""Walking people through the journeys in tests: build the kiosk's window with devices, and
drive the identify step (card, "is this you?", face) as a villager would."""

from __future__ import annotations

import time
from typing import Any, Protocol

import numpy as np
from PySide6.QtWidgets import QApplication

from devices.face.liveness import HeadTurnChallenge
from devices.simulated_camera import SimulatedCamera
from devices.simulated_face import SimulatedFaceEngine
from kiosk.domain.identity import Identity
from kiosk.ports.card_reader import CardReader
from kiosk.ports.clock import FakeClock
from kiosk.ports.face import FaceEngine
from kiosk.services.identify import IdentifyService
from tests.ui.cards import TestCardReader
from tests.ui.support import RecordingSpeaker, make_window
from ui.bridge import DeviceBridge
from ui.context import Services
from ui.i18n import Text
from ui.main_window import MainWindow
from ui.navigation import Screen
from ui.screens.identify import IdentifyScreen

GREY_FRAME = np.full((480, 640, 3), 128, np.uint8)


class ProbeScreen(Screen):
    """Where a journey under test goes next: records what it was handed."""

    name = "probe"
    title_key = "test.probe"
    messages = {"test.probe": Text("下一步", "كېيىنكى قەدەم")}

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.params: dict[str, Any] | None = None

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if params:
            self.params = params

    def forget(self) -> None:
        self.params = None
        super().forget()


def kiosk_with_devices(
    qapp: QApplication,
    *,
    clock: FakeClock | None = None,
    face: FaceEngine | None = None,
    reader: TestCardReader | None = None,
    card_reader: CardReader | None = None,  # a real driver, in place of `reader`
    camera: Any = None,
    services: Services | None = None,
    speaker: RecordingSpeaker | None = None,
    language: str = "zh_CN",
    elderly: bool = True,
    with_probe: bool = True,
) -> tuple[MainWindow, TestCardReader, Any]:
    clock = clock or FakeClock()
    reader = reader or TestCardReader()
    camera = camera if camera is not None else SimulatedCamera([GREY_FRAME])
    services = services or Services()
    if services.identify is None:
        services.identify = IdentifyService(
            clock, face or SimulatedFaceEngine(), lambda: HeadTurnChallenge(max_frames=30)
        )
    window = make_window(
        qapp,
        clock=clock,
        services=services,
        card_readers={"card_reader": card_reader or reader},
        camera=camera,
        speaker=speaker,
        language=language,
        elderly=elderly,
    )
    if with_probe:
        window.navigator.register(ProbeScreen(window.ctx))
    return window, reader, camera


def probe(window: MainWindow) -> ProbeScreen:
    screen = window.navigator.screens["probe"]
    assert isinstance(screen, ProbeScreen)
    return screen


def bridge_of(window: MainWindow) -> DeviceBridge:
    bridge = window.ctx.devices
    assert bridge is not None
    return bridge


def identify_screen(window: MainWindow) -> IdentifyScreen:
    screen = window.navigator.screens["identify"]
    assert isinstance(screen, IdentifyScreen)
    return screen


IDENTIFY_PARAMS: dict[str, Any] = {
    "next": "probe",
    "next_params": {},
    "face": True,
    "purpose_key": "identify.for",
    "purpose_params": {"item": "最低生活保障申请"},
}


def start_identify(window: MainWindow, face: bool = True, **next_params: Any) -> IdentifyScreen:
    params = {**IDENTIFY_PARAMS, "face": face, "next_params": next_params}
    window.navigator.go("identify", params)
    return identify_screen(window)


def settle(qtbot: Any, qapp: QApplication) -> None:
    """Let queued signals and finished workers deliver."""
    qapp.processEvents()
    qtbot.wait(5)
    qapp.processEvents()


class CardSlot(Protocol):
    """Where a test puts a card: the in-process reader, or vpcd (tests/ui/test_agent_journey)."""

    def insert(self, identity: Identity) -> None: ...


def present_card(qtbot: Any, qapp: QApplication, reader: CardSlot, who: Identity) -> None:
    reader.insert(who)
    settle(qtbot, qapp)


def show_face(
    qtbot: Any,
    qapp: QApplication,
    window: MainWindow,
    camera: SimulatedCamera,
    until: Any,
    frame: np.ndarray = GREY_FRAME,
    max_frames: int = 60,
) -> int:
    """Push camera frames one at a time (each waits for the face step it starts) until
    `until()` holds; returns how many frames it took."""
    screen = identify_screen(window)
    bridge = bridge_of(window)
    qtbot.waitUntil(lambda: bridge.camera_open and camera.status().usable, timeout=5000)
    for count in range(1, max_frames + 1):
        camera.push(frame)
        qapp.processEvents()
        qtbot.waitUntil(lambda: not screen._analysing, timeout=10_000)
        qapp.processEvents()
        if until():
            return count
    raise AssertionError(f"not reached after {max_frames} frames")


def pump(until: Any, timeout_s: float = 10.0) -> None:
    """Process Qt events until `until()` holds (for helpers that have no qtbot)."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > deadline:
            raise AssertionError("the UI did not get there in time")
        if app is not None:
            app.processEvents()
        time.sleep(0.002)


def push_frames_until(screen: IdentifyScreen, until: Any, frame: np.ndarray = GREY_FRAME) -> int:
    """Like show_face, without qtbot: one simulated camera frame per face step."""
    bridge = screen.ctx.devices
    assert bridge is not None
    camera = bridge.camera
    assert isinstance(camera, SimulatedCamera)
    pump(lambda: bridge.camera_open and camera.status().usable)
    app = QApplication.instance()
    for count in range(1, 61):
        camera.push(frame)
        if app is not None:
            app.processEvents()  # the frame reaches the screen, which may start a face step
        pump(lambda: not screen._analysing)
        if until():
            return count
    raise AssertionError("not reached after 60 frames")
