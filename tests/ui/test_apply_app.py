"""The apply journey in the kiosk its composition root builds, against the real platform on
loopback: the item's page offers 在本机申请, and once enrolled the apply service queues through
the running queue and asks the platform for payment orders; the kiosk's own hall and terminal
go on the receipt."""

from __future__ import annotations

from tests.support.kiosk_app import StartKiosk
from tests.ui.support import settle
from ui.screens.guide_item import GuideItemScreen


def test_the_kiosk_wires_the_apply_journey(qtbot, qapp, start_kiosk: StartKiosk):
    kiosk = start_kiosk()
    for timer in kiosk.timers:
        timer.stop()
    qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
    service = kiosk.ctx.services.apply
    assert service is not None and kiosk.queue is not None
    assert service._outbox() is kiosk.queue.outbox
    assert service._payments() is kiosk.payments is not None
    assert service._terminal() == (kiosk.ctx.settings.terminal_id, kiosk.ctx.settings.hall_name)
    assert kiosk.ctx.agent is None
    nav = kiosk.window.navigator
    assert nav.offers("apply")
    nav.go("guide_item", {"code": "000113001000"})
    settle(qapp)
    page = nav.current
    assert isinstance(page, GuideItemScreen)
    qtbot.waitUntil(lambda: not page.apply_button.isHidden(), timeout=10_000)  # window unshown
