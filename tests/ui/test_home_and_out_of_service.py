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


def tile_texts(kiosk: Kiosk) -> list[str]:
    return [b.text() for b in kiosk.window.home.tile_buttons]


def test_home_lists_the_platforms_categories_then_its_cached_copy_when_offline(
    qtbot, qapp, monkeypatch, tmp_path, central: CentralHandle
):
    kiosk = start_kiosk(qapp, monkeypatch, tmp_path, central, central.new_enrolment_code())
    qtbot.waitUntil(lambda: bool(tile_texts(kiosk)), timeout=20_000)
    home = kiosk.window.home
    assert any("社会救助" in t for t in tile_texts(kiosk))
    assert "便民服务中心" in home.hall.text()
    assert "已连接" in home.network.text() and home.notice.isHidden()
    online_tiles = tile_texts(kiosk)

    central.stop()
    kiosk.refresh()
    qtbot.waitUntil(lambda: "未连接" in home.network.text(), timeout=20_000)
    assert tile_texts(kiosk) == online_tiles
    assert not home.notice.isHidden() and "分钟前保存" in home.notice.text()
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
    assert "12345" in screen.advice.text()
    assert key.split("__")[2].lower() in screen.reason.text()
    assert "Traceback" not in screen.reason.text()
