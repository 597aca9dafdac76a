"""The apply journey in tests: the kiosk's window with devices and an ApplyService on the
cached seed catalog, and helpers that walk a villager from an item's guide page through
identify, the form, the materials and the review, as they would tap it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from devices.camera.document_scanner import OpenCvDocumentScanner
from devices.face.liveness import HeadTurnChallenge
from devices.simulated_camera import SimulatedCamera
from devices.simulated_face import SimulatedFaceEngine
from kiosk.domain.identity import Identity
from kiosk.ports.clock import FakeClock
from kiosk.ports.outbox import Outbox
from kiosk.ports.payments import Payments
from kiosk.ports.printer import ReceiptPrinter
from kiosk.services.apply import ApplyService
from kiosk.services.identify import IdentifyService
from tests.devices.synthetic_documents import photograph, synthetic_page
from tests.ui.cards import TestCardReader
from tests.ui.journeys import GREY_FRAME, kiosk_with_devices, present_card, settle, show_face
from tests.ui.support import guide_services
from ui.main_window import MainWindow
from ui.screens.apply import ApplyScreen

LOW_INCOME = "000113001000"  # 低保申请: a form with numbers, four materials to photograph
CARD_REPLACEMENT = "000121005000"  # 社保卡补换: a fee of 15 yuan, a choice, only the ID card
ELDERLY_CARD = "000113006000"  # 老年人优待证: a short form

Shot = Callable[[str], None]


def no_shot(_name: str) -> None:
    """Tests walk on without screenshots."""


def document_frame() -> np.ndarray:
    """A photographed A4 page (1280x960) the document pipeline accepts."""
    return photograph(synthetic_page())


def apply_kiosk(
    qapp: QApplication,
    *,
    clock: FakeClock | None = None,
    outbox: Callable[[], Outbox | None] = lambda: None,
    printer: ReceiptPrinter | None = None,
    payments: Callable[[], Payments | None] = lambda: None,
    online: Callable[[], bool] = lambda: True,
    terminal: tuple[str, str] = ("K7Q2M", "富阳镇便民服务中心"),
    camera: Any = None,
    elderly: bool = True,
    language: str = "zh_CN",
) -> tuple[MainWindow, TestCardReader, Any, ApplyService]:
    clock = clock or FakeClock()
    services = guide_services(clock)
    assert services.catalog is not None
    apply = ApplyService(
        services.catalog,
        clock,
        outbox=outbox,
        printer=printer,
        scanner=OpenCvDocumentScanner(),
        payments=payments,
        terminal=lambda: terminal,
        online=online,
        delivered_wait_s=8.0,
    )
    services.apply = apply
    window, reader, cam = kiosk_with_devices(
        qapp,
        clock=clock,
        services=services,
        camera=camera if camera is not None else SimulatedCamera([GREY_FRAME]),
        elderly=elderly,
        language=language,
    )
    return window, reader, cam, apply


def apply_screen(window: MainWindow) -> ApplyScreen:
    screen = window.navigator.screens["apply"]
    assert isinstance(screen, ApplyScreen)
    return screen


def tap(widget: Any) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def from_guide_to_form(
    qtbot: Any,
    qapp: QApplication,
    window: MainWindow,
    reader: TestCardReader,
    camera: SimulatedCamera,
    who: Identity,
    code: str,
    resumed: bool = False,
    shot: Shot = no_shot,
) -> ApplyScreen:
    """The item's guide page, 在本机申请, card, "is this you?", face: the form shows (or,
    with `resumed`, the offer to continue this card holder's half-finished application).
    `shot(name)` is called at each state on the way (make demo saves a screenshot)."""
    # A fresh scripted face per visit: the simulated head turn is played once.
    window.ctx.services.identify = IdentifyService(
        window.ctx.clock, SimulatedFaceEngine(), lambda: HeadTurnChallenge(max_frames=30)
    )
    nav = window.navigator
    nav.go("guide_item", {"code": code})
    item_page = nav.current
    qtbot.waitUntil(lambda: item_page.apply_button.isVisible(), timeout=10_000)  # type: ignore[attr-defined]
    shot("item")
    tap(item_page.apply_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: nav.current.name == "identify", timeout=10_000)
    identify = nav.current
    shot("identify-card")
    present_card(qtbot, qapp, reader, who)
    shot("identify-confirm")
    tap(identify.yes_button)  # type: ignore[attr-defined]
    screen = apply_screen(window)
    show_face(qtbot, qapp, window, camera, lambda: nav.current is screen)
    page = screen.resume_page if resumed else screen.form_page
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is page, timeout=10_000)
    settle(qtbot, qapp)
    shot("form")
    return screen


def type_field(screen: ApplyScreen, name: str, text: str) -> None:
    edit = screen.form.fields[name].edit
    assert edit is not None and not edit.isReadOnly()
    edit.setFocus()
    edit.clear()
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:  # QTest types ASCII only; an input method commits Chinese as one string
        edit.insert(text)
    edit.editingFinished.emit()


def choose(screen: ApplyScreen, name: str, value: Any) -> None:
    group = screen.form.fields[name].choices
    assert group is not None
    for button in group.buttons():
        if button.property("value") == value:
            tap(button)
            return
    raise AssertionError(f"no choice {value!r} for {name}")


def show_page(
    qtbot: Any,
    qapp: QApplication,
    screen: ApplyScreen,
    camera: SimulatedCamera,
    frame: np.ndarray,
    until: Callable[[], bool],
    max_frames: int = 20,
) -> None:
    """Hold a page under the camera: frames one at a time, each looked at, until `until()`."""
    bridge = screen.ctx.devices
    assert bridge is not None
    qtbot.waitUntil(lambda: bridge.camera_open and camera.status().usable, timeout=5000)
    for _ in range(max_frames):
        camera.push(frame)
        qapp.processEvents()
        qtbot.waitUntil(lambda: not screen._looking, timeout=10_000)
        qapp.processEvents()
        if until():
            return
    raise AssertionError("the screen did not get there")


def capture(qtbot: Any, qapp: QApplication, screen: ApplyScreen) -> None:
    tap(screen.materials.capture_button)
    qtbot.waitUntil(lambda: not screen._scanning, timeout=20_000)
    settle(qtbot, qapp)


def fill_form_and_photograph(
    qtbot: Any,
    qapp: QApplication,
    screen: ApplyScreen,
    camera: SimulatedCamera,
    shot: Shot = no_shot,
) -> None:
    """老年人优待证: the phone typed, both photo pages taken, on to the review."""
    type_field(screen, "phone", "13800138000")
    shot("form-filled")
    tap(screen.form_next)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    page = document_frame()
    ok = screen.ctx.tr.t("document.ok")
    for n in range(2):
        show_page(
            qtbot, qapp, screen, camera, page, lambda: screen.materials.guidance.plain() == ok
        )
        shot(f"materials-{n + 1}")
        capture(qtbot, qapp, screen)
    assert screen._current is None
    shot("materials-done")
    tap(screen.materials.next_button)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.review
    shot("review")
