"""U 盘带出 on real parts: records queued while the platform is out of reach go on a "USB
stick" (the configured export directory) from the technician's screen, the real platform's
`import-bundle` takes them in, and the terminal's own sync later settles them as duplicates:
each record once on the platform, the export in the audit trail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.ports.clock import SystemClock
from offline_queue.bundle_export import OutboxBundles
from offline_queue.credentials import Credentials
from offline_queue.terminal import outbox_opener
from tests.offline_queue.test_sneakernet import _import, _terminal
from tests.offline_queue.test_sync_with_platform import application
from tests.ui.tech_support import (
    TechKiosk,
    open_tool,
    platform_record_count,
    screenshot,
    sign_in,
    tech_fixture,  # noqa: F401 - the `tech` fixture
)
from ui.technician.carry import TechCarryScreen
from ui.technician.relay import TechRelayScreen


def test_records_carried_on_a_stick_arrive_once(qtbot, tech: TechKiosk):
    outbox = outbox_opener(tech.config, tech.enrolment, SystemClock())(False)
    ids = [outbox.enqueue(application(n)).id for n in range(3)]
    sign_in(qtbot, tech)
    screen = open_tool(qtbot, tech.window, "tech_carry", TechCarryScreen)
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


def test_another_terminal_s_stick_is_relayed_once_and_a_damaged_one_sends_nothing(
    qtbot, tech: TechKiosk
):
    # A cut-off terminal carried three records out; this terminal's own bundle is on the
    # stick too (its own sync delivers those: it is not offered).
    origin, bundles = _terminal(tech.data.parent / "origin", tech.central)
    outbox = bundles._open()
    for n in range(3):
        outbox.enqueue(application(n))
    carried = Path(bundles.export(str(tech.usb), f"kiosk-queue-{origin.terminal_id}-1").directory)
    own = OutboxBundles(
        lambda: outbox_opener(tech.config, tech.enrolment, SystemClock())(False),
        Credentials(tech.data / "keys").key,
        tech.enrolment.terminal_id,
        SystemClock(),
    )
    own._open().enqueue(application(9))
    own.export(str(tech.usb), f"kiosk-queue-{tech.enrolment.terminal_id}-1")

    sign_in(qtbot, tech)
    screen = open_tool(qtbot, tech.window, "tech_relay", TechRelayScreen)
    qtbot.waitUntil(lambda: len(screen.buttons) == 1, timeout=10_000)
    shown = screen.buttons[0].text().replace("\u202a", "").replace("\u202c", "")  # LTR marks
    assert f"终端 {origin.terminal_id} 的 3 条记录" in shown
    screenshot(tech.window, "relay-zh-elderly")
    qtbot.mouseClick(screen.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已送到平台" in screen.banner.plain(), timeout=20_000)
    assert "新收 3 条，平台以前已有 0 条" in screen.banner.plain()
    assert platform_record_count(tech.central, origin.terminal_id) == 3
    # Again (a technician unsure it went): nothing twice.
    qtbot.mouseClick(screen.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "新收 0 条，平台以前已有 3 条" in screen.banner.plain(), timeout=20_000)
    assert platform_record_count(tech.central, origin.terminal_id) == 3
    assert platform_record_count(tech.central, tech.enrolment.terminal_id) == 0
    relayed = [e for e in tech.audit() if e.action.startswith("queue.relay")]
    assert [(e.action, e.subject) for e in relayed[:2]] == [
        ("queue.relay", carried.name),
        ("queue.relayed", carried.name),
    ]
    assert relayed[1].details == {
        "terminal": origin.terminal_id,
        "delivered": 3,
        "already": 0,
        "refused": 0,
        "pages": 6,
    }

    # A record changed on the stick: the bundle is refused whole, in plain words.
    record = next((carried / "records").iterdir())
    record.write_text(record.read_text().replace('"meta"', '"meta_"'))
    qtbot.mouseClick(screen.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "损坏或不完整" in screen.banner.plain(), timeout=20_000)
    assert "再按一次" not in screen.banner.plain()
    assert tech.actions()[-1] == "queue.relay"  # begun, never done
    outbox.close()
