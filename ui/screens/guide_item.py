"""One service item's guide: who can apply, what to bring, the legal basis, the steps, how long
it takes, what it costs, how the result comes back, how far it can be done here and whether a
village agent may do it for you. From an item that can be applied for here, one big button
leads into the apply journey (only when this terminal offers it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.domain.catalog import Depth, ServiceItem
from kiosk.services.guide import GuideView, yuan
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.guide_parts import GUIDE_MESSAGES, ScrollColumn, label, show_age
from ui.widgets import BannerKind, BigButton, BodyLabel


class GuideItemScreen(Screen):
    name = "guide_item"
    title_key = "guide.title"  # until the item is known; then its short name
    messages = {
        **GUIDE_MESSAGES,
        "item.gone": Text(
            "这个事项已不在办事指南里，请询问工作人员。",
            "بۇ ئىش يېتەكچىدە يوق، خىزمەتچىدىن سوراڭ.",
        ),
        "item.name": Text("事项名称", "ئىش نامى"),
        "item.code": Text("事项编码：{code}", "ئىش نومۇرى: {code}"),
        "item.department": Text("办理部门：{name}", "بېجىرىدىغان ئورۇن: {name}"),
        "item.audience": Text("服务对象：{who}", "مۇلازىمەت ئوبيېكتى: {who}"),
        "item.conditions": Text("谁可以办（办理条件）", "كىملەر بېجىرەلەيدۇ (شەرتلەر)"),
        "item.materials": Text("要带的材料", "ئېلىپ كېلىدىغان ماتېرىياللار"),
        "item.material": Text("{form}，{count} 份，{need}", "{form}، {count} نۇسخا، {need}"),
        "item.required": Text("必须提供", "چوقۇم"),
        "item.optional": Text("有就带上", "بولسا ئېلىپ كېلىڭ"),
        "item.no_materials": Text("不用带材料。", "ماتېرىيال كەتمەيدۇ."),
        "item.process": Text("办理流程", "بېجىرىش تەرتىپى"),
        "item.limits": Text("多久办好", "قانچە ۋاقىتتا پۈتىدۇ"),
        "item.limit_days": Text(
            "法定时限 {statutory} 个工作日，承诺 {promised} 个工作日办结。",
            "قانۇندىكى مۆھلىتى {statutory} خىزمەت كۈنى، ۋەدە قىلىنغىنى {promised} خىزمەت كۈنى.",
        ),
        "item.limit_now": Text("当场办结。", "شۇ يەردىلا پۈتىدۇ."),
        "item.fees": Text("收费", "ھەق"),
        "item.free": Text("不收费。", "ھەقسىز."),
        "item.fee": Text("{name}：{yuan} 元", "{name}: {yuan} يۈەن"),
        "item.delivery": Text("怎么拿到结果", "نەتىجىنى قانداق ئالىسىز"),
        "item.depth": Text("在本机能办到哪一步", "بۇ ئۈسكۈنىدە قانچىلىك بېجىرگىلى بولىدۇ"),
        "item.proxy": Text("能否代办", "ۋاكالەتەن بېجىرىشكە بولامدۇ"),
        "item.proxy_yes": Text(
            "可以请村里的代办员免费帮您办。",
            "كەنتتىكى ۋاكالەتچىدىن ھەقسىز بېجىرىپ بېرىشنى سورىسىڭىز بولىدۇ.",
        ),
        "item.proxy_no": Text("需要本人亲自办理。", "ئۆزىڭىز بېجىرىشىڭىز كېرەك."),
        "item.no_proxy_agent": Text(
            "这一项不能代办：要村民本人到乡镇便民服务中心窗口办理。",
            "بۇ ئىشنى ۋاكالەتەن بېجىرگىلى بولمايدۇ: ئاھالە ئۆزى بازارلىق مۇلازىمەت مەركىزى كۆزنىكىگە بېرىپ بېجىرىشى كېرەك.",
        ),
        "item.basis": Text("办理依据", "قانۇنىي ئاساس"),
        "item.apply": Text("✍ 在本机申请", "✍ بۇ ئۈسكۈنىدە ئىلتىماس قىلىش"),
        "item.apply_elsewhere": Text(
            "本机暂时不能申请，请到乡镇便民服务中心窗口办理，或请代办员帮忙。",
            "بۇ ئۈسكۈنىدە ھازىرچە ئىلتىماس قىلغىلى بولمايدۇ، كۆزنەكتە بېجىرىڭ ياكى ۋاكالەتچىدىن ياردەم سوراڭ.",
        ),
    }

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.code = ""
        self.item: ServiceItem | None = None
        self.view: GuideView | None = None
        # Which screens this terminal offers; the main window points it at the navigator.
        self.offers: Callable[[str], bool] = lambda _name: False
        self.sections = ScrollColumn()
        self.apply_button = BigButton()
        self.apply_button.clicked.connect(self._apply)
        self.age = BodyLabel(role="small")
        self.body.addWidget(self.sections, 1)
        self.body.addWidget(self.apply_button)
        self.body.addWidget(self.age)
        self.apply_button.hide()

    def available(self) -> bool:
        return self.ctx.services.guide is not None

    def enter(self, **params: Any) -> None:
        """params: code (the item's); none when coming back to it."""
        if "code" in params:
            self.code = str(params["code"])
        guide = self.ctx.services.guide
        if guide is not None:
            self.ctx.run(guide.current, self._loaded, self._failed)
        super().enter(**params)

    def retranslate(self) -> None:
        super().retranslate()
        self.apply_button.setText(self.t("item.apply"))
        self._show()

    def forget(self) -> None:
        self.code = ""
        self.item = None
        self.sections.clear()
        self.apply_button.hide()
        super().forget()

    def _loaded(self, view: GuideView) -> None:
        self.view = view
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def _apply(self) -> None:
        if self.item is not None:
            self.navigate.emit("apply", {"item_code": self.item.code})

    def _show(self) -> None:
        view = self.view
        if view is None or not self.code:
            return
        show_age(self, view.source, self.age)
        self.item = item = view.item(self.code)
        if item is None:
            self.title.setText(self.t("guide.title"))
            self.banner.show_message(BannerKind.ERROR, self.t("item.gone"))
            self.sections.clear()
            self.apply_button.hide()
            return
        self.title.setText(item.short_name)
        can_apply = item.depth is not Depth.GUIDE_ONLY
        # In a proxy agent's session, an item the platform keeps for the villager in person
        # says so on top and is not applied for here (the agent cannot file it for them).
        in_person = self.ctx.agent is not None and not item.proxy_allowed
        if in_person:
            self.banner.show_message(BannerKind.WARNING, self.t("item.no_proxy_agent"))
        self.apply_button.setVisible(can_apply and not in_person and self.offers("apply"))
        self.sections.set_widgets(self._sections(item, can_apply))

    def _sections(self, item: ServiceItem, can_apply: bool) -> list[QWidget]:
        tr = self.ctx.tr
        t = self.t
        who = "、".join(label(tr, a) for a in item.audience)
        # What the villager can do here, today: the item's depth, unless this terminal cannot
        # take applications at the moment (then where to go instead).
        here = can_apply and not self.offers("apply")
        depth = [t("item.apply_elsewhere") if here else label(tr, item.depth)]
        # The catalog's Chinese (name, notes) and the translated details on lines of their own,
        # so right-to-left Uyghur never wraps around a Chinese name.
        materials: list[str] = []
        for n, m in enumerate(item.materials, 1):
            need = t("item.required" if m.required else "item.optional")
            materials.append(f"{n}. {m.name}")
            materials.append(t("item.material", form=label(tr, m.form), count=m.count, need=need))
            if m.notes:
                materials.append(m.notes)
        if item.statutory_limit_days == 0:
            limits = t("item.limit_now")
        else:
            limits = t(
                "item.limit_days",
                statutory=item.statutory_limit_days,
                promised=item.promised_limit_days or item.statutory_limit_days,
            )
        fees = [t("item.fee", name=f.name, yuan=yuan(f.amount_fen)) for f in item.fees]
        parts: list[tuple[str, list[str]]] = [
            (
                "item.name",
                [
                    item.name,
                    t("item.code", code=item.code),
                    t("item.department", name=item.department),
                    t("item.audience", who=who),
                ],
            ),
            ("item.depth", depth),
            ("item.conditions", [f"• {c}" for c in item.conditions]),
            ("item.materials", materials or [t("item.no_materials")]),
            ("item.process", [" → ".join(item.process)]),
            ("item.limits", [limits]),
            ("item.fees", [t("item.free")] if item.is_free else fees),
            ("item.delivery", ["、".join(label(tr, d) for d in item.delivery)]),
            ("item.proxy", [t("item.proxy_yes" if item.proxy_allowed else "item.proxy_no")]),
            ("item.basis", list(item.legal_basis)),
        ]
        widgets: list[QWidget] = []
        for key, lines in parts:
            if not any(lines):
                continue
            card = QFrame()
            card.setProperty("role", "card")
            box = QVBoxLayout(card)
            box.addWidget(BodyLabel(t(key), role="field"))
            for line in lines:  # a label each: Chinese and Uyghur lines each in their direction
                box.addWidget(BodyLabel(line))
            widgets.append(card)
        return widgets
