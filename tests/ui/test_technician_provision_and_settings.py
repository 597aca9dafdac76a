"""登记新终端 and 设置 on real parts.

A terminal with no enrolment code shows the out-of-service screen; the hidden corner still
opens the technician sign-in there, which offers 登记新终端 (nobody can sign in yet); the
technician types the real platform's address and a code the platform issued, and the terminal
is enrolled (a wrong code first, said in words). Then 设置 on an enrolled terminal: a bad idle
timeout refused naming the field, a good one saved with the restart offered; all audited."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.app import build_technician_desk
from kiosk.config import Config, LoggingConfig, PlatformConfig, TerminalConfig
from kiosk.ports.clock import FakeClock
from offline_queue.audit import open_terminal_audit
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient
from tests.support.central import CentralHandle
from tests.ui.support import make_window
from tests.ui.tech_support import (
    TechKiosk,
    menu_of,
    screenshot,
    showing,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.context import Services
from ui.technician.provision import TechProvisionScreen
from ui.technician.settings import TechSettingsScreen
from ui.technician.signin import TechSignInScreen


def test_a_new_terminal_is_enrolled_from_the_out_of_service_screen(
    qtbot, qapp, tmp_path: Path, central: CentralHandle
):
    data = tmp_path / "kiosk"
    config_path = tmp_path / "kiosk.toml"
    config_path.write_text(f'[terminal]\ndata_dir = "{data}"\n', encoding="utf-8")
    config = Config(
        terminal=TerminalConfig(data_dir=data),
        platform=PlatformConfig(base_url="http://127.0.0.1:9"),  # not yet the real one
        logging=LoggingConfig(dir=data / "logs"),
    )
    client = PlatformClient(config.platform.base_url, 1, 2)
    clock = FakeClock()
    restarts: list[str] = []
    desk = build_technician_desk(
        config, client, clock, config_path=config_path, restart=lambda: restarts.append("now")
    )
    window = make_window(qapp, clock=clock, services=Services(technician=desk))
    try:
        window.show_out_of_service("terminal.enrolment_code: not enrolled yet", "12345")
        for _ in range(5):
            qtbot.mouseClick(window.out_of_service, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
        assert window.stack.currentWidget() is window.navigator
        signin = window.navigator.current
        assert isinstance(signin, TechSignInScreen)
        qtbot.waitUntil(lambda: signin.provision_button.isVisible(), timeout=10_000)
        qtbot.mouseClick(signin.provision_button, Qt.MouseButton.LeftButton)
        screen = window.navigator.current
        assert isinstance(screen, TechProvisionScreen)
        qtbot.waitUntil(lambda: screen.url.isVisible(), timeout=10_000)
        screen.url.setText(central.base_url)
        screen.code.setText("ABCD-EFGH")
        qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "登记码不对" in screen.banner.plain(), timeout=20_000)
        screenshot(window, "provision-refused-zh-elderly")
        screen.code.setText(central.new_enrolment_code())
        qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "登记成功" in screen.banner.plain(), timeout=20_000)
        assert "重新启动" in screen.banner.plain()  # the address changed: used once restarted
        enrolment = Credentials(data / "keys").enrolment()
        assert enrolment is not None and enrolment.terminal_id in screen.status.text()
        assert not screen.confirm.isVisible()
        screenshot(window, "provision-done-zh-elderly")
        assert f'base_url = "{central.base_url}"' in (data / "settings.toml").read_text()
        assert screen.restart_button.isVisible()
        qtbot.mouseClick(screen.restart_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: restarts == ["now"], timeout=10_000)
        audit = list(reversed(open_terminal_audit(data, clock).recent(20)))
        assert [(e.action, e.actor.ref) for e in audit] == [
            ("terminal.enrol", "enrolment"),
            ("terminal.enrol_failed", "enrolment"),
            ("terminal.enrol", "enrolment"),
            ("terminal.enrolled", "enrolment"),
            ("kiosk.restart", "enrolment"),
        ]
        qtbot.mouseClick(screen.home_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.out_of_service)
    finally:
        window.close()
        client.close()


def test_settings_refuse_a_bad_value_and_save_a_good_one(qtbot, tech: TechKiosk):
    restarts: list[str] = []
    config_path = tech.data.parent / "kiosk.toml"
    config_path.write_text(f'[terminal]\ndata_dir = "{tech.data}"\n', encoding="utf-8")
    from kiosk.ops.settings_store import TomlSettings
    from kiosk.services.tech_config import ConfigTools

    tech.desk.tools.config = ConfigTools(
        tech.desk.record, TomlSettings(config_path, {}), lambda: restarts.append("restart")
    )
    sign_in(qtbot, tech)
    menu = menu_of(tech.window)
    qtbot.mouseClick(menu.tile_buttons["tech_settings"], Qt.MouseButton.LeftButton)
    screen = tech.window.navigator.current
    assert isinstance(screen, TechSettingsScreen)
    qtbot.waitUntil(lambda: "ui.idle_timeout_s" in screen.inputs, timeout=10_000)
    assert "enrolment_code = （未设置）" in screen.view.toPlainText()
    edit = screen.inputs["ui.idle_timeout_s"]
    assert isinstance(edit, QLineEdit)
    edit.setText("5")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "的值不对" in screen.banner.plain(), timeout=10_000)
    assert "无人操作多久回首页" in screen.banner.plain() and "30 到 3600" in screen.banner.plain()
    assert not (tech.data / "settings.toml").exists()
    screenshot(tech.window, "settings-refused-zh-elderly")
    edit.setText("150")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存 1 项" in screen.banner.plain(), timeout=10_000)
    assert "idle_timeout_s = 150" in (tech.data / "settings.toml").read_text()
    qtbot.waitUntil(lambda: screen.restart_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(screen.restart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restarts == ["restart"], timeout=10_000)
    actions = [(e.action, e.subject, dict(e.details)) for e in tech.audit()][1:]
    assert actions == [
        ("config.view", "", {}),
        ("config.save", "", {"fields": "ui.idle_timeout_s"}),
        ("config.refused", "ui.idle_timeout_s", {}),
        ("config.save", "", {"fields": "ui.idle_timeout_s"}),
        ("config.saved", "", {"fields": "ui.idle_timeout_s"}),
        ("config.view", "", {}),
        ("kiosk.restart", "", {"reason": "settings"}),
    ]
    assert showing(tech.window) == "tech_settings"
    assert dataclasses.is_dataclass(tech.config)
