"""登记新终端: the platform's address and the one-time enrolment code; the terminal makes its
key, registers it with the platform and keeps what the platform answers (its terminal number
and hall). Reached from the sign-in screen while the terminal is not enrolled (nobody can sign
in on it yet: the code is the credential), and from the menu, where it shows the enrolment the
terminal has. An enrolled terminal is never enrolled again from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLineEdit

from kiosk.ports.provisioning import EnrolledTerminal
from ui.i18n import Text
from ui.technician.base import SIGN_IN, TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel

PROVISION = "tech_provision"


class TechProvisionScreen(TechScreen):
    name = PROVISION
    title_key = "tech.provision.title"
    needs_session = False  # see opened(): only while the terminal is not enrolled
    messages = {
        "tech.provision.title": Text("登记新终端", "يېڭى ئۈسكۈنە تىزىملاش"),
        "tech.provision.hint": Text(
            "请输入政务平台的地址和平台管理员给本服务点开的登记码（例如 K7Q2-M4XP，一周内有效，只能用一次）。"
            "终端会自己生成密钥，只把公钥交给平台。",
            "سۇپا ئادرېسى ۋە سۇپا باشقۇرغۇچىسى بۇ مۇلازىمەت نۇقتىسى ئۈچۈن بەرگەن تىزىملاش كودىنى كىرگۈزۈڭ (مەسىلەن K7Q2-M4XP، بىر ھەپتە ئىچىدە بىرلا قېتىم ئىشلىتىلىدۇ). "
            "ئۈسكۈنە ئاچقۇچنى ئۆزى ھاسىل قىلىدۇ، سۇپىغا پەقەت ئاممىۋى ئاچقۇچنى بېرىدۇ.",
        ),
        "tech.provision.url": Text("平台地址", "سۇپا ئادرېسى"),
        "tech.provision.code": Text("登记码", "تىزىملاش كودى"),
        "tech.provision.confirm": Text("登记", "تىزىملاش"),
        "tech.provision.working": Text("正在向平台登记…", "سۇپىدا تىزىملىنىۋاتىدۇ…"),
        "tech.provision.enrolled": Text(
            "本终端已登记：终端号 {terminal}，{hall}（{hall_code}）。",
            "بۇ ئۈسكۈنە تىزىملانغان: ئۈسكۈنە نومۇرى {terminal}، {hall} ({hall_code}).",
        ),
        "tech.provision.done": Text(
            "登记成功：终端号 {terminal}，{hall}。终端马上开始同步；运维人员名单取回后即可用本人编号登录。",
            "تىزىملاش مۇۋەپپەقىيەتلىك: ئۈسكۈنە نومۇرى {terminal}، {hall}. ئۈسكۈنە ھازىرلا ماس قەدەملەشنى باشلايدۇ؛ تېخنىك خادىملار تىزىملىكى كەلگەندىن كېيىن ئۆز نومۇرىڭىز بىلەن كىرەلەيسىز.",
        ),
        "tech.provision.restart": Text(
            "登记成功：终端号 {terminal}，{hall}。平台地址已保存，重新启动终端程序后生效。",
            "تىزىملاش مۇۋەپپەقىيەتلىك: ئۈسكۈنە نومۇرى {terminal}، {hall}. سۇپا ئادرېسى ساقلاندى، ئۈسكۈنە پروگراممىسى قايتا قوزغىتىلغاندىن كېيىن كۈچكە ئىگە بولىدۇ.",
        ),
        "tech.provision.code_refused": Text(
            "登记码不对、已经用过或已过期。请核对后重输，或请平台管理员重新开一个登记码。",
            "تىزىملاش كودى خاتا، ئىشلىتىلگەن ياكى ۋاقتى ئۆتكەن. تەكشۈرۈپ قايتا كىرگۈزۈڭ ياكى سۇپا باشقۇرغۇچىسىدىن يېڭى كود سوراڭ.",
        ),
        "tech.provision.unreachable": Text(
            "连不上平台：请检查网线或 4G、平台地址是否写对，可先用“网络检测”。",
            "سۇپىغا ئۇلانغىلى بولمىدى: تور سىمى ياكى 4G نى، سۇپا ئادرېسىنىڭ توغرىلىقىنى تەكشۈرۈڭ، ئاۋۋال «تور تەكشۈرۈش» نى ئىشلىتىڭ.",
        ),
        "tech.provision.not_platform": Text(
            "这个地址回答的不是政务平台：请核对平台地址。",
            "بۇ ئادرېس سۇپا ئەمەس: سۇپا ئادرېسىنى تەكشۈرۈڭ.",
        ),
        "tech.provision.bad_url": Text(
            "平台地址不对：要写成 https://平台域名 这样的完整地址。",
            "سۇپا ئادرېسى خاتا: https://domain شەكلىدىكى تولۇق ئادرېس بولۇشى كېرەك.",
        ),
        "tech.provision.already": Text(
            "本终端已经登记过，不能在这里重新登记（队列里的记录属于原来的登记）。",
            "بۇ ئۈسكۈنە ئاللىقاچان تىزىملانغان، بۇ يەردە قايتا تىزىملىغىلى بولمايدۇ (ئۆچرەتتىكى خاتىرىلەر ئەسلىدىكى تىزىملاشقا تەۋە).",
        ),
        "tech.provision.failed": Text("登记没有成功。", "تىزىملاش مۇۋەپپەقىيەتسىز."),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.hint = BodyLabel()
        self.url_label = BodyLabel(role="field")
        self.url = QLineEdit()
        self.code_label = BodyLabel(role="field")
        self.code = QLineEdit()
        self.code.setMaxLength(20)
        fields = QGridLayout()
        fields.addWidget(self.url_label, 0, 0)
        fields.addWidget(self.url, 0, 1)
        fields.addWidget(self.code_label, 1, 0)
        fields.addWidget(self.code, 1, 1)
        fields.setColumnStretch(1, 1)
        self.status = BodyLabel(role="field")
        self.confirm = BigButton()
        self.confirm.clicked.connect(self.enrol)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.status)
        self.body.addLayout(fields)
        self.body.addWidget(self.confirm)
        self.restart_button = BigButton(role="danger")
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.hide()
        self.body.addWidget(self.restart_button)
        self.body.addStretch(1)
        self.url.textChanged.connect(lambda _t: self._update())
        self.code.textChanged.connect(lambda _t: self._update())
        self._current: EnrolledTerminal | None = None
        self._busy = False

    def available(self) -> bool:
        return super().available() and self.desk.tools.provision is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.set_plain(self.t("tech.provision.hint"))
        self.url_label.set_plain(self.t("tech.provision.url"))
        self.code_label.set_plain(self.t("tech.provision.code"))
        self.confirm.setText("✔ " + self.t("tech.provision.confirm"))
        self.restart_button.setText("⟳ " + self.t("tech.config.restart"))
        self._show(self._current)

    def opened(self, **params: Any) -> None:
        self.banner.clear()
        self.restart_button.hide()
        self._busy = False
        self.code.clear()
        self.url.setText(str(params.get("url", "")) or self.url.text())
        tools = self.desk.tools.provision
        if tools is not None:
            self._show(None)
            self.run(tools.current, self._current_known)

    def forget(self) -> None:
        self.code.clear()
        self._current = None
        self._busy = False
        super().forget()

    def _current_known(self, current: EnrolledTerminal | None) -> None:
        if current is not None and not self.signed_in():
            self.navigate.emit(SIGN_IN, {})  # enrolled: the technician signs in as usual
            return
        if current is not None and not self.url.text():
            self.url.setText(current.base_url)
        self._show(current)

    def _show(self, current: EnrolledTerminal | None) -> None:
        self._current = current
        enrolled = current is not None
        self.status.set_plain(
            ""
            if current is None
            else self.t(
                "tech.provision.enrolled",
                terminal=current.terminal_id,
                hall=current.hall_name,
                hall_code=current.hall_code,
            )
        )
        for widget in (self.url, self.code, self.url_label, self.code_label, self.confirm):
            widget.setVisible(not enrolled)
        self._update()

    def _update(self) -> None:
        ready = bool(self.url.text().strip()) and len(self.code.text().strip()) >= 8
        self.confirm.setEnabled(ready and not self._busy and self._current is None)

    def enrol(self) -> None:
        tools = self.desk.tools.provision
        if tools is None or self._busy or not self.confirm.isEnabled():
            return
        url, code = self.url.text(), self.code.text()
        self._busy = True
        self._update()
        self.banner.show_message(BannerKind.INFO, self.t("tech.provision.working"))
        self.run(lambda: tools.enrol(url, code), self._enrolled)

    def show_failure(self, exc: Exception) -> None:
        self._busy = False
        self._update()
        key = getattr(exc, "message_key", "")
        if isinstance(key, str) and key.startswith("tech.provision."):
            self.banner.show_message(BannerKind.ERROR, self.t(key))
            return
        super().show_failure(exc)

    def _enrolled(self, done: EnrolledTerminal) -> None:
        self._busy = False
        self.code.clear()
        key = "tech.provision.restart" if done.restart_needed else "tech.provision.done"
        self.banner.show_message(
            BannerKind.OK, self.t(key, terminal=done.terminal_id, hall=done.hall_name)
        )
        self._show(done)
        tools = self.desk.tools.provision
        self.restart_button.setVisible(
            done.restart_needed and tools is not None and tools.can_restart
        )

    def restart(self) -> None:
        tools = self.desk.tools.provision
        if tools is None:
            return
        self.restart_button.setEnabled(False)
        self.banner.show_message(BannerKind.WARNING, self.t("tech.config.restarting"))
        self.run(tools.restart, lambda _r: None)
