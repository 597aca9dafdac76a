"""The whole kiosk as `kiosk.app.build` makes it, on its real drivers and the emulators:

- card reader `pcsc`: pcscd + vpcd, with the project's own virtual card inserted by the test
  (devices/emulators/vcard.py, under the cross-process vpcd lock of tests/support/pcsc.py);
- printer `escpos` over TCP to the ESC/POS emulator (devices/emulators/escpos_printer.py);
- camera `opencv` on a looped MJPG file of a photographed A4 page (cv2.VideoCapture);
- face `simulated`: the virtual card's photos are drawn stand-ins (devices/emulators/people.py),
  not faces, and the only real face fixture (tests/devices/data/astronaut_head.jpg) is one still
  picture, which dlib's head-turn liveness rightly refuses (tests/devices/test_face_dlib.py);
- the reference platform on loopback (tests/support/central.py).

The journeys are walked by tapping the real widgets, offscreen, in the shown window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from devices.emulators.card_model import kiosk_test_card
from devices.emulators.escpos_printer import EscposPrinterEmulator
from devices.emulators.people import Person
from devices.emulators.vcard import VirtualCard
from kiosk.app import Kiosk
from kiosk.ports.clock import SystemClock
from offline_queue.store import Outbox
from offline_queue.terminal import outbox_opener
from tests.devices.camera_media import write_video
from tests.devices.synthetic_documents import photograph, synthetic_page
from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk
from tests.support.pcsc import VpcdSlot
from tests.ui.apply_support import apply_screen, capture, tap
from tests.ui.journeys import settle
from tests.ui.test_guide import button
from ui.screens.apply import ApplyScreen
from ui.screens.identify import IdentifyScreen

ELDERLY_CARD_CODE = "000113006000"  # 老年人优待证: name, ID and address from the card, a phone
ELDERLY_CARD_INITIALS = "lnrydz"


@dataclass
class RealKiosk:
    kiosk: Kiosk
    vpcd: VpcdSlot
    printer: EscposPrinterEmulator
    camera_file: Path

    @property
    def nav(self) -> Any:
        return self.kiosk.window.navigator

    def outbox(self) -> Outbox:
        """The terminal's outbox through a connection of its own, for checking."""
        enrolment = self.kiosk.credentials.enrolment()
        assert enrolment is not None
        return outbox_opener(self.kiosk.config, enrolment, SystemClock())(True)

    def online(self) -> bool | None:
        assert self.kiosk.queue is not None
        return self.kiosk.queue.sync.status().online


def page_video(folder: Path) -> Path:
    """A looped second of a photographed A4 page, in the camera's 1280x960."""
    frames = [photograph(synthetic_page(), seed=seed) for seed in (7, 8, 9)]
    return write_video(folder / "page.avi", frames, fps=10.0)


@pytest.fixture
def real_kiosk(
    qtbot: Any,
    qapp: QApplication,
    tmp_path: Path,
    start_kiosk: StartKiosk,
    central: CentralHandle,
    vpcd: VpcdSlot,
) -> Iterator[RealKiosk]:
    printer = EscposPrinterEmulator().start()
    host, port = printer.address
    video = page_video(tmp_path)
    try:
        kiosk = start_kiosk(
            devices_card_reader__driver="pcsc",
            devices_card_reader__reader=vpcd.reader,
            devices_card_reader__retry_s="0.2",
            devices_printer__driver="escpos",
            devices_printer__transport="network",
            devices_printer__host=host,
            devices_printer__port=str(port),
            devices_printer__timeout_s="1",
            devices_printer__paper_mm="58",
            devices_camera__driver="opencv",
            devices_camera__source=str(video),
            devices_camera__loop="true",
            devices_camera__fps="10",
            devices_face__driver="simulated",
            platform__probe_interval_s="600",  # the test asks the sync loop to probe
            ui__card_grace_s="5",
        )
        apply = kiosk.ctx.services.apply
        assert apply is not None
        # The kiosk waits 4 s for the platform to confirm before it prints "received"; on a
        # loaded two-core test machine the upload of two pages sometimes takes longer.
        apply.delivered_wait_s = 12.0
        window = kiosk.window
        window.resize(1080, 1920)
        window.show()
        qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
        queue = kiosk.queue
        assert queue is not None
        qtbot.waitUntil(lambda: queue.sync.status().online is True, timeout=20_000)
        settle(qtbot, qapp)
        yield RealKiosk(kiosk, vpcd, printer, video)
        window.close()
    finally:
        printer.stop()


