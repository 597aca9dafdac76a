"""The composition root starts the offline queue's sync service once enrolled, the home
screen's network indicator follows its probes, and the service stops with the app."""

from __future__ import annotations

from typing import Any

from kiosk.ports.sync import SyncRole
from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk


def test_the_network_indicator_follows_the_sync_services_probe(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk(platform__probe_interval_s="600")  # only sync_now() probes here
    try:
        for timer in kiosk.timers:
            timer.stop()
        qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
        queue = kiosk.queue
        assert queue is not None
        qtbot.waitUntil(lambda: queue.sync.status().online is True, timeout=20_000)
        assert queue.sync.status().role == SyncRole.SYNCING
        home = kiosk.window.home
        qtbot.waitUntil(lambda: "已连接" in home.network.text(), timeout=20_000)
        central.stop()
        queue.sync.sync_now()  # no catalog refresh: only the service can turn it off
        qtbot.waitUntil(lambda: "未连接" in home.network.text(), timeout=20_000)
        assert queue.sync.status().online is False
    finally:
        kiosk.close()
    assert kiosk.queue is None and queue.sync.status().role == SyncRole.STOPPED


def test_the_running_kiosk_reports_its_health_to_the_platform(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk()
    qtbot.waitUntil(lambda: kiosk.heartbeat is not None, timeout=20_000)

    def reported() -> dict[str, Any] | None:
        fleet = central.admin("GET", "/v1/admin/fleet").json()
        mine = [t for t in fleet["terminals"] if t["terminal_id"] == kiosk.ctx.settings.terminal_id]
        return mine[0] if mine and mine[0]["received_at_ms"] else None

    qtbot.waitUntil(lambda: reported() is not None, timeout=30_000)
    health = reported()
    assert health is not None
    assert health["body"]["software_version"] and "queue" in health["body"]
