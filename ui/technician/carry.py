"""U 盘带出: when the terminal has been cut off for long, its waiting records (still sealed to
the platform's key) go on a USB stick with a signed manifest, for the platform to take in.
They stay in the queue until the platform confirms them over the link: nothing is lost if
the stick is, and nothing arrives twice."""

from __future__ import annotations

from typing import Any

from kiosk.ports.bundles import BundleExport, BundlePlan
from kiosk.ports.media import Medium
from ui.i18n import Text
from ui.technician import format as fmt
from ui.technician.base import TechScreen
from ui.technician.media import MediaPicker
from ui.widgets import BannerKind, BodyLabel

CARRY = "tech_carry"


class TechCarryScreen(TechScreen):
    name = CARRY
    title_key = "tech.carry.title"
    messages = {
        "tech.carry.title": Text(
            "U 盘带出待送记录", "ساقلاۋاتقان خاتىرىلەرنى U دىسكىدا ئېلىپ چىقىش"
        ),
        "tech.carry.explain": Text(
            "终端长时间连不上平台时用：把还没送到平台的记录写到 U 盘，带到能联网的地方由平台导入。"
            "记录在 U 盘上仍是加密的，丢了 U 盘也看不到内容；终端上的记录要等平台确认收到才删除，不会丢，也不会重复。",
            "ئۈسكۈنە ئۇزۇن ۋاقىت سۇپىغا ئۇلانمىغاندا ئىشلىتىلىدۇ: سۇپىغا يېتىپ بارمىغان خاتىرىلەر U دىسكىغا يېزىلىپ، تورغا ئۇلىنىدىغان جايدا سۇپىغا كىرگۈزۈلىدۇ. "
            "U دىسكىدىكى خاتىرىلەر مەخپىيلەشتۈرۈلگەن؛ ئۈسكۈنىدىكى خاتىرىلەر سۇپا تاپشۇرۇۋالغانلىقىنى جەزملەشتۈرگەندىلا ئۆچۈرۈلىدۇ، يوقالمايدۇ، تەكرارلانمايدۇ.",
        ),
        "tech.carry.plan": Text(
            "待送记录 {records} 条（{size}）；其中 {carried} 条以前已带出过，平台还没确认。",
            "ساقلاۋاتقان خاتىرە {records} ({size})؛ بۇلارنىڭ {carried} ى ئىلگىرى ئېلىپ چىقىلغان، سۇپا تېخى جەزملەشتۈرمىدى.",
        ),
        "tech.carry.plan_fresh": Text(
            "待送记录 {records} 条（{size}）。", "ساقلاۋاتقان خاتىرە {records} ({size})."
        ),
        "tech.carry.nothing": Text(
            "没有待送的记录，不需要带出。", "ساقلاۋاتقان خاتىرە يوق، ئېلىپ چىقىش ھاجەتسىز."
        ),
        "tech.carry.writing": Text(
            "正在写入 U 盘并逐条复查，请不要拔出…",
            "U دىسكىغا يېزىلىپ بىر-بىرلەپ تەكشۈرۈلۈۋاتىدۇ، چىقارماڭ…",
        ),
        "tech.carry.done": Text(
            "已写入 {records} 条记录、{pages} 页材料（{size}）到 {directory}，已复查签名。"
            "可以拔出 U 盘，交给平台管理员导入。这些记录仍留在终端上，等平台确认后自动删除。",
            "{records} خاتىرە، {pages} بەت ماتېرىيال ({size}) {directory} غا يېزىلدى، ئىمزا تەكشۈرۈلدى. "
            "U دىسكىنى چىقىرىپ سۇپا باشقۇرغۇچىسىغا تاپشۇرۇڭ. بۇ خاتىرىلەر ئۈسكۈنىدە قالىدۇ، سۇپا جەزملەشتۈرگەندىن كېيىن ئۆزلۈكىدىن ئۆچۈرۈلىدۇ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.explain = BodyLabel()
        self.plan_label = BodyLabel(role="field")
        self.picker = MediaPicker(ctx.tr, self.export)
        self.picker.refresh_button.clicked.connect(self._load)
        self.body.addWidget(self.explain)
        self.body.addWidget(self.plan_label)
        self.body.addWidget(self.picker)
        self.body.addStretch(1)
        self._plan: BundlePlan | None = None

    def available(self) -> bool:
        return super().available() and self.desk.tools.carry is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.explain.set_plain(self.t("tech.carry.explain"))
        self.picker.retranslate()
        self._show_plan(self._plan)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.banner.clear()
        self._load()

    def forget(self) -> None:
        self._plan = None
        self.plan_label.set_plain("")
        self.picker.load([])
        super().forget()

    def _load(self) -> None:
        tools = self.desk.tools.carry
        if tools is None:
            return
        self.run(tools.plan, self._show_plan)
        self.run(tools.media, self._show_media)

    def _show_plan(self, plan: BundlePlan | None) -> None:
        self._plan = plan
        if plan is None:
            self.plan_label.set_plain("")
        elif plan.records == 0:
            self.plan_label.set_plain(self.t("tech.carry.nothing"))
        else:
            self.plan_label.set_plain(
                self.t(
                    "tech.carry.plan" if plan.already_carried else "tech.carry.plan_fresh",
                    records=plan.records,
                    size=fmt.size(plan.total_bytes),
                    carried=plan.already_carried,
                )
            )
        self.picker.set_busy(plan is None or plan.records == 0)

    def _show_media(self, media: list[Medium]) -> None:
        self.picker.load(media)
        self.picker.set_busy(self._plan is None or self._plan.records == 0)

    def export(self, medium: Medium) -> None:
        tools = self.desk.tools.carry
        if tools is None:
            return
        self.picker.set_busy(True)
        self.banner.show_message(BannerKind.INFO, self.t("tech.carry.writing"))
        self.run(lambda: tools.export(medium), self._done)

    def show_failure(self, exc: Exception) -> None:
        self.picker.set_busy(False)
        super().show_failure(exc)

    def _done(self, done: BundleExport) -> None:
        self.banner.show_message(
            BannerKind.OK,
            self.t(
                "tech.carry.done",
                records=done.records,
                pages=done.attachments,
                size=fmt.size(done.total_bytes),
                directory=fmt.ltr(done.directory),
            ),
        )
        tools = self.desk.tools.carry
        if tools is not None:
            self.run(tools.plan, self._show_plan)
