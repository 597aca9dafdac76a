"""为村民办理: where the agent lands once the villager's own card (and face) passed the identify
step. It names the villager only masked (张*), offers the journeys this terminal has for them,
and 办完了 ends the villager's visit: every screen forgets them and AgentHooks brings the agent
back to their home with the session still on.

The villager's identity stays in the visit's session (ctx.session.identity), as in a
self-service visit; the journeys read it there and the agent from ctx.agent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.agent.base import AGENT_HOME, AGENT_SERVING, AgentScreen
from ui.i18n import Text
from ui.screens.home import TILES
from ui.widgets import BigButton, BodyLabel

# The villager's journeys an agent may take them through (screen, message key, symbol); each
# shows only when this terminal offers it. Guide-only items say "no proxy" on their own page.
JOURNEYS = tuple(t for t in TILES if t[0] in ("apply", "progress", "appointment", "guide"))


class AgentServingScreen(AgentScreen):
    name = AGENT_SERVING
    title_key = "agent.serving.title"
    messages = {
        "agent.serving.title": Text("为村民办理", "ئاھالىگە بېجىرىش"),
        "agent.serving.who": Text("正在为 {name} 办理", "{name} غا بېجىرىلىۋاتىدۇ"),
        "agent.serving.check.face": Text(
            "本人证件和人脸已核验。", "ئۆز كىملىكى ۋە چىرايى دەلىللەندى."
        ),
        "agent.serving.check.card": Text("本人证件已核验。", "ئۆز كىملىكى دەلىللەندى."),
        "agent.serving.check.staff": Text(
            "人脸没有核验成功：提交后要请村民本人到窗口当面确认。",
            "چىراي دەلىللەنمىدى: يوللىغاندىن كېيىن ئاھالە ئۆزى كۆزنەككە بېرىپ يۈزمۇيۈز جەزملەشتۈرۈشى كېرەك.",
        ),
        "agent.serving.done": Text("✔ 办完了，下一位", "✔ تامام، كېيىنكىسى"),
    }

    identified = Signal(str, str)  # masked name, identity check: AgentHooks puts it on record

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.back_button.hide()  # behind this is the identify step, done for this villager
        self.who = BodyLabel(role="field")
        self.check = BodyLabel()
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.journey_buttons: dict[str, BigButton] = {}
        for target, _key, _symbol in JOURNEYS:
            button = BigButton(role="tile")
            button.clicked.connect(lambda _c=False, t=target: self.navigate.emit(t, {}))
            self.journey_buttons[target] = button
        self.offers: Any = lambda _name: False  # the navigator's, set by the main window
        self.done_button = BigButton()
        self.done_button.clicked.connect(self.go_home.emit)  # ends the villager's visit
        self.body.addWidget(self.who)
        self.body.addWidget(self.check)
        self.body.addWidget(self.tiles_box, 1)
        self.body.addWidget(self.done_button)
        self._check_key = ""

    def retranslate(self) -> None:
        super().retranslate()
        for target, key, symbol in JOURNEYS:
            self.journey_buttons[target].setText(f"{symbol}\n{self.t(key)}")
        self.done_button.setText(self.t("agent.serving.done"))
        self._show()

    def opened(self, **params: Any) -> None:
        identity = self.ctx.session.identity
        if identity is None:  # the villager's visit ended meanwhile
            self.navigate.emit(AGENT_HOME, {})
            return
        check = str(params.get("identity_check", ""))
        if check:
            self._check_key = "agent.serving.check." + check
            self.identified.emit(identity.masked_name, check)
        self._layout_tiles()
        self._show()

    def forget(self) -> None:
        self._check_key = ""
        self.who.set_plain("")
        self.check.set_plain("")
        super().forget()

    def _show(self) -> None:
        identity = self.ctx.session.identity
        if identity is None:
            self.who.set_plain("")
            self.check.set_plain("")
            return
        self.who.set_plain(self.t("agent.serving.who", name=identity.masked_name))
        self.check.set_plain(self.t(self._check_key) if self._check_key else "")

    def _layout_tiles(self) -> None:
        while self.tiles.count():
            self.tiles.takeAt(0)
        shown = 0
        for target, _key, _symbol in JOURNEYS:
            button = self.journey_buttons[target]
            if not self.offers(target):
                button.hide()
                continue
            button.show()
            self.tiles.addWidget(button, shown // 2, shown % 2)
            shown += 1
