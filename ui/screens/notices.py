"""政务公开: the notices and policies the platform published, as a list of titles and a reading
page in large text. Read from the cache the sync loop keeps, so offline the villager still
reads what was last fetched and is told how old it is.

The notices' own texts come from the platform in Chinese and are shown as they are;
everything around them is translated.
"""

from __future__ import annotations

from typing import Any

from kiosk.services.notices import NoticesView
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.guide_parts import ScrollColumn
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

NOTICE_MESSAGES = {
    "notices.title": Text("政务公开", "ھۆكۈمەت ئۇچۇرلىرى"),
    "notices.loading": Text("正在打开，请稍候…", "ئېچىلىۋاتىدۇ، سەل ساقلاڭ…"),
    "notices.hint": Text("点标题查看全文。", "تولۇق تېكىستنى كۆرۈش ئۈچۈن ماۋزۇنى بېسىڭ."),
    "notices.none": Text(
        "本机还没有收到公告，请稍后再看，或拨打 {phone} 咨询。",
        "بۇ ئۈسكۈنىگە تېخى ئۇقتۇرۇش كەلمىدى، كېيىن كۆرۈڭ ياكى {phone} غا تېلېفون قىلىڭ.",
    ),
    "notices.fresh": Text("公告已是最新。", "ئۇقتۇرۇشلار ئەڭ يېڭى ھالەتتە."),
    "notices.age_minutes": Text(
        "以下公告是 {n} 分钟前保存的，网络恢复后会自动更新。",
        "تۆۋەندىكى ئۇقتۇرۇشلار {n} مىنۇت ئىلگىرى ساقلانغان، تور ئەسلىگە كەلگەندە ئاپتوماتىك يېڭىلىنىدۇ.",
    ),
    "notices.age_hours": Text(
        "以下公告是 {n} 小时前保存的，网络恢复后会自动更新。",
        "تۆۋەندىكى ئۇقتۇرۇشلار {n} سائەت ئىلگىرى ساقلانغان، تور ئەسلىگە كەلگەندە ئاپتوماتىك يېڭىلىنىدۇ.",
    ),
    "notices.age_days": Text(
        "以下公告是 {n} 天前保存的，网络恢复后会自动更新。",
        "تۆۋەندىكى ئۇقتۇرۇشلار {n} كۈن ئىلگىرى ساقلانغان، تور ئەسلىگە كەلگەندە ئاپتوماتىك يېڭىلىنىدۇ.",
    ),
    "notices.gone": Text("这条公告已经撤下了。", "بۇ ئۇقتۇرۇش ئېلىپ تاشلاندى."),
}


def age_text(screen: Screen, view: NoticesView) -> str:
    """How old the notices on screen are, in words: said whenever they are not fresh."""
    minutes = view.age_minutes
    if view.fresh or minutes is None:
        return screen.t("notices.fresh")
    if minutes < 60:
        return screen.t("notices.age_minutes", n=minutes)
    if minutes < 24 * 60:
        return screen.t("notices.age_hours", n=minutes // 60)
    return screen.t("notices.age_days", n=minutes // (24 * 60))


class _NoticeScreenBase(Screen):
    title_key = "notices.title"
    messages = NOTICE_MESSAGES

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.view: NoticesView | None = None

    def available(self) -> bool:
        return self.ctx.services.notices is not None

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        reader = self.ctx.services.notices
        if reader is not None:
            self.ctx.run(reader.current, self._loaded, self._failed)

    def _loaded(self, view: NoticesView) -> None:
        self.view = view
        self.show_view()

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def show_age(self, view: NoticesView) -> None:
        if view.notices and not view.fresh and view.age_minutes is not None:
            self.banner.show_message(BannerKind.WARNING, age_text(self, view))
        else:
            self.banner.clear()

    def show_view(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        super().retranslate()
        if self.view is not None:
            self.show_view()


class NoticesScreen(_NoticeScreenBase):
    name = "notices"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.hint = BodyLabel()
        self.list = ScrollColumn()
        self.body.addWidget(self.hint)
        self.body.addWidget(self.list, 1)

    def enter(self, **params: Any) -> None:
        if self.view is None:
            self.hint.set_plain(self.t("notices.loading"))
        super().enter(**params)

    def show_view(self) -> None:
        view = self.view
        assert view is not None
        self.show_age(view)
        if not view.notices:
            self.hint.set_plain(self.t("notices.none", phone=self.ctx.settings.service_phone))
            self.list.clear()
            return
        self.hint.set_plain(self.t("notices.hint"))
        buttons = []
        for notice in view.notices:
            button = BigButton("☰ " + notice.title, role="secondary")
            button.setAccessibleName(notice.title)
            button.clicked.connect(
                lambda _c=False, code=notice.code: self.navigate.emit("notice", {"code": code})
            )
            buttons.append(button)
        self.list.set_widgets(buttons)

    def titles(self) -> list[str]:
        return [b.accessibleName() for b in self.list.widgets() if isinstance(b, BigButton)]


class NoticeScreen(_NoticeScreenBase):
    """One notice, to read: its title and its whole text in large type."""

    name = "notice"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.code = ""
        self.heading = TitleLabel()
        self.text = BodyLabel()
        self.text.setObjectName("notice-body")
        page = ScrollColumn()
        page.set_widgets([self.heading, self.text])
        self.body.addWidget(page, 1)

    def enter(self, **params: Any) -> None:
        if "code" in params:
            self.code = str(params["code"])
        super().enter(**params)

    def show_view(self) -> None:
        view = self.view
        assert view is not None
        notice = view.find(self.code)
        self.show_age(view)
        if notice is None:
            self.heading.set_plain("")
            self.text.set_plain(self.t("notices.gone"))
            return
        self.heading.set_plain(notice.title)
        self.text.set_plain(notice.body)

    def forget(self) -> None:
        # Public text, nothing personal; cleared so the next person starts from the list.
        self.code = ""
        self.heading.set_plain("")
        self.text.set_plain("")
        super().forget()
