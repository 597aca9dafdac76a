"""网络检测 on real parts: the platform on loopback over HTTP, then behind a TLS front with a
certificate from a CA made here, pinned right and pinned wrong, then not running; what the
technician reads each time, and the check in the audit trail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.ports.clock import SystemClock
from kiosk.services.tech_network import NetworkCheck
from offline_queue.network_probe import PlatformNetworkProbe
from tests.offline_queue.tls_front import TestCA, TlsFront
from tests.ui.tech_support import (
    TechKiosk,
    menu_of,
    screenshot,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.technician.network import TechNetworkScreen


def open_network(qtbot, tech: TechKiosk) -> TechNetworkScreen:
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(tech.window).tile_buttons["tech_network"], Qt.MouseButton.LeftButton)
    screen = tech.window.navigator.current
    assert isinstance(screen, TechNetworkScreen)
    return screen


def checked(qtbot, screen: TechNetworkScreen) -> str:
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=30_000)
    return screen.lines.plain().replace("\u202a", "").replace("\u202c", "")  # LTR embeddings


def test_the_platform_over_http_is_reachable_and_the_clock_agrees(qtbot, tech: TechKiosk):
    screen = open_network(qtbot, tech)
    text = checked(qtbot, screen)
    assert f"平台地址：{tech.central.base_url}（解析到 127.0.0.1" in text
    assert "✔ 能连上平台：往返" in text and "✔ 时钟：与平台相差不到 2 分钟" in text
    assert "网络正常" in screen.banner.plain()
    tech.central.stop()
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    text = checked(qtbot, screen)
    assert "✖ 平台地址上没有服务（连接被拒绝）" in text
    assert "不能和平台通信" in screen.banner.plain()
    assert tech.actions() == ["technician.sign_in", "network.check", "network.check"]


def test_the_certificate_is_checked_against_the_pinned_ca_right_and_wrong(
    qtbot, tech: TechKiosk, tmp_path: Path
):
    ca, stranger = TestCA(tmp_path / "ours"), TestCA(tmp_path / "theirs", "别的CA")
    desk = tech.desk

    def pin(path: Path, url: str) -> None:
        probe = PlatformNetworkProbe(url, str(path), 2, 5, SystemClock())
        desk.tools.network = NetworkCheck(desk.record, probe)

    with TlsFront(tech.central.port, ca.issue("gateway")) as front:
        pin(stranger.pem, front.url)
        screen = open_network(qtbot, tech)
        text = checked(qtbot, screen)
        assert (
            "✖ 平台证书不受信任" in text and "看到的证书：localhost，颁发者 县政务云测试CA" in text
        )
        assert "证书指纹 SHA-256：" in text and "信任：本机固定的 CA（别的CA" in text
        screenshot(tech.window, "network-untrusted-zh-elderly")
        pin(ca.pem, front.url)
        qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
        text = checked(qtbot, screen)
    assert "✔ 能连上平台" in text and "✔ 证书：localhost，颁发者 县政务云测试CA" in text
    assert "还有 364 天" in text or "还有 365 天" in text
    assert "信任：本机固定的 CA（县政务云测试CA" in text
    screenshot(tech.window, "network-https-ok-zh-elderly")
