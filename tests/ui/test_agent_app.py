"""Agent mode as the composition root wires it: one operator sign-in shared by the agent's and
the technician's desks, the home screen's 代办员登录 button, and the agent's worklist asked of
the real platform once the terminal is enrolled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.central import DEFAULT_HALL, CentralHandle
from tests.support.kiosk_app import StartKiosk
from tests.ui.support import SCREEN_SIZE
from tests.ui.test_agent_journey import AGENT_ID_NUMBER


def test_the_kiosk_offers_agent_mode_on_the_shared_sign_in(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk(platform__probe_interval_s="600")
    for timer in kiosk.timers:
        timer.stop()
    window = kiosk.window
    window.resize(*SCREEN_SIZE)
    window.show()
    services = kiosk.ctx.services
    assert services.agent is not None and services.technician is not None
    assert services.agent._signin is services.technician._signin  # one lockout store, one list
    qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
    assert window.home.agent_button.isVisible()
    qtbot.mouseClick(window.home.agent_button, Qt.MouseButton.LeftButton)
    assert window.navigator.current.name == "agent_signin"
    # The kiosk's own (here simulated) card reader waits for the agent's card; its printer
    # prints the day summary.
    assert kiosk.devices.card_readers and kiosk.ctx.devices is not None
    assert kiosk.ctx.tr.t("reader.missing") not in window.navigator.current.banner.text()
    assert services.agent._printer is kiosk.devices.printer is not None
    assert kiosk.ctx.agent is None
    # The worklists come from the platform over the enrolled, signed client.
    body = {"role": "agent", "name": "黄代办", "id_number": AGENT_ID_NUMBER,
            "pin": "258036", "hall_code": DEFAULT_HALL}  # fmt: skip
    number = central.admin("POST", "/v1/admin/operators", body).json()["operator_id"]
    cases = services.agent._cases
    assert cases is not None
    worklist = cases.worklist(number)
    assert worklist.fresh and worklist.entries == ()
    assert (kiosk.config.terminal.data_dir / "worklists" / f"{number}.json").exists()
