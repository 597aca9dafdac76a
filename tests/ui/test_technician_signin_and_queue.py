"""The technician's way in and the queue screen, on real parts: the hidden corner, sign-in by
number and PIN offline against the list the platform sent, the lockout in plain words with the
time left, the session ending on idle and on leaving, the queue and sync state through the
real sync service, dead letters and conflicts from the real platform, and the audit trail of
it all. Screenshots in test-output/technician/."""

from __future__ import annotations

import copy
import json

from PySide6.QtCore import QPoint, Qt

from kiosk.contract.records import record_content_hash
from kiosk.ports.clock import SystemClock
from offline_queue.terminal import outbox_opener
from tests.offline_queue.kiosk_side import PAGES, eventually, low_income_application, rating
from tests.support.central import REPO_ROOT
from tests.ui.support import make_window
from tests.ui.tech_support import (
    TECH_PIN,
    TechKiosk,
    menu_of,
    screenshot,
    showing,
    sign_in,
    tap_corner,
    tech_fixture,  # noqa: F401 - the `tech` fixture
    try_sign_in,
)
from tests.ui.test_idle_and_forgetting import ZHANG, FormScreen
from ui.technician.menu import TechMenuScreen
from ui.technician.queue import DeadLetterRow, TechQueueScreen


def test_five_quick_taps_on_the_corner_forget_the_villager_then_open_the_sign_in(
    qtbot, tech: TechKiosk
):
    window, clock = tech.window, tech.clock
    form = FormScreen(window.ctx)
    window.navigator.register(form)
    window.ctx.session.identify(ZHANG)
    window.navigator.go("form")
    form.phone.setText("13800138000")
    window.navigator.go("home")  # 返回 to home: the visit goes on
    events: list[str] = []
    window.watch.ended.connect(lambda reason: events.append("ended:" + reason))
    window.navigator.moved.connect(lambda name: events.append("shown:" + name))
    tap_corner(qtbot, window, 4)
    clock.advance(3.1)  # too slow: the count starts again
    tap_corner(qtbot, window, 4)
    tap_corner(qtbot, window, 1, at=QPoint(540, 1000))  # elsewhere: starts again
    tap_corner(qtbot, window, 4)
    assert showing(window) == "home" and form.who.plain() == "张三"
    assert window.ctx.session.active
    tap_corner(qtbot, window, 1)
    assert showing(window) == "tech_signin"
    assert window.ctx.session.identity is None
    assert form.who.plain() == "" and form.phone.text() == ""
    assert events == ["shown:home", "ended:finished", "shown:tech_signin"]
    assert tech.actions() == []  # nobody signed in yet: nothing to audit


def test_the_corner_is_not_an_entry_on_other_screens_or_without_a_technician_desk(qapp, qtbot):
    window = make_window(qapp)  # no technician desk on this terminal
    tap_corner(qtbot, window, 10)
    assert showing(window) == "home"


def test_signing_in_offline_and_the_queue_screen_through_the_sync_service(qtbot, tech: TechKiosk):
    window, central = tech.window, tech.central
    central.stop()  # sign-in needs no platform: the list was cached
    first = tech.queue.outbox.submit(low_income_application(1), PAGES)
    tech.queue.outbox.submit(low_income_application(2), PAGES[:1])
    tech.queue.outbox.evaluate(rating(first.receipt_no))
    tech.queue.sync.start()
    eventually(lambda: tech.queue.sync.status().online is False)
    sign_in(qtbot, tech)
    menu = window.navigator.current
    assert isinstance(menu, TechMenuScreen)
    assert tech.number in menu.who.plain() and "覃**" in menu.who.plain()
    assert not menu.back_button.isVisible()
    qtbot.mouseClick(menu.tile_buttons["tech_queue"], Qt.MouseButton.LeftButton)
    queue = window.navigator.current
    assert isinstance(queue, TechQueueScreen)
    text = queue.summary.plain()
    assert "同步：本机正在同步" in text and "平台：连不上" in text
    assert "待上传：3 条（申请 2、评价 1）" in text and "最早一条已等" in text
    assert "最近一次同步成功：从未" in text
    assert "最近的错误：平台无法连接：" in text
    assert not queue.retry_all_button.isEnabled()
    screenshot(window, "queue-offline-zh-elderly")
    central.start()
    qtbot.mouseClick(queue.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "待上传：没有" in queue.summary.plain(), timeout=30_000)
    assert "平台：能连上" in queue.summary.plain()
    assert "最近的错误：没有" in queue.summary.plain()
    qtbot.waitUntil(lambda: "没有积压" in queue.banner.plain(), timeout=10_000)
    screenshot(window, "queue-drained-zh-elderly")
    assert tech.actions() == ["technician.sign_in", "queue.sync_now"]
    assert all(e.actor.ref == tech.number for e in tech.audit())


