"""设置: every effective value of the terminal's configuration (where it comes from; secrets
only as set or not), the few the technician may change, checked as the kiosk checks them at
start, saved atomically with the previous settings kept, and 重新启动 to apply them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.ports.settings import Setting, SettingRefused
from ui.i18n import Text
from ui.technician.base import TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel, TouchScroll

SETTINGS = "tech_settings"
# The editable fields in the technician's words: (label, the rule the kiosk applies).
FIELDS: dict[str, tuple[Text, Text]] = {
    "platform.base_url": (
        Text("平台地址", "سۇپا ئادرېسى"),
        Text("要写成 https://平台域名 这样的完整地址", "https://domain شەكلىدىكى تولۇق ئادرېس"),
    ),
    "ui.idle_timeout_s": (
        Text("无人操作多久回首页（秒）", "مەشغۇلات بولمىسا باش بەتكە قايتىش (سېكۇنت)"),
        Text(
            "30 到 3600 之间，且要比倒计时提示（{warning} 秒）长",
            "30 دىن 3600 گىچە، ھەمدە ئاگاھلاندۇرۇشتىن ({warning} سېكۇنت) ئۇزۇن بولۇشى كېرەك",
        ),
    ),
    "ui.voice_prompts": (
        Text("语音提示", "ئاۋازلىق ئەسكەرتىش"),
        Text("开或关", "ئېچىق ياكى تاقاق"),
    ),
    "ui.service_phone": (
        Text("服务电话", "مۇلازىمەت تېلېفونى"),
        Text(
            "只能是数字和短横线，例如 0774-7812345", "پەقەت رەقەم ۋە سىزىقچە، مەسىلەن 0774-7812345"
        ),
    ),
    "terminal.language": (
        Text("默认语言", "كۆڭۈلدىكى تىل"),
        Text("zh_CN（中文）或 ug_CN（维吾尔文）", "zh_CN (خەنزۇچە) ياكى ug_CN (ئۇيغۇرچە)"),
    ),
    "devices.printer.host": (
        Text("打印机地址", "پرىنتېر ئادرېسى"),
        Text("网络打印机的 IP 地址或名字", "تور پرىنتېرىنىڭ IP ئادرېسى ياكى نامى"),
    ),
    "devices.printer.port": (
        Text("打印机端口", "پرىنتېر پورتى"),
        Text("一个整数，通常是 9100", "پۈتۈن سان، ئادەتتە 9100"),
    ),
    "devices.printer.paper_mm": (
        Text("打印纸宽度（毫米）", "قەغەز كەڭلىكى (مىللىمېتىر)"),
        Text("58 或 80", "58 ياكى 80"),
    ),
}


class TechSettingsScreen(TechScreen):
    name = SETTINGS
    title_key = "tech.config.title"
    messages = {
        "tech.config.title": Text("设置", "تەڭشەك"),
        "tech.config.editable": Text(
            "可以在这里修改的设置：", "بۇ يەردە ئۆزگەرتكىلى بولىدىغان تەڭشەكلەر:"
        ),
        "tech.config.effective": Text(
            "现在生效的全部设置（密码类只显示是否已设置）：",
            "ھازىر كۈچتىكى بارلىق تەڭشەكلەر (مەخپىيلىرى پەقەت بار-يوقلۇقى كۆرسىتىلىدۇ):",
        ),
        "tech.config.secret_set": Text("（已设置，不显示）", "(بار، كۆرسىتىلمەيدۇ)"),
        "tech.config.secret_unset": Text("（未设置）", "(يوق)"),
        "tech.config.on": Text("开", "ئېچىق"),
        "tech.config.off": Text("关", "تاقاق"),
        "tech.config.save": Text("保存", "ساقلاش"),
        "tech.config.saving": Text("正在检查并保存…", "تەكشۈرۈلۈپ ساقلىنىۋاتىدۇ…"),
        "tech.config.unchanged": Text("没有改动。", "ئۆزگەرتىش يوق."),
        "tech.config.saved": Text(
            "已保存 {count} 项（原来的设置已另存）。按“重新启动终端程序”后生效，约需半分钟。",
            "{count} تۈر ساقلاندى (ئەسلىدىكى تەڭشەك ئايرىم ساقلاندى). «قايتا قوزغىتىش» نى باسقاندىن كېيىن كۈچكە ئىگە بولىدۇ، يېرىم مىنۇتچە ۋاقىت كېتىدۇ.",
        ),
        "tech.config.refused": Text(
            "“{field}”的值不对：{rule}。没有保存任何改动。",
            "«{field}» نىڭ قىممىتى خاتا: {rule}. ھېچقانداق ئۆزگەرتىش ساقلانمىدى.",
        ),
        "tech.config.from_environment": Text(
            "{field}：由系统环境变量设定，这里不能改",
            "{field}: سىستېما مۇھىت ئۆزگەرگۈچىسىدە بېكىتىلگەن، بۇ يەردە ئۆزگەرتكىلى بولمايدۇ",
        ),
        **{f"tech.config.field.{key}": label for key, (label, _rule) in FIELDS.items()},
        **{f"tech.config.rule.{key}": rule for key, (_label, rule) in FIELDS.items()},
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.editable_title = BodyLabel(role="field")
        self.save_button = BigButton()
        self.save_button.clicked.connect(self.save)
        self.restart_button = BigButton(role="danger")
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.hide()
        self.effective_title = BodyLabel(role="field")
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # keys and values are LTR
        # The editable rows scroll (a landscape panel in elderly mode has room for few), each
        # label above its input at the full width, so long labels wrap and still fit; the
        # effective configuration below scrolls in its own view.
        editable = QWidget()
        self.form = QVBoxLayout(editable)
        self.form.setContentsMargins(0, 0, 0, 0)
        for widget in (self.editable_title, self.save_button, self.restart_button):
            self.form.addWidget(widget)
        self.body.addWidget(TouchScroll(editable), 2)
        self.body.addWidget(self.effective_title)
        self.body.addWidget(self.view, 1)
        self.inputs: dict[str, QLineEdit | BigButton] = {}
        self.labels: dict[str, BodyLabel] = {}
        self._settings: list[Setting] = []

    def available(self) -> bool:
        return super().available() and self.desk.tools.config is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.editable_title.set_plain(self.t("tech.config.editable"))
        self.effective_title.set_plain(self.t("tech.config.effective"))
        self.save_button.setText("✔ " + self.t("tech.config.save"))
        self.restart_button.setText("⟳ " + self.t("tech.config.restart"))
        self._show(self._settings)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.banner.clear()
        self.restart_button.hide()
        self._load()

    def forget(self) -> None:
        self._show([])
        self.restart_button.hide()
        super().forget()

    def _load(self) -> None:
        tools = self.desk.tools.config
        if tools is not None:
            self.run(tools.settings, self._show)

    # --- showing ------------------------------------------------------------------------------

    def _show(self, settings: list[Setting]) -> None:
        self._settings = settings
        for old in (*self.labels.values(), *self.inputs.values()):
            self.form.removeWidget(old)
            old.deleteLater()
        self.inputs, self.labels = {}, {}
        for s in settings:
            if s.key not in FIELDS:
                continue
            label = BodyLabel(role="field")
            label.set_plain(self._label(s))
            widget = self._input(s)
            widget.setEnabled(s.editable)
            row = self.form.indexOf(self.save_button)  # the rows go between title and buttons
            self.form.insertWidget(row, label)
            self.form.insertWidget(row + 1, widget)
            self.inputs[s.key], self.labels[s.key] = widget, label
        self.save_button.setEnabled(bool(self.inputs))
        self.view.setPlainText("\n".join(self._line(s) for s in settings))

    def _label(self, s: Setting) -> str:
        name = self.t(f"tech.config.field.{s.key}")
        return name if s.editable else self.t("tech.config.from_environment", field=name)

    def _input(self, s: Setting) -> QLineEdit | BigButton:
        if s.kind in ("switch", "choice"):
            button = BigButton(role="secondary")
            button.setProperty("value", s.value)
            button.setText(self._choice_text(s, s.value))
            button.clicked.connect(lambda _c=False, b=button, st=s: self._cycle(b, st))
            return button
        edit = QLineEdit(s.value)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return edit

    def _choice_text(self, s: Setting, value: str) -> str:
        if s.kind == "switch":
            return self.t("tech.config.on") if value == "true" else self.t("tech.config.off")
        return value

    def _cycle(self, button: BigButton, s: Setting) -> None:
        options = ("true", "false") if s.kind == "switch" else s.choices
        current = str(button.property("value"))
        value = (
            options[(options.index(current) + 1) % len(options)]
            if current in options
            else options[0]
        )
        button.setProperty("value", value)
        button.setText(self._choice_text(s, value))

    def _line(self, s: Setting) -> str:
        if s.secret:
            value = self.t("tech.config.secret_set" if s.is_set else "tech.config.secret_unset")
        else:
            value = s.value
        return f"{s.key} = {value}  [{s.source}]"

    # --- saving -------------------------------------------------------------------------------

    def changes(self) -> dict[str, str]:
        known = {s.key: s for s in self._settings}
        out: dict[str, str] = {}
        for key, widget in self.inputs.items():
            value = (
                widget.text() if isinstance(widget, QLineEdit) else str(widget.property("value"))
            )
            if known[key].editable and value != known[key].value:
                out[key] = value
        return out

    def save(self) -> None:
        tools = self.desk.tools.config
        if tools is None:
            return
        changes = self.changes()
        if not changes:
            self.banner.show_message(BannerKind.INFO, self.t("tech.config.unchanged"))
            return
        self.save_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("tech.config.saving"))
        self.run(lambda: tools.save(changes), self._saved)

    def _saved(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        tools = self.desk.tools.config
        if not changed:
            self.banner.show_message(BannerKind.INFO, self.t("tech.config.unchanged"))
            return
        self.banner.show_message(BannerKind.OK, self.t("tech.config.saved", count=len(changed)))
        self.restart_button.setVisible(tools is not None and tools.can_restart)
        if tools is not None:
            self.run(tools.settings, self._show_keeping_restart)

    def _show_keeping_restart(self, settings: list[Setting]) -> None:
        self._show(settings)

    def show_failure(self, exc: Exception) -> None:
        self.save_button.setEnabled(bool(self.inputs))
        if isinstance(exc, SettingRefused):
            self.banner.show_message(BannerKind.ERROR, self.refusal(exc))
            widget = self.inputs.get(exc.key)
            if widget is not None:
                widget.setFocus()
            return
        super().show_failure(exc)

    def refusal(self, exc: SettingRefused) -> str:
        if exc.key in FIELDS:
            warning = next((s.value for s in self._settings if s.key == "ui.idle_warning_s"), "")
            field = self.t(f"tech.config.field.{exc.key}")
            rule = self.t(f"tech.config.rule.{exc.key}", warning=warning)
        else:
            field, rule = exc.key, exc.detail
        return self.t("tech.config.refused", field=field, rule=rule)

    def restart(self) -> None:
        tools = self.desk.tools.config
        if tools is None:
            return
        self.restart_button.setEnabled(False)
        self.banner.show_message(BannerKind.WARNING, self.t("tech.config.restarting"))
        self.run(tools.restart, lambda _r: None)
