"""The service guide in the whole kiosk against the real reference platform on loopback: browse,
search by initials, a catalog change reaching the search index, then the platform stopped and
the item still readable from the cache with its age."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk
from tests.ui.support import SEED_CATALOG, settle
from tests.ui.test_guide import button, texts
from ui.screens.guide import GuideScreen
from ui.screens.guide_item import GuideItemScreen


def test_guide_online_then_a_catalog_change_then_offline_from_the_cache(
    qtbot, qapp, start_kiosk: StartKiosk, central: CentralHandle
):
    kiosk = start_kiosk()
    for timer in kiosk.timers:  # the test refreshes by hand
        timer.stop()
    guide_service = kiosk.ctx.services.guide
    assert guide_service is not None
    home = kiosk.window.home
    qtbot.waitUntil(lambda: "已连接" in home.network.plain(), timeout=20_000)
    settle(qapp)
    assert guide_service.current().source.fresh

    # Browse by tapping, then search by initials typed on the keys.
    QTest.mouseClick(home.tile_buttons["guide"], Qt.MouseButton.LeftButton)
    settle(qapp)
    nav = kiosk.window.navigator
    guide = nav.current
    assert isinstance(guide, GuideScreen)
    assert guide.age.plain() == "办事指南已是最新。"
    assert "户籍身份\n4 项" in texts(guide.list)
    QTest.keyClicks(guide.search, "dbsq")
    qtbot.waitUntil(lambda: guide.hint.plain() == "找到 1 项：", timeout=5_000)
    QTest.mouseClick(button(guide.list, "低保申请"), Qt.MouseButton.LeftButton)
    settle(qapp)
    assert nav.current.name == "guide_item" and "1. 居民身份证" in texts(nav.current)

    # The platform publishes a new item for firms: after the next refresh it is searchable by
    # its initials and the guide offers the choice between people and firms.
    data = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    firm = {
        **data["items"][12],
        "code": "000221009000",
        "name": "个体工商户社会保险登记",
        "short_name": "个体户社保登记",
        "audience": ["legal_person"],
        "keywords": ["个体户", "单位参保"],
    }
    central.update_item(firm)
    kiosk.refresh()
    qtbot.waitUntil(
        lambda: guide_service.current().item("000221009000") is not None, timeout=20_000
    )
    settle(qapp)
    nav.go("guide", {"query": "gthsbdj"})
    settle(qapp)
    qtbot.waitUntil(lambda: "个体户社保登记" in texts(guide.list), timeout=5_000)
    assert guide.audience_box.isHidden()  # a search looks through everything
    QTest.mouseClick(guide.clear_button, Qt.MouseButton.LeftButton)
    settle(qapp)
    assert not guide.audience_box.isHidden()

    # The platform goes away: the item is still there, from the cache, with its age.
    central.stop()
    kiosk.refresh()
    qtbot.waitUntil(lambda: not guide_service.current().source.fresh, timeout=20_000)
    nav.go("guide_item", {"code": "000113001000"})
    settle(qapp)
    item = nav.current
    assert isinstance(item, GuideItemScreen)
    assert "分钟前" in item.age.plain()
    shown = texts(item)
    assert "最低生活保障申请" in shown and "《社会救助暂行办法》第九条至第十二条" in shown
    assert all(b.isEnabled() for b in item.findChildren(QAbstractButton))