def test_wrong_pins_lock_the_technician_out_with_the_time_left_in_plain_words(
    qtbot, tech: TechKiosk
):
    window, clock = tech.window, tech.clock
    tap_corner(qtbot, window)
    for left in (4, 3, 2, 1):
        screen = try_sign_in(qtbot, window, tech.number, "258036")
        assert f"还可以再试 {left} 次" in screen.banner.plain()
        assert screen.pin.text() == ""
    screen = try_sign_in(qtbot, window, tech.number, "258036")
    assert f"{tech.number} 已锁定。请 15 分 0 秒后再试" in screen.banner.plain()
    screenshot(window, "signin-locked-zh-elderly")
    clock.advance(20)
    screen = try_sign_in(qtbot, window, tech.number, TECH_PIN)  # right PIN, still locked
    assert "请 14 分 40 秒后再试" in screen.banner.plain()
    assert showing(window) == "tech_signin"
    screen = try_sign_in(qtbot, window, "T0000" if tech.number != "T0000" else "T0001", TECH_PIN)
    assert "名单里没有" in screen.banner.plain()
    clock.advance(14 * 60 + 40)
    sign_in(qtbot, tech)
    reasons = [e.details.get("reason") for e in tech.audit()]
    assert reasons == ["wrong_pin"] * 4 + ["locked", "locked", "unknown", None]
    log = (tech.data / "audit.log").read_text(encoding="utf-8")
    assert TECH_PIN not in log and "258036" not in log


def test_the_session_ends_on_idle_and_on_leaving_and_each_is_audited(qtbot, tech: TechKiosk):
    window, clock = tech.window, tech.clock
    sign_in(qtbot, tech)
    clock.advance(91)
    window.watch.tick()  # idle: the visit ends after its countdown
    window.watch.tick()
    assert showing(window) == "home"
    qtbot.waitUntil(lambda: tech.desk.technician is None and len(tech.audit()) == 2)
    window.navigator.go("tech_queue")  # a screen left in the history opens nothing
    assert showing(window) == "tech_signin"
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(window).tile_buttons["tech_queue"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.navigator.current.home_button, Qt.MouseButton.LeftButton)
    assert showing(window) == "home"
    qtbot.waitUntil(lambda: tech.desk.technician is None and len(tech.audit()) == 4)
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(window).sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech.desk.technician is None and len(tech.audit()) == 6)
    outs = [e.details["reason"] for e in tech.audit() if e.action == "technician.sign_out"]
    assert outs == ["idle", "left", "signed_out"]


