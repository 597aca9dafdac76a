"""The items of one category of the service guide (for one audience), as big buttons."""

from __future__ import annotations

from typing import Any

from kiosk.domain.catalog import Audience
from kiosk.services.guide import GuideView
from ui.context import UiContext
from ui.navigation import Screen
from ui.screens.guide import item_button
from ui.screens.guide_parts import GUIDE_MESSAGES, ScrollColumn, label, show_age
from ui.widgets import BannerKind, BodyLabel


class GuideListScreen(Screen):
    name = "guide_list"
    title_key = "guide.title"  # until the category is known; then its name
    messages = GUIDE_MESSAGES

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.category = ""
        self.audience: Audience | None = None
        self.view: GuideView | None = None
        self.who = BodyLabel()
        self.list = ScrollColumn()
        self.age = BodyLabel(role="small")
        self.body.addWidget(self.who)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.age)

    def available(self) -> bool:
        return self.ctx.services.guide is not None

    def enter(self, **params: Any) -> None:
        """params: category (code) and audience; none when coming back from an item."""
        if "category" in params:
            self.category = str(params["category"])
            audience = params.get("audience")
            self.audience = audience if isinstance(audience, Audience) else None
        guide = self.ctx.services.guide
        if guide is not None:
            self.ctx.run(guide.current, self._loaded, self._failed)
        super().enter(**params)

    def retranslate(self) -> None:
        super().retranslate()
        self._show()

    def forget(self) -> None:
        self.category = ""
        self.audience = None
        self.list.clear()
        super().forget()

    def _loaded(self, view: GuideView) -> None:
        self.view = view
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def _show(self) -> None:
        view = self.view
        if view is None or not self.category:
            return
        category = view.category(self.category)
        self.title.setText(category.name if category else self.t("guide.title"))
        many = len(view.audiences()) > 1
        self.who.set_plain(label(self.ctx.tr, self.audience) if many and self.audience else "")
        self.who.setVisible(bool(self.who.plain()))
        show_age(self, view.source, self.age)
        rows = []
        for item in view.items(self.category, self.audience):
            button = item_button(item)
            button.clicked.connect(
                lambda _c=False, code=item.code: self.navigate.emit("guide_item", {"code": code})
            )
            rows.append(button)
        self.list.set_widgets(rows)