def found(widget: Any, starts: str) -> bool:
    return any(
        b.isVisibleTo(widget) and b.text().startswith(starts)
        for b in widget.findChildren(QAbstractButton)
    )


def open_item_from_home(qtbot: Any, qapp: QApplication, real: RealKiosk) -> None:
    """Home → 办事指南 → the item found by its initials → its page → 在本机申请 → identify."""
    nav = real.nav
    QTest.mouseClick(real.kiosk.window.home.tile_buttons["guide"], Qt.MouseButton.LeftButton)
    settle(qtbot, qapp)
    guide = nav.current
    assert guide.name == "guide"
    QTest.keyClicks(guide.search, ELDERLY_CARD_INITIALS)
    qtbot.waitUntil(lambda: guide.hint.plain() == "找到 1 项：", timeout=10_000)
    # The found rows show a moment after the hint (the list lays them out first).
    qtbot.waitUntil(lambda: found(guide.list, "老年人优待证"), timeout=10_000)
    tap(button(guide.list, "老年人优待证"))
    settle(qtbot, qapp)
    item_page = nav.current
    assert item_page.name == "guide_item"
    qtbot.waitUntil(lambda: item_page.apply_button.isVisible(), timeout=10_000)
    tap(item_page.apply_button)
    qtbot.waitUntil(lambda: nav.current.name == "identify", timeout=10_000)


def identify_with_card(
    qtbot: Any, qapp: QApplication, real: RealKiosk, person: Person
) -> tuple[IdentifyScreen, VirtualCard]:
    """The virtual card goes into vpcd; pcscd sees it (it polls every 400 ms), the kiosk's
    PC/SC driver reads it, and the identify screen shows it back masked."""
    identify = real.nav.current
    assert isinstance(identify, IdentifyScreen)
    card = real.vpcd.insert(kiosk_test_card(person))
    qtbot.waitUntil(lambda: identify.pages.currentWidget() is identify.confirm_page, timeout=10_000)
    return identify, card


def confirm_and_face(qtbot: Any, qapp: QApplication, real: RealKiosk) -> ApplyScreen:
    """是本人: the face step runs on the camera's frames until the apply form shows."""
    identify = real.nav.current
    assert isinstance(identify, IdentifyScreen)
    tap(identify.yes_button)
    screen = apply_screen(real.kiosk.window)
    qtbot.waitUntil(
        lambda: real.nav.current is screen and screen.pages.currentWidget() is screen.form_page,
        timeout=20_000,
    )
    settle(qtbot, qapp)
    return screen


def photograph_pages(qtbot: Any, qapp: QApplication, screen: ApplyScreen, pages: int) -> None:
    """Hold the page under the camera (the video does) and take `pages` pictures once the
    screen says the page is right."""
    ok = screen.ctx.tr.t("document.ok")

    def taken() -> int:
        draft = screen._draft
        return 0 if draft is None else sum(len(p) for p in draft.pages.values())

    goal = taken() + pages
    for _attempt in range(3 * pages):  # a blurred frame is refused: the villager tries again
        assert screen._current is not None
        qtbot.waitUntil(lambda: screen.materials.guidance.plain() == ok, timeout=15_000)
        capture(qtbot, qapp, screen)
        if taken() == goal:
            return
    raise AssertionError(f"{taken()} pages taken, {goal} wanted")
