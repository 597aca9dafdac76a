"""运维登录: the technician's own card on the reader, or their technician number, then their PIN.

Checked offline against the operators the terminal cached from the platform (the sync loop
refreshes the list); five wrong PINs lock that technician out for 15 minutes, and the screen
says so with the time left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout

from kiosk.services.technician import SignInAttempt, SignInOutcome
from ui.i18n import Text
from ui.technician.base import SIGN_IN, TechScreen
from ui.technician.keypad import Keypad, TapField
from ui.widgets import BannerKind, BigButton, BodyLabel

NUMBER_DIGITS, PIN_DIGITS = 4, 6
MENU = "tech_menu"
PROVISION = "tech_provision"


class TechSignInScreen(TechScreen):
    name = SIGN_IN
    title_key = "tech.signin.title"
    needs_session = False
    messages = {
        "tech.signin.title": Text("运维登录", "تېخنىك كىرىشى"),
        "tech.signin.hint": Text(
            "请运维人员把本人身份证放在读卡区，或输入运维编号，再输入 6 位密码。",
            "تېخنىك خادىم ئۆز كىملىكىنى ئوقۇش رايونىغا قويسۇن ياكى تېخنىك نومۇرىنى كىرگۈزسۇن، ئاندىن 6 خانىلىق پارولنى كىرگۈزسۇن.",
        ),
        "tech.signin.number": Text("运维编号", "تېخنىك نومۇرى"),
        "tech.signin.pin": Text("密码", "پارول"),
        "tech.signin.typing": Text("▶ {field}", "◀ {field}"),
        "tech.signin.confirm": Text("登录", "كىرىش"),
        "tech.signin.checking": Text("正在核对…", "تەكشۈرۈلۈۋاتىدۇ…"),
        "tech.signin.wrong_pin": Text(
            "密码不对。还可以再试 {left} 次，之后将锁定 15 分钟。",
            "پارول خاتا. يەنە {left} قېتىم سىنىيالايسىز، ئاندىن 15 مىنۇت قۇلۇپلىنىدۇ.",
        ),
        "tech.signin.locked": Text(
            "密码错误次数太多，{number} 已锁定。请 {minutes} 分 {seconds} 秒后再试。",
            "پارول كۆپ قېتىم خاتا بولدى، {number} قۇلۇپلاندى. {minutes} مىنۇت {seconds} سېكۇنتتىن كېيىن قايتا سىناڭ.",
        ),
        "tech.signin.unknown": Text(
            "本机的运维人员名单里没有 {number}。请核对编号；新登记的运维人员要等终端联网取回名单后才能登录。",
            "بۇ ئۈسكۈنىنىڭ تېخنىك خادىملار تىزىملىكىدە {number} يوق. نومۇرنى تەكشۈرۈڭ؛ يېڭى تىزىملاتقان خادىم ئۈسكۈنە تورغا ئۇلىنىپ تىزىملىكنى ئالغاندىن كېيىن كىرەلەيدۇ.",
        ),
        "tech.signin.provision": Text("登记新终端", "يېڭى ئۈسكۈنە تىزىملاش"),
        "tech.signin.no_list": Text(
            "本机还没有从平台取到运维人员名单，暂时不能登录。请先让终端联网。",
            "بۇ ئۈسكۈنە تېخى سۇپىدىن تېخنىك خادىملار تىزىملىكىنى ئالمىدى، ھازىرچە كىرگىلى بولمايدۇ. ئاۋۋال ئۈسكۈنىنى تورغا ئۇلاڭ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.hint = BodyLabel()
        self.number_label = BodyLabel(role="field")
        self.number = TapField(NUMBER_DIGITS, prefix="T")
        self.pin_label = BodyLabel(role="field")
        self.pin = TapField(PIN_DIGITS, secret=True)
        fields = QGridLayout()
        fields.addWidget(self.number_label, 0, 0)
        fields.addWidget(self.number, 0, 1)
        fields.addWidget(self.pin_label, 1, 0)
        fields.addWidget(self.pin, 1, 1)
        fields.setColumnStretch(1, 1)
        self.keypad = Keypad()
        self.confirm = BigButton()
        self.confirm.clicked.connect(self._confirm)
        self.body.addWidget(self.hint)
        self.body.addLayout(fields)
        self.body.addWidget(self.keypad)
        self.body.addWidget(self.confirm)
        # Only while the terminal is not enrolled (nobody can sign in on it yet).
        self.provision_button = BigButton(role="secondary")
        self.provision_button.clicked.connect(lambda: self.navigate.emit(PROVISION, {}))
        self.provision_button.hide()
        self.body.addWidget(self.provision_button)
        self.body.addStretch(1)
        self.number.tapped.connect(lambda: self._choose(self.number))
        self.pin.tapped.connect(lambda: self._choose(self.pin))
        self.number.textChanged.connect(self._number_changed)
        self.pin.textChanged.connect(lambda _t: self._update())
        self._busy = False
        self._choose(self.number)

    # --- Screen -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.set_plain(self.t("tech.signin.hint"))
        self.confirm.setText("✔ " + self.t("tech.signin.confirm"))
        self.provision_button.setText("⊕ " + self.t("tech.signin.provision"))
        self._label_fields()

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self._clear()
        self.provision_button.hide()
        if self.signed_in():
            self.navigate.emit(MENU, {})
            return
        tools = self.desk.tools.provision if self.available() else None
        if tools is not None:
            self.run(tools.current, lambda now: self.provision_button.setVisible(now is None))

    def leave(self) -> None:
        self._clear()

    def forget(self) -> None:
        self._clear()
        super().forget()

    # --- typing -------------------------------------------------------------------------------

    def _clear(self) -> None:
        self.number.erase()
        self.pin.erase()
        self.banner.clear()
        self._busy = False
        self._choose(self.number)

    def _choose(self, field: TapField) -> None:
        self.keypad.target = field
        field.setFocus()
        self._label_fields()

    def _label_fields(self) -> None:
        for field, label, key in (
            (self.number, self.number_label, "tech.signin.number"),
            (self.pin, self.pin_label, "tech.signin.pin"),
        ):
            text = self.t(key)
            if self.keypad.target is field:
                text = self.t("tech.signin.typing", field=text)
            label.set_plain(text)

    def _number_changed(self, _text: str) -> None:
        if len(self.number.digits()) == NUMBER_DIGITS and self.keypad.target is self.number:
            self._choose(self.pin)
        self._update()

    def _update(self) -> None:
        ready = len(self.number.digits()) == NUMBER_DIGITS and len(self.pin.digits()) == PIN_DIGITS
        self.confirm.setEnabled(ready and not self._busy)

    # --- signing in ---------------------------------------------------------------------------

    def _confirm(self) -> None:
        if self._busy or not self.confirm.isEnabled():
            return
        number, pin = self.number.text(), self.pin.digits()
        self._busy = True
        self._update()
        self.banner.show_message(BannerKind.INFO, self.t("tech.signin.checking"))
        self.run(lambda: self.desk.sign_in_by_number(number, pin), self._answered)

    def show_failure(self, exc: Exception) -> None:
        self._busy = False
        self.pin.erase()
        self._update()
        super().show_failure(exc)

    def _answered(self, attempt: SignInAttempt) -> None:
        self._busy = False
        self.pin.erase()
        self._choose(self.pin)
        if attempt.outcome is SignInOutcome.SIGNED_IN:
            self.banner.clear()
            self.number.erase()
            self.navigate.emit(MENU, {})
            return
        self.banner.show_message(BannerKind.ERROR, self.explain(attempt))
        if attempt.outcome in (SignInOutcome.UNKNOWN, SignInOutcome.NO_LIST):
            self.number.erase()
            self._choose(self.number)
        self._update()

    def explain(self, attempt: SignInAttempt) -> str:
        number = attempt.operator_id or self.number.text()
        if attempt.outcome is SignInOutcome.WRONG_PIN:
            return self.t("tech.signin.wrong_pin", left=attempt.attempts_left)
        if attempt.outcome is SignInOutcome.LOCKED:
            minutes, seconds = divmod(attempt.wait_s, 60)
            return self.t("tech.signin.locked", number=number, minutes=minutes, seconds=seconds)
        if attempt.outcome is SignInOutcome.NO_LIST:
            return self.t("tech.signin.no_list")
        return self.t("tech.signin.unknown", number=number)
