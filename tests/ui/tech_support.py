"""The technician screens on real parts: an enrolled terminal's queue and sync service against
the reference platform on loopback, the operator list fetched from it, the real audit log and
maintenance hook in the data dir, the real UI offscreen with a hand-moved clock (for lockouts
and idle), and helpers that tap the screen as a technician does."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from devices.emulators.people import make_id_number
from kiosk.app import attach_carry, build_technician_desk
from kiosk.config import Config, TechnicianConfig
from kiosk.ports.audit import AuditEntry
from kiosk.ports.clock import FakeClock, SystemClock
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.technician import TechnicianDesk
from offline_queue.audit import open_terminal_audit
from offline_queue.credentials import Credentials, Enrolment
from offline_queue.network_probe import PlatformNetworkProbe
from offline_queue.operators_cache import open_operator_directory
from offline_queue.platform_client import PlatformClient
from offline_queue.terminal import TerminalQueue, build_terminal_queue, signed_client
from tests.offline_queue.kiosk_side import enrolled_kiosk
from tests.support.central import CentralHandle
from tests.ui.support import make_window
from ui.context import Services
from ui.main_window import MainWindow
from ui.technician.menu import TechMenuScreen
from ui.technician.signin import TechSignInScreen

TECH_ID_NUMBER = make_id_number("451102", date(1988, 9, 9), 57)
TECH_PIN = "741963"
OUT = Path(__file__).resolve().parents[2] / "test-output" / "technician"
S = TypeVar("S")


@dataclass
class TechKiosk:
    window: MainWindow
    desk: TechnicianDesk
    queue: TerminalQueue
    client: PlatformClient
    central: CentralHandle
    config: Config
    enrolment: Enrolment
    clock: FakeClock
    number: str  # the technician's number, e.g. T0417
    usb: Path  # where exports go

    @property
    def data(self) -> Path:
        return self.config.terminal.data_dir

    def audit(self) -> list[AuditEntry]:
        """Oldest first."""
        return list(reversed(open_terminal_audit(self.data, self.clock).recent(200)))

    def actions(self) -> list[str]:
        return [e.action for e in self.audit()]


def register_technician(central: CentralHandle, id_number: str = TECH_ID_NUMBER) -> str:
    body = {
        "role": "technician",
        "name": "覃技术",
        "id_number": id_number,
        "pin": TECH_PIN,
        "hall_code": "",
    }
    reply = central.admin("POST", "/v1/admin/operators", body)
    reply.raise_for_status()
    return str(reply.json()["operator_id"])


@pytest.fixture(name="tech")
def tech_fixture(qapp: QApplication, tmp_path: Path, central: CentralHandle) -> Iterator[TechKiosk]:
    """Import `tech_fixture` into a test module to use the `tech` fixture."""
    number = register_technician(central)
    config, enrolment, key = enrolled_kiosk(tmp_path, central, central.base_url)
    usb = tmp_path / "usb"  # a "USB stick": the configured export directory
    usb.mkdir()
    config = dataclasses.replace(config, technician=TechnicianConfig(export_dir=str(usb)))
    queue = build_terminal_queue(config, enrolment, key, SystemClock())
    client = signed_client(config, enrolment, key)
    open_operator_directory(client, config.terminal.data_dir).refresh()  # as the sync loop does
    clock = FakeClock()
    desk = build_technician_desk(config, client, clock)
    desk.attach_sync(queue.sync)
    attach_carry(desk, config, enrolment, Credentials(config.terminal.data_dir / "keys"), clock)
    # The network check measures real time (round trips, the platform's clock): the system
    # clock, not the hand-moved one the sign-in and the idle session use.
    p = config.platform
    probe = PlatformNetworkProbe(p.base_url, p.ca_file, 2, 5, SystemClock())
    desk.tools.network = NetworkCheck(desk.record, probe)
    window = make_window(qapp, clock=clock, services=Services(technician=desk))
    try:
        yield TechKiosk(window, desk, queue, client, central, config, enrolment, clock, number, usb)
    finally:
        window.close()
        queue.close()
        client.close()


def tap_corner(qtbot, window: MainWindow, times: int = 5, at: QPoint | None = None) -> None:
    for _ in range(times):
        qtbot.mouseClick(window.home, Qt.MouseButton.LeftButton, pos=at or QPoint(30, 30))


def type_in(qtbot, screen: TechSignInScreen, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(screen.keypad.digit_buttons[digit], Qt.MouseButton.LeftButton)


def try_sign_in(qtbot, window: MainWindow, number: str, pin: str) -> TechSignInScreen:
    """From the sign-in screen: the digits of the number, the PIN, 登录; waits for the answer."""
    screen = window.navigator.screens["tech_signin"]
    assert isinstance(screen, TechSignInScreen)
    qtbot.mouseClick(screen.number, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.clear_button, Qt.MouseButton.LeftButton)
    type_in(qtbot, screen, number.removeprefix("T"))
    qtbot.mouseClick(screen.pin, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.clear_button, Qt.MouseButton.LeftButton)
    type_in(qtbot, screen, pin)
    assert screen.confirm.isEnabled()
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen._busy, timeout=20_000)
    return screen


def showing(window: MainWindow) -> str:
    """The screen now showing (a call, so a type checker does not pin it after one assert)."""
    return window.navigator.current.name


def menu_of(window: MainWindow) -> TechMenuScreen:
    menu = window.navigator.current
    assert isinstance(menu, TechMenuScreen)
    return menu


def open_tool(qtbot, window: MainWindow, name: str, screen_type: type[S]) -> S:
    """From the menu: the tool's tile once it shows, tapped; the tool's screen."""
    menu = menu_of(window)
    qtbot.waitUntil(menu.tile_buttons[name].isVisible, timeout=10_000)
    qtbot.mouseClick(menu.tile_buttons[name], Qt.MouseButton.LeftButton)
    screen = window.navigator.current
    assert isinstance(screen, screen_type)
    return screen


def sign_in(qtbot, kiosk: TechKiosk) -> None:
    window = kiosk.window
    if window.navigator.current.name != "tech_signin":
        tap_corner(qtbot, window)
    try_sign_in(qtbot, window, kiosk.number, TECH_PIN)
    qtbot.waitUntil(lambda: window.navigator.current.name == "tech_menu", timeout=20_000)


def screenshot(window: MainWindow, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # let layouts settle around text that just changed
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    return path


def platform_record_count(central: CentralHandle, terminal_id: str) -> int:
    import sqlite3

    db = sqlite3.connect(f"file:{central.data_dir / 'central.sqlite3'}?mode=ro", uri=True)
    try:
        return int(
            db.execute(
                "SELECT COUNT(*) FROM records WHERE terminal_id = ?", (terminal_id,)
            ).fetchone()[0]
        )
    finally:
        db.close()


def dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
