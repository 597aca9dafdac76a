"""代送 U 盘记录: a cut-off terminal's stick (made with U 盘带出 there) plugged into this connected
terminal; its records go on to the platform in that terminal's name. Nothing of it stays here,
so a relay that breaks off is simply run again: what the platform already took comes back as
"already had", never as a second case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ports.bundles import BundleUnreadable, CarriedBundle, RelayDone
from ui.i18n import Text
from ui.technician import format as fmt
from ui.technician.base import TechScreen
from ui.technician.media import MESSAGES as MEDIA_MESSAGES
from ui.widgets import BannerKind, BigButton, BodyLabel

RELAY = "tech_relay"


class TechRelayScreen(TechScreen):
    name = RELAY
    title_key = "tech.relay.title"
    messages = {
        "tech.relay.title": Text(
            "代送其他终端的 U 盘记录", "باشقا ئۈسكۈنىنىڭ U دىسكىدىكى خاتىرىلىرىنى يەتكۈزۈش"
        ),
        "tech.relay.explain": Text(
            "把连不上平台的终端用“U 盘带出记录”写好的 U 盘插在这台能联网的终端上，由这里送到平台。"
            "记录仍是加密的，这台终端看不到内容，也不留副本；中途断网就再按一次，平台已收到的不会重复。",
            "سۇپىغا ئۇلانمايدىغان ئۈسكۈنىدە «U دىسكىدا ئېلىپ چىقىش» ئارقىلىق يېزىلغان U دىسكىنى تورغا ئۇلانغان بۇ ئۈسكۈنىگە سېلىڭ، بۇ يەردىن سۇپىغا يەتكۈزۈلىدۇ. "
            "خاتىرىلەر مەخپىيلەشتۈرۈلگەن، بۇ ئۈسكۈنە مەزمۇنىنى كۆرەلمەيدۇ، نۇسخىسىنى ساقلىمايدۇ؛ تور ئۈزۈلسە يەنە بىر قېتىم بېسىڭ، سۇپا تاپشۇرۇۋالغانلىرى تەكرارلانمايدۇ.",
        ),
        "tech.relay.none": Text(
            "U 盘上没有找到带出的记录：插上 U 盘，等几秒，再按“刷新”。",
            "U دىسكىدا ئېلىپ چىقىلغان خاتىرە تېپىلمىدى: U دىسكىنى سېلىپ، بىر نەچچە سېكۇنت ساقلاپ، «يېڭىلاش» نى بېسىڭ.",
        ),
        "tech.relay.choose": Text(
            "找到下面的记录包，按一下就送到平台：",
            "تۆۋەندىكى خاتىرە بوغچىلىرى تېپىلدى، بىر بېسىلسا سۇپىغا يەتكۈزۈلىدۇ:",
        ),
        "tech.relay.bundle": Text(
            "终端 {terminal} 的 {records} 条记录\n{made} 带出",
            "{terminal} ئۈسكۈنىسىنىڭ {records} خاتىرىسى\n{made} دە ئېلىپ چىقىلغان",
        ),
        "tech.relay.sending": Text(
            "正在送到平台，请不要拔出 U 盘…", "سۇپىغا يەتكۈزۈلۈۋاتىدۇ، U دىسكىنى چىقارماڭ…"
        ),
        "tech.relay.done": Text(
            "终端 {terminal} 的记录已送到平台：新收 {delivered} 条，平台以前已有 {already} 条"
            "（上传材料 {pages} 页）。可以拔出 U 盘；原终端联网后会自动确认，不会重复。",
            "{terminal} ئۈسكۈنىسىنىڭ خاتىرىلىرى سۇپىغا يەتتى: يېڭىدىن {delivered}، سۇپىدا ئىلگىرى بار {already} "
            "({pages} بەت ماتېرىيال يوللاندى). U دىسكىنى چىقارسىڭىز بولىدۇ؛ ئەسلى ئۈسكۈنە تورغا ئۇلانغاندا ئۆزلۈكىدىن جەزملەيدۇ، تەكرارلانمايدۇ.",
        ),
        "tech.relay.refused": Text(
            "另有 {refused} 条平台没有收下（内容不合格或与已收记录冲突），已留在平台等工作人员处理，U 盘上的不用再送。",
            "يەنە {refused} خاتىرىنى سۇپا قوبۇل قىلمىدى (مەزمۇنى لاياقەتسىز ياكى ئىلگىرىكىسى بىلەن توقۇنۇشتى)، سۇپىدا خادىملار بىر تەرەپ قىلىدۇ، قايتا يوللاش ھاجەتسىز.",
        ),
        "tech.relay.unreadable": Text(
            "U 盘上的记录包损坏或不完整，一条也没有送出。请回到原终端重新“U 盘带出记录”。",
            "U دىسكىدىكى خاتىرە بوغچىسى بۇزۇلغان ياكى چالا، ھېچنېمە يوللانمىدى. ئەسلى ئۈسكۈنىدە قايتا «U دىسكىدا ئېلىپ چىقىش» نى قىلىڭ.",
        ),
        "tech.relay.again": Text(
            "再按一次这个记录包即可接着送，平台已收到的不会重复。",
            "بۇ بوغچىنى يەنە بىر بېسىڭ، داۋاملىق يوللىنىدۇ، سۇپا تاپشۇرۇۋالغانلىرى تەكرارلانمايدۇ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        ctx.tr.add(MEDIA_MESSAGES)  # 刷新
        self.explain = BodyLabel()
        self.note = BodyLabel(role="field")
        self.list_box = QWidget()
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[BigButton] = []
        self.refresh_button = BigButton(role="secondary")
        self.refresh_button.clicked.connect(self._load)
        for widget in (self.explain, self.note, self.list_box, self.refresh_button):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self._bundles: list[CarriedBundle] | None = None

    def available(self) -> bool:
        return super().available() and self.desk.tools.relay is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.explain.set_plain(self.t("tech.relay.explain"))
        self.refresh_button.setText("⟳ " + self.t("tech.media.refresh"))
        self._show(self._bundles)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.banner.clear()
        self._load()

    def forget(self) -> None:
        self._show(None)
        super().forget()

    def _load(self) -> None:
        tools = self.desk.tools.relay
        if tools is not None:
            self.refresh_button.setEnabled(False)
            self.run(tools.bundles, self._show)

    def _show(self, bundles: list[CarriedBundle] | None) -> None:
        self._bundles = bundles
        for button in self.buttons:
            self.list_layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.refresh_button.setEnabled(True)
        if bundles is None:
            self.note.set_plain("")
            return
        self.note.set_plain(self.t("tech.relay.choose" if bundles else "tech.relay.none"))
        for bundle in bundles:
            made = datetime.fromtimestamp(bundle.created_at_ms / 1000).strftime("%Y-%m-%d %H:%M")
            text = self.t(
                "tech.relay.bundle",
                terminal=fmt.ltr(bundle.terminal_id),
                records=bundle.records,
                made=fmt.ltr(made),
            )
            button = BigButton("⇧ " + text, role="secondary")
            button.clicked.connect(lambda _c=False, b=bundle: self.relay(b))
            self.list_layout.addWidget(button)
            button.show()  # added to a showing widget: not shown until the next event loop pass
            self.buttons.append(button)

    def _busy(self, busy: bool) -> None:
        for button in (*self.buttons, self.refresh_button):
            button.setEnabled(not busy)

    def relay(self, bundle: CarriedBundle) -> None:
        tools = self.desk.tools.relay
        if tools is None:
            return
        self._busy(True)
        self.banner.show_message(BannerKind.INFO, self.t("tech.relay.sending"))
        self.run(lambda: tools.relay(bundle), self._done)

    def show_failure(self, exc: Exception) -> None:
        self._busy(False)
        reason = self.ctx.error_text(exc)
        if not isinstance(exc, BundleUnreadable):  # the link or the platform: try again
            reason += " " + self.t("tech.relay.again")
        self.banner.show_message(BannerKind.ERROR, self.t("tech.failed", reason=reason))

    def _done(self, done: RelayDone) -> None:
        self._busy(False)
        words = self.t(
            "tech.relay.done",
            terminal=fmt.ltr(done.terminal_id),
            delivered=done.delivered,
            already=done.already,
            pages=done.pages,
        )
        if done.refused:
            words += " " + self.t("tech.relay.refused", refused=done.refused)
        self.banner.show_message(BannerKind.WARNING if done.refused else BannerKind.OK, words)
