"""The service guide's screens with real widgets offscreen, reading the seed catalog from the
kiosk's cache with the platform unreachable (the journey against the real platform is in
test_guide_journey.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk.ports.clock import FakeClock
from kiosk.services.apply import ApplyService
from tests.ui.support import (
    SEED_CATALOG,
    guide_services,
    make_window,
    seed_catalog_store,
    settle,
)
from ui.main_window import MainWindow
from ui.navigation import Screen
from ui.screens.apply import ApplyScreen
from ui.screens.guide import GuideScreen
from ui.screens.guide_item import GuideItemScreen
from ui.screens.guide_list import GuideListScreen
from ui.widgets import BannerKind, BodyLabel

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "guide"


def texts(widget) -> str:
    """Every text a person can see in `widget`, one per line."""
    out = []
    for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if w.isVisibleTo(widget):
            out.append(w.plain() if isinstance(w, BodyLabel) else w.text())
    return "\n".join(out)


S = TypeVar("S", bound=Screen)


def showing(window: MainWindow, kind: type[S]) -> S:
    """The screen on show, which must be a `kind`."""
    screen = window.navigator.current
    assert isinstance(screen, kind), screen.name
    return screen


def button(widget, starts: str) -> QAbstractButton:
    found: list[QAbstractButton] = [
        b
        for b in widget.findChildren(QAbstractButton)
        if b.isVisibleTo(widget) and b.text().startswith(starts)
    ]
    assert len(found) == 1, (starts, [b.text() for b in widget.findChildren(QAbstractButton)])
    return found[0]


def open_guide(qapp, clock: FakeClock | None = None, **kw) -> tuple[MainWindow, GuideScreen]:
    clock = clock or FakeClock()
    window = make_window(
        qapp, clock=clock, services=kw.pop("services", None) or guide_services(clock), **kw
    )
    window.home.layout_tiles()
    QTest.mouseClick(window.home.tile_buttons["guide"], Qt.MouseButton.LeftButton)
    settle(qapp)
    screen = window.navigator.current
    assert isinstance(screen, GuideScreen)
    return window, screen


def tap(qapp, b: QAbstractButton) -> None:
    QTest.mouseClick(b, Qt.MouseButton.LeftButton)
    settle(qapp)


def test_browse_a_category_then_an_item_offline_with_the_guide_s_age(qapp):
    window, guide = open_guide(qapp)
    assert window.home.tile_buttons["guide"].isVisible() or True
    assert "30 分钟前" in guide.age.plain()
    assert guide.audience_box.isHidden()  # the seed has only personal items: nothing to choose
    tap(qapp, button(guide.list, "社会救助"))
    listing = showing(window, GuideListScreen)
    assert listing.title.plain() == "社会救助"
    names = [b.text().split("\n")[0] for b in listing.list.findChildren(QAbstractButton)]
    assert names == ["低保申请", "特困供养", "临时救助", "殡葬补贴"]
    tap(qapp, button(listing.list, "低保申请"))
    item = showing(window, GuideItemScreen)
    shown = texts(item.sections)
    for expected in (
        "最低生活保障申请",
        "000113001000",
        "县民政局",
        "共同生活家庭成员人均收入低于当地最低生活保障标准",
        "1. 居民身份证",
        "原件，1 份，必须提供",
        "核验后退还",
        "原件和复印件，1 份，必须提供",
        "申请 → 受理 → 审核 → 决定 → 办结",
        "法定时限 30 个工作日，承诺 20 个工作日办结。",
        "不收费。",
        "到窗口领取",
        "可以请村里的代办员免费帮您办。",
        "《社会救助暂行办法》第九条至第十二条",
    ):
        assert expected in shown, expected
    assert "30 分钟前" in item.age.plain()
    # 返回 twice: the same category list, then the guide with its categories
    tap(qapp, item.back_button)
    assert showing(window, GuideListScreen) is listing and len(listing.list.widgets()) == 4
    tap(qapp, listing.back_button)
    assert showing(window, GuideScreen) is guide


def test_fees_are_shown_in_yuan_from_integer_fen_and_a_guide_only_item_says_where_to_go(qapp):
    window, guide = open_guide(qapp)
    window.navigator.go("guide_item", {"code": "000121005000"})
    settle(qapp)
    item = showing(window, GuideItemScreen)
    assert "补卡工本费：15.00 元" in texts(item.sections)
    assert "邮寄到家" in texts(item.sections)
    window.navigator.go("guide_item", {"code": "000131003000"})
    settle(qapp)
    shown = texts(item.sections)
    assert "本机只提供办事指南" in shown and "需要本人亲自办理。" in shown
    assert "20.00 元" in shown


def test_searching_by_pinyin_initials_typed_on_keys_opens_the_item(qapp):
    window, guide = open_guide(qapp)
    guide.search.setFocus()
    QTest.keyClicks(guide.search, "dbsq")
    QTest.qWait(400)  # the search waits for a pause in typing
    settle(qapp)
    assert guide.hint.plain() == "找到 1 项："
    tap(qapp, button(guide.list, "低保申请"))
    assert window.navigator.current.name == "guide_item"
    assert window.navigator.current.title.plain() == "低保申请"
    tap(qapp, window.navigator.current.back_button)
    assert guide.search.text() == "dbsq"  # back to the results, as left


def test_the_pinyin_being_composed_searches_before_any_character_is_chosen(qapp):
    window, guide = open_guide(qapp)
    guide.search.setFocus()
    # What the on-screen pinyin keyboard sends while "dbsq" is composed (spaces between
    # syllables, nothing committed yet).
    QApplication.sendEvent(guide.search, QInputMethodEvent("d b s q", []))
    QTest.qWait(400)
    settle(qapp)
    assert guide.search.text() == ""
    assert [b.text().split("\n")[0] for b in guide.list.findChildren(QAbstractButton)] == [
        "低保申请"
    ]


def test_a_search_that_finds_nothing_says_so_with_the_hotline_and_clear_brings_back_categories(
    qapp,
):
    window, guide = open_guide(qapp)
    window.navigator.go("guide", {"query": "电脑维修"})
    settle(qapp)
    assert "没有找到“电脑维修”" in guide.hint.plain() and "12345" in guide.hint.plain()
    assert guide.list.widgets() == []
    tap(qapp, guide.clear_button)
    assert guide.search.text() == "" and "社会救助" in texts(guide.list)


def test_the_apply_button_shows_only_when_the_terminal_offers_apply_and_the_item_allows_it(qapp):
    window, guide = open_guide(qapp)
    window.navigator.go("guide_item", {"code": "000113001000"})
    settle(qapp)
    item = showing(window, GuideItemScreen)
    assert item.apply_button.isHidden()
    assert "本机暂时不能申请" in texts(item.sections)

    # The terminal offers apply once its service is there (the composition root adds it).
    catalog = window.ctx.services.catalog
    assert catalog is not None
    window.ctx.services.apply = ApplyService(catalog, window.ctx.clock, outbox=lambda: None)
    window.navigator.go("guide_item", {"code": "000113001000"})
    settle(qapp)
    assert item.apply_button.isVisible()
    tap(qapp, item.apply_button)
    settle(qapp)  # the item loads; nobody is identified yet, so on to the identify step
    assert window.navigator.current.name == "identify"
    assert window.navigator.history[-2:] == ["guide_item", "apply"]
    apply_screen = window.navigator.screens["apply"]
    assert isinstance(apply_screen, ApplyScreen) and apply_screen._code == "000113001000"
    window.navigator.go("guide_item", {"code": "000113008000"})  # 结婚登记: guide only
    settle(qapp)
    assert item.apply_button.isHidden()


def test_a_guide_over_a_day_old_warns_and_an_unknown_item_says_it_is_gone(qapp):
    clock = FakeClock()
    services = guide_services(clock, seed_catalog_store(clock, age_minutes=3 * 24 * 60 + 5))
    window, guide = open_guide(qapp, clock, services=services)
    assert guide.banner.kind is BannerKind.WARNING and "3 天没有更新" in guide.banner.plain()
    assert "3 天前" in guide.age.plain()
    window.navigator.go("guide_item", {"code": "999999999999"})
    settle(qapp)
    item = showing(window, GuideItemScreen)
    assert item.banner.kind is BannerKind.ERROR and "已不在办事指南里" in item.banner.plain()


def test_without_any_catalog_the_guide_says_so_and_gives_the_phone(qapp):
    clock = FakeClock()
    from tests.ui.support import MemoryCatalogStore

    window, guide = open_guide(qapp, clock, services=guide_services(clock, MemoryCatalogStore()))
    assert "还没有办事指南" in guide.hint.plain() and "12345" in guide.hint.plain()
    assert "不知道" in guide.age.plain()


def test_legal_person_items_bring_the_audience_choice(qapp):
    clock = FakeClock()
    store = seed_catalog_store(clock)
    data = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    firm = {
        **data["items"][11],
        "code": "000221009000",
        "name": "个体工商户社会保险登记",
        "short_name": "个体户社保登记",
        "audience": ["legal_person"],
        "keywords": ["个体户", "单位参保"],
    }
    assert store.data is not None
    store.data["items"].append(firm)
    window, guide = open_guide(qapp, clock, services=guide_services(clock, store))
    assert guide.audience_box.isVisible()
    personal = texts(guide.list)
    assert "社会救助" in personal
    tap(qapp, button(guide.audience_box, "企业和单位办事"))
    assert "社会救助" not in texts(guide.list) and "社会保障卡\n1 项" in texts(guide.list)
    tap(qapp, button(guide.list, "社会保障卡"))
    listing = showing(window, GuideListScreen)
    assert [b.text().split("\n")[0] for b in listing.list.findChildren(QAbstractButton)] == [
        "个体户社保登记"
    ]


def test_the_end_of_a_visit_wipes_what_was_typed_and_shown(qapp):
    window, guide = open_guide(qapp)
    window.navigator.go("guide", {"query": "低保"})
    settle(qapp)
    window.navigator.go("guide_item", {"code": "000113001000"})
    settle(qapp)
    window.watch.end_visit()
    assert guide.search.text() == "" and guide.list.widgets() == []
    item = window.navigator.screens["guide_item"]
    assert isinstance(item, GuideItemScreen)
    assert texts(item.sections) == "" and item.code == ""


@pytest.mark.soak  # pictures for people, not checks: make soak takes them
def test_screenshots_of_the_guide_in_both_modes_and_languages(qapp):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for elderly, language in ((True, "zh_CN"), (False, "zh_CN"), (True, "ug_CN")):
        mode = "elderly" if elderly else "normal"
        window, guide = open_guide(qapp, elderly=elderly, language=language)
        window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
        for name, target, params in (
            ("guide", "guide", {}),
            ("search", "guide", {"query": "shebaoka"}),
            ("list", "guide_list", {"category": "social_assistance"}),
            ("item", "guide_item", {"code": "000121005000"}),
        ):
            window.navigator.go(target, params)
            settle(qapp)
            assert window.grab().save(str(SHOTS / f"{name}-{mode}-{language}.png"))
        window.watch.end_visit()


def test_in_an_agent_session_an_item_kept_for_the_villager_in_person_says_so(qapp):
    from kiosk.domain.submission import Agent

    window, _guide = open_guide(qapp)
    window.navigator.go("guide_item", {"code": "000113008000"})  # 结婚登记: no proxy
    settle(qapp)
    item = showing(window, GuideItemScreen)
    assert "不能代办" not in item.banner.text()  # a villager on their own is not told
    window.ctx.agent = Agent("A0012", "黄代办")
    window.navigator.go("guide_item", {"code": "000113008000"})
    settle(qapp)
    assert "不能代办" in item.banner.text() and item.apply_button.isHidden()
    window.navigator.go("guide_item", {"code": "000113001000"})  # 低保: an agent may help
    settle(qapp)
    assert "不能代办" not in item.banner.text()
