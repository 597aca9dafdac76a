"""咨询投诉 and 政务公开 on the whole kiosk, built by its composition root against the real
reference platform on loopback: a complaint typed on the on-screen keyboard reaches the
platform exactly once after sync; one made offline is kept and goes when the link is back;
the platform's notices show, and offline the cached ones with their age."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.app import Kiosk
from kiosk.domain.complaint import HOTLINE, ComplaintKind
from kiosk.ports.clock import FakeClock
from kiosk.ports.outbox import LocalState
from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk
from tests.ui.support import SCREEN_SIZE, make_window, seed_notice_reader, settle
from tests.ui.test_keyboard import choose, keys, type_on_keys
from ui.context import Services
from ui.screens.complaint import ComplaintScreen
from ui.screens.notices import NoticeScreen, NoticesScreen


def platform_complaints(central: CentralHandle, receipt_no: str) -> int:
    with sqlite3.connect(central.data_dir / "central.sqlite3", timeout=30) as db:
        row = db.execute(
            "SELECT COUNT(*) FROM feedback WHERE kind = 'complaint' AND receipt_no = ?",
            (receipt_no,),
        ).fetchone()
    return int(row[0])


def enrolled(qtbot, kiosk: Kiosk) -> None:
    for timer in kiosk.timers:
        timer.stop()  # only the test's sync_now() syncs
    kiosk.window.resize(*SCREEN_SIZE)
    kiosk.window.show()
    qtbot.waitUntil(lambda: kiosk.queue is not None, timeout=20_000)
    qtbot.waitUntil(lambda: kiosk.window.keyboard.ready, timeout=20_000)
    # The kiosk's one window keeps the focus once the tiles change (home.py: no stray window).
    assert kiosk.window.isActiveWindow()


def open_complaint(qtbot, kiosk: Kiosk) -> ComplaintScreen:
    home = kiosk.window.home
    qtbot.waitUntil(lambda: home.tile_buttons["complaint"].isVisible(), timeout=10_000)
    assert home.tile_buttons["notices"].isVisible()
    QTest.mouseClick(home.tile_buttons["complaint"], Qt.MouseButton.LeftButton)
    screen = kiosk.window.navigator.current
    assert isinstance(screen, ComplaintScreen)
    assert HOTLINE in screen.hotline.plain()
    return screen


def test_a_complaint_typed_on_the_keyboard_reaches_the_platform_exactly_once(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk(platform__probe_interval_s="600")
    enrolled(qtbot, kiosk)
    queue = kiosk.queue
    assert queue is not None
    qtbot.waitUntil(lambda: queue.sync.status().online is True, timeout=20_000)
    screen = open_complaint(qtbot, kiosk)
    window = kiosk.window
    screen.kind_buttons[ComplaintKind.COMPLAINT].click()
    screen.category_buttons["社会救助"].click()
    QTest.mouseClick(screen.text.viewport(), Qt.MouseButton.LeftButton)  # a tap on the field
    QTest.qWait(100)
    assert window.keyboard.showing
    type_on_keys(window, "dibao")
    choose(qtbot, window, "低保")
    qtbot.waitUntil(lambda: screen.written() == "低保", timeout=5_000)
    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=5_000)
    assert screen.banner.plain() == "⚠ 投诉需要留手机号，方便把处理结果告诉您。"
    QTest.mouseClick(screen.phone, Qt.MouseButton.LeftButton)
    QTest.qWait(100)
    pad = keys(window)
    assert set("0123456789") <= set(pad) and "q" not in pad  # the digit pad for the phone
    type_on_keys(window, "1381234567")
    screen.send_button.click()
    assert screen.banner.plain() == "⚠ 手机号不对，请输入 11 位手机号。"
    type_on_keys(window, "8")
    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=10_000)
    receipt_no = screen.number.plain()
    assert receipt_no and receipt_no.startswith(kiosk.ctx.settings.terminal_id)
    # Nothing typed stays on screen once it is queued; the receipt number does.
    assert screen.written() == "" and screen.phone.text() == ""
    qtbot.waitUntil(lambda: platform_complaints(central, receipt_no) == 1, timeout=20_000)
    entry = queue.outbox.entry(receipt_no)
    assert entry is not None
    qtbot.waitUntil(
        lambda: queue.outbox.entry(receipt_no).state is LocalState.DELIVERED,  # type: ignore[union-attr]
        timeout=20_000,
    )
    queue.sync.sync_now()  # another round sends nothing again
    QTest.qWait(500)
    assert platform_complaints(central, receipt_no) == 1
    window.watch.end_visit()  # the visit ends: the receipt goes too
    assert screen.number.plain() == "" and not screen.done.isVisible()
    assert screen.receipt is None and screen.kind is None and screen.category is None


def test_a_consultation_made_offline_is_kept_and_goes_when_the_link_is_back(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk(platform__probe_interval_s="600")
    enrolled(qtbot, kiosk)
    queue = kiosk.queue
    assert queue is not None
    central.stop()
    queue.sync.sync_now()
    qtbot.waitUntil(lambda: queue.sync.status().online is False, timeout=20_000)
    screen = open_complaint(qtbot, kiosk)
    screen.kind_buttons[ComplaintKind.CONSULTATION].click()
    screen.category_buttons["社会保障"].click()
    screen.text.setPlainText("养老保险在哪里交？")  # no phone: a consultation may leave it
    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=10_000)
    assert "网络恢复后自动发送" in screen.done_text.plain()
    receipt_no = screen.number.plain()
    entry = queue.outbox.entry(receipt_no)
    assert entry is not None and entry.state is LocalState.QUEUED
    central.start()
    queue.sync.sync_now()
    qtbot.waitUntil(lambda: platform_complaints(central, receipt_no) == 1, timeout=30_000)
    queue.sync.sync_now()
    QTest.qWait(500)
    assert platform_complaints(central, receipt_no) == 1


def test_the_platform_s_public_notices_show_and_read_in_large_text(
    qtbot, start_kiosk: StartKiosk, central: CentralHandle
):
    new = {
        "code": "N2026099",
        "category": "政务公开",
        "title": "2027年耕地地力保护补贴发放公告",
        "body": "补贴将于1月发放到一卡通，请注意查收。",
    }
    central.update_item(new, collection="notices")
    kiosk = start_kiosk(platform__probe_interval_s="600")
    enrolled(qtbot, kiosk)
    queue = kiosk.queue
    assert queue is not None
    queue.sync.sync_now()  # the sync loop fetches the notices into the cache
    reader = kiosk.ctx.services.notices
    assert reader is not None
    qtbot.waitUntil(lambda: reader.current().find("N2026099") is not None, timeout=20_000)
    QTest.mouseClick(kiosk.window.home.tile_buttons["notices"], Qt.MouseButton.LeftButton)
    screen = kiosk.window.navigator.current
    assert isinstance(screen, NoticesScreen)
    qtbot.waitUntil(lambda: new["title"] in screen.titles(), timeout=10_000)
    assert "耕地地力保护补贴公示" in screen.titles()
    assert "冬季防火提醒" not in screen.titles()  # 生活信息 is not 政务公开
    assert not screen.banner.isVisible()  # fresh: no age warning
    button = next(b for b in screen.list.widgets() if b.accessibleName() == new["title"])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    page = kiosk.window.navigator.current
    assert isinstance(page, NoticeScreen)
    qtbot.waitUntil(lambda: page.text.plain() == new["body"], timeout=10_000)
    assert page.heading.plain() == new["title"]
    assert page.text.font().pointSizeF() >= 18  # elderly mode: large text


def test_offline_the_cached_notices_show_with_their_age(qapp, qtbot, tmp_path: Path):
    clock = FakeClock()
    reader = seed_notice_reader(clock, tmp_path, age_minutes=0)
    window = make_window(qapp, clock=clock, services=Services(notices=reader))
    window.navigator.go("notices", {})
    settle(qapp)
    screen = window.navigator.current
    assert isinstance(screen, NoticesScreen)
    assert len(screen.titles()) == 3 and not screen.banner.isVisible()
    clock.advance(3 * 3600 + 60)  # three hours without reaching the platform
    window.navigator.go("notice", {"code": "N2026002"})
    settle(qapp)
    page = window.navigator.current
    assert isinstance(page, NoticeScreen)
    assert page.heading.plain() == "城乡居民医保2027年度参保缴费通知"
    assert page.banner.plain() == "⚠ 以下公告是 3 小时前保存的，网络恢复后会自动更新。"
    window.navigator.back()
    settle(qapp)
    assert "3 小时前" in screen.banner.plain() and len(screen.titles()) == 3
    window.ctx.tr.set_language("ug_CN")
    assert "3 سائەت" in screen.banner.plain()
