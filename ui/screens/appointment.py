"""预约取号: book a time at a hall, check in for a booking with the card, or take a walk-in
ticket. Each choice is one big tile; a choice this terminal cannot offer is not shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.ticket import CHECK_IN, WALK_IN
from ui.widgets import BigButton, BodyLabel


class AppointmentScreen(Screen):
    name = "appointment"
    title_key = "appointment.title"
    messages = {
        "appointment.title": Text("预约取号", "ۋاقىت بەلگىلەش ۋە نومۇر ئېلىش"),
        "appointment.choose": Text("您要做什么？", "نېمە قىلماقچى؟"),
        "appointment.book": Text("预约到大厅办事的时间", "زالدا ئىش بېجىرىش ۋاقتىنى بەلگىلەش"),
        "appointment.check_in": Text(
            "我已预约，刷身份证签到取号", "ۋاقىت بەلگىلىگەن، كىملىك ئوقۇتۇپ نومۇر ئېلىش"
        ),
        "appointment.walk_in": Text("没有预约，现场取号", "بەلگىلىمىگەن، نەق مەيداندا نومۇر ئېلىش"),
        "appointment.identify_for_check_in": Text("签到取号", "تىزىملىتىپ نومۇر ئېلىش"),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.offers: Callable[[str], bool] = lambda _name: False
        self.choose = BodyLabel()
        self.book_button = BigButton(role="tile")
        self.book_button.clicked.connect(
            lambda: self.navigate.emit("appointment.book", {"new": True})
        )
        self.check_in_button = BigButton(role="tile")
        self.check_in_button.clicked.connect(self._check_in)
        self.walk_in_button = BigButton(role="tile")
        self.walk_in_button.clicked.connect(
            lambda: self.navigate.emit("ticket", {"action": WALK_IN})
        )
        self.body.addWidget(self.choose)
        for button in (self.book_button, self.check_in_button, self.walk_in_button):
            self.body.addWidget(button)
        self.body.addStretch(1)

    def available(self) -> bool:
        s = self.ctx.services
        return s.appointments is not None or s.tickets is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.choose.set_plain(self.t("appointment.choose"))
        self.book_button.setText("◷\n" + self.t("appointment.book"))
        self.check_in_button.setText("▭\n" + self.t("appointment.check_in"))
        self.walk_in_button.setText("№\n" + self.t("appointment.walk_in"))

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        s = self.ctx.services
        self.book_button.setVisible(s.appointments is not None and self.offers("appointment.book"))
        self.check_in_button.setVisible(s.tickets is not None and self.offers("identify"))
        self.walk_in_button.setVisible(s.tickets is not None)

    def _check_in(self) -> None:
        self.navigate.emit(
            "identify",
            {
                "next": "ticket",
                "next_params": {"action": CHECK_IN},
                "purpose_key": "appointment.identify_for_check_in",
            },
        )
