"""The composition root starts the offline queue's sync service once enrolled, the home
screen's network indicator follows its probes, and the service stops with the app."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState
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


def test_the_heartbeat_carries_the_kiosks_own_devices_and_a_printer_running_out(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    """The devices config chose are built and opened by the composition root, their health
    goes into the heartbeat, and a change (paper out, seen when the heartbeat asks the
    printer) is reported: here the ESC/POS emulator over TCP stands in for the printer."""
    printer = EscposPrinterEmulator().start()
    try:
        host, port = printer.address
        kiosk = start_kiosk(
            devices_printer__driver="escpos",
            devices_printer__transport="network",
            devices_printer__host=host,
            devices_printer__port=str(port),
            devices_printer__timeout_s="0.5",
            devices_camera__driver="none",
        )
        assert kiosk.devices.printer is not None and kiosk.devices.card_readers
        qtbot.waitUntil(lambda: kiosk.heartbeat is not None, timeout=20_000)

        def devices() -> dict[str, Any]:
            fleet = central.admin("GET", "/v1/admin/fleet").json()
            terminal_id = kiosk.ctx.settings.terminal_id
            mine = [t for t in fleet["terminals"] if t["terminal_id"] == terminal_id]
            body = mine[0]["body"] if mine and mine[0]["received_at_ms"] else {}
            return dict(body.get("devices") or {})

        qtbot.waitUntil(
            lambda: devices().get("printer", {}).get("state") == "ready", timeout=30_000
        )
        assert devices()["camera"]["message_key"] == "device.disabled"
        printer.set_state(PaperState.OUT)
        heartbeat = kiosk.heartbeat
        assert heartbeat is not None
        # A change beats at the first 30 s tick at least min_gap_s after the last beat; the
        # test does not wait on the wall clock for either: no gap, and the tick's work now.
        heartbeat.settings = replace(heartbeat.settings, min_gap_s=0.0)
        kiosk.health.refresh()  # what the heartbeat's tick does first
        heartbeat.tick()
        qtbot.waitUntil(lambda: devices()["printer"]["state"] != "ready", timeout=30_000)
        assert devices()["printer"]["message_key"].startswith("printer.")
    finally:
        printer.stop()
