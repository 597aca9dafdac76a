"""Typing the receipt number on big keys. The check character catches a mistyped key or two
swapped keys at once, so the villager is told before anything is looked up."""

from __future__ import annotations

from typing import Any

from kiosk.services.progress import BadReceiptNumber
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.progress import CASE, found
from ui.screens.progress_keypad import RECEIPT_KEYS, KeyPad, group_receipt
from ui.widgets import BannerKind, BodyLabel

MAX_RECEIPT_CHARS = 13  # five for the terminal, up to seven for the sequence, one check


class ReceiptNumberScreen(Screen):
    name = "progress.number"
    title_key = "progress.number_title"
    messages = {
        "progress.number_title": Text("输入回执编号", "تالون نومۇرىنى كىرگۈزۈش"),
        "progress.number_hint": Text(
            "回执编号在回执上方，例如 K7Q2M-01A7-Q。横线不用输。",
            "تالون نومۇرى تالوننىڭ ئۈستىدە، مەسىلەن K7Q2M-01A7-Q. سىزىقچىنى كىرگۈزمىسىڭىز بولىدۇ.",
        ),
        "keypad.erase": Text("删除", "ئۆچۈرۈش"),
        "keypad.confirm": Text("查询", "سۈرۈشتۈرۈش"),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.purpose = CASE
        self.hint = BodyLabel()
        self.pad = KeyPad(RECEIPT_KEYS, 6, MAX_RECEIPT_CHARS, group_receipt)
        self.pad.confirmed.connect(self._confirm)
        self.pad.changed.connect(lambda _text: self.banner.clear())
        self.body.addWidget(self.hint)
        self.body.addWidget(self.pad)
        self.body.addStretch(1)

    def available(self) -> bool:
        return self.ctx.services.progress is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.set_plain(self.t("progress.number_hint"))
        self.pad.set_labels(self.t("keypad.erase"), self.t("keypad.confirm"))

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if "purpose" in params:
            self.purpose = str(params["purpose"])
            self.pad.clear()
            self.banner.clear()

    def forget(self) -> None:
        self.pad.clear()
        self.purpose = CASE
        super().forget()

    def _confirm(self, text: str) -> None:
        progress = self.ctx.services.progress
        if progress is None:
            return
        try:
            receipt_no = progress.normalise(text)
        except BadReceiptNumber:
            self.banner.show_message(BannerKind.ERROR, self.t("progress.bad_number"))
            self.ctx.voice.say("progress.bad_number")
            return
        found(self, self.purpose, receipt_no)
