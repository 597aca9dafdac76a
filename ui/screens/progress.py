"""进度查询: how to find the case. Hold the receipt's QR code to the camera, type the receipt
number, or put the ID card on the reader. The same three ways serve the evaluation journey
(`purpose="evaluate"`), which needs the case being rated.

    navigate("progress", {"purpose": "case" | "evaluate"})

Every way ends at `found(screen, receipt_no)`: the case's page, or the evaluation of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.i18n import Text
from ui.navigation import Screen
from ui.widgets import BigButton, BodyLabel

CASE, EVALUATE = "case", "evaluate"


def found(screen: Screen, purpose: str, receipt_no: str) -> None:
    """Go where the journey wanted the receipt number."""
    if purpose == EVALUATE:
        screen.navigate.emit("evaluation", {"receipt_no": receipt_no})
    else:
        screen.navigate.emit("progress.case", {"receipt_no": receipt_no})


class ProgressScreen(Screen):
    name = "progress"
    title_key = "progress.title"
    messages = {
        "progress.title": Text("进度查询", "ئەھۋال سۈرۈشتۈرۈش"),
        "progress.evaluate_title": Text("找到要评价的办件", "باھالايدىغان ئىشنى تېپىش"),
        "progress.how": Text("请选择查询方式：", "سۈرۈشتۈرۈش ئۇسۇلىنى تاللاڭ:"),
        "progress.by_scan": Text("扫描回执上的二维码", "تالوندىكى كودنى سكانىرلاش"),
        "progress.by_number": Text("输入回执编号", "تالون نومۇرىنى كىرگۈزۈش"),
        "progress.by_card": Text(
            "刷身份证，查我的全部办件", "كىملىك ئوقۇتۇپ بارلىق ئىشلىرىمنى كۆرۈش"
        ),
        "progress.identify_for": Text("查询我的办件进度", "ئىشلىرىمنىڭ ئەھۋالىنى سۈرۈشتۈرۈش"),
        "progress.bad_number": Text(
            "这个编号不对，请对照回执再输一次。",
            "بۇ نومۇر خاتا، تالونغا قاراپ قايتا كىرگۈزۈڭ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.offers: Callable[[str], bool] = lambda _name: False
        self.purpose = CASE
        self.how = BodyLabel()
        self.scan_button = BigButton(role="tile")
        self.scan_button.clicked.connect(lambda: self._go("progress.scan"))
        self.number_button = BigButton(role="tile")
        self.number_button.clicked.connect(lambda: self._go("progress.number"))
        self.card_button = BigButton(role="tile")
        self.card_button.clicked.connect(self._by_card)
        self.body.addWidget(self.how)
        for button in (self.scan_button, self.number_button, self.card_button):
            self.body.addWidget(button)
        self.body.addStretch(1)

    def available(self) -> bool:
        return self.ctx.services.progress is not None

    def retranslate(self) -> None:
        super().retranslate()
        if self.purpose == EVALUATE:
            self.title.setText(self.t("progress.evaluate_title"))
        self.how.set_plain(self.t("progress.how"))
        self.scan_button.setText("▣\n" + self.t("progress.by_scan"))
        self.number_button.setText("⌨\n" + self.t("progress.by_number"))
        self.card_button.setText("▭\n" + self.t("progress.by_card"))

    def enter(self, **params: Any) -> None:
        # Coming back (no params) keeps the purpose; a visit's end resets it (forget).
        self.purpose = str(params.get("purpose", self.purpose))
        self.retranslate()
        super().enter(**params)
        self.scan_button.setVisible(self.offers("progress.scan"))
        # By card lists every case of a person: for finding progress, not for rating one.
        self.card_button.setVisible(self.purpose == CASE and self.offers("identify"))

    def forget(self) -> None:
        self.purpose = CASE
        super().forget()

    def _go(self, screen: str) -> None:
        self.navigate.emit(screen, {"purpose": self.purpose})

    def _by_card(self) -> None:
        self.navigate.emit(
            "identify",
            {"next": "progress.list", "next_params": {}, "purpose_key": "progress.identify_for"},
        )
