"""取号: a walk-in's B-ticket, or a booked villager's check-in for an A-ticket, printed at once.

The number is the one thing on the screen, huge. When the platform is out of reach the
terminal's own number is shown with its terminal id and the words that say so; when the paper
does not come out, the slip is shown with a QR code instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from kiosk.domain.appointment import Ticket
from kiosk.domain.slip import Slip
from kiosk.ports.hall import NoBookingToday
from kiosk.services.tickets import CHINA
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.ticket_slip import SlipView
from ui.widgets import BannerKind, BigButton

WALK_IN, CHECK_IN = "walk_in", "check_in"


class TicketScreen(Screen):
    name = "ticket"
    title_key = "ticket.title"
    messages = {
        "ticket.title": Text("取号", "نومۇر ئېلىش"),
        "ticket.asking": Text("正在取号，请稍候…", "نومۇر ئېلىنىۋاتىدۇ، سەل ساقلاڭ…"),
        "ticket.printing": Text("正在打印排队号…", "نۆۋەت نومۇرى بېسىلىۋاتىدۇ…"),
        "ticket.printed": Text(
            "请取走排队号凭条，留意叫号。", "نۆۋەت تالونىنى ئېلىڭ، چاقىرىشقا دىققەت قىلىڭ."
        ),
        "ticket.not_printed": Text(
            "{problem} 请用手机拍下这个号码。",
            "{problem} بۇ نومۇرنى تېلېفونىڭىز بىلەن سۈرەتكە ئېلىۋېلىڭ.",
        ),
        "ticket.spoken": Text("您的号码是 {label}。", "نومۇرىڭىز {label}."),
        "ticket.slip_title": Text("排队号", "نۆۋەت نومۇرى"),
        "ticket.hall": Text("服务网点：{hall}", "مۇلازىمەت ئورنى: {hall}"),
        "ticket.time": Text("取号时间：{time}", "ئالغان ۋاقىت: {time}"),
        "ticket.slot": Text("预约时段：{start}-{end}", "بەلگىلەنگەن ۋاقىت: {start}-{end}"),
        "ticket.waiting": Text("前面还有 {count} 人", "ئالدىڭىزدا {count} ئادەم بار"),
        "ticket.listen": Text(
            "请留意叫号，过号请重新取号。",
            "چاقىرىشقا دىققەت قىلىڭ، ئۆتۈپ كەتسە قايتا نومۇر ئېلىڭ.",
        ),
        "ticket.offline_notice": Text(
            "网络未连接：这是本机临时编号，不在大厅叫号系统中。请拿此凭条到服务窗口，工作人员会为您安排。",
            "تور ئۇلانمىدى: بۇ ئۈسكۈنىنىڭ ۋاقىتلىق نومۇرى، زالنىڭ چاقىرىش سىستېمىسىدا يوق."
            " بۇ تالوننى مۇلازىمەت كۆزنىكىگە ئېلىپ بېرىڭ، خىزمەتچى ئورۇنلاشتۇرىدۇ.",
        ),
        "ticket.offline_check_in": Text(
            "您的预约暂时无法核对，将在窗口核对。",
            "بەلگىلىگەن ۋاقتىڭىزنى ھازىر تەكشۈرگىلى بولمىدى، كۆزنەكتە تەكشۈرۈلىدۇ.",
        ),
        "ticket.need_card": Text(
            "请先刷身份证，再签到取号。", "ئالدى بىلەن كىملىكىڭىزنى ئوقۇتۇپ، ئاندىن نومۇر ئېلىڭ."
        ),
        "ticket.take_walk_in": Text("取普通号", "ئادەتتىكى نومۇر ئېلىش"),
        # Raised by the hall desk (kiosk.ports.hall)
        "ticket.error": Text(
            "暂时取不到号，请到服务窗口取号或询问工作人员。",
            "ھازىرچە نومۇر ئالغىلى بولمىدى، كۆزنەكتىن ئېلىڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
        "ticket.no_booking_today": Text(
            "今天在本大厅没有查到您的预约。可以取普通号排队。",
            "بۈگۈن بۇ زالدا سىزنىڭ ۋاقىت بەلگىلىگىنىڭىز تېپىلمىدى. ئادەتتىكى نومۇر ئېلىپ نۆۋەت ساقلىسىڭىز بولىدۇ.",
        ),
        "ticket.queue_full": Text(
            "今天的号已经取完了，请明天再来或询问工作人员。",
            "بۈگۈنكى نومۇرلار تۈگىدى، ئەتە كېلىڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self._action = WALK_IN
        self._item_code: str | None = None
        self.ticket: Ticket | None = None
        self.slip_view = SlipView()
        self.walk_in_button = BigButton()
        self.walk_in_button.clicked.connect(lambda: self._ask(WALK_IN))
        self.retry_button = BigButton(role="secondary")
        self.retry_button.clicked.connect(lambda: self._ask(self._action))
        self.done_button = BigButton()
        self.done_button.clicked.connect(self.go_home.emit)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.walk_in_button, self.done_button):
            buttons.addWidget(button)
        self.body.addWidget(self.slip_view)
        self.body.addStretch(1)
        self.body.addLayout(buttons)
        self._show_buttons()

    def available(self) -> bool:
        return self.ctx.services.tickets is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.walk_in_button.setText(self.t("ticket.take_walk_in"))
        self.retry_button.setText(self.t("nav.retry"))
        self.done_button.setText(self.t("nav.done"))

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if "action" not in params:  # back from a later screen: keep what is shown
            return
        self._item_code = params.get("item_code")
        self._ask(str(params["action"]))

    def forget(self) -> None:
        self.ticket = None
        self._item_code = None
        self.slip_view.clear()
        self._show_buttons()
        super().forget()

    # --- asking the hall for a number -----------------------------------------------------------

    def _ask(self, action: str) -> None:
        tickets = self.ctx.services.tickets
        if tickets is None:
            return
        self._action = action
        self.ticket = None
        self.slip_view.clear()
        identity = self.ctx.session.identity
        if action == CHECK_IN and identity is None:
            self.banner.show_message(BannerKind.WARNING, self.t("ticket.need_card"))
            self._show_buttons(walk_in=True)
            return
        self.banner.show_message(BannerKind.INFO, self.t("ticket.asking"))
        self._show_buttons(busy=True)
        item = self._item_code
        if action == CHECK_IN and identity is not None:
            work = lambda: tickets.check_in(identity)  # noqa: E731
        else:
            work = lambda: tickets.walk_in(item)  # noqa: E731
        self.ctx.run(work, self._got, self._failed, hold=True)

    def _got(self, ticket: Ticket) -> None:
        self.ticket = ticket
        self.ctx.session.release_card_hold()  # the card is no longer needed
        slip = self._slip(ticket)
        self.slip_view.show_slip(slip)
        self.ctx.voice.say("ticket.spoken", label=ticket.label)
        self._show_buttons(done=True)
        slips = self.ctx.services.slips
        if slips is None:
            self._not_printed("printer.not_found")
            return
        self.banner.show_message(BannerKind.INFO, self.t("ticket.printing"))
        self.ctx.run(lambda: slips.print(slip), self._printed, self._print_failed, hold=True)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, NoBookingToday):
            self.banner.show_message(BannerKind.WARNING, self.t("ticket.no_booking_today"))
            self._show_buttons(walk_in=True)
            return
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))
        self._show_buttons(retry=True)

    def _printed(self, _result: object) -> None:
        self.banner.show_message(BannerKind.OK, self.t("ticket.printed"))

    def _print_failed(self, exc: Exception) -> None:
        key = getattr(exc, "message_key", "printer.error")
        self._not_printed(key if self.ctx.tr.has(key) else "printer.error")

    def _not_printed(self, key: str) -> None:
        self.slip_view.show_qr()
        self.banner.show_message(
            BannerKind.WARNING, self.t("ticket.not_printed", problem=self.t(key))
        )

    # --- the slip ----------------------------------------------------------------------------

    def _slip(self, ticket: Ticket) -> Slip:
        now: datetime = self.ctx.clock.now().astimezone(CHINA)
        lines = [
            self.t("ticket.hall", hall=self.ctx.settings.hall_name),
            self.t("ticket.time", time=now.strftime("%Y-%m-%d %H:%M")),
        ]
        if ticket.slot_start:
            lines.append(self.t("ticket.slot", start=ticket.slot_start, end=ticket.slot_end))
        if ticket.waiting_before is not None:
            lines.append(self.t("ticket.waiting", count=ticket.waiting_before))
        lines.append(self.t("ticket.listen"))
        notice = ""
        if ticket.offline:
            notice = self.t("ticket.offline_notice")
            if ticket.booked:
                notice += self.t("ticket.offline_check_in")
        return Slip(
            title=self.t("ticket.slip_title"),
            headline=ticket.label,
            lines=tuple(lines),
            notice=notice,
            footer=self.t("common.hotline", phone=self.ctx.settings.service_phone),
        )

    def _show_buttons(
        self, *, busy: bool = False, walk_in: bool = False, retry: bool = False, done: bool = False
    ) -> None:
        self.walk_in_button.setVisible(walk_in and not busy)
        self.retry_button.setVisible(retry and not busy)
        self.done_button.setVisible(done and not busy)
