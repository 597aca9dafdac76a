"""设备自检 on the emulators, through the same checks as `python -m devices diagnose`: a card on
the vpcd virtual reader and on the ID reader over a pseudo-terminal, a test page on the ESC/POS
emulator (its QR decoded from the printed raster), the printer out of paper, a picture from a
video file through cv2, a prompt synthesised by espeak-ng; each in words with the fix, each
test in the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from devices.emulators.card_model import kiosk_test_card
from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState, render_job
from devices.emulators.idreader import IdReaderEmulator
from devices.emulators.people import PEOPLE
from devices.registry import KioskDevices, build_devices
from kiosk.app import attach_self_tests
from kiosk.config import load_config
from kiosk.ports.clock import SystemClock
from kiosk.ports.self_test import SelfTest
from tests.devices.camera_media import held_up_receipt_frames, write_video
from tests.devices.test_diagnose import write_config
from tests.devices.test_printer_contract import qr_in
from tests.support import pcsc
from tests.support.pcsc import VpcdSlot
from tests.ui.tech_support import (
    TechKiosk,
    menu_of,
    screenshot,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.technician.selftest import TechSelfTestScreen

pytestmark = pytest.mark.integration
# pcscd with the vpcd virtual reader, as tests/devices use them (`vpcd_slot` here)
pcsc_service, vpcd_slot = pcsc.pcsc_service, pcsc.vpcd


@pytest.fixture
def emulated(
    vpcd_slot: VpcdSlot, tmp_path: Path
) -> Iterator[tuple[KioskDevices, EscposPrinterEmulator, IdReaderEmulator]]:
    printer = EscposPrinterEmulator().start()
    id_reader = IdReaderEmulator(link=tmp_path / "ttyIDR").start()
    video = write_video(tmp_path / "cam.avi", held_up_receipt_frames(6))
    config = write_config(
        tmp_path / "devices.toml",
        vpcd_slot.reader,
        id_reader.port,
        printer.address,
        str(video),
        face="none",
    )
    devices = build_devices(load_config(config, environ={}).devices)
    try:
        yield devices, printer, id_reader
    finally:
        devices.close()
        id_reader.stop()
        printer.stop()


def results_of(qtbot, screen: TechSelfTestScreen, test: SelfTest) -> str:
    qtbot.mouseClick(screen.test_buttons[test], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.test_buttons[test].isEnabled(), timeout=60_000)
    return screen.results.plain()


def test_each_device_is_tested_on_its_emulator_with_the_fix_in_words(
    qtbot, tech: TechKiosk, emulated, vpcd_slot: VpcdSlot
):
    devices, printer, id_reader = emulated
    attach_self_tests(tech.desk, devices, SystemClock())
    tools = tech.desk.tools.self_tests
    assert tools is not None
    tools.card_wait_s = 15
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(tech.window).tile_buttons["tech_selftest"], Qt.MouseButton.LeftButton)
    screen = tech.window.navigator.current
    assert isinstance(screen, TechSelfTestScreen)

    vpcd_slot.insert(kiosk_test_card(PEOPLE[0]))
    id_reader.present(PEOPLE[2])
    text = results_of(qtbot, screen, SelfTest.CARD)
    assert "✔ 社保卡读卡器：读卡器正常" in text and "读到卡：张*（终端测试卡）" in text
    assert "身份证读卡器" in text and "读到卡：买买***（居民身份证）" in text
    assert PEOPLE[0].name not in text and PEOPLE[0].id_number not in text
    screenshot(tech.window, "selftest-card-zh-elderly")

    text = results_of(qtbot, screen, SelfTest.PRINTER)
    assert "✔ 打印机：打印机正常" in text and "已打印测试页" in text
    (job,) = printer.wait_idle()
    assert qr_in(np.array(render_job(job))) == "KIOSK-PRINTER-TEST"
    printer.set_state(PaperState.OUT)
    text = results_of(qtbot, screen, SelfTest.PRINTER)
    assert "✖ 打印机：打印机没纸了" in text and "处理办法：打开打印机盖，换上新纸卷" in text
    assert "有设备需要处理" in screen.banner.plain()
    screenshot(tech.window, "selftest-paper-out-zh-elderly")

    text = results_of(qtbot, screen, SelfTest.CAMERA)
    assert "✔ 摄像头：摄像头正常" in text and "拍到一张 640x480 的照片" in text

    text = results_of(qtbot, screen, SelfTest.VOICE)
    assert "语音提示" in text and "没有声音输出，只合成了语音" in text

    tests = [e.subject for e in tech.audit() if e.action == "self_test.run"]
    assert tests == ["card", "printer", "printer", "camera", "voice"]
