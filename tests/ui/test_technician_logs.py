"""日志 on real parts: the newest lines of the kiosk's and the sync service's logs (scrubbed
on screen too), and a copy on a "USB stick" (the configured export directory), read back and
proved free of personal data, with the view and the export in the audit trail."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.offline_queue.test_log_export import ID_NUMBER, PHONE, log_line
from tests.ui.tech_support import (
    TechKiosk,
    menu_of,
    screenshot,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.technician.logs import TechLogsScreen


def test_the_latest_lines_and_a_clean_copy_on_the_usb_stick(qtbot, tech: TechKiosk):
    logs = tech.config.logging.dir
    (logs / "sync").mkdir(parents=True, exist_ok=True)
    (logs / "kiosk.log").write_text(
        "\n".join(
            [
                log_line("catalog version 42", "2026-11-22T07:59:58", "kiosk.catalog"),
                log_line(f"raw {ID_NUMBER} {PHONE}", "2026-11-22T07:59:59", "legacy"),
            ]
        )
        + "\n"
    )
    (logs / "sync" / "kiosk.log").write_text(
        log_line("sync: 3 delivered", "2026-11-22T08:00:00", "offline_queue.sync") + "\n"
    )
    usb = tech.usb
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(tech.window).tile_buttons["tech_logs"], Qt.MouseButton.LeftButton)
    screen = tech.window.navigator.current
    assert isinstance(screen, TechLogsScreen)
    qtbot.waitUntil(lambda: "sync: 3 delivered" in screen.view.toPlainText(), timeout=10_000)
    shown = screen.view.toPlainText()
    assert "[sync] offline_queue.sync: sync: 3 delivered" in shown.splitlines()[-1]
    assert ID_NUMBER not in shown and PHONE not in shown and "[id]" in shown
    qtbot.waitUntil(lambda: len(screen.picker.buttons) == 1, timeout=10_000)
    assert "usb（剩余" in screen.picker.buttons[0].text()
    screenshot(tech.window, "logs-zh-elderly")
    qtbot.mouseClick(screen.picker.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in screen.banner.plain(), timeout=10_000)
    assert "没有个人信息" in screen.banner.plain()
    [folder] = list(usb.iterdir())
    assert folder.name.startswith(f"kiosk-logs-{tech.enrolment.terminal_id}-")
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        assert ID_NUMBER not in text and PHONE not in text
    assert {p.name for p in folder.iterdir()} >= {"kiosk.log", "sync-kiosk.log", "SHA256SUMS"}
    actions = [(e.action, e.subject) for e in tech.audit()]
    assert actions[1:] == [
        ("logs.view", ""),
        ("logs.export", folder.name),
        ("logs.exported", folder.name),
    ]
    exported = tech.audit()[-1].details
    assert exported["files"] == len(list(folder.iterdir()))
    assert int(exported["lines"]) >= 3
    assert json.dumps(dict(exported)).find(str(usb)) == -1  # the stick's name is not recorded
