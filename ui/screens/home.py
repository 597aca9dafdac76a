"""The home screen: the hall, date and time, the network state in words, what the terminal can
do as big tiles, and three switches: language, 长辈模式 (elderly mode) and voice prompts.

A tile shows only when its screen is registered and available on this terminal, so a villager
never taps into a dead end. The tiles and switches follow the screen's shape: on a portrait
screen two (elderly mode) or three tiles a row and the switches in two rows; on a landscape
screen four tiles a row and the switches in one row, so all seven tiles fit without scrolling. Device trouble that changes what the villager gets (e.g. no paper:
receipts on screen instead) is said here before they start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.i18n import LANGUAGE_NAMES, LANGUAGES, Text
from ui.navigation import Screen
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

# (screen name, message key, symbol). The symbol helps those who read little; each is one our
# fonts draw (the audit checks: the hourglass and stopwatch came out as empty boxes).
TILES = (
    ("guide", "home.tile.guide", "☰"),
    ("apply", "home.tile.apply", "✍"),
    ("progress", "home.tile.progress", "◔"),
    ("appointment", "home.tile.appointment", "◷"),
    ("evaluation", "home.tile.evaluation", "★"),
    ("complaint", "home.tile.complaint", "☎"),
    ("notices", "home.tile.notices", "⚑"),
)


class HomeScreen(Screen):
    name = "home"
    show_header = False
    messages = {
        "home.welcome": Text(
            "欢迎使用政务服务自助终端", "ھۆكۈمەت مۇلازىمىتى ئۆزى بېجىرىش ئۈسكۈنىسىگە خۇش كەلدىڭىز"
        ),
        "home.hint": Text("请点下面的大按钮开始。", "باشلاش ئۈچۈن تۆۋەندىكى چوڭ كۇنۇپكىنى بېسىڭ."),
        "home.tile.guide": Text("办事指南", "ئىش بېجىرىش يېتەكچىسى"),
        "home.tile.apply": Text("我要办事", "ئىش بېجىرىمەن"),
        "home.tile.progress": Text("进度查询", "ئەھۋال سۈرۈشتۈرۈش"),
        "home.tile.appointment": Text("预约取号", "ۋاقىت بەلگىلەش ۋە نومۇر ئېلىش"),
        "home.tile.evaluation": Text("服务评价", "مۇلازىمەتكە باھا"),
        "home.tile.complaint": Text("咨询投诉", "مەسلىھەت ۋە ئەرز"),
        "home.tile.notices": Text("政务公开", "ھۆكۈمەت ئۇچۇرلىرى"),
        "home.date": Text("{date} {weekday} {time}", "{date} {weekday} {time}"),
        # weekdays, Monday first (Python's isoweekday)
        "home.weekday.1": Text("星期一", "دۈشەنبە"),
        "home.weekday.2": Text("星期二", "سەيشەنبە"),
        "home.weekday.3": Text("星期三", "چارشەنبە"),
        "home.weekday.4": Text("星期四", "پەيشەنبە"),
        "home.weekday.5": Text("星期五", "جۈمە"),
        "home.weekday.6": Text("星期六", "شەنبە"),
        "home.weekday.7": Text("星期日", "يەكشەنبە"),
        "home.elderly_on": Text("长辈模式：开", "ياشانغانلار ھالىتى: ئوچۇق"),
        "home.elderly_off": Text("长辈模式：关", "ياشانغانلار ھالىتى: تاقاق"),
        "home.voice_on": Text("语音提示：开", "ئاۋازلىق ئەسكەرتىش: ئوچۇق"),
        "home.voice_off": Text("语音提示：关", "ئاۋازلىق ئەسكەرتىش: تاقاق"),
        "home.catalog_age": Text(
            "网络未连接，办事指南是 {minutes} 分钟前保存的。",
            "تور ئۇلانمىدى، يېتەكچى {minutes} مىنۇت ئىلگىرى ساقلانغان.",
        ),
        "home.agent_sign_in": Text("代办员登录", "ۋاكالەتچى كىرىشى"),
        "home.no_catalog": Text(
            "暂时无法获取办事指南，请稍后再试或询问工作人员。",
            "ھازىرچە يېتەكچىگە ئېرىشكىلى بولمىدى، كېيىن سىناڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.hall = TitleLabel()
        self.hall.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome = BodyLabel()
        self.clock = BodyLabel()
        self.network = BodyLabel()
        self._online: bool | None = None
        self._now: datetime | None = None
        self._device_keys: list[str] = []
        self._catalog_note: tuple[str, dict[str, Any]] | None = None
        # Which screens this terminal offers; the main window points it at the navigator.
        self.offers: Callable[[str], bool] = lambda _name: False
        self.switches = QGridLayout()
        self.language_buttons: dict[str, BigButton] = {}
        for lang in LANGUAGES:
            button = BigButton(LANGUAGE_NAMES[lang], role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, lang=lang: self._set_language(lang))
            self.language_buttons[lang] = button
        self.elderly_button = BigButton(role="secondary")
        self.elderly_button.clicked.connect(self._toggle_elderly)
        self.voice_button = BigButton(role="secondary")
        self.voice_button.clicked.connect(self._toggle_voice)
        self._landscape: bool | None = None  # the shape the tiles were last laid out for
        # The village proxy agent's way in (ui/agent/entry.py says why a button); the main
        # window connects it. Shown only where agent mode is offered; placed with the switches.
        self.agent_button = BigButton(role="secondary")
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tile_buttons: dict[str, BigButton] = {}
        for target, _key, _symbol in TILES:
            # Parented from the start: a parentless button shown by layout_tiles() would be a
            # window of its own and take the focus from the kiosk's window (no keyboard then).
            button = BigButton(parent=self.tiles_box, role="tile")
            button.hide()
            button.clicked.connect(lambda _c=False, target=target: self.navigate.emit(target, {}))
            self.tile_buttons[target] = button
        for widget in (self.hall, self.clock, self.network, self.welcome):
            self.body.addWidget(widget)
        self.body.addWidget(self.tiles_box, 1)
        self.body.addLayout(self.switches)
        ctx.theme.changed.connect(lambda _e: self.retranslate())

    # --- what the composition root tells it ------------------------------------------------------

    def set_hall(self, name: str) -> None:
        self.hall.setText(name or self.t("app.title"))

    def set_time(self, now: datetime) -> None:
        self._now = now
        self._show_time()

    def set_network(self, online: bool | None) -> None:
        self._online = online
        self._show_network()

    def set_device_problems(self, message_keys: list[str]) -> None:
        """Device states a villager must know before starting (e.g. printer.out_of_paper)."""
        self._device_keys = list(message_keys)
        self._show_banner()

    def set_catalog_note(self, key: str | None, **params: Any) -> None:
        self._catalog_note = None if key is None else (key, params)
        self._show_banner()

    @property
    def landscape(self) -> bool:
        return self.width() > self.height()

    def layout_tiles(self) -> None:
        """Place the tiles of the screens this terminal offers, and the switches, for the
        screen's shape (see the module docstring)."""
        self._landscape = self.landscape
        while self.switches.count():
            self.switches.takeAt(0)
        switches = [*self.language_buttons.values(), self.elderly_button, self.voice_button]
        per_row = len(switches) if self._landscape else len(self.language_buttons)
        for i, button in enumerate(switches):
            self.switches.addWidget(button, i // per_row, i % per_row)
        self.agent_button.setVisible(self.offers("agent_signin"))
        row = (len(switches) - 1) // per_row + 1
        self.switches.addWidget(self.agent_button, row, 0, 1, per_row)
        while self.tiles.count():
            self.tiles.takeAt(0)
        columns = 4 if self._landscape else 2 if self.ctx.theme.elderly else 3
        shown = 0
        for target, _key, _symbol in TILES:
            button = self.tile_buttons[target]
            if not self.offers(target):
                button.hide()
                continue
            self.tiles.addWidget(button, shown // columns, shown % columns)
            button.show()
            shown += 1

    # --- Screen --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.set_hall(self.ctx.settings.hall_name)
        self.welcome.set_plain(self.t("home.welcome") + "\n" + self.t("home.hint"))
        for target, key, symbol in TILES:
            self.tile_buttons[target].setText(f"{symbol}\n{self.t(key)}")
            self.tile_buttons[target].setAccessibleName(self.t(key))
        for lang, button in self.language_buttons.items():
            button.setChecked(lang == self.ctx.tr.language)
        elderly = self.ctx.theme.elderly
        self.elderly_button.setText(self.t("home.elderly_on" if elderly else "home.elderly_off"))
        voice = self.ctx.voice.enabled
        self.voice_button.setText(self.t("home.voice_on" if voice else "home.voice_off"))
        self.voice_button.setVisible(self.ctx.voice.available)
        self.agent_button.setText("☺ " + self.t("home.agent_sign_in"))
        self._show_time()
        self._show_network()
        self._show_banner()
        self.layout_tiles()

    def enter(self, **params: Any) -> None:
        self.layout_tiles()
        super().enter(**params)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.landscape != self._landscape:
            self.layout_tiles()  # the screen was turned (or first shown)

    # --- internals -----------------------------------------------------------------------------

    def _show_time(self) -> None:
        if self._now is None:
            return
        self.clock.set_plain(
            self.t(
                "home.date",
                date=self._now.strftime("%Y-%m-%d"),
                weekday=self.t(f"home.weekday.{self._now.isoweekday()}"),
                time=self._now.strftime("%H:%M"),
            )
        )

    def _show_network(self) -> None:
        key = {None: "network.checking", True: "network.online", False: "network.offline"}
        self.network.set_plain(self.t(key[self._online]))

    def _show_banner(self) -> None:
        if self._device_keys:
            text = " ".join(self.t(k) for k in self._device_keys)
            self.banner.show_message(BannerKind.WARNING, text)
        elif self._catalog_note is not None:
            key, params = self._catalog_note
            self.banner.show_message(BannerKind.INFO, self.t(key, **params))
        else:
            self.banner.clear()

    def _set_language(self, language: str) -> None:
        self.ctx.tr.set_language(language)
        self.ctx.theme.set_right_to_left(self.ctx.tr.right_to_left)
        for lang, button in self.language_buttons.items():
            button.setChecked(lang == language)

    def _toggle_elderly(self) -> None:
        self.ctx.theme.set_elderly(not self.ctx.theme.elderly)

    def _toggle_voice(self) -> None:
        self.ctx.voice.set_enabled(not self.ctx.voice.enabled)
        self.retranslate()

    def forget(self) -> None:
        # The home screen holds nothing personal; the person's switches (language, mode,
        # voice) are reset by the session watch to the terminal's defaults.
        super().forget()
        self._show_banner()