def test_exit_to_maintenance_is_confirmed_audited_then_written_for_systemd(qtbot, tech: TechKiosk):
    window = tech.window
    sign_in(qtbot, tech)
    menu = window.navigator.current
    assert isinstance(menu, TechMenuScreen)
    request = tech.data / "maintenance.request"
    qtbot.mouseClick(menu.maintenance_button, Qt.MouseButton.LeftButton)
    assert "再按一次" in menu.banner.plain() and not request.exists()
    qtbot.mouseClick(menu.maintenance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(request.exists, timeout=10_000)
    body = json.loads(request.read_text(encoding="utf-8"))
    assert body["technician"] == tech.number
    assert oct(request.stat().st_mode & 0o777) == "0o600"
    qtbot.waitUntil(lambda: "已请求进入维护模式" in menu.banner.plain())
    assert tech.actions()[-1] == "technician.exit_to_maintenance"


def test_dead_letters_and_conflicts_from_the_platform_are_listed_and_retried_never_in_bulk(
    qtbot, tech: TechKiosk
):
    window, central = tech.window, tech.central
    new_code = "000113009900"  # not published yet: the platform refuses the application
    dead = tech.queue.outbox.submit(low_income_application(5, item_code=new_code), PAGES[:1])
    clash = tech.queue.outbox.submit(low_income_application(6), ())
    # Someone else's record holds the same id on the platform with other content.
    box = outbox_opener(tech.config, tech.enrolment, SystemClock())(False)
    try:
        wire = copy.deepcopy(box.get(clash.record_id).wire)
    finally:
        box.close()
    assert wire is not None
    wire["meta"]["note"] = "edited elsewhere"
    wire["content_hash"] = record_content_hash(wire)
    assert tech.client.push_records([wire])[0]["outcome"] == "accepted"
    tech.queue.sync.start()
    eventually(lambda: tech.queue.sync.status().dead_letters == 1)
    eventually(lambda: tech.queue.sync.status().conflicts == 1)
    sign_in(qtbot, tech)
    qtbot.mouseClick(menu_of(window).tile_buttons["tech_queue"], Qt.MouseButton.LeftButton)
    queue = window.navigator.current
    assert isinstance(queue, TechQueueScreen)

    def rows() -> dict[str, DeadLetterRow]:
        found = queue.rows_box.findChildren(DeadLetterRow)
        return {r.letter.record_id: r for r in found if r.isVisibleTo(queue)}

    qtbot.waitUntil(lambda: len(rows()) == 2, timeout=10_000)
    dead_row, clash_row = rows()[dead.record_id], rows()[clash.record_id]
    assert "被拒收 · 申请 · " + str(dead.receipt_no) in dead_row.text.plain()
    assert "unknown or withdrawn" in dead_row.text.plain()
    assert "编号冲突" in clash_row.text.plain() and "先把终端编号和回执号报给平台" in (
        clash_row.text.plain()
    )
    assert clash_row.retry.text().endswith("重发这一条")
    assert "被拒收 1 条，编号冲突 1 条" in queue.summary.plain()
    assert "被平台拒收或编号冲突" in queue.banner.plain()
    screenshot(window, "queue-refused-zh-elderly")
    # The province publishes the item; the technician retries everything refused.
    catalog = json.loads((REPO_ROOT / "central/seed/catalog.json").read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in catalog["items"] if i["code"] == "000113001000"))
    central.update_item({**item, "code": new_code})
    qtbot.mouseClick(queue.retry_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech.queue.sync.status().dead_letters == 0, timeout=20_000)
    qtbot.waitUntil(lambda: list(rows()) == [clash.record_id], timeout=20_000)
    assert tech.queue.outbox.entry(str(dead.receipt_no)).state.value == "delivered"  # type: ignore[union-attr]
    assert tech.queue.sync.status().conflicts == 1  # untouched by the bulk retry
    # One by one, after checking with the platform: it conflicts again, and stays.
    qtbot.mouseClick(rows()[clash.record_id].retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: [x.attempts for x in tech.queue.sync.dead_letters()] == [2], timeout=20_000
    )
    audited = [(e.action, e.subject) for e in tech.audit()][1:]
    assert audited == [
        ("queue.retry_dead_letters", ""),
        ("queue.retry_record", clash.record_id),
    ]
