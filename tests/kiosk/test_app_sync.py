"""The composition root starts the offline queue's sync service once enrolled, the home
screen's network indicator follows its probes, and the service stops with the app."""

from __future__ import annotations

from pathlib import Path

from kiosk.app import Kiosk, build
from kiosk.ports.sync import SyncRole
from tests.support.central import CentralHandle

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"


def test_the_network_indicator_follows_the_sync_services_probe(
    qtbot, qapp, monkeypatch, tmp_path, central: CentralHandle
):
    env = {
        "KIOSK__PLATFORM__BASE_URL": central.base_url,
        "KIOSK__TERMINAL__DATA_DIR": str(tmp_path / "kiosk"),
        "KIOSK__LOGGING__DIR": str(tmp_path / "kiosk" / "logs"),
        "KIOSK__TERMINAL__ENROLMENT_CODE": central.new_enrolment_code(),
        "KIOSK__PLATFORM__CONNECT_TIMEOUT_S": "1",
        "KIOSK__PLATFORM__READ_TIMEOUT_S": "2",
        "KIOSK__PLATFORM__PROBE_INTERVAL_S": "600",  # only sync_now() probes in this test
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    kiosk = build(qapp, EXAMPLE)
    assert isinstance(kiosk, Kiosk)
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
