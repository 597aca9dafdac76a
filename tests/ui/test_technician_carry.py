"""U 盘带出 on real parts: records queued while the platform is out of reach go on a "USB
stick" (the configured export directory) from the technician's screen, the real platform's
`import-bundle` takes them in, and the terminal's own sync later settles them as duplicates:
each record once on the platform, the export in the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ports.clock import SystemClock
from offline_queue.terminal import outbox_opener
from tests.offline_queue.test_sneakernet import _import
from tests.offline_queue.test_sync_with_platform import application
from tests.ui.tech_support import (
    TechKiosk,
    menu_of,
    platform_record_count,
    screenshot,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.technician.carry import TechCarryScreen


def test_records_carried_on_a_stick_arrive_once(qtbot, tech: TechKiosk):
    outbox = outbox_opener(tech.config, tech.enrolment, SystemClock())(False)
    ids = [outbox.enqueue(application(n)).id for n in range(3)]
    sign_in(qtbot, tech)
    menu = menu_of(tech.window)
    qtbot.waitUntil(menu.tile_buttons["tech_carry"].isVisible, timeout=10_000)
    qtbot.mouseClick(menu.tile_buttons["tech_carry"], Qt.MouseButton.LeftButton)
    screen = tech.window.navigator.current
    assert isinstance(screen, TechCarryScreen)
    qtbot.waitUntil(lambda: "待送记录 3 条" in screen.plan_label.text(), timeout=10_000)
    qtbot.waitUntil(
        lambda: len(screen.picker.buttons) == 1 and screen.picker.buttons[0].isEnabled(),
        timeout=10_000,
    )
    screenshot(tech.window, "carry-zh-elderly")
    qtbot.mouseClick(screen.picker.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已写入 3 条记录" in screen.banner.plain(), timeout=20_000)
    qtbot.waitUntil(lambda: "其中 3 条以前已带出过" in screen.plan_label.text(), timeout=10_000)
    [bundle] = list(tech.usb.iterdir())
    assert bundle.name.startswith(f"kiosk-queue-{tech.enrolment.terminal_id}-")
    actions = [(e.action, e.subject) for e in tech.audit()]
    assert actions[-2:] == [("queue.carry", bundle.name), ("queue.carried", bundle.name)]
    assert tech.audit()[-1].details["records"] == 3

    result = _import(tech.central, bundle)
    assert result.returncode == 0 and "accepted 3" in result.stdout, result
    assert {r.state for r in outbox.records()} == {"queued"}  # until the platform answers
    tech.queue.sync.sync_now()
    tech.queue.sync.start()
    qtbot.waitUntil(lambda: {r.state for r in outbox.records()} == {"delivered"}, timeout=30_000)
    assert platform_record_count(tech.central, tech.enrolment.terminal_id) == len(ids)
    assert outbox.exported() == {}
    outbox.close()
