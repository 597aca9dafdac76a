"""运维菜单: who is signed in, the technician's tools as tiles (each shown only when this
terminal has what it needs), sign out, and the way out of the kiosk to the maintenance console.

Leaving by 首页 ends the visit, which signs the technician out; there is no 返回 here (behind
this screen is only the sign-in screen).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from ui.i18n import Text
from ui.technician.base import TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel

MENU = "tech_menu"
# (screen name, message key, symbol). Tools are added here as they are built.
TOOLS = (
    ("tech_selftest", "tech.menu.selftest", "⚒"),
    ("tech_queue", "tech.menu.queue", "⇅"),
    ("tech_network", "tech.menu.network", "☍"),
    ("tech_logs", "tech.menu.logs", "☰"),
    ("tech_carry", "tech.menu.carry", "⇪"),
    ("tech_relay", "tech.menu.relay", "⇧"),
    ("tech_provision", "tech.menu.provision", "⊕"),
    ("tech_settings", "tech.menu.settings", "⚙"),
)


class TechMenuScreen(TechScreen):
    name = MENU
    title_key = "tech.menu.title"
    messages = {
        "tech.menu.title": Text("运维菜单", "تېخنىك تىزىملىكى"),
        "tech.menu.selftest": Text("设备自检", "ئۈسكۈنە ئۆزىنى تەكشۈرۈش"),
        "tech.menu.queue": Text("队列与同步", "ئۆچرەت ۋە ماس قەدەملەش"),
        "tech.menu.network": Text("网络检测", "تور تەكشۈرۈش"),
        "tech.menu.logs": Text("日志", "خاتىرە"),
        "tech.menu.carry": Text("U 盘带出记录", "U دىسكىدا ئېلىپ چىقىش"),
        "tech.menu.relay": Text("代送 U 盘记录", "U دىسكىدىكىنى يەتكۈزۈش"),
        "tech.menu.provision": Text("终端登记", "ئۈسكۈنە تىزىملاش"),
        "tech.menu.settings": Text("设置", "تەڭشەك"),
        "tech.menu.sign_out": Text("退出登录", "چېكىنىش"),
        "tech.menu.maintenance": Text("退出到维护模式", "ئاسراش ھالىتىگە ئۆتۈش"),
        "tech.menu.maintenance_confirm": Text(
            "再按一次“退出到维护模式”：自助服务将停止，屏幕转到系统维护登录（需要运维人员自己的系统账号）。",
            "«ئاسراش ھالىتىگە ئۆتۈش» نى يەنە بىر قېتىم بېسىڭ: ئۆزى بېجىرىش مۇلازىمىتى توختايدۇ، ئېكران سىستېما ئاسراش كىرىشىگە ئۆتىدۇ (تېخنىك خادىمنىڭ ئۆز سىستېما ھېساباتى كېرەك).",
        ),
        "tech.menu.maintenance_requested": Text(
            "已请求进入维护模式，自助服务马上停止。",
            "ئاسراش ھالىتى تەلەپ قىلىندى، ئۆزى بېجىرىش مۇلازىمىتى ھازىرلا توختايدۇ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.back_button.hide()
        self.who = BodyLabel(role="field")
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tile_buttons: dict[str, BigButton] = {}
        for target, _key, _symbol in TOOLS:
            button = BigButton(role="tile")
            button.clicked.connect(lambda _c=False, t=target: self.navigate.emit(t, {}))
            self.tile_buttons[target] = button
        self.offers: Any = lambda _name: False  # the navigator's, set by the main window
        self.sign_out_button = BigButton(role="secondary")
        self.sign_out_button.clicked.connect(self._sign_out)
        self.maintenance_button = BigButton(role="danger")
        self.maintenance_button.clicked.connect(self._maintenance)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_out_button)
        actions.addWidget(self.maintenance_button)
        self.body.addWidget(self.who)
        self.body.addWidget(self.tiles_box)
        self.body.addStretch(1)
        self.body.addLayout(actions)
        self._confirming = False

    def retranslate(self) -> None:
        super().retranslate()
        for target, key, symbol in TOOLS:
            self.tile_buttons[target].setText(f"{symbol}\n{self.t(key)}")
        self.sign_out_button.setText(self.t("tech.menu.sign_out"))
        self.maintenance_button.setText("⚙ " + self.t("tech.menu.maintenance"))
        self._show_who()

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self._confirming = False
        self.banner.clear()
        self._show_who()
        self.maintenance_button.setVisible(self.desk.can_exit_to_maintenance)
        columns = 2
        while self.tiles.count():
            self.tiles.takeAt(0)
        shown = 0
        for target, _key, _symbol in TOOLS:
            button = self.tile_buttons[target]
            button.setVisible(self.offers(target))
            if button.isVisible():
                self.tiles.addWidget(button, shown // columns, shown % columns)
                shown += 1

    def _show_who(self) -> None:
        technician = self.desk.technician if self.available() else None
        self.who.set_plain(
            ""
            if technician is None
            else self.t(
                "tech.signed_in_as", number=technician.technician_id, name=technician.masked_name
            )
        )

    def _sign_out(self) -> None:
        # Signed out (audited as such) before leaving; leaving then ends the visit.
        self.run(lambda: self.desk.sign_out("signed_out"), lambda _r: self.go_home.emit())

    def _maintenance(self) -> None:
        if not self._confirming:
            self._confirming = True
            self.banner.show_message(BannerKind.WARNING, self.t("tech.menu.maintenance_confirm"))
            return
        self._confirming = False
        self.run(
            lambda: self.desk.exit_to_maintenance("technician menu"),
            lambda _r: self.banner.show_message(
                BannerKind.OK, self.t("tech.menu.maintenance_requested")
            ),
        )

    def forget(self) -> None:
        self._confirming = False
        self.who.set_plain("")
        super().forget()
