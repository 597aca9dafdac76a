"""办事指南: find an item by tapping its category, or by typing (Chinese, pinyin or pinyin
initials: `dbsq` finds 低保申请). Readable offline from the cached catalog, with its age shown.

Searching runs on a worker a moment after the last keystroke, and also on the pinyin still
being composed on the on-screen keyboard (its preedit), so typing `dbsq` shows 低保申请 without
choosing any character. A stale answer (the text changed meanwhile) is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from kiosk.domain.catalog import Audience, ServiceItem
from kiosk.services.guide import GuideView
from kiosk.services.search import Hit
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.guide_parts import GUIDE_MESSAGES, ScrollColumn, label, show_age
from ui.widgets import BannerKind, BigButton, BodyLabel

SEARCH_DELAY_MS = 250  # after the last keystroke; search itself takes a few ms on a worker


def item_button(item: ServiceItem, note: str = "") -> BigButton:
    """One item as a big button: what people call it, then its full name (and why it was
    found, for a search)."""
    lines = [item.short_name]
    if item.name != item.short_name:
        lines.append(item.name)
    if note:
        lines.append(note)
    button = BigButton("\n".join(lines), role="secondary")
    button.setAccessibleName(item.name)
    return button


class GuideScreen(Screen):
    name = "guide"
    title_key = "guide.title"
    messages = {
        **GUIDE_MESSAGES,
        "guide.search_hint": Text(
            "输入事项名称、拼音或拼音首字母，例如 dbsq",
            "ئىش نامى ياكى پىنيىن باش ھەرپلىرىنى كىرگۈزۈڭ، مەسىلەن dbsq",
        ),
        "guide.clear": Text("✖ 清空", "✖ تازىلاش"),
        "guide.browse_hint": Text(
            "点一个分类查看，或在上面的框里输入。",
            "بىر تۈرنى بېسىپ كۆرۈڭ ياكى يۇقىرىدىكى رامكىغا يېزىڭ.",
        ),
        "guide.category_count": Text("{name}\n{count} 项", "{name}\n{count} تۈر"),
        "guide.found": Text("找到 {count} 项：", "{count} تۈر تېپىلدى:"),
        "guide.found_by": Text("（{text}）", "({text})"),
        "guide.none_found": Text(
            "没有找到“{query}”。换个说法试试，或拨打 {phone} 咨询。",
            "«{query}» تېپىلمىدى. باشقىچە يېزىپ بېقىڭ ياكى {phone} غا تېلېفون قىلىڭ.",
        ),
        "guide.one_more_letter": Text("请再输入一个字母。", "يەنە بىر ھەرپ كىرگۈزۈڭ."),
    }

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.view: GuideView | None = None
        self.audience: Audience | None = None
        self._preedit = ""
        self._asked = ""  # the query of the search in flight or last shown
        self.search = QLineEdit()
        self.search.setObjectName("guide-search")
        self.search.textChanged.connect(self._typed)
        self.search.installEventFilter(self)
        self.clear_button = BigButton(role="secondary")
        self.clear_button.clicked.connect(self._clear)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.clear_button)
        self.audience_box = QWidget()
        audiences = QHBoxLayout(self.audience_box)
        audiences.setContentsMargins(0, 0, 0, 0)
        self.audience_buttons: dict[Audience, BigButton] = {}
        for audience in Audience:
            button = BigButton(role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, a=audience: self._choose_audience(a))
            self.audience_buttons[audience] = button
            audiences.addWidget(button)
        self.hint = BodyLabel()
        self.list = ScrollColumn()
        self.age = BodyLabel(role="small")
        self.body.addLayout(row)
        self.body.addWidget(self.audience_box)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.age)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        ctx.theme.changed.connect(lambda _e: self._show())

    # --- Screen ----------------------------------------------------------------------------

    def available(self) -> bool:
        return self.ctx.services.guide is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.t("guide.search_hint"))
        self.clear_button.setText(self.t("guide.clear"))
        for audience, button in self.audience_buttons.items():
            button.setText(label(self.ctx.tr, audience))
        self._show()

    def enter(self, **params: Any) -> None:
        """params: query, to open with a search already typed (none when coming back)."""
        super().enter(**params)
        if "query" in params:
            self.search.setText(str(params["query"]))
        guide = self.ctx.services.guide
        if guide is None:
            return
        if self.view is None:
            self.hint.set_plain(self.t("guide.loading"))
        self.ctx.run(guide.current, self._loaded, self._failed)

    def forget(self) -> None:
        self._timer.stop()
        self.search.clear()  # what a person typed says what they came for
        self._preedit = ""
        self._asked = ""
        self.audience = None
        self.list.clear()
        super().forget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QInputMethodEvent):
            self._preedit = event.preeditString()
            self._timer.start()
        return super().eventFilter(watched, event)

    # --- loading and showing -----------------------------------------------------------------

    def _loaded(self, view: GuideView) -> None:
        self.view = view
        audiences = view.audiences()
        if self.audience not in audiences:
            self.audience = audiences[0] if audiences else None
        self._asked = ""
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def query(self) -> str:
        """What to search for: the committed text plus the pinyin still being composed."""
        return (self.search.text() + self._preedit.replace(" ", "").replace("'", "")).strip()

    def _typed(self, text: str) -> None:
        if text or self._preedit:
            self._timer.start()
        else:  # emptied: straight back to browsing
            self._show()

    def _clear(self) -> None:
        self._preedit = ""
        self.search.clear()

    def _choose_audience(self, audience: Audience) -> None:
        self.audience = audience
        self._asked = ""
        self._show()

    def _show(self) -> None:
        """Everything from the current state: the catalog's age, then categories or results."""
        view = self.view
        if view is None:
            return
        show_age(self, view.source, self.age)
        audiences = view.audiences()
        # Browsing is per audience; searching looks through everything.
        self.audience_box.setVisible(len(audiences) > 1 and not self.query())
        for audience, button in self.audience_buttons.items():
            button.setVisible(audience in audiences)
            button.setChecked(audience == self.audience)
        if view.empty:
            self.hint.set_plain(self.t("guide.no_catalog", phone=self.ctx.settings.service_phone))
            self.list.clear()
            return
        if self.query():
            self._run_search()
        else:
            self._asked = ""
            self._show_categories(view)

    def _show_categories(self, view: GuideView) -> None:
        self.hint.set_plain(self.t("guide.browse_hint"))
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        columns = 2 if self.ctx.theme.elderly else 3
        for n, (category, count) in enumerate(view.categories(self.audience)):
            button = BigButton(
                self.t("guide.category_count", name=category.name, count=count), role="secondary"
            )
            button.setAccessibleName(category.name)
            params = {"category": category.code, "audience": self.audience}
            button.clicked.connect(
                lambda _c=False, p=params: self.navigate.emit("guide_list", dict(p))
            )
            grid.addWidget(button, n // columns, n % columns)
        self.list.set_widgets([grid_box])

    def _run_search(self) -> None:
        view, query = self.view, self.query()
        if view is None:
            return
        if not query:
            self._asked = ""
            self._show_categories(view)
            return
        if query == self._asked:
            return
        self._asked = query
        self.audience_box.hide()

        def work() -> list[tuple[ServiceItem, Hit]]:
            return view.search(query)

        self.ctx.run(work, lambda found: self._show_found(query, found), self._failed)

    def _show_found(self, query: str, found: list[tuple[ServiceItem, Hit]]) -> None:
        if query != self.query():  # typed on meanwhile: a newer search is coming
            return
        if found:
            self.hint.set_plain(self.t("guide.found", count=len(found)))
        elif len(query) == 1 and query.isascii():
            self.hint.set_plain(self.t("guide.one_more_letter"))
        else:
            phone = self.ctx.settings.service_phone
            self.hint.set_plain(self.t("guide.none_found", query=query, phone=phone))
        rows = []
        for item, hit in found:
            shown = hit.text in (item.short_name, item.name)
            button = item_button(item, "" if shown else self.t("guide.found_by", text=hit.text))
            button.clicked.connect(
                lambda _c=False, code=item.code: self.navigate.emit("guide_item", {"code": code})
            )
            rows.append(button)
        self.list.set_widgets(rows)
