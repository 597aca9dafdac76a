"""代办员主页: who is signed in, 为下一位村民办理 (serve the next villager), the worklist, the day
summary slip, and sign-out.

There is no 首页 here: the agent leaves by 退出登录 (or by walking away: the idle countdown
signs them out). Serving a villager is AgentHooks' (ui/agent/entry.py), which the main window
connects to `serve_requested`, so the villager's visit and the agent's session stay apart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.domain.agent_day import DaySummary
from kiosk.domain.slip import Slip
from kiosk.ports.operators import Worklist
from kiosk.ports.printer import PrintResult
from ui.agent.base import AGENT_HOME, AGENT_WORKLIST, AgentScreen
from ui.i18n import Text
from ui.widgets import BannerKind, BigButton, BodyLabel


class AgentHomeScreen(AgentScreen):
    name = AGENT_HOME
    title_key = "agent.home.title"
    messages = {
        "agent.home.title": Text("代办员工作台", "ۋاكالەتچى خىزمەت سۇپىسى"),
        "agent.home.serve": Text("为下一位村民办理", "كېيىنكى ئاھالىگە بېجىرىش"),
        "agent.home.worklist": Text("我代办的件", "مەن ۋاكالەتەن بېجىرگەن ئىشلار"),
        "agent.home.print_day": Text("打印今日汇总", "بۈگۈنكى خۇلاسىنى بېسىش"),
        "agent.home.sign_out": Text("退出登录", "چېكىنىش"),
        "agent.home.hint": Text(
            "每位村民都要本人把身份证放在读卡区，才能为他办理。办完一位，屏幕上不会留下他的信息。",
            "ھەر بىر ئاھالە ئۆز كىملىكىنى ئوقۇش رايونىغا قويغاندىلا ئۇنىڭغا بېجىرگىلى بولىدۇ. بىرىنى تاماملىغاندىن كېيىن ئېكراندا ئۇنىڭ ئۇچۇرى قالمايدۇ.",
        ),
        "agent.home.card_on_reader": Text(
            "读卡区上还有一张证件。请先取走，再请下一位村民放自己的证件。",
            "ئوقۇش رايونىدا يەنە بىر كىملىك بار. ئاۋۋال ئېلىۋېلىڭ، ئاندىن كېيىنكى ئاھالە ئۆز كىملىكىنى قويسۇن.",
        ),
        "agent.home.printing": Text("正在打印今日汇总…", "بۈگۈنكى خۇلاسە بېسىلىۋاتىدۇ…"),
        "agent.home.printed": Text(
            "今日汇总已打印：共 {count} 件。", "بۈگۈنكى خۇلاسە بېسىلدى: جەمئىي {count} ئىش."
        ),
        "agent.home.no_printer": Text(
            "本终端没有打印机，不能打印汇总。", "بۇ ئۈسكۈنىدە پرىنتېر يوق، خۇلاسە بېسىلمايدۇ."
        ),
        # the day summary slip
        "agent.slip.title": Text("代办日汇总", "ۋاكالەت كۈنلۈك خۇلاسىسى"),
        "agent.slip.agent": Text("代办员：{name}（{number}）", "ۋاكالەتچى: {name} ({number})"),
        "agent.slip.hall": Text("服务网点：{hall}", "مۇلازىمەت نۇقتىسى: {hall}"),
        "agent.slip.day": Text("日期：{day}", "چېسلا: {day}"),
        "agent.slip.total": Text("共 {count} 件", "جەمئىي {count} ئىش"),
        "agent.slip.state": Text("{state}：{count} 件", "{state}: {count} ئىش"),
        "agent.slip.line": Text("{receipt} {name} {state}", "{receipt} {name} {state}"),
        "agent.slip.none": Text("今天还没有代办的件。", "بۈگۈن تېخى ۋاكالەتەن بېجىرگەن ئىش يوق."),
        "agent.slip.offline": Text(
            "网络未连接：这是 {time} 从平台取回的清单。",
            "تور ئۇلانمىغان: بۇ {time} دە سۇپىدىن ئېلىنغان تىزىملىك.",
        ),
        "agent.slip.printed_at": Text("打印时间：{time}", "بېسىلغان ۋاقىت: {time}"),
    }

    serve_requested = Signal()

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.back_button.hide()
        self.home_button.hide()
        self.who = BodyLabel(role="field")
        self.hint = BodyLabel()
        self.serve_button = BigButton(role="tile")
        self.serve_button.clicked.connect(self._serve)
        self.worklist_button = BigButton(role="tile")
        self.worklist_button.clicked.connect(lambda: self.navigate.emit(AGENT_WORKLIST, {}))
        self.print_button = BigButton(role="secondary")
        self.print_button.clicked.connect(self.print_day)
        self.sign_out_button = BigButton(role="secondary")
        # AgentHooks (the main window connects it) signs out and ends the agent's visit.
        tiles = QWidget()
        grid = QGridLayout(tiles)
        grid.addWidget(self.serve_button, 0, 0)
        grid.addWidget(self.worklist_button, 0, 1)
        grid.addWidget(self.print_button, 1, 0)
        grid.addWidget(self.sign_out_button, 1, 1)
        self.body.addWidget(self.who)
        self.body.addWidget(self.hint)
        self.body.addWidget(tiles, 1)
        self._printing = False

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.set_plain(self.t("agent.home.hint"))
        self.serve_button.setText("➜\n" + self.t("agent.home.serve"))
        self.worklist_button.setText("☰\n" + self.t("agent.home.worklist"))
        self.print_button.setText("✉ " + self.t("agent.home.print_day"))
        self.sign_out_button.setText(self.t("agent.home.sign_out"))
        self._show_who()

    def opened(self, **params: Any) -> None:
        self._show_who()
        self._printing = False
        self.print_button.setEnabled(True)
        bridge = self.ctx.devices
        if params.get("signed_in") and bridge is not None and bridge.present_identity:
            self.banner.show_message(BannerKind.INFO, self.t("agent.signin.take_card"))

    def forget(self) -> None:
        # Nothing of a villager is ever here; the agent's own line is drawn again on entry.
        self.who.set_plain("")
        self._printing = False
        super().forget()

    def _show_who(self) -> None:
        agent = self.ctx.agent
        desk = self.ctx.services.agent
        operator = desk.operator if desk is not None else None
        if agent is None or operator is None:
            self.who.set_plain("")
            return
        self.who.set_plain(
            self.t("agent.signed_in_as", name=operator.masked_name, number=agent.agent_id)
        )

    # --- serving ------------------------------------------------------------------------------

    def _serve(self) -> None:
        # A card still on the reader (the agent's own, or the last villager's) would be taken
        # for the next villager's: it must go first.
        bridge = self.ctx.devices
        if bridge is not None and bridge.present_identity is not None:
            self.banner.show_message(BannerKind.WARNING, self.t("agent.home.card_on_reader"))
            return
        self.banner.clear()
        self.serve_requested.emit()

    # --- the day slip -------------------------------------------------------------------------

    def print_day(self) -> None:
        if self._printing:
            return
        if not self.desk.can_print:
            self.banner.show_message(BannerKind.ERROR, self.t("agent.home.no_printer"))
            return
        self._printing = True
        self.print_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("agent.home.printing"))
        desk = self.desk
        self.run(lambda: desk.print_day_summary(self.slip), self._printed)

    def show_failure(self, exc: Exception) -> None:
        self._printing = False
        self.print_button.setEnabled(True)
        super().show_failure(exc)

    def _printed(self, result: tuple[DaySummary, PrintResult]) -> None:
        self._printing = False
        self.print_button.setEnabled(True)
        summary, _printed = result
        self.banner.show_message(
            BannerKind.OK, self.t("agent.home.printed", count=len(summary.lines))
        )

    def slip(self, summary: DaySummary, worklist: Worklist) -> Slip:
        """The day summary in the agent's words (any thread: the translator is only read).
        Villagers by masked name only, as the worklist has them."""
        t = self.t
        desk = self.ctx.services.agent
        operator = desk.operator if desk is not None else None
        lines = [
            t(
                "agent.slip.agent",
                name=operator.masked_name if operator is not None else "",
                number=summary.agent_id,
            ),
            t("agent.slip.hall", hall=self.ctx.settings.hall_name),
            t("agent.slip.day", day=summary.day.isoformat()),
            "",
            t("agent.slip.total", count=len(summary.lines)),
        ]
        for status, count in summary.counts():
            lines.append(t("agent.slip.state", state=t("agent.state." + status.value), count=count))
        lines.append("")
        if not summary.lines:
            lines.append(t("agent.slip.none"))
        for line in summary.lines:
            lines.append(
                t(
                    "agent.slip.line",
                    receipt=line.receipt_no,
                    name=line.masked_name,
                    state=t("agent.state." + line.status.value),
                )
            )
        if not worklist.fresh:
            local = worklist.fetched_at.astimezone()
            lines.append(t("agent.slip.offline", time=local.strftime("%m-%d %H:%M")))
        now = self.ctx.clock.now().astimezone()
        lines.append(t("agent.slip.printed_at", time=now.strftime("%Y-%m-%d %H:%M")))
        return Slip(t("agent.slip.title"), "", tuple(lines), qr_payload=summary.qr_payload())
