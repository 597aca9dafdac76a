"""代办员登录: the agent's own ID card on the reader, then their 6-digit PIN on the keypad shared
with the technician's sign-in (ui/technician/keypad.py).

Checked offline against the operators the terminal cached from the platform (the sync loop
refreshes the list), so a dead link never keeps an agent out; five wrong PINs lock that agent
out for 15 minutes and the screen says so with the time left. The card is matched on a worker
(scrypt per operator) and nothing of it is kept: only which agent it belongs to.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.identity import Identity
from kiosk.domain.operators import Operator
from kiosk.ports.card_reader import CardEvent, CardEventKind
from kiosk.services.operator_desk import SignInAttempt, SignInOutcome
from ui.agent.base import AGENT_HOME, AGENT_SIGN_IN, AgentScreen
from ui.bridge import connect_while
from ui.i18n import Text
from ui.technician.keypad import Keypad, TapField
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

PIN_DIGITS = 6


class AgentSignInScreen(AgentScreen):
    name = AGENT_SIGN_IN
    title_key = "agent.signin.title"
    needs_session = False
    messages = {
        "agent.signin.title": Text("代办员登录", "ۋاكالەتچى كىرىشى"),
        "agent.signin.place_card": Text(
            "请代办员把本人身份证放在读卡区。",
            "ۋاكالەتچى ئۆز كىملىكىنى ئوقۇش رايونىغا قويسۇن.",
        ),
        "agent.signin.not_villager": Text(
            "村民办事请按“首页”，不用在这里登录。",
            "يېزا ئاھالىسى ئىش بېجىرسە «باش بەت» نى بېسىڭ، بۇ يەردە كىرىشنىڭ ھاجىتى يوق.",
        ),
        "agent.signin.reading": Text("正在核对证件…", "كىملىك تەكشۈرۈلۈۋاتىدۇ…"),
        "agent.signin.who": Text(
            "{name}（{number}），请输入 6 位密码。",
            "{name} ({number})، 6 خانىلىق پارولنى كىرگۈزۈڭ.",
        ),
        "agent.signin.pin": Text("密码", "پارول"),
        "agent.signin.confirm": Text("登录", "كىرىش"),
        "agent.signin.other_card": Text("换一张证件", "باشقا كىملىك"),
        "agent.signin.checking": Text("正在核对…", "تەكشۈرۈلۈۋاتىدۇ…"),
        "agent.signin.wrong_pin": Text(
            "密码不对。还可以再试 {left} 次，之后将锁定 15 分钟。",
            "پارول خاتا. يەنە {left} قېتىم سىنىيالايسىز، ئاندىن 15 مىنۇت قۇلۇپلىنىدۇ.",
        ),
        "agent.signin.locked": Text(
            "密码错误次数太多，{number} 已锁定。请 {minutes} 分 {seconds} 秒后再试。",
            "پارول كۆپ قېتىم خاتا بولدى، {number} قۇلۇپلاندى. {minutes} مىنۇت {seconds} سېكۇنتتىن كېيىن قايتا سىناڭ.",
        ),
        "agent.signin.unknown": Text(
            "这张证件不是本网点代办员的。新登记的代办员要等终端联网取回名单后才能登录。",
            "بۇ كىملىك بۇ مۇلازىمەت نۇقتىسىنىڭ ۋاكالەتچىسىنىڭ ئەمەس. يېڭى تىزىملاتقان ۋاكالەتچى ئۈسكۈنە تورغا ئۇلىنىپ تىزىملىكنى ئالغاندىن كېيىن كىرەلەيدۇ.",
        ),
        "agent.signin.no_list": Text(
            "本机还没有从平台取到代办员名单，暂时不能登录。请先让终端联网。",
            "بۇ ئۈسكۈنە تېخى سۇپىدىن ۋاكالەتچىلەر تىزىملىكىنى ئالمىدى، ھازىرچە كىرگىلى بولمايدۇ. ئاۋۋال ئۈسكۈنىنى تورغا ئۇلاڭ.",
        ),
        "agent.signin.take_card": Text(
            "登录好了。请取回您的身份证。", "كىرىش تامام. كىملىكىڭىزنى ئېلىۋېلىڭ."
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self._operator: Operator | None = None  # whose card was read; never the card itself
        self._busy = False
        self._disconnect: Any = None
        self.pages = QStackedWidget()
        # 1. the card
        self.card_page = QWidget()
        card = QVBoxLayout(self.card_page)
        self.place_card = TitleLabel()
        self.not_villager = BodyLabel()
        card.addWidget(self.place_card)
        card.addWidget(self.not_villager)
        card.addStretch(1)
        # 2. the PIN
        self.pin_page = QWidget()
        pin = QVBoxLayout(self.pin_page)
        self.who = BodyLabel(role="field")
        row = QHBoxLayout()
        self.pin_label = BodyLabel(role="field")
        self.pin = TapField(PIN_DIGITS, secret=True)
        row.addWidget(self.pin_label)
        row.addWidget(self.pin, 1)
        self.keypad = Keypad()
        self.keypad.target = self.pin
        self.confirm = BigButton()
        self.confirm.clicked.connect(self._confirm)
        self.other_card = BigButton(role="secondary")
        self.other_card.clicked.connect(self._show_card_page)
        actions = QHBoxLayout()
        actions.addWidget(self.other_card)
        actions.addWidget(self.confirm)
        pin.addWidget(self.who)
        pin.addLayout(row)
        pin.addWidget(self.keypad)
        pin.addLayout(actions)
        pin.addStretch(1)
        self.pages.addWidget(self.card_page)
        self.pages.addWidget(self.pin_page)
        self.body.addWidget(self.pages, 1)
        self.pin.textChanged.connect(lambda _t: self._update())
        self._update()

    # --- Screen -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.place_card.setText(self.t("agent.signin.place_card"))
        self.not_villager.set_plain(self.t("agent.signin.not_villager"))
        self.pin_label.set_plain(self.t("agent.signin.pin"))
        self.confirm.setText("✔ " + self.t("agent.signin.confirm"))
        self.other_card.setText(self.t("agent.signin.other_card"))
        self._show_who()

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        if self.signed_in():
            self.navigate.emit(AGENT_HOME, {})
            return
        self._show_card_page()
        bridge = self.ctx.devices
        if bridge is None:
            self.banner.show_message(BannerKind.ERROR, self.t("reader.missing"))
            return
        if self._disconnect is None:
            self._disconnect = connect_while(bridge.card_event, self._on_card)
        if bridge.present_identity is not None:
            self._card_read(bridge.present_identity)

    def leave(self) -> None:
        self._stop_listening()
        self._show_card_page()

    def forget(self) -> None:
        self._stop_listening()
        self._show_card_page()
        super().forget()

    def _stop_listening(self) -> None:
        if self._disconnect is not None:
            self._disconnect()
            self._disconnect = None

    # --- the card -----------------------------------------------------------------------------

    def _show_card_page(self) -> None:
        self._operator = None
        self._busy = False
        self.pin.erase()
        self.who.set_plain("")
        self.banner.clear()
        self.pages.setCurrentWidget(self.card_page)
        self._update()

    def _on_card(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.IDENTITY_READ and event.identity is not None:
            if self.pages.currentWidget() is self.card_page and not self._busy:
                self._card_read(event.identity)
        elif event.kind in (CardEventKind.READ_FAILED, CardEventKind.HARDWARE_ERROR):
            self.banner.show_message(
                BannerKind.ERROR, self.t(event.message_key or "card.unreadable")
            )

    def _card_read(self, identity: Identity) -> None:
        self._busy = True
        self.banner.show_message(BannerKind.INFO, self.t("agent.signin.reading"))
        desk = self.desk

        def work() -> Operator | SignInAttempt:
            operator = desk.find_card(identity)
            return operator if operator is not None else desk.card_unknown()

        self.run(work, self._card_known)

    def _card_known(self, found: Operator | SignInAttempt) -> None:
        self._busy = False
        if isinstance(found, SignInAttempt):
            self.banner.show_message(BannerKind.ERROR, self.explain(found))
            return
        self._operator = found
        self.banner.clear()
        self.pin.erase()
        self.pages.setCurrentWidget(self.pin_page)
        self.pin.setFocus()
        self._show_who()
        self._update()

    def _show_who(self) -> None:
        operator = self._operator
        if operator is not None:
            self.who.set_plain(
                self.t("agent.signin.who", name=operator.masked_name, number=operator.operator_id)
            )

    # --- the PIN ------------------------------------------------------------------------------

    def _update(self) -> None:
        ready = self._operator is not None and len(self.pin.digits()) == PIN_DIGITS
        self.confirm.setEnabled(ready and not self._busy)

    def _confirm(self) -> None:
        operator = self._operator
        if self._busy or operator is None or not self.confirm.isEnabled():
            return
        pin = self.pin.digits()
        self._busy = True
        self._update()
        self.banner.show_message(BannerKind.INFO, self.t("agent.signin.checking"))
        desk = self.desk
        self.run(lambda: desk.sign_in_by_card(operator, pin), self._answered)

    def show_failure(self, exc: Exception) -> None:
        self._busy = False
        self.pin.erase()
        self._update()
        super().show_failure(exc)

    def _answered(self, attempt: SignInAttempt) -> None:
        self._busy = False
        self.pin.erase()
        if attempt.outcome is SignInOutcome.SIGNED_IN:
            self.ctx.agent = self.desk.agent
            self.ctx.session.touch()  # the agent's session idles like a visit (AgentHooks)
            self._operator = None
            self.navigate.emit(AGENT_HOME, {"signed_in": True})
            return
        self.banner.show_message(BannerKind.ERROR, self.explain(attempt))
        self._update()

    def explain(self, attempt: SignInAttempt) -> str:
        if attempt.outcome is SignInOutcome.WRONG_PIN:
            return self.t("agent.signin.wrong_pin", left=attempt.attempts_left)
        if attempt.outcome is SignInOutcome.LOCKED:
            minutes, seconds = divmod(attempt.wait_s, 60)
            return self.t(
                "agent.signin.locked",
                number=attempt.operator_id,
                minutes=minutes,
                seconds=seconds,
            )
        if attempt.outcome is SignInOutcome.NO_LIST:
            return self.t("agent.signin.no_list")
        return self.t("agent.signin.unknown")
