"""The kiosk as a whole, offscreen with real widgets, against the real platform on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import Kiosk, build
from tests.support.central import CentralHandle

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"


def start_kiosk(qapp, monkeypatch, tmp_path: Path, central: CentralHandle, code: str) -> Kiosk:
    env = {
        "KIOSK__PLATFORM__BASE_URL": central.base_url,
        "KIOSK__TERMINAL__DATA_DIR": str(tmp_path / "kiosk"),
        "KIOSK__LOGGING__DIR": str(tmp_path / "kiosk" / "logs"),
        "KIOSK__TERMINAL__ENROLMENT_CODE": code,
        "KIOSK__PLATFORM__CONNECT_TIMEOUT_S": "1",
        "KIOSK__PLATFORM__READ_TIMEOUT_S": "2",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    kiosk = build(qapp, EXAMPLE)
    assert isinstance(kiosk, Kiosk)
    return kiosk


def test_home_shows_the_hall_and_the_network_then_the_cached_guide_when_offline(
    qtbot, qapp, monkeypatch, tmp_path, central: CentralHandle
):
    kiosk = start_kiosk(qapp, monkeypatch, tmp_path, central, central.new_enrolment_code())
    home = kiosk.window.home
    qtbot.waitUntil(lambda: "已连接" in home.network.plain(), timeout=20_000)
    assert "便民服务中心" in home.hall.plain()
    assert kiosk.ctx.settings.terminal_id and kiosk.ctx.settings.hall_code
    assert home.banner.isHidden()

    central.stop()
    kiosk.refresh()
    qtbot.waitUntil(lambda: "未连接" in home.network.plain(), timeout=20_000)
    assert not home.banner.isHidden() and "分钟前保存" in home.banner.plain()
    for timer in kiosk.timers:
        timer.stop()


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
