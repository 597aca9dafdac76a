"""What the service-guide screens share: a touch-scrolled column, the catalog's age in words,
and the words for the catalog's enumerations in both languages.

The catalog's own texts (item names, materials, conditions) come from the platform in
Chinese and are shown as they are; everything around them is translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.catalog import Audience, Delivery, Depth, MaterialForm
from kiosk.services.catalog import CatalogView
from ui.i18n import Text, Translator
from ui.navigation import Screen
from ui.widgets import BannerKind, BodyLabel, TouchScroll

STALE_MINUTES = 24 * 60  # older than a day: say so loudly, time limits and fees may have moved

GUIDE_MESSAGES = {
    "guide.title": Text("办事指南", "ئىش بېجىرىش يېتەكچىسى"),
    "guide.loading": Text("正在打开办事指南，请稍候…", "يېتەكچى ئېچىلىۋاتىدۇ، سەل ساقلاڭ…"),
    "guide.no_catalog": Text(
        "本机还没有办事指南，请稍后再试，或拨打 {phone} 咨询。",
        "بۇ ئۈسكۈنىدە تېخى يېتەكچى يوق، كېيىن سىناڭ ياكى {phone} غا تېلېفون قىلىڭ.",
    ),
    "guide.age_fresh": Text("办事指南已是最新。", "يېتەكچى ئەڭ يېڭى ھالەتتە."),
    "guide.age_minutes": Text(
        "办事指南保存于 {n} 分钟前。", "يېتەكچى {n} مىنۇت ئىلگىرى ساقلانغان."
    ),
    "guide.age_hours": Text("办事指南保存于 {n} 小时前。", "يېتەكچى {n} سائەت ئىلگىرى ساقلانغان."),
    "guide.age_days": Text("办事指南保存于 {n} 天前。", "يېتەكچى {n} كۈن ئىلگىرى ساقلانغان."),
    "guide.age_unknown": Text(
        "不知道办事指南是什么时候保存的。", "يېتەكچىنىڭ قاچان ساقلانغانلىقى نامەلۇم."
    ),
    "guide.stale": Text(
        "办事指南已经 {days} 天没有更新，材料和收费可能有变化，办理前请向工作人员确认。",
        "يېتەكچى {days} كۈندىن بېرى يېڭىلانمىدى، ماتېرىيال ۋە ھەق ئۆزگەرگەن بولۇشى مۇمكىن،"
        " بېجىرىشتىن ئىلگىرى خىزمەتچىدىن سوراڭ.",
    ),
    "guide.audience.personal": Text("个人办事", "شەخسىي ئىشلار"),
    "guide.audience.legal_person": Text("企业和单位办事", "كارخانا ۋە ئورۇن ئىشلىرى"),
    "guide.form.original": Text("原件", "ئەسلى نۇسخا"),
    "guide.form.copy": Text("复印件", "كۆپەيتىلگەن نۇسخا"),
    "guide.form.original_and_copy": Text("原件和复印件", "ئەسلى ۋە كۆپەيتىلگەن نۇسخا"),
    "guide.form.electronic": Text("电子材料", "ئېلېكترونلۇق ماتېرىيال"),
    "guide.delivery.pickup": Text("到窗口领取", "كۆزنەكتىن ئېلىش"),
    "guide.delivery.post": Text("邮寄到家", "ئۆيگە پوچتا ئارقىلىق ئەۋەتىش"),
    "guide.depth.guide_only": Text(
        "本机只提供办事指南，请带齐材料到乡镇便民服务中心窗口办理。",
        "بۇ ئۈسكۈنە پەقەت يېتەكچى بېرىدۇ، ماتېرىياللارنى ئېلىپ يېزا-بازار مۇلازىمەت مەركىزىنىڭ"
        " كۆزنىكىدە بېجىرىڭ.",
    ),
    "guide.depth.apply_here": Text(
        "可以在本机申请，材料用本机拍照上传。",
        "بۇ ئۈسكۈنىدە ئىلتىماس قىلغىلى بولىدۇ، ماتېرىياللارنى بۇ يەردە رەسىمگە تارتىپ يوللايسىز.",
    ),
    "guide.depth.full_online": Text(
        "全程网办：在本机就能办完，不用跑窗口。",
        "تولۇق تور ئارقىلىق: بۇ ئۈسكۈنىدىلا تاماملىنىدۇ، كۆزنەككە بېرىش ھاجەتسىز.",
    ),
}

_LABEL_KEYS: dict[type[Enum], str] = {
    Audience: "guide.audience.",
    MaterialForm: "guide.form.",
    Delivery: "guide.delivery.",
    Depth: "guide.depth.",
}


def label(tr: Translator, value: Enum) -> str:
    """Words for one of the catalog's enumerations, in the current language."""
    return tr.t(_LABEL_KEYS[type(value)] + str(value.value))


def age_text(tr: Translator, source: CatalogView, now: datetime) -> str:
    """How old the guide on screen is, in words: the villager is told, never left to guess."""
    if source.fresh:
        return tr.t("guide.age_fresh")
    minutes = source.age_minutes(now)
    if minutes is None:
        return tr.t("guide.age_unknown")
    if minutes < 60:
        return tr.t("guide.age_minutes", n=minutes)
    if minutes < 24 * 60:
        return tr.t("guide.age_hours", n=minutes // 60)
    return tr.t("guide.age_days", n=minutes // (24 * 60))


def show_age(screen: Screen, source: CatalogView, age_label: BodyLabel) -> None:
    """The age line under a guide screen, and a warning banner once it is over a day old."""
    now = screen.ctx.clock.now()
    age_label.set_plain(age_text(screen.ctx.tr, source, now))
    days = stale_days(source, now)
    if days is None:
        screen.banner.clear()
    else:
        screen.banner.show_message(BannerKind.WARNING, screen.t("guide.stale", days=days))


def stale_days(source: CatalogView, now: datetime) -> int | None:
    """Whole days since the platform last confirmed the guide, when that is over a day."""
    minutes = source.age_minutes(now)
    if source.fresh or minutes is None or minutes < STALE_MINUTES:
        return None
    return minutes // (24 * 60)


class ScrollColumn(TouchScroll):
    """A column of widgets that scrolls by dragging a finger (and by its wide scroll bar)."""

    def __init__(self) -> None:
        super().__init__()
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addStretch(1)
        self.setWidget(inner)

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        self.clear()
        for w in widgets:
            self.column.insertWidget(self.column.count() - 1, w)
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        while self.column.count() > 1:
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now; deleted when the event loop runs
                widget.deleteLater()

    def widgets(self) -> list[QWidget]:
        out = []
        for i in range(self.column.count()):
            item = self.column.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                out.append(widget)
        return out
