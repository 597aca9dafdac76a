"""The technician mode as the composition root wires it: the sync loop fetches the county's
technicians from the real platform, the hidden corner opens the sign-in, and the queue screen
shows the app's own sync service."""

from __future__ import annotations

from PySide6.QtCore import Qt

from offline_queue.audit import open_terminal_audit
from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk
from tests.ui.support import SCREEN_SIZE
from tests.ui.tech_support import (
    TECH_PIN,
    menu_of,
    register_technician,
    showing,
    tap_corner,
    try_sign_in,
)
from ui.technician.queue import TechQueueScreen


def test_the_kiosk_signs_a_technician_in_from_the_list_its_sync_loop_fetched(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    number = register_technician(central)
    kiosk = start_kiosk(platform__probe_interval_s="600")
    for timer in kiosk.timers:
        timer.stop()
    window = kiosk.window
    window.resize(*SCREEN_SIZE)
    window.show()
    data = kiosk.config.terminal.data_dir
    qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
    qtbot.waitUntil((data / "operators.json").exists, timeout=20_000)
    tap_corner(qtbot, window)
    assert showing(window) == "tech_signin"
    try_sign_in(qtbot, window, number, TECH_PIN)
    qtbot.waitUntil(lambda: showing(window) == "tech_menu", timeout=10_000)
    qtbot.mouseClick(menu_of(window).tile_buttons["tech_queue"], Qt.MouseButton.LeftButton)
    queue = window.navigator.current
    assert isinstance(queue, TechQueueScreen)
    qtbot.waitUntil(lambda: "平台：能连上" in queue.summary.plain(), timeout=20_000)
    assert "同步：本机正在同步" in queue.summary.plain()
    [entry] = open_terminal_audit(data, kiosk.clock).recent()
    assert (entry.actor.ref, entry.action) == (number, "technician.sign_in")
