"""The kiosk as a whole, offscreen with real widgets, against the real platform on loopback."""

from __future__ import annotations

import pytest

from kiosk.app import Kiosk, build
from tests.support.central import CentralHandle
from tests.support.kiosk_app import EXAMPLE, StartKiosk


def test_home_shows_the_hall_and_the_network_then_the_cached_guide_when_offline(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk()
    home = kiosk.window.home
    qtbot.waitUntil(lambda: "已连接" in home.network.plain(), timeout=20_000)
    assert "便民服务中心" in home.hall.plain()
    assert kiosk.ctx.settings.terminal_id and kiosk.ctx.settings.hall_code
    assert home.banner.isHidden()

    central.stop()
    kiosk.refresh()
    qtbot.waitUntil(lambda: "未连接" in home.network.plain(), timeout=20_000)
    # The catalog's refresh fails on a worker of its own, after or before the sync's probe.
    qtbot.waitUntil(
        lambda: not home.banner.isHidden() and "分钟前保存" in home.banner.plain(),
        timeout=20_000,
    )


@pytest.mark.parametrize(
    "bad", ["KIOSK__PLATFORM__BASE_URL=nonsense", "KIOSK__UI__IDLE_TIMEOUT_S=1"]
)
def test_a_bad_config_shows_the_reason_and_a_phone_never_a_traceback(qapp, monkeypatch, bad):
    key, value = bad.split("=")
    monkeypatch.setenv(key, value)
    window = build(qapp, EXAMPLE)
    assert not isinstance(window, Kiosk)
    screen = window.out_of_service
    assert window.stack.currentWidget() is screen
    assert "12345" in screen.advice.plain()
    assert key.split("__")[2].lower() in screen.reason.plain()
    assert "Traceback" not in screen.reason.plain()
